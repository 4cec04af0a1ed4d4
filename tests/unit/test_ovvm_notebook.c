/*
 * test_ovvm_notebook.c - notebooks, reader mail files, dates and
 * addresses (extractors/ovvm). Input is given as EBCDIC (CCSID 037
 * or 273) bytes built from the test literals, or as UTF-8 arrays.
 */
#include "ovvm_t.h"
#include "../../extractors/ovvm/ovvm_i.h"

static tcap CAP;

typedef struct nbrun {
    hm_ov_nb *nb;
    hm_cpconv cv;
    hm_log lg;
    tlog tl;
    const hm_cpage *cp;
} nbrun;

static void nb_start(nbrun *r, unsigned ccsid, int mode,
                     const hm_ov_opt *opt, const char *folder)
{
    unsigned char f[32];
    hm_text ft;
    memset(&CAP, 0, sizeof CAP);
    r->cp = hm_cp_builtin(ccsid);
    assert_non_null(r->cp);
    assert_int_equal(hm_cpconv_init(&r->cv, r->cp, HM_PC_UTF8,
                                    HM_NL_CDRA), 0);
    t_loginit(&r->lg, &r->tl);
    ft.s = f;
    ft.len = folder ? t_asc(folder, f) : 0;
    r->nb = hm_ov_nb_open(&A, &r->cv, &r->lg, "ALL NOTEBOOK", &ft,
                          folder ? 1 : 0, mode, opt, t_capfn, &CAP);
    assert_non_null(r->nb);
}

/* feed records given as literals, one per string, NULL ends */
static void nb_feed(nbrun *r, const char *const *recs)
{
    unsigned char b[512];
    for (; *recs; recs++) {
        size_t n = t_host(r->cp, *recs, b);
        assert_int_equal(hm_ov_nb_record(r->nb, b, n), 0);
    }
}

static void nb_end(nbrun *r)
{
    assert_int_equal(hm_ov_nb_finish(r->nb), 0);
}

/* ------------------------------------------------------------------ */

static const char *const CMSNOTE[] = {
    "Date: 13 November 93, 22:52:42 CET",
    "From: CMS1     at ALIJKU11",
    "To:   MEA at FINFILES",
    " ", "Test", " ", NULL
};

static void test_mailfile_cmsnote(void **state)
{
    nbrun r;
    tmsg *m;
    (void)state;
    nb_start(&r, 37, HM_OV_MAILFILE, NULL, NULL);
    nb_feed(&r, CMSNOTE);
    nb_end(&r);
    assert_int_equal(CAP.n, 1);
    m = &CAP.m[0];
    assert_memory_equal(m->date, "\x31\x39\x39\x33\x31\x31\x31\x33"
                        "\x32\x32\x35\x32\x34\x32", 14);
    assert_text(m->sname.s, m->sname.n, "CMS1 at ALIJKU11");
    assert_text(m->saddr.s, m->saddr.n, "PROFS:ALIJKU11(CMS1)");
    assert_int_equal(m->nto, 1);
    assert_text(m->to[0].s, m->to[0].n, "MEA at FINFILES");
    assert_text(m->toaddr[0].s, m->toaddr[0].n, "PROFS:FINFILES(MEA)");
    assert_text(m->body, m->nbody, "Test");
    assert_int_equal(m->unread, 1);
    assert_int_equal(m->nfolder, 0);
    assert_int_equal(m->meta.raw, 0);
    assert_int_equal(m->meta.date_ok, 1);
    assert_int_equal(m->meta.first_rec, 1);
    assert_int_equal(m->meta.last_rec, 6);
    assert_int_equal(r.tl.n, 0);
    hm_ov_nb_close(r.nb);
}

/* hm_ov_mailfile with a record source */
typedef struct recsrc {
    const hm_cpage *cp;
    const char *const *recs;
    int cut;                    /* the end is that of a cut file */
    unsigned char b[256];
} recsrc;

static int rs_next(void *ctx, const unsigned char **d, size_t *n)
{
    recsrc *s = (recsrc *)ctx;
    if (!*s->recs)
        return s->cut ? 2 : 0;
    *n = t_host(s->cp, *s->recs++, s->b);
    *d = s->b;
    return 1;
}

static void test_mailfile_source(void **state)
{
    recsrc s;
    hm_cpconv cv;
    hm_log lg;
    tlog tl;
    hm_ov_opt o;
    (void)state;
    memset(&CAP, 0, sizeof CAP);
    memset(&s, 0, sizeof s);
    s.cp = hm_cp_builtin(37);
    s.recs = CMSNOTE;
    hm_cpconv_init(&cv, s.cp, HM_PC_UTF8, HM_NL_CDRA);
    t_loginit(&lg, &tl);
    hm_ov_opt_init(&o);
    o.owner = "MEA";
    o.owner_node = "FINFILES";
    assert_int_equal(hm_ov_mailfile(&A, &cv, &lg, "RDR 0001", &o, rs_next,
                                    &s, t_capfn, &CAP), 0);
    assert_int_equal(CAP.n, 1);
    assert_int_equal(CAP.m[0].unread, 1);
    assert_int_equal(CAP.m[0].nfolder, 0);
    assert_int_equal(CAP.m[0].meta.sent, 0);
    assert_int_equal(CAP.m[0].meta.cut, 0);
    /* a transmission cut short in its body: kept, flagged */
    {
        static const char *const cutnote[] = {
            "Date: 13 November 93, 22:52:42 CET",
            "From: CMS1     at ALIJKU11", "To:   MEA at FINFILES", " ",
            "Te", NULL
        };
        s.recs = cutnote;
    }
    memset(&CAP, 0, sizeof CAP);
    s.cut = 1;
    assert_int_equal(hm_ov_mailfile(&A, &cv, &lg, "RDR 0003", &o, rs_next,
                                    &s, t_capfn, &CAP), 0);
    assert_int_equal(CAP.n, 1);
    assert_int_equal(CAP.m[0].meta.cut, 1);
    s.cut = 0;
    /* empty mail file: a warning, no message */
    {
        static const char *const none[] = { NULL };
        memset(&CAP, 0, sizeof CAP);
        s.recs = none;
        assert_int_equal(hm_ov_mailfile(&A, &cv, &lg, "RDR 0002", &o,
                                        rs_next, &s, t_capfn, &CAP), 0);
        assert_int_equal(CAP.n, 0);
        assert_true(t_has(&tl, 504));
    }
}

