/*
 * test_record.c - unit tests of the host record reader (record.c).
 * Pure: memory sources only. All data are hex byte arrays, so the
 * tests mean the same in the ASCII and in the EBCDIC build; message
 * IDs are compared against literals, which are in the execution
 * character set just like the formatted messages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "hm_rec.h"

/* ---- a counting allocator ---- */

typedef struct cnt_alloc {
    size_t cur, peak;
    long live;
    size_t fail_after; /* 0: never fail; n: the n-th call fails */
    size_t calls;
} cnt_alloc;

static void *ca_alloc(void *ctx, size_t n)
{
    cnt_alloc *c = ctx;
    size_t *p;
    c->calls++;
    if (c->fail_after && c->calls >= c->fail_after)
        return NULL;
    p = malloc(n + sizeof(size_t) * 2);
    if (!p)
        return NULL;
    p[0] = n;
    c->cur += n;
    if (c->cur > c->peak)
        c->peak = c->cur;
    c->live++;
    return p + 2;
}

static void ca_release(void *ctx, void *ptr)
{
    cnt_alloc *c = ctx;
    size_t *p;
    if (!ptr)
        return;
    p = (size_t *)ptr - 2;
    c->cur -= p[0];
    c->live--;
    free(p);
}

/* ---- a capturing log ---- */

static char logbuf[8192];
static size_t loglen;

static void cap_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    if (loglen + len + 1 < sizeof logbuf) {
        memcpy(logbuf + loglen, line, len);
        loglen += len;
        logbuf[loglen++] = '\n';
        logbuf[loglen] = 0;
    }
}

static void log_reset(hm_log *lg)
{
    loglen = 0;
    logbuf[0] = 0;
    hm_log_init(lg, cap_log, NULL);
}

static int logged(const char *s)
{
    return strstr(logbuf, s) != NULL;
}

/* ---- running the reader ---- */

typedef struct exp_rec {
    unsigned long off;
    size_t len;
    const unsigned char *bytes;
} exp_rec;

static hm_recopt mkopt(int recfm, unsigned long lrecl, int keep,
                       unsigned char blank)
{
    hm_recopt o;
    o.recfm = recfm;
    o.lrecl = lrecl;
    o.keep_blanks = keep;
    o.blank = blank;
    return o;
}

static const size_t chunks[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13,
                                 4093 };
#define NCHUNKS (sizeof chunks / sizeof chunks[0])

static int last_fmt, last_blocked, last_cut;

/* Read data with opt at every chunk size; check the records, the
 * final result (0 or -1) and that msg (if any) was logged and no
 * other message (if msg is NULL). */
static void check(const unsigned char *data, size_t n, hm_recopt opt,
                  const exp_rec *e, size_t ne, int final,
                  const char *msg)
{
    size_t ci;
    for (ci = 0; ci < NCHUNKS; ci++) {
        hm_memsrc m;
        hm_log lg;
        cnt_alloc ca = { 0 };
        hm_alloc al = { ca_alloc, ca_release, NULL };
        hm_rdr *r;
        const unsigned char *d;
        size_t len, i = 0;
        int rc;
        al.ctx = &ca;
        log_reset(&lg);
        hm_memsrc_init(&m, data, n);
        m.chunk = chunks[ci];
        r = hm_rec_open(&al, hm_memsrc_read, &m, &opt, &lg, "T.DAT");
        assert_non_null(r);
        while ((rc = hm_rec_next(r, &d, &len)) == 1) {
            assert_true(i < ne);
            assert_int_equal(len, e[i].len);
            if (len)
                assert_memory_equal(d, e[i].bytes, len);
            assert_int_equal(hm_rec_number(r), i + 1);
            assert_int_equal(hm_rec_offset(r), e[i].off);
            i++;
        }
        assert_int_equal(i, ne);
        assert_int_equal(rc, final);
        /* stays at the end */
        assert_int_equal(hm_rec_next(r, &d, &len), final);
        if (msg)
            assert_true(logged(msg));
        else
            assert_int_equal(loglen, 0);
        if (final == 0 && !msg)
            assert_true(lg.maxsev < 0);
        last_fmt = hm_rec_format(r);
        last_blocked = hm_rec_blocked(r);
        last_cut = hm_rec_cut(r);
        if (final == 0 && !msg)
            assert_int_equal(last_cut, 0);
        hm_rec_close(r);
        assert_int_equal(ca.live, 0);
        assert_true(ca.peak <= 2u * 65552u + 1024u);
    }
}

#define NE(a) (sizeof(a) / sizeof((a)[0]))

static const unsigned char C1C2[] = { 0xC1, 0xC2 };
static const unsigned char C3[] = { 0xC3 };
static const unsigned char C3C4C5[] = { 0xC3, 0xC4, 0xC5 };

/* ---- tests ---- */

