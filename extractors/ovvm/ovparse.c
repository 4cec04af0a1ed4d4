/*
 * ovparse.c - OV/VM parsing helpers: options, the built-in rules
 * (header keywords, separators, date forms), dates, addresses, and
 * execution character set <-> ASCII for names.
 *
 * Input is UTF-8; every byte compared is a numeric constant or an
 * ASCII string written with the A_x macros (ovvm_i.h).
 */
#include <string.h>
#include "ovvm_i.h"

/* ------------------------------------------------------------------
 * The built-in rules (extractors/ovvm/NOTES.md)
 */
static const hm_ov_kw ov_kw[] = {
    { A_D A_A A_T A_E, HM_OV_R_DATE },
    { A_F A_R A_O A_M, HM_OV_R_FROM },
    { A_T A_O, HM_OV_R_TO },
    { A_C A_C, HM_OV_R_CC },
    { A_B A_C A_C, HM_OV_R_BCC },
    { A_S A_U A_B A_J A_E A_C A_T, HM_OV_R_SUBJECT },
    { A_R A_E A_P A_L A_Y A_DASH A_T A_O, HM_OV_R_REPLYTO },
    { A_S A_E A_N A_D A_E A_R, HM_OV_R_SENDER },
    { A_I A_M A_P A_O A_R A_T A_A A_N A_C A_E, HM_OV_R_PRIO },
    { A_P A_R A_I A_O A_R A_I A_T A_Y, HM_OV_R_PRIO },
    { A_X A_DASH A_P A_R A_I A_O A_R A_I A_T A_Y, HM_OV_R_PRIO },
    /* German CMS/OV NOTE forms [U] */
    { A_D A_A A_T A_U A_M, HM_OV_R_DATE },
    { A_V A_O A_N, HM_OV_R_FROM },
    { A_A A_N, HM_OV_R_TO },
    { A_K A_O A_P A_I A_E, HM_OV_R_CC },
    { A_B A_E A_T A_R A_E A_F A_F, HM_OV_R_SUBJECT },
    /* RFC 822 headers of gateway mail */
    { A_M A_E A_S A_S A_A A_G A_E A_DASH A_I A_D, HM_OV_R_OTHER },
    { A_R A_E A_C A_E A_I A_V A_E A_D, HM_OV_R_OTHER },
    { A_R A_E A_T A_U A_R A_N A_DASH A_P A_A A_T A_H, HM_OV_R_OTHER },
    { A_I A_N A_DASH A_R A_E A_P A_L A_Y A_DASH A_T A_O,
      HM_OV_R_OTHER },
    { A_O A_R A_G A_A A_N A_I A_Z A_A A_T A_I A_O A_N,
      HM_OV_R_OTHER },
    { A_M A_I A_M A_E A_DASH A_V A_E A_R A_S A_I A_O A_N,
      HM_OV_R_OTHER }
};

/* "=", "-", "*" */
static const unsigned char ov_sep[3] = { 0x3D, 0x2D, 0x2A };

#define E_ HM_OV_D_END
#define WD HM_OV_D_WDAY
#define DD HM_OV_D_DAY
#define MN HM_OV_D_MON
#define MM HM_OV_D_MNUM
#define YY HM_OV_D_YEAR
#define Y4 HM_OV_D_YEAR4
#define SL HM_OV_D_SLASH
#define DT HM_OV_D_DOT
#define DA HM_OV_D_DASH
#define CO HM_OV_D_COMMA
#define OD HM_OV_D_ODOT
#define TM HM_OV_D_TIME
#define ZN HM_OV_D_ZONE

static const hm_ov_datefmt ov_dates[] = {
    /* 13 November 93, 22:52:42 CET / Mon, 13 Nov 1993 22:52:42 +0100
     * / 13 Nov 1993 / Montag, 13. November 1993 */
    { { WD, DD, OD, MN, CO, YY, CO, TM, ZN, E_ } },
    /* 11/13/93 22:52:42 (month first, as PROFS) */
    { { WD, MM, SL, DD, SL, YY, CO, TM, ZN, E_ } },
    /* 13/11/93 when the month-first reading is impossible */
    { { WD, DD, SL, MM, SL, YY, CO, TM, ZN, E_ } },
    /* 13.11.93 22.52.42 */
    { { WD, DD, DT, MM, DT, YY, CO, TM, ZN, E_ } },
    /* 1993-11-13 22:52:42, 1993-11-13T22:52:42 */
    { { Y4, DA, MM, DA, DD, TM, ZN, E_ } },
    /* 1993/11/13 */
    { { Y4, SL, MM, SL, DD, TM, ZN, E_ } },
    /* November 13, 1993 10:52 PM */
    { { WD, MN, DD, CO, YY, CO, TM, ZN, E_ } },
    /* Sat Nov 13 22:52:42 CET 1993 (ctime) */
    { { WD, MN, DD, TM, ZN, YY, E_ } },
    /* 13-Nov-93 22:52 */
    { { WD, DD, DA, MN, DA, YY, CO, TM, ZN, E_ } }
};

