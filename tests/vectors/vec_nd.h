/*
 * vec_nd.h - vectors of the NETDATA reader (common/netdata.c), the
 * writer that builds the transmissions (common/ndwrite.c) and the
 * container helpers (common/detect.c). Every transmission is built
 * in memory with the writer and read back: control record fields,
 * F/FB/V records, a message file, CMS files, INMR04 and INMR07,
 * segment errors, truncation at every byte, damaged bytes and
 * exhausted storage. Messages are captured with hv.h's log and
 * compared in the execution character set.
 */
#ifndef VEC_ND_H
#define VEC_ND_H

#include "hv.h"
#include "hm_cont.h"

/* ---- a memory sink for the writer ---- */

#define HV_NDCAP 16384u

typedef struct hv_mb {
    unsigned char *p;
    size_t n, cap;
    int over;                /* a write did not fit */
} hv_mb;

static unsigned char hv_ndbuf[HV_NDCAP];
static unsigned char hv_ndcopy[HV_NDCAP];

static int hv_mb_write(void *ctx, const unsigned char *d, size_t n)
{
    hv_mb *m = (hv_mb *)ctx;
    if (n > m->cap - m->n) {
        m->over = 1;
        return -1;
    }
    memcpy(m->p + m->n, d, n);
    m->n += n;
    return 0;
}

static void hv_mb_init(hv_mb *m, unsigned char *p, size_t cap)
{
    m->p = p;
    m->n = 0;
    m->cap = cap;
    m->over = 0;
}

/* ---- a log that also counts errors ---- */

static unsigned long hv_nderr, hv_ndwarn, hv_ndlines;

static void hv_nd_sink(void *ctx, int sev, const char *line, size_t len)
{
    hv_ndlines++;
    if (sev >= HM_SEV_E)
        hv_nderr++;
    else if (sev == HM_SEV_W)
        hv_ndwarn++;
    hv_logsink(ctx, sev, line, len);
}

static void hv_nd_log(hm_log *lg)
{
    hv_log_reset(lg);
    hv_nderr = hv_ndwarn = hv_ndlines = 0;
    hm_log_init(lg, hv_nd_sink, NULL);
}

/* EBCDIC "Hello" and a record filler (numeric, any charset) */
static const unsigned char hv_ehello[] = { 0xC8, 0x85, 0x93, 0x93, 0x96 };

static void hv_fill(unsigned char *d, size_t n, unsigned seed)
{
    size_t i;
    for (i = 0; i < n; i++)
        d[i] = (unsigned char)(0x40 + ((seed * 7 + i) % 0x80));
}

static const hm_ndw_head hv_ndhead = {
    "NODEA", "USERA", "NODEB", "USERB", "20240102030405", 1, 0
};

/* ---- FB round trip: INMR01/INMR02 fields, records cut at LRECL ---- */

static int hv_nd_build_fb(hv_mb *m)
{
    hm_ndw w;
    hm_ndw_file f;
    unsigned char blk[240], one[80];
    memset(&f, 0, sizeof f);
    f.name = "USER1.TEST.DATA";
    f.recfm = 0x9000;
    f.lrecl = 80;
    f.blksize = 3200;
    f.size = 400;
    f.changed = "20231231235959";
    f.created = "20230102";
    hv_mb_init(m, hv_ndbuf, sizeof hv_ndbuf);
    if (hm_ndw_begin(&w, hv_mb_write, m, &hv_ndhead) != 0 ||
        hm_ndw_announce(&w, 1, &f) != 0 || hm_ndw_data(&w, &f) != 0)
        return -1;
    hv_fill(one, 80, 1);
    hm_ndw_record(&w, one, 80);
    /* a block of three records in one NETDATA record */
    hv_fill(blk, 80, 2);
    hv_fill(blk + 80, 80, 3);
    hv_fill(blk + 160, 80, 4);
    hm_ndw_record(&w, blk, 240);
    /* a record split over two NETDATA records */
    hv_fill(one, 80, 5);
    hm_ndw_record(&w, one, 30);
    hm_ndw_record(&w, one + 30, 50);
    return hm_ndw_end(&w);
}

