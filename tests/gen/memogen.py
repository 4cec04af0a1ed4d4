#!/usr/bin/env python3
"""memogen.py - write an example Verimation MEMO store unload for
hostmig's tests (Python 3, stdlib only; deterministic for a seed).

    memogen.py OUTDIR [--seed N] [--users N] [--layout 1|2]
               [--damage] [--netdata]

MEMO's record layouts were never published. The records written here
follow the EXAMPLE copybooks extractors/memo/MEMOEX.cpy (layout 1)
and tests/data/memo-store/MEMOEX2.cpy (layout 2): the same store,
the same items, in two layouts that differ in field order, date forms
(zoned YYYYMMDD / packed Julian CYYDDD, STCK / zoned stamps), code
page (037 / 273) and in how a record's type is told (section and part
characters of the key / a binary record code).

Data sets (RECFM=VB records with RDWs, EBCDIC, in key order):
  USERS.VB    the user list (MIGUSRL)
  MAIL.VB     folders, in-basket, out-basket, filed mail, binary
              files, personal address book, personal lists, calendar
  BBOARD.VB   bulletin boards
  DIRECT.VB   SNADS directory, shared distribution lists
  manifest.json  what an extraction must give

--damage spoils two messages: a bad date (invalid zoned digits in
layout 1, invalid packed digits in layout 2) and a text record cut
short; and a folder (its parent number spoilt the same way: the
folder is skipped, its messages are filed under its number). The
manifest lists them and counts without the two messages.
--netdata writes MAIL.VB as a NETDATA transmission (MAIL.XMI)
instead.
"""

import argparse
import datetime
import json
import os
import random
import struct
import sys

# ---------------------------------------------------------------------
# host field encoders (shared with taogen.py)


class Enc:
    """Encoders of COBOL items in one EBCDIC code page."""

    def __init__(self, codec):
        self.codec = codec

    def x(self, s, n):
        """PIC X(n): text, blank-padded (cut at n)."""
        b = s.encode(self.codec)[:n]
        return b + b'\x40' * (n - len(b))

    def zoned(self, v, n, signed=False):
        """PIC [S]9(n) DISPLAY; v None gives blanks (empty)."""
        if v is None:
            return b'\x40' * n
        neg = v < 0
        d = str(abs(v)).rjust(n, '0')[-n:]
        b = bytearray(0xF0 | int(c) for c in d)
        if signed:
            b[-1] = (0xD0 if neg else 0xC0) | (b[-1] & 0x0F)
        return bytes(b)

    @staticmethod
    def packed(v, digits, signed=True):
        """PIC [S]9(digits) COMP-3; v None gives X'00's (empty)."""
        nbytes = digits // 2 + 1
        if v is None:
            return b'\x00' * nbytes
        sign = (0xD if v < 0 else 0xC) if signed else 0xF
        d = str(abs(v)).rjust(nbytes * 2 - 1, '0')
        nib = [int(c) for c in d] + [sign]
        return bytes((nib[i] << 4) | nib[i + 1]
                     for i in range(0, len(nib), 2))

    @staticmethod
    def half(v):
        """PIC S9(4) COMP."""
        return struct.pack('>h', v)

    @staticmethod
    def stck(dt):
        """8-byte TOD clock of a naive UTC datetime."""
        base = datetime.datetime(1900, 1, 1)
        us = (dt - base) // datetime.timedelta(microseconds=1)
        return struct.pack('>Q', us << 12)


def rdw(rec):
    """A V record with its RDW."""
    return struct.pack('>HH', len(rec) + 4, 0) + rec


def write_vb(path, recs):
    with open(path, 'wb') as f:
        for r in recs:
            f.write(rdw(r))


def ebc_name(s):
    return s.encode('cp037')


