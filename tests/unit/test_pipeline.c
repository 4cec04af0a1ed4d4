/* test_pipeline.c - pure tests of the extraction pipeline and the
 * settings: control file, accounts file and options (with the line
 * numbers of bad entries); filters and their reconciliation counts;
 * progress; runs interrupted between accounts, inside an account and
 * by a failing account, then resumed from the status file, giving a
 * set byte-identical to an uninterrupted run; partitions 1..3 of 3
 * combined into a set that the checker accepts with the counts of
 * the unpartitioned run. No files, no OS: the sets live in memory
 * (migmemfs.h); item text is made ASCII through the product's
 * hm_mf_tab, so the test runs unchanged in the EBCDIC and s390x
 * builds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "migmemfs.h"
#include "migfile.h"
#include "hm_pipeline.h"
#include "hm_cp.h"

/* ---- a log keeping every line ---- */

typedef struct tlog {
    hm_log lg;
    char lines[64][200];
    int ids[400];
    int n, nids;
} tlog;

static void tlog_fn(void *ctx, int sev, const char *line, size_t len)
{
    tlog *t = (tlog *)ctx;
    int id = 0, i;
    (void)sev;
    for (i = 3; i < 7 && (size_t)i < len; i++)
        id = id * 10 + (line[i] - '0');
    if (t->nids < 400)
        t->ids[t->nids++] = id;
    if (t->n < 64) {
        if (len > 199)
            len = 199;
        memcpy(t->lines[t->n], line, len);
        t->lines[t->n][len] = 0;
        t->n++;
    }
}

static void tlog_init(tlog *t)
{
    memset(t, 0, sizeof *t);
    hm_log_init(&t->lg, tlog_fn, t);
}

static int tlog_count(const tlog *t, int id)
{
    int i, c = 0;
    for (i = 0; i < t->nids; i++)
        c += t->ids[i] == id;
    return c;
}

/* a line with message id and containing text s */
static int tlog_has(const tlog *t, int id, const char *s)
{
    int i;
    char head[8];
    head[0] = 'H';
    head[1] = 'M';
    head[2] = 'G';
    head[3] = (char)('0' + id / 1000);
    head[4] = (char)('0' + id / 100 % 10);
    head[5] = (char)('0' + id / 10 % 10);
    head[6] = (char)('0' + id % 10);
    head[7] = 0;
    for (i = 0; i < t->n; i++)
        if (strncmp(t->lines[i], head, 7) == 0
            && (!s || strstr(t->lines[i], s)))
            return 1;
    return 0;
}

/* ---- ASCII text from literals, through the product's table ---- */

static hm_mf_tab tab;
static unsigned char pool[65536];
static size_t pooln;

static hm_text A(const char *s)
{
    hm_text t;
    size_t n = strlen(s);
    assert_true(pooln + n <= sizeof pool);
    hm_mf_asc(&tab, s, pool + pooln, n);
    t.s = pool + pooln;
    t.len = n;
    pooln += n;
    return t;
}

/* s with a two-digit number appended, as ASCII */
static hm_text An(const char *s, int v)
{
    char b[64];
    size_t n = strlen(s);
    memcpy(b, s, n);
    b[n] = "0123456789"[v / 10 % 10];
    b[n + 1] = "0123456789"[v % 10];
    b[n + 2] = 0;
    return A(b);
}

static hm_time T(unsigned y, unsigned mo, unsigned d, unsigned h)
{
    hm_time t;
    assert_int_equal(hm_time_set(&t, y, mo, d, h, 0, 0), 0);
    return t;
}

/* ---- the test source ---- */

#define NUSERS 6
#define NACCT (NUSERS + 1)      /* the last one is the public account */

typedef struct tsrc {
    int pos;                    /* accounts handed out */
    int stop_at;                /* next_account: STOP at this position */
    long stop_after;            /* STOP after so many items; <0: no */
    long emitted;
    int fail_at;                /* items(): FAIL at this position, once */
    int swap;                   /* positions 2 and 3 swapped */
} tsrc;

static int ts_user(const tsrc *s, int pos)
{
    if (s->swap && pos == 2)
        return 3;
    if (s->swap && pos == 3)
        return 2;
    return pos;
}

static int ts_next(void *ctx, hm_account *a)
{
    tsrc *s = (tsrc *)ctx;
    int u;
    pooln = 0;
    if (s->pos == NACCT)
        return HM_PIPE_END;
    if (s->stop_at && s->pos + 1 == s->stop_at) {
        s->stop_at = 0;
        return HM_PIPE_STOP;
    }
    s->pos++;
    u = ts_user(s, s->pos);
    memset(a, 0, sizeof *a);
    if (s->pos == NACCT) {
        a->id = A("PUBLIC");
        a->address = A("PROFS:NODE(PUBLIC)");
        a->display_name = A("Public folders");
        a->public = 1;
    } else {
        a->id = An("USER", u);
        a->address = An("PROFS:NODE(USER", u);
        a->display_name = An("User ", u);
    }
    return HM_PIPE_OK;
}

#define EMIT(it)                                                    \
    do {                                                            \
        int rc_;                                                    \
        if (s->stop_after >= 0 && s->emitted >= s->stop_after)      \
            return HM_PIPE_STOP;                                    \
        s->emitted++;                                               \
        rc_ = emit(ectx, (it));                                     \
        if (rc_ != HM_PIPE_OK)                                      \
            return rc_;                                             \
    } while (0)

