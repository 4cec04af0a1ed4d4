/* test_migwrite.c - pure tests of the migration-file writer and
 * reader: byte-exact small sets (expected bytes in hex), random item
 * streams that the checker must accept and that must read back into
 * the same items, Schedule+ output, code-page replacement counts, and
 * flat memory over 100,000 messages. No files, no OS: all text is
 * built from numeric byte values, so the test runs unchanged in the
 * EBCDIC and s390x builds. (The golden files are in
 * tests/host/test_migwrite_golden.c.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "migmemfs.h"
#include "hm_cp.h"

/* ---- a tiny set, byte for byte ---- */

static const unsigned char id_a[1] = { 0x61 };              /* a */
static const unsigned char addr_a[5] = { 0x58, 0x3A, 0x41, 0x28, 0x29 };
                                                          /* X:A() */
static const unsigned char want_pkl[] = {
    /* 1252 CR LF CR LF */
    0x31, 0x32, 0x35, 0x32, 0x0D, 0x0A, 0x0D, 0x0A,
    /* Filename,Filetype CR LF */
    0x46, 0x69, 0x6C, 0x65, 0x6E, 0x61, 0x6D, 0x65, 0x2C, 0x46, 0x69,
    0x6C, 0x65, 0x74, 0x79, 0x70, 0x65, 0x0D, 0x0A,
    /* AXX00100.PRI,Primary CR LF */
    0x41, 0x58, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x50, 0x52,
    0x49, 0x2C, 0x50, 0x72, 0x69, 0x6D, 0x61, 0x72, 0x79, 0x0D, 0x0A,
    /* AXX00100.SEC,Secondary CR LF */
    0x41, 0x58, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x53, 0x45,
    0x43, 0x2C, 0x53, 0x65, 0x63, 0x6F, 0x6E, 0x64, 0x61, 0x72, 0x79,
    0x0D, 0x0A };
/* the message line: ,,,,,,,,0,FALSE,FALSE,#AXX00100.SEC(50) CR LF */
static const unsigned char want_line[] = {
    0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x30, 0x2C, 0x46,
    0x41, 0x4C, 0x53, 0x45, 0x2C, 0x46, 0x41, 0x4C, 0x53, 0x45, 0x2C,
    0x23, 0x41, 0x58, 0x58, 0x30, 0x30, 0x31, 0x30, 0x30, 0x2E, 0x53,
    0x45, 0x43, 0x28, 0x35, 0x30, 0x29, 0x0D, 0x0A };
/* after the 50-byte column line: Body,0,,TRUE,,, CR LF CR LF */
static const unsigned char want_sec[] = {
    0x42, 0x6F, 0x64, 0x79, 0x2C, 0x30, 0x2C, 0x2C, 0x54, 0x52, 0x55,
    0x45, 0x2C, 0x2C, 0x2C, 0x0D, 0x0A, 0x0D, 0x0A };

static void test_tiny_set_bytes(void **state)
{
    mfs m;
    hm_mw_files fs;
    hm_mw_opt o;
    hm_item it;
    hm_mw *w;
    mfs_file *f;
    memlog ml;
    (void)state;
    memset(&m, 0, sizeof m);
    memset(&o, 0, sizeof o);
    memlog_init(&ml);
    mfs_files(&m, &fs);
    o.codepage = HM_PC_1252;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id_a;
    it.u.account.id.len = 1;
    it.u.account.address.s = addr_a;
    it.u.account.address.len = 5;
    assert_int_equal(hm_mw_put(w, &it), 0);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_MESSAGE;
    assert_int_equal(hm_mw_put(w, &it), 0);
    assert_int_equal(hm_mw_close(w, 0), 0);
    f = mfs_find(&m, "MIGRATE.PKL");
    assert_non_null(f);
    assert_int_equal(f->len, sizeof want_pkl);
    assert_memory_equal(f->data, want_pkl, sizeof want_pkl);
    f = mfs_find(&m, "AXX00100.PRI");
    assert_non_null(f);
    assert_true(f->len > sizeof want_line);
    assert_memory_equal(f->data + f->len - sizeof want_line, want_line,
                        sizeof want_line);
    f = mfs_find(&m, "AXX00100.SEC");
    assert_non_null(f);
    assert_int_equal(f->len, 50 + sizeof want_sec);
    assert_memory_equal(f->data + 50, want_sec, sizeof want_sec);
    mfs_free(&m);
}

/* ---- a free document of two parts ---- */

/* the document: PLAN.RFT (bytes 00 05 E1 03 00) and PLAN.RFT.TXT
 * ("Hi" CR LF), then one named README without an extension */