static const hm_ov_rules ov_rules = {
    ov_kw, sizeof ov_kw / sizeof ov_kw[0],
    1,
    ov_sep, sizeof ov_sep,
    3,
    0,
    (1ul << HM_OV_R_FROM) | (1ul << HM_OV_R_TO) | (1ul << HM_OV_R_CC)
        | (1ul << HM_OV_R_SENDER),
    ov_dates, sizeof ov_dates / sizeof ov_dates[0]
};

const hm_ov_rules *hm_ov_default_rules(void)
{
    return &ov_rules;
}

void hm_ov_opt_init(hm_ov_opt *o)
{
    memset(o, 0, sizeof *o);
    o->pivot = 50;
    o->zone_min = 0;
    o->max_note = 4ul * 1024ul * 1024ul;
    o->max_names = 64ul * 1024ul * 1024ul;
    o->sent_folder = 1;
}

/* ------------------------------------------------------------------
 * Small helpers
 */
int hm_ov_ieq(const unsigned char *a, const unsigned char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned x = a[i], y = b[i];
        if (HM_OV_UP(x) != HM_OV_UP(y))
            return 0;
    }
    return 1;
}

int hm_ov_iword(const unsigned char *d, size_t n, const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned x = d[i], y = u[i];
        if (y == 0 || HM_OV_UP(x) != HM_OV_UP(y))
            return 0;
    }
    return u[n] == 0;
}

size_t hm_ov_utoa(unsigned long v, unsigned char *out)
{
    unsigned char t[12];
    size_t n = 0, i;
    do {
        t[n++] = (unsigned char)(B_0 + v % 10ul);
        v /= 10ul;
    } while (v && n < sizeof t);
    for (i = 0; i < n; i++)
        out[i] = t[n - 1 - i];
    return n;
}

int hm_ov_buf_room(hm_ov_buf *b, size_t n)
{
    size_t want, nc;
    unsigned char *np;
    if (n > (size_t)-1 - b->len)
        return -1;
    want = b->len + n;
    if (want <= b->cap)
        return 0;
    nc = b->cap ? b->cap : 256;
    while (nc < want) {
        if (nc > (size_t)-1 / 2) {
            nc = want;
            break;
        }
        nc *= 2;
    }
    np = (unsigned char *)HM_ALLOC(b->a, nc);
    if (!np)
        return -1;
    if (b->len)
        memcpy(np, b->p, b->len);
    HM_FREE(b->a, b->p);
    b->p = np;
    b->cap = nc;
    return 0;
}

int hm_ov_buf_add(hm_ov_buf *b, const void *d, size_t n)
{
    if (hm_ov_buf_room(b, n))
        return -1;
    if (n)
        memcpy(b->p + b->len, d, n);
    b->len += n;
    return 0;
}

void hm_ov_buf_free(hm_ov_buf *b)
{
    if (b->p)
        HM_FREE(b->a, b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

size_t hm_ov_conv(hm_ov_buf *b, hm_cpconv *cv, const unsigned char *rec,
                  size_t n)
{
    size_t at = b->len;
    if (!cv) {
        if (hm_ov_buf_add(b, rec, n))
            return (size_t)-1;
        return at;
    }
    if (n > ((size_t)-1 - 8) / 3 || HM_OV_ROOM(b, 3 * n + 8))
        return (size_t)-1;
    b->len += hm_cpconv_run_pad(cv, rec, n, b->p + b->len);
    return at;
}

int hm_ov_has_ctl(const unsigned char *s, size_t n)
{
    const unsigned long ones = ~0ul / 255ul, high = ones * 0x80ul;
    size_t i = 0;
    while (i < n) {
        unsigned c;
        /* words of printable ASCII (X'20'-X'7E') first: no byte at or
         * above X'80', below X'20', or X'7F' (whether SOME byte is
         * one does not depend on the byte order) */
        while (i + sizeof(unsigned long) <= n) {
            unsigned long w, x;
            memcpy(&w, s + i, sizeof w);
            x = w ^ (ones * 0x7Ful);
            if ((w & high) || ((w - ones * 0x20ul) & ~w & high)
                || ((x - ones) & ~x & high))
                break;
            i += sizeof(unsigned long);
        }
        if (i >= n)
            break;
        c = s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != B_TAB) || c == B_DEL)
                return 1;
            i++;
        } else if (c >= 0xC3 && c <= 0xDF && i + 1 < n
                   && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;     /* U+00C0..U+07FF: no control */
        } else {
            unsigned long u;
            size_t k = hm_utf8_decode(s + i, n - i, &u);
            if (k == 0 || (u >= 0x80 && u < 0xA0) || u == 0xFFFDul)
                return 1;
            i += k;
        }
    }
    return 0;
}

size_t hm_ov_profs(const unsigned char *u, size_t nu,
                   const unsigned char *node, size_t nn,
                   unsigned char *out)
{
    static const char pf[] = A_P A_R A_O A_F A_S;
    size_t k;
    memcpy(out, pf, 5);
    out[5] = B_COLON;
    k = 6;
    memcpy(out + k, node, nn);
    k += nn;
    out[k++] = B_LPAR;
    memcpy(out + k, u, nu);
    k += nu;
    out[k++] = B_RPAR;
    return k;
}

/* The printable ASCII characters in the execution character set, in
 * ASCII order from X'20'. */
static const char ov_x[] =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