static int ts_items(void *ctx, const hm_account *acct, hm_pipe_emit emit,
                    void *ectx)
{
    tsrc *s = (tsrc *)ctx;
    int u = ts_user(s, s->pos), k;
    size_t mark = pooln;
    hm_item it;
    hm_addr to;
    hm_data body;
    hm_attach att;
    hm_recur rec;
    (void)acct;
    if (s->fail_at == s->pos) {
        s->fail_at = 0;
        return HM_PIPE_FAIL;
    }
    if (acct->public) {
        static const unsigned mon[3] = { 1, 3, 7 };
        for (k = 0; k < 3; k++) {
            pooln = mark;
            memset(&it, 0, sizeof it);
            it.kind = HM_ITEM_MESSAGE;
            it.u.msg.sender.name = A("Board");
            it.u.msg.subject = An("Bulletin ", k);
            it.u.msg.sent = T(2001, mon[k], 5, 8);
            it.u.msg.received = it.u.msg.sent;
            memset(&body, 0, sizeof body);
            {
                hm_text b = A("A public note.\nSecond line.\n");
                body.p = b.s;
                body.size = b.len;
            }
            it.u.msg.body = &body;
            it.u.msg.nbody = 1;
            EMIT(&it);
        }
        return HM_PIPE_OK;
    }
    /* 4 messages: months 1..4, day u; odd ones with an attachment */
    for (k = 0; k < 4; k++) {
        hm_text b;
        pooln = mark;
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_MESSAGE;
        it.u.msg.sender.name = A("Pat Parkes");
        it.u.msg.sender.addr = A("PROFS:NODE(PAT)");
        to.name = An("User ", u);
        to.addr = An("PROFS:NODE(USER", u);
        it.u.msg.to = &to;
        it.u.msg.nto = 1;
        it.u.msg.subject = An("Message ", k);
        it.u.msg.sent = T(2001, (unsigned)k + 1, (unsigned)u, 10);
        it.u.msg.received = it.u.msg.sent;
        b = A("Hello,\nthis is a test message with some text in it, "
              "long enough to fill a secondary file quickly.\n"
              "Regards\nPat\n");
        memset(&body, 0, sizeof body);
        body.p = b.s;
        body.size = b.len;
        it.u.msg.body = &body;
        it.u.msg.nbody = 1;
        if (k % 2) {
            hm_text d = A("attachment data 0123456789\n");
            memset(&att, 0, sizeof att);
            att.name = An("ATT", k);
            att.data.p = d.s;
            att.data.size = d.len;
            att.position = -1;
            it.u.msg.att = &att;
            it.u.msg.natt = 1;
        }
        EMIT(&it);
    }
    /* a document, June */
    {
        hm_text d;
        pooln = mark;
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_DOCUMENT;
        it.u.doc.name = A("REPORT.TXT");
        it.u.doc.author.name = An("User ", u);
        it.u.doc.date = T(2001, 6, (unsigned)u, 9);
        d = A("A document.\n");
        it.u.doc.data.p = d.s;
        it.u.doc.data.size = d.len;
        EMIT(&it);
    }
    /* PAB: 2 entries and a list */
    for (k = 0; k < 3; k++) {
        static hm_text mem[2];
        pooln = mark;
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_PAB;
        if (k < 2) {
            it.u.pab.f[HM_PAB_DISPLAY] = An("Friend ", k);
            it.u.pab.f[HM_PAB_EMAIL] = An("SMTP:friend@x", k);
        } else {
            it.u.pab.is_dl = 1;
            it.u.pab.f[HM_PAB_DISPLAY] = A("Friends");
            mem[0] = A("Friend 00");
            mem[1] = A("Friend 01");
            it.u.pab.members = mem;
            it.u.pab.nmembers = 2;
        }
        EMIT(&it);
    }
    /* calendar: one appointment in February, one weekly series from
     * January to March */
    pooln = mark;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_CAL;
    it.u.cal.kind = HM_CAL_APPT;
    it.u.cal.text = A("Meeting");
    it.u.cal.start = T(2001, 2, (unsigned)u, 9);
    it.u.cal.end = T(2001, 2, (unsigned)u, 10);
    it.u.cal.busy = 1;
    EMIT(&it);
    memset(&it, 0, sizeof it);
    memset(&rec, 0, sizeof rec);
    it.kind = HM_ITEM_CAL;
    it.u.cal.kind = HM_CAL_APPT;
    it.u.cal.text = A("Weekly");
    it.u.cal.start = T(2001, 1, 1, 9);
    it.u.cal.end = T(2001, 1, 1, 10);
    rec.type = HM_REC_WEEKLY;
    rec.interval = 1;
    rec.dow_mask = 2;
    rec.first = T(2001, 1, 1, 0);
    rec.last = T(2001, 3, 31, 0);
    it.u.cal.recur = &rec;
    EMIT(&it);
    return HM_PIPE_OK;
}

static int ts_dir(void *ctx, int mode, hm_pipe_emit emit, void *ectx)
{
    tsrc *s = (tsrc *)ctx;
    hm_item it;
    hm_text mem[NUSERS];
    int u;
    (void)mode;
    pooln = 0;
    for (u = 1; u <= NUSERS; u++) {
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_DIROBJ;
        it.u.dir.cls = HM_DIR_MAILBOX;
        it.u.dir.common_name = An("USER", u);
        it.u.dir.display_name = An("User ", u);
        it.u.dir.source_addr = An("PROFS:NODE(USER", u);
        EMIT(&it);
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_DIROBJ;
        it.u.dir.cls = HM_DIR_REMOTE;
        it.u.dir.common_name = An("EXT", u);
        it.u.dir.display_name = An("External ", u);
        it.u.dir.target_addr = An("SMTP:ext@example.com", u);
        EMIT(&it);
        mem[u - 1] = An("USER", u);
    }
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_DIROBJ;
    it.u.dir.cls = HM_DIR_DL;
    it.u.dir.common_name = A("ALLUSERS");
    it.u.dir.display_name = A("All users");
    it.u.dir.members = mem;
    it.u.dir.nmembers = NUSERS;
    EMIT(&it);
    return HM_PIPE_OK;
}

static void ts_init(tsrc *s, hm_pipe_src *src)
{
    memset(s, 0, sizeof *s);
    s->stop_after = -1;
    src->next_account = ts_next;
    src->items = ts_items;
    src->directory = ts_dir;
    src->ctx = s;
}

/* ---- the status file in memory ---- */

typedef struct tstat {
    unsigned char buf[65536];
    size_t n;
    hm_memsrc src;
    int fail;                   /* append fails */
} tstat;

static int tst_append(void *ctx, const unsigned char *l, size_t n)
{
    tstat *t = (tstat *)ctx;
    if (t->fail || t->n + n > sizeof t->buf)
        return -1;
    memcpy(t->buf + t->n, l, n);
    t->n += n;
    return 0;
}

static void tst_cfg(tstat *t, hm_pipe_status *st)
{
    memset(st, 0, sizeof *st);
    hm_memsrc_init(&t->src, t->buf, t->n);
    t->src.chunk = 37;
    st->name = "STATUS";
    st->read = hm_memsrc_read;
    st->rctx = &t->src;
    st->append = tst_append;
    st->actx = t;
}

/* ---- running ---- */

