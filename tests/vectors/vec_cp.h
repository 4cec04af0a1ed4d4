/*
 * vec_cp.h - vectors of the code pages (common/codepage.c and
 * common/cp_tables.c): spot values per CCSID, conversions, the PC
 * targets, UTF-8 decoding. Everything is numeric, so the vectors
 * mean the same in every execution character set.
 */
#ifndef VEC_CP_H
#define VEC_CP_H

#include "hv.h"
#include "hm_cp.h"

static const unsigned hv_ccsids[] = {
    37, 273, 277, 278, 280, 284, 285, 297, 500, 870, 871, 875,
    1025, 1026, 1047, 1140, 1141, 1142, 1143, 1144, 1145, 1146, 1147,
    1148, 1149
};
#define HV_NPAGES ((int)HV_NA(hv_ccsids))

/* byte -> Unicode spot values */
struct hv_known {
    unsigned ccsid;
    unsigned char byte;
    unsigned short ucs;
};

static const struct hv_known hv_knowns[] = {
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

/* host bytes -> PC bytes with hm_cpconv */
struct hv_conv {
    const char *name;
    unsigned ccsid;
    unsigned target;
    int nl;
    const unsigned char *in;
    size_t nin;
    const unsigned char *out;
    size_t nout;
    unsigned long nunmapped;
};

static const unsigned char hv_in875[] = { 0xC1, 0x6A, 0x41, 0xFD };
static const unsigned char hv_o875u[] = {
    0x41, 0xEF, 0xBF, 0xBD, 0xCE, 0x91, 0xEF, 0xBF, 0xBD
};
static const unsigned char hv_o875w[] = { 0x41, 0x3F, 0x3F, 0x3F };
static const unsigned char hv_innl[] = { 0x15, 0x25, 0xC1 };
static const unsigned char hv_onlcdra[] = { 0xC2, 0x85, 0x0A, 0x41 };
static const unsigned char hv_onluss[] = { 0x0A, 0xC2, 0x85, 0x41 };
static const unsigned char hv_onllf[] = { 0x0A, 0x0A, 0x41 };
static const unsigned char hv_onlw[] = { 0x3F, 0x0A, 0x41 };
/* "Verfuegung m u ss ueber" in CCSID 273 */
static const unsigned char hv_in273[] = {
    0xE5, 0x85, 0x99, 0x86, 0xD0, 0x87, 0xA4, 0x95, 0x87, 0x40,
    0x94, 0x40, 0xA4, 0x40, 0xA1, 0x40, 0xD0, 0x82, 0x85, 0x99
};
static const unsigned char hv_o273[] = {
    0x56, 0x65, 0x72, 0x66, 0xC3, 0xBC, 0x67, 0x75, 0x6E, 0x67, 0x20,
    0x6D, 0x20, 0x75, 0x20, 0xC3, 0x9F, 0x20, 0xC3, 0xBC, 0x62, 0x65,
    0x72
};
static const unsigned char hv_ineuro[] = { 0x9F, 0x40, 0x9F };
static const unsigned char hv_oeuro[] = {
    0xE2, 0x82, 0xAC, 0x20, 0xE2, 0x82, 0xAC
};
static const unsigned char hv_ingreek[] = { 0x41, 0x8A };
static const unsigned char hv_ogreek[] = { 0xCE, 0x91, 0xCE, 0xB1 };
static const unsigned char hv_in1141[] = { 0x4A, 0x6A, 0xA1, 0xC1, 0x9F };
static const unsigned char hv_o1141w[] = { 0xC4, 0xF6, 0xDF, 0x41, 0x80 };
static const unsigned char hv_o1141p[] = { 0x8E, 0x94, 0xE1, 0x41, 0x3F };

#define HV_B(a) a, sizeof a
static const struct hv_conv hv_convs[] = {
    { "875 undefined to UTF-8", 875, HM_PC_UTF8, HM_NL_CDRA,
      HV_B(hv_in875), HV_B(hv_o875u), 2 },
    { "875 undefined to 1252", 875, HM_PC_1252, HM_NL_CDRA,
      HV_B(hv_in875), HV_B(hv_o875w), 3 },
    { "37 NL CDRA", 37, HM_PC_UTF8, HM_NL_CDRA,
      HV_B(hv_innl), HV_B(hv_onlcdra), 0 },
    { "37 NL USS", 37, HM_PC_UTF8, HM_NL_USS,
      HV_B(hv_innl), HV_B(hv_onluss), 0 },
    { "37 NL LF", 37, HM_PC_UTF8, HM_NL_LF,
      HV_B(hv_innl), HV_B(hv_onllf), 0 },
    { "37 NEL to 1252", 37, HM_PC_1252, HM_NL_CDRA,
      HV_B(hv_innl), HV_B(hv_onlw), 1 },
    { "37 NL LF to 850", 37, HM_PC_850, HM_NL_LF,
      HV_B(hv_innl), HV_B(hv_onllf), 0 },
    { "273 umlauts to UTF-8", 273, HM_PC_UTF8, HM_NL_CDRA,
      HV_B(hv_in273), HV_B(hv_o273), 0 },
    { "273 empty", 273, HM_PC_UTF8, HM_NL_CDRA,
      hv_in273, 0, hv_o273, 0, 0 },
    { "1140 euro", 1140, HM_PC_UTF8, HM_NL_CDRA,
      HV_B(hv_ineuro), HV_B(hv_oeuro), 0 },
    { "875 Greek", 875, HM_PC_UTF8, HM_NL_CDRA,
      HV_B(hv_ingreek), HV_B(hv_ogreek), 0 },
    { "1141 to 1252", 1141, HM_PC_1252, HM_NL_CDRA,
      HV_B(hv_in1141), HV_B(hv_o1141w), 0 },
    { "1141 to 850", 1141, HM_PC_850, HM_NL_CDRA,
      HV_B(hv_in1141), HV_B(hv_o1141p), 1 }
};

/* hm_pc_encode(target, ucs) */
struct hv_enc {
    unsigned target;
    unsigned long ucs;
    size_t len;
    unsigned char out[4];
    int unmapped;
};

static const struct hv_enc hv_encs[] = {
    { HM_PC_1252, 0x20AC, 1, { 0x80 }, 0 },
    { HM_PC_1252, 0x0178, 1, { 0x9F }, 0 },
    { HM_PC_1252, 0x00E9, 1, { 0xE9 }, 0 },
    { HM_PC_1252, 0x0041, 1, { 0x41 }, 0 },
    { HM_PC_1252, 0x0081, 1, { 0x3F }, 1 },
    { HM_PC_1252, 0x0391, 1, { 0x3F }, 1 },
    { HM_PC_1252, 0x1F600, 1, { 0x3F }, 1 },
    { HM_PC_850, 0x2500, 1, { 0xC4 }, 0 },
    { HM_PC_850, 0x00C7, 1, { 0x80 }, 0 },
    { HM_PC_850, 0x20AC, 1, { 0x3F }, 1 },
    { HM_PC_850, 0x003F, 1, { 0x3F }, 0 },
    { 4711, 0x41, 0, { 0 }, 1 },
    { HM_PC_UTF8, 0x7F, 1, { 0x7F }, 0 },
    { HM_PC_UTF8, 0x7FF, 2, { 0xDF, 0xBF }, 0 },
    { HM_PC_UTF8, 0xFFFF, 3, { 0xEF, 0xBF, 0xBF }, 0 },
    { HM_PC_UTF8, 0x10FFFF, 4, { 0xF4, 0x8F, 0xBF, 0xBF }, 0 },
    { HM_PC_UTF8, 0x1F600, 4, { 0xF0, 0x9F, 0x98, 0x80 }, 0 },
    { HM_PC_UTF8, 0xD800, 3, { 0xEF, 0xBF, 0xBD }, 1 },
    { HM_PC_UTF8, 0x110000, 3, { 0xEF, 0xBF, 0xBD }, 1 }
};

/* hm_pc_to_ucs(target, byte) */
struct hv_toucs {
    unsigned target;
    unsigned char byte;
    unsigned long ucs;
};

static const struct hv_toucs hv_toucss[] = {
    { HM_PC_1252, 0x80, 0x20AC }, { HM_PC_1252, 0x85, 0x2026 },
    { HM_PC_1252, 0xFF, 0x00FF }, { HM_PC_850, 0x80, 0x00C7 },
    { HM_PC_850, 0x81, 0x00FC }, { HM_PC_850, 0xD5, 0x0131 },
    { HM_PC_850, 0xFF, 0x00A0 }, { HM_PC_UTF8, 0x41, 0x41 },
    { HM_PC_UTF8, 0x80, HM_CP_UNDEF }, { 1250, 0x41, HM_CP_UNDEF },
    { HM_PC_1252, 0x81, HM_CP_UNDEF }, { HM_PC_1252, 0x8D, HM_CP_UNDEF },
    { HM_PC_1252, 0x8F, HM_CP_UNDEF }, { HM_PC_1252, 0x90, HM_CP_UNDEF },
    { HM_PC_1252, 0x9D, HM_CP_UNDEF }
};

/* hm_utf8_decode(b, n): len 0 = invalid */
struct hv_dec {
    unsigned char b[4];
    size_t n;
    size_t len;
    unsigned long ucs;
};

static const struct hv_dec hv_decs[] = {
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
    { { 0x41, 0x42 }, 2, 1, 0x41 },
    { { 0xC3, 0xBC, 0x41 }, 3, 2, 0xFC },
    { { 0xC0, 0x80 }, 2, 0, 0 },
    { { 0xC1, 0xBF }, 2, 0, 0 },
    { { 0xE0, 0x80, 0x80 }, 3, 0, 0 },
    { { 0xE0, 0x9F, 0xBF }, 3, 0, 0 },
    { { 0xF0, 0x80, 0x80, 0x80 }, 4, 0, 0 },
    { { 0xF0, 0x8F, 0xBF, 0xBF }, 4, 0, 0 },
    { { 0xED, 0xA0, 0x80 }, 3, 0, 0 },
    { { 0xED, 0xBF, 0xBF }, 3, 0, 0 },
    { { 0xF4, 0x90, 0x80, 0x80 }, 4, 0, 0 },
    { { 0xF5, 0x80, 0x80, 0x80 }, 4, 0, 0 },
    { { 0xF8, 0x88, 0x80, 0x80 }, 4, 0, 0 },
    { { 0xFF }, 1, 0, 0 },
    { { 0xFE }, 1, 0, 0 },
    { { 0x80 }, 1, 0, 0 },
    { { 0xBF }, 1, 0, 0 },
    { { 0xC3, 0x41 }, 2, 0, 0 },
    { { 0xC3, 0xC3 }, 2, 0, 0 },
    { { 0xE2, 0x28, 0xA1 }, 3, 0, 0 },
    { { 0xE2, 0x82, 0x41 }, 3, 0, 0 },
    { { 0xF0, 0x9F, 0x98, 0x41 }, 4, 0, 0 },
    { { 0xC3 }, 1, 0, 0 },
    { { 0xE2, 0x82 }, 2, 0, 0 },
    { { 0xE2 }, 1, 0, 0 },
    { { 0xF0, 0x9F, 0x98 }, 3, 0, 0 },
    { { 0x41 }, 0, 0, 0 }
};

/* hm_cp_from_ucs(page, ucs) */
struct hv_from {
    unsigned ccsid;
    unsigned long ucs;
    int byte;
};

static const struct hv_from hv_froms[] = {
    { 273, 0x20AC, -1 }, { 1141, 0x20AC, 0x9F }, { 1142, 0x20AC, 0x5A },
    { 273, 0x00DF, 0xA1 }, { 875, 0x03A9, 0x67 }, { 37, 0x0391, -1 },
    { 37, 0x41, 0xC1 }, { 37, 0x0A, 0x25 }, { 37, 0x85, 0x15 },
    { 37, 0x10000, -1 }, { 37, HM_CP_UNDEF, -1 }
};

/* ---- checks ---- */

/* An encoder written independently of the product's. */
static size_t hv_utf8(unsigned long u, unsigned char *o)
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

static int hv_cp_list(hv_ctx *c)
{
    int i;
    HV_EQ(c, "hm_cp_count", hm_cp_count(), HV_NPAGES);
    for (i = 0; i < HV_NPAGES; i++) {
        const hm_cpage *cp = hm_cp_at(i);
        HV_TRUE(c, "hm_cp_at gives NULL", cp != NULL);
        HV_EQ(c, "CCSID", cp->ccsid, hv_ccsids[i]);
        HV_TRUE(c, "hm_cp_builtin differs from hm_cp_at",
                hm_cp_builtin(cp->ccsid) == cp);
        HV_TRUE(c, "no name", cp->name != NULL);
    }
    HV_TRUE(c, "hm_cp_at(-1)", hm_cp_at(-1) == NULL);
    HV_TRUE(c, "hm_cp_at(n)", hm_cp_at(HV_NPAGES) == NULL);
    HV_TRUE(c, "CCSID 0", hm_cp_builtin(0) == NULL);
    HV_TRUE(c, "CCSID 424", hm_cp_builtin(424) == NULL);
    HV_TRUE(c, "CCSID 850", hm_cp_builtin(850) == NULL);
    HV_TRUE(c, "CCSID 1252", hm_cp_builtin(1252) == NULL);
    HV_TRUE(c, "CCSID 65001", hm_cp_builtin(65001) == NULL);
    HV_STR(c, "name of 37", hm_cp_builtin(37)->name, "IBM-037");
    HV_STR(c, "name of 1141", hm_cp_builtin(1141)->name, "IBM-1141");
    return 1;
}

/* What every built-in page shares. */
static int hv_cp_invariants(hv_ctx *c, const hm_cpage *cp)
{
    int k, ctl = 0;
    HV_EQ(c, "X'00'", cp->ucs[0x00], 0x0000);
    HV_EQ(c, "X'40'", cp->ucs[0x40], 0x0020);
    HV_EQ(c, "X'15'", cp->ucs[0x15], 0x0085);
    HV_EQ(c, "X'25'", cp->ucs[0x25], 0x000A);
    HV_EQ(c, "X'0D'", cp->ucs[0x0D], 0x000D);
    HV_EQ(c, "X'05'", cp->ucs[0x05], 0x0009);
    for (k = 0; k < 10; k++)
        HV_EQ(c, "digit", cp->ucs[0xF0 + k], 0x30 + k);
    for (k = 0; k < 9; k++) {
        HV_EQ(c, "A-I", cp->ucs[0xC1 + k], 0x41 + k);
        HV_EQ(c, "J-R", cp->ucs[0xD1 + k], 0x4A + k);
        HV_EQ(c, "a-i", cp->ucs[0x81 + k], 0x61 + k);
        HV_EQ(c, "j-r", cp->ucs[0x91 + k], 0x6A + k);
    }
    for (k = 0; k < 8; k++) {
        HV_EQ(c, "S-Z", cp->ucs[0xE2 + k], 0x53 + k);
        HV_EQ(c, "s-z", cp->ucs[0xA2 + k], 0x73 + k);
    }
    for (k = 0; k < 256; k++)
        if (cp->ucs[k] < 0x20 || (cp->ucs[k] >= 0x7F
                                  && cp->ucs[k] <= 0x9F))
            ctl++;
    HV_EQ(c, "controls (C0, DEL, C1)", ctl, 65);
    for (k = 0; k < 256; k++)
        if (cp->ucs[k] == HM_CP_UNDEF)
            HV_EQ(c, "undefined byte outside 875", cp->ccsid, 875);
    return 1;
}

/* Euro page 1140+i against its base page. */
static int hv_cp_euro(hv_ctx *c, int i)
{
    static const unsigned base[10] = {
        37, 273, 277, 278, 280, 284, 285, 297, 500, 871
    };
    const hm_cpage *p = hm_cp_builtin(base[i]);
    const hm_cpage *e = hm_cp_builtin(1140u + (unsigned)i);
    int at = (base[i] == 277 || base[i] == 278) ? 0x5A : 0x9F;
    int b, ndiff = 0, want = 1;
    HV_TRUE(c, "page missing", p != NULL && e != NULL);
    HV_EQ(c, "currency sign in the base page", p->ucs[at], 0x00A4);
    HV_EQ(c, "euro sign", e->ucs[at], 0x20AC);
    for (b = 0; b < 256; b++)
        if (p->ucs[b] != e->ucs[b])
            ndiff++;
    /* 278/1143: X'71'/X'E0' swapped; 871/1149: X'4A'/X'C0';
     * 285/1146: X'A1' */
    if (base[i] == 278 || base[i] == 871)
        want = 3;
    else if (base[i] == 285)
        want = 2;
    HV_EQ(c, "differing bytes", ndiff, want);
    return 1;
}

/* The bytes where page b differs from 037 are exactly d[]. */
static int hv_cp_diff(hv_ctx *c, unsigned b, const unsigned char *d,
                      size_t nd)
{
    const hm_cpage *p = hm_cp_builtin(37), *q = hm_cp_builtin(b);
    int k, n = 0;
    size_t j;
    HV_TRUE(c, "page missing", p != NULL && q != NULL);
    for (k = 0; k < 256; k++)
        if (p->ucs[k] != q->ucs[k]) {
            for (j = 0; j < nd && d[j] != k; j++)
                ;
            HV_TRUE(c, "an unexpected byte differs", j < nd);
            n++;
        }
    HV_EQ(c, "differing bytes", n, nd);
    return 1;
}

static int hv_cp_875(hv_ctx *c)
{
    static const unsigned char und[] = {
        0x6A, 0xDC, 0xE1, 0xEC, 0xED, 0xFC, 0xFD
    };
    const hm_cpage *cp = hm_cp_builtin(875);
    unsigned char out[16];
    hm_cpconv cv;
    int k, n = 0;
    size_t j;
    HV_TRUE(c, "page missing", cp != NULL);
    for (k = 0; k < 256; k++)
        if (cp->ucs[k] == HM_CP_UNDEF)
            n++;
    HV_EQ(c, "undefined bytes", n, HV_NA(und));
    for (j = 0; j < HV_NA(und); j++)
        HV_EQ(c, "undefined", cp->ucs[und[j]], HM_CP_UNDEF);
    HV_EQ(c, "from_ucs(UNDEF)", hm_cp_from_ucs(cp, HM_CP_UNDEF), -1);
    HV_EQ(c, "init", hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA),
          0);
    (void)hm_cpconv_run(&cv, hv_in875, sizeof hv_in875, out);
    HV_EQ(c, "unmapped[X'6A']", cv.unmapped[0x6A], 1);
    HV_EQ(c, "unmapped[X'41']", cv.unmapped[0x41], 0);
    return 1;
}

