/*
 * vec_mig.h - vectors of the migration-file writer
 * (common/migwrite.c, common/migfile.c): small sets written through
 * a file factory into static buffers and compared byte for byte with
 * the .PKL, .PRI and .SEC files they must give. The writer emits
 * ASCII / PC code-page bytes whatever the execution character set,
 * so every expected byte is hex (the text is in the comments). The
 * first set is the one of tests/unit/test_migwrite.c
 * (test_tiny_set_bytes), with the same expected bytes; here the
 * files are compared whole. Also: a message before any account,
 * code page 850 with a character it lacks, a file that cannot be
 * created, and storage running out at each allocation.
 */
#ifndef VEC_MIG_H
#define VEC_MIG_H

#include "hv.h"
#include "migwrite.h"
#include "hm_cp.h"

/* ---- the file factory: up to 6 files of 1 KiB ---- */

#define HV_MWN 6
#define HV_MWCAP 1024u

typedef struct hv_mwfile {
    char name[16];
    unsigned char d[HV_MWCAP];
    size_t n;
    int open, kept, over;
} hv_mwfile;

static hv_mwfile hv_mwf[HV_MWN];
static int hv_nmwf;
static int hv_mwopens;           /* opens so far */
static int hv_mwfail;            /* open number that fails; 0 none */

static int hv_mw_write(void *ctx, const unsigned char *d, size_t n)
{
    hv_mwfile *f = (hv_mwfile *)ctx;
    if (n > HV_MWCAP - f->n) {
        f->over = 1;
        return -1;
    }
    memcpy(f->d + f->n, d, n);
    f->n += n;
    return 0;
}

static int hv_mw_open(void *ctx, const char *name, hm_write_fn *fn,
                      void **wctx)
{
    hv_mwfile *f = NULL;
    int i;
    (void)ctx;
    if (++hv_mwopens == hv_mwfail || strlen(name) >= 16)
        return -1;
    for (i = 0; i < hv_nmwf; i++)
        if (strcmp(hv_mwf[i].name, name) == 0)
            f = &hv_mwf[i];
    if (!f) {
        if (hv_nmwf == HV_MWN)
            return -1;
        f = &hv_mwf[hv_nmwf++];
    }
    memset(f, 0, sizeof *f);
    hv_cat(f->name, sizeof f->name, name);
    f->open = 1;
    *fn = hv_mw_write;
    *wctx = f;
    return 0;
}

static int hv_mw_close(void *ctx, void *wctx, int ok)
{
    hv_mwfile *f = (hv_mwfile *)wctx;
    (void)ctx;
    f->open = 0;
    f->kept = ok;
    return 0;
}

static const hm_mw_files hv_mwfs = { hv_mw_open, hv_mw_close, NULL };

static void hv_mw_reset(int fail)
{
    hv_nmwf = 0;
    hv_mwopens = 0;
    hv_mwfail = fail;
}

static hv_mwfile *hv_mw_find(const char *name)
{
    int i;
    for (i = 0; i < hv_nmwf; i++)
        if (strcmp(hv_mwf[i].name, name) == 0)
            return &hv_mwf[i];
    return NULL;
}

/* File name must hold the concatenation of parts (a, b, c; b and c
 * may be NULL), kept and closed. */
static int hv_mw_file(hv_ctx *c, const char *name,
                      const unsigned char *a, size_t na,
                      const unsigned char *b, size_t nb,
                      const unsigned char *d, size_t nd)
{
    hv_mwfile *f = hv_mw_find(name);
    if (!f) {
        hv_fail(c, "no file ");
        hv_cat(c->detail, HV_DETCAP, name);
        return 0;
    }
    HV_TRUE(c, "file left open", !f->open);
    HV_TRUE(c, "file not kept", f->kept);
    HV_TRUE(c, "file over 1 KiB", !f->over);
    HV_MEM(c, name, f->d, f->n < na ? f->n : na, a, na);
    HV_MEM(c, name, f->d + na, f->n - na < nb ? f->n - na : nb, b, nb);
    HV_MEM(c, name, f->d + na + nb, f->n - na - nb, d, nd);
    return 1;
}

