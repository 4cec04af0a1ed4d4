#!/usr/bin/env python3
"""ovvmgen.py - generate realistic OfficeVision/VM (PROFS, CMS NOTE)
stores for hostmig tests (Python 3, stdlib; iconv for CCSIDs Python
lacks).

    ovvmgen.py OUTDIR [--seed N] [--ccsid N] [--accounts N]
               [--notes N] [--size BYTES] [--format f80|v|netdata|mixed]
               [--max-items N] [--rdr N] [--body N] [--doc-words N]
               [--cal N [--cal-format v|netdata] [--cal-order key|reverse]
                [--cal-unknown] [--cal-damage]]

Writes, deterministically for a seed:
  STORE/<USERID>/ALL.NOTEBOOK     the account's notebook
  STORE/<USERID>/<NICK>.NOTEBOOK  further notebooks (named by
                                  :notebook. tags in the NAMES file)
  STORE/<USERID>/<USERID>.NAMES   nicknames and :list. lists (nested,
                                  one cycle)
  RDR/<USERID>/<nnnn>.NETDATA     reader files: mail files (NETDATA
                                  with INMTERM) and SENDFILEs of an
                                  RFT document
  DOC/<USERID>/<NAME>.RFT         DCA RFT documents (raw stream)
  CAL/OVCAL.VB (or .NETDATA)      with --cal N: N calendar entries per
                                  account as records of the EXAMPLE
                                  layout extractors/ovvm/OVCAL.cpy
                                  (a user record, then per entry an
                                  entry record and 0-2 note records),
                                  users in key order (EBCDIC, as
                                  REPRO gives them) or reversed;
                                  --cal-unknown adds a user that is no
                                  account, --cal-damage an entry with
                                  a date that is not zoned digits
  manifest.json, manifest.tsv     what a parser must find

The calendar is made last, from its own random numbers, so the other
files are the same with and without --cal; it is listed in
manifest.json only ("calendar" of each account: the schedule items as
the extractor must give them; "calendar" at the top: the file, its
users, the unknown user and the damaged record; totals "schedule").

File formats (recorded per file in the manifest):
  f80      CMS RECFM F LRECL 80 as raw EBCDIC bytes (records padded
           with X'40')
  v        records with 4-byte RDWs (binary transfer of a V file)
  netdata  a CMS SENDFILE (NETDATA, 80-byte cards)
  mixed    each file gets one of the three (seeded)

Text is encoded in the chosen CCSID (python codecs cp037, cp273,
cp500, cp1140, cp1026...; others such as 277, 278, 1047, 1141-1149
through `iconv`), with national characters of that page. --size makes
notes until the notebooks hold about that many bytes (150 MB+ is
fine; memory stays small: notes are written as they are made).

manifest.tsv (UTF-8, tab-separated; read by tests/host/
test_ovvm_store.c):
  ccsid   <n>
  file    <path> <kind> <format> <account> <folder> <count>
  note    <path> <index> <date14> <from-addr> <sent> <nto> <subject>
  names   <path> <entries> <lists> <notebooks> <cycles reported>
  list    <path> <nick> <members>
  doctext <path> <text with \\n for line ends>
kind: notebook, names, mail (a reader mail file), sendfile (a reader
file holding a document), rft (a raw RFT document).

manifest.json "totals": accounts, notes, listed, and what ovvmext's
reconciliation counts besides the notes: mails (reader mail files:
messages), sendfiles (reader files of a document: messages with an
attachment), documents (the DOC files: free documents, the documents
class).
"""

import argparse
import json
import os
import random
import subprocess
import sys
import zlib

# ---------------------------------------------------------------------
# Code pages


class CodePage:
    """Unicode <-> one EBCDIC page."""

    def __init__(self, ccsid):
        self.ccsid = ccsid
        self.name = 'cp%03d' % ccsid
        self.enc = {}
        try:
            import codecs
            codecs.lookup(self.name)
            self.py = True
        except LookupError:
            self.py = False
            self._iconv_table()

    def _iconv_table(self):
        names = ['IBM%03d' % self.ccsid, 'IBM-%d' % self.ccsid,
                 'IBM%d' % self.ccsid]
        for nm in names:
            ok = True
            table = {}
            for b in range(256):
                p = subprocess.run(['iconv', '-f', nm, '-t', 'UTF-8'],
                                   input=bytes([b]),
                                   stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL)
                if p.returncode != 0:
                    if b == 0:
                        ok = False
                        break
                    continue
                s = p.stdout.decode('utf-8')
                if len(s) == 1 and s not in table:
                    table[s] = b
            if ok and table:
                self.enc = table
                return
        sys.exit('ovvmgen: CCSID %d: neither Python nor iconv knows it'
                 % self.ccsid)

    def can(self, ch):
        try:
            self.encode(ch)
            return True
        except (UnicodeError, KeyError):
            return False

    def encode(self, s):
        if self.py:
            return s.encode(self.name)
        return bytes(self.enc[c] for c in s)


