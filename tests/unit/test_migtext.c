/* test_migtext.c - the writer's transfer mode text (migwrite.h,
 * HM_MW_TEXT). The same items are written in binary mode (PC code
 * page 1252 or 850) and in text mode (records in host CCSID 037,
 * 1047 or 500); the records are turned back the way a text transfer
 * does it (host page -> PC page, CR LF after each record) and must
 * give the binary files byte for byte, which the checker accepts.
 * Also: attachments and documents that cannot survive are left out,
 * characters the host page lacks become '?', UTF-8 and unknown host
 * pages are refused, the record limit. No files, no OS: runs in the
 * EBCDIC and s390x builds too. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "migmemfs.h"
#include "hm_cp.h"

#define T(a) { a, sizeof a }

/* ---- the items (UTF-8 given in hex) ---- */

static const unsigned char id_u1[] = { 0x75, 0x31 };           /* u1 */
static const unsigned char addr_u1[] = {       /* PROFS:NODE(U1) */
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x4E, 0x4F, 0x44, 0x45, 0x28,
    0x55, 0x31, 0x29 };
static const unsigned char name_u1[] = {       /* Ann Emile, E acute */
    0x41, 0x6E, 0x6E, 0x20, 0xC3, 0x89, 0x6D, 0x69, 0x6C, 0x65 };
static const unsigned char subj[] = {  /* Cafe "uber", 1/2 pound */
    0x43, 0x61, 0x66, 0xC3, 0xA9, 0x20, 0xC3, 0xBC, 0x62, 0x65, 0x72,
    0x2C, 0x20, 0xC2, 0xBD, 0x20, 0xC2, 0xA3, 0x2E };
static const unsigned char body1[] = {
    /* Line one CR LF, line two LF, LF, tab TAB end CR, last */
    0x4C, 0x69, 0x6E, 0x65, 0x20, 0x6F, 0x6E, 0x65, 0x0D, 0x0A, 0x6C,
    0x69, 0x6E, 0x65, 0x20, 0x74, 0x77, 0x6F, 0x0A, 0x0A, 0x74, 0x61,
    0x62, 0x09, 0x65, 0x6E, 0x64, 0x0D, 0x6C, 0x61, 0x73, 0x74, 0x20,
    0xC3, 0x9F };
static const unsigned char body2[] = {          /* part 2 CR LF */
    0x70, 0x61, 0x72, 0x74, 0x20, 0x32, 0x0D, 0x0A };
static const unsigned char att_txt[] = {        /* a.txt */
    0x61, 0x2E, 0x74, 0x78, 0x74 };
static const unsigned char att_data[] = {       /* x CR LF CR LF y z */
    0x78, 0x0D, 0x0A, 0x0D, 0x0A, 0x79, 0x20, 0x7A };
static const unsigned char doc_name[] = {       /* NOTE */
    0x4E, 0x4F, 0x54, 0x45 };
static const unsigned char doc_data[] = {       /* Memo CR LF text */
    0x4D, 0x65, 0x6D, 0x6F, 0x0D, 0x0A, 0x74, 0x65, 0x78, 0x74 };
static const unsigned char to_name[] = { 0x42, 0x6F, 0x62 };  /* Bob */
static const unsigned char to_addr[] = {                /* SMTP:b@x.y */
    0x53, 0x4D, 0x54, 0x50, 0x3A, 0x62, 0x40, 0x78, 0x2E, 0x79 };
static const unsigned char note[] = {           /* met CR LF twice */
    0x6D, 0x65, 0x74, 0x0D, 0x0A, 0x74, 0x77, 0x69, 0x63, 0x65 };
static const unsigned char folder[] = {         /* Ordner */
    0x4F, 0x72, 0x64, 0x6E, 0x65, 0x72 };
static const unsigned char euro[] = {           /* 10 EUR sign */
    0x31, 0x30, 0x20, 0xE2, 0x82, 0xAC };
static const unsigned char binary[] = { 0x00, 0x01, 0xFF, 0x0A, 0x80 };
static const unsigned char bin_name[] = { 0x62, 0x2E, 0x62, 0x69, 0x6E };