static const unsigned char doc_n1[] = {
    0x50, 0x4C, 0x41, 0x4E, 0x2E, 0x52, 0x46, 0x54 };
static const unsigned char doc_n2[] = {
    0x50, 0x4C, 0x41, 0x4E, 0x2E, 0x52, 0x46, 0x54, 0x2E, 0x54, 0x58,
    0x54 };
static const unsigned char doc_n3[] = {
    0x52, 0x45, 0x41, 0x44, 0x4D, 0x45 };
static const unsigned char doc_d1[] = { 0x00, 0x05, 0xE1, 0x03, 0x00 };
static const unsigned char doc_d2[] = { 0x48, 0x69, 0x0D, 0x0A };
/* after the column line: Body,0,,FALSE,,, CR LF CR LF
 * Document,5,,FALSE,PLAN.RFT,, CR LF <5 bytes> CR LF
 * Document,4,,TRUE,PLAN.RFT.TXT,, CR LF <4 bytes> CR LF */
static const unsigned char want_doc[] = {
    0x42, 0x6F, 0x64, 0x79, 0x2C, 0x30, 0x2C, 0x2C, 0x46, 0x41, 0x4C,
    0x53, 0x45, 0x2C, 0x2C, 0x2C, 0x0D, 0x0A, 0x0D, 0x0A,
    0x44, 0x6F, 0x63, 0x75, 0x6D, 0x65, 0x6E, 0x74, 0x2C, 0x35, 0x2C,
    0x2C, 0x46, 0x41, 0x4C, 0x53, 0x45, 0x2C, 0x50, 0x4C, 0x41, 0x4E,
    0x2E, 0x52, 0x46, 0x54, 0x2C, 0x2C, 0x0D, 0x0A,
    0x00, 0x05, 0xE1, 0x03, 0x00, 0x0D, 0x0A,
    0x44, 0x6F, 0x63, 0x75, 0x6D, 0x65, 0x6E, 0x74, 0x2C, 0x34, 0x2C,
    0x2C, 0x54, 0x52, 0x55, 0x45, 0x2C, 0x50, 0x4C, 0x41, 0x4E, 0x2E,
    0x52, 0x46, 0x54, 0x2E, 0x54, 0x58, 0x54, 0x2C, 0x2C, 0x0D, 0x0A,
    0x48, 0x69, 0x0D, 0x0A, 0x0D, 0x0A };

typedef struct docback {
    int n;
    size_t nmore[2];
    size_t nlen[2][2];
    unsigned char name[2][2][16];
    unsigned long size[2][2];
    unsigned char data[2][2][8];
} docback;

static int doc_item(void *ctx, const hm_item *it)
{
    docback *b = (docback *)ctx;
    size_t i;
    if (it->kind != HM_ITEM_DOCUMENT)
        return 0;
    assert_true(b->n < 2);
    b->nmore[b->n] = it->u.doc.nmore;
    for (i = 0; i <= it->u.doc.nmore && i < 2; i++) {
        const hm_text *t = i ? &it->u.doc.more[i - 1].name
                             : &it->u.doc.name;
        const hm_data *d = i ? &it->u.doc.more[i - 1].data
                             : &it->u.doc.data;
        assert_true(t->len <= 16 && d->size <= 8);
        b->nlen[b->n][i] = t->len;
        memcpy(b->name[b->n][i], t->s, t->len);
        b->size[b->n][i] = d->size;
        memcpy(b->data[b->n][i], d->p, d->size);
    }
    b->n++;
    return 0;
}

