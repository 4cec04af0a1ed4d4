#!/bin/bash
# run.sh - the emulated-mainframe test layer of hostmig.
#
# Builds the freestanding core (HM_HERC_CORE) with the bare-metal
# shim (start.S, hw.c, link.ld) and the shared test vectors
# (tests/herc/vectors.c) as z/Architecture images, 31-bit
# (-m31 -mzarch) and 64-bit (-m64), EBCDIC (-fexec-charset=IBM1047);
# IPLs each on Hercules, collects the 1403 printer output and counts
# its PASS/FAIL lines. Ends with one line per image:
#   hercules z/Arch 31-bit: N passed, M failed
#   hercules z/Arch 64-bit: N passed, M failed
# and exits non-zero when anything failed: a vector, the build, the
# IPL (no disabled wait before the deadline), the wait code (not the
# success code), or the printer output (no END line, counts that do
# not match it). Every run is bounded: a deadline per image, then
# Hercules is stopped by its process id (SIGTERM, then SIGKILL).
#
# Usage: build/herc/run.sh [--bits "31 64"] [--deadline SECONDS]
#                          [-DNAME ...] [--keep] [--quiet]
#   -DNAME    passed to tests/herc/vectors.c (selftest.sh uses
#             HM_HERC_FAIL_ONE, HM_HERC_CRASH, HM_HERC_HANG)
#   --keep    keep the work directory build/out/herc/run.XXXXXX
#   --quiet   print only FAIL lines and the summary
set -u
cd "$(dirname "$0")/../.." || exit 2

BITS="31 64"
DEADLINE="${HM_HERC_DEADLINE:-90}"
DEFS=""
KEEP=0
QUIET=0
# the core that must run on Hercules (issue 7 item 4): code pages,
# messages, records, NETDATA and IEBCOPY (netdata.c needs detect.c's
# helpers; ndwrite.c builds the vectors' transmissions), migration-
# file writing (migfile.c also has the item time helpers), the
# copybook decoder, and the OfficeVision/VM NOTE parser: notebooks
# and mail files, dates and addresses, NAMES files, DCA documents.
CORE="${HM_HERC_CORE:-common/msg.c common/memsrc.c common/codepage.c
 common/cp_tables.c common/record.c common/netdata.c common/ndwrite.c
 common/iebcopy.c common/detect.c common/migwrite.c common/migfile.c
 common/copybook.c common/layout.c extractors/ovvm/notebook.c
 extractors/ovvm/ovparse.c extractors/ovvm/names.c
 extractors/ovvm/dca.c}"
CC="${HM_HERC_CC:-s390x-linux-gnu-gcc}"
OBJCOPY="${HM_HERC_OBJCOPY:-s390x-linux-gnu-objcopy}"
HERCULES="${HM_HERC_HERCULES:-hercules}"
OK_CODE=600D00        # vectors.c HM_HERC_OK
FAILED_CODE=FA1       # vectors.c HM_HERC_FAILED: FA10nn, nn failed

while [ $# -gt 0 ]; do
    case $1 in
    --bits) BITS=$2; shift 2 ;;
    --deadline) DEADLINE=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --quiet) QUIET=1; shift ;;
    -D*) DEFS="$DEFS $1"; shift ;;
    *) echo "usage: $0 [--bits \"31 64\"] [--deadline S] [-DNAME]" \
            "[--keep] [--quiet]" >&2; exit 2 ;;
    esac
done