def netdata(recs, dsname, lrecl=4096):
    """A TSO TRANSMIT (NETDATA) of one RECFM=VB data set."""
    def tu(key, *vals):
        out = struct.pack('>HH', key, len(vals))
        for v in vals:
            out += struct.pack('>H', len(v)) + v
        return out

    def ctl(name, body):
        return b'\xc9\xd5\xd4\xd9' + name.encode('cp037') + body

    def num(v, n):
        return v.to_bytes(n, 'big')

    logical = []
    r01 = ctl('01', tu(0x1001, ebc_name('NODEA')) +
              tu(0x1002, ebc_name('MEMOADM')) +
              tu(0x1011, ebc_name('NODEB')) +
              tu(0x1012, ebc_name('HOSTMIG')) +
              tu(0x1024, ebc_name('20240101120000')) +
              tu(0x0042, num(80, 2)) + tu(0x102F, num(1, 1)))
    logical.append((0x20, r01))
    quals = [ebc_name(q) for q in dsname.split('.')]
    r02 = ctl('02', num(1, 4) + tu(0x1028, ebc_name('INMCOPY')) +
              tu(0x0002, *quals) + tu(0x003C, num(0x4000, 2)) +
              tu(0x0049, num(0x5000, 2)) + tu(0x0042, num(lrecl, 2)) +
              tu(0x0030, num(lrecl + 4, 2)) + tu(0x102C, num(100000, 4)))
    logical.append((0x20, r02))
    r03 = ctl('03', tu(0x003C, num(0x4000, 2)) +
              tu(0x0049, num(0x5000, 2)) + tu(0x0042, num(lrecl, 2)) +
              tu(0x102C, num(100000, 4)))
    logical.append((0x20, r03))
    for r in recs:
        logical.append((0x00, rdw(r)))
    logical.append((0x20, ctl('06', b'')))
    stream = bytearray()
    for flags, data in logical:
        pos = 0
        first = True
        while True:
            chunk = data[pos:pos + 253]
            pos += len(chunk)
            last = pos >= len(data)
            f = flags
            if first:
                f |= 0x80
            if last:
                f |= 0x40
            stream += bytes([len(chunk) + 2, f]) + chunk
            first = False
            if last:
                break
    while len(stream) % 80:
        stream += b'\x40'
    return bytes(stream)


# ---------------------------------------------------------------------
# the store (logical content, shared by both layouts)

FIRST = ['Åsa', 'Björn', 'Eva', 'Göran', 'Ingrid', 'Jörgen', 'Karin',
         'Lars', 'Märta', 'Nils', 'Ödön', 'Pär', 'Sören', 'Ulla']
LAST = ['Öberg', 'Ländin', 'Ström', 'Åkesson', 'Nyström', 'Hägg',
        'Lindqvist', 'Bergström', 'Dahl', 'Ekström']
WORDS = ('budget meeting report plan review order invoice project '
         'release schedule minutes draft agenda contract travel '
         'customer network printer update summary').split()
LOCAL_DGN = 'STHLM01'
REMOTE_DGN = ['GBG02', 'MALMO03']


def words(rnd, n):
    return ' '.join(rnd.choice(WORDS) for _ in range(n))


def sentence(rnd, n):
    s = words(rnd, n)
    return s[0].upper() + s[1:] + '.'


