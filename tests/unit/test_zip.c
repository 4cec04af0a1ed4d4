/* test_zip.c - pure tests of the ZIP code (hm_zip.h): CRC-32,
 * deflate/inflate round trips over many kinds of data and chunk
 * sizes, inflating streams made by zlib (fixed, dynamic, stored
 * blocks), damaged streams, the same compressed bytes on every
 * platform, ZIP write/read in memory and every MANIFEST and
 * directory check with its message number. No files, no OS, data
 * built from numbers: runs in the EBCDIC and s390x builds too.
 * (zlib cross-checks: tests/host/test_zip_zlib.c.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "migmemfs.h"
#include "hm_zip.h"


/* ---- helpers ---- */

typedef struct membuf {
    unsigned char *p;
    size_t n, cap;
    int fail_at;        /* refuse the write that would pass this */
} membuf;

static int mb_write(void *ctx, const unsigned char *b, size_t n)
{
    membuf *m = (membuf *)ctx;
    if (m->fail_at && m->n + n > (size_t)m->fail_at)
        return -1;
    if (m->n + n > m->cap) {
        m->cap = (m->n + n) * 2 + 64;
        m->p = realloc(m->p, m->cap);
    }
    memcpy(m->p + m->n, b, n);
    m->n += n;
    return 0;
}

static uint32_t lcg_state;

static unsigned lcg(void)
{
    lcg_state = (lcg_state * 1103515245u + 12345u) & 0x7FFFFFFFu;
    return (unsigned)(lcg_state >> 16);
}

/* kinds of data: 0 random, 1 text-like, 2 runs, 3 long repeats with
 * noise, 4 a single byte value */
static unsigned char *gen(int kind, size_t n, uint32_t seed)
{
    static const unsigned char words[] = {
        0x74, 0x68, 0x65, 0x20, 0x6D, 0x61, 0x69, 0x6C, 0x20, 0x6F,
        0x66, 0x20, 0x4D, 0x45, 0x4D, 0x4F, 0x0D, 0x0A, 0x61, 0x6E,
        0x64, 0x20, 0x50, 0x52, 0x4F, 0x46, 0x53, 0x2C, 0x20 };
    unsigned char *d = malloc(n + 1);
    size_t i, dist = 1;
    lcg_state = seed;
    for (i = 0; i < n; i++) {
        switch (kind) {
        case 0:
            d[i] = (unsigned char)lcg();
            break;
        case 1:
            d[i] = words[lcg() % sizeof words];
            break;
        case 2:
            d[i] = (unsigned char)((i / 700) & 1 ? 0 : 0x78);
            break;
        case 3:
            if (lcg() % 64 == 0)
                dist = 1 + lcg() % 30000;
            d[i] = (i >= dist && lcg() % 32) ? d[i - dist]
                : (unsigned char)lcg();
            break;
        default:
            d[i] = 0x41;
            break;
        }
    }
    return d;
}

static unsigned char *deflate_all(const unsigned char *d, size_t n,
                                  size_t chunk, size_t *cn)
{
    membuf o;
    hm_zdef *z;
    size_t at = 0;
    unsigned long cs = 0;
    memset(&o, 0, sizeof o);
    z = hm_zdef_open(mfs_alloc(), mb_write, &o);
    assert_non_null(z);
    while (at < n) {
        size_t k = chunk ? chunk : n;
        if (k > n - at)
            k = n - at;
        assert_int_equal(hm_zdef_write(z, d + at, k), 0);
        at += k;
    }
    assert_int_equal(hm_zdef_finish(z, &cs), 0);
    assert_int_equal(cs, o.n);
    *cn = o.n;
    return o.p;
}

/* inflate c[0..cn) expecting want[0..n); in-chunk and out-chunk sizes
 * vary */
static void inflate_expect(const unsigned char *c, size_t cn,
                           const unsigned char *want, size_t n,
                           size_t inchunk, size_t outchunk)
{
    hm_memsrc src;
    hm_zinf *z;
    unsigned char *u = malloc(n + 16);
    size_t got = 0;
    long k;
    hm_memsrc_init(&src, c, cn);
    src.chunk = inchunk;
    z = hm_zinf_open(mfs_alloc(), hm_memsrc_read, &src);
    assert_non_null(z);
    while ((k = hm_zinf_read(z, u + got, outchunk)) > 0) {
        got += (size_t)k;
        assert_true(got <= n);
    }
    assert_int_equal(k, 0);
    assert_null(hm_zinf_error(z));
    assert_int_equal(got, n);
    assert_true(hm_zinf_done(z));
    assert_int_equal(hm_zinf_used(z), cn);
    if (n)
        assert_memory_equal(u, want, n);
    hm_zinf_close(z);
    free(u);
}

