/*
 * test_ovcal.c - OVVMEXT calendars (extractors/ovvm/ovcal.c): the
 * schedule items of a layout-driven source over an in-memory data
 * set (RDWs, EBCDIC 037) added to the accounts of a stand-in store
 * source, matched by user id; users that are no account; a user id
 * twice (case); other item kinds; calendar data out of the store's
 * order, held in storage or read again (the same items either way,
 * each record counted once); a partition. Pure: native, EBCDIC,
 * s390x.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "../../extractors/ovvm/ovcal.h"

#include "lay_t.h"

/* an execution-charset string as ASCII (what the product emits) */
static size_t to_ascii(const char *s, unsigned char *out)
{
    const hm_cpage *p = hm_cp_builtin(1047);
    size_t i;
    for (i = 0; s[i]; i++)
        out[i] = ebcdic_exec() ? (unsigned char)p->ucs[(unsigned char)s[i]]
                               : (unsigned char)s[i];
    return i;
}

/* ---- the calendar data set ---- */

static unsigned char ds[8192];
static size_t dsn;
static unsigned long nrecs;

static void rec(const char *s)
{
    const hm_cpage *e037 = hm_cp_builtin(37);
    size_t i, n = strlen(s), l = n + 4;
    ds[dsn++] = (unsigned char)(l >> 8);
    ds[dsn++] = (unsigned char)(l & 0xFF);
    ds[dsn++] = 0;
    ds[dsn++] = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!ebcdic_exec())
            c = (unsigned char)hm_cp_from_ucs(e037, c);
        ds[dsn++] = c;
    }
    nrecs++;
}

#define L(s) "       " s "\n"

static const char cbtext[] =
    L("01  C-KEY.")
    L("    05 C-USER        PIC X(4).")
    L("    05 C-KIND        PIC X.")
    L("    05 C-ITEM        PIC 9(3).")
    L("01  C-OWN.")
    L("    05 FILLER        PIC X(8).")
    L("    05 O-NAME        PIC X(8).")
    L("01  C-ENT.")
    L("    05 FILLER        PIC X(8).")
    L("    05 E-DATE        PIC 9(8).")
    L("    05 E-TIME        PIC 9(4).")
    L("    05 E-SUBJ        PIC X(10).")
    L("01  C-MSG.")
    L("    05 FILLER        PIC X(8).")
    L("    05 M-SUBJ        PIC X(10).");

static const char proftext[] =
    "[store]\nname = T\ncodepage = 37\n"
    "[type OWN]\nitem = account\nrecord = C-OWN\nwhen = C-KIND = 'U'\n"
    "id = C-USER\nname = O-NAME\n"
    "[type ENT]\nitem = calendar\nrecord = C-ENT\nwhen = C-KIND = 'E'\n"
    "account = C-USER\nid = C-ITEM\ndate = E-DATE as YYYYMMDD\n"
    "time = E-TIME as HHMM\nsubject = E-SUBJ\n"
    "[type MSG]\nitem = message\nrecord = C-MSG\nwhen = C-KIND = 'M'\n"
    "account = C-USER\nid = C-ITEM\nsubject = M-SUBJ\n";

/* users in this order: CCCC (3 entries), XXXX (no account, 1), BBBB
 * (2), AAAA (2 and a message), aaaa (AAAA again, 1) */
static void build(void)
{
    dsn = 0;
    nrecs = 0;
    rec("CCCCU000Carl    ");
    rec("CCCCE001199301020900c1        ");
    rec("CCCCE00219930103    c2 all day");
    rec("CCCCE003199301041000c3        ");
    rec("XXXXE001199401010800x1        ");
    rec("BBBBU000Berta   ");
    rec("BBBBE001199502010800b1        ");
    rec("BBBBE002199502021100b2        ");
    rec("AAAAU000Anna    ");
    rec("AAAAE001199603010700a1        ");
    rec("AAAAM002hello     ");
    rec("AAAAE003199603031500a3        ");
    rec("aaaaE001199704040700dup       ");
}

static hm_memsrc msrc;

static int io_open(void *ctx, int i, hm_read_fn *fn, void **rctx)
{
    (void)ctx;
    (void)i;
    hm_memsrc_init(&msrc, ds, dsn);
    *fn = hm_memsrc_read;
    *rctx = &msrc;
    return 0;
}

static void io_close(void *ctx, void *rctx)
{
    (void)ctx;
    (void)rctx;
}

