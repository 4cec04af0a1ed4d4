/*
 * test_ovvm_store.c - the OV/VM parsers on real and generated files:
 *   - the real 1993 CMS NOTE (../shared/samples/netdata/
 *     cmsnote.netdata) as a reader mail file;
 *   - the real DOMAIN NAMES file (dshodd2.netdata: 816 records, 272
 *     :nick. entries) through the NETDATA reader;
 *   - the bundled store tests/data/ovvm-store (tests/gen/ovvmgen.py,
 *     fixed seed) against its manifest.tsv;
 *   - any other generated store named by HM_OVVM_STORE (e.g. 150 MB;
 *     files are streamed).
 * Absent samples: a loud SKIP.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cont.h"
#include "hm_rec.h"
#include "hm_cp.h"
#include "../../extractors/ovvm/ovvm.h"

#define SAMPLES "../shared/samples/"
#define STORE "tests/data/ovvm-store"

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

typedef struct tlog {
    unsigned n, nw;
    char last[512];
} tlog;

static void logfn(void *ctx, int sev, const char *line, size_t len)
{
    tlog *t = (tlog *)ctx;
    t->n++;
    if (sev == HM_SEV_W)
        t->nw++;
    if (len >= sizeof t->last)
        len = sizeof t->last - 1;
    memcpy(t->last, line, len);
    t->last[len] = 0;
    fprintf(stderr, "  log: %s\n", t->last);
}

/* a FILE as a byte source */
static long file_read(void *ctx, unsigned char *buf, size_t n)
{
    FILE *f = (FILE *)ctx;
    size_t k = fread(buf, 1, n, f);
    if (k == 0 && ferror(f))
        return -1;
    return (long)k;
}

static FILE *open_or_skip(const char *name)
{
    FILE *f = fopen(name, "rb");
    if (!f)
        printf("SKIP: sample %s absent\n", name);
    return f;
}

/* ------------------------------------------------------------------
 * messages captured (small) */
typedef struct got {
    unsigned n;
    char date[15], sname[128], saddr[128], to[128], toaddr[128];
    char subject[512], body[256], att[64];
    size_t nto;
    int unread, nfolder, sent, raw;
    char folder[64];
} got;

static void cpy(char *d, size_t cap, hm_text t)
{
    size_t n = t.len < cap - 1 ? t.len : cap - 1;
    memcpy(d, t.s, n);
    d[n] = 0;
}

static int got_fn(void *ctx, const hm_item *it, const hm_ov_meta *meta)
{
    got *g = (got *)ctx;
    const hm_message *m = &it->u.msg;
    g->n++;
    memcpy(g->date, m->sent.d, 14);
    g->date[14] = 0;
    cpy(g->sname, sizeof g->sname, m->sender.name);
    cpy(g->saddr, sizeof g->saddr, m->sender.addr);
    cpy(g->subject, sizeof g->subject, m->subject);
    g->nto = m->nto;
    g->to[0] = g->toaddr[0] = 0;
    if (m->nto) {
        cpy(g->to, sizeof g->to, m->to[0].name);
        cpy(g->toaddr, sizeof g->toaddr, m->to[0].addr);
    }
    g->body[0] = 0;
    if (m->nbody) {
        hm_text t;
        t.s = m->body[0].p;
        t.len = m->body[0].size;
        cpy(g->body, sizeof g->body, t);
    }
    g->att[0] = 0;
    if (m->natt)
        cpy(g->att, sizeof g->att, m->att[0].name);
    g->folder[0] = 0;
    if (m->nfolder)
        cpy(g->folder, sizeof g->folder, m->folder[0]);
    g->nfolder = (int)m->nfolder;
    g->unread = m->unread;
    g->sent = meta->sent;
    g->raw = meta->raw;
    return 0;
}

static int nd_next(void *ctx, const unsigned char **d, size_t *n)
{
    return hm_nd_next_record((hm_nd *)ctx, d, n);
}