class Store:
    def __init__(self, seed, nusers):
        rnd = random.Random(seed)
        self.rnd = rnd
        self.users = []
        used = set()
        for i in range(nusers):
            while True:
                fn, ln = rnd.choice(FIRST), rnd.choice(LAST)
                uid = (fn[0] + ln).upper()
                uid = ''.join(c for c in uid if 'A' <= c <= 'Z')[:7]
                uid = uid + chr(0x41 + i)
                if uid not in used:
                    used.add(uid)
                    break
            self.users.append({'id': uid, 'name': fn + ' ' + ln,
                               'dept': rnd.choice(['Sales', 'IT',
                                                   'Ekonomi', 'Lager'])})
        self.users.sort(key=lambda u: u['id'].encode('cp037'))
        ids = [u['id'] for u in self.users]
        self.remotes = []
        for i in range(3):
            fn, ln = rnd.choice(FIRST), rnd.choice(LAST)
            self.remotes.append({'id': 'R' + ln.upper()[:4].replace(
                'Ö', 'O').replace('Å', 'A').replace('Ä', 'A') + str(i),
                'dgn': REMOTE_DGN[i % 2], 'name': fn + ' ' + ln})

        def addr(uid):
            for r in self.remotes:
                if r['id'] == uid:
                    return r['dgn'] + '.' + uid
            return LOCAL_DGN + '.' + uid

        everyone = ids + [r['id'] for r in self.remotes]
        base = datetime.datetime(2024, 2, 26, 8, 0, 0)
        self.nodata = ids[-1] if nusers > 2 else None
        for ui, u in enumerate(self.users):
            u['folders'] = []
            u['msgs'] = []
            u['pab'] = []
            u['dls'] = []
            u['cal'] = []
            if u['id'] == self.nodata:
                continue
            # folders: two top ones and one inside the first
            u['folders'] = [
                {'num': 1, 'name': 'Projekt', 'parent': None},
                {'num': 2, 'name': 'Kunder', 'parent': None},
                {'num': 3, 'name': 'Budget ' + str(2024), 'parent': 1}]
            num = 0
            for box, n in (('I', rnd.randint(2, 4)), ('O', rnd.randint(
                    1, 2)), ('F', rnd.randint(1, 3)),
                    ('B', rnd.randint(0, 1))):
                for k in range(n):
                    num += 1
                    when = base - datetime.timedelta(
                        days=rnd.randint(0, 700), hours=rnd.randint(0, 9),
                        minutes=rnd.randint(0, 59),
                        seconds=rnd.randint(0, 59))
                    others = [x for x in everyone if x != u['id']]
                    frm = addr(u['id']) if box in 'OB' else \
                        addr(rnd.choice(others))
                    nto = rnd.randint(1, 3)
                    to = [addr(x) for x in rnd.sample(others, nto)]
                    cc = [addr(x) for x in rnd.sample(
                        others, rnd.randint(0, 2))]
                    nlines = rnd.choice([0, 2, 5, 12]) if box != 'B' \
                        else 0
                    lines = [sentence(rnd, rnd.randint(3, 10))
                             for _ in range(nlines)]
                    if nlines > 4:
                        lines[2] = ''
                        lines[1] = 'Hälsningar från ' + u['name']
                    files = []
                    if box == 'B' or rnd.random() < 0.3:
                        size = 4050 if box == 'B' else \
                            rnd.choice([150, 600])
                        data = bytes(rnd.randrange(256)
                                     for _ in range(size))
                        files.append({'name': rnd.choice(
                            ['RAPPORT.XLS', 'BILD.BMP', 'PROG.EXE',
                             'DATA.BIN']), 'data': data})
                    u['msgs'].append({
                        'num': num, 'box': box,
                        'folder': rnd.choice([1, 2, 3]) if box == 'F'
                        else None,
                        'from': frm, 'to': to if box != 'B' else [],
                        'cc': cc if box != 'B' else [],
                        'when': when,
                        'status': rnd.choice('NR') if box == 'I' else 'R',
                        'prio': rnd.choice('NNNHL'),
                        'subject': (files[0]['name'] if box == 'B'
                                    else sentence(rnd, rnd.randint(2, 6))
                                    [:-1]),
                        'lines': lines, 'files': files})
            for k in range(rnd.randint(2, 3)):
                fn, ln = rnd.choice(FIRST), rnd.choice(LAST)
                other = rnd.choice(everyone)
                dgn = LOCAL_DGN
                for r in self.remotes:
                    if r['id'] == other:
                        dgn = r['dgn']
                u['pab'].append({'num': k + 1,
                                 'nick': (ln[:6] + str(k)).upper(),
                                 'name': fn + ' ' + ln, 'den': other,
                                 'dgn': dgn,
                                 'phone': '+46 8 %06d' % rnd.randrange(
                                     10 ** 6),
                                 'org': rnd.choice(['Volvo', 'Saab',
                                                    'Ericsson']),
                                 'note': words(rnd, 4)})
            members = [p['name'] for p in u['pab']]
            u['dls'].append({'num': 1, 'name': 'Mina vänner',
                             'desc': 'Personal list',
                             'inline': members[:1],
                             'records': [(m, '') for m in members[1:]]})
            for k in range(3):
                start = base + datetime.timedelta(
                    days=rnd.randint(-30, 60), hours=rnd.randint(0, 8))
                kind = 'E' if k == 2 else 'A'
                if kind == 'E':
                    start = start.replace(hour=0, minute=0, second=0)
                u['cal'].append({
                    'num': k + 1, 'kind': kind, 'start': start,
                    'end': start + datetime.timedelta(
                        minutes=rnd.choice([30, 60, 90])),
                    'subject': sentence(rnd, 3)[:-1],
                    'place': rnd.choice(['Rum 4', 'Kafé', 'Göteborg']),
                    'status': rnd.choice('BT'),
                    'org': addr(u['id']),
                    'att': [addr(x) for x in rnd.sample(everyone, 2)],
                    'notes': [sentence(rnd, 5)] if k == 0 else []})
        self.boards = []
        for bi, (bid, title) in enumerate((('ANNOUNCE', 'Announcements'),
                                           ('CAFE', 'Kafé och lunch'))):
            msgs = []
            for k in range(rnd.randint(2, 3)):
                when = base - datetime.timedelta(days=rnd.randint(0, 90),
                                                 minutes=rnd.randint(0,
                                                                     600))
                msgs.append({'num': k + 1,
                             'from': addr(rnd.choice(ids)),
                             'when': when,
                             'subject': sentence(rnd, 3)[:-1],
                             'lines': [sentence(rnd, 6)
                                       for _ in range(rnd.randint(1, 4))]})
            self.boards.append({'id': bid, 'title': title, 'msgs': msgs})
        self.sdls = [{'id': 'ALLSTAFF', 'name': 'All staff',
                      'desc': 'Everybody at ' + LOCAL_DGN,
                      'members': [addr(x) for x in ids]}]
        self.damaged = []

    def counts(self):
        msgs = atts = pab = dls = cal = 0
        with_data = 0
        bad = {(d['user'], d['num']) for d in self.damaged}
        for u in self.users:
            n = 0
            for m in u['msgs']:
                if (u['id'], m['num']) in bad:
                    continue
                msgs += 1
                atts += len(m['files'])
                n += 1
            pab += len(u['pab'])
            dls += len(u['dls'])
            cal += len(u['cal'])
            n += len(u['pab']) + len(u['dls']) + len(u['cal'])
            if n:
                with_data += 1
        pub = sum(len(b['msgs']) for b in self.boards)
        return {'mailboxes': len(self.users),
                'remotes': len(self.remotes), 'dls': len(self.sdls),
                'mailboxes_with_data': with_data,
                'messages': msgs, 'public_messages': pub,
                'attachments': atts, 'schedule_items': cal,
                'pab_entries': pab, 'pab_dls': dls}


