#!/usr/bin/env python3
"""taogen.py - write an example Fischer TAO store unload for hostmig's
tests (Python 3, stdlib only; deterministic for a seed).

    taogen.py OUTDIR [--seed N] [--users N] [--netdata]

TAO's record layouts were never published. The records follow the
EXAMPLE copybook extractors/tao/TAOEX.cpy (code page 500): a key of
user, area, document number (packed), binary record code and
sequence; STCK send stamps, packed CYYMMDD dates, packed Julian YYDDD
calendar days, HHMM times.

Data sets (RECFM=VB records with RDWs, in key order):
  STORE.VB    per user: account record, file-cabinet drawers and
              folders, filed documents, in-tray, out-tray, their text
  CAL.VB      calendars (all-day entries have blank times)
  DIRECT.VB   the directory: the users and some remote people
  manifest.json  what an extraction must give
--netdata writes STORE.VB as a NETDATA transmission (STORE.XMI).
"""

import argparse
import datetime
import json
import os
import random
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from memogen import Enc, write_vb, netdata  # noqa: E402

CODEC = 'cp500'
NODE = 'HQNODE'
FIRST = ['Anne', 'François', 'Jürgen', 'María', 'Søren', 'Zoë',
         'Renée', 'José', 'Ola', 'Chloé']
LAST = ['Dubois', 'Müller', 'García', 'Ørsted', 'Smith', 'Nuñez',
        'Lefèvre', 'Brandt']
WORDS = ('quarterly figures shipment invoice meeting contract budget '
         'forecast audit memo draft approval travel expenses').split()
REC = {'account': 0, 'drawer': 1, 'folder': 2, 'doc': 10, 'text': 20,
       'cal': 30, 'dir': 90}


def sentence(rnd, n):
    s = ' '.join(rnd.choice(WORDS) for _ in range(n))
    return s[0].upper() + s[1:] + '.'


def cyymmdd(d):
    return (d.year - 1900) // 100 * 1000000 + (d.year % 100) * 10000 + \
        d.month * 100 + d.day


def yyddd(d):
    return (d.year % 100) * 1000 + d.timetuple().tm_yday