static void test_free_document(void **state)
{
    mfs m;
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw_stats st;
    hm_item it;
    hm_docpart part;
    hm_mw *w;
    mfs_file *f;
    memlog ml;
    hm_mr_set set;
    hm_mr_counts c;
    docback b;
    static const unsigned char readme_txt[] = {
        0x52, 0x45, 0x41, 0x44, 0x4D, 0x45, 0x2E, 0x54, 0x58, 0x54 };
    (void)state;
    memset(&m, 0, sizeof m);
    memset(&o, 0, sizeof o);
    memlog_init(&ml);
    mfs_files(&m, &fs);
    o.codepage = HM_PC_1252;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id_a;
    it.u.account.id.len = 1;
    it.u.account.address.s = addr_a;
    it.u.account.address.len = 5;
    assert_int_equal(hm_mw_put(w, &it), 0);
    memset(&it, 0, sizeof it);
    memset(&part, 0, sizeof part);
    it.kind = HM_ITEM_DOCUMENT;
    it.u.doc.name.s = doc_n1;
    it.u.doc.name.len = sizeof doc_n1;
    it.u.doc.data.p = doc_d1;
    it.u.doc.data.size = sizeof doc_d1;
    part.name.s = doc_n2;
    part.name.len = sizeof doc_n2;
    part.data.p = doc_d2;
    part.data.size = sizeof doc_d2;
    it.u.doc.more = &part;
    it.u.doc.nmore = 1;
    assert_int_equal(hm_mw_put(w, &it), 0);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_DOCUMENT;
    it.u.doc.name.s = doc_n3;
    it.u.doc.name.len = sizeof doc_n3;
    it.u.doc.data.p = doc_d2;
    it.u.doc.data.size = sizeof doc_d2;
    assert_int_equal(hm_mw_put(w, &it), 0);
    assert_int_equal(hm_mw_close(w, &st), 0);
    assert_int_equal(st.documents, 2);
    /* the sections, byte for byte */
    f = mfs_find(&m, "AXX00100.SEC");
    assert_non_null(f);
    assert_true(f->len > 50 + sizeof want_doc);
    assert_memory_equal(f->data + 50, want_doc, sizeof want_doc);
    /* read back: two free documents, the first with its second part */
    memset(&b, 0, sizeof b);
    mfs_set(&m, &set);
    assert_int_equal(hm_mr_check(mfs_alloc(), &set, "MIGRATE.PKL",
                                 &ml.lg, doc_item, &b, &c), 0);
    assert_int_equal(c.documents, 2);
    assert_int_equal(c.messages, 0);
    assert_int_equal(b.n, 2);
    assert_int_equal(b.nmore[0], 1);
    assert_int_equal(b.nlen[0][0], sizeof doc_n1);
    assert_memory_equal(b.name[0][0], doc_n1, sizeof doc_n1);
    assert_int_equal(b.size[0][0], sizeof doc_d1);
    assert_memory_equal(b.data[0][0], doc_d1, sizeof doc_d1);
    assert_int_equal(b.nlen[0][1], sizeof doc_n2);
    assert_memory_equal(b.name[0][1], doc_n2, sizeof doc_n2);
    assert_int_equal(b.size[0][1], sizeof doc_d2);
    assert_memory_equal(b.data[0][1], doc_d2, sizeof doc_d2);
    /* a name without an extension gets .TXT */
    assert_int_equal(b.nmore[1], 0);
    assert_int_equal(b.nlen[1][0], sizeof readme_txt);
    assert_memory_equal(b.name[1][0], readme_txt, sizeof readme_txt);
    mfs_free(&m);
}

/* ---- random item streams ---- */

static unsigned long rng;
static unsigned rnd(unsigned n)
{
    rng = rng * 1103515245ul + 12345ul;
    return (unsigned)((rng >> 16) % n);
}

/* pieces text is made of: ASCII specials, line ends, non-Latin */
static const unsigned char pool[][5] = {
    { 1, 0x61 }, { 1, 0x42 }, { 1, 0x7A }, { 1, 0x30 }, { 1, 0x20 },
    { 1, 0x22 }, { 1, 0x2C }, { 1, 0x3B }, { 1, 0x5C }, { 1, 0x0D },
    { 1, 0x0A }, { 1, 0x23 }, { 1, 0x2E }, { 1, 0x25 }, { 1, 0x21 },
    { 1, 0x5B }, { 1, 0x5D }, { 1, 0x28 }, { 1, 0x3A }, { 1, 0x09 },
    { 2, 0xC3, 0xA9 },              /* e acute */
    { 2, 0xD0, 0xB6 },              /* Cyrillic zhe */
    { 3, 0xE4, 0xB8, 0xAD },        /* CJK */
    { 4, 0xF0, 0x9F, 0x98, 0x80 },  /* emoji */
    { 3, 0xE2, 0x82, 0xAC } };      /* euro */
#define NPOOL (sizeof pool / sizeof pool[0])

typedef struct gen {
    unsigned char buf[1 << 20];
    size_t used;
} gen;

static hm_text gtext(gen *g, unsigned maxpieces, int plain)
{
    hm_text t;
    unsigned n = rnd(maxpieces + 1), i;
    t.s = g->buf + g->used;
    for (i = 0; i < n; i++) {
        const unsigned char *p = pool[plain ? rnd(5) : rnd(NPOOL)];
        memcpy(g->buf + g->used, p + 1, p[0]);
        g->used += p[0];
    }
    t.len = (size_t)(g->buf + g->used - t.s);
    return t;
}

