/*
 * test_netdata.c - NETDATA reader, writer and detection (pure: the
 * transmissions are built in memory with the writer).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cont.h"

/* ------------------------------------------------------------------
 * helpers
 */
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

/* a few EBCDIC strings */
static const unsigned char E_HELLO[] = { 0xC8, 0x85, 0x93, 0x93, 0x96 };

static void fill_rec(unsigned char *d, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        d[i] = (unsigned char)(0x40 + ((seed * 7 + i) % 0x80));
}

static const hm_ndw_head HEAD = {
    "NODEA", "USERA", "NODEB", "USERB", "20240102030405", 1, 0
};

/* ------------------------------------------------------------------
 * round trips
 */
static void test_seq_roundtrip(void **state)
{
    mbuf m = { 0, 0, 0 };
    hm_ndw w;
    hm_ndw_file f;
    unsigned char blk[240], one[80];
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *nf;
    const hm_nd_trans *t;
    const unsigned char *d;
    size_t n;
    int i;
    (void)state;
    memset(&f, 0, sizeof f);
    f.name = "USER1.TEST.DATA";
    f.recfm = 0x9000;
    f.lrecl = 80;
    f.blksize = 3200;
    f.size = 400;
    f.changed = "20231231235959";
    assert_int_equal(hm_ndw_begin(&w, mb_write, &m, &HEAD), 0);
    assert_int_equal(hm_ndw_announce(&w, 1, &f), 0);
    assert_int_equal(hm_ndw_data(&w, &f), 0);
    fill_rec(one, 80, 1);
    assert_int_equal(hm_ndw_record(&w, one, 80), 0);
    /* a block of three records in one NETDATA record */
    fill_rec(blk, 80, 2);
    fill_rec(blk + 80, 80, 3);
    fill_rec(blk + 160, 80, 4);
    assert_int_equal(hm_ndw_record(&w, blk, 240), 0);
    /* a record split over two NETDATA records */
    fill_rec(one, 80, 5);
    assert_int_equal(hm_ndw_record(&w, one, 30), 0);
    assert_int_equal(hm_ndw_record(&w, one + 30, 50), 0);
    assert_int_equal(hm_ndw_end(&w), 0);
    assert_int_equal(m.n % 80, 0);
    assert_int_equal(m.p[m.n - 1], 0x40);

    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    src.chunk = 7; /* a source that hands out small pieces */
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_non_null(r);
    t = hm_nd_info(r);
    assert_string_equal(t->fnode, "NODEA");
    assert_string_equal(t->fuid, "USERA");
    assert_string_equal(t->tnode, "NODEB");
    assert_string_equal(t->tuid, "USERB");
    assert_string_equal(t->ftime, "20240102030405");
    assert_int_equal(t->seglen, 80);
    assert_int_equal(t->numf, 1);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_int_equal(hm_nd_file_count(r), 1);
    assert_string_equal(nf->name, "USER1.TEST.DATA");
    assert_int_equal(nf->is_message, 0);
    assert_int_equal(nf->is_cms, 0);
    assert_int_equal(nf->is_pds, 0);
    assert_int_equal(nf->recfm, 0x9000);
    assert_int_equal(nf->lrecl, 80);
    assert_int_equal(nf->blksize, 3200);
    assert_int_equal(nf->dsorg, HM_ND_ORG_PS);
    assert_string_equal(nf->changed, "20231231235959");
    assert_string_equal(nf->utilities, "INMCOPY");
    for (i = 1; i <= 5; i++) {
        unsigned char want[80];
        fill_rec(want, 80, (unsigned)i);
        assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
        assert_int_equal(n, 80);
        assert_memory_equal(d, want, 80);
    }
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_int_equal(nf->nrecords, 5);
    assert_int_equal(nf->ndata, 4);
    assert_int_equal(hm_nd_next_file(r, &nf), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(m.p);
}

static void test_cms_message(void **state)
{
    mbuf m = { 0, 0, 0 };
    hm_ndw w;
    hm_ndw_file msg, cms;
    hm_ndw_head h = HEAD;
    unsigned char big[1000], blank = 0x40;
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    size_t lens[] = { 5, 0, 253, 254, 1000, 1 };
    unsigned i;
    (void)state;
    memset(&msg, 0, sizeof msg);
    msg.message = 1;
    msg.recfm = 0x0002;
    msg.lrecl = 132;
    memset(&cms, 0, sizeof cms);
    cms.name = "PROFILE EXEC A2";
    cms.cms = 1;
    cms.recfm = 0x0002;
    cms.lrecl = 1000;
    h.numf = 2;
    fill_rec(big, sizeof big, 9);
    hm_ndw_begin(&w, mb_write, &m, &h);
    hm_ndw_announce(&w, 1, &msg);
    hm_ndw_announce(&w, 2, &cms);
    hm_ndw_data(&w, &msg);
    hm_ndw_record(&w, E_HELLO, 5);
    hm_ndw_record(&w, &blank, 1);
    hm_ndw_data(&w, &cms);
    for (i = 0; i < 6; i++)
        hm_ndw_record(&w, i == 0 ? E_HELLO : big, lens[i]);
    assert_int_equal(hm_ndw_end(&w), 0);

    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_int_equal(hm_nd_file_count(r), 2);
    assert_int_equal(nf->number, 1);
    assert_int_equal(nf->is_message, 1);
    assert_string_equal(nf->name, "");
    assert_int_equal(nf->recfm, 0x0002);
    assert_int_equal(nf->lrecl, 132);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 5);
    assert_memory_equal(d, E_HELLO, 5);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 1);
    assert_int_equal(d[0], 0x40);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_int_equal(nf->number, 2);
    assert_int_equal(nf->is_cms, 1);
    assert_string_equal(nf->name, "PROFILE EXEC A2");
    assert_string_equal(nf->cms_fn, "PROFILE");
    assert_string_equal(nf->cms_ft, "EXEC");
    assert_string_equal(nf->cms_fm, "A2");
    for (i = 0; i < 6; i++) {
        assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
        assert_int_equal(n, lens[i]);
        if (i > 0)
            assert_memory_equal(d, big, n);
    }
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_int_equal(hm_nd_next_file(r, &nf), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(m.p);
}