static int hv_nd_fb(hv_ctx *c, size_t chunk)
{
    hv_mb m;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const hm_nd_trans *t;
    const unsigned char *d;
    size_t n;
    hv_ca ca;
    hm_alloc al;
    unsigned i;
    int ok = 1;
    HV_EQ(c, "writer", hv_nd_build_fb(&m), 0);
    HV_EQ(c, "cards", m.n % 80, 0);
    HV_EQ(c, "padding of the last card", m.p[m.n - 1], 0x40);
    /* the first card: segment X'xx' flags X'E0', INMR01 in EBCDIC */
    HV_EQ(c, "first segment flags", m.p[1], 0xE0);
    HV_EQ(c, "INMR01 I", m.p[2], 0xC9);
    HV_EQ(c, "INMR01 1", m.p[7], 0xF1);
    HV_EQ(c, "detected", hm_cont_detect(m.p, m.n, 0), HM_CONT_NETDATA);
    hv_ca_init(&ca, &al, c->base);
    hv_nd_log(&lg);
    hm_memsrc_init(&src, m.p, m.n);
    src.chunk = chunk;
    r = hm_nd_open(&al, hm_memsrc_read, &src, &lg, "t", NULL);
    HV_TRUE(c, "no reader", r != NULL);
    t = hm_nd_info(r);
    if (strcmp(t->fnode, "NODEA") || strcmp(t->fuid, "USERA") ||
        strcmp(t->tnode, "NODEB") || strcmp(t->tuid, "USERB") ||
        strcmp(t->ftime, "20240102030405") || t->seglen != 80 ||
        t->numf != 1 || t->is_ack || t->ack_requested)
        ok = hv_fail(c, "INMR01 fields");
    if (ok && hm_nd_next_file(r, &nf) != 1)
        ok = hv_logfail(c, "no file");
    if (ok && (hm_nd_file_count(r) != 1 ||
               strcmp(nf->name, "USER1.TEST.DATA") || nf->is_message ||
               nf->is_cms || nf->is_pds || nf->recfm != 0x9000 ||
               nf->lrecl != 80 || nf->blksize != 3200 ||
               nf->size != 400 || nf->dsorg != HM_ND_ORG_PS ||
               nf->number != 1))
        ok = hv_fail(c, "INMR02 fields");
    if (ok && (strcmp(nf->changed, "20231231235959") ||
               strcmp(nf->created, "20230102") ||
               strcmp(nf->utilities, "INMCOPY")))
        ok = hv_fail(c, "INMR02 dates or utility");
    for (i = 1; ok && i <= 5; i++) {
        unsigned char want[80];
        hv_fill(want, 80, i);
        if (hm_nd_next_record(r, &d, &n) != 1)
            ok = hv_logfail(c, "record missing");
        else if (!hv_memeq(c, "record", d, n, want, 80))
            ok = 0;
    }
    if (ok && hm_nd_next_record(r, &d, &n) != 0)
        ok = hv_fail(c, "a sixth record");
    if (ok && (nf->nrecords != 5 || nf->ndata != 4 ||
               nf->nbytes != 400))
        ok = hv_neq(c, "records counted", (long)nf->nrecords, 5);
    if (ok && hm_nd_next_file(r, &nf) != 0)
        ok = hv_fail(c, "a second file");
    hm_nd_close(r);
    if (!ok)
        return 0;
    HV_EQ(c, "messages", hv_ndlines, 0);
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* a check that closes the reader r on failure */
#define HV_NDX(what, cond) \
    do { \
        if (!(cond)) { \
            hm_nd_close(r); \
            return hv_fail(c, what); \
        } \
    } while (0)

/* ---- a message file and a CMS file (V records, no RDW) ---- */

static int hv_nd_cms(hv_ctx *c)
{
    static unsigned char big[1000];
    static const size_t lens[6] = { 5, 0, 253, 254, 1000, 1 };
    static const unsigned char blank = 0x40;
    hv_mb m;
    hm_ndw w;
    hm_ndw_file msg, cms;
    hm_ndw_head h = hv_ndhead;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    unsigned i;
    memset(&msg, 0, sizeof msg);
    msg.message = 1;
    msg.recfm = 0x0002;
    msg.lrecl = 132;
    memset(&cms, 0, sizeof cms);
    cms.name = "PROFILE EXEC A2";
    cms.cms = 1;
    cms.recfm = 0x0002;
    cms.lrecl = 1000;
    h.numf = 2;
    hv_fill(big, sizeof big, 9);
    hv_mb_init(&m, hv_ndbuf, sizeof hv_ndbuf);
    hm_ndw_begin(&w, hv_mb_write, &m, &h);
    hm_ndw_announce(&w, 1, &msg);
    hm_ndw_announce(&w, 2, &cms);
    hm_ndw_data(&w, &msg);
    hm_ndw_record(&w, hv_ehello, 5);
    hm_ndw_record(&w, &blank, 1);
    hm_ndw_data(&w, &cms);
    for (i = 0; i < 6; i++)
        hm_ndw_record(&w, i == 0 ? hv_ehello : big, lens[i]);
    HV_EQ(c, "writer", hm_ndw_end(&w), 0);
    hv_nd_log(&lg);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(c->base, hm_memsrc_read, &src, &lg, "t", NULL);
    HV_TRUE(c, "no reader", r != NULL);
    HV_NDX("first file", hm_nd_next_file(r, &nf) == 1);
    HV_NDX("file count", hm_nd_file_count(r) == 2);
    HV_NDX("message file", nf->number == 1 && nf->is_message == 1 &&
           nf->name[0] == 0 && nf->recfm == 0x0002 && nf->lrecl == 132);
    HV_NDX("message record 1", hm_nd_next_record(r, &d, &n) == 1 &&
           n == 5 && memcmp(d, hv_ehello, 5) == 0);
    HV_NDX("message record 2", hm_nd_next_record(r, &d, &n) == 1 &&
           n == 1 && d[0] == 0x40);
    HV_NDX("message end", hm_nd_next_record(r, &d, &n) == 0);
    HV_NDX("second file", hm_nd_next_file(r, &nf) == 1);
    HV_NDX("CMS file id", nf->number == 2 && nf->is_cms == 1 &&
           strcmp(nf->name, "PROFILE EXEC A2") == 0 &&
           strcmp(nf->cms_fn, "PROFILE") == 0 &&
           strcmp(nf->cms_ft, "EXEC") == 0 &&
           strcmp(nf->cms_fm, "A2") == 0);
    for (i = 0; i < 6; i++) {
        HV_NDX("CMS record", hm_nd_next_record(r, &d, &n) == 1 &&
               n == lens[i]);
        HV_NDX("CMS record bytes",
               i == 0 ? memcmp(d, hv_ehello, 5) == 0 :
               n == 0 || memcmp(d, big, n) == 0);
    }
    HV_NDX("CMS end", hm_nd_next_record(r, &d, &n) == 0);
    HV_NDX("transmission end", hm_nd_next_file(r, &nf) == 0);
    HV_NDX("records counted", hm_nd_file_at(r, 1)->nrecords == 6 &&
           hm_nd_file_at(r, 0)->nrecords == 2);
    hm_nd_close(r);
    HV_EQ(c, "messages", hv_ndlines, 0);
    return 1;
}

/* ---- files skipped unread, INMR04, acknowledgement request ---- */

static int hv_nd_skip(hv_ctx *c)
{
    static const char *const names[3] = { "A.B", "C.D.E", "F" };
    hv_mb m;
    hm_ndw w;
    hm_ndw_file f[3];
    hm_ndw_head h = hv_ndhead;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    unsigned i, k;
    h.numf = 3;
    h.ack = 1;
    hv_mb_init(&m, hv_ndbuf, sizeof hv_ndbuf);
    hm_ndw_begin(&w, hv_mb_write, &m, &h);
    hm_ndw_user(&w, "PARM1");
    for (i = 0; i < 3; i++) {
        memset(&f[i], 0, sizeof f[i]);
        f[i].name = names[i];
        f[i].recfm = 0x4002;
        f[i].lrecl = 100;
        hm_ndw_announce(&w, i + 1, &f[i]);
    }
    for (i = 0; i < 3; i++) {
        hm_ndw_data(&w, &f[i]);
        for (k = 0; k <= i + 1; k++)
            hm_ndw_record(&w, hv_ehello, k + 1);
    }
    HV_EQ(c, "writer", hm_ndw_end(&w), 0);
    hv_nd_log(&lg);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(c->base, hm_memsrc_read, &src, &lg, "t", NULL);
    HV_TRUE(c, "no reader", r != NULL);
    HV_NDX("ack requested", hm_nd_info(r)->ack_requested == 1);
    HV_NDX("file 1", hm_nd_next_file(r, &nf) == 1 &&
           strcmp(nf->name, "A.B") == 0);
    HV_NDX("INMR04 user parameter",
           strcmp(hm_nd_info(r)->userp, "PARM1") == 0);
    HV_NDX("file 2", hm_nd_next_file(r, &nf) == 1 &&
           strcmp(nf->name, "C.D.E") == 0 && nf->recfm == 0x4002);
    HV_NDX("file 2 record", hm_nd_next_record(r, &d, &n) == 1 && n == 1);
    HV_NDX("file 3", hm_nd_next_file(r, &nf) == 1 &&
           strcmp(nf->name, "F") == 0);
    for (k = 0; k < 4; k++)
        HV_NDX("file 3 record", hm_nd_next_record(r, &d, &n) == 1 &&
               n == k + 1 && memcmp(d, hv_ehello, n) == 0);
    HV_NDX("file 3 end", hm_nd_next_record(r, &d, &n) == 0);
    HV_NDX("end", hm_nd_next_file(r, &nf) == 0);
    HV_NDX("skipped file counted", hm_nd_file_at(r, 0)->ndata == 2);
    hm_nd_close(r);
    HV_EQ(c, "messages", hv_ndlines, 0);
    return 1;
}

/* ---- INMR07 acknowledgement ---- */

static int hv_nd_ack(hv_ctx *c)
{
    hv_mb m;
    hm_ndw w;
    hm_ndw_head h = hv_ndhead;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const hm_nd_trans *t;
    h.numf = 0;
    hv_mb_init(&m, hv_ndbuf, sizeof hv_ndbuf);
    hm_ndw_begin(&w, hv_mb_write, &m, &h);
    hm_ndw_ack(&w, "20240101000000", "SYS1.MACLIB", "RECEIVED");
    HV_EQ(c, "writer", hm_ndw_end(&w), 0);
    hv_nd_log(&lg);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(c->base, hm_memsrc_read, &src, &lg, "t", NULL);
    HV_TRUE(c, "no reader", r != NULL);
    HV_NDX("no file", hm_nd_next_file(r, &nf) == 0);
    t = hm_nd_info(r);
    HV_NDX("INMR07", t->is_ack == 1 && !t->ack_term &&
           strcmp(t->ack_name, "SYS1.MACLIB") == 0 &&
           strcmp(t->ack_errcd, "RECEIVED") == 0 &&
           strcmp(t->ack_time, "20240101000000") == 0);
    HV_NDX("file count", hm_nd_file_count(r) == 0);
    hm_nd_close(r);
    HV_EQ(c, "messages", hv_ndlines, 0);
    return 1;
}

/* ---- F data: a short last record is a warning ---- */

static int hv_nd_short(hv_ctx *c)
{
    unsigned char rec[100];
    hv_mb m;
    hm_ndw w;
    hm_ndw_file f;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    memset(&f, 0, sizeof f);
    f.name = "X";
    f.recfm = 0x8000;
    f.lrecl = 40;
    hv_fill(rec, 100, 1);
    hv_mb_init(&m, hv_ndbuf, sizeof hv_ndbuf);
    hm_ndw_begin(&w, hv_mb_write, &m, &hv_ndhead);
    hm_ndw_announce(&w, 1, &f);
    hm_ndw_data(&w, &f);
    hm_ndw_record(&w, rec, 100);
    HV_EQ(c, "writer", hm_ndw_end(&w), 0);
    hv_nd_log(&lg);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(c->base, hm_memsrc_read, &src, &lg, "t", NULL);
    HV_TRUE(c, "no reader", r != NULL);
    HV_NDX("file", hm_nd_next_file(r, &nf) == 1);
    HV_NDX("record 1", hm_nd_next_record(r, &d, &n) == 1 && n == 40 &&
           memcmp(d, rec, 40) == 0);
    HV_NDX("record 2", hm_nd_next_record(r, &d, &n) == 1 && n == 40 &&
           memcmp(d, rec + 40, 40) == 0);
    HV_NDX("record 3", hm_nd_next_record(r, &d, &n) == 1 && n == 20 &&
           memcmp(d, rec + 80, 20) == 0);
    HV_NDX("end", hm_nd_next_record(r, &d, &n) == 0);
    HV_NDX("end of transmission", hm_nd_next_file(r, &nf) == 0);
    hm_nd_close(r);
    if (!hv_logged("HMG0210W t: file X: the last record has 20 bytes, "
                   "not LRECL 40"))
        return hv_logfail(c, "no HMG0210W");
    HV_EQ(c, "errors", hv_nderr, 0);
    return 1;
}

/* ---- damaged segments ---- */

/* INMR01 + INMR02 + INMR03 of a V file, then body(), then INMR06
 * when trailer is set (else the last card is only padded). */
static int hv_nd_build(hv_mb *m, void (*body)(hm_ndw *), int trailer)
{
    hm_ndw w;
    hm_ndw_file f;
    memset(&f, 0, sizeof f);
    f.name = "S.T";
    f.recfm = 0x4002;
    f.lrecl = 300;
    hv_mb_init(m, hv_ndbuf, sizeof hv_ndbuf);
    hm_ndw_begin(&w, hv_mb_write, m, &hv_ndhead);
    hm_ndw_announce(&w, 1, &f);
    hm_ndw_data(&w, &f);
    body(&w);
    if (trailer)
        return hm_ndw_end(&w);
    if (w.cardlen) {
        memset(w.card + w.cardlen, 0x40, 80 - w.cardlen);
        return hv_mb_write(m, w.card, 80);
    }
    return w.err ? -1 : 0;
}

/* Read every file of a transmission (PDS members too); -1 if any
 * call failed. Records are counted into *nrec. */
static int hv_nd_readall(const hm_alloc *al, const unsigned char *p,
                         size_t n, hm_log *lg, unsigned long *nrec)
{
    hm_memsrc src;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t len;
    int k, rc = 0;
    *nrec = 0;
    hm_memsrc_init(&src, p, n);
    r = hm_nd_open(al, hm_memsrc_read, &src, lg, "t", NULL);
    if (!r)
        return -1;
    while ((k = hm_nd_next_file(r, &nf)) == 1) {
        if (nf->is_pds) {
            hm_ieb *b = hm_nd_read_pds(r, al, lg, "p");
            unsigned long i;
            if (!b || hm_ieb_failed(b))
                rc = -1;
            for (i = 0; b && i < hm_ieb_count(b); i++) {
                hm_ieb_iter it;
                if (hm_ieb_iter_init(b, i, HM_IEB_RECORDS, &it) < 0)
                    continue;
                (void)hm_ieb_member_is_text(b, i);
                while ((k = hm_ieb_iter_next(&it, &d, &len)) == 1)
                    (*nrec)++;
            }
            if (b)
                hm_ieb_close(b);
            continue;
        }
        while ((k = hm_nd_next_record(r, &d, &len)) == 1)
            (*nrec)++;
        if (k < 0)
            rc = -1;
    }
    if (k < 0)
        rc = -1;
    hm_nd_close(r);
    return rc;
}

static void hv_b_edges(hm_ndw *w)
{
    unsigned char d[600];
    hv_fill(d, sizeof d, 3);
    hm_ndw_record(w, d, 253);
    hm_ndw_record(w, d, 254);
    hm_ndw_record(w, d, 506);
    hm_ndw_record(w, d, 0);
    /* an empty first segment and a 3-byte last one */
    hm_ndw_segment(w, 2, 0x80, d, 0);
    hm_ndw_segment(w, 5, 0x40, d, 3);
    /* a record-number segment (X'10'): not data */
    hm_ndw_segment(w, 6, 0xD0, d, 4);
}
static void hv_b_badlen(hm_ndw *w)
{
    hm_ndw_record(w, hv_ehello, 5);
    hm_ndw_segment(w, 1, 0xC0, hv_ehello, 0);
}
static void hv_b_nofirst(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0x40, hv_ehello, 5);
}
static void hv_b_twofirst(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0x80, hv_ehello, 5);
    hm_ndw_segment(w, 7, 0xC0, hv_ehello, 5);
}
static void hv_b_mixed(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0x80, hv_ehello, 5);
    hm_ndw_segment(w, 7, 0x60, hv_ehello, 5);
}
static void hv_b_unknown(hm_ndw *w)
{
    hm_ndw_segment(w, 7, 0xE0, hv_ehello, 5);
    hm_ndw_record(w, hv_ehello, 5);
}
static void hv_b_two(hm_ndw *w)
{
    hm_ndw_record(w, hv_ehello, 5);
    hm_ndw_record(w, hv_ehello, 3);
}
static void hv_b_multi(hm_ndw *w)
{
    unsigned char d[120];
    unsigned i;
    for (i = 0; i < 5; i++) {
        hv_fill(d, sizeof d, i);
        hm_ndw_record(w, d, (i * 37) % 120);
    }
}
static void hv_b_big(hm_ndw *w)
{
    unsigned char d[600];
    hv_fill(d, sizeof d, 4);
    hm_ndw_record(w, d, 200);
    hm_ndw_record(w, d, 600);
    hm_ndw_record(w, d, 10);
}

