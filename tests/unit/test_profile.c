/*
 * test_profile.c - store profiles (profile.c) and the --inspect
 * listing (inspect.c). Profile and copybook text are string literals
 * given in the execution character set's page (see test_copybook.c);
 * records are EBCDIC hex arrays; listing lines are in the execution
 * character set like the literals they are compared with.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "hm_profile.h"

static long live;

static void *t_alloc(void *ctx, size_t n)
{
    (void)ctx;
    live++;
    return malloc(n);
}

static void t_release(void *ctx, void *p)
{
    (void)ctx;
    if (p)
        live--;
    free(p);
}

static hm_alloc al = { t_alloc, t_release, 0 };

static char logbuf[8192];
static size_t loglen;

static void cap_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    if (loglen + len + 2 < sizeof logbuf) {
        memcpy(logbuf + loglen, line, len);
        loglen += len;
        logbuf[loglen++] = '\n';
        logbuf[loglen] = 0;
    }
}

static int logged(const char *s)
{
    return strstr(logbuf, s) != NULL;
}

static hm_log lg;

static const hm_cpage *tcp(void)
{
    return ('A' == 0xC1) ? hm_cp_builtin(1047) : NULL;
}

static void log_reset(void)
{
    loglen = 0;
    logbuf[0] = 0;
    hm_log_init(&lg, cap_log, NULL);
}

#define L(s) "       " s "\n"

static const char cbtext[] =
    L("01  MEMO-REC.")
    L("    05 REC-TYPE      PIC X.")
    L("       88 REC-DELETED VALUE 'D'.")
    L("    05 REC-SUB       PIC 9.")
    L("    05 REC-BODY      PIC X(40).")
    L("01  MEMO-HDR.")
    L("    05 FILLER        PIC X(2).")
    L("    05 HDR-FROM      PIC X(8).")
    L("    05 HDR-NTO       PIC S9(4) COMP.")
    L("    05 HDR-TO        PIC X(8) OCCURS 1 TO 3")
    L("                     DEPENDING ON HDR-NTO.")
    L("    05 HDR-DATE      PIC S9(7) COMP-3.")
    L("    05 HDR-TIME      PIC 9(6).")
    L("01  MEMO-TXT.")
    L("    05 FILLER        PIC X(2).")
    L("    05 TXT-SEQ       PIC 9(3).")
    L("    05 TXT-LINE      PIC X(10).");

static const char proftext[] =
    "# MEMO store profile (test)\n"
    "[store]\n"
    "name = MEMO\n"
    "codepage = 1047\n"
    "year-window = 1960\n"
    "tod-leap-seconds = 27\n"
    "copybook = MEMO.COPYLIB(MEMOREC)\n"
    "\n"
    "[type DELETED]\n"
    "item = skip\n"
    "when = REC-DELETED\n"
    "\n"
    "[type MSGHDR]\n"
    "item = message\n"
    "record = MEMO-HDR\n"
    "when = REC-TYPE = 'H'\n"
    "when = REC-SUB = 1, 2 THRU 3\n"
    "from = HDR-FROM\n"
    "To = hdr-to\n"
    "date = HDR-DATE as CYYDDD\n"
    "time = HDR-TIME OF MEMO-HDR as HHMMSS\n"
    "folder = 'INBOX'\n"
    "  ; another comment\n"
    "[type MSGTXT]\n"
    "item = text\n"
    "when = REC-TYPE = 'T'\n"
    "when = REC-SUB <> 0\n"
    "seq = TXT-SEQ\n"
    "line = TXT-LINE\n";

/* H1, FROM JSMITH, 2 recipients, 2024-02-29 (0124060F), 12:30:05 */
static const unsigned char hdr[] = {
    0xC8, 0xF1,
    0xD1, 0xE2, 0xD4, 0xC9, 0xE3, 0xC8, 0x40, 0x40,
    0x00, 0x02,
    0xC1, 0xC2, 0xC3, 0x40, 0x40, 0x40, 0x40, 0x40,
    0xE7, 0xE8, 0xE9, 0x40, 0x40, 0x40, 0x40, 0x40,
    0x01, 0x24, 0x06, 0x0F,
    0xF1, 0xF2, 0xF3, 0xF0, 0xF0, 0xF5
};
/* T1 seq 007 "HELLO" */
static const unsigned char txt[] = {
    0xE3, 0xF1, 0xF0, 0xF0, 0xF7, 0xC8, 0xC5, 0xD3, 0xD3, 0xD6,
    0x40, 0x40, 0x40, 0x40, 0x40
};
static const unsigned char del[] = { 0xC4, 0xF1 };
static const unsigned char tx0[] = { 0xE3, 0xF0, 0xF0, 0xF0, 0xF1 };