static void t_parse(void **st)
{
    (void)st;
    assert_int_equal(hm_recfm_parse("F"), HM_RECFM_F);
    assert_int_equal(hm_recfm_parse("FB"), HM_RECFM_FB);
    assert_int_equal(hm_recfm_parse("V"), HM_RECFM_V);
    assert_int_equal(hm_recfm_parse("VB"), HM_RECFM_VB);
    assert_int_equal(hm_recfm_parse("U"), HM_RECFM_U);
    assert_int_equal(hm_recfm_parse("NL"), HM_RECFM_NL);
    assert_int_equal(hm_recfm_parse("REC"), HM_RECFM_REC);
    assert_int_equal(hm_recfm_parse("vb"), HM_RECFM_VB);
    assert_int_equal(hm_recfm_parse("nl"), HM_RECFM_NL);
    assert_int_equal(hm_recfm_parse("Vb"), 0);
    assert_int_equal(hm_recfm_parse("FBA"), 0);
    assert_int_equal(hm_recfm_parse(""), 0);
    assert_int_equal(hm_recfm_parse(NULL), 0);
}

static const unsigned char f12[] = {
    0xC1, 0xC2, 0x40, 0x40, 0xC3, 0x40, 0x40, 0x40,
    0x40, 0x40, 0x40, 0x40
};

static void t_f_exact(void **st)
{
    static const exp_rec e[] = { { 0, 2, C1C2 }, { 4, 1, C3 },
                                 { 8, 0, NULL } };
    static const exp_rec k[] = { { 0, 4, f12 }, { 4, 4, f12 + 4 },
                                 { 8, 4, f12 + 8 } };
    (void)st;
    check(f12, sizeof f12, mkopt(HM_RECFM_F, 4, 0, 0x40), e, 3, 0,
          NULL);
    check(f12, sizeof f12, mkopt(HM_RECFM_FB, 4, 1, 0x40), k, 3, 0,
          NULL);
    assert_int_equal(last_fmt, HM_RECFM_FB);
    /* the blank byte is the option's: X'20' strips nothing here */
    check(f12, sizeof f12, mkopt(HM_RECFM_F, 4, 0, 0x20), k, 3, 0,
          NULL);
    check(f12, 0, mkopt(HM_RECFM_F, 4, 0, 0x40), NULL, 0, 0, NULL);
}

/* trailing blanks: records of 40 bytes whose last other byte is at
 * every place (record i has i bytes before its blanks, blanks also
 * among them), and the same records cut to other lengths (U) */
static void t_f_strip(void **st)
{
    static unsigned char data[40 * 40];
    static exp_rec e[40];
    unsigned long seed = 99;
    size_t i, k;
    (void)st;
    for (i = 0; i < 40; i++) {
        unsigned char *r = data + i * 40;
        for (k = 0; k < 40; k++) {
            seed = seed * 1103515245ul + 12345ul;
            r[k] = k >= i || (seed >> 16) % 3 == 0 ? 0x40 : 0xC1;
        }
        if (i > 0)
            r[i - 1] = 0xC2;
        e[i].off = (unsigned long)(i * 40);
        e[i].len = i;
        e[i].bytes = r;
    }
    check(data, sizeof data, mkopt(HM_RECFM_F, 40, 0, 0x40), e, 40, 0,
          NULL);
    for (i = 0; i < 40; i++) {
        exp_rec one = e[i];
        size_t cut = i + i % 9 < 40 ? i + i % 9 : 40;
        one.off = 0;
        check(e[i].bytes, cut, mkopt(HM_RECFM_U, 40, 0, 0x40), &one,
              cut ? 1 : 0, 0, NULL);
    }
}

/* hm_find_byte (hm_base.h, the core's memchr) against a plain
 * search: every length to 40, every start in a word, the byte at
 * every place or absent, neighbours of its value around it */
static void t_find_byte(void **st)
{
    static const unsigned cs[] = { 0x00, 0x01, 0x0A, 0x7F, 0x80, 0x85,
                                   0xFF };
    unsigned char buf[64];
    size_t ci, n, off, at, k;
    unsigned long seed = 5;
    (void)st;
    for (ci = 0; ci < sizeof cs / sizeof cs[0]; ci++)
        for (n = 0; n <= 40; n++)
            for (off = 0; off < 8; off++)
                for (at = 0; at <= n; at++) {
                    const unsigned char *want = NULL, *got;
                    unsigned c = cs[ci];
                    for (k = 0; k < n; k++) {
                        /* c - 1, c + 1, c ^ 0x80 or anything else */
                        unsigned v[4];
                        seed = seed * 1103515245ul + 12345ul;
                        v[0] = c - 1;
                        v[1] = c + 1;
                        v[2] = c ^ 0x80;
                        v[3] = (unsigned)(seed >> 20);
                        buf[off + k] = (unsigned char)v[(seed >> 16) % 4];
                        if (buf[off + k] == c)
                            buf[off + k] = (unsigned char)(c ^ 0x40);
                    }
                    if (at < n)     /* at == n: not there */
                        buf[off + at] = (unsigned char)c;
                    for (k = 0; k < n && !want; k++)
                        if (buf[off + k] == c)
                            want = buf + off + k;
                    got = hm_find_byte(buf + off, n, c);
                    assert_ptr_equal(got, want);
                }
}