/* an attachment read from a source that can rewind */
static long src_read(void *ctx, unsigned char *b, size_t n)
{
    return hm_memsrc_read(ctx, b, n);
}

static int src_rewind(void *ctx)
{
    ((hm_memsrc *)ctx)->pos = 0;
    return 0;
}

static hm_memsrc att_src;

/* feed the items; with_binary adds a binary attachment, a binary
 * document and a document whose first part is binary (its text part
 * survives the transfer alone), with_euro a subject with the euro
 * sign */
static void put_items(hm_mw *w, int with_binary, int with_euro)
{
    hm_item it;
    hm_addr to;
    hm_data bodies[2];
    hm_attach att[3];
    hm_text fold = T(folder);
    int n = 0;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_DIROBJ;
    it.u.dir.cls = HM_DIR_MAILBOX;
    it.u.dir.common_name.s = id_u1;
    it.u.dir.common_name.len = sizeof id_u1;
    it.u.dir.display_name.s = name_u1;
    it.u.dir.display_name.len = sizeof name_u1;
    it.u.dir.source_addr.s = addr_u1;
    it.u.dir.source_addr.len = sizeof addr_u1;
    assert_int_equal(hm_mw_put(w, &it), 0);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id_u1;
    it.u.account.id.len = sizeof id_u1;
    it.u.account.address.s = addr_u1;
    it.u.account.address.len = sizeof addr_u1;
    it.u.account.display_name.s = name_u1;
    it.u.account.display_name.len = sizeof name_u1;
    assert_int_equal(hm_mw_put(w, &it), 0);
    /* PAB entry with a multi-line note: an Other section */
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_PAB;
    it.u.pab.f[HM_PAB_DISPLAY].s = to_name;
    it.u.pab.f[HM_PAB_DISPLAY].len = sizeof to_name;
    it.u.pab.f[HM_PAB_EMAIL].s = to_addr;
    it.u.pab.f[HM_PAB_EMAIL].len = sizeof to_addr;
    it.u.pab.f[HM_PAB_NOTE].s = note;
    it.u.pab.f[HM_PAB_NOTE].len = sizeof note;
    assert_int_equal(hm_mw_put(w, &it), 0);
    /* a message: two bodies, attachments */
    memset(&it, 0, sizeof it);
    memset(bodies, 0, sizeof bodies);
    memset(att, 0, sizeof att);
    it.kind = HM_ITEM_MESSAGE;
    to.name.s = to_name;
    to.name.len = sizeof to_name;
    to.addr.s = to_addr;
    to.addr.len = sizeof to_addr;
    it.u.msg.folder = &fold;
    it.u.msg.nfolder = 1;
    it.u.msg.sender = to;
    it.u.msg.to = &to;
    it.u.msg.nto = 1;
    it.u.msg.subject.s = with_euro ? euro : subj;
    it.u.msg.subject.len = with_euro ? sizeof euro : sizeof subj;
    hm_time_set(&it.u.msg.sent, 1995, 5, 1, 22, 0, 5);
    hm_time_set(&it.u.msg.received, 1995, 5, 1, 22, 1, 0);
    bodies[0].p = body1;
    bodies[0].size = sizeof body1;
    bodies[1].p = body2;
    bodies[1].size = sizeof body2;
    it.u.msg.body = bodies;
    it.u.msg.nbody = 2;
    att[n].name.s = att_txt;
    att[n].name.len = sizeof att_txt;
    att[n].data.p = att_data;
    att[n].data.size = sizeof att_data;
    att[n++].position = 5;
    if (with_binary) {
        att[n].name.s = bin_name;
        att[n].name.len = sizeof bin_name;
        att[n].data.p = binary;
        att[n].data.size = sizeof binary;
        att[n++].position = -1;
    }
    hm_memsrc_init(&att_src, att_data, sizeof att_data);
    att[n].data.read = src_read;
    att[n].data.rewind = src_rewind;
    att[n].data.ctx = &att_src;
    att[n].data.size = sizeof att_data;
    att[n++].position = -1;
    it.u.msg.att = att;
    it.u.msg.natt = (size_t)n;
    assert_int_equal(hm_mw_put(w, &it), 0);
    /* documents */
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_DOCUMENT;
    it.u.doc.name.s = doc_name;
    it.u.doc.name.len = sizeof doc_name;
    it.u.doc.author = to;
    hm_time_set(&it.u.doc.date, 1994, 2, 28, 8, 30, 0);
    it.u.doc.data.p = doc_data;
    it.u.doc.data.size = sizeof doc_data;
    assert_int_equal(hm_mw_put(w, &it), 0);
    if (with_binary) {
        hm_docpart part;
        it.u.doc.data.p = binary;
        it.u.doc.data.size = sizeof binary;
        assert_int_equal(hm_mw_put(w, &it), 0);
        memset(&part, 0, sizeof part);
        part.name.s = att_txt;
        part.name.len = sizeof att_txt;
        part.data.p = doc_data;
        part.data.size = sizeof doc_data;
        it.u.doc.name.s = bin_name;
        it.u.doc.name.len = sizeof bin_name;
        it.u.doc.more = &part;
        it.u.doc.nmore = 1;
        assert_int_equal(hm_mw_put(w, &it), 0);
        it.u.doc.more = 0;
        it.u.doc.nmore = 0;
    }
    /* a calendar item: a schedule message */
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_CAL;
    it.u.cal.kind = HM_CAL_APPT;
    it.u.cal.text.s = subj;
    it.u.cal.text.len = sizeof subj;
    it.u.cal.notes.s = note;
    it.u.cal.notes.len = sizeof note;
    hm_time_set(&it.u.cal.start, 1996, 3, 5, 9, 0, 0);
    hm_time_set(&it.u.cal.end, 1996, 3, 5, 10, 0, 0);
    assert_int_equal(hm_mw_put(w, &it), 0);
}