/* files skipped without reading their data; INMR04; INMRECCT off */
static void test_skip_and_user(void **state)
{
    mbuf m = { 0, 0, 0 };
    hm_ndw w;
    hm_ndw_file f[3];
    hm_ndw_head h = HEAD;
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    unsigned i, k;
    static const char *const names[3] = { "A.B", "C.D.E", "F" };
    (void)state;
    h.numf = 3;
    h.ack = 1;
    hm_ndw_begin(&w, mb_write, &m, &h);
    hm_ndw_user(&w, "PARM1");
    for (i = 0; i < 3; i++) {
        memset(&f[i], 0, sizeof f[i]);
        f[i].name = names[i];
        f[i].recfm = 0x4002;
        f[i].lrecl = 100;
        hm_ndw_announce(&w, i + 1, &f[i]);
    }
    for (i = 0; i < 3; i++) {
        hm_ndw_data(&w, &f[i]);
        for (k = 0; k <= i + 1; k++)
            hm_ndw_record(&w, E_HELLO, k + 1);
    }
    hm_ndw_end(&w);
    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_int_equal(hm_nd_info(r)->ack_requested, 1);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_string_equal(hm_nd_info(r)->userp, "PARM1");
    assert_string_equal(nf->name, "A.B");
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_string_equal(nf->name, "C.D.E");
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 1);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_string_equal(nf->name, "F");
    for (k = 0; k < 4; k++) {
        assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
        assert_int_equal(n, k + 1);
    }
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_int_equal(hm_nd_next_file(r, &nf), 0);
    assert_int_equal(hm_nd_file_at(r, 0)->ndata, 2);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(m.p);
}

