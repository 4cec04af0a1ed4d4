/*
 * detect.c - container detection and small helpers shared by the
 * container readers (see hm_cont.h): EBCDIC names to the execution
 * character set and back, the text/binary rule, date and RECFM text.
 */
#include <string.h>
#include "hm_cont.h"

/* EBCDIC byte -> execution character, for the characters that are
 * the same in the common EBCDIC code pages (037, 500, 1047, 1140,
 * ...). Every other byte gives '?'. The literal is translated by the
 * compiler, so the table is right in an ASCII and an EBCDIC build. */
static const char e2x_tab[] =
    "????????????????" /* 00 */
    "????????????????" /* 10 */
    "????????????????" /* 20 */
    "????????????????" /* 30 */
    " ??????????.<(+?" /* 40 */
    "&??????????$*);?" /* 50 */
    "-/?????????,%_>?" /* 60 */
    "??????????:#@'=\"" /* 70 */
    "?abcdefghi??????" /* 80 */
    "?jklmnopqr??????" /* 90 */
    "??stuvwxyz??????" /* A0 */
    "????????????????" /* B0 */
    "?ABCDEFGHI??????" /* C0 */
    "?JKLMNOPQR??????" /* D0 */
    "??STUVWXYZ??????" /* E0 */
    "0123456789??????"; /* F0 */

#define E_QMARK 0x6F
#define E_SPACE 0x40

size_t hm_cont_e2x(const unsigned char *e, size_t n, char *out,
                   size_t cap)
{
    size_t i, len = 0;
    if (cap == 0)
        return 0;
    while (n > 0 && (e[n - 1] == E_SPACE || e[n - 1] == 0))
        n--;
    for (i = 0; i < n && len + 1 < cap; i++)
        out[len++] = e2x_tab[e[i]];
    out[len] = 0;
    return len;
}

size_t hm_cont_x2e(const char *s, size_t n, unsigned char *out)
{
    size_t i, bad = 0;
    for (i = 0; i < n; i++) {
        unsigned j;
        out[i] = E_QMARK;
        if (s[i] == '?')
            continue;
        for (j = 0x40; j < 256; j++)
            if (e2x_tab[j] == s[i])
                break;
        if (j < 256)
            out[i] = (unsigned char)j;
        else
            bad++;
    }
    return bad;
}

int hm_cont_looks_text(const unsigned char *d, size_t n)
{
    size_t i, bad = 0;
    for (i = 0; i < n; i++) {
        unsigned b = d[i];
        if (b == 0xFF)
            bad++;
        else if (b < 0x40 && b != 0x05 && b != 0x0C && b != 0x0D &&
                 b != 0x15 && b != 0x25)
            bad++;
    }
    /* more than 1 in 100 */
    return bad * 100 <= n;
}

char *hm_cont_fmt_date(const char *digits, char *out)
{
    /* positions of the digits in "YYYY-MM-DD HH:MM:SS" */
    static const char sep[] = "    - - ";
    static const char sep2[] = " ::";
    size_t n = digits ? strlen(digits) : 0, i, o = 0;
    if (n > 14)
        n = 14;
    for (i = 0; i < n; i++) {
        if (i >= 4 && i < 8 && (i % 2) == 0)
            out[o++] = sep[i];
        else if (i >= 8 && (i % 2) == 0)
            out[o++] = sep2[(i - 8) / 2];
        out[o++] = digits[i];
    }
    out[o] = 0;
    return out;
}

char *hm_nd_recfm_str(unsigned recfm, char *out)
{
    size_t o = 0;
    const char *t;
    switch (recfm & 0xC000u) {
    case 0x8000u:
        out[o++] = 'F';
        break;
    case 0x4000u:
        out[o++] = 'V';
        break;
    case 0xC000u:
        out[o++] = 'U';
        break;
    default:
        break;
    }
    if (recfm & 0x1000u)
        out[o++] = 'B';
    if (recfm & 0x0800u)
        out[o++] = 'S';
    if (recfm & 0x2000u)
        out[o++] = 'T';
    if (recfm & 0x0400u)
        out[o++] = 'A';
    if (recfm & 0x0200u)
        out[o++] = 'M';
    out[o] = 0;
    t = 0;
    if ((recfm & 0xFFu) == 0x01u)
        t = "(transmission VBS)";
    else if (recfm & 0x02u)
        t = "(records without RDW)";
    if (t) {
        if (o > 0)
            out[o++] = ' ';
        memcpy(out + o, t, strlen(t) + 1);
        o += strlen(t);
    }
    if (recfm & 0x04u) {
        memcpy(out + o, " packed", 8);
        o += 7;
    }
    if (recfm & 0x08u) {
        memcpy(out + o, " compressed", 12);
        o += 11;
    }
    if (o == 0) {
        memcpy(out, "none", 5);
    }
    return out;
}