/* ---- CRC-32 ---- */

static void test_crc32(void **state)
{
    static const unsigned char nine[9] = {
        0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
    unsigned long c;
    (void)state;
    assert_int_equal(hm_crc32(0, nine, 0), 0);
    assert_int_equal(hm_crc32(0, nine, 9), 0xCBF43926ul);
    c = hm_crc32(0, nine, 4);
    assert_int_equal(hm_crc32(c, nine + 4, 5), 0xCBF43926ul);
}

/* ---- deflate and inflate ---- */

static void test_roundtrip(void **state)
{
    static const size_t sizes[] = { 0, 1, 2, 3, 4, 258, 259, 32767,
                                    32768, 32769, 65536, 100000,
                                    250001 };
    size_t i;
    int kind;
    (void)state;
    for (kind = 0; kind < 5; kind++)
        for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            size_t n = sizes[i], cn;
            unsigned char *d = gen(kind, n, (uint32_t)(i * 31 + kind));
            unsigned char *c = deflate_all(d, n, i % 3 == 0 ? 0
                                           : 1 + (i * 977) % 5000, &cn);
            /* incompressible data: zlib's stored blocks (at most
             * 5 bytes per 16 KiB block, plus the end) */
            if (kind == 0)
                assert_true(cn <= n + 5 * (n / 16383 + 1) + 6);
            else if (n >= 65536)
                assert_true(cn < (kind == 1 ? n / 4 * 3 : n / 2));
            inflate_expect(c, cn, d, n, i % 2 ? 1 : 0,
                           i % 4 ? 4096 : 1 + i);
            free(c);
            free(d);
        }
}

/* the same input gives the same bytes (with one zlib build), however
 * it is fed; the stream is much smaller than the input */
static void test_deterministic(void **state)
{
    size_t n = 200000, cn, cn2;
    unsigned char *d = gen(3, n, 12345u);
    unsigned char *c = deflate_all(d, n, 0, &cn);
    unsigned char *c2 = deflate_all(d, n, 333, &cn2);
    (void)state;
    assert_int_equal(cn, cn2);
    assert_memory_equal(c, c2, cn);
    assert_true(cn < n / 2);
    free(c);
    free(c2);
    free(d);
}

/* streams made by zlib (python zlib, raw deflate) */
static const unsigned char zl_fixed[] = {  /* btype 1 */
    0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x27, 0x15, 0x01 };
static const unsigned char zl_fixed_out[] = {  /* hello x4 ! */
    0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x68, 0x65, 0x6C, 0x6C, 0x6F,
    0x20, 0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x68, 0x65, 0x6C, 0x6C,
    0x6F, 0x21 };
static const unsigned char zl_stored[] = {  /* btype 0 */
    0x01, 0x07, 0x00, 0xf8, 0xff, 0x73, 0x74, 0x6f, 0x72, 0x65, 0x64,
    0x21 };
static const unsigned char zl_dynamic[] = {  /* btype 2 */
    0x3d, 0x8e, 0xdb, 0x0e, 0x80, 0x30, 0x0c, 0x42, 0xbf, 0x15, 0x30,
    0x31, 0x8b, 0x97, 0xa9, 0xd1, 0x7d, 0xbf, 0xb4, 0x9b, 0xf6, 0x89,
    0x71, 0xa0, 0x1d, 0x30, 0x86, 0x02, 0xf1, 0x58, 0x08, 0x07, 0x24,
    0x1b, 0xdd, 0xf6, 0x3b, 0x4d, 0x4f, 0xfb, 0xcc, 0xf4, 0x39, 0x98,
    0x7b, 0x44, 0x09, 0xa0, 0x09, 0x98, 0x93, 0x8a, 0xd8, 0x32, 0x80,
    0x80, 0x1c, 0xfb, 0x23, 0x5a, 0xad, 0x9a, 0xa0, 0xdb, 0xba, 0xd0,
    0x50, 0x6b, 0xa2, 0xd8, 0x75, 0x3a, 0x56, 0xa5, 0x71, 0x2d, 0x6a,
    0x8b, 0x65, 0xde, 0xd0, 0xff, 0xc9, 0xbd, 0x93, 0x00, 0x4a, 0xdb,
    0x4d, 0x5e, 0x7c, 0x01 };