static void test_ack(void **state)
{
    mbuf m = { 0, 0, 0 };
    hm_ndw w;
    hm_ndw_head h = HEAD;
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *nf;
    (void)state;
    h.numf = 0;
    hm_ndw_begin(&w, mb_write, &m, &h);
    hm_ndw_ack(&w, "20240101000000", "SYS1.MACLIB", "RECEIVED");
    hm_ndw_end(&w);
    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_int_equal(hm_nd_next_file(r, &nf), 0);
    assert_int_equal(hm_nd_info(r)->is_ack, 1);
    assert_string_equal(hm_nd_info(r)->ack_name, "SYS1.MACLIB");
    assert_string_equal(hm_nd_info(r)->ack_errcd, "RECEIVED");
    assert_string_equal(hm_nd_info(r)->ack_time, "20240101000000");
    assert_int_equal(hm_nd_file_count(r), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(m.p);
}

/* F records: short last record is a warning, not an error */
static void test_short_last(void **state)
{
    mbuf m = { 0, 0, 0 };
    hm_ndw w;
    hm_ndw_file f;
    unsigned char rec[100];
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    (void)state;
    memset(&f, 0, sizeof f);
    f.name = "X";
    f.recfm = 0x8000;
    f.lrecl = 40;
    fill_rec(rec, 100, 1);
    hm_ndw_begin(&w, mb_write, &m, &HEAD);
    hm_ndw_announce(&w, 1, &f);
    hm_ndw_data(&w, &f);
    hm_ndw_record(&w, rec, 100);
    hm_ndw_end(&w);
    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 40);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 40);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 20);
    assert_memory_equal(d, rec + 80, 20);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_true(has_msg(&c, "HMG0210W"));
    assert_int_equal(c.nerr, 0);
    assert_int_equal(hm_nd_next_file(r, &nf), 0);
    hm_nd_close(r);
    free(m.p);
}

/* ------------------------------------------------------------------
 * segments
 */
/* Build INMR01 + INMR02 + INMR03, then what fn adds, then maybe
 * INMR06. */
typedef void (*body_fn)(hm_ndw *w);

static void build(mbuf *m, body_fn body, int trailer)
{
    hm_ndw w;
    hm_ndw_file f;
    memset(&f, 0, sizeof f);
    f.name = "S.T";
    f.recfm = 0x4002;
    f.lrecl = 300;
    hm_ndw_begin(&w, mb_write, m, &HEAD);
    hm_ndw_announce(&w, 1, &f);
    hm_ndw_data(&w, &f);
    body(&w);
    if (trailer)
        hm_ndw_end(&w);
    else if (w.cardlen) {
        memset(w.card + w.cardlen, 0x40, 80 - w.cardlen);
        mb_write(m, w.card, 80);
    }
}

/* read everything; returns -1 if any call failed */
static int read_all(const unsigned char *p, size_t n, cap *c,
                    unsigned long *nrec)
{
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t len;
    int k, rc = 0;
    *nrec = 0;
    log_init(&lg, c);
    hm_memsrc_init(&src, p, n);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    if (!r)
        return -1;
    while ((k = hm_nd_next_file(r, &nf)) == 1) {
        if (nf->is_pds) {
            hm_ieb *b = hm_nd_read_pds(r, &A, &lg, "p");
            unsigned long i;
            if (hm_ieb_failed(b))
                rc = -1;
            for (i = 0; i < hm_ieb_count(b); i++) {
                hm_ieb_iter it;
                if (hm_ieb_iter_init(b, i, HM_IEB_RECORDS, &it) < 0)
                    continue;
                hm_ieb_member_is_text(b, i);
                while ((k = hm_ieb_iter_next(&it, &d, &len)) == 1)
                    (*nrec)++;
            }
            hm_ieb_close(b);
            continue;
        }
        while ((k = hm_nd_next_record(r, &d, &len)) == 1)
            (*nrec)++;
        if (k < 0)
            rc = -1;
    }
    if (k < 0)
        rc = -1;
    hm_nd_close(r);
    return rc;
}