typedef struct fix {
    hm_copybook *cb;
    hm_profile *p;
    hm_lrec r;
    hm_cpconv cv;
} fix;

static fix F;

static int setup(void **st)
{
    (void)st;
    live = 0;
    log_reset();
    F.cb = hm_cb_parse(&al, (const unsigned char *)cbtext,
                       strlen(cbtext), tcp(), 0, &lg, "CB");
    F.p = hm_prof_parse(&al, (const unsigned char *)proftext,
                        strlen(proftext), tcp(), &lg, "PROF");
    if (!F.cb || !F.p || hm_prof_bind(F.p, F.cb, &lg, "PROF"))
        return -1;
    hm_cpconv_init(&F.cv, hm_cp_builtin(F.p->ccsid), HM_PC_UTF8,
                   HM_NL_CDRA);
    if (hm_lay_open(&F.r, &al, F.cb, &F.cv, &lg, "DS"))
        return -1;
    F.r.window = F.p->window;
    F.r.tod_leap = F.p->tod_leap;
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    hm_lay_close(&F.r);
    hm_prof_free(F.p);
    hm_cb_free(F.cb);
    return live == 0 ? 0 : -1;
}

static int role(int item, const char *name)
{
    return hm_prof_role(item, name);
}

static void t_parse(void **st)
{
    const hm_profile *p = F.p;
    const hm_pmap *m;
    char buf[64];
    (void)st;
    assert_string_equal(p->store, "MEMO");
    assert_int_equal(p->ccsid, 1047);
    assert_int_equal(p->window, 1960);
    assert_int_equal(p->tod_leap, 27);
    assert_string_equal(hm_prof_copybook(p, buf, sizeof buf),
                        "MEMO.COPYLIB(MEMOREC)");
    assert_int_equal(p->nt, 3);
    assert_string_equal(p->t[1].name, "MSGHDR");
    assert_int_equal(p->t[1].item, HM_IT_MESSAGE);
    assert_int_equal(p->t[1].root,
                     hm_cb_find(F.cb, (const unsigned char *)"MEMO-HDR",
                                8, tcp()));
    assert_int_equal(p->t[2].root,
                     hm_cb_find(F.cb, (const unsigned char *)"MEMO-TXT",
                                8, tcp()));
    assert_int_equal(p->t[1].ncond, 2);
    m = hm_prof_map(p, 1, role(HM_IT_MESSAGE, "to"));
    assert_non_null(m);
    assert_string_equal(F.cb->f[m->field].name, "HDR-TO");
    assert_int_equal(m->nsubs, 0);
    m = hm_prof_map(p, 1, role(HM_IT_MESSAGE, "date"));
    assert_int_equal(m->form, HM_DF_CYYDDD);
    m = hm_prof_map(p, 1, role(HM_IT_MESSAGE, "folder"));
    assert_int_equal(m->field, -1);
    assert_int_equal(m->len, 5);
    assert_int_equal(p->pool[m->off], 0x49);   /* I */
    assert_null(hm_prof_map(p, 1, role(HM_IT_MESSAGE, "cc")));
    assert_int_equal(role(HM_IT_MESSAGE, "line"), -1);
    assert_true(role(HM_IT_TEXT, "line") >= 0);
    assert_string_equal(hm_prof_itemname(HM_IT_BBOARD), "bboard");
}

static void t_types(void **st)
{
    unsigned char h2[sizeof hdr];
    (void)st;
    hm_lay_set(&F.r, hdr, sizeof hdr, 1);
    assert_int_equal(hm_prof_type(F.p, &F.r), 1);
    hm_lay_set(&F.r, txt, sizeof txt, 2);
    assert_int_equal(hm_prof_type(F.p, &F.r), 2);
    hm_lay_set(&F.r, del, sizeof del, 3);
    assert_int_equal(hm_prof_type(F.p, &F.r), 0);
    hm_lay_set(&F.r, tx0, sizeof tx0, 4);
    assert_int_equal(hm_prof_type(F.p, &F.r), -1);   /* REC-SUB 0 */
    memcpy(h2, hdr, sizeof hdr);
    h2[1] = 0xF3;
    hm_lay_set(&F.r, h2, sizeof h2, 5);
    assert_int_equal(hm_prof_type(F.p, &F.r), 1);    /* 2 THRU 3 */
    h2[1] = 0xF4;
    assert_int_equal(hm_prof_type(F.p, &F.r), -1);
    h2[1] = 0x4A;  /* not a digit: no type, and no message */
    assert_int_equal(hm_prof_type(F.p, &F.r), -1);
    assert_int_equal(loglen, 0);
}

static char lines[64][400];
static int nlines;