/* ---- the stand-in store: accounts AAAA BBBB CCCC DDDD, each with
 * one message of its own ---- */

static const char *const ids[] = { "AAAA", "BBBB", "CCCC", "DDDD" };

typedef struct store {
    size_t next;
    unsigned char id[8];
} store;

static int st_next(void *ctx, hm_account *a)
{
    store *s = (store *)ctx;
    memset(a, 0, sizeof *a);
    if (s->next >= 4)
        return HM_PIPE_END;
    a->id.len = to_ascii(ids[s->next++], s->id);
    a->id.s = s->id;
    return HM_PIPE_OK;
}

static int st_items(void *ctx, const hm_account *a, hm_pipe_emit emit,
                    void *ectx)
{
    hm_item it;
    (void)ctx;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_MESSAGE;
    it.u.msg.subject = a->id;
    return emit(ectx, &it);
}

/* what the pipeline got: "account:subject/start" lines, ASCII */
static char out[2048];
static size_t outn;

static void out_text(const unsigned char *s, size_t n)
{
    const hm_cpage *p = hm_cp_builtin(1047);
    size_t i;
    for (i = 0; i < n && outn + 2 < sizeof out; i++)
        out[outn++] = ebcdic_exec() ? (char)hm_cp_from_ucs(p, s[i])
                                    : (char)s[i];
    out[outn] = 0;
}

static int t_emit(void *ectx, const hm_item *it)
{
    const hm_account *a = (const hm_account *)ectx;
    out_text(a->id.s, a->id.len);
    if (it->kind == HM_ITEM_CAL) {
        static const unsigned char colon = 0x3A, slash = 0x2F;
        out_text(&colon, 1);
        out_text(it->u.cal.text.s, it->u.cal.text.len);
        out_text(&slash, 1);
        out_text(it->u.cal.start.d, 12);
    }
    if (outn + 2 < sizeof out) {
        out[outn++] = ' ';
        out[outn] = 0;
    }
    return HM_PIPE_OK;
}

/* run the pipeline's part: every account, items of the visited ones */
static void run(hm_pipe_src *src, const int *visit)
{
    hm_account a;
    int k = 0;
    outn = 0;
    out[0] = 0;
    while (src->next_account(src->ctx, &a) == HM_PIPE_OK) {
        hm_account keep = a;
        if (!visit || visit[k])
            assert_int_equal(src->items(src->ctx, &keep, t_emit, &keep),
                             HM_PIPE_OK);
        k++;
    }
}

typedef struct fixture {
    hm_copybook *cb;
    hm_profile *p;
    hm_lsrc *ls;
    hm_ovc *c;
    store st;
    hm_pipe_src inner, src;
} fixture;

static const char *const dsnames[1] = { "CAL.VB" };

static void fx_open(fixture *f, unsigned long cache_max, hm_settings *set)
{
    hm_ls_cfg c;
    hm_ovc_cfg oc;
    log_reset();
    build();
    memset(f, 0, sizeof *f);
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
    c.names = dsnames;
    c.ndata = 1;
    c.addrtype = "PROFS";
    c.io.open = io_open;
    c.io.close = io_close;
    f->ls = hm_ls_open(&c);
    assert_non_null(f->ls);
    memset(&oc, 0, sizeof oc);
    oc.al = &al;
    oc.log = &lg;
    oc.ls = f->ls;
    oc.ids = ids;
    oc.nids = 4;
    oc.set = set;
    oc.cache_max = cache_max;
    f->c = hm_ovc_open(&oc);
    assert_non_null(f->c);
    f->inner.next_account = st_next;
    f->inner.items = st_items;
    f->inner.ctx = &f->st;
    hm_ovc_source(f->c, &f->inner, &f->src);
}

static void fx_close(fixture *f)
{
    hm_ovc_close(f->c);
    hm_ls_close(f->ls);
    hm_prof_free(f->p);
    hm_cb_free(f->cb);
    assert_int_equal(live, 0);
}

static const char want_all[] =
    "AAAA AAAA:a1/199603010700 AAAA:a3/199603031500 "
    "BBBB BBBB:b1/199502010800 BBBB:b2/199502021100 "
    "CCCC CCCC:c1/199301020900 CCCC:c2 all day/199301030000 "
    "CCCC:c3/199301041000 DDDD ";

/* the calendar data in another order than the store's: the users
 * passed on the way are held; the unknown user and the second AAAA
 * are reported */