mkdir -p build/out/herc || exit 2
WORK=$(mktemp -d "$PWD/build/out/herc/run.XXXXXX") || exit 2
JOBS="${HM_JOBS:-2}"
KIDS=""
# Stop what this run started, by process id: the per-image jobs and
# any Hercules whose pid file is still there.
cleanup() {
    local p f
    for p in $KIDS; do
        kill -TERM "$p" 2>/dev/null
    done
    for f in "$WORK"/b*/herc.pid; do
        [ -f "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null
    done
    wait 2>/dev/null
    [ "$KEEP" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s%N; }
ms() { echo $(( ($(now) - $1) / 1000000 )); }

build_image() {
    local bits=$1 d=$2 m o src gccinc
    case $bits in
    31) m="-m31 -mzarch" ;;
    64) m="-m64" ;;
    *) echo "unknown bitness $bits"; return 1 ;;
    esac
    gccinc=$($CC $m -print-file-name=include)
    local flags="$m -march=z900 -O2 -ffreestanding -fno-builtin
        -fno-tree-loop-distribute-patterns -fno-asynchronous-unwind-tables
        -fno-pic -fno-stack-protector -fexec-charset=IBM1047
        -nostdinc -isystem build/herc/include -isystem $gccinc
        -Icommon -Ibuild/herc"
    local strict="-std=c90 -pedantic -Wall -Wextra -Werror"
    local objs=""
    $CC $m -march=z900 -c build/herc/start.S -o "$d/start.o" || return 1
    for src in $CORE build/herc/hw.c; do
        o="$d/$(basename "$src" .c).o"
        $CC $flags $strict -c "$src" -o "$o" || return 1
        objs="$objs $o"
    done
    $CC $flags $strict -DHM_HERC_BITS="$bits" $DEFS \
        -c tests/herc/vectors.c -o "$d/vectors.o" || return 1
    $CC $m -nostdlib -static -no-pie -Wl,--build-id=none \
        -Wl,--no-warn-rwx-segments -T build/herc/link.ld \
        -o "$d/img.elf" "$d/start.o" $objs "$d/vectors.o" -lgcc ||
        return 1
    $OBJCOPY -O binary "$d/img.elf" "$d/img.bin" || return 1
    echo "img.bin 0x00000000" >"$d/img.ins"
}

# IPL one image; sets STATE (wait, exited, deadline) and WAITPSW
run_image() {
    local d=$1 pid t0 p
    cat >"$d/herc.cnf" <<CNF
ARCHMODE  z/Arch
MAINSIZE  16
NUMCPU    1
CPUMODEL  2064
CODEPAGE  819/1047
PANRATE   SLOW
000E      1403  prt00e.txt
CNF
    echo "ipl img.ins" >"$d/herc.rc"
    t0=$(now)
    ( cd "$d" && HERCULES_RC=herc.rc exec "$HERCULES" -d -f herc.cnf \
        </dev/null >herc.log 2>&1 ) &
    pid=$!
    echo "$pid" >"$d/herc.pid"
    echo "# hercules pid $pid"
    STATE=deadline
    while [ "$(ms "$t0")" -lt $((DEADLINE * 1000)) ]; do
        if grep -q 'HHCCP011I' "$d/herc.log" 2>/dev/null; then
            STATE=wait; break
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            STATE=exited; break
        fi
        sleep 0.05
    done
    RUNMS=$(ms "$t0")
    # stop it: SIGTERM (a clean shutdown), then SIGKILL
    kill -TERM "$pid" 2>/dev/null
    for p in 1 2 3 4 5 6 7 8 9 10; do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rm -f "$d/herc.pid"
    WAITPSW=$(sed -n '/HHCCP011I/{n;p;q}' "$d/herc.log" |
        sed -n 's/.*PSW=[0-9A-Fa-f]* [0-9A-Fa-f]* *\([0-9A-Fa-f]*\).*/\1/p')
    WAITPSW=$(echo "${WAITPSW:-}" | sed 's/^0*//')
}

