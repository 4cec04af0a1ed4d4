/*
 * vec_cpy.h - vectors of the COBOL copybook parser
 * (common/copybook.c) and the record decoder (common/layout.c): a
 * small copybook given as ASCII bytes (a copybook moved to the PC as
 * text; reference format with sequence numbers, a comment line and
 * columns 73-80), and an EBCDIC record decoded: text, zoned, packed
 * and binary numbers, an 88 condition, an OCCURS DEPENDING ON table
 * with an item behind it, dates (YYYYMMDD, packed CYYDDD, HHMMSS)
 * and an STCK time stamp. Also: bad data, refused clauses,
 * exhausted storage and the TOD clock conversion on its own.
 */
#ifndef VEC_CPY_H
#define VEC_CPY_H

#include "hv.h"
#include "hm_layout.h"

/* The copybook, ASCII (LF line ends, one CR LF):
 *   01 REC: R-TYPE X (88 R-MAIL 'M'), R-NAME X(6), R-ZONED S9(5)V99,
 *   R-PACKED S9(7) COMP-3, R-BIN S9(4) COMP, R-BINL 9(9) BINARY,
 *   R-DATE 9(8), R-JUL S9(7) COMP-3, R-TIME 9(6), R-STCK X(8),
 *   R-N 9, R-TAB OCCURS 0 TO 3 DEPENDING ON R-N X(2), R-TAIL X(2) */