static int hv_cp_conv(hv_ctx *c, const struct hv_conv *v)
{
    static unsigned char out[64];
    hm_cpconv cv;
    size_t n;
    const hm_cpage *cp = hm_cp_builtin(v->ccsid);
    HV_TRUE(c, "page missing", cp != NULL);
    HV_EQ(c, "init", hm_cpconv_init(&cv, cp, v->target, v->nl), 0);
    n = hm_cpconv_run(&cv, v->in, v->nin, out);
    HV_MEM(c, "output", out, n, v->out, v->nout);
    HV_EQ(c, "replacements", cv.nunmapped, v->nunmapped);
    /* the count runs on */
    (void)hm_cpconv_run(&cv, v->in, v->nin, out);
    HV_EQ(c, "replacements, twice", cv.nunmapped, 2 * v->nunmapped);
    return 1;
}

/* NL policies on every page */
static int hv_cp_nl(hv_ctx *c, const hm_cpage *cp)
{
    static const int nl[3] = { HM_NL_CDRA, HM_NL_USS, HM_NL_LF };
    static const unsigned char *const want[3] = {
        hv_onlcdra, hv_onluss, hv_onllf
    };
    static const size_t wn[3] = {
        sizeof hv_onlcdra, sizeof hv_onluss, sizeof hv_onllf
    };
    unsigned char out[16];
    hm_cpconv cv;
    size_t n;
    int k;
    for (k = 0; k < 3; k++) {
        HV_EQ(c, "init", hm_cpconv_init(&cv, cp, HM_PC_UTF8, nl[k]), 0);
        n = hm_cpconv_run(&cv, hv_innl, sizeof hv_innl, out);
        HV_MEM(c, "output", out, n, want[k], wn[k]);
        HV_EQ(c, "replacements", cv.nunmapped, 0);
    }
    HV_EQ(c, "the page is unchanged", cp->ucs[0x15], 0x0085);
    return 1;
}

