#!/bin/bash
# selftest.sh - the Hercules layer must be able to fail.
# Builds deliberately broken images (tests/herc/vectors.c switches)
# and checks that build/herc/run.sh reports each as a failure, in
# bounded time, leaving no Hercules behind. Prints "ok N - ..." or
# "not ok N - ..." per check; exits non-zero if any check failed.
set -u
cd "$(dirname "$0")/../.." || exit 2
RUN=build/herc/run.sh
N=0
BAD=0
OUT=$(mktemp -d "${TMPDIR:-/tmp}/hm_herc_self.XXXXXX") || exit 2
trap 'rm -rf "$OUT"' EXIT

check() {   # check DESCRIPTION COMMAND...
    local d=$1; shift
    N=$((N + 1))
    if "$@"; then
        echo "ok $N - $d"
    else
        echo "not ok $N - $d"
        BAD=1
        sed 's/^/#   /' "$OUT/last.txt" | tail -15
    fi
}

# run.sh with arguments into $OUT/last.txt; sets RC and SECS
runit() {
    local t0=$(date +%s)
    "$RUN" --quiet "$@" >"$OUT/last.txt" 2>&1
    RC=$?
    SECS=$(( $(date +%s) - t0 ))
}

has() { grep -q -- "$1" "$OUT/last.txt"; }
failed_rc() { [ "$RC" -ne 0 ]; }
# the summary line of a bitness reports at least one failure
sum_failed() {
    grep -q "^hercules z/Arch $1-bit: [0-9]* passed, [1-9][0-9]* failed$" \
        "$OUT/last.txt"
}
# no Hercules of this run is left
none_left() {
    local p
    for p in $(sed -n 's/^# hercules pid \([0-9]*\)$/\1/p' \
               "$OUT/last.txt"); do
        kill -0 "$p" 2>/dev/null && return 1
    done
    return 0
}

for b in 31 64; do
    runit --bits $b -DHM_HERC_QUICK
    check "$b-bit quick image passes" \
        eval '[ "$RC" -eq 0 ] &&
              has "^hercules z/Arch $b-bit: [1-9][0-9]* passed, 0 failed$"'

    runit --bits $b -DHM_HERC_QUICK -DHM_HERC_FAIL_ONE
    check "$b-bit failing vector is reported" \
        eval 'failed_rc && has "FAIL herc deliberate failure" &&
              has "^hercules z/Arch $b-bit: [0-9]* passed, 1 failed$" &&
              ! has "FAIL hercules"'

    runit --bits $b -DHM_HERC_QUICK -DHM_HERC_CRASH
    check "$b-bit program check (divide by zero) is a failure" \
        eval 'failed_rc && sum_failed $b &&
              has "program check, interruption code 0009" && none_left'

    runit --bits $b -DHM_HERC_QUICK -DHM_HERC_NOEND
    check "$b-bit missing END line is a failure" \
        eval 'failed_rc && sum_failed $b && has "no END line"'
done

runit --bits 64 -DHM_HERC_QUICK -DHM_HERC_HANG --deadline 3
check "a hang ends at the deadline, Hercules stopped" \
    eval 'failed_rc && sum_failed 64 && has "within the deadline of 3 s" &&
          [ "$SECS" -lt 30 ] && none_left'

runit --bits "31 64" -DHM_HERC_QUICK -DHM_HERC_FAIL_ONE
check "both images, each line reports its failure" \
    eval 'failed_rc && sum_failed 31 && sum_failed 64 &&
          [ "$(grep -c "^hercules z/Arch" "$OUT/last.txt")" -eq 2 ]'

echo "# $N checks"
exit $BAD