static void set_default(hm_settings *s)
{
    hm_set_init(s, mfs_alloc());
    s->sec_limit = 400;         /* below the settings minimum: a SEC
                                 * per message */
}

static int run(mfs *m, hm_settings *s, tsrc *ts, tstat *st, tlog *lg,
               const hm_pipe_ui *ui, const hm_time *now,
               hm_pipe_result *res)
{
    hm_pipe_src src;
    hm_pipe_sink sink;
    hm_pipe_mwsink mw;
    hm_pipe_status stc;
    hm_mw_files fs;
    hm_pipe_cfg cfg;
    tsrc keep = *ts;
    src.next_account = ts_next;
    src.items = ts_items;
    src.directory = ts_dir;
    src.ctx = ts;
    ts->pos = 0;
    ts->emitted = 0;
    (void)keep;
    mfs_files(m, &fs);
    hm_pipe_mwsink_init(&sink, &mw, mfs_alloc(), 0, &lg->lg);
    memset(&cfg, 0, sizeof cfg);
    cfg.al = mfs_alloc();
    cfg.log = &lg->lg;
    cfg.set = s;
    cfg.src = &src;
    cfg.sink = &sink;
    cfg.files = &fs;
    if (st) {
        tst_cfg(st, &stc);
        cfg.status = &stc;
    }
    cfg.ui = ui;
    if (now)
        cfg.now = *now;
    return hm_pipe_run(&cfg, res);
}

/* every kept file of a equals the one of b, and the other way */
static void same_sets(mfs *a, mfs *b, const char *skip)
{
    int i, na = 0, nb = 0;
    for (i = 0; i < a->n; i++) {
        mfs_file *f = &a->f[i], *g;
        if (!f->kept || (skip && strcmp(f->name, skip) == 0))
            continue;
        na++;
        g = mfs_find(b, f->name);
        if (!g)
            fail_msg("file %s missing", f->name);
        assert_int_equal(f->len, g->len);
        assert_memory_equal(f->data, g->data, f->len);
    }
    for (i = 0; i < b->n; i++)
        if (b->f[i].kept && !(skip && strcmp(b->f[i].name, skip) == 0))
            nb++;
    assert_int_equal(na, nb);
}

static int nkept(const mfs *m)
{
    int i, n = 0;
    for (i = 0; i < m->n; i++)
        n += m->f[i].kept;
    return n;
}

static void check_set(mfs *m, const char *pkl, hm_mr_counts *c)
{
    hm_mr_set set;
    tlog lg;
    int rc;
    tlog_init(&lg);
    mfs_set(m, &set);
    rc = hm_mr_check(mfs_alloc(), &set, pkl, &lg.lg, 0, 0, c);
    if (rc != 0)
        fail_msg("checker rc %d: %s", rc, lg.n ? lg.lines[0] : "");
    assert_int_equal(c->errors, 0);
}

static hm_time NOW;

static int setup(void **state)
{
    (void)state;
    hm_mf_tables(&tab);
    NOW = T(2024, 1, 2, 12);
    return 0;
}

/* ---------------------------------------------------------------- */
/* settings */

static void test_control_file(void **state)
{
    hm_settings s;
    tlog lg;
    static const char ctl[] =
        "* a comment\n"
        "Accounts,USERS LIST A\n"
        "  file , migr01.pkl\n"
        "Mailbox,FALSE\r\n"
        "Remote,true\n"
        "\n"
        "Email,TRUE\n"
        "Public,FALSE\n"
        "PAB,no\n"
        "Schedule,YES\n"
        "EmailStart,20010201000000\n"
        "EmailEnd,\"20010331\"\n"
        "SchedStart,19990101000000\n"
        "SchedEnd,20201231235959\n"
        "LogLevel,Verbose\n"
        "Status,MIGSTAT DATA A\n"
        "Report,rep.csv\n"
        "Partition,2/3\n"
        "SecLimit,2M\n"
        "CodePage,1252";
    (void)state;
    tlog_init(&lg);
    hm_set_init(&s, mfs_alloc());
    assert_int_equal(hm_set_control(&s, "CTL", ctl, strlen(ctl), &lg.lg),
                     0);
    assert_int_equal(hm_set_check(&s, &lg.lg), 0);
    assert_int_equal(lg.n, 0);
    assert_string_equal(s.accounts, "USERS LIST A");
    assert_string_equal(s.file, "MIGR01.PKL");
    assert_int_equal(s.mailbox, 0);
    assert_int_equal(s.remote, 1);
    assert_int_equal(s.email, 1);
    assert_int_equal(s.pub, 0);
    assert_int_equal(s.pab, 0);
    assert_int_equal(s.schedule, 1);
    assert_memory_equal(s.email_start.d, T(2001, 2, 1, 0).d, 14);
    {
        hm_time e;
        assert_int_equal(hm_time_set(&e, 2001, 3, 31, 23, 59, 59), 0);
        assert_memory_equal(s.email_end.d, e.d, 14);
    }
    assert_int_equal(s.verbose, 1);
    assert_string_equal(s.status, "MIGSTAT DATA A");
    assert_string_equal(s.report, "REP.CSV");
    assert_int_equal(s.part_k, 2);
    assert_int_equal(s.part_n, 3);
    assert_int_equal(s.sec_limit, 2097152ul);
    assert_int_equal(s.codepage, 1252);
    hm_set_free(&s);
}