static hm_text gtext1(gen *g, unsigned maxpieces)
{
    hm_text t = gtext(g, maxpieces, 0);
    if (t.len == 0) {
        g->buf[g->used++] = 0x6B;
        t.len = 1;
    }
    return t;
}

#define NMSG 120
#define MAXATT 20
#define MAXADDR 4

typedef struct gmsg {
    hm_message m;
    hm_addr to[MAXADDR];
    hm_text folder[3];
    hm_data body;
    hm_attach att[MAXATT];
    int acct;
} gmsg;

static gen G;
static gmsg msgs[NMSG];
static hm_pab pabs[10];
static hm_text pabmem[10][3];

/* normalized comparison: what the writer promises to keep */
typedef struct norm {
    unsigned char b[1 << 16];
    size_t n;
} norm;

/* mode 0: field text (controls -> blank); 1: names/addresses (also
 * [ ] -> ( )); 2: folder component (also \ -> /); 3: body (line
 * ends -> CR LF) */
static void normalize(norm *o, const unsigned char *s, size_t n,
                      int mode)
{
    size_t i;
    o->n = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (mode == 3) {
            if (c == 0x0D || c == 0x0A) {
                o->b[o->n++] = 0x0D;
                o->b[o->n++] = 0x0A;
                if (c == 0x0D && i + 1 < n && s[i + 1] == 0x0A)
                    i++;
                continue;
            }
        } else {
            if (c < 0x20 || c == 0x7F)
                c = 0x20;
            if (mode == 1 && c == 0x5B)
                c = 0x28;
            if (mode == 1 && c == 0x5D)
                c = 0x29;
            if (mode == 2 && c == 0x5C)
                c = 0x2F;
        }
        o->b[o->n++] = c;
    }
}

static void same_text(const hm_text *got, const unsigned char *s,
                      size_t n, int mode)
{
    static norm a;
    normalize(&a, s, n, mode);
    assert_int_equal(got->len, a.n);
    if (a.n)
        assert_memory_equal(got->s, a.b, a.n);
}

static void same_addr(const hm_addr *got, const hm_addr *want)
{
    const hm_text *nm = want->name.len ? &want->name : &want->addr;
    same_text(&got->name, nm->s, nm->len, 1);
    same_text(&got->addr, want->addr.s, want->addr.len, 1);
}

typedef struct rb {
    int msg;        /* next message expected */
    int pab;
    int accounts;
} rb;

static int readback(void *ctx, const hm_item *it)
{
    rb *r = (rb *)ctx;
    size_t i;
    if (it->kind == HM_ITEM_ACCOUNT) {
        r->accounts++;
        return 0;
    }
    if (it->kind == HM_ITEM_PAB) {
        const hm_pab *w = &pabs[r->pab++];
        const hm_pab *g = &it->u.pab;
        assert_int_equal(g->is_dl, w->is_dl);
        same_text(&g->f[HM_PAB_DISPLAY], w->f[HM_PAB_DISPLAY].s,
                  w->f[HM_PAB_DISPLAY].len, 0);
        if (w->is_dl) {
            assert_int_equal(g->nmembers, w->nmembers);
            for (i = 0; i < w->nmembers; i++)
                same_text(&g->members[i], w->members[i].s,
                          w->members[i].len, 0);
        } else {
            same_text(&g->f[HM_PAB_CITY], w->f[HM_PAB_CITY].s,
                      w->f[HM_PAB_CITY].len, 0);
            const hm_text *nt = &w->f[HM_PAB_NOTE];
            int multi = 0;
            for (i = 0; i < nt->len; i++)
                if (nt->s[i] == 0x0D || nt->s[i] == 0x0A)
                    multi = 1;
            same_text(&g->f[HM_PAB_NOTE], nt->s, nt->len, multi ? 3 : 0);
        }
        return 0;
    }
    assert_int_equal(it->kind, HM_ITEM_MESSAGE);
    {
        const gmsg *w = &msgs[r->msg++];
        const hm_message *g = &it->u.msg;
        size_t nb = w->body.size || !w->m.natt ? 1 : 0;
        assert_int_equal(g->nfolder, w->m.nfolder);
        for (i = 0; i < g->nfolder; i++)
            same_text(&g->folder[i], w->folder[i].s, w->folder[i].len,
                      2);
        same_addr(&g->sender, &w->m.sender);
        assert_int_equal(g->nto, w->m.nto);
        for (i = 0; i < g->nto; i++)
            same_addr(&g->to[i], &w->to[i]);
        same_text(&g->subject, w->m.subject.s, w->m.subject.len, 0);
        assert_memory_equal(g->sent.d, w->m.sent.d, 14);
        assert_int_equal(g->priority, w->m.priority);
        assert_int_equal(g->unread, w->m.unread);
        assert_int_equal(g->nbody, nb);
        if (nb) {
            hm_text bt;
            bt.s = g->body[0].p;
            bt.len = g->body[0].size;
            same_text(&bt, w->body.p, w->body.size, 3);
        }
        assert_int_equal(g->natt, w->m.natt);
        for (i = 0; i < g->natt; i++) {
            assert_int_equal(g->att[i].data.size, w->att[i].data.size);
            if (w->att[i].data.size)
                assert_memory_equal(g->att[i].data.p, w->att[i].data.p,
                                    w->att[i].data.size);
            same_text(&g->att[i].name, w->att[i].name.s,
                      w->att[i].name.len, 0);
        }
    }
    return 0;
}

