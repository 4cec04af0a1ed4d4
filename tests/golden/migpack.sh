#!/bin/bash
# migpack.sh - golden tests of migpack and of migcheck on a ZIP.
# Prints "ok N name" or "not ok N name" per case (counted by
# build/runcheck.sh). The ZIPs are cross-checked with python's
# zipfile and with unzip -t; damaged copies are made with python
# (tests/golden/broken sets are refused by migpack).
set -u
cd "$(dirname "$0")/../.." || exit 2
MP=build/bin/migpack
MC=build/bin/migcheck
T=build/out/golden_migpack
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
nok() { n=$((n + 1)); echo "not ok $n $1"; }
GOOD=tests/golden/migcheck_good

if [ ! -x "$MP" ] || [ ! -x "$MC" ]; then
    nok "migpack or migcheck not built"; echo "1..$n"; exit 1; fi

# ---- packing ----
"$MP" "$GOOD" "$T/good.zip" >"$T/pack.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && grep -q '^HMG0451I ' "$T/pack.out" &&
    [ -f "$T/good.zip" ]; then ok "pack the good set"
else nok "pack the good set (rc $rc)"; cat "$T/pack.out"; fi
"$MP" "$GOOD/MIGRATE.PKL" "$T/good2.zip" >/dev/null 2>&1
if cmp -s "$T/good.zip" "$T/good2.zip"; then
    ok "packing twice (by directory, by .PKL) gives the same bytes"
else nok "packing is not deterministic"; fi
"$MP" tests/golden/migwrite "$T/writer.zip" >"$T/packw.out" 2>&1
if [ $? -eq 0 ]; then ok "pack the writer golden set"
else nok "pack the writer golden set"; cat "$T/packw.out"; fi

# python's zipfile: a standard ZIP whose MANIFEST is right
python3 - "$T/good.zip" "$GOOD" >"$T/py.out" 2>&1 <<'EOF'
import os, sys, zipfile, zlib
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'testzip'
names = z.namelist()
assert names[0] == 'MANIFEST', names
files = sorted(f for f in os.listdir(sys.argv[2]))
assert names[1:] == files, (names, files)
want = ['Filename,Size,CRC-32']
for f in files:
    d = open(os.path.join(sys.argv[2], f), 'rb').read()
    assert z.read(f) == d, f
    want.append('%s,%d,%08X' % (f, len(d), zlib.crc32(d)))
    i = z.getinfo(f)
    assert i.date_time == (1980, 1, 1, 0, 0, 0), i.date_time
assert z.read('MANIFEST') == ('\r\n'.join(want) + '\r\n').encode()
print('python ok')
EOF
if [ $? -eq 0 ]; then ok "python zipfile: testzip, members, MANIFEST"
else nok "python zipfile check"; cat "$T/py.out"; fi
if command -v unzip >/dev/null 2>&1; then
    if unzip -tq "$T/good.zip" >"$T/unzip.out" 2>&1 &&
        unzip -tq "$T/writer.zip" >>"$T/unzip.out" 2>&1; then
        ok "unzip -t accepts both ZIPs"
    else nok "unzip -t"; cat "$T/unzip.out"; fi
else
    echo "SKIP: unzip absent: the unzip -t cross-check was not run"
fi

# ---- migcheck on the ZIPs ----
for z in good writer; do
    "$MC" "$T/$z.zip" >"$T/check_$z.out" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && grep -q '^HMG0447I ' "$T/check_$z.out" &&
        grep -q '^HMG0425I ' "$T/check_$z.out"; then
        ok "migcheck $z.zip: rc 0"
    else nok "migcheck $z.zip: rc $rc"; cat "$T/check_$z.out"; fi
done

# ---- refusals ----
"$MP" tests/golden/broken/bad_date "$T/broken.zip" >"$T/refuse.out" 2>&1
rc=$?
if [ $rc -eq 8 ] && grep -q '^HMG0450E ' "$T/refuse.out" &&
    [ ! -e "$T/broken.zip" ]; then ok "a set with errors is refused"
else nok "broken set: rc $rc"; cat "$T/refuse.out"; fi
"$MP" "$GOOD" >"$T/usage.out" 2>&1
if [ $? -eq 8 ] && grep -q '^HMG0452I ' "$T/usage.out"; then
    ok "usage: rc 8"; else nok "usage"; fi