# Build, IPL and judge one image; writes $d/summary.
one_image() {
    local bits=$1 d=$2 name t0 hf why prt np nf endl w
    IMGD=$d   # for the trap: locals are gone when it runs
    trap '[ -f "$IMGD/herc.pid" ] &&
        kill -KILL "$(cat "$IMGD/herc.pid")" 2>/dev/null' EXIT
    trap 'exit 143' INT TERM
    name="hercules z/Arch $bits-bit"
    t0=$(now)
    if ! build_image "$bits" "$d" >"$d/build.log" 2>&1; then
        echo "FAIL $name: build failed"
        tail -20 "$d/build.log"
        echo "$name: 0 passed, 1 failed" >"$d/summary"
        return 1
    fi
    echo "# $name: built in $(ms "$t0") ms," \
        "$(wc -c <"$d/img.bin") bytes"
    run_image "$d"
    hf=0   # harness-level failures
    why=""
    case $STATE in
    wait) echo "# $name: disabled wait after $RUNMS ms," \
              "PSW address ${WAITPSW:-0}" ;;
    exited) why="Hercules ended before a disabled wait" ;;
    *) why="no disabled wait within the deadline of $DEADLINE s" ;;
    esac
    prt="$d/print.txt"
    if [ -f "$d/prt00e.txt" ]; then
        iconv -f ISO-8859-1 -t UTF-8 "$d/prt00e.txt" >"$prt" ||
            why="${why:+$why; }printer output not convertible"
    else
        : >"$prt"
        why="${why:+$why; }no printer output"
    fi
    np=$(grep -c '^PASS ' "$prt")
    nf=$(grep -c '^FAIL ' "$prt")
    if [ "$QUIET" = 1 ]; then
        grep '^FAIL ' "$prt" | sed "s/^/[$bits] /"
    else
        grep '^BEGIN \|^PASS \|^FAIL \|^END ' "$prt" | sed "s/^/[$bits] /"
    fi
    endl=$(grep '^END ' "$prt" | tail -1)
    if [ -z "$endl" ]; then
        why="${why:+$why; }no END line"
    elif [ "$endl" != "END $np passed, $nf failed" ]; then
        why="${why:+$why; }'$endl' does not match $np PASS, $nf FAIL"
    fi
    [ $((np + nf)) -gt 0 ] || why="${why:+$why; }no vectors ran"
    if [ "$STATE" = wait ]; then
        w=$(echo "$WAITPSW" | tr a-f A-F)
        if [ "$w" = "$OK_CODE" ] && [ "$nf" -eq 0 ]; then
            :
        elif [ "$nf" -gt 0 ] && [ "$w" = "$(printf '%s%03X' \
                "$FAILED_CODE" $((nf > 255 ? 255 : nf)))" ]; then
            :
        else
            case $w in
            DEAD*) why="${why:+$why; }program check, interruption"
                   why="$why code ${w#DEAD} (wait code $w)" ;;
            BAD70) why="${why:+$why; }no printer at device 00E" ;;
            BAD??) why="${why:+$why; }unexpected interruption"
                   why="$why (wait code $w)" ;;
            *) why="${why:+$why; }wait code ${w:-0}, not $OK_CODE" ;;
            esac
            grep 'HHCCP014I' "$d/herc.log" | head -3 | sed 's/^/# /'
        fi
    fi
    if [ -n "$why" ]; then
        echo "FAIL $name: $why"
        hf=1
    fi
    echo "$name: $np passed, $((nf + hf)) failed" >"$d/summary"
    [ $((nf + hf)) -eq 0 ]
}

for bits in $BITS; do
    mkdir -p "$WORK/b$bits"
done
if [ "$JOBS" -ge 2 ]; then
    # the images side by side: one Hercules CPU thread each
    for bits in $BITS; do
        ( one_image "$bits" "$WORK/b$bits" ) >"$WORK/b$bits/out.txt" \
            2>&1 &
        KIDS="$KIDS $!"
    done
    for p in $KIDS; do
        wait "$p"
    done
    KIDS=""
    for bits in $BITS; do
        cat "$WORK/b$bits/out.txt"
    done
else
    for bits in $BITS; do
        ( one_image "$bits" "$WORK/b$bits" )
    done
fi
ANYFAIL=0
for bits in $BITS; do
    if [ -f "$WORK/b$bits/summary" ]; then
        cat "$WORK/b$bits/summary"
    else
        echo "hercules z/Arch $bits-bit: 0 passed, 1 failed"
    fi
    grep -q ' 0 failed$' "$WORK/b$bits/summary" 2>/dev/null || ANYFAIL=1
done
exit $ANYFAIL
