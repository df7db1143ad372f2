#!/usr/bin/env bash
# Opt-in check of the arm64 (NEON) build on an x86-64 Linux machine: cross-compiles
# native/core and its tests for aarch64 and runs them under qemu user-mode emulation, at the
# neon level (the test binary loops over every available level: scalar and neon) and with
# VECGRES_SIMD_LEVEL forced to scalar. Not part of `npm test`; needs two Debian packages:
#   apt-get update && apt-get install -y g++-aarch64-linux-gnu qemu-user
# Usage: bash native/core/scripts/cross-arm64.sh   (build dir: native/core/build-arm64)
set -euo pipefail
core="$(cd "$(dirname "$0")/.." && pwd)"
build="$core/build-arm64"
for tool in aarch64-linux-gnu-g++ qemu-aarch64; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the header of this script)" >&2; exit 2; }
done

cmake -S "$core" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVECGRES_CORE_TESTS=ON \
  -DCMAKE_SYSTEM_NAME=Linux -DCMAKE_SYSTEM_PROCESSOR=aarch64 \
  -DCMAKE_CXX_COMPILER=aarch64-linux-gnu-g++ \
  -DCMAKE_CROSSCOMPILING_EMULATOR="qemu-aarch64;-L;/usr/aarch64-linux-gnu"
cmake --build "$build" --parallel 2

run() { qemu-aarch64 -L /usr/aarch64-linux-gnu "$build/vecgres_core_tests" "$@"; }
echo "== all levels (expect: scalar neon)"
run | grep -vE '^\[  OK  \]'
echo "== forced scalar"
VECGRES_SIMD_LEVEL=scalar run --expect-active scalar --expect-forced-ok | tail -2
echo "== forced avx2 on arm64 (must fall back to neon, visibly)"
VECGRES_SIMD_LEVEL=avx2 run --expect-active neon --expect-forced-unavailable | tail -2