static const char *const BOOK[] = {
    "Date: 13 November 93, 22:52:42 CET",
    "From: CMS1     at ALIJKU11",
    "To:   MEA at FINFILES, JOE at VMA,",
    "      ANN at VMB",
    "cc:   BOB at VMC  CARL at VMD",
    "Subject: Budget meeting",
    "         and agenda",
    "",
    "Hello all,",
    "",
    "see you.",
    "",
    "==========================================",
    "",
    "Date: Mon, 15 Nov 1993 08:01:02 +0100",
    "From: Mary Smith <MEA at FINFILES>",
    "To: CMS1 at ALIJKU11",
    "Subject: Re: Budget meeting",
    "Importance: High",
    " ",
    "Fine.",
    "Date: this line is body text",
    "",
    "-----",
    "Date: 11/16/93 09:00:00",
    "From: MEA at FINFILES",
    "To: \"Smith, John\" <john.smith@example.com>, a@b.example (Al)",
    "Bcc: CMS1 at ALIJKU11",
    "",
    "Third",
    NULL
};

static void test_notebook_notes(void **state)
{
    nbrun r;
    hm_ov_opt o;
    tmsg *m;
    (void)state;
    hm_ov_opt_init(&o);
    o.owner = "MEA";
    nb_start(&r, 37, HM_OV_NOTEBOOK, &o, "ALL");
    nb_feed(&r, BOOK);
    nb_end(&r);
    assert_int_equal(CAP.n, 3);
    m = &CAP.m[0];
    assert_text(m->folder.s, m->folder.n, "ALL");
    assert_int_equal(m->unread, 0);
    assert_int_equal(m->nto, 3);
    assert_text(m->toaddr[0].s, m->toaddr[0].n, "PROFS:FINFILES(MEA)");
    assert_text(m->toaddr[1].s, m->toaddr[1].n, "PROFS:VMA(JOE)");
    assert_text(m->toaddr[2].s, m->toaddr[2].n, "PROFS:VMB(ANN)");
    assert_int_equal(m->ncc, 2);
    assert_text(m->cc[0].s, m->cc[0].n, "PROFS:VMC(BOB)");
    assert_text(m->cc[1].s, m->cc[1].n, "PROFS:VMD(CARL)");
    assert_text(m->subject.s, m->subject.n, "Budget meeting and agenda");
    assert_text(m->body, m->nbody, "Hello all,\n\nsee you.");
    assert_int_equal(m->meta.first_rec, 1);
    assert_int_equal(m->meta.sent, 0);
    m = &CAP.m[1];
    assert_memory_equal(m->date, "\x31\x39\x39\x33\x31\x31\x31\x35"
                        "\x30\x38\x30\x31\x30\x32", 14);
    assert_text(m->sname.s, m->sname.n, "Mary Smith");
    assert_text(m->saddr.s, m->saddr.n, "PROFS:FINFILES(MEA)");
    assert_int_equal(m->meta.sent, 1);
    assert_text(m->folder.s, m->folder.n, "Sent Items");
    assert_int_equal(m->prio, HM_PRIO_HIGH);
    assert_text(m->body, m->nbody,
                "Fine.\nDate: this line is body text");
    assert_int_equal(m->meta.first_rec, 15);
    m = &CAP.m[2];
    assert_int_equal(m->meta.first_rec, 25);
    assert_memory_equal(m->date, "\x31\x39\x39\x33\x31\x31\x31\x36"
                        "\x30\x39\x30\x30\x30\x30", 14);
    assert_int_equal(m->nto, 2);
    assert_text(m->to[0].s, m->to[0].n, "Smith, John");
    assert_text(m->toaddr[0].s, m->toaddr[0].n,
                "SMTP:john.smith@example.com");
    assert_text(m->to[1].s, m->to[1].n, "Al");
    assert_text(m->toaddr[1].s, m->toaddr[1].n, "SMTP:a@b.example");
    assert_int_equal(m->nbcc, 1);
    assert_text(m->body, m->nbody, "Third");
    assert_int_equal(r.tl.n, 0);
    assert_int_equal(hm_ov_nb_stats(r.nb)->notes, 3);
    assert_int_equal(hm_ov_nb_stats(r.nb)->sent, 2);
    assert_int_equal(m->meta.sent, 1);
    hm_ov_nb_close(r.nb);
}

/* A Date: block in a body without From/To is body text; with the
 * need_sep rule a new note needs a separator record. */
static void test_notebook_split_rules(void **state)
{
    static const char *const recs[] = {
        "Date: 1 Dec 1993",
        "From: A at B",
        "",
        "----- forwarded -----",
        "",
        "Date: 30 Nov 1993",
        "Subject: old",
        "",
        "old text",
        "",
        "Date: 2 Dec 1993",
        "From: C at D",
        "",
        "second",
        NULL
    };
    nbrun r;
    hm_ov_rules ru;
    hm_ov_opt o;
    (void)state;
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, NULL);
    nb_feed(&r, recs);
    nb_end(&r);
    assert_int_equal(CAP.n, 2);
    assert_text(CAP.m[0].body, CAP.m[0].nbody,
                "----- forwarded -----\n\nDate: 30 Nov 1993\n"
                "Subject: old\n\nold text");
    assert_text(CAP.m[1].body, CAP.m[1].nbody, "second");
    hm_ov_nb_close(r.nb);
    /* need_sep: only one note */
    ru = *hm_ov_default_rules();
    ru.need_sep = 1;
    hm_ov_opt_init(&o);
    o.rules = &ru;
    nb_start(&r, 37, HM_OV_NOTEBOOK, &o, NULL);
    nb_feed(&r, recs);
    nb_end(&r);
    assert_int_equal(CAP.n, 1);
    hm_ov_nb_close(r.nb);
}

/* rules of one's own: more keywords than nb_kind knows beforehand
 * (64), names in lower case, a keyword as long as a field name may be
 * (76), separators of other characters */
