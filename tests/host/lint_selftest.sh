#!/bin/sh
# lint_selftest.sh - shows that the mainframe lint (build/lint.py)
# fails where it must, and passes where it must. Run from the
# repository root:  sh tests/host/lint_selftest.sh
# Uses the deliberately bad files in tests/golden/lint/ (the normal
# lint run skips that directory) and ends with "N passed, N failed";
# exit status 1 when anything failed.
set -u
PY=${PYTHON:-python3}
L=build/lint.py
G=tests/golden/lint
pass=0
fail=0
T=$(mktemp -d "${TMPDIR:-/tmp}/hmlint.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT

# expect STATUS PATTERN WHAT command...: the command must exit with
# STATUS and, when PATTERN is not empty, print a line matching it.
expect() {
    want=$1 pat=$2 what=$3
    shift 3
    out=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail=$((fail + 1))
        echo "FAIL $what: exit $rc, wanted $want"
        printf '%s\n' "$out" | sed 's/^/    /'
    elif [ -n "$pat" ] && ! printf '%s\n' "$out" | grep -q -- "$pat"
    then
        fail=$((fail + 1))
        echo "FAIL $what: no line matching: $pat"
        printf '%s\n' "$out" | sed 's/^/    /'
    else
        pass=$((pass + 1))
        echo "PASS $what"
    fi
}

if [ ! -d "$G" ]; then
    echo "FAIL $G is missing (run from the repository root)"
    exit 1
fi

# the built-in self-test: synthetic sources and symbol lists,
# including a forced collision of short names
expect 0 ' 0 failed' 'lint.py --selftest' $PY $L --selftest

# (a) 80 columns, CR
expect 1 'wide.c:4: line is 81 characters (at most 80)' \
    '81-column line fails --lines' $PY $L --lines $G/common/wide.c
expect 1 'crlf.h:1: carriage return' 'CR LF fails --lines' \
    $PY $L --lines $G/common/crlf.h
expect 0 '' 'the 80-column rule passes on okmain.c' \
    $PY $L --lines $G/common/prog/okmain.c

# (b) OS headers, with --root so that common/osinc.c is core code
expect 1 'osinc.c:3: OS header <stdio.h>' '<stdio.h> in the core fails' \
    $PY $L --headers --root $G $G/common/osinc.c
expect 1 'osinc.c:4: OS header <unistd.h>' \
    '<unistd.h> in the core fails' \
    $PY $L --headers --root $G $G/common/osinc.c
expect 1 'badmain.c:2: OS header <stdio.h>' '<stdio.h> in a main fails' \
    $PY $L --headers --root $G $G/common/prog/badmain.c
expect 0 '' '<stdlib.h> in a main passes' \
    $PY $L --headers --root $G $G/common/prog/okmain.c
expect 0 '' 'the same file outside common/ is not core code' \
    $PY $L --headers $G/common/osinc.c

# (c) ASCII assumptions, library calls, floating point
expect 1 "asciibad.c:5: comparison with character literal 'a'" \
    "'a' <= c fails --ascii" $PY $L --ascii --root $G $G/common/asciibad.c
expect 1 'asciibad.c:8: case change by 32' 's[i] - 32 fails --ascii' \
    $PY $L --ascii --root $G $G/common/asciibad.c
expect 1 'asciibad.c:10: printf() outside' 'printf fails --ascii' \
    $PY $L --ascii --root $G $G/common/asciibad.c
expect 0 '' 'look-alikes pass --ascii' \
    $PY $L --ascii --root $G $G/common/asciiok.c
expect 1 'calls.c:6: C library call strchr()' 'strchr fails --calls' \
    $PY $L --calls --root $G $G/common/calls.c
expect 1 'fp.c:2: floating point (double)' 'double fails --float' \
    $PY $L --float --root $G $G/common/fp.c

# (d) 8-character names: a map with collisions, a clean map, a stale
expect 1 "dup.map:2: short name 'hmabcdef' for hm_abcdef collides" \
    'duplicate short names fail --names --check' \
    $PY $L --names --check --nm-file $G/syms.nm --map $G/dup.map
expect 1 "dup.map:3: short name 'MEMCPY'" \
    'a C library short name fails --names --check' \
    $PY $L --names --check --nm-file $G/syms.nm --map $G/dup.map
expect 1 "external name 'crc_table' does not start with hm_" \
    'a non-hm_ external fails --names' \
    $PY $L --names --nm-file $G/syms.nm
grep -v '^crc_table ' $G/syms.nm > "$T/clean.nm"
expect 0 '' 'a generated map passes --names --write --check' \
    $PY $L --names --write --check --nm-file "$T/clean.nm" --out-dir "$T"
expect 0 'hm_ab_cd_ef HM' 'colliding candidates got hash forms' \
    grep -v 'HMABCDEF' "$T/names.map"
echo 'hm_new_func T 60 10' >> "$T/clean.nm"
expect 1 'hm_new_func (defined in' 'a stale map fails --names --check' \
    $PY $L --names --check --nm-file "$T/clean.nm" --out-dir "$T"

echo "lint_selftest: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
