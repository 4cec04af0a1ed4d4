#!/usr/bin/env python3
"""gencp.py - generate common/cp_tables.c from glibc iconv.

Usage (from the repository root):
    python3 build/gencp.py -o common/cp_tables.c
    python3 build/gencp.py --check common/cp_tables.c

For every built-in host CCSID and for the PC pages Windows-1252 and
IBM-850 it converts each byte value 0..255 on its own to UTF-32BE
through the C library's iconv (via ctypes; standard library only)
and writes the Unicode scalar of each byte. A byte iconv rejects
gets 0xFFFF (HM_CP_UNDEF in hm_cp.h). For the PC pages it also
writes the reverse mapping of bytes 0x80..0xFF as (Unicode, byte)
pairs sorted by Unicode value, for binary search.

--check regenerates and compares with the given file, ignoring the
line that names the C library version; exit status 1 on difference.
"""

import ctypes
import ctypes.util
import sys

UNDEF = 0xFFFF

# (CCSID, glibc iconv name, name in the table)
HOST_PAGES = [
    (37, "IBM037", "IBM-037"),
    (273, "IBM273", "IBM-273"),
    (277, "IBM277", "IBM-277"),
    (278, "IBM278", "IBM-278"),
    (280, "IBM280", "IBM-280"),
    (284, "IBM284", "IBM-284"),
    (285, "IBM285", "IBM-285"),
    (297, "IBM297", "IBM-297"),
    (500, "IBM500", "IBM-500"),
    (870, "IBM870", "IBM-870"),
    (871, "IBM871", "IBM-871"),
    (875, "IBM875", "IBM-875"),
    (1025, "IBM1025", "IBM-1025"),
    (1026, "IBM1026", "IBM-1026"),
    (1047, "IBM1047", "IBM-1047"),
] + [(c, "IBM%d" % c, "IBM-%d" % c) for c in range(1140, 1150)]

# (C identifier suffix, CCSID, glibc name, name in the table)
PC_PAGES = [
    ("w1252", 1252, "CP1252", "Windows-1252"),
    ("p850", 850, "IBM850", "IBM-850"),
]


class Iconv(object):
    """Minimal ctypes binding of iconv_open / iconv / iconv_close."""

    def __init__(self):
        path = ctypes.util.find_library("c")
        self.libc = ctypes.CDLL(path, use_errno=True)
        lc = self.libc
        lc.iconv_open.restype = ctypes.c_void_p
        lc.iconv_open.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lc.iconv.restype = ctypes.c_size_t
        pp = ctypes.POINTER(ctypes.c_char_p)
        sp = ctypes.POINTER(ctypes.c_size_t)
        lc.iconv.argtypes = [ctypes.c_void_p, pp, sp, pp, sp]
        lc.iconv_close.argtypes = [ctypes.c_void_p]
        try:
            lc.gnu_get_libc_version.restype = ctypes.c_char_p
            self.version = "glibc " + \
                lc.gnu_get_libc_version().decode("ascii")
        except AttributeError:
            self.version = "C library iconv"

    def table(self, name):
        """Unicode scalar of each byte 0..255 in page name."""
        lc = self.libc
        cd = lc.iconv_open(b"UTF-32BE", name.encode("ascii"))
        if cd is None or cd == ctypes.c_void_p(-1).value:
            sys.exit("gencp: iconv does not know %s" % name)
        res = []
        try:
            for b in range(256):
                lc.iconv(cd, None, None, None, None)
                ib = ctypes.create_string_buffer(bytes([b]), 1)
                ob = ctypes.create_string_buffer(16)
                ip = ctypes.c_char_p(ctypes.addressof(ib))
                op = ctypes.c_char_p(ctypes.addressof(ob))
                il = ctypes.c_size_t(1)
                ol = ctypes.c_size_t(16)
                r = lc.iconv(cd, ctypes.byref(ip), ctypes.byref(il),
                             ctypes.byref(op), ctypes.byref(ol))
                if r == ctypes.c_size_t(-1).value:
                    res.append(UNDEF)
                    continue
                out = ob.raw[:16 - ol.value]
                if len(out) != 4 or il.value != 0:
                    sys.exit("gencp: %s byte %02X is not one character"
                             % (name, b))
                u = int.from_bytes(out, "big")
                if u >= UNDEF:
                    sys.exit("gencp: %s byte %02X maps to U+%X, beyond"
                             " the table's range" % (name, b, u))
                res.append(u)
        finally:
            lc.iconv_close(cd)
        defined = [u for u in res if u != UNDEF]
        if len(set(defined)) != len(defined):
            sys.exit("gencp: %s maps two bytes to one character" % name)
        return res