static void body_edges(hm_ndw *w)
{
    unsigned char d[600];
    fill_rec(d, sizeof d, 3);
    hm_ndw_record(w, d, 253);
    hm_ndw_record(w, d, 254);
    hm_ndw_record(w, d, 506);
    hm_ndw_record(w, d, 0);
    /* a record of an empty first segment and a 3-byte last one */
    hm_ndw_segment(w, 2, 0x80, d, 0);
    hm_ndw_segment(w, 5, 0x40, d, 3);
    /* a record-number segment (X'10'): not data */
    hm_ndw_segment(w, 6, 0xD0, d, 4);
}

static void test_segment_edges(void **state)
{
    mbuf m = { 0, 0, 0 };
    cap c;
    unsigned long nrec;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    static const size_t want[] = { 253, 254, 506, 0, 3 };
    unsigned i;
    (void)state;
    build(&m, body_edges, 1);
    assert_int_equal(read_all(m.p, m.n, &c, &nrec), 0);
    assert_int_equal(nrec, 5);
    assert_int_equal(c.n, 0);
    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    for (i = 0; i < 5; i++) {
        assert_int_equal(hm_nd_next_data(r, &d, &n), 1);
        assert_int_equal(n, want[i]);
    }
    assert_int_equal(hm_nd_next_data(r, &d, &n), 0);
    hm_nd_close(r);
    free(m.p);
}

static void body_badlen(hm_ndw *w)
{
    hm_ndw_record(w, E_HELLO, 5);
    hm_ndw_segment(w, 1, 0xC0, E_HELLO, 0);
}

static void body_noFirst(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0x40, E_HELLO, 5);
}

static void body_twoFirst(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0x80, E_HELLO, 5);
    hm_ndw_segment(w, 7, 0xC0, E_HELLO, 5);
}

static void body_mixed(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0x80, E_HELLO, 5);
    hm_ndw_segment(w, 7, 0x60, E_HELLO, 5);
}

static void body_unknown_ctl(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0xE0, E_HELLO, 5);
    hm_ndw_record(w, E_HELLO, 5);
}

static void body_none(hm_ndw *w)
{
    hm_ndw_record(w, E_HELLO, 5);
    hm_ndw_record(w, E_HELLO, 3);
}

static void test_segment_errors(void **state)
{
    mbuf m;
    cap c;
    unsigned long nrec;
    (void)state;
    memset(&m, 0, sizeof m);
    build(&m, body_badlen, 1);
    assert_int_equal(read_all(m.p, m.n, &c, &nrec), -1);
    assert_true(has_msg(&c, "HMG0201E"));
    assert_int_equal(nrec, 1);
    free(m.p);

    memset(&m, 0, sizeof m);
    build(&m, body_noFirst, 1);
    assert_int_equal(read_all(m.p, m.n, &c, &nrec), -1);
    assert_true(has_msg(&c, "HMG0202E"));
    free(m.p);

    memset(&m, 0, sizeof m);
    build(&m, body_twoFirst, 1);
    assert_int_equal(read_all(m.p, m.n, &c, &nrec), -1);
    assert_true(has_msg(&c, "HMG0202E"));
    free(m.p);

    memset(&m, 0, sizeof m);
    build(&m, body_mixed, 1);
    assert_int_equal(read_all(m.p, m.n, &c, &nrec), -1);
    assert_true(has_msg(&c, "HMG0202E"));
    free(m.p);

    /* an unknown control record ends the data: a warning */
    memset(&m, 0, sizeof m);
    build(&m, body_unknown_ctl, 1);
    read_all(m.p, m.n, &c, &nrec);
    assert_true(has_msg(&c, "HMG0206W"));
    free(m.p);

    /* no trailer: cut short, a warning; the records are kept */
    memset(&m, 0, sizeof m);
    build(&m, body_none, 0);
    assert_int_equal(read_all(m.p, m.n, &c, &nrec), 0);
    assert_true(has_msg(&c, "HMG0203W"));
    assert_int_equal(c.nerr, 0);
    assert_int_equal(nrec, 2);
    free(m.p);

    /* not NETDATA at all */
    {
        static const unsigned char junk[80] = { 1, 2, 3 };
        assert_int_equal(read_all(junk, sizeof junk, &c, &nrec), -1);
        assert_true(has_msg(&c, "HMG0200E"));
        assert_int_equal(read_all(junk, 0, &c, &nrec), -1);
        assert_true(has_msg(&c, "HMG0200E"));
    }
}