static void cap_line(void *ctx, const char *line, size_t len)
{
    (void)ctx;
    if (nlines < 64 && len < sizeof lines[0]) {
        memcpy(lines[nlines], line, len);
        lines[nlines][len] = 0;
        nlines++;
    }
}

static int has_line(const char *s)
{
    int i;
    for (i = 0; i < nlines; i++)
        if (strcmp(lines[i], s) == 0)
            return 1;
    return 0;
}

typedef struct recs {
    const unsigned char *r[8];
    size_t n[8];
    int k, nr;
} recs;

static int next_rec(void *ctx, const unsigned char **rec, size_t *len)
{
    recs *s = ctx;
    if (s->k >= s->nr)
        return 0;
    *rec = s->r[s->k];
    *len = s->n[s->k];
    s->k++;
    return 1;
}

static void t_inspect(void **st)
{
    recs s;
    long n;
    (void)st;
    memset(&s, 0, sizeof s);
    s.r[0] = hdr; s.n[0] = sizeof hdr;
    s.r[1] = txt; s.n[1] = sizeof txt;
    s.r[2] = hdr; s.n[2] = sizeof hdr;
    s.r[3] = tx0; s.n[3] = sizeof tx0;
    s.r[4] = del; s.n[4] = sizeof del;
    s.r[5] = txt; s.n[5] = sizeof txt;
    s.nr = 6;
    nlines = 0;
    n = hm_inspect(F.p, &F.r, next_rec, &s, 1, cap_line, NULL);
    assert_int_equal(n, 5);     /* stops once every type was listed */
    assert_true(has_line("RECORD 1 TYPE MSGHDR (message) LENGTH 38 "
                         "LAYOUT MEMO-HDR"));
    assert_true(has_line("  01 MEMO-HDR                            "
                         "@0      +38     G "));
    assert_true(has_line("    05 HDR-FROM                          "
                         "@2      +8      X 'JSMITH'"));
    assert_true(has_line("    05 HDR-NTO                           "
                         "@10     +2      B 2"));
    assert_true(has_line("    05 HDR-TO(2)                         "
                         "@20     +8      X 'XYZ'"));
    assert_true(has_line("    05 HDR-DATE                          "
                         "@28     +4      P 124060"));
    assert_true(has_line("    05 HDR-TIME                          "
                         "@32     +6      Z 123005"));
    assert_true(has_line("  ROLE date = HDR-DATE as CYYDDD: "
                         "20240229000000"));
    assert_true(has_line("  ROLE time = HDR-TIME as HHMMSS: "
                         "00000000123005"));
    assert_true(has_line("  ROLE to = HDR-TO(1): 'ABC'"));
    assert_true(has_line("  ROLE folder = 'INBOX'"));
    assert_true(has_line("RECORD 2 TYPE MSGTXT (text) LENGTH 15 "
                         "LAYOUT MEMO-TXT"));
    assert_true(has_line("  ROLE seq = TXT-SEQ: 7"));
    assert_true(has_line("  ROLE line = TXT-LINE: 'HELLO'"));
    assert_true(has_line("RECORD 4 TYPE (none) LENGTH 5 LAYOUT "
                         "MEMO-REC"));
    assert_true(has_line("    05 REC-BODY                          "
                         "@2      +40     X *not in the record*"));
    assert_true(has_line("      88 REC-DELETED                    "
                         "                    FALSE"));
    assert_true(has_line("RECORD 5 TYPE DELETED (skip) LENGTH 2 "
                         "LAYOUT MEMO-REC"));
    assert_false(has_line("RECORD 3 TYPE MSGHDR (message) LENGTH 38 "
                          "LAYOUT MEMO-HDR"));
    assert_int_equal(loglen, 0);
}

