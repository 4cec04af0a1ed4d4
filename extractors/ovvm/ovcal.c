/*
 * ovcal.c - OfficeVision/VM calendars through a declared layout (see
 * ovcal.h and extractors/ovvm/NOTES.md, "Calendars").
 *
 * Calendar users are the accounts of the layout source, by position
 * (the order of their first records in the data). Each is matched
 * once, at open, with a store account; the store's accounts are then
 * visited in the store's order and each takes its calendar user's
 * items: read forward from the data sets, or from storage when they
 * were read on the way to an earlier account, or read again from the
 * start. Ids are compared as ASCII bytes, letters in upper case.
 */
#include <string.h>
#include "ovcal.h"
#include "ovvm.h"

#define OVC_IDMAX 64
#define OVC_CACHE 4194304ul     /* held items: 4 MiB */

/* states of a calendar user */
#define CS_PENDING 0
#define CS_HELD 1               /* its items are in storage */
#define CS_DONE 2               /* handed on, or counted */

/* no store account (ca.ovs) */
#define OV_NONE (-1L)
#define OV_DUP (-2L)            /* its account has another calendar */

typedef struct ovc_cal {
    long ovs;                   /* store account index or OV_* */
    int state;
    unsigned char *blob;        /* held items */
    size_t len, cap;
    unsigned long nitems;
} ovc_cal;

typedef struct ovc_acc {
    unsigned char id[OVC_IDMAX];    /* ASCII, upper case */
    size_t idlen;
    long q;                     /* its calendar user, -1: none */
    int visit;                  /* this run will ask for it */
} ovc_acc;

struct hm_ovc {
    hm_ovc_cfg c;
    hm_alloc al;
    hm_log *log;
    hm_pipe_src inner;
    hm_pipe_src ls;             /* the layout source */
    ovc_acc *acc;
    long *byid;                 /* account indexes sorted by id */
    ovc_cal *cal;
    long ncal;
    long last;                  /* calendar user read last */
    long *held;                 /* held users */
    size_t nheld, capheld;
    unsigned long hbytes;       /* bytes held */
    int report;                 /* report unknown users */
    int failed;
    /* the pass */
    hm_pipe_emit emit;
    void *ectx;
    ovc_cal *into;              /* holding: this user's blob */
    unsigned long count;        /* counting: items */
    hm_ovc_stats st;
};

/* ---------------------------------------------------------------- */

static unsigned char up(unsigned char c)
{
    return (c >= 0x61 && c <= 0x7A) ? (unsigned char)(c - 0x20) : c;
}

static int id_cmp(const unsigned char *a, size_t an,
                  const unsigned char *b, size_t bn)
{
    size_t n = an < bn ? an : bn;
    int r = n ? memcmp(a, b, n) : 0;
    if (r)
        return r;
    return an < bn ? -1 : an > bn ? 1 : 0;
}

static void *ovc_alloc(hm_ovc *c, size_t n)
{
    void *p = HM_ALLOC(&c->al, n ? n : 1);
    if (!p) {
        hm_msg1(c->log, HMM_NOSTOR, "the calendars");
        c->failed = 1;
    }
    return p;
}

/* merge sort of account indexes by id */
static void sort_ids(hm_ovc *c, long *v, long *tmp, long n)
{
    long h, i, j, k;
    if (n < 2)
        return;
    h = n / 2;
    sort_ids(c, v, tmp, h);
    sort_ids(c, v + h, tmp, n - h);
    i = 0;
    j = h;
    k = 0;
    while (i < h && j < n) {
        const ovc_acc *a = &c->acc[v[i]], *b = &c->acc[v[j]];
        tmp[k++] = id_cmp(b->id, b->idlen, a->id, a->idlen) < 0 ? v[j++]
                                                               : v[i++];
    }
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, (size_t)n * sizeof *v);
}