static const unsigned char hv_cb_text[] = {
    /* 000100* A SMALL RECORD FOR THE TEST VECTORS */
    0x30, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2A, 0x20, 0x41, 0x20, 0x53, 0x4D,
    0x41, 0x4C, 0x4C, 0x20, 0x52, 0x45, 0x43, 0x4F, 0x52, 0x44, 0x20, 0x46,
    0x4F, 0x52, 0x20, 0x54, 0x48, 0x45, 0x20, 0x54, 0x45, 0x53, 0x54, 0x20,
    0x56, 0x45, 0x43, 0x54, 0x4F, 0x52, 0x53, 0x0A,
    /* 000200 01  REC. (ends with CR LF) */
    0x30, 0x30, 0x30, 0x32, 0x30, 0x30, 0x20, 0x30, 0x31, 0x20, 0x20, 0x52,
    0x45, 0x43, 0x2E, 0x0D, 0x0A,
    /* 000300     05 R-TYPE      PIC X. */
    0x30, 0x30, 0x30, 0x33, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x54, 0x59, 0x50, 0x45, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x58, 0x2E, 0x0A,
    /* 000400        88 R-MAIL   VALUE 'M'. */
    0x30, 0x30, 0x30, 0x34, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x38, 0x38, 0x20, 0x52, 0x2D, 0x4D, 0x41, 0x49, 0x4C, 0x20,
    0x20, 0x20, 0x56, 0x41, 0x4C, 0x55, 0x45, 0x20, 0x27, 0x4D, 0x27, 0x2E,
    0x0A,
    /* 000500     05 R-NAME      PIC X(6). */
    0x30, 0x30, 0x30, 0x35, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x4E, 0x41, 0x4D, 0x45, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x58, 0x28, 0x36, 0x29, 0x2E, 0x0A,
    /* 000600     05 R-ZONED     PIC S9(5)V99.   (blanks to column 72)
     * SEQ00006 (columns 73-80, ignored) */
    0x30, 0x30, 0x30, 0x36, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x5A, 0x4F, 0x4E, 0x45, 0x44, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x53, 0x39, 0x28, 0x35, 0x29, 0x56,
    0x39, 0x39, 0x2E, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x53, 0x45, 0x51, 0x30, 0x30, 0x30, 0x30, 0x36, 0x0A,
    /* 000700     05 R-PACKED    PIC S9(7) COMP-3. */
    0x30, 0x30, 0x30, 0x37, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x50, 0x41, 0x43, 0x4B, 0x45, 0x44, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x53, 0x39, 0x28, 0x37, 0x29, 0x20,
    0x43, 0x4F, 0x4D, 0x50, 0x2D, 0x33, 0x2E, 0x0A,
    /* 000800     05 R-BIN       PIC S9(4) COMP. */
    0x30, 0x30, 0x30, 0x38, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x42, 0x49, 0x4E, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x53, 0x39, 0x28, 0x34, 0x29, 0x20,
    0x43, 0x4F, 0x4D, 0x50, 0x2E, 0x0A,
    /* 000900     05 R-BINL      PIC 9(9) BINARY. */
    0x30, 0x30, 0x30, 0x39, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x42, 0x49, 0x4E, 0x4C, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x39, 0x28, 0x39, 0x29, 0x20, 0x42,
    0x49, 0x4E, 0x41, 0x52, 0x59, 0x2E, 0x0A,
    /* 001000     05 R-DATE      PIC 9(8). */
    0x30, 0x30, 0x31, 0x30, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x44, 0x41, 0x54, 0x45, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x39, 0x28, 0x38, 0x29, 0x2E, 0x0A,
    /* 001100     05 R-JUL       PIC S9(7) COMP-3. */
    0x30, 0x30, 0x31, 0x31, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x4A, 0x55, 0x4C, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x53, 0x39, 0x28, 0x37, 0x29, 0x20,
    0x43, 0x4F, 0x4D, 0x50, 0x2D, 0x33, 0x2E, 0x0A,
    /* 001200     05 R-TIME      PIC 9(6). */
    0x30, 0x30, 0x31, 0x32, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x54, 0x49, 0x4D, 0x45, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x39, 0x28, 0x36, 0x29, 0x2E, 0x0A,
    /* 001300     05 R-STCK      PIC X(8). */
    0x30, 0x30, 0x31, 0x33, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x53, 0x54, 0x43, 0x4B, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x58, 0x28, 0x38, 0x29, 0x2E, 0x0A,
    /* 001400     05 R-N         PIC 9. */
    0x30, 0x30, 0x31, 0x34, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x4E, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x39, 0x2E, 0x0A,
    /* 001500     05 R-TAB OCCURS 0 TO 3 TIMES DEPENDING ON R-N */
    0x30, 0x30, 0x31, 0x35, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x54, 0x41, 0x42, 0x20, 0x4F, 0x43, 0x43, 0x55,
    0x52, 0x53, 0x20, 0x30, 0x20, 0x54, 0x4F, 0x20, 0x33, 0x20, 0x54, 0x49,
    0x4D, 0x45, 0x53, 0x20, 0x44, 0x45, 0x50, 0x45, 0x4E, 0x44, 0x49, 0x4E,
    0x47, 0x20, 0x4F, 0x4E, 0x20, 0x52, 0x2D, 0x4E, 0x0A,
    /* 001600                   PIC X(2). */
    0x30, 0x30, 0x31, 0x36, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x50, 0x49, 0x43, 0x20, 0x58, 0x28, 0x32, 0x29, 0x2E, 0x0A,
    /* 001700     05 R-TAIL      PIC X(2). */
    0x30, 0x30, 0x31, 0x37, 0x30, 0x30, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30,
    0x35, 0x20, 0x52, 0x2D, 0x54, 0x41, 0x49, 0x4C, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x50, 0x49, 0x43, 0x20, 0x58, 0x28, 0x32, 0x29, 0x2E, 0x0A
};

/* Offsets and sizes of the items (static layout: R-TAIL after three
 * occurrences of R-TAB). */
struct hv_cbitem {
    const char *name;
    int level, kind, usage;
    int digits, scale, sign;
    unsigned long offset, size;
};

