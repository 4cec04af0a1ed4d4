/*
 * plat_iconv.c - host code pages from iconv (see hm_cpiconv.h).
 * Platform layer: the only code page code that uses <iconv.h>.
 * -DHM_NO_ICONV leaves a stub that always fails.
 */
#include <stddef.h>
#include <string.h>
#include "hm_cpiconv.h"

#ifdef HM_NO_ICONV

int hm_cp_from_iconv(unsigned ccsid, hm_cpage *out, char *name,
                     size_t namecap)
{
    (void)ccsid;
    (void)out;
    (void)name;
    (void)namecap;
    return -1;
}

#else

#include <errno.h>
#include <iconv.h>

/* Write prefix and ccsid (at least mindig digits) into buf. */
static int make_name(char *buf, size_t cap, const char *prefix,
                     unsigned ccsid, int mindig)
{
    static const char digits[] = "0123456789";
    char tmp[24];
    size_t plen = strlen(prefix), n = 0;

    do {
        tmp[n++] = digits[ccsid % 10];
        ccsid /= 10;
    } while (ccsid != 0);
    while (n < (size_t)mindig)
        tmp[n++] = digits[0];
    if (plen + n + 1 > cap)
        return -1;
    memcpy(buf, prefix, plen);
    while (n > 0)
        buf[plen++] = tmp[--n];
    buf[plen] = '\0';
    return 0;
}

/* Convert each byte with cd into tab. 0, or -1 if cd's page is not a
 * single-byte page. */
static int fill_table(iconv_t cd, unsigned short *tab)
{
    unsigned b;
    int c;

    for (b = 0; b < 256; b++) {
        char inb[1], outb[16];
        char *ip = inb, *op = outb;
        size_t il = 1, ol = sizeof outb, r;
        const unsigned char *u = (const unsigned char *)outb;
        unsigned long v;

        inb[0] = (char)b;
        iconv(cd, NULL, NULL, NULL, NULL);
        r = iconv(cd, &ip, &il, &op, &ol);
        if (r == (size_t)-1) {
            if (errno != EILSEQ)
                return -1;         /* EINVAL: a lead byte (DBCS) */
            tab[b] = (unsigned short)HM_CP_UNDEF;
            continue;
        }
        if (sizeof outb - ol != 4)
            return -1;             /* no character, or several */
        v = ((unsigned long)u[0] << 24) | ((unsigned long)u[1] << 16)
            | ((unsigned long)u[2] << 8) | (unsigned long)u[3];
        if (v >= HM_CP_UNDEF)
            return -1;
        tab[b] = (unsigned short)v;
    }
    for (b = 0; b < 256; b++)
        for (c = (int)b + 1; c < 256; c++)
            if (tab[b] == tab[c] && tab[b] != HM_CP_UNDEF)
                return -1;
    return 0;
}

int hm_cp_from_iconv(unsigned ccsid, hm_cpage *out, char *name,
                     size_t namecap)
{
    static const char *const prefixes[2] = { "IBM", "CP" };
    static const int mindigs[2] = { 3, 1 };
    int p, d;

    if (ccsid == 0 || ccsid > 65535u)
        return -1;
    for (d = 0; d < 2; d++) {
        for (p = 0; p < 2; p++) {
            iconv_t cd;
            int rc;

            if (d == 1 && ccsid >= 100)
                continue;          /* same name as the first round */
            if (make_name(name, namecap, prefixes[p], ccsid,
                          mindigs[d]) != 0)
                return -1;
            cd = iconv_open("UTF-32BE", name);
            if (cd == (iconv_t)-1)
                continue;
            rc = fill_table(cd, out->ucs);
            iconv_close(cd);
            if (rc != 0)
                return -1;
            out->ccsid = ccsid;
            out->name = name;
            return 0;
        }
    }
    return -1;
}

#endif