/* ---- expected bytes ---- */

/* from tests/unit/test_migwrite.c */
static const unsigned char hv_mw_pkl_a[] = {
    /* 1252 CR LF CR LF */
    0x31, 0x32, 0x35, 0x32, 0x0D, 0x0A, 0x0D, 0x0A,
    /* Filename,Filetype CR LF */
    0x46, 0x69, 0x6C, 0x65, 0x6E, 0x61, 0x6D, 0x65, 0x2C, 0x46, 0x69,
    0x6C, 0x65, 0x74, 0x79, 0x70, 0x65, 0x0D, 0x0A,
    /* AXX00100.PRI,Primary CR LF */
    0x41, 0x58, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x50, 0x52,
    0x49, 0x2C, 0x50, 0x72, 0x69, 0x6D, 0x61, 0x72, 0x79, 0x0D, 0x0A,
    /* AXX00100.SEC,Secondary CR LF */
    0x41, 0x58, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x53, 0x45,
    0x43, 0x2C, 0x53, 0x65, 0x63, 0x6F, 0x6E, 0x64, 0x61, 0x72, 0x79,
    0x0D, 0x0A };
/* the message line: ,,,,,,,,0,FALSE,FALSE,#AXX00100.SEC(50) CR LF */
static const unsigned char hv_mw_line_a[] = {
    0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x30, 0x2C, 0x46,
    0x41, 0x4C, 0x53, 0x45, 0x2C, 0x46, 0x41, 0x4C, 0x53, 0x45, 0x2C,
    0x23, 0x41, 0x58, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x53,
    0x45, 0x43, 0x28, 0x35, 0x30, 0x29, 0x0D, 0x0A };
/* after the 50-byte column line: Body,0,,TRUE,,, CR LF CR LF */
static const unsigned char hv_mw_sec_a[] = {
    0x42, 0x6F, 0x64, 0x79, 0x2C, 0x30, 0x2C, 0x2C, 0x54, 0x52, 0x55,
    0x45, 0x2C, 0x2C, 0x2C, 0x0D, 0x0A, 0x0D, 0x0A };

