#!/bin/bash
# hmcat_cont.sh - golden tests of hmcat on the real host containers in
# ../shared/samples (NETDATA, TRANSMIT with a PDS), and its behaviour
# on damaged copies: cut at every 80-byte boundary and with bytes
# flipped, hmcat never crashes or hangs. "ok N" / "not ok N" lines.
set -u
cd "$(dirname "$0")/../.." || exit 2
HMCAT=build/bin/hmcat
S=../shared/samples
T=build/out/golden_hmcat_cont
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
nok() { n=$((n + 1)); echo "not ok $n $1"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else
    nok "$1 (expected [$3], got [$2])"; fi; }

if [ ! -d "$S/netdata" ] || [ ! -d "$S/xmi" ]; then
    echo "SKIP: $S is absent: the real-sample container tests did"
    echo "SKIP: not run (../shared must stand beside the repository)"
    exit 0
fi

# cmsnote: the 1993 CMS NOTE, a mail file alone
$HMCAT "$S/netdata/cmsnote.netdata" >"$T/note.out" 2>"$T/note.err"
check "cmsnote: return code" "$?" 0
printf '%s\n' "Date: 13 November 93, 22:52:42 CET" \
    "From: CMS1     at ALIJKU11" "To:   MEA at FINFILES" "" "Test" "" \
    >"$T/note.ref"
cmp -s "$T/note.out" "$T/note.ref" && ok "cmsnote: the 6 records" ||
    nok "cmsnote: the 6 records"
$HMCAT --message "$S/netdata/cmsnote.netdata" | cmp -s - "$T/note.ref" &&
    ok "cmsnote: --message" || nok "cmsnote: --message"
$HMCAT --list "$S/netdata/cmsnote.netdata" >"$T/notel.out"
grep -q "^file 1: (message) .* LRECL 132 .* records 6" "$T/notel.out" &&
    ok "cmsnote: --list shows the message file" ||
    nok "cmsnote: --list [$(cat "$T/notel.out")]"

# dshodd2: SENDFILE of DOMAIN NAMES B1
$HMCAT --list "$S/netdata/dshodd2.netdata" >"$T/dom.list"
grep -q "^file 1: DOMAIN NAMES B1 .*records 816" "$T/dom.list" &&
    ok "dshodd2: --list: DOMAIN NAMES B1, 816 records" ||
    nok "dshodd2: --list [$(cat "$T/dom.list")]"
check "dshodd2: 816 lines" \
    "$($HMCAT "$S/netdata/dshodd2.netdata" | wc -l | tr -d ' ')" 816
check "dshodd2: 272 :nick. entries" \
    "$($HMCAT "$S/netdata/dshodd2.netdata" | grep -c '^:nick\.')" 272
$HMCAT --extract "$T/ext" "$S/netdata/dshodd2.netdata" 2>"$T/ext.err"
check "dshodd2: --extract writes DOMAIN.NAMES" \
    "$(wc -l <"$T/ext/DOMAIN.NAMES" 2>/dev/null | tr -d ' ')" 816

# listserv: LRECL 104
$HMCAT --list "$S/netdata/listserv.netdata" >"$T/ls.list"
grep -q "LRECL 104" "$T/ls.list" && ok "listserv: LRECL 104" ||
    nok "listserv: LRECL 104 [$(cat "$T/ls.list")]"

# TRANSMIT files
check "test_seq.xmi: one data set" \
    "$($HMCAT --list "$S/xmi/test_seq.xmi" | grep -c '^file ')" 1
$HMCAT --list "$S/xmi/test_pds.xmi" >"$T/pds.list"
check "test_pds.xmi: members" \
    "$(sed -n 's/^  member \([A-Z0-9]*\).*/\1/p' "$T/pds.list" |
       tr '\n' ' ')" "JES2HIST JES2JPG SNAKE XMIT "
# The expected texts were made with code page 500 and without the
# sequence numbers of columns 73-80 (see shared/samples/README.md).
for m in SNAKE JES2HIST; do
    $HMCAT --ccsid 500 --unnum --member $m "$S/xmi/test_pds.xmi" |
        cmp -s - "$S/xmi/TEST.PDS/$m.txt" &&
        ok "test_pds.xmi: --member $m (CCSID 500) equals $m.txt" ||
        nok "test_pds.xmi: --member $m (CCSID 500)"
