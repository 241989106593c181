#!/usr/bin/env bash
# Rebuilds every suites/bench/*/benchmark.wasm and suites/micro/*.wasm from source, and
# checks expected outputs.
#
#   suites/build.sh                  rebuild all benchmark.wasm (clang-14 + wasi-libc) and micro .wasm
#   suites/build.sh --check          rebuild every module into a temp dir and compare it with the
#                                    committed .wasm (stale modules fail; only a warning when the
#                                    toolchain is not the pinned one), build natively (gcc -O2 +
#                                    stub), compare native output at every
#                                    size with *.stdout.expected, and the wasm output at `small`
#                                    (run under Node's WASI; wabt's wasm-interp has no WASI here)
#   suites/build.sh --check-wasm-all like --check, but compares the wasm output at every size (slow)
#   suites/build.sh --bless          write *.stdout.expected from the native build (after checking
#                                    that the wasm output agrees at `small`)
#   suites/build.sh --check-micro    check only the micro kernels against micro/expected.txt
#                                    (Node, and wabt's spectest-interp for counts <= 1,000,000)
#   suites/build.sh ... NAME...      restrict to the named workloads (micro kernels not checked)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$here/bench"
sizes=(small default large)

# Pinned flags. -g0 and --strip-all keep debug info and the name section out, so the
# output depends only on the sources, clang-14 and the wasi-libc package.
CC_WASM=(clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -g0 -std=c11
         -Wall -Wextra -Werror -Wl,--strip-all)
CC_NATIVE=(gcc -O2 -std=c11 -Wall -Wextra -Werror)

mode=build
names=()
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    --check-wasm-all) mode=check-all ;;
    --bless) mode=bless ;;
    --check-micro) mode=check-micro ;;
    -h|--help) sed -n '2,/^set /p' "$0" | grep '^#'; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) names+=("$arg") ;;
  esac