/* the rest: first lines of the .PRI and .SEC, the second set */
static const unsigned char hv_mw_title_a[] = {
    /* MAILMESSAGE,X:A() CR LF */
    0x4D, 0x41, 0x49, 0x4C, 0x4D, 0x45, 0x53, 0x53, 0x41, 0x47, 0x45, 0x2C,
    0x58, 0x3A, 0x41, 0x28, 0x29, 0x0D, 0x0A
};
static const unsigned char hv_mw_cols_pri[] = {
    /* Folder,Sender,To,Cc,Bcc,Subject,Send-Date,Received-Date,
     * Priority,Unread,Unsent,Body CR LF */
    0x46, 0x6F, 0x6C, 0x64, 0x65, 0x72, 0x2C, 0x53, 0x65, 0x6E, 0x64, 0x65,
    0x72, 0x2C, 0x54, 0x6F, 0x2C, 0x43, 0x63, 0x2C, 0x42, 0x63, 0x63, 0x2C,
    0x53, 0x75, 0x62, 0x6A, 0x65, 0x63, 0x74, 0x2C, 0x53, 0x65, 0x6E, 0x64,
    0x2D, 0x44, 0x61, 0x74, 0x65, 0x2C, 0x52, 0x65, 0x63, 0x65, 0x69, 0x76,
    0x65, 0x64, 0x2D, 0x44, 0x61, 0x74, 0x65, 0x2C, 0x50, 0x72, 0x69, 0x6F,
    0x72, 0x69, 0x74, 0x79, 0x2C, 0x55, 0x6E, 0x72, 0x65, 0x61, 0x64, 0x2C,
    0x55, 0x6E, 0x73, 0x65, 0x6E, 0x74, 0x2C, 0x42, 0x6F, 0x64, 0x79, 0x0D,
    0x0A
};
static const unsigned char hv_mw_cols_sec[] = {
    /* Type,Length,Encoding,Islast,Name,Position,Format CR LF */
    0x54, 0x79, 0x70, 0x65, 0x2C, 0x4C, 0x65, 0x6E, 0x67, 0x74, 0x68, 0x2C,
    0x45, 0x6E, 0x63, 0x6F, 0x64, 0x69, 0x6E, 0x67, 0x2C, 0x49, 0x73, 0x6C,
    0x61, 0x73, 0x74, 0x2C, 0x4E, 0x61, 0x6D, 0x65, 0x2C, 0x50, 0x6F, 0x73,
    0x69, 0x74, 0x69, 0x6F, 0x6E, 0x2C, 0x46, 0x6F, 0x72, 0x6D, 0x61, 0x74,
    0x0D, 0x0A
};
static const unsigned char hv_mw_title_b[] = {
    /* MAILMESSAGE,X:JO CR LF */
    0x4D, 0x41, 0x49, 0x4C, 0x4D, 0x45, 0x53, 0x53, 0x41, 0x47, 0x45, 0x2C,
    0x58, 0x3A, 0x4A, 0x4F, 0x0D, 0x0A
};
static const unsigned char hv_mw_line_b[] = {
    /* ,Jo [X:JO],Ann [X:ANN],,,Caf<X'82'> ?,20240229134526,,0,TRUE,
     * FALSE,#JOX00100.SEC(50) CR LF: e acute is X'82' in 850, the
     * euro sign is not in 850 */
    0x2C, 0x4A, 0x6F, 0x20, 0x5B, 0x58, 0x3A, 0x4A, 0x4F, 0x5D, 0x2C, 0x41,
    0x6E, 0x6E, 0x20, 0x5B, 0x58, 0x3A, 0x41, 0x4E, 0x4E, 0x5D, 0x2C, 0x2C,
    0x2C, 0x43, 0x61, 0x66, 0x82, 0x20, 0x3F, 0x2C, 0x32, 0x30, 0x32, 0x34,
    0x30, 0x32, 0x32, 0x39, 0x31, 0x33, 0x34, 0x35, 0x32, 0x36, 0x2C, 0x2C,
    0x30, 0x2C, 0x54, 0x52, 0x55, 0x45, 0x2C, 0x46, 0x41, 0x4C, 0x53, 0x45,
    0x2C, 0x23, 0x4A, 0x4F, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x53,
    0x45, 0x43, 0x28, 0x35, 0x30, 0x29, 0x0D, 0x0A
};
static const unsigned char hv_mw_sec_b[] = {
    /* Body,7,,TRUE,,, CR LF */
    0x42, 0x6F, 0x64, 0x79, 0x2C, 0x37, 0x2C, 0x2C, 0x54, 0x52, 0x55, 0x45,
    0x2C, 0x2C, 0x2C, 0x0D, 0x0A,
    /* Hi CR LF */
    0x48, 0x69, 0x0D, 0x0A,
    /* <X'82'>t<X'82'> CR LF */
    0x82, 0x74, 0x82, 0x0D, 0x0A
};
static const unsigned char hv_mw_pkl_b[] = {
    /* 850 CR LF */
    0x38, 0x35, 0x30, 0x0D, 0x0A,
    /* CR LF */
    0x0D, 0x0A,
    /* Filename,Filetype CR LF */
    0x46, 0x69, 0x6C, 0x65, 0x6E, 0x61, 0x6D, 0x65, 0x2C, 0x46, 0x69, 0x6C,
    0x65, 0x74, 0x79, 0x70, 0x65, 0x0D, 0x0A,
    /* JOX00100.PRI,Primary CR LF */
    0x4A, 0x4F, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x50, 0x52, 0x49,
    0x2C, 0x50, 0x72, 0x69, 0x6D, 0x61, 0x72, 0x79, 0x0D, 0x0A,
    /* JOX00100.SEC,Secondary CR LF */
    0x4A, 0x4F, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x53, 0x45, 0x43,
    0x2C, 0x53, 0x65, 0x63, 0x6F, 0x6E, 0x64, 0x61, 0x72, 0x79, 0x0D, 0x0A
};