static void test_held(void **state)
{
    fixture f;
    const hm_ovc_stats *s;
    hm_ls_stats ls;
    (void)state;
    fx_open(&f, 0, 0);
    assert_true(logged("HMG0591I Calendars: 5 user ids in the calendar "
                       "data, 3 of them store accounts"));
    run(&f.src, 0);
    assert_string_equal(out, want_all);
    s = hm_ovc_stat(f.c);
    assert_int_equal(s->users, 5);
    assert_int_equal(s->matched, 3);
    assert_int_equal(s->items, 7);
    assert_int_equal(s->accounts, 3);
    assert_int_equal(s->unknown, 2);
    assert_int_equal(s->unknown_items, 2);
    assert_int_equal(s->ignored[HM_ITEM_MESSAGE], 1);
    assert_int_equal(s->held, 2);
    assert_int_equal(s->rereads, 0);
    assert_true(s->held_peak > 0);
    assert_true(logged("HMG0592W Calendars: the user id XXXX has 1 "
                       "schedule items but no account"));
    assert_true(logged("HMG0593W Calendars: the user id aaaa is the "
                       "account AAAA, which has a calendar already; its "
                       "1 schedule items"));
    hm_ls_stats_get(f.ls, &ls);
    assert_int_equal(ls.records, nrecs);
    hm_ovc_summary(f.c);
    assert_true(logged("HMG0595I Calendars: 5 user ids, 3 of them store "
                       "accounts; 7 schedule items for 3 accounts"));
    assert_true(logged("HMG0596W Calendars: 2 schedule items of 2 user "
                       "ids"));
    assert_true(logged("HMG0594W Calendars: 1 message items"));
    assert_true(logged("HMG0597I Calendars: the calendar data is not in "
                       "the order of the store's accounts; 0 users were "
                       "read again from the start, 2 were held"));
    fx_close(&f);
}

/* storage for one user only: the other is read again from the start;
 * the same items, each record counted once */
static void test_reread(void **state)
{
    fixture f;
    const hm_ovc_stats *s;
    hm_ls_stats ls;
    (void)state;
    fx_open(&f, 1, 0);
    run(&f.src, 0);
    assert_string_equal(out, want_all);
    s = hm_ovc_stat(f.c);
    assert_int_equal(s->items, 7);
    assert_int_equal(s->held, 1);
    assert_int_equal(s->rereads, 1);
    assert_int_equal(s->unknown, 2);
    hm_ls_stats_get(f.ls, &ls);
    assert_int_equal(ls.records, nrecs);
    assert_int_equal(ls.found[HM_IT_CALENDAR], 9);
    fx_close(&f);
}

/* partition 2 of 2: BBBB and DDDD; nothing held for CCCC (not in
 * this part), unknown users not reported (partition 1 does) */
static void test_partition(void **state)
{
    fixture f;
    hm_settings set;
    const hm_ovc_stats *s;
    static const int visit[4] = { 0, 1, 0, 1 };
    (void)state;
    hm_set_init(&set, &al);
    set.part_k = 2;
    set.part_n = 2;
    fx_open(&f, 0, &set);
    run(&f.src, visit);
    assert_string_equal(out, "BBBB BBBB:b1/199502010800 "
                             "BBBB:b2/199502021100 DDDD ");
    s = hm_ovc_stat(f.c);
    assert_int_equal(s->items, 2);
    assert_int_equal(s->held, 0);
    assert_int_equal(s->unknown, 0);
    assert_false(logged("HMG0592W"));
    hm_set_free(&set);
    fx_close(&f);
}

/* a store account whose own items fail: no calendar read for it */
static int fail_items(void *ctx, const hm_account *a, hm_pipe_emit emit,
                      void *ectx)
{
    (void)ctx;
    (void)a;
    (void)emit;
    (void)ectx;
    return HM_PIPE_FAIL;
}

static void test_fail(void **state)
{
    fixture f;
    hm_account a;
    (void)state;
    fx_open(&f, 0, 0);
    f.inner.items = fail_items;
    hm_ovc_source(f.c, &f.inner, &f.src);
    assert_int_equal(f.src.next_account(f.src.ctx, &a), HM_PIPE_OK);
    assert_int_equal(f.src.items(f.src.ctx, &a, t_emit, &a),
                     HM_PIPE_FAIL);
    assert_int_equal(hm_ovc_stat(f.c)->items, 0);
    fx_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_held),
        cmocka_unit_test(test_reread),
        cmocka_unit_test(test_partition),
        cmocka_unit_test(test_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
