/*
 * ovvm_t.h - helpers shared by the OV/VM unit tests: portable
 * conversion of test literals (execution character set, EBCDIC in
 * the EBCDIC build) to ASCII and to host EBCDIC bytes, a capture of
 * the items a parser hands out, and a log.
 */
#ifndef OVVM_T_H
#define OVVM_T_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "hm_cp.h"
#include "hm_msg.h"
#include "hm_item.h"
#include "../../extractors/ovvm/ovvm.h"

#define T_UNUSED __attribute__((unused))

static T_UNUSED void *t_alloc(void *c, size_t n)
{
    (void)c;
    return test_malloc(n);
}

static T_UNUSED void t_free(void *c, void *p)
{
    (void)c;
    if (p)
        test_free(p);
}

static T_UNUSED hm_alloc A = { t_alloc, t_free, 0 };

/* printable ASCII in the execution character set, from X'20' */
static const char T_PR[] =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

static T_UNUSED unsigned char t_a(char c)
{
    const char *p;
    if (c == '\n')
        return 0x0A;
    if (c == '\f')
        return 0x0C;
    if (c == '\t')
        return 0x09;
    for (p = T_PR; *p; p++)
        if (*p == c)
            return (unsigned char)(0x20 + (p - T_PR));
    return 0x3F;
}

/* literal -> ASCII bytes; returns the length */
static T_UNUSED size_t t_asc(const char *s, unsigned char *out)
{
    size_t n = 0;
    while (*s)
        out[n++] = t_a(*s++);
    return n;
}

/* literal -> host bytes of page cp */
static T_UNUSED size_t t_host(const hm_cpage *cp, const char *s,
                               unsigned char *out)
{
    size_t n = 0;
    while (*s) {
        int b = hm_cp_from_ucs(cp, t_a(*s++));
        out[n++] = (unsigned char)(b < 0 ? 0x6F : b);
    }
    return n;
}

/* bytes equal to a literal (taken as ASCII) */
static T_UNUSED int t_eq(const unsigned char *d, size_t n, const char *lit)
{
    unsigned char b[4096];
    size_t k = t_asc(lit, b);
    return k == n && (n == 0 || memcmp(d, b, n) == 0);
}

#define assert_text(d, n, lit) assert_true(t_eq((d), (n), (lit)))

/* the log */
typedef struct tlog {
    unsigned n, nw, ne;
    int ids[64];
    char last[512];
} tlog;

static T_UNUSED void t_logfn(void *ctx, int sev, const char *line,
                             size_t len)
{
    tlog *t = (tlog *)ctx;
    if (t->n < 64) {
        /* the id number: "HMGnnnnS" */
        int v = 0, i;
        for (i = 3; i < 7 && (size_t)i < len; i++)
            v = v * 10 + (line[i] - '0');
        t->ids[t->n] = v;
    }
    t->n++;
    if (sev == HM_SEV_W)
        t->nw++;
    if (sev >= HM_SEV_E)
        t->ne++;
    if (len >= sizeof t->last)
        len = sizeof t->last - 1;
    memcpy(t->last, line, len);
    t->last[len] = 0;
}

static T_UNUSED int t_has(const tlog *t, int id)
{
    unsigned i;
    for (i = 0; i < t->n && i < 64; i++)
        if (t->ids[i] == id)
            return 1;
    return 0;
}

static T_UNUSED void t_loginit(hm_log *lg, tlog *t)
{
    memset(t, 0, sizeof *t);
    hm_log_init(lg, t_logfn, t);
}

/* captured messages */
#define T_MAXM 64
#define T_MAXA 8

typedef struct tstr {
    unsigned char s[256];
    size_t n;
} tstr;

typedef struct tmsg {
    tstr folder;
    size_t nfolder;
    tstr sname, saddr, subject;
    tstr to[T_MAXA], toaddr[T_MAXA], cc[T_MAXA], bcc[T_MAXA];
    size_t nto, ncc, nbcc;
    unsigned char date[15];
    int unread, prio;
    unsigned char body[8192];
    size_t nbody;
    unsigned long bodysize;
    int utf8;           /* the body's hm_data.utf8 */
    hm_ov_meta meta;
    size_t natt;
    tstr attname;
} tmsg;

typedef struct tcap {
    tmsg m[T_MAXM];
    unsigned n;
    int stop_after;     /* > 0: ask to stop after so many */
} tcap;

static T_UNUSED void t_str(tstr *d, hm_text t)
{
    d->n = t.len < sizeof d->s ? t.len : sizeof d->s;
    if (d->n)
        memcpy(d->s, t.s, d->n);
}

static T_UNUSED int t_capfn(void *ctx, const hm_item *it,
                            const hm_ov_meta *meta)
{
    tcap *c = (tcap *)ctx;
    tmsg *m;
    const hm_message *g = &it->u.msg;
    size_t i;
    assert_int_equal(it->kind, HM_ITEM_MESSAGE);
    if (c->n < T_MAXM) {
        m = &c->m[c->n];
        memset(m, 0, sizeof *m);
        m->meta = *meta;
        m->nfolder = g->nfolder;
        if (g->nfolder)
            t_str(&m->folder, g->folder[0]);
        t_str(&m->sname, g->sender.name);
        t_str(&m->saddr, g->sender.addr);
        t_str(&m->subject, g->subject);
        m->nto = g->nto;
        m->ncc = g->ncc;
        m->nbcc = g->nbcc;
        for (i = 0; i < g->nto && i < T_MAXA; i++) {
            t_str(&m->to[i], g->to[i].name);
            t_str(&m->toaddr[i], g->to[i].addr);
        }
        for (i = 0; i < g->ncc && i < T_MAXA; i++)
            t_str(&m->cc[i], g->cc[i].addr);
        for (i = 0; i < g->nbcc && i < T_MAXA; i++)
            t_str(&m->bcc[i], g->bcc[i].addr);
        memcpy(m->date, g->sent.d, 14);
        assert_memory_equal(g->sent.d, g->received.d, 14);
        m->unread = g->unread;
        m->prio = g->priority;
        m->natt = g->natt;
        if (g->natt)
            t_str(&m->attname, g->att[0].name);
        if (g->nbody) {
            assert_int_equal(g->nbody, 1);
            assert_non_null(g->body[0].p);
            m->bodysize = g->body[0].size;
            m->utf8 = g->body[0].utf8;
            m->nbody = g->body[0].size < sizeof m->body
                ? g->body[0].size : sizeof m->body;
            memcpy(m->body, g->body[0].p, m->nbody);
        }
    }
    c->n++;
    if (c->stop_after && (int)c->n >= c->stop_after)
        return 1;
    return 0;
}

#endif
