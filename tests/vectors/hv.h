/*
 * hv.h - the shared test-vector framework.
 *
 * The vector tables in tests/vectors/vec_*.h and the checks that run
 * them are compiled into two programs: tests/unit/test_vectors.c
 * (cmocka; native, EBCDIC and s390x under qemu) and
 * tests/herc/vectors.c (bare metal on Hercules, printing PASS/FAIL
 * on the 1403 printer). So this code uses no libc beyond the six
 * <string.h> functions the core may use, no stdio, no malloc: the
 * program passes in an allocator.
 *
 * A group is a function hv_xxx(c, i) that runs vector i of the
 * group: it names the vector in c->name, and unless c->dry is set
 * runs it and returns 1 (passed) or 0 (failed, with c->detail
 * saying why). It returns -1 when the group has no vector i.
 *
 * Data bytes are hex numbers; literals only hold text that stays in
 * the execution character set (names, expected messages).
 */
#ifndef HV_H
#define HV_H

#include <string.h>
#include "hm_base.h"
#include "hm_msg.h"

#define HV_NAMECAP 80
#define HV_DETCAP 240

typedef struct hv_ctx {
    int dry;                /* non-zero: only fill in the name */
    const hm_alloc *base;   /* the program's allocator */
    char name[HV_NAMECAP];
    char detail[HV_DETCAP];
} hv_ctx;

typedef int (*hv_group)(hv_ctx *c, int i);

#define HV_NA(a) (sizeof(a) / sizeof((a)[0]))

/* ---- text building (execution character set) ---- */

static void hv_cat(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(buf);
    while (*s && n + 1 < cap)
        buf[n++] = *s++;
    buf[n] = 0;
}

static void hv_catu(char *buf, size_t cap, unsigned long v)
{
    char t[24];
    int n = 23;
    t[n] = 0;
    do {
        t[--n] = "0123456789"[v % 10];
        v /= 10;
    } while (v != 0);
    hv_cat(buf, cap, t + n);
}

static void hv_catl(char *buf, size_t cap, long v)
{
    if (v < 0) {
        hv_cat(buf, cap, "-");
        hv_catu(buf, cap, (unsigned long)(-(v + 1)) + 1ul);
    } else {
        hv_catu(buf, cap, (unsigned long)v);
    }
}

static void hv_catx(char *buf, size_t cap, unsigned long v, int digits)
{
    char t[24];
    int i;
    for (i = digits - 1; i >= 0; i--) {
        t[i] = "0123456789ABCDEF"[v & 15u];
        v >>= 4;
    }
    t[digits] = 0;
    hv_cat(buf, cap, t);
}

/* naming: a prefix and up to two numbers */
static void hv_name(hv_ctx *c, const char *s)
{
    c->name[0] = 0;
    hv_cat(c->name, HV_NAMECAP, s);
}
static void hv_nameu(hv_ctx *c, unsigned long v)
{
    hv_catu(c->name, HV_NAMECAP, v);
}
static void hv_namex(hv_ctx *c, unsigned long v, int digits)
{
    hv_catx(c->name, HV_NAMECAP, v, digits);
}
static void hv_names(hv_ctx *c, const char *s)
{
    hv_cat(c->name, HV_NAMECAP, s);
}

/* failing: "what: got G, want W" */
static int hv_neq(hv_ctx *c, const char *what, long got, long want)
{
    c->detail[0] = 0;
    hv_cat(c->detail, HV_DETCAP, what);
    hv_cat(c->detail, HV_DETCAP, ": got ");
    hv_catl(c->detail, HV_DETCAP, got);
    hv_cat(c->detail, HV_DETCAP, ", want ");
    hv_catl(c->detail, HV_DETCAP, want);
    return 0;
}

static int hv_fail(hv_ctx *c, const char *what)
{
    c->detail[0] = 0;
    hv_cat(c->detail, HV_DETCAP, what);
    return 0;
}

/* Compare byte strings; on a difference describe the first one. */
static int hv_memeq(hv_ctx *c, const char *what, const void *got,
                    size_t gn, const void *want, size_t wn)
{
    const unsigned char *g = (const unsigned char *)got;
    const unsigned char *w = (const unsigned char *)want;
    size_t k;
    if (gn != wn) {
        hv_neq(c, what, (long)gn, (long)wn);
        hv_cat(c->detail, HV_DETCAP, " bytes");
        return 0;
    }
    for (k = 0; k < gn; k++)
        if (g[k] != w[k]) {
            c->detail[0] = 0;
            hv_cat(c->detail, HV_DETCAP, what);
            hv_cat(c->detail, HV_DETCAP, ": byte ");
            hv_catu(c->detail, HV_DETCAP, (unsigned long)k);
            hv_cat(c->detail, HV_DETCAP, " is X'");
            hv_catx(c->detail, HV_DETCAP, g[k], 2);
            hv_cat(c->detail, HV_DETCAP, "', want X'");
            hv_catx(c->detail, HV_DETCAP, w[k], 2);
            hv_cat(c->detail, HV_DETCAP, "'");
            return 0;
        }
    return 1;
}