static void test_control_errors(void **state)
{
    hm_settings s;
    tlog lg;
    static const char ctl[] =
        "Accounts,USERS\n"          /* 1 */
        "Frobnicate,TRUE\n"         /* 2: unknown keyword (W) */
        "EmailStart,2001\n"         /* 3: bad date */
        "no comma here\n"           /* 4: not keyword,value */
        "Mailbox,MAYBE\n"           /* 5: bad boolean */
        "SchedStart,20010101000000\n" /* 6: no SchedEnd */
        "Partition,4/3\n"           /* 7: K > N */
        "File,LONGNAME12.PKL\n"     /* 8: not 8.3 */
        "File,GOOD.PKL\n"           /* 9 */
        "File,OTHER.PKL\n"          /* 10: again (W) */
        "CodePage,437\n"            /* 11 */
        "SecLimit,12\n";            /* 12: too small */
    (void)state;
    tlog_init(&lg);
    hm_set_init(&s, mfs_alloc());
    assert_int_equal(hm_set_control(&s, "CTL", ctl, strlen(ctl), &lg.lg),
                     -1);
    assert_true(tlog_has(&lg, 310, "CTL line 2:"));
    assert_true(tlog_has(&lg, 310, "Frobnicate"));
    assert_true(tlog_has(&lg, 311, "CTL line 3: value 2001"));
    assert_true(tlog_has(&lg, 312, "CTL line 4:"));
    assert_true(tlog_has(&lg, 311, "CTL line 5: value MAYBE"));
    assert_true(tlog_has(&lg, 311, "CTL line 7:"));
    assert_true(tlog_has(&lg, 311, "CTL line 8:"));
    assert_true(tlog_has(&lg, 316, "CTL line 10: File"));
    assert_true(tlog_has(&lg, 311, "CTL line 11:"));
    assert_true(tlog_has(&lg, 311, "CTL line 12:"));
    assert_string_equal(s.file, "OTHER.PKL");
    assert_int_equal(s.mailbox, 1);     /* bad value: unchanged */
    assert_int_equal(hm_set_check(&s, &lg.lg), -1);
    assert_true(tlog_has(&lg, 313, "CTL line 6: SchedStart"));
    assert_int_equal(s.errors, 8);
    hm_set_free(&s);

    /* start after end; Mailbox and Remote both TRUE */
    tlog_init(&lg);
    hm_set_init(&s, mfs_alloc());
    {
        static const char c2[] = "EmailStart,20020101\n"
            "EmailEnd,20010101\nMailbox,TRUE\nRemote,TRUE\n";
        assert_int_equal(hm_set_control(&s, "C2", c2, strlen(c2),
                                        &lg.lg), 0);
    }
    assert_int_equal(hm_set_check(&s, &lg.lg), -1);
    assert_true(tlog_has(&lg, 314, "EmailStart (20020101000000)"));
    assert_true(tlog_has(&lg, 315, "C2 line 4"));
    hm_set_free(&s);

    /* Remote alone turns Mailbox off */
    tlog_init(&lg);
    hm_set_init(&s, mfs_alloc());
    assert_int_equal(hm_set_control(&s, "C3", "Remote,TRUE", 11,
                                    &lg.lg), 0);
    assert_int_equal(hm_set_check(&s, &lg.lg), 0);
    assert_int_equal(s.mailbox, 0);
    hm_set_free(&s);
}

static void test_options(void **state)
{
    hm_settings s;
    tlog lg;
    char *argv[] = { "prog", "--since", "20010115", "--until", "20010220",
                     "--partition", "2/3", "--no-pab", "--sec-limit",
                     "64K", "--codepage", "850", "--report", "r1.csv",
                     "--status", "ST", "--public", "FALSE", "--control",
                     "CTL FILE", "X", "--accounts" };
    int argc = (int)(sizeof argv / sizeof argv[0]), i, rc;
    int files = 0;
    (void)state;
    tlog_init(&lg);
    hm_set_init(&s, mfs_alloc());
    for (i = 1; i < argc; i++) {
        rc = hm_set_option(&s, argc, argv, &i, &lg.lg);
        if (rc == 0)
            files++;
        if (i == argc - 1)
            assert_int_equal(rc, -1);       /* --accounts: no value */
        else
            assert_true(rc >= 0);
    }
    assert_int_equal(files, 1);
    assert_true(tlog_has(&lg, 21, "--accounts"));
    assert_memory_equal(s.email_start.d, T(2001, 1, 15, 0).d, 14);
    assert_memory_equal(s.sched_start.d, T(2001, 1, 15, 0).d, 14);
    assert_memory_equal(s.sched_end.d + 8, s.email_end.d + 8, 6);
    assert_int_equal(s.part_k, 2);
    assert_int_equal(s.pab, 0);
    assert_int_equal(s.sec_limit, 65536ul);
    assert_int_equal(s.codepage, 850);
    assert_string_equal(s.report, "R1.CSV");
    assert_string_equal(s.status, "ST");
    assert_string_equal(s.control, "CTL FILE");
    assert_int_equal(s.pub, 0);
    /* an option wins over the control file, in either order */
    {
        static const char c[] = "Partition,1/1\nPAB,TRUE\nEmail,FALSE\n"
            "SchedStart,20000101000000\nSchedEnd,20000201000000\n";
        assert_int_equal(hm_set_control(&s, "C", c, strlen(c), &lg.lg),
                         0);
    }
    assert_int_equal(s.part_k, 2);
    assert_int_equal(s.pab, 0);
    assert_int_equal(s.email, 0);
    assert_memory_equal(s.sched_start.d, T(2001, 1, 15, 0).d, 14);
    /* bad values */
    {
        char *bad[] = { "p", "--partition", "0/3", "--codepage", "437",
                        "--since", "2001-01-01", "--email", "MAYBE" };
        int n = (int)(sizeof bad / sizeof bad[0]), k = 0;
        tlog_init(&lg);
        for (i = 1; i < n; i++) {
            assert_int_equal(hm_set_option(&s, n, bad, &i, &lg.lg), -1);
            k++;
        }
        assert_int_equal(k, 4);
        assert_int_equal(tlog_count(&lg, 22), 4);
        assert_true(tlog_has(&lg, 22, "0/3"));
    }
    /* the table */
    {
        const hm_set_optdesc *o = hm_set_optlist();
        int n = 0;
        for (; o->name; o++)
            n++;
        assert_true(n > 20);
    }
    hm_set_free(&s);
}