done
$HMCAT --ccsid 1140 --unnum --member SNAKE "$S/xmi/test_pds.xmi" |
    cmp -s - "$S/xmi/TEST.PDS/SNAKE.txt" &&
    ok "test_pds.xmi: --member SNAKE (CCSID 1140) equals SNAKE.txt" ||
    nok "test_pds.xmi: --member SNAKE (CCSID 1140)"
# In 1140, X'5A' is '!', which the text means; 500 makes it ']'.
$HMCAT --ccsid 1140 --unnum --member JES2HIST "$S/xmi/test_pds.xmi" |
    diff - "$S/xmi/TEST.PDS/JES2HIST.txt" >"$T/j.diff"
check "test_pds.xmi: --member JES2HIST (CCSID 1140) differs only in" \
"$(grep -c '^[<>]' "$T/j.diff") $(grep -c '^< .*name! A name' "$T/j.diff")" \
    "2 1"
$HMCAT --ccsid 1140 --unnum --member XMIT "$S/xmi/test_pds.xmi" |
    cmp -s - "$S/xmi/TEST.PDS/XMIT.jcl" &&
    ok "test_pds.xmi: --member XMIT equals XMIT.jcl" ||
    nok "test_pds.xmi: --member XMIT"
$HMCAT --binary --member JES2JPG "$S/xmi/test_pds.xmi" |
    cmp -s - "$S/xmi/TEST.PDS/JES2JPG.jpg" &&
    ok "test_pds.xmi: --binary --member JES2JPG is the JPEG" ||
    nok "test_pds.xmi: --binary --member JES2JPG"
$HMCAT --extract "$T/pds" "$S/xmi/test_pds.xmi" 2>/dev/null
cmp -s "$T/pds/JES2JPG" "$S/xmi/TEST.PDS/JES2JPG.jpg" &&
    ok "test_pds.xmi: --extract keeps the binary member" ||
    nok "test_pds.xmi: --extract JES2JPG"
check "test_pds.xmi: --extract writes 4 members" \
    "$(ls "$T/pds" | tr '\n' ' ')" "JES2HIST JES2JPG SNAKE XMIT "
$HMCAT --member NOSUCH "$S/xmi/test_pds.xmi" 2>"$T/nomem.err"
check "unknown member: return code 8" "$?" 8
$HMCAT --info "$S/netdata/cmsnote.netdata" >"$T/info.out"
grep -q "INMR01" "$T/info.out" && grep -q "INMTERM" "$T/info.out" &&
    ok "--info shows the control records" || nok "--info"

# Damage: cuts at every 80-byte boundary and flipped bytes.
python3 - "$HMCAT" "$T" "$S" <<'PY'
import os, subprocess, sys
hm, t, s = sys.argv[1:4]
files = ['netdata/cmsnote.netdata', 'netdata/dshodd2.netdata',
         'netdata/listserv.netdata', 'xmi/test_seq.xmi',
         'xmi/test_pds.xmi']
k = 0
def run(data, args):
    p = os.path.join(t, 'damaged')
    open(p, 'wb').write(data)
    try:
        r = subprocess.run([hm] + args + [p], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=20)
    except subprocess.TimeoutExpired:
        return 'hang', b''
    return r.returncode, r.stderr
for f in files:
    d = open(os.path.join(s, f), 'rb').read()
    args = ['--member', 'SNAKE'] if 'pds' in f else []
    bad = []
    for cut in range(80, len(d), 80):
        rc, err = run(d[:cut], args)
        if rc == 'hang' or rc < 0 or rc == 0 or b'offset' not in err:
            bad.append((cut, rc, err[:200]))
    k += 1
    if bad:
        print('not ok C%d %s: cuts: %d bad, first %r' % (k, f, len(bad),
                                                      bad[0]))
    else:
        print('ok C%d %s: %d cuts, each rc>0 with an offset' %
              (k, f, len(d) // 80))
    bad = []
    noticed = 0
    step = max(1, len(d) // 150)
    for pos in range(0, len(d), step):
        e = bytearray(d)
        e[pos] ^= 0xFF
        rc, err = run(bytes(e), args)
        if rc == 'hang' or rc < 0 or (rc != 0 and b'offset' not in err
                                      and b'HMG0052E' not in err):
            bad.append((pos, rc, err[:200]))
        elif rc != 0:
            noticed += 1
    k += 1
    if bad:
        print('not ok C%d %s: flips: %d bad, first %r' % (k, f, len(bad),
                                                       bad[0]))
    else:
        print('ok C%d %s: %d flips, no crash or hang (%d reported)' %
              (k, f, len(range(0, len(d), step)), noticed))
PY