static void test_notebook_own_rules(void **state)
{
    static const char *const recs1[] = {
        "Date: 1 Dec 1993",
        "FROM: A at B",
        "subj: hello",
        NULL
    };
    static const char *const recs[] = {
        "",
        "body",
        "++++",
        "Date: 2 Dec 1993",
        "from: C at D",
        "Subject: not a keyword here",
        "",
        "second",
        NULL
    };
    static hm_ov_kw kw[70];
    static char longkw[78];     /* ASCII, for the rules */
    static char longx[78];      /* execution character set */
    hm_ov_rules ru;
    hm_ov_opt o;
    nbrun r;
    size_t i;
    (void)state;
    memset(longkw, 0x4C, 76);   /* LLL...L */
    memset(longx, 'L', 76);
    for (i = 0; i < 70; i++) {
        kw[i].name = "\x58\x58";  /* XX */
        kw[i].role = HM_OV_R_OTHER;
    }
    kw[0].name = "\x44\x41\x54\x45";          /* DATE */
    kw[0].role = HM_OV_R_DATE;
    kw[1].name = "\x66\x72\x6F\x6D";          /* from */
    kw[1].role = HM_OV_R_FROM;
    kw[2].name = longkw;
    kw[2].role = HM_OV_R_TO;
    kw[67].name = "\x53\x55\x42\x4A";         /* SUBJ */
    kw[67].role = HM_OV_R_SUBJECT;
    kw[68].name = "\x74\x6F";                   /* to */
    kw[68].role = HM_OV_R_TO;
    ru = *hm_ov_default_rules();
    ru.kw = kw;
    ru.nkw = 70;
    ru.sep = (const unsigned char *)"\x2B";      /* + */
    ru.nsep = 1;
    hm_ov_opt_init(&o);
    o.rules = &ru;
    nb_start(&r, 37, HM_OV_NOTEBOOK, &o, NULL);
    nb_feed(&r, recs1);
    {
        /* "LLL...L: X at Y" (76 letters): a To: of the first note */
        unsigned char b[128];
        size_t n = t_host(r.cp, longx, b);
        n += t_host(r.cp, ": X at Y", b + n);
        assert_int_equal(hm_ov_nb_record(r.nb, b, n), 0);
    }
    nb_feed(&r, recs);
    nb_end(&r);
    assert_int_equal(CAP.n, 2);
    assert_int_equal(CAP.m[0].nto, 1);
    assert_text(CAP.m[0].toaddr[0].s, CAP.m[0].toaddr[0].n, "PROFS:Y(X)");
    assert_text(CAP.m[0].saddr.s, CAP.m[0].saddr.n, "PROFS:B(A)");
    assert_text(CAP.m[0].subject.s, CAP.m[0].subject.n, "hello");
    assert_text(CAP.m[0].body, CAP.m[0].nbody, "body");
    assert_text(CAP.m[1].saddr.s, CAP.m[1].saddr.n, "PROFS:D(C)");
    assert_int_equal(CAP.m[1].subject.n, 0);  /* Subject: is OTHER */
    assert_text(CAP.m[1].body, CAP.m[1].nbody, "second");
    hm_ov_nb_close(r.nb);
}

/* keep_header, a header-only note at the end, a candidate at EOF */
static void test_notebook_edges(void **state)
{
    static const char *const recs[] = {
        "", "***", "",
        "Date: 2 Dec 1993 10:00",
        "From: C at D",
        "X-Unknown-Header: kept",
        "",
        "body",
        "",
        "Date: 3 Dec 1993 11:00",
        "From: E at F",
        NULL
    };
    nbrun r;
    hm_ov_opt o;
    (void)state;
    hm_ov_opt_init(&o);
    o.keep_header = 1;
    nb_start(&r, 37, HM_OV_NOTEBOOK, &o, NULL);
    nb_feed(&r, recs);
    nb_end(&r);
    assert_int_equal(CAP.n, 2);
    assert_text(CAP.m[0].body, CAP.m[0].nbody,
                "Date: 2 Dec 1993 10:00\nFrom: C at D\n"
                "X-Unknown-Header: kept\n\nbody");
    assert_int_equal(CAP.m[0].meta.first_rec, 4);
    assert_text(CAP.m[1].sname.s, CAP.m[1].sname.n, "E at F");
    assert_int_equal(CAP.m[1].meta.first_rec, 10);
    assert_int_equal(hm_ov_nb_stats(r.nb)->skipped, 3);
    assert_int_equal(r.tl.n, 0);
    hm_ov_nb_close(r.nb);
}

static void test_notebook_damaged(void **state)
{
    static const char *const recs[] = {
        "some text before any note",
        "",
        "Date: 4 Dec 1993",
        "From: A at B",
        "this is not a header",
        "more",
        "",
        "Date: 5 Dec 1993",
        "From: A at B",
        "",
        "ok",
        "",
        "Date: 99 Foo 1993",
        "From: A at B",
        "",
        "bad date",
        NULL
    };
    nbrun r;
    (void)state;
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, NULL);
    nb_feed(&r, recs);
    nb_end(&r);
    assert_int_equal(CAP.n, 4);
    assert_int_equal(CAP.m[0].meta.raw, 1);
    assert_text(CAP.m[0].body, CAP.m[0].nbody,
                "some text before any note");
    assert_int_equal(CAP.m[1].meta.raw, 1);
    assert_text(CAP.m[1].body, CAP.m[1].nbody,
                "Date: 4 Dec 1993\nFrom: A at B\nthis is not a header\n"
                "more");
    /* a raw note keeps the date of its Date: record */
    assert_int_equal(CAP.m[1].meta.date_ok, 1);
    assert_int_equal(CAP.m[1].sname.n, 0);
    assert_int_equal(CAP.m[2].meta.raw, 0);
    assert_text(CAP.m[2].body, CAP.m[2].nbody, "ok");
    assert_int_equal(CAP.m[3].meta.date_ok, 0);
    assert_int_equal(CAP.m[3].date[0], 0);
    assert_true(t_has(&r.tl, 500));
    assert_true(t_has(&r.tl, 501));
    assert_int_equal(r.tl.nw, 3);
    assert_int_equal(hm_ov_nb_stats(r.nb)->raw, 2);
    hm_ov_nb_close(r.nb);
}

