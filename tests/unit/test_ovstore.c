/*
 * test_ovstore.c - the OV/VM store walker (extractors/ovvm/ovstore.c)
 * over a store held in memory: accounts, the order and content of
 * an account's items (NAMES, notebook, reader mail file, document
 * with its original attached), the node and display name from the
 * system nickname file, directory objects, damaged input, the store
 * list and the formats file. Pure: no files, no OS; runs in the
 * EBCDIC build and on s390x too (file names are literals in the
 * execution character set, data bytes are made with hm_cp_from_ucs).
 */
#include "ovvm_t.h"
#include "hm_cont.h"
#include "hm_settings.h"
#include "../../extractors/ovvm/ovstore.h"

/* ------------------------------------------------------------------
 * the store in memory
 */
#define FS_MAX 24
#define FS_DATA 16384

typedef struct mfile {
    char path[64];
    int dir;
    unsigned char data[FS_DATA];
    size_t n;
} mfile;

static mfile FS[FS_MAX];
static int NFS;

static mfile *fs_add(const char *path, int dir)
{
    mfile *f = &FS[NFS++];
    assert_true(NFS <= FS_MAX);
    memset(f, 0, sizeof *f);
    strcpy(f->path, path);
    f->dir = dir;
    return f;
}

/* F 80 records of page 037 from literals */
static void fs_f80(mfile *f, const char *const *recs)
{
    const hm_cpage *cp = hm_cp_builtin(37);
    for (; *recs; recs++) {
        size_t k = t_host(cp, *recs, f->data + f->n);
        memset(f->data + f->n + k, 0x40, 80 - k);
        f->n += 80;
    }
}

/* V records (RDWs) of page 037 from literals */
static void fs_v(mfile *f, const char *const *recs)
{
    const hm_cpage *cp = hm_cp_builtin(37);
    for (; *recs; recs++) {
        size_t k = t_host(cp, *recs, f->data + f->n + 4);
        if (k == 0)
            f->data[f->n + 4 + k++] = 0x40;
        f->data[f->n] = (unsigned char)((k + 4) >> 8);
        f->data[f->n + 1] = (unsigned char)((k + 4) & 0xFF);
        f->data[f->n + 2] = f->data[f->n + 3] = 0;
        f->n += k + 4;
    }
}

static int mb_write(void *ctx, const unsigned char *d, size_t n)
{
    mfile *f = (mfile *)ctx;
    assert_true(f->n + n <= FS_DATA);
    memcpy(f->data + f->n, d, n);
    f->n += n;
    return 0;
}

static const char *parent_end(const char *p)
{
    const char *s = 0;
    for (; *p; p++)
        if (*p == '/')
            s = p;
    return s;
}

static int io_listdir(void *ctx, const char *path, int quiet,
                      hm_ovs_dirfn fn, void *fctx)
{
    int i, j, k = 0, idx[FS_MAX];
    size_t n = strlen(path);
    (void)ctx;
    (void)quiet;
    for (i = 0; i < NFS; i++) {
        const char *e = parent_end(FS[i].path);
        if (e && (size_t)(e - FS[i].path) == n
            && memcmp(FS[i].path, path, n) == 0)
            idx[k++] = i;
    }
    for (i = 0; i < NFS; i++)
        if (strcmp(FS[i].path, path) == 0 && FS[i].dir)
            break;
    if (i == NFS)
        return -1;
    /* bytewise order */
    for (i = 1; i < k; i++)
        for (j = i; j > 0 && strcmp(FS[idx[j]].path, FS[idx[j - 1]].path)
                                 < 0; j--) {
            int t = idx[j];
            idx[j] = idx[j - 1];
            idx[j - 1] = t;
        }
    for (i = 0; i < k; i++)
        if (fn(fctx, parent_end(FS[idx[i]].path) + 1, FS[idx[i]].dir))
            return -1;
    return 0;
}

