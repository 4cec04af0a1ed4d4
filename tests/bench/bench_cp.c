/*
 * bench_cp.c - hm_cpconv_run against glibc iconv, CCSID 273 to UTF-8
 * on 128 MiB of German-like EBCDIC text, in one process. Checks that
 * both give the same bytes (exit 1 if not) and prints
 *   bench cp: bytes=N hm=Ts iconv=Ts ratio=Rx
 *   bench cp: hm=M MB/s iconv=M MB/s out=N
 * Usage: bench_cp [MiB] (default 128). Native only; links iconv.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <iconv.h>

#include "hm_cp.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long rng = 12345;

static unsigned rnd(unsigned n)
{
    rng = rng * 1103515245UL + 12345UL;
    return (unsigned)((rng >> 16) & 0x7FFF) % n;
}

/* Fill buf with lines of words: lower-case letters by German-like
 * frequency, capitals, ä ö ü ß Ä Ö Ü (about 1.5 % of letters), digits,
 * punctuation, blanks and X'25' line ends. */
static void fill(const hm_cpage *cp, unsigned char *buf, size_t n)
{
    /* a..z per mille in German text */
    static const unsigned weight[26] = {
        65, 19, 27, 51, 174, 17, 30, 48, 76, 3, 12, 34, 25, 98, 25, 8,
        1, 70, 73, 62, 44, 7, 19, 1, 1, 11
    };
    unsigned char freq[1100];
    unsigned nfreq = 0;
    static const unsigned long national[] = {
        0xE4, 0xF6, 0xFC, 0xDF, 0xC4, 0xD6, 0xDC
    };
    unsigned char lower[26], upper[26], digit[10], nat[7];
    unsigned char sp, lf, dot, comma;
    size_t i = 0, col = 0;
    int k;

    for (k = 0; k < 26; k++) {
        unsigned w;
        for (w = 0; w < weight[k]; w++)
            freq[nfreq++] = (unsigned char)k;
        lower[k] = (unsigned char)hm_cp_from_ucs(cp, 0x61UL + k);
        upper[k] = (unsigned char)hm_cp_from_ucs(cp, 0x41UL + k);
    }
    for (k = 0; k < 10; k++)
        digit[k] = (unsigned char)hm_cp_from_ucs(cp, 0x30UL + k);
    for (k = 0; k < 7; k++)
        nat[k] = (unsigned char)hm_cp_from_ucs(cp, national[k]);
    sp = (unsigned char)hm_cp_from_ucs(cp, 0x20);
    lf = (unsigned char)hm_cp_from_ucs(cp, 0x0A);
    dot = (unsigned char)hm_cp_from_ucs(cp, 0x2E);
    comma = (unsigned char)hm_cp_from_ucs(cp, 0x2C);

    while (i < n) {
        unsigned len = 2 + rnd(9), r = rnd(100);
        unsigned j;
        for (j = 0; j < len && i < n; j++, i++) {
            unsigned c = rnd(1000);
            if (r < 5)
                buf[i] = digit[rnd(10)];
            else if (c < 15)
                buf[i] = nat[rnd(j == 0 ? 7 : 4)];
            else if (j == 0 && r < 30)
                buf[i] = upper[rnd(26)];
            else
                buf[i] = lower[freq[rnd(nfreq)]];
        }
        col += len + 1;
        if (i < n && r > 90)
            buf[i++] = r > 95 ? dot : comma;
        if (i < n) {
            if (col > 72) {
                buf[i++] = lf;
                col = 0;
            } else {
                buf[i++] = sp;
            }
        }
    }
}

static void *b_alloc(void *c, size_t n) { (void)c; return malloc(n); }
static void b_free(void *c, void *p) { (void)c; free(p); }
static const hm_alloc heap = { b_alloc, b_free, NULL };

int main(int argc, char **argv)
{
    size_t mib = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 128;
    size_t n = mib * 1024 * 1024, hn, in_left, out_left;
    const hm_cpage *cp = hm_cp_builtin(273);
    unsigned char *in, *o1, *o2;
    hm_cpconv cv;
    double t0, t_hm = 1e9, t_ic = 1e9, t_pl = 1e9;
    iconv_t cd;
    int rep;

    if (cp == NULL || n == 0)
        return 2;
    in = malloc(n);
    o1 = malloc(3 * n);
    o2 = malloc(3 * n);
    if (!in || !o1 || !o2) {
        fprintf(stderr, "bench cp: out of memory\n");
        return 2;
    }
    fill(cp, in, n);
    memset(o1, 0, 3 * n);       /* fault the pages in before timing */
    memset(o2, 0, 3 * n);
    cd = iconv_open("UTF-8", "IBM273");
    if (cd == (iconv_t)-1) {
        perror("iconv_open IBM273");
        return 2;
    }

    hn = 0;
    out_left = 0;
    for (rep = 0; rep < 3; rep++) {       /* best of 3 each */
        double t;
        char *ip = (char *)in, *op = (char *)o2;

        /* the plain tables (as on a 31-bit host) */
        hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA);
        t0 = now();
        hn = hm_cpconv_run(&cv, in, n, o1);
        t = now() - t0;
        if (t < t_pl)
            t_pl = t;
        /* with the pair table, as hmcat uses it here */
        if (hm_cpconv_fast(&cv, &heap) != 0) {
            printf("bench cp: FAILED: no pair table\n");
            return 1;
        }
        t0 = now();
        if (hm_cpconv_run(&cv, in, n, o1) != hn) {
            printf("bench cp: FAILED: pair table length differs\n");
            return 1;
        }
        t = now() - t0;
        if (t < t_hm)
            t_hm = t;
        hm_cpconv_fast_free(&cv, &heap);

        iconv(cd, NULL, NULL, NULL, NULL);
        in_left = n;
        out_left = 3 * n;
        t0 = now();
        if (iconv(cd, &ip, &in_left, &op, &out_left) == (size_t)-1) {
            perror("iconv");
            return 2;
        }
        t = now() - t0;
        if (t < t_ic)
            t_ic = t;
    }
    iconv_close(cd);

    printf("bench cp: bytes=%lu hm=%.3fs iconv=%.3fs ratio=%.2fx\n",
           (unsigned long)n, t_hm, t_ic, t_ic / t_hm);
    printf("bench cp: without the pair table (31-bit hosts): "
           "%.3fs ratio=%.2fx\n", t_pl, t_ic / t_pl);
    printf("bench cp: hm=%.0f MB/s iconv=%.0f MB/s out=%lu "
           "unmapped=%lu\n", n / t_hm / 1e6, n / t_ic / 1e6,
           (unsigned long)hn, cv.nunmapped);
    if (hn != 3 * n - out_left || memcmp(o1, o2, hn) != 0) {
        printf("bench cp: FAILED: outputs differ (hm %lu, iconv %lu "
               "bytes)\n", (unsigned long)hn,
               (unsigned long)(3 * n - out_left));
        return 1;
    }
    printf("bench cp: outputs identical\n");
    free(in);
    free(o1);
    free(o2);
    return 0;
}
