/*
 * test_iebcopy.c - IEBCOPY unload reader (pure: unloads are built in
 * memory by the helpers below, also wrapped in NETDATA).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cont.h"

static void *t_alloc(void *c, size_t n)
{
    (void)c;
    return test_malloc(n);
}

static void t_free(void *c, void *p)
{
    (void)c;
    if (p)
        test_free(p);
}

static hm_alloc A = { t_alloc, t_free, 0 };

typedef struct mbuf {
    unsigned char *p;
    size_t n, cap;
} mbuf;

static int mb_write(void *ctx, const unsigned char *d, size_t n)
{
    mbuf *m = (mbuf *)ctx;
    if (m->n + n > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        while (cap < m->n + n)
            cap *= 2;
        m->p = realloc(m->p, cap);
        m->cap = cap;
    }
    memcpy(m->p + m->n, d, n);
    m->n += n;
    return 0;
}

static void put(mbuf *m, const void *d, size_t n)
{
    mb_write(m, (const unsigned char *)d, n);
}

static void put2(mbuf *m, unsigned long v)
{
    unsigned char b[2];
    b[0] = (unsigned char)(v >> 8);
    b[1] = (unsigned char)v;
    put(m, b, 2);
}

typedef struct cap {
    char text[65536];
    size_t len;
    unsigned nerr, nwarn, n;
} cap;

static void cap_log(void *ctx, int sev, const char *line, size_t len)
{
    cap *c = (cap *)ctx;
    c->n++;
    if (sev >= HM_SEV_E)
        c->nerr++;
    else if (sev == HM_SEV_W)
        c->nwarn++;
    if (c->len + len + 2 < sizeof c->text) {
        memcpy(c->text + c->len, line, len);
        c->len += len;
        c->text[c->len++] = '\n';
        c->text[c->len] = 0;
    }
}

static int has_msg(const cap *c, const char *id)
{
    return strstr(c->text, id) != NULL;
}

static void log_init(hm_log *lg, cap *c)
{
    memset(c, 0, sizeof *c);
    hm_log_init(lg, cap_log, c);
}

/* ------------------------------------------------------------------
 * building unloads
 */
typedef struct umem {
    const char *name;       /* execution charset */
    unsigned long ttr;
    unsigned char c;        /* C byte without the user data length */
    const unsigned char *user;
    unsigned nuser;
} umem;

typedef struct unload {
    mbuf r1, r2, rest;
} unload;

static void hdr(mbuf *m, unsigned mm, unsigned cc, unsigned hh,
                unsigned r, unsigned kl, unsigned dl)
{
    unsigned char h[12];
    memset(h, 0, sizeof h);
    h[1] = (unsigned char)mm;
    h[4] = (unsigned char)(cc >> 8);
    h[5] = (unsigned char)cc;
    h[6] = (unsigned char)(hh >> 8);
    h[7] = (unsigned char)hh;
    h[8] = (unsigned char)r;
    h[9] = (unsigned char)kl;
    h[10] = (unsigned char)(dl >> 8);
    h[11] = (unsigned char)dl;
    put(m, h, 12);
}

static void copyr1(mbuf *m, unsigned recfm, unsigned lrecl,
                   unsigned blksize, unsigned trkcyl, int prefix)
{
    unsigned char r[56];
    memset(r, 0, sizeof r);
    r[1] = 0xCA;
    r[2] = 0x6D;
    r[3] = 0x0F;
    r[4] = 0x02;
    r[6] = (unsigned char)(blksize >> 8);
    r[7] = (unsigned char)blksize;
    r[8] = (unsigned char)(lrecl >> 8);
    r[9] = (unsigned char)lrecl;
    r[10] = (unsigned char)recfm;
    r[16] = 0x30;
    r[17] = 0x50;
    r[18] = 0x20;
    r[19] = 0x0F;
    r[26] = (unsigned char)(trkcyl >> 8);
    r[27] = (unsigned char)trkcyl;
    r[37] = 2;
    if (prefix) {
        put2(m, 56 + 8);
        put2(m, 0);
        put2(m, 56 + 4);
        put2(m, 0);
    }
    put(m, r, sizeof r);
}

