#!/bin/bash
# jclexec.sh - the host job control (jcl/, exec/). None of it can run
# here, so this checks what can be checked on Linux:
#  - the lint (build/jcllint.py, also reached as build/lint.py --jcl
#    and --rexx) passes on jcl/ and exec/, and fails on every
#    rule-breaking file in tests/golden/jcl-bad/ with the finding its
#    EXPECT: line names;
#  - a stale jcl/HMBUILD.jcl and colliding member names are caught;
#  - the EXECs' option handling, run under Regina in the dry-run
#    modes (TYPE, SHOW) where no host command is issued, gives the
#    documented program calls.
# Prints "ok N name" or "not ok N name" (counted by build/runcheck.sh).
set -u
cd "$(dirname "$0")/../.." || exit 2
T=build/out/golden_jclexec
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
nok() { n=$((n + 1)); echo "not ok $n $1"; }
PY=${PYTHON:-python3}

# ---- the tree passes ----
for part in jcl rexx; do
    if $PY build/jcllint.py --$part >"$T/tree_$part.out" 2>&1; then
        ok "jcllint --$part: jcl/ and exec/ pass"
    else nok "jcllint --$part on the tree"; cat "$T/tree_$part.out"; fi
    if $PY build/lint.py --$part >"$T/lint_$part.out" 2>&1; then
        ok "lint.py --$part passes on the tree"
    else nok "lint.py --$part on the tree"; cat "$T/lint_$part.out"; fi
done
grep '^SKIP' "$T"/tree_rexx.out

