#!/bin/sh
# deps.sh - make sure the tools `check` needs are here.
# As root on Debian: installs what is missing with apt. Otherwise:
# names the missing packages and stops.
# The s390x cmocka library comes from Debian's s390x .debs, unpacked
# into build/deps/s390x (never installed into the system).
set -u
PKGS="gcc make python3 libcmocka-dev zlib1g-dev clang libclang-rt-14-dev
 gcc-s390x-linux-gnu libc6-dev-s390x-cross qemu-user libc-bin
 gcc-12-multilib-s390x-linux-gnu hercules regina-rexx"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
        grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "deps: installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null &&
        apt-get install -y -qq $missing >/dev/null ||
            { echo "deps: apt-get install failed:$missing"; exit 1; }
    else
        echo "deps: missing packages:$missing"
        echo "deps: install them (as root: apt-get install$missing)"
        exit 1
    fi
fi

# cmocka and zlib for s390x, unpacked locally
S=build/deps/s390x
if [ ! -f "$S/usr/lib/s390x-linux-gnu/libcmocka.so.0" ] ||
   [ ! -f "$S/usr/lib/s390x-linux-gnu/libz.a" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "deps: $S is missing: as root, run"
        echo "  dpkg --add-architecture s390x && apt-get update &&"
        echo "  (cd $S && apt-get download libcmocka0:s390x" \
             "libcmocka-dev:s390x zlib1g:s390x zlib1g-dev:s390x)"
        exit 1
    fi
    dpkg --print-foreign-architectures | grep -qx s390x || {
        dpkg --add-architecture s390x && apt-get update -qq >/dev/null; }
    mkdir -p "$S/debs"
    DEBS="libcmocka0:s390x libcmocka-dev:s390x zlib1g:s390x
        zlib1g-dev:s390x"
    ( cd "$S/debs" && apt-get download -qq $DEBS >/dev/null 2>&1 ) || {
        apt-get update -qq >/dev/null
        ( cd "$S/debs" && apt-get download -qq $DEBS >/dev/null ) ||
            { echo "deps: cannot fetch cmocka and zlib for s390x"; exit 1; }
    }
    for d in "$S"/debs/*.deb; do dpkg-deb -x "$d" "$S"; done
fi
exit 0
