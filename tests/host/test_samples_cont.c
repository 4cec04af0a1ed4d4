/*
 * test_samples_cont.c - the container readers on real host files in
 * ../shared/samples (relative to the repo root, the working
 * directory of the tests). Absent samples: a loud SKIP.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iconv.h>
#include "hm_cont.h"

#define SAMPLES "../shared/samples/"

static void *t_alloc(void *c, size_t n)
{
    (void)c;
    return test_malloc(n);
}

static void t_free(void *c, void *p)
{
    (void)c;
    if (p)
        test_free(p);
}

static hm_alloc A = { t_alloc, t_free, 0 };

typedef struct cap {
    char text[65536];
    size_t len;
    unsigned nerr, n;
} cap;

static void cap_log(void *ctx, int sev, const char *line, size_t len)
{
    cap *c = (cap *)ctx;
    c->n++;
    if (sev >= HM_SEV_E)
        c->nerr++;
    if (c->len + len + 2 < sizeof c->text) {
        memcpy(c->text + c->len, line, len);
        c->len += len;
        c->text[c->len++] = '\n';
        c->text[c->len] = 0;
    }
}

static void log_init(hm_log *lg, cap *c)
{
    memset(c, 0, sizeof *c);
    hm_log_init(lg, cap_log, c);
}

/* whole file, or NULL (and a loud SKIP) */
static unsigned char *load(const char *name, size_t *n)
{
    FILE *f = fopen(name, "rb");
    unsigned char *p;
    long sz;
    if (!f) {
        printf("SKIP: sample %s absent\n", name);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    p = malloc(sz > 0 ? (size_t)sz : 1);
    *n = fread(p, 1, (size_t)sz, f);
    fclose(f);
    return p;
}

#define NEED(p)                                                       \
    do {                                                              \
        if (!(p)) {                                                   \
            skip();                                                   \
            return;                                                   \
        }                                                             \
    } while (0)

/* EBCDIC to UTF-8 through iconv; trailing blanks removed */
static size_t conv(const char *cp, const unsigned char *d, size_t n,
                   char *out, size_t cap)
{
    iconv_t cd = iconv_open("UTF-8", cp);
    char *in = (char *)d, *o = out;
    size_t il = n, ol = cap - 1;
    assert_true(cd != (iconv_t)-1);
    assert_true(iconv(cd, &in, &il, &o, &ol) != (size_t)-1);
    iconv_close(cd);
    while (o > out && o[-1] == ' ')
        o--;
    *o = 0;
    return (size_t)(o - out);
}

static hm_nd *open_mem(const unsigned char *p, size_t n, hm_memsrc *src,
                       hm_log *lg)
{
    hm_memsrc_init(src, p, n);
    return hm_nd_open(&A, hm_memsrc_read, src, lg, "sample", NULL);
}

static void test_cmsnote(void **state)
{
    size_t n;
    unsigned char *p = load(SAMPLES "netdata/cmsnote.netdata", &n);
    static const char *const want[6] = {
        "Date: 13 November 93, 22:52:42 CET",
        "From: CMS1     at ALIJKU11",
        "To:   MEA at FINFILES",
        "", "Test", ""
    };
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *f;
    const unsigned char *d;
    size_t len;
    unsigned i;
    char line[512];
    (void)state;
    NEED(p);
    log_init(&lg, &c);
    r = open_mem(p, n, &src, &lg);
    assert_string_equal(hm_nd_info(r)->fnode, "ALIJKU11");
    assert_string_equal(hm_nd_info(r)->fuid, "CMS1");
    assert_string_equal(hm_nd_info(r)->tnode, "FINFILES");
    assert_string_equal(hm_nd_info(r)->tuid, "MEA");
    assert_int_equal(hm_nd_next_file(r, &f), 1);
    assert_int_equal(hm_nd_file_count(r), 1);
    assert_int_equal(f->is_message, 1);
    assert_string_equal(f->name, "");
    assert_int_equal(f->recfm, 0x0002);
    assert_int_equal(f->lrecl, 132);
    for (i = 0; i < 6; i++) {
        assert_int_equal(hm_nd_next_record(r, &d, &len), 1);
        if (i == 3 || i == 5) {
            assert_int_equal(len, 1);
            assert_int_equal(d[0], 0x40);
        }
        conv("IBM037", d, len, line, sizeof line);
        assert_string_equal(line, want[i]);
    }
    assert_int_equal(hm_nd_next_record(r, &d, &len), 0);
    assert_int_equal(hm_nd_next_file(r, &f), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(p);
}

static void test_dshodd2(void **state)
{
    size_t n;
    unsigned char *p = load(SAMPLES "netdata/dshodd2.netdata", &n);
    static const unsigned char nick[6] = {
        0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B /* ":nick." */
    };
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *f;
    const unsigned char *d;
    size_t len;
    unsigned long recs = 0, nicks = 0;
    (void)state;
    NEED(p);
    log_init(&lg, &c);
    r = open_mem(p, n, &src, &lg);
    assert_int_equal(hm_nd_next_file(r, &f), 1);
    assert_string_equal(f->name, "DOMAIN NAMES B1");
    assert_int_equal(f->is_cms, 1);
    assert_string_equal(f->cms_fm, "B1");
    assert_int_equal(f->is_message, 0);
    while (hm_nd_next_record(r, &d, &len) == 1) {
        recs++;
        if (len >= 6 && memcmp(d, nick, 6) == 0)
            nicks++;
    }
    assert_int_equal(recs, 816);
    assert_int_equal(nicks, 272);
    assert_int_equal(hm_nd_next_file(r, &f), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(p);
}

static void test_listserv(void **state)
{
    size_t n;
    unsigned char *p = load(SAMPLES "netdata/listserv.netdata", &n);
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *f;
    const unsigned char *d;
    size_t len;
    (void)state;
    NEED(p);
    log_init(&lg, &c);
    r = open_mem(p, n, &src, &lg);
    assert_int_equal(hm_nd_next_file(r, &f), 1);
    assert_string_equal(f->name, "LISTSERV FILELIST A1");
    assert_int_equal(f->lrecl, 104);
    while (hm_nd_next_record(r, &d, &len) == 1)
        assert_true(len <= 104);
    assert_true(f->nrecords > 0);
    assert_int_equal(hm_nd_next_file(r, &f), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(p);
}

static void test_xmi_seq(void **state)
{
    size_t n;
    unsigned char *p = load(SAMPLES "xmi/test_seq.xmi", &n);
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *f;
    const unsigned char *d;
    size_t len;
    char line[512];
    (void)state;
    NEED(p);
    log_init(&lg, &c);
    r = open_mem(p, n, &src, &lg);
    assert_int_equal(hm_nd_next_file(r, &f), 1);
    assert_int_equal(f->is_pds, 0);
    assert_int_equal(f->is_message, 0);
    assert_int_equal(hm_nd_next_record(r, &d, &len), 1);
    assert_int_equal(len, 80);
    conv("IBM1140", d, 14, line, sizeof line);
    assert_string_equal(line, "//XMITAPE JOB");
    while (hm_nd_next_record(r, &d, &len) == 1)
        assert_int_equal(len, 80);
    assert_int_equal(hm_nd_next_file(r, &f), 0);
    assert_int_equal(hm_nd_file_count(r), 1);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(p);
}

/* the member's text: records converted, trailing blanks removed,
 * joined with LF, compared with the expected file's lines. The
 * expected files were made with code page 500 (the xmi library's
 * default): X'5A' is ']' there where 037/1140 have '!'. */
static void compare_text(hm_ieb *b, const char *member, const char *file)
{
    size_t n, pos = 0;
    unsigned char *want = load(file, &n);
    long i = hm_ieb_find(b, member);
    hm_ieb_iter it;
    const unsigned char *d;
    size_t len;
    char line[1024];
    unsigned long lines = 0;
    assert_non_null(want);
    assert_true(i >= 0);
    assert_int_equal(hm_ieb_member_is_text(b, (unsigned long)i), 1);
    assert_int_equal(hm_ieb_iter_init(b, (unsigned long)i,
                                      HM_IEB_RECORDS, &it), 0);
    while (hm_ieb_iter_next(&it, &d, &len) == 1) {
        size_t l, j;
        /* the expected files were made with the sequence numbers
         * of columns 73-80 removed */
        for (j = 72; len == 80 && j < 80; j++)
            if (d[j] < 0xF0 || d[j] > 0xF9)
                break;
        if (len == 80 && j == 80)
            len = 72;
        l = conv("IBM500", d, len, line, sizeof line);
        size_t e = pos;
        while (e < n && want[e] != '\n')
            e++;
        if (e - pos != l || memcmp(want + pos, line, l) != 0)
            fail_msg("%s line %lu differs: '%s'", member, lines + 1,
                     line);
        pos = e + 1;
        lines++;
    }
    assert_true(pos >= n);
    assert_true(lines > 10);
    free(want);
}

static void test_xmi_pds(void **state)
{
    size_t n, jn, got = 0;
    unsigned char *p = load(SAMPLES "xmi/test_pds.xmi", &n);
    unsigned char *jpg;
    static const char *const names[4] = {
        "JES2HIST", "JES2JPG", "SNAKE", "XMIT"
    };
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_nd *r;
    const hm_nd_file *f;
    hm_ieb *b;
    hm_ieb_iter it;
    const unsigned char *d;
    size_t len;
    unsigned i;
    long k;
    (void)state;
    NEED(p);
    log_init(&lg, &c);
    r = open_mem(p, n, &src, &lg);
    assert_int_equal(hm_nd_next_file(r, &f), 1);
    assert_int_equal(f->is_pds, 1);
    assert_string_equal(f->name, "PYTHON.XMI.PDS");
    assert_int_equal(f->dsorg, HM_ND_ORG_PO);
    b = hm_nd_read_pds(r, &A, &lg, f->name);
    assert_non_null(b);
    assert_int_equal(hm_ieb_failed(b), 0);
    assert_int_equal(hm_ieb_count(b), 4);
    for (i = 0; i < 4; i++)
        assert_string_equal(hm_ieb_member_at(b, i)->name, names[i]);
    assert_int_equal(hm_ieb_member_at(b, 0)->has_ispf, 1);
    assert_string_equal(hm_ieb_member_at(b, 0)->ispf.user, "HERC01");
    compare_text(b, "SNAKE", SAMPLES "xmi/TEST.PDS/SNAKE.txt");
    compare_text(b, "JES2HIST", SAMPLES "xmi/TEST.PDS/JES2HIST.txt");
    compare_text(b, "XMIT", SAMPLES "xmi/TEST.PDS/XMIT.jcl");
    /* the binary member, byte for byte */
    jpg = load(SAMPLES "xmi/TEST.PDS/JES2JPG.jpg", &jn);
    assert_non_null(jpg);
    k = hm_ieb_find(b, "JES2JPG");
    assert_true(k >= 0);
    assert_int_equal(hm_ieb_member_is_text(b, (unsigned long)k), 0);
    assert_int_equal(hm_ieb_iter_init(b, (unsigned long)k,
                                      HM_IEB_BLOCKS, &it), 0);
    while (hm_ieb_iter_next(&it, &d, &len) == 1) {
        assert_true(got + len <= jn);
        assert_memory_equal(d, jpg + got, len);
        got += len;
    }
    assert_int_equal(got, jn);
    hm_ieb_close(b);
    assert_int_equal(hm_nd_next_file(r, &f), 0);
    assert_int_equal(c.n, 0);
    hm_nd_close(r);
    free(jpg);
    free(p);
}

/* ------------------------------------------------------------------
 * damage
 */
static int read_all(const unsigned char *p, size_t n, cap *c)
{
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *f;
    const unsigned char *d;
    size_t len;
    int k, rc = 0;
    log_init(&lg, c);
    r = open_mem(p, n, &src, &lg);
    assert_non_null(r);
    while ((k = hm_nd_next_file(r, &f)) == 1) {
        if (f->is_pds) {
            hm_ieb *b = hm_nd_read_pds(r, &A, &lg, f->name);
            unsigned long i;
            if (hm_ieb_failed(b))
                rc = -1;
            for (i = 0; i < hm_ieb_count(b); i++) {
                hm_ieb_iter it;
                hm_ieb_member_is_text(b, i);
                if (hm_ieb_iter_init(b, i, HM_IEB_RECORDS, &it) == 0)
                    while (hm_ieb_iter_next(&it, &d, &len) == 1)
                        ;
            }
            hm_ieb_close(b);
            continue;
        }
        while ((k = hm_nd_next_record(r, &d, &len)) == 1)
            ;
        if (k < 0)
            rc = -1;
    }
    if (k < 0)
        rc = -1;
    hm_nd_close(r);
    return rc;
}

static const char *const all[] = {
    SAMPLES "netdata/cmsnote.netdata", SAMPLES "netdata/dshodd2.netdata",
    SAMPLES "netdata/listserv.netdata", SAMPLES "xmi/test_seq.xmi",
    SAMPLES "xmi/test_pds.xmi"
};

/* end of the INMR06 record: cuts before it are reported */
static size_t trailer_end(const unsigned char *p, size_t n)
{
    size_t pos = 0;
    while (pos + 8 <= n) {
        if ((p[pos + 1] & 0x20) && p[pos + 2] == 0xC9 &&
            p[pos + 7] == 0xF6 && (p[pos + 1] & 0x80))
            return pos + p[pos];
        if (p[pos] < 2)
            break;
        pos += p[pos];
    }
    return n;
}

static void test_cuts(void **state)
{
    unsigned f;
    (void)state;
    for (f = 0; f < sizeof all / sizeof all[0]; f++) {
        size_t n, cut, end;
        unsigned char *p = load(all[f], &n);
        cap c;
        NEED(p);
        assert_int_equal(read_all(p, n, &c), 0);
        end = trailer_end(p, n);
        assert_true(end < n + 1);
        for (cut = 0; cut < n; cut += 80) {
            int rc = read_all(p, cut, &c);
            if (cut == 0) {
                assert_int_equal(rc, -1);
                assert_non_null(strstr(c.text, "HMG0200E"));
            } else if (cut < end) {
                /* cut short: a warning with the offset; the NETDATA
                 * reader gives no error (an IEBCOPY unload cut in
                 * the middle may) */
                assert_non_null(strstr(c.text, "HMG0203W"));
                assert_non_null(strstr(c.text, "offset"));
                if (!strstr(all[f], "pds"))
                    assert_int_equal(rc, 0);
            }
        }
        free(p);
    }
}

static void test_flips(void **state)
{
    unsigned f;
    (void)state;
    for (f = 0; f < sizeof all / sizeof all[0]; f++) {
        size_t n, i, step;
        unsigned char *p = load(all[f], &n);
        unsigned char *q;
        cap c;
        NEED(p);
        q = malloc(n);
        step = n > 5000 ? 11 : 1;
        for (i = 0; i < n; i += step) {
            unsigned v;
            for (v = 0; v < 2; v++) {
                int rc;
                memcpy(q, p, n);
                q[i] = v ? (unsigned char)~q[i] : 0x00;
                rc = read_all(q, n, &c);
                if (rc < 0)
                    assert_true(c.nerr > 0);
            }
        }
        free(q);
        free(p);
    }
}

static void test_detect_samples(void **state)
{
    unsigned f;
    size_t n;
    unsigned char *p;
    (void)state;
    for (f = 0; f < sizeof all / sizeof all[0]; f++) {
        p = load(all[f], &n);
        NEED(p);
        assert_int_equal(hm_cont_detect(p, n > 4096 ? 4096 : n, 0),
                         HM_CONT_NETDATA);
        free(p);
    }
    p = load(SAMPLES "cms/VMARC.ASSEMBLE", &n);
    NEED(p);
    assert_int_equal(hm_cont_detect(p, 4096, 0), HM_CONT_UNKNOWN);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cmsnote),
        cmocka_unit_test(test_dshodd2),
        cmocka_unit_test(test_listserv),
        cmocka_unit_test(test_xmi_seq),
        cmocka_unit_test(test_xmi_pds),
        cmocka_unit_test(test_cuts),
        cmocka_unit_test(test_flips),
        cmocka_unit_test(test_detect_samples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
