/*
 * codepage.c - host code pages to UTF-8, Windows-1252 and IBM-850
 * (see hm_cp.h). The tables are in cp_tables.c (generated).
 *
 * hm_cpconv_init works out once, for each of the 256 host bytes, the
 * bytes it becomes in the target; hm_cpconv_run is then a table
 * lookup per byte with no branches in its inner loop.
 */
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include "hm_cp.h"
#include "hm_cptab.h"

/* Unicode values used here. */
#define CP_NEL 0x85UL          /* U+0085 NEXT LINE */
#define CP_LF 0x0AUL           /* U+000A LINE FEED */
#define CP_REPL 0xFFFDUL       /* U+FFFD REPLACEMENT CHARACTER */
#define CP_MAXUCS 0x10FFFFUL

const hm_cpage *hm_cp_builtin(unsigned ccsid)
{
    int lo = 0, hi = hm_cpt_nhost;

    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (hm_cpt_host[mid].ccsid == ccsid)
            return &hm_cpt_host[mid];
        if (hm_cpt_host[mid].ccsid < ccsid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int hm_cp_count(void)
{
    return hm_cpt_nhost;
}

const hm_cpage *hm_cp_at(int i)
{
    if (i < 0 || i >= hm_cpt_nhost)
        return NULL;
    return &hm_cpt_host[i];
}

int hm_cp_from_ucs(const hm_cpage *cp, unsigned long ucs)
{
    int b;

    if (cp == NULL || ucs >= HM_CP_UNDEF)
        return -1;
    for (b = 0; b < 256; b++)
        if (cp->ucs[b] == ucs)
            return b;
    return -1;
}

/* The byte for ucs in a PC page's reverse map, or -1. */
static int pc_lookup(const unsigned short (*map)[2], int n,
                     unsigned long ucs)
{
    int lo = 0, hi = n;

    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (map[mid][0] == ucs)
            return map[mid][1];
        if (map[mid][0] < ucs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static size_t utf8_put(unsigned long u, unsigned char *out)
{
    if (u < 0x80UL) {
        out[0] = (unsigned char)u;
        return 1;
    }
    if (u < 0x800UL) {
        out[0] = (unsigned char)(0xC0 | (u >> 6));
        out[1] = (unsigned char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000UL) {
        out[0] = (unsigned char)(0xE0 | (u >> 12));
        out[1] = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (u & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (u >> 18));
    out[1] = (unsigned char)(0x80 | ((u >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (u & 0x3F));
    return 4;
}

size_t hm_pc_encode(unsigned target, unsigned long ucs,
                    unsigned char *out, int *unmapped)
{
    int b = -1;

    *unmapped = 0;
    switch (target) {
    case HM_PC_UTF8:
        if (ucs > CP_MAXUCS || (ucs >= 0xD800UL && ucs <= 0xDFFFUL)) {
            *unmapped = 1;
            ucs = CP_REPL;
        }
        return utf8_put(ucs, out);
    case HM_PC_1252:
        b = ucs < 0x80UL ? (int)ucs
            : pc_lookup(hm_cpt_rw1252, hm_cpt_nw1252, ucs);
        break;
    case HM_PC_850:
        b = ucs < 0x80UL ? (int)ucs
            : pc_lookup(hm_cpt_rp850, hm_cpt_np850, ucs);
        break;
    default:
        *unmapped = 1;
        return 0;
    }
    if (b < 0) {
        *unmapped = 1;
        b = HM_A_QMARK;
    }
    out[0] = (unsigned char)b;
    return 1;
}

unsigned long hm_pc_to_ucs(unsigned target, unsigned char b)
{
    switch (target) {
    case HM_PC_UTF8:
        return b < 0x80 ? (unsigned long)b : HM_CP_UNDEF;
    case HM_PC_1252:
        return hm_cpt_w1252.ucs[b];
    case HM_PC_850:
        return hm_cpt_p850.ucs[b];
    default:
        return HM_CP_UNDEF;
    }
}

size_t hm_utf8_decode(const unsigned char *s, size_t n,
                      unsigned long *ucs)
{
    unsigned b0;
    unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
    size_t len, i;
    unsigned long u;

    if (n == 0)
        return 0;
    b0 = s[0];
    if (b0 < 0x80) {
        *ucs = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        u = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        u = b0 & 0x0F;
        if (b0 == 0xE0)
            lo = 0xA0;                 /* no overlong forms */
        else if (b0 == 0xED)
            hi = 0x9F;                 /* no surrogates */
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        u = b0 & 0x07;
        if (b0 == 0xF0)
            lo = 0x90;                 /* no overlong forms */
        else if (b0 == 0xF4)
            hi = 0x8F;                 /* not above U+10FFFF */
    } else {
        return 0;                      /* C0, C1, F5-FF, stray 80-BF */
    }
    if (n < len)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        u = (u << 6) | (unsigned long)(s[i] & 0x3F);
    }
    *ucs = u;
    return len;
}

/* Modes of hm_cpconv.word, defined with run_utf8 below. */
#define CP_BYTES 0
#define CP_LE 1
#define CP_BE 2

/* How unsigned int holds 4 bytes in this implementation. */
static int word_mode(void)
{
    static const unsigned char probe[4] = { 0x01, 0x02, 0x03, 0x04 };
    unsigned int w = 0;

    if (sizeof w != 4 || UINT_MAX != 0xFFFFFFFFUL)
        return CP_BYTES;
    memcpy(&w, probe, 4);
    if (w == 0x04030201UL)
        return CP_LE;
    if (w == 0x01020304UL)
        return CP_BE;
    return CP_BYTES;
}

int hm_cpconv_init(hm_cpconv *cv, const hm_cpage *cp, unsigned target,
                   int nl)
{
    int b;

    if (cp == NULL || (target != HM_PC_UTF8 && target != HM_PC_1252
                       && target != HM_PC_850))
        return -1;
    if (nl != HM_NL_CDRA && nl != HM_NL_USS && nl != HM_NL_LF)
        return -1;
    memset(cv, 0, sizeof *cv);
    cv->pair = 0;
    cv->target = target;
    for (b = 0; b < 256; b++) {
        unsigned long u = cp->ucs[b];
        unsigned char buf[4];
        size_t len;
        int um = 0;

        if (b == HM_E_NL && nl != HM_NL_CDRA)
            u = CP_LF;
        else if (b == HM_E_LF && nl == HM_NL_USS)
            u = CP_NEL;
        else if (b == HM_E_LF && nl == HM_NL_LF)
            u = CP_LF;
        if (u == HM_CP_UNDEF) {
            len = hm_pc_encode(target, CP_REPL, buf, &um);
            um = 1;
        } else {
            len = hm_pc_encode(target, u, buf, &um);
        }
        /* A page holds values below U+FFFF: 3 bytes at most. */
        cv->out[b][0] = (unsigned char)len;
        memcpy(&cv->out[b][1], buf, len);
        cv->unmapped[b] = (unsigned char)(um != 0);
        cv->anyunmapped |= um != 0;
    }
    cv->mode = word_mode();
    if (cv->mode != CP_BYTES)
        for (b = 0; b < 256; b++) {
            unsigned char w[4];
            w[0] = cv->out[b][1];
            w[1] = cv->out[b][2];
            w[2] = cv->out[b][3];
            w[3] = cv->out[b][0];
            memcpy(&cv->word[b], w, 4);
        }
    return 0;
}

/* Single-byte targets: one output byte per input byte. */
static size_t run_sbcs(hm_cpconv *cv, const unsigned char *in,
                       size_t n, unsigned char *out)
{
    const unsigned char (*tab)[4] = (const unsigned char (*)[4])cv->out;
    const unsigned char *um = cv->unmapped;
    unsigned long nun = 0;
    size_t i = 0;

    for (; i + 8 <= n; i += 8) {
        unsigned b0 = in[i], b1 = in[i + 1], b2 = in[i + 2];
        unsigned b3 = in[i + 3], b4 = in[i + 4], b5 = in[i + 5];
        unsigned b6 = in[i + 6], b7 = in[i + 7];
        out[i] = tab[b0][1];
        out[i + 1] = tab[b1][1];
        out[i + 2] = tab[b2][1];
        out[i + 3] = tab[b3][1];
        out[i + 4] = tab[b4][1];
        out[i + 5] = tab[b5][1];
        out[i + 6] = tab[b6][1];
        out[i + 7] = tab[b7][1];
        nun += (unsigned)um[b0] + um[b1] + um[b2] + um[b3]
               + um[b4] + um[b5] + um[b6] + um[b7];
    }
    for (; i < n; i++) {
        out[i] = tab[in[i]][1];
        nun += um[in[i]];
    }
    cv->nunmapped += nun;
    return n;
}

/*
 * UTF-8: every byte becomes 1 to 3 bytes. The loops always store 4
 * bytes - the payload and one byte more - with a single memcpy from
 * a word, which compilers turn into one unaligned word store, and
 * then advance by the true length: no branch on the length. Byte i's
 * store ends at most at 3 * i + 3, inside the caller's 3 * n buffer
 * for every byte but the last, which is stored byte by byte.
 *
 * word[b] holds the bytes out[b][1..3], out[b][0] in memory order.
 * Where unsigned int is 4 bytes, little- or big-endian (mode CP_LE or
 * CP_BE), the length is then its top or bottom byte; elsewhere
 * (CP_BYTES) the loop reads out[] byte by byte.
 */
#define CP_WSTEP(k, LEN, CNT) \
    do { \
        unsigned int w_ = word[in[i + (k)]]; \
        memcpy(o, &w_, 4); \
        o += LEN(w_); \
        nun += CNT(in[i + (k)]); \
    } while (0)
#define CP_LEN_LE(w) ((w) >> 24)
#define CP_LEN_BE(w) ((w) & 0xFFu)
#define CP_CNT_NO(b) 0
#define CP_CNT_YES(b) um[b]

#define CP_WLOOP(LEN, CNT) \
    do { \
        for (; i + 8 <= last; i += 8) { \
            CP_WSTEP(0, LEN, CNT); \
            CP_WSTEP(1, LEN, CNT); \
            CP_WSTEP(2, LEN, CNT); \
            CP_WSTEP(3, LEN, CNT); \
            CP_WSTEP(4, LEN, CNT); \
            CP_WSTEP(5, LEN, CNT); \
            CP_WSTEP(6, LEN, CNT); \
            CP_WSTEP(7, LEN, CNT); \
        } \
        for (; i < last; i++) \
            CP_WSTEP(0, LEN, CNT); \
    } while (0)

static size_t run_utf8(hm_cpconv *cv, const unsigned char *in,
                       size_t n, unsigned char *out)
{
    const unsigned int *word = cv->word;
    const unsigned char *um = cv->unmapped;
    unsigned char *o = out;
    unsigned long nun = 0;
    size_t i = 0, last, k;
    const unsigned char *p;

    if (n == 0)
        return 0;
    last = n - 1;               /* bytes 0 .. last-1 use word stores */
    if (cv->mode == CP_LE && !cv->anyunmapped) {
        CP_WLOOP(CP_LEN_LE, CP_CNT_NO);
    } else if (cv->mode == CP_LE) {
        CP_WLOOP(CP_LEN_LE, CP_CNT_YES);
    } else if (cv->mode == CP_BE && !cv->anyunmapped) {
        CP_WLOOP(CP_LEN_BE, CP_CNT_NO);
    } else if (cv->mode == CP_BE) {
        CP_WLOOP(CP_LEN_BE, CP_CNT_YES);
    } else {
        for (; i < last; i++) {
            p = cv->out[in[i]];
            o[0] = p[1];
            o[1] = p[2];
            o[2] = p[3];
            o += p[0];
            nun += um[in[i]];
        }
    }
    p = cv->out[in[last]];
    for (k = 0; k < p[0]; k++)
        o[k] = p[1 + k];
    o += p[0];
    nun += um[in[last]];
    cv->nunmapped += nun;
    return (size_t)(o - out);
}

#undef CP_WSTEP
#undef CP_WLOOP
#undef CP_LEN_LE
#undef CP_LEN_BE
#undef CP_CNT_NO
#undef CP_CNT_YES

/*
 * The pair table: entry x holds, in memory order, the UTF-8 bytes of
 * the two host bytes whose 16-bit value (as memcpy reads them on
 * this machine) is x, padded to 7 bytes, then their length. One load
 * and one 8-byte store per two host bytes. The length is the top
 * byte of the unsigned long on a little-endian machine, the bottom
 * byte on a big-endian one.
 */
#define CP_PAIRS 65536ul

int hm_cpconv_fast(hm_cpconv *cv, const hm_alloc *a)
{
    unsigned long *t;
    unsigned b0, b1;
    unsigned short ix;
    unsigned char e[8], pr[2];

    if (cv->pair)
        return 0;
    if (sizeof(unsigned long) != 8 || sizeof ix != 2 ||
        cv->target != HM_PC_UTF8 || cv->anyunmapped ||
        (cv->mode != CP_LE && cv->mode != CP_BE))
        return -1;
    t = (unsigned long *)HM_ALLOC(a, CP_PAIRS * sizeof *t);
    if (!t)
        return -1;
    for (b0 = 0; b0 < 256; b0++)
        for (b1 = 0; b1 < 256; b1++) {
            unsigned l0 = cv->out[b0][0], l1 = cv->out[b1][0];
            memset(e, 0, sizeof e);
            memcpy(e, &cv->out[b0][1], l0);
            memcpy(e + l0, &cv->out[b1][1], l1);
            e[7] = (unsigned char)(l0 + l1);
            pr[0] = (unsigned char)b0;
            pr[1] = (unsigned char)b1;
            memcpy(&ix, pr, 2);
            memcpy(&t[ix], e, sizeof *t);
        }
    cv->pair = t;
    return 0;
}

void hm_cpconv_fast_free(hm_cpconv *cv, const hm_alloc *a)
{
    if (cv->pair)
        HM_FREE(a, cv->pair);
    cv->pair = 0;
}

#define CP_PSTEP(k, LEN) \
    do { \
        unsigned short x_; \
        unsigned long e_; \
        memcpy(&x_, in + i + (k), 2); \
        e_ = t[x_]; \
        memcpy(o, &e_, sizeof e_); \
        o += LEN(e_); \
    } while (0)
#define CP_PLEN_LE(e) ((e) >> 56)
#define CP_PLEN_BE(e) ((e) & 0xFFu)
#define CP_PLOOP(LEN) \
    do { \
        for (; i + 10 <= n; i += 8) { \
            CP_PSTEP(0, LEN); \
            CP_PSTEP(2, LEN); \
            CP_PSTEP(4, LEN); \
            CP_PSTEP(6, LEN); \
        } \
    } while (0)

/* The bulk through the pair table; the tail (where an 8-byte store
 * could pass 3 * n) through run_utf8. */
static size_t run_pairs(hm_cpconv *cv, const unsigned char *in,
                        size_t n, unsigned char *out)
{
    const unsigned long *t = cv->pair;
    unsigned char *o = out;
    size_t i = 0;

    /* The shift by 56 is only reached where unsigned long has 64
     * bits (hm_cpconv_fast checks); written so that a 32-bit long
     * compiles without a warning. */
    if (cv->mode == CP_LE) {
#define CP_SH56(e) (((e) >> 28) >> 28)
#undef CP_PLEN_LE
#define CP_PLEN_LE(e) CP_SH56(e)
        CP_PLOOP(CP_PLEN_LE);
    } else {
        CP_PLOOP(CP_PLEN_BE);
    }
    return (size_t)(o - out) + run_utf8(cv, in + i, n - i, o);
}

/* The same into an out of 3 * n + 8 bytes: the pair table to the
 * last pair (an 8-byte store for the pair at i ends at most at
 * 3 * i + 8 <= 3 * n + 2), the last odd byte by its word (which ends
 * at most at 3 * n + 1). */
static size_t run_pairs_pad(hm_cpconv *cv, const unsigned char *in,
                            size_t n, unsigned char *out)
{
    const unsigned long *t = cv->pair;
    unsigned char *o = out;
    size_t i = 0;

    if (cv->mode == CP_LE) {
        for (; i + 8 <= n; i += 8) {
            CP_PSTEP(0, CP_PLEN_LE);
            CP_PSTEP(2, CP_PLEN_LE);
            CP_PSTEP(4, CP_PLEN_LE);
            CP_PSTEP(6, CP_PLEN_LE);
        }
        for (; i + 2 <= n; i += 2)
            CP_PSTEP(0, CP_PLEN_LE);
    } else {
        for (; i + 8 <= n; i += 8) {
            CP_PSTEP(0, CP_PLEN_BE);
            CP_PSTEP(2, CP_PLEN_BE);
            CP_PSTEP(4, CP_PLEN_BE);
            CP_PSTEP(6, CP_PLEN_BE);
        }
        for (; i + 2 <= n; i += 2)
            CP_PSTEP(0, CP_PLEN_BE);
    }
    if (i < n) {
        unsigned int w = cv->word[in[i]];
        memcpy(o, &w, 4);
        o += cv->out[in[i]][0];
    }
    return (size_t)(o - out);
}

#undef CP_PSTEP
#undef CP_PLOOP
#undef CP_PLEN_LE
#undef CP_PLEN_BE
#undef CP_SH56

size_t hm_cpconv_run(hm_cpconv *cv, const unsigned char *in, size_t n,
                     unsigned char *out)
{
    if (cv->target == HM_PC_UTF8)
        return cv->pair ? run_pairs(cv, in, n, out)
                        : run_utf8(cv, in, n, out);
    return run_sbcs(cv, in, n, out);
}

size_t hm_cpconv_run_pad(hm_cpconv *cv, const unsigned char *in,
                         size_t n, unsigned char *out)
{
    if (cv->target == HM_PC_UTF8 && cv->pair)
        return run_pairs_pad(cv, in, n, out);
    return hm_cpconv_run(cv, in, n, out);
}