static void *io_open(void *ctx, const char *path, int quiet)
{
    int i;
    (void)ctx;
    (void)quiet;
    for (i = 0; i < NFS; i++)
        if (!FS[i].dir && strcmp(FS[i].path, path) == 0) {
            hm_memsrc *m = (hm_memsrc *)test_malloc(sizeof *m);
            hm_memsrc_init(m, FS[i].data, FS[i].n);
            m->chunk = 100;     /* small reads */
            return m;
        }
    return 0;
}

static long io_read(void *h, unsigned char *buf, size_t n)
{
    return hm_memsrc_read(h, buf, n);
}

static void io_close(void *ctx, void *h)
{
    (void)ctx;
    test_free(h);
}

static int io_join(void *ctx, const char *dir, const char *name,
                   char *buf, size_t cap)
{
    (void)ctx;
    if (strlen(dir) + strlen(name) + 2 > cap)
        return -1;
    strcpy(buf, dir);
    strcat(buf, "/");
    strcat(buf, name);
    return 0;
}

static const hm_cpage *io_page(void *ctx, unsigned ccsid)
{
    (void)ctx;
    return hm_cp_builtin(ccsid);
}

/* ------------------------------------------------------------------
 * the items
 */
#define IT_MAX 16

typedef struct titem {
    int kind, is_dl, unread, cls;
    tstr folder, subject, sender, body, attname, cn, addr;
    size_t natt;
    unsigned long attsize, attgot;
    unsigned char att[512];
} titem;

typedef struct tsink {
    titem it[IT_MAX];
    int n;
} tsink;

/* all bytes of a data item (a source is read to its end) */
static unsigned long read_all(const hm_data *d, unsigned char *out,
                              size_t cap)
{
    unsigned long got = 0;
    long r;
    unsigned char buf[64];
    if (d->p) {
        if (d->size && cap)
            memcpy(out, d->p, d->size < cap ? d->size : cap);
        return d->size;
    }
    if (d->rewind)
        assert_int_equal(d->rewind(d->ctx), 0);
    while ((r = d->read(d->ctx, buf, sizeof buf)) > 0) {
        if (got + (unsigned long)r <= cap)
            memcpy(out + got, buf, (size_t)r);
        got += (unsigned long)r;
    }
    assert_true(r == 0);
    return got;
}

static int sink_emit(void *ctx, const hm_item *it)
{
    tsink *s = (tsink *)ctx;
    titem *t;
    assert_true(s->n < IT_MAX);
    t = &s->it[s->n++];
    memset(t, 0, sizeof *t);
    t->kind = it->kind;
    if (it->kind == HM_ITEM_MESSAGE) {
        const hm_message *m = &it->u.msg;
        if (m->nfolder)
            t_str(&t->folder, m->folder[0]);
        t_str(&t->subject, m->subject);
        t_str(&t->sender, m->sender.addr);
        t->unread = m->unread;
        if (m->nbody) {
            t->body.n = read_all(&m->body[0], t->body.s,
                                 sizeof t->body.s);
            /* read twice, as the writer does */
            assert_int_equal(read_all(&m->body[0], t->body.s,
                                      sizeof t->body.s), t->body.n);
        }
        t->natt = m->natt;
        if (m->natt) {
            t_str(&t->attname, m->att[0].name);
            t->attsize = m->att[0].data.size;
            t->attgot = read_all(&m->att[0].data, t->att, sizeof t->att);
        }
    } else if (it->kind == HM_ITEM_DOCUMENT) {
        /* the parts: the first as the attachment, a second one (the
         * text) as the body */
        const hm_document *d = &it->u.doc;
        if (d->nfolder)
            t_str(&t->folder, d->folder[0]);
        t_str(&t->subject, d->name);
        t_str(&t->sender, d->author.addr);
        t->natt = 1 + d->nmore;
        t->attsize = d->data.size;
        t->attgot = read_all(&d->data, t->att, sizeof t->att);
        if (d->nmore) {
            assert_int_equal(d->nmore, 1);
            t_str(&t->attname, d->more[0].name);
            assert_int_equal(read_all(&d->more[0].data, t->body.s,
                                      sizeof t->body.s),
                             d->more[0].data.size);
            t->body.n = d->more[0].data.size;
        }
    } else if (it->kind == HM_ITEM_PAB) {
        t->is_dl = it->u.pab.is_dl;
        t_str(&t->subject, it->u.pab.f[HM_PAB_DISPLAY]);
        t_str(&t->addr, it->u.pab.f[HM_PAB_EMAIL]);
    } else if (it->kind == HM_ITEM_DIROBJ) {
        t->cls = it->u.dir.cls;
        t_str(&t->cn, it->u.dir.common_name);
        t_str(&t->subject, it->u.dir.display_name);
        t_str(&t->addr, it->u.dir.source_addr);
    }
    return HM_PIPE_OK;
}