/* ---- the item texts (UTF-8) ---- */

static const unsigned char hv_mw_id_a[1] = { 0x61 };          /* a */
static const unsigned char hv_mw_addr_a[5] = {
    0x58, 0x3A, 0x41, 0x28, 0x29                            /* X:A() */
};
static const unsigned char hv_mw_id_b[2] = { 0x6A, 0x6F };    /* jo */
static const unsigned char hv_mw_addr_b[4] = {
    0x58, 0x3A, 0x4A, 0x4F                                   /* X:JO */
};
static const unsigned char hv_mw_nm_b[2] = { 0x4A, 0x6F };    /* Jo */
static const unsigned char hv_mw_to_nm[3] = { 0x41, 0x6E, 0x6E };
static const unsigned char hv_mw_to_ad[5] = {
    0x58, 0x3A, 0x41, 0x4E, 0x4E                            /* X:ANN */
};
/* Cafe (e acute) blank euro sign */
static const unsigned char hv_mw_subj[9] = {
    0x43, 0x61, 0x66, 0xC3, 0xA9, 0x20, 0xE2, 0x82, 0xAC
};
/* Hi LF ete (e acute twice) */
static const unsigned char hv_mw_body[8] = {
    0x48, 0x69, 0x0A, 0xC3, 0xA9, 0x74, 0xC3, 0xA9
};

static int hv_mw_account(hm_mw *w, const unsigned char *id, size_t nid,
                         const unsigned char *ad, size_t nad)
{
    hm_item it;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id;
    it.u.account.id.len = nid;
    it.u.account.address.s = ad;
    it.u.account.address.len = nad;
    return hm_mw_put(w, &it);
}

/* The set of test_tiny_set_bytes: an account "a", an empty message. */
static int hv_mw_tiny(hv_ctx *c)
{
    hm_mw_opt o;
    hm_item it;
    hm_mw *w;
    hm_mw_stats st;
    hm_log lg;
    hv_ca ca;
    hm_alloc al;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    hv_mw_reset(0);
    memset(&o, 0, sizeof o);
    o.codepage = HM_PC_1252;
    w = hm_mw_open(&al, &hv_mwfs, &o, &lg);
    if (!w)
        return hv_logfail(c, "no writer");
    HV_EQ(c, "account", hv_mw_account(w, hv_mw_id_a, 1, hv_mw_addr_a, 5),
          0);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_MESSAGE;
    HV_EQ(c, "message", hm_mw_put(w, &it), 0);
    if (hm_mw_close(w, &st) != 0)
        return hv_logfail(c, "close failed");
    HV_EQ(c, "blocks not released", ca.live, 0);
    HV_EQ(c, "files", hv_nmwf, 3);
    if (!hv_mw_file(c, "MIGRATE.PKL", hv_mw_pkl_a, sizeof hv_mw_pkl_a,
                    0, 0, 0, 0) ||
        !hv_mw_file(c, "AXX00100.PRI", hv_mw_title_a,
                    sizeof hv_mw_title_a, hv_mw_cols_pri,
                    sizeof hv_mw_cols_pri, hv_mw_line_a,
                    sizeof hv_mw_line_a) ||
        !hv_mw_file(c, "AXX00100.SEC", hv_mw_cols_sec,
                    sizeof hv_mw_cols_sec, hv_mw_sec_a,
                    sizeof hv_mw_sec_a, 0, 0))
        return 0;
    HV_EQ(c, "the column line of the .SEC", sizeof hv_mw_cols_sec, 50);
    HV_EQ(c, "stats files", st.files, 3);
    HV_EQ(c, "stats accounts", st.accounts, 1);
    HV_EQ(c, "stats messages", st.messages, 1);
    HV_EQ(c, "stats unmapped", st.unmapped, 0);
    HV_EQ(c, "stats bytes", st.bytes, sizeof hv_mw_pkl_a +
          sizeof hv_mw_title_a + sizeof hv_mw_cols_pri +
          sizeof hv_mw_line_a + sizeof hv_mw_cols_sec +
          sizeof hv_mw_sec_a);
    if (!hv_logged("HMG0305I MIGRATE.PKL: 3 files, 1 messages, 287 "
                   "bytes written"))
        return hv_logfail(c, "no HMG0305I");
    return 1;
}