static void t_f_short(void **st)
{
    static const exp_rec e[] = { { 0, 4, f12 }, { 4, 4, f12 + 4 },
                                 { 8, 2, f12 + 8 } };
    static const exp_rec s[] = { { 0, 2, C1C2 }, { 4, 1, C3 },
                                 { 8, 0, NULL } };
    (void)st;
    check(f12, 10, mkopt(HM_RECFM_F, 4, 1, 0x40), e, 3, 0,
          "HMG0157W T.DAT: the last record 3 at byte offset 8 has 2 "
          "bytes, fewer than the record length 4");
    assert_int_equal(last_cut, 1);
    check(f12, 10, mkopt(HM_RECFM_F, 4, 0, 0x40), s, 3, 0, "HMG0157W");
}

static void t_u(void **st)
{
    static const exp_rec e[] = { { 0, 5, f12 }, { 5, 5, f12 + 5 },
                                 { 10, 2, f12 + 10 } };
    (void)st;
    check(f12, 12, mkopt(HM_RECFM_U, 5, 1, 0x40), e, 3, 0, NULL);
}

static void t_bad_opts(void **st)
{
    hm_log lg;
    hm_memsrc m;
    hm_rdr *r;
    const unsigned char *d;
    size_t len;
    hm_recopt o = mkopt(HM_RECFM_F, 0, 0, 0x40);
    cnt_alloc ca = { 0 };
    hm_alloc al = { ca_alloc, ca_release, NULL };
    (void)st;
    al.ctx = &ca;
    log_reset(&lg);
    hm_memsrc_init(&m, f12, sizeof f12);
    r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
    assert_non_null(r);
    assert_int_equal(hm_rec_next(r, &d, &len), -1);
    assert_true(logged("HMG0163E"));
    hm_rec_close(r);
    o.lrecl = 65536;
    r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
    assert_int_equal(hm_rec_next(r, &d, &len), -1);
    hm_rec_close(r);
    o.recfm = 99;
    log_reset(&lg);
    r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
    assert_int_equal(hm_rec_next(r, &d, &len), -1);
    assert_true(logged("HMG0164E"));
    hm_rec_close(r);
    assert_int_equal(ca.live, 0);
    /* storage */
    o = mkopt(HM_RECFM_V, 0, 0, 0x40);
    for (ca.fail_after = 1; ca.fail_after <= 2; ca.fail_after++) {
        ca.calls = 0;
        log_reset(&lg);
        r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
        assert_null(r);
        assert_true(logged("HMG0165S T.DAT"));
        assert_int_equal(ca.live, 0);
    }
}

/* V without BDW: "C1C2", "", "C3" */
static const unsigned char v_nob[] = {
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x04, 0x00, 0x00,
    0x00, 0x05, 0x00, 0x00, 0xC3
};

static void t_v_rdw(void **st)
{
    static const exp_rec e[] = { { 0, 2, C1C2 }, { 6, 0, NULL },
                                 { 10, 1, C3 } };
    (void)st;
    check(v_nob, sizeof v_nob, mkopt(HM_RECFM_V, 0, 0, 0x40), e, 3, 0,
          NULL);
    assert_int_equal(last_fmt, HM_RECFM_V);
    assert_int_equal(last_blocked, 0);
    check(v_nob, sizeof v_nob, mkopt(HM_RECFM_VB, 0, 0, 0x40), e, 3, 0,
          NULL);
    assert_int_equal(last_fmt, HM_RECFM_V);
    check(v_nob, 0, mkopt(HM_RECFM_V, 0, 0, 0x40), NULL, 0, 0, NULL);
}

/* An RDW-only stream whose first record looks like a BDW + RDW */
static const unsigned char v_like[] = {
    0x00, 0x0C, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0xE1, 0xE2,
    0x00, 0x05, 0x00, 0x00, 0xC3
};

static void t_v_detect(void **st)
{
    static const exp_rec e[] = { { 0, 8, v_like + 4 }, { 12, 1, C3 } };
    static const exp_rec e1[] = { { 0, 8, v_like + 4 } };
    (void)st;
    check(v_like, sizeof v_like, mkopt(HM_RECFM_V, 0, 0, 0x40), e, 2,
          0, NULL);
    assert_int_equal(last_blocked, 0);
    /* only that record: the file ends right after it */
    check(v_like, 12, mkopt(HM_RECFM_V, 0, 0, 0x40), e1, 1, 0, NULL);
    assert_int_equal(last_blocked, 0);
}

/* VB: two blocks */
static const unsigned char vb[] = {
    0x00, 0x12, 0x00, 0x00,
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x08, 0x00, 0x00, 0xC3, 0xC4, 0xC5, 0x40,
    0x00, 0x0C, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00
};