/* extents: {scc, shh, ecc, ehh, ntrk} */
static void copyr2(mbuf *m, const unsigned (*ext)[5], unsigned n)
{
    unsigned char r[276];
    unsigned i, k;
    memset(r, 0, sizeof r);
    for (i = 0; i < n; i++) {
        unsigned char *e = r + 16 + 16 * i;
        for (k = 0; k < 5; k++) {
            e[6 + 2 * k] = (unsigned char)(ext[i][k] >> 8);
            e[7 + 2 * k] = (unsigned char)ext[i][k];
        }
    }
    put(m, r, sizeof r);
}

static void ename(const char *name, unsigned char *e)
{
    size_t n = strlen(name);
    memset(e, 0x40, 8);
    hm_cont_x2e(name, n, e);
}

/* directory: entries packed into 256-byte blocks, end entry, EOF */
static void directory(mbuf *m, const umem *mem, unsigned n)
{
    unsigned char blk[256];
    size_t used = 2;
    unsigned i;
    unsigned char last[8];
    memset(blk, 0, sizeof blk);
    for (i = 0; i <= n; i++) {
        size_t need = i < n ? 12 + mem[i].nuser : 8;
        if (used + need > 256) {
            hdr(m, 0, 0, 0, 0, 8, 256);
            blk[0] = (unsigned char)(used >> 8);
            blk[1] = (unsigned char)used;
            put(m, last, 8);
            put(m, blk, 256);
            memset(blk, 0, sizeof blk);
            used = 2;
        }
        if (i < n) {
            unsigned char *e = blk + used;
            ename(mem[i].name, e);
            memcpy(last, e, 8);
            e[8] = (unsigned char)(mem[i].ttr >> 16);
            e[9] = (unsigned char)(mem[i].ttr >> 8);
            e[10] = (unsigned char)mem[i].ttr;
            e[11] = (unsigned char)(mem[i].c | (mem[i].nuser / 2));
            if (mem[i].nuser)
                memcpy(e + 12, mem[i].user, mem[i].nuser);
            used += need;
        } else {
            memset(blk + used, 0xFF, 8);
            memset(last, 0xFF, 8);
            used += 8;
        }
    }
    hdr(m, 0, 0, 0, 0, 8, 256);
    blk[0] = (unsigned char)(used >> 8);
    blk[1] = (unsigned char)used;
    put(m, last, 8);
    put(m, blk, 256);
    hdr(m, 0, 0, 0, 0, 0, 0);
}

static void block(mbuf *m, unsigned mm, unsigned cc, unsigned hh,
                  unsigned r, const unsigned char *d, unsigned n)
{
    hdr(m, mm, cc, hh, r, 0, n);
    put(m, d, n);
}

static void eof(mbuf *m)
{
    hdr(m, 0, 0, 0, 0, 0, 0);
}

/* Feed an unload: COPYR1, COPYR2, then the rest in pieces of chunk
 * bytes. Returns the collector after hm_ieb_finish. */
static hm_ieb *feed(const unload *u, size_t chunk, hm_log *lg)
{
    hm_ieb *b = hm_ieb_open(&A, lg, "PDS", 0);
    size_t pos;
    hm_ieb_feed(b, u->r1.p, u->r1.n);
    hm_ieb_feed(b, u->r2.p, u->r2.n);
    for (pos = 0; pos < u->rest.n; pos += chunk)
        hm_ieb_feed(b, u->rest.p + pos,
                    u->rest.n - pos < chunk ? u->rest.n - pos : chunk);
    hm_ieb_finish(b);
    return b;
}

static void free_unload(unload *u)
{
    free(u->r1.p);
    free(u->r2.p);
    free(u->rest.p);
}

static void fill_rec(unsigned char *d, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        d[i] = (unsigned char)(0xC1 + ((seed + i) % 9));
}

/* ISPF statistics: 01.05, created 2024-02-01, changed 2024-02-29
 * 13:45:26, 16 lines, 12 initial, 2 modified, IBMUSER */
static const unsigned char ISPF[30] = {
    0x01, 0x05, 0x00, 0x26, 0x01, 0x24, 0x03, 0x2F, 0x01, 0x24, 0x06,
    0x0F, 0x13, 0x45, 0x00, 0x10, 0x00, 0x0C, 0x00, 0x02, 0xC9, 0xC2,
    0xD4, 0xE4, 0xE2, 0xC5, 0xD9, 0x40, 0x40, 0x40
};

static const unsigned EXT[2][5] = {
    { 10, 0, 10, 14, 15 }, { 20, 5, 21, 4, 15 }
};

