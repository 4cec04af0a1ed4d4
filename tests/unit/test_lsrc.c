/*
 * test_lsrc.c - the layout-driven source (extractors/layout): records
 * of in-memory data sets (RDWs, EBCDIC 037) decoded with a copybook
 * and a profile, assembled into items, handed out as a pipeline
 * source. Copybook and profile text are literals in the execution
 * character set (parsed in its page); product output is UTF-8, so it
 * is compared with expected text converted to ASCII first.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "../../extractors/layout/hm_lsrc.h"

#include "lay_t.h"

/* an execution-charset string as ASCII (what the product emits) */
static void to_ascii(const char *s, unsigned char *out, size_t *n)
{
    const hm_cpage *p = hm_cp_builtin(1047);
    size_t i;
    for (i = 0; s[i]; i++)
        out[i] = s[i] == '\n' ? 0x0A
                 : ebcdic_exec() ? (unsigned char)p->ucs[(unsigned char)s[i]]
                                 : (unsigned char)s[i];
    *n = i;
}

static int eq_text(const unsigned char *got, size_t gn, const char *want)
{
    unsigned char w[256];
    size_t n;
    to_ascii(want, w, &n);
    return gn == n && memcmp(got, w, n) == 0;
}

/* ---- building data sets ---- */

typedef struct tds {
    unsigned char b[8192];
    size_t n;
    unsigned char rec[512];
    size_t rn;
} tds;

static void r_txt(tds *d, const char *s)
{
    const hm_cpage *e037 = hm_cp_builtin(37);
    size_t i;
    for (i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!ebcdic_exec())
            c = (unsigned char)hm_cp_from_ucs(e037, c);
        d->rec[d->rn++] = c;
    }
}

static void r_hex(tds *d, const unsigned char *h, size_t n)
{
    memcpy(d->rec + d->rn, h, n);
    d->rn += n;
}

static void r_end(tds *d)
{
    size_t l = d->rn + 4;
    d->b[d->n++] = (unsigned char)(l >> 8);
    d->b[d->n++] = (unsigned char)(l & 0xFF);
    d->b[d->n++] = 0;
    d->b[d->n++] = 0;
    memcpy(d->b + d->n, d->rec, d->rn);
    d->n += d->rn;
    d->rn = 0;
}

static void r_one(tds *d, const char *s)
{
    r_txt(d, s);
    r_end(d);
}

#define L(s) "       " s "\n"

static const char cbtext[] =
    L("01  T-KEY.")
    L("    05 K-USER        PIC X(4).")
    L("    05 K-KIND        PIC X.")
    L("    05 K-ITEM        PIC 9(3).")
    L("    05 K-SEQ         PIC 9(2).")
    L("01  T-USER.")
    L("    05 FILLER        PIC X(10).")
    L("    05 U-NAME        PIC X(10).")
    L("01  T-HDR.")
    L("    05 FILLER        PIC X(10).")
    L("    05 H-DATE        PIC S9(7) COMP-3.")
    L("    05 H-SUBJ        PIC X(10).")
    L("    05 H-NTO         PIC 9.")
    L("    05 H-TO          PIC X(4) OCCURS 0 TO 5")
    L("                     DEPENDING ON H-NTO.")
    L("01  T-TEXT.")
    L("    05 FILLER        PIC X(10).")
    L("    05 T-N           PIC 9.")
    L("    05 T-LINE        PIC X(8) OCCURS 1 TO 9")
    L("                     DEPENDING ON T-N.")
    L("01  T-ATT.")
    L("    05 FILLER        PIC X(10).")
    L("    05 A-NAME        PIC X(8).")
    L("    05 A-LEN         PIC S9(4) COMP.")
    L("    05 A-DATA.")
    L("       10 A-BYTE     PIC X OCCURS 1 TO 50")
    L("                     DEPENDING ON A-LEN.")
    L("01  T-DIR.")
    L("    05 FILLER        PIC X(10).")
    L("    05 D-NODE        PIC X(4).")
    L("    05 D-NAME        PIC X(10).")
    L("01  T-BB.")
    L("    05 FILLER        PIC X(10).")
    L("    05 B-BOARD       PIC X(6).")
    L("    05 B-SUBJ        PIC X(10).");

