#!/bin/bash
# runcheck.sh - every test layer of hostmig, counted.
# Called by `make -f Makefile.unix check`. Ends with one line
# "N passed, N failed" and exits non-zero when anything failed.
#
# Layers: strict C90 builds (gcc, clang); native cmocka tests; golden
# end-to-end tests; the unit tests in an EBCDIC build; the unit tests
# as big-endian s390x under qemu-user; the mainframe lint; the fuzz
# harnesses (regression inputs and a short run each).
set -u
cd "$(dirname "$0")/.." || exit 2
MAKE="make -f Makefile.unix -s"
J="${HM_JOBS:-2}"
FUZZ_SECONDS="${HM_FUZZ_SECONDS:-10}"
LOG=build/out/check
mkdir -p "$LOG"
P=0
F=0
FAILED=""

pass() { P=$((P + 1)); echo "PASS $1"; }
fail() { F=$((F + 1)); FAILED="$FAILED
  $1"; echo "FAIL $1"; }

# one step that passes or fails as a whole
step() {
    local name=$1; shift
    local out="$LOG/$(echo "$name" | tr ' /:' '___').log"
    if "$@" >"$out" 2>&1; then pass "$name"; else
        fail "$name (see $out)"; tail -20 "$out"; fi
}

# run a cmocka binary and add its counts
cmocka() {
    local layer=$1 bin=$2; shift 2
    local name="$layer: $(basename "$bin")"
    local out="$LOG/$(echo "$name" | tr ' /:' '___').log"
    "$@" "$bin" >"$out" 2>&1
    local rc=$?
    local np nf
    np=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" |
        tail -1)
    nf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" |
        tail -1)
    np=${np:-0}
    nf=${nf:-0}
    grep -a '^\[' "$out" | grep -av '^\[ RUN\|^\[       OK' || true
    if [ "$rc" -ne 0 ] && [ "$nf" -eq 0 ]; then
        nf=1   # crashed, or failed outside a test
    fi
    if [ "$np" -eq 0 ] && [ "$nf" -eq 0 ]; then
        nf=1   # a test binary that ran nothing is a defect
    fi
    P=$((P + np))
    F=$((F + nf))
    if [ "$nf" -ne 0 ]; then
        FAILED="$FAILED
  $name: $nf failed (see $out)"
        tail -30 "$out"
    fi
    echo "$name: $np passed, $nf failed"
}

echo "== build: gcc -std=c90 -pedantic -Wall -Wextra -Werror"
step "build gcc c90" $MAKE -j"$J" all
echo "== build: clang -std=c90 -pedantic -Wall -Wextra -Werror"
step "build clang c90" $MAKE -j"$J" clang-objs

echo "== native tests"
if $MAKE -j"$J" native-tests >"$LOG/native-build.log" 2>&1; then
    for t in build/obj/tests/native/unit/test_* \
             build/obj/tests/native/host/test_*; do
        [ -x "$t" ] && cmocka native "$t"
    done
else
    fail "native tests build (see $LOG/native-build.log)"
    tail -20 "$LOG/native-build.log"
fi

echo "== golden end-to-end tests"
for g in tests/golden/*.sh; do
    [ -f "$g" ] || continue
    out="$LOG/golden_$(basename "$g" .sh).log"
    bash "$g" >"$out" 2>&1
    rc=$?
    np=$(grep -c '^ok ' "$out")
    nf=$(grep -c '^not ok ' "$out")
    grep '^not ok \|^SKIP\|^# ' "$out"
    [ "$rc" -ne 0 ] && [ "$nf" -eq 0 ] && nf=1
    [ "$np" -eq 0 ] && [ "$nf" -eq 0 ] && nf=1
    P=$((P + np)); F=$((F + nf))
    [ "$nf" -ne 0 ] && FAILED="$FAILED
  golden $(basename "$g"): $nf failed (see $out)"
    echo "golden $(basename "$g"): $np passed, $nf failed"
done

echo "== EBCDIC build (-fexec-charset=IBM1047 -funsigned-char)"
if $MAKE -j"$J" ebcdic-tests >"$LOG/ebcdic-build.log" 2>&1; then
    for t in build/obj/tests/ebcdic/test_*; do
        [ -x "$t" ] && cmocka ebcdic "$t"
    done
else
    fail "ebcdic tests build (see $LOG/ebcdic-build.log)"
    tail -20 "$LOG/ebcdic-build.log"
fi

echo "== s390x big-endian under qemu-user"
S390LIB=build/deps/s390x/usr/lib/s390x-linux-gnu
if $MAKE -j"$J" s390x-tests >"$LOG/s390x-build.log" 2>&1; then
    for t in build/obj/tests/s390x/test_*; do
        [ -x "$t" ] && cmocka s390x "$t" env \
            QEMU_LD_PREFIX=/usr/s390x-linux-gnu \
            LD_LIBRARY_PATH="$PWD/$S390LIB" qemu-s390x
    done
else
    fail "s390x tests build (see $LOG/s390x-build.log)"
    tail -20 "$LOG/s390x-build.log"
fi

echo "== mainframe lint"
if [ -f build/lint.py ]; then
    for part in lines headers calls ascii float plat jcl rexx; do
        step "lint --$part" python3 build/lint.py --$part
    done
    step "lint: 8-character external names (map, collisions)" \
        python3 build/lint.py --names --check build/obj/native/libhm.a
    step "lint: self-test (the lint can fail)" \
        python3 build/lint.py --selftest
    step "lint: rule-breaking files are caught" \
        sh tests/host/lint_selftest.sh
    step "code page tables are current (build/gencp.py --check)" \
        python3 build/gencp.py --check common/cp_tables.c
else
    fail "lint: build/lint.py missing"
fi

echo "== fuzz (libFuzzer, ${FUZZ_SECONDS}s each)"
if $MAKE -j"$J" fuzz-build >"$LOG/fuzz-build.log" 2>&1; then
    for h in build/fuzz/fuzz_*; do
        [ -x "$h" ] || continue
        n=$(basename "$h" | sed 's/^fuzz_//')
        reg="tests/fuzz/regress/$n"
        if [ -d "$reg" ] && [ -n "$(ls -A "$reg")" ]; then
            step "fuzz $n: regression inputs" "$h" "$reg"/*
        fi
        work="build/out/fuzzcorpus/$n"
        rm -rf "$work"; mkdir -p "$work"
        [ -d "tests/fuzz/corpus/$n" ] &&
            cp "tests/fuzz/corpus/$n"/* "$work"/ 2>/dev/null
        step "fuzz $n: ${FUZZ_SECONDS}s run" "$h" \
            -max_total_time="$FUZZ_SECONDS" -seed=1 -rss_limit_mb=1024 \
            -artifact_prefix="$LOG/crash-$n-" "$work"
    done
else
    fail "fuzz build (see $LOG/fuzz-build.log)"
    tail -20 "$LOG/fuzz-build.log"
fi

echo "== Hercules bare metal (z/Arch 31/64-bit, EBCDIC)"
. build/herc/runcheck.inc

if [ -n "$FAILED" ]; then
    echo "Failures:$FAILED"
fi
echo "$P passed, $F failed"
[ "$F" -eq 0 ]