/* ------------------------------------------------------------------
 * the store
 */
static const char *const NOTEBOOK[] = {
    "Date: 13 November 93, 22:52:42 CET",
    "From: ALF at VMB",
    "To: JDOE at VMA",
    "Subject: Hello",
    "",
    "first body line",
    "",
    "======================================",
    "",
    "Date: 14 November 93, 10:00:00",
    "From: JDOE at VMA",
    "To: ALF at VMB",
    "Subject: Answer",
    "",
    "second body",
    0
};

static const char *const NAMES[] = {
    ":nick.ALF :userid.ALF :node.VMB :name.Alf Berg",
    0
};

static const char *const SYSNAMES[] = {
    ":nick.JDOE :userid.JDOE :node.VMA :name.John Doe",
    ":nick.ALF :userid.ALF :node.VMB :name.Alf Berg",
    0
};

static const char *const SCRIPT[] = {
    ".sp 1",
    "Plan text",
    0
};

static void mail_file(mfile *f)
{
    hm_ndw w;
    hm_ndw_head h;
    hm_ndw_file m;
    unsigned char rec[80];
    static const char *const recs[] = {
        "Date: 15 Nov 93 09:00:00", "From: ALF at VMB",
        "To: JDOE at VMA", "Subject: Mail", "", "mail body", 0
    };
    const char *const *r;
    memset(&h, 0, sizeof h);
    h.fnode = "VMB";
    h.fuid = "ALF";
    h.tnode = "VMA";
    h.tuid = "JDOE";
    h.ftime = "19931115090000";
    h.numf = 1;
    memset(&m, 0, sizeof m);
    m.message = 1;
    m.recfm = 0x0002;
    m.lrecl = 132;
    assert_int_equal(hm_ndw_begin(&w, mb_write, f, &h), 0);
    assert_int_equal(hm_ndw_announce(&w, 1, &m), 0);
    assert_int_equal(hm_ndw_data(&w, &m), 0);
    for (r = recs; *r; r++)
        hm_ndw_record(&w, rec, t_host(hm_cp_builtin(37), *r, rec));
    assert_int_equal(hm_ndw_end(&w), 0);
}

static void make_store(int with_sys)
{
    NFS = 0;
    fs_add("S", 1);
    fs_add("S/JDOE", 1);
    fs_f80(fs_add("S/JDOE/ALL.NOTEBOOK", 0), NOTEBOOK);
    fs_f80(fs_add("S/JDOE/JDOE.NAMES", 0), NAMES);
    fs_f80(fs_add("S/JDOE/PLAN.SCRIPT", 0), SCRIPT);
    fs_add("S/JDOE/RDR", 1);
    mail_file(fs_add("S/JDOE/RDR/0001.NETDATA", 0));
    if (with_sys)
        fs_f80(fs_add("S/OFSUAD.FILE", 0), SYSNAMES);
}

static void cfg_init(hm_ovs_cfg *c, hm_log *lg, hm_settings *set)
{
    memset(c, 0, sizeof *c);
    c->al = &A;
    c->log = lg;
    c->io.listdir = io_listdir;
    c->io.open = io_open;
    c->io.read = io_read;
    c->io.close = io_close;
    c->io.join = io_join;
    c->io.page = io_page;
    c->store = "S";
    c->cp = hm_cp_builtin(37);
    c->pivot = 50;
    c->set = set;
}