/* a file cut short at its end (hm_ov_nb_cut): the note holding the
 * last record is kept, parsed when its header was complete (HMG0505W),
 * raw when it was not (HMG0500W); meta.cut marks it */
static void test_notebook_cut(void **state)
{
    static const char *const first[] = {
        "Date: 4 Dec 1993", "From: A at B", "Subject: one", "",
        "body one", "", "=====", "", NULL
    };
    static const char *const inbody[] = {
        "Date: 5 Dec 1993", "From: A at B", "Subject: two", "",
        "body two is cu", NULL
    };
    static const char *const inhead[] = {
        "Date: 6 Dec 1993", "From: A at B", "Subj", NULL
    };
    static const char *const cand[] = {
        "Date: 7 Dec 1993", "From: A at B", "Subject: three", "",
        "body three", "", "=====", "Date: 8 Dec 1993", "To: C at", NULL
    };
    static const char *const nocand[] = {
        "Date: 7 Dec 1993", "From: A at B", "", "quoted:", "",
        "Date: 1 Dec 1993", NULL
    };
    nbrun r;
    (void)state;
    /* cut in the body: parsed, flagged */
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, "ALL");
    nb_feed(&r, first);
    nb_feed(&r, inbody);
    assert_int_equal(hm_ov_nb_cut(r.nb), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 2);
    assert_int_equal(CAP.m[0].meta.cut, 0);
    assert_int_equal(CAP.m[1].meta.cut, 1);
    assert_int_equal(CAP.m[1].meta.raw, 0);
    assert_text(CAP.m[1].subject.s, CAP.m[1].subject.n, "two");
    assert_text(CAP.m[1].body, CAP.m[1].nbody, "body two is cu");
    assert_true(t_has(&r.tl, 505));
    assert_int_equal(r.tl.nw, 1);
    assert_int_equal(hm_ov_nb_stats(r.nb)->cut, 1);
    hm_ov_nb_close(r.nb);
    /* cut in the header: the note is raw */
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, "ALL");
    nb_feed(&r, first);
    nb_feed(&r, inhead);
    assert_int_equal(hm_ov_nb_cut(r.nb), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 2);
    assert_int_equal(CAP.m[1].meta.cut, 1);
    assert_int_equal(CAP.m[1].meta.raw, 1);
    assert_int_equal(CAP.m[1].meta.date_ok, 1);
    assert_text(CAP.m[1].body, CAP.m[1].nbody,
                "Date: 6 Dec 1993\nFrom: A at B\nSubj");
    assert_true(t_has(&r.tl, 500));
    assert_false(t_has(&r.tl, 505));
    hm_ov_nb_close(r.nb);
    /* cut in a header block that starts a new note: the note before
     * is whole, the new one raw */
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, "ALL");
    nb_feed(&r, cand);
    assert_int_equal(hm_ov_nb_cut(r.nb), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 2);
    assert_int_equal(CAP.m[0].meta.cut, 0);
    assert_text(CAP.m[0].body, CAP.m[0].nbody, "body three");
    assert_int_equal(CAP.m[1].meta.cut, 1);
    assert_int_equal(CAP.m[1].meta.raw, 1);
    hm_ov_nb_close(r.nb);
    /* a Date: line in a body that does not start a note: body text */
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, "ALL");
    nb_feed(&r, nocand);
    assert_int_equal(hm_ov_nb_cut(r.nb), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 1);
    assert_int_equal(CAP.m[0].meta.cut, 1);
    assert_int_equal(CAP.m[0].meta.raw, 0);
    assert_text(CAP.m[0].body, CAP.m[0].nbody,
                "quoted:\n\nDate: 1 Dec 1993");
    hm_ov_nb_close(r.nb);
    /* cut between notes: nothing is flagged */
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, "ALL");
    nb_feed(&r, first);
    assert_int_equal(hm_ov_nb_cut(r.nb), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 1);
    assert_int_equal(CAP.m[0].meta.cut, 0);
    assert_int_equal(r.tl.n, 0);
    hm_ov_nb_close(r.nb);
    /* a mail file cut in its header */
    nb_start(&r, 37, HM_OV_MAILFILE, NULL, NULL);
    nb_feed(&r, inhead);
    assert_int_equal(hm_ov_nb_cut(r.nb), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 1);
    assert_int_equal(CAP.m[0].meta.raw, 1);
    assert_int_equal(CAP.m[0].unread, 1);
    hm_ov_nb_close(r.nb);
}

/* binary junk and truncated records: raw fallback, no crash */
static void test_notebook_junk(void **state)
{
    nbrun r;
    unsigned char b[300];
    size_t n, i;
    unsigned seed = 7;
    (void)state;
    nb_start(&r, 37, HM_OV_NOTEBOOK, NULL, NULL);
    n = t_host(r.cp, "Date: 6 Dec 1993", b);
    assert_int_equal(hm_ov_nb_record(r.nb, b, n), 0);
    n = t_host(r.cp, "From: A at B", b);
    b[3] = 0x00; /* a control character in the header */
    assert_int_equal(hm_ov_nb_record(r.nb, b, n), 0);
    assert_int_equal(hm_ov_nb_record(r.nb, b, 0), 0);
    for (i = 0; i < 200; i++) {
        size_t k;
        n = (seed = seed * 1103515245u + 12345u) % 300u;
        for (k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            b[k] = (unsigned char)(seed >> 16);
        }
        assert_int_equal(hm_ov_nb_record(r.nb, b, n), 0);
    }
    nb_end(&r);
    assert_true(CAP.n >= 1);
    assert_int_equal(CAP.m[0].meta.raw, 1);
    assert_true(t_has(&r.tl, 500));
    hm_ov_nb_close(r.nb);
}

/* every host byte in a header line, in a page with undefined bytes
 * (875) and one without (037): the note is raw exactly when the
 * converted line holds a control character (hm_ov_has_ctl) */