static int hv_cp_badargs(hv_ctx *c)
{
    hm_cpconv cv;
    const hm_cpage *p = hm_cp_builtin(37);
    HV_EQ(c, "target 1250", hm_cpconv_init(&cv, p, 1250, HM_NL_CDRA),
          -1);
    HV_EQ(c, "policy 3", hm_cpconv_init(&cv, p, HM_PC_UTF8, 3), -1);
    HV_EQ(c, "no page", hm_cpconv_init(&cv, NULL, HM_PC_UTF8,
                                       HM_NL_CDRA), -1);
    return 1;
}

/* 1047 (Latin-1) to 1252 and 850: only the 32 C1 controls have no
 * place; 875 to 1252: 110 replacements. */
static int hv_cp_latin(hv_ctx *c)
{
    static unsigned char all[256], out[256];
    const hm_cpage *p = hm_cp_builtin(1047);
    hm_cpconv cv;
    size_t n;
    int k;
    for (k = 0; k < 256; k++)
        all[k] = (unsigned char)k;
    HV_EQ(c, "init", hm_cpconv_init(&cv, p, HM_PC_1252, HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, all, 256, out);
    HV_EQ(c, "1252 length", n, 256);
    HV_EQ(c, "1252 replacements", cv.nunmapped, 32);
    for (k = 0; k < 256; k++) {
        unsigned long u = p->ucs[k];
        if (u >= 0x80 && u <= 0x9F)
            HV_EQ(c, "C1 control", out[k], 0x3F);
        else if (u != 0x3F)
            HV_EQ(c, "1252 round trip", hm_pc_to_ucs(HM_PC_1252, out[k]),
                  u);
    }
    HV_EQ(c, "init", hm_cpconv_init(&cv, p, HM_PC_850, HM_NL_CDRA), 0);
    n = hm_cpconv_run(&cv, all + 3, 253, out);
    HV_EQ(c, "850 length", n, 253);
    HV_EQ(c, "850 replacements", cv.nunmapped, 32);
    for (k = 3; k < 256; k++) {
        unsigned long u = p->ucs[k];
        if (!(u >= 0x80 && u <= 0x9F) && u != 0x3F)
            HV_EQ(c, "850 round trip",
                  hm_pc_to_ucs(HM_PC_850, out[k - 3]), u);
    }
    HV_EQ(c, "init", hm_cpconv_init(&cv, hm_cp_builtin(875), HM_PC_1252,
                                    HM_NL_LF), 0);
    (void)hm_cpconv_run(&cv, all, 256, out);
    HV_EQ(c, "875 to 1252 replacements", cv.nunmapped, 110);
    return 1;
}

/* Every byte and length 0..300 at several offsets against the
 * reference encoder; nothing written past 3 * n. */
static int hv_cp_utf8all(hv_ctx *c, int i)
{
    static unsigned char in[300], out[3 * 300 + 8], want[3 * 300];
    const hm_cpage *cp = hm_cp_at(i);
    hm_cpconv cv;
    size_t len, wn, n;
    unsigned long nund = 0;
    int k;
    HV_EQ(c, "init", hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA), 0);
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
            wn += hv_utf8(u, want + wn);
        }
        memset(out, 0xA5, sizeof out);
        n = hm_cpconv_run(&cv, in, len, out);
        HV_MEM(c, "output", out, n, want, wn);
        for (k = (int)(3 * len); k < (int)sizeof out; k++)
            HV_EQ(c, "written past 3 * n", out[k], 0xA5);
    }
    HV_EQ(c, "replacements", cv.nunmapped, nund);
    return 1;
}