size_t hm_ov_x2a(const char *s, unsigned char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n < cap; s++) {
        const char *p = ov_x;
        while (*p && *p != *s)
            p++;
        out[n++] = *p ? (unsigned char)(0x20 + (p - ov_x))
                      : (unsigned char)B_QMARK;
    }
    return n;
}

size_t hm_ov_a2x(const unsigned char *s, size_t n, char *out, size_t cap)
{
    size_t i, k = 0;
    if (cap == 0)
        return 0;
    for (i = 0; i < n && k + 1 < cap; i++) {
        unsigned c = s[i];
        out[k++] = (c >= 0x20 && c < 0x7F) ? ov_x[c - 0x20] : ov_x[0x1F];
    }
    out[k] = 0;
    return k;
}

/* ------------------------------------------------------------------
 * Dates
 */
typedef struct ov_name {
    const char *w;      /* upper case ASCII/UTF-8 */
    int v;
} ov_name;

/* Month names: a word matches when it is the whole name, or a prefix
 * of at least 3 characters. English and German. */
static const ov_name ov_months[] = {
    { A_J A_A A_N A_U A_A A_R A_Y, 1 }, { A_F A_E A_B A_R A_U A_A A_R
      A_Y, 2 }, { A_M A_A A_R A_C A_H, 3 }, { A_A A_P A_R A_I A_L, 4 },
    { A_M A_A A_Y, 5 }, { A_J A_U A_N A_E, 6 }, { A_J A_U A_L A_Y, 7 },
    { A_A A_U A_G A_U A_S A_T, 8 },
    { A_S A_E A_P A_T A_E A_M A_B A_E A_R, 9 },
    { A_O A_C A_T A_O A_B A_E A_R, 10 },
    { A_N A_O A_V A_E A_M A_B A_E A_R, 11 },
    { A_D A_E A_C A_E A_M A_B A_E A_R, 12 },
    { A_J A_A A_N A_U A_A A_R, 1 }, { A_F A_E A_B A_R A_U A_A A_R, 2 },
    { A_M A_AUML A_R A_Z, 3 }, { A_M A_auml A_R A_Z, 3 },
    { A_M A_A A_E A_R A_Z, 3 }, { A_M A_R A_Z, 3 },
    { A_M A_A A_I, 5 }, { A_J A_U A_N A_I, 6 }, { A_J A_U A_L A_I, 7 },
    { A_O A_K A_T A_O A_B A_E A_R, 10 },
    { A_D A_E A_Z A_E A_M A_B A_E A_R, 12 }
};

/* Weekdays: whole name or a prefix of at least 2. */
static const char *const ov_wdays[] = {
    A_M A_O A_N A_D A_A A_Y, A_T A_U A_E A_S A_D A_A A_Y,
    A_W A_E A_D A_N A_E A_S A_D A_A A_Y,
    A_T A_H A_U A_R A_S A_D A_A A_Y, A_F A_R A_I A_D A_A A_Y,
    A_S A_A A_T A_U A_R A_D A_A A_Y, A_S A_U A_N A_D A_A A_Y,
    A_M A_O A_N A_T A_A A_G, A_D A_I A_E A_N A_S A_T A_A A_G,
    A_M A_I A_T A_T A_W A_O A_C A_H,
    A_D A_O A_N A_N A_E A_R A_S A_T A_A A_G,
    A_F A_R A_E A_I A_T A_A A_G, A_S A_A A_M A_S A_T A_A A_G,
    A_S A_O A_N A_N A_A A_B A_E A_N A_D, A_S A_O A_N A_N A_T A_A A_G
};

/* Zone names and their offsets in minutes east of UTC. */
static const ov_name ov_zones[] = {
    { A_U A_T, 0 }, { A_U A_T A_C, 0 }, { A_G A_M A_T, 0 },
    { A_Z, 0 }, { A_W A_E A_T, 0 }, { A_W A_E A_S A_T, 60 },
    { A_B A_S A_T, 60 }, { A_C A_E A_T, 60 }, { A_M A_E A_T, 60 },
    { A_M A_E A_Z, 60 }, { A_C A_E A_S A_T, 120 },
    { A_M A_E A_S A_T, 120 }, { A_M A_E A_S A_Z, 120 },
    { A_E A_E A_T, 120 }, { A_E A_E A_S A_T, 180 },
    { A_E A_S A_T, -300 }, { A_E A_D A_T, -240 },
    { A_C A_S A_T, -360 }, { A_C A_D A_T, -300 },
    { A_M A_S A_T, -420 }, { A_M A_D A_T, -360 },
    { A_P A_S A_T, -480 }, { A_P A_D A_T, -420 },
    { A_J A_S A_T, 540 }
};

#define T_NUM 1
#define T_WORD 2
#define T_PUNCT 3
#define OV_NTOK 40

typedef struct ov_tok {
    int type;
    const unsigned char *p;
    size_t n;
    unsigned long v;    /* NUM: value (first 9 digits) */
} ov_tok;

/* Split a date into tokens; comments in parentheses are dropped.
 * Returns the count, or -1 when there are too many. */