static void gen_items(void)
{
    int i, k;
    G.used = 0;
    for (i = 0; i < NMSG; i++) {
        gmsg *g = &msgs[i];
        memset(g, 0, sizeof *g);
        g->acct = i * 3 / NMSG;
        g->m.nfolder = rnd(3);
        for (k = 0; k < (int)g->m.nfolder; k++)
            g->folder[k] = gtext1(&G, 4);
        g->m.folder = g->folder;
        g->m.sender.name = gtext1(&G, 6);
        if (rnd(2))
            g->m.sender.addr = gtext(&G, 6, 0);
        g->m.nto = rnd(MAXADDR + 1);
        for (k = 0; k < (int)g->m.nto; k++) {
            g->to[k].name = gtext(&G, 5, 0);
            g->to[k].addr = gtext(&G, 5, 0);
            if (!g->to[k].name.len && !g->to[k].addr.len)
                g->to[k].name = gtext1(&G, 3);
        }
        g->m.to = g->to;
        g->m.subject = gtext(&G, 10, 0);
        hm_time_set(&g->m.sent, 1990 + rnd(20), 1 + rnd(12),
                    1 + rnd(28), rnd(24), rnd(60), rnd(60));
        g->m.received = g->m.sent;
        g->m.priority = (int)rnd(3) - 1;
        g->m.unread = (int)rnd(2);
        g->body.p = G.buf + G.used;
        g->body.size = (unsigned long)gtext(&G, rnd(4) ? 40 : 0, 0).len;
        g->m.body = &g->body;
        g->m.nbody = 1;
        g->m.natt = rnd(4) ? rnd(3) : rnd(MAXATT + 1);
        for (k = 0; k < (int)g->m.natt; k++) {
            unsigned n = rnd(300), j;
            g->att[k].name = gtext1(&G, 4);
            g->att[k].position = -1;
            g->att[k].data.p = G.buf + G.used;
            g->att[k].data.size = n;
            for (j = 0; j < n; j++)
                G.buf[G.used++] = (unsigned char)rnd(256);
        }
        g->m.att = g->att;
    }
    for (i = 0; i < 10; i++) {
        hm_pab *p = &pabs[i];
        memset(p, 0, sizeof *p);
        p->is_dl = i % 3 == 2;
        p->f[HM_PAB_DISPLAY] = gtext1(&G, 5);
        if (p->is_dl) {
            for (k = 0; k < 3; k++)
                pabmem[i][k] = gtext1(&G, 4);
            p->members = pabmem[i];
            p->nmembers = 3;
        } else {
            p->f[HM_PAB_EMAIL] = gtext1(&G, 5);
            p->f[HM_PAB_CITY] = gtext(&G, 5, 0);
            p->f[HM_PAB_NOTE] = gtext(&G, 8, 0);
        }
    }
    assert_true(G.used < sizeof G.buf);
}

static void write_random(mfs *m, memlog *ml, unsigned long sec_limit)
{
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw *w;
    hm_item it;
    int i, acct = -1;
    unsigned char ids[3][2] = { { 0x75, 0x31 }, { 0x75, 0x32 },
                                { 0x75, 0x33 } };
    mfs_files(m, &fs);
    memset(&o, 0, sizeof o);
    o.sec_limit = sec_limit;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml->lg);
    assert_non_null(w);
    for (i = 0; i < NMSG; i++) {
        if (msgs[i].acct != acct) {
            acct = msgs[i].acct;
            memset(&it, 0, sizeof it);
            it.kind = HM_ITEM_ACCOUNT;
            it.u.account.id.s = ids[acct];
            it.u.account.id.len = 2;
            it.u.account.address = it.u.account.id;
            assert_int_equal(hm_mw_put(w, &it), 0);
            if (acct == 2) {
                int k;
                for (k = 0; k < 10; k++) {
                    it.kind = HM_ITEM_PAB;
                    it.u.pab = pabs[k];
                    assert_int_equal(hm_mw_put(w, &it), 0);
                }
            }
        }
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_MESSAGE;
        it.u.msg = msgs[i].m;
        assert_int_equal(hm_mw_put(w, &it), 0);
    }
    assert_int_equal(hm_mw_close(w, 0), 0);
}