static void test_store(void **state)
{
    hm_log lg;
    tlog tl;
    hm_settings set;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    hm_account a;
    static tsink k;
    (void)state;
    make_store(1);
    t_loginit(&lg, &tl);
    hm_set_init(&set, &A);
    cfg_init(&c, &lg, &set);
    s = hm_ovs_open(&c);
    assert_non_null(s);
    assert_int_equal(hm_ovs_accounts(s), 1);
    hm_ovs_source(s, &src);
    memset(&k, 0, sizeof k);
    /* the directory: a mailbox named from the system nickname file */
    assert_int_equal(src.directory(src.ctx, 1, sink_emit, &k), HM_PIPE_OK);
    assert_int_equal(k.n, 1);
    assert_int_equal(k.it[0].cls, HM_DIR_MAILBOX);
    assert_text(k.it[0].cn.s, k.it[0].cn.n, "JDOE");
    assert_text(k.it[0].subject.s, k.it[0].subject.n, "John Doe");
    assert_text(k.it[0].addr.s, k.it[0].addr.n, "PROFS:VMA(JDOE)");
    /* custom recipients: the users that are not migrated */
    k.n = 0;
    assert_int_equal(src.directory(src.ctx, 2, sink_emit, &k), HM_PIPE_OK);
    assert_int_equal(k.n, 1);
    assert_int_equal(k.it[0].cls, HM_DIR_REMOTE);
    assert_text(k.it[0].cn.s, k.it[0].cn.n, "ALF");
    /* the account and its items in order */
    k.n = 0;
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_text(a.id.s, a.id.len, "JDOE");
    assert_text(a.address.s, a.address.len, "PROFS:VMA(JDOE)");
    assert_text(a.display_name.s, a.display_name.len, "John Doe");
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    assert_int_equal(k.n, 5);
    assert_int_equal(k.it[0].kind, HM_ITEM_PAB);
    assert_text(k.it[0].addr.s, k.it[0].addr.n, "PROFS:VMB(ALF)");
    assert_int_equal(k.it[1].kind, HM_ITEM_MESSAGE);
    assert_text(k.it[1].folder.s, k.it[1].folder.n, "ALL");
    assert_text(k.it[1].subject.s, k.it[1].subject.n, "Hello");
    assert_text(k.it[1].body.s, k.it[1].body.n, "first body line");
    assert_text(k.it[2].folder.s, k.it[2].folder.n, "Sent Items");
    assert_text(k.it[2].subject.s, k.it[2].subject.n, "Answer");
    /* the reader mail file: unread, in the Inbox */
    assert_text(k.it[3].subject.s, k.it[3].subject.n, "Mail");
    assert_int_equal(k.it[3].folder.n, 0);
    assert_int_equal(k.it[3].unread, 1);
    /* the document: a free document, its text with CR LF as
     * PLAN.SCRIPT.TXT (a SCRIPT file has no other form) */
    assert_int_equal(k.it[4].kind, HM_ITEM_DOCUMENT);
    assert_text(k.it[4].folder.s, k.it[4].folder.n, "Documents");
    assert_text(k.it[4].subject.s, k.it[4].subject.n, "PLAN.SCRIPT.TXT");
    assert_text(k.it[4].sender.s, k.it[4].sender.n, "PROFS:VMA(JDOE)");
    assert_int_equal(k.it[4].natt, 1);
    assert_int_equal(k.it[4].attsize, k.it[4].attgot);
    {
        unsigned char want[64];
        size_t n = t_asc(".sp 1", want);
        want[n++] = 0x0D;
        want[n++] = 0x0A;
        n += t_asc("Plan text", want + n);
        want[n++] = 0x0D;
        want[n++] = 0x0A;
        assert_int_equal(k.it[4].attgot, n);
        assert_memory_equal(k.it[4].att, want, n);
    }
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_END);
    assert_int_equal(tl.nw + tl.ne, 0);
    assert_int_equal(hm_ovs_stat(s)->notes, 2);
    assert_int_equal(hm_ovs_stat(s)->mails, 1);
    assert_int_equal(hm_ovs_stat(s)->docs, 1);
    hm_ovs_summary(s);
    hm_ovs_close(s);
    hm_set_free(&set);
}