static const char proftext[] =
    "[store]\n"
    "name = TEST\n"
    "codepage = 37\n"
    "[type USER]\n"
    "item = account\nrecord = T-USER\nwhen = K-KIND = 'U'\n"
    "id = K-USER\nname = U-NAME\n"
    "[type HDR]\n"
    "item = message\nrecord = T-HDR\nwhen = K-KIND = 'H'\n"
    "account = K-USER\nid = K-ITEM\nsubject = H-SUBJ\nto = H-TO\n"
    "date = H-DATE as CYYMMDD\nfolder = 'Inbox'\n"
    "[type TEXT]\n"
    "item = text\nrecord = T-TEXT\nwhen = K-KIND = 'T'\n"
    "msg = K-ITEM\nline = T-LINE\n"
    "[type ATT]\n"
    "item = attachment\nrecord = T-ATT\nwhen = K-KIND = 'A'\n"
    "msg = K-ITEM\nseq = K-SEQ\nname = A-NAME\ndata = A-DATA\n"
    "[type DIR]\n"
    "item = directory\nrecord = T-DIR\nwhen = K-KIND = 'D'\n"
    "id = K-USER\nuserid = K-USER\nnode = D-NODE\nname = D-NAME\n"
    "[type BB]\n"
    "item = bboard\nrecord = T-BB\nwhen = K-KIND = 'B'\n"
    "board = B-BOARD\nid = K-ITEM\nsubject = B-SUBJ\n"
    "[type SKIP]\n"
    "item = skip\nwhen = K-KIND = 'X'\n";

/* CYYMMDD 1240226, packed S9(7): X'1240226C' */
static const unsigned char pdate[] = { 0x12, 0x40, 0x22, 0x6C };
static const unsigned char pbad[] = { 0x12, 0x4A, 0x22, 0x6C };

/* ---- the source over memory ---- */

#define MAXDS 3
static tds dsets[MAXDS];
static hm_memsrc msrc[MAXDS];

static int io_open(void *ctx, int i, hm_read_fn *fn, void **rctx)
{
    (void)ctx;
    hm_memsrc_init(&msrc[i], dsets[i].b, dsets[i].n);
    *fn = hm_memsrc_read;
    *rctx = &msrc[i];
    return 0;
}

static void io_close(void *ctx, void *rctx)
{
    (void)ctx;
    (void)rctx;
}

typedef struct capt {
    int kind;
    unsigned char subj[64];
    size_t subjn;
    unsigned char body[128];
    size_t bodyn;
    size_t nto, natt;
    unsigned char att[64];
    size_t attn;
    unsigned char folder[32];
    size_t foldern, nfolder;
    unsigned char sent[14];
    int cls;
    unsigned char cn[32];
    size_t cnn;
    unsigned char addr[64];
    size_t addrn;
} capt;

static capt got[32];
static int ngot;

static void cpy(unsigned char *d, size_t *dn, size_t cap,
                const unsigned char *s, size_t n)
{
    if (n > cap)
        n = cap;
    if (n)
        memcpy(d, s, n);
    *dn = n;
}

static int t_emit(void *ectx, const hm_item *it)
{
    capt *c = &got[ngot < 31 ? ngot++ : 31];
    (void)ectx;
    memset(c, 0, sizeof *c);
    c->kind = it->kind;
    if (it->kind == HM_ITEM_MESSAGE) {
        const hm_message *m = &it->u.msg;
        size_t i;
        cpy(c->subj, &c->subjn, 64, m->subject.s, m->subject.len);
        if (m->nbody)
            cpy(c->body, &c->bodyn, 128, m->body[0].p,
                (size_t)m->body[0].size);
        c->nto = m->nto;
        c->natt = m->natt;
        for (i = 0; i < m->natt; i++) {
            size_t k;
            cpy(c->att + c->attn, &k, 64 - c->attn, m->att[i].data.p,
                (size_t)m->att[i].data.size);
            c->attn += k;
        }
        c->nfolder = m->nfolder;
        if (m->nfolder)
            cpy(c->folder, &c->foldern, 32, m->folder[0].s,
                m->folder[0].len);
        memcpy(c->sent, m->sent.d, 14);
    } else if (it->kind == HM_ITEM_DIROBJ) {
        c->cls = it->u.dir.cls;
        cpy(c->cn, &c->cnn, 32, it->u.dir.common_name.s,
            it->u.dir.common_name.len);
        cpy(c->addr, &c->addrn, 64, it->u.dir.source_addr.s,
            it->u.dir.source_addr.len);
    }
    return HM_PIPE_OK;
}

typedef struct fixture {
    hm_copybook *cb;
    hm_profile *p;
    hm_lsrc *ls;
    hm_pipe_src src;
} fixture;

static const char *const names[MAXDS] = { "MAIL", "BOARDS", "USERS" };