/* The standard FB 80 PDS: ALPHA (3 records in 2 blocks), BETA alias
 * of ALPHA, GAMMA (ISPF stats, in extent 1), ZBIN binary. */
static void build_fb(unload *u, unsigned trkcyl, int prefix)
{
    unsigned char d[240];
    umem mem[4];
    memset(u, 0, sizeof *u);
    memset(mem, 0, sizeof mem);
    mem[0].name = "ALPHA";
    mem[0].ttr = 0x000001;
    mem[1].name = "BETA";
    mem[1].ttr = 0x000001;
    mem[1].c = 0x80;
    mem[2].name = "GAMMA";
    mem[2].ttr = 0x000F02; /* track 15 = extent 1, first track */
    mem[2].user = ISPF;
    mem[2].nuser = 30;
    mem[3].name = "ZBIN";
    mem[3].ttr = 0x000103;
    copyr1(&u->r1, 0x90, 80, 3200, trkcyl, prefix);
    copyr2(&u->r2, EXT, 2);
    directory(&u->rest, mem, 4);
    fill_rec(d, 240, 1);
    block(&u->rest, 0, 10, 0, 1, d, 160);
    block(&u->rest, 0, 10, 0, 2, d + 160, 80);
    eof(&u->rest);
    /* ZBIN at track 1, record 3 */
    {
        unsigned char bin[160];
        unsigned i;
        for (i = 0; i < 160; i++)
            bin[i] = (unsigned char)i;
        block(&u->rest, 0, 10, 1, 3, bin, 160);
        eof(&u->rest);
    }
    /* GAMMA: extent 1 starts at CC 20 HH 5 */
    fill_rec(d, 80, 7);
    block(&u->rest, 1, 20, 5, 2, d, 80);
    eof(&u->rest);
}

static void check_fb(hm_ieb *b)
{
    const hm_ieb_member *m;
    hm_ieb_iter it;
    const unsigned char *d;
    size_t n;
    unsigned char want[240];
    unsigned i;
    assert_int_equal(hm_ieb_failed(b), 0);
    assert_int_equal(hm_ieb_count(b), 4);
    assert_int_equal(hm_ieb_recfm(b), 0x90);
    assert_int_equal(hm_ieb_lrecl(b), 80);
    assert_int_equal(hm_ieb_blksize(b), 3200);
    m = hm_ieb_member_at(b, 0);
    assert_string_equal(m->name, "ALPHA");
    assert_int_equal(m->has_data, 1);
    assert_int_equal(m->nblocks, 2);
    assert_int_equal(m->nbytes, 240);
    assert_int_equal(m->is_alias, 0);
    m = hm_ieb_member_at(b, 1);
    assert_string_equal(m->name, "BETA");
    assert_int_equal(m->is_alias, 1);
    assert_non_null(m->alias_of);
    assert_string_equal(m->alias_of, "ALPHA");
    assert_int_equal(m->has_data, 1);
    m = hm_ieb_member_at(b, 2);
    assert_string_equal(m->name, "GAMMA");
    assert_int_equal(m->has_ispf, 1);
    assert_int_equal(m->ispf.ver, 1);
    assert_int_equal(m->ispf.mod, 5);
    assert_string_equal(m->ispf.created, "2024-02-01");
    assert_string_equal(m->ispf.changed, "2024-02-29 13:45:26");
    assert_int_equal(m->ispf.lines, 16);
    assert_int_equal(m->ispf.init, 12);
    assert_int_equal(m->ispf.modified, 2);
    assert_string_equal(m->ispf.user, "IBMUSER");
    assert_int_equal(hm_ieb_find(b, "GAMMA"), 2);
    assert_int_equal(hm_ieb_find(b, "ZBIN  "), 3);
    assert_int_equal(hm_ieb_find(b, "NONE"), -1);
    /* records */
    fill_rec(want, 240, 1);
    for (i = 0; i < 2; i++) {
        unsigned k;
        assert_int_equal(hm_ieb_iter_init(b, i, HM_IEB_RECORDS, &it), 0);
        for (k = 0; k < 3; k++) {
            assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
            assert_int_equal(n, 80);
            assert_memory_equal(d, want + 80 * k, 80);
        }
        assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 0);
    }
    assert_int_equal(hm_ieb_iter_init(b, 2, HM_IEB_RECORDS, &it), 0);
    fill_rec(want, 80, 7);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
    assert_memory_equal(d, want, 80);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 0);
    assert_int_equal(hm_ieb_iter_init(b, 3, HM_IEB_BLOCKS, &it), 0);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
    assert_int_equal(n, 160);
    assert_int_equal(d[159], 159);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 0);
    assert_int_equal(hm_ieb_member_is_text(b, 0), 1);
    assert_int_equal(hm_ieb_member_is_text(b, 3), 0);
}

