#!/usr/bin/env bash
# Fetches the spec testsuite at the commits pinned in suites/spec/*.suite into a cache folder:
#   ${WASMBENCH_TESTSUITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wasmbench/wasm-testsuite}/<suite name>/
# WasmBench looks there when neither --testsuite PATH nor WASMBENCH_TESTSUITE is given.
# Usage: suites/spec/fetch.sh [suite-name ...]     (default: every *.suite file here)
# Needs git and network access. Idempotent: a suite already at its pinned commit is left alone.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${WASMBENCH_TESTSUITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wasmbench/wasm-testsuite}"
mkdir -p "$cache"

value() { # value <key> <suite file>: the first "key: value" line, comments stripped
  sed -n "s/#.*//; s/^[[:space:]]*$1:[[:space:]]*//p" "$2" | head -n 1 | tr -d '[:space:]'
}

if [ "$#" -gt 0 ]; then
  suites=("$@")
else
  suites=()
  for f in "$here"/*.suite; do suites+=("$(basename "$f" .suite)"); done
fi

for name in "${suites[@]}"; do
  file="$here/$name.suite"
  [ -f "$file" ] || { echo "fetch.sh: no suite file $file" >&2; exit 2; }
  repository="$(value repository "$file")"
  commit="$(value commit "$file")"
  target="$cache/$name"
  if [ -f "$target/.wasmbench-commit" ] && [ "$(cat "$target/.wasmbench-commit")" = "$commit" ]; then
    echo "$name: already at $commit in $target"
    continue
  fi

  work="$(mktemp -d "$cache/.fetch-$name.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "$name: fetching $repository at $commit"
  git -C "$work" init --quiet
  git -C "$work" remote add origin "$repository"
  # Fetch exactly the pinned commit (GitHub serves any reachable commit by id), without history.
  git -C "$work" fetch --quiet --depth 1 origin "$commit"
  git -C "$work" checkout --quiet --detach FETCH_HEAD
  actual="$(git -C "$work" rev-parse HEAD)"
  [ "$actual" = "$commit" ] || { echo "fetch.sh: got $actual, wanted $commit" >&2; exit 1; }

  rm -rf "$work/.git"
  echo "$commit" > "$work/.wasmbench-commit"
  rm -rf "$target"
  mv "$work" "$target"
  trap - EXIT
  echo "$name: $(find "$target" -name '*.wast' | wc -l) scripts in $target"
done
