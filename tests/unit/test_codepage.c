/*
 * test_codepage.c - code pages (codepage.c, cp_tables.c). Pure: no
 * files, no iconv. Data bytes are written in hex, never as character
 * literals, so the test means the same in the EBCDIC build.
 * The byte-for-byte comparison with glibc iconv is in
 * tests/host/test_cp_iconv.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hm_cp.h"

#define NA(a) (sizeof(a) / sizeof((a)[0]))

static const unsigned expected_ccsids[] = {
    37, 273, 277, 278, 280, 284, 285, 297, 500, 870, 871, 875,
    1025, 1026, 1047, 1140, 1141, 1142, 1143, 1144, 1145, 1146, 1147,
    1148, 1149
};

static const hm_cpage *page(unsigned ccsid)
{
    const hm_cpage *cp = hm_cp_builtin(ccsid);
    assert_non_null(cp);
    assert_int_equal(cp->ccsid, ccsid);
    return cp;
}

/* An encoder written independently of the product's. */
static size_t ref_utf8(unsigned long u, unsigned char *o)
{
    if (u < 0x80) {
        o[0] = (unsigned char)u;
        return 1;
    }
    if (u < 0x800) {
        o[0] = (unsigned char)(0xC0 + u / 64);
        o[1] = (unsigned char)(0x80 + u % 64);
        return 2;
    }
    if (u < 0x10000) {
        o[0] = (unsigned char)(0xE0 + u / 4096);
        o[1] = (unsigned char)(0x80 + u / 64 % 64);
        o[2] = (unsigned char)(0x80 + u % 64);
        return 3;
    }
    o[0] = (unsigned char)(0xF0 + u / 262144);
    o[1] = (unsigned char)(0x80 + u / 4096 % 64);
    o[2] = (unsigned char)(0x80 + u / 64 % 64);
    o[3] = (unsigned char)(0x80 + u % 64);
    return 4;
}

static void test_list(void **state)
{
    int i, n = hm_cp_count();
    (void)state;
    assert_int_equal(n, (int)NA(expected_ccsids));
    for (i = 0; i < n; i++) {
        const hm_cpage *cp = hm_cp_at(i);
        assert_non_null(cp);
        assert_int_equal(cp->ccsid, expected_ccsids[i]);
        assert_ptr_equal(hm_cp_builtin(cp->ccsid), cp);
        assert_non_null(cp->name);
    }
    assert_null(hm_cp_at(-1));
    assert_null(hm_cp_at(n));
    assert_null(hm_cp_builtin(0));
    assert_null(hm_cp_builtin(424));
    assert_null(hm_cp_builtin(850));
    assert_null(hm_cp_builtin(1252));
    assert_null(hm_cp_builtin(65001));
    assert_string_equal(page(37)->name, "IBM-037");
    assert_string_equal(page(1141)->name, "IBM-1141");
}

/* What every built-in page shares. */
static void test_invariants(void **state)
{
    int i, k;
    (void)state;
    for (i = 0; i < hm_cp_count(); i++) {
        const hm_cpage *cp = hm_cp_at(i);
        int ctl = 0;
        assert_int_equal(cp->ucs[0x00], 0x0000);
        assert_int_equal(cp->ucs[0x40], 0x0020);
        assert_int_equal(cp->ucs[0x15], 0x0085);
        assert_int_equal(cp->ucs[0x25], 0x000A);
        assert_int_equal(cp->ucs[0x0D], 0x000D);
        assert_int_equal(cp->ucs[0x05], 0x0009);
        for (k = 0; k < 10; k++)
            assert_int_equal(cp->ucs[0xF0 + k], 0x30 + k);
        for (k = 0; k < 9; k++) {
            assert_int_equal(cp->ucs[0xC1 + k], 0x41 + k);
            assert_int_equal(cp->ucs[0xD1 + k], 0x4A + k);
            assert_int_equal(cp->ucs[0x81 + k], 0x61 + k);
            assert_int_equal(cp->ucs[0x91 + k], 0x6A + k);
        }
        for (k = 0; k < 8; k++) {
            assert_int_equal(cp->ucs[0xE2 + k], 0x53 + k);
            assert_int_equal(cp->ucs[0xA2 + k], 0x73 + k);
        }
        for (k = 0; k < 256; k++)
            if (cp->ucs[k] < 0x20 || (cp->ucs[k] >= 0x7F
                                      && cp->ucs[k] <= 0x9F))
                ctl++;
        assert_int_equal(ctl, 65); /* C0, DEL, C1 */
    }
}

struct known {
    unsigned ccsid;
    unsigned char byte;
    unsigned short ucs;
};