/* ---- a file factory that receives records and does what a text
 * transfer does: host page -> PC page, CR LF after each record ---- */

typedef struct txfs {
    mfs m;
    hm_cpconv cv;
    unsigned long records;
    unsigned long maxrec;
    int bad;            /* a record held a host line-end byte */
} txfs;

typedef struct txf {
    txfs *t;
    void *inner;
} txf;

static txf txfiles[MFS_MAX];
static int ntxf;

static int tx_write(void *ctx, const unsigned char *rec, size_t n)
{
    txf *f = (txf *)ctx;
    unsigned char *pc = malloc(n + 2);
    size_t i, k;
    for (i = 0; i < n; i++)
        if (rec[i] == 0x0D || rec[i] == 0x15 || rec[i] == 0x25)
            f->t->bad = 1;
    k = hm_cpconv_run(&f->t->cv, rec, n, pc);
    assert_int_equal(k, n);
    pc[k++] = 0x0D;
    pc[k++] = 0x0A;
    mfs_write(f->inner, pc, k);
    free(pc);
    f->t->records++;
    if (n > f->t->maxrec)
        f->t->maxrec = n;
    return 0;
}

static int tx_open(void *ctx, const char *name, hm_write_fn *fn,
                   void **wctx)
{
    txfs *t = (txfs *)ctx;
    hm_write_fn in;
    txf *f = &txfiles[ntxf++];
    f->t = t;
    if (mfs_open(&t->m, name, &in, &f->inner) != 0)
        return -1;
    *fn = tx_write;
    *wctx = f;
    return 0;
}

static int tx_close(void *ctx, void *wctx, int ok)
{
    txf *f = (txf *)wctx;
    return mfs_close(&((txfs *)ctx)->m, f->inner, ok);
}