static void test_accounts_file(void **state)
{
    hm_settings s;
    tlog lg;
    static const char acc[] =
        "! comment\n"
        "user01 first user\n"       /* 2 */
        "USER03\n"                  /* 3 */
        "\n"
        "SALES*\n"                  /* 5 */
        "bad,id\n"                  /* 6 */
        "User01\n"                  /* 7: again */
        "* another comment\n"
        "   USER05   \n";           /* 9 */
    hm_text t;
    (void)state;
    tlog_init(&lg);
    hm_set_init(&s, mfs_alloc());
    assert_int_equal(hm_set_accounts(&s, "ACCTS", acc, strlen(acc),
                                     &lg.lg), -1);
    assert_true(tlog_has(&lg, 317, "ACCTS line 6: bad,id"));
    assert_true(tlog_has(&lg, 318, "ACCTS line 7: account User01"));
    assert_true(tlog_has(&lg, 318, "line 2)"));
    assert_int_equal(s.nacct, 4);
    pooln = 0;
    t = A("USER01");
    assert_int_equal(hm_set_selected(&s, t.s, t.len), 1);
    t = A("user03");
    assert_int_equal(hm_set_selected(&s, t.s, t.len), 1);
    t = A("USER02");
    assert_int_equal(hm_set_selected(&s, t.s, t.len), 0);
    t = A("SALES12");
    assert_int_equal(hm_set_selected(&s, t.s, t.len), 1);
    t = A("SALE");
    assert_int_equal(hm_set_selected(&s, t.s, t.len), 0);
    assert_int_equal(s.acct[3].seen, 0);        /* USER05 */
    assert_int_equal(s.acct[2].seen, 1);        /* SALES* */
    hm_set_free(&s);
    /* an empty list is an error */
    tlog_init(&lg);
    hm_set_init(&s, mfs_alloc());
    assert_int_equal(hm_set_accounts(&s, "EMPTY", "* none\n", 7, &lg.lg),
                     0);
    assert_int_equal(hm_set_check(&s, &lg.lg), -1);
    assert_true(tlog_has(&lg, 319, "EMPTY"));
    hm_set_free(&s);
}

/* ---------------------------------------------------------------- */
/* filters and reconciliation */

static void test_filters(void **state)
{
    mfs m;
    hm_settings s;
    tsrc ts;
    tlog lg;
    hm_pipe_result res;
    hm_pipe_src dummy;
    hm_mr_counts c;
    static const char ctl[] = "EmailStart,20010201000000\n"
        "EmailEnd,20010331235959\nPAB,FALSE\n"
        "SchedStart,20010201000000\nSchedEnd,20010228235959\n";
    (void)state;
    memset(&m, 0, sizeof m);
    tlog_init(&lg);
    set_default(&s);
    assert_int_equal(hm_set_control(&s, "CTL", ctl, strlen(ctl), &lg.lg),
                     0);
    assert_int_equal(hm_set_accounts(&s, "ACC", "USER02\nUSER05\nNOBODY\n",
                                     21, &lg.lg), 0);
    assert_int_equal(hm_set_check(&s, &lg.lg), 0);
    ts_init(&ts, &dummy);
    assert_int_equal(run(&m, &s, &ts, 0, &lg, 0, &NOW, &res), 0);
    assert_int_equal(res.complete, 1);
    assert_int_equal(res.accounts, 3);          /* 2, 5 and PUBLIC */
    assert_true(tlog_has(&lg, 478, "ACC line 3: account NOBODY"));
    /* messages: Feb and Mar kept, Jan and Apr skipped */
    assert_int_equal(res.total.found[HM_PC_MSG], 8);
    assert_int_equal(res.total.written[HM_PC_MSG], 4);
    assert_int_equal(res.total.skipped[HM_PC_MSG], 4);
    assert_int_equal(res.total.failed[HM_PC_MSG], 0);
    assert_int_equal(res.total.found[HM_PC_ATT], 4);
    assert_int_equal(res.total.written[HM_PC_ATT], 2);
    assert_int_equal(res.total.skipped[HM_PC_ATT], 2);
    assert_int_equal(res.total.found[HM_PC_DOC], 2);
    assert_int_equal(res.total.skipped[HM_PC_DOC], 2);
    assert_int_equal(res.total.found[HM_PC_PAB], 4);
    assert_int_equal(res.total.skipped[HM_PC_PAB], 4);
    assert_int_equal(res.total.found[HM_PC_PDL], 2);
    assert_int_equal(res.total.skipped[HM_PC_PDL], 2);
    assert_int_equal(res.total.found[HM_PC_CAL], 4);
    assert_int_equal(res.total.written[HM_PC_CAL], 4);
    assert_int_equal(res.total.found[HM_PC_PUB], 3);
    assert_int_equal(res.total.written[HM_PC_PUB], 1);
    assert_int_equal(res.total.skipped[HM_PC_PUB], 2);
    assert_int_equal(res.total.found[HM_PC_DIR], 13);
    assert_int_equal(res.total.written[HM_PC_DIR], 13);
    assert_int_equal(tlog_count(&lg, 475), HM_PC_N);
    assert_true(tlog_has(&lg, 475, "Messages: 8 found, 4 written, 4 "
                         "skipped, 0 failed"));
    /* the set agrees */
    check_set(&m, "MIGRATE.PKL", &c);
    assert_int_equal(c.messages, 4);
    assert_int_equal(c.public_messages, 1);
    assert_int_equal(c.pab_entries + c.pab_dls, 0);
    assert_int_equal(c.documents, 0);
    assert_int_equal(c.dir_mailboxes, 6);
    assert_int_equal(c.dir_remotes, 6);
    assert_int_equal(c.dir_dls, 1);
    assert_int_equal(c.sched_items, 4);
    /* files of unselected accounts do not exist; names follow the
     * position in the source */
    assert_non_null(mfs_find(&m, "USE00200.PRI"));
    assert_non_null(mfs_find(&m, "USE00500.PRI"));
    assert_non_null(mfs_find(&m, "PUB00700.PRI"));
    assert_null(mfs_find(&m, "USE00100.PRI"));
    assert_non_null(mfs_find(&m, "MIGRATE.CSV"));
    hm_set_free(&s);
    mfs_free(&m);

    /* Remote, no Email, no Public, no Schedule */
    memset(&m, 0, sizeof m);
    tlog_init(&lg);
    set_default(&s);
    {
        static const char c2[] = "Remote,TRUE\nEmail,FALSE\n"
            "Public,FALSE\nSchedule,FALSE\n";
        assert_int_equal(hm_set_control(&s, "C2", c2, strlen(c2),
                                        &lg.lg), 0);
    }
    assert_int_equal(hm_set_check(&s, &lg.lg), 0);
    ts_init(&ts, &dummy);
    assert_int_equal(run(&m, &s, &ts, 0, &lg, 0, &NOW, &res), 0);
    assert_int_equal(res.accounts, NUSERS);
    assert_int_equal(res.total.found[HM_PC_PUB], 0);
    assert_int_equal(res.total.skipped[HM_PC_MSG], 4 * NUSERS);
    assert_int_equal(res.total.skipped[HM_PC_DOC], NUSERS);
    assert_int_equal(res.total.skipped[HM_PC_CAL], 2 * NUSERS);
    assert_int_equal(res.total.written[HM_PC_PAB], 2 * NUSERS);
    assert_int_equal(res.total.written[HM_PC_PDL], NUSERS);
    assert_int_equal(res.total.skipped[HM_PC_DIR], NUSERS);
    assert_int_equal(res.total.written[HM_PC_DIR], NUSERS + 1);
    check_set(&m, "MIGRATE.PKL", &c);
    assert_int_equal(c.dir_mailboxes, 0);
    assert_int_equal(c.pab_entries, 2 * NUSERS);
    hm_set_free(&s);
    mfs_free(&m);
}