struct hv_segcase {
    const char *name;
    void (*body)(hm_ndw *);
    int trailer;
    int rc;                  /* of hv_nd_readall */
    unsigned long nrec;      /* records read; (unsigned long)-1: any */
    const char *msg;         /* must be logged; NULL: no message */
    unsigned long max;       /* opt.max_record, 0: default */
};

static const struct hv_segcase hv_segcases[] = {
    { "segment edges", hv_b_edges, 1, 0, 5, 0, 0 },
    { "segment length 1", hv_b_badlen, 1, -1, 1,
      "HMG0201E t: segment at byte offset ", 0 },
    { "no first segment", hv_b_nofirst, 1, -1, 0, "HMG0202E", 0 },
    { "two first segments", hv_b_twofirst, 1, -1, 0, "HMG0202E", 0 },
    { "control flag in a middle segment", hv_b_mixed, 1, -1, 0,
      "HMG0202E", 0 },
    { "unknown control record", hv_b_unknown, 1, -1, 0,
      "HMG0206W t: unknown control record Hello at byte offset 205 "
      "ignored", 0 },
    { "no INMR06", hv_b_two, 0, 0, 2, "HMG0203W", 0 },
    { "record over max_record", hv_b_big, 1, -1, 1, "HMG0204E", 256 }
};

