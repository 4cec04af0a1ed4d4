/*
 * test_cp_iconv.c - the built-in code pages against glibc iconv,
 * byte for byte, and the iconv backend (plat_iconv.c). Native only.
 *
 * Every built-in CCSID, every byte value: hm_cpconv (HM_NL_CDRA,
 * UTF-8) must write exactly what iconv writes; a byte iconv rejects
 * must be one the product replaces (U+FFFD) and counts. Likewise the
 * PC pages Windows-1252 and IBM-850, both ways.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <iconv.h>
#include <cmocka.h>

#include "hm_cp.h"
#include "hm_cpiconv.h"

static unsigned long compared;   /* byte values compared */
static unsigned long rejected;   /* of them, rejected by iconv */

/* Convert n bytes with iconv from -> to. Returns the output length,
 * or -1 if iconv rejects the input. */
static long iconv_bytes(const char *to, const char *from,
                        const unsigned char *in, size_t n,
                        unsigned char *out, size_t cap)
{
    iconv_t cd = iconv_open(to, from);
    char *ip = (char *)in, *op = (char *)out;
    size_t il = n, ol = cap, r;

    if (cd == (iconv_t)-1)
        fail_msg("iconv does not know %s -> %s", from, to);
    r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == (size_t)-1)
        return -1;
    return (long)(cap - ol);
}

static void check_page(const hm_cpage *cp, const char *iname)
{
    hm_cpconv cv;
    unsigned char in[1], mine[4], theirs[16];
    static const unsigned char repl[] = { 0xEF, 0xBF, 0xBD };
    int b;

    assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA), 0);
    for (b = 0; b < 256; b++) {
        size_t n;
        long m;
        unsigned long before = cv.nunmapped;

        in[0] = (unsigned char)b;
        n = hm_cpconv_run(&cv, in, 1, mine);
        m = iconv_bytes("UTF-8", iname, in, 1, theirs, sizeof theirs);
        compared++;
        if (m < 0) {
            rejected++;
            if (n != 3 || memcmp(mine, repl, 3) != 0
                || cv.nunmapped != before + 1
                || cp->ucs[b] != HM_CP_UNDEF)
                fail_msg("%s X'%02X': iconv rejects it, hostmig does "
                         "not replace it", iname, b);
            continue;
        }
        if ((long)n != m || memcmp(mine, theirs, n) != 0
            || cv.nunmapped != before)
            fail_msg("%s X'%02X': hostmig and iconv differ", iname, b);
    }
}

static void test_builtin_pages(void **state)
{
    int i;
    unsigned long before = compared;
    (void)state;
    assert_int_equal(hm_cp_count(), 25);
    for (i = 0; i < hm_cp_count(); i++) {
        const hm_cpage *cp = hm_cp_at(i);
        char iname[16];
        snprintf(iname, sizeof iname, "IBM%03u", cp->ccsid);
        check_page(cp, iname);
    }
    assert_int_equal(compared - before, 25 * 256);
}

/* The whole 256-byte string in one run, too (the unrolled path). */
static void test_builtin_pages_bulk(void **state)
{
    unsigned char in[256], mine[3 * 256], theirs[4 * 256];
    int i, b;
    (void)state;
    for (b = 0; b < 256; b++)
        in[b] = (unsigned char)b;
    for (i = 0; i < hm_cp_count(); i++) {
        const hm_cpage *cp = hm_cp_at(i);
        hm_cpconv cv;
        char iname[16];
        size_t n;
        long m;

        if (cp->ccsid == 875)
            continue;        /* iconv stops at its undefined bytes */
        snprintf(iname, sizeof iname, "IBM%03u", cp->ccsid);
        assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_UTF8,
                                        HM_NL_CDRA), 0);
        n = hm_cpconv_run(&cv, in, 256, mine);
        m = iconv_bytes("UTF-8", iname, in, 256, theirs, sizeof theirs);
        assert_int_equal((long)n, m);
        assert_memory_equal(mine, theirs, n);
    }
}

/* PC side: byte -> Unicode and Unicode -> byte against iconv. */
static void check_pc(unsigned target, const char *iname)
{
    int b;
    unsigned char in[1], u8[8], back[8], enc[4];

    for (b = 0; b < 256; b++) {
        unsigned long u = hm_pc_to_ucs(target, (unsigned char)b);
        long m;
        int um;
        size_t n;

        in[0] = (unsigned char)b;
        m = iconv_bytes("UTF-8", iname, in, 1, u8, sizeof u8);
        compared++;
        if (m < 0) {
            rejected++;
            if (u != HM_CP_UNDEF)
                fail_msg("%s X'%02X': iconv rejects it", iname, b);
            continue;
        }
        n = hm_pc_encode(HM_PC_UTF8, u, enc, &um);
        if ((long)n != m || memcmp(enc, u8, n) != 0)
            fail_msg("%s X'%02X': hostmig and iconv differ", iname, b);
        /* and back */
        m = iconv_bytes(iname, "UTF-8", u8, n, back, sizeof back);
        assert_int_equal(m, 1);
        n = hm_pc_encode(target, u, enc, &um);
        assert_int_equal(n, 1);
        assert_int_equal(um, 0);
        assert_int_equal(enc[0], back[0]);
    }
}

