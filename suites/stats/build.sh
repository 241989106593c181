#!/usr/bin/env bash
# Builds spin.c into base/spin and slow10/spin (same module; slow10 reads a count 10% larger).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -g0 -std=c11 -Wall -Wextra -Werror -Wl,--strip-all \
  -o "$here/base/spin/benchmark.wasm" "$here/spin.c"
cp "$here/base/spin/benchmark.wasm" "$here/slow10/spin/benchmark.wasm"