/* a text unit that overruns its record: the record's rest ignored */
static void test_bad_text_unit(void **state)
{
    mbuf m = { 0, 0, 0 };
    hm_ndw w;
    hm_ndw_file f;
    cap c;
    unsigned long nrec;
    static const unsigned char r02[] = {
        0xC9, 0xD5, 0xD4, 0xD9, 0xF0, 0xF2, 0, 0, 0, 1,
        0x00, 0x42, 0x00, 0x01, 0x00, 0x02, 0x00, 0x50, /* LRECL 80 */
        0x00, 0x49, 0x00, 0x01, 0x00, 0x09, 0x80 /* overruns */
    };
    (void)state;
    memset(&f, 0, sizeof f);
    hm_ndw_begin(&w, mb_write, &m, &HEAD);
    hm_ndw_segment(&w, sizeof r02 + 2, 0xE0, r02, sizeof r02);
    hm_ndw_data(&w, &f);
    hm_ndw_record(&w, E_HELLO, 5);
    hm_ndw_end(&w);
    assert_int_equal(read_all(m.p, m.n, &c, &nrec), 0);
    assert_true(has_msg(&c, "HMG0205E"));
    assert_int_equal(nrec, 1);
    free(m.p);
}

/* ------------------------------------------------------------------
 * damage: truncation at every card and byte, byte flips
 */
static void body_multi(hm_ndw *w)
{
    unsigned char d[700];
    unsigned i;
    for (i = 0; i < 12; i++) {
        fill_rec(d, sizeof d, i);
        hm_ndw_record(w, d, (i * 61) % 700);
    }
}

static void test_truncation(void **state)
{
    mbuf m = { 0, 0, 0 };
    cap c;
    unsigned long nrec;
    size_t cut, last;
    (void)state;
    build(&m, body_multi, 1);
    /* where the INMR06 record ends: the cut must come after it */
    last = m.n;
    while (last > 0 && m.p[last - 1] == 0x40)
        last--;
    for (cut = 0; cut < m.n; cut++) {
        int rc = read_all(m.p, cut, &c, &nrec);
        if (cut < 8) {
            /* not even the INMR01 signature */
            assert_int_equal(rc, -1);
            assert_true(has_msg(&c, "HMG0200E"));
        } else if (cut < last) {
            /* cut short: a warning naming the offset, no error */
            assert_int_equal(rc, 0);
            assert_int_equal(c.nerr, 0);
            assert_true(has_msg(&c, "HMG0203W"));
            assert_true(has_msg(&c, "byte offset"));
        } else {
            assert_int_equal(rc, 0);
        }
    }
    free(m.p);
}

/* A record cut at the end: its bytes are handed out (hm_nd_cut 1),
 * a warning; the end comes after it. Padding where a record should
 * begin, and then data: an error (the data is not read). */
static void body_cutme(hm_ndw *w)
{
    unsigned char d[200];
    fill_rec(d, sizeof d, 9);
    hm_ndw_record(w, E_HELLO, 5);
    hm_ndw_record(w, d, sizeof d);
}