static void test_fb(void **state)
{
    unload u;
    hm_log lg;
    cap c;
    hm_ieb *b;
    size_t chunks[] = { 1, 7, 276, 100000 };
    unsigned i;
    (void)state;
    build_fb(&u, 15, 0);
    for (i = 0; i < 4; i++) {
        log_init(&lg, &c);
        b = feed(&u, chunks[i], &lg);
        check_fb(b);
        assert_int_equal(c.n, 0);
        hm_ieb_close(b);
    }
    free_unload(&u);
}

static void test_prefix(void **state)
{
    unload u;
    hm_log lg;
    cap c;
    hm_ieb *b;
    (void)state;
    build_fb(&u, 15, 1);
    log_init(&lg, &c);
    b = feed(&u, 100000, &lg);
    check_fb(b);
    hm_ieb_close(b);
    free_unload(&u);
}

/* no usable track geometry: matched by order, same result */
static void test_order(void **state)
{
    unload u;
    hm_log lg;
    cap c;
    hm_ieb *b;
    (void)state;
    build_fb(&u, 0, 0);
    log_init(&lg, &c);
    b = feed(&u, 500, &lg);
    check_fb(b);
    assert_true(has_msg(&c, "HMG0236W"));
    assert_int_equal(c.nerr, 0);
    hm_ieb_close(b);
    free_unload(&u);
}

static void describe_line(void *ctx, const char *line, size_t len)
{
    unsigned *n = (unsigned *)ctx;
    assert_int_equal(strlen(line), len);
    (*n)++;
}

/* the same PDS inside NETDATA, with a message file first */
static void test_in_netdata(void **state)
{
    unload u;
    mbuf m = { 0, 0, 0 };
    hm_ndw w;
    hm_ndw_head h = { "N1", "U1", "N2", "U2", "20240101000000", 2, 0 };
    hm_ndw_file msg, ieb, inm;
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *f;
    hm_ieb *b;
    size_t pos;
    unsigned lines = 0;
    (void)state;
    build_fb(&u, 15, 0);
    memset(&msg, 0, sizeof msg);
    msg.message = 1;
    msg.recfm = 0x5002;
    msg.lrecl = 80;
    memset(&ieb, 0, sizeof ieb);
    ieb.name = "USER.PDS";
    ieb.utility = "IEBCOPY";
    ieb.dsorg = HM_ND_ORG_PO;
    ieb.recfm = 0x9000;
    ieb.lrecl = 80;
    ieb.blksize = 3200;
    inm = ieb;
    inm.utility = "INMCOPY";
    inm.dsorg = HM_ND_ORG_PS;
    inm.recfm = 0x4802;
    inm.lrecl = 3216;
    hm_ndw_begin(&w, mb_write, &m, &h);
    hm_ndw_announce(&w, 1, &msg);
    hm_ndw_announce(&w, 2, &ieb);
    hm_ndw_announce(&w, 2, &inm);
    hm_ndw_data(&w, &msg);
    hm_ndw_record(&w, (const unsigned char *)"\xC8\xC9", 2);
    hm_ndw_data(&w, &inm);
    hm_ndw_record(&w, u.r1.p, u.r1.n);
    hm_ndw_record(&w, u.r2.p, u.r2.n);
    for (pos = 0; pos < u.rest.n; pos += 1000)
        hm_ndw_record(&w, u.rest.p + pos,
                      u.rest.n - pos < 1000 ? u.rest.n - pos : 1000);
    hm_ndw_end(&w);

    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_int_equal(hm_nd_next_file(r, &f), 1);
    assert_int_equal(f->is_message, 1);
    assert_int_equal(hm_nd_file_count(r), 2);
    assert_int_equal(hm_nd_next_file(r, &f), 1);
    assert_int_equal(f->number, 2);
    assert_int_equal(f->is_pds, 1);
    assert_string_equal(f->name, "USER.PDS");
    assert_int_equal(f->dsorg, HM_ND_ORG_PO);
    assert_int_equal(f->recfm, 0x9000);
    assert_int_equal(f->lrecl, 80);
    assert_int_equal(f->data_recfm, 0x4802);
    assert_string_equal(f->utilities, "IEBCOPY INMCOPY");
    b = hm_nd_read_pds(r, &A, &lg, f->name);
    check_fb(b);
    hm_ieb_describe(b, describe_line, &lines);
    assert_int_equal(lines, 5);
    hm_ieb_close(b);
    assert_int_equal(hm_nd_next_file(r, &f), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);

    lines = 0;
    hm_memsrc_init(&src, m.p, m.n);
    assert_int_equal(hm_nd_describe(&A, hm_memsrc_read, &src, &lg, "t",
                                    describe_line, &lines), 0);
    assert_true(lines > 30);
    free(m.p);
    free_unload(&u);
}