static int hv_cp_enc(hv_ctx *c, const struct hv_enc *e)
{
    unsigned char o[4];
    int um = -1;
    size_t n = hm_pc_encode(e->target, e->ucs, o, &um);
    HV_MEM(c, "output", o, n, e->out, e->len);
    HV_EQ(c, "unmapped flag", um, e->unmapped);
    return 1;
}

/* byte -> Unicode -> byte for every defined byte of 1252 and 850 */
static int hv_cp_pcround(hv_ctx *c, unsigned target, int nund_want)
{
    unsigned char o[4];
    int b, um, nund = 0;
    for (b = 0; b < 256; b++) {
        unsigned long u = hm_pc_to_ucs(target, (unsigned char)b);
        if (u == HM_CP_UNDEF) {
            nund++;
            continue;
        }
        if (b < 0x80)
            HV_EQ(c, "ASCII byte", u, b);
        HV_EQ(c, "length", hm_pc_encode(target, u, o, &um), 1);
        HV_EQ(c, "byte back", o[0], b);
        HV_EQ(c, "unmapped", um, 0);
    }
    HV_EQ(c, "undefined bytes", nund, nund_want);
    return 1;
}

static int hv_cp_dec(hv_ctx *c, const struct hv_dec *d)
{
    unsigned long u = 0xDEAD;
    size_t len = hm_utf8_decode(d->b, d->n, &u);
    HV_EQ(c, "length", len, d->len);
    if (len != 0)
        HV_EQ(c, "scalar", u, d->ucs);
    return 1;
}