static int ov_dtok(const unsigned char *s, size_t n, ov_tok *t)
{
    size_t i = 0;
    int nt = 0;
    while (i < n) {
        unsigned c = s[i];
        if (HM_OV_BLANK(c)) {
            i++;
            continue;
        }
        if (c == B_LPAR) {
            int depth = 0;
            while (i < n) {
                if (s[i] == B_LPAR)
                    depth++;
                else if (s[i] == B_RPAR && --depth == 0) {
                    i++;
                    break;
                }
                i++;
            }
            continue;
        }
        if (nt >= OV_NTOK)
            return -1;
        t[nt].p = s + i;
        t[nt].v = 0;
        if (HM_OV_DIGIT(c)) {
            size_t k = i;
            while (k < n && HM_OV_DIGIT(s[k])) {
                if (k - i < 9)
                    t[nt].v = t[nt].v * 10ul + (unsigned long)(s[k] - B_0);
                k++;
            }
            t[nt].type = T_NUM;
            t[nt].n = k - i;
            i = k;
        } else if (HM_OV_ALPHA(c) || c >= 0x80) {
            size_t k = i;
            while (k < n && (HM_OV_ALPHA(s[k]) || s[k] >= 0x80))
                k++;
            t[nt].type = T_WORD;
            t[nt].n = k - i;
            i = k;
        } else {
            t[nt].type = T_PUNCT;
            t[nt].n = 1;
            t[nt].v = c;
            i++;
        }
        nt++;
    }
    return nt;
}

static int ov_month(const ov_tok *t)
{
    size_t i;
    unsigned c0;
    if (t->type != T_WORD || t->n < 3)
        return 0;
    c0 = HM_OV_UP(t->p[0]);
    for (i = 0; i < sizeof ov_months / sizeof ov_months[0]; i++) {
        size_t k;
        if ((unsigned char)ov_months[i].w[0] != c0)
            continue;   /* (the names are upper case) */
        k = strlen(ov_months[i].w);
        if (t->n <= k && hm_ov_ieq(t->p, (const unsigned char *)
                                   ov_months[i].w, t->n))
            return ov_months[i].v;
    }
    return 0;
}

static int ov_wday(const ov_tok *t)
{
    size_t i;
    unsigned c0;
    if (t->type != T_WORD || t->n < 2)
        return 0;
    c0 = HM_OV_UP(t->p[0]);
    for (i = 0; i < sizeof ov_wdays / sizeof ov_wdays[0]; i++) {
        size_t k;
        if ((unsigned char)ov_wdays[i][0] != c0)
            continue;   /* (the names are upper case) */
        k = strlen(ov_wdays[i]);
        if (t->n <= k && hm_ov_ieq(t->p, (const unsigned char *)
                                   ov_wdays[i], t->n))
            return 1;
    }
    return 0;
}

static int ov_punct(const ov_tok *t, int nt, int pos, unsigned c)
{
    return pos < nt && t[pos].type == T_PUNCT && t[pos].v == c;
}

typedef struct ov_dres {
    unsigned year, mon, day, hour, min, sec;
    long zone;
} ov_dres;

/* Optional time at t[*pos]; 1 when one was taken. */
static int ov_time(const ov_tok *t, int nt, int *pos, ov_dres *r)
{
    int p = *pos;
    unsigned sep, h, m, s = 0;
    if (p < nt && t[p].type == T_WORD && t[p].n == 1
        && HM_OV_UP(t[p].p[0]) == 0x54)
        p++; /* ISO "T" */
    if (!(p + 2 < nt && t[p].type == T_NUM && t[p].n <= 2
          && t[p + 1].type == T_PUNCT
          && (t[p + 1].v == B_COLON || t[p + 1].v == B_DOT)
          && t[p + 2].type == T_NUM && t[p + 2].n == 2))
        return 0;
    sep = (unsigned)t[p + 1].v;
    h = (unsigned)t[p].v;
    m = (unsigned)t[p + 2].v;
    p += 3;
    if (p + 1 < nt && ov_punct(t, nt, p, sep) && t[p + 1].type == T_NUM
        && t[p + 1].n == 2) {
        s = (unsigned)t[p + 1].v;
        p += 2;
        /* fraction of a second */
        if (p + 1 < nt && (ov_punct(t, nt, p, B_DOT)
                           || ov_punct(t, nt, p, B_COMMA))
            && t[p + 1].type == T_NUM && sep != B_DOT)
            p += 2;
    }
    if (p < nt && t[p].type == T_WORD && t[p].n == 2
        && HM_OV_UP(t[p].p[1]) == 0x4D) {
        unsigned a = HM_OV_UP(t[p].p[0]);
        if (a == 0x41 || a == 0x50) { /* AM, PM */
            if (h < 1 || h > 12)
                return 0;
            if (h == 12)
                h = 0;
            if (a == 0x50)
                h += 12;
            p++;
        }
    }
    if (h > 23 || m > 59 || s > 60)
        return 0;
    if (s == 60)
        s = 59;
    r->hour = h;
    r->min = m;
    r->sec = s;
    *pos = p;
    return 1;
}