static void test_cmsnote(void **state)
{
    FILE *f = open_or_skip(SAMPLES "netdata/cmsnote.netdata");
    hm_log lg;
    tlog tl;
    hm_nd *r;
    const hm_nd_file *nf;
    hm_cpconv cv;
    got g;
    (void)state;
    if (!f) {
        skip();
        return;
    }
    memset(&tl, 0, sizeof tl);
    memset(&g, 0, sizeof g);
    hm_log_init(&lg, logfn, &tl);
    hm_cpconv_init(&cv, hm_cp_builtin(37), HM_PC_UTF8, HM_NL_CDRA);
    r = hm_nd_open(&A, file_read, f, &lg, "cmsnote.netdata", NULL);
    assert_non_null(r);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_int_equal(nf->is_message, 1);
    assert_int_equal(hm_ov_mailfile(&A, &cv, &lg, "cmsnote.netdata", NULL,
                                    nd_next, r, got_fn, &g), 0);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.date, "19931113225242");
    assert_string_equal(g.sname, "CMS1 at ALIJKU11");
    assert_string_equal(g.saddr, "PROFS:ALIJKU11(CMS1)");
    assert_int_equal(g.nto, 1);
    assert_string_equal(g.to, "MEA at FINFILES");
    assert_string_equal(g.toaddr, "PROFS:FINFILES(MEA)");
    assert_string_equal(g.body, "Test");
    assert_int_equal(g.unread, 1);
    assert_int_equal(g.nfolder, 0);
    assert_int_equal(tl.n, 0);
    hm_nd_close(r);
    fclose(f);
}

static int count_fn(void *ctx, const hm_item *it, const hm_ov_meta *meta)
{
    (void)it;
    (void)meta;
    (*(unsigned long *)ctx)++;
    return 0;
}

static void test_dshodd2(void **state)
{
    FILE *f = open_or_skip(SAMPLES "netdata/dshodd2.netdata");
    hm_log lg;
    tlog tl;
    hm_nd *r;
    const hm_nd_file *nf;
    hm_cpconv cv;
    hm_ov_names *nm;
    const unsigned char *d;
    size_t n;
    unsigned long recs = 0, npab = 0, i;
    const hm_ov_entry *e;
    hm_text v;
    (void)state;
    if (!f) {
        skip();
        return;
    }
    memset(&tl, 0, sizeof tl);
    hm_log_init(&lg, logfn, &tl);
    hm_cpconv_init(&cv, hm_cp_builtin(37), HM_PC_UTF8, HM_NL_CDRA);
    r = hm_nd_open(&A, file_read, f, &lg, "dshodd2.netdata", NULL);
    assert_int_equal(hm_nd_next_file(r, &nf), 1);
    assert_string_equal(nf->name, "DOMAIN NAMES B1");
    nm = hm_ov_names_open(&A, &cv, &lg, "DOMAIN NAMES B1", NULL);
    while (hm_nd_next_record(r, &d, &n) == 1) {
        recs++;
        assert_int_equal(hm_ov_names_record(nm, d, n), 0);
    }
    assert_int_equal(recs, 816);
    assert_int_equal(hm_ov_names_finish(nm), 0);
    assert_int_equal(hm_ov_names_count(nm), 272);
    for (i = 0; i < 272; i++)
        assert_int_equal(hm_ov_names_at(nm, i)->is_list, 0);
    e = hm_ov_names_at(nm, 0);
    assert_int_equal(e->nick.len, 8);
    assert_memory_equal(e->nick.s, "VERS9312", 8);
    assert_int_equal(hm_ov_names_tag(e, (const unsigned char *)"site", 4,
                                     &v), 1);
    assert_int_equal(v.len, 26);
    assert_memory_equal(v.s, "November 1993 DOMAIN NAMES", 26);
    e = hm_ov_names_at(nm, 1);
    assert_memory_equal(e->nick.s, ".AE", 3);
    assert_int_equal(e->first_rec, 4);
    assert_int_equal(hm_ov_names_tag(e, (const unsigned char *)"mailer",
                                     6, &v), 1);
    assert_int_equal(v.len, 21);
    assert_memory_equal(v.s, "SMTP@INTERBIT BSMTP 3", 21);
    assert_int_equal(hm_ov_names_tag(e, (const unsigned char *)"gatemast",
                                     8, &v), 1);
    assert_int_equal(v.len, 33);
    assert_memory_equal(v.s, "GETTES@PUCC, lootah@uugulf.net.ae", 33);
    assert_int_equal(hm_ov_names_find(nm, (const unsigned char *)".at", 3),
                     hm_ov_names_find(nm, (const unsigned char *)".AT", 3));
    assert_true(hm_ov_names_find(nm, (const unsigned char *)".ZW", 3) > 0);
    assert_int_equal(hm_ov_names_pab(nm, count_fn, &npab), 0);
    assert_int_equal(npab, 272);
    assert_int_equal(tl.n, 0);
    hm_ov_names_close(nm);
    hm_nd_close(r);
    fclose(f);
}