/* profile errors: each names the profile line */
static const struct {
    const char *text;
    const char *want;
} perr[] = {
    { "[store]\nname = M\n[type A]\nitem = message\nfrom == X\n",
      "P line 5: the value of from is not valid" },
    { "[store]\ncolour = red\n[type A]\nitem = skip\n",
      "P line 2: the key colour is not known in section [store]" },
    { "[stuff]\n", "P line 1: the section [stuff] is not known" },
    { "[type A]\nitem = message\nwhen = REC-TYPE 'H'\n",
      "P line 3: the value of when is not valid" },
    { "[type A]\nitem = message\nline = TXT-LINE\n",
      "P line 3: line is not a role of the item kind message" },
    { "[type A]\nfrom = X\n",
      "P line 2: type A has no item kind yet; give item = KIND before "
      "from" },
    { "[type A]\nitem = letter\n",
      "P line 2: the value of item is not valid" },
    { "[type A]\nitem = message\n[type A]\n",
      "P line 3: A is given twice" },
    { "[type A]\nitem = message\ndate = HDR-DATE\n",
      "P line 3: the role date needs a date or time form" },
    { "[type A]\nitem = message\ndate = HDR-DATE as HHMMSS\n",
      "P line 3: the role date needs a date or time form" },
    { "[type A]\nitem = message\nfrom = HDR-FROM as YYMMDD\n",
      "P line 3: the role from needs a date or time form" },
    { "[type A]\nitem = message\ndate = X as NOFORM\n",
      "P line 3: the role date needs" },
    { "name = X\n", "P line 1: the key name comes before any section" },
    { "just words\n", "P line 1: the line is neither" },
    { "[store]\nyear-window = 50\n[type A]\nitem = skip\n",
      "P line 2: the value of year-window is not valid" },
    { "[store]\ncodepage = 37\ncodepage = 273\n",
      "P line 3: codepage is given twice" },
    { "# nothing\n", "P: the profile defines no record type" },
    { "[type A]\n", "P line 1: type A has no item kind yet" },
    { "[type A]\nitem = message\nto = HDR-TO(1,)\n",
      "P line 3: the value of to is not valid" },
    { "[type A\n", "P line 1: the line is neither" },
    { 0, 0 }
};

static void t_errors(void **st)
{
    int i;
    (void)st;
    live = 0;
    for (i = 0; perr[i].text; i++) {
        hm_profile *p;
        log_reset();
        p = hm_prof_parse(&al, (const unsigned char *)perr[i].text,
                          strlen(perr[i].text), tcp(), &lg, "P");
        if (p || !logged(perr[i].want))
            fail_msg("case %d: got \"%s\"", i, logbuf);
    }
    assert_int_equal(live, 0);
}

/* errors found when binding to the copybook */
static const struct {
    const char *text;
    const char *want;
} berr[] = {
    { "[type A]\nitem = message\nfrom = NOPE\n",
      "P line 3: NOPE names no item" },
    { "[type A]\nitem = message\nfrom = FILLER\n",
      "P line 3: FILLER names no item" },
    { "[type A]\nitem = text\nseq = TXT-LINE\n",
      "P line 3: item TXT-LINE does not fit the role seq" },
    { "[type A]\nitem = message\nstamp = HDR-TIME as STCK\n",
      "P line 3: item HDR-TIME does not fit the role stamp" },
    { "[type A]\nitem = message\nto = HDR-TO(1, 2)\n",
      "P line 3: item HDR-TO has 1 OCCURS levels" },
    { "[type A]\nitem = message\nwhen = HDR-TO = 'X'\n",
      "P line 3: item HDR-TO has 1 OCCURS levels" },
    { "[type A]\nitem = message\nwhen = NOT-A-COND\n",
      "P line 3: NOT-A-COND names no item" },
    { "[type A]\nitem = message\nrecord = HDR-FROM\n",
      "P line 1: HDR-FROM names no item (or no 01" },
    { 0, 0 }
};

static void t_bind_errors(void **st)
{
    int i;
    hm_copybook *cb;
    (void)st;
    live = 0;
    log_reset();
    cb = hm_cb_parse(&al, (const unsigned char *)cbtext, strlen(cbtext),
                     tcp(), 0, &lg, "CB");
    assert_non_null(cb);
    for (i = 0; berr[i].text; i++) {
        hm_profile *p;
        log_reset();
        p = hm_prof_parse(&al, (const unsigned char *)berr[i].text,
                          strlen(berr[i].text), tcp(), &lg, "P");
        assert_non_null(p);
        if (hm_prof_bind(p, cb, &lg, "P") == 0 || !logged(berr[i].want)) {
            hm_prof_free(p);
            hm_cb_free(cb);
            fail_msg("case %d: got \"%s\"", i, logbuf);
        }
        hm_prof_free(p);
    }
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

static void t_role_table(void **st)
{
    int n, i, j;
    const hm_roledef *r = hm_prof_roles(&n);
    (void)st;
    assert_true(n > 40);
    /* unique per item kind, every kind but skip has roles */
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            assert_false(r[i].item == r[j].item
                         && strcmp(r[i].name, r[j].name) == 0);
    for (i = 1; i < HM_IT_SKIP; i++) {
        int any = 0;
        for (j = 0; j < n; j++)
            any |= r[j].item == i;
        assert_true(any);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(t_parse, setup, teardown),
        cmocka_unit_test_setup_teardown(t_types, setup, teardown),
        cmocka_unit_test_setup_teardown(t_inspect, setup, teardown),
        cmocka_unit_test(t_errors),
        cmocka_unit_test(t_bind_errors),
        cmocka_unit_test(t_role_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