char *hm_nd_dsorg_str(unsigned dsorg, char *out)
{
    const char *t = 0;
    if (dsorg & 0x4000u)
        t = "PS";
    else if (dsorg & 0x0200u)
        t = "PO";
    else if (dsorg & 0x0008u)
        t = "VSAM";
    else if (dsorg & 0x2000u)
        t = "DA";
    else if (dsorg & 0x8000u)
        t = "IS";
    if (t) {
        memcpy(out, t, strlen(t) + 1);
        if (dsorg & 0x0001u)
            memcpy(out + strlen(t), "U", 2);
    } else {
        out[0] = 'X';
        out[1] = '\'';
        hm_fmt_hex(dsorg & 0xFFFFu, 4, out + 2);
        out[6] = '\'';
        out[7] = 0;
    }
    return out;
}

/* ------------------------------------------------------------------
 * Detection
 */
static const unsigned char e_inmr01[6] = {
    0xC9, 0xD5, 0xD4, 0xD9, 0xF0, 0xF1
};
static const unsigned char a_inmr01[6] = {
    0x49, 0x4E, 0x4D, 0x52, 0x30, 0x31
};
static const unsigned char e_cff[8] = {
    0x7A, 0xC3, 0xC6, 0xC6, 0x40, 0x40, 0x40, 0x40
};
static const unsigned char a_cff[8] = {
    0x3A, 0x43, 0x46, 0x46, 0x20, 0x20, 0x20, 0x20
};

static unsigned long be2(const unsigned char *p)
{
    return ((unsigned long)p[0] << 8) | p[1];
}

/* Records with RDWs from p (n bytes): returns the number of complete
 * records when they fill exactly limit bytes (or run past the end
 * of the buffer only in the last one), else 0. */
static unsigned long rdw_chain(const unsigned char *p, size_t n,
                               size_t limit, int *partial)
{
    size_t pos = 0;
    unsigned long cnt = 0;
    *partial = 0;
    while (pos < limit) {
        unsigned long ll;
        if (pos + 4 > n) {
            *partial = 1;
            return cnt;
        }
        ll = be2(p + pos);
        if (ll < 4 || ll > 32760ul || (p[pos + 2] & 0xFC) != 0 ||
            p[pos + 3] != 0)
            return 0;
        if (pos + ll > limit)
            return 0;
        if (pos + ll > n) {
            *partial = 1;
            return cnt;
        }
        pos += ll;
        cnt++;
    }
    return cnt;
}

static int is_vb(const unsigned char *h, size_t n)
{
    size_t pos = 0;
    unsigned long blocks = 0;
    int partial;
    while (pos + 8 <= n) {
        unsigned long bl = be2(h + pos);
        unsigned long recs;
        if ((h[pos] & 0x80) || bl < 8 || h[pos + 2] != 0 ||
            h[pos + 3] != 0)
            return 0;
        recs = rdw_chain(h + pos + 4, n - pos - 4, bl - 4, &partial);
        if (recs == 0 && !partial)
            return 0;
        if (partial)
            return blocks > 0 || recs > 0;
        blocks++;
        pos += bl;
    }
    return blocks > 0;
}

static int is_v(const unsigned char *h, size_t n)
{
    int partial;
    unsigned long recs = rdw_chain(h, n, (size_t)-1, &partial);
    if (recs == 0)
        return 0;
    /* one record only is too weak unless it fills the buffer */
    return recs >= 2 || partial;
}

int hm_cont_detect(const unsigned char *h, size_t n, int declared)
{
    if (declared != HM_CONT_UNKNOWN)
        return declared;
    if (n >= 8 && memcmp(h + 2, e_inmr01, 6) == 0)
        return HM_CONT_NETDATA;
    if (n >= 8 && memcmp(h, e_cff, 8) == 0)
        return HM_CONT_VMARC;
    if (n >= 8 && (memcmp(h + 2, a_inmr01, 6) == 0 ||
                   memcmp(h, a_cff, 8) == 0))
        return HM_CONT_TEXTND;
    if (n >= 4 && h[1] == 0xCA && h[2] == 0x6D && h[3] == 0x0F)
        return HM_CONT_IEBCOPY;
    if (n >= 12 && h[9] == 0xCA && h[10] == 0x6D && h[11] == 0x0F &&
        h[2] == 0 && h[3] == 0)
        return HM_CONT_IEBCOPY;
    if (is_vb(h, n))
        return HM_CONT_VB;
    if (is_v(h, n))
        return HM_CONT_V;
    return HM_CONT_UNKNOWN;
}

static const char *const kind_names[] = {
    "unknown", "netdata", "vmarc", "vb", "v", "iebcopy", "converted",
    "raw"
};

const char *hm_cont_kind_name(int kind)
{
    if (kind < 0 || kind > HM_CONT_RAW)
        return kind_names[0];
    return kind_names[kind];
}

int hm_cont_kind_parse(const char *s)
{
    int i;
    if (strcmp(s, "xmi") == 0)
        return HM_CONT_NETDATA;
    if (strcmp(s, "auto") == 0)
        return HM_CONT_UNKNOWN;
    for (i = 0; i <= HM_CONT_RAW; i++)
        if (strcmp(s, kind_names[i]) == 0)
            return i;
    return -1;
}