/* Code page 850: a message with sender, recipient, subject, date and
 * a body, after a message that came before any account. */
static int hv_mw_850(hv_ctx *c)
{
    hm_mw_opt o;
    hm_item it;
    hm_mw *w;
    hm_mw_stats st;
    hm_log lg;
    hm_addr to;
    hm_data bd;
    hv_ca ca;
    hm_alloc al;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    hv_mw_reset(0);
    memset(&o, 0, sizeof o);
    o.codepage = HM_PC_850;
    w = hm_mw_open(&al, &hv_mwfs, &o, &lg);
    if (!w)
        return hv_logfail(c, "no writer");
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_MESSAGE;
    HV_EQ(c, "message before an account", hm_mw_put(w, &it), 0);
    HV_EQ(c, "account", hv_mw_account(w, hv_mw_id_b, 2, hv_mw_addr_b, 4),
          0);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_MESSAGE;
    it.u.msg.sender.name.s = hv_mw_nm_b;
    it.u.msg.sender.name.len = 2;
    it.u.msg.sender.addr.s = hv_mw_addr_b;
    it.u.msg.sender.addr.len = 4;
    to.name.s = hv_mw_to_nm;
    to.name.len = 3;
    to.addr.s = hv_mw_to_ad;
    to.addr.len = 5;
    it.u.msg.to = &to;
    it.u.msg.nto = 1;
    it.u.msg.subject.s = hv_mw_subj;
    it.u.msg.subject.len = sizeof hv_mw_subj;
    HV_EQ(c, "hm_time_set", hm_time_set(&it.u.msg.sent, 2024, 2, 29, 13,
                                        45, 26), 0);
    it.u.msg.unread = 1;
    memset(&bd, 0, sizeof bd);
    bd.p = hv_mw_body;
    bd.size = sizeof hv_mw_body;
    it.u.msg.body = &bd;
    it.u.msg.nbody = 1;
    HV_EQ(c, "message", hm_mw_put(w, &it), 0);
    if (hm_mw_close(w, &st) != 0)
        return hv_logfail(c, "close failed");
    HV_EQ(c, "blocks not released", ca.live, 0);
    HV_EQ(c, "files", hv_nmwf, 3);
    if (!hv_mw_file(c, "MIGRATE.PKL", hv_mw_pkl_b, sizeof hv_mw_pkl_b,
                    0, 0, 0, 0) ||
        !hv_mw_file(c, "JOX00100.PRI", hv_mw_title_b,
                    sizeof hv_mw_title_b, hv_mw_cols_pri,
                    sizeof hv_mw_cols_pri, hv_mw_line_b,
                    sizeof hv_mw_line_b) ||
        !hv_mw_file(c, "JOX00100.SEC", hv_mw_cols_sec,
                    sizeof hv_mw_cols_sec, hv_mw_sec_b,
                    sizeof hv_mw_sec_b, 0, 0))
        return 0;
    HV_EQ(c, "stats messages", st.messages, 1);
    HV_EQ(c, "stats unmapped", st.unmapped, 1);
    HV_EQ(c, "stats bytes", st.bytes, 331);
    if (!hv_logged("HMG0307E A message item came before any account; "
                   "skipped"))
        return hv_logfail(c, "no HMG0307E");
    if (!hv_logged("HMG0051W MIGRATE.PKL: 1 characters had no "
                   "equivalent in the target code page and were "
                   "replaced by ?"))
        return hv_logfail(c, "no HMG0051W");
    return 1;
}