static void test_notebook_header_bytes(void **state)
{
    static const unsigned ccsids[2] = { 37, 875 };
    int c, b, raws = 0;
    (void)state;
    for (c = 0; c < 2; c++)
        for (b = 0; b < 256; b++) {
            nbrun r;
            unsigned char h[64], u[256];
            size_t n, k, un;
            int want;
            nb_start(&r, ccsids[c], HM_OV_NOTEBOOK, NULL, NULL);
            n = t_host(r.cp, "Date: 6 Dec 1993", h);
            assert_int_equal(hm_ov_nb_record(r.nb, h, n), 0);
            n = t_host(r.cp, "From: A", h);
            h[n++] = (unsigned char)b;
            n += t_host(r.cp, " at B", h + n);
            h[n++] = (unsigned char)b;  /* and at the end */
            un = hm_cpconv_run(&r.cv, h, n, u);
            while (un > 0 && u[un - 1] == 0x20)
                un--;
            want = hm_ov_has_ctl(u, un);
            raws += want;
            assert_int_equal(hm_ov_nb_record(r.nb, h, n), 0);
            k = t_host(r.cp, "", h);
            assert_int_equal(hm_ov_nb_record(r.nb, h, k), 0);
            k = t_host(r.cp, "x", h);
            assert_int_equal(hm_ov_nb_record(r.nb, h, k), 0);
            nb_end(&r);
            assert_int_equal(CAP.n, 1);
            if (CAP.m[0].meta.raw != want)
                fail_msg("CCSID %u byte %02X: raw %d", ccsids[c], b,
                         CAP.m[0].meta.raw);
            hm_ov_nb_close(r.nb);
        }
    assert_true(raws > 60 && raws < 200);
}

/* a note larger than max_note is split into parts with the header */
static void test_notebook_split_large(void **state)
{
    nbrun r;
    hm_ov_opt o;
    unsigned char b[100];
    size_t n, i;
    unsigned long tot = 0;
    (void)state;
    hm_ov_opt_init(&o);
    o.max_note = 65536;
    nb_start(&r, 37, HM_OV_NOTEBOOK, &o, NULL);
    {
        static const char *const h[] = {
            "Date: 7 Dec 1993", "From: A at B", "Subject: big", "", NULL
        };
        nb_feed(&r, h);
    }
    n = t_host(r.cp, "0123456789012345678901234567890123456789"
               "012345678901234567890123456789012345678", b);
    for (i = 0; i < 2000; i++)
        assert_int_equal(hm_ov_nb_record(r.nb, b, n), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 3);
    for (i = 0; i < CAP.n; i++) {
        assert_int_equal(CAP.m[i].meta.part, i + 1);
        assert_text(CAP.m[i].subject.s, CAP.m[i].subject.n, "big");
        assert_true(CAP.m[i].bodysize <= 65536);
        tot += CAP.m[i].bodysize + 1;
    }
    assert_int_equal(tot, 2000ul * 80ul);
    assert_int_equal(CAP.m[0].bodysize, 818ul * 80ul - 1ul);
    assert_true(t_has(&r.tl, 502));
    assert_int_equal(hm_ov_nb_stats(r.nb)->split, 1);
    hm_ov_nb_close(r.nb);
}

/* national characters: CCSID 273 in, UTF-8 out; U+0085 in a body */
static void test_notebook_national(void **state)
{
    nbrun r;
    unsigned char b[64];
    size_t n;
    static const unsigned char want[] = {
        0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65, 0x0A, 0x78
    }; /* "Grüße\nx" */
    (void)state;
    nb_start(&r, 273, HM_OV_NOTEBOOK, NULL, NULL);
    {
        static const char *const h[] = {
            "Date: 13. November 1993 10:00", "From: A at B", "", NULL
        };
        nb_feed(&r, h);
    }
    n = t_host(r.cp, "Gr", b);
    b[n++] = (unsigned char)hm_cp_from_ucs(r.cp, 0xFC);
    b[n++] = (unsigned char)hm_cp_from_ucs(r.cp, 0xDF);
    n += t_host(r.cp, "e", b + n);
    b[n++] = 0x15; /* NL -> U+0085 -> LF */
    n += t_host(r.cp, "x", b + n);
    assert_int_equal(hm_ov_nb_record(r.nb, b, n), 0);
    nb_end(&r);
    assert_int_equal(CAP.n, 1);
    assert_int_equal(CAP.m[0].nbody, sizeof want);
    assert_memory_equal(CAP.m[0].body, want, sizeof want);
    assert_int_equal(CAP.m[0].meta.date_ok, 1);
    assert_int_equal(CAP.m[0].utf8, 1);     /* converted: valid */
    hm_ov_nb_close(r.nb);
}

/* UTF-8 records (cv NULL) with the bytes a line is changed at: a
 * U+0085 (C2 85) and CR / LF inside a header record, before and after
 * the first 8 bytes; in a body U+0085 and other C2 characters (the
 * pound sign C2 A3), a lone C2 at the end, X'85' without X'C2' before
 * it and pairs next to each other. keep_header puts the
 * header into the body, so both show. */
