/*
 * test_ovvmext_e2e.c - ovvmext end to end: a set written by ovvmext
 * is read back (migread) and compared with the generator's manifest.
 *
 *   test_ovvmext_e2e            cmocka: ovvmext on the bundled store
 *                               tests/data/ovvm-store; every note of
 *                               manifest.tsv once, with its date,
 *                               sender and subject; the item counts;
 *                               with its calendar (--cal-profile
 *                               OVCAL.prof): the schedule items
 *   test_ovvmext_e2e --dump SET the items of a set as JSON lines (for
 *                               tests/golden/ovvmext.sh): SET is a
 *                               directory (MIGRATE.PKL or the one
 *                               .PKL in it) or a .PKL file; the
 *                               objects of a Schedule+ file (.SC2)
 *                               as "sched" lines after its message
 *
 * Needs build/bin/ovvmext (built by `make all`).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/wait.h>
#include "migread.h"

static void *t_alloc(void *c, size_t n)
{
    (void)c;
    return malloc(n);
}

static void t_free(void *c, void *p)
{
    (void)c;
    free(p);
}

static hm_alloc A = { t_alloc, t_free, 0 };

static void logfn(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    fprintf(stderr, "  log: %.*s\n", (int)len, line);
}

/* ---- the set accessor ---- */
typedef struct tset {
    char dir[1024];
} tset;

static long f_read(void *ctx, unsigned char *buf, size_t n)
{
    FILE *f = (FILE *)ctx;
    size_t k = fread(buf, 1, n, f);
    if (k == 0 && ferror(f))
        return -1;
    return (long)k;
}

static int s_open(void *ctx, const char *name, hm_read_fn *fn,
                  void **rctx, unsigned long *size)
{
    tset *s = (tset *)ctx;
    char path[2048];
    FILE *f;
    long sz;
    snprintf(path, sizeof path, "%s/%s", s->dir, name);
    f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    *fn = f_read;
    *rctx = f;
    *size = (unsigned long)sz;
    return 0;
}

static void s_close(void *ctx, void *rctx)
{
    (void)ctx;
    fclose((FILE *)rctx);
}

/* the packing list of a set directory: MIGRATE.PKL, else the only
 * .PKL */
static int find_pkl(const char *arg, tset *s, char *pkl, size_t cap)
{
    const char *dot = strrchr(arg, '.');
    DIR *d;
    struct dirent *e;
    int n = 0;
    if (dot && (!strcmp(dot, ".PKL") || !strcmp(dot, ".pkl"))) {
        const char *sl = strrchr(arg, '/');
        snprintf(s->dir, sizeof s->dir, "%.*s",
                 sl ? (int)(sl - arg) : 1, sl ? arg : ".");
        snprintf(pkl, cap, "%s", sl ? sl + 1 : arg);
        return 0;
    }
    snprintf(s->dir, sizeof s->dir, "%s", arg);
    d = opendir(arg);
    if (!d)
        return -1;
    pkl[0] = 0;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".PKL")) {
            if (!strcmp(e->d_name, "MIGRATE.PKL") || !pkl[0])
                snprintf(pkl, cap, "%s", e->d_name);
            n++;
        }
    }
    closedir(d);
    return pkl[0] ? 0 : -1;
}

/* ---- JSON lines ---- */
static void js(FILE *o, const unsigned char *s, size_t n)
{
    size_t i;
    fputc('"', o);
    for (i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c == '"' || c == '\\')
            fprintf(o, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", o);
        else if (c == '\r')
            fputs("\\r", o);
        else if (c == '\t')
            fputs("\\t", o);
        else if (c < 0x20)
            fprintf(o, "\\u%04x", c);
        else
            fputc((int)c, o);
    }
    fputc('"', o);
}

static void jt(FILE *o, const char *key, hm_text t)
{
    fprintf(o, ",\"%s\":", key);
    js(o, t.s ? t.s : (const unsigned char *)"", t.len);
}

static void jtime(FILE *o, const char *key, const hm_time *t)
{
    fprintf(o, ",\"%s\":\"%.14s\"", key, t->d[0] ? (const char *)t->d
                                                  : "");
}