static void fx_open(fixture *f, int ndata, int users,
                    unsigned long item_max)
{
    hm_ls_cfg c;
    log_reset();
    ngot = 0;
    f->cb = hm_cb_parse(&al, (const unsigned char *)cbtext,
                        strlen(cbtext), tcp(), 0, &lg, "T");
    assert_non_null(f->cb);
    f->p = hm_prof_parse(&al, (const unsigned char *)proftext,
                         strlen(proftext), tcp(), &lg, "P");
    assert_non_null(f->p);
    assert_int_equal(hm_prof_bind(f->p, f->cb, &lg, "P"), 0);
    memset(&c, 0, sizeof c);
    c.al = &al;
    c.log = &lg;
    c.cb = f->cb;
    c.prof = f->p;
    c.cp = hm_cp_builtin(37);
    c.names = names;
    c.ndata = ndata;
    c.users = users;
    c.addrtype = "SNADS";
    c.item_max = item_max;
    c.io.open = io_open;
    c.io.close = io_close;
    f->ls = hm_ls_open(&c);
    assert_non_null(f->ls);
    hm_ls_source(f->ls, &f->src);
}

static void fx_close(fixture *f)
{
    hm_ls_close(f->ls);
    hm_prof_free(f->p);
    hm_cb_free(f->cb);
    assert_int_equal(live, 0);
}

/* the next account: its id as ASCII compared with want */
static int next_is(fixture *f, hm_account *a, const char *want)
{
    int rc = f->src.next_account(f->src.ctx, a);
    if (rc != HM_PIPE_OK)
        return 0;
    return eq_text(a->id.s, a->id.len, want);
}

static void build_main(int damage)
{
    unsigned char two[2];
    static const unsigned char b3[] = { 0x00, 0x01, 0xFF };
    static const unsigned char b2[] = { 0x02, 0x03 };
    memset(dsets, 0, sizeof dsets);
    /* MAIL */
    r_one(&dsets[0], "AAAAU00000Anna      ");
    r_txt(&dsets[0], "AAAAH00100");
    r_hex(&dsets[0], damage == 1 ? pbad : pdate, 4);
    r_one(&dsets[0], "Hello     2BBBBZZZZ");
    if (damage == 2)
        r_one(&dsets[0], "AAAAT001012line one");   /* cut short */
    else
        r_one(&dsets[0], "AAAAT001012line oneline two");
    r_txt(&dsets[0], "AAAAA00101FILE.BIN");
    two[0] = 0;
    two[1] = 3;
    r_hex(&dsets[0], two, 2);
    r_hex(&dsets[0], b3, 3);
    r_end(&dsets[0]);
    r_txt(&dsets[0], "AAAAA00102FILE.BIN");
    two[1] = 2;
    r_hex(&dsets[0], two, 2);
    r_hex(&dsets[0], b2, 2);
    r_end(&dsets[0]);
    r_one(&dsets[0], "AAAAX00000skip me");
    r_txt(&dsets[0], "BBBBH00200");
    r_hex(&dsets[0], pdate, 4);
    r_one(&dsets[0], "Second    0");
    r_one(&dsets[0], "BBBBT003011orphan  ");
    if (damage == 3) {
        r_txt(&dsets[0], "AAAAH00300");
        r_hex(&dsets[0], pdate, 4);
        r_one(&dsets[0], "Late      0");
    }
    if (damage == 4)
        r_one(&dsets[0], "AAAAQ00000what is this");
    /* directory and boards */
    r_one(&dsets[1], "AAAAD00000NODEAnna Dir  ");
    r_one(&dsets[1], "BRDXB00100NEWS  Bulletin  ");
    r_one(&dsets[1], "BRDXT001011bb text ");
    r_one(&dsets[1], "ZZZZD00000EXT1Remote    ");
}