static void test_notebook_line_bytes(void **state)
{
    static const unsigned char r1[] = {  /* Date: 13 Nov 1993 */
        0x44, 0x61, 0x74, 0x65, 0x3A, 0x20, 0x31, 0x33, 0x20, 0x4E,
        0x6F, 0x76, 0x20, 0x31, 0x39, 0x39, 0x33, 0xC2, 0x85, 0x31,
        0x30, 0x3A, 0x30, 0x30, 0x0A, 0x0D, 0x43, 0x45, 0x54, 0x0D };
    static const unsigned char r2[] = {  /* From: A at B */
        0x46, 0x72, 0x6F, 0x6D, 0x3A, 0x20, 0x41, 0x20, 0x61, 0x74,
        0x20, 0x42 };
    static const unsigned char r4[] = {  /* Preis 100 £ und mehr */
        0x50, 0x72, 0x65, 0x69, 0x73, 0x20, 0x31, 0x30, 0x30, 0x20,
        0xC2, 0xA3, 0x20, 0x75, 0x6E, 0x64, 0x20, 0x6D, 0x65, 0x68,
        0x72, 0xC2, 0x85, 0x7A, 0x77, 0x65, 0x69, 0x74, 0x65, 0x0D,
        0xC2, 0x85, 0x78, 0xC2, 0x85 };
    static const unsigned char r5[] = { 0x78, 0x79, 0xC2 };
    static const unsigned char r6[] = {
        0x85, 0xC2, 0x85, 0x85, 0xC2, 0xC2, 0x85, 0x41, 0xC3, 0x85 };
    static const unsigned char want[] = {
        0x44, 0x61, 0x74, 0x65, 0x3A, 0x20, 0x31, 0x33, 0x20, 0x4E,
        0x6F, 0x76, 0x20, 0x31, 0x39, 0x39, 0x33, 0x20, 0x31, 0x30,
        0x3A, 0x30, 0x30, 0x20, 0x20, 0x43, 0x45, 0x54, 0x20, 0x0A,
        0x46, 0x72, 0x6F, 0x6D, 0x3A, 0x20, 0x41, 0x20, 0x61, 0x74,
        0x20, 0x42, 0x0A, 0x0A,
        0x50, 0x72, 0x65, 0x69, 0x73, 0x20, 0x31, 0x30, 0x30, 0x20,
        0xC2, 0xA3, 0x20, 0x75, 0x6E, 0x64, 0x20, 0x6D, 0x65, 0x68,
        0x72, 0x0A, 0x7A, 0x77, 0x65, 0x69, 0x74, 0x65, 0x0D, 0x0A,
        0x78, 0x0A, 0x0A, 0x78, 0x79, 0xC2, 0x0A,
        0x85, 0x0A, 0x85, 0xC2, 0x0A, 0x41, 0xC3, 0x85 };
    hm_ov_nb *nb;
    hm_ov_opt o;
    hm_log lg;
    tlog tl;
    (void)state;
    memset(&CAP, 0, sizeof CAP);
    t_loginit(&lg, &tl);
    hm_ov_opt_init(&o);
    o.keep_header = 1;
    nb = hm_ov_nb_open(&A, NULL, &lg, "X", NULL, 0, HM_OV_NOTEBOOK, &o,
                       t_capfn, &CAP);
    assert_non_null(nb);
    assert_int_equal(hm_ov_nb_record(nb, r1, sizeof r1), 0);
    assert_int_equal(hm_ov_nb_record(nb, r2, sizeof r2), 0);
    assert_int_equal(hm_ov_nb_record(nb, r1, 0), 0);
    assert_int_equal(hm_ov_nb_record(nb, r4, sizeof r4), 0);
    assert_int_equal(hm_ov_nb_record(nb, r5, sizeof r5), 0);
    assert_int_equal(hm_ov_nb_record(nb, r6, sizeof r6), 0);
    assert_int_equal(hm_ov_nb_finish(nb), 0);
    assert_int_equal(CAP.n, 1);
    assert_int_equal(CAP.m[0].nbody, sizeof want);
    assert_memory_equal(CAP.m[0].body, want, sizeof want);
    assert_int_equal(CAP.m[0].meta.date_ok, 1);
    assert_memory_equal(CAP.m[0].date, "\x31\x39\x39\x33\x31\x31\x31\x33"
                        "\x31\x30\x30\x30\x30\x30", 14);
    assert_int_equal(CAP.m[0].utf8, 0);     /* not converted here */
    hm_ov_nb_close(nb);
}

/* UTF-8 records (cv NULL) and a callback that stops */
static void test_notebook_utf8_stop(void **state)
{
    hm_ov_nb *nb;
    hm_log lg;
    tlog tl;
    unsigned char b[64];
    size_t n;
    int i, rc = 0;
    (void)state;
    memset(&CAP, 0, sizeof CAP);
    CAP.stop_after = 1;
    t_loginit(&lg, &tl);
    nb = hm_ov_nb_open(&A, NULL, &lg, "X", NULL, 0, HM_OV_NOTEBOOK, NULL,
                       t_capfn, &CAP);
    assert_non_null(nb);
    for (i = 0; i < 3 && rc == 0; i++) {
        n = t_asc("Date: 1 Jan 1994", b);
        rc |= hm_ov_nb_record(nb, b, n);
        n = t_asc("From: A at B", b);
        rc |= hm_ov_nb_record(nb, b, n);
        rc |= hm_ov_nb_record(nb, b, 0);
        n = t_asc("x", b);
        rc |= hm_ov_nb_record(nb, b, n);
        rc |= hm_ov_nb_record(nb, b, 0);
    }
    assert_int_equal(rc, -1);
    assert_int_equal(hm_ov_nb_finish(nb), -1);
    assert_int_equal(CAP.n, 1);
    hm_ov_nb_close(nb);
}

/* hm_ov_has_ctl (words of printable ASCII skipped at once) against
 * the plain byte-by-byte rule, on strings of bytes around the limits
 * at every position of a word */
static int ref_has_ctl(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != 0x09) || c == 0x7F)
                return 1;
            i++;
        } else {
            unsigned long u;
            size_t k = hm_utf8_decode(s + i, n - i, &u);
            if (k == 0 || (u >= 0x80 && u < 0xA0) || u == 0xFFFDul)
                return 1;
            i += k;
        }
    }
    return 0;
}

static void test_has_ctl(void **state)
{
    static const unsigned char pool[][4] = {
        { 1, 0x41 }, { 1, 0x20 }, { 1, 0x7E }, { 1, 0x21 }, { 1, 0x09 },
        { 1, 0x1F }, { 1, 0x7F }, { 1, 0x0A }, { 1, 0x00 }, { 1, 0x80 },
        { 2, 0xC3, 0xA9 }, { 2, 0xC2, 0x85 }, { 2, 0xC2, 0xA0 },
        { 3, 0xEF, 0xBF, 0xBD }, { 3, 0xE2, 0x82, 0xAC }, { 1, 0xC3 },
        { 1, 0xFF } };
    unsigned char b[64];
    unsigned long rs = 7;
    int t, ones = 0;
    (void)state;
    for (t = 0; t < 20000; t++) {
        size_t n = 0, len;
        rs = rs * 1103515245ul + 12345ul;
        len = (size_t)((rs >> 16) % 40);
        while (n < len) {
            const unsigned char *p;
            rs = rs * 1103515245ul + 12345ul;
            /* mostly plain text, so that whole words are skipped */
            p = pool[(rs >> 16) % 8 < 6 ? (rs >> 20) % 4
                                         : (rs >> 20) % 17];
            memcpy(b + n, p + 1, p[0]);
            n += p[0];
        }
        assert_int_equal(hm_ov_has_ctl(b, n), ref_has_ctl(b, n));
        ones += ref_has_ctl(b, n);
    }
    assert_true(ones > 1000 && ones < 19000);
}