static const struct hv_cbitem hv_cbitems[] = {
    { "REC", 1, HM_CB_GROUP, HM_CB_DISPLAY, 0, 0, 0, 0, 59 },
    { "R-TYPE", 5, HM_CB_ALNUM, HM_CB_DISPLAY, 0, 0, 0, 0, 1 },
    { "R-NAME", 5, HM_CB_ALNUM, HM_CB_DISPLAY, 0, 0, 0, 1, 6 },
    { "R-ZONED", 5, HM_CB_ZONED, HM_CB_DISPLAY, 7, 2, 1, 7, 7 },
    { "R-PACKED", 5, HM_CB_PACKED, HM_CB_COMP3, 7, 0, 1, 14, 4 },
    { "R-BIN", 5, HM_CB_BINARY, HM_CB_COMP, 4, 0, 1, 18, 2 },
    { "R-BINL", 5, HM_CB_BINARY, HM_CB_COMP, 9, 0, 0, 20, 4 },
    { "R-DATE", 5, HM_CB_ZONED, HM_CB_DISPLAY, 8, 0, 0, 24, 8 },
    { "R-JUL", 5, HM_CB_PACKED, HM_CB_COMP3, 7, 0, 1, 32, 4 },
    { "R-TIME", 5, HM_CB_ZONED, HM_CB_DISPLAY, 6, 0, 0, 36, 6 },
    { "R-STCK", 5, HM_CB_ALNUM, HM_CB_DISPLAY, 0, 0, 0, 42, 8 },
    { "R-N", 5, HM_CB_ZONED, HM_CB_DISPLAY, 1, 0, 0, 50, 1 },
    { "R-TAB", 5, HM_CB_ALNUM, HM_CB_DISPLAY, 0, 0, 0, 51, 2 },
    { "R-TAIL", 5, HM_CB_ALNUM, HM_CB_DISPLAY, 0, 0, 0, 57, 2 }
};
#define HV_NCB ((int)HV_NA(hv_cbitems))

/* The record, EBCDIC (IBM-1047), 57 bytes: two table entries. */
static const unsigned char hv_cbrec[57] = {
    0xD4,                                           /* M */
    0xD4, 0xDC, 0x93, 0x93, 0x85, 0x99,             /* M u-umlaut ller */
    0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xD7,       /* -12345.67 */
    0x12, 0x34, 0x56, 0x7C,                         /* +1234567 */
    0xFF, 0xFE,                                     /* -2 */
    0x07, 0x5B, 0xCD, 0x15,                         /* 123456789 */
    0xF2, 0xF0, 0xF2, 0xF4, 0xF0, 0xF2, 0xF2, 0xF9, /* 20240229 */
    0x01, 0x24, 0x06, 0x0F,                         /* 1 24 060 */
    0xF1, 0xF3, 0xF4, 0xF5, 0xF2, 0xF6,             /* 134526 */
    /* TOD clock of 2024-02-29 13:45:26 UTC */
    0xDE, 0xB9, 0x5C, 0x17, 0xBA, 0x98, 0x00, 0x00,
    0xF2,                                           /* 2 entries */
    0xC1, 0xC2, 0xC3, 0xC4,                         /* AB CD */
    0xE7, 0xE8                                      /* XY */
};

/* UTF-8 of the texts */
static const unsigned char hv_u_name[7] = {
    0x4D, 0xC3, 0xBC, 0x6C, 0x6C, 0x65, 0x72        /* Mueller */
};
static const unsigned char hv_u_cd[2] = { 0x43, 0x44 };
static const unsigned char hv_u_xy[2] = { 0x58, 0x59 };

static hm_cpconv hv_cbcv;

/* An item by its name (the parser keeps names in the execution
 * character set). */
static int hv_cbf(const hm_copybook *cb, const char *name)
{
    int i;
    for (i = 0; i < cb->nf; i++)
        if (strcmp(cb->f[i].name, name) == 0)
            return i;
    return -1;
}

/* "YYYYMMDDHHMMSS" in the execution character set against the ASCII
 * digits of hm_dt_str (digits are contiguous in every charset). */
static int hv_dteq(hv_ctx *c, const char *what, const hm_dt *dt,
                   const char *want)
{
    unsigned char got[15], exp[15];
    int i;
    hm_dt_str(dt, got);
    for (i = 0; i < 14; i++)
        exp[i] = (unsigned char)(0x30 + (want[i] - '0'));
    exp[14] = 0;
    return hv_memeq(c, what, got, 15, exp, 15);
}