/* Optional zone at t[*pos]. */
static void ov_zone(const ov_tok *t, int nt, int *pos, ov_dres *r)
{
    int p = *pos;
    size_t i;
    long base = HM_OV_NOZONE;
    if (p < nt && t[p].type == T_WORD) {
        for (i = 0; i < sizeof ov_zones / sizeof ov_zones[0]; i++)
            if (hm_ov_iword(t[p].p, t[p].n, ov_zones[i].w)) {
                base = ov_zones[i].v;
                break;
            }
        if (base == HM_OV_NOZONE) {
            /* an unknown zone name: 1 to 5 letters, taken, no offset */
            size_t k;
            if (t[p].n > 5)
                return;
            for (k = 0; k < t[p].n; k++)
                if (!HM_OV_ALPHA(t[p].p[k]))
                    return;
            *pos = p + 1;
            return;
        }
        p++;
        r->zone = base;
        *pos = p;
        if (base != 0)
            return;
        /* GMT+0100 */
    }
    if (p + 1 < nt && t[p].type == T_PUNCT
        && (t[p].v == B_PLUS || t[p].v == B_DASH)
        && t[p + 1].type == T_NUM && (t[p + 1].n == 4 || t[p + 1].n == 2)) {
        unsigned long v = t[p + 1].v;
        long mins = t[p + 1].n == 4
            ? (long)(v / 100ul) * 60L + (long)(v % 100ul) : (long)v * 60L;
        if ((t[p + 1].n == 4 && v % 100ul > 59) || mins > 18L * 60L)
            return;
        r->zone = t[p].v == B_DASH ? -mins : mins;
        *pos = p + 2;
    }
}

static unsigned ov_year(const ov_tok *t, unsigned pivot, int four)
{
    if (t->type != T_NUM)
        return 0;
    if (t->n == 4)
        return (unsigned)t->v;
    if (t->n == 2 && !four)
        return (unsigned)t->v < pivot ? 2000u + (unsigned)t->v
                                      : 1900u + (unsigned)t->v;
    return 0;
}

