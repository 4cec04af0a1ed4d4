#!/bin/sh
# demo-tao.sh - extract the bundled example TAO store
# (tests/data/tao-store, written by tests/gen/taogen.py with the
# EXAMPLE layout extractors/tao/TAOEX.cpy + TAOEX.prof) into
# build/demo-tao/ and check the set with migcheck.
set -u
cd "$(dirname "$0")/.." || exit 2
S=tests/data/tao-store
O=build/demo-tao
rm -rf "$O"
echo "demo-tao: build/bin/taoext on $S (example layout TAOEX)"
build/bin/taoext --out "$O" --date 20240301120000 \
    --profile extractors/tao/TAOEX.prof --data "$S/STORE.VB" \
    --data "$S/CAL.VB" --data "$S/DIRECT.VB"
rc=$?
echo "demo-tao: taoext return code $rc; build/bin/migcheck $O:"
build/bin/migcheck "$O"
mc=$?
echo "demo-tao: migcheck return code $mc; expected by the generator:"
sed -n '/"expect"/,/}/p' "$S/manifest.json"
[ "$rc" -eq 0 ] && [ "$mc" -eq 0 ]