static void test_items(void **state)
{
    fixture f;
    hm_account a;
    hm_ls_stats st;
    static const unsigned char attb[] = { 0x00, 0x01, 0xFF, 0x02, 0x03 };
    static const unsigned char sent[] = {
        0x32, 0x30, 0x32, 0x34, 0x30, 0x32, 0x32, 0x36, 0x30, 0x30, 0x30,
        0x30, 0x30, 0x30 };
    (void)state;
    build_main(0);
    fx_open(&f, 2, 0, 0);
    assert_true(next_is(&f, &a, "AAAA"));
    assert_true(eq_text(a.display_name.s, a.display_name.len, "Anna"));
    assert_true(eq_text(a.address.s, a.address.len, "SNADS:AAAA"));
    assert_int_equal(f.src.items(f.src.ctx, &a, t_emit, 0), HM_PIPE_OK);
    assert_int_equal(ngot, 1);
    assert_int_equal(got[0].kind, HM_ITEM_MESSAGE);
    assert_true(eq_text(got[0].subj, got[0].subjn, "Hello"));
    assert_true(eq_text(got[0].body, got[0].bodyn,
                        "line one\nline two"));
    assert_int_equal(got[0].nto, 2);
    assert_int_equal(got[0].nfolder, 0);
    assert_int_equal(got[0].natt, 1);
    assert_int_equal(got[0].attn, 5);
    assert_memory_equal(got[0].att, attb, 5);
    assert_memory_equal(got[0].sent, sent, 14);
    /* BBBB has no account record: it comes from its message */
    assert_true(next_is(&f, &a, "BBBB"));
    assert_int_equal(f.src.items(f.src.ctx, &a, t_emit, 0), HM_PIPE_OK);
    assert_int_equal(ngot, 2);
    assert_true(eq_text(got[1].subj, got[1].subjn, "Second"));
    assert_int_equal(got[1].bodyn, 0);
    assert_true(logged("HMG0605W MAIL record 8: the TEXT record"));
    /* bulletin boards: the public account */
    assert_true(next_is(&f, &a, "PUBLIC"));
    assert_int_equal(a.public, 1);
    assert_int_equal(f.src.items(f.src.ctx, &a, t_emit, 0), HM_PIPE_OK);
    assert_int_equal(ngot, 3);
    assert_true(eq_text(got[2].subj, got[2].subjn, "Bulletin"));
    assert_true(eq_text(got[2].folder, got[2].foldern, "NEWS"));
    assert_true(eq_text(got[2].body, got[2].bodyn, "bb text"));
    assert_int_equal(f.src.next_account(f.src.ctx, &a), HM_PIPE_END);
    hm_ls_stats_get(f.ls, &st);
    assert_int_equal(st.accounts, 2);
    assert_int_equal(st.found[HM_IT_MESSAGE], 2);
    assert_int_equal(st.found[HM_IT_BBOARD], 1);
    assert_int_equal(st.attachments, 1);
    assert_int_equal(st.orphans, 1);
    assert_int_equal(st.untyped, 0);
    assert_true(logged("HMG0612I Source:"));
    fx_close(&f);
}

static void test_directory(void **state)
{
    fixture f;
    (void)state;
    build_main(0);
    fx_open(&f, 2, 0, 0);
    assert_int_equal(f.src.directory(f.src.ctx, 1, t_emit, 0),
                     HM_PIPE_OK);
    assert_int_equal(ngot, 3);
    /* the directory entry of an account: a mailbox, its address */
    assert_int_equal(got[0].cls, HM_DIR_MAILBOX);
    assert_true(eq_text(got[0].cn, got[0].cnn, "AAAA"));
    assert_true(eq_text(got[0].addr, got[0].addrn, "SNADS:AAAA"));
    /* not an account: a custom recipient, SNADS:NODE(USER) */
    assert_int_equal(got[1].cls, HM_DIR_REMOTE);
    assert_true(eq_text(got[1].addr, got[1].addrn, "SNADS:EXT1(ZZZZ)"));
    /* an account without a directory entry */
    assert_int_equal(got[2].cls, HM_DIR_MAILBOX);
    assert_true(eq_text(got[2].cn, got[2].cnn, "BBBB"));
    fx_close(&f);
    /* Remote: the accounts too become custom recipients */
    fx_open(&f, 2, 0, 0);
    assert_int_equal(f.src.directory(f.src.ctx, 2, t_emit, 0),
                     HM_PIPE_OK);
    assert_int_equal(ngot, 3);
    assert_int_equal(got[0].cls, HM_DIR_REMOTE);
    assert_int_equal(got[2].cls, HM_DIR_REMOTE);
    fx_close(&f);
}

static void run_all(fixture *f)
{
    hm_account a;
    while (f->src.next_account(f->src.ctx, &a) == HM_PIPE_OK)
        assert_int_equal(f->src.items(f->src.ctx, &a, t_emit, 0),
                         HM_PIPE_OK);
}

static void test_bad_packed(void **state)
{
    fixture f;
    hm_ls_stats st;
    (void)state;
    build_main(1);
    fx_open(&f, 2, 0, 0);
    run_all(&f);
    hm_ls_stats_get(f.ls, &st);
    assert_int_equal(st.bad[HM_IT_MESSAGE], 1);
    assert_int_equal(st.found[HM_IT_MESSAGE], 1);
    assert_int_equal(st.attachments, 0);
    assert_true(logged("HMG0837E MAIL record 2: item H-DATE at offset 10"));
    assert_true(logged("HMG0602E MAIL record 2: the message item"));
    assert_true(logged("HMG0614W Source: 1 message items skipped"));
    assert_true(hm_log_rc(&lg) == 8);
    /* the run went on: the second account and the board */
    assert_int_equal(ngot, 2);
    fx_close(&f);
}

