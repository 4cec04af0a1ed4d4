#!/bin/bash
# ovvmext.sh - end-to-end tests of ovvmext (the OfficeVision/VM
# extractor). Prints "ok N name" or "not ok N name" per case (counted
# by build/runcheck.sh).
#   - the bundled store: extracts, migcheck exits 0
#   - generated stores (tests/gen/ovvmgen.py) in CCSIDs 037, 273, 500,
#     1140, 277: every note once with sender, recipients, subject,
#     dates and body (national characters as UTF-8); the report's
#     totals equal the generator's counts
#   - the real 1993 CMS NOTE as a reader file of user MEA
#   - damaged notebooks: warnings, raw notes, return code 4, no crash;
#     notebooks cut short at their end (V, VB, NETDATA): warnings,
#     rc 4, the cut note kept; a corrupt RDW in the middle: rc 8
#   - an interrupted run resumed with --status, and partitions
#     combined with migcomb, give the set of one uninterrupted run
#   - calendars through the EXAMPLE layout (--cal-profile OVCAL.prof,
#     --cal-data): every schedule item in its account with its dates,
#     times, subject, place and notes; counts equal the generator's;
#     RDW = NETDATA, key order = reversed order, byte for byte; the
#     schedule filters; a user id that is no account; a damaged
#     record; reruns, a resumed run and partitions give the same bytes
set -u
cd "$(dirname "$0")/../.." || exit 2
OX=build/bin/ovvmext
MC=build/bin/migcheck
MB=build/bin/migcomb
DUMP=build/obj/tests/native/host/test_ovvmext_e2e
GEN=tests/gen/ovvmgen.py
T=build/out/golden_ovvmext
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $*"; }
nok() { n=$((n + 1)); echo "not ok $n $*"; }

for b in "$OX" "$MC" "$MB" "$DUMP"; do
    if [ ! -x "$b" ]; then
        nok "$b not built (make -f Makefile.unix all native-tests)"
        exit 1
    fi
done

# run ovvmext; $1 = log name, rest = options; sets rc
ox() {
    local log=$1; shift
    "$OX" --quiet "$@" >"$T/$log.log" 2>&1
    rc=$?
}

# ---- the bundled store ----
ox bundled --store tests/data/ovvm-store --ccsid 273 --out "$T/bundled"
"$MC" "$T/bundled" >"$T/bundled.check" 2>&1
mrc=$?
if [ $rc -le 4 ] && [ $mrc -eq 0 ]; then
    ok "bundled store: ovvmext rc $rc, migcheck rc 0"
else nok "bundled store: ovvmext rc $rc, migcheck rc $mrc"
    tail -5 "$T/bundled.log" "$T/bundled.check"; fi