static void test_random_roundtrip(void **state)
{
    unsigned long seed;
    (void)state;
    for (seed = 1; seed <= 6; seed++) {
        mfs m;
        memlog ml;
        hm_mr_set set;
        hm_mr_counts c;
        rb r;
        int rc;
        rng = seed;
        gen_items();
        memset(&m, 0, sizeof m);
        memlog_init(&ml);
        write_random(&m, &ml, seed % 2 ? 3000ul : 0ul);
        memset(&r, 0, sizeof r);
        mfs_set(&m, &set);
        rc = hm_mr_check(mfs_alloc(), &set, "MIGRATE.PKL",
                         &ml.lg, readback, &r, &c);
        if (rc != 0)
            print_message("seed %lu: %s\n", seed, ml.last);
        assert_int_equal(rc, 0);
        assert_int_equal(r.msg, NMSG);
        assert_int_equal(r.pab, 10);
        assert_int_equal(c.messages, NMSG);
        if (seed % 2)
            assert_true(c.sec_files > 3);   /* rotated */
        mfs_free(&m);
    }
}

/* ---- schedule data ---- */

static void test_schedule(void **state)
{
    mfs m;
    hm_mw_files fs;
    hm_mw *w;
    hm_item it;
    memlog ml;
    hm_mr_set set;
    hm_mr_counts c;
    hm_recur rec;
    hm_time del[1];
    unsigned char longtext[400];
    hm_mw_opt o;
    mfs_file *f;
    size_t i, col = 0, maxcol = 0;
    (void)state;
    for (i = 0; i < sizeof longtext; i++)
        longtext[i] = (unsigned char)(i % 37 == 36 ? 0x0A
                                      : i % 11 == 5 ? 0x22
                                      : 0x61 + i % 26);
    memset(&m, 0, sizeof m);
    memlog_init(&ml);
    mfs_files(&m, &fs);
    memset(&o, 0, sizeof o);
    o.sched_limit = 600;    /* forces several schedule messages */
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id_a;
    it.u.account.id.len = 1;
    it.u.account.address.s = addr_a;
    it.u.account.address.len = 5;
    assert_int_equal(hm_mw_put(w, &it), 0);
    memset(&rec, 0, sizeof rec);
    rec.type = HM_REC_WEEKLY;
    rec.interval = 2;
    rec.dow_mask = 0x22;
    hm_time_set(&rec.last, 1997, 1, 1, 0, 0, 0);
    hm_time_set(&del[0], 1996, 3, 12, 0, 0, 0);
    rec.deleted = del;
    rec.ndeleted = 1;
    for (i = 0; i < 6; i++) {
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_CAL;
        it.u.cal.kind = (int)(i % 3) + 1;
        it.u.cal.text.s = longtext;
        it.u.cal.text.len = i == 0 ? sizeof longtext : 20;
        hm_time_set(&it.u.cal.start, 1996, 3, 5, 9, 0, 0);
        hm_time_set(&it.u.cal.end, 1996, 3, 5, 10, 0, 0);
        it.u.cal.ring = (int)(i & 1);
        it.u.cal.alarm_amount = 15;
        it.u.cal.task_priority.s = addr_a + 2;      /* "A" */
        it.u.cal.task_priority.len = 1;
        if (i >= 3)
            it.u.cal.recur = &rec;
        assert_int_equal(hm_mw_put(w, &it), 0);
    }
    /* no start date: skipped with a warning */
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_CAL;
    it.u.cal.kind = HM_CAL_APPT;
    assert_int_equal(hm_mw_put(w, &it), 0);
    assert_true(memlog_has(&ml, HMM_MWNOSTART));
    assert_int_equal(hm_mw_close(w, 0), 0);
    f = mfs_find(&m, "AXX00100.SEC");
    assert_non_null(f);
    for (i = 0; i < f->len; i++) {
        if (f->data[i] == 0x0D)
            continue;
        if (f->data[i] == 0x0A) {
            col = 0;
            continue;
        }
        if (++col > maxcol)
            maxcol = col;
    }
    assert_true(maxcol <= 80);
    mfs_set(&m, &set);
    memlog_init(&ml);
    assert_int_equal(hm_mr_check(mfs_alloc(), &set,
                                 "MIGRATE.PKL", &ml.lg, 0, 0, &c), 0);
    assert_int_equal(c.sched_items, 6);
    assert_true(c.sched_files >= 2);
    mfs_free(&m);
}

