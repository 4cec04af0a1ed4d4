#!/bin/sh
# demo-memo.sh - extract the bundled example MEMO store
# (tests/data/memo-store, written by tests/gen/memogen.py with the
# EXAMPLE layout extractors/memo/MEMOEX.cpy + MEMOEX.prof) into
# build/demo-memo/ and check the set with migcheck.
set -u
cd "$(dirname "$0")/.." || exit 2
S=tests/data/memo-store
O=build/demo-memo
rm -rf "$O"
echo "demo-memo: build/bin/memoext on $S (example layout MEMOEX)"
build/bin/memoext --out "$O" --date 20240301120000 \
    --profile extractors/memo/MEMOEX.prof --users "$S/USERS.VB" \
    --data "$S/MAIL.VB" --data "$S/BBOARD.VB" --data "$S/DIRECT.VB"
rc=$?
echo "demo-memo: memoext return code $rc; build/bin/migcheck $O:"
build/bin/migcheck "$O"
mc=$?
echo "demo-memo: migcheck return code $mc; expected by the generator:"
sed -n '/"expect"/,/}/p' "$S/manifest.json"
[ "$rc" -eq 0 ] && [ "$mc" -eq 0 ]