static void t_vb(void **st)
{
    static const exp_rec e[] = { { 4, 2, C1C2 }, { 10, 3, C3C4C5 },
                                 { 22, 0, NULL }, { 26, 0, NULL } };
    static const exp_rec k[] = { { 4, 2, C1C2 }, { 10, 4, vb + 14 },
                                 { 22, 0, NULL }, { 26, 0, NULL } };
    (void)st;
    check(vb, sizeof vb, mkopt(HM_RECFM_V, 0, 0, 0x40), e, 4, 0, NULL);
    assert_int_equal(last_fmt, HM_RECFM_VB);
    assert_int_equal(last_blocked, 1);
    check(vb, sizeof vb, mkopt(HM_RECFM_VB, 0, 1, 0x40), k, 4, 0, NULL);
    assert_int_equal(last_blocked, 1);
}

static void t_vb_ext(void **st)
{
    static const unsigned char d[] = {
        0x80, 0x00, 0x00, 0x0E,
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
        0x00, 0x04, 0x00, 0x00
    };
    static const exp_rec e[] = { { 4, 2, C1C2 }, { 10, 0, NULL } };
    (void)st;
    check(d, sizeof d, mkopt(HM_RECFM_V, 0, 0, 0x40), e, 2, 0, NULL);
    assert_int_equal(last_blocked, 1);
}

static void t_rdw_bad(void **st)
{
    static const unsigned char z[] = {
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
        0x00, 0x00, 0x00, 0x00, 0xC3
    };
    static const unsigned char three[] = {
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
        0x00, 0x03, 0x00, 0x00, 0xC3
    };
    static const unsigned char flag[] = {
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
        0x00, 0x05, 0x00, 0x01, 0xC3
    };
    static const unsigned char past[] = {
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
        0x00, 0x10, 0x00, 0x00, 0xC3
    };
    static const unsigned char trunc[] = {
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2, 0x00, 0x05, 0x00
    };
    static const exp_rec e[] = { { 0, 2, C1C2 } };
    static const exp_rec ecut[] = { { 0, 2, C1C2 }, { 6, 1, C3 } };
    hm_recopt o = mkopt(HM_RECFM_V, 0, 0, 0x40);
    (void)st;
    /* a bad length with bytes after it: an error, the rest unread */
    check(z, sizeof z, o, e, 1, -1, "HMG0150E T.DAT: record 2 at byte "
          "offset 6 has an invalid RDW length 0");
    check(three, sizeof three, o, e, 1, -1, "HMG0150E T.DAT: record 2 "
          "at byte offset 6 has an invalid RDW length 3");
    check(flag, sizeof flag, o, e, 1, -1, "HMG0151E T.DAT: record 2 "
          "at byte offset 6 has an invalid RDW X'00050001'");
    /* cut short at the end: a warning; the bytes there are the last
     * record */
    check(past, sizeof past, o, ecut, 2, 0, "HMG0155W T.DAT: record 2 "
          "at byte offset 6 has length 16 but the file ends after 5 "
          "bytes: the file is cut short; the bytes there are kept as "
          "its last record");
    assert_int_equal(last_cut, 1);
    check(trunc, sizeof trunc, o, e, 1, 0, "HMG0156W T.DAT: the file "
          "ends inside the 4-byte descriptor of record 2 at byte offset "
          "6 (3 bytes left): the file is cut short");
    assert_int_equal(last_cut, 2);
    /* a first RDW that is already bad */
    check(z + 6, 5, o, NULL, 0, -1, "HMG0150E T.DAT: record 1 at byte "
          "offset 0 has an invalid RDW length 0");
    /* a single short RDW */
    check(trunc, 2, o, NULL, 0, 0, "HMG0156W");
    /* only the RDW of the last record */
    {
        static const exp_rec e0[] = { { 0, 2, C1C2 }, { 6, 0, NULL } };
        check(past, 10, o, e0, 2, 0, "HMG0155W");
    }
}

