#!/bin/sh
# demo.sh - README's main command: the OfficeVision/VM extraction of
# the bundled sample store (tests/data/ovvm-store, CCSID 273: two
# users' notebooks, NAMES files, reader files and documents, and
# their calendars in CAL/OVCAL.VB, read through the EXAMPLE layout
# extractors/ovvm/OVCAL.cpy + OVCAL.prof) into a set of migration
# files in build/demo/, checked with migcheck; then the reconciliation
# report. And, when ../shared/samples is there, hmcat on a real CMS
# file.
set -u
cd "$(dirname "$0")/.." || exit 2
OUT=build/demo/ovvm-set
rm -rf "$OUT"
mkdir -p build/demo
CAL=""
if [ -f tests/data/ovvm-store/CAL/OVCAL.VB ]; then
    CAL="--cal-profile extractors/ovvm/OVCAL.prof --cal-ccsid 273"
    CAL="$CAL --cal-data tests/data/ovvm-store/CAL/OVCAL.VB"
fi
echo "demo: build/bin/ovvmext --store tests/data/ovvm-store --ccsid 273" \
    "--out $OUT $CAL"
build/bin/ovvmext --store tests/data/ovvm-store --ccsid 273 --out "$OUT" \
    $CAL 2>build/demo/ovvmext.log
rc=$?
grep 'HMG05[0-9][0-9]\|HMG0475I\|HMG0002I' build/demo/ovvmext.log
echo "demo: ovvmext return code $rc (4: the sample's NAMES files hold a" \
    "list that refers back to itself, reported and cut)"
if [ $rc -gt 4 ]; then
    cat build/demo/ovvmext.log
    exit $rc
fi
echo "demo: build/bin/migcheck $OUT"
build/bin/migcheck "$OUT" 2>&1
mrc=$?
echo "demo: migcheck return code $mrc"
echo "demo: reconciliation ($OUT/MIGRATE.CSV), per account and class:"
python3 - "$OUT/MIGRATE.CSV" <<'EOF' || cat "$OUT/MIGRATE.CSV"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
cls = ['Messages', 'Attachments', 'Documents', 'PAB entries', 'PAB lists',
       'Schedule items', 'Directory objects']
short = ['messages', 'attachm.', 'documents', 'PAB', 'PAB lists',
         'schedule', 'directory']
print('  %-12s %-6s' % ('Account', 'Status') +
      ''.join('%11s' % c for c in short))
for r in rows:
    print('  %-12s %-6s' % (r['Account'], r['Status']) +
          ''.join('%11s' % ('%s/%s' % (r[c + ' written'], r[c + ' found']))
                  for c in cls))
print('  (written/found; nothing skipped or failed)' if all(
    int(r[c + ' failed']) == 0 for r in rows for c in cls) else
      '  SOME ITEMS FAILED')
EOF
f=../shared/samples/cms/VMARC.ASSEMBLE
if [ -f "$f" ]; then
    build/bin/hmcat --ccsid 37 --recfm F --lrecl 80 "$f" \
        >build/demo/VMARC.ASSEMBLE.txt
    echo "demo: hmcat also wrote build/demo/VMARC.ASSEMBLE.txt" \
        "($(wc -l <build/demo/VMARC.ASSEMBLE.txt) lines) from a real" \
        "CMS file"
fi
exit $mrc