# ---------------------------------------------------------------------
# NETDATA (CMS SENDFILE / NOTE)


def tu(key, *values):
    """A text unit: key, count, length-value pairs."""
    out = key.to_bytes(2, 'big') + len(values).to_bytes(2, 'big')
    for v in values:
        out += len(v).to_bytes(2, 'big') + v
    return out


def num(v, n=4):
    return v.to_bytes(n, 'big')


E = CodePage(37)  # names and control records are in the invariant set


class NetdataWriter:
    """Writes one CMS SENDFILE or NOTE: INMR01, INMR02, INMR03, data,
    INMR06, as 80-byte cards."""

    def __init__(self, fh, fuid, fnode, tuid, tnode, ftime):
        self.fh = fh
        self.buf = bytearray()
        self.cards = 0
        self._control(b'INMR01', tu(0x0042, num(80, 2)) +
                      tu(0x1011, E.encode(fnode)) +
                      tu(0x1012, E.encode(fuid)) +
                      tu(0x1001, E.encode(tnode)) +
                      tu(0x1002, E.encode(tuid)) +
                      tu(0x1024, E.encode(ftime)) +
                      tu(0x102F, num(1)))

    def _segments(self, data, flags):
        first = True
        pos = 0
        while True:
            chunk = data[pos:pos + 253]
            pos += len(chunk)
            f = flags
            if first:
                f |= 0x80
            if pos >= len(data):
                f |= 0x40
            self.buf += bytes([len(chunk) + 2, f]) + chunk
            first = False
            if pos >= len(data):
                break
        self._flush(False)

    def _flush(self, final):
        n = len(self.buf) // 80 * 80
        if n:
            self.fh.write(self.buf[:n])
            del self.buf[:n]
        if final and self.buf:
            self.buf += b'\x40' * (80 - len(self.buf))
            self.fh.write(self.buf)
            self.buf = bytearray()

    def _control(self, name, units):
        self._segments(E.encode(name.decode()) + units, 0x20)

    def file(self, fn=None, ft=None, lrecl=255, size=0, mail=False):
        units = tu(0x1028, E.encode('INMCOPY'))
        if mail:
            units += tu(0x0028)
        else:
            units += tu(0x0002, E.encode('A'), E.encode(fn),
                        E.encode(ft)) + tu(0x102D, E.encode('1'))
        units += (tu(0x003C, num(0x4000, 2)) + tu(0x0042, num(lrecl, 2)) +
                  tu(0x0049, num(0x0002, 2)) + tu(0x102C, num(size, 8)))
        self._segments(E.encode('INMR02') + num(1) + units, 0x20)
        self._control(b'INMR03', tu(0x003C, num(0x4000, 2)) +
                      tu(0x0042, num(lrecl, 2)) +
                      tu(0x0049, num(0x0001, 2)) +
                      tu(0x102C, num(size, 8)))

    def record(self, data):
        if not data:
            data = b'\x40'
        self._segments(bytes(data), 0)

    def end(self):
        self._control(b'INMR06', b'')
        self._flush(True)


# ---------------------------------------------------------------------
# Record files


class RecordFile:
    """A CMS file in one of the formats; records are host bytes."""

    def __init__(self, path, fmt, fn, ft, owner, node, ftime):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.fh = open(path, 'wb')
        self.fmt = fmt
        self.nrec = 0
        self.bytes = 0
        if fmt == 'netdata':
            self.nd = NetdataWriter(self.fh, owner, node, owner, node,
                                    ftime)
            self.nd.file(fn, ft, 255)

    def record(self, data):
        self.nrec += 1
        self.bytes += len(data)
        if self.fmt == 'f80':
            assert len(data) <= 80, data
            self.fh.write(data + b'\x40' * (80 - len(data)))
        elif self.fmt == 'v':
            if not data:
                data = b'\x40'
            self.fh.write((len(data) + 4).to_bytes(2, 'big') + b'\0\0' +
                          data)
        else:
            self.nd.record(data)

    def close(self):
        if self.fmt == 'netdata':
            self.nd.end()
        self.fh.close()


# ---------------------------------------------------------------------
# Content

FIRST = ['Anna', 'Jürgen', 'Søren', 'François', 'Åsa', 'José', 'Björn',
         'Maria', 'Peter', 'Zoë', 'Ludwig', 'Inès', 'Marta', 'Øystein',
         'Hélène', 'Karl', 'Renée', 'Ülkü', 'Paul', 'Grete']