static void test_zlib_vectors(void **state)
{
    static const unsigned char st[7] = {
        0x73, 0x74, 0x6f, 0x72, 0x65, 0x64, 0x21 };
    unsigned char d[200];
    int i;
    (void)state;
    inflate_expect(zl_fixed, sizeof zl_fixed, zl_fixed_out,
                   sizeof zl_fixed_out, 1, 1);
    inflate_expect(zl_stored, sizeof zl_stored, st, 7, 0, 3);
    lcg_state = 7;
    for (i = 0; i < 200; i++) {
        unsigned v = lcg() & 0xFF;
        d[i] = (unsigned char)(v < 150 ? 0x61 : v < 200 ? 0x62
                               : v < 230 ? 0x63 : 0x64 + v % 20);
    }
    assert_int_equal(hm_crc32(0, d, 200), 0x934e521dul);
    inflate_expect(zl_dynamic, sizeof zl_dynamic, d, 200, 2, 7);
}

static void expect_damaged(const unsigned char *c, size_t cn)
{
    hm_memsrc src;
    hm_zinf *z;
    unsigned char u[512];
    long k;
    hm_memsrc_init(&src, c, cn);
    z = hm_zinf_open(mfs_alloc(), hm_memsrc_read, &src);
    while ((k = hm_zinf_read(z, u, sizeof u)) > 0)
        ;
    assert_int_equal(k, -1);
    assert_non_null(hm_zinf_error(z));
    assert_int_equal(hm_zinf_read(z, u, sizeof u), -1);
    hm_zinf_close(z);
}

static void test_damaged_streams(void **state)
{
    static const unsigned char btype3[] = { 0x07, 0x00 };
    static const unsigned char badlen[] = { 0x01, 0x07, 0x00, 0xf8,
                                            0xfe, 0x73 };
    /* fixed block: a match (length 3, distance 1) before any output */
    static const unsigned char far[] = { 0x03, 0x02, 0x00 };
    unsigned char t[sizeof zl_dynamic];
    (void)state;
    expect_damaged(btype3, sizeof btype3);
    expect_damaged(badlen, sizeof badlen);
    expect_damaged(far, sizeof far);
    expect_damaged(zl_fixed, sizeof zl_fixed - 2);       /* truncated */
    expect_damaged(zl_stored, 8);
    expect_damaged(zl_dynamic, 20);
    expect_damaged(zl_fixed, 0);
    memcpy(t, zl_dynamic, sizeof t);
    t[1] ^= 0xFF;           /* the code lengths */
    expect_damaged(t, sizeof t);
}

static void test_sink_failure(void **state)
{
    membuf o;
    hm_zdef *z;
    unsigned char *d = gen(0, 100000, 5u);
    (void)state;
    memset(&o, 0, sizeof o);
    o.fail_at = 1000;
    z = hm_zdef_open(mfs_alloc(), mb_write, &o);
    assert_int_not_equal(hm_zdef_write(z, d, 100000), 0);
    assert_int_not_equal(hm_zdef_finish(z, 0), 0);
    free(d);
    free(o.p);
}

/* ---- ZIP ---- */

typedef struct zmember {
    const char *name;
    const unsigned char *p;
    size_t n;
} zmember;

/* a ZIP of the members, a MANIFEST first unless nomf; manifest
 * lines are given by the caller when mf != NULL */