# ---------------------------------------------------------------------
# layouts: each turns logical records into bytes
#
# A logical record is (kind, owner, item, seq, fields...). The order of
# the records is that of layout 1's keys, for both layouts.

SECT = {'user': '0', 'folder': '1', 'hdr': '2', 'mtext': '2',
        'chunk': '2', 'pab': '3', 'dl': '4', 'member': '4', 'cal': '5',
        'ctext': '5', 'sdl': '7', 'smember': '7', 'bb': '8',
        'btext': '8', 'dir': '9'}
PART = {'user': '0', 'folder': '0', 'hdr': '0', 'mtext': '1',
        'chunk': '2', 'pab': '0', 'dl': '0', 'member': '2', 'cal': '0',
        'ctext': '1', 'sdl': '0', 'smember': '2', 'bb': '0',
        'btext': '1', 'dir': '0'}
CODE2 = {'control': 0, 'user': 10, 'folder': 11, 'hdrI': 21,
         'hdrO': 22, 'hdrF': 23, 'hdrB': 24, 'mtext': 31, 'ctext': 31,
         'btext': 31, 'chunk': 32, 'pab': 40, 'dl': 50, 'member': 51,
         'calA': 60, 'calE': 61, 'sdl': 70, 'smember': 71, 'bb': 80,
         'dir': 90}


