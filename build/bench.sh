#!/bin/sh
# bench.sh - build the benchmark programs and run build/bench.py.
set -u
cd "$(dirname "$0")/.." || exit 2
mkdir -p build/obj/bench
${CC:-gcc} -std=c99 -O2 -Icommon -o build/obj/bench/bench_cp \
    tests/bench/bench_cp.c build/obj/native/libhm.a || exit 1
exec python3 build/bench.py