/* no system nickname file, no --node: the node comes from the reader
 * file addressed to the user; --doc-types; --doc-messages: the
 * document as a message in Documents with its text as the body and
 * the original attached */
static void test_infer_free(void **state)
{
    hm_log lg;
    tlog tl;
    hm_settings set;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    hm_account a;
    static tsink k;
    (void)state;
    make_store(0);
    t_loginit(&lg, &tl);
    hm_set_init(&set, &A);
    cfg_init(&c, &lg, &set);
    c.doc_messages = 1;
    c.doctypes = "NAMES=skip,SCRIPT=text";
    s = hm_ovs_open(&c);
    assert_non_null(s);
    hm_ovs_source(s, &src);
    memset(&k, 0, sizeof k);
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_text(a.address.s, a.address.len, "PROFS:VMA(JDOE)");
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    /* NAMES skipped: 2 notes, the mail, the document message */
    assert_int_equal(k.n, 4);
    assert_int_equal(k.it[3].kind, HM_ITEM_MESSAGE);
    assert_text(k.it[3].folder.s, k.it[3].folder.n, "Documents");
    assert_text(k.it[3].subject.s, k.it[3].subject.n, "PLAN SCRIPT");
    assert_text(k.it[3].body.s, k.it[3].body.n, ".sp 1\nPlan text\n");
    assert_int_equal(k.it[3].natt, 1);
    assert_text(k.it[3].attname.s, k.it[3].attname.n, "PLAN.SCRIPT");
    assert_int_equal(k.it[3].attsize, k.it[3].attgot);
    assert_int_equal(k.it[3].attsize, 18);      /* the text, CR LF */
    hm_ovs_close(s);
    hm_set_free(&set);
    /* a bad --doc-types */
    c.doctypes = "SCRIPT=word";
    assert_null(hm_ovs_open(&c));
    assert_true(t_has(&tl, 531));
}

/* a DCA RFT document: a free document with the DCA stream (named
 * FN.FT.RFT: its type is not RFT) and its text FN.FT.TXT; a binary
 * file: the original alone */
static void test_rft_doc(void **state)
{
    static const unsigned char rft[] = {
        0x00, 0x05, 0xE1, 0x03, 0x00,               /* FUP */
        0x00, 0x0B, 0xE8, 0x07, 0x00,               /* BT: */
        0xC8, 0x85, 0x93, 0x93, 0x96, 0x15          /* Hello NL */
    };
    static const unsigned char bin[] = { 0x00, 0x01, 0xFE, 0xFF, 0x00 };
    hm_log lg;
    tlog tl;
    hm_settings set;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    hm_account a;
    static tsink k;
    mfile *f;
    unsigned char want[16];
    size_t n;
    (void)state;
    make_store(1);
    f = fs_add("S/JDOE/MEMO.DCA", 0);
    memcpy(f->data, rft, sizeof rft);
    f->n = sizeof rft;
    f = fs_add("S/JDOE/PROG.MODULE", 0);
    memcpy(f->data, bin, sizeof bin);
    f->n = sizeof bin;
    t_loginit(&lg, &tl);
    hm_set_init(&set, &A);
    cfg_init(&c, &lg, &set);
    s = hm_ovs_open(&c);
    assert_non_null(s);
    hm_ovs_source(s, &src);
    memset(&k, 0, sizeof k);
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    /* PAB, 2 notes, the mail, MEMO.DCA, PLAN.SCRIPT, PROG.MODULE */
    assert_int_equal(k.n, 7);
    assert_int_equal(k.it[4].kind, HM_ITEM_DOCUMENT);
    assert_text(k.it[4].subject.s, k.it[4].subject.n, "MEMO.DCA.RFT");
    assert_int_equal(k.it[4].natt, 2);
    assert_int_equal(k.it[4].attgot, sizeof rft);
    assert_memory_equal(k.it[4].att, rft, sizeof rft);
    assert_text(k.it[4].attname.s, k.it[4].attname.n, "MEMO.DCA.TXT");
    n = t_asc("Hello", want);
    want[n++] = 0x0D;
    want[n++] = 0x0A;
    assert_int_equal(k.it[4].body.n, n);
    assert_memory_equal(k.it[4].body.s, want, n);
    assert_text(k.it[6].subject.s, k.it[6].subject.n, "PROG.MODULE");
    assert_int_equal(k.it[6].natt, 1);
    assert_int_equal(k.it[6].attgot, sizeof bin);
    assert_memory_equal(k.it[6].att, bin, sizeof bin);
    assert_int_equal(hm_ovs_stat(s)->docs, 3);
    assert_int_equal(tl.nw + tl.ne, 0);
    hm_ovs_close(s);
    hm_set_free(&set);
}