def cyyddd(d):
    return (d.year - 1900) // 100 * 100000 + (d.year % 100) * 1000 + \
        d.timetuple().tm_yday


class Layout1:
    codec = 'cp037'

    def __init__(self):
        self.e = Enc(self.codec)

    def key(self, kind, owner, item, seq):
        e = self.e
        if kind == 'control':
            return b'\x00' * 19
        return (e.x(owner, 8) + e.x(SECT[kind], 1) + e.zoned(item, 6) +
                e.x(PART[kind], 1) + e.zoned(seq, 3))

    def rec(self, kind, owner, item, seq, f):
        e = self.e
        k = self.key(kind, owner, item, seq)
        if kind == 'control':
            return k + e.x('MEMO UNLOAD ' + f['date'], 40)
        if kind == 'user':
            return k + e.x(f['name'], 40) + e.x(LOCAL_DGN, 8) + \
                e.x(f['dept'], 20)
        if kind == 'folder':
            return k + e.x(f['name'], 30) + e.zoned(f['parent'], 6)
        if kind == 'hdr':
            w = f['when']
            return (k + e.x(f['box'], 1) + e.zoned(f['folder'], 6) +
                    e.x(f['from'], 17) +
                    e.zoned(int(w.strftime('%Y%m%d')), 8) +
                    e.zoned(int(w.strftime('%H%M%S')), 6) +
                    e.x(f['status'], 1) + e.x(f['prio'], 1) +
                    e.x(f['subject'], 60) + e.zoned(len(f['to']), 2) +
                    e.zoned(len(f['cc']), 2) +
                    b''.join(e.x(t, 17) for t in f['to']) +
                    b''.join(e.x(t, 17) for t in f['cc']))
        if kind in ('mtext', 'ctext', 'btext'):
            return k + e.zoned(len(f['lines']), 2) + \
                b''.join(e.x(t, 72) for t in f['lines'])
        if kind == 'chunk':
            return k + e.x(f['name'], 44) + e.half(len(f['data'])) + \
                f['data']
        if kind == 'pab':
            return (k + e.x(f['nick'], 8) + e.x(f['name'], 40) +
                    e.x(f['dgn'], 8) + e.x(f['den'], 8) +
                    e.x(f['phone'], 16) + e.x(f['org'], 30) +
                    e.x(f['note'], 60))
        if kind in ('dl', 'sdl'):
            return (k + e.x(f['name'], 30) + e.x(f['desc'], 60) +
                    e.zoned(len(f['inline']), 2) +
                    b''.join(e.x(m, 40) for m in f['inline']))
        if kind in ('member', 'smember'):
            return k + e.x(f['name'], 40) + e.x(f['addr'], 17)
        if kind == 'cal':
            ev = f['kind'] == 'E'
            return (k + e.x(f['kind'], 1) +
                    (b'\x00' * 16 if ev else
                     e.stck(f['start']) + e.stck(f['end'])) +
                    e.zoned(int(f['start'].strftime('%Y%m%d'))
                            if ev else None, 8) +
                    e.x(f['subject'], 60) + e.x(f['place'], 30) +
                    e.x(f['status'], 1) + e.x(f['org'], 17) +
                    e.zoned(len(f['att']), 2) +
                    b''.join(e.x(a, 17) for a in f['att']))
        if kind == 'bb':
            w = f['when']
            return (k + e.x(f['title'], 30) + e.x(f['from'], 17) +
                    e.zoned(int(w.strftime('%Y%m%d')), 8) +
                    e.zoned(int(w.strftime('%H%M%S')), 6) +
                    e.x(f['subject'], 60))
        if kind == 'dir':
            return (k + e.x(f['den'], 8) + e.x(f['dgn'], 8) +
                    e.x(f['name'], 40) + e.x(f['dept'], 20) +
                    e.x(f['phone'], 16) + e.x(f['title'], 30))
        raise ValueError(kind)

    def spoil_date(self, rec):
        """invalid zoned digits in HDR-DATE (offset 19+1+6+17 = 43)"""
        b = bytearray(rec)
        b[45] = 0xC3
        return bytes(b), 43

    def spoil_folder(self, rec):
        """invalid zoned digits in FLD-PARENT (offset 19+30 = 49)"""
        b = bytearray(rec)
        b[50] = 0x4B
        return bytes(b), 49