static membuf make_zip(const zmember *m, int nm, const unsigned char *mf,
                       size_t mfl, int nomf, memlog *ml)
{
    membuf o, mfb;
    hm_zipw *w;
    hm_zip_info info;
    hm_memsrc src;
    unsigned char line[128];
    int i;
    memset(&o, 0, sizeof o);
    memset(&mfb, 0, sizeof mfb);
    if (!mf) {
        mb_write(&mfb, line, hm_zip_mfline(0, 0, 0, line));
        for (i = 0; i < nm; i++)
            mb_write(&mfb, line, hm_zip_mfline(m[i].name, m[i].n,
                                               hm_crc32(0, m[i].p,
                                                        m[i].n),
                                               line));
        mf = mfb.p;
        mfl = mfb.n;
    }
    w = hm_zipw_open(mfs_alloc(), mb_write, &o, "T.ZIP", &ml->lg);
    assert_non_null(w);
    if (!nomf) {
        hm_memsrc_init(&src, mf, mfl);
        assert_int_equal(hm_zip_measure(mfs_alloc(), hm_memsrc_read,
                                        &src, &info), 0);
        hm_memsrc_init(&src, mf, mfl);
        assert_int_equal(hm_zipw_add(w, HM_ZIP_MANIFEST, hm_memsrc_read,
                                     &src, &info), 0);
    }
    for (i = 0; i < nm; i++) {
        hm_memsrc_init(&src, m[i].p, m[i].n);
        assert_int_equal(hm_zip_measure(mfs_alloc(), hm_memsrc_read,
                                        &src, &info), 0);
        hm_memsrc_init(&src, m[i].p, m[i].n);
        assert_int_equal(hm_zipw_add(w, m[i].name, hm_memsrc_read, &src,
                                     &info), 0);
    }
    assert_int_equal(hm_zipw_close(w, 0), 0);
    free(mfb.p);
    return o;
}

static zmember members[3];
static unsigned char *mdata[3];

static int zip_setup(void **state)
{
    (void)state;
    mdata[0] = gen(1, 5000, 1u);
    mdata[1] = gen(0, 300, 2u);     /* random: stored */
    mdata[2] = gen(4, 0, 3u);       /* empty */
    members[0].name = "A.PKL";
    members[0].p = mdata[0];
    members[0].n = 5000;
    members[1].name = "B.PRI";
    members[1].p = mdata[1];
    members[1].n = 300;
    members[2].name = "C.SEC";
    members[2].p = mdata[2];
    members[2].n = 0;
    return 0;
}

static int zip_teardown(void **state)
{
    int i;
    (void)state;
    for (i = 0; i < 3; i++)
        free(mdata[i]);
    return 0;
}

static void read_member(hm_zipr *r, const char *name,
                        const unsigned char *want, size_t n)
{
    long i = hm_zipr_find(r, name);
    hm_read_fn fn;
    void *ctx;
    unsigned char *u = malloc(n + 8);
    size_t got = 0;
    long k;
    assert_true(i >= 0);
    assert_int_equal(hm_zipr_size(r, (unsigned long)i), n);
    assert_int_equal(hm_zipr_mopen(r, (unsigned long)i, &fn, &ctx), 0);
    while ((k = fn(ctx, u + got, 1 + got % 700)) > 0)
        got += (size_t)k;
    assert_int_equal(k, 0);
    assert_int_equal(got, n);
    if (n)
        assert_memory_equal(u, want, n);
    hm_zipr_mclose(r, ctx);
    free(u);
}

static void test_zip_roundtrip(void **state)
{
    static const unsigned char apkl[5] = { 0x41, 0x2E, 0x50, 0x4B, 0x4C };
    memlog ml;
    membuf z;
    hm_zipr *r;
    (void)state;
    memlog_init(&ml);
    z = make_zip(members, 3, 0, 0, 0, &ml);
    assert_int_equal(ml.n, 0);
    /* names are ASCII in the archive (the first local header after
     * the MANIFEST member's) */
    assert_non_null(memchr(z.p, 0x41, z.n));
    {
        size_t i;
        int found = 0;
        for (i = 0; i + 5 <= z.n; i++)
            if (memcmp(z.p + i, apkl, 5) == 0)
                found++;
        assert_int_equal(found, 2);     /* local and central */
    }
    /* the same bytes when made again */
    {
        membuf z2 = make_zip(members, 3, 0, 0, 0, &ml);
        assert_int_equal(z2.n, z.n);
        assert_memory_equal(z2.p, z.p, z.n);
        free(z2.p);
    }
    r = hm_zipr_open(mfs_alloc(), z.p, (unsigned long)z.n, "T.ZIP",
                     &ml.lg);
    assert_non_null(r);
    assert_int_equal(hm_zipr_verify(r), 0);
    assert_int_equal(ml.n, 0);
    assert_int_equal(hm_zipr_count(r), 4);
    assert_string_equal(hm_zipr_name(r, 0), "MANIFEST");
    assert_string_equal(hm_zipr_name(r, 1), "A.PKL");
    read_member(r, "A.PKL", mdata[0], 5000);
    read_member(r, "b.pri", mdata[1], 300);
    read_member(r, "C.SEC", mdata[2], 0);
    assert_int_equal(hm_zipr_find(r, "D.SEC"), -1);
    hm_zipr_close(r);
    free(z.p);
}

