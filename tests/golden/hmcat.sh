#!/bin/bash
# hmcat.sh - golden end-to-end tests of hmcat. Prints "ok N name" or
# "not ok N name" per case (counted by build/runcheck.sh).
# Expected output comes from an independent conversion (Python's own
# codecs), never from hmcat itself.
set -u
cd "$(dirname "$0")/../.." || exit 2
HMCAT=build/bin/hmcat
SAMPLES=../shared/samples
T=build/out/golden_hmcat
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
nok() { n=$((n + 1)); echo "not ok $n $1"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else
    nok "$1 (expected [$3], got [$2])"; fi; }
same() { if cmp -s "$2" "$3"; then ok "$1"; else
    nok "$1 ($2 differs from $3)"; fi; }

# Independent reference: split into fixed records, decode, strip.
ref_fixed() { # file lrecl codec keep
    python3 - "$@" <<'PY'
import sys
f, l, codec, keep = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
d = open(f, 'rb').read()
out = bytearray()
for i in range(0, len(d), l):
    t = d[i:i + l].decode(codec)
    if keep != '1':
        t = t.rstrip(' ')
    out += t.encode('utf-8') + b'\n'
sys.stdout.buffer.write(out)
PY
}

V=$SAMPLES/cms/VMARC.ASSEMBLE
if [ -f "$V" ]; then
    $HMCAT --ccsid 37 --recfm F --lrecl 80 "$V" >"$T/vmarc.out" \
        2>"$T/vmarc.err"
    check "VMARC.ASSEMBLE: return code" "$?" 0
    check "VMARC.ASSEMBLE: 3,462 lines" \
        "$(wc -l <"$T/vmarc.out" | tr -d ' ')" 3462
    ref_fixed "$V" 80 cp037 0 >"$T/vmarc.ref"
    same "VMARC.ASSEMBLE: each line is the record's text" \
        "$T/vmarc.out" "$T/vmarc.ref"
    $HMCAT --keep-blanks --ccsid 37 "$V" >"$T/vmarck.out"
    ref_fixed "$V" 80 cp037 1 >"$T/vmarck.ref"
    same "VMARC.ASSEMBLE: --keep-blanks keeps 80 columns" \
        "$T/vmarck.out" "$T/vmarck.ref"
    check "VMARC.ASSEMBLE: empty log" "$(wc -c <"$T/vmarc.err")" 0
else
    echo "SKIP: $V is absent: the real-sample tests did not run"
    echo "SKIP: (../shared/samples must stand beside the repository)"
fi

# Made-up fixtures, written here by Python.
python3 - "$T" <<'PY'
import sys, struct
t = sys.argv[1]
recs = ['Grüße aus Köln', '', 'Ärger über Öl  ', 'x' * 200]
enc = [r.encode('cp273') for r in recs]
open(t + '/nat273.f40', 'wb').write(
    b''.join(e.ljust(40, b'\x40')[:40] for e in enc[:3]))
rdw = b''.join(struct.pack('>HH', len(e) + 4, 0) + e for e in enc)
open(t + '/v.rdw', 'wb').write(rdw)
blk1 = b''.join(struct.pack('>HH', len(e) + 4, 0) + e for e in enc[:2])
blk2 = b''.join(struct.pack('>HH', len(e) + 4, 0) + e for e in enc[2:])
vb = (struct.pack('>HH', len(blk1) + 4, 0) + blk1 +
      struct.pack('>HH', len(blk2) + 4, 0) + blk2)
open(t + '/vb.bdw', 'wb').write(vb)
open(t + '/v.ref', 'wb').write(
    ''.join(r.rstrip(' ') + '\n' for r in recs).encode('utf-8'))
open(t + '/nat273.ref', 'wb').write(
    ''.join(r.rstrip(' ') + '\n' for r in recs[:3]).encode('utf-8'))
# an RDW that claims more than the file holds, in the second record:
# the file is cut short
cut = rdw[:len(enc[0]) + 4] + struct.pack('>HH', 999, 0) + b'\xC1' * 5
open(t + '/cut.rdw', 'wb').write(cut)
# an impossible RDW (length 2) in the second record, records after it
bad = (rdw[:len(enc[0]) + 4] + struct.pack('>HH', 2, 0) +
       rdw[len(enc[0]) + 4:])