static int ov_dmatch(const hm_ov_datefmt *f, const ov_tok *t, int nt,
                     unsigned pivot, ov_dres *r)
{
    int pos = 0, i;
    memset(r, 0, sizeof *r);
    r->zone = HM_OV_NOZONE;
    for (i = 0; i < HM_OV_D_NMAX; i++) {
        int el = f->el[i];
        switch (el) {
        case HM_OV_D_END:
            return pos == nt;
        case HM_OV_D_WDAY:
            if (pos < nt && ov_wday(&t[pos]) && !ov_month(&t[pos])) {
                pos++;
                if (ov_punct(t, nt, pos, B_COMMA)
                    || ov_punct(t, nt, pos, B_DOT))
                    pos++;
            }
            break;
        case HM_OV_D_DAY:
            if (pos >= nt || t[pos].type != T_NUM || t[pos].n > 2
                || t[pos].v < 1 || t[pos].v > 31)
                return 0;
            r->day = (unsigned)t[pos++].v;
            break;
        case HM_OV_D_MON:
            if (pos >= nt || !(r->mon = (unsigned)ov_month(&t[pos])))
                return 0;
            pos++;
            if (ov_punct(t, nt, pos, B_DOT))
                pos++;
            break;
        case HM_OV_D_MNUM:
            if (pos >= nt || t[pos].type != T_NUM || t[pos].n > 2
                || t[pos].v < 1 || t[pos].v > 12)
                return 0;
            r->mon = (unsigned)t[pos++].v;
            break;
        case HM_OV_D_YEAR:
        case HM_OV_D_YEAR4:
            if (pos >= nt || !(r->year = ov_year(&t[pos], pivot,
                                                 el == HM_OV_D_YEAR4)))
                return 0;
            pos++;
            break;
        case HM_OV_D_SLASH:
        case HM_OV_D_DOT:
        case HM_OV_D_DASH:
            if (!ov_punct(t, nt, pos, el == HM_OV_D_SLASH ? B_SLASH
                          : el == HM_OV_D_DOT ? B_DOT : B_DASH))
                return 0;
            pos++;
            break;
        case HM_OV_D_COMMA:
            if (ov_punct(t, nt, pos, B_COMMA))
                pos++;
            break;
        case HM_OV_D_ODOT:
            if (ov_punct(t, nt, pos, B_DOT))
                pos++;
            break;
        case HM_OV_D_TIME:
            ov_time(t, nt, &pos, r);
            break;
        case HM_OV_D_ZONE:
            ov_zone(t, nt, &pos, r);
            break;
        default:
            return 0;
        }
    }
    return 0;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long ov_days(long y, unsigned m, unsigned d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153L * (long)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (long)d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097L + doe - 719468L;
}

static void ov_civil(long z, unsigned *y, unsigned *m, unsigned *d)
{
    long era, doe, yoe, yy, doy, mp;
    z += 719468L;
    era = (z >= 0 ? z : z - 146096L) / 146097L;
    doe = z - era * 146097L;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    yy = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = (unsigned)(yy + (*m <= 2));
}

int hm_ov_parse_date(const unsigned char *s, size_t n,
                     const hm_ov_opt *opt, hm_time *t, long *zone)
{
    ov_tok tok[OV_NTOK];
    const hm_ov_rules *ru = opt && opt->rules ? opt->rules
                                              : &ov_rules;
    unsigned pivot = opt ? opt->pivot : 50;
    int nt = ov_dtok(s, n, tok);
    size_t i;
    memset(t->d, 0, sizeof t->d);
    if (zone)
        *zone = HM_OV_NOZONE;
    if (nt <= 0)
        return -1;
    for (i = 0; i < ru->ndates; i++) {
        ov_dres r;
        if (!ov_dmatch(&ru->dates[i], tok, nt, pivot, &r))
            continue;
        if (opt && opt->shift && r.zone != HM_OV_NOZONE
            && r.year >= 1601 && r.year <= 9999 && r.day >= 1
            && r.day <= 31) {
            long day = ov_days((long)r.year, r.mon, r.day);
            long m = (long)r.hour * 60L + (long)r.min - r.zone
                + opt->zone_min;
            while (m < 0) {
                m += 1440L;
                day--;
            }
            day += m / 1440L;
            m %= 1440L;
            r.hour = (unsigned)(m / 60L);
            r.min = (unsigned)(m % 60L);
            ov_civil(day, &r.year, &r.mon, &r.day);
        }
        if (hm_time_set(t, r.year, r.mon, r.day, r.hour, r.min, r.sec))
            continue;
        if (zone)
            *zone = r.zone;
        return (int)i;
    }
    return -1;
}

/* ------------------------------------------------------------------
 * Addresses
 */
typedef struct ov_out {
    hm_ov_addr *a;
    size_t max, count;
    unsigned char *buf;
    size_t cap, used;
} ov_out;

/* A word of a segment: plain, "quoted" or (comment). */
#define W_PLAIN 0
#define W_QUOTE 1
#define W_COMMENT 2

typedef struct ov_word {
    int kind;
    const unsigned char *p;     /* contents (without quotes/parens) */
    size_t n;
} ov_word;

/* The bytes the address scanners stop at, by class (the scanners
 * skip every other byte at once). X'60' and up: none. */
#define OC_BSL 1        /* \ */
#define OC_QUOTE 2      /* " */
#define OC_LPAR 4       /* ( */
#define OC_RPAR 8       /* ) */
#define OC_LT 16        /* < */
#define OC_GT 32        /* > */
#define OC_SEP 64       /* , ; */
#define OC_BLANK 128    /* blank, TAB */
static const unsigned char ov_cls[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    128, 0, 2, 0, 0, 0, 0, 0, 4, 8, 0, 0, 64, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 16, 0, 32, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0
};

static unsigned char *ov_put(ov_out *o, const unsigned char *d,
                             size_t n)
{
    unsigned char *p;
    if (n > o->cap - o->used)
        n = o->cap - o->used;
    p = o->buf + o->used;
    if (n)
        memcpy(p, d, n);
    o->used += n;
    return p;
}

/* Append text to the name being built from st (o->buf offset) with
 * single blanks and the quoted-pair escapes removed. */
static void ov_name_add(ov_out *o, size_t st, const unsigned char *d,
                        size_t n, int unescape)
{
    size_t i, k;
    unsigned stop = unescape ? OC_BLANK | OC_BSL : OC_BLANK;
    static const unsigned char sp = B_SP;
    for (i = 0; i < n; i++) {
        unsigned c;
        /* a run of bytes that are put as they are */
        for (k = i; k < n && !(ov_cls[d[k]] & stop); k++)
            ;
        if (k > i) {
            ov_put(o, d + i, k - i);
            i = k;
            if (i >= n)
                break;
        }
        c = d[i];
        if (unescape && c == B_BSL && i + 1 < n)
            c = d[++i];
        if (HM_OV_BLANK(c)) {
            if (o->used > st && o->buf[o->used - 1] != B_SP)
                ov_put(o, &sp, 1);
            continue;
        }
        ov_put(o, d + i, 1);
    }
}

/* Words w[a..b) as a name into t. */
static void ov_name_words(ov_out *o, hm_text *t, const ov_word *w,
                          size_t a, size_t b)
{
    size_t st = o->used, k;
    static const unsigned char sp = B_SP;
    for (k = a; k < b; k++) {
        if (o->used > st && o->buf[o->used - 1] != B_SP)
            ov_put(o, &sp, 1);
        ov_name_add(o, st, w[k].p, w[k].n, w[k].kind != W_PLAIN);
    }
    while (o->used > st && o->buf[o->used - 1] == B_SP)
        o->used--;
    t->s = o->buf + st;
    t->len = o->used - st;
}

static hm_ov_addr *ov_new(ov_out *o)
{
    hm_ov_addr *a = o->count < o->max ? &o->a[o->count] : NULL;
    o->count++;
    if (a)
        memset(a, 0, sizeof *a);
    return a;
}

/* Fill the address part of x from user at node or local@domain. */
static void ov_set_profs(ov_out *o, hm_ov_addr *x,
                         const unsigned char *u, size_t nu,
                         const unsigned char *nd, size_t nn)
{
    unsigned char *p;
    if (!x)
        return;
    if (o->cap - o->used < nu + nn + 8)
        return;
    p = o->buf + o->used;
    x->a.addr.s = p;
    x->a.addr.len = hm_ov_profs(u, nu, nd, nn, p);
    o->used += x->a.addr.len;
    x->user.s = p + 7 + nn;
    x->user.len = nu;
    x->node.s = p + 6;
    x->node.len = nn;
    x->kind = HM_OV_A_PROFS;
}

static void ov_set_mail(ov_out *o, hm_ov_addr *x, const unsigned char *w,
                        size_t n)
{
    static const char smtp[] = A_S A_M A_T A_P;
    static const char bitnet[] = "\x2E" A_B A_I A_T A_N A_E A_T;
    size_t at = n, i, dots = 0;
    for (i = 0; i < n; i++)
        if (w[i] == B_AT)
            at = i;
    if (!x || at == n)
        return;
    for (i = at + 1; i < n; i++)
        if (w[i] == B_DOT)
            dots++;
    if (dots == 0) {
        ov_set_profs(o, x, w, at, w + at + 1, n - at - 1);
        return;
    }
    if (dots == 1 && n - at - 1 > 7
        && hm_ov_ieq(w + n - 7, (const unsigned char *)bitnet, 7)) {
        ov_set_profs(o, x, w, at, w + at + 1, n - at - 8);
        return;
    }
    if (o->cap - o->used < n + 6)
        return;
    x->a.addr.s = o->buf + o->used;
    ov_put(o, (const unsigned char *)smtp, 4);
    {
        unsigned char c = B_COLON;
        ov_put(o, &c, 1);
    }
    ov_put(o, w, n);
    x->a.addr.len = n + 5;
    x->user.s = x->a.addr.s + 5;
    x->user.len = at;
    x->node.s = x->a.addr.s + 5 + at + 1;
    x->node.len = n - at - 1;
    x->kind = HM_OV_A_SMTP;
}

/* "USER at NODE" as the display name of x. */
static void ov_default_name(ov_out *o, hm_ov_addr *x)
{
    static const char at[] = A_SP "\x61\x74" A_SP;
    if (!x || x->kind != HM_OV_A_PROFS || x->a.name.len)
        return;
    if (o->cap - o->used < x->user.len + x->node.len + 4)
        return;
    x->a.name.s = o->buf + o->used;
    ov_put(o, x->user.s, x->user.len);
    ov_put(o, (const unsigned char *)at, 4);
    ov_put(o, x->node.s, x->node.len);
    x->a.name.len = x->user.len + 4 + x->node.len;
}

static int ov_has_at(const unsigned char *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i] == B_AT)
            return 1;
    return 0;
}