static int hv_nd_seg(hv_ctx *c, const struct hv_segcase *k)
{
    hv_mb m;
    hm_log lg;
    unsigned long nrec;
    hv_ca ca;
    hm_alloc al;
    int rc;
    HV_EQ(c, "writer", hv_nd_build(&m, k->body, k->trailer), 0);
    hv_ca_init(&ca, &al, c->base);
    hv_nd_log(&lg);
    if (k->max) {
        hm_memsrc src;
        hm_nd_opt o;
        hm_nd *r;
        const hm_nd_file *nf;
        const unsigned char *d;
        size_t len;
        int j;
        memset(&o, 0, sizeof o);
        o.max_record = k->max;
        hm_memsrc_init(&src, m.p, m.n);
        r = hm_nd_open(&al, hm_memsrc_read, &src, &lg, "t", &o);
        HV_TRUE(c, "no reader", r != NULL);
        nrec = 0;
        rc = hm_nd_next_file(r, &nf) == 1 ? 0 : -1;
        while (rc == 0 && (j = hm_nd_next_record(r, &d, &len)) != 0) {
            if (j < 0)
                rc = -1;
            else
                nrec++;
        }
        j = hm_nd_failed(r);
        hm_nd_close(r);
        HV_TRUE(c, "reader not marked failed", j);
    } else {
        rc = hv_nd_readall(&al, m.p, m.n, &lg, &nrec);
    }
    if (rc != k->rc)
        return hv_logfail(c, rc ? "read failed" : "read did not fail");
    if (k->nrec != (unsigned long)-1)
        HV_EQ(c, "records", nrec, k->nrec);
    if (k->msg && !hv_logged(k->msg))
        return hv_logfail(c, "message not issued");
    if (!k->msg)
        HV_EQ(c, "messages", hv_ndlines, 0);
    if (rc < 0)
        HV_TRUE(c, "a failure without an error message", hv_nderr > 0);
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* Every data record at the NETDATA level (hm_nd_next_data). */
static int hv_nd_data(hv_ctx *c)
{
    static const size_t want[5] = { 253, 254, 506, 0, 3 };
    hv_mb m;
    hm_memsrc src;
    hm_log lg;
    hm_nd *r;
    const hm_nd_file *nf;
    const unsigned char *d;
    size_t n;
    unsigned i;
    HV_EQ(c, "writer", hv_nd_build(&m, hv_b_edges, 1), 0);
    hv_nd_log(&lg);
    hm_memsrc_init(&src, m.p, m.n);
    r = hm_nd_open(c->base, hm_memsrc_read, &src, &lg, "t", NULL);
    HV_TRUE(c, "no reader", r != NULL);
    HV_NDX("file", hm_nd_next_file(r, &nf) == 1);
    for (i = 0; i < 5; i++)
        HV_NDX("data record", hm_nd_next_data(r, &d, &n) == 1 &&
               n == want[i]);
    HV_NDX("end", hm_nd_next_data(r, &d, &n) == 0);
    hm_nd_close(r);
    HV_EQ(c, "messages", hv_ndlines, 0);
    return 1;
}

/* Not NETDATA at all, and nothing at all. */
static int hv_nd_junk(hv_ctx *c)
{
    static const unsigned char junk[80] = { 1, 2, 3 };
    hm_log lg;
    unsigned long nrec;
    hv_nd_log(&lg);
    HV_EQ(c, "junk", hv_nd_readall(c->base, junk, sizeof junk, &lg,
                                   &nrec), -1);
    if (!hv_logged("HMG0200E t is not a NETDATA transmission: no "
                   "INMR01 "))
        return hv_logfail(c, "junk: no HMG0200E");
    hv_nd_log(&lg);
    HV_EQ(c, "empty", hv_nd_readall(c->base, junk, 0, &lg, &nrec), -1);
    if (!hv_logged("HMG0200E"))
        return hv_logfail(c, "empty: no HMG0200E");
    return 1;
}

/* A text unit that overruns its INMR02: reported, the rest of the
 * record ignored, the data still read. */
static int hv_nd_badtu(hv_ctx *c)
{
    static const unsigned char r02[] = {
        0xC9, 0xD5, 0xD4, 0xD9, 0xF0, 0xF2, 0, 0, 0, 1,
        0x00, 0x42, 0x00, 0x01, 0x00, 0x02, 0x00, 0x50, /* LRECL 80 */
        0x00, 0x49, 0x00, 0x01, 0x00, 0x09, 0x80        /* overruns */
    };
    hv_mb m;
    hm_ndw w;
    hm_ndw_file f;
    hm_log lg;
    unsigned long nrec;
    memset(&f, 0, sizeof f);
    hv_mb_init(&m, hv_ndbuf, sizeof hv_ndbuf);
    hm_ndw_begin(&w, hv_mb_write, &m, &hv_ndhead);
    hm_ndw_segment(&w, sizeof r02 + 2, 0xE0, r02, sizeof r02);
    hm_ndw_data(&w, &f);
    hm_ndw_record(&w, hv_ehello, 5);
    HV_EQ(c, "writer", hm_ndw_end(&w), 0);
    hv_nd_log(&lg);
    HV_EQ(c, "read", hv_nd_readall(c->base, m.p, m.n, &lg, &nrec), 0);
    if (!hv_logged("HMG0205E"))
        return hv_logfail(c, "no HMG0205E");
    HV_EQ(c, "records", nrec, 1);
    return 1;
}

/* Cut at every byte: before the end of INMR06 a warning naming the
 * byte offset (the transmission is cut short: nothing is left
 * unread; an error only when the INMR01 signature is incomplete), a
 * clean read after it. */
static int hv_nd_trunc(hv_ctx *c)
{
    hv_mb m;
    hm_log lg;
    unsigned long nrec;
    size_t cut, last;
    hv_ca ca;
    hm_alloc al;
    int rc;
    HV_EQ(c, "writer", hv_nd_build(&m, hv_b_multi, 1), 0);
    hv_ca_init(&ca, &al, c->base);
    last = m.n;
    while (last > 0 && m.p[last - 1] == 0x40)
        last--;
    for (cut = 0; cut < m.n; cut++) {
        hv_nd_log(&lg);
        rc = hv_nd_readall(&al, m.p, cut, &lg, &nrec);
        if (cut < last) {
            int bad = cut < 8 ? rc != -1 || !hv_logged("HMG0200E")
                              : rc != 0 || hv_nderr != 0
                                    || !hv_logged("HMG0203W");
            if (bad) {
                hv_logfail(c, cut < 8 ? "cut: no HMG0200E"
                                      : "cut: no HMG0203W alone");
                hv_cat(c->detail, HV_DETCAP, " at ");
                hv_catu(c->detail, HV_DETCAP, (unsigned long)cut);
                return 0;
            }
            if (!hv_logged("byte offset"))
                return hv_logfail(c, "no byte offset in the message");
        } else if (rc != 0) {
            return hv_logfail(c, "cut after INMR06 failed");
        }
        HV_EQ(c, "blocks not released", ca.live, 0);
    }
    /* one cut in full: inside the data, on a card boundary */
    hv_nd_log(&lg);
    rc = hv_nd_readall(&al, m.p, 320, &lg, &nrec);
    HV_EQ(c, "cut at 320", rc, 0);
    HV_TRUE(c, "cut at 320: the records before it kept", nrec > 0);
    if (!hv_logged("HMG0203W t: the transmission ends at byte offset "
                   "320 "))
        return hv_logfail(c, "cut at 320: no HMG0203W");
    return 1;
}

/* Every byte changed two ways: no crash; a failure always comes
 * with an error message; nothing left allocated. */
static int hv_nd_flips(hv_ctx *c)
{
    hv_mb m;
    hm_log lg;
    unsigned long nrec;
    size_t i;
    unsigned v;
    hv_ca ca;
    hm_alloc al;
    int rc;
    HV_EQ(c, "writer", hv_nd_build(&m, hv_b_multi, 1), 0);
    hv_ca_init(&ca, &al, c->base);
    for (i = 0; i < m.n; i++)
        for (v = 0; v < 2; v++) {
            memcpy(hv_ndcopy, m.p, m.n);
            hv_ndcopy[i] = v ? 0x00 : (unsigned char)~m.p[i];
            hv_nd_log(&lg);
            rc = hv_nd_readall(&al, hv_ndcopy, m.n, &lg, &nrec);
            if (rc < 0 && hv_nderr == 0) {
                hv_fail(c, "a failure without an error message at ");
                hv_catu(c->detail, HV_DETCAP, (unsigned long)i);
                return 0;
            }
            HV_EQ(c, "blocks not released", ca.live, 0);
        }
    return 1;
}

/* Storage running out at each allocation in turn. */
static int hv_nd_nostor(hv_ctx *c)
{
    hv_mb m;
    hm_log lg;
    unsigned long nrec;
    hv_ca ca;
    hm_alloc al;
    int rc, ok = 0;
    HV_EQ(c, "writer", hv_nd_build(&m, hv_b_big, 1), 0);
    hv_ca_init(&ca, &al, c->base);
    for (ca.fail_after = 1; ca.fail_after < 40; ca.fail_after++) {
        ca.calls = 0;
        hv_nd_log(&lg);
        rc = hv_nd_readall(&al, m.p, m.n, &lg, &nrec);
        HV_EQ(c, "blocks not released", ca.live, 0);
        if (rc == 0) {
            ok = 1;
            break;
        }
        if (!hv_logged("HMG0007S"))
            return hv_logfail(c, "no HMG0007S");
    }
    HV_TRUE(c, "never read with enough storage", ok);
    HV_TRUE(c, "no allocation failed", ca.fail_after > 1);
    return 1;
}

/* --info lines */
static char hv_info[2048];
static size_t hv_infolen;
static unsigned hv_ninfo;

static void hv_info_line(void *ctx, const char *line, size_t len)
{
    (void)ctx;
    hv_ninfo++;
    if (strlen(line) != len)
        hv_ninfo += 1000;   /* the length must match */
    if (hv_infolen + len + 2 < sizeof hv_info) {
        memcpy(hv_info + hv_infolen, line, len);
        hv_infolen += len;
        hv_info[hv_infolen++] = '\n';
        hv_info[hv_infolen] = 0;
    }
}

static int hv_info_has(const char *s)
{
    size_t n = strlen(s), k;
    for (k = 0; k + n <= hv_infolen; k++)
        if (memcmp(hv_info + k, s, n) == 0)
            return 1;
    return 0;
}

static int hv_nd_describe(hv_ctx *c)
{
    hv_mb m;
    hm_memsrc src;
    hm_log lg;
    HV_EQ(c, "writer", hv_nd_build_fb(&m), 0);
    hv_nd_log(&lg);
    hv_infolen = 0;
    hv_ninfo = 0;
    hm_memsrc_init(&src, m.p, m.n);
    HV_EQ(c, "describe", hm_nd_describe(c->base, hm_memsrc_read, &src,
                                        &lg, "t", hv_info_line, NULL),
          0);
    HV_TRUE(c, "line lengths", hv_ninfo < 1000);
    HV_TRUE(c, "few lines", hv_ninfo > 3);
    if (!hv_info_has("  file 1: USER1.TEST.DATA DSORG=PS RECFM=FB "
                     "LRECL=80 BLKSIZE=3200")) {
        hv_fail(c, "no file line: ");
        hv_cat(c->detail, HV_DETCAP, hv_info);
        return 0;
    }
    HV_EQ(c, "messages", hv_ndlines, 0);
    return 1;
}

/* Detection and the small helpers. */
static int hv_nd_detect(hv_ctx *c)
{
    static const unsigned char vmarc[] = {
        0x7A, 0xC3, 0xC6, 0xC6, 0x40, 0x40, 0x40, 0x40, 1, 2
    };
    static const unsigned char vb[] = {
        0, 16, 0, 0, 0, 6, 0, 0, 0xC1, 0xC2, 0, 6, 0, 0, 0xC3, 0xC4,
        0, 10, 0, 0, 0, 6, 0, 0, 0xC1, 0xC2
    };
    static const unsigned char v[] = {
        0, 6, 0, 0, 0xC1, 0xC2, 0, 5, 0, 0, 0xC3, 0, 7, 0, 0, 1, 2, 3
    };
    static const unsigned char ieb[] = { 0, 0xCA, 0x6D, 0x0F, 2, 0 };
    static const unsigned char text[] = {
        0x54, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x0A
    };
    static const unsigned char a_nd[] = {
        0x4C, 0x3F, 0x49, 0x4E, 0x4D, 0x52, 0x30, 0x31
    };
    HV_EQ(c, "vmarc", hm_cont_detect(vmarc, sizeof vmarc, 0),
          HM_CONT_VMARC);
    HV_EQ(c, "vb", hm_cont_detect(vb, sizeof vb, 0), HM_CONT_VB);
    HV_EQ(c, "v", hm_cont_detect(v, sizeof v, 0), HM_CONT_V);
    HV_EQ(c, "iebcopy", hm_cont_detect(ieb, sizeof ieb, 0),
          HM_CONT_IEBCOPY);
    HV_EQ(c, "text", hm_cont_detect(text, sizeof text, 0),
          HM_CONT_UNKNOWN);
    HV_EQ(c, "netdata as ASCII", hm_cont_detect(a_nd, sizeof a_nd, 0),
          HM_CONT_TEXTND);
    HV_EQ(c, "nothing", hm_cont_detect(text, 0, 0), HM_CONT_UNKNOWN);
    HV_EQ(c, "declared", hm_cont_detect(text, 8, HM_CONT_RAW),
          HM_CONT_RAW);
    HV_EQ(c, "parse xmi", hm_cont_kind_parse("xmi"), HM_CONT_NETDATA);
    HV_EQ(c, "parse vb", hm_cont_kind_parse("vb"), HM_CONT_VB);
    HV_EQ(c, "parse bogus", hm_cont_kind_parse("bogus"), -1);
    HV_STR(c, "kind name", hm_cont_kind_name(HM_CONT_VMARC), "vmarc");
    return 1;
}

static int hv_nd_helpers(hv_ctx *c)
{
    static const unsigned char dsn[] = {
        0xE2, 0xE8, 0xE2, 0xF1, 0x4B, 0xD4, 0xC1, 0xC3, 0x40, 0x40
    };
    static const unsigned char txt[] = { 0xC8, 0x85, 0x40, 0x15, 0xF1 };
    static const unsigned char bin[] = { 0xFF, 0xD8, 0x00, 0x10, 0x4A };
    static const unsigned char a1b[] = { 0xC1, 0xF1, 0x4B, 0x82 };
    char buf[64];
    unsigned char e[8];
    HV_EQ(c, "e2x length", hm_cont_e2x(dsn, sizeof dsn, buf, sizeof buf),
          8);
    HV_STR(c, "e2x", buf, "SYS1.MAC");
    HV_EQ(c, "e2x cut length", hm_cont_e2x(dsn, sizeof dsn, buf, 4), 3);
    HV_STR(c, "e2x cut", buf, "SYS");
    HV_EQ(c, "x2e unmapped", hm_cont_x2e("A1.b", 4, e), 0);
    HV_MEM(c, "x2e", e, 4, a1b, 4);
    HV_EQ(c, "x2e ?", hm_cont_x2e("?", 1, e), 0);
    HV_EQ(c, "x2e ? byte", e[0], 0x6F);
    HV_STR(c, "date", hm_cont_fmt_date("19931113220327000000", buf),
           "1993-11-13 22:03:27");
    HV_STR(c, "short date", hm_cont_fmt_date("198104", buf), "1981-04");
    HV_STR(c, "recfm FB", hm_nd_recfm_str(0x9000, buf), "FB");
    HV_STR(c, "recfm U", hm_nd_recfm_str(0xC000, buf), "U");
    HV_STR(c, "recfm VB", hm_nd_recfm_str(0x5002, buf),
           "VB (records without RDW)");
    HV_STR(c, "dsorg PS", hm_nd_dsorg_str(0x4000, buf), "PS");
    HV_STR(c, "dsorg PO", hm_nd_dsorg_str(0x0200, buf), "PO");
    HV_STR(c, "dsorg hex", hm_nd_dsorg_str(0x0100, buf), "X'0100'");
    HV_EQ(c, "text", hm_cont_looks_text(txt, sizeof txt), 1);
    HV_EQ(c, "binary", hm_cont_looks_text(bin, sizeof bin), 0);
    return 1;
}

static int hv_nd(hv_ctx *c, int i)
{
    static const char *const fn[15] = {
        "nd FB round trip", "nd FB round trip, 1-byte reads",
        "nd FB round trip, 7-byte reads", "nd message and CMS files",
        "nd files skipped, INMR04, ack request", "nd INMR07",
        "nd F short last record", "nd data records as sent",
        "nd not NETDATA", "nd bad text unit", "nd truncated at each byte",
        "nd every byte damaged", "nd storage exhausted", "nd describe",
        "nd detect"
    };
    if (i < 15) {
        hv_name(c, fn[i]);
        if (c->dry)
            return 1;
        switch (i) {
        case 0: return hv_nd_fb(c, 0);
        case 1: return hv_nd_fb(c, 1);
        case 2: return hv_nd_fb(c, 7);
        case 3: return hv_nd_cms(c);
        case 4: return hv_nd_skip(c);
        case 5: return hv_nd_ack(c);
        case 6: return hv_nd_short(c);
        case 7: return hv_nd_data(c);
        case 8: return hv_nd_junk(c);
        case 9: return hv_nd_badtu(c);
        case 10: return hv_nd_trunc(c);
        case 11: return hv_nd_flips(c);
        case 12: return hv_nd_nostor(c);
        case 13: return hv_nd_describe(c);
        default: return hv_nd_detect(c);
        }
    }
    i -= 15;
    if (i == 0) {
        hv_name(c, "nd helpers");
        return c->dry ? 1 : hv_nd_helpers(c);
    }
    i--;
    if (i < (int)HV_NA(hv_segcases)) {
        hv_name(c, "nd ");
        hv_names(c, hv_segcases[i].name);
        return c->dry ? 1 : hv_nd_seg(c, &hv_segcases[i]);
    }
    return -1;
}

#endif