static hm_copybook *hv_cb_parse(const hm_alloc *al, hm_log *lg)
{
    return hm_cb_parse(al, hv_cb_text, sizeof hv_cb_text, NULL, 0, lg,
                       "CB");
}

static int hv_cpy_layout(hv_ctx *c)
{
    hm_log lg;
    hm_copybook *cb;
    hv_ca ca;
    hm_alloc al;
    int i, f;
    static const unsigned char q_asc[16] = {
        /* r-zoned of rec (ASCII, lower case) */
        0x72, 0x2D, 0x7A, 0x6F, 0x6E, 0x65, 0x64, 0x20, 0x6F, 0x66,
        0x20, 0x72, 0x65, 0x63
    };
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    cb = hv_cb_parse(&al, &lg);
    if (!cb)
        return hv_logfail(c, "copybook refused");
    if (cb->nf != HV_NCB) {
        hm_cb_free(cb);
        return hv_neq(c, "items", cb->nf, HV_NCB);
    }
    for (i = 0; i < HV_NCB; i++) {
        const struct hv_cbitem *w = &hv_cbitems[i];
        const hm_cbfield *g = &cb->f[i];
        int ok = strcmp(g->name, w->name) == 0 && g->level == w->level &&
                 g->kind == w->kind && g->usage == w->usage &&
                 g->offset == w->offset && g->size == w->size;
        if (ok && w->kind != HM_CB_GROUP && w->kind != HM_CB_ALNUM)
            ok = g->digits == w->digits && g->scale == w->scale &&
                 g->sign == w->sign;
        if (!ok) {
            hm_cb_free(cb);
            hv_fail(c, "item ");
            hv_cat(c->detail, HV_DETCAP, w->name);
            hv_cat(c->detail, HV_DETCAP, " (got ");
            hv_cat(c->detail, HV_DETCAP, g->name);
            hv_cat(c->detail, HV_DETCAP, " offset ");
            hv_catu(c->detail, HV_DETCAP, g->offset);
            hv_cat(c->detail, HV_DETCAP, " size ");
            hv_catu(c->detail, HV_DETCAP, g->size);
            hv_cat(c->detail, HV_DETCAP, ")");
            return 0;
        }
    }
    f = hv_cbf(cb, "R-TAB");
    i = f >= 0 && cb->f[f].occurs == HM_CB_OCC_ODO &&
        cb->f[f].occ_min == 0 && cb->f[f].occ_max == 3 &&
        cb->f[f].odo == hv_cbf(cb, "R-N") && cb->f[f].ndim == 1;
    /* the group's size depends on R-N, R-TAIL's own does not */
    i = i && cb->f[0].variable && !cb->f[hv_cbf(cb, "R-TAIL")].variable;
    i = i && cb->f[hv_cbf(cb, "R-TYPE")].line == 3;
    i = i && cb->nc == 1 && strcmp(cb->c[0].name, "R-MAIL") == 0 &&
        cb->c[0].field == hv_cbf(cb, "R-TYPE");
    /* a qualified name given as ASCII bytes */
    i = i && hm_cb_find(cb, q_asc, 14, NULL) == hv_cbf(cb, "R-ZONED");
    i = i && hm_cb_find(cb, q_asc, 3, NULL) == -1;
    hm_cb_free(cb);
    HV_TRUE(c, "ODO, 88 or hm_cb_find", i);
    HV_EQ(c, "messages", hv_loglen, 0);
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* Open a decoder on the copybook with the record set. */
static hm_copybook *hv_cb_open(hv_ctx *c, const hm_alloc *al,
                               hm_log *lg, hm_lrec *r,
                               const unsigned char *rec, size_t n)
{
    hm_copybook *cb = hv_cb_parse(al, lg);
    if (!cb) {
        hv_logfail(c, "copybook refused");
        return NULL;
    }
    hm_cpconv_init(&hv_cbcv, hm_cp_builtin(1047), HM_PC_UTF8,
                   HM_NL_CDRA);
    if (hm_lay_open(r, al, cb, &hv_cbcv, lg, "TESTDS") != 0) {
        hm_cb_free(cb);
        hv_logfail(c, "no decoder");
        return NULL;
    }
    hm_lay_set(r, rec, n, 7);
    return cb;
}

/* a number formatted: hm_num_fmt in the execution character set */
static int hv_numeq(hv_ctx *c, hm_lrec *r, const char *name,
                    const char *want)
{
    hm_num n;
    char buf[HM_NUM_MAXDIG + 8];
    int rc = hm_lay_num(r, hv_cbf(r->cb, name), 0, 0, &n);
    if (rc != HM_LAY_OK) {
        hv_neq(c, name, rc, HM_LAY_OK);
        return 0;
    }
    hm_num_fmt(&n, buf);
    if (strcmp(buf, want) != 0) {
        hv_fail(c, name);
        hv_cat(c->detail, HV_DETCAP, ": got ");
        hv_cat(c->detail, HV_DETCAP, buf);
        return 0;
    }
    return 1;
}

static int hv_cpy_decode2(hv_ctx *c, hm_lrec *r)
{
    const hm_copybook *cb = r->cb;
    unsigned char out[64];
    size_t n;
    unsigned long sub[1], off, size;
    hm_dt d, t, m;
    hm_num num;
    long v;
    HV_EQ(c, "R-NAME", hm_lay_text(r, hv_cbf(cb, "R-NAME"), 0, 0, out,
                                   sizeof out, &n), HM_LAY_OK);
    HV_MEM(c, "R-NAME", out, n, hv_u_name, sizeof hv_u_name);
    if (!hv_numeq(c, r, "R-ZONED", "-12345.67") ||
        !hv_numeq(c, r, "R-PACKED", "1234567") ||
        !hv_numeq(c, r, "R-BIN", "-2") ||
        !hv_numeq(c, r, "R-BINL", "123456789") ||
        !hv_numeq(c, r, "R-N", "2"))
        return 0;
    HV_EQ(c, "R-ZONED", hm_lay_num(r, hv_cbf(cb, "R-ZONED"), 0, 0, &num),
          HM_LAY_OK);
    HV_EQ(c, "R-ZONED scale", num.scale, 2);
    HV_EQ(c, "R-ZONED as long", hm_num_long(&num, &v), 0);
    HV_EQ(c, "R-ZONED long", v, -1234567L);
    HV_EQ(c, "R-MAIL", hm_lay_cond(r, 0, 0, 0), 1);
    HV_EQ(c, "R-TAB count", hm_lay_count(r, hv_cbf(cb, "R-TAB")), 2);
    sub[0] = 2;
    HV_EQ(c, "R-TAB(2)", hm_lay_text(r, hv_cbf(cb, "R-TAB"), sub, 1, out,
                                     sizeof out, &n), HM_LAY_OK);
    HV_MEM(c, "R-TAB(2)", out, n, hv_u_cd, 2);
    HV_EQ(c, "R-TAIL placed", hm_lay_locate(r, hv_cbf(cb, "R-TAIL"), 0, 0,
                                            &off, &size), HM_LAY_OK);
    HV_EQ(c, "R-TAIL offset", off, 55);
    HV_EQ(c, "R-TAIL size", size, 2);
    HV_EQ(c, "R-TAIL", hm_lay_text(r, hv_cbf(cb, "R-TAIL"), 0, 0, out,
                                   sizeof out, &n), HM_LAY_OK);
    HV_MEM(c, "R-TAIL", out, n, hv_u_xy, 2);
    HV_EQ(c, "R-DATE", hm_lay_date(r, hv_cbf(cb, "R-DATE"), 0, 0,
                                   HM_DF_YYYYMMDD, &d), HM_LAY_OK);
    if (!hv_dteq(c, "R-DATE", &d, "20240229000000"))
        return 0;
    HV_EQ(c, "R-JUL", hm_lay_date(r, hv_cbf(cb, "R-JUL"), 0, 0,
                                  HM_DF_CYYDDD, &d), HM_LAY_OK);
    if (!hv_dteq(c, "R-JUL", &d, "20240229000000"))
        return 0;
    HV_EQ(c, "R-TIME", hm_lay_date(r, hv_cbf(cb, "R-TIME"), 0, 0,
                                   HM_DF_HHMMSS, &t), HM_LAY_OK);
    HV_EQ(c, "R-TIME has a date", t.has_date, 0);
    hm_dt_merge(&d, &t, &m);
    if (!hv_dteq(c, "date and time", &m, "20240229134526"))
        return 0;
    HV_EQ(c, "R-STCK", hm_lay_date(r, hv_cbf(cb, "R-STCK"), 0, 0,
                                   HM_DF_STCK, &d), HM_LAY_OK);
    HV_TRUE(c, "R-STCK parts", d.has_date && d.has_time);
    if (!hv_dteq(c, "R-STCK", &d, "20240229134526"))
        return 0;
    /* the same bytes read as YYMMDD: no valid date */
    HV_EQ(c, "R-NAME as a date", hm_lay_date(r, hv_cbf(cb, "R-NAME"), 0,
                                             0, HM_DF_YYMMDD, &d),
          HM_LAY_ERR);
    return 1;
}

static int hv_cpy_decode(hv_ctx *c)
{
    hm_log lg;
    hm_copybook *cb;
    hm_lrec r;
    hv_ca ca;
    hm_alloc al;
    int ok;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    cb = hv_cb_open(c, &al, &lg, &r, hv_cbrec, sizeof hv_cbrec);
    if (!cb)
        return 0;
    ok = hv_cpy_decode2(c, &r);
    hm_lay_close(&r);
    hm_cb_free(cb);
    if (!ok)
        return 0;
    if (!hv_logged("HMG0837E TESTDS record 7: item R-NAME at offset 1 "
                   "(X'D4DC93938599') is not a valid YYMMDD value"))
        return hv_logfail(c, "no HMG0837E");
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* Bad data: a packed digit, a zoned zone, an ODO count, a record too
 * short; each reported with the data set, record, item and offset. */
struct hv_badrec {
    const char *name;
    int off;                 /* byte changed, -1 none */
    unsigned char val;
    size_t len;              /* record length */
    const char *item;
    const char *msg;
};

static const struct hv_badrec hv_badrecs[] = {
    { "packed digit", 15, 0x3A, 57, "R-PACKED",
      "HMG0832E TESTDS record 7: item R-PACKED at offset 14 is not "
      "valid packed decimal: X'123A567C'" },
    { "packed sign", 17, 0x78, 57, "R-PACKED", "HMG0832E" },
    { "zoned zone", 9, 0xC3, 57, "R-ZONED",
      "HMG0831E TESTDS record 7: item R-ZONED at offset 7 is not valid "
      "zoned decimal: X'F1F2C3F4F5F6D7'" },
    { "ODO count", 50, 0xF4, 57, "R-TAIL",
      "HMG0833E TESTDS record 7: the count 4 in R-N at offset 50 is "
      "outside 0 to 3; the record cannot be decoded in this layout" },
    { "record too short", -1, 0, 56, "R-TAIL",
      "HMG0830E TESTDS record 7: item R-TAIL at offset 55 (2 bytes) "
      "does not fit into the record of 56 bytes" },
    { "date", 30, 0xF3, 57, "R-DATE",
      "HMG0837E TESTDS record 7: item R-DATE at offset 24 "
      "(X'F2F0F2F4F0F2F3F9') is not a valid YYYYMMDD value" }
};

static int hv_cpy_bad(hv_ctx *c, const struct hv_badrec *k)
{
    static unsigned char rec[57];
    hm_log lg;
    hm_copybook *cb;
    hm_lrec r;
    hm_num n;
    hm_dt d;
    unsigned char out[16];
    size_t len;
    int rc, f;
    memcpy(rec, hv_cbrec, sizeof rec);
    if (k->off >= 0)
        rec[k->off] = k->val;
    hv_log_reset(&lg);
    cb = hv_cb_open(c, c->base, &lg, &r, rec, k->len);
    if (!cb)
        return 0;
    f = hv_cbf(cb, k->item);
    if (cb->f[f].kind == HM_CB_ALNUM)
        rc = hm_lay_text(&r, f, 0, 0, out, sizeof out, &len);
    else if (f == hv_cbf(cb, "R-DATE"))
        rc = hm_lay_date(&r, f, 0, 0, HM_DF_YYYYMMDD, &d);
    else
        rc = hm_lay_num(&r, f, 0, 0, &n);
    hm_lay_close(&r);
    hm_cb_free(cb);
    HV_EQ(c, "result", rc, HM_LAY_ERR);
    if (!hv_logged(k->msg))
        return hv_logfail(c, "message not issued");
    return 1;
}

/* Refused copybooks: the message names the line and the clause. */
struct hv_badcb {
    const char *name;
    const unsigned char *text;
    size_t len;
    const char *msg;
};

/* "       01 A PIC X(2) SYNC." LF (ASCII) */
static const unsigned char hv_cb_sync[] = {
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30, 0x31, 0x20, 0x41,
    0x20, 0x50, 0x49, 0x43, 0x20, 0x58, 0x28, 0x32, 0x29, 0x20, 0x53,
    0x59, 0x4E, 0x43, 0x2E, 0x0A
};
/* "       01 A." LF "           05 B PIC S9(3) COMP-1." LF */
static const unsigned char hv_cb_comp1[] = {
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30, 0x31, 0x20, 0x41,
    0x2E, 0x0A,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x30, 0x35, 0x20, 0x42, 0x20, 0x50, 0x49, 0x43, 0x20, 0x53, 0x39,
    0x28, 0x33, 0x29, 0x20, 0x43, 0x4F, 0x4D, 0x50, 0x2D, 0x31, 0x2E,
    0x0A
};
/* "      *" LF (only a comment) */
static const unsigned char hv_cb_none[] = {
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x2A, 0x0A
};

static const struct hv_badcb hv_badcbs[] = {
    { "SYNC", hv_cb_sync, sizeof hv_cb_sync, "HMG0800E CB line 1: " },
    { "COMP-1", hv_cb_comp1, sizeof hv_cb_comp1, "HMG0800E CB line 2: " },
    { "no item", hv_cb_none, sizeof hv_cb_none,
      "HMG0810E CB: the copybook describes no data item" }
};

static int hv_cpy_refused(hv_ctx *c, const struct hv_badcb *k)
{
    hm_log lg;
    hm_copybook *cb;
    hv_ca ca;
    hm_alloc al;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    cb = hm_cb_parse(&al, k->text, k->len, NULL, 0, &lg, "CB");
    if (cb) {
        hm_cb_free(cb);
        return hv_fail(c, "copybook accepted");
    }
    if (!hv_logged(k->msg))
        return hv_logfail(c, "message not issued");
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* Storage running out at each allocation of parser and decoder. */
static int hv_cpy_nostor(hv_ctx *c)
{
    hm_log lg;
    hm_copybook *cb;
    hm_lrec r;
    hv_ca ca;
    hm_alloc al;
    int done = 0;
    hv_ca_init(&ca, &al, c->base);
    for (ca.fail_after = 1; ca.fail_after < 200 && !done;
         ca.fail_after++) {
        ca.calls = 0;
        hv_log_reset(&lg);
        cb = hv_cb_parse(&al, &lg);
        if (cb) {
            hm_cpconv_init(&hv_cbcv, hm_cp_builtin(1047), HM_PC_UTF8,
                           HM_NL_CDRA);
            if (hm_lay_open(&r, &al, cb, &hv_cbcv, &lg, "TESTDS") == 0) {
                hm_lay_close(&r);
                done = 1;
            }
            hm_cb_free(cb);
        }
        HV_EQ(c, "blocks not released", ca.live, 0);
        if (!done && !hv_logged("HMG0809S CB: not enough storage for "
                                "the copybook") &&
            !hv_logged("HMG0007S"))
            return hv_logfail(c, "no storage message");
    }
    HV_TRUE(c, "never parsed with enough storage", done);
    HV_TRUE(c, "no allocation failed", ca.fail_after > 2);
    return 1;
}

/* The TOD clock on its own, with leap seconds, and digit forms. */
static int hv_cpy_tod(hv_ctx *c)
{
    static const unsigned char t1972[8] = {
        0x81, 0x26, 0xD6, 0x0E, 0x46, 0x00, 0x00, 0x00
    };
    static const unsigned char tleap[8] = {  /* + 27 s */
        0xDE, 0xB9, 0x5C, 0x31, 0x7A, 0x64, 0x00, 0x00
    };
    static const unsigned char tzero[8] = { 0 };
    static const unsigned char yyddd[5] = { 0, 0, 3, 6, 6 };
    static const unsigned char ddmmyyyy[8] = { 2, 9, 0, 2, 2, 0, 2, 3 };
    hm_dt d;
    HV_EQ(c, "1972", hm_dt_tod(t1972, 0, &d), 0);
    if (!hv_dteq(c, "1972", &d, "19720101000000"))
        return 0;
    HV_EQ(c, "leap seconds", hm_dt_tod(tleap, 27, &d), 0);
    if (!hv_dteq(c, "leap seconds", &d, "20240229134526"))
        return 0;
    HV_EQ(c, "epoch", hm_dt_tod(tzero, 0, &d), 0);
    if (!hv_dteq(c, "epoch", &d, "19000101000000"))
        return 0;
    HV_EQ(c, "before the epoch", hm_dt_tod(tzero, 1, &d), -1);
    HV_EQ(c, "YYDDD", hm_dt_digits(yyddd, HM_DF_YYDDD, 1950, &d), 0);
    if (!hv_dteq(c, "YYDDD", &d, "20001231000000"))
        return 0;
    HV_EQ(c, "DDMMYYYY", hm_dt_digits(ddmmyyyy, HM_DF_DDMMYYYY, 1950,
                                      &d), -1);
    HV_EQ(c, "leap years", hm_dt_leap(2000) * 4 + hm_dt_leap(1900) * 2 +
          hm_dt_leap(2024), 5);
    HV_EQ(c, "days in February 2023", hm_dt_mdays(2023, 2), 28);
    HV_EQ(c, "STCK width", hm_dt_width(HM_DF_STCK), 8);
    HV_EQ(c, "form CYYDDD", hm_dt_form("CYYDDD"), HM_DF_CYYDDD);
    HV_STR(c, "form name", hm_dt_formname(HM_DF_STCK), "STCK");
    return 1;
}

static int hv_cpy(hv_ctx *c, int i)
{
    static const char *const fn[4] = {
        "cpy copybook layout", "cpy record decoded",
        "cpy storage exhausted", "cpy TOD clock and date digits"
    };
    if (i < 4) {
        hv_name(c, fn[i]);
        if (c->dry)
            return 1;
        switch (i) {
        case 0: return hv_cpy_layout(c);
        case 1: return hv_cpy_decode(c);
        case 2: return hv_cpy_nostor(c);
        default: return hv_cpy_tod(c);
        }
    }
    i -= 4;
    if (i < (int)HV_NA(hv_badrecs)) {
        hv_name(c, "cpy bad data: ");
        hv_names(c, hv_badrecs[i].name);
        return c->dry ? 1 : hv_cpy_bad(c, &hv_badrecs[i]);
    }
    i -= (int)HV_NA(hv_badrecs);
    if (i < (int)HV_NA(hv_badcbs)) {
        hv_name(c, "cpy refused: ");
        hv_names(c, hv_badcbs[i].name);
        return c->dry ? 1 : hv_cpy_refused(c, &hv_badcbs[i]);
    }
    return -1;
}

#endif
