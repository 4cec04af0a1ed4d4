/* migfile.c - helpers shared by migwrite.c and migread.c. */
#include <string.h>
#include "migfile.h"

/* The printable ASCII characters X'20'..X'7E', in order. */
static const char mf_print[] =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

void hm_mf_tables(hm_mf_tab *t)
{
    size_t i;
    memset(t, 0, sizeof *t);
    for (i = 0; mf_print[i]; i++) {
        unsigned char e = (unsigned char)mf_print[i];
        t->to_asc[e] = (unsigned char)(0x20 + i);
        t->to_exe[0x20 + i] = e;
    }
}

size_t hm_mf_asc(const hm_mf_tab *t, const char *s, unsigned char *out,
                 size_t cap)
{
    size_t n = 0;
    while (*s && n < cap) {
        unsigned char a = t->to_asc[(unsigned char)*s++];
        out[n++] = a ? a : 0x3F;
    }
    return n;
}

static unsigned char mf_upper(unsigned char a)
{
    return (a >= 0x61 && a <= 0x7A) ? (unsigned char)(a - 0x20) : a;
}

int hm_mf_eq(const hm_mf_tab *t, const unsigned char *b, size_t n,
             const char *s)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char a;
        if (!s[i])
            return 0;
        a = t->to_asc[(unsigned char)s[i]];
        if (mf_upper(a) != mf_upper(b[i]))
            return 0;
    }
    return s[n] == 0;
}

static unsigned mf_num(const unsigned char *d, int n)
{
    unsigned v = 0;
    int i;
    for (i = 0; i < n; i++)
        v = v * 10u + (unsigned)(d[i] - 0x30);
    return v;
}

int hm_mf_date_ok(const unsigned char *d, size_t n)
{
    static const unsigned char mdays[12] = { 31, 29, 31, 30, 31, 30,
                                             31, 31, 30, 31, 30, 31 };
    unsigned y, mo, dd;
    size_t i;
    if (n != 14)
        return 0;
    for (i = 0; i < 14; i++)
        if (d[i] < 0x30 || d[i] > 0x39)
            return 0;
    y = mf_num(d, 4);
    mo = mf_num(d + 4, 2);
    dd = mf_num(d + 6, 2);
    if (y < 1601 || mo < 1 || mo > 12 || dd < 1 || dd > mdays[mo - 1])
        return 0;
    if (mo == 2 && dd == 29
        && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    if (mf_num(d + 8, 2) > 23 || mf_num(d + 10, 2) > 59
        || mf_num(d + 12, 2) > 59)
        return 0;
    return 1;
}

int hm_time_set(hm_time *t, unsigned year, unsigned mon, unsigned day,
                unsigned hour, unsigned min, unsigned sec)
{
    unsigned v[6];
    int w[6];
    int i, k, at = 0;
    v[0] = year; v[1] = mon; v[2] = day;
    v[3] = hour; v[4] = min; v[5] = sec;
    w[0] = 4; w[1] = w[2] = w[3] = w[4] = w[5] = 2;
    memset(t->d, 0, sizeof t->d);
    if (year > 9999 || mon > 99 || day > 99 || hour > 99 || min > 99
        || sec > 99)
        return -1;
    for (i = 0; i < 6; i++) {
        unsigned x = v[i];
        for (k = w[i] - 1; k >= 0; k--) {
            t->d[at + k] = (unsigned char)(0x30 + x % 10u);
            x /= 10u;
        }
        at += w[i];
    }
    if (!hm_mf_date_ok(t->d, 14)) {
        memset(t->d, 0, sizeof t->d);
        return -1;
    }
    return 0;
}

int hm_time_check(const hm_time *t)
{
    if (t->d[0] == 0)
        return 0;
    return hm_mf_date_ok(t->d, 14) ? 1 : -1;
}