class Tao:
    def __init__(self, seed, nusers):
        rnd = random.Random(seed)
        e = self.e = Enc(CODEC)
        self.users = []
        used = set()
        for i in range(nusers):
            while True:
                fn, ln = rnd.choice(FIRST), rnd.choice(LAST)
                uid = ''.join(c for c in (fn[0] + ln).upper()
                              if 'A' <= c <= 'Z')[:6] + 'T' + \
                    chr(0x41 + i)
                if uid not in used:
                    used.add(uid)
                    break
            self.users.append({'id': uid, 'name': fn + ' ' + ln})
        self.users.sort(key=lambda u: u['id'].encode(CODEC))
        ids = [u['id'] for u in self.users]
        self.remotes = [{'id': 'EXT%02d' % i, 'node': 'PARIS1',
                         'name': rnd.choice(FIRST) + ' ' +
                         rnd.choice(LAST)} for i in range(2)]
        everyone = ids + [r['id'] for r in self.remotes]

        def who(uid):
            node = NODE
            for r in self.remotes:
                if r['id'] == uid:
                    node = r['node']
            return uid + ' AT ' + node

        base = datetime.datetime(2024, 3, 15, 9, 0, 0)
        self.store, self.cal = [], []
        self.counts = {'mailboxes': nusers, 'remotes': 2, 'dls': 0,
                       'mailboxes_with_data': 0, 'messages': 0,
                       'public_messages': 0, 'attachments': 0,
                       'schedule_items': 0, 'pab_entries': 0,
                       'pab_dls': 0}

        def key(uid, area, doc, rec, seq):
            return (e.x(uid, 8) + e.x(area, 1) + e.packed(doc, 7) +
                    e.half(REC[rec]) + e.half(seq))

        for u in self.users:
            uid = u['id']
            recs = []
            recs.append(key(uid, 'A', 0, 'account', 0) +
                        e.x(u['name'], 32) + e.x(NODE, 8))
            recs.append(key(uid, 'C', 1, 'drawer', 0) +
                        e.x('Correspondance', 24))
            recs.append(key(uid, 'C', 2, 'drawer', 0) + e.x('Projets', 24))
            recs.append(key(uid, 'C', 3, 'folder', 0) + e.packed(1, 7) +
                        e.x('Clients 2024', 24))
            recs.append(key(uid, 'C', 4, 'folder', 0) + e.packed(2, 7) +
                        e.x('Réseau', 24))
            docs = []
            for area, n in (("C", rnd.randint(1, 2)),
                            ('I', rnd.randint(2, 4)),
                            ('O', rnd.randint(1, 2))):
                for k in range(n):
                    docs.append((area, 100 + len(docs)))
            for area, num in docs:
                when = base - datetime.timedelta(
                    days=rnd.randint(0, 400), seconds=rnd.randint(0, 30000))
                others = [x for x in everyone if x != uid]
                to = [who(x) for x in rnd.sample(others,
                                                 rnd.randint(1, 3))]
                frm = who(uid) if area != 'I' else who(rnd.choice(others))
                # the first document of the first user: two records
                nl = 41 if not self.store and num == 100 else \
                    rnd.choice([1, 2, 3, 5])
                lines = [sentence(rnd, rnd.randint(3, 9))
                         for _ in range(nl)]
                recs.append(
                    key(uid, area, num, 'doc', 0) +
                    e.packed(rnd.choice([1, 2, 3, 4]) if area == 'C'
                             else None, 7) +
                    e.stck(when) + e.packed(cyymmdd(when), 7) +
                    e.zoned(int(when.strftime('%H%M%S')), 6) +
                    e.x(frm, 20) + e.x(sentence(rnd, 4)[:-1], 50) +
                    e.x(rnd.choice('NNHL'), 1) + e.x(rnd.choice('NR'), 1) +
                    e.half(len(to)) + b''.join(e.x(t, 20) for t in to))
                for i in range(0, len(lines), 40):
                    part = lines[i:i + 40]
                    recs.append(key(uid, area, num, 'text', i // 40 + 1) +
                                e.half(len(part)) +
                                b''.join(e.x(t, 70) for t in part))
                self.counts['messages'] += 1
            recs.sort(key=lambda r: r[:17])
            self.store += recs
            ncal = rnd.randint(1, 3)
            for k in range(ncal):
                day = base + datetime.timedelta(days=rnd.randint(-20, 40))
                allday = k == 2
                st = rnd.randint(8, 15)
                notes = [sentence(rnd, 5) for _ in range(rnd.randint(0, 2))]
                self.cal.append(
                    key(uid, 'K', k + 1, 'cal', 0) +
                    e.packed(yyddd(day), 5, False) +
                    e.zoned(None if allday else st * 100 + 30, 4) +
                    e.zoned(None if allday else st * 100 + 100 + 15, 4) +
                    e.x(sentence(rnd, 3)[:-1], 50) +
                    e.x(rnd.choice(['Salle A', 'Genève', '']), 24) +
                    e.half(len(notes)) + b''.join(e.x(n, 60)
                                                  for n in notes))
                self.counts['schedule_items'] += 1
            self.counts['mailboxes_with_data'] += 1
        self.direct = []
        for u in self.users:
            self.direct.append(key(u['id'], 'D', 0, 'dir', 0) +
                               e.x(u['id'], 8) + e.x(NODE, 8) +
                               e.x(u['name'], 32) + e.x('Siège', 20) +
                               e.x('+33 1 4000', 12))
        for r in self.remotes:
            self.direct.append(key(r['id'], 'D', 0, 'dir', 0) +
                               e.x(r['id'], 8) + e.x(r['node'], 8) +
                               e.x(r['name'], 32) + e.x('Externe', 20) +
                               e.x('', 12))
        self.direct.sort(key=lambda r: r[:17])


def build(out, seed, nusers, nd):
    t = Tao(seed, nusers)
    os.makedirs(out, exist_ok=True)
    files = {}
    if nd:
        with open(os.path.join(out, 'STORE.XMI'), 'wb') as f:
            f.write(netdata(t.store, 'TAO.UNLOAD.STORE'))
        files['STORE.XMI'] = len(t.store)
    else:
        write_vb(os.path.join(out, 'STORE.VB'), t.store)
        files['STORE.VB'] = len(t.store)
    write_vb(os.path.join(out, 'CAL.VB'), t.cal)
    write_vb(os.path.join(out, 'DIRECT.VB'), t.direct)
    files['CAL.VB'] = len(t.cal)
    files['DIRECT.VB'] = len(t.direct)
    man = {'generator': 'taogen.py', 'seed': seed, 'users': nusers,
           'ccsid': 500, 'records': files,
           'accounts': [u['id'] for u in t.users], 'expect': t.counts}
    with open(os.path.join(out, 'manifest.json'), 'w') as f:
        json.dump(man, f, indent=1, sort_keys=True)
        f.write('\n')
    return man


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--users', type=int, default=3)
    ap.add_argument('--netdata', action='store_true')
    a = ap.parse_args()
    man = build(a.out, a.seed, a.users, a.netdata)
    print('taogen: %s: %s' % (a.out, json.dumps(man['expect'],
                                                 sort_keys=True)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