/* write the items both ways and compare */
static void both_ways(unsigned pc, unsigned host)
{
    mfs bin;
    txfs *t = calloc(1, sizeof *t);
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw_stats st, st2;
    hm_mw *w;
    hm_mr_set set;
    hm_mr_counts c;
    memlog ml;
    int i;
    memset(&bin, 0, sizeof bin);
    memset(&o, 0, sizeof o);
    memlog_init(&ml);
    ntxf = 0;
    o.codepage = pc;
    mfs_files(&bin, &fs);
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    put_items(w, 0, 0);
    assert_int_equal(hm_mw_close(w, &st), 0);
    /* text mode */
    assert_int_equal(hm_cpconv_init(&t->cv, hm_cp_builtin(host), pc,
                                    HM_NL_CDRA), 0);
    o.transfer = HM_MW_TEXT;
    o.host_ccsid = host;
    fs.open = tx_open;
    fs.close = tx_close;
    fs.ctx = t;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    put_items(w, 0, 0);
    assert_int_equal(hm_mw_close(w, &st2), 0);
    assert_false(t->bad);
    assert_true(t->records > 20);
    assert_int_equal(st2.unmapped, st.unmapped);
    assert_int_equal(st2.bytes, st.bytes);
    assert_int_equal(st2.text_left_out, 0);
    assert_int_equal(st2.attachments, 2);
    assert_int_equal(st2.documents, 1);
    assert_int_equal(st2.sched_msgs, 1);
    /* byte for byte */
    assert_int_equal(t->m.n, bin.n);
    for (i = 0; i < bin.n; i++) {
        mfs_file *a = &bin.f[i];
        mfs_file *b = mfs_find(&t->m, a->name);
        assert_non_null(b);
        assert_true(a->kept);
        assert_int_equal(b->len, a->len);
        assert_memory_equal(b->data, a->data, a->len);
    }
    /* and the checker accepts it */
    mfs_set(&t->m, &set);
    assert_int_equal(hm_mr_check(mfs_alloc(), &set, "MIGRATE.PKL",
                                 &ml.lg, 0, 0, &c), 0);
    assert_int_equal(c.messages, 1);
    assert_int_equal(c.attachments, 2);
    assert_int_equal(c.documents, 1);
    assert_int_equal(c.sched_files, 1);
    assert_int_equal(c.pab_entries, 1);
    mfs_free(&bin);
    mfs_free(&t->m);
    free(t);
}

static void test_text_037_1252(void **state)
{
    (void)state;
    both_ways(HM_PC_1252, 37);
}

static void test_text_1047_850(void **state)
{
    (void)state;
    both_ways(HM_PC_850, 1047);
}

static void test_text_500_1252(void **state)
{
    (void)state;
    both_ways(HM_PC_1252, 500);
}

/* binary attachments and documents are left out; the set stays
 * valid */
static void test_text_binary_left_out(void **state)
{
    txfs *t = calloc(1, sizeof *t);
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw_stats st;
    hm_mw *w;
    hm_mr_set set;
    hm_mr_counts c;
    memlog ml;
    (void)state;
    memset(&o, 0, sizeof o);
    memlog_init(&ml);
    ntxf = 0;
    o.codepage = HM_PC_1252;
    o.transfer = HM_MW_TEXT;
    o.host_ccsid = 37;
    assert_int_equal(hm_cpconv_init(&t->cv, hm_cp_builtin(37),
                                    HM_PC_1252, HM_NL_CDRA), 0);
    fs.open = tx_open;
    fs.close = tx_close;
    fs.ctx = t;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    put_items(w, 1, 0);
    assert_int_equal(hm_mw_close(w, &st), 0);
    assert_true(memlog_has(&ml, HMM_MTBINARY));
    /* the binary attachment, the binary document, the binary part */
    assert_int_equal(st.text_left_out, 3);
    assert_int_equal(st.attachments, 2);
    assert_int_equal(st.documents, 2);
    assert_int_equal(st.messages, 1);
    mfs_set(&t->m, &set);
    assert_int_equal(hm_mr_check(mfs_alloc(), &set, "MIGRATE.PKL",
                                 &ml.lg, 0, 0, &c), 0);
    assert_int_equal(c.attachments, 2);
    assert_int_equal(c.documents, 2);
    mfs_free(&t->m);
    free(t);
}