LAST = ['Müller', 'Gärtner', 'Nørgaard', 'Lefèvre', 'Ström', 'Núñez',
        'Weiß', 'Smith', 'Öberg', 'Dupont', 'Hoffmann', 'Brandão',
        'Åkesson', 'Keller', 'Jäger', 'Müller-Lüdenscheidt', 'Ortega',
        'Brown', 'Fischer', 'Šimek']
WORDS = ['budget', 'meeting', 'report', 'Änderung', 'Grüße', 'project',
         'review', 'schedule', 'Übersicht', 'plan', 'résumé', 'café',
         'straße', 'données', 'mañana', 'sørger', 'quarter', 'system',
         'VM/CMS', 'PROFS', 'release', 'Bestätigung', 'naïve', 'déjà',
         'vu', 'figures', 'draft', 'final', 'update', 'København',
         'Zürich', 'Malmö', 'Göteborg', '€100', '£20', '§4', 'and', 'the',
         'for', 'with', 'please', 'thanks', 'regards', 'status', 'items']
NODES = ['VMA', 'VMB', 'ALIJKU11', 'FINFILES', 'DEARN', 'HEARN',
         'CEARN', 'PUCC', 'VM1', 'VM2']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
          'August', 'September', 'October', 'November', 'December']
WDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
ZONES = [('CET', 60), ('MEZ', 60), ('EST', -300), ('GMT', 0),
         ('+0100', 60), ('-0500', -300), ('', 0)]


def fit(cp, s):
    """s with the characters the page lacks replaced."""
    return ''.join(c if cp.can(c) else '?' for c in s)


def safe_rft(cp, s):
    """Text for RFT body text: no character that encodes to a byte
    DCA reads as a control (X'41' RSP, X'CA' SHY, X'E1' NSP, X'FF')."""
    out = []
    for c in s:
        if not cp.can(c):
            c = '?'
        b = cp.encode(c)[0]
        if b in (0x41, 0xCA, 0xE1, 0xFF) or b < 0x40:
            c = '?'
        out.append(c)
    return ''.join(out)


def weekday(y, m, d):
    import datetime
    return WDAYS[datetime.date(y, m, d).weekday()]


def date_text(rng, y, mo, d, h, mi, s):
    """A date in one of the forms the parser knows; the stated time is
    (y, mo, d, h, mi, s) whatever the zone."""
    form = rng.randrange(7)
    zone = rng.choice(ZONES)[0]
    yy = '%02d' % (y % 100)
    if form == 0:
        t = '%d %s %s, %02d:%02d:%02d' % (d, MONTHS[mo - 1], yy, h, mi, s)
    elif form == 1:
        t = '%s, %d %s %d %02d:%02d:%02d' % (weekday(y, mo, d), d,
                                             MONTHS[mo - 1][:3], y, h, mi,
                                             s)
    elif form == 2:
        t = '%02d/%02d/%s %02d:%02d:%02d' % (mo, d, yy, h, mi, s)
    elif form == 3:
        t = '%02d.%02d.%d %02d:%02d:%02d' % (d, mo, y, h, mi, s)
    elif form == 4:
        t = '%d-%02d-%02d %02d:%02d:%02d' % (y, mo, d, h, mi, s)
    elif form == 5:
        t = '%s %s %d %02d:%02d:%02d %d' % (weekday(y, mo, d),
                                           MONTHS[mo - 1][:3], d, h, mi,
                                           s, y)
        zone = ''
    else:
        t = '%d %s %d %02d:%02d:%02d' % (d, MONTHS[mo - 1][:3], y, h, mi,
                                         s)
    if zone:
        t += ' ' + zone
    return t


class Person:
    def __init__(self, userid, node, first, last):
        self.userid = userid
        self.node = node
        self.first = first
        self.last = last
        self.name = first + ' ' + last

    def profs(self):
        return 'PROFS:%s(%s)' % (self.node, self.userid)

    def smtp(self):
        def asc(s):
            return ''.join(c for c in s.lower() if 'a' <= c <= 'z')
        return '%s.%s@%s.example.com' % (asc(self.first) or 'x',
                                         asc(self.last) or 'y',
                                         self.node.lower())


def addr_text(rng, cp, p, style):
    """(text, expected address) of a person in one address form."""
    if style == 0:
        return '%-8s at %s' % (p.userid, p.node), p.profs()
    if style == 1:
        return '%s <%s at %s>' % (fit(cp, p.name), p.userid,
                                  p.node), p.profs()
    if style == 2:
        return '%s@%s' % (p.userid, p.node), p.profs()
    if style == 3:
        return ('"%s, %s" <%s>' % (fit(cp, p.last), fit(cp, p.first),
                                   p.smtp()), 'SMTP:' + p.smtp())
    return '%s (%s)' % (p.smtp(), fit(cp, p.name)), 'SMTP:' + p.smtp()