/* Every scalar value round-trips; every truncation is refused. */
static int hv_cp_decall(hv_ctx *c)
{
    unsigned long v, u;
    unsigned char buf[4];
    size_t n, len;
    for (v = 0; v <= 0x10FFFFul; v++) {
        if (v == 0xD800)
            v = 0xE000;
        n = hv_utf8(v, buf);
        len = hm_utf8_decode(buf, n, &u);
        if (len != n || u != v) {
            hv_fail(c, "does not round-trip: U+");
            hv_catx(c->detail, HV_DETCAP, v, 6);
            return 0;
        }
        if (n > 1 && hm_utf8_decode(buf, n - 1, &u) != 0) {
            hv_fail(c, "truncated sequence accepted: U+");
            hv_catx(c->detail, HV_DETCAP, v, 6);
            return 0;
        }
    }
    return 1;
}

static int hv_cp_from(hv_ctx *c, const hm_cpage *cp)
{
    int b;
    for (b = 0; b < 256; b++)
        if (cp->ucs[b] != HM_CP_UNDEF)
            HV_EQ(c, "byte back", hm_cp_from_ucs(cp, cp->ucs[b]), b);
    HV_EQ(c, "UNDEF", hm_cp_from_ucs(cp, HM_CP_UNDEF), -1);
    HV_EQ(c, "U+10000", hm_cp_from_ucs(cp, 0x10000), -1);
    HV_EQ(c, "A", hm_cp_from_ucs(cp, 0x41), 0xC1);
    HV_EQ(c, "LF", hm_cp_from_ucs(cp, 0x0A), 0x25);
    HV_EQ(c, "NEL", hm_cp_from_ucs(cp, 0x85), 0x15);
    return 1;
}