class Layout2:
    codec = 'cp273'

    def __init__(self):
        self.e = Enc(self.codec)

    def code(self, kind, f):
        if kind == 'hdr':
            return CODE2['hdr' + f['box']]
        if kind == 'cal':
            return CODE2['cal' + f['kind']]
        return CODE2[kind]

    def rec(self, kind, owner, item, seq, f):
        e = self.e
        if kind == 'control':
            return b'\x00' * 14 + e.half(0) + e.x('MEMO UNLOAD ' +
                                                  f['date'], 40)
        k = (e.x(owner, 8) + e.packed(item, 7) + e.half(seq) +
             e.half(self.code(kind, f)))
        if kind == 'user':
            return k + e.x(LOCAL_DGN, 8) + e.x(f['dept'], 20) + \
                e.x(f['name'], 40)
        if kind == 'folder':
            return k + e.packed(f['parent'], 7) + e.x(f['name'], 30)
        if kind == 'hdr':
            w = f['when']
            return (k + e.half(len(f['to'])) + e.half(len(f['cc'])) +
                    e.x(f['subject'], 60) + e.packed(cyyddd(w), 7) +
                    e.packed(int(w.strftime('%H%M%S')), 6, False) +
                    e.x(f['prio'], 1) + e.x(f['status'], 1) +
                    e.x(f['from'], 17) + e.packed(f['folder'], 7) +
                    b''.join(e.x(t, 17) for t in f['to']) +
                    b''.join(e.x(t, 17) for t in f['cc']))
        if kind in ('mtext', 'ctext', 'btext'):
            return k + e.half(len(f['lines'])) + \
                b''.join(e.x(t, 72) for t in f['lines'])
        if kind == 'chunk':
            return k + e.zoned(len(f['data']), 4) + e.x(f['name'], 44) + \
                f['data']
        if kind == 'pab':
            return (k + e.x(f['name'], 40) + e.x(f['nick'], 8) +
                    e.x(f['note'], 60) + e.x(f['org'], 30) +
                    e.x(f['phone'], 16) + e.x(f['den'], 8) +
                    e.x(f['dgn'], 8))
        if kind in ('dl', 'sdl'):
            return (k + e.half(len(f['inline'])) + e.x(f['desc'], 60) +
                    e.x(f['name'], 30) +
                    b''.join(e.x(m, 40) for m in f['inline']))
        if kind in ('member', 'smember'):
            return k + e.x(f['addr'], 17) + e.x(f['name'], 40)
        if kind == 'cal':
            ev = f['kind'] == 'E'
            return (k + e.half(len(f['att'])) + e.x(f['subject'], 60) +
                    e.zoned(None if ev else
                            int(f['start'].strftime('%Y%m%d%H%M%S')), 14) +
                    e.zoned(None if ev else
                            int(f['end'].strftime('%Y%m%d%H%M%S')), 14) +
                    e.packed(cyyddd(f['start']) if ev else None, 7) +
                    e.x(f['org'], 17) + e.x(f['status'], 1) +
                    e.x(f['place'], 30) +
                    b''.join(e.x(a, 17) for a in f['att']))
        if kind == 'bb':
            w = f['when']
            return (k + e.packed(cyyddd(w), 7) +
                    e.packed(int(w.strftime('%H%M%S')), 6, False) +
                    e.x(f['subject'], 60) + e.x(f['from'], 17) +
                    e.x(f['title'], 30))
        if kind == 'dir':
            return (k + e.x(f['name'], 40) + e.x(f['dgn'], 8) +
                    e.x(f['den'], 8) + e.x(f['title'], 30) +
                    e.x(f['phone'], 16) + e.x(f['dept'], 20))
        raise ValueError(kind)

    def spoil_date(self, rec):
        """invalid packed digits in HDR2-DATE (offset 16+2+2+60 = 80)"""
        b = bytearray(rec)
        b[81] = 0xAB
        return bytes(b), 80

    def spoil_folder(self, rec):
        """invalid packed digits in FLD2-PARENT (offset 16)"""
        b = bytearray(rec)
        b[17] = 0xA1
        return bytes(b), 16