# ---- generated stores ----
# compare SET MANIFEST.json: every note exactly once, documents (free
# documents: the original and its text) and reader files, the report's
# totals
compare() {
    "$DUMP" --dump "$1" >"$1.jsonl" 2>"$1.dumperr" || return 1
    python3 - "$1" "$2" <<'EOF'
import collections, csv, json, sys
setdir, manpath = sys.argv[1], sys.argv[2]
man = json.load(open(manpath, encoding='utf-8'))
items = [json.loads(l) for l in open(setdir + '.jsonl', encoding='utf-8')]
msgs = [i for i in items if i['kind'] == 'message']
fdocs = [i for i in items if i['kind'] == 'document']
nl = lambda s: s.replace('\r\n', '\n')
def key(acct, folder, frm, to, cc, subj, date, unread, body):
    return (acct, tuple(folder), frm, tuple(to), tuple(cc), subj, date,
            date, unread, body)
want = collections.Counter()
ndoc = natt = npab = ndl = 0
for uid, am in man['accounts'].items():
    acct = 'PROFS:%s(%s)' % (am['node'], uid)
    for book, nb in am['notebooks'].items():
        assert len(nb['items']) == nb['notes'], 'manifest cut short'
        for e in nb['items']:
            folder = ['Sent Items'] if e['sent'] else [book]
            want[key(acct, folder, e['from'], e['to'], e['cc'],
                     e['subject'], e['date'], 0, e['body'])] += 1
    for r in am['rdr']:
        if r['kind'] == 'mail':
            e = r['note']
            want[key(acct, [], e['from'], e['to'], e['cc'],
                     e['subject'], e['date'], 1, e['body'])] += 1
        else:
            ndoc += 1
    ndoc += len(am['docs'])
    names = am['names']
    npab += names['entries'] - len(names['lists'])
    ndl += len(names['lists'])
got = collections.Counter()
docs = []
for m in msgs:
    if m['att']:
        docs.append(m)
        continue
    got[key(m['account'], m['folder'], m['from'][0][1],
            [a for _, a in m['to']], [a for _, a in m['cc']],
            m['subject'], m['sent'], m['unread'], nl(m['body']))] += 1
    assert m['sent'] == m['received'], m
bad = (want - got) + (got - want)
if bad:
    for k in list(want - got)[:3]:
        print('missing:', k)
    for k in list(got - want)[:3]:
        print('unexpected:', k)
    sys.exit('notes differ: %d missing, %d unexpected' %
             (sum((want - got).values()), sum((got - want).values())))
assert sum(v for v in got.values() if v != 1) == 0
# reader files: their text as the body, one attachment
texts = collections.Counter()
dtexts = collections.Counter()
for uid, am in man['accounts'].items():
    for d in am['docs']:
        name = d['file'].split('/')[-1]
        dtexts[(uid, name, d['bytes'], d['text'])] += 1
    for r in am['rdr']:
        if r['kind'] != 'mail':
            texts[r['text']] += 1
gtexts = collections.Counter(nl(m['body']) for m in docs)
assert gtexts == texts, 'reader file texts differ'
assert all(len(m['att']) == 1 for m in docs)
# documents: free documents in Documents, from the owner: the DCA
# stream as NAME.RFT, its text as NAME.RFT.TXT (CR LF)
gd = collections.Counter()
for f in fdocs:
    assert f['folder'] == ['Documents'], f
    assert f['from'][0][1] == f['account'], f
    p = f['parts']
    assert len(p) == 2 and p[1]['name'] == p[0]['name'] + '.TXT', f
    assert '\n' not in f['text'].replace('\r\n', ''), 'bare LF'
    uid = f['account'].split('(')[1].rstrip(')')
    gd[(uid, p[0]['name'], p[0]['size'], nl(f['text']))] += 1
assert gd == dtexts, 'documents differ: %r, %r' % (gd - dtexts,
                                                  dtexts - gd)
# national characters arrived as UTF-8
alltext = ''.join(m['subject'] + m['body'] for m in msgs)
assert sum(1 for ch in alltext if ord(ch) > 127) > 0, 'no national chars'
assert '\ufffd' not in alltext, 'replacement characters'
# the report's totals
rows = list(csv.DictReader(open(setdir + '/MIGRATE.CSV', encoding='utf-8')))
tot = [r for r in rows if r['Account'] == '(total)'][0]
notes = sum(nb['notes'] for am in man['accounts'].values()
            for nb in am['notebooks'].values())
mails = sum(1 for am in man['accounts'].values() for r in am['rdr']
            if r['kind'] == 'mail')
tt = man['totals']
nfree = tt['documents']
assert nfree == sum(len(am['docs']) for am in man['accounts'].values())
assert tt['mails'] == mails and tt['sendfiles'] == ndoc - nfree
expect = {'Messages': notes + mails + tt['sendfiles'],
          'Attachments': tt['sendfiles'], 'PAB entries': npab,
          'PAB lists': ndl, 'Directory objects': len(man['accounts']),
          'Documents': nfree}
for k, v in expect.items():
    for col in ('found', 'written'):
        g = int(tot['%s %s' % (k, col)])
        assert g == v, '%s %s: %d, manifest %d' % (k, col, g, v)
    assert int(tot[k + ' failed']) == 0
print('%d notes, %d documents, %d reader files: same' %
      (sum(want.values()), len(fdocs), len(docs)))
EOF
}

