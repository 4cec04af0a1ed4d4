/*
 * test_ovvm_names.c - NAMES files to PAB entries and lists
 * (extractors/ovvm/names.c). Records are EBCDIC (CCSID 037) built
 * from the test literals.
 */
#include "ovvm_t.h"

typedef struct tpab {
    int is_dl;
    tstr f[HM_PAB_NFIELDS];
    tstr mem[8];
    size_t nmem;
    unsigned long rec;
} tpab;

typedef struct pcap {
    tpab p[32];
    unsigned n;
} pcap;

static pcap PC;

static int pab_fn(void *ctx, const hm_item *it, const hm_ov_meta *meta)
{
    pcap *c = (pcap *)ctx;
    size_t i;
    assert_int_equal(it->kind, HM_ITEM_PAB);
    assert_non_null(meta->entry);
    if (c->n < 32) {
        tpab *p = &c->p[c->n];
        memset(p, 0, sizeof *p);
        p->is_dl = it->u.pab.is_dl;
        for (i = 0; i < HM_PAB_NFIELDS; i++)
            t_str(&p->f[i], it->u.pab.f[i]);
        p->nmem = it->u.pab.nmembers;
        for (i = 0; i < p->nmem && i < 8; i++)
            t_str(&p->mem[i], it->u.pab.members[i]);
        p->rec = meta->first_rec;
    }
    c->n++;
    return 0;
}

typedef struct nmrun {
    hm_ov_names *nm;
    hm_cpconv cv;
    hm_log lg;
    tlog tl;
    const hm_cpage *cp;
} nmrun;

static void nm_run(nmrun *r, const char *const *recs, const hm_ov_opt *o)
{
    unsigned char b[512];
    memset(&PC, 0, sizeof PC);
    r->cp = hm_cp_builtin(37);
    hm_cpconv_init(&r->cv, r->cp, HM_PC_UTF8, HM_NL_CDRA);
    t_loginit(&r->lg, &r->tl);
    r->nm = hm_ov_names_open(&A, &r->cv, &r->lg, "MEA NAMES", o);
    assert_non_null(r->nm);
    for (; *recs; recs++) {
        size_t n = t_host(r->cp, *recs, b);
        assert_int_equal(hm_ov_names_record(r->nm, b, n), 0);
    }
    assert_int_equal(hm_ov_names_finish(r->nm), 0);
}

static const char *const NAMES[] = {
    "* not an entry",
    ":nick.JOE :userid.JSMITH :node.VM1",
    "  :name.Joe Smith :phone.555-1234",
    ":addr.1 Main St :title.Manager",
    ":color.blue   and   green",
    ":nick.ann :userid.ANN",
    ":name.Ann Other :notebook.ANN",
    "",
    ":nick.TEAM :list.JOE ann BOB at VMB",
    "   CARL@VMC.EXAMPLE.COM",
    ":nick.ALL :list.TEAM joe MORE",
    ":notebook.team",
    ":NICK.MORE :LIST.ann DAN at VMD :name.More people",
    ":nick.LOOP1 :list.LOOP2 JOE",
    ":nick.LOOP2 :list.LOOP1 GHOST",
    ":nick..AE :mailer.SMTP@INTERBIT BSMTP 3",
    ":site.United Arab Emirates :notebook.ann",
    NULL
};