static void jaddrs(FILE *o, const char *key, const hm_addr *a, size_t n)
{
    size_t i;
    fprintf(o, ",\"%s\":[", key);
    for (i = 0; i < n; i++) {
        fputs(i ? ",[" : "[", o);
        js(o, a[i].name.s, a[i].name.len);
        fputc(',', o);
        js(o, a[i].addr.s, a[i].addr.len);
        fputc(']', o);
    }
    fputc(']', o);
}

static unsigned long fnv(const unsigned char *p, unsigned long n)
{
    unsigned long h = 2166136261ul, i;
    for (i = 0; i < n; i++)
        h = ((h ^ p[i]) * 16777619ul) & 0xFFFFFFFFul;
    return h;
}

/* ---- Schedule+ export files (common/MIGFILES.md): an object per
 * JSON line, {"kind":"sched","account":...,"type":"SingleEvents",
 * "Text":"...","StartDate":"07-11-1991",...}; quoted values decoded
 * (\" is a quote, a line end is two \ CR LF continuations, one is a
 * wrap) ---- */
typedef struct scline {
    const unsigned char *s;
    size_t n;
} scline;

/* the next CR LF line of p[*at..n) */
static int sc_next(const unsigned char *p, size_t n, size_t *at,
                   scline *l)
{
    size_t i = *at;
    if (i >= n)
        return 0;
    l->s = p + i;
    while (i < n && !(p[i] == '\r' && i + 1 < n && p[i + 1] == '\n'))
        i++;
    l->n = (size_t)(p + i - l->s);
    *at = i < n ? i + 2 : n;
    return 1;
}

static void dump_sched(FILE *o, hm_text acct, const unsigned char *p,
                       size_t n)
{
    size_t at = 0;
    scline l;
    char type[64] = "";
    char *val = malloc(n + 1);
    int open = 0;
    while (sc_next(p, n, &at, &l)) {
        size_t k;
        if (!l.n)
            continue;
        if (l.s[0] != ' ' && l.s[l.n - 1] == ':' && l.n < sizeof type) {
            snprintf(type, sizeof type, "%.*s", (int)(l.n - 1), l.s);
            continue;
        }
        if (l.n == 1 && l.s[0] == '{') {
            fputs("{\"kind\":\"sched\"", o);
            jt(o, "account", acct);
            fprintf(o, ",\"type\":\"%s\"", type);
            open = 1;
            continue;
        }
        if (l.n == 1 && l.s[0] == '}') {
            if (open)
                fputs("}\n", o);
            open = 0;
            continue;
        }
        for (k = 0; k < l.n && l.s[k] == ' '; k++)
            ;
        {
            size_t c = k, vn = 0;
            hm_text name, v;
            while (c < l.n && l.s[c] != ':')
                c++;
            if (!open || c + 1 >= l.n)
                continue;
            name.s = l.s + k;
            name.len = c - k;
            c += 2;
            if (l.s[c] != '"') {
                v.s = l.s + c;
                v.len = l.n - c;
                fprintf(o, ",\"%.*s\":", (int)name.len,
                        (const char *)name.s);
                js(o, v.s, v.len);
                continue;
            }
            /* a quoted value, maybe over several lines */
            c++;
            for (;;) {
                int cont = l.n > c && l.s[l.n - 1] == '\\';
                size_t e = l.n - 1;     /* before the \ or the " */
                size_t conts = 0, i2;
                for (i2 = c; i2 < e; i2++) {
                    if (l.s[i2] == '\\' && i2 + 1 < e
                        && l.s[i2 + 1] == '"')
                        i2++;
                    val[vn++] = (char)l.s[i2];
                }
                if (!cont)
                    break;
                /* count the continuations: each line ending in \ */
                conts = 1;
                while (sc_next(p, n, &at, &l)) {
                    c = 0;
                    if (l.n == 1 && l.s[0] == '\\') {
                        conts++;
                        continue;
                    }
                    break;
                }
                for (i2 = 0; i2 < conts / 2; i2++)
                    val[vn++] = '\n';
                c = 0;
            }
            v.s = (const unsigned char *)val;
            v.len = vn;
            fprintf(o, ",\"%.*s\":", (int)name.len, (const char *)name.s);
            js(o, v.s, v.len);
        }
    }
    if (open)
        fputs("}\n", o);
    free(val);
}

typedef struct dumpctx {
    FILE *o;
    hm_text acct;
    unsigned char abuf[256];
    unsigned long items;
} dumpctx;