/* ---- code page 1252: replacements counted ---- */

static void test_unmapped(void **state)
{
    static const unsigned char subj[] = { 0xD0, 0xB6, 0x20, 0xC3, 0xA9,
                                          0xE2, 0x82, 0xAC, 0xFF };
    static const unsigned char want_tail[] = {
        0x2C, 0x3F, 0x20, 0xE9, 0x80, 0x3F, 0x2C };   /* ,? e-acute
                                                     * euro ?, */
    mfs m;
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw *w;
    hm_item it;
    memlog ml;
    hm_mw_stats st;
    mfs_file *f;
    size_t i;
    int found = 0;
    (void)state;
    memset(&m, 0, sizeof m);
    memlog_init(&ml);
    mfs_files(&m, &fs);
    memset(&o, 0, sizeof o);
    o.codepage = HM_PC_1252;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id_a;
    it.u.account.id.len = 1;
    assert_int_equal(hm_mw_put(w, &it), 0);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_MESSAGE;
    it.u.msg.subject.s = subj;
    it.u.msg.subject.len = sizeof subj;
    assert_int_equal(hm_mw_put(w, &it), 0);
    assert_int_equal(hm_mw_close(w, &st), 0);
    assert_int_equal(st.unmapped, 1);
    assert_int_equal(st.bad_utf8, 1);
    assert_true(memlog_has(&ml, HMM_UNMAPPED));
    assert_true(memlog_has(&ml, HMM_MWUTF8));
    f = mfs_find(&m, "AXX00100.PRI");
    for (i = 0; f && i + sizeof want_tail <= f->len; i++)
        if (memcmp(f->data + i, want_tail, sizeof want_tail) == 0)
            found = 1;
    assert_true(found);
    mfs_free(&m);
}

/* ---- 100,000 messages in flat memory ---- */

static void test_memory_flat(void **state)
{
    mfs m;
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw *w;
    hm_item it;
    memlog ml;
    cnt_alloc ca;
    hm_alloc al;
    hm_addr to;
    hm_data body;
    hm_attach att[2];
    static unsigned char bodybuf[2000];
    size_t peak1 = 0, i;
    long n;
    (void)state;
    memset(&m, 0, sizeof m);
    m.keep_max = 64;        /* the test keeps almost nothing */
    memlog_init(&ml);
    mfs_files(&m, &fs);
    cnt_init(&ca, &al);
    memset(&o, 0, sizeof o);
    o.sec_limit = 20000000ul;
    w = hm_mw_open(&al, &fs, &o, &ml.lg);
    assert_non_null(w);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id_a;
    it.u.account.id.len = 1;
    assert_int_equal(hm_mw_put(w, &it), 0);
    for (i = 0; i < sizeof bodybuf; i++)
        bodybuf[i] = (unsigned char)(i % 50 == 49 ? 0x0A : 0x61 + i % 26);
    memset(&to, 0, sizeof to);
    to.name.s = addr_a;
    to.name.len = 5;
    memset(&body, 0, sizeof body);
    body.p = bodybuf;
    memset(att, 0, sizeof att);
    for (i = 0; i < 2; i++) {
        att[i].name.s = addr_a;
        att[i].name.len = 5;
        att[i].data.p = bodybuf;
        att[i].position = (long)i - 1;
    }
    for (n = 0; n < 100000L; n++) {
        memset(&it, 0, sizeof it);
        it.kind = HM_ITEM_MESSAGE;
        it.u.msg.to = &to;
        it.u.msg.nto = 1;
        it.u.msg.subject = to.name;
        body.size = (unsigned long)(n % 2000);
        it.u.msg.body = &body;
        it.u.msg.nbody = 1;
        att[0].data.size = (unsigned long)(n % 700);
        att[1].data.size = (unsigned long)(n % 300);
        it.u.msg.att = att;
        it.u.msg.natt = (size_t)(n % 3);
        assert_int_equal(hm_mw_put(w, &it), 0);
        if (n == 999)
            peak1 = ca.peak;
    }
    assert_int_equal(hm_mw_close(w, 0), 0);
    /* no growth after the first 1,000 messages but the list of file
     * names for the packing list (13 bytes a file) */
    assert_true(ca.peak <= peak1 + 4096);
    assert_true(ca.peak < 100000);
    assert_int_equal(ca.cur, 0);
    mfs_free(&m);
}