open(t + '/bad.rdw', 'wb').write(bad)
open(t + '/text.nl', 'wb').write(b'line one   \r\nline two\nlast')
open(t + '/euro.f1', 'wb').write(b'\x9f\xc1')
PY

$HMCAT --ccsid 273 --lrecl 40 "$T/nat273.f40" >"$T/nat273.out"
same "CCSID 273 national characters arrive as UTF-8" \
    "$T/nat273.out" "$T/nat273.ref"
$HMCAT --ccsid 273 --recfm V "$T/v.rdw" >"$T/v.out"
same "RECFM V with RDWs" "$T/v.out" "$T/v.ref"
$HMCAT --ccsid 273 --recfm VB "$T/vb.bdw" >"$T/vb.out"
same "RECFM VB with BDWs" "$T/vb.out" "$T/v.ref"
$HMCAT --ccsid 273 --recfm V "$T/vb.bdw" >"$T/vb2.out"
same "RECFM V detects BDWs" "$T/vb2.out" "$T/v.ref"

# a file cut short at its end: a warning, the bytes there printed
$HMCAT --ccsid 273 --recfm V "$T/cut.rdw" >"$T/cut.out" 2>"$T/cut.err"
check "cut last record: return code 4" "$?" 4
check "cut last record: printed with the bytes that are there" \
    "$(cat "$T/cut.out")" "Grüße aus Köln
AAAAA"
grep -q "HMG0155W.*cut.rdw: record 2 at byte offset 18 has length 999" \
    "$T/cut.err" &&
    ok "cut last record: warning names file, record and offset" ||
    nok "cut last record: message [$(cat "$T/cut.err")]"
# a corrupt RDW with records after it: an error, the rest not read
$HMCAT --ccsid 273 --recfm V "$T/bad.rdw" >"$T/bad.out" 2>"$T/bad.err"
check "corrupt RDW: return code 8" "$?" 8
check "corrupt RDW: the good record before it is printed" \
    "$(cat "$T/bad.out")" "Grüße aus Köln"
grep -q "HMG0150E.*bad.rdw: record 2 at byte offset 18 has an invalid \
RDW length 2; the rest of the file is not read" "$T/bad.err" &&
    ok "corrupt RDW: message names file, record and offset" ||
    nok "corrupt RDW: message [$(cat "$T/bad.err")]"

$HMCAT --recfm NL "$T/text.nl" >"$T/nl.out"
check "RECFM NL: CR LF and LF, blanks stripped" "$(cat "$T/nl.out")" \
    "line one
line two
last"

$HMCAT --ccsid 1140 --lrecl 2 "$T/euro.f1" >"$T/euro.out"
check "CCSID 1140 X'9F' is the euro sign" "$(cat "$T/euro.out")" "€A"
$HMCAT --ccsid 1140 --lrecl 2 --to 850 "$T/euro.f1" >"$T/e850.out" \
    2>"$T/e850.err"
check "unmappable in 850: return code 4" "$?" 4
grep -q "HMG0051W.*euro.f1.*1 char" "$T/e850.err" &&
    ok "unmappable in 850: counted and reported" ||
    nok "unmappable in 850: [$(cat "$T/e850.err")]"

$HMCAT no/such/file 2>"$T/miss.err"
check "missing file: return code 8" "$?" 8
grep -q "HMG0003E.*no/such/file" "$T/miss.err" &&
    ok "missing file: message names it" || nok "missing file message"
$HMCAT --bogus x 2>/dev/null
check "unknown option: return code 8" "$?" 8
$HMCAT --lrecl 0 x 2>/dev/null
check "bad --lrecl: return code 8" "$?" 8
$HMCAT --help >"$T/help.out"
check "--help: return code 0" "$?" 0
grep -q "^Usage: hmcat" "$T/help.out" && ok "--help text" ||
    nok "--help text"
$HMCAT 2>/dev/null
check "no file: return code 8" "$?" 8