def words(rng, cp, n):
    return ' '.join(fit(cp, rng.choice(WORDS)) for _ in range(n))


def wrap(text, width):
    out, line = [], ''
    for w in text.split(' '):
        if line and len(line) + 1 + len(w) > width:
            out.append(line)
            line = w
        else:
            line = (line + ' ' + w) if line else w
    if line:
        out.append(line)
    return out


def wrap_header(line, width):
    """A header record longer than width as continuation records."""
    if len(line) <= width:
        return [line]
    parts = wrap(line, width)
    out = [parts[0]]
    rest = ' '.join(parts[1:])
    for p in wrap(rest, width - 6):
        out.append('      ' + p)
    return out


def make_note(rng, cp, owner, people, when, width, force_sent=False,
              body=25):
    """Records (str) of one note and its manifest entry."""
    sent = force_sent or rng.random() < 0.3
    sender = owner if sent else rng.choice(people)
    gateway = not sent and rng.random() < 0.15
    style = rng.choice([3, 4]) if gateway else rng.choice([0, 0, 1, 2])
    ftext, faddr = addr_text(rng, cp, sender, style)
    recs = ['Date: ' + date_text(rng, *when)]
    cc = []
    recs += wrap_header('From: ' + ftext, width)
    nto = rng.randint(1, 6)
    pairs = [addr_text(rng, cp, rng.choice(people + [owner]),
                       rng.choice([0, 0, 1, 2, 3])) for _ in range(nto)]
    tos = [t for t, _ in pairs]
    taddr = [x for _, x in pairs]
    sep = ', ' if rng.random() < 0.7 else '  '
    if sep == '  ':
        # the CMS form: blank-separated userid at node items
        smp = rng.sample(people, min(nto, len(people)))
        tos = ['%s at %s' % (p.userid, p.node) for p in smp]
        taddr = [p.profs() for p in smp]
        nto = len(tos)
    line = 'To:   '
    for i, t in enumerate(tos):
        piece = t + (sep.rstrip(' ') if i < len(tos) - 1 else '')
        if len(line) + len(piece) + 1 > width and line.strip() != 'To:':
            recs.append(line.rstrip())
            line = '      '
        line += piece + ' '
    recs.append(line.rstrip())
    if rng.random() < 0.3:
        p = rng.choice(people)
        recs.append('cc:   %s at %s' % (p.userid, p.node))
        cc.append(p.profs())
    subject = ''
    if rng.random() < 0.85:
        subject = words(rng, cp, rng.randint(1, 12))
        parts = wrap('Subject: ' + subject, width)
        recs.append(parts[0])
        for p in parts[1:]:
            recs.append('         ' + p)
    if gateway:
        recs.append('Message-ID: <%d.%d@%s.example.com>' %
                    (rng.randrange(10 ** 6), rng.randrange(10 ** 6),
                     sender.node.lower()))
        recs.append('Received: from %s.example.com by %s' %
                    (sender.node.lower(), owner.node))
    hdr_end = len(recs)
    recs.append('')
    for _ in range(rng.randint(1, body)):
        if rng.random() < 0.15:
            recs.append('')
            continue
        recs.extend(wrap(words(rng, cp, rng.randint(1, 14)), width)[:1])
    while recs[-1] == '':
        recs.pop()
    y, mo, d, h, mi, s = when
    entry = {
        'date': '%04d%02d%02d%02d%02d%02d' % when,
        'from': faddr,
        'sent': sent,
        'nto': nto,
        'subject': subject,
        # for end-to-end tests: recipients and the body as the
        # extractor must give them
        'to': taddr,
        'cc': cc,
        'body': '\n'.join(recs[hdr_end + 1:]),
    }
    return recs, entry


def rft_bytes(cp, rng, paragraphs):
    """A DCA RFT stream of the paragraphs and its expected text."""
    def sf(cls, typ, data=b''):
        return (len(data) + 5).to_bytes(2, 'big') + bytes([cls, typ, 0]) \
            + data
    out = sf(0xE1, 0x03) + sf(0xE2, 0x05, bytes(range(1, 22)))
    out += sf(0xE1, 0x04, cp.encode('001') if cp.can('0') else b'\xF0')
    text = []
    body = bytearray()
    for para in paragraphs:
        lines = wrap(safe_rft(cp, para), 60)
        for i, ln in enumerate(lines):
            enc = cp.encode(ln)
            if rng.random() < 0.3:
                # word underscore around the line: BUS/EUS (D4 0A/0E)
                enc = (b'\x2B\xD4\x03\x0A\x01' + enc +
                       b'\x2B\xD4\x03\x0E\x01')
            if rng.random() < 0.2:
                enc = b'\x2B\xD2\x06\x01\x00\x0A\x00\x14' + enc  # STAB
            body += enc
            body += b'\x15' if i < len(lines) - 1 else b'\x06'
            text.append(ln)
        if len(body) > 20000:
            out += sf(0xE8, 0x07, bytes(body))
            body = bytearray()
    if body:
        out += sf(0xE8, 0x07, bytes(body))
    out += sf(0xE1, 0x06)
    return out, '\n'.join(text) + '\n'