static void test_truncated(void **state)
{
    fixture f;
    hm_ls_stats st;
    (void)state;
    build_main(2);
    fx_open(&f, 2, 0, 0);
    run_all(&f);
    hm_ls_stats_get(f.ls, &st);
    assert_int_equal(st.bad[HM_IT_MESSAGE], 1);
    assert_true(logged("HMG0830E MAIL record 3: item T-LINE(2) at "
                       "offset 19 (8 bytes) does not fit"));
    assert_int_equal(ngot, 2);
    fx_close(&f);
}

static void test_order(void **state)
{
    fixture f;
    hm_ls_stats st;
    (void)state;
    build_main(3);
    fx_open(&f, 2, 0, 0);
    run_all(&f);
    hm_ls_stats_get(f.ls, &st);
    assert_int_equal(st.order, 1);
    assert_true(logged("HMG0603E MAIL record 9: a record of account "
                       "AAAA comes after the records of account BBBB"));
    assert_int_equal(st.found[HM_IT_MESSAGE], 2);
    fx_close(&f);
}

static void test_untyped(void **state)
{
    fixture f;
    hm_ls_stats st;
    (void)state;
    build_main(4);
    fx_open(&f, 2, 0, 0);
    run_all(&f);
    hm_ls_stats_get(f.ls, &st);
    assert_int_equal(st.untyped, 1);
    assert_true(logged("HMG0600E MAIL record 9: the record matches no"));
    fx_close(&f);
}

static void test_big(void **state)
{
    fixture f;
    hm_ls_stats st;
    (void)state;
    build_main(0);
    fx_open(&f, 2, 0, 20);
    run_all(&f);
    hm_ls_stats_get(f.ls, &st);
    assert_int_equal(st.bad[HM_IT_MESSAGE], 1);
    assert_true(logged("HMG0608E MAIL record 2: the message item that "
                       "starts here is larger than 20 bytes"));
    fx_close(&f);
}

static void test_users(void **state)
{
    fixture f;
    hm_account a;
    hm_ls_stats st;
    (void)state;
    build_main(0);
    /* the user list: CCCC (no data) and AAAA, not BBBB */
    r_one(&dsets[2], "CCCCU00000Carl      ");
    r_one(&dsets[2], "AAAAU00000Anna List ");
    fx_open(&f, 2, 1, 0);
    assert_true(next_is(&f, &a, "AAAA"));
    assert_true(eq_text(a.display_name.s, a.display_name.len,
                        "Anna List"));
    assert_int_equal(f.src.items(f.src.ctx, &a, t_emit, 0), HM_PIPE_OK);
    /* accounts without data come after those with data */
    assert_true(next_is(&f, &a, "CCCC"));
    assert_int_equal(f.src.items(f.src.ctx, &a, t_emit, 0), HM_PIPE_OK);
    assert_true(next_is(&f, &a, "PUBLIC"));
    hm_ls_stats_get(f.ls, &st);
    assert_int_equal(st.accounts, 2);
    assert_true(logged("HMG0604W MAIL record 7: the account BBBB is "
                       "not in the user list"));
    assert_int_equal(st.unlisted, 2);
    fx_close(&f);
}

static char ins[8192];
static size_t insn;

static void ins_line(void *ctx, const char *line, size_t len)
{
    (void)ctx;
    if (insn + len + 2 < sizeof ins) {
        memcpy(ins + insn, line, len);
        insn += len;
        ins[insn++] = '\n';
        ins[insn] = 0;
    }
}

static void test_inspect(void **state)
{
    fixture f;
    (void)state;
    build_main(0);
    fx_open(&f, 2, 0, 0);
    insn = 0;
    ins[0] = 0;
    assert_int_equal(hm_ls_inspect(f.ls, 1, ins_line, 0), 0);
    assert_non_null(strstr(ins, "DATA SET MAIL\n"));
    assert_non_null(strstr(ins, "RECORD 2 TYPE HDR (message) LENGTH 33 "
                                "LAYOUT T-HDR"));
    assert_non_null(strstr(ins, "05 H-DATE"));
    assert_non_null(strstr(ins, "ROLE date = H-DATE as CYYMMDD: "
                                "20240226000000"));
    assert_non_null(strstr(ins, "DATA SET BOARDS\n"));
    assert_non_null(strstr(ins, "TYPE BB (bboard)"));
    fx_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_bad_packed),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_untyped),
        cmocka_unit_test(test_big),
        cmocka_unit_test(test_users),
        cmocka_unit_test(test_inspect),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