static const struct known knowns[] = {
    { 37, 0xC1, 0x0041 }, { 37, 0x4A, 0x00A2 }, { 37, 0x5A, 0x0021 },
    { 37, 0x5F, 0x00AC }, { 37, 0xBA, 0x005B }, { 37, 0x4F, 0x007C },
    { 37, 0x9F, 0x00A4 },
    { 273, 0x4A, 0x00C4 }, { 273, 0x5A, 0x00DC }, { 273, 0xC0, 0x00E4 },
    { 273, 0xA1, 0x00DF }, { 273, 0x6A, 0x00F6 }, { 273, 0xD0, 0x00FC },
    { 273, 0xE0, 0x00D6 }, { 273, 0x7C, 0x00A7 }, { 273, 0x9F, 0x00A4 },
    { 277, 0x5A, 0x00A4 }, { 278, 0x71, 0x00C9 }, { 278, 0xE0, 0x005C },
    { 280, 0x4A, 0x00B0 }, { 284, 0x7B, 0x00D1 }, { 285, 0x5B, 0x00A3 },
    { 285, 0x4A, 0x0024 }, { 285, 0xA1, 0x203E }, { 297, 0x44, 0x0040 },
    { 297, 0x7B, 0x00A3 }, { 500, 0x4A, 0x005B }, { 500, 0x4F, 0x0021 },
    { 500, 0x5A, 0x005D },
    { 870, 0x44, 0x0163 }, { 870, 0x47, 0x010D }, { 870, 0x49, 0x0107 },
    { 870, 0xB9, 0x0179 },
    { 871, 0x4A, 0x00FE }, { 871, 0xC0, 0x00DE },
    { 875, 0x41, 0x0391 }, { 875, 0x42, 0x0392 }, { 875, 0x71, 0x0386 },
    { 875, 0x8A, 0x03B1 }, { 875, 0xB1, 0x03AC },
    { 1025, 0x42, 0x0452 }, { 1025, 0x80, 0x0446 },
    { 1025, 0xB9, 0x0410 }, { 1025, 0xFE, 0x0427 },
    { 1025, 0x5A, 0x005D },
    { 1026, 0x4A, 0x00C7 }, { 1026, 0x5A, 0x011E },
    { 1026, 0x7C, 0x015E }, { 1026, 0xD0, 0x011F },
    { 1026, 0xFC, 0x0022 },
    { 1047, 0x5F, 0x005E }, { 1047, 0xAD, 0x005B },
    { 1047, 0xBD, 0x005D }, { 1047, 0xBA, 0x00DD },
    { 1047, 0xB0, 0x00AC },
    { 1140, 0x9F, 0x20AC }, { 1141, 0x9F, 0x20AC },
    { 1141, 0x4A, 0x00C4 }, { 1142, 0x5A, 0x20AC },
    { 1143, 0x5A, 0x20AC }, { 1143, 0x71, 0x005C },
    { 1143, 0xE0, 0x00C9 }, { 1144, 0x9F, 0x20AC },
    { 1145, 0x9F, 0x20AC }, { 1146, 0x9F, 0x20AC },
    { 1146, 0xA1, 0x00AF }, { 1147, 0x9F, 0x20AC },
    { 1148, 0x9F, 0x20AC }, { 1149, 0x9F, 0x20AC },
    { 1149, 0x4A, 0x00DE }, { 1149, 0xC0, 0x00FE }
};

static void test_known_values(void **state)
{
    size_t i;
    (void)state;
    for (i = 0; i < NA(knowns); i++) {
        const hm_cpage *cp = page(knowns[i].ccsid);
        if (cp->ucs[knowns[i].byte] != knowns[i].ucs)
            fail_msg("CCSID %u byte %02X: got U+%04X, want U+%04X",
                     knowns[i].ccsid, knowns[i].byte,
                     cp->ucs[knowns[i].byte], knowns[i].ucs);
    }
}

/* Euro pages: the base page with the euro at X'9F' (X'5A' for
 * 277/278) instead of the currency sign, plus the documented extra
 * differences. */
static void test_euro_pairs(void **state)
{
    static const unsigned base[10] = {
        37, 273, 277, 278, 280, 284, 285, 297, 500, 871
    };
    int i, b;
    (void)state;
    for (i = 0; i < 10; i++) {
        const hm_cpage *p = page(base[i]);
        const hm_cpage *e = page(1140u + (unsigned)i);
        int at = (base[i] == 277 || base[i] == 278) ? 0x5A : 0x9F;
        int ndiff = 0;
        assert_int_equal(p->ucs[at], 0x00A4);
        assert_int_equal(e->ucs[at], 0x20AC);
        for (b = 0; b < 256; b++)
            if (p->ucs[b] != e->ucs[b])
                ndiff++;
        /* 278/1143: X'71'/X'E0' swapped; 871/1149: X'4A'/X'C0';
         * 285/1146: X'A1' */
        if (base[i] == 278 || base[i] == 871)
            assert_int_equal(ndiff, 3);
        else if (base[i] == 285)
            assert_int_equal(ndiff, 2);
        else
            assert_int_equal(ndiff, 1);
    }
}

