/* test_zip_zlib.c - hostmig's deflate and inflate (zipflate.c)
 * against zlib, the reference: every stream hostmig writes must
 * inflate with zlib to the same bytes, and every stream zlib writes
 * (all levels, the fixed, Huffman-only and RLE strategies, small
 * windows) must inflate with hostmig's inflater. Also compares the
 * compression ratio with zlib's level 6. Native build only (-lz). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>
#include "hm_zip.h"

static void *t_alloc(void *c, size_t n)
{
    (void)c;
    return malloc(n);
}

static void t_free(void *c, void *p)
{
    (void)c;
    free(p);
}

static hm_alloc al = { t_alloc, t_free, 0 };

typedef struct membuf {
    unsigned char *p;
    size_t n, cap;
} membuf;

static int mb_write(void *ctx, const unsigned char *b, size_t n)
{
    membuf *m = ctx;
    if (m->n + n > m->cap) {
        m->cap = (m->n + n) * 2 + 64;
        m->p = realloc(m->p, m->cap);
    }
    memcpy(m->p + m->n, b, n);
    m->n += n;
    return 0;
}

static uint32_t rs = 1;

static unsigned rnd(void)
{
    rs = rs * 1103515245u + 12345u;
    return (rs >> 16) & 0x7FFF;
}

static unsigned char *gen(int mode, size_t n)
{
    static const char text[] = "Subject: the migration of PROFS "
        "notes\r\nTo: all users\r\n\r\nPlease move your mail.\r\n";
    unsigned char *d = malloc(n + 1);
    size_t i, dist = 1;
    for (i = 0; i < n; i++) {
        switch (mode % 5) {
        case 0:
            d[i] = (unsigned char)rnd();
            break;
        case 1:
            d[i] = (unsigned char)text[(i * 7 + rnd() % 3)
                                       % (sizeof text - 1)];
            break;
        case 2:
            d[i] = (i / 1000) & 1 ? 0 : 0x78;
            break;
        case 3:
            if (rnd() % 64 == 0)
                dist = 1 + rnd() % 32768;
            d[i] = i >= dist && rnd() % 16 ? d[i - dist]
                : (unsigned char)rnd();
            break;
        default:
            d[i] = (unsigned char)text[i % (sizeof text - 1)];
            break;
        }
    }
    return d;
}

static void test_ours_to_zlib(void **state)
{
    int t;
    (void)state;
    for (t = 0; t < 120; t++) {
        size_t n = t < 6 ? (size_t)t : (size_t)rnd() * rnd()
            % (t % 9 == 0 ? 600000 : 80000);
        unsigned char *d = gen(t, n), *u = malloc(n + 16);
        membuf o = { 0, 0, 0 };
        hm_zdef *z = hm_zdef_open(&al, mb_write, &o);
        size_t at = 0;
        z_stream s;
        while (at < n) {
            size_t k = 1 + rnd() % 40000;
            if (k > n - at)
                k = n - at;
            assert_int_equal(hm_zdef_write(z, d + at, k), 0);
            at += k;
        }
        assert_int_equal(hm_zdef_finish(z, 0), 0);
        memset(&s, 0, sizeof s);
        assert_int_equal(inflateInit2(&s, -15), Z_OK);
        s.next_in = o.p;
        s.avail_in = (uInt)o.n;
        s.next_out = u;
        s.avail_out = (uInt)(n + 16);
        assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
        assert_int_equal(s.total_out, n);
        assert_int_equal(s.avail_in, 0);
        if (n)
            assert_memory_equal(u, d, n);
        inflateEnd(&s);
        free(o.p);
        free(u);
        free(d);
    }
}

static void test_zlib_to_ours(void **state)
{
    static const int strat[5] = { Z_DEFAULT_STRATEGY, Z_FIXED,
                                  Z_HUFFMAN_ONLY, Z_RLE, Z_FILTERED };
    int t;
    (void)state;
    for (t = 0; t < 200; t++) {
        size_t n = t < 4 ? (size_t)t : (size_t)rnd() * rnd()
            % (t % 7 == 0 ? 400000 : 70000);
        unsigned char *d = gen(t / 3, n), *u = malloc(n + 16);
        unsigned char *c;
        uLong cap;
        z_stream s;
        hm_memsrc src;
        hm_zinf *zi;
        size_t got = 0;
        long k;
        memset(&s, 0, sizeof s);
        assert_int_equal(deflateInit2(&s, t % 10, Z_DEFLATED,
                                      -(9 + t % 7), 1 + t % 9,
                                      strat[t % 5]), Z_OK);
        cap = deflateBound(&s, n) + 64;
        c = malloc(cap);
        s.next_in = d;
        s.avail_in = (uInt)n;
        s.next_out = c;
        s.avail_out = (uInt)cap;
        assert_int_equal(deflate(&s, Z_FINISH), Z_STREAM_END);
        hm_memsrc_init(&src, c, s.total_out);
        src.chunk = 1 + rnd() % 3000;
        zi = hm_zinf_open(&al, hm_memsrc_read, &src);
        while ((k = hm_zinf_read(zi, u + got, 1 + rnd() % 9000)) > 0)
            got += (size_t)k;
        assert_int_equal(k, 0);
        assert_int_equal(got, n);
        assert_true(hm_zinf_done(zi));
        assert_int_equal(hm_zinf_used(zi), s.total_out);
        if (n)
            assert_memory_equal(u, d, n);
        hm_zinf_close(zi);
        deflateEnd(&s);
        free(c);
        free(u);
        free(d);
    }
}

/* as small as zlib's default level, within 3% (and 512 bytes) */
static void test_ratio(void **state)
{
    int mode;
    (void)state;
    for (mode = 1; mode < 5; mode++) {
        size_t n = 300000;
        unsigned char *d = gen(mode, n);
        membuf o = { 0, 0, 0 };
        hm_zdef *z = hm_zdef_open(&al, mb_write, &o);
        uLongf zl = compressBound(n);
        unsigned char *zb = malloc(zl);
        hm_zdef_write(z, d, n);
        hm_zdef_finish(z, 0);
        assert_int_equal(compress2(zb, &zl, d, n, 6), Z_OK);
        print_message("mode %d: ours %zu, zlib-6 %lu\n", mode, o.n,
                      (unsigned long)zl - 6);
        assert_true(o.n <= zl + zl / 33 + 512);
        free(zb);
        free(o.p);
        free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ours_to_zlib),
        cmocka_unit_test(test_zlib_to_ours),
        cmocka_unit_test(test_ratio),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