/* VB: the first block is right, the second one is not */
static void t_bdw_bad(void **st)
{
    unsigned char d[sizeof vb];
    static const exp_rec e[] = { { 4, 2, C1C2 }, { 10, 3, C3C4C5 },
                                 { 22, 0, NULL }, { 26, 0, NULL } };
    hm_recopt o = mkopt(HM_RECFM_VB, 0, 0, 0x40);
    (void)st;
    unsigned char d2[sizeof vb + 2];
    /* BDW larger than its records, bytes after them */
    memcpy(d2, vb, sizeof vb);
    d2[19] = 0x0E;
    d2[sizeof vb] = d2[sizeof vb + 1] = 0x00;
    check(d2, sizeof d2, o, e, 4, -1, "HMG0154E T.DAT: the block at "
          "byte offset 18 has BDW length 14 but its records fill 12 "
          "bytes (before record 5)");
    /* BDW larger than its records at the end: cut short */
    memcpy(d, vb, sizeof d);
    d[19] = 0x0E;
    check(d, sizeof d, o, e, 4, 0, "HMG0166W T.DAT: the block at "
          "byte offset 18 has BDW length 14 but the file ends after 12 "
          "of its bytes (before record 5): the file is cut short");
    assert_int_equal(last_cut, 2);
    /* a record goes past the end of its block */
    d[19] = 0x0C;
    d[23] = 0x0A;
    check(d, sizeof d, o, e, 2, -1, "HMG0153E T.DAT: record 3 at byte "
          "offset 22 has length 10 but only 8 bytes are left in its "
          "block");
    /* invalid sizes */
    memcpy(d, vb, sizeof d);
    d[19] = 0x05;
    check(d, sizeof d, o, e, 2, -1, "HMG0152E T.DAT: the block before "
          "record 3 at byte offset 18 has an invalid BDW X'00050000'");
    d[18] = 0x7F;
    d[19] = 0xF9; /* 32761 */
    check(d, sizeof d, o, e, 2, -1, "HMG0152E T.DAT: the block before "
          "record 3 at byte offset 18 has an invalid BDW X'7FF90000'");
    d[18] = 0x00;
    d[19] = 0x0C;
    d[21] = 0x01;
    check(d, sizeof d, o, e, 2, -1, "X'000C0001'");
    /* the block goes past the end of the file: cut short */
    check(vb, sizeof vb - 2, o, e, 3, 0, "HMG0156W T.DAT: the file "
          "ends inside the 4-byte descriptor of record 4 at byte "
          "offset 26 (2 bytes left)");
    check(vb, sizeof vb - 4, o, e, 3, 0, "HMG0166W T.DAT: the block at "
          "byte offset 18 has BDW length 12 but the file ends after 8 "
          "of its bytes (before record 4)");
    /* a BDW cut at the end */
    check(vb, 20, o, e, 2, 0, "HMG0156W T.DAT: the file ends inside "
          "the 4-byte descriptor of record 3 at byte offset 18 (2 "
          "bytes left)");
    /* a record cut inside its block */
    {
        static const unsigned char c3c4[] = { 0xC3, 0xC4 };
        static const exp_rec ec[] = { { 4, 2, C1C2 }, { 10, 2, c3c4 } };
        check(vb, 16, o, ec, 2, 0, "HMG0155W T.DAT: record 2 at byte "
              "offset 10 has length 8 but the file ends after 6 bytes");
        assert_int_equal(last_cut, 1);
    }
}

/* VB: the first block is filled wrongly; a block follows it */
static void t_bdw_first(void **st)
{
    static const unsigned char d[] = {
        0x00, 0x14, 0x00, 0x00,
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
        0x00, 0x08, 0x00, 0x00, 0xC3, 0xC4, 0xC5, 0x40,
        0x00, 0x00,
        0x00, 0x0C, 0x00, 0x00,
        0x00, 0x04, 0x00, 0x00,
        0x00, 0x04, 0x00, 0x00
    };
    static const exp_rec e[] = { { 4, 2, C1C2 }, { 10, 3, C3C4C5 } };
    (void)st;
    check(d, sizeof d, mkopt(HM_RECFM_V, 0, 0, 0x40), e, 2, -1,
          "HMG0154E T.DAT: the block at byte offset 0 has BDW length "
          "20 but its records fill 18 bytes (before record 3)");
    assert_int_equal(last_blocked, 1);
}

/* Spanned records: C1C2 + C3 + C4C5 in three blocks, then C3 */
static const unsigned char vbs[] = {
    0x00, 0x0A, 0x00, 0x00, 0x00, 0x06, 0x01, 0x00, 0xC1, 0xC2,
    0x00, 0x09, 0x00, 0x00, 0x00, 0x05, 0x03, 0x00, 0xC3,
    0x00, 0x0F, 0x00, 0x00, 0x00, 0x06, 0x02, 0x00, 0xC4, 0xC5,
    0x00, 0x05, 0x00, 0x00, 0xC3
};

