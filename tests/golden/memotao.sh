#!/bin/bash
# memotao.sh - golden tests of the layout-driven extractors memoext
# and taoext on the example stores (tests/gen/memogen.py, taogen.py;
# bundled in tests/data/memo-store and tao-store). Prints "ok N name"
# or "not ok N name" per case (counted by build/runcheck.sh).
set -u
cd "$(dirname "$0")/../.." || exit 2
ME=build/bin/memoext
TE=build/bin/taoext
MC=build/bin/migcheck
T=build/out/golden_memotao
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
nok() { n=$((n + 1)); echo "not ok $n $1"; }
MS=tests/data/memo-store
TS=tests/data/tao-store
P1=extractors/memo/MEMOEX.prof
P2=$MS/MEMOEX2.prof
PT=extractors/tao/TAOEX.prof

if [ ! -x "$ME" ] || [ ! -x "$TE" ] || [ ! -x "$MC" ]; then
    nok "memoext, taoext or migcheck not built"; exit 1; fi

# memo DIR OUT PROFILE [options]: extract a generated MEMO store
memo() {
    local s=$1 o=$2 p=$3; shift 3
    local d="--data $s/MAIL.VB"
    [ -f "$s/MAIL.XMI" ] && d="--data $s/MAIL.XMI"
    "$ME" --out "$o" --profile "$p" --users "$s/USERS.VB" $d \
        --data "$s/BBOARD.VB" --data "$s/DIRECT.VB" "$@" \
        >"$o.log" 2>&1
}
tao() {
    local s=$1 o=$2; shift 2
    local d="--data $s/STORE.VB"
    [ -f "$s/STORE.XMI" ] && d="--data $s/STORE.XMI"
    "$TE" --out "$o" --profile "$PT" $d --data "$s/CAL.VB" \
        --data "$s/DIRECT.VB" "$@" >"$o.log" 2>&1
}
# counts SET MANIFEST: migcheck accepts the set and its counts are
# those the generator expects
counts() {
    "$MC" "$1" >"$1.check" 2>&1 || { cat "$1.check"; return 1; }
    python3 - "$1.check" "$2" <<'EOF'
import json, re, sys
t = open(sys.argv[1]).read()
want = json.load(open(sys.argv[2]))['expect']
pat = [(r'directory: (\d+) mailboxes, (\d+) custom recipients, (\d+) '
        r'distribution lists', ['mailboxes', 'remotes', 'dls']),
       (r'(\d+) mailboxes with data, (\d+) messages, (\d+) '
        r'public-folder messages',
        ['mailboxes_with_data', 'messages', 'public_messages']),
       (r'(\d+) attachments, \d+ documents, \d+ schedule files with '
        r'(\d+) schedule items', ['attachments', 'schedule_items']),
       (r'(\d+) PAB entries, (\d+) personal distribution lists',
        ['pab_entries', 'pab_dls'])]
got = {}
for p, keys in pat:
    m = re.search(p, t)
    assert m, p
    for k, v in zip(keys, m.groups()):
        got[k] = int(v)
bad = {k: (got[k], want[k]) for k in got if got[k] != want[k]}
assert not bad, bad
EOF
}

# ---- the generators are deterministic: the bundled stores ----
python3 tests/gen/memogen.py "$T/memo1" >/dev/null 2>&1
python3 tests/gen/taogen.py "$T/tao1" >/dev/null 2>&1
same=1
for f in USERS.VB MAIL.VB BBOARD.VB DIRECT.VB manifest.json; do
    cmp -s "$T/memo1/$f" "$MS/$f" || same=0; done
for f in STORE.VB CAL.VB DIRECT.VB manifest.json; do
    cmp -s "$T/tao1/$f" "$TS/$f" || same=0; done
if [ $same -eq 1 ]; then
    ok "memogen and taogen rewrite the bundled stores byte for byte"
else nok "the bundled stores differ from the generators' output"; fi

# ---- the example stores extract, migcheck accepts them ----
memo "$MS" "$T/om1" "$P1" --date 20240301120000
rc=$?
if [ $rc -eq 0 ] && counts "$T/om1" "$MS/manifest.json"; then
    ok "MEMO store: rc 0, migcheck rc 0, every count as the manifest"
