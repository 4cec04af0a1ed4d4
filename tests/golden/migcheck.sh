#!/bin/bash
# migcheck.sh - golden tests of migcheck. Prints "ok N name" or
# "not ok N name" per case (counted by build/runcheck.sh).
# tests/golden/migcheck_good is a small valid set written by hand from
# the format rules; every tests/golden/broken/<case>/ is that set with
# one mistake (made by broken/make_broken.py) and names in EXPECT the
# message migcheck must issue; each must end with return code 8.
set -u
cd "$(dirname "$0")/../.." || exit 2
MC=build/bin/migcheck
T=build/out/golden_migcheck
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
nok() { n=$((n + 1)); echo "not ok $n $1"; }

if [ ! -x "$MC" ]; then nok "migcheck not built"; exit 1; fi

# the valid set: return code 0, counts as expected
"$MC" tests/golden/migcheck_good >"$T/good.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q 'HMG0425I' "$T/good.out" &&
    grep -q '1 messages, 0 public' "$T/good.out" &&
    grep -q '1 PAB entries, 1 personal' "$T/good.out"; then
    ok "good set"
else nok "good set (rc $rc)"; cat "$T/good.out"; fi
# the same set named by its .PKL
"$MC" tests/golden/migcheck_good/MIGRATE.PKL >"$T/good2.out" 2>&1
if [ $? -eq 0 ]; then ok "good set by .PKL"; else nok "good set by .PKL"; fi
# the hand-written writer golden set (tests/golden/migwrite)
"$MC" tests/golden/migwrite >"$T/writer.out" 2>&1
if [ $? -eq 0 ] && grep -q '1 schedule files with 1 schedule' \
    "$T/writer.out"; then ok "writer golden set"
else nok "writer golden set"; cat "$T/writer.out"; fi
# usage and a missing set
"$MC" >"$T/usage.out" 2>&1
if [ $? -eq 8 ]; then ok "no argument: rc 8"; else nok "no argument"; fi
"$MC" "$T/nothing" >"$T/none.out" 2>&1
if [ $? -eq 8 ]; then ok "absent set: rc 8"; else nok "absent set"; fi

for d in tests/golden/broken/*/; do
    c=$(basename "$d")
    want=$(printf 'HMG%04dE' "$(cat "$d/EXPECT")")
    "$MC" "$d" >"$T/$c.out" 2>&1
    rc=$?
    if [ $rc -eq 8 ] && grep -q "^$want " "$T/$c.out"; then
        ok "broken $c ($want)"
    else
        nok "broken $c: want rc 8 and $want, got rc $rc"
        sed 's/^/    /' "$T/$c.out"
    fi
done
echo "1..$n"