static void test_037_1047_500(void **state)
{
    static const unsigned char d1047[] = {
        0x5F, 0xAD, 0xB0, 0xBA, 0xBB, 0xBD
    };
    static const unsigned char d500[] = {
        0x4A, 0x4F, 0x5A, 0x5F, 0xB0, 0xBA, 0xBB
    };
    const hm_cpage *a = page(37), *b = page(1047), *c = page(500);
    int k, n1 = 0, n2 = 0;
    size_t j;
    (void)state;
    for (k = 0; k < 256; k++) {
        if (a->ucs[k] != b->ucs[k]) {
            for (j = 0; j < NA(d1047) && d1047[j] != k; j++)
                ;
            assert_true(j < NA(d1047));
            n1++;
        }
        if (a->ucs[k] != c->ucs[k]) {
            for (j = 0; j < NA(d500) && d500[j] != k; j++)
                ;
            assert_true(j < NA(d500));
            n2++;
        }
    }
    assert_int_equal(n1, (int)NA(d1047));
    assert_int_equal(n2, (int)NA(d500));
}

/* glibc leaves these 875 bytes undefined. */
static void test_875_undefined(void **state)
{
    static const unsigned char und[] = {
        0x6A, 0xDC, 0xE1, 0xEC, 0xED, 0xFC, 0xFD
    };
    static const unsigned char in[] = { 0xC1, 0x6A, 0x41, 0xFD };
    static const unsigned char want8[] = {
        0x41, 0xEF, 0xBF, 0xBD, 0xCE, 0x91, 0xEF, 0xBF, 0xBD
    };
    static const unsigned char want1252[] = { 0x41, 0x3F, 0x3F, 0x3F };
    const hm_cpage *cp = page(875);
    hm_cpconv cv;
    unsigned char out[12];
    size_t j, n;
    int k, nund = 0;
    (void)state;
    for (k = 0; k < 256; k++)
        if (cp->ucs[k] == HM_CP_UNDEF)
            nund++;
    assert_int_equal(nund, (int)NA(und));
    for (j = 0; j < NA(und); j++)
        assert_int_equal(cp->ucs[und[j]], HM_CP_UNDEF);
    for (k = 0; k < hm_cp_count(); k++)
        if (hm_cp_at(k)->ccsid != 875)
            for (j = 0; j < 256; j++)
                assert_int_not_equal(hm_cp_at(k)->ucs[j], HM_CP_UNDEF);

    assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_int_equal(n, sizeof want8);
    assert_memory_equal(out, want8, n);
    assert_int_equal(cv.nunmapped, 2);
    assert_int_equal(cv.unmapped[0x6A], 1);
    assert_int_equal(cv.unmapped[0x41], 0);

    /* Greek alpha is not in 1252 either. */
    assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_1252, HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_int_equal(n, sizeof want1252);
    assert_memory_equal(out, want1252, n);
    assert_int_equal(cv.nunmapped, 3);
    assert_int_equal(hm_cp_from_ucs(cp, HM_CP_UNDEF), -1);
}