/* the store account of an id (ASCII, any case), or -1 */
static long find_acc(const hm_ovc *c, const unsigned char *id, size_t n)
{
    unsigned char u[OVC_IDMAX];
    size_t i, lo = 0, hi = c->c.nids;
    while (n && id[n - 1] == 0x20)
        n--;
    if (n == 0 || n > OVC_IDMAX)
        return -1;
    for (i = 0; i < n; i++)
        u[i] = up(id[i]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ovc_acc *a = &c->acc[c->byid[mid]];
        int r = id_cmp(a->id, a->idlen, u, n);
        if (r == 0)
            return c->byid[mid];
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* an id for messages, in the execution character set */
static char *shown(const hm_account *a, char *buf, size_t cap)
{
    return hm_asc_exec(a->id.s, a->id.len, buf, cap);
}

/* ---------------------------------------------------------------- */
/* held items: each one as bytes (numbers big-endian) */

static int blob_room(hm_ovc *c, ovc_cal *k, size_t more)
{
    size_t nc;
    unsigned char *np;
    if (k->len + more <= k->cap)
        return 0;
    nc = k->cap ? k->cap : 256;
    while (nc < k->len + more)
        nc *= 2;
    np = (unsigned char *)ovc_alloc(c, nc);
    if (!np)
        return -1;
    if (k->len)
        memcpy(np, k->blob, k->len);
    HM_FREE(&c->al, k->blob);
    c->hbytes += (unsigned long)(nc - k->cap);
    if (c->hbytes > c->st.held_peak)
        c->st.held_peak = c->hbytes;
    k->blob = np;
    k->cap = nc;
    return 0;
}

static void put4(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)((v >> 24) & 0xFF);
    p[1] = (unsigned char)((v >> 16) & 0xFF);
    p[2] = (unsigned char)((v >> 8) & 0xFF);
    p[3] = (unsigned char)(v & 0xFF);
}

static unsigned long get4(const unsigned char *p)
{
    return ((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16)
           | ((unsigned long)p[2] << 8) | (unsigned long)p[3];
}

#define HOLD_FIX (4 + 8 + 3 * 14 + 4 * 4)

/* the fields the layout source sets (emit_cal in lsrc.c); it gives
 * no recurrences */
static int hold(hm_ovc *c, ovc_cal *k, const hm_calitem *x)
{
    const hm_text *t[4];
    unsigned char *p;
    size_t n = HOLD_FIX;
    int i;
    t[0] = &x->text;
    t[1] = &x->where;
    t[2] = &x->notes;
    t[3] = &x->task_priority;
    for (i = 0; i < 4; i++)
        n += t[i]->len;
    if (blob_room(c, k, n) != 0)
        return -1;
    p = k->blob + k->len;
    p[0] = (unsigned char)x->kind;
    p[1] = (unsigned char)(x->busy != 0);
    p[2] = (unsigned char)(x->ring != 0);
    p[3] = (unsigned char)x->alarm_unit;
    put4(p + 4, (unsigned long)x->alarm_amount);
    put4(p + 8, (unsigned long)x->percent);
    memcpy(p + 12, x->start.d, 14);
    memcpy(p + 26, x->end.d, 14);
    memcpy(p + 40, x->completed.d, 14);
    p += 54;
    for (i = 0; i < 4; i++) {
        put4(p, (unsigned long)t[i]->len);
        if (t[i]->len)
            memcpy(p + 4, t[i]->s, t[i]->len);
        p += 4 + t[i]->len;
    }
    k->len += n;
    k->nitems++;
    return 0;
}

/* the item at *pos of a blob */
static void unhold(const ovc_cal *k, size_t *pos, hm_item *it)
{
    hm_calitem *x = &it->u.cal;
    const unsigned char *p = k->blob + *pos;
    hm_text *t[4];
    int i;
    memset(it, 0, sizeof *it);
    it->kind = HM_ITEM_CAL;
    x->kind = p[0];
    x->busy = p[1];
    x->ring = p[2];
    x->alarm_unit = p[3];
    x->alarm_amount = (unsigned)get4(p + 4);
    x->percent = (unsigned)get4(p + 8);
    memcpy(x->start.d, p + 12, 14);
    memcpy(x->end.d, p + 26, 14);
    memcpy(x->completed.d, p + 40, 14);
    p += 54;
    t[0] = &x->text;
    t[1] = &x->where;
    t[2] = &x->notes;
    t[3] = &x->task_priority;
    for (i = 0; i < 4; i++) {
        t[i]->len = (size_t)get4(p);
        t[i]->s = p + 4;
        p += 4 + t[i]->len;
    }
    *pos = (size_t)(p - k->blob);
}

static void unheld(hm_ovc *c, long q)
{
    ovc_cal *k = &c->cal[q];
    size_t i;
    c->hbytes -= (unsigned long)k->cap;
    HM_FREE(&c->al, k->blob);
    k->blob = 0;
    k->len = k->cap = 0;
    k->nitems = 0;
    for (i = 0; i < c->nheld; i++)
        if (c->held[i] == q) {
            c->held[i] = c->held[--c->nheld];
            break;
        }
}

/* ---------------------------------------------------------------- */
/* the emit callbacks of the layout source */

static int other(hm_ovc *c, const hm_item *it)
{
    if (it->kind == HM_ITEM_CAL)
        return 0;
    if (it->kind >= 0 && it->kind < 8)
        c->st.ignored[it->kind]++;
    return 1;
}

static int em_pass(void *ctx, const hm_item *it)
{
    hm_ovc *c = (hm_ovc *)ctx;
    if (other(c, it))
        return HM_PIPE_OK;
    c->count++;
    c->st.items++;
    return c->emit(c->ectx, it);
}

static int em_hold(void *ctx, const hm_item *it)
{
    hm_ovc *c = (hm_ovc *)ctx;
    if (other(c, it))
        return HM_PIPE_OK;
    return hold(c, c->into, &it->u.cal) == 0 ? HM_PIPE_OK
                                              : HM_PIPE_STOP;
}

static int em_count(void *ctx, const hm_item *it)
{
    hm_ovc *c = (hm_ovc *)ctx;
    if (!other(c, it))
        c->count++;
    return HM_PIPE_OK;
}

/* read calendar user q's items through fn */
static int read_cal(hm_ovc *c, long q, hm_pipe_emit fn)
{
    hm_account a;
    int rc;
    if (hm_ls_account(c->c.ls, q, &a) != 0)
        return HM_PIPE_OK;
    if (q < c->last)
        c->st.rereads++;
    c->count = 0;
    rc = c->ls.items(c->ls.ctx, &a, fn, c);
    c->last = q;
    c->cal[q].state = CS_DONE;
    return rc == HM_PIPE_OK && !c->failed ? HM_PIPE_OK : HM_PIPE_STOP;
}

/* a calendar user of no store account: count and report */
static int unknown(hm_ovc *c, long q)
{
    hm_account a;
    char ib[80], nb[24], ob[80];
    int rc;
    if (!c->report) {
        c->cal[q].state = CS_DONE;
        return HM_PIPE_OK;
    }
    rc = read_cal(c, q, em_count);
    if (hm_ls_account(c->c.ls, q, &a) != 0)
        return rc;
    c->st.unknown++;
    c->st.unknown_items += c->count;
    shown(&a, ib, sizeof ib);
    hm_fmt_ulong(c->count, nb);
    if (c->cal[q].ovs == OV_DUP) {
        long i = find_acc(c, a.id.s, a.id.len);
        hm_asc_exec(c->acc[i].id, c->acc[i].idlen, ob, sizeof ob);
        hm_msg3(c->log, HMM_OVCDUP, ib, ob, nb);
    } else {
        hm_msg2(c->log, HMM_OVCUNKNOWN, ib, nb);
    }
    return rc;
}

/* calendar user r is passed on the way to account ai's */
static int pass_over(hm_ovc *c, long r, long ai)
{
    ovc_cal *k = &c->cal[r];
    int rc;
    if (k->state != CS_PENDING)
        return HM_PIPE_OK;
    if (k->ovs < 0)
        return unknown(c, r);
    if (k->ovs <= ai || !c->acc[k->ovs].visit
        || c->hbytes >= c->c.cache_max)
        return HM_PIPE_OK;      /* read again if ever asked for */
    if (c->nheld == c->capheld) {
        size_t nc = c->capheld ? 2 * c->capheld : 16;
        long *np = (long *)ovc_alloc(c, nc * sizeof(long));
        if (!np)
            return HM_PIPE_STOP;
        if (c->nheld)
            memcpy(np, c->held, c->nheld * sizeof(long));
        HM_FREE(&c->al, c->held);
        c->held = np;
        c->capheld = nc;
    }
    c->held[c->nheld++] = r;
    c->into = k;
    rc = read_cal(c, r, em_hold);
    c->into = 0;
    k->state = CS_HELD;
    c->st.held++;
    return rc;
}

/* the calendar of store account ai */
static int account_cal(hm_ovc *c, long ai)
{
    long q = c->acc[ai].q, r;
    size_t i;
    int rc = HM_PIPE_OK;
    /* held users whose accounts were passed without a visit */
    for (i = c->nheld; i-- > 0;) {
        long h = c->held[i];
        if (h != q && c->cal[h].ovs <= ai) {
            unheld(c, h);
            c->cal[h].state = CS_PENDING;
        }
    }
    if (q < 0 || c->cal[q].state == CS_DONE)
        return HM_PIPE_OK;
    c->count = 0;
    if (c->cal[q].state == CS_HELD) {
        ovc_cal *k = &c->cal[q];
        size_t pos = 0;
        unsigned long j;
        for (j = 0; j < k->nitems && rc == HM_PIPE_OK; j++) {
            hm_item it;
            unhold(k, &pos, &it);
            rc = em_pass(c, &it);
        }
        unheld(c, q);
        k->state = CS_DONE;
    } else {
        for (r = c->last + 1; r < q && rc == HM_PIPE_OK; r++)
            rc = pass_over(c, r, ai);
        if (rc == HM_PIPE_OK)
            rc = read_cal(c, q, em_pass);
    }
    if (c->count)
        c->st.accounts++;
    return rc;
}

/* after the last account: the unknown users not passed yet */
static void finish(hm_ovc *c)
{
    long q;
    while (c->nheld)
        unheld(c, c->held[c->nheld - 1]);
    for (q = 0; q < c->ncal; q++)
        if (c->cal[q].state == CS_PENDING && c->cal[q].ovs < 0)
            if (unknown(c, q) != HM_PIPE_OK)
                break;
}

/* ---------------------------------------------------------------- */
/* the source */

static int w_next(void *ctx, hm_account *acct)
{
    hm_ovc *c = (hm_ovc *)ctx;
    int rc = c->inner.next_account(c->inner.ctx, acct);
    if (rc == HM_PIPE_END)
        finish(c);
    return rc;
}

static int w_items(void *ctx, const hm_account *acct, hm_pipe_emit emit,
                   void *ectx)
{
    hm_ovc *c = (hm_ovc *)ctx;
    int rc = c->inner.items(c->inner.ctx, acct, emit, ectx);
    long ai;
    if (rc != HM_PIPE_OK || acct->public)
        return rc;
    ai = find_acc(c, acct->id.s, acct->id.len);
    if (ai < 0)
        return rc;
    c->emit = emit;
    c->ectx = ectx;
    return account_cal(c, ai);
}

static int w_dir(void *ctx, int mode, hm_pipe_emit emit, void *ectx)
{
    hm_ovc *c = (hm_ovc *)ctx;
    return c->inner.directory(c->inner.ctx, mode, emit, ectx);
}

void hm_ovc_source(hm_ovc *c, const hm_pipe_src *inner, hm_pipe_src *out)
{
    c->inner = *inner;
    memset(out, 0, sizeof *out);
    out->next_account = w_next;
    out->items = w_items;
    out->directory = inner->directory ? w_dir : 0;
    out->ctx = c;
}

/* ---------------------------------------------------------------- */

hm_ovc *hm_ovc_open(const hm_ovc_cfg *cfg)
{
    hm_ovc *c = (hm_ovc *)HM_ALLOC(cfg->al, sizeof *c);
    long n, q, *tmp, ord = 0;
    size_t i;
    char b1[24], b2[24];
    if (!c) {
        hm_msg1(cfg->log, HMM_NOSTOR, "the calendars");
        return 0;
    }
    memset(c, 0, sizeof *c);
    c->c = *cfg;
    c->al = *cfg->al;
    c->log = cfg->log;
    c->last = -1;
    if (!c->c.cache_max)
        c->c.cache_max = OVC_CACHE;
    c->report = !cfg->set || cfg->set->part_k <= 1;
    hm_ls_source(cfg->ls, &c->ls);
    /* the store's accounts, sorted by id */
    c->acc = (ovc_acc *)ovc_alloc(c, cfg->nids * sizeof *c->acc);
    c->byid = (long *)ovc_alloc(c, cfg->nids * sizeof(long));
    tmp = (long *)ovc_alloc(c, cfg->nids * sizeof(long));
    if (c->failed) {
        HM_FREE(&c->al, tmp);
        hm_ovc_close(c);
        return 0;
    }
    for (i = 0; i < cfg->nids; i++) {
        ovc_acc *a = &c->acc[i];
        size_t k;
        a->idlen = hm_ov_x2a(cfg->ids[i], a->id, sizeof a->id);
        for (k = 0; k < a->idlen; k++)
            a->id[k] = up(a->id[k]);
        a->q = -1;
        /* the pipeline's choice: selected, then the partition */
        a->visit = !cfg->set
                   || hm_set_selected(cfg->set, a->id, a->idlen);
        if (a->visit && cfg->set && cfg->set->part_n > 1)
            a->visit = (unsigned long)(ord++ % (long)cfg->set->part_n)
                       == cfg->set->part_k - 1ul;
        c->byid[i] = (long)i;
    }
    sort_ids(c, c->byid, tmp, (long)cfg->nids);
    HM_FREE(&c->al, tmp);
    /* the calendar users */
    n = hm_ls_count(cfg->ls);
    if (n < 0) {
        hm_ovc_close(c);
        return 0;
    }
    c->cal = (ovc_cal *)ovc_alloc(c, (size_t)n * sizeof *c->cal);
    if (!c->cal) {
        hm_ovc_close(c);
        return 0;
    }
    memset(c->cal, 0, (size_t)n * sizeof *c->cal);
    c->ncal = n;
    for (q = 0; q < n; q++) {
        hm_account a;
        long k;
        hm_ls_account(cfg->ls, q, &a);
        k = find_acc(c, a.id.s, a.id.len);
        c->cal[q].ovs = OV_NONE;
        if (k >= 0 && c->acc[k].q >= 0) {
            c->cal[q].ovs = OV_DUP;
        } else if (k >= 0) {
            c->cal[q].ovs = k;
            c->acc[k].q = q;
            c->st.matched++;
        }
    }
    c->st.users = (unsigned long)n;
    hm_msg2(c->log, HMM_OVCLAYOUT, hm_fmt_ulong(c->st.users, b1),
            hm_fmt_ulong(c->st.matched, b2));
    return c;
}

const hm_ovc_stats *hm_ovc_stat(const hm_ovc *c)
{
    return &c->st;
}

void hm_ovc_summary(hm_ovc *c)
{
    static const char *const kinds[8] = {
        "other", "account", "message", "document", "PAB", "calendar",
        "directory", "other"
    };
    const hm_ovc_stats *s = &c->st;
    char b[4][24];
    const char *a[4];
    int i;
    a[0] = hm_fmt_ulong(s->users, b[0]);
    a[1] = hm_fmt_ulong(s->matched, b[1]);
    a[2] = hm_fmt_ulong(s->items, b[2]);
    a[3] = hm_fmt_ulong(s->accounts, b[3]);
    hm_msg(c->log, HMM_OVCSUM, a, 4);
    if (s->unknown)
        hm_msg2(c->log, HMM_OVCSUMUNK, hm_fmt_ulong(s->unknown_items,
                                                    b[0]),
                hm_fmt_ulong(s->unknown, b[1]));
    for (i = 0; i < 8; i++)
        if (s->ignored[i])
            hm_msg2(c->log, HMM_OVCKIND, hm_fmt_ulong(s->ignored[i],
                                                      b[0]), kinds[i]);
    if (s->rereads || s->held) {
        a[0] = hm_fmt_ulong(s->rereads, b[0]);
        a[1] = hm_fmt_ulong(s->held, b[1]);
        a[2] = hm_fmt_ulong(s->held_peak, b[2]);
        hm_msg(c->log, HMM_OVCORDER, a, 3);
    }
    hm_ls_summary(c->c.ls);
}

void hm_ovc_close(hm_ovc *c)
{
    long q;
    if (!c)
        return;
    for (q = 0; q < c->ncal; q++)
        HM_FREE(&c->al, c->cal[q].blob);
    HM_FREE(&c->al, c->cal);
    HM_FREE(&c->al, c->held);
    HM_FREE(&c->al, c->acc);
    HM_FREE(&c->al, c->byid);
    HM_FREE(&c->al, c);
}