/* ------------------------------------------------------------------ */

typedef struct dcase {
    const char *in;
    const char *want;   /* 14 digits, or "" for no date */
} dcase;

static void test_dates(void **state)
{
    static const dcase cases[] = {
        { "13 November 93, 22:52:42 CET", "19931113225242" },
        { "Mon, 13 Nov 1993 22:52:42 +0100", "19931113225242" },
        { "11/13/93 22:52:42", "19931113225242" },
        { "13/11/93 22:52", "19931113225200" },
        { "13 Nov 1993", "19931113000000" },
        { "13.11.93 22.52.42", "19931113225242" },
        { "13. November 1993", "19931113000000" },
        { "Samstag, 13. November 1993, 22:52", "19931113225200" },
        { "1993-11-13T22:52:42", "19931113225242" },
        { "1993-11-13 22:52:42.123 -0500", "19931113225242" },
        { "1993/11/13", "19931113000000" },
        { "November 13, 1993 10:52 PM", "19931113225200" },
        { "Nov. 13, 1993 12:05 AM", "19931113000500" },
        { "Sat Nov 13 22:52:42 CET 1993", "19931113225242" },
        { "Sat Nov 13 22:52:42 1993", "19931113225242" },
        { "13-Nov-93 22:52", "19931113225200" },
        { "Sat, 13 Nov 93 22:52:42 GMT (Greenwich)", "19931113225242" },
        { "13 Nov 1993 22:52:42 XYZ", "19931113225242" },
        { "13 Nov 49", "20491113000000" },
        { "13 Nov 50", "19501113000000" },
        { "1 Mrz 1994", "19940301000000" },
        { "31 Dec 1999 23:59:60", "19991231235959" },
        { "30 Feb 1994", "" },
        { "13 Nov 1993 25:00", "" },
        { "garbage", "" },
        { "", "" },
        { "13/13/93", "" },
        { "13 November", "" },
        { "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 "
          "24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42", "" }
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned char in[256], want[16];
        size_t n = t_asc(cases[i].in, in), wn = t_asc(cases[i].want, want);
        hm_time t;
        long z;
        int rc = hm_ov_parse_date(in, n, NULL, &t, &z);
        if (wn == 0) {
            if (rc >= 0)
                fail_msg("case %u parsed", (unsigned)i);
            assert_int_equal(t.d[0], 0);
        } else {
            if (rc < 0)
                fail_msg("case %u not parsed", (unsigned)i);
            assert_memory_equal(t.d, want, 14);
        }
    }
}

static void test_dates_options(void **state)
{
    hm_ov_opt o;
    hm_time t;
    long z;
    unsigned char in[64], want[16];
    size_t n;
    (void)state;
    hm_ov_opt_init(&o);
    /* pivot */
    o.pivot = 30;
    n = t_asc("13 Nov 45", in);
    assert_true(hm_ov_parse_date(in, n, &o, &t, &z) >= 0);
    t_asc("19451113000000", want);
    assert_memory_equal(t.d, want, 14);
    /* zone shifting to UTC: CET 00:30 on 1 Jan 1994 -> 31 Dec 1993 */
    o.shift = 1;
    o.zone_min = 0;
    n = t_asc("1 Jan 94 00:30:00 CET", in);
    assert_true(hm_ov_parse_date(in, n, &o, &t, &z) >= 0);
    assert_int_equal(z, 60);
    t_asc("19931231233000", want);
    assert_memory_equal(t.d, want, 14);
    /* -0500 to +0100: 28 Feb 1996 20:00 -> 29 Feb 1996 02:00 */
    o.zone_min = 60;
    n = t_asc("Wed, 28 Feb 1996 20:00:00 -0500", in);
    assert_true(hm_ov_parse_date(in, n, &o, &t, &z) >= 0);
    t_asc("19960229020000", want);
    assert_memory_equal(t.d, want, 14);
    /* no zone: not shifted */
    n = t_asc("28 Feb 1996 20:00", in);
    assert_true(hm_ov_parse_date(in, n, &o, &t, &z) >= 0);
    assert_int_equal(z, HM_OV_NOZONE);
    t_asc("19960228200000", want);
    assert_memory_equal(t.d, want, 14);
}

typedef struct acase {
    const char *in;
    const char *want;   /* "name|addr;name|addr" */
} acase;