static int hv_streq(hv_ctx *c, const char *what, const char *got,
                    const char *want)
{
    if (strcmp(got, want) == 0)
        return 1;
    c->detail[0] = 0;
    hv_cat(c->detail, HV_DETCAP, what);
    hv_cat(c->detail, HV_DETCAP, ": got \"");
    hv_cat(c->detail, HV_DETCAP, got);
    hv_cat(c->detail, HV_DETCAP, "\"");
    return 0;
}

/* check macros: leave the vector with a failure */
#define HV_EQ(c, what, got, want) \
    do { \
        long hv_g_ = (long)(got), hv_w_ = (long)(want); \
        if (hv_g_ != hv_w_) \
            return hv_neq((c), (what), hv_g_, hv_w_); \
    } while (0)
#define HV_TRUE(c, what, cond) \
    do { \
        if (!(cond)) \
            return hv_fail((c), (what)); \
    } while (0)
#define HV_MEM(c, what, g, gn, w, wn) \
    do { \
        if (!hv_memeq((c), (what), (g), (gn), (w), (wn))) \
            return 0; \
    } while (0)
#define HV_STR(c, what, g, w) \
    do { \
        if (!hv_streq((c), (what), (g), (w))) \
            return 0; \
    } while (0)

/* ---- a counting allocator over the program's ---- */

typedef struct hv_ca {
    const hm_alloc *base;
    size_t cur, peak;
    long live;
    size_t fail_after;  /* 0: never fail; n: the n-th call fails */
    size_t calls;
} hv_ca;

#define HV_HDR 16u

static void *hv_ca_alloc(void *ctx, size_t n)
{
    hv_ca *a = (hv_ca *)ctx;
    unsigned char *p;
    a->calls++;
    if (a->fail_after && a->calls >= a->fail_after)
        return NULL;
    p = (unsigned char *)HM_ALLOC(a->base, n + HV_HDR);
    if (!p)
        return NULL;
    *(size_t *)p = n;
    a->cur += n;
    if (a->cur > a->peak)
        a->peak = a->cur;
    a->live++;
    return p + HV_HDR;
}

static void hv_ca_release(void *ctx, void *ptr)
{
    hv_ca *a = (hv_ca *)ctx;
    unsigned char *p;
    if (!ptr)
        return;
    p = (unsigned char *)ptr - HV_HDR;
    a->cur -= *(size_t *)p;
    a->live--;
    HM_FREE(a->base, p);
}

static void hv_ca_init(hv_ca *a, hm_alloc *al, const hm_alloc *base)
{
    memset(a, 0, sizeof *a);
    a->base = base;
    al->alloc = hv_ca_alloc;
    al->release = hv_ca_release;
    al->ctx = a;
}

/* ---- a capturing log ---- */

static char hv_logbuf[8192];
static size_t hv_loglen;

static void hv_logsink(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    if (hv_loglen + len + 2 < sizeof hv_logbuf) {
        memcpy(hv_logbuf + hv_loglen, line, len);
        hv_loglen += len;
        hv_logbuf[hv_loglen++] = '\n';
        hv_logbuf[hv_loglen] = 0;
    }
}

static void hv_log_reset(hm_log *lg)
{
    hv_loglen = 0;
    hv_logbuf[0] = 0;
    hm_log_init(lg, hv_logsink, NULL);
}

/* Is s in the captured log? */
static int hv_logged(const char *s)
{
    size_t n = strlen(s), k;
    if (n > hv_loglen)
        return 0;
    for (k = 0; k + n <= hv_loglen; k++)
        if (memcmp(hv_logbuf + k, s, n) == 0)
            return 1;
    return 0;
}

/* The first logged line, for failure details. */
static int hv_logfail(hv_ctx *c, const char *what)
{
    size_t k;
    c->detail[0] = 0;
    hv_cat(c->detail, HV_DETCAP, what);
    hv_cat(c->detail, HV_DETCAP, "; log: ");
    k = strlen(c->detail);
    {
        size_t j;
        for (j = 0; j < hv_loglen && hv_logbuf[j] != '\n'
             && k + 1 < HV_DETCAP; j++)
            c->detail[k++] = hv_logbuf[j];
        c->detail[k] = 0;
    }
    return 0;
}

#endif