/* VB members: BDW + RDWs; a bad RDW skips the rest of its block */
static void test_vb(void **state)
{
    unload u;
    umem mem[1];
    hm_log lg;
    cap c;
    hm_ieb *b;
    hm_ieb_iter it;
    const unsigned char *d;
    size_t n;
    mbuf blk = { 0, 0, 0 };
    unsigned char x[50];
    (void)state;
    memset(&u, 0, sizeof u);
    memset(mem, 0, sizeof mem);
    mem[0].name = "VMEM";
    mem[0].ttr = 0x000001;
    copyr1(&u.r1, 0x50, 255, 6233, 15, 0);
    copyr2(&u.r2, EXT, 1);
    directory(&u.rest, mem, 1);
    fill_rec(x, sizeof x, 3);
    put2(&blk, 4 + 14 + 54);
    put2(&blk, 0);
    put2(&blk, 14);
    put2(&blk, 0);
    put(&blk, x, 10);
    put2(&blk, 54);
    put2(&blk, 0);
    put(&blk, x, 50);
    block(&u.rest, 0, 10, 0, 1, blk.p, (unsigned)blk.n);
    /* second block: a zero RDW */
    blk.n = 0;
    put2(&blk, 4 + 4 + 8);
    put2(&blk, 0);
    put2(&blk, 6);
    put2(&blk, 0);
    put(&blk, x, 2);
    put2(&blk, 0);
    put2(&blk, 0);
    put(&blk, x, 4);
    block(&u.rest, 0, 10, 0, 2, blk.p, (unsigned)blk.n);
    eof(&u.rest);
    log_init(&lg, &c);
    b = feed(&u, 33, &lg);
    assert_int_equal(hm_ieb_failed(b), 0);
    assert_int_equal(hm_ieb_iter_init(b, 0, HM_IEB_RECORDS, &it), 0);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
    assert_int_equal(n, 10);
    assert_memory_equal(d, x, 10);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
    assert_int_equal(n, 50);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
    assert_int_equal(n, 2);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 0);
    assert_true(has_msg(&c, "HMG0239E"));
    assert_int_equal(hm_ieb_member_is_text(b, 0), 1);
    hm_ieb_close(b);
    free_unload(&u);
    free(blk.p);
}

/* U members, a member without data and data without a member */
static void test_u_nodata(void **state)
{
    unload u;
    umem mem[2];
    hm_log lg;
    cap c;
    hm_ieb *b;
    hm_ieb_iter it;
    const unsigned char *d;
    size_t n;
    unsigned char x[300];
    (void)state;
    memset(&u, 0, sizeof u);
    memset(mem, 0, sizeof mem);
    mem[0].name = "LOAD1";
    mem[0].ttr = 0x000001;
    mem[1].name = "LOST";
    mem[1].ttr = 0x000005;
    copyr1(&u.r1, 0xC0, 0, 6144, 15, 0);
    copyr2(&u.r2, EXT, 1);
    directory(&u.rest, mem, 2);
    fill_rec(x, sizeof x, 1);
    block(&u.rest, 0, 10, 0, 1, x, 300);
    block(&u.rest, 0, 10, 0, 2, x, 100);
    eof(&u.rest);
    block(&u.rest, 0, 10, 0, 9, x, 10);
    eof(&u.rest);
    log_init(&lg, &c);
    b = feed(&u, 50, &lg);
    assert_int_equal(hm_ieb_failed(b), 0);
    assert_int_equal(hm_ieb_iter_init(b, 0, HM_IEB_RECORDS, &it), 0);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
    assert_int_equal(n, 300);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 1);
    assert_int_equal(n, 100);
    assert_int_equal(hm_ieb_iter_next(&it, &d, &n), 0);
    assert_int_equal(hm_ieb_member_is_text(b, 0), 0);
    assert_int_equal(hm_ieb_member_at(b, 1)->has_data, 0);
    assert_int_equal(hm_ieb_iter_init(b, 1, HM_IEB_RECORDS, &it), -1);
    assert_true(has_msg(&c, "HMG0234W"));
    assert_true(has_msg(&c, "HMG0235W"));
    hm_ieb_close(b);
    free_unload(&u);
}