static int ov_is_at(const ov_word *w)
{
    return w->kind == W_PLAIN && w->n == 2 && HM_OV_UP(w->p[0]) == 0x41
        && HM_OV_UP(w->p[1]) == 0x54;
}

/* The inside of <...>. */
static void ov_angle(ov_out *o, hm_ov_addr *x, const unsigned char *p,
                     size_t n)
{
    size_t i = 0, k, w[3][2], nw = 0;
    while (n && HM_OV_BLANK(p[n - 1]))
        n--;
    while (i < n && HM_OV_BLANK(p[i]))
        i++;
    if (i < n && p[i] == B_AT) { /* source route <@a:b@c> */
        while (i < n && p[i] != B_COLON)
            i++;
        i++;
    }
    p += i;
    n = n > i ? n - i : 0;
    if (ov_has_at(p, n)) {
        ov_set_mail(o, x, p, n);
        return;
    }
    for (i = 0; i < n && nw < 3;) {
        while (i < n && HM_OV_BLANK(p[i]))
            i++;
        if (i >= n)
            break;
        k = i;
        while (k < n && !HM_OV_BLANK(p[k]))
            k++;
        w[nw][0] = i;
        w[nw][1] = k - i;
        nw++;
        i = k;
    }
    if (nw == 3 && i >= n && w[1][1] == 2
        && HM_OV_UP(p[w[1][0]]) == 0x41
        && HM_OV_UP(p[w[1][0] + 1]) == 0x54) {
        ov_set_profs(o, x, p + w[0][0], w[0][1], p + w[2][0], w[2][1]);
        return;
    }
    if (x && !x->a.name.len && n) {
        ov_word one;
        one.kind = W_PLAIN;
        one.p = p;
        one.n = n;
        ov_name_words(o, &x->a.name, &one, 0, 1);
    }
}

/* Words of a segment into w (at most max). Returns the count. */
static size_t ov_words(const unsigned char *s, size_t n, ov_word *w,
                       size_t max)
{
    size_t i = 0, nw = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        if (HM_OV_BLANK(c)) {
            i++;
            continue;
        }
        if (nw >= max)
            break;
        if (c == B_QUOTE) {
            k = i + 1;
            while (k < n && s[k] != B_QUOTE) {
                if (s[k] == B_BSL && k + 1 < n)
                    k++;
                k++;
            }
            w[nw].kind = W_QUOTE;
            w[nw].p = s + i + 1;
            w[nw].n = (k < n ? k : n) - i - 1;
            i = k < n ? k + 1 : n;
        } else if (c == B_LPAR) {
            int depth = 0;
            k = i;
            while (k < n) {
                if (s[k] == B_BSL && k + 1 < n)
                    k++;
                else if (s[k] == B_LPAR)
                    depth++;
                else if (s[k] == B_RPAR && --depth == 0)
                    break;
                k++;
            }
            w[nw].kind = W_COMMENT;
            w[nw].p = s + i + 1;
            w[nw].n = (k < n ? k : n) - i - 1;
            i = k < n ? k + 1 : n;
        } else {
            k = i;
            while (k < n && !(ov_cls[s[k]] & (OC_BLANK | OC_QUOTE
                                               | OC_LPAR)))
                k++;
            w[nw].kind = W_PLAIN;
            w[nw].p = s + i;
            w[nw].n = k - i;
            i = k;
        }
        nw++;
    }
    return nw;
}