# ---- damaged ZIPs: rc 8 and the right message ----
python3 - "$T" >"$T/mk.out" 2>&1 <<'EOF'
import io, sys, zipfile
t = sys.argv[1]
src = zipfile.ZipFile(t + '/good.zip')
mem = [(i.filename, src.read(i.filename)) for i in src.infolist()]

def write(name, members, comp=zipfile.ZIP_DEFLATED, stream=False):
    buf = io.BytesIO()
    if stream:
        class W(io.RawIOBase):      # not seekable: data descriptors
            def writable(self): return True
            def write(self, b): return buf.write(b)
        f = W()
    else:
        f = buf
    z = zipfile.ZipFile(f, 'w', comp)
    for n, d in members:
        z.writestr(n, d)
    z.close()
    open(t + '/' + name, 'wb').write(buf.getvalue())
    return buf.getvalue()

def flip_in(data, name, at=0.5):
    z = zipfile.ZipFile(io.BytesIO(data))
    i = z.getinfo(name)
    ln = int.from_bytes(data[i.header_offset + 26:i.header_offset + 28],
                        'little')
    lx = int.from_bytes(data[i.header_offset + 28:i.header_offset + 30],
                        'little')
    off = i.header_offset + 30 + ln + lx + int(i.compress_size * at)
    b = bytearray(data)
    b[off] ^= 0x01
    return bytes(b)

def manifest(fix):
    out = []
    for n, d in mem:
        if n == 'MANIFEST':
            lines = d.decode().split('\r\n')
            d = '\r\n'.join(fix(l) for l in lines).encode()
        out.append((n, d))
    return out

# a foreign writer, every member stored: accepted
st = write('stored.zip', mem, zipfile.ZIP_STORED)
write('stream.zip', mem, stream=True)
open(t + '/flip_stored.zip', 'wb').write(flip_in(st, 'U1.PRI'))
good = open(t + '/good.zip', 'rb').read()
open(t + '/flip_deflated.zip', 'wb').write(flip_in(good, 'U1.PRI'))
write('mf_crc.zip', manifest(lambda l: l.replace(
    l[-8:], '%08X' % (int(l[-8:], 16) ^ 1)) if l.startswith('U1.SEC')
    else l))
write('mf_size.zip', manifest(lambda l: l.replace(',122,', ',123,')))
write('missing.zip', [m for m in mem if m[0] != 'U1.SEC'])
write('extra.zip', mem + [('EXTRA.TXT', b'not listed\r\n')])
write('nomanifest.zip', [m for m in mem if m[0] != 'MANIFEST'])
open(t + '/trunc_end.zip', 'wb').write(good[:-10])
open(t + '/trunc_half.zip', 'wb').write(good[:len(good) // 2])
open(t + '/notzip.zip', 'wb').write(b'MIGRATE.PKL\r\n')
import warnings
warnings.simplefilter('ignore')
write('dup.zip', mem + [('U1.PRI', dict(mem)['U1.PRI'])])
EOF
if [ $? -ne 0 ]; then nok "making the damaged ZIPs"; cat "$T/mk.out"; fi

for z in stored stream; do
    "$MC" "$T/$z.zip" >"$T/c_$z.out" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then ok "python-written $z.zip is accepted"
    else nok "python-written $z.zip: rc $rc"; cat "$T/c_$z.out"; fi
done

# case, message numbers (any of them; all must end with rc 8)
while read -r c want; do
    [ -f "$T/$c.zip" ] || { nok "$c.zip was not made"; continue; }
    "$MC" "$T/$c.zip" >"$T/c_$c.out" 2>&1
    rc=$?
    hit=0
    for w in ${want//,/ }; do
        grep -q "^HMG0${w}E " "$T/c_$c.out" && hit=1
    done
    if [ $rc -eq 8 ] && [ $hit -eq 1 ] &&
        grep -q '^HMG0448I ' "$T/c_$c.out"; then
        ok "damaged $c.zip: rc 8, HMG0${want}E"
    else
        nok "damaged $c.zip: want rc 8 and HMG0${want}E, got rc $rc"
        sed 's/^/    /' "$T/c_$c.out"
    fi
done <<'EOF'
flip_stored 435
flip_deflated 434,435
mf_crc 446
mf_size 445
missing 442
extra 443
nomanifest 440
trunc_end 430
trunc_half 430
notzip 430
dup 438
EOF
echo "1..$n"
