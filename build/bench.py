#!/usr/bin/env python3
"""bench.py - speed and memory of hostmig against a reference run on
the same bytes in the same script (make -f Makefile.unix bench).

1. The converter in process: build/obj/bench/bench_cp (hm_cpconv
   against glibc iconv on one buffer of 128 MiB or more).
2. hmcat as a whole process against the iconv command on the same
   file (F 80, CCSID 273, 120 MB), median of 5 runs each (taken in
   turns), output to /dev/null; peak memory (ru_maxrss of the child)
   of hmcat on a 12 MB and a 120 MB file: it must not grow with the
   file.
3. ovvmext on a generated OfficeVision/VM store of 150 MB or more
   (tests/gen/ovvmgen.py, CCSID 273, cached in build/bench/) against
   one iconv process over the same files (the store's bytes, in name
   order), both writing their output to a file in build/bench/;
   median of 5 runs each, taken in turns (ovvmext, iconv, ovvmext,
   ...) so that a busy machine weighs on both alike; the single runs
   are printed too. Target: ovvmext at most 1.5 times iconv's time
   (goal 1.0); peak memory below 16 MB on a 15 MB and on the big
   store, not growing with the store.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

B = 'build/bench'


def run(cmd, out=subprocess.DEVNULL, err=None):
    """Run cmd; return (seconds, peak KiB, exit status). The peak is
    taken by /usr/bin/time (%M): the ru_maxrss this script could read
    itself would be at least its own size, because a child keeps the
    peak of the process image it was forked from."""
    tf = B + '/time.out'
    tcmd = ['/usr/bin/time', '-f', '%M', '-o', tf] + cmd \
        if os.path.exists('/usr/bin/time') else cmd
    t0 = time.monotonic()
    p = subprocess.Popen(tcmd, stdout=out, stderr=err)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.monotonic() - t0
    peak = ru.ru_maxrss
    if tcmd is not cmd:
        with open(tf) as fh:
            lines = fh.read().split()
        peak = int(lines[-1]) if lines else 0
    return dt, peak, os.waitstatus_to_exitcode(status)


class Cmd:
    """A command to time: its output (DEVNULL or a file name), what to
    do before each run, the exit codes that are fine; the runs."""

    def __init__(self, cmd, out=subprocess.DEVNULL, before=None,
                 okrc=(0,), err=None):
        self.cmd, self.out, self.before, self.okrc = cmd, out, before, okrc
        self.err = err      # a file name: messages appended there
        self.runs = []

    def once(self):
        if self.before:
            self.before()
        eh = open(self.err, 'ab') if self.err else None
        if isinstance(self.out, str):
            with open(self.out, 'wb') as fh:
                r = run(self.cmd, fh, eh)
        else:
            r = run(self.cmd, self.out, eh)
        if eh:
            eh.close()
        if r[2] not in self.okrc:
            sys.exit('bench: %s exited %d' % (self.cmd[0], r[2]))
        self.runs.append(r)

    def median(self):
        return statistics.median(r[0] for r in self.runs)

    def peak(self):
        return max(r[1] for r in self.runs)

    def times(self):
        return ' '.join('%.3f' % r[0] for r in self.runs)


def turns(cmds, n=5):
    """n runs of each command, in turns."""
    for _ in range(n):
        for c in cmds:
            c.once()


def make_file(path, mb):
    """Realistic EBCDIC 273 text in F 80 records."""
    words = ('Sehr geehrte Damen und Herren, die Übergabe der Größen '
             'für März erfolgt über das Büro in Köln; Rückfragen an '
             'Jürgen Weiß, Tel. 0221 123456. ').split(' ')
    recs = []
    i = 0
    while len(recs) < 1000:
        line = ''
        while len(line) < 60:
            line += words[i % len(words)] + ' '
            i += 1
        recs.append(line[:72].encode('cp273').ljust(80, b'\x40'))
    chunk = b''.join(recs)
    with open(path, 'wb') as f:
        for _ in range(mb * 1000 * 1000 // len(chunk)):
            f.write(chunk)


def main():
    os.makedirs(B, exist_ok=True)
    ok = True
    print('== converter in process (hm_cpconv vs glibc iconv)')
    r = subprocess.run(['build/obj/bench/bench_cp'])
    ok = ok and r.returncode == 0

    small, big = B + '/small.f80', B + '/big.f80'
    if not os.path.exists(big) or os.path.getsize(big) < 100e6:
        make_file(small, 12)
        make_file(big, 120)
    size = os.path.getsize(big)
    print('== whole process on %s (%d bytes, F 80, CCSID 273)'
          % (big, size))
    ch = Cmd(['build/bin/hmcat', '--ccsid', '273', big])
    ci = Cmd(['iconv', '-f', 'IBM273', '-t', 'UTF-8', big])
    turns([ch, ci])
    th, mh, ti, mi = ch.median(), ch.peak(), ci.median(), ci.peak()
    print('bench hmcat: %.3fs (%.0f MB/s; median of 5), peak %d KiB'
          % (th, size / th / 1e6, mh))
    print('bench iconv: %.3fs (%.0f MB/s; median of 5), peak %d KiB'
          % (ti, size / ti / 1e6, mi))
    print('bench hmcat/iconv time ratio: %.2f (below 1 = hmcat faster)'
          % (th / ti))
    cs = Cmd(['build/bin/hmcat', '--ccsid', '273', small])
    turns([cs], 1)
    ms = cs.peak()
    print('bench hmcat peak memory: %d KiB on %d bytes, %d KiB on %d'
          ' bytes' % (ms, os.path.getsize(small), mh, size))
    if mh > ms + 1024:
        print('bench: FAIL: hmcat peak memory grows with the file')
        ok = False
    if th >= ti:
        print('bench: NOTE: hmcat is not faster than iconv here')
    ok = bench_ovvmext() and ok
    return 0 if ok else 1


def store_files(store):
    """The store's files in name order (what iconv converts)."""
    out = []
    for top in ('STORE', 'RDR', 'DOC'):
        for d, _, fs in os.walk(os.path.join(store, top)):
            out += [os.path.join(d, f) for f in fs]
    return sorted(out)