else nok "MEMO store (rc $rc)"; tail -20 "$T/om1.log"; fi
tao "$TS" "$T/ot1" --date 20240301120000
rc=$?
if [ $rc -eq 0 ] && counts "$T/ot1" "$TS/manifest.json"; then
    ok "TAO store: rc 0, migcheck rc 0, every count as the manifest"
else nok "TAO store (rc $rc)"; tail -20 "$T/ot1.log"; fi
if grep -q '^HMG0612I Source: .* 5 bulletin-board messages' \
    "$T/om1.log" && grep -q '^HMG0475I Public messages: 5 found, 5 wr' \
    "$T/om1.log"; then
    ok "MEMO reconciliation: source and pipeline counts agree"
else nok "MEMO reconciliation lines"; fi
memo "$MS" "$T/om1b" "$P1" --date 20240301120000
if diff -r "$T/om1" "$T/om1b" >/dev/null 2>&1; then
    ok "a second run writes the same bytes"
else nok "runs differ"; fi
if grep -q '^MAILMESSAGE,PublicMessages' "$T/om1"/PUB*.PRI &&
    grep -q '^Announcements,' "$T/om1"/PUB*.PRI &&
    grep -q '"Projekt\\Budget 2024"' "$T/om1"/*.PRI &&
    grep -q '^dl,create,ALLSTAFF' "$T/om1/DIR00000.PRI" &&
    grep -q 'MIGRATE:SNADS:GBG02(' "$T/om1/DIR00000.PRI" &&
    grep -q '^dl,Mina vänner,' "$T/om1"/*00100.PRI; then
    ok "bulletin boards, nested folders, lists, SNADS addresses"
else nok "MEMO set contents"; fi

# ---- a second layout of the same data: only copybook and profile ----
python3 tests/gen/memogen.py "$T/memo2" --layout 2 >/dev/null 2>&1
memo "$T/memo2" "$T/om2" "$P2" --date 20240301120000
rc=$?
if [ $rc -eq 0 ] && diff -r "$T/om1" "$T/om2" >"$T/diff12" 2>&1; then
    ok "layout 2 (packed Julian, CCSID 273, REC-CODE) = layout 1, bytes"
else nok "layout 2 differs (rc $rc)"; head -20 "$T/diff12"
    tail -5 "$T/om2.log"; fi
for L in 1 2; do
    python3 tests/gen/memogen.py "$T/big$L" --layout $L --seed 7 \
        --users 9 >/dev/null 2>&1
done
memo "$T/big1" "$T/ob1" "$P1"; r1=$?
memo "$T/big2" "$T/ob2" "$P2"; r2=$?
if [ $r1 -eq 0 ] && [ $r2 -eq 0 ] && diff -r "$T/ob1" "$T/ob2" \
    >/dev/null 2>&1 && counts "$T/ob1" "$T/big1/manifest.json"; then
    ok "seed 7, 9 users: both layouts give the same set, manifest counts"
else nok "seed 7 layouts (rc $r1 $r2)"; fi

# ---- NETDATA instead of RDWs ----
python3 tests/gen/memogen.py "$T/memond" --netdata >/dev/null 2>&1
memo "$T/memond" "$T/omnd" "$P1" --date 20240301120000
rc=$?
if [ $rc -eq 0 ] && diff -r "$T/om1" "$T/omnd" >/dev/null 2>&1; then
    ok "MAIL as a NETDATA transmission gives the same set"
else nok "NETDATA input (rc $rc)"; tail -5 "$T/omnd.log"; fi
python3 tests/gen/taogen.py "$T/taond" --netdata >/dev/null 2>&1
tao "$T/taond" "$T/otnd" --date 20240301120000
rc=$?
if [ $rc -eq 0 ] && diff -r "$T/ot1" "$T/otnd" >/dev/null 2>&1; then
    ok "TAO STORE as NETDATA gives the same set"
else nok "TAO NETDATA input (rc $rc)"; tail -5 "$T/otnd.log"; fi

# ---- --inspect ----
"$ME" --inspect 1 --profile "$P1" --users "$MS/USERS.VB" \
    --data "$MS/MAIL.VB" --out "$T/noout" >"$T/insp" 2>"$T/insp.err"
rc=$?
if [ $rc -eq 0 ] && grep -q '^DATA SET tests/data/memo-store/MAIL.VB' \
    "$T/insp" && grep -q '^RECORD [0-9]* TYPE INBASKET (message)' \
    "$T/insp" && grep -Eq '^ +05 HDR-SUBJECT +@[0-9]+ +\+60 +X ' \
    "$T/insp" && grep -q '^  ROLE date = HDR-DATE as YYYYMMDD: 20' \
    "$T/insp" && grep -q '88 SECT-CONTROL .*TRUE' "$T/insp" &&
    grep -q 'TYPE CHUNK (attachment)' "$T/insp"; then
    ok "--inspect lists records field by field with their roles"
else nok "--inspect (rc $rc)"; head -20 "$T/insp" "$T/insp.err"; fi
"$TE" --inspect 2 --profile "$PT" --data "$TS/CAL.VB" >"$T/insp2" 2>&1
if grep -q 'ROLE id = TK-DOC: 1$' "$T/insp2" &&
    grep -q 'ROLE date = TC-DAY as YYDDD: 2024' "$T/insp2" &&
    [ "$(grep -c '^RECORD' "$T/insp2")" -eq 2 ]; then
    ok "taoext --inspect 2: packed and Julian fields, two records"
else nok "taoext --inspect"; head -20 "$T/insp2"; fi
[ -d "$T/noout" ] && nok "--inspect created an output directory" ||
    ok "--inspect needs no --out and writes no set"

# ---- damaged records ----
for L in 1 2; do
    python3 tests/gen/memogen.py "$T/dmg$L" --layout $L --damage \
        >/dev/null 2>&1
    p=$P1; [ $L -eq 2 ] && p=$P2
    memo "$T/dmg$L" "$T/od$L" "$p"
    rc=$?
    lg="$T/od$L.log"
    man="$T/dmg$L/manifest.json"
    recs=$(python3 -c "import json,sys; print(' '.join(
        '%d:%s' % (d['record'], d.get('offset', '')) for d in
        json.load(open(sys.argv[1]))['damaged']))" "$man")
    good=1
    for ro in $recs; do
        r=${ro%%:*}; o=${ro#*:}
        if [ -n "$o" ]; then
            grep -q "^HMG083[0-9]E $T/dmg$L/MAIL.VB record $r: item \
[A-Z0-9-]* at offset $o " "$lg" || good=0
        else
            grep -q "^HMG0830E $T/dmg$L/MAIL.VB record $r: item TXT[2]*-LI\
NE([0-9]*) at offset [0-9]* (72 bytes) does not fit" "$lg" || good=0
        fi
    done
    if [ $L -eq 2 ]; then
        grep -q "FLD2-PARENT at offset 16 is not valid packed decimal" \
            "$lg" || good=0
    else
        grep -q "FLD-PARENT at offset 49 is not valid zoned decimal" \
            "$lg" || good=0
    fi
    if [ $good -eq 1 ] && { [ $rc -eq 8 ] || [ $rc -eq 4 ]; } &&
        [ "$(grep -c '^HMG0602E' "$lg")" -eq 2 ] &&
        grep -q '^HMG0613W Source: 3 items skipped' "$lg" &&
        grep -q '^HMG0614W Source: 2 message items skipped' "$lg" &&
        counts "$T/od$L" "$man"; then
        ok "layout $L damaged: data set, record, field, offset named;\
 2 messages skipped and counted; rc $rc; the rest complete"
    else nok "layout $L damaged (rc $rc)"; cat "$lg" | head -30; fi
done

# ---- records out of key order ----
python3 - "$MS/MAIL.VB" "$T/swap.VB" <<'EOF'
import struct, sys
d = open(sys.argv[1], 'rb').read()
recs, p = [], 0
while p < len(d):
    n = struct.unpack('>H', d[p:p + 2])[0]
    recs.append(d[p:p + n]); p += n
owners = []
for r in recs[1:]:
    if r[4:12] not in owners:
        owners.append(r[4:12])
# the calendar records (section 5) of the second account go to the
# end: its records are no longer together
def moved(r):
    return r[4:12] == owners[1] and r[12:13] == b'\xf5'
b = [r for r in recs if moved(r)]
a = [r for r in recs if not moved(r)]
open(sys.argv[2], 'wb').write(b''.join(a + b))
EOF
"$ME" --out "$T/oswap" --profile "$P1" --users "$MS/USERS.VB" \
    --data "$T/swap.VB" >"$T/oswap.log" 2>&1
rc=$?
pat='^HMG0603E .*swap.VB record [0-9]*: a record of account [A-Z]*'
pat="$pat comes after the records of account"
if [ $rc -eq 8 ] && grep -q "$pat" "$T/oswap.log" &&
    "$MC" "$T/oswap" >/dev/null 2>&1; then
    ok "records out of key order: reported, skipped, the run goes on"
else nok "out of order (rc $rc)"; tail -5 "$T/oswap.log"; fi

# ---- without a user list; an accounts list ----
"$ME" --out "$T/onu" --profile "$P1" --data "$MS/MAIL.VB" \
    --data "$MS/BBOARD.VB" --data "$MS/DIRECT.VB" >"$T/onu.log" 2>&1
rc=$?
if [ $rc -eq 0 ] && "$MC" "$T/onu" >"$T/onu.check" 2>&1 &&
    grep -q ' 3 mailboxes with data, 20 messages, 5 public' \
        "$T/onu.check"; then
    ok "no user list: the accounts come from the data"
else nok "no user list (rc $rc)"; tail -5 "$T/onu.log"; fi
first=$(python3 -c "import json; print(json.load(open(
    '$MS/manifest.json'))['accounts'][0])")
echo "$first" >"$T/acc.txt"
memo "$MS" "$T/oacc" "$P1" --accounts "$T/acc.txt" --no-public
rc=$?
if [ $rc -eq 0 ] && "$MC" "$T/oacc" >"$T/oacc.check" 2>&1 &&
    grep -q ' 1 mailboxes with data, .* 0 public' "$T/oacc.check"; then
    ok "accounts list: only $first is extracted"
else nok "accounts list (rc $rc)"; tail -5 "$T/oacc.log"; fi

# ---- the OV/VM calendar example layout ----
python3 - "$T/ovcal.VB" <<'EOF'
import struct, sys
def x(s, n):
    b = s.encode('cp037')[:n]
    return b + b'\x40' * (n - len(b))
recs = [x('EBROWN', 8) + x('U', 1) + x('000000', 6) + x('SYDNEY', 8) +
        x('Elizabeth Brown', 40),
        x('EBROWN', 8) + x('E', 1) + x('000001', 6) + x('240311', 6) +
        x('0930', 4) + x('1030', 4) + x('T', 1) + x('Staff meeting', 46) +
        x('Room 2', 20),
        x('EBROWN', 8) + x('N', 1) + x('000001', 6) +
        x('Bring the figures', 72),
        x('EBROWN', 8) + x('E', 1) + x('000002', 6) + x('240312', 6) +
        x('', 4) + x('', 4) + x('', 1) + x('Holiday', 46) + x('', 20)]
open(sys.argv[1], 'wb').write(b''.join(struct.pack('>HH', len(r) + 4, 0)
                                       + r for r in recs))
EOF
"$ME" --out "$T/oov" --profile extractors/ovvm/OVCAL.prof --addrtype PROFS \
    --data "$T/ovcal.VB" >"$T/oov.log" 2>&1
rc=$?
if [ $rc -eq 0 ] && "$MC" "$T/oov" >"$T/oov.check" 2>&1 &&
    grep -q 'schedule files with 2 schedule items' "$T/oov.check" &&
    grep -q 'PROFS:SYDNEY(EBROWN)' "$T/oov"/*.PRI; then
    ok "the OV/VM calendar example layout gives 2 schedule items"
else nok "OV/VM calendar example (rc $rc)"; tail -5 "$T/oov.log"; fi

# ---- bad options ----
"$ME" --out "$T/obad" --data "$MS/MAIL.VB" >"$T/obad.log" 2>&1
rc=$?
if [ $rc -eq 8 ] && grep -q '^HMG0650E' "$T/obad.log"; then
    ok "no --profile: HMG0650E, rc 8"
else nok "no --profile (rc $rc)"; fi
"$ME" --out "$T/obad2" --profile "$P1" --data "$MS/MAIL.VB" \
    --ccsid 99999 >"$T/obad2.log" 2>&1
rc=$?
if [ $rc -eq 8 ] && grep -q '^HMG0022E' "$T/obad2.log"; then
    ok "--ccsid out of range refused"
else nok "--ccsid 99999 (rc $rc)"; fi
"$ME" --help >"$T/help" 2>&1
if [ $? -eq 0 ] && grep -q -- '--copybook FILE' "$T/help" &&
    grep -q -- '--accounts' "$T/help"; then ok "--help"
else nok "--help"; fi

echo "1..$n"