/* The group: vectors in table order. */
static int hv_cp(hv_ctx *c, int i)
{
    static const unsigned char d1047[] = {
        0x5F, 0xAD, 0xB0, 0xBA, 0xBB, 0xBD
    };
    static const unsigned char d500[] = {
        0x4A, 0x4F, 0x5A, 0x5F, 0xB0, 0xBA, 0xBB
    };
    const hm_cpage *cp;
    if (i == 0) {
        hv_name(c, "cp list of built-in pages");
        return c->dry ? 1 : hv_cp_list(c);
    }
    i--;
    if (i < HV_NPAGES) {
        hv_name(c, "cp invariants ");
        hv_nameu(c, hv_ccsids[i]);
        if (c->dry)
            return 1;
        cp = hm_cp_builtin(hv_ccsids[i]);
        HV_TRUE(c, "page missing", cp != NULL);
        return hv_cp_invariants(c, cp);
    }
    i -= HV_NPAGES;
    if (i < (int)HV_NA(hv_knowns)) {
        const struct hv_known *k = &hv_knowns[i];
        hv_name(c, "cp known ");
        hv_nameu(c, k->ccsid);
        hv_names(c, " X'");
        hv_namex(c, k->byte, 2);
        hv_names(c, "'");
        if (c->dry)
            return 1;
        cp = hm_cp_builtin(k->ccsid);
        HV_TRUE(c, "page missing", cp != NULL);
        HV_EQ(c, "Unicode value", cp->ucs[k->byte], k->ucs);
        return 1;
    }
    i -= (int)HV_NA(hv_knowns);
    if (i < 10) {
        hv_name(c, "cp euro ");
        hv_nameu(c, 1140ul + (unsigned long)i);
        return c->dry ? 1 : hv_cp_euro(c, i);
    }
    i -= 10;
    if (i == 0) {
        hv_name(c, "cp differences 037 1047");
        return c->dry ? 1 : hv_cp_diff(c, 1047, d1047, sizeof d1047);
    }
    if (i == 1) {
        hv_name(c, "cp differences 037 500");
        return c->dry ? 1 : hv_cp_diff(c, 500, d500, sizeof d500);
    }
    if (i == 2) {
        hv_name(c, "cp 875 undefined bytes");
        return c->dry ? 1 : hv_cp_875(c);
    }
    if (i == 3) {
        hv_name(c, "cp converter bad arguments");
        return c->dry ? 1 : hv_cp_badargs(c);
    }
    if (i == 4) {
        hv_name(c, "cp Latin-1 and Greek to 1252 and 850");
        return c->dry ? 1 : hv_cp_latin(c);
    }
    if (i == 5) {
        hv_name(c, "cp 1252 byte round trip");
        return c->dry ? 1 : hv_cp_pcround(c, HM_PC_1252, 5);
    }
    if (i == 6) {
        hv_name(c, "cp 850 byte round trip");
        return c->dry ? 1 : hv_cp_pcround(c, HM_PC_850, 0);
    }
    if (i == 7) {
        hv_name(c, "cp UTF-8 every scalar round trip");
        return c->dry ? 1 : hv_cp_decall(c);
    }
    i -= 8;
    if (i < (int)HV_NA(hv_convs)) {
        hv_name(c, "cp convert ");
        hv_names(c, hv_convs[i].name);
        return c->dry ? 1 : hv_cp_conv(c, &hv_convs[i]);
    }
    i -= (int)HV_NA(hv_convs);
    if (i < 3 * HV_NPAGES) {
        int p = i % HV_NPAGES, kind = i / HV_NPAGES;
        static const char *const what[3] = {
            "cp NL policies ", "cp UTF-8 every byte ", "cp from_ucs "
        };
        hv_name(c, what[kind]);
        hv_nameu(c, hv_ccsids[p]);
        if (c->dry)
            return 1;
        cp = hm_cp_at(p);
        HV_TRUE(c, "page missing", cp != NULL);
        HV_EQ(c, "CCSID", cp->ccsid, hv_ccsids[p]);
        if (kind == 0)
            return hv_cp_nl(c, cp);
        if (kind == 1)
            return hv_cp_utf8all(c, p);
        return hv_cp_from(c, cp);
    }
    i -= 3 * HV_NPAGES;
    if (i < (int)HV_NA(hv_encs)) {
        hv_name(c, "cp pc_encode ");
        hv_nameu(c, hv_encs[i].target);
        hv_names(c, " U+");
        hv_namex(c, hv_encs[i].ucs, hv_encs[i].ucs > 0xFFFF ? 6 : 4);
        return c->dry ? 1 : hv_cp_enc(c, &hv_encs[i]);
    }
    i -= (int)HV_NA(hv_encs);
    if (i < (int)HV_NA(hv_toucss)) {
        const struct hv_toucs *t = &hv_toucss[i];
        hv_name(c, "cp pc_to_ucs ");
        hv_nameu(c, t->target);
        hv_names(c, " X'");
        hv_namex(c, t->byte, 2);
        hv_names(c, "'");
        if (c->dry)
            return 1;
        HV_EQ(c, "Unicode value", hm_pc_to_ucs(t->target, t->byte),
              t->ucs);
        return 1;
    }
    i -= (int)HV_NA(hv_toucss);
    if (i < (int)HV_NA(hv_decs)) {
        const struct hv_dec *d = &hv_decs[i];
        size_t k;
        hv_name(c, "cp utf8_decode");
        for (k = 0; k < d->n; k++) {
            hv_names(c, " ");
            hv_namex(c, d->b[k], 2);
        }
        if (d->n == 0)
            hv_names(c, " (empty)");
        return c->dry ? 1 : hv_cp_dec(c, d);
    }
    i -= (int)HV_NA(hv_decs);
    if (i < (int)HV_NA(hv_froms)) {
        const struct hv_from *f = &hv_froms[i];
        hv_name(c, "cp from_ucs ");
        hv_nameu(c, f->ccsid);
        hv_names(c, " U+");
        hv_namex(c, f->ucs, f->ucs > 0xFFFF ? 6 : 4);
        if (c->dry)
            return 1;
        cp = hm_cp_builtin(f->ccsid);
        HV_TRUE(c, "page missing", cp != NULL);
        HV_EQ(c, "byte", hm_cp_from_ucs(cp, f->ucs), f->byte);
        return 1;
    }
    return -1;
}

#endif