static int dump_item(void *ctx, const hm_item *it)
{
    dumpctx *d = (dumpctx *)ctx;
    FILE *o = d->o;
    size_t i;
    d->items++;
    switch (it->kind) {
    case HM_ITEM_ACCOUNT:
        d->acct.len = it->u.account.id.len < sizeof d->abuf
                          ? it->u.account.id.len : sizeof d->abuf;
        memcpy(d->abuf, it->u.account.id.s, d->acct.len);
        d->acct.s = d->abuf;
        return 0;
    case HM_ITEM_MESSAGE: {
        const hm_message *m = &it->u.msg;
        fputs("{\"kind\":\"message\"", o);
        jt(o, "account", d->acct);
        fputs(",\"folder\":[", o);
        for (i = 0; i < m->nfolder; i++) {
            if (i)
                fputc(',', o);
            js(o, m->folder[i].s, m->folder[i].len);
        }
        fputc(']', o);
        jaddrs(o, "from", &m->sender, 1);
        jaddrs(o, "to", m->to, m->nto);
        jaddrs(o, "cc", m->cc, m->ncc);
        jaddrs(o, "bcc", m->bcc, m->nbcc);
        jt(o, "subject", m->subject);
        jtime(o, "sent", &m->sent);
        jtime(o, "received", &m->received);
        fprintf(o, ",\"unread\":%d,\"priority\":%d", m->unread,
                m->priority);
        fputs(",\"body\":", o);
        if (m->nbody)
            js(o, m->body[0].p, m->body[0].size);
        else
            fputs("\"\"", o);
        fputs(",\"att\":[", o);
        for (i = 0; i < m->natt; i++) {
            const hm_attach *a = &m->att[i];
            fprintf(o, "%s{\"name\":", i ? "," : "");
            js(o, a->name.s, a->name.len);
            fprintf(o, ",\"size\":%lu,\"fnv\":\"%08lx\"}", a->data.size,
                    fnv(a->data.p, a->data.size));
        }
        fputs("]}\n", o);
        for (i = 0; i < m->natt; i++) {
            const hm_attach *a = &m->att[i];
            if (a->name.len > 4
                && !memcmp(a->name.s + a->name.len - 4, ".SC2", 4))
                dump_sched(o, d->acct, a->data.p, a->data.size);
        }
        return 0;
    }
    case HM_ITEM_DOCUMENT: {
        /* its parts; "text": the last part when it is UTF-8 text
         * (FN.FT.TXT) */
        const hm_document *doc = &it->u.doc;
        const hm_data *last = &doc->data;
        const hm_text *lname = &doc->name;
        fputs("{\"kind\":\"document\"", o);
        jt(o, "account", d->acct);
        fputs(",\"folder\":[", o);
        for (i = 0; i < doc->nfolder; i++) {
            if (i)
                fputc(',', o);
            js(o, doc->folder[i].s, doc->folder[i].len);
        }
        fputc(']', o);
        jaddrs(o, "from", &doc->author, 1);
        jt(o, "name", doc->name);
        jtime(o, "date", &doc->date);
        fprintf(o, ",\"size\":%lu,\"fnv\":\"%08lx\"", doc->data.size,
                fnv(doc->data.p, doc->data.size));
        fputs(",\"parts\":[", o);
        for (i = 0; i <= doc->nmore; i++) {
            const hm_text *n = i ? &doc->more[i - 1].name : &doc->name;
            const hm_data *p = i ? &doc->more[i - 1].data : &doc->data;
            fprintf(o, "%s{\"name\":", i ? "," : "");
            js(o, n->s, n->len);
            fprintf(o, ",\"size\":%lu,\"fnv\":\"%08lx\"}", p->size,
                    fnv(p->p, p->size));
            last = p;
            lname = n;
        }
        fputs("],\"text\":", o);
        if (lname->len > 4
            && !memcmp(lname->s + lname->len - 4, ".TXT", 4))
            js(o, last->p, last->size);
        else
            fputs("null", o);
        fputs("}\n", o);
        return 0;
    }
    case HM_ITEM_PAB: {
        const hm_pab *p = &it->u.pab;
        fprintf(o, "{\"kind\":\"%s\"", p->is_dl ? "dl" : "pab");
        jt(o, "account", d->acct);
        jt(o, "display", p->f[HM_PAB_DISPLAY]);
        jt(o, "email", p->f[HM_PAB_EMAIL]);
        fprintf(o, ",\"members\":%lu}\n", (unsigned long)p->nmembers);
        return 0;
    }
    case HM_ITEM_DIROBJ: {
        const hm_dirobj *x = &it->u.dir;
        fprintf(o, "{\"kind\":\"dir\",\"cls\":%d", x->cls);
        jt(o, "cn", x->common_name);
        jt(o, "display", x->display_name);
        jt(o, "source", x->source_addr);
        jt(o, "target", x->target_addr);
        fputs("}\n", o);
        return 0;
    }
    default:
        fprintf(o, "{\"kind\":\"other\",\"k\":%d}\n", it->kind);
        return 0;
    }
}