/* the euro sign: in 1252, not in 037 ('?', counted), in 1140 */
static void test_text_unmapped(void **state)
{
    static const unsigned host[2] = { 37, 1140 };
    int k;
    (void)state;
    for (k = 0; k < 2; k++) {
        txfs *t = calloc(1, sizeof *t);
        hm_mw_files fs;
        hm_mw_opt o;
        hm_mw_stats st;
        hm_mw *w;
        memlog ml;
        mfs_file *f;
        size_t i;
        int has80 = 0, has3f = 0;
        memset(&o, 0, sizeof o);
        memlog_init(&ml);
        ntxf = 0;
        o.codepage = HM_PC_1252;
        o.transfer = HM_MW_TEXT;
        o.host_ccsid = host[k];
        assert_int_equal(hm_cpconv_init(&t->cv, hm_cp_builtin(host[k]),
                                        HM_PC_1252, HM_NL_CDRA), 0);
        fs.open = tx_open;
        fs.close = tx_close;
        fs.ctx = t;
        w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
        assert_non_null(w);
        put_items(w, 0, 1);
        assert_int_equal(hm_mw_close(w, &st), 0);
        f = mfs_find(&t->m, "U1X00100.PRI");
        assert_non_null(f);
        for (i = 0; i + 3 < f->len; i++)
            if (f->data[i] == 0x31 && f->data[i + 1] == 0x30
                && f->data[i + 2] == 0x20) {
                has80 |= f->data[i + 3] == 0x80;
                has3f |= f->data[i + 3] == 0x3F;
            }
        if (k == 0) {
            assert_true(has3f && !has80);
            assert_true(st.unmapped >= 1);
            assert_true(memlog_has(&ml, HMM_UNMAPPED));
        } else {
            assert_true(has80 && !has3f);
        }
        mfs_free(&t->m);
        free(t);
    }
}

static void test_text_refused(void **state)
{
    mfs m;
    hm_mw_files fs;
    hm_mw_opt o;
    memlog ml;
    (void)state;
    memset(&m, 0, sizeof m);
    memset(&o, 0, sizeof o);
    mfs_files(&m, &fs);
    memlog_init(&ml);
    o.transfer = HM_MW_TEXT;                /* UTF-8 by default */
    assert_null(hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg));
    assert_true(memlog_has(&ml, HMM_MTUTF8));
    memlog_init(&ml);
    o.codepage = HM_PC_1252;
    o.host_ccsid = 9999;
    assert_null(hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg));
    assert_true(memlog_has(&ml, HMM_MTHOST));
    mfs_free(&m);
}

/* a line longer than the record limit fails the set */
static void test_text_record_limit(void **state)
{
    txfs *t = calloc(1, sizeof *t);
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw *w;
    memlog ml;
    int i;
    (void)state;
    memset(&o, 0, sizeof o);
    memlog_init(&ml);
    ntxf = 0;
    o.codepage = HM_PC_1252;
    o.transfer = HM_MW_TEXT;
    o.host_ccsid = 37;
    o.rec_max = 40;
    assert_int_equal(hm_cpconv_init(&t->cv, hm_cp_builtin(37),
                                    HM_PC_1252, HM_NL_CDRA), 0);
    fs.open = tx_open;
    fs.close = tx_close;
    fs.ctx = t;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    put_items(w, 0, 0);
    assert_int_not_equal(hm_mw_close(w, 0), 0);
    assert_true(memlog_has(&ml, HMM_MTLONG));
    for (i = 0; i < t->m.n; i++)
        assert_false(t->m.f[i].kept);
    assert_true(t->maxrec <= 40);
    mfs_free(&t->m);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_037_1252),
        cmocka_unit_test(test_text_1047_850),
        cmocka_unit_test(test_text_500_1252),
        cmocka_unit_test(test_text_binary_left_out),
        cmocka_unit_test(test_text_unmapped),
        cmocka_unit_test(test_text_refused),
        cmocka_unit_test(test_text_record_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