#define OV_NWORD 64

static void ov_segment(ov_out *o, const unsigned char *s, size_t n)
{
    size_t i, lt = n, gt = n, nw, pend0 = 0, npend = 0, first;
    int inq = 0, depth = 0;
    ov_word w[OV_NWORD];
    hm_ov_addr *last = NULL;
    int last_named = 1, any = 0;
    first = o->count;
    /* <...> outside quotes and comments */
    for (i = 0; i < n; i++) {
        unsigned c;
        while (i < n && !(ov_cls[s[i]] & (OC_BSL | OC_QUOTE | OC_LPAR
                                          | OC_RPAR | OC_LT | OC_GT)))
            i++;
        if (i >= n)
            break;
        c = s[i];
        if (c == B_BSL && i + 1 < n) {
            i++;
            continue;
        }
        if (inq) {
            if (c == B_QUOTE)
                inq = 0;
            continue;
        }
        if (c == B_QUOTE)
            inq = 1;
        else if (c == B_LPAR)
            depth++;
        else if (c == B_RPAR && depth)
            depth--;
        else if (c == B_LT && !depth && lt == n)
            lt = i;
        else if (c == B_GT && !depth && lt != n && gt == n)
            gt = i;
    }
    if (lt != n) {
        hm_ov_addr *x = ov_new(o);
        if (x) {
            nw = ov_words(s, lt, w, OV_NWORD);
            ov_name_words(o, &x->a.name, w, 0, nw);
        }
        ov_angle(o, x, s + lt + 1, (gt != n ? gt : n) - lt - 1);
        ov_default_name(o, x);
        return;
    }
    nw = ov_words(s, n, w, OV_NWORD);
    for (i = 0; i < nw; i++) {
        hm_ov_addr *x;
        int triple = i + 2 < nw && w[i].kind == W_PLAIN
            && ov_is_at(&w[i + 1]) && w[i + 2].kind == W_PLAIN
            && !ov_has_at(w[i].p, w[i].n);
        int mail = !triple && w[i].kind == W_PLAIN
            && ov_has_at(w[i].p, w[i].n) && w[i].n > 1;
        if (w[i].kind == W_COMMENT && last && !last_named
            && npend == 0) {
            ov_name_words(o, &last->a.name, w, i, i + 1);
            last_named = last->a.name.len > 0;
            continue;
        }
        if (!triple && !mail) {
            if (npend == 0)
                pend0 = i;
            npend++;
            continue;
        }
        x = ov_new(o);
        any = 1;
        if (x && npend)
            ov_name_words(o, &x->a.name, w, pend0, pend0 + npend);
        last_named = npend > 0;
        npend = 0;
        if (triple) {
            ov_set_profs(o, x, w[i].p, w[i].n, w[i + 2].p, w[i + 2].n);
            i += 2;
        } else {
            ov_set_mail(o, x, w[i].p, w[i].n);
        }
        last = x;
    }
    if (npend) {
        hm_ov_addr *x = NULL;
        if (any && last && !last_named)
            x = last;
        else if (!any)
            x = ov_new(o);
        if (x)
            ov_name_words(o, &x->a.name, w, pend0, pend0 + npend);
    }
    /* default names for the addresses of this segment */
    for (i = first; i < o->count && i < o->max; i++)
        ov_default_name(o, &o->a[i]);
}

size_t hm_ov_parse_addrs(const unsigned char *s, size_t n,
                         hm_ov_addr *out, size_t max,
                         unsigned char *buf, size_t cap)
{
    ov_out o;
    size_t i, start = 0;
    int inq = 0, depth = 0, angle = 0;
    o.a = out;
    o.max = max;
    o.count = 0;
    o.buf = buf;
    o.cap = cap;
    o.used = 0;
    for (i = 0; i <= n; i++) {
        unsigned c;
        while (i < n && !(ov_cls[s[i]] & ~OC_BLANK))
            i++;
        c = i < n ? s[i] : B_COMMA;
        if (i < n && c == B_BSL && i + 1 < n) {
            i++;
            continue;
        }
        if (inq && i < n) {
            if (c == B_QUOTE)
                inq = 0;
            continue;
        }
        if (c == B_QUOTE)
            inq = 1;
        else if (c == B_LPAR)
            depth++;
        else if (c == B_RPAR && depth)
            depth--;
        else if (c == B_LT && !depth)
            angle = 1;
        else if (c == B_GT && !depth)
            angle = 0;
        else if ((c == B_COMMA || c == B_SEMI)
                 && ((!depth && !angle) || i == n)) {
            size_t a = start, b = i;
            while (a < b && HM_OV_BLANK(s[a]))
                a++;
            while (b > a && HM_OV_BLANK(s[b - 1]))
                b--;
            if (b > a)
                ov_segment(&o, s + a, b - a);
            start = i + 1;
            inq = 0;
            depth = 0;
            angle = 0;
        }
    }
    return o.count;
}