static void test_cut_record(void **state)
{
    mbuf m = { 0, 0, 0 };
    unsigned char want[200];
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n, at = 0, cut;
    (void)state;
    build(&m, body_cutme, 1);
    fill_rec(want, sizeof want, 9);
    while (at + 8 < m.n && memcmp(m.p + at, want, 8) != 0)
        at++;
    assert_true(at + 8 < m.n);
    cut = at + 50;          /* inside the 200-byte record */
    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, cut);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_non_null(r);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 5);
    assert_int_equal(hm_nd_cut(r), 0);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(n, 50);
    assert_memory_equal(d, want, 50);
    assert_int_equal(hm_nd_cut(r), 1);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_int_equal(hm_nd_next_file(r, &nf), 0);
    assert_int_equal(hm_nd_failed(r), 0);
    assert_int_equal(c.nerr, 0);
    assert_int_equal(c.nwarn, 1);
    assert_true(has_msg(&c, "HMG0203W t: the transmission ends at byte "
                            "offset"));
    hm_nd_close(r);
    /* cut between the records: the first one kept, hm_nd_cut 2 */
    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, at - 2);
    r = hm_nd_open(&A, hm_memsrc_read, &src, &lg, "t", NULL);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 1);
    assert_int_equal(hm_nd_next_record(r, &d, &n), 0);
    assert_int_equal(hm_nd_cut(r), 2);
    assert_true(has_msg(&c, "HMG0203W"));
    assert_int_equal(c.nerr, 0);
    hm_nd_close(r);
    free(m.p);
    /* no trailer, card padding, then something that is not padding */
    memset(&m, 0, sizeof m);
    build(&m, body_none, 0);
    {
        unsigned char x = 0xC1;
        mb_write(&m, &x, 1);
    }
    {
        unsigned long nrec;
        assert_int_equal(read_all(m.p, m.n, &c, &nrec), -1);
        assert_true(has_msg(&c, "HMG0202E"));
        assert_int_equal(nrec, 2);
    }
    free(m.p);
}

static void test_flips(void **state)
{
    mbuf m = { 0, 0, 0 };
    cap c;
    unsigned long nrec;
    size_t i;
    unsigned char *p;
    static const unsigned char vals[] = { 0x00, 0x01, 0xFF, 0x80, 0x20 };
    (void)state;
    build(&m, body_multi, 1);
    p = malloc(m.n);
    for (i = 0; i < m.n; i++) {
        unsigned v;
        for (v = 0; v < sizeof vals + 1; v++) {
            int rc;
            memcpy(p, m.p, m.n);
            p[i] = v < sizeof vals ? vals[v] : (unsigned char)~p[i];
            rc = read_all(p, m.n, &c, &nrec);
            /* an error return always comes with an error message */
            if (rc < 0)
                assert_true(c.nerr > 0);
        }
    }
    free(p);
    free(m.p);
}

/* ------------------------------------------------------------------
 * --info, detection, helpers
 */
static void count_lines(void *ctx, const char *line, size_t len)
{
    unsigned *n = (unsigned *)ctx;
    assert_int_equal(strlen(line), len);
    (*n)++;
}

static void test_describe(void **state)
{
    mbuf m = { 0, 0, 0 };
    hm_memsrc src;
    hm_log lg;
    cap c;
    unsigned lines = 0;
    (void)state;
    build(&m, body_multi, 1);
    log_init(&lg, &c);
    hm_memsrc_init(&src, m.p, m.n);
    assert_int_equal(hm_nd_describe(&A, hm_memsrc_read, &src, &lg, "t",
                                    count_lines, &lines), 0);
    assert_true(lines > 15);
    free(m.p);
}