/* ---- text known to be valid UTF-8 (hm_data.utf8) ---- */

/* the bodies: valid UTF-8 from the pool with runs of line ends
 * (CR, LF, CR LF, CR CR LF, LF CR), runs longer than a word, and a few
 * bodies with more than MW_EOLS (1024) line ends */
static void valid_set(mfs *m, int utf8, unsigned cp)
{
    static gen g;
    static const unsigned char ends[][4] = {
        { 1, 0x0D }, { 1, 0x0A }, { 2, 0x0D, 0x0A },
        { 3, 0x0D, 0x0D, 0x0A }, { 2, 0x0A, 0x0D } };
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw *w;
    hm_item it;
    hm_data body;
    memlog ml;
    int n, k;
    memset(m, 0, sizeof *m);
    memlog_init(&ml);
    mfs_files(m, &fs);
    memset(&o, 0, sizeof o);
    o.codepage = cp;
    w = hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg);
    assert_non_null(w);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    it.u.account.id.s = id_a;
    it.u.account.id.len = 1;
    assert_int_equal(hm_mw_put(w, &it), 0);
    rng = 4242;
    g.used = 0;
    for (n = 0; n < 300; n++) {
        size_t st = g.used;
        /* now and then more line ends than the writer keeps */
        for (k = n % 50 == 7 ? 1500 : (int)rnd(6); k >= 0; k--) {
            const unsigned char *e = ends[rnd(5)];
            (void)gtext(&g, rnd(3) ? 12 : 40, (int)rnd(2));
            if (rnd(3)) {
                memcpy(g.buf + g.used, e + 1, e[0]);
                g.used += e[0];
            }
        }
        memset(&it, 0, sizeof it);
        memset(&body, 0, sizeof body);
        body.p = g.buf + st;
        body.size = (unsigned long)(g.used - st);
        body.utf8 = utf8;
        it.kind = HM_ITEM_MESSAGE;
        it.u.msg.body = &body;
        it.u.msg.nbody = 1;
        assert_int_equal(hm_mw_put(w, &it), 0);
    }
    assert_int_equal(hm_mw_close(w, 0), 0);
}

static void test_valid_utf8(void **state)
{
    static mfs a, b;
    static const unsigned cps[3] = { HM_PC_UTF8, HM_PC_1252, HM_PC_850 };
    int c, i;
    (void)state;
    for (c = 0; c < 3; c++) {
        valid_set(&a, 0, cps[c]);
        valid_set(&b, 1, cps[c]);
        assert_int_equal(a.n, b.n);
        for (i = 0; i < a.n; i++) {
            assert_string_equal(a.f[i].name, b.f[i].name);
            assert_int_equal(a.f[i].len, b.f[i].len);
            assert_memory_equal(a.f[i].data, b.f[i].data, a.f[i].len);
        }
        mfs_free(&a);
        mfs_free(&b);
    }
}

/* ---- bad calls ---- */

static void test_bad_calls(void **state)
{
    mfs m;
    hm_mw_files fs;
    hm_mw_opt o;
    hm_mw *w;
    hm_item it;
    memlog ml;
    (void)state;
    memset(&m, 0, sizeof m);
    memlog_init(&ml);
    mfs_files(&m, &fs);
    memset(&o, 0, sizeof o);
    o.codepage = 437;
    assert_null(hm_mw_open(mfs_alloc(), &fs, &o, &ml.lg));
    assert_true(memlog_has(&ml, HMM_CPTARGET));
    w = hm_mw_open(mfs_alloc(), &fs, 0, &ml.lg);
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_MESSAGE;
    assert_int_equal(hm_mw_put(w, &it), 0);    /* skipped */
    assert_true(memlog_has(&ml, HMM_MWNOACCT));
    it.kind = 99;
    assert_int_equal(hm_mw_put(w, &it), 0);
    assert_true(memlog_has(&ml, HMM_MWKIND));
    hm_mw_abort(w);
    mfs_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tiny_set_bytes),
        cmocka_unit_test(test_free_document),
        cmocka_unit_test(test_random_roundtrip),
        cmocka_unit_test(test_schedule),
        cmocka_unit_test(test_unmapped),
        cmocka_unit_test(test_memory_flat),
        cmocka_unit_test(test_valid_utf8),
        cmocka_unit_test(test_bad_calls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