/* a directory object among an account's items: found, failed */
static int ts_items_bad(void *ctx, const hm_account *acct,
                        hm_pipe_emit emit, void *ectx)
{
    hm_item it;
    (void)ctx;
    (void)acct;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_DIROBJ;
    it.u.dir.cls = HM_DIR_MAILBOX;
    if (emit(ectx, &it) != HM_PIPE_OK)
        return HM_PIPE_STOP;
    it.kind = 99;
    return emit(ectx, &it);
}

static void test_bad_items(void **state)
{
    mfs m;
    hm_settings s;
    tsrc ts;
    tlog lg;
    hm_pipe_result res;
    hm_pipe_src src;
    hm_pipe_sink sink;
    hm_pipe_mwsink mw;
    hm_mw_files fs;
    hm_pipe_cfg cfg;
    (void)state;
    memset(&m, 0, sizeof m);
    tlog_init(&lg);
    set_default(&s);
    s.mailbox = 0;
    ts_init(&ts, &src);
    src.items = ts_items_bad;
    mfs_files(&m, &fs);
    hm_pipe_mwsink_init(&sink, &mw, mfs_alloc(), 0, &lg.lg);
    memset(&cfg, 0, sizeof cfg);
    cfg.al = mfs_alloc();
    cfg.log = &lg.lg;
    cfg.set = &s;
    cfg.src = &src;
    cfg.sink = &sink;
    cfg.files = &fs;
    assert_int_equal(hm_pipe_run(&cfg, &res), 0);
    assert_int_equal(res.total.found[HM_PC_DIR], NACCT);
    assert_int_equal(res.total.failed[HM_PC_DIR], NACCT);
    assert_int_equal(tlog_count(&lg, 483), 2 * NACCT);
    assert_int_equal(tlog_count(&lg, 472), NACCT);  /* W: failures */
    /* no item written: no account file, the PKL lists nothing */
    assert_null(mfs_find(&m, "USE00100.PRI"));
    assert_non_null(mfs_find(&m, "MIGRATE.PKL"));
    hm_set_free(&s);
    mfs_free(&m);
}

/* ---------------------------------------------------------------- */
/* progress */

typedef struct tprog {
    unsigned long items[512], bytes[512];
    int n;
    unsigned long clock;
} tprog;

static void tp_live(void *ctx, const hm_pipe_progress *p,
                    const char *line, size_t len)
{
    tprog *t = (tprog *)ctx;
    (void)line;
    assert_true(len > 0);
    if (t->n < 512) {
        t->items[t->n] = p->items;
        t->bytes[t->n] = p->bytes;
        t->n++;
    }
}

static unsigned long tp_clock(void *ctx)
{
    tprog *t = (tprog *)ctx;
    t->clock += 100;            /* 100 ms per call */
    return t->clock;
}

static void test_progress(void **state)
{
    mfs m;
    hm_settings s;
    tsrc ts;
    tlog lg;
    hm_pipe_result res;
    hm_pipe_src dummy;
    hm_pipe_ui ui;
    tprog tp;
    int i;
    unsigned long total;
    (void)state;
    memset(&m, 0, sizeof m);
    memset(&tp, 0, sizeof tp);
    tlog_init(&lg);
    set_default(&s);
    ts_init(&ts, &dummy);
    memset(&ui, 0, sizeof ui);
    ui.live = tp_live;
    ui.ctx = &tp;
    assert_int_equal(run(&m, &s, &ts, 0, &lg, &ui, &NOW, &res), 0);
    total = 13 + NUSERS * 10 + 3;
    assert_true(tp.n >= (int)total);
    for (i = 1; i < tp.n; i++) {
        assert_true(tp.items[i] >= tp.items[i - 1]);
        assert_true(tp.bytes[i] >= tp.bytes[i - 1]);
    }
    assert_int_equal(tp.items[tp.n - 1], total);
    assert_true(tp.bytes[tp.n - 1] > 1000);
    assert_true(tp.items[0] == 1);
    mfs_free(&m);

    /* batch: a message every 7 items (no clock) */
    memset(&m, 0, sizeof m);
    tlog_init(&lg);
    memset(&ui, 0, sizeof ui);
    ui.every_items = 7;
    assert_int_equal(run(&m, &s, &ts, 0, &lg, &ui, &NOW, &res), 0);
    assert_int_equal(tlog_count(&lg, 30), (int)(total / 7));
    mfs_free(&m);

    /* live with a clock: at most one line per 250 ms, plus one at the
     * end of each account */
    memset(&m, 0, sizeof m);
    memset(&tp, 0, sizeof tp);
    tlog_init(&lg);
    memset(&ui, 0, sizeof ui);
    ui.live = tp_live;
    ui.clock_ms = tp_clock;
    ui.ctx = &tp;
    assert_int_equal(run(&m, &s, &ts, 0, &lg, &ui, &NOW, &res), 0);
    assert_true(tp.n < (int)total);
    assert_true(tp.n > (int)(total / 3) - 1);
    assert_int_equal(tp.items[tp.n - 1], total);
    hm_set_free(&s);
    mfs_free(&m);
}

/* ---------------------------------------------------------------- */
/* interruption and resume */

static void reference(mfs *ref, hm_settings *s)
{
    tsrc ts;
    hm_pipe_src dummy;
    tlog lg;
    hm_pipe_result res;
    tstat *st = calloc(1, sizeof *st);
    memset(ref, 0, sizeof *ref);
    tlog_init(&lg);
    ts_init(&ts, &dummy);
    assert_int_equal(run(ref, s, &ts, st, &lg, 0, &NOW, &res), 0);
    assert_int_equal(res.complete, 1);
    free(st);
}

/* after an interruption, every file under its final name belongs to
 * an account that the status file records as done: the files of the
 * interrupted account were never committed */