/* check a ZIP; expect errors and message id */
static void expect_zip(const membuf *z, int id)
{
    memlog ml;
    hm_zipr *r;
    memlog_init(&ml);
    r = hm_zipr_open(mfs_alloc(), z->p, (unsigned long)z->n, "T.ZIP",
                     &ml.lg);
    if (r) {
        assert_true(hm_zipr_verify(r) > 0);
        hm_zipr_close(r);
    }
    assert_true(memlog_has(&ml, id));
    assert_int_equal(hm_log_rc(&ml.lg), 8);
}

/* offset of the data of the member whose local header holds name */
static size_t data_at(const membuf *z, const unsigned char *an, size_t l)
{
    size_t i;
    for (i = 0; i + 30 + l <= z->n; i++)
        if (z->p[i] == 0x50 && z->p[i + 1] == 0x4B && z->p[i + 2] == 3
            && z->p[i + 3] == 4 && memcmp(z->p + i + 30, an, l) == 0)
            return i + 30 + l + z->p[i + 28] + 256u * z->p[i + 29];
    fail();
    return 0;
}

static void test_zip_damage(void **state)
{
    static const unsigned char bpri[5] = { 0x42, 0x2E, 0x50, 0x52, 0x49 };
    static const unsigned char apkl[5] = { 0x41, 0x2E, 0x50, 0x4B, 0x4C };
    memlog ml;
    membuf z, mf;
    unsigned char line[128];
    size_t at;
    int i;
    (void)state;
    memlog_init(&ml);
    /* a flipped byte in a stored member: CRC */
    z = make_zip(members, 3, 0, 0, 0, &ml);
    at = data_at(&z, bpri, 5);
    z.p[at + 100] ^= 0x20;
    expect_zip(&z, HMM_ZIPCRC);
    z.p[at + 100] ^= 0x20;
    /* ... and in a deflated one: damaged data or CRC */
    at = data_at(&z, apkl, 5);
    z.p[at + 10] ^= 0x01;
    {
        memlog m2;
        hm_zipr *r;
        memlog_init(&m2);
        r = hm_zipr_open(mfs_alloc(), z.p, (unsigned long)z.n, "T",
                         &m2.lg);
        assert_non_null(r);
        assert_true(hm_zipr_verify(r) > 0);
        assert_true(memlog_has(&m2, HMM_ZIPCRC)
                    || memlog_has(&m2, HMM_ZIPDATA)
                    || memlog_has(&m2, HMM_ZIPLONG)
                    || memlog_has(&m2, HMM_ZIPSIZE));
        hm_zipr_close(r);
    }
    z.p[at + 10] ^= 0x01;
    /* truncated: no end record */
    z.n -= 5;
    expect_zip(&z, HMM_ZIPEOCD);
    z.n = 10;
    expect_zip(&z, HMM_ZIPEOCD);
    free(z.p);
    /* no MANIFEST */
    z = make_zip(members, 3, 0, 0, 1, &ml);
    expect_zip(&z, HMM_MFNONE);
    free(z.p);
    /* a member missing from the ZIP; an extra member */
    memset(&mf, 0, sizeof mf);
    mb_write(&mf, line, hm_zip_mfline(0, 0, 0, line));
    for (i = 0; i < 3; i++)
        mb_write(&mf, line, hm_zip_mfline(members[i].name, members[i].n,
                                          hm_crc32(0, members[i].p,
                                                   members[i].n),
                                          line));
    z = make_zip(members, 2, mf.p, mf.n, 0, &ml);
    expect_zip(&z, HMM_MFMISSING);
    free(z.p);
    /* without the line of C.SEC (C.SEC,0,00000000 CR LF) */
    z = make_zip(members, 3, mf.p, mf.n - 18, 0, &ml);
    expect_zip(&z, HMM_MFEXTRA);
    free(z.p);
    /* a wrong CRC, a wrong size, a bad line, a line twice */
    mf.p[mf.n - 3] ^= 0x01;                 /* last hex digit */
    z = make_zip(members, 3, mf.p, mf.n, 0, &ml);
    expect_zip(&z, HMM_MFCRC);
    free(z.p);
    mf.p[mf.n - 3] ^= 0x01;
    {
        membuf m2;
        memset(&m2, 0, sizeof m2);
        mb_write(&m2, mf.p, mf.n);
        mb_write(&m2, line, hm_zip_mfline("C.SEC", 1, 0, line));
        z = make_zip(members, 3, m2.p, m2.n, 0, &ml);
        expect_zip(&z, HMM_MFDUP);
        free(z.p);
        m2.n = mf.n;
        mb_write(&m2, line, 4);     /* "C.SE": no fields */
        z = make_zip(members, 3, m2.p, m2.n, 0, &ml);
        expect_zip(&z, HMM_MFLINE);
        free(z.p);
        free(m2.p);
    }
    {
        /* B.PRI,300,... -> B.PRI,301,... */
        size_t k;
        for (k = 0; k + 4 < mf.n; k++)
            if (mf.p[k] == 0x2C && mf.p[k + 1] == 0x33
                && mf.p[k + 2] == 0x30 && mf.p[k + 3] == 0x30)
                mf.p[k + 3] = 0x31;
        z = make_zip(members, 3, mf.p, mf.n, 0, &ml);
        expect_zip(&z, HMM_MFSIZE);
        free(z.p);
    }
    /* a member twice */
    {
        zmember two[4];
        memcpy(two, members, sizeof members);
        two[3] = members[1];
        z = make_zip(two, 4, 0, 0, 0, &ml);
        expect_zip(&z, HMM_ZIPDUP);
        free(z.p);
    }
    free(mf.p);
}