static void test_addresses(void **state)
{
    static const acase cases[] = {
        { "CMS1     at ALIJKU11", "CMS1 at ALIJKU11|PROFS:ALIJKU11(CMS1)" },
        { "John Smith <JSMITH at VM1>", "John Smith|PROFS:VM1(JSMITH)" },
        { "JSMITH@VM1", "JSMITH at VM1|PROFS:VM1(JSMITH)" },
        { "JSMITH@VM1.BITNET", "JSMITH at VM1|PROFS:VM1(JSMITH)" },
        { "Jo Ann <jo@x.example.com>", "Jo Ann|SMTP:jo@x.example.com" },
        { "\"Quoted, Name\" <a@b.example>",
          "Quoted, Name|SMTP:a@b.example" },
        { "a@b.example (Al Bee)", "Al Bee|SMTP:a@b.example" },
        { "a@b.example", "|SMTP:a@b.example" },
        { "MEA at FINFILES JOE at VMA, ANN at VMB",
          "MEA at FINFILES|PROFS:FINFILES(MEA);JOE at VMA|PROFS:VMA(JOE);"
          "ANN at VMB|PROFS:VMB(ANN)" },
        { "x@y.example; <z@w.example>",
          "|SMTP:x@y.example;|SMTP:z@w.example" },
        { "Mary Smith", "Mary Smith|" },
        { "JSMITH at VM1 (John Smith)", "John Smith|PROFS:VM1(JSMITH)" },
        { "<@relay.example:u@h.example>", "|SMTP:u@h.example" },
        { "\"Odd \\\" quote\" <q@h.example>",
          "Odd \" quote|SMTP:q@h.example" },
        { " , ,", "" },
        { "", "" }
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        unsigned char in[256], want[512], buf[HM_OV_ABUF(256)];
        unsigned char got[512];
        hm_ov_addr ad[8];
        size_t n = t_asc(cases[i].in, in), wn = t_asc(cases[i].want, want);
        size_t na = hm_ov_parse_addrs(in, n, ad, 8, buf, sizeof buf), k;
        size_t gn = 0;
        for (k = 0; k < na; k++) {
            if (k)
                got[gn++] = 0x3B;
            memcpy(got + gn, ad[k].a.name.s, ad[k].a.name.len);
            gn += ad[k].a.name.len;
            got[gn++] = 0x7C;
            memcpy(got + gn, ad[k].a.addr.s, ad[k].a.addr.len);
            gn += ad[k].a.addr.len;
        }
        if (gn != wn || memcmp(got, want, gn) != 0)
            fail_msg("address case %u", (unsigned)i);
    }
}

/* more addresses than room: the count, no overflow */
static void test_addresses_many(void **state)
{
    unsigned char in[2000], buf[HM_OV_ABUF(2000)];
    hm_ov_addr ad[4];
    size_t n = 0, i;
    (void)state;
    for (i = 0; i < 100; i++)
        n += t_asc("U at N, ", in + n);
    assert_int_equal(hm_ov_parse_addrs(in, n, ad, 4, buf, sizeof buf),
                     100);
    assert_text(ad[3].a.addr.s, ad[3].a.addr.len, "PROFS:N(U)");
    /* too small a text buffer: truncated, never beyond it */
    assert_int_equal(hm_ov_parse_addrs(in, n, ad, 4, buf, 10), 100);
    for (i = 0; i < 4; i++) {
        assert_true(ad[i].a.name.len <= 10);
        assert_true(ad[i].a.addr.len <= 10);
    }
}

static void test_folder_and_x2a(void **state)
{
    unsigned char out[16];
    char x[16];
    size_t n;
    (void)state;
    n = hm_ov_nb_folder("ALL NOTEBOOK A1", out, sizeof out);
    assert_text(out, n, "ALL");
    n = hm_ov_nb_folder("STORE/MEA/JOHN.NOTEBOOK", out, sizeof out);
    assert_text(out, n, "JOHN");
    n = hm_ov_x2a("Ab9@", out, sizeof out);
    assert_text(out, n, "Ab9@");
    out[0] = 0x41;
    out[1] = 0xC3;
    out[2] = 0x62;
    hm_ov_a2x(out, 3, x, sizeof x);
    assert_string_equal(x, "A?b");
}

static void test_rdrfile(void **state)
{
    hm_ov_rdrfile f;
    hm_ov_opt o;
    static const unsigned char data[3] = { 1, 2, 3 };
    (void)state;
    memset(&CAP, 0, sizeof CAP);
    memset(&f, 0, sizeof f);
    hm_ov_opt_init(&o);
    o.owner = "MEA";
    o.owner_node = "FINFILES";
    f.fn = "BUDGET";
    f.ft = "RFT";
    f.from_user = "CMS1";
    f.from_node = "ALIJKU11";
    f.ftime = "19931113220327000000";
    f.data.p = data;
    f.data.size = 3;
    assert_int_equal(hm_ov_rdrfile_item(&f, &o, t_capfn, &CAP), 0);
    assert_int_equal(CAP.n, 1);
    assert_text(CAP.m[0].subject.s, CAP.m[0].subject.n, "File BUDGET RFT");
    assert_text(CAP.m[0].saddr.s, CAP.m[0].saddr.n,
                "PROFS:ALIJKU11(CMS1)");
    assert_text(CAP.m[0].toaddr[0].s, CAP.m[0].toaddr[0].n,
                "PROFS:FINFILES(MEA)");
    assert_text(CAP.m[0].attname.s, CAP.m[0].attname.n, "BUDGET.RFT");
    assert_text(CAP.m[0].body, CAP.m[0].nbody,
                "File BUDGET RFT from CMS1 at ALIJKU11");
    assert_memory_equal(CAP.m[0].date, "\x31\x39\x39\x33\x31\x31\x31\x33"
                        "\x32\x32\x30\x33\x32\x37", 14);
    assert_int_equal(CAP.m[0].unread, 1);
    /* shifted to +0100 */
    memset(&CAP, 0, sizeof CAP);
    o.shift = 1;
    o.zone_min = 60;
    assert_int_equal(hm_ov_rdrfile_item(&f, &o, t_capfn, &CAP), 0);
    assert_memory_equal(CAP.m[0].date, "\x31\x39\x39\x33\x31\x31\x31\x33"
                        "\x32\x33\x30\x33\x32\x37", 14);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mailfile_cmsnote),
        cmocka_unit_test(test_mailfile_source),
        cmocka_unit_test(test_notebook_notes),
        cmocka_unit_test(test_notebook_split_rules),
        cmocka_unit_test(test_notebook_own_rules),
        cmocka_unit_test(test_notebook_edges),
        cmocka_unit_test(test_notebook_damaged),
        cmocka_unit_test(test_notebook_cut),
        cmocka_unit_test(test_notebook_junk),
        cmocka_unit_test(test_notebook_header_bytes),
        cmocka_unit_test(test_notebook_split_large),
        cmocka_unit_test(test_notebook_national),
        cmocka_unit_test(test_notebook_line_bytes),
        cmocka_unit_test(test_has_ctl),
        cmocka_unit_test(test_notebook_utf8_stop),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_dates_options),
        cmocka_unit_test(test_addresses),
        cmocka_unit_test(test_addresses_many),
        cmocka_unit_test(test_folder_and_x2a),
        cmocka_unit_test(test_rdrfile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
