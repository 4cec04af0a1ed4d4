#!/bin/sh
# demo.sh - README's main command. For now: hmcat on a real CMS file
# (the VMARC assembler source, F 80, CCSID 037). It becomes the
# OfficeVision/VM extraction of the bundled sample store later.
set -u
cd "$(dirname "$0")/.." || exit 2
f=../shared/samples/cms/VMARC.ASSEMBLE
if [ ! -f "$f" ]; then
    echo "demo: $f is absent (../shared must stand beside the repo)"
    exit 1
fi
mkdir -p build/demo
build/bin/hmcat --ccsid 37 --recfm F --lrecl 80 "$f" \
    >build/demo/VMARC.ASSEMBLE.txt
rc=$?
echo "demo: hmcat wrote build/demo/VMARC.ASSEMBLE.txt" \
    "($(wc -l <build/demo/VMARC.ASSEMBLE.txt) lines), return code $rc"
head -12 build/demo/VMARC.ASSEMBLE.txt
exit $rc