/* data that changes between measuring and writing */
static void test_zip_changed(void **state)
{
    memlog ml;
    membuf o;
    hm_zipw *w;
    hm_zip_info info;
    hm_memsrc src;
    unsigned char *a = gen(1, 1000, 1u), *b = gen(1, 1000, 2u);
    (void)state;
    memlog_init(&ml);
    memset(&o, 0, sizeof o);
    w = hm_zipw_open(mfs_alloc(), mb_write, &o, "T.ZIP", &ml.lg);
    hm_memsrc_init(&src, a, 1000);
    assert_int_equal(hm_zip_measure(mfs_alloc(), hm_memsrc_read, &src,
                                    &info), 0);
    hm_memsrc_init(&src, b, 1000);
    assert_int_not_equal(hm_zipw_add(w, "X", hm_memsrc_read, &src,
                                     &info), 0);
    assert_true(memlog_has(&ml, HMM_MPCHANGED));
    assert_int_not_equal(hm_zipw_close(w, 0), 0);
    free(a);
    free(b);
    free(o.p);
}

/* every prefix of a ZIP is an error; single-byte changes do not
 * crash (run under the sanitizers by the fuzz harness too) */
static void test_zip_prefixes(void **state)
{
    memlog ml;
    membuf z;
    size_t k;
    (void)state;
    memlog_init(&ml);
    z = make_zip(members, 2, 0, 0, 0, &ml);
    for (k = 0; k < z.n; k++) {
        memlog m2;
        hm_zipr *r;
        memlog_init(&m2);
        r = hm_zipr_open(mfs_alloc(), z.p, (unsigned long)k, "T", &m2.lg);
        if (r) {
            hm_zipr_verify(r);
            hm_zipr_close(r);
        }
        assert_int_equal(hm_log_rc(&m2.lg), 8);
    }
    for (k = 0; k < z.n; k += 3) {
        memlog m2;
        hm_zipr *r;
        z.p[k] ^= 0x10;
        memlog_init(&m2);
        r = hm_zipr_open(mfs_alloc(), z.p, (unsigned long)z.n, "T",
                         &m2.lg);
        if (r) {
            hm_zipr_verify(r);
            hm_zipr_close(r);
        }
        z.p[k] ^= 0x10;
    }
    free(z.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crc32),
        cmocka_unit_test(test_roundtrip),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_zlib_vectors),
        cmocka_unit_test(test_damaged_streams),
        cmocka_unit_test(test_sink_failure),
        cmocka_unit_test(test_zip_roundtrip),
        cmocka_unit_test(test_zip_damage),
        cmocka_unit_test(test_zip_changed),
        cmocka_unit_test(test_zip_prefixes),
    };
    return cmocka_run_group_tests(tests, zip_setup, zip_teardown);
}