/* ------------------------------------------------------------------
 * generated stores
 */
typedef struct mline {
    char *f[9];
    int nf;
} mline;

typedef struct manifest {
    mline *l;
    size_t n;
    unsigned ccsid;
    char *text;
} manifest;

static int load_manifest(const char *dir, manifest *m)
{
    char path[1024];
    FILE *f;
    long sz;
    char *p;
    size_t cap = 0;
    memset(m, 0, sizeof *m);
    snprintf(path, sizeof path, "%s/manifest.tsv", dir);
    f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    m->text = malloc((size_t)sz + 1);
    assert_int_equal(fread(m->text, 1, (size_t)sz, f), (size_t)sz);
    m->text[sz] = 0;
    fclose(f);
    for (p = m->text; *p;) {
        char *e = strchr(p, '\n');
        mline *l;
        if (!e)
            e = p + strlen(p);
        if (m->n == cap) {
            cap = cap ? cap * 2 : 256;
            m->l = realloc(m->l, cap * sizeof *m->l);
        }
        l = &m->l[m->n++];
        l->nf = 0;
        l->f[l->nf++] = p;
        while (p < e) {
            if (*p == '\t' && l->nf < 9) {
                *p = 0;
                l->f[l->nf++] = p + 1;
            }
            p++;
        }
        if (*p)
            *p++ = 0;
        if (!strcmp(l->f[0], "ccsid"))
            m->ccsid = (unsigned)atoi(l->f[1]);
    }
    return 0;
}

/* records of a file in one of the generated formats */
typedef struct rsrc {
    FILE *f;
    hm_rdr *rdr;
    hm_nd *nd;
} rsrc;

static int rs_open(rsrc *s, const char *path, const char *fmt,
                   hm_log *lg)
{
    memset(s, 0, sizeof *s);
    s->f = fopen(path, "rb");
    if (!s->f)
        return -1;
    if (!strcmp(fmt, "netdata")) {
        const hm_nd_file *nf;
        s->nd = hm_nd_open(&A, file_read, s->f, lg, path, NULL);
        return hm_nd_next_file(s->nd, &nf) == 1 ? 0 : -1;
    } else {
        hm_recopt o;
        memset(&o, 0, sizeof o);
        o.recfm = !strcmp(fmt, "f80") ? HM_RECFM_F : HM_RECFM_V;
        o.lrecl = 80;
        o.blank = 0x40;
        s->rdr = hm_rec_open(&A, file_read, s->f, &o, lg, path);
    }
    return 0;
}

static int rs_next(void *ctx, const unsigned char **d, size_t *n)
{
    rsrc *s = (rsrc *)ctx;
    if (s->nd)
        return hm_nd_next_record(s->nd, d, n);
    return hm_rec_next(s->rdr, d, n);
}