static int read_set(const char *arg, hm_mr_item_fn fn, void *ctx,
                    hm_mr_counts *cnt)
{
    tset s;
    char pkl[256];
    hm_mr_set set;
    hm_log lg;
    if (find_pkl(arg, &s, pkl, sizeof pkl) != 0) {
        fprintf(stderr, "no packing list in %s\n", arg);
        return 12;
    }
    set.open = s_open;
    set.close = s_close;
    set.ctx = &s;
    hm_log_init(&lg, logfn, 0);
    lg.quiet_info = 1;
    return hm_mr_check(&A, &set, pkl, &lg, fn, ctx, cnt);
}

/* ---- the cmocka test on the bundled store ---- */
typedef struct want {
    char date[15], from[256], subject[1024];
    int seen;
} want;

typedef struct chk {
    want *w;
    size_t nw;
    unsigned long msgs, extra, dup;
} chk;

static int chk_item(void *ctx, const hm_item *it)
{
    chk *c = (chk *)ctx;
    const hm_message *m = &it->u.msg;
    size_t i;
    if (it->kind != HM_ITEM_MESSAGE)
        return 0;
    c->msgs++;
    for (i = 0; i < c->nw; i++) {
        want *w = &c->w[i];
        if (memcmp(m->sent.d, w->date, 14) == 0
            && m->sender.addr.len == strlen(w->from)
            && !memcmp(m->sender.addr.s, w->from, m->sender.addr.len)
            && m->subject.len == strlen(w->subject)
            && (!m->subject.len
                || !memcmp(m->subject.s, w->subject, m->subject.len))) {
            if (w->seen++)
                c->dup++;
            return 0;
        }
    }
    c->extra++;
    return 0;
}

static void test_bundled(void **state)
{
    FILE *f;
    char line[4096];
    chk c;
    hm_mr_counts cnt;
    size_t i, cap = 0;
    unsigned long ndoc = 0, nsend = 0;
    int rc;
    (void)state;
    memset(&c, 0, sizeof c);
    assert_int_equal(system("rm -rf build/out/e2e_host"), 0);
    rc = system("build/bin/ovvmext --store tests/data/ovvm-store "
                "--ccsid 273 --out build/out/e2e_host --quiet "
                "2>build/out/e2e_host.log");
    assert_true(WIFEXITED(rc));
    /* the generator makes one list cycle per NAMES file: rc 4 */
    assert_int_equal(WEXITSTATUS(rc), 4);
    f = fopen("tests/data/ovvm-store/manifest.tsv", "r");
    assert_non_null(f);
    while (fgets(line, sizeof line, f)) {
        char *fld[9];
        int nf = 0;
        char *p = line;
        line[strcspn(line, "\n")] = 0;
        fld[nf++] = p;
        while ((p = strchr(p, '\t')) && nf < 9) {
            *p++ = 0;
            fld[nf++] = p;
        }
        if (!strcmp(fld[0], "file") && nf > 2 && !strcmp(fld[2], "rft"))
            ndoc++;
        if (!strcmp(fld[0], "file") && nf > 2
            && !strcmp(fld[2], "sendfile"))
            nsend++;
        if (strcmp(fld[0], "note") || nf < 7)
            continue;
        if (c.nw == cap) {
            cap = cap ? 2 * cap : 64;
            c.w = realloc(c.w, cap * sizeof *c.w);
        }
        memset(&c.w[c.nw], 0, sizeof c.w[0]);
        snprintf(c.w[c.nw].date, 15, "%s", fld[3]);
        snprintf(c.w[c.nw].from, 256, "%s", fld[4]);
        snprintf(c.w[c.nw].subject, 1024, "%s", nf > 7 ? fld[7] : "");
        c.nw++;
    }
    fclose(f);
    assert_true(c.nw > 0);
    memset(&cnt, 0, sizeof cnt);
    assert_int_equal(read_set("build/out/e2e_host", chk_item, &c, &cnt),
                     0);
    for (i = 0; i < c.nw; i++)
        if (c.w[i].seen != 1)
            fprintf(stderr, "note %s %s seen %d times\n", c.w[i].date,
                    c.w[i].from, c.w[i].seen);
    for (i = 0; i < c.nw; i++)
        assert_int_equal(c.w[i].seen, 1);
    assert_int_equal(c.dup, 0);
    /* the other messages: one per reader file (SENDFILE) with the
     * file attached; the documents are free documents */
    assert_true(ndoc > 0);
    assert_int_equal(c.extra, nsend);
    assert_int_equal(cnt.attachments, nsend);
    assert_int_equal(cnt.documents, ndoc);
    assert_int_equal(cnt.dir_mailboxes, 2);
    assert_int_equal(cnt.pab_dls, 8);
    free(c.w);
}