static void test_names_entries(void **state)
{
    nmrun r;
    hm_ov_opt o;
    const hm_ov_entry *e;
    unsigned char k[16];
    hm_text v;
    (void)state;
    hm_ov_opt_init(&o);
    o.owner_node = "HOME";
    nm_run(&r, NAMES, &o);
    assert_int_equal(hm_ov_names_count(r.nm), 8);
    assert_true(t_has(&r.tl, 510));
    e = hm_ov_names_at(r.nm, 0);
    assert_text(e->nick.s, e->nick.len, "JOE");
    assert_text(e->display.s, e->display.len, "Joe Smith");
    assert_text(e->email.s, e->email.len, "PROFS:VM1(JSMITH)");
    assert_int_equal(e->first_rec, 2);
    assert_int_equal(hm_ov_names_tag(e, k, t_asc("color", k), &v), 1);
    assert_text(v.s, v.len, "blue and green");
    e = hm_ov_names_at(r.nm, 1);
    assert_text(e->email.s, e->email.len, "PROFS:HOME(ANN)");
    /* lookups */
    assert_int_equal(hm_ov_names_find(r.nm, k, t_asc("team", k)), 2);
    assert_int_equal(hm_ov_names_find(r.nm, k, t_asc("nobody", k)), -1);
    {
        unsigned char u[8], nd[8];
        size_t nu = t_asc("jsmith", u), nn = t_asc("VM1", nd);
        assert_int_equal(hm_ov_names_find_user(r.nm, u, nu, nd, nn), 0);
        assert_int_equal(hm_ov_names_find_user(r.nm, u, nu, NULL, 0), 0);
        nn = t_asc("VM2", nd);
        assert_int_equal(hm_ov_names_find_user(r.nm, u, nu, nd, nn), -1);
        nu = t_asc("ANN", u);
        nn = t_asc("HOME", nd);
        assert_int_equal(hm_ov_names_find_user(r.nm, u, nu, nd, nn), 1);
    }
    /* notebooks, distinct */
    assert_int_equal(hm_ov_names_notebooks(r.nm), 2);
    v = hm_ov_names_notebook_at(r.nm, 0);
    assert_text(v.s, v.len, "ANN");
    v = hm_ov_names_notebook_at(r.nm, 1);
    assert_text(v.s, v.len, "team");
    hm_ov_names_close(r.nm);
}

static void test_names_lists(void **state)
{
    nmrun r;
    (void)state;
    nm_run(&r, NAMES, NULL);
    assert_int_equal(hm_ov_names_pab(r.nm, pab_fn, &PC), 0);
    assert_int_equal(PC.n, 8);
    /* entry */
    assert_int_equal(PC.p[0].is_dl, 0);
    assert_text(PC.p[0].f[HM_PAB_DISPLAY].s, PC.p[0].f[HM_PAB_DISPLAY].n,
                "Joe Smith");
    assert_text(PC.p[0].f[HM_PAB_EMAIL].s, PC.p[0].f[HM_PAB_EMAIL].n,
                "PROFS:VM1(JSMITH)");
    assert_text(PC.p[0].f[HM_PAB_BUS].s, PC.p[0].f[HM_PAB_BUS].n,
                "555-1234");
    assert_text(PC.p[0].f[HM_PAB_ADDRESS].s, PC.p[0].f[HM_PAB_ADDRESS].n,
                "1 Main St");
    assert_text(PC.p[0].f[HM_PAB_TITLE].s, PC.p[0].f[HM_PAB_TITLE].n,
                "Manager");
    assert_text(PC.p[0].f[HM_PAB_NOTE].s, PC.p[0].f[HM_PAB_NOTE].n,
                "nick: JOE\ncolor: blue and green");
    /* no node and no local node: no address, the userid in Note */
    assert_int_equal(PC.p[1].f[HM_PAB_EMAIL].n, 0);
    assert_text(PC.p[1].f[HM_PAB_NOTE].s, PC.p[1].f[HM_PAB_NOTE].n,
                "nick: ann\nuserid: ANN\nnotebook: ANN");
    /* TEAM: JOE, ann, BOB at VMB, CARL@VMC.EXAMPLE.COM */
    assert_int_equal(PC.p[2].is_dl, 1);
    assert_int_equal(PC.p[2].nmem, 4);
    assert_text(PC.p[2].mem[0].s, PC.p[2].mem[0].n, "Joe Smith");
    assert_text(PC.p[2].mem[1].s, PC.p[2].mem[1].n, "Ann Other");
    assert_text(PC.p[2].mem[2].s, PC.p[2].mem[2].n, "PROFS:VMB(BOB)");
    assert_text(PC.p[2].mem[3].s, PC.p[2].mem[3].n,
                "SMTP:CARL@VMC.EXAMPLE.COM");
    assert_int_equal(PC.p[2].f[HM_PAB_EMAIL].n, 0);
    /* ALL: TEAM (4) + joe (dup) + MORE (ann dup, DAN at VMD) = 5 */
    assert_int_equal(PC.p[3].nmem, 5);
    assert_text(PC.p[3].mem[4].s, PC.p[3].mem[4].n, "PROFS:VMD(DAN)");
    assert_text(PC.p[3].f[HM_PAB_NOTE].s, PC.p[3].f[HM_PAB_NOTE].n,
                "nick: ALL\nnotebook: team");
    /* MORE: upper-case tags, :name. after :list. */
    assert_text(PC.p[4].f[HM_PAB_DISPLAY].s, PC.p[4].f[HM_PAB_DISPLAY].n,
                "More people");
    assert_int_equal(PC.p[4].nmem, 2);
    /* the cycle LOOP1 -> LOOP2 -> LOOP1 is cut and reported; GHOST
     * is unknown */
    assert_true(t_has(&r.tl, 511));
    assert_true(t_has(&r.tl, 512));
    assert_int_equal(PC.p[5].nmem, 2); /* GHOST, Joe Smith */
    assert_int_equal(PC.p[6].nmem, 1); /* GHOST */
    /* the domain entry */
    assert_text(PC.p[7].f[HM_PAB_DISPLAY].s, PC.p[7].f[HM_PAB_DISPLAY].n,
                ".AE");
    assert_text(PC.p[7].f[HM_PAB_NOTE].s, PC.p[7].f[HM_PAB_NOTE].n,
                "nick: .AE\nmailer: SMTP@INTERBIT BSMTP 3\n"
                "site: United Arab Emirates\nnotebook: ann");
    hm_ov_names_close(r.nm);
}