static void held_back(mfs *m, const tstat *st)
{
    int i;
    for (i = 0; i < m->n; i++) {
        unsigned char a[32];
        size_t n = strlen(m->f[i].name), j;
        int found = 0;
        if (!m->f[i].kept || strstr(m->f[i].name, ".CSV"))
            continue;
        hm_mf_asc(&tab, m->f[i].name, a, n);
        for (j = 0; j + n <= st->n && !found; j++)
            found = memcmp(st->buf + j, a, n) == 0;
        if (!found)
            fail_msg("%s committed but not in the status file",
                     m->f[i].name);
    }
}

static void test_resume_inside_account(void **state)
{
    mfs ref, m;
    hm_settings s;
    tsrc ts;
    hm_pipe_src dummy;
    tlog lg;
    hm_pipe_result res;
    tstat *st = calloc(1, sizeof *st);
    hm_time later = T(2030, 5, 5, 5);
    long k;
    (void)state;
    set_default(&s);
    reference(&ref, &s);
    assert_true(nkept(&ref) > 2 * NACCT + 2);   /* SEC rotation */
    /* stop at several points: inside the directory, inside accounts */
    for (k = 5; k < 13 + 6 * 10 + 3; k += 17) {
        memset(&m, 0, sizeof m);
        memset(st, 0, sizeof *st);
        tlog_init(&lg);
        ts_init(&ts, &dummy);
        ts.stop_after = k;
        assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
        assert_int_equal(res.stopped, 1);
        assert_true(tlog_has(&lg, 474, 0));
        assert_null(mfs_find(&m, "MIGRATE.PKL"));
        held_back(&m, st);
        /* rerun with another date: the status file keeps the first */
        tlog_init(&lg);
        ts.stop_after = -1;
        assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &later, &res), 0);
        assert_int_equal(res.complete, 1);
        assert_int_equal(res.accounts, NACCT);
        same_sets(&ref, &m, 0);
        mfs_free(&m);
    }
    free(st);
    hm_set_free(&s);
    mfs_free(&ref);
}

static void test_resume_between_accounts(void **state)
{
    mfs ref, m;
    hm_settings s;
    tsrc ts;
    hm_pipe_src dummy;
    tlog lg;
    hm_pipe_result res;
    tstat *st = calloc(1, sizeof *st);
    int at;
    (void)state;
    set_default(&s);
    reference(&ref, &s);
    for (at = 1; at <= NACCT; at += 3) {
        memset(&m, 0, sizeof m);
        memset(st, 0, sizeof *st);
        tlog_init(&lg);
        ts_init(&ts, &dummy);
        ts.stop_at = at;
        assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
        assert_true(tlog_has(&lg, 484, 0));
        tlog_init(&lg);
        assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 0);
        assert_int_equal(res.prev, (unsigned long)(at - 1));
        if (at > 1)
            assert_true(tlog_has(&lg, 470, "STATUS"));
        same_sets(&ref, &m, 0);
        /* a third run finds everything done and writes the same */
        tlog_init(&lg);
        assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 0);
        assert_int_equal(res.prev, NACCT);
        same_sets(&ref, &m, 0);
        mfs_free(&m);
    }
    free(st);
    hm_set_free(&s);
    mfs_free(&ref);
}

static void test_failed_account(void **state)
{
    mfs ref, m;
    hm_settings s;
    tsrc ts;
    hm_pipe_src dummy;
    tlog lg;
    hm_pipe_result res;
    tstat *st = calloc(1, sizeof *st);
    (void)state;
    set_default(&s);
    reference(&ref, &s);
    memset(&m, 0, sizeof m);
    tlog_init(&lg);
    ts_init(&ts, &dummy);
    ts.fail_at = 3;
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 1);
    assert_int_equal(res.failed, 1);
    assert_int_equal(res.accounts, NACCT - 1);
    assert_true(tlog_has(&lg, 473, "USER03"));
    assert_true(tlog_has(&lg, 477, "MIGRATE.PKL"));
    assert_null(mfs_find(&m, "MIGRATE.PKL"));
    assert_null(mfs_find(&m, "USE00300.PRI"));
    assert_non_null(mfs_find(&m, "USE00400.PRI"));
    tlog_init(&lg);
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 0);
    assert_int_equal(res.prev, NACCT - 1);
    same_sets(&ref, &m, 0);
    free(st);
    hm_set_free(&s);
    mfs_free(&m);
    mfs_free(&ref);
}

static void test_status_checks(void **state)
{
    mfs ref, m;
    hm_settings s;
    tsrc ts;
    hm_pipe_src dummy;
    tlog lg;
    hm_pipe_result res;
    tstat *st = calloc(1, sizeof *st);
    tstat *st2 = calloc(1, sizeof *st2);
    (void)state;
    set_default(&s);
    reference(&ref, &s);
    memset(&m, 0, sizeof m);
    tlog_init(&lg);
    ts_init(&ts, &dummy);
    ts.stop_at = 5;
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
    *st2 = *st;
    /* other settings: refused */
    s.codepage = 1252;
    tlog_init(&lg);
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
    assert_true(tlog_has(&lg, 481, "code page"));
    s.codepage = 0;
    s.pab = 0;
    tlog_init(&lg);
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
    assert_true(tlog_has(&lg, 481, "item classes"));
    s.pab = 1;
    /* the account order changed: refused */
    ts.swap = 1;
    tlog_init(&lg);
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
    assert_true(tlog_has(&lg, 479, "USER03 is number 2"));
    ts.swap = 0;
    /* a garbage line and a line cut short: ignored, reported */
    {
        static const char junk[] = "garbage line\r\nA,9,USER09,1";
        size_t i, n = strlen(junk);
        for (i = 0; i < n; i++)
            st->buf[st->n + i] = tab.to_asc[(unsigned char)junk[i]];
        st->buf[st->n + 12] = 0x0D;
        st->buf[st->n + 13] = 0x0A;
        st->n += n;
    }
    tlog_init(&lg);
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 0);
    assert_int_equal(tlog_count(&lg, 480), 2);
    same_sets(&ref, &m, 0);
    /* the status file cannot be written: the run stops */
    mfs_free(&m);
    memset(&m, 0, sizeof m);
    memset(st, 0, sizeof *st);
    st->fail = 1;
    tlog_init(&lg);
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
    assert_true(tlog_has(&lg, 482, "STATUS"));
    /* not a status file */
    memset(st, 0, sizeof *st);
    {
        static const char x[] = "hello";
        size_t i;
        for (i = 0; x[i]; i++)
            st->buf[i] = tab.to_asc[(unsigned char)x[i]];
        st->buf[i++] = 0x0D;
        st->buf[i++] = 0x0A;
        st->n = i;
    }
    tlog_init(&lg);
    assert_int_equal(run(&m, &s, &ts, st, &lg, 0, &NOW, &res), 2);
    assert_true(tlog_has(&lg, 481, "HMSTATUS"));
    free(st);
    free(st2);
    hm_set_free(&s);
    mfs_free(&m);
    mfs_free(&ref);
}