def resolve_lists(cp, lists, bynick, contacts):
    """Member counts as the parser resolves them: nested lists
    flattened, a cycle cut, entries by their display names, duplicates
    removed."""
    state, members = {}, {}

    def disp(p):
        return ' '.join(fit(cp, p.name).split())

    def res(ln):
        state[ln] = 1
        out = []
        for tok in lists[ln]:
            if ' at ' in tok:
                u, n = tok.split(' at ')
                c = [p for p in contacts if p.userid == u and p.node == n]
                out.append(disp(c[0]) if c else 'PROFS:%s(%s)' % (n, u))
            elif tok in lists:
                if state.get(tok) == 1:
                    continue
                if state.get(tok) != 2:
                    res(tok)
                out.extend(members[tok])
            else:
                out.append(disp(bynick[tok]))
        seen, uniq = set(), []
        for m in out:
            if m not in seen:
                seen.add(m)
                uniq.append(m)
        members[ln] = uniq
        state[ln] = 2
    for ln in lists:
        if state.get(ln) != 2:
            res(ln)
    return {ln: len(m) for ln, m in members.items()}


# ---------------------------------------------------------------------
# Calendars in the EXAMPLE layout extractors/ovvm/OVCAL.cpy


PLACES = ['Room 2', 'Raum 4.12', 'Salle Léman', 'Kantine', 'Zürich',
          'Room B/101', 'Göteborg office', 'VM lab']


