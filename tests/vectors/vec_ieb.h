/*
 * vec_ieb.h - vectors of the IEBCOPY unload reader
 * (common/iebcopy.c): a small unload of an FB PDS written out byte
 * by byte below (LRECL 10, BLKSIZE 30, one extent), with the members
 * ALPHA (4 records in 2 blocks), BETA (an alias of ALPHA) and GAMMA
 * (2 records, ISPF statistics). It is fed in pieces of every size
 * tried, with an 8-byte prefix before COPYR1, inside a NETDATA
 * transmission, cut at every byte and damaged at every byte.
 */
#ifndef VEC_IEB_H
#define VEC_IEB_H

#include "hv.h"
#include "hm_cont.h"
#include "vec_nd.h"

/* COPYR1: X'CA6D0F' eye-catcher, DSORG PO, BLKSIZE 30, LRECL 10,
 * RECFM FB, 3390 device type, 15 tracks a cylinder, 2 headers */
static const unsigned char hv_r1[56] = {
    0x00, 0xCA, 0x6D, 0x0F, 0x02, 0x00, 0x00, 0x1E, 0x00, 0x0A,
    0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 0x30, 0x50, 0x20, 0x0F,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0F, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02
};
/* the same with a BDW + SDW prefix (64 and 60 bytes) */
static const unsigned char hv_r1pfx[64] = {
    0x00, 0x40, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x00,
    0x00, 0xCA, 0x6D, 0x0F, 0x02, 0x00, 0x00, 0x1E, 0x00, 0x0A,
    0x90, 0x00, 0x00, 0x00, 0x00, 0x00, 0x30, 0x50, 0x20, 0x0F,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0F, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02
};
/* COPYR2: 16 bytes of DEB, then extent 0: CC 10 HH 0 to CC 10 HH 14,
 * 15 tracks (the other 15 extents are zeros) */
static const unsigned char hv_r2[276] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x0E,
    0x00, 0x0F
};

/* The rest: 12-byte headers F M BB CC HH R KL DL, key, data. */
#define HV_IEB_DIR 0          /* directory block header */
#define HV_IEB_ALPHA 288      /* offset of ALPHA's first header */
#define HV_IEB_REST 408       /* bytes in all */
static const unsigned char hv_rest[HV_IEB_REST] = {
    /* 0: directory block, key 8 (X'FF..FF': the last entry), 256 */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08,
    0x01, 0x00,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    /* 20: 76 bytes used */
    0x00, 0x4C,
    /* ALPHA, TTR 000001 */
    0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0x40, 0x40,
    0x00, 0x00, 0x01, 0x00,
    /* BETA, TTR 000001, alias (C X'80') */
    0xC2, 0xC5, 0xE3, 0xC1, 0x40, 0x40, 0x40, 0x40,
    0x00, 0x00, 0x01, 0x80,
    /* GAMMA, TTR 000004, 15 halfwords of ISPF statistics: 01.05,
     * created 2024-02-01, changed 2024-02-29 13:45:26, 16 lines,
     * 12 initial, 2 modified, IBMUSER */
    0xC7, 0xC1, 0xD4, 0xD4, 0xC1, 0x40, 0x40, 0x40,
    0x00, 0x00, 0x04, 0x0F,
    0x01, 0x05, 0x00, 0x26, 0x01, 0x24, 0x03, 0x2F, 0x01, 0x24,
    0x06, 0x0F, 0x13, 0x45, 0x00, 0x10, 0x00, 0x0C, 0x00, 0x02,
    0xC9, 0xC2, 0xD4, 0xE4, 0xE2, 0xC5, 0xD9, 0x40, 0x40, 0x40,
    /* the end entry */
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    /* 96..275: the rest of the 256 bytes are zeros */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 276: end of the directory (KL = DL = 0) */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 288: ALPHA block 1, CC 10 HH 0 R 1, 30 bytes: 3 records */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x01, 0x00,
    0x00, 0x1E,
    0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF1,
    0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF2,
    0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF3,
    /* 330: block 2, R 2, 10 bytes */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x02, 0x00,
    0x00, 0x0A,
    0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF4,
    /* 352: end of member */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 364: GAMMA, R 4, 20 bytes */
    0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x04, 0x00,
    0x00, 0x14,
    0xC7, 0xC1, 0xD4, 0xD4, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF1,
    0xC7, 0xC1, 0xD4, 0xD4, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF2,
    /* 396: end of member */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
};