static void rs_close(rsrc *s)
{
    if (s->nd)
        hm_nd_close(s->nd);
    if (s->rdr)
        hm_rec_close(s->rdr);
    if (s->f)
        fclose(s->f);
}

/* notes compared one by one as the parser hands them out */
typedef struct cmp {
    manifest *m;
    const char *path;
    size_t next;        /* next manifest line to look at */
    unsigned long n, bad;
} cmp;

static int cmp_fn(void *ctx, const hm_item *it, const hm_ov_meta *meta)
{
    cmp *c = (cmp *)ctx;
    const hm_message *g = &it->u.msg;
    mline *l = NULL;
    char buf[1024];
    while (c->next < c->m->n) {
        mline *x = &c->m->l[c->next++];
        if (!strcmp(x->f[0], "note") && !strcmp(x->f[1], c->path)) {
            l = x;
            break;
        }
    }
    c->n++;
    if (!l)
        return 0; /* more notes than listed (--max-items) */
    if (memcmp(g->sent.d, l->f[3], 14) != 0) {
        c->bad++;
        fprintf(stderr, "%s note %s: date %.14s, want %s\n", c->path,
                l->f[2], (const char *)g->sent.d, l->f[3]);
    }
    cpy(buf, sizeof buf, g->sender.addr);
    if (strcmp(buf, l->f[4])) {
        c->bad++;
        fprintf(stderr, "%s note %s: from %s, want %s\n", c->path,
                l->f[2], buf, l->f[4]);
    }
    if (meta->sent != atoi(l->f[5]) || g->nto != (size_t)atoi(l->f[6])) {
        c->bad++;
        fprintf(stderr, "%s note %s: sent %d nto %u, want %s %s\n",
                c->path, l->f[2], meta->sent, (unsigned)g->nto, l->f[5],
                l->f[6]);
    }
    cpy(buf, sizeof buf, g->subject);
    if (strcmp(buf, l->nf > 7 ? l->f[7] : "")) {
        c->bad++;
        fprintf(stderr, "%s note %s: subject '%s', want '%s'\n", c->path,
                l->f[2], buf, l->f[7]);
    }
    if (meta->raw) {
        c->bad++;
        fprintf(stderr, "%s note %s: raw\n", c->path, l->f[2]);
    }
    return 0;
}

static void unescape(const char *s, char *out)
{
    while (*s) {
        if (s[0] == '\\' && s[1] == 'n') {
            *out++ = '\n';
            s += 2;
        } else {
            *out++ = *s++;
        }
    }
    *out = 0;
}

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static int sb_write(void *ctx, const unsigned char *d, size_t n)
{
    sbuf *b = (sbuf *)ctx;
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
    b->p[b->n] = 0;
    return 0;
}

static const char *doctext(manifest *m, const char *path)
{
    size_t i;
    for (i = 0; i < m->n; i++)
        if (!strcmp(m->l[i].f[0], "doctext") && !strcmp(m->l[i].f[1], path))
            return m->l[i].f[2];
    return NULL;
}