def make_calendar(out, a, cp, owners, people, man):
    """CAL/OVCAL.VB (or .NETDATA): calendar records of the owners (and
    of one user that is no account with --cal-unknown)."""

    def fx(s, n):
        b = cp.encode(fit(cp, s))[:n]
        return b + b'\x40' * (n - len(b))

    def key(uid, kind, entry):
        return fx(uid, 8) + fx(kind, 1) + fx('%06d' % entry, 6)

    users = list(owners)
    unknown = None
    if a.cal_unknown:
        unknown = people[len(owners)]
        users.append(unknown)
    users.sort(key=lambda p: cp.encode(p.userid.ljust(8)))
    if a.cal_order == 'reverse':
        users.reverse()
    ext = 'NETDATA' if a.cal_format == 'netdata' else 'VB'
    rel = 'CAL/OVCAL.' + ext
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fh = open(path, 'wb')
    nd = None
    if a.cal_format == 'netdata':
        nd = NetdataWriter(fh, 'CALADM', 'VMA', 'MIGRATE', 'VMA',
                           '19960101000000')
        nd.file('OVCAL', 'DATA', 255)
    nrec = [0]

    def rec(b):
        nrec[0] += 1
        if nd:
            nd.record(b)
        else:
            fh.write((len(b) + 4).to_bytes(2, 'big') + b'\0\0' + b)

    victim = [p for p in users if p is not unknown][0]
    cal = {'file': rel, 'format': a.cal_format, 'ccsid': a.ccsid,
           'order': a.cal_order, 'users': [p.userid for p in users],
           'unknown': {}, 'damaged': []}
    total = 0
    for p in users:
        rec(key(p.userid, 'U', 0) + fx(p.node, 8) + fx(p.name, 40))
        # each user's own random numbers: the same entries in any order
        rng = random.Random(a.seed * 1000003 + zlib.crc32(
            p.userid.encode('ascii')))
        items = []
        day = rng.randrange(200)
        n = 3 if p is unknown else a.cal
        for k in range(1, n + 1):
            day += rng.randint(1, 40)
            y = 1990 + rng.randrange(14)    # 00-03: 20yy (window 1950)
            mo = 1 + (day // 28) % 12
            d = 1 + day % 28
            timed = rng.random() < 0.75
            fr = to = None
            if timed:
                h = rng.randint(7, 18)
                mi = rng.choice([0, 15, 30, 45])
                fr = h * 60 + mi
                to = min(fr + rng.choice([30, 45, 60, 90, 120, 180]),
                         23 * 60 + 59)
            status = 'T' if timed and rng.random() < 0.2 else ''
            text = fit(cp, words(rng, cp, rng.randint(1, 7)))[:46]
            text = text.rstrip() or 'meeting'
            where = rng.choice(PLACES) if timed and rng.random() < 0.6 \
                else ''
            where = fit(cp, where)[:20].rstrip()
            notes = []
            for _ in range(rng.choice([0, 0, 1, 2])):
                notes.append(wrap(words(rng, cp, rng.randint(1, 12)),
                                  72)[0])
            date = cp.encode('%02d%02d%02d' % (y % 100, mo, d))
            damaged = a.cal_damage and p is victim and k == 2
            if damaged:
                date = cp.encode('AB') + date[2:]
            hhmm = (lambda m: fx('%02d%02d' % (m // 60, m % 60), 4)) \
                if timed else None
            rec(key(p.userid, 'E', k) + date +
                (hhmm(fr) if timed else fx('', 4)) +
                (hhmm(to) if timed else fx('', 4)) + fx(status, 1) +
                fx(text, 46) + fx(where, 20))
            if damaged:
                cal['damaged'].append({'user': p.userid, 'entry': k,
                                       'record': nrec[0], 'offset': 15})
            for ln in notes:
                rec(key(p.userid, 'N', k) + fx(ln, 72))
            if damaged:
                continue
            ymd = '%04d%02d%02d' % (y, mo, d)
            items.append({
                'entry': k, 'kind': 'appt' if timed else 'event',
                'start': ymd + ('%02d%02d00' % (fr // 60, fr % 60)
                                if timed else '000000'),
                'end': (ymd + '%02d%02d00' % (to // 60, to % 60))
                if timed else '',
                'busy': 0 if status == 'T' else 1,
                'text': text, 'where': where if timed else '',
                'notes': '\n'.join(notes)})
        if p is unknown:
            cal['unknown'][p.userid] = len(items)
            continue
        man['accounts'][p.userid]['calendar'] = items
        total += len(items)
    if nd:
        nd.end()
    fh.close()
    cal['records'] = nrec[0]
    man['calendar'] = cal
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--ccsid', type=int, default=273)
    ap.add_argument('--accounts', type=int, default=3)
    ap.add_argument('--notes', type=int, default=5,
                    help='notes per ALL NOTEBOOK (without --size)')
    ap.add_argument('--size', type=int, default=0,
                    help='about this many notebook bytes in all')
    ap.add_argument('--format', default='mixed',
                    choices=['f80', 'v', 'netdata', 'mixed'])
    ap.add_argument('--max-items', type=int, default=200000,
                    help='notes listed one by one in the manifests')
    ap.add_argument('--rdr', type=int, default=2,
                    help='mail files per account')
    ap.add_argument('--body', type=int, default=25,
                    help='most body records of a note')
    ap.add_argument('--doc-words', type=int, default=40,
                    help='most words of a document paragraph')
    ap.add_argument('--cal', type=int, default=0,
                    help='calendar entries per account (CAL/OVCAL.VB)')
    ap.add_argument('--cal-format', default='v', choices=['v', 'netdata'])
    ap.add_argument('--cal-order', default='key',
                    choices=['key', 'reverse'])
    ap.add_argument('--cal-unknown', action='store_true',
                    help='a calendar user that is no account')
    ap.add_argument('--cal-damage', action='store_true',
                    help='an entry whose date is not zoned digits')
    a = ap.parse_args()

    rng = random.Random(a.seed)
    cp = CodePage(a.ccsid)
    out = a.out
    os.makedirs(out, exist_ok=True)
    tsv = open(os.path.join(out, 'manifest.tsv'), 'w', encoding='utf-8',
               newline='\n')
    man = {'seed': a.seed, 'ccsid': a.ccsid, 'format': a.format,
           'accounts': {}}
    tsv.write('ccsid\t%d\n' % a.ccsid)
    listed = [0]

    def fmt():
        if a.format != 'mixed':
            return a.format
        return rng.choice(['f80', 'v', 'netdata'])

    def enc(s):
        return cp.encode(fit(cp, s))

    people = []
    used = set()
    for i in range(max(8, a.accounts * 4)):
        while True:
            uid = ('%s%d' % (rng.choice(LAST)[:4], rng.randrange(100))
                   ).upper()
            uid = ''.join(c for c in uid if 'A' <= c <= 'Z' or
                          '0' <= c <= '9')[:8] or 'U%d' % i
            if uid not in used:
                used.add(uid)
                break
        people.append(Person(uid, rng.choice(NODES), rng.choice(FIRST),
                             rng.choice(LAST)))
    owners = people[:a.accounts]

    per_account = 0
    if a.size:
        per_account = a.size // max(1, a.accounts)
    for acct in owners:
        base = os.path.join('STORE', acct.userid)
        am = {'userid': acct.userid, 'node': acct.node,
              'name': acct.name, 'notebooks': {}, 'rdr': [], 'docs': []}
        man['accounts'][acct.userid] = am
        others = [p for p in people if p is not acct]
        extra = [rng.choice(FIRST).upper()[:8]] if rng.random() < 0.7 \
            else []
        extra = [''.join(c for c in x if 'A' <= c <= 'Z') or 'BOOK'
                 for x in extra]
        books = ['ALL'] + extra
        written = 0
        for book in books:
            f = fmt()
            rel = '%s/%s.NOTEBOOK' % (base, book)
            width = 80 if f == 'f80' else rng.choice([72, 80, 100])
            rf = RecordFile(os.path.join(out, rel), f, book, 'NOTEBOOK',
                            acct.userid, acct.node, '19940101000000')
            notes = []
            sepstyle = rng.choice(['eq', 'blank', 'star', 'dash'])
            n = 0
            day = 0
            while True:
                if a.size and book == 'ALL':
                    if written >= per_account:
                        break
                elif n >= (a.notes if book == 'ALL' else
                           max(1, a.notes // 2)):
                    break
                day += rng.randint(0, 3)
                y = 1985 + (day // 336) % 20
                mo = 1 + (day // 28) % 12
                d = 1 + day % 28
                when = (y, mo, d, rng.randrange(24), rng.randrange(60),
                        rng.randrange(60))
                recs, entry = make_note(rng, cp, acct, others, when,
                                        width, body=a.body)
                if n:
                    if sepstyle == 'eq':
                        seps = ['', '=' * 60, '']
                    elif sepstyle == 'star':
                        seps = ['', '*' * 20, '']
                    elif sepstyle == 'dash':
                        seps = ['-' * 40]
                        if rng.random() < 0.5:
                            seps = [''] + seps + ['']
                    else:
                        seps = ['']
                    for s in seps:
                        rf.record(enc(s))
                for r in recs:
                    rf.record(enc(r))
                    written += len(r) + 1
                entry['index'] = n
                if listed[0] < a.max_items:
                    notes.append(entry)
                    tsv.write('note\t%s\t%d\t%s\t%s\t%d\t%d\t%s\n' % (
                        rel, n, entry['date'], entry['from'],
                        1 if entry['sent'] else 0, entry['nto'],
                        fit(cp, entry['subject'])))
                    listed[0] += 1
                n += 1
            rf.close()
            folder = book
            tsv.write('file\t%s\tnotebook\t%s\t%s\t%s\t%d\n' %
                      (rel, f, acct.userid, folder, n))
            am['notebooks'][book] = {
                'file': rel, 'format': f, 'records': rf.nrec,
                'notes': n, 'sent': sum(1 for x in notes if x['sent']),
                'folder': folder, 'items': notes}

        # NAMES
        f = fmt()
        rel = '%s/%s.NAMES' % (base, acct.userid)
        rf = RecordFile(os.path.join(out, rel), f, acct.userid, 'NAMES',
                        acct.userid, acct.node, '19940101000000')
        contacts = rng.sample(others, min(len(others), 6))
        nicks = []
        for p in contacts:
            nick = p.first.upper()
            nick = ''.join(c for c in nick if 'A' <= c <= 'Z')[:8] or 'N'
            while nick in nicks:
                nick = nick[:7] + chr(ord('A') + len(nicks) % 26)
            nicks.append(nick)
            style = rng.randrange(3)
            if style == 0:
                rf.record(enc(':nick.%s :userid.%s :node.%s' %
                              (nick, p.userid, p.node)))
                rf.record(enc('  :name.%s' % p.name))
            elif style == 1:
                rf.record(enc(':nick.%s :userid.%s' % (nick, p.userid)))
                rf.record(enc(':node.%s :name.%s' % (p.node, p.name)))
            else:
                rf.record(enc(':nick.%s :userid.%s :node.%s :name.%s' %
                              (nick, p.userid, p.node, p.name)))
            rf.record(enc(':phone.+%d %d' % (rng.randrange(10, 99),
                                             rng.randrange(10 ** 6))))
        lists = {}
        lists['TEAM'] = nicks[:3] + ['%s at %s' % (others[-1].userid,
                                                   others[-1].node)]
        lists['ALLE'] = ['TEAM'] + nicks[3:]
        lists['LOOPA'] = ['LOOPB', nicks[0]]
        lists['LOOPB'] = ['LOOPA']
        for ln, mem in lists.items():
            rf.record(enc(':nick.%s :list.%s' % (ln, ' '.join(mem[:2]))))
            if mem[2:]:
                rf.record(enc('       ' + ' '.join(mem[2:])))
        for b in extra:
            rf.record(enc(':nick.NB%s :notebook.%s' % (b[:6], b)))
            rf.record(enc(':userid.%s :node.%s' % (b, acct.node)))
        rf.close()
        expect = resolve_lists(cp, lists, dict(zip(nicks, contacts)),
                               contacts)
        nentries = len(nicks) + len(lists) + len(extra)
        tsv.write('file\t%s\tnames\t%s\t%s\t\t%d\n' %
                  (rel, f, acct.userid, nentries))
        tsv.write('names\t%s\t%d\t%d\t%d\t1\n' % (rel, nentries,
                                                  len(lists), len(extra)))
        for ln in lists:
            tsv.write('list\t%s\t%s\t%d\n' % (rel, ln, expect[ln]))
        am['names'] = {'file': rel, 'format': f, 'entries': nentries,
                       'lists': expect, 'notebooks': extra, 'cycles': 1}

        # reader: mail files and a SENDFILE of a document
        for k in range(a.rdr):
            rel = 'RDR/%s/%04d.NETDATA' % (acct.userid, k + 1)
            p = rng.choice(others)
            path = os.path.join(out, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            when = (1994, 1 + k % 12, 1 + k % 28, 9, 30, k % 60)
            with open(path, 'wb') as fh:
                nd = NetdataWriter(fh, p.userid, p.node, acct.userid,
                                   acct.node, '%04d%02d%02d%02d%02d%02d' %
                                   when)
                recs, entry = make_note(rng, cp, p, [acct], when, 80,
                                        force_sent=True, body=a.body)
                entry['sent'] = False
                nd.file(mail=True, lrecl=132)
                for r in recs:
                    nd.record(enc(r))
                nd.end()
            tsv.write('file\t%s\tmail\tnetdata\t%s\t\t1\n' %
                      (rel, acct.userid))
            tsv.write('note\t%s\t0\t%s\t%s\t0\t%d\t%s\n' % (
                rel, entry['date'], entry['from'], entry['nto'],
                fit(cp, entry['subject'])))
            am['rdr'].append({'file': rel, 'kind': 'mail', 'note': entry})
        paras = [words(rng, cp, rng.randint(5, a.doc_words))
                 for _ in range(rng.randint(2, 6))]
        doc, text = rft_bytes(cp, rng, paras)
        name = 'PLAN%d' % rng.randrange(100)
        rel = 'DOC/%s/%s.RFT' % (acct.userid, name)
        os.makedirs(os.path.join(out, os.path.dirname(rel)),
                    exist_ok=True)
        with open(os.path.join(out, rel), 'wb') as fh:
            fh.write(doc)
        tsv.write('file\t%s\trft\traw\t%s\t\t1\n' % (rel, acct.userid))
        tsv.write('doctext\t%s\t%s\n' % (rel, text.replace('\n', '\\n')))
        am['docs'].append({'file': rel, 'bytes': len(doc), 'text': text})
        rel = 'RDR/%s/%04d.NETDATA' % (acct.userid, a.rdr + 1)
        p = rng.choice(others)
        with open(os.path.join(out, rel), 'wb') as fh:
            nd = NetdataWriter(fh, p.userid, p.node, acct.userid,
                               acct.node, '19940301120000')
            nd.file(name, 'RFT', 255, len(doc))
            for i in range(0, len(doc), 240):
                nd.record(doc[i:i + 240])
            nd.end()
        tsv.write('file\t%s\tsendfile\tnetdata\t%s\t\t1\n' %
                  (rel, acct.userid))
        tsv.write('doctext\t%s\t%s\n' % (rel, text.replace('\n', '\\n')))
        am['rdr'].append({'file': rel, 'kind': 'sendfile',
                          'fn': name, 'ft': 'RFT', 'from': p.userid,
                          'node': p.node, 'text': text})
    tsv.close()
    nsched = make_calendar(out, a, cp, owners, people, man) if a.cal \
        else None
    man['totals'] = {
        'accounts': len(owners),
        'notes': sum(b['notes'] for am in man['accounts'].values()
                     for b in am['notebooks'].values()),
        'listed': listed[0],
        'mails': sum(1 for am in man['accounts'].values()
                     for r in am['rdr'] if r['kind'] == 'mail'),
        'sendfiles': sum(1 for am in man['accounts'].values()
                         for r in am['rdr'] if r['kind'] == 'sendfile'),
        'documents': sum(len(am['docs'])
                         for am in man['accounts'].values()),
    }
    if nsched is not None:
        man['totals']['schedule'] = nsched
    with open(os.path.join(out, 'manifest.json'), 'w',
              encoding='utf-8') as fh:
        json.dump(man, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write('\n')


if __name__ == '__main__':
    main()