def ucs_rows(tab, indent):
    """256 values, 8 a line, with the first byte of each line."""
    lines = []
    for r in range(0, 256, 8):
        vals = ", ".join("0x%04X" % u for u in tab[r:r + 8])
        sep = "," if r + 8 < 256 else ""
        lines.append("%s/* %02X */ %s%s" % (indent, r, vals, sep))
    return lines


def generate():
    ccsids = [p[0] for p in HOST_PAGES]
    if ccsids != sorted(set(ccsids)):
        sys.exit("gencp: HOST_PAGES must be in ascending CCSID order")
    ic = Iconv()
    out = []
    w = out.append
    w("/*")
    w(" * cp_tables.c - GENERATED FILE, DO NOT EDIT.")
    w(" * Made by: python3 build/gencp.py -o common/cp_tables.c")
    w(" * From: %s" % ic.version)
    w(" *")
    w(" * Byte -> Unicode tables of the built-in host code pages and of")
    w(" * the PC pages, read from iconv one byte at a time. 0xFFFF")
    w(" * (HM_CP_UNDEF) marks a byte iconv does not define. Windows-1252")
    w(" * leaves X'81', X'8D', X'8F', X'90' and X'9D' undefined, as glibc,")
    w(" * Python and the Unicode mapping file do (Windows itself passes")
    w(" * them through as C1 controls; hostmig does not).")
    w(" */")
    w('#include "hm_cptab.h"')
    w("")
    w("const hm_cpage hm_cpt_host[] = {")
    for i, (ccsid, iname, cname) in enumerate(HOST_PAGES):
        tab = ic.table(iname)
        w("    { %d, \"%s\", {  /* iconv %s */" % (ccsid, cname, iname))
        out.extend(ucs_rows(tab, "        "))
        w("    } }%s" % ("," if i + 1 < len(HOST_PAGES) else ""))
    w("};")
    w("const int hm_cpt_nhost = %d;" % len(HOST_PAGES))
    for ident, ccsid, iname, cname in PC_PAGES:
        tab = ic.table(iname)
        for b in range(0x80):
            if tab[b] != b:
                sys.exit("gencp: %s is not ASCII below X'80'" % iname)
        pairs = sorted((u, b) for b, u in enumerate(tab)
                       if b >= 0x80 and u != UNDEF)
        w("")
        w("/* %s (iconv %s) */" % (cname, iname))
        w("const hm_cpage hm_cpt_%s = {" % ident)
        w("    %d, \"%s\", {" % (ccsid, cname))
        out.extend(ucs_rows(tab, "        "))
        w("    }")
        w("};")
        w("")
        w("/* %s bytes X'80'-X'FF' as { Unicode, byte }, by Unicode. */"
          % cname)
        w("const unsigned short hm_cpt_r%s[][2] = {" % ident)
        for k in range(0, len(pairs), 4):
            chunk = pairs[k:k + 4]
            s = ", ".join("{ 0x%04X, 0x%02X }" % p for p in chunk)
            sep = "," if k + 4 < len(pairs) else ""
            w("    %s%s" % (s, sep))
        w("};")
        w("const int hm_cpt_n%s = %d;" % (ident, len(pairs)))
    for line in out:
        if len(line) > 80:
            sys.exit("gencp: line longer than 80 columns: " + line)
    return "\n".join(out) + "\n"


def strip_version(text):
    return [ln for ln in text.splitlines() if not ln.startswith(" * From:")]


def main(argv):
    if len(argv) == 3 and argv[1] == "-o":
        text = generate()
        with open(argv[2], "w", newline="\n") as f:
            f.write(text)
        return 0
    if len(argv) == 3 and argv[1] == "--check":
        text = generate()
        with open(argv[2]) as f:
            old = f.read()
        if strip_version(old) != strip_version(text):
            sys.stderr.write("gencp: %s is out of date\n" % argv[2])
            return 1
        return 0
    if len(argv) == 1:
        sys.stdout.write(generate())
        return 0
    sys.stderr.write("usage: gencp.py [-o FILE | --check FILE]\n")
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