# ---------------------------------------------------------------------
# the data sets

def text_chunks(lines, per=10):
    for i in range(0, len(lines), per):
        yield lines[i:i + per]


def logical(store, damage):
    """The records of each data set, in key order (layout 1's keys)."""
    users, mail, bboard, direct = [], [], [], []
    for u in store.users:
        users.append(('user', u['id'], 0, 0, u))
    mail.append(('control', '', 0, 0, {'date': '20240226'}))
    spoiled = {}
    cand = []
    if damage:
        # the first in-basket message of the first and second user:
        # a bad date, a text record cut short
        cand = [u for u in store.users if u['msgs']]
        m1 = next(m for m in cand[0]['msgs'] if m['box'] == 'I')
        m2 = next(m for m in cand[1]['msgs']
                  if m['box'] in 'IOF' and len(m['lines']) >= 3)
        spoiled[(cand[0]['id'], m1['num'])] = 'date'
        spoiled[(cand[1]['id'], m2['num'])] = 'short'
        store.damaged = [{'user': cand[0]['id'], 'num': m1['num'],
                          'how': 'date'},
                         {'user': cand[1]['id'], 'num': m2['num'],
                          'how': 'short'}]
    for u in store.users:
        uid = u['id']
        for fo in u['folders']:
            how = 'folder' if damage and u is cand[0] and \
                fo['parent'] else None
            mail.append(('folder', uid, fo['num'], 0, dict(fo, spoil=how)))
        for m in u['msgs']:
            how = spoiled.get((uid, m['num']))
            mail.append(('hdr', uid, m['num'], 0, dict(m, spoil=how)))
            for i, ch in enumerate(text_chunks(m['lines'])):
                mail.append(('mtext', uid, m['num'], i + 1,
                             {'lines': ch, 'spoil': how if i == 0
                              else None}))
            seq = 0
            for fi in m['files']:
                d = fi['data']
                for off in range(0, len(d), 4000):
                    seq += 1
                    mail.append(('chunk', uid, m['num'], seq,
                                 {'name': fi['name'],
                                  'data': d[off:off + 4000]}))
        for p in u['pab']:
            mail.append(('pab', uid, p['num'], 0, p))
        for dl in u['dls']:
            mail.append(('dl', uid, dl['num'], 0, dl))
            for i, (nm, ad) in enumerate(dl['records']):
                mail.append(('member', uid, dl['num'], i + 1,
                             {'name': nm, 'addr': ad}))
        for c in u['cal']:
            mail.append(('cal', uid, c['num'], 0, c))
            if c['notes']:
                mail.append(('ctext', uid, c['num'], 1,
                             {'lines': c['notes']}))
    for b in store.boards:
        for m in b['msgs']:
            bboard.append(('bb', b['id'], m['num'], 0,
                           dict(m, title=b['title'])))
            bboard.append(('btext', b['id'], m['num'], 1,
                           {'lines': m['lines']}))
    ents = [{'den': u['id'], 'dgn': LOCAL_DGN, 'name': u['name'],
             'dept': u['dept'], 'phone': '+46 8 1000', 'title': ''}
            for u in store.users[:-1]]
    ents += [{'den': r['id'], 'dgn': r['dgn'], 'name': r['name'],
              'dept': 'Extern', 'phone': '', 'title': 'Partner'}
             for r in store.remotes]
    for en in ents:
        direct.append(('dir', en['den'], 0, 0, en))
    for s in store.sdls:
        direct.append(('sdl', s['id'], 1, 0, dict(s, inline=[])))
        for i, ad in enumerate(s['members']):
            direct.append(('smember', s['id'], 1, i + 1,
                           {'name': ad.split('.')[1], 'addr': ad}))
    # key order (layout 1's keys): what REPRO of a KSDS gives
    l1 = Layout1()
    for recs in (users, mail, bboard, direct):
        recs.sort(key=lambda r: l1.key(r[0], r[1], r[2], r[3]))
    return {'USERS.VB': users, 'MAIL.VB': mail, 'BBOARD.VB': bboard,
            'DIRECT.VB': direct}