static void t_spanned(void **st)
{
    static const unsigned char all[] = { 0xC1, 0xC2, 0xC3, 0xC4, 0xC5 };
    static const exp_rec e[] = { { 4, 5, all }, { 29, 1, C3 } };
    static const exp_rec e2[] = { { 0, 5, all }, { 17, 1, C3 } };
    static const unsigned char nob[] = {
        0x00, 0x06, 0x01, 0x00, 0xC1, 0xC2,
        0x00, 0x05, 0x03, 0x00, 0xC3,
        0x00, 0x06, 0x02, 0x00, 0xC4, 0xC5,
        0x00, 0x05, 0x00, 0x00, 0xC3
    };
    unsigned char d[sizeof vbs];
    hm_recopt o = mkopt(HM_RECFM_V, 0, 0, 0x40);
    (void)st;
    check(vbs, sizeof vbs, o, e, 2, 0, NULL);
    assert_int_equal(last_blocked, 1);
    check(nob, sizeof nob, o, e2, 2, 0, NULL);
    assert_int_equal(last_blocked, 0);
    /* out of sequence: a middle segment without a first */
    check(nob + 6, sizeof nob - 6, o, NULL, 0, -1, "HMG0159E T.DAT: "
          "record 1: the spanned segment at byte offset 0 (SDW "
          "X'00050300')");
    /* a complete record inside a spanned one */
    memcpy(d, vbs, sizeof d);
    d[16] = 0x00;
    check(d, sizeof d, o, NULL, 0, -1, "HMG0159E T.DAT: record 1: the "
          "spanned segment at byte offset 14");
    /* the file ends inside a spanned record: its segments there are
     * the last record */
    {
        static const exp_rec c1[] = { { 0, 2, all } };
        static const exp_rec c2[] = { { 4, 3, all } };
        static const exp_rec c3[] = { { 0, 4, all } };
        static const exp_rec c4[] = { { 0, 3, all } };
        check(nob, 6, o, c1, 1, 0, "HMG0161W T.DAT: spanned record 1 "
              "starting at byte offset 0 is not complete at the end of "
              "the file: the file is cut short");
        assert_int_equal(last_cut, 1);
        check(vbs, 19, o, c2, 1, 0, "HMG0161W T.DAT: spanned record 1 "
              "starting at byte offset 4");
        /* inside its last segment */
        check(nob, 16, o, c3, 1, 0, "HMG0155W T.DAT: record 1 at byte "
              "offset 11 has length 6 but the file ends after 5 bytes");
        assert_int_equal(last_cut, 1);
        /* inside the descriptor of its next segment */
        check(nob, 13, o, c4, 1, 0, "HMG0156W T.DAT: the file ends "
              "inside the 4-byte descriptor of record 1 at byte offset "
              "11 (2 bytes left)");
        assert_int_equal(last_cut, 1);
    }
}

static void t_null_segment(void **st)
{
    static const unsigned char d[] = {
        0x00, 0x10, 0x00, 0x00,
        0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
        0x00, 0x00, 0x80, 0x00, 0xFF, 0xFF,
        0x00, 0x09, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0xC3
    };
    static const exp_rec e[] = { { 4, 2, C1C2 }, { 20, 1, C3 } };
    (void)st;
    check(d, sizeof d, mkopt(HM_RECFM_V, 0, 0, 0x40), e, 2, 0, NULL);
    assert_int_equal(last_blocked, 1);
    /* the file ends in the unused rest of the block */
    check(d, 15, mkopt(HM_RECFM_V, 0, 0, 0x40), e, 1, 0, "HMG0166W "
          "T.DAT: the block at byte offset 0 has BDW length 16 but the "
          "file ends after 15 of its bytes (before record 2)");
    assert_int_equal(last_cut, 2);
}

static void t_spanned_long(void **st)
{
    /* 3 segments of 30000 data bytes: 90000 > 65535 */
    size_t seg = 30000, n = 3 * (seg + 8), i, at = 0;
    unsigned char *d = malloc(n);
    static const unsigned char fl[] = { 1, 3, 2 };
    (void)st;
    assert_non_null(d);
    for (i = 0; i < 3; i++) {
        d[at] = (unsigned char)((seg + 8) >> 8);
        d[at + 1] = (unsigned char)((seg + 8) & 0xFF);
        d[at + 2] = d[at + 3] = 0;
        d[at + 4] = (unsigned char)((seg + 4) >> 8);
        d[at + 5] = (unsigned char)((seg + 4) & 0xFF);
        d[at + 6] = fl[i];
        d[at + 7] = 0;
        memset(d + at + 8, 0xC1, seg);
        at += seg + 8;
    }
    check(d, n, mkopt(HM_RECFM_V, 0, 0, 0x40), NULL, 0, -1,
          "HMG0160E T.DAT: spanned record 1 is longer than 65535 bytes "
          "at the segment at byte offset 60020");
    free(d);
}

static void t_nl(void **st)
{
    static const unsigned char d[] = {
        0x61, 0x62, 0x0D, 0x0A, 0x63, 0x20, 0x20, 0x0A, 0x0A,
        0x0D, 0x65, 0x0D, 0x66
    };
    static const exp_rec e[] = { { 0, 2, d }, { 4, 1, d + 4 },
                                 { 8, 0, NULL }, { 9, 4, d + 9 } };
    static const exp_rec k[] = { { 0, 2, d }, { 4, 3, d + 4 },
                                 { 8, 0, NULL }, { 9, 4, d + 9 } };
    static const exp_rec e8[] = { { 0, 2, d }, { 4, 1, d + 4 } };
    (void)st;
    check(d, sizeof d, mkopt(HM_RECFM_NL, 0, 0, 0x20), e, 4, 0, NULL);
    check(d, sizeof d, mkopt(HM_RECFM_NL, 0, 1, 0x20), k, 4, 0, NULL);
    /* a final LF does not start another record */
    check(d, 8, mkopt(HM_RECFM_NL, 0, 0, 0x20), e8, 2, 0, NULL);
    check(d, 9, mkopt(HM_RECFM_NL, 0, 0, 0x20), e, 3, 0, NULL);
    check(d, 0, mkopt(HM_RECFM_NL, 0, 0, 0x20), NULL, 0, 0, NULL);
}