static void test_nl_policies(void **state)
{
    static const unsigned char in[] = { 0x15, 0x25, 0xC1 };
    static const unsigned char cdra[] = { 0xC2, 0x85, 0x0A, 0x41 };
    static const unsigned char uss[] = { 0x0A, 0xC2, 0x85, 0x41 };
    static const unsigned char lf[] = { 0x0A, 0x0A, 0x41 };
    static const unsigned char lf1252[] = { 0x0A, 0x0A, 0x41 };
    static const unsigned char cdra1252[] = { 0x3F, 0x0A, 0x41 };
    hm_cpconv cv;
    unsigned char out[16];
    size_t n;
    int i;
    (void)state;
    for (i = 0; i < hm_cp_count(); i++) {
        const hm_cpage *cp = hm_cp_at(i);
        assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA),
                         0);
        n = hm_cpconv_run(&cv, in, sizeof in, out);
        assert_int_equal(n, sizeof cdra);
        assert_memory_equal(out, cdra, n);
        assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_USS),
                         0);
        n = hm_cpconv_run(&cv, in, sizeof in, out);
        assert_int_equal(n, sizeof uss);
        assert_memory_equal(out, uss, n);
        assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_LF),
                         0);
        n = hm_cpconv_run(&cv, in, sizeof in, out);
        assert_int_equal(n, sizeof lf);
        assert_memory_equal(out, lf, n);
        assert_int_equal(cv.nunmapped, 0);
    }
    /* NEL has no place in 1252: replaced and counted. */
    assert_int_equal(hm_cpconv_init(&cv, page(37), HM_PC_1252,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_int_equal(n, sizeof cdra1252);
    assert_memory_equal(out, cdra1252, n);
    assert_int_equal(cv.nunmapped, 1);
    assert_int_equal(hm_cpconv_init(&cv, page(37), HM_PC_850, HM_NL_LF),
                     0);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_memory_equal(out, lf1252, n);
    assert_int_equal(cv.nunmapped, 0);
    /* The page itself is not changed by a policy. */
    assert_int_equal(page(37)->ucs[0x15], 0x0085);
    /* Bad arguments. */
    assert_int_equal(hm_cpconv_init(&cv, page(37), 1250, HM_NL_CDRA), -1);
    assert_int_equal(hm_cpconv_init(&cv, page(37), HM_PC_UTF8, 3), -1);
    assert_int_equal(hm_cpconv_init(&cv, NULL, HM_PC_UTF8, HM_NL_CDRA),
                     -1);
}

static void test_utf8_output(void **state)
{
    /* "Verfügung m u ß über" as in spool.mvsnd, CCSID 273 */
    static const unsigned char in[] = {
        0xE5, 0x85, 0x99, 0x86, 0xD0, 0x87, 0xA4, 0x95, 0x87, 0x40,
        0x94, 0x40, 0xA4, 0x40, 0xA1, 0x40, 0xD0, 0x82, 0x85, 0x99
    };
    static const unsigned char want[] = {
        0x56, 0x65, 0x72, 0x66, 0xC3, 0xBC, 0x67, 0x75, 0x6E, 0x67, 0x20,
        0x6D, 0x20, 0x75, 0x20, 0xC3, 0x9F, 0x20, 0xC3, 0xBC, 0x62, 0x65,
        0x72
    };
    static const unsigned char euro_in[] = { 0x9F, 0x40, 0x9F };
    static const unsigned char euro[] = {
        0xE2, 0x82, 0xAC, 0x20, 0xE2, 0x82, 0xAC
    };
    static const unsigned char greek_in[] = { 0x41, 0x8A };
    static const unsigned char greek[] = { 0xCE, 0x91, 0xCE, 0xB1 };
    hm_cpconv cv;
    unsigned char out[3 * sizeof in];
    size_t n;
    (void)state;
    assert_int_equal(hm_cpconv_init(&cv, page(273), HM_PC_UTF8,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_int_equal(n, sizeof want);
    assert_memory_equal(out, want, n);
    assert_int_equal(hm_cpconv_run(&cv, in, 0, out), 0);
    assert_int_equal(cv.nunmapped, 0);
    assert_int_equal(hm_cpconv_init(&cv, page(1140), HM_PC_UTF8,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, euro_in, sizeof euro_in, out);
    assert_int_equal(n, sizeof euro);
    assert_memory_equal(out, euro, n);
    assert_int_equal(hm_cpconv_init(&cv, page(875), HM_PC_UTF8,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, greek_in, sizeof greek_in, out);
    assert_int_equal(n, sizeof greek);
    assert_memory_equal(out, greek, n);
}

/* Every page, every byte, every length 0..300 and offset, against an
 * independent encoder; and nothing written past 3 * n. */
static void test_utf8_all(void **state)
{
    static unsigned char in[300], out[3 * 300 + 8], want[3 * 300];
    int i, k, bytewise;
    (void)state;
    for (i = 0; i < 2 * hm_cp_count(); i++) {
        const hm_cpage *cp = hm_cp_at(i / 2);
        hm_cpconv cv;
        size_t len, wn, n;
        unsigned long nund = 0;

        assert_int_equal(hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA),
                         0);
        /* odd rounds: the portable byte-by-byte loop (private mode 0)
         * that machines without a 4-byte unsigned int use */
        bytewise = i % 2;
        if (bytewise)
            cv.mode = 0;
        for (k = 0; k < 300; k++)
            in[k] = (unsigned char)((k * 7 + i) & 0xFF);
        for (len = 0; len <= 300; len += (len < 40 ? 1 : 37)) {
            wn = 0;
            for (k = 0; k < (int)len; k++) {
                unsigned long u = cp->ucs[in[k]];
                if (u == HM_CP_UNDEF) {
                    u = 0xFFFD;
                    nund++;
                }
                wn += ref_utf8(u, want + wn);
            }
            memset(out, 0xA5, sizeof out);
            n = hm_cpconv_run(&cv, in, len, out);
            assert_int_equal(n, wn);
            assert_memory_equal(out, want, n);
            for (k = (int)(3 * len); k < (int)sizeof out; k++)
                assert_int_equal(out[k], 0xA5);
        }
        assert_int_equal(cv.nunmapped, nund);
    }
}

static void test_single_byte_targets(void **state)
{
    /* 273: Ä ö ß A, 1141: €; to 1252 and 850 */
    static const unsigned char in[] = { 0x4A, 0x6A, 0xA1, 0xC1, 0x9F };
    static const unsigned char w1252[] = { 0xC4, 0xF6, 0xDF, 0x41, 0x80 };
    static const unsigned char w850[] = { 0x8E, 0x94, 0xE1, 0x41, 0x3F };
    static unsigned char all[256], out[256];
    hm_cpconv cv;
    size_t n;
    int k;
    (void)state;
    assert_int_equal(hm_cpconv_init(&cv, page(1141), HM_PC_1252,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_int_equal(n, sizeof in);
    assert_memory_equal(out, w1252, n);
    assert_int_equal(cv.nunmapped, 0);
    assert_int_equal(hm_cpconv_init(&cv, page(1141), HM_PC_850,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_memory_equal(out, w850, n);
    assert_int_equal(cv.nunmapped, 1);
    n = hm_cpconv_run(&cv, in, sizeof in, out);
    assert_int_equal(cv.nunmapped, 2); /* running count */

    /* 1047 is Latin-1: in 1252 and 850 only the 32 C1 controls have
     * no place (NEL among them). */
    for (k = 0; k < 256; k++)
        all[k] = (unsigned char)k;
    assert_int_equal(hm_cpconv_init(&cv, page(1047), HM_PC_1252,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, all, 256, out);
    assert_int_equal(n, 256);
    assert_int_equal(cv.nunmapped, 32);
    for (k = 0; k < 256; k++) {
        unsigned long u = page(1047)->ucs[k];
        if (u >= 0x80 && u <= 0x9F)
            assert_int_equal(out[k], 0x3F);
        else if (u != 0x3F)
            assert_int_equal(hm_pc_to_ucs(HM_PC_1252, out[k]), u);
    }
    assert_int_equal(hm_cpconv_init(&cv, page(1047), HM_PC_850,
                                    HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, all + 3, 253, out);
    assert_int_equal(n, 253);
    assert_int_equal(cv.nunmapped, 32);
    for (k = 3; k < 256; k++) {
        unsigned long u = page(1047)->ucs[k];
        if (!(u >= 0x80 && u <= 0x9F) && u != 0x3F)
            assert_int_equal(hm_pc_to_ucs(HM_PC_850, out[k - 3]), u);
    }
    /* Greek to 1252: only 7 bit characters and a few symbols fit */
    assert_int_equal(hm_cpconv_init(&cv, page(875), HM_PC_1252,
                                    HM_NL_LF), 0);
    n = hm_cpconv_run(&cv, all, 256, out);
    assert_int_equal(cv.nunmapped, 110);
}

static void test_pc_encode(void **state)
{
    unsigned char o[4];
    int um;
    (void)state;
    assert_int_equal(hm_pc_encode(HM_PC_1252, 0x20AC, o, &um), 1);
    assert_int_equal(o[0], 0x80);
    assert_int_equal(um, 0);
    assert_int_equal(hm_pc_encode(HM_PC_1252, 0x0178, o, &um), 1);
    assert_int_equal(o[0], 0x9F);
    assert_int_equal(hm_pc_encode(HM_PC_1252, 0x00E9, o, &um), 1);
    assert_int_equal(o[0], 0xE9);
    assert_int_equal(hm_pc_encode(HM_PC_1252, 0x0041, o, &um), 1);
    assert_int_equal(o[0], 0x41);
    assert_int_equal(um, 0);
    /* the undefined 1252 bytes are not C1 pass-through */
    assert_int_equal(hm_pc_encode(HM_PC_1252, 0x0081, o, &um), 1);
    assert_int_equal(o[0], 0x3F);
    assert_int_equal(um, 1);
    assert_int_equal(hm_pc_encode(HM_PC_1252, 0x0391, o, &um), 1);
    assert_int_equal(o[0], 0x3F);
    assert_int_equal(um, 1);
    assert_int_equal(hm_pc_encode(HM_PC_1252, 0x1F600, o, &um), 1);
    assert_int_equal(um, 1);
    assert_int_equal(hm_pc_encode(HM_PC_850, 0x2500, o, &um), 1);
    assert_int_equal(o[0], 0xC4);
    assert_int_equal(um, 0);
    assert_int_equal(hm_pc_encode(HM_PC_850, 0x00C7, o, &um), 1);
    assert_int_equal(o[0], 0x80);
    assert_int_equal(hm_pc_encode(HM_PC_850, 0x20AC, o, &um), 1);
    assert_int_equal(o[0], 0x3F);
    assert_int_equal(um, 1);
    assert_int_equal(hm_pc_encode(HM_PC_850, 0x003F, o, &um), 1);
    assert_int_equal(o[0], 0x3F);
    assert_int_equal(um, 0);
    assert_int_equal(hm_pc_encode(4711, 0x41, o, &um), 0);
    assert_int_equal(um, 1);
    /* UTF-8 */
    {
        static const unsigned char e1[] = { 0x7F };
        static const unsigned char e2[] = { 0xDF, 0xBF };
        static const unsigned char e3[] = { 0xEF, 0xBF, 0xBF };
        static const unsigned char e4[] = { 0xF4, 0x8F, 0xBF, 0xBF };
        static const unsigned char e5[] = { 0xF0, 0x9F, 0x98, 0x80 };
        static const unsigned char rep[] = { 0xEF, 0xBF, 0xBD };
        assert_int_equal(hm_pc_encode(HM_PC_UTF8, 0x7F, o, &um), 1);
        assert_memory_equal(o, e1, 1);
        assert_int_equal(hm_pc_encode(HM_PC_UTF8, 0x7FF, o, &um), 2);
        assert_memory_equal(o, e2, 2);
        assert_int_equal(hm_pc_encode(HM_PC_UTF8, 0xFFFF, o, &um), 3);
        assert_memory_equal(o, e3, 3);
        assert_int_equal(um, 0);
        assert_int_equal(hm_pc_encode(HM_PC_UTF8, 0x10FFFF, o, &um), 4);
        assert_memory_equal(o, e4, 4);
        assert_int_equal(hm_pc_encode(HM_PC_UTF8, 0x1F600, o, &um), 4);
        assert_memory_equal(o, e5, 4);
        assert_int_equal(um, 0);
        assert_int_equal(hm_pc_encode(HM_PC_UTF8, 0xD800, o, &um), 3);
        assert_memory_equal(o, rep, 3);
        assert_int_equal(um, 1);
        assert_int_equal(hm_pc_encode(HM_PC_UTF8, 0x110000, o, &um), 3);
        assert_memory_equal(o, rep, 3);
        assert_int_equal(um, 1);
    }
}

static void test_pc_to_ucs(void **state)
{
    static const unsigned char und1252[] = { 0x81, 0x8D, 0x8F, 0x90,
                                             0x9D };
    unsigned targets[2] = { HM_PC_1252, HM_PC_850 };
    int t, b, nund;
    unsigned char o[4];
    int um;
    (void)state;
    assert_int_equal(hm_pc_to_ucs(HM_PC_1252, 0x80), 0x20AC);
    assert_int_equal(hm_pc_to_ucs(HM_PC_1252, 0x85), 0x2026);
    assert_int_equal(hm_pc_to_ucs(HM_PC_1252, 0xFF), 0x00FF);
    assert_int_equal(hm_pc_to_ucs(HM_PC_850, 0x80), 0x00C7);
    assert_int_equal(hm_pc_to_ucs(HM_PC_850, 0x81), 0x00FC);
    assert_int_equal(hm_pc_to_ucs(HM_PC_850, 0xD5), 0x0131);
    assert_int_equal(hm_pc_to_ucs(HM_PC_850, 0xFF), 0x00A0);
    assert_int_equal(hm_pc_to_ucs(HM_PC_UTF8, 0x41), 0x41);
    assert_int_equal(hm_pc_to_ucs(HM_PC_UTF8, 0x80), HM_CP_UNDEF);
    assert_int_equal(hm_pc_to_ucs(1250, 0x41), HM_CP_UNDEF);
    for (b = 0; b < 5; b++)
        assert_int_equal(hm_pc_to_ucs(HM_PC_1252, und1252[b]),
                         HM_CP_UNDEF);
    /* byte -> Unicode -> byte for every defined byte */
    for (t = 0; t < 2; t++) {
        nund = 0;
        for (b = 0; b < 256; b++) {
            unsigned long u = hm_pc_to_ucs(targets[t], (unsigned char)b);
            if (u == HM_CP_UNDEF) {
                nund++;
                continue;
            }
            if (b < 0x80)
                assert_int_equal(u, b);
            assert_int_equal(hm_pc_encode(targets[t], u, o, &um), 1);
            assert_int_equal(o[0], b);
            assert_int_equal(um, 0);
        }
        assert_int_equal(nund, t == 0 ? 5 : 0);
    }
}

static void test_utf8_decode(void **state)
{
    struct seq {
        unsigned char b[4];
        size_t n;
        size_t len;        /* 0: invalid */
        unsigned long ucs;
    };
    static const struct seq seqs[] = {
        { { 0x41 }, 1, 1, 0x41 },
        { { 0x00 }, 1, 1, 0x00 },
        { { 0x7F }, 1, 1, 0x7F },
        { { 0xC2, 0x80 }, 2, 2, 0x80 },
        { { 0xC3, 0xBC }, 2, 2, 0xFC },
        { { 0xDF, 0xBF }, 2, 2, 0x7FF },
        { { 0xE0, 0xA0, 0x80 }, 3, 3, 0x800 },
        { { 0xE2, 0x82, 0xAC }, 3, 3, 0x20AC },
        { { 0xED, 0x9F, 0xBF }, 3, 3, 0xD7FF },
        { { 0xEE, 0x80, 0x80 }, 3, 3, 0xE000 },
        { { 0xEF, 0xBF, 0xBF }, 3, 3, 0xFFFF },
        { { 0xF0, 0x90, 0x80, 0x80 }, 4, 4, 0x10000 },
        { { 0xF4, 0x8F, 0xBF, 0xBF }, 4, 4, 0x10FFFF },
        { { 0x41, 0x42 }, 2, 1, 0x41 },       /* one at a time */
        { { 0xC3, 0xBC, 0x41 }, 3, 2, 0xFC },
        /* overlong */
        { { 0xC0, 0x80 }, 2, 0, 0 },
        { { 0xC1, 0xBF }, 2, 0, 0 },
        { { 0xE0, 0x80, 0x80 }, 3, 0, 0 },
        { { 0xE0, 0x9F, 0xBF }, 3, 0, 0 },
        { { 0xF0, 0x80, 0x80, 0x80 }, 4, 0, 0 },
        { { 0xF0, 0x8F, 0xBF, 0xBF }, 4, 0, 0 },
        /* surrogates */
        { { 0xED, 0xA0, 0x80 }, 3, 0, 0 },
        { { 0xED, 0xBF, 0xBF }, 3, 0, 0 },
        /* beyond U+10FFFF, bytes never in UTF-8 */
        { { 0xF4, 0x90, 0x80, 0x80 }, 4, 0, 0 },
        { { 0xF5, 0x80, 0x80, 0x80 }, 4, 0, 0 },
        { { 0xF8, 0x88, 0x80, 0x80 }, 4, 0, 0 },
        { { 0xFF }, 1, 0, 0 },
        { { 0xFE }, 1, 0, 0 },
        /* stray continuation, bad continuation */
        { { 0x80 }, 1, 0, 0 },
        { { 0xBF }, 1, 0, 0 },
        { { 0xC3, 0x41 }, 2, 0, 0 },
        { { 0xC3, 0xC3 }, 2, 0, 0 },
        { { 0xE2, 0x28, 0xA1 }, 3, 0, 0 },
        { { 0xE2, 0x82, 0x41 }, 3, 0, 0 },
        { { 0xF0, 0x9F, 0x98, 0x41 }, 4, 0, 0 },
        /* truncated */
        { { 0xC3 }, 1, 0, 0 },
        { { 0xE2, 0x82 }, 2, 0, 0 },
        { { 0xE2 }, 1, 0, 0 },
        { { 0xF0, 0x9F, 0x98 }, 3, 0, 0 },
        { { 0x41 }, 0, 0, 0 }
    };
    size_t i, len;
    unsigned long u, v;
    unsigned char buf[4];
    (void)state;
    for (i = 0; i < NA(seqs); i++) {
        u = 0xDEAD;
        len = hm_utf8_decode(seqs[i].b, seqs[i].n, &u);
        if (len != seqs[i].len)
            fail_msg("sequence %u: length %u, want %u", (unsigned)i,
                     (unsigned)len, (unsigned)seqs[i].len);
        if (len != 0)
            assert_int_equal(u, seqs[i].ucs);
    }
    /* every scalar value round-trips */
    for (v = 0; v <= 0x10FFFF; v++) {
        size_t n;
        if (v == 0xD800)
            v = 0xE000;
        n = ref_utf8(v, buf);
        len = hm_utf8_decode(buf, n, &u);
        if (len != n || u != v)
            fail_msg("U+%04lX does not round-trip", v);
        if (n > 1 && hm_utf8_decode(buf, n - 1, &u) != 0)
            fail_msg("U+%04lX truncated is accepted", v);
    }
}

static void test_from_ucs(void **state)
{
    int i, b;
    (void)state;
    for (i = 0; i < hm_cp_count(); i++) {
        const hm_cpage *cp = hm_cp_at(i);
        for (b = 0; b < 256; b++)
            if (cp->ucs[b] != HM_CP_UNDEF)
                assert_int_equal(hm_cp_from_ucs(cp, cp->ucs[b]), b);
        assert_int_equal(hm_cp_from_ucs(cp, HM_CP_UNDEF), -1);
        assert_int_equal(hm_cp_from_ucs(cp, 0x10000), -1);
        assert_int_equal(hm_cp_from_ucs(cp, 0x41), 0xC1);
        assert_int_equal(hm_cp_from_ucs(cp, 0x0A), 0x25);
        assert_int_equal(hm_cp_from_ucs(cp, 0x85), 0x15);
    }
    assert_int_equal(hm_cp_from_ucs(page(273), 0x20AC), -1);
    assert_int_equal(hm_cp_from_ucs(page(1141), 0x20AC), 0x9F);
    assert_int_equal(hm_cp_from_ucs(page(1142), 0x20AC), 0x5A);
    assert_int_equal(hm_cp_from_ucs(page(273), 0x00DF), 0xA1);
    assert_int_equal(hm_cp_from_ucs(page(875), 0x03A9), 0x67);
    assert_int_equal(hm_cp_from_ucs(page(37), 0x0391), -1);
    assert_int_equal(hm_cp_from_ucs(NULL, 0x41), -1);
}

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

/* The pair table gives the same bytes as the plain tables, for every
 * length and alignment, on both byte orders (s390x runs this too). */
static void test_pair_table(void **state)
{
    static const unsigned ccsids[] = { 37, 273, 875, 1025, 1140 };
    static const hm_alloc heap = { t_alloc, t_free, NULL };
    static unsigned char in[4099], o1[3 * 4099], o2[3 * 4099 + 8];
    unsigned long seed = 12345;
    size_t i, n, l1, l2;
    int c;

    (void)state;
    for (i = 0; i < sizeof in; i++) {
        seed = seed * 1103515245ul + 12345ul;
        in[i] = (unsigned char)(seed >> 16);
    }
    for (c = 0; c < 5; c++) {
        hm_cpconv plain, fast;
        const hm_cpage *cp = hm_cp_builtin(ccsids[c]);
        assert_non_null(cp);
        hm_cpconv_init(&plain, cp, HM_PC_UTF8, HM_NL_CDRA);
        hm_cpconv_init(&fast, cp, HM_PC_UTF8, HM_NL_CDRA);
        if (hm_cpconv_fast(&fast, &heap) != 0) {
            /* only where it cannot apply: 32-bit long, or a page
             * with undefined bytes (875) */
            assert_true(sizeof(unsigned long) != 8 || fast.anyunmapped);
            continue;
        }
        assert_non_null(fast.pair);
        for (n = 0; n < 40; n++) {
            l1 = hm_cpconv_run(&plain, in + n % 7, n, o1);
            l2 = hm_cpconv_run(&fast, in + n % 7, n, o2);
            assert_int_equal(l1, l2);
            assert_memory_equal(o1, o2, l1);
            /* into 3 * n + 8 bytes: the same, nothing written past */
            memset(o2, 0xEE, 3 * n + 9);
            l2 = hm_cpconv_run_pad(&fast, in + n % 7, n, o2);
            assert_int_equal(l1, l2);
            assert_memory_equal(o1, o2, l1);
            assert_int_equal(o2[3 * n + 8], 0xEE);
            l2 = hm_cpconv_run_pad(&plain, in + n % 7, n, o2);
            assert_int_equal(l1, l2);
            assert_memory_equal(o1, o2, l1);
        }
        l1 = hm_cpconv_run(&plain, in, sizeof in, o1);
        l2 = hm_cpconv_run(&fast, in, sizeof in, o2);
        assert_int_equal(l1, l2);
        assert_memory_equal(o1, o2, l1);
        hm_cpconv_fast_free(&fast, &heap);
        assert_null(fast.pair);
    }
    /* not for single-byte targets */
    {
        hm_cpconv cv;
        hm_cpconv_init(&cv, hm_cp_builtin(37), HM_PC_1252, HM_NL_CDRA);
        assert_int_equal(hm_cpconv_fast(&cv, &heap), -1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_invariants),
        cmocka_unit_test(test_known_values),
        cmocka_unit_test(test_euro_pairs),
        cmocka_unit_test(test_037_1047_500),
        cmocka_unit_test(test_875_undefined),
        cmocka_unit_test(test_nl_policies),
        cmocka_unit_test(test_utf8_output),
        cmocka_unit_test(test_utf8_all),
        cmocka_unit_test(test_single_byte_targets),
        cmocka_unit_test(test_pc_encode),
        cmocka_unit_test(test_pc_to_ucs),
        cmocka_unit_test(test_utf8_decode),
        cmocka_unit_test(test_from_ucs),
        cmocka_unit_test(test_pair_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