static void test_detect(void **state)
{
    mbuf m = { 0, 0, 0 };
    static const unsigned char vmarc[] = {
        0x7A, 0xC3, 0xC6, 0xC6, 0x40, 0x40, 0x40, 0x40, 1, 2
    };
    static const unsigned char vb[] = {
        0, 16, 0, 0, 0, 6, 0, 0, 0xC1, 0xC2, 0, 6, 0, 0, 0xC3, 0xC4,
        0, 10, 0, 0, 0, 6, 0, 0, 0xC1, 0xC2
    };
    static const unsigned char v[] = {
        0, 6, 0, 0, 0xC1, 0xC2, 0, 5, 0, 0, 0xC3, 0, 7, 0, 0, 1, 2, 3
    };
    static const unsigned char ieb[] = { 0, 0xCA, 0x6D, 0x0F, 2, 0 };
    static const unsigned char text[] = {
        0x54, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x0A
    };
    static const unsigned char a_nd[] = {
        0x4C, 0x3F, 0x49, 0x4E, 0x4D, 0x52, 0x30, 0x31
    };
    (void)state;
    build(&m, body_none, 1);
    assert_int_equal(hm_cont_detect(m.p, m.n, 0), HM_CONT_NETDATA);
    assert_int_equal(hm_cont_detect(m.p, m.n, HM_CONT_RAW), HM_CONT_RAW);
    assert_int_equal(hm_cont_detect(vmarc, sizeof vmarc, 0),
                     HM_CONT_VMARC);
    assert_int_equal(hm_cont_detect(vb, sizeof vb, 0), HM_CONT_VB);
    assert_int_equal(hm_cont_detect(v, sizeof v, 0), HM_CONT_V);
    assert_int_equal(hm_cont_detect(ieb, sizeof ieb, 0),
                     HM_CONT_IEBCOPY);
    assert_int_equal(hm_cont_detect(text, sizeof text, 0),
                     HM_CONT_UNKNOWN);
    assert_int_equal(hm_cont_detect(a_nd, sizeof a_nd, 0),
                     HM_CONT_TEXTND);
    assert_int_equal(hm_cont_detect(text, 0, 0), HM_CONT_UNKNOWN);
    assert_int_equal(hm_cont_kind_parse("xmi"), HM_CONT_NETDATA);
    assert_int_equal(hm_cont_kind_parse("vb"), HM_CONT_VB);
    assert_int_equal(hm_cont_kind_parse("bogus"), -1);
    assert_string_equal(hm_cont_kind_name(HM_CONT_VMARC), "vmarc");
    free(m.p);
}

static void test_helpers(void **state)
{
    char buf[64];
    unsigned char e[8];
    static const unsigned char dsn[] = {
        0xE2, 0xE8, 0xE2, 0xF1, 0x4B, 0xD4, 0xC1, 0xC3, 0x40, 0x40
    };
    static const unsigned char txt[] = { 0xC8, 0x85, 0x40, 0x15, 0xF1 };
    static const unsigned char bin[] = { 0xFF, 0xD8, 0x00, 0x10, 0x4A };
    (void)state;
    assert_int_equal(hm_cont_e2x(dsn, sizeof dsn, buf, sizeof buf), 8);
    assert_string_equal(buf, "SYS1.MAC");
    assert_int_equal(hm_cont_e2x(dsn, sizeof dsn, buf, 4), 3);
    assert_string_equal(buf, "SYS");
    assert_int_equal(hm_cont_x2e("A1.b", 4, e), 0);
    assert_int_equal(e[0], 0xC1);
    assert_int_equal(e[1], 0xF1);
    assert_int_equal(e[2], 0x4B);
    assert_int_equal(e[3], 0x82);
    assert_int_equal(hm_cont_x2e("?", 1, e), 0);
    assert_int_equal(e[0], 0x6F);
    assert_string_equal(hm_cont_fmt_date("19931113220327000000", buf),
                        "1993-11-13 22:03:27");
    assert_string_equal(hm_cont_fmt_date("198104", buf), "1981-04");
    assert_string_equal(hm_nd_recfm_str(0x9000, buf), "FB");
    assert_string_equal(hm_nd_recfm_str(0xC000, buf), "U");
    assert_string_equal(hm_nd_recfm_str(0x5002, buf),
                        "VB (records without RDW)");
    assert_string_equal(hm_nd_dsorg_str(0x4000, buf), "PS");
    assert_string_equal(hm_nd_dsorg_str(0x0200, buf), "PO");
    assert_string_equal(hm_nd_dsorg_str(0x0100, buf), "X'0100'");
    assert_int_equal(hm_cont_looks_text(txt, sizeof txt), 1);
    assert_int_equal(hm_cont_looks_text(bin, sizeof bin), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seq_roundtrip),
        cmocka_unit_test(test_cms_message),
        cmocka_unit_test(test_skip_and_user),
        cmocka_unit_test(test_ack),
        cmocka_unit_test(test_short_last),
        cmocka_unit_test(test_segment_edges),
        cmocka_unit_test(test_segment_errors),
        cmocka_unit_test(test_bad_text_unit),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_cut_record),
        cmocka_unit_test(test_flips),
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