static unsigned long check_store(const char *dir)
{
    manifest m;
    size_t i;
    hm_log lg;
    tlog tl;
    hm_cpconv cv;
    const hm_cpage *cp;
    unsigned long files = 0, notes = 0, bad = 0, nmsg = 0;
    char path[2048];
    if (load_manifest(dir, &m)) {
        printf("SKIP: store %s absent (no manifest.tsv)\n", dir);
        return 0;
    }
    cp = hm_cp_builtin(m.ccsid);
    assert_non_null(cp);
    hm_cpconv_init(&cv, cp, HM_PC_UTF8, HM_NL_CDRA);
    memset(&tl, 0, sizeof tl);
    hm_log_init(&lg, logfn, &tl);
    for (i = 0; i < m.n; i++) {
        mline *l = &m.l[i];
        rsrc s;
        const char *kind;
        if (strcmp(l->f[0], "file") || l->nf < 7)
            continue;
        kind = l->f[2];
        snprintf(path, sizeof path, "%s/%s", dir, l->f[1]);
        files++;
        if (!strcmp(kind, "notebook")) {
            hm_ov_opt o;
            hm_ov_nb *nb;
            unsigned char fo[32];
            hm_text ft;
            cmp c;
            const unsigned char *d;
            size_t n;
            size_t j;
            hm_ov_opt_init(&o);
            o.owner = l->f[4];
            ft.s = fo;
            ft.len = hm_ov_nb_folder(l->f[1], fo, sizeof fo);
            assert_int_equal(ft.len, strlen(l->f[5]));
            assert_memory_equal(fo, l->f[5], ft.len);
            memset(&c, 0, sizeof c);
            c.m = &m;
            c.path = l->f[1];
            /* the note lines precede their file line */
            for (j = i; j > 0 && !strcmp(m.l[j - 1].f[0], "note")
                 && !strcmp(m.l[j - 1].f[1], l->f[1]); j--)
                ;
            c.next = j;
            nb = hm_ov_nb_open(&A, &cv, &lg, path, &ft, 1, HM_OV_NOTEBOOK,
                               &o, cmp_fn, &c);
            assert_int_equal(rs_open(&s, path, l->f[3], &lg), 0);
            while (rs_next(&s, &d, &n) == 1)
                assert_int_equal(hm_ov_nb_record(nb, d, n), 0);
            assert_int_equal(hm_ov_nb_finish(nb), 0);
            if (c.n != strtoul(l->f[6], NULL, 10)) {
                fprintf(stderr, "%s: %lu notes, want %s\n", path, c.n,
                        l->f[6]);
                bad++;
            }
            bad += c.bad;
            notes += c.n;
            hm_ov_nb_close(nb);
            rs_close(&s);
        } else if (!strcmp(kind, "names")) {
            hm_ov_names *nm = hm_ov_names_open(&A, &cv, &lg, path, NULL);
            const unsigned char *d;
            size_t n, j;
            assert_int_equal(rs_open(&s, path, l->f[3], &lg), 0);
            while (rs_next(&s, &d, &n) == 1)
                assert_int_equal(hm_ov_names_record(nm, d, n), 0);
            assert_int_equal(hm_ov_names_finish(nm), 0);
            assert_int_equal(hm_ov_names_count(nm),
                             strtoul(l->f[6], NULL, 10));
            for (j = 0; j < m.n; j++) {
                mline *x = &m.l[j];
                long k;
                if (!strcmp(x->f[0], "names")
                    && !strcmp(x->f[1], l->f[1])) {
                    assert_int_equal(hm_ov_names_notebooks(nm),
                                     strtoul(x->f[4], NULL, 10));
                    /* the cycles the generator made are reported */
                    if (x->nf > 5)
                        nmsg += strtoul(x->f[5], NULL, 10);
                }
                if (strcmp(x->f[0], "list") || strcmp(x->f[1], l->f[1]))
                    continue;
                k = hm_ov_names_find(nm, (const unsigned char *)x->f[2],
                                     strlen(x->f[2]));
                assert_true(k >= 0);
                if (hm_ov_names_at(nm, (unsigned long)k)->nmembers
                    != strtoul(x->f[3], NULL, 10)) {
                    fprintf(stderr, "%s list %s: %u members, want %s\n",
                            path, x->f[2], (unsigned)hm_ov_names_at(
                                nm, (unsigned long)k)->nmembers, x->f[3]);
                    bad++;
                }
            }
            hm_ov_names_close(nm);
            rs_close(&s);
        } else if (!strcmp(kind, "mail")) {
            hm_ov_opt o;
            cmp c;
            hm_ov_opt_init(&o);
            o.owner = l->f[4];
            memset(&c, 0, sizeof c);
            c.m = &m;
            c.path = l->f[1];
            c.next = i;
            assert_int_equal(rs_open(&s, path, "netdata", &lg), 0);
            assert_int_equal(hm_ov_mailfile(&A, &cv, &lg, path, &o,
                                            rs_next, &s, cmp_fn, &c), 0);
            assert_int_equal(c.n, 1);
            bad += c.bad;
            rs_close(&s);
        } else if (!strcmp(kind, "rft") || !strcmp(kind, "sendfile")) {
            const char *want = doctext(&m, l->f[1]);
            char *w;
            sbuf out;
            hm_dca dca;
            assert_non_null(want);
            w = malloc(strlen(want) + 1);
            unescape(want, w);
            memset(&out, 0, sizeof out);
            hm_dca_init(&dca, HM_DOC_RFT, 0, &cv, sb_write, &out, &lg,
                        path);
            if (!strcmp(kind, "rft")) {
                unsigned char b[1000];
                FILE *f = fopen(path, "rb");
                size_t n;
                assert_non_null(f);
                n = fread(b, 1, sizeof b, f);
                assert_int_equal(hm_doc_kind("DOCUMENT", b, n, NULL, 0),
                                 HM_DOC_RFT);
                do {
                    assert_int_equal(hm_dca_feed(&dca, b, n), 0);
                } while ((n = fread(b, 1, sizeof b, f)) > 0);
                fclose(f);
            } else {
                const hm_nd_file *nf;
                const unsigned char *d;
                size_t n;
                hm_ov_rdrfile rf;
                got g;
                s.f = fopen(path, "rb");
                s.nd = hm_nd_open(&A, file_read, s.f, &lg, path, NULL);
                assert_int_equal(hm_nd_next_file(s.nd, &nf), 1);
                assert_int_equal(hm_doc_kind(nf->cms_ft, NULL, 0, NULL, 0),
                                 HM_DOC_RFT);
                while (hm_nd_next_record(s.nd, &d, &n) == 1)
                    assert_int_equal(hm_dca_feed(&dca, d, n), 0);
                memset(&rf, 0, sizeof rf);
                rf.fn = nf->cms_fn;
                rf.ft = nf->cms_ft;
                rf.from_user = hm_nd_info(s.nd)->fuid;
                rf.from_node = hm_nd_info(s.nd)->fnode;
                rf.ftime = hm_nd_info(s.nd)->ftime;
                rf.body.s = (const unsigned char *)out.p;
                rf.body.len = out.n;
                memset(&g, 0, sizeof g);
                assert_int_equal(hm_ov_rdrfile_item(&rf, NULL, got_fn, &g),
                                 0);
                assert_int_equal(g.n, 1);
                assert_string_equal(g.date, "19940301120000");
                assert_true(strstr(g.att, ".RFT") != NULL);
                rs_close(&s);
                memset(&s, 0, sizeof s);
            }
            assert_int_equal(hm_dca_finish(&dca), 0);
            if (!out.p || strcmp(out.p, w)) {
                fprintf(stderr, "%s: text differs\n got: %s\nwant: %s\n",
                        path, out.p ? out.p : "", w);
                bad++;
            }
            free(out.p);
            free(w);
        }
    }
    printf("store %s: %lu files, %lu notes, %lu differences, "
           "%u messages\n", dir, files, notes, bad, tl.n);
    assert_true(files > 0);
    assert_int_equal(tl.n, nmsg);
    free(m.l);
    free(m.text);
    return bad;
}

static void test_bundled_store(void **state)
{
    (void)state;
    assert_int_equal(check_store(STORE), 0);
}

static void test_env_store(void **state)
{
    const char *d = getenv("HM_OVVM_STORE");
    (void)state;
    if (!d || !*d) {
        printf("SKIP: HM_OVVM_STORE not set (a store made by "
               "tests/gen/ovvmgen.py)\n");
        skip();
        return;
    }
    assert_int_equal(check_store(d), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cmsnote),
        cmocka_unit_test(test_dshodd2),
        cmocka_unit_test(test_bundled_store),
        cmocka_unit_test(test_env_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