/* damaged input: junk as a notebook, a NETDATA reader file cut short
 * (a warning; its note kept); the walker goes on */
static void test_damaged(void **state)
{
    hm_log lg;
    tlog tl;
    hm_settings set;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    hm_account a;
    static tsink k;
    mfile *f;
    size_t i;
    (void)state;
    make_store(1);
    f = &FS[2];         /* ALL.NOTEBOOK: binary junk in it */
    for (i = 100; i < 400; i++)
        f->data[i] = (unsigned char)(i * 37);
    f = &FS[6];         /* the NETDATA mail file, cut in "mail body" */
    {
        unsigned char mb[16];
        size_t nm = t_host(hm_cp_builtin(37), "mail body", mb);
        for (i = 0; i + nm <= f->n; i++)
            if (memcmp(f->data + i, mb, nm) == 0)
                break;
        assert_true(i + nm <= f->n);
        f->n = i + 4;
    }
    t_loginit(&lg, &tl);
    hm_set_init(&set, &A);
    cfg_init(&c, &lg, &set);
    s = hm_ovs_open(&c);
    assert_non_null(s);
    hm_ovs_source(s, &src);
    memset(&k, 0, sizeof k);
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    assert_true(k.n >= 3);
    assert_true(tl.nw > 0);
    assert_int_equal(tl.ne, 0);
    assert_true(t_has(&tl, 500));
    assert_true(t_has(&tl, 203));
    /* the cut mail file's note is kept: unread, in the Inbox */
    for (i = 0; i < (size_t)k.n; i++)
        if (k.it[i].kind == HM_ITEM_MESSAGE && k.it[i].unread)
            break;
    assert_true(i < (size_t)k.n);
    assert_int_equal(hm_ovs_stat(s)->cut, 1);
    assert_int_equal(hm_ovs_stat(s)->damaged, 0);
    hm_ovs_close(s);
    hm_set_free(&set);
}

/* a V notebook cut short inside its last record: warnings, every note
 * kept, the last one as far as it goes; a corrupt RDW in the middle
 * with notes after it: an error, the notes before it kept */