/* ---------------------------------------------------------------- */
/* partitions and combine */

static void test_partitions(void **state)
{
    mfs ref, m, out;
    hm_settings s;
    tsrc ts;
    hm_pipe_src dummy;
    tlog lg;
    hm_pipe_result res;
    hm_mr_counts c1, c2;
    hm_mr_set set;
    hm_mw_files fs;
    hm_pipe_part parts[3];
    tstat *st = calloc(3, sizeof *st);
    unsigned k;
    unsigned long accts = 0;
    static const char *const pk[3] = { "P01OF03.PKL", "P02OF03.PKL",
                                       "P03OF03.PKL" };
    (void)state;
    set_default(&s);
    reference(&ref, &s);
    check_set(&ref, "MIGRATE.PKL", &c1);
    memset(&m, 0, sizeof m);
    for (k = 1; k <= 3; k++) {
        s.part_k = k;
        s.part_n = 3;
        tlog_init(&lg);
        ts_init(&ts, &dummy);
        assert_int_equal(run(&m, &s, &ts, &st[k - 1], &lg, 0, &NOW,
                             &res), 0);
        accts += res.accounts;
        assert_non_null(mfs_find(&m, pk[k - 1]));
        check_set(&m, pk[k - 1], &c2);
    }
    assert_int_equal(accts, NACCT);
    /* combine in place (no copy) */
    mfs_set(&m, &set);
    mfs_files(&m, &fs);
    for (k = 0; k < 3; k++) {
        parts[k].set = &set;
        parts[k].pkl = pk[k];
        parts[k].label = pk[k];
        parts[k].copy = 0;
    }
    tlog_init(&lg);
    assert_int_equal(hm_pipe_combine(mfs_alloc(), parts, 3, &fs,
                                     "MIGRATE.PKL", &lg.lg), 0);
    assert_true(tlog_has(&lg, 489, "MIGRATE.PKL"));
    check_set(&m, "MIGRATE.PKL", &c2);
    assert_int_equal(c1.messages, c2.messages);
    assert_int_equal(c1.public_messages, c2.public_messages);
    assert_int_equal(c1.attachments, c2.attachments);
    assert_int_equal(c1.documents, c2.documents);
    assert_int_equal(c1.pab_entries, c2.pab_entries);
    assert_int_equal(c1.pab_dls, c2.pab_dls);
    assert_int_equal(c1.sched_items, c2.sched_items);
    assert_int_equal(c1.dir_mailboxes, c2.dir_mailboxes);
    assert_int_equal(c1.pri_files, c2.pri_files);
    assert_int_equal(c1.sec_files, c2.sec_files);
    /* even byte for byte, the packing list included */
    {
        mfs_file *a = mfs_find(&ref, "MIGRATE.PKL");
        mfs_file *b = mfs_find(&m, "MIGRATE.PKL");
        assert_int_equal(a->len, b->len);
        assert_memory_equal(a->data, b->data, a->len);
        /* 65001 CR LF CR LF */
        static const unsigned char head[] = { 0x36, 0x35, 0x30, 0x30,
                                              0x31, 0x0D, 0x0A, 0x0D,
                                              0x0A };
        assert_memory_equal(a->data, head, sizeof head);
    }
    /* combine with copying into an empty set */
    memset(&out, 0, sizeof out);
    mfs_files(&out, &fs);
    for (k = 0; k < 3; k++)
        parts[k].copy = 1;
    tlog_init(&lg);
    assert_int_equal(hm_pipe_combine(mfs_alloc(), parts, 3, &fs,
                                     "ALL.PKL", &lg.lg), 0);
    check_set(&out, "ALL.PKL", &c2);
    assert_int_equal(c1.messages, c2.messages);
    /* a part twice: refused */
    parts[2] = parts[1];
    tlog_init(&lg);
    assert_int_equal(hm_pipe_combine(mfs_alloc(), parts, 3, &fs,
                                     "BAD.PKL", &lg.lg), -1);
    assert_true(tlog_has(&lg, 487, "P02OF03.PKL"));
    assert_null(mfs_find(&out, "BAD.PKL"));
    /* a missing part */
    parts[2].pkl = "NONE.PKL";
    parts[2].label = 0;
    tlog_init(&lg);
    assert_int_equal(hm_pipe_combine(mfs_alloc(), parts, 3, &fs,
                                     "BAD.PKL", &lg.lg), -1);
    assert_true(tlog_has(&lg, 3, "NONE.PKL"));
    free(st);
    hm_set_free(&s);
    mfs_free(&m);
    mfs_free(&out);
    mfs_free(&ref);
}

static void test_names(void **state)
{
    hm_settings s;
    char b[13];
    (void)state;
    hm_set_init(&s, mfs_alloc());
    hm_pipe_pkl_name(&s, b);
    assert_string_equal(b, "MIGRATE.PKL");
    hm_pipe_report_name(&s, b);
    assert_string_equal(b, "MIGRATE.CSV");
    s.part_k = 7;
    s.part_n = 12;
    hm_pipe_pkl_name(&s, b);
    assert_string_equal(b, "P07OF12.PKL");
    hm_pipe_report_name(&s, b);
    assert_string_equal(b, "P07OF12.CSV");
    s.no_report = 1;
    hm_pipe_report_name(&s, b);
    assert_string_equal(b, "");
    hm_set_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_control_file),
        cmocka_unit_test(test_control_errors),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_accounts_file),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_bad_items),
        cmocka_unit_test(test_progress),
        cmocka_unit_test(test_resume_inside_account),
        cmocka_unit_test(test_resume_between_accounts),
        cmocka_unit_test(test_failed_account),
        cmocka_unit_test(test_status_checks),
        cmocka_unit_test(test_partitions),
    };
    return cmocka_run_group_tests(tests, setup, 0);
}