/* A file that cannot be created (which: the n-th opened; the third
 * is the packing list): reported, close fails. */
static int hv_mw_openfail(hv_ctx *c, int which)
{
    hm_mw_opt o;
    hm_item it;
    hm_mw *w;
    hm_log lg;
    hv_ca ca;
    hm_alloc al;
    int i, rc;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    hv_mw_reset(which);
    memset(&o, 0, sizeof o);
    w = hm_mw_open(&al, &hv_mwfs, &o, &lg);
    if (w) {
        rc = hv_mw_account(w, hv_mw_id_a, 1, hv_mw_addr_a, 5);
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_MESSAGE;
        rc |= hm_mw_put(w, &it);
        rc |= hm_mw_close(w, NULL);
        HV_TRUE(c, "the set was written", rc != 0);
    }
    HV_EQ(c, "blocks not released", ca.live, 0);
    if (!hv_logged("HMG0300E Cannot create migration file "))
        return hv_logfail(c, "no HMG0300E");
    /* the account's files are committed when the account ends, so
     * only an earlier failure discards them; the packing list,
     * written last, must never be there */
    for (i = 0; i < hv_nmwf; i++) {
        HV_TRUE(c, "a file left open", !hv_mwf[i].open);
        HV_TRUE(c, "a file was kept", which == 3 || !hv_mwf[i].kept);
    }
    HV_TRUE(c, "a packing list", hv_mw_find("MIGRATE.PKL") == NULL ||
            !hv_mw_find("MIGRATE.PKL")->kept);
    return 1;
}

/* Storage running out at each allocation in turn. */
static int hv_mw_nostor(hv_ctx *c)
{
    hm_mw_opt o;
    hm_item it;
    hm_mw *w;
    hm_log lg;
    hv_ca ca;
    hm_alloc al;
    int i, rc, done = 0;
    hv_ca_init(&ca, &al, c->base);
    memset(&o, 0, sizeof o);
    for (ca.fail_after = 1; ca.fail_after < 100 && !done;
         ca.fail_after++) {
        ca.calls = 0;
        hv_log_reset(&lg);
        hv_mw_reset(0);
        w = hm_mw_open(&al, &hv_mwfs, &o, &lg);
        rc = -1;
        if (w) {
            rc = hv_mw_account(w, hv_mw_id_a, 1, hv_mw_addr_a, 5);
            memset(&it, 0, sizeof it);
            it.kind = HM_ITEM_MESSAGE;
            rc |= hm_mw_put(w, &it);
            rc |= hm_mw_close(w, NULL);
        }
        HV_EQ(c, "blocks not released", ca.live, 0);
        if (rc == 0) {
            done = 1;
            continue;
        }
        if (!hv_logged("HMG0007S Out of storage while processing "))
            return hv_logfail(c, "no HMG0007S");
        for (i = 0; i < hv_nmwf; i++)
            HV_TRUE(c, "a file was kept", !hv_mwf[i].kept);
    }
    HV_TRUE(c, "never written with enough storage", done);
    HV_TRUE(c, "no allocation failed", ca.fail_after > 2);
    return 1;
}

static int hv_mig(hv_ctx *c, int i)
{
    static const char *const fn[6] = {
        "mig tiny set byte for byte", "mig message in code page 850",
        "mig the first file cannot be created",
        "mig the second file cannot be created",
        "mig the third file cannot be created",
        "mig storage exhausted"
    };
    if (i >= 6)
        return -1;
    hv_name(c, fn[i]);
    if (c->dry)
        return 1;
    switch (i) {
    case 0: return hv_mw_tiny(c);
    case 1: return hv_mw_850(c);
    case 5: return hv_mw_nostor(c);
    default: return hv_mw_openfail(c, i - 1);
    }
}

#endif