seed=11
for cc in 037 273 500 1140 277; do
    g="$T/gen$cc"
    seed=$((seed + 7))
    if ! python3 "$GEN" "$g" --seed $seed --ccsid $((10#$cc)) \
        --accounts 3 --notes 25 --rdr 2 >"$g.genlog" 2>&1; then
        nok "generator, CCSID $cc"; cat "$g.genlog"; continue; fi
    ox "gen$cc" --store "$g" --ccsid $((10#$cc)) --out "$g.set"
    "$MC" "$g.set" >"$g.check" 2>&1
    mrc=$?
    if [ $rc -le 4 ] && [ $mrc -eq 0 ] &&
        compare "$g.set" "$g/manifest.json" >"$g.cmp" 2>&1; then
        ok "CCSID $cc store (seed $seed): $(tail -1 "$g.cmp")"
    else
        nok "CCSID $cc store (seed $seed): ovvmext rc $rc, migcheck" \
            "rc $mrc"
        tail -5 "$g.cmp" "$T/gen$cc.log" "$g.check"
    fi
done

# ---- the real 1993 note as a reader file ----
NOTE=../shared/samples/netdata/cmsnote.netdata
if [ ! -f "$NOTE" ]; then
    echo "SKIP: $NOTE absent (../shared/samples): real-note test not run"
else
    S="$T/mea/store"
    mkdir -p "$S/MEA/RDR"
    cp "$NOTE" "$S/MEA/RDR/0001.NETDATA"
    ox mea --store "$S" --ccsid 37 --out "$T/mea/set"
    "$DUMP" --dump "$T/mea/set" >"$T/mea.jsonl" 2>&1
    if [ $rc -eq 0 ] && python3 - "$T/mea.jsonl" <<'EOF'
import json, sys
items = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
m = [i for i in items if i['kind'] == 'message']
assert len(m) == 1, m
m = m[0]
assert m['folder'] == [] and m['unread'] == 1, m
assert m['sent'] == '19931113225242' == m['received'], m
assert m['from'] == [['CMS1 at ALIJKU11', 'PROFS:ALIJKU11(CMS1)']], m
assert m['to'] == [['MEA at FINFILES', 'PROFS:FINFILES(MEA)']], m
assert m['body'].strip() == 'Test', m
assert m['account'] == 'PROFS:FINFILES(MEA)', m
EOF
    then ok "real 1993 CMS NOTE: one unread Inbox message, 19931113225242"
    else nok "real 1993 CMS NOTE (rc $rc)"; cat "$T/mea.log" "$T/mea.jsonl"
    fi
fi

# ---- damaged notebooks ----
python3 - "$T/damaged" <<'EOF'
import io, os, sys
sys.path.insert(0, 'tests/gen')
import ovvmgen
out = sys.argv[1]
def e(s):
    return s.encode('cp037')
def f80(recs, cut=0):
    b = b''.join(e(r).ljust(80, b'\x40') if isinstance(r, str)
                 else r.ljust(80, b'\x40') for r in recs)
    return b[:len(b) - cut] if cut else b
def vrecs(recs):
    return b''.join((len(e(r) or b'\x40') + 4).to_bytes(2, 'big') +
                    b'\0\0' + (e(r) or b'\x40') for r in recs)
good = ['Date: 13 November 93, 22:52:42 CET', 'From: CMS1 at ALIJKU11',
        'To: DAMG at VMA', 'Subject: first', '', 'good body']
garbage = ['', '=' * 40, '', 'Date: 14 Nov 93 10:00:00',
           'From: CMS1 at ALIJKU11', '@@@ not a header ###',
           'Subject: lost', '', 'body of a note with a bad header']
junk = ['', '=' * 40, '', 'Date: 15 Nov 93 10:00:00',
        'From: CMS1 at ALIJKU11', bytes(range(0, 60)), 'To: DAMG at VMA',
        '', 'after junk']
tail = ['', '=' * 40, '', 'Date: 16 Nov 93 10:00:00',
        'From: CMS1 at ALIJKU11', 'To: DAMG at VMA', 'Subject: last',
        '', 'the last record is cut short here']
d = os.path.join(out, 'A', 'DAMG')
os.makedirs(d)
open(os.path.join(d, 'ALL.NOTEBOOK'), 'wb').write(
    f80(good + garbage + junk + tail, cut=30))
# pure binary junk as a second notebook, text before the first note
open(os.path.join(d, 'JUNK.NOTEBOOK'), 'wb').write(
    bytes((i * 37 + 11) % 256 for i in range(1600)))
open(os.path.join(d, 'PRE.NOTEBOOK'), 'wb').write(
    f80(['no date here', 'just text'] + good))
# store B: notebooks cut short at their end: V inside the last note's
# body, VB (one block) inside the last note's header, NETDATA inside
# its last record; a mail file cut in half
d = os.path.join(out, 'B', 'DAMG')
os.makedirs(os.path.join(d, 'RDR'))
open(os.path.join(d, 'ALL.NOTEBOOK'), 'wb').write(
    vrecs(good + tail)[:-20])
vb = vrecs(['Date: 17 Nov 93 10:00:00', 'From: CMS1 at ALIJKU11',
            'To: DAMG at VMA', 'Subject: vbfirst', '', 'vb body', '',
            '=' * 40, '', 'Date: 18 Nov 93 10:00:00',
            'From: CMS1 at ALIJKU11', 'To: DAMG at VMA',
            'Subject: vb header cut here'])
vb = (len(vb) + 4).to_bytes(2, 'big') + b'\0\0' + vb
open(os.path.join(d, 'VB.NOTEBOOK'), 'wb').write(vb[:-8])
buf = io.BytesIO()
w = ovvmgen.NetdataWriter(buf, 'DAMG', 'VMA', 'DAMG', 'VMA',
                          '19931120100000')
w.file('ND', 'NOTEBOOK', 255, 1000)
for r in ['Date: 19 Nov 93 10:00:00', 'From: CMS1 at ALIJKU11',
          'To: DAMG at VMA', 'Subject: ndfirst', '', 'nd body', '',
          '=' * 40, '', 'Date: 20 Nov 93 10:00:00',
          'From: CMS1 at ALIJKU11', 'To: DAMG at VMA', 'Subject: ndlast',
          '', 'netdata body cut short right here']:
    w.record(e(r))
w.end()
nb = buf.getvalue()
at = nb.index(e('netdata body cut'))
open(os.path.join(d, 'ND.NOTEBOOK'), 'wb').write(nb[:at + 16])
nd = open('tests/data/ovvm-store/RDR/LEF21/0001.NETDATA', 'rb').read()
open(os.path.join(d, 'RDR', '0001.NETDATA'), 'wb').write(nd[:len(nd) // 2])
# store C: a corrupt RDW in the middle of a V notebook (past the 4 KiB
# its form is detected from) with notes after it; a reader file with
# junk after its start: errors, data lost
d = os.path.join(out, 'C', 'DAMG')
os.makedirs(os.path.join(d, 'RDR'))
v1 = vrecs(good)
for i in range(60):
    v1 += vrecs(tail[:6] + ['Subject: n%d' % i, '', 'body %d' % i])
open(os.path.join(d, 'ALL.NOTEBOOK'), 'wb').write(
    v1 + b'\x00\x02\x00\x00' + vrecs(tail + ['', 'more after it']))
open(os.path.join(d, 'RDR', '0002.NETDATA'), 'wb').write(
    nd[:200] + bytes(range(256)) * 3)
open(os.path.join(out, 'C.offset'), 'w').write('%d\n' % len(v1))
EOF
ox damagedA --store "$T/damaged/A" --ccsid 37 --node VMA \
    --out "$T/damaged/A.set"
"$MC" "$T/damaged/A.set" >"$T/damagedA.check" 2>&1
mrc=$?
"$DUMP" --dump "$T/damaged/A.set" >"$T/damagedA.jsonl" 2>&1
nmsg=$(grep -c '"kind":"message"' "$T/damagedA.jsonl")
if [ $rc -eq 4 ] && [ $mrc -eq 0 ] &&
    grep -q 'HMG0500W' "$T/damagedA.log" &&
    grep -q 'HMG0157W' "$T/damagedA.log" &&
    grep -q 'HMG0548W' "$T/damagedA.log" &&
    grep -q '"subject":"first"' "$T/damagedA.jsonl" &&
    grep -q '"subject":"last"' "$T/damagedA.jsonl" &&
    grep -q 'bad header' "$T/damagedA.jsonl" && [ "$nmsg" -ge 6 ]; then
    ok "damaged notebooks: warnings, raw notes, rc 4 ($nmsg messages)"
else nok "damaged notebooks: rc $rc, migcheck $mrc, $nmsg messages"
    cat "$T/damagedA.log"; fi
ox damagedB --store "$T/damaged/B" --ccsid 37 --node VMA \
    --out "$T/damaged/B.set"
"$MC" "$T/damaged/B.set" >"$T/damagedB.check" 2>&1
mrc=$?
"$DUMP" --dump "$T/damaged/B.set" >"$T/damagedB.jsonl" 2>&1
L="$T/damagedB.log"
B="$T/damaged/B/DAMG"
if [ $rc -eq 4 ] && [ $mrc -eq 0 ] && ! grep -q '^HMG....E' "$L" &&
    grep -q "^HMG0155W $B/ALL.NOTEBOOK: record 15 at byte offset 268 \
has length 37 but the file ends after 17 bytes" "$L" &&
    grep -q "^HMG0505W $B/ALL.NOTEBOOK record 15: the note that starts \
at record 10 ends where the file is cut short" "$L" &&
    grep -q "^HMG0548W .* 4 files cut short at their end" "$L" &&
    python3 - "$T/damagedB.jsonl" <<'EOF'
import json, sys
m = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
m = [i for i in m if i['kind'] == 'message']
by = {i['subject']: i for i in m}
# the notes before the cut, whole
assert by['first']['body'].strip() == 'good body', by['first']
assert by['vbfirst']['body'].strip() == 'vb body'
assert by['ndfirst']['body'].strip() == 'nd body'
# V: the cut note parsed, its body as far as it goes
assert by['last']['body'].strip() == 'the last reco', by['last']
assert by['last']['folder'] == ['ALL']
# NETDATA: the cut record's bytes kept
assert by['ndlast']['body'].strip() == 'netdata body cut', by['ndlast']
# VB: cut inside the header: the note kept raw
raw = [i for i in m if i['folder'] == ['VB'] and i['subject'] != 'vbfirst']
assert len(raw) == 1 and raw[0]['body'].endswith('Subject: vb header'), raw
assert raw[0]['sent'] == '19931118100000', raw
# the mail file cut in half: its note kept, unread
assert any(i['unread'] == 1 and i['folder'] == [] for i in m), m
EOF
then
    ok "cut V, VB and NETDATA notebooks and a cut mail file: warnings," \
        "every note kept (the cut ones raw or flagged), rc 4"
else nok "cut notebooks: rc $rc, migcheck $mrc"; cat "$L"
    grep -v '"kind":"dir' "$T/damagedB.jsonl"; fi
ox damagedC --store "$T/damaged/C" --ccsid 37 --node VMA \
    --out "$T/damaged/C.set"
"$MC" "$T/damaged/C.set" >"$T/damagedC.check" 2>&1
mrc=$?
"$DUMP" --dump "$T/damaged/C.set" >"$T/damagedC.jsonl" 2>&1
L="$T/damagedC.log"
C="$T/damaged/C/DAMG"
off=$(cat "$T/damaged/C.offset")
if [ $rc -eq 8 ] && [ $mrc -eq 0 ] &&
    grep -q "^HMG0150E $C/ALL.NOTEBOOK: record 547 at byte offset $off \
has an invalid RDW length 2; the rest of the file is not read" "$L" &&
    grep -q "^HMG0540E $C/ALL.NOTEBOOK: reading stopped after record 546 \
with bytes of the file left unread" "$L" &&
    grep -q '"subject":"n59"' "$T/damagedC.jsonl" &&
    grep -q "^HMG0202E $C/RDR/0002.NETDATA: segment at byte offset" "$L" &&
    grep -q '"subject":"first"' "$T/damagedC.jsonl" &&
    ! grep -q '"subject":"last"' "$T/damagedC.jsonl"; then
    ok "corrupt RDW in the middle of a notebook (offset $off) and junk" \
        "in a reader file: errors, the notes before kept, rc 8"
else nok "corrupt RDW in the middle: rc $rc, migcheck $mrc"; cat "$L"; fi

# ---- restart and partitions ----
R="$T/restart"
python3 "$GEN" "$R/store" --seed 77 --ccsid 500 --accounts 5 \
    --notes 400 --rdr 3 >/dev/null 2>&1
ox full --store "$R/store" --ccsid 500 --out "$R/full"
full_rc=$rc
# same_set A B: the same files, byte for byte (not the status file,
# not the temporary files a killed run leaves)
same_set() {
    local f
    [ "$(cd "$1" && ls | grep -v '^STATUS\|\.tmp-' | sort)" = \
      "$(cd "$2" && ls | grep -v '^STATUS\|\.tmp-' | sort)" ] || return 1
    for f in $(cd "$1" && ls | grep -v '^STATUS\|\.tmp-'); do
        cmp -s "$1/$f" "$2/$f" || { echo "differs: $f"; return 1; }
    done
}
# (a) interrupted by kill -9 once the first account is done
mkdir -p "$R/kill"
"$OX" --quiet --store "$R/store" --ccsid 500 --out "$R/kill" \
    --status STATUS.TXT >"$R/kill1.log" 2>&1 &
pid=$!
for _ in $(seq 1 3000); do
    [ -f "$R/kill/STATUS.TXT" ] &&
        [ "$(grep -c '^A,' "$R/kill/STATUS.TXT")" -ge 1 ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.01
done
killed=no
if kill -9 $pid 2>/dev/null; then killed=yes; fi
wait $pid 2>/dev/null
done1=$(grep -c '^A,' "$R/kill/STATUS.TXT" 2>/dev/null)
ox kill2 --store "$R/store" --ccsid 500 --out "$R/kill" \
    --status STATUS.TXT
if [ $rc -eq $full_rc ] && same_set "$R/full" "$R/kill"; then
    ok "killed (${killed}, after $done1 accounts) and resumed with" \
        "--status: the same bytes as one run"
else nok "killed and resumed: rc $rc, set differs"; fi
# (b) a crash after the first account, made exactly: a complete run's
# status file cut inside its fourth line, the packing list and the
# report gone; the files of later accounts are rewritten
ox st1 --store "$R/store" --ccsid 500 --out "$R/resume" \
    --status STATUS.TXT
head -c $(($(head -3 "$R/resume/STATUS.TXT" | wc -c) + 9)) \
    "$R/resume/STATUS.TXT" >"$R/cut.txt"
mv "$R/cut.txt" "$R/resume/STATUS.TXT"
rm -f "$R/resume/MIGRATE.PKL" "$R/resume/MIGRATE.CSV"
ox st2 --store "$R/store" --ccsid 500 --out "$R/resume" \
    --status STATUS.TXT
if [ $rc -eq $full_rc ] && same_set "$R/full" "$R/resume" &&
    grep -q 'HMG0480W' "$T/st2.log"; then
    ok "a crash after the first account (status cut), resumed: the" \
        "same bytes as one run"
else nok "status cut after the first account: rc $rc, set differs"
    tail -3 "$T/st2.log"; fi
# (c) partitions 1/2 and 2/2 combined with migcomb
ox p1 --store "$R/store" --ccsid 500 --out "$R/p1" --partition 1/2
r1=$rc
ox p2 --store "$R/store" --ccsid 500 --out "$R/p2" --partition 2/2
r2=$rc
"$MB" "$R/comb" "$R/p1/P01OF02.PKL" "$R/p2/P02OF02.PKL" \
    >"$R/comb.log" 2>&1
crc=$?
"$MC" "$R/comb" >"$R/comb.check" 2>&1
mrc=$?
# files_in A B: every file of A but the report is in B, the same
files_in() {
    local f
    for f in $(cd "$1" && ls | grep -v 'CSV$'); do
        cmp -s "$1/$f" "$2/$f" || { echo "differs: $f"; return 1; }
    done
}
if [ $r1 -le 4 ] && [ $r2 -le 4 ] && [ $crc -eq 0 ] && [ $mrc -eq 0 ] &&
    files_in "$R/full" "$R/comb"; then
    ok "partitions 1/2 and 2/2 combined by migcomb: migcheck rc 0," \
        "the files of one run"
else nok "partitions: rc $r1 $r2, migcomb $crc, migcheck $mrc"
    cat "$R/comb.log"; fi

# ---- options: directory only, remote, free documents, document
# messages ----
ox dironly --store tests/data/ovvm-store --ccsid 273 --directory \
    --out "$T/dironly"
"$DUMP" --dump "$T/dironly" >"$T/dironly.jsonl" 2>&1
if [ $rc -eq 0 ] && grep -q '"mailboxes":2' "$T/dironly.jsonl" &&
    grep -q '"messages":0,' "$T/dironly.jsonl"; then
    ok "--directory: two mailboxes and nothing else"
else nok "--directory (rc $rc)"; fi
python3 -c "import sys; sys.stdout.buffer.write(
    ':nick.ALF :userid.ALF :node.VMX :name.Alf Ödegård'
    .encode('cp273').ljust(80, b'\x40'))" >"$T/sys.names"
ox remote --store tests/data/ovvm-store --ccsid 273 --remote \
    --sysnames "$T/sys.names" --accounts /dev/stdin --out "$T/remote" \
    <<<"LEF21"
"$DUMP" --dump "$T/remote" >"$T/remote.jsonl" 2>&1
if [ $rc -le 4 ] &&
    grep -q '"cn":"MLL79".*"target":"PROFS:DEARN(MLL79)"' \
        "$T/remote.jsonl" &&
    grep -q '"cn":"ALF","display":"Alf Ödegård"' "$T/remote.jsonl" &&
    ! grep -q '"cn":"LEF21"' "$T/remote.jsonl"; then
    ok "--remote: custom recipients for the users not migrated"
else nok "--remote (rc $rc)"; cat "$T/remote.jsonl"; fi
ox free --store tests/data/ovvm-store --ccsid 273 --free-docs \
    --out "$T/free"
if [ $rc -le 4 ] && same_set "$T/bundled" "$T/free"; then
    ok "--free-docs is the default: the same set"
else nok "--free-docs (rc $rc)"; fi
ox docmsg --store tests/data/ovvm-store --ccsid 273 --doc-messages \
    --out "$T/docmsg"
"$MC" "$T/docmsg" >"$T/docmsg.check" 2>&1
mrc=$?
"$DUMP" --dump "$T/docmsg" >"$T/docmsg.jsonl" 2>&1
if [ $rc -le 4 ] && [ $mrc -eq 0 ] &&
    grep -q '"documents":0' "$T/docmsg.jsonl" &&
    grep -q '"attachments":4,' "$T/docmsg.jsonl" &&
    grep -q '"folder":\["Documents"\].*"subject":"PLAN63 RFT".*'\
'"att":\[{"name":"PLAN63.RFT","size":395' "$T/docmsg.jsonl"; then
    ok "--doc-messages: documents as messages in Documents (text body," \
        "the original attached)"
else nok "--doc-messages (rc $rc, migcheck $mrc)"; fi
ox doctypes --store tests/data/ovvm-store --ccsid 273 \
    --doc-types RFT=skip --out "$T/doctypes"
"$DUMP" --dump "$T/doctypes" >"$T/doctypes.jsonl" 2>&1
if [ $rc -le 4 ] && grep -q '"attachments":2,' "$T/doctypes.jsonl" &&
    grep -q '"documents":0' "$T/doctypes.jsonl"; then
    ok "--doc-types RFT=skip leaves the documents out"
else nok "--doc-types (rc $rc)"; fi

# ---- calendars through the EXAMPLE layout extractors/ovvm/OVCAL.* ----
CP=extractors/ovvm/OVCAL.prof
# cal_cmp SET MANIFEST [START END]: the schedule items of the set (the
# dump's "sched" lines) are the manifest's calendar entries (those
# from START to END, YYYYMMDD, when given), account by account; the
# report's schedule totals agree; prints a summary line
cal_cmp() {
    "$DUMP" --dump "$1" >"$1.jsonl" 2>"$1.dumperr" || return 1
    python3 - "$1" "$2" "${3:-}" "${4:-}" <<'EOF'
import collections, csv, json, sys
setdir, manpath, lo, hi = sys.argv[1:5]
man = json.load(open(manpath, encoding='utf-8'))
items = [json.loads(l) for l in open(setdir + '.jsonl', encoding='utf-8')]
def mdy(t, time):
    s = '%s-%s-%s' % (t[4:6], t[6:8], t[0:4])
    return s + (' %s:%s' % (t[8:10], t[10:12]) if time else '')
want = collections.Counter()
nall = 0
for uid, am in man['accounts'].items():
    acct = 'PROFS:%s(%s)' % (am['node'], uid)
    for e in am.get('calendar', []):
        nall += 1
        if lo and not (lo <= e['start'][:8] <= hi):
            continue
        o = {'account': acct, 'Text': e['text'], 'Ring': 'F'}
        if e['notes']:
            o['Notes'] = e['notes']
        if e['kind'] == 'appt':
            o['type'] = 'SingleAppointments'
            o['Start'] = mdy(e['start'], 1)
            o['End'] = mdy(e['end'], 1)
            o['BusyType'] = str(e['busy'])
            if e['where']:
                o['Where'] = e['where']
        else:
            o['type'] = 'SingleEvents'
            o['StartDate'] = o['EndDate'] = mdy(e['start'], 0)
        want[json.dumps(o, sort_keys=True, ensure_ascii=False)] += 1
got = collections.Counter()
for i in items:
    if i['kind'] == 'sched':
        del i['kind']
        got[json.dumps(i, sort_keys=True, ensure_ascii=False)] += 1
bad = (want - got) + (got - want)
if bad:
    for k in list(want - got)[:3]:
        print('missing:', k)
    for k in list(got - want)[:3]:
        print('unexpected:', k)
    sys.exit('schedule items differ')
n = sum(want.values())
assert nall == man['totals']['schedule'], 'manifest totals'
rows = list(csv.DictReader(open(setdir + '/MIGRATE.CSV', encoding='utf-8')))
tot = [r for r in rows if r['Account'] == '(total)'][0]
g = lambda c: int(tot['Schedule items ' + c])
assert g('found') == nall and g('written') == n, (g('found'), nall, n)
assert g('skipped') == nall - n and g('failed') == 0
# every account's row: its calendar entries
for r in rows:
    am = man['accounts'].get(r['Account'])
    if am is not None:
        assert int(r['Schedule items found']) == len(am['calendar']), r
print('%d schedule items of %d accounts, %d written: as generated' %
      (nall, len(man['accounts']), n))
EOF
}

# the bundled store carries a calendar (ovvmgen.py --cal 6)
BS=tests/data/ovvm-store
ox bcal --store $BS --ccsid 273 --out "$T/bcal" --cal-profile $CP \
    --cal-data $BS/CAL/OVCAL.VB --cal-ccsid 273
"$MC" "$T/bcal" >"$T/bcal.check" 2>&1
mrc=$?
if [ $rc -eq 4 ] && [ $mrc -eq 0 ] &&
    cal_cmp "$T/bcal" $BS/manifest.json >"$T/bcal.cmp" 2>&1 &&
    grep -q 'schedule files with 12 schedule items' "$T/bcal.check"; then
    ok "bundled store with its calendar: $(tail -1 "$T/bcal.cmp")"
else nok "bundled store with its calendar: rc $rc, migcheck $mrc"
    tail -5 "$T/bcal.cmp" "$T/bcal.log"; fi
# the calendar adds the schedule messages and changes nothing else
"$DUMP" --dump "$T/bundled" >"$T/bundled.jsonl" 2>/dev/null
if grep -v '"kind":"sched"\|"subject":"Schedule+"\|"kind":"counts"' \
        "$T/bcal.jsonl" >"$T/bcal.rest" &&
    grep -v '"counts"' "$T/bundled.jsonl" | cmp -s - "$T/bcal.rest"; then
    ok "bundled store: with the calendar, the other items are the same"
else nok "bundled store: other items change with the calendar"; fi
ox bcal2 --store $BS --ccsid 273 --out "$T/bcal2" --cal-profile $CP \
    --cal-data $BS/CAL/OVCAL.VB --cal-ccsid 273
if [ $rc -eq 4 ] && same_set "$T/bcal" "$T/bcal2"; then
    ok "calendar: a rerun writes the same bytes"
else nok "calendar: rerun (rc $rc) differs"; fi

# generated stores: the same store and calendar as RDW records in key
# order and as NETDATA in reverse order
C="$T/cal"
mkdir -p "$C"
cgen() {
    local d=$1; shift
    python3 "$GEN" "$C/$d" --seed 41 --ccsid 500 --accounts 5 --notes 4 \
        --rdr 1 --cal 20 "$@" >"$C/$d.genlog" 2>&1
}
cal1() {
    local d=$1 f=$2; shift 2
    ox "cal_$d$f" --store "$C/$d" --ccsid 500 --cal-profile $CP \
        --cal-data "$C/$d/CAL/OVCAL.$f" --cal-ccsid 500 "$@"
}
if cgen key && cgen rev --cal-format netdata --cal-order reverse &&
    cgen bad --cal-unknown --cal-damage; then
    ok "generator: calendars (key order, reversed NETDATA, damaged)"
else nok "generator: calendars"; cat "$C"/*.genlog; fi
cal1 key VB --out "$C/key.set"
"$MC" "$C/key.set" >"$C/key.check" 2>&1
mrc=$?
if [ $rc -le 4 ] && [ $mrc -eq 0 ] &&
    cal_cmp "$C/key.set" "$C/key/manifest.json" >"$C/key.cmp" 2>&1; then
    ok "CCSID 500 store with calendars: $(tail -1 "$C/key.cmp")"
else nok "CCSID 500 store with calendars: rc $rc, migcheck $mrc"
    tail -5 "$C/key.cmp" "$T/cal_keyVB.log"; fi
cal1 rev NETDATA --out "$C/rev.set"
rrc=$rc
"$OX" --store "$C/rev" --ccsid 500 --cal-profile $CP \
    --cal-data "$C/rev/CAL/OVCAL.NETDATA" --cal-ccsid 500 \
    --out "$C/rev_v.set" >"$C/rev_v.log" 2>&1
if [ $rrc -le 4 ] && same_set "$C/key.set" "$C/rev.set" &&
    grep -q '^HMG0597I.* 0 users were read again.* 4 were held' \
        "$C/rev_v.log"; then
    ok "NETDATA in reverse order = RDWs in key order, byte for byte" \
        "(4 users' items held)"
else nok "reverse NETDATA calendar differs (rc $rrc)"
    grep HMG059 "$C/rev_v.log"; fi

# the schedule filters
cal1 key VB --out "$C/nosched.set" --schedule FALSE
"$DUMP" --dump "$C/nosched.set" >"$C/nosched.jsonl" 2>&1
ns=$(python3 -c "import json; print(json.load(open(
    '$C/key/manifest.json'))['totals']['schedule'])")
tot=$(grep '^,(total)\|(total)' "$C/nosched.set/MIGRATE.CSV" |
    cut -d, -f26-29)
if [ $rc -le 4 ] && ! grep -q '"kind":"sched"' "$C/nosched.jsonl" &&
    [ "$tot" = "$ns,0,$ns,0" ]; then
    ok "--schedule FALSE: $ns schedule items found and skipped"
else nok "--schedule FALSE (rc $rc): found,written,skipped,failed $tot"
fi
cal1 key VB --out "$C/range.set" --sched-start 19950101 \
    --sched-end 19991231
"$MC" "$C/range.set" >"$C/range.check" 2>&1
mrc=$?
if [ $rc -le 4 ] && [ $mrc -eq 0 ] &&
    cal_cmp "$C/range.set" "$C/key/manifest.json" 19950101 19991231 \
        >"$C/range.cmp" 2>&1; then
    ok "--sched-start 19950101 --sched-end 19991231: $(tail -1 \
        "$C/range.cmp")"
else nok "schedule date range (rc $rc, migcheck $mrc)"
    tail -5 "$C/range.cmp"; fi

# a user id that is no account, a damaged record
cal1 bad VB --out "$C/bad.set"
"$MC" "$C/bad.set" >"$C/bad.check" 2>&1
mrc=$?
read -r uu ucount dre doff <<<"$(python3 -c "import json
c = json.load(open('$C/bad/manifest.json'))['calendar']
u = list(c['unknown'].items())[0]
print(u[0], u[1], c['damaged'][0]['record'], c['damaged'][0]['offset'])")"
if [ $rc -eq 8 ] && [ $mrc -eq 0 ] &&
    grep -q "^HMG0592W Calendars: the user id $uu has $ucount schedule" \
        "$T/cal_badVB.log" &&
    grep -q "^HMG0837E $C/bad/CAL/OVCAL.VB record $dre: item OVC-DATE at \
offset $doff " "$T/cal_badVB.log" &&
    grep -q "^HMG0602E $C/bad/CAL/OVCAL.VB record $dre: the calendar" \
        "$T/cal_badVB.log" &&
    cal_cmp "$C/bad.set" "$C/bad/manifest.json" >"$C/bad.cmp" 2>&1; then
    ok "user $uu is no account: HMG0592W ($ucount items); damaged record" \
        "$dre (offset $doff) reported and skipped, rc 8"
else nok "unknown user / damaged record: rc $rc, migcheck $mrc"
    grep HMG0 "$T/cal_badVB.log" | head; tail -3 "$C/bad.cmp"; fi

# partitions and a resumed run with calendars
cal1 key VB --out "$C/p1" --partition 1/2
r1=$rc
cal1 key VB --out "$C/p2" --partition 2/2
r2=$rc
"$MB" "$C/comb" "$C/p1/P01OF02.PKL" "$C/p2/P02OF02.PKL" \
    >"$C/comb.log" 2>&1
crc=$?
if [ $r1 -le 4 ] && [ $r2 -le 4 ] && [ $crc -eq 0 ] &&
    files_in "$C/key.set" "$C/comb"; then
    ok "calendars in partitions 1/2 and 2/2 combined: the files of one run"
else nok "calendar partitions: rc $r1 $r2, migcomb $crc"; fi
cal1 key VB --out "$C/resume" --status STATUS.TXT
head -c $(($(head -3 "$C/resume/STATUS.TXT" | wc -c) + 9)) \
    "$C/resume/STATUS.TXT" >"$C/cut.txt"
mv "$C/cut.txt" "$C/resume/STATUS.TXT"
rm -f "$C/resume/MIGRATE.PKL" "$C/resume/MIGRATE.CSV"
cal1 key VB --out "$C/resume" --status STATUS.TXT
if [ $rc -le 4 ] && same_set "$C/key.set" "$C/resume"; then
    ok "calendars: a run resumed after the first account, the same bytes"
else nok "calendars: resumed run differs (rc $rc)"; fi

# options
ox calopt1 --store $BS --ccsid 273 --out "$T/calopt1" \
    --cal-data $BS/CAL/OVCAL.VB
r1=$rc
ox calopt2 --store $BS --ccsid 273 --out "$T/calopt2" --cal-profile $CP
if [ $r1 -eq 8 ] && [ $rc -eq 8 ] &&
    grep -q '^HMG0590E OVVMEXT: --cal-data needs --cal-profile' \
        "$T/calopt1.log" &&
    grep -q '^HMG0590E OVVMEXT: --cal-profile needs --cal-data' \
        "$T/calopt2.log"; then
    ok "--cal-data without --cal-profile and the reverse: HMG0590E, rc 8"
else nok "calendar option errors: rc $r1 $rc"; fi
ox caldir --store $BS --ccsid 273 --directory --out "$T/caldir" \
    --cal-profile $CP --cal-data $BS/CAL/OVCAL.VB --cal-ccsid 273
if [ $rc -eq 0 ] && same_set "$T/dironly" "$T/caldir"; then
    ok "--directory with calendars: the directory only, as without"
else nok "--directory with calendars (rc $rc)"; fi
exit 0