def build(out, seed, nusers, layout, damage, nd):
    store = Store(seed, nusers)
    sets = logical(store, damage)
    lay = Layout1() if layout == 1 else Layout2()
    os.makedirs(out, exist_ok=True)
    files = {}
    spoiled = []
    for name, recs in sets.items():
        data = []
        for kind, owner, item, seq, f in recs:
            r = lay.rec(kind, owner, item, seq, f)
            how = f.get('spoil') if isinstance(f, dict) else None
            if how == 'date' and kind == 'hdr':
                r, off = lay.spoil_date(r)
                spoiled.append({'dataset': name, 'record': len(data) + 1,
                                'offset': off, 'how': 'date'})
            if how == 'folder' and kind == 'folder':
                r, off = lay.spoil_folder(r)
                spoiled.append({'dataset': name, 'record': len(data) + 1,
                                'offset': off, 'how': 'folder'})
            if how == 'short' and kind == 'mtext':
                r = r[:len(r) - 40]
                spoiled.append({'dataset': name, 'record': len(data) + 1,
                                'how': 'short'})
            data.append(r)
        if nd and name == 'MAIL.VB':
            with open(os.path.join(out, 'MAIL.XMI'), 'wb') as f:
                f.write(netdata(data, 'MEMO.UNLOAD.MAIL'))
            files['MAIL.XMI'] = len(data)
        else:
            write_vb(os.path.join(out, name), data)
            files[name] = len(data)
    man = {'generator': 'memogen.py', 'seed': seed, 'users': nusers,
           'layout': layout, 'ccsid': 37 if layout == 1 else 273,
           'records': files, 'accounts': [u['id'] for u in store.users],
           'account_without_data': store.nodata,
           'damaged': spoiled, 'expect': store.counts()}
    with open(os.path.join(out, 'manifest.json'), 'w') as f:
        json.dump(man, f, indent=1, sort_keys=True)
        f.write('\n')
    return man


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--users', type=int, default=4)
    ap.add_argument('--layout', type=int, choices=(1, 2), default=1)
    ap.add_argument('--damage', action='store_true')
    ap.add_argument('--netdata', action='store_true')
    a = ap.parse_args()
    man = build(a.out, a.seed, a.users, a.layout, a.damage, a.netdata)
    print('memogen: %s: %s' % (a.out, json.dumps(man['expect'],
                                                  sort_keys=True)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