/* The records: ALPHA 0001 .. ALPHA 0004, GAMMA 0001, GAMMA 0002 */
static const unsigned char hv_iebrec[6][10] = {
    { 0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF1 },
    { 0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF2 },
    { 0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF3 },
    { 0xC1, 0xD3, 0xD7, 0xC8, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF4 },
    { 0xC7, 0xC1, 0xD4, 0xD4, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF1 },
    { 0xC7, 0xC1, 0xD4, 0xD4, 0xC1, 0x40, 0xF0, 0xF0, 0xF0, 0xF2 }
};

/* Feed COPYR1 (with or without prefix), COPYR2 and n bytes of rest
 * in pieces of chunk bytes; finish. */
static hm_ieb *hv_ieb_feed(const hm_alloc *al, hm_log *lg,
                           const unsigned char *rest, size_t n,
                           size_t chunk, int prefix)
{
    hm_ieb *b = hm_ieb_open(al, lg, "PDS", 0);
    size_t pos;
    if (!b)
        return NULL;
    if (prefix)
        hm_ieb_feed(b, hv_r1pfx, sizeof hv_r1pfx);
    else
        hm_ieb_feed(b, hv_r1, sizeof hv_r1);
    hm_ieb_feed(b, hv_r2, sizeof hv_r2);
    for (pos = 0; pos < n; pos += chunk)
        hm_ieb_feed(b, rest + pos, n - pos < chunk ? n - pos : chunk);
    hm_ieb_finish(b);
    return b;
}

/* The records of member i must be want[first .. first + nrec). */
static int hv_ieb_recs(hv_ctx *c, const hm_ieb *b, unsigned long i,
                       unsigned first, unsigned nrec)
{
    hm_ieb_iter it;
    const unsigned char *d;
    size_t n;
    unsigned k;
    HV_EQ(c, "iterator", hm_ieb_iter_init(b, i, HM_IEB_RECORDS, &it), 0);
    for (k = 0; k < nrec; k++) {
        HV_EQ(c, "record", hm_ieb_iter_next(&it, &d, &n), 1);
        HV_MEM(c, "record", d, n, hv_iebrec[first + k], 10);
    }
    HV_EQ(c, "end of member", hm_ieb_iter_next(&it, &d, &n), 0);
    return 1;
}

static int hv_ieb_check(hv_ctx *c, const hm_ieb *b)
{
    const hm_ieb_member *m;
    hm_ieb_iter it;
    const unsigned char *d;
    size_t n;
    static const unsigned char e_beta[8] = {
        0xC2, 0xC5, 0xE3, 0xC1, 0x40, 0x40, 0x40, 0x40
    };
    HV_EQ(c, "failed", hm_ieb_failed(b), 0);
    HV_EQ(c, "members", hm_ieb_count(b), 3);
    HV_EQ(c, "RECFM", hm_ieb_recfm(b), 0x90);
    HV_EQ(c, "LRECL", hm_ieb_lrecl(b), 10);
    HV_EQ(c, "BLKSIZE", hm_ieb_blksize(b), 30);
    HV_EQ(c, "PDSE", hm_ieb_is_pdse(b), 0);
    m = hm_ieb_member_at(b, 0);
    HV_STR(c, "member 0", m->name, "ALPHA");
    HV_EQ(c, "ALPHA TTR", m->ttr, 1);
    HV_EQ(c, "ALPHA alias", m->is_alias, 0);
    HV_EQ(c, "ALPHA data", m->has_data, 1);
    HV_EQ(c, "ALPHA blocks", m->nblocks, 2);
    HV_EQ(c, "ALPHA bytes", m->nbytes, 40);
    HV_EQ(c, "ALPHA ISPF", m->has_ispf, 0);
    m = hm_ieb_member_at(b, 1);
    HV_STR(c, "member 1", m->name, "BETA");
    HV_MEM(c, "BETA as stored", m->name_e, 8, e_beta, 8);
    HV_EQ(c, "BETA alias", m->is_alias, 1);
    HV_TRUE(c, "BETA alias of nothing", m->alias_of != NULL);
    HV_STR(c, "BETA alias of", m->alias_of, "ALPHA");
    HV_EQ(c, "BETA data", m->has_data, 1);
    m = hm_ieb_member_at(b, 2);
    HV_STR(c, "member 2", m->name, "GAMMA");
    HV_EQ(c, "GAMMA TTR", m->ttr, 4);
    HV_EQ(c, "GAMMA user data", m->nuser, 30);
    HV_EQ(c, "GAMMA ISPF", m->has_ispf, 1);
    HV_EQ(c, "ISPF version", m->ispf.ver, 1);
    HV_EQ(c, "ISPF modification", m->ispf.mod, 5);
    HV_STR(c, "ISPF created", m->ispf.created, "2024-02-01");
    HV_STR(c, "ISPF changed", m->ispf.changed, "2024-02-29 13:45:26");
    HV_EQ(c, "ISPF lines", m->ispf.lines, 16);
    HV_EQ(c, "ISPF initial", m->ispf.init, 12);
    HV_EQ(c, "ISPF modified", m->ispf.modified, 2);
    HV_STR(c, "ISPF user", m->ispf.user, "IBMUSER");
    HV_EQ(c, "find GAMMA", hm_ieb_find(b, "GAMMA"), 2);
    HV_EQ(c, "find BETA  ", hm_ieb_find(b, "BETA  "), 1);
    HV_EQ(c, "find NONE", hm_ieb_find(b, "NONE"), -1);
    if (!hv_ieb_recs(c, b, 0, 0, 4) || !hv_ieb_recs(c, b, 1, 0, 4) ||
        !hv_ieb_recs(c, b, 2, 4, 2))
        return 0;
    /* blocks as they are */
    HV_EQ(c, "block iterator",
          hm_ieb_iter_init(b, 0, HM_IEB_BLOCKS, &it), 0);
    HV_EQ(c, "block 1", hm_ieb_iter_next(&it, &d, &n), 1);
    HV_MEM(c, "block 1", d, n, hv_rest + HV_IEB_ALPHA + 12, 30);
    HV_EQ(c, "block 2", hm_ieb_iter_next(&it, &d, &n), 1);
    HV_MEM(c, "block 2", d, n, hv_iebrec[3], 10);
    HV_EQ(c, "no block 3", hm_ieb_iter_next(&it, &d, &n), 0);
    HV_EQ(c, "ALPHA is text", hm_ieb_member_is_text(b, 0), 1);
    return 1;
}

