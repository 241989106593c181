#!/bin/sh
# Rebuilds the prebuilt test modules (committed). Needs clang-14 + wasi-libc and wabt.
set -e
cd "$(dirname "$0")"
clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-all -o spin/benchmark.wasm spin/benchmark.c
for wat in modules/*.wat; do wat2wasm -o "${wat%.wat}.wasm" "$wat"; done
