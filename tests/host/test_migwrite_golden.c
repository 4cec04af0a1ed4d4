/* test_migwrite_golden.c - the writer against hand-written golden
 * files (tests/golden/migwrite/, see its README), then the same set
 * through the checker. Native build only (reads files). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include "../unit/migmemfs.h"

#define GOLD "tests/golden/migwrite/"

static hm_text T(const char *s)
{
    hm_text t = { (const unsigned char *)s, strlen(s) };
    return t;
}

static void put(hm_mw *w, hm_item *it)
{
    assert_int_equal(hm_mw_put(w, it), 0);
    memset(it, 0, sizeof *it);
}

static void write_stream(hm_mw *w)
{
    hm_item it;
    hm_text staff[2] = { T("ElizaB"), T("HowardS") };
    hm_addr pat = { T("Pat Parkes"), T("") };
    hm_addr howard = { T("Howard Snyder"), T("") };
    hm_addr gamers = { T("Gamers"), T("SMTP:gamers@litware.com") };
    hm_addr smith = { T("Smith; John"), T("") };
    hm_addr groups = { T("Games Groups"), T("") };
    hm_data bodya = { .p = (const unsigned char *)"Racquetball?\nPat",
                      .size = 16 };
    hm_data bodyb = { .p = (const unsigned char *)"See attached\r\n",
                      .size = 14 };
    hm_data bodyc = { .p = (const unsigned char *)"Sign up", .size = 7 };
    static const unsigned char bin[4] = { 0x00, 0xFF, 0x0D, 0x0A };
    hm_attach att[2];
    hm_text fyi[2] = { T("Filed Mail"), T("FYI") };
    hm_text docs[1] = { T("Documents") };
    hm_text social[2] = { T("Social"), T("Gamers") };
    hm_text members[2] = { T("Dad"), T("Pat; Parkes") };

    memset(&it, 0, sizeof it);
    memset(att, 0, sizeof att);
    it.kind = HM_ITEM_DIROBJ;
    it.u.dir.cls = HM_DIR_MAILBOX;
    it.u.dir.common_name = T("ElizaB");
    it.u.dir.display_name = T("Elizabeth Brown");
    it.u.dir.surname = T("Brown");
    it.u.dir.given_name = T("Elizabeth");
    it.u.dir.source_addr = T("PROFS:SYDNEY(EBROWN)");
    put(w, &it);
    it.kind = HM_ITEM_DIROBJ;
    it.u.dir.cls = HM_DIR_DL;
    it.u.dir.common_name = T("Staff");
    it.u.dir.display_name = T("All Staff");
    it.u.dir.source_addr = T("PROFS:SYDNEY(STAFF)");
    it.u.dir.members = staff;
    it.u.dir.nmembers = 2;
    put(w, &it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id = T("howards");
    it.u.account.address = T("PROFS:SANFRAN(HOWARDS)");
    it.u.account.display_name = T("Howard Snyder");
    put(w, &it);
    it.kind = HM_ITEM_MESSAGE;
    it.u.msg.sender = pat;
    it.u.msg.to = &howard;
    it.u.msg.nto = 1;
    it.u.msg.subject = T("Plans, \"Friday\"");
    hm_time_set(&it.u.msg.sent, 1995, 3, 21, 9, 34, 21);
    it.u.msg.received = it.u.msg.sent;
    it.u.msg.priority = HM_PRIO_LOW;
    it.u.msg.unread = 1;
    it.u.msg.body = &bodya;
    it.u.msg.nbody = 1;
    put(w, &it);
    it.kind = HM_ITEM_MESSAGE;
    it.u.msg.folder = fyi;
    it.u.msg.nfolder = 2;
    it.u.msg.sender.name = T("Jon Grande");
    it.u.msg.sender.addr = T("SMTP:jon@litware.com");
    it.u.msg.to = &gamers;
    it.u.msg.nto = 1;
    it.u.msg.cc = &smith;
    it.u.msg.ncc = 1;
    it.u.msg.subject = T("Solo Mission");
    hm_time_set(&it.u.msg.sent, 1995, 2, 18, 23, 45, 39);
    it.u.msg.received = it.u.msg.sent;
    it.u.msg.body = &bodyb;
    it.u.msg.nbody = 1;
    att[0].name = T("backoffi.txt");
    att[0].data.p = (const unsigned char *)"BackOffice\r\n";
    att[0].data.size = 12;
    att[0].position = 4;
    att[1].data.p = bin;
    att[1].data.size = 4;
    att[1].position = -1;
    it.u.msg.att = att;
    it.u.msg.natt = 2;
    put(w, &it);
    it.kind = HM_ITEM_PAB;
    it.u.pab.f[HM_PAB_DISPLAY] = T("Dad");
    it.u.pab.f[HM_PAB_EMAIL] = T("SMTP:dad@x.com");
    it.u.pab.f[HM_PAB_NOTE] = T("call\nhome");
    put(w, &it);
    it.kind = HM_ITEM_PAB;
    it.u.pab.is_dl = 1;
    it.u.pab.f[HM_PAB_DISPLAY] = T("Friends");
    it.u.pab.members = members;
    it.u.pab.nmembers = 2;
    put(w, &it);
    it.kind = HM_ITEM_DOCUMENT;
    memset(&it.u.doc, 0, sizeof it.u.doc);
    it.u.doc.folder = docs;
    it.u.doc.nfolder = 1;
    it.u.doc.name = T("README");
    it.u.doc.author = howard;
    hm_time_set(&it.u.doc.date, 1996, 1, 1, 12, 0, 0);
    it.u.doc.data.p = (const unsigned char *)"doc text\r\n";
    it.u.doc.data.size = 10;
    put(w, &it);
    it.kind = HM_ITEM_CAL;
    it.u.cal.kind = HM_CAL_APPT;
    it.u.cal.text = T("Meeting");
    hm_time_set(&it.u.cal.start, 1996, 3, 5, 9, 0, 0);
    hm_time_set(&it.u.cal.end, 1996, 3, 5, 10, 30, 0);
    it.u.cal.busy = 1;
    put(w, &it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id = T("public");
    it.u.account.public = 1;
    put(w, &it);
    it.kind = HM_ITEM_MESSAGE;
    it.u.msg.folder = social;
    it.u.msg.nfolder = 2;
    it.u.msg.sender = pat;
    it.u.msg.to = &groups;
    it.u.msg.nto = 1;
    it.u.msg.subject = T("Tournament");
    it.u.msg.body = &bodyc;
    it.u.msg.nbody = 1;
    put(w, &it);
}

static unsigned char *slurp(const char *name, size_t *n)
{
    char path[256];
    FILE *f;
    unsigned char *b = malloc(1 << 20);
    snprintf(path, sizeof path, GOLD "%s", name);
    f = fopen(path, "rb");
    if (!f) {
        free(b);
        return 0;
    }
    *n = fread(b, 1, 1 << 20, f);
    fclose(f);
    return b;
}

static void test_golden(void **state)
{
    static const char *const names[6] = {
        "MIGRATE.PKL", "DIR00000.PRI", "HOW00100.PRI", "HOW00100.SEC",
        "PUB00200.PRI", "PUB00200.SEC" };
    mfs m;
    hm_mw_files fs;
    hm_mw_opt o;
    memlog ml;
    hm_mw *w;
    hm_mw_stats st;
    hm_mr_set set;
    hm_mr_counts c;
    int i;
    (void)state;
    memset(&m, 0, sizeof m);
    memset(&o, 0, sizeof o);
    memlog_init(&ml);
    mfs_files(&m, &fs);
    hm_time_set(&o.now, 1995, 10, 5, 2, 25, 43);
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    write_stream(w);
    assert_int_equal(hm_mw_close(w, &st), 0);
    assert_int_equal(m.n, 6);
    for (i = 0; i < 6; i++) {
        size_t n = 0;
        unsigned char *g = slurp(names[i], &n);
        mfs_file *f = mfs_find(&m, names[i]);
        if (!g) {
            print_message("SKIP: %s absent\n", names[i]);
            continue;
        }
        assert_non_null(f);
        if (f->len != n || memcmp(f->data, g, n) != 0) {
            size_t k = 0;
            while (k < n && k < f->len && f->data[k] == g[k])
                k++;
            print_message("%s differs at byte %zu (got %zu bytes, "
                          "want %zu)\n", names[i], k, f->len, n);
            fail();
        }
        free(g);
    }
    assert_int_equal(st.messages, 3);
    assert_int_equal(st.attachments, 2);
    assert_int_equal(st.documents, 1);
    /* and the checker accepts it */
    mfs_set(&m, &set);
    assert_int_equal(hm_mr_check(mfs_alloc(), &set, "MIGRATE.PKL",
                                 &ml.lg, 0, 0, &c), 0);
    assert_int_equal(c.messages, 2);
    assert_int_equal(c.public_messages, 1);
    assert_int_equal(c.documents, 1);
    assert_int_equal(c.sched_items, 1);
    assert_int_equal(c.pab_entries, 1);
    assert_int_equal(c.pab_dls, 1);
    assert_int_equal(c.dir_dls, 1);
    mfs_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