static int hv_ieb_chunked(hv_ctx *c, size_t chunk, int prefix)
{
    hm_log lg;
    hv_ca ca;
    hm_alloc al;
    hm_ieb *b;
    int ok;
    hv_ca_init(&ca, &al, c->base);
    hv_nd_log(&lg);
    b = hv_ieb_feed(&al, &lg, hv_rest, sizeof hv_rest, chunk, prefix);
    HV_TRUE(c, "no collector", b != NULL);
    ok = hv_ieb_check(c, b);
    hm_ieb_close(b);
    if (!ok)
        return 0;
    HV_EQ(c, "messages", hv_ndlines, 0);
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

static int hv_ieb_describe(hv_ctx *c)
{
    hm_log lg;
    hm_ieb *b;
    hv_nd_log(&lg);
    b = hv_ieb_feed(c->base, &lg, hv_rest, sizeof hv_rest, 4096, 0);
    HV_TRUE(c, "no collector", b != NULL);
    hv_infolen = 0;
    hv_ninfo = 0;
    hm_ieb_describe(b, hv_info_line, NULL);
    hm_ieb_close(b);
    HV_EQ(c, "lines", hv_ninfo, 4);
    if (!hv_info_has("  IEBCOPY unload: PDS DSORG=PO RECFM=FB LRECL=10 "
                     "BLKSIZE=30, 3 members\n") ||
        !hv_info_has("    BETA      TTR 000001 alias of ALPHA blocks 2 "
                     "bytes 40\n") ||
        !hv_info_has("    GAMMA     TTR 000004 blocks 1 bytes 20 ISPF "
                     "01.05 created 2024-02-01 changed 2024-02-29 "
                     "13:45:26 lines 16 init 12 mod 2 user IBMUSER\n")) {
        hv_fail(c, "lines: ");
        hv_cat(c->detail, HV_DETCAP, hv_info);
        return 0;
    }
    return 1;
}

/* The unload inside NETDATA after a message file: INMR02 IEBCOPY
 * and INMR02 INMCOPY for file 2, the unload as VS records. */
static int hv_ieb_nd(hv_ctx *c)
{
    static const unsigned char hi[2] = { 0xC8, 0xC9 };
    hv_mb m;
    hm_ndw w;
    hm_ndw_head h = hv_ndhead;
    hm_ndw_file msg, ieb, inm;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *f;
    hm_ieb *b;
    hv_ca ca;
    hm_alloc al;
    size_t pos;
    unsigned long nrec;
    int ok;
    h.numf = 2;
    memset(&msg, 0, sizeof msg);
    msg.message = 1;
    msg.recfm = 0x5002;
    msg.lrecl = 80;
    memset(&ieb, 0, sizeof ieb);
    ieb.name = "USER.PDS";
    ieb.utility = "IEBCOPY";
    ieb.dsorg = HM_ND_ORG_PO;
    ieb.recfm = 0x9000;
    ieb.lrecl = 10;
    ieb.blksize = 30;
    inm = ieb;
    inm.utility = "INMCOPY";
    inm.dsorg = HM_ND_ORG_PS;
    inm.recfm = 0x4802;
    inm.lrecl = 3216;
    hv_mb_init(&m, hv_ndbuf, sizeof hv_ndbuf);
    hm_ndw_begin(&w, hv_mb_write, &m, &h);
    hm_ndw_announce(&w, 1, &msg);
    hm_ndw_announce(&w, 2, &ieb);
    hm_ndw_announce(&w, 2, &inm);
    hm_ndw_data(&w, &msg);
    hm_ndw_record(&w, hi, 2);
    hm_ndw_data(&w, &inm);
    hm_ndw_record(&w, hv_r1, sizeof hv_r1);
    hm_ndw_record(&w, hv_r2, sizeof hv_r2);
    for (pos = 0; pos < sizeof hv_rest; pos += 100)
        hm_ndw_record(&w, hv_rest + pos, sizeof hv_rest - pos < 100 ?
                      sizeof hv_rest - pos : 100);
    HV_EQ(c, "writer", hm_ndw_end(&w), 0);
    hv_ca_init(&ca, &al, c->base);
    hv_nd_log(&lg);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(&al, hm_memsrc_read, &src, &lg, "t", NULL);
    HV_TRUE(c, "no reader", r != NULL);
    HV_NDX("message file", hm_nd_next_file(r, &f) == 1 &&
           f->is_message && hm_nd_file_count(r) == 2);
    HV_NDX("PDS file", hm_nd_next_file(r, &f) == 1 && f->number == 2 &&
           f->is_pds == 1 && strcmp(f->name, "USER.PDS") == 0 &&
           f->dsorg == HM_ND_ORG_PO && f->recfm == 0x9000 &&
           f->lrecl == 10 && f->data_recfm == 0x4802);
    HV_NDX("utilities", strcmp(f->utilities, "IEBCOPY INMCOPY") == 0);
    b = hm_nd_read_pds(r, &al, &lg, f->name);
    HV_NDX("no collector", b != NULL);
    ok = hv_ieb_check(c, b);
    hm_ieb_close(b);
    if (!ok) {
        hm_nd_close(r);
        return 0;
    }
    HV_NDX("end", hm_nd_next_file(r, &f) == 0);
    hm_nd_close(r);
    HV_EQ(c, "messages", hv_ndlines, 0);
    HV_EQ(c, "blocks not released", ca.live, 0);
    /* the generic reader: the message record and the members'
     * records (4 + 4 + 2) */
    HV_EQ(c, "read all", hv_nd_readall(&al, m.p, m.n, &lg, &nrec), 0);
    HV_EQ(c, "records", nrec, 11);
    /* and described */
    hv_infolen = 0;
    hv_ninfo = 0;
    hm_memsrc_init(&src, m.p, m.n);
    HV_EQ(c, "describe", hm_nd_describe(&al, hm_memsrc_read, &src, &lg,
                                        "t", hv_info_line, NULL), 0);
    HV_TRUE(c, "describe: member lines", hv_info_has("    GAMMA     "));
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* Not an unload; an unload over the size limit. */
static int hv_ieb_bad(hv_ctx *c)
{
    static const unsigned char junk[60] = { 1, 2, 3, 4 };
    hm_log lg;
    hm_ieb *b;
    hv_nd_log(&lg);
    b = hm_ieb_open(c->base, &lg, "X", 0);
    HV_TRUE(c, "no collector", b != NULL);
    HV_EQ(c, "feed junk", hm_ieb_feed(b, junk, sizeof junk), -1);
    HV_EQ(c, "finish junk", hm_ieb_finish(b), -1);
    HV_EQ(c, "members of junk", hm_ieb_count(b), 0);
    hm_ieb_close(b);
    if (!hv_logged("HMG0230E X: not an IEBCOPY unload: no COPYR1 "))
        return hv_logfail(c, "no HMG0230E");
    hv_nd_log(&lg);
    b = hm_ieb_open(c->base, &lg, "X", 100);
    HV_TRUE(c, "no collector", b != NULL);
    hm_ieb_feed(b, hv_r1, sizeof hv_r1);
    hm_ieb_feed(b, hv_r2, sizeof hv_r2);
    HV_EQ(c, "feed over the limit",
          hm_ieb_feed(b, hv_rest, sizeof hv_rest), -1);
    hm_ieb_close(b);
    if (!hv_logged("HMG0237E X: the IEBCOPY unload is larger than 100 "
                   "bytes"))
        return hv_logfail(c, "no HMG0237E");
    return 1;
}

/* Read what the collector holds: every member's records. */
static void hv_ieb_drain(const hm_ieb *b)
{
    unsigned long k;
    for (k = 0; k < hm_ieb_count(b); k++) {
        hm_ieb_iter it;
        const unsigned char *d;
        size_t n;
        (void)hm_ieb_member_is_text(b, k);
        if (hm_ieb_iter_init(b, k, HM_IEB_RECORDS, &it) == 0)
            while (hm_ieb_iter_next(&it, &d, &n) == 1)
                ;
    }
}

/* Cut at every byte and changed at every byte: no crash, a failure
 * always reported, every cut reported, nothing left allocated. */
static int hv_ieb_damage(hv_ctx *c, int cut)
{
    static unsigned char copy[HV_IEB_REST];
    hm_log lg;
    hv_ca ca;
    hm_alloc al;
    hm_ieb *b;
    size_t i;
    unsigned t;
    hv_ca_init(&ca, &al, c->base);
    for (i = 0; i < sizeof hv_rest; i++)
        for (t = 0; t < (cut ? 1u : 3u); t++) {
            size_t n = sizeof hv_rest;
            memcpy(copy, hv_rest, sizeof hv_rest);
            if (cut)
                n = i;
            else
                copy[i] = t == 0 ? 0xFF : t == 1 ? 0x00 :
                          (unsigned char)~hv_rest[i];
            hv_nd_log(&lg);
            b = hv_ieb_feed(&al, &lg, copy, n, 64, 0);
            HV_TRUE(c, "no collector", b != NULL);
            hv_ieb_drain(b);
            if (hm_ieb_failed(b) && hv_nderr == 0) {
                hm_ieb_close(b);
                hv_fail(c, "failed without an error message at ");
                hv_catu(c->detail, HV_DETCAP, (unsigned long)i);
                return 0;
            }
            hm_ieb_close(b);
            if (cut && hv_ndlines == 0) {
                hv_fail(c, "a cut without a message at ");
                hv_catu(c->detail, HV_DETCAP, (unsigned long)i);
                return 0;
            }
            HV_EQ(c, "blocks not released", ca.live, 0);
        }
    /* one cut in full: inside GAMMA's block */
    hv_nd_log(&lg);
    b = hv_ieb_feed(&al, &lg, hv_rest, 380, 64, 0);
    HV_TRUE(c, "no collector", b != NULL);
    hm_ieb_close(b);
    if (!hv_logged("HMG0240W PDS: the unload ends at offset "))
        return hv_logfail(c, "cut at 380: no HMG0240W");
    return 1;
}

static int hv_ieb(hv_ctx *c, int i)
{
    static const size_t chunks[6] = { 408, 1, 7, 12, 64, 100 };
    if (i < 6) {
        hv_name(c, "ieb FB unload fed in pieces of ");
        hv_nameu(c, (unsigned long)chunks[i]);
        return c->dry ? 1 : hv_ieb_chunked(c, chunks[i], 0);
    }
    switch (i) {
    case 6:
        hv_name(c, "ieb COPYR1 with a prefix");
        return c->dry ? 1 : hv_ieb_chunked(c, 408, 1);
    case 7:
        hv_name(c, "ieb describe");
        return c->dry ? 1 : hv_ieb_describe(c);
    case 8:
        hv_name(c, "ieb inside NETDATA");
        return c->dry ? 1 : hv_ieb_nd(c);
    case 9:
        hv_name(c, "ieb not an unload, over the size limit");
        return c->dry ? 1 : hv_ieb_bad(c);
    case 10:
        hv_name(c, "ieb cut at each byte");
        return c->dry ? 1 : hv_ieb_damage(c, 1);
    case 11:
        hv_name(c, "ieb every byte damaged");
        return c->dry ? 1 : hv_ieb_damage(c, 0);
    }
    return -1;
}

#endif