static void test_not_unload(void **state)
{
    hm_log lg;
    cap c;
    hm_ieb *b;
    static const unsigned char junk[60] = { 1, 2, 3, 4 };
    (void)state;
    log_init(&lg, &c);
    b = hm_ieb_open(&A, &lg, "X", 0);
    assert_int_equal(hm_ieb_feed(b, junk, sizeof junk), -1);
    assert_int_equal(hm_ieb_finish(b), -1);
    assert_true(has_msg(&c, "HMG0230E"));
    assert_int_equal(hm_ieb_count(b), 0);
    hm_ieb_close(b);
    log_init(&lg, &c);
    b = hm_ieb_open(&A, &lg, "X", 0);
    assert_int_equal(hm_ieb_finish(b), -1);
    hm_ieb_close(b);
    /* a size limit */
    {
        unload u;
        build_fb(&u, 15, 0);
        log_init(&lg, &c);
        b = hm_ieb_open(&A, &lg, "X", 100);
        hm_ieb_feed(b, u.r1.p, u.r1.n);
        hm_ieb_feed(b, u.r2.p, u.r2.n);
        assert_int_equal(hm_ieb_feed(b, u.rest.p, u.rest.n), -1);
        assert_true(has_msg(&c, "HMG0237E"));
        hm_ieb_close(b);
        free_unload(&u);
    }
}

/* every cut and many byte changes: no crash, errors reported */
static void test_damage(void **state)
{
    unload u, v;
    hm_log lg;
    cap c;
    size_t cut, i;
    (void)state;
    build_fb(&u, 15, 0);
    v = u;
    for (cut = 0; cut <= u.rest.n; cut++) {
        hm_ieb *b;
        unsigned long k;
        v.rest.n = cut;
        log_init(&lg, &c);
        b = feed(&v, 64, &lg);
        for (k = 0; k < hm_ieb_count(b); k++) {
            hm_ieb_iter it;
            const unsigned char *d;
            size_t n;
            if (hm_ieb_iter_init(b, k, HM_IEB_RECORDS, &it) == 0)
                while (hm_ieb_iter_next(&it, &d, &n) == 1)
                    ;
        }
        if (hm_ieb_failed(b))
            assert_true(c.nerr > 0);
        if (cut < u.rest.n)
            assert_true(c.n > 0);
        hm_ieb_close(b);
    }
    v.rest.p = malloc(u.rest.n);
    v.rest.n = u.rest.n;
    for (i = 0; i < u.rest.n; i++) {
        unsigned t;
        for (t = 0; t < 3; t++) {
            hm_ieb *b;
            unsigned long k;
            memcpy(v.rest.p, u.rest.p, u.rest.n);
            v.rest.p[i] = t == 0 ? 0xFF : t == 1 ? 0 : (unsigned char)~
                          v.rest.p[i];
            log_init(&lg, &c);
            b = feed(&v, 1000, &lg);
            for (k = 0; k < hm_ieb_count(b); k++) {
                hm_ieb_iter it;
                const unsigned char *d;
                size_t n;
                hm_ieb_member_is_text(b, k);
                if (hm_ieb_iter_init(b, k, HM_IEB_RECORDS, &it) == 0)
                    while (hm_ieb_iter_next(&it, &d, &n) == 1)
                        ;
            }
            if (hm_ieb_failed(b))
                assert_true(c.nerr > 0);
            hm_ieb_close(b);
        }
    }
    free(v.rest.p);
    free_unload(&u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fb),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_in_netdata),
        cmocka_unit_test(test_vb),
        cmocka_unit_test(test_u_nodata),
        cmocka_unit_test(test_not_unload),
        cmocka_unit_test(test_damage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