static void test_cut_v(void **state)
{
    hm_log lg;
    tlog tl;
    hm_settings set;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    hm_account a;
    static tsink k;
    mfile *f, *fm;
    (void)state;
    make_store(1);
    f = &FS[2];         /* ALL.NOTEBOOK as V records, cut */
    f->n = 0;
    fs_v(f, NOTEBOOK);
    f->n -= 2;          /* "second bo" */
    t_loginit(&lg, &tl);
    hm_set_init(&set, &A);
    cfg_init(&c, &lg, &set);
    s = hm_ovs_open(&c);
    assert_non_null(s);
    hm_ovs_source(s, &src);
    memset(&k, 0, sizeof k);
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    assert_int_equal(k.n, 5);
    assert_text(k.it[1].subject.s, k.it[1].subject.n, "Hello");
    assert_text(k.it[2].subject.s, k.it[2].subject.n, "Answer");
    assert_text(k.it[2].body.s, k.it[2].body.n, "second bo");
    assert_true(t_has(&tl, 155));
    assert_true(t_has(&tl, 505));
    assert_int_equal(tl.ne, 0);
    assert_int_equal(hm_ovs_stat(s)->cut, 1);
    hm_ovs_close(s);
    /* an RDW of length 2 after the first note's records, the second
     * note after it: read as V (the formats file) */
    f->n = 0;
    {
        static const char *const one[] = {
            "Date: 13 November 93, 22:52:42 CET", "From: ALF at VMB",
            "To: JDOE at VMA", "Subject: Hello", "", "first body line",
            0
        };
        fs_v(f, one);
        f->data[f->n++] = 0x00;
        f->data[f->n++] = 0x02;
        f->data[f->n++] = 0x00;
        f->data[f->n++] = 0x00;
        fs_v(f, NOTEBOOK + 6);
    }
    fm = fs_add("S/OVVMEXT.FORMATS", 0);
    strcpy((char *)fm->data, "JDOE/ALL.NOTEBOOK format=v\n");
    fm->n = strlen((char *)fm->data);
    t_loginit(&lg, &tl);
    s = hm_ovs_open(&c);
    assert_non_null(s);
    hm_ovs_source(s, &src);
    memset(&k, 0, sizeof k);
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    assert_int_equal(k.n, 4);
    assert_text(k.it[1].subject.s, k.it[1].subject.n, "Hello");
    assert_true(t_has(&tl, 150));
    assert_true(t_has(&tl, 540));
    assert_int_equal(hm_ovs_stat(s)->damaged, 1);
    assert_int_equal(hm_ovs_stat(s)->cut, 0);
    hm_ovs_close(s);
    hm_set_free(&set);
}

/* the store as a list (hosts without directory listings) */
static void test_list(void **state)
{
    hm_log lg;
    tlog tl;
    hm_settings set;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    hm_account a;
    static tsink k;
    mfile *f;
    (void)state;
    make_store(0);
    f = fs_add("L", 0);
    strcpy((char *)f->data,
           "* the store\n"
           "JDOE FILE ALL NOTEBOOK S/JDOE/ALL.NOTEBOOK\n"
           "JDOE RDR 0001 NETDATA S/JDOE/RDR/0001.NETDATA\n"
           "ADAM FILE PLAN SCRIPT S/JDOE/PLAN.SCRIPT\n"
           "BAD LINE\n");
    f->n = strlen((char *)f->data);
    t_loginit(&lg, &tl);
    hm_set_init(&set, &A);
    cfg_init(&c, &lg, &set);
    c.store = 0;
    c.list = "L";
    c.node = "VMX";
    s = hm_ovs_open(&c);
    assert_non_null(s);
    assert_true(t_has(&tl, 532));
    assert_int_equal(hm_ovs_accounts(s), 2);
    hm_ovs_source(s, &src);
    memset(&k, 0, sizeof k);
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_text(a.id.s, a.id.len, "ADAM");
    assert_text(a.address.s, a.address.len, "PROFS:VMX(ADAM)");
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    assert_int_equal(k.n, 1);
    assert_int_equal(src.next_account(src.ctx, &a), HM_PIPE_OK);
    assert_text(a.id.s, a.id.len, "JDOE");
    k.n = 0;
    assert_int_equal(src.items(src.ctx, &a, sink_emit, &k), HM_PIPE_OK);
    assert_int_equal(k.n, 3);
    hm_ovs_close(s);
    hm_set_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store),
        cmocka_unit_test(test_infer_free),
        cmocka_unit_test(test_rft_doc),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_cut_v),
        cmocka_unit_test(test_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
