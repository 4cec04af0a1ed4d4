#!/usr/bin/env python3
"""bench.py - speed and memory of hostmig against a reference run on
the same bytes in the same script (make -f Makefile.unix bench).

1. The converter in process: build/obj/bench/bench_cp (hm_cpconv
   against glibc iconv on one buffer of 128 MiB or more).
2. hmcat as a whole process against the iconv command on the same
   file (F 80, CCSID 273, 120 MB), best of 3 runs each, output to
   /dev/null; peak memory (ru_maxrss of the child) of hmcat on a
   12 MB and a 120 MB file: it must not grow with the file.
"""
import os
import subprocess
import sys
import time

B = 'build/bench'


def run(cmd, out=subprocess.DEVNULL):
    """Run cmd; return (seconds, peak KiB, exit status)."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=out)
    _, status, ru = os.wait4(p.pid, 0)
    return time.monotonic() - t0, ru.ru_maxrss, os.waitstatus_to_exitcode(
        status)


def best(cmd, n=3):
    runs = [run(cmd) for _ in range(n)]
    for r in runs:
        if r[2] != 0:
            sys.exit('bench: %s exited %d' % (cmd[0], r[2]))
    return min(r[0] for r in runs), max(r[1] for r in runs)


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
    th, mh = best(['build/bin/hmcat', '--ccsid', '273', big])
    ti, mi = best(['iconv', '-f', 'IBM273', '-t', 'UTF-8', big])
    print('bench hmcat: %.3fs (%.0f MB/s), peak %d KiB'
          % (th, size / th / 1e6, mh))
    print('bench iconv: %.3fs (%.0f MB/s), peak %d KiB'
          % (ti, size / ti / 1e6, mi))
    print('bench hmcat/iconv time ratio: %.2f (below 1 = hmcat faster)'
          % (th / ti))
    _, ms = best(['build/bin/hmcat', '--ccsid', '273', small], 1)
    print('bench hmcat peak memory: %d KiB on %d bytes, %d KiB on %d'
          ' bytes' % (ms, os.path.getsize(small), mh, size))
    if mh > ms + 1024:
        print('bench: FAIL: hmcat peak memory grows with the file')
        ok = False
    if th >= ti:
        print('bench: NOTE: hmcat is not faster than iconv here')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