/* the bundled store's calendar (CAL/OVCAL.VB, the EXAMPLE layout
 * extractors/ovvm/OVCAL.*): as many schedule items as manifest.json's
 * totals, in one schedule file per account */
static void test_bundled_calendar(void **state)
{
    FILE *f;
    static char man[65536];
    size_t n;
    const char *p;
    long want;
    hm_mr_counts cnt;
    chk c;
    int rc;
    (void)state;
    f = fopen("tests/data/ovvm-store/manifest.json", "r");
    assert_non_null(f);
    n = fread(man, 1, sizeof man - 1, f);
    fclose(f);
    man[n] = 0;
    p = strstr(man, "\"totals\"");
    assert_non_null(p);
    p = strstr(p, "\"schedule\": ");
    assert_non_null(p);
    want = strtol(p + 12, NULL, 10);
    assert_true(want > 0);
    assert_int_equal(system("rm -rf build/out/e2e_cal"), 0);
    rc = system("build/bin/ovvmext --store tests/data/ovvm-store "
                "--ccsid 273 --out build/out/e2e_cal --quiet "
                "--cal-profile extractors/ovvm/OVCAL.prof --cal-data "
                "tests/data/ovvm-store/CAL/OVCAL.VB --cal-ccsid 273 "
                "2>build/out/e2e_cal.log");
    assert_true(WIFEXITED(rc));
    assert_int_equal(WEXITSTATUS(rc), 4);
    memset(&c, 0, sizeof c);
    memset(&cnt, 0, sizeof cnt);
    assert_int_equal(read_set("build/out/e2e_cal", chk_item, &c, &cnt),
                     0);
    assert_int_equal(cnt.sched_items, want);
    assert_int_equal(cnt.sched_files, 2);
}

/* a run that must fail: no store */
static void test_no_store(void **state)
{
    int rc;
    (void)state;
    rc = system("build/bin/ovvmext --out build/out/e2e_nostore --quiet "
                "2>/dev/null");
    assert_true(WIFEXITED(rc));
    assert_int_equal(WEXITSTATUS(rc), 8);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundled),
        cmocka_unit_test(test_bundled_calendar),
        cmocka_unit_test(test_no_store),
    };
    if (argc >= 3 && !strcmp(argv[1], "--dump")) {
        dumpctx d;
        hm_mr_counts cnt;
        int rc;
        memset(&d, 0, sizeof d);
        d.o = stdout;
        memset(&cnt, 0, sizeof cnt);
        rc = read_set(argv[2], dump_item, &d, &cnt);
        printf("{\"kind\":\"counts\",\"rc\":%d,\"messages\":%lu,"
               "\"attachments\":%lu,\"documents\":%lu,\"pab\":%lu,"
               "\"dls\":%lu,\"mailboxes\":%lu,\"remotes\":%lu,"
               "\"sched_files\":%lu,\"sched_items\":%lu}\n", rc,
               cnt.messages, cnt.attachments, cnt.documents,
               cnt.pab_entries, cnt.pab_dls, cnt.dir_mailboxes,
               cnt.dir_remotes, cnt.sched_files, cnt.sched_items);
        return rc;
    }
    return cmocka_run_group_tests(tests, NULL, NULL);
}