static void test_names_dup_and_limits(void **state)
{
    static const char *const recs[] = {
        ":nick.A :userid.U1",
        ":nick.a :userid.U2",
        ":nick.L :list.L",
        ":nick.B :list.",
        ":nick.",
        NULL
    };
    nmrun r;
    hm_ov_opt o;
    unsigned char b[128];
    size_t n;
    int i;
    (void)state;
    nm_run(&r, recs, NULL);
    assert_true(t_has(&r.tl, 513));
    assert_true(t_has(&r.tl, 511));
    assert_int_equal(hm_ov_names_pab(r.nm, pab_fn, &PC), 0);
    assert_int_equal(PC.n, 5);
    assert_int_equal(PC.p[2].nmem, 0);
    assert_int_equal(PC.p[3].nmem, 0);
    hm_ov_names_close(r.nm);
    /* the size limit: reported once, the rest not read */
    hm_ov_opt_init(&o);
    o.max_names = 100;
    memset(&PC, 0, sizeof PC);
    t_loginit(&r.lg, &r.tl);
    r.nm = hm_ov_names_open(&A, &r.cv, &r.lg, "BIG NAMES", &o);
    for (i = 0; i < 2000; i++) {
        n = t_host(r.cp, ":nick.X :userid.Y :node.Z :name.Some Name", b);
        assert_int_equal(hm_ov_names_record(r.nm, b, n), 0);
    }
    assert_int_equal(hm_ov_names_finish(r.nm), 0);
    assert_true(t_has(&r.tl, 514));
    assert_true(hm_ov_names_count(r.nm) < 2000);
    hm_ov_names_close(r.nm);
}

/* random junk: no crash */
static void test_names_junk(void **state)
{
    nmrun r;
    unsigned char b[200];
    unsigned seed = 3;
    int i;
    static const char *const none[] = { NULL };
    (void)state;
    nm_run(&r, none, NULL);
    hm_ov_names_close(r.nm);
    t_loginit(&r.lg, &r.tl);
    r.nm = hm_ov_names_open(&A, &r.cv, &r.lg, "JUNK", NULL);
    for (i = 0; i < 500; i++) {
        size_t n, k;
        n = (seed = seed * 1103515245u + 12345u) % 200u;
        for (k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            /* mostly ':', '.', blanks, letters */
            switch ((seed >> 16) % 5u) {
            case 0: b[k] = 0x7A; break;
            case 1: b[k] = 0x4B; break;
            case 2: b[k] = 0x40; break;
            default: b[k] = (unsigned char)(seed >> 8); break;
            }
        }
        if (i % 7 == 0 && n > 6) {
            b[0] = 0x7A; b[1] = 0x95; b[2] = 0x89; b[3] = 0x83;
            b[4] = 0x92; b[5] = 0x4B;
        }
        assert_int_equal(hm_ov_names_record(r.nm, b, n), 0);
    }
    assert_int_equal(hm_ov_names_finish(r.nm), 0);
    assert_int_equal(hm_ov_names_pab(r.nm, pab_fn, &PC), 0);
    hm_ov_names_close(r.nm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_entries),
        cmocka_unit_test(test_names_lists),
        cmocka_unit_test(test_names_dup_and_limits),
        cmocka_unit_test(test_names_junk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