done
explicit_names=1
if [ ${#names[@]} -eq 0 ]; then
  explicit_names=0
  for d in "$bench"/*/; do
    [ -f "$d/benchmark.c" ] && names+=("$(basename "$d")")
  done
fi

# The committed .wasm files were built with exactly these; other versions build working
# modules but different bytes. clang's driver also runs binaryen's wasm-opt after linking
# when wasm-opt is on PATH, so its version matters too.
PINNED_CLANG="14.0.6"
PINNED_WASI_LIBC="0.0~git20220510.9886d3d-2"
PINNED_RT="1:14.0.6-12"
PINNED_WASM_OPT="108"

toolchain_pinned=1
check_toolchain() {
  local v
  v="$(clang-14 --version 2>/dev/null | head -1)" || { echo "clang-14 not found (apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 binaryen)" >&2; exit 1; }
  case "$v" in *"$PINNED_CLANG"*) ;; *) echo "warning: $v, committed modules were built with clang $PINNED_CLANG" >&2; toolchain_pinned=0 ;; esac
  if command -v dpkg-query >/dev/null; then
    v="$(dpkg-query -W -f '${Version}' wasi-libc 2>/dev/null || true)"
    [ "$v" = "$PINNED_WASI_LIBC" ] || { echo "warning: wasi-libc '$v', committed modules used $PINNED_WASI_LIBC" >&2; toolchain_pinned=0; }
    v="$(dpkg-query -W -f '${Version}' libclang-rt-14-dev-wasm32 2>/dev/null || true)"
    [ "$v" = "$PINNED_RT" ] || { echo "warning: libclang-rt-14-dev-wasm32 '$v', committed modules used $PINNED_RT" >&2; toolchain_pinned=0; }
  fi
  v="$(wasm-opt --version 2>/dev/null || echo none)"
  case "$v" in *" $PINNED_WASM_OPT"*) ;; *) echo "warning: wasm-opt '$v' (clang runs it after linking), committed modules used version $PINNED_WASM_OPT" >&2; toolchain_pinned=0 ;; esac
}

build_wasm() { # name [output path]
  local dir="$bench/$1" out="${2:-$bench/$1/benchmark.wasm}" extra=()
  if [ -f "$dir/wasm.cflags" ]; then
    # A workload's wasm.cflags (one line) adds compiler flags, e.g. -msimd128. Compiled and
    # linked apart: linking without -O keeps clang from running wasm-opt 108, which rejects
    # v128 (it does not enable the features the module uses).
    read -ra extra < "$dir/wasm.cflags"
    local obj f cc=()
    for f in "${CC_WASM[@]}"; do [[ "$f" == -Wl,* ]] || cc+=("$f"); done
    obj="$(mktemp --suffix=.o)"
    (cd "$dir" && "${cc[@]}" "${extra[@]}" -c -o "$obj" benchmark.c &&
      clang-14 --target=wasm32-wasi --sysroot=/usr -g0 -Wl,--strip-all -o "$out" "$obj" -lm && chmod 644 "$out")
    rm -f "$obj"
    return
  fi
  (cd "$dir" && "${CC_WASM[@]}" -o "$out" benchmark.c -lm && chmod 644 "$out")
}

# The committed module must be what its source builds to (byte for byte with the pinned
# toolchain; with another toolchain only a warning).
check_fresh() { # committed file, fresh build
  if ! cmp -s "$1" "$2"; then
    if [ "$toolchain_pinned" = 1 ]; then
      fail "${1#"$here"/} differs from a fresh build of its source (stale? run suites/build.sh)"
    else
      echo "warning: ${1#"$here"/} differs from a fresh build (toolchain differs from the pinned one)" >&2
    fi
  fi
}

build_micro() {
  local wat
  for wat in "$here"/micro/*.wat; do
    [ -f "$wat" ] || continue
    wat2wasm "$wat" -o "${wat%.wat}.wasm"
  done
}

# Every line of every *.suite must name an existing workload (folder with benchmark.wasm, or
# a .wasm file) and, with a size, an existing <size>.stdout.expected.
check_suites() {
  local suite path size extra target before=$failures
  for suite in "$here"/*.suite; do
    while read -r path size extra; do
      case "$path" in ''|'#'*) continue ;; esac
      case "$size" in '#'*) size="" ;; esac
      target="$(dirname "$suite")/$path"
      if [ -d "$target" ]; then
        [ -f "$target/benchmark.wasm" ] || fail "$(basename "$suite"): $path has no benchmark.wasm"
        if [ -n "$size" ] && [ ! -f "$target/$size.stdout.expected" ]; then
          fail "$(basename "$suite"): $path has no $size.stdout.expected"
        fi
      elif [ ! -f "$target" ] || [ "${target%.wasm}" = "$target" ]; then
        fail "$(basename "$suite"): $path is neither a workload folder nor a .wasm file"
      fi
    done <"$suite"
  done
  if [ "$failures" -eq "$before" ]; then echo "ok   suite files"; else echo "bad  suite files"; fi
}

check_micro() {
  local wasm ptype count rtype expected got rc wat before=$failures
  for wat in "$here"/micro/*.wat; do
    wat2wasm "$wat" -o "$tmp/micro.wasm"
    check_fresh "${wat%.wat}.wasm" "$tmp/micro.wasm"
  done
  while read -r wasm ptype count rtype expected; do
    case "$wasm" in ''|'#'*) continue ;; esac
    got="$(node --no-warnings "$here/tools/run-micro.mjs" "$here/micro/$wasm" "$ptype" "$count")"
    [ "$got" = "$expected" ] || fail "micro/$wasm run($count): node gave $got, want $expected"
    # The reference interpreter as a second opinion (slow: counts up to 1,000,000 only).
    if [ "$count" -le 1000000 ]; then
      { cat "$here/micro/${wasm%.wasm}.wat"
        echo "(assert_return (invoke \"run\" ($ptype.const $count)) ($rtype.const $expected))"
      } >"$tmp/micro.wast"
      rc=0
      (cd "$tmp" && wast2json micro.wast -o micro.json && spectest-interp micro.json) \
        >"$tmp/micro.log" 2>&1 || rc=$?
      [ "$rc" -eq 0 ] || fail "micro/$wasm run($count): spectest-interp: $(tail -1 "$tmp/micro.log")"
    fi
  done <"$here/micro/expected.txt"
  if [ "$failures" -eq "$before" ]; then echo "ok   micro kernels"; else echo "bad  micro kernels"; fi
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() { echo "FAIL $*" >&2; failures=$((failures + 1)); }

check_one() {
  local name="$1" dir="$bench/$1" exe="$tmp/$1" size out rc before=$failures
  "${CC_NATIVE[@]}" -o "$exe" "$dir/benchmark.c" "$bench/include/bench_native_stub.c" -lm
  build_wasm "$name" "$tmp/$name.wasm"
  check_fresh "$dir/benchmark.wasm" "$tmp/$name.wasm"
  for size in "${sizes[@]}"; do
    out="$tmp/$name.$size.native"
    rc=0
    (cd "$dir" && "$exe" "$size" >"$out") || rc=$?
    if [ "$rc" -ne 0 ]; then fail "$name/$size: native exit status $rc"; continue; fi
    if [ "$mode" = bless ]; then
      cp "$out" "$dir/$size.stdout.expected"
    elif ! cmp -s "$out" "$dir/$size.stdout.expected"; then
      fail "$name/$size: native output differs from $size.stdout.expected"
      diff "$dir/$size.stdout.expected" "$out" | head -5 >&2 || true
    fi
    if [ "$size" = small ] || [ "$mode" = check-all ]; then
      rc=0
      node --no-warnings "$here/tools/run-wasi.mjs" "$dir/benchmark.wasm" "$dir" "$size" \
        >"$tmp/$name.$size.wasm" || rc=$?
      if [ "$rc" -ne 0 ]; then
        fail "$name/$size: wasm exit status $rc"
      elif ! cmp -s "$out" "$tmp/$name.$size.wasm"; then
        fail "$name/$size: wasm output differs from native"
        diff "$out" "$tmp/$name.$size.wasm" | head -5 >&2 || true
      fi
    fi
  done
  # A generated input must match its generator.
  if [ -f "$dir/gen_input.c" ]; then
    "${CC_NATIVE[@]}" -o "$tmp/$name.gen" "$dir/gen_input.c"
    "$tmp/$name.gen" | cmp -s - "$dir/input.txt" || fail "$name: input.txt differs from gen_input.c's output"
  fi
  # Protocol: an unknown size is an error with exit status 2.
  rc=0
  (cd "$dir" && "$exe" bogus >/dev/null 2>&1) || rc=$?
  [ "$rc" -eq 2 ] || fail "$name: unknown size gave exit status $rc, want 2"
  if [ "$failures" -eq "$before" ]; then echo "ok   $name"; else echo "bad  $name"; fi
}

case "$mode" in
  check-micro)
    check_toolchain
    check_micro
    if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
    ;;
  build)
    check_toolchain
    for name in "${names[@]}"; do build_wasm "$name"; echo "built $name"; done
    build_micro
    ;;
  *)
    check_toolchain
    for name in "${names[@]}"; do check_one "$name"; done
    [ "$explicit_names" = 1 ] || { check_micro; check_suites; }
    if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
    echo "all checks passed (${#names[@]} workloads)"
    ;;
esac