# ---- every bad file fails with its finding ----
bad=0
for f in tests/golden/jcl-bad/*; do
    case "$f" in
        *.jcl) part=jcl ;;
        *.exec|*.rexx) part=rexx ;;
        *) continue ;;
    esac
    want=$(grep -m1 'EXPECT: ' "$f" | sed 's/.*EXPECT: //; s/ \*\/$//')
    if [ -z "$want" ]; then nok "$f has no EXPECT: line"; continue; fi
    if [ "$part" = rexx ] && [ "${want#REXX syntax}" != "$want" ] &&
        ! command -v regina >/dev/null; then
        echo "SKIP: $f: regina is not installed"; continue
    fi
    out=$($PY build/jcllint.py --$part "$f" 2>&1)
    rc=$?
    if [ $rc -eq 1 ] && printf '%s\n' "$out" | grep -qF -- "$want"; then
        ok "$(basename "$f"): $want"
    else
        nok "$(basename "$f") (rc $rc) should say: $want"
        printf '%s\n' "$out"
    fi
    bad=$((bad + 1))
done
[ $bad -ge 40 ] && ok "$bad rule-breaking files checked" ||
    nok "only $bad rule-breaking files"
if $PY build/lint.py --jcl tests/golden/jcl-bad/BADIF.jcl \
        >"$T/wire.out" 2>&1; then
    nok "lint.py --jcl passes a bad file"
else
    grep -q 'IF without ENDIF' "$T/wire.out" &&
        ok "lint.py --jcl fails on a bad file" ||
        { nok "lint.py --jcl on a bad file"; cat "$T/wire.out"; }
fi

# ---- the generated build job and the member names ----
R="$T/root"
mkdir -p "$R"
cp -r jcl common extractors "$R"/
echo 'int hm_zz;' >"$R/common/zzextra.c"
out=$($PY build/jcllint.py --jcl --root "$R" 2>&1)
if [ $? -eq 1 ] && printf '%s' "$out" | grep -q 'HMBUILD.jcl:0: stale'
then ok "a new source file makes HMBUILD.jcl stale"
else nok "stale HMBUILD.jcl not caught"; printf '%s\n' "$out"; fi
$PY build/jcllint.py --write-build --root "$R" >/dev/null 2>&1
if $PY build/jcllint.py --jcl --root "$R" >"$T/regen.out" 2>&1 &&
    grep -q 'EXEC HMCC,M=ZZEXTRA' "$R/jcl/HMBUILD.jcl" &&
    grep -q 'INCLUDE OBJ(ZZEXTRA)' "$R/jcl/HMBUILD.jcl"; then
    ok "--write-build compiles and binds the new member"
else nok "--write-build"; cat "$T/regen.out"; fi
cp common/plat_iconv.c "$R/common/plat_iconx.c" 2>/dev/null ||
    echo 'int hm_x;' >"$R/common/plat_iconx.c"
[ -f common/plat_iconv.c ] || echo 'int hm_y;' >"$R/common/plat_iconv.c"
out=$($PY build/jcllint.py --jcl --root "$R" 2>&1)
if printf '%s' "$out" | grep -q 'are both C member PLAT@ICO'; then
    ok "two sources with one 8-character member name are caught"
else nok "member collision not caught"; printf '%s\n' "$out"; fi

# ---- the EXECs' options, under Regina (dry runs) ----
RX=$(command -v regina)
if [ -z "$RX" ]; then
    echo "SKIP: EXEC dry runs: regina is not installed" \
        "(apt-get install regina-rexx)"
    exit 0
fi
E=$PWD/exec
# no PATH: a host command issued by mistake finds nothing to run
rx() {
    (cd "$T" && env -i PATH=/nonexistent REGINA_MACROS="$E" \
        REGINA_SUFFIXES=rexx "$RX" "$@")
}
# dry NAME EXEC ARGS WANT: the exec prints WANT and ends with rc 0
dry() {
    local got
    got=$(rx "$2" "$3" 2>&1)
    if [ $? -eq 0 ] && [ "$got" = "$4" ]; then ok "$1"
    else nok "$1"; echo "got:  $got"; echo "want: $4"; fi
}
a="mll79 ( list hmstore list w out b ccsid 273 since 19900101"
a="$a sysnames ofsuad file s node vmb control migparms data"
a="$a codepage 1252 status run.sta quiet type"
w="OVVMEXT --store-list HMSTORE.LIST.W --recfm REC --out B --ccsid 273"
w="$w --node VMB"
w="$w --sysnames OFSUAD.FILE.S --since 19900101"
w="$w --control MIGPARMS.DATA --codepage 1252 --status RUN.STA --quiet"
dry "OVVMEXT EXEC: CMS options to program options" "$E/OVVMEXT.exec" \
    "$a" "$w"
a="( LIST HMSTORE LIST W OUT B SYSNAMES OFSUAD FILE BYTES TYPE"
w="OVVMEXT --store-list HMSTORE.LIST.W --out B --sysnames OFSUAD.FILE"
dry "OVVMEXT EXEC: BYTES; a file id without a mode: any disk" \
    "$E/OVVMEXT.exec" "$a" "$w"
a="USERS LIST A ( WORK W OUT B NOGATHER CCSID 273 SINCE 19900101 TYPE"
w="EXEC OVVMEXT ( LIST HMSTORE LIST W OUT B CCSID 273 SINCE 19900101"
dry "MIGALL EXEC: one extraction over the store list" "$E/MIGALL.exec" \
    "$a" "$w"
dry "MIGCHECK EXEC: a packing list by file id" "$E/MIGCHECK.exec" \
    "MIGRATE PKL B ( TYPE" "MIGCHECK MIGRATE.PKL.B"
a="OUT(/u/hm/memo) PROFILE('HM.PARMLIB(MEMOPROF)')"
a="$a COPYBOOK('HM.PARMLIB(MEMOCOPY)') USERS('HM.MEMO.USERS')"
a="$a DATA('HM.MEMO.MAIL' HM.BB) ACCOUNTS('HM.PARMLIB(ACCT)')"
a="$a SINCE(19900101) PARTITION(2/4) STATUS(P02OF04.STA)"
a="$a LOAD('HM.LOAD') SHOW"
w="ALLOC FI(MIGACCT) DA('HM.PARMLIB(ACCT)') SHR REUSE
ALLOC FI(MIGPROF) DA('HM.PARMLIB(MEMOPROF)') SHR REUSE
ALLOC FI(MIGCOPY) DA('HM.PARMLIB(MEMOCOPY)') SHR REUSE
ALLOC FI(MIGUSRL) DA('HM.MEMO.USERS') SHR REUSE
ALLOC FI(MIGDAT1) DA('HM.MEMO.MAIL') SHR REUSE
ALLOC FI(MIGDAT2) DA(HM.BB) SHR REUSE
TSOLIB ACTIVATE DATASET('HM.LOAD')
LINKMVS MEMOEXT 'POSIX(ON)/ --out /u/hm/memo --accounts //DD:MIGACCT"
w="$w --profile //DD:MIGPROF --copybook //DD:MIGCOPY"
w="$w --users //DD:MIGUSRL --data //DD:MIGDAT1 --data //DD:MIGDAT2"
w="$w --recfm REC --since 19900101 --partition 2/4"
w="$w --status P02OF04.STA'"
dry "MEMOEXT (TSO): DD names and the LINKMVS parameter" \
    "$E/MEMOEXT.rexx" "$a" "$w"
a="UNIX(/u/hm/bin) OUT(/u/hm/tao) PROFILE('HM.PARMLIB(TAOPROF)')"
a="$a DATA('HM.TAO.STORE' 'HM.TAO.CAL') SHOW"
w="/u/hm/bin/taoext --out /u/hm/tao"
w="$w --profile \"//'HM.PARMLIB(TAOPROF)'\""
w="$w --data \"//'HM.TAO.STORE'\" --data \"//'HM.TAO.CAL'\" --recfm REC"
dry "TAOEXT (TSO): the z/OS UNIX program with //'DSN' names" \
    "$E/TAOEXT.rexx" "$a" "$w"
# bad options: a message and the documented return code
got=$(rx "$E/OVVMEXT.exec" "( BOGUS" 2>&1); rc=$?
[ $rc -eq 24 ] && ok "OVVMEXT EXEC: an unknown option ends with rc 24" ||
    { nok "OVVMEXT EXEC bad option (rc $rc)"; echo "$got"; }
got=$(rx "$E/MEMOEXT.rexx" "OUT(/x) DATA(A)" 2>&1); rc=$?
[ $rc -eq 20 ] && printf '%s' "$got" | grep -q 'PROFILE() and DATA()' &&
    ok "MEMOEXT: a missing PROFILE() ends with rc 20" ||
    { nok "MEMOEXT missing operand (rc $rc)"; echo "$got"; }
got=$(rx "$E/MIGALL.exec" "USERS LIST ( TYPE" 2>&1); rc=$?
[ $rc -eq 24 ] && ok "MIGALL EXEC: WORK is required (rc 24)" ||
    { nok "MIGALL without WORK (rc $rc)"; echo "$got"; }
exit 0