static void test_pc_pages(void **state)
{
    (void)state;
    check_pc(HM_PC_1252, "CP1252");
    check_pc(HM_PC_850, "IBM850");
}

/* Unicode -> 1252/850 for everything up to U+FFFF: mapped exactly
 * where iconv maps, '?' and counted elsewhere. */
static void test_pc_encode_bmp(void **state)
{
    static const unsigned targets[2] = { HM_PC_1252, HM_PC_850 };
    static const char *const names[2] = { "CP1252", "IBM850" };
    int t;
    (void)state;
    for (t = 0; t < 2; t++) {
        iconv_t cd = iconv_open(names[t], "UTF-32BE");
        unsigned long u;
        assert_true(cd != (iconv_t)-1);
        for (u = 0; u < 0x10000; u++) {
            unsigned char in[4], out[8], mine[4];
            char *ip = (char *)in, *op = (char *)out;
            size_t il = 4, ol = sizeof out, r, n;
            int um;

            if (u >= 0xD800 && u <= 0xDFFF)
                continue;
            in[0] = 0;
            in[1] = (unsigned char)(u >> 16);
            in[2] = (unsigned char)(u >> 8);
            in[3] = (unsigned char)u;
            iconv(cd, NULL, NULL, NULL, NULL);
            r = iconv(cd, &ip, &il, &op, &ol);
            n = hm_pc_encode(targets[t], u, mine, &um);
            assert_int_equal(n, 1);
            if (r == (size_t)-1) {
                if (!um || mine[0] != 0x3F)
                    fail_msg("%s U+%04lX: iconv rejects it", names[t],
                             u);
            } else if (um || sizeof out - ol != 1 || out[0] != mine[0]) {
                fail_msg("%s U+%04lX: hostmig and iconv differ",
                         names[t], u);
            }
        }
        iconv_close(cd);
    }
}

/* The iconv backend for pages that are not built in. */
static void check_from_iconv(unsigned ccsid, const char *iname,
                             int want_undef)
{
    hm_cpage cp;
    char name[16];
    int nundef = 0, b;
    unsigned long before = compared;

    assert_null(hm_cp_builtin(ccsid));
    assert_int_equal(hm_cp_from_iconv(ccsid, &cp, name, sizeof name), 0);
    assert_int_equal(cp.ccsid, ccsid);
    assert_ptr_equal(cp.name, name);
    assert_string_equal(name, iname);
    check_page(&cp, iname);
    for (b = 0; b < 256; b++)
        if (cp.ucs[b] == HM_CP_UNDEF)
            nundef++;
    assert_int_equal(nundef, want_undef);
    assert_int_equal(compared - before, 256);
}

static void test_from_iconv(void **state)
{
    hm_cpage cp;
    char name[16];
    (void)state;
    check_from_iconv(424, "IBM424", 39);    /* Hebrew, with gaps */
    check_from_iconv(1122, "IBM1122", 0);   /* Estonian */
    check_from_iconv(1112, "IBM1112", 0);   /* Baltic */
    /* a built-in one gives the same table */
    assert_int_equal(hm_cp_from_iconv(273, &cp, name, sizeof name), 0);
    assert_string_equal(name, "IBM273");
    assert_memory_equal(cp.ucs, hm_cp_builtin(273)->ucs, sizeof cp.ucs);
    assert_int_equal(hm_cp_from_iconv(37, &cp, name, sizeof name), 0);
    assert_string_equal(name, "IBM037");
    assert_memory_equal(cp.ucs, hm_cp_builtin(37)->ucs, sizeof cp.ucs);
    /* unknown, multi-byte, or no room for the name */
    assert_int_equal(hm_cp_from_iconv(0, &cp, name, sizeof name), -1);
    assert_int_equal(hm_cp_from_iconv(4711, &cp, name, sizeof name), -1);
    assert_int_equal(hm_cp_from_iconv(930, &cp, name, sizeof name), -1);
    assert_int_equal(hm_cp_from_iconv(1390, &cp, name, sizeof name), -1);
    assert_int_equal(hm_cp_from_iconv(424, &cp, name, 4), -1);
}

static int report(void **state)
{
    (void)state;
    printf("test_cp_iconv: %lu byte values compared with iconv "
           "(%lu rejected by iconv, replaced and counted by hostmig)\n",
           compared, rejected);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_pages),
        cmocka_unit_test(test_builtin_pages_bulk),
        cmocka_unit_test(test_pc_pages),
        cmocka_unit_test(test_pc_encode_bmp),
        cmocka_unit_test(test_from_iconv),
    };
    return cmocka_run_group_tests(tests, NULL, report);
}