static void t_nl_long(void **st)
{
    size_t n = 65535 + 2 + 3 + 70000;
    unsigned char *d = malloc(n);
    exp_rec e[3];
    size_t i;
    hm_recopt o = mkopt(HM_RECFM_NL, 0, 1, 0x20);
    (void)st;
    assert_non_null(d);
    for (i = 0; i < n; i++)
        d[i] = (unsigned char)(0x41 + i % 26);
    d[65535] = 0x0D;
    d[65536] = 0x0A;
    d[65539] = 0x0A;
    e[0].off = 0;
    e[0].len = 65535;
    e[0].bytes = d;
    e[1].off = 65537;
    e[1].len = 2;
    e[1].bytes = d + 65537;
    e[2].off = 65540;
    e[2].len = 65535;
    e[2].bytes = d + 65540;
    check(d, n, o, e, 2, -1, "HMG0158E T.DAT: line 3 at byte offset "
          "65540 is longer than 65535 bytes");
    /* the long line ends the file without LF */
    check(d, 65540 + 65536, o, e, 2, -1, "HMG0158E");
    check(d, 65540 + 65535, o, e, 3, 0, NULL);
    free(d);
}

/* ---- REC: a source of whole records ---- */

typedef struct recsrc {
    const unsigned char *const *rec;
    const size_t *len;
    size_t n, i;
    int fail_at; /* call number that fails, 0 none */
} recsrc;

static long rs_read(void *ctx, unsigned char *buf, size_t n)
{
    recsrc *s = ctx;
    size_t k;
    if (s->fail_at && (size_t)s->fail_at == s->i + 1)
        return -1;
    if (s->i >= s->n)
        return 0;
    k = s->len[s->i];
    assert_true(k <= n);
    memcpy(buf, s->rec[s->i], k);
    s->i++;
    return (long)k;
}

static void t_rec(void **st)
{
    static const unsigned char r1[] = { 0xC1, 0xC2, 0x40 };
    static const unsigned char r2[] = { 0x40, 0x40 };
    static const unsigned char r3[] = { 0xC3 };
    static const unsigned char *const recs[] = { r1, r2, r3 };
    static const size_t lens[] = { 3, 2, 1 };
    recsrc s = { recs, lens, 3, 0, 0 };
    hm_recopt o = mkopt(HM_RECFM_REC, 0, 0, 0x40);
    hm_log lg;
    hm_rdr *r;
    const unsigned char *d;
    size_t len;
    cnt_alloc ca = { 0 };
    hm_alloc al = { ca_alloc, ca_release, NULL };
    (void)st;
    al.ctx = &ca;
    log_reset(&lg);
    r = hm_rec_open(&al, rs_read, &s, &o, &lg, "T.DAT");
    assert_int_equal(hm_rec_next(r, &d, &len), 1);
    assert_int_equal(len, 2);
    assert_memory_equal(d, C1C2, 2);
    assert_int_equal(hm_rec_offset(r), 0);
    assert_int_equal(hm_rec_next(r, &d, &len), 1);
    assert_int_equal(len, 0);
    assert_int_equal(hm_rec_offset(r), 3);
    assert_int_equal(hm_rec_next(r, &d, &len), 1);
    assert_int_equal(len, 1);
    assert_int_equal(d[0], 0xC3);
    assert_int_equal(hm_rec_offset(r), 5);
    assert_int_equal(hm_rec_number(r), 3);
    assert_int_equal(hm_rec_next(r, &d, &len), 0);
    assert_int_equal(hm_rec_next(r, &d, &len), 0);
    assert_int_equal(loglen, 0);
    hm_rec_close(r);
    /* a read error */
    s.i = 0;
    s.fail_at = 2;
    r = hm_rec_open(&al, rs_read, &s, &o, &lg, "T.DAT");
    assert_int_equal(hm_rec_next(r, &d, &len), 1);
    assert_int_equal(hm_rec_next(r, &d, &len), -1);
    assert_true(logged("HMG0162E T.DAT: read error at record 2, byte "
                       "offset 3"));
    hm_rec_close(r);
    assert_int_equal(ca.live, 0);
}

/* a byte source that fails after some bytes */
typedef struct badsrc {
    hm_memsrc m;
    size_t fail_pos;
} badsrc;

static long bs_read(void *ctx, unsigned char *buf, size_t n)
{
    badsrc *b = ctx;
    if (b->m.pos >= b->fail_pos)
        return -1;
    if (n > b->fail_pos - b->m.pos)
        n = b->fail_pos - b->m.pos;
    return hm_memsrc_read(&b->m, buf, n);
}