def make_store(path, size, want):
    """A generated store of at least want bytes (cached)."""
    if os.path.exists(os.path.join(path, 'manifest.json')):
        if sum(os.path.getsize(f) for f in store_files(path)) >= want:
            return
    shutil.rmtree(path, ignore_errors=True)
    print('bench: generating %s (about %d MB of notes; once)'
          % (path, size // 1000000))
    subprocess.run([sys.executable, 'tests/gen/ovvmgen.py', path,
                    '--seed', '150', '--ccsid', '273', '--accounts', '3',
                    '--size', str(size), '--max-items', '1000'],
                   stdout=subprocess.DEVNULL, check=True)


def bench_ovvmext():
    ok = True
    big, small = B + '/ovvm-big', B + '/ovvm-small'
    make_store(big, 110000000, 150e6)
    make_store(small, 11000000, 15e6)
    files = store_files(big)
    size = sum(os.path.getsize(f) for f in files)
    out = B + '/ovvm-set'

    def clean():
        shutil.rmtree(out, ignore_errors=True)
    print('== ovvmext on %s (%d files, %d bytes, CCSID 273)'
          % (big, len(files), size))
    cmd = ['build/bin/ovvmext', '--quiet', '--store', big, '--ccsid',
           '273', '--out', out]
    # return code 4: the generator's NAMES files hold a list cycle
    log = B + '/ovvmext.log'
    if os.path.exists(log):
        os.remove(log)
    co = Cmd(cmd, before=clean, okrc=(0, 4), err=log)
    ci = Cmd(['iconv', '-f', 'IBM273', '-t', 'UTF-8'] + files,
             out=B + '/ovvm-iconv.out')
    turns([co, ci])
    to, mo, ti, mi = co.median(), co.peak(), ci.median(), ci.peak()
    setsize = sum(os.path.getsize(os.path.join(out, f))
                  for f in os.listdir(out))
    print('bench ovvmext: %.3fs (%.0f MB/s in, %d bytes of set; median '
          'of 5), peak %d KiB' % (to, size / to / 1e6, setsize, mo))
    print('bench iconv:   %.3fs (%.0f MB/s, %d bytes out; median of 5), '
          'peak %d KiB' % (ti, size / ti / 1e6,
                           os.path.getsize(B + '/ovvm-iconv.out'), mi))
    print('bench runs (s): ovvmext %s; iconv %s'
          % (co.times(), ci.times()))
    ratio = to / ti
    print('bench ovvmext/iconv time ratio: %.2f (target 1.5, goal 1.0)'
          % ratio)
    ssize = sum(os.path.getsize(f) for f in store_files(small))
    cs = Cmd(['build/bin/ovvmext', '--quiet', '--store', small,
              '--ccsid', '273', '--out', out], before=clean, okrc=(0, 4),
             err=log)
    turns([cs], 1)
    ms = cs.peak()
    print('bench ovvmext peak memory: %d KiB on %d bytes, %d KiB on %d '
          'bytes' % (ms, ssize, mo, size))
    if mo >= 16384 or ms >= 16384:
        print('bench: FAIL: ovvmext peak memory is 16 MB or more')
        ok = False
    if mo > ms + 1024:
        print('bench: FAIL: ovvmext peak memory grows with the store')
        ok = False
    with open(log, 'rb') as fh:
        nlog = len(fh.read().splitlines())
    print('bench ovvmext messages: %s (%d lines; rc 4: the generated '
          'NAMES files hold a list that refers to itself)' % (log, nlog))
    if ratio > 1.5:
        print('bench: TARGET MISSED: ovvmext takes more than 1.5 times '
              "iconv's time here")
    return ok


if __name__ == '__main__':
    sys.exit(main())