static void t_read_error(void **st)
{
    badsrc b;
    hm_log lg;
    hm_rdr *r;
    const unsigned char *d;
    size_t len;
    hm_recopt o = mkopt(HM_RECFM_V, 0, 0, 0x40);
    cnt_alloc ca = { 0 };
    hm_alloc al = { ca_alloc, ca_release, NULL };
    (void)st;
    al.ctx = &ca;
    log_reset(&lg);
    hm_memsrc_init(&b.m, v_nob, sizeof v_nob);
    b.fail_pos = 8;
    r = hm_rec_open(&al, bs_read, &b, &o, &lg, "T.DAT");
    assert_int_equal(hm_rec_next(r, &d, &len), 1);
    assert_int_equal(hm_rec_next(r, &d, &len), -1);
    assert_true(logged("HMG0162E T.DAT: read error at record 2, byte "
                       "offset 8"));
    assert_int_equal(hm_rec_next(r, &d, &len), -1);
    hm_rec_close(r);
    assert_int_equal(ca.live, 0);
}

/* Many records across window boundaries, big and small. */
static void t_bulk(void **st)
{
    size_t nrec = 3000, i, at = 0, cap = 4000000, blk = 0, blen = 0;
    int have = 0;
    unsigned char *d = malloc(cap), *db = malloc(cap + cap / 2);
    exp_rec *e = malloc(sizeof *e * (nrec + 4));
    exp_rec *eb = malloc(sizeof *eb * (nrec + 4));
    size_t atb = 0;
    (void)st;
    assert_non_null(d);
    assert_non_null(db);
    for (i = 0; i < nrec + 2; i++) {
        size_t dl = (i * 7919u) % 301u, k;
        if (i == 1000)
            dl = 65531; /* the largest RDW record */
        if (i == 1001)
            dl = 40000;
        d[at] = (unsigned char)((dl + 4) >> 8);
        d[at + 1] = (unsigned char)((dl + 4) & 0xFF);
        d[at + 2] = d[at + 3] = 0;
        for (k = 0; k < dl; k++)
            d[at + 4 + k] = (unsigned char)(0x81 + (i + k) % 9);
        e[i].off = at;
        e[i].len = dl;
        e[i].bytes = d + at + 4;
        at += 4 + dl;
        /* blocked copy: a block per 1..3 records, big ones alone */
        if (dl + 8 <= 32760) {
            if (!have || i % 3 == 0 || blen + dl + 4 > 32760) {
                blk = atb;
                blen = 4;
                have = 1;
                atb += 4;
            }
            blen += dl + 4;
            db[blk] = (unsigned char)(blen >> 8);
            db[blk + 1] = (unsigned char)(blen & 0xFF);
            db[blk + 2] = db[blk + 3] = 0;
        } else {
            /* extended BDW */
            size_t bl = dl + 8;
            db[atb] = 0x80;
            db[atb + 1] = (unsigned char)(bl >> 16);
            db[atb + 2] = (unsigned char)(bl >> 8);
            db[atb + 3] = (unsigned char)(bl & 0xFF);
            atb += 4;
            have = 0;
        }
        memcpy(db + atb, d + at - 4 - dl, 4 + dl);
        eb[i].off = atb;
        eb[i].len = dl;
        eb[i].bytes = db + atb + 4;
        atb += 4 + dl;
    }
    assert_true(at < cap);
    {
        hm_recopt o = mkopt(HM_RECFM_V, 0, 1, 0x40);
        check(d, at, o, e, nrec + 2, 0, NULL);
        assert_int_equal(last_blocked, 0);
        check(db, atb, o, eb, nrec + 2, 0, NULL);
        assert_int_equal(last_blocked, 1);
    }
    {
        /* F with the largest lrecl */
        hm_recopt o = mkopt(HM_RECFM_F, 65535, 1, 0x40);
        exp_rec f[3];
        for (i = 0; i < 3; i++) {
            f[i].off = i * 65535u;
            f[i].len = i < 2 ? 65535 : 1000;
            f[i].bytes = d + i * 65535u;
        }
        check(d, 2 * 65535 + 1000, o, f, 3, 0, "HMG0157W");
    }
    free(d);
    free(db);
    free(e);
    free(eb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t_parse),
        cmocka_unit_test(t_f_exact),
        cmocka_unit_test(t_f_strip),
        cmocka_unit_test(t_find_byte),
        cmocka_unit_test(t_f_short),
        cmocka_unit_test(t_u),
        cmocka_unit_test(t_bad_opts),
        cmocka_unit_test(t_v_rdw),
        cmocka_unit_test(t_v_detect),
        cmocka_unit_test(t_vb),
        cmocka_unit_test(t_vb_ext),
        cmocka_unit_test(t_rdw_bad),
        cmocka_unit_test(t_bdw_bad),
        cmocka_unit_test(t_bdw_first),
        cmocka_unit_test(t_spanned),
        cmocka_unit_test(t_null_segment),
        cmocka_unit_test(t_spanned_long),
        cmocka_unit_test(t_nl),
        cmocka_unit_test(t_nl_long),
        cmocka_unit_test(t_rec),
        cmocka_unit_test(t_read_error),
        cmocka_unit_test(t_bulk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
