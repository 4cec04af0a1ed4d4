/*
 * pipeline.c - source -> filters -> sink, with progress,
 * reconciliation, the status file, partitions and their combination
 * (hm_pipeline.h; design in common/PIPELINE.md).
 *
 * Everything the pipeline writes itself (status file, report, packing
 * list) is ASCII / UTF-8 built from numeric constants or through the
 * hm_mf_tab translation of fixed texts, so an EBCDIC build writes the
 * same bytes.
 */
#include <string.h>
#include "hm_pipeline.h"
#include "migfile.h"
#include "hm_cp.h"

#define A_CR 0x0D
#define A_LF 0x0A
#define A_QUOTE 0x22
#define A_STAR 0x2A
#define A_COMMA 0x2C
#define A_DOT 0x2E
#define A_0 0x30
#define A_9 0x39
#define A_QMARK 0x3F
#define A_UP_A 0x41
#define A_UP_Z 0x5A
#define A_LO_A 0x61
#define A_LO_Z 0x7A
#define A_BANG 0x21
#define A_F 0x46
#define A_T 0x54

#define PL_IDMAX 255            /* bytes of an account id kept */
#define PL_MAXACCT 46655ul      /* the writer's limit (3 base-36) */
#define PL_LIVE_MS 250ul
#define PL_RBUF 4096
#define PL_PKLMAX 16777216ul    /* a packing list to combine */

#define PF_OPEN 0
#define PF_HELD 1               /* closed ok, commit held back */
#define PF_DONE 2               /* committed */
#define PF_GONE 3               /* discarded */

static const char *const pl_cname[HM_PC_N] = {
    "Messages", "Attachments", "Documents", "PAB entries", "PAB lists",
    "Schedule items", "Public messages", "Directory objects"
};

/* ---------------------------------------------------------------- */
/* structures */

struct pl_unit;

typedef struct pl_file {
    struct pl_unit *u;
    hm_write_fn fn;
    void *wctx;
    int state;
    char name[13];
    unsigned char aname[13];    /* length, ASCII name */
    struct pl_file *next;
} pl_file;

struct pl_run;

typedef struct pl_unit {
    struct pl_run *r;
    hm_mw_files files;          /* given to the sink */
    pl_file *head, *tail;
    unsigned long bytes;
    unsigned long nfiles;
    int failed;
} pl_unit;

/* an account (or the directory, seq 0) done, or failed by this run */
typedef struct pl_rec {
    unsigned long seq;
    unsigned char *id;
    size_t idlen;
    unsigned long bytes;
    hm_pipe_counts c;
    unsigned char *names;       /* 13 bytes each */
    unsigned long nnames;
    unsigned long line;         /* in the status file */
    int failed;
} pl_rec;

typedef struct pl_buf {
    unsigned char *p;
    size_t n, cap;
    int nomem;
} pl_buf;

typedef struct pl_run {
    const hm_pipe_cfg *cfg;
    hm_alloc al;
    hm_log *log;
    hm_settings *set;
    hm_mf_tab tab;
    hm_time now;
    char pkl[13];
    char rpt[13];
    const char *stname;
    pl_rec **rec;
    size_t nrec, caprec, nprev;
    int dir_done;
    int need_nl;
    int have_hdr;
    /* the unit in progress */
    const hm_account *acct;
    int in_dir;
    void *sunit;
    hm_pipe_counts cur;
    char shown[72];
    int stop;
    /* progress */
    hm_pipe_progress pg;
    unsigned long last_items, last_ms;
    pl_buf lb;
} pl_run;

/* ---------------------------------------------------------------- */
/* ASCII line building */

static void lb_byte(pl_run *r, pl_buf *b, unsigned char c)
{
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 512;
        unsigned char *p = (unsigned char *)HM_ALLOC(&r->al, nc);
        if (!p) {
            b->nomem = 1;
            return;
        }
        if (b->p) {
            memcpy(p, b->p, b->n);
            HM_FREE(&r->al, b->p);
        }
        b->p = p;
        b->cap = nc;
    }
    b->p[b->n++] = c;
}

static void lb_bytes(pl_run *r, pl_buf *b, const unsigned char *s,
                     size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        lb_byte(r, b, s[i]);
}

static void lb_lit(pl_run *r, pl_buf *b, const char *s)
{
    while (*s) {
        unsigned char a = r->tab.to_asc[(unsigned char)*s++];
        lb_byte(r, b, a ? a : A_QMARK);
    }
}

static void lb_ulong(pl_run *r, pl_buf *b, unsigned long v)
{
    unsigned char d[24];
    int n = 0;
    do {
        d[n++] = (unsigned char)(A_0 + v % 10ul);
        v /= 10ul;
    } while (v);
    while (n)
        lb_byte(r, b, d[--n]);
}

static void lb_comma(pl_run *r, pl_buf *b)
{
    lb_byte(r, b, A_COMMA);
}

static void lb_crlf(pl_run *r, pl_buf *b)
{
    lb_byte(r, b, A_CR);
    lb_byte(r, b, A_LF);
}

/* a CSV field of UTF-8 text: quoted when it holds , or " */
static void lb_csv(pl_run *r, pl_buf *b, const unsigned char *s,
                   size_t n)
{
    size_t i;
    int q = 0;
    for (i = 0; i < n; i++)
        if (s[i] == A_COMMA || s[i] == A_QUOTE)
            q = 1;
    if (q)
        lb_byte(r, b, A_QUOTE);
    for (i = 0; i < n; i++) {
        if (s[i] == A_QUOTE)
            lb_byte(r, b, A_QUOTE);
        lb_byte(r, b, s[i]);
    }
    if (q)
        lb_byte(r, b, A_QUOTE);
}

static void lb_free(pl_run *r, pl_buf *b)
{
    if (b->p)
        HM_FREE(&r->al, b->p);
    memset(b, 0, sizeof *b);
}

/* ---------------------------------------------------------------- */
/* small helpers */

static unsigned char pl_fold(unsigned char c)
{
    if (c >= A_LO_A && c <= A_LO_Z)
        return (unsigned char)(c - 0x20);
    return c;
}

/* an id as kept in the status file: at most PL_IDMAX bytes, control
 * characters as ? */
static size_t pl_norm(const hm_text *t, unsigned char *out)
{
    size_t i, n = t->len > PL_IDMAX ? PL_IDMAX : t->len;
    for (i = 0; i < n; i++) {
        unsigned char c = t->s[i];
        out[i] = (c < 0x20 || c == 0x7F) ? A_QMARK : c;
    }
    return n;
}

/* UTF-8 bytes in the execution character set, for messages */
static void pl_show(const hm_mf_tab *tab, const unsigned char *s,
                    size_t n, char *out, size_t cap)
{
    size_t i, k = 0;
    for (i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = s[i];
        if (c >= 0x80 && (c & 0xC0) == 0x80)
            continue;           /* continuation bytes: one ? */
        out[k++] = (char)((c >= 0x20 && c < 0x7F && tab->to_exe[c])
                          ? tab->to_exe[c] : tab->to_exe[A_QMARK]);
    }
    out[k] = 0;
}

static void pl_name_exe(const hm_mf_tab *tab, const unsigned char *e,
                        char *out)
{
    size_t i;
    for (i = 0; i < e[0] && i < 12; i++)
        out[i] = (char)tab->to_exe[e[1 + i] & 0x7F];
    out[i] = 0;
}

static int pl_is_pri(const unsigned char *e)
{
    size_t n = e[0];
    return n >= 4 && e[n - 3] == A_DOT && pl_fold(e[n - 2]) == 0x50
        && pl_fold(e[n - 1]) == 0x52 && pl_fold(e[n]) == 0x49;
}

static const char pl_digits[] = "0123456789";

void hm_pipe_pkl_name(const hm_settings *s, char *buf)
{
    if (s->part_n > 1) {
        buf[0] = 'P';
        buf[1] = pl_digits[(s->part_k / 10u) % 10u];
        buf[2] = pl_digits[s->part_k % 10u];
        buf[3] = 'O';
        buf[4] = 'F';
        buf[5] = pl_digits[(s->part_n / 10u) % 10u];
        buf[6] = pl_digits[s->part_n % 10u];
        memcpy(buf + 7, ".PKL", 5);
    } else if (s->file[0]) {
        memcpy(buf, s->file, strlen(s->file) + 1);
    } else {
        memcpy(buf, "MIGRATE.PKL", 12);
    }
}

void hm_pipe_report_name(const hm_settings *s, char *buf)
{
    size_t i;
    if (s->no_report) {
        buf[0] = 0;
        return;
    }
    if (s->report[0]) {
        memcpy(buf, s->report, strlen(s->report) + 1);
        return;
    }
    hm_pipe_pkl_name(s, buf);
    for (i = 0; buf[i] && buf[i] != '.'; i++)
        ;
    memcpy(buf + i, ".CSV", 5);
}

/* ---------------------------------------------------------------- */
/* the packing list */

static int pl_put(const hm_mw_files *f, void *w, hm_write_fn fn,
                  pl_buf *b)
{
    (void)f;
    if (b->nomem)
        return -1;
    return b->n ? fn(w, b->p, b->n) : 0;
}

static void *pl_noalloc(void *ctx, size_t n)
{
    (void)ctx;
    (void)n;
    return 0;
}

static void pl_nofree(void *ctx, void *p)
{
    (void)ctx;
    (void)p;
}

int hm_pipe_write_pkl(const hm_mw_files *files, const char *name,
                      unsigned codepage, const unsigned char *names,
                      unsigned long n, hm_log *log)
{
    pl_run r;
    hm_write_fn fn;
    void *w;
    unsigned long i;
    unsigned char line[64];
    int rc = 0;
    memset(&r, 0, sizeof r);
    r.al.alloc = pl_noalloc;    /* lines fit in line[] */
    r.al.release = pl_nofree;
    r.lb.p = line;
    r.lb.cap = sizeof line;
    hm_mf_tables(&r.tab);
    if (files->open(files->ctx, name, &fn, &w) != 0) {
        hm_msg1(log, HMM_MWOPEN, name);
        return -1;
    }
    lb_ulong(&r, &r.lb, (unsigned long)codepage);
    lb_crlf(&r, &r.lb);
    lb_crlf(&r, &r.lb);
    lb_lit(&r, &r.lb, "Filename,Filetype");
    lb_crlf(&r, &r.lb);
    rc = pl_put(files, w, fn, &r.lb);
    for (i = 0; i < n && rc == 0; i++) {
        const unsigned char *e = names + i * 13ul;
        r.lb.n = 0;
        lb_bytes(&r, &r.lb, e + 1, e[0]);
        lb_lit(&r, &r.lb, pl_is_pri(e) ? ",Primary" : ",Secondary");
        lb_crlf(&r, &r.lb);
        rc = pl_put(files, w, fn, &r.lb);
    }
    if (rc != 0) {
        hm_msg2(log, HMM_WRITE, name, "the file factory failed");
        files->close(files->ctx, w, 0);
        return -1;
    }
    if (files->close(files->ctx, w, 1) != 0) {
        hm_msg2(log, HMM_COMMIT, name, "the file factory failed");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* the unit's files: commits held back until the unit is complete */

static int pf_write(void *ctx, const unsigned char *b, size_t n)
{
    pl_file *f = (pl_file *)ctx;
    f->u->bytes += (unsigned long)n;
    f->u->r->pg.bytes += (unsigned long)n;
    return f->fn(f->wctx, b, n);
}

static int pf_open(void *ctx, const char *name, hm_write_fn *fn,
                   void **wctx)
{
    pl_unit *u = (pl_unit *)ctx;
    pl_run *r = u->r;
    const hm_mw_files *real = r->cfg->files;
    pl_file *f;
    size_t i, n = strlen(name);
    if (n > 12)
        return -1;
    f = (pl_file *)HM_ALLOC(&r->al, sizeof *f);
    if (!f) {
        hm_msg1(r->log, HMM_NOSTOR, name);
        return -1;
    }
    memset(f, 0, sizeof *f);
    if (real->open(real->ctx, name, &f->fn, &f->wctx) != 0) {
        HM_FREE(&r->al, f);
        return -1;
    }
    f->u = u;
    memcpy(f->name, name, n + 1);
    f->aname[0] = (unsigned char)n;
    for (i = 0; i < n; i++) {
        unsigned char a = r->tab.to_asc[(unsigned char)name[i]];
        f->aname[1 + i] = a ? a : A_QMARK;
    }
    if (u->tail)
        u->tail->next = f;
    else
        u->head = f;
    u->tail = f;
    *fn = pf_write;
    *wctx = f;
    return 0;
}

static int pf_close(void *ctx, void *wctx, int ok)
{
    pl_file *f = (pl_file *)wctx;
    const hm_mw_files *real = f->u->r->cfg->files;
    (void)ctx;
    if (ok) {
        f->state = PF_HELD;
        return 0;
    }
    f->state = PF_GONE;
    real->close(real->ctx, f->wctx, 0);
    return 0;
}

static pl_unit *pu_new(pl_run *r)
{
    pl_unit *u = (pl_unit *)HM_ALLOC(&r->al, sizeof *u);
    if (!u) {
        hm_msg1(r->log, HMM_NOSTOR, "an account");
        return 0;
    }
    memset(u, 0, sizeof *u);
    u->r = r;
    u->files.open = pf_open;
    u->files.close = pf_close;
    u->files.ctx = u;
    return u;
}

/* commit (ok) or discard every file of u; returns 0 when all of them
 * were committed */
static int pu_finish(pl_unit *u, int ok)
{
    pl_run *r = u->r;
    const hm_mw_files *real = r->cfg->files;
    pl_file *f;
    for (f = u->head; f; f = f->next) {
        if (f->state == PF_OPEN) {
            real->close(real->ctx, f->wctx, 0);
            f->state = PF_GONE;
            if (ok)
                u->failed = 1;
        } else if (f->state == PF_HELD) {
            if (ok && !u->failed) {
                if (real->close(real->ctx, f->wctx, 1) != 0) {
                    hm_msg2(r->log, HMM_COMMIT, f->name,
                            "the file factory failed");
                    u->failed = 1;
                    f->state = PF_GONE;
                } else {
                    f->state = PF_DONE;
                    u->nfiles++;
                }
            } else {
                real->close(real->ctx, f->wctx, 0);
                f->state = PF_GONE;
            }
        }
    }
    return ok && !u->failed ? 0 : -1;
}

static void pu_free(pl_unit *u)
{
    pl_run *r = u->r;
    while (u->head) {
        pl_file *f = u->head;
        u->head = f->next;
        HM_FREE(&r->al, f);
    }
    HM_FREE(&r->al, u);
}

/* ---------------------------------------------------------------- */
/* records */

static void rec_free(pl_run *r, pl_rec *e)
{
    if (e->id)
        HM_FREE(&r->al, e->id);
    if (e->names)
        HM_FREE(&r->al, e->names);
    HM_FREE(&r->al, e);
}

static pl_rec *rec_new(pl_run *r, const unsigned char *id, size_t idlen,
                       unsigned long nnames)
{
    pl_rec *e;
    if (r->nrec == r->caprec) {
        size_t nc = r->caprec ? r->caprec * 2 : 64;
        pl_rec **p = (pl_rec **)HM_ALLOC(&r->al, nc * sizeof *p);
        if (!p)
            return 0;
        if (r->rec) {
            memcpy(p, r->rec, r->nrec * sizeof *p);
            HM_FREE(&r->al, r->rec);
        }
        r->rec = p;
        r->caprec = nc;
    }
    e = (pl_rec *)HM_ALLOC(&r->al, sizeof *e);
    if (!e)
        return 0;
    memset(e, 0, sizeof *e);
    e->id = (unsigned char *)HM_ALLOC(&r->al, idlen ? idlen : 1);
    e->names = (unsigned char *)HM_ALLOC(&r->al,
                                         nnames ? nnames * 13ul : 1ul);
    if (!e->id || !e->names) {
        rec_free(r, e);
        return 0;
    }
    if (idlen)
        memcpy(e->id, id, idlen);
    e->idlen = idlen;
    r->rec[r->nrec++] = e;
    return e;
}

/* shell sort of rec[lo..hi) by seq (stable enough: seqs are unique
 * once duplicates are dropped) */
static void rec_sort(pl_run *r, size_t lo, size_t hi)
{
    size_t i, j, gap, n = hi - lo;
    pl_rec **a = r->rec + lo;
    for (gap = 1; gap < n / 3; gap = gap * 3 + 1)
        ;
    for (; gap > 0; gap /= 3)
        for (i = gap; i < n; i++) {
            pl_rec *v = a[i];
            for (j = i; j >= gap && (a[j - gap]->seq > v->seq
                                     || (a[j - gap]->seq == v->seq
                                         && a[j - gap]->line
                                         > v->line)); j -= gap)
                a[j] = a[j - gap];
            a[j] = v;
        }
}

static pl_rec *rec_find(pl_run *r, unsigned long seq)
{
    size_t lo = 0, hi = r->nprev;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->rec[mid]->seq == seq)
            return r->rec[mid];
        if (r->rec[mid]->seq < seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* the status file
 *
 *   HMSTATUS,1,K,N,now,codepage,seclimit,flags,es,ee,ss,se
 *   D,0,,bytes,<32 counts>,nfiles,names...      the directory
 *   A,seq,id,bytes,<32 counts>,nfiles,names...  an account
 *
 * ASCII (ids UTF-8), CR LF. The 32 counts are found, written,
 * skipped and failed for each class in hm_pipe_class order. */

#define ST_NHDR 12

static void st_header(pl_run *r, pl_buf *b)
{
    const hm_settings *s = r->set;
    const hm_time *t[4];
    int i;
    int fl[6];
    t[0] = &s->email_start;
    t[1] = &s->email_end;
    t[2] = &s->sched_start;
    t[3] = &s->sched_end;
    fl[0] = s->mailbox;
    fl[1] = s->remote;
    fl[2] = s->email;
    fl[3] = s->pub;
    fl[4] = s->pab;
    fl[5] = s->schedule;
    lb_lit(r, b, "HMSTATUS,1,");
    lb_ulong(r, b, (unsigned long)s->part_k);
    lb_comma(r, b);
    lb_ulong(r, b, (unsigned long)s->part_n);
    lb_comma(r, b);
    if (r->now.d[0])
        lb_bytes(r, b, r->now.d, 14);
    lb_comma(r, b);
    lb_ulong(r, b, (unsigned long)(s->codepage ? s->codepage
                                   : HM_PC_UTF8));
    lb_comma(r, b);
    lb_ulong(r, b, s->sec_limit);
    lb_comma(r, b);
    for (i = 0; i < 6; i++)
        lb_byte(r, b, fl[i] ? A_T : A_F);
    for (i = 0; i < 4; i++) {
        lb_comma(r, b);
        if (t[i]->d[0])
            lb_bytes(r, b, t[i]->d, 14);
    }
}

/* field splitting of an ASCII CSV line; a quoted field is unquoted
 * into the line itself (it only gets shorter) */
typedef struct st_cur {
    unsigned char *p;
    size_t n, at;
    int end;
} st_cur;

static int st_field(st_cur *c, unsigned char **f, size_t *fn)
{
    size_t w;
    if (c->end)
        return -1;
    if (c->at < c->n && c->p[c->at] == A_QUOTE) {
        c->at++;
        *f = c->p + c->at;
        w = c->at;
        for (;;) {
            if (c->at >= c->n)
                return -1;
            if (c->p[c->at] == A_QUOTE) {
                if (c->at + 1 < c->n && c->p[c->at + 1] == A_QUOTE) {
                    c->p[w++] = A_QUOTE;
                    c->at += 2;
                    continue;
                }
                c->at++;
                break;
            }
            c->p[w++] = c->p[c->at++];
        }
        *fn = (size_t)(c->p + w - *f);
        if (c->at < c->n && c->p[c->at] != A_COMMA)
            return -1;
    } else {
        *f = c->p + c->at;
        while (c->at < c->n && c->p[c->at] != A_COMMA)
            c->at++;
        *fn = (size_t)(c->p + c->at - *f);
    }
    if (c->at < c->n)
        c->at++;                /* the comma */
    else
        c->end = 1;
    return 0;
}

static int st_num(const unsigned char *p, size_t n, unsigned long *v)
{
    size_t i;
    unsigned long x = 0;
    if (n == 0 || n > 10)
        return -1;
    for (i = 0; i < n; i++) {
        if (p[i] < A_0 || p[i] > A_9)
            return -1;
        if (x > (0xFFFFFFFFul - (unsigned long)(p[i] - A_0)) / 10ul)
            return -1;
        x = x * 10ul + (unsigned long)(p[i] - A_0);
    }
    *v = x;
    return 0;
}

static void st_warn(pl_run *r, unsigned long line)
{
    char b[24];
    hm_msg2(r->log, HMM_PLSTLINE, r->stname, hm_fmt_ulong(line, b));
}

/* the header line: 0, or -1 when it does not match the settings */
static int st_check_hdr(pl_run *r, unsigned char *p, size_t n)
{
    static const char *const what[ST_NHDR] = {
        "HMSTATUS", "version", "partition", "partition", "",
        "code page", "SEC limit", "item classes", "EmailStart",
        "EmailEnd", "SchedStart", "SchedEnd"
    };
    pl_buf mine;
    st_cur a, b;
    unsigned char *fa, *fb;
    size_t na, nb;
    int i;
    memset(&mine, 0, sizeof mine);
    st_header(r, &mine);
    if (mine.nomem) {
        lb_free(r, &mine);
        hm_msg1(r->log, HMM_NOSTOR, r->stname);
        return -1;
    }
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.p = p;
    a.n = n;
    b.p = mine.p;
    b.n = mine.n;
    for (i = 0; i < ST_NHDR; i++) {
        int ga = st_field(&a, &fa, &na), gb = st_field(&b, &fb, &nb);
        if (i == 4) {           /* the first run's date is kept */
            if (ga == 0 && na == 14 && hm_mf_date_ok(fa, 14))
                memcpy(r->now.d, fa, 14);
            else if (ga == 0 && na == 0)
                memset(r->now.d, 0, 14);
            else
                ga = -1;
        }
        if (ga != 0 || gb != 0
            || (i != 4 && (na != nb || memcmp(fa, fb, na) != 0))) {
            hm_msg2(r->log, HMM_PLSTHDR, r->stname, what[i]);
            lb_free(r, &mine);
            return -1;
        }
    }
    lb_free(r, &mine);
    if (!a.end) {
        hm_msg2(r->log, HMM_PLSTHDR, r->stname, "HMSTATUS");
        return -1;
    }
    return 0;
}

/* a D or A line; bad lines are reported and ignored */
static int st_rec_line(pl_run *r, unsigned char *p, size_t n,
                       unsigned long line)
{
    st_cur c;
    unsigned char *f, *id;
    size_t fn, idn;
    unsigned long seq, bytes, nn, v, k;
    unsigned long cnt[4 * HM_PC_N];
    int dir, i;
    pl_rec *e;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.n = n;
    if (st_field(&c, &f, &fn) != 0 || fn != 1
        || (f[0] != 0x41 && f[0] != 0x44))
        goto bad;
    dir = f[0] == 0x44;
    if (st_field(&c, &f, &fn) != 0 || st_num(f, fn, &seq) != 0
        || (dir ? seq != 0 : (seq == 0 || seq > PL_MAXACCT)))
        goto bad;
    if (st_field(&c, &id, &idn) != 0 || idn > PL_IDMAX
        || (dir && idn != 0))
        goto bad;
    if (st_field(&c, &f, &fn) != 0 || st_num(f, fn, &bytes) != 0)
        goto bad;
    for (i = 0; i < 4 * HM_PC_N; i++)
        if (st_field(&c, &f, &fn) != 0 || st_num(f, fn, &cnt[i]) != 0)
            goto bad;
    if (st_field(&c, &f, &fn) != 0 || st_num(f, fn, &nn) != 0
        || nn > 1300ul)
        goto bad;
    e = rec_new(r, id, idn, nn);
    if (!e) {
        hm_msg1(r->log, HMM_NOSTOR, r->stname);
        return -1;
    }
    e->seq = seq;
    e->bytes = bytes;
    e->line = line;
    for (i = 0; i < HM_PC_N; i++) {
        e->c.found[i] = cnt[4 * i];
        e->c.written[i] = cnt[4 * i + 1];
        e->c.skipped[i] = cnt[4 * i + 2];
        e->c.failed[i] = cnt[4 * i + 3];
    }
    for (k = 0; k < nn; k++) {
        if (st_field(&c, &f, &fn) != 0 || fn == 0 || fn > 12)
            break;
        for (v = 0; v < fn; v++)
            if (r->tab.to_exe[f[v] & 0x7F] == 0 || f[v] >= 0x7F
                || f[v] <= 0x20 || f[v] == A_QUOTE)
                break;
        if (v < fn)
            break;
        e->names[k * 13ul] = (unsigned char)fn;
        memcpy(e->names + k * 13ul + 1ul, f, fn);
    }
    if (k < nn || !c.end) {
        r->nrec--;
        rec_free(r, e);
        goto bad;
    }
    e->nnames = nn;
    return 0;
bad:
    st_warn(r, line);
    return 0;
}

static int st_line(pl_run *r, unsigned char *p, size_t n,
                   unsigned long line)
{
    if (n && p[n - 1] == A_CR)
        n--;
    if (line == 1) {
        r->have_hdr = 1;
        return st_check_hdr(r, p, n);
    }
    if (n == 0)
        return 0;
    return st_rec_line(r, p, n, line);
}

/* read the status file; 0, or -1 (reported): the run cannot go on */
static int st_load(pl_run *r)
{
    const hm_pipe_status *st = r->cfg->status;
    unsigned char buf[PL_RBUF];
    pl_buf ln;
    unsigned long line = 0;
    size_t i, j;
    long got;
    int rc = 0, any = 0;
    memset(&ln, 0, sizeof ln);
    if (!st->read)
        return 0;
    while (rc == 0 && (got = st->read(st->rctx, buf, sizeof buf)) > 0) {
        any = 1;
        for (i = 0; i < (size_t)got && rc == 0; i++) {
            if (buf[i] == A_LF) {
                if (ln.nomem) {
                    hm_msg1(r->log, HMM_NOSTOR, r->stname);
                    rc = -1;
                    break;
                }
                rc = st_line(r, ln.p, ln.n, ++line);
                ln.n = 0;
            } else {
                lb_byte(r, &ln, buf[i]);
            }
        }
    }
    if (rc == 0 && got < 0) {
        hm_msg3(r->log, HMM_READ, r->stname, "-", "read error");
        rc = -1;
    }
    if (rc == 0 && ln.n) {
        /* a line cut short by an interruption: ignored; the next
         * append starts on a new line */
        r->need_nl = 1;
        if (line == 0) {
            hm_msg2(r->log, HMM_PLSTHDR, r->stname, "HMSTATUS");
            rc = -1;
        } else {
            st_warn(r, line + 1);
        }
    }
    lb_free(r, &ln);
    (void)any;
    if (rc != 0)
        return -1;
    /* sort, drop repeated units (the first line wins) */
    rec_sort(r, 0, r->nrec);
    for (i = j = 0; i < r->nrec; i++) {
        if (j && r->rec[j - 1]->seq == r->rec[i]->seq) {
            st_warn(r, r->rec[i]->line);
            rec_free(r, r->rec[i]);
            continue;
        }
        r->rec[j++] = r->rec[i];
    }
    r->nrec = r->nprev = j;
    if (r->nrec && r->rec[0]->seq == 0)
        r->dir_done = 1;
    return 0;
}

static int st_append(pl_run *r, pl_buf *b)
{
    const hm_pipe_status *st = r->cfg->status;
    if (!st || !st->append)
        return 0;
    if (b->nomem) {
        hm_msg1(r->log, HMM_NOSTOR, r->stname);
        return -1;
    }
    if (r->need_nl) {
        static const unsigned char crlf[2] = { A_CR, A_LF };
        if (st->append(st->actx, crlf, 2) != 0) {
            hm_msg1(r->log, HMM_PLSTWRITE, r->stname);
            return -1;
        }
        r->need_nl = 0;
    }
    if (st->append(st->actx, b->p, b->n) != 0) {
        hm_msg1(r->log, HMM_PLSTWRITE, r->stname);
        return -1;
    }
    return 0;
}

static void rec_line(pl_run *r, pl_buf *b, const pl_rec *e)
{
    unsigned long i;
    int k;
    lb_byte(r, b, e->seq ? 0x41 : 0x44);
    lb_comma(r, b);
    lb_ulong(r, b, e->seq);
    lb_comma(r, b);
    lb_csv(r, b, e->id, e->idlen);
    lb_comma(r, b);
    lb_ulong(r, b, e->bytes);
    for (k = 0; k < HM_PC_N; k++) {
        lb_comma(r, b);
        lb_ulong(r, b, e->c.found[k]);
        lb_comma(r, b);
        lb_ulong(r, b, e->c.written[k]);
        lb_comma(r, b);
        lb_ulong(r, b, e->c.skipped[k]);
        lb_comma(r, b);
        lb_ulong(r, b, e->c.failed[k]);
    }
    lb_comma(r, b);
    lb_ulong(r, b, e->nnames);
    for (i = 0; i < e->nnames; i++) {
        lb_comma(r, b);
        lb_bytes(r, b, e->names + i * 13ul + 1ul, e->names[i * 13ul]);
    }
    lb_crlf(r, b);
}

/* ---------------------------------------------------------------- */
/* progress */

static void pl_progress(pl_run *r, int force)
{
    const hm_pipe_ui *ui = r->cfg->ui;
    char b1[24], b2[24], line[160];
    const char *a[3];
    unsigned long now = 0;
    size_t n;
    if (!ui)
        return;
    if (ui->clock_ms)
        now = ui->clock_ms(ui->ctx);
    if (ui->live) {
        if (ui->clock_ms && !force && now - r->last_ms < PL_LIVE_MS)
            return;
    } else {
        unsigned long ei = ui->every_items ? ui->every_items : 10000ul;
        unsigned long em = ui->every_ms ? ui->every_ms : 60000ul;
        if (!force && r->pg.items - r->last_items < ei
            && !(ui->clock_ms && now - r->last_ms >= em))
            return;
    }
    r->last_ms = now;
    r->last_items = r->pg.items;
    a[0] = r->shown;
    a[1] = hm_fmt_ulong(r->pg.items, b1);
    a[2] = hm_fmt_ulong(r->pg.bytes, b2);
    if (ui->live) {
        n = hm_msg_format(HMM_PROGRESS, a, 3, line, sizeof line);
        r->pg.acct = r->acct;
        /* without the message id: HMGnnnnS and a blank */
        ui->live(ui->ctx, &r->pg, line + 9, n > 9 ? n - 9 : 0);
    } else {
        hm_msg(r->log, HMM_PROGRESS, a, 3);
    }
}

/* ---------------------------------------------------------------- */
/* filters */

/* t within [s, e] (none = open); an item without a date is kept */
static int pl_in(const hm_time *t, const hm_time *s, const hm_time *e)
{
    if (!t->d[0])
        return 1;
    if (s->d[0] && memcmp(t->d, s->d, 14) < 0)
        return 0;
    if (e->d[0] && memcmp(t->d, e->d, 14) > 0)
        return 0;
    return 1;
}

static int pl_cal_in(const hm_calitem *c, const hm_time *s,
                     const hm_time *e)
{
    const hm_time *first, *last;
    if (!c->recur)
        return pl_in(&c->start, s, e);
    /* a series: kept when its days meet the range (dates only) */
    first = c->recur->first.d[0] ? &c->recur->first : &c->start;
    last = &c->recur->last;
    if (first->d[0] && e->d[0] && memcmp(first->d, e->d, 8) > 0)
        return 0;
    if (last->d[0] && s->d[0] && memcmp(last->d, s->d, 8) < 0)
        return 0;
    return 1;
}

static int pl_emit(void *ectx, const hm_item *it)
{
    pl_run *r = (pl_run *)ectx;
    const hm_settings *s = r->set;
    const hm_pipe_ui *ui = r->cfg->ui;
    int cls = -1, keep = 0;
    unsigned long natt = 0;
    const char *bad = 0;
    if (r->stop)
        return HM_PIPE_STOP;
    r->pg.items++;
    switch (it->kind) {
    case HM_ITEM_MESSAGE:
        if (r->in_dir) {
            bad = "message";
            break;
        }
        cls = r->acct->public ? HM_PC_PUB : HM_PC_MSG;
        natt = (unsigned long)it->u.msg.natt;
        keep = (r->acct->public || s->email)
            && pl_in(it->u.msg.sent.d[0] ? &it->u.msg.sent
                     : &it->u.msg.received, &s->email_start,
                     &s->email_end);
        break;
    case HM_ITEM_DOCUMENT:
        if (r->in_dir) {
            bad = "document";
            break;
        }
        cls = HM_PC_DOC;
        keep = s->email && pl_in(&it->u.doc.date, &s->email_start,
                                 &s->email_end);
        break;
    case HM_ITEM_PAB:
        if (r->in_dir) {
            bad = "PAB";
            break;
        }
        cls = it->u.pab.is_dl ? HM_PC_PDL : HM_PC_PAB;
        keep = s->pab;
        break;
    case HM_ITEM_CAL:
        if (r->in_dir) {
            bad = "calendar";
            break;
        }
        cls = HM_PC_CAL;
        keep = s->schedule && pl_cal_in(&it->u.cal, &s->sched_start,
                                        &s->sched_end);
        break;
    case HM_ITEM_DIROBJ:
        cls = HM_PC_DIR;
        if (!r->in_dir) {
            bad = "directory";  /* counted found, never written */
            break;
        }
        keep = !(s->remote && it->u.dir.cls == HM_DIR_MAILBOX);
        break;
    case HM_ITEM_ACCOUNT:
        bad = "account";
        break;
    default:
        bad = "unknown";
        break;
    }
    if (cls >= 0) {
        r->cur.found[cls]++;
        r->cur.found[HM_PC_ATT] += natt;
    }
    if (bad) {
        hm_msg2(r->log, HMM_PLITEM, r->shown, bad);
    } else if (!keep) {
        r->cur.skipped[cls]++;
        r->cur.skipped[HM_PC_ATT] += natt;
    } else if (r->cfg->sink->put(r->sunit, it) != 0) {
        r->stop = 1;
        return HM_PIPE_STOP;
    }
    pl_progress(r, 0);
    if (ui && ui->poll && ui->poll(ui->ctx)) {
        r->stop = 1;
        return HM_PIPE_STOP;
    }
    return HM_PIPE_OK;
}

/* ---------------------------------------------------------------- */
/* one unit: an account or the directory */

static unsigned long pl_sum(const unsigned long *v)
{
    unsigned long t = 0;
    int i;
    for (i = 0; i < HM_PC_N; i++)
        if (i != HM_PC_ATT)
            t += v[i];
    return t;
}

static void pl_acct_msg(pl_run *r, const pl_rec *e)
{
    char b[6][24];
    const char *a[7];
    unsigned long failed = pl_sum(e->c.failed);
    a[0] = r->shown;
    a[1] = hm_fmt_ulong(pl_sum(e->c.found), b[0]);
    a[2] = hm_fmt_ulong(pl_sum(e->c.written), b[1]);
    a[3] = hm_fmt_ulong(pl_sum(e->c.skipped), b[2]);
    a[4] = hm_fmt_ulong(failed, b[3]);
    a[5] = hm_fmt_ulong(e->nnames, b[4]);
    a[6] = hm_fmt_ulong(e->bytes, b[5]);
    hm_msg(r->log, failed ? HMM_PLACCTF : HMM_PLACCT, a, 7);
}

static void pl_do_unit(pl_run *r, const hm_account *acct,
                       unsigned long seq)
{
    const hm_pipe_cfg *cfg = r->cfg;
    const hm_pipe_src *src = cfg->src;
    unsigned char id[PL_IDMAX];
    unsigned long written[HM_PC_N], items0 = r->pg.items;
    hm_pipe_unit u;
    pl_unit *pu;
    pl_rec *e;
    pl_file *f;
    size_t idn = 0;
    int rc, i, ok;
    char b[24];
    memset(&r->cur, 0, sizeof r->cur);
    memset(written, 0, sizeof written);
    r->acct = acct;
    r->in_dir = acct == 0;
    if (acct) {
        idn = pl_norm(&acct->id, id);
        pl_show(&r->tab, id, idn, r->shown, 65);
    } else {
        memcpy(r->shown, "(directory)", 12);
    }
    pu = pu_new(r);
    if (!pu) {
        r->stop = 1;
        return;
    }
    memset(&u, 0, sizeof u);
    u.acct = acct;
    u.seq = seq;
    u.files = &pu->files;
    u.codepage = r->set->codepage ? r->set->codepage : HM_PC_UTF8;
    u.sec_limit = r->set->sec_limit;
    u.now = r->now;
    r->sunit = 0;
    if (cfg->sink->begin(cfg->sink->ctx, &u, &r->sunit) != 0) {
        pu_finish(pu, 0);
        pu_free(pu);
        r->stop = 1;
        return;
    }
    if (acct)
        rc = src->items(src->ctx, acct, pl_emit, r);
    else
        rc = src->directory(src->ctx, r->set->remote ? 2 : 1, pl_emit,
                            r);
    if (rc == HM_PIPE_STOP)
        r->stop = 1;
    if (r->stop)
        rc = HM_PIPE_STOP;
    ok = rc == HM_PIPE_OK;
    if (ok && cfg->sink->end(r->sunit, 1, written) != 0) {
        ok = 0;
        r->stop = 1;
    } else if (!ok) {
        cfg->sink->end(r->sunit, 0, 0);
    }
    if (pu_finish(pu, ok) != 0 && ok) {
        ok = 0;
        r->stop = 1;
    }
    e = rec_new(r, id, idn, ok ? pu->nfiles : 0ul);
    if (!e) {
        hm_msg1(r->log, HMM_NOSTOR, r->shown);
        pu_free(pu);
        r->stop = 1;
        return;
    }
    e->seq = seq;
    e->c = r->cur;
    e->failed = !ok;
    e->line = 0xFFFFFFFFul;
    for (i = 0; i < HM_PC_N; i++) {
        unsigned long w = ok ? written[i] : 0ul;
        unsigned long rest = e->c.found[i] - e->c.skipped[i];
        if (w > rest)
            w = rest;           /* the sink counted more: trust found */
        e->c.written[i] = w;
        e->c.failed[i] = rest - w;
    }
    if (ok) {
        e->bytes = pu->bytes;
        for (f = pu->head; f; f = f->next)
            if (f->state == PF_DONE) {
                memcpy(e->names + e->nnames * 13ul, f->aname, 13);
                e->nnames++;
            }
        r->lb.n = 0;
        rec_line(r, &r->lb, e);
        if (st_append(r, &r->lb) != 0)
            r->stop = 1;
        r->pg.accounts++;
        pl_acct_msg(r, e);
        if (!acct)
            r->dir_done = 1;
    } else if (!r->stop) {
        hm_msg2(r->log, HMM_PLSRCFAIL, r->shown,
                hm_fmt_ulong(r->pg.items - items0, b));
    }
    pu_free(pu);
    if (cfg->ui && cfg->ui->live)
        pl_progress(r, 1);
}

/* ---------------------------------------------------------------- */
/* the report */

static void rp_counts(pl_run *r, pl_buf *b, const hm_pipe_counts *c)
{
    int k;
    for (k = 0; k < HM_PC_N; k++) {
        lb_comma(r, b);
        lb_ulong(r, b, c->found[k]);
        lb_comma(r, b);
        lb_ulong(r, b, c->written[k]);
        lb_comma(r, b);
        lb_ulong(r, b, c->skipped[k]);
        lb_comma(r, b);
        lb_ulong(r, b, c->failed[k]);
    }
    lb_crlf(r, b);
}

static void pl_add(hm_pipe_counts *t, const hm_pipe_counts *c)
{
    int k;
    for (k = 0; k < HM_PC_N; k++) {
        t->found[k] += c->found[k];
        t->written[k] += c->written[k];
        t->skipped[k] += c->skipped[k];
        t->failed[k] += c->failed[k];
    }
}

static int rp_flush(pl_run *r, hm_write_fn fn, void *w)
{
    int rc;
    if (r->lb.nomem)
        return -1;
    rc = r->lb.n ? fn(w, r->lb.p, r->lb.n) : 0;
    r->lb.n = 0;
    return rc;
}

static void pl_report(pl_run *r, int listed_all, hm_pipe_result *res)
{
    const hm_mw_files *fs = r->cfg->files;
    hm_write_fn fn;
    void *w;
    size_t i;
    int k, rc = 0;
    unsigned long rows = 0, files = 0;
    static const char *const sub[4] = {
        " found", " written", " skipped", " failed"
    };
    hm_pipe_counts zero;
    char b[24];
    if (!r->rpt[0])
        return;
    memset(&zero, 0, sizeof zero);
    if (fs->open(fs->ctx, r->rpt, &fn, &w) != 0) {
        hm_msg1(r->log, HMM_MWOPEN, r->rpt);
        return;
    }
    r->lb.n = 0;
    lb_lit(r, &r->lb, "Seq,Account,Status,Files,Bytes");
    for (k = 0; k < HM_PC_N * 4; k++) {
        lb_comma(r, &r->lb);
        lb_lit(r, &r->lb, pl_cname[k / 4]);
        lb_lit(r, &r->lb, sub[k % 4]);
    }
    lb_crlf(r, &r->lb);
    rc = rp_flush(r, fn, w);
    for (i = 0; i < r->nrec && rc == 0; i++) {
        const pl_rec *e = r->rec[i];
        lb_ulong(r, &r->lb, e->seq);
        lb_comma(r, &r->lb);
        if (e->seq)
            lb_csv(r, &r->lb, e->id, e->idlen);
        else
            lb_lit(r, &r->lb, "(directory)");
        lb_comma(r, &r->lb);
        lb_lit(r, &r->lb, e->failed ? "failed" : "done");
        lb_comma(r, &r->lb);
        lb_ulong(r, &r->lb, e->nnames);
        lb_comma(r, &r->lb);
        lb_ulong(r, &r->lb, e->bytes);
        rp_counts(r, &r->lb, &e->c);
        rc = rp_flush(r, fn, w);
        files += e->nnames;
        if (e->seq)
            rows++;
    }
    for (i = 0; listed_all && i < r->set->nacct && rc == 0; i++) {
        const hm_set_acct *x = &r->set->acct[i];
        static const unsigned char star = A_STAR;
        if (x->seen)
            continue;
        lb_comma(r, &r->lb);
        lb_csv(r, &r->lb, x->id, x->len);
        if (x->wild)
            lb_bytes(r, &r->lb, &star, 1);
        lb_comma(r, &r->lb);
        lb_lit(r, &r->lb, "not found");
        lb_lit(r, &r->lb, ",0,0");
        rp_counts(r, &r->lb, &zero);
        rc = rp_flush(r, fn, w);
    }
    if (rc == 0) {
        lb_lit(r, &r->lb, ",(total),,");
        lb_ulong(r, &r->lb, files);
        lb_comma(r, &r->lb);
        lb_ulong(r, &r->lb, res->bytes);
        rp_counts(r, &r->lb, &res->total);
        rc = rp_flush(r, fn, w);
    }
    if (rc != 0) {
        hm_msg2(r->log, HMM_WRITE, r->rpt, "the file factory failed");
        fs->close(fs->ctx, w, 0);
        return;
    }
    if (fs->close(fs->ctx, w, 1) != 0) {
        hm_msg2(r->log, HMM_COMMIT, r->rpt, "the file factory failed");
        return;
    }
    hm_msg2(r->log, HMM_PLREPORT, r->rpt, hm_fmt_ulong(rows, b));
}

/* ---------------------------------------------------------------- */
/* the run */

static void pl_notfound(pl_run *r)
{
    const hm_settings *s = r->set;
    size_t i;
    char b[24], id[HM_SET_IDMAX + 2];
    for (i = 0; i < s->nacct; i++) {
        const hm_set_acct *x = &s->acct[i];
        const char *a[3];
        if (x->seen)
            continue;
        pl_show(&r->tab, x->id, x->len, id, sizeof id - 1);
        if (x->wild)
            memcpy(id + strlen(id), "*", 2);
        a[0] = s->accounts[0] ? s->accounts : "accounts file";
        a[1] = hm_fmt_ulong(x->line, b);
        a[2] = id;
        hm_msg(r->log, HMM_PLNOTFOUND, a, 3);
    }
}

static int pl_finish_set(pl_run *r, hm_pipe_result *res)
{
    const hm_pipe_cfg *cfg = r->cfg;
    unsigned char *names;
    unsigned long n = 0, at = 0;
    size_t i;
    hm_pipe_unit u;
    char b1[24], b2[24];
    int rc;
    for (i = 0; i < r->nrec; i++)
        n += r->rec[i]->nnames;
    names = (unsigned char *)HM_ALLOC(&r->al, n ? n * 13ul : 1ul);
    if (!names) {
        hm_msg1(r->log, HMM_NOSTOR, r->pkl);
        return -1;
    }
    for (i = 0; i < r->nrec; i++) {
        memcpy(names + at * 13ul, r->rec[i]->names,
               r->rec[i]->nnames * 13ul);
        at += r->rec[i]->nnames;
    }
    memset(&u, 0, sizeof u);
    u.files = cfg->files;
    u.codepage = r->set->codepage ? r->set->codepage : HM_PC_UTF8;
    u.sec_limit = r->set->sec_limit;
    u.now = r->now;
    rc = cfg->sink->finish(cfg->sink->ctx, &u, r->pkl, names, n);
    HM_FREE(&r->al, names);
    if (rc == 0)
        hm_msg3(r->log, HMM_PLSET, r->pkl,
                hm_fmt_ulong(res->accounts, b1), hm_fmt_ulong(n, b2));
    return rc;
}

int hm_pipe_run(const hm_pipe_cfg *cfg, hm_pipe_result *res)
{
    pl_run run, *r = &run;
    hm_pipe_result dummy;
    hm_settings *s = cfg->set;
    hm_account acct;
    unsigned long seq = 0, ord = 0;
    size_t i;
    int listed_all = 0, rc;
    char b1[24], b2[24];
    if (!res)
        res = &dummy;
    memset(res, 0, sizeof *res);
    memset(r, 0, sizeof *r);
    r->cfg = cfg;
    r->al = *cfg->al;
    r->log = cfg->log;
    r->set = s;
    hm_mf_tables(&r->tab);
    if (hm_time_check(&cfg->now) == 1)
        r->now = cfg->now;
    hm_pipe_pkl_name(s, r->pkl);
    hm_pipe_report_name(s, r->rpt);
    r->stname = cfg->status && cfg->status->name ? cfg->status->name
        : "status file";
    memcpy(r->shown, "(start)", 8);
    if (cfg->status && st_load(r) != 0) {
        r->stop = 1;
        r->rpt[0] = 0;          /* keep the last good report */
        goto out;
    }
    if (cfg->status && !r->have_hdr) {
        r->lb.n = 0;
        st_header(r, &r->lb);
        lb_crlf(r, &r->lb);
        if (st_append(r, &r->lb) != 0) {
            r->stop = 1;
            goto out;
        }
    }
    res->prev = (unsigned long)r->nprev;
    for (i = 0; i < r->nprev; i++)
        if (r->rec[i]->seq == 0)
            res->prev--;
    if (res->prev)
        hm_msg2(r->log, HMM_PLPREV, r->stname,
                hm_fmt_ulong(res->prev, b1));
    /* the directory: partition 1 only */
    if (s->part_k == 1 && (s->mailbox || s->remote)
        && cfg->src->directory && !r->dir_done)
        pl_do_unit(r, 0, 0ul);
    /* the accounts */
    while (!r->stop) {
        const hm_pipe_ui *ui = cfg->ui;
        pl_rec *done;
        if (ui && ui->poll && ui->poll(ui->ctx)) {
            r->stop = 1;
            break;
        }
        memset(&acct, 0, sizeof acct);
        rc = cfg->src->next_account(cfg->src->ctx, &acct);
        if (rc == HM_PIPE_END) {
            listed_all = 1;
            break;
        }
        if (rc != HM_PIPE_OK) {
            hm_msg1(r->log, HMM_PLSRCLIST, r->shown);
            r->stop = 1;
            break;
        }
        if (++seq > PL_MAXACCT) {
            hm_msg2(r->log, HMM_MWNAMES, "accounts", "46655");
            r->stop = 1;
            break;
        }
        if (acct.public ? !s->pub
            : !hm_set_selected(s, acct.id.s, acct.id.len))
            continue;
        if (ord++ % s->part_n != s->part_k - 1u)
            continue;
        done = rec_find(r, seq);
        if (done) {
            unsigned char id[PL_IDMAX];
            size_t idn = pl_norm(&acct.id, id);
            if (idn != done->idlen || memcmp(id, done->id, idn) != 0) {
                char shown[72], was[72];
                const char *a[3];
                pl_show(&r->tab, id, idn, shown, sizeof shown);
                pl_show(&r->tab, done->id, done->idlen, was,
                        sizeof was);
                a[0] = shown;
                a[1] = hm_fmt_ulong(seq, b1);
                a[2] = was;
                hm_msg(r->log, HMM_PLORDER, a, 3);
                r->stop = 1;
                break;
            }
            continue;
        }
        pl_do_unit(r, &acct, seq);
    }
out:
    if (listed_all)
        pl_notfound(r);
    rec_sort(r, 0, r->nrec);
    for (i = 0; i < r->nrec; i++) {
        const pl_rec *e = r->rec[i];
        pl_add(&res->total, &e->c);
        if (e->failed) {
            res->failed++;
            continue;
        }
        if (e->seq)
            res->accounts++;
        res->files += e->nnames;
        res->bytes += e->bytes;
    }
    res->stopped = r->stop;
    if (!r->stop && res->failed == 0) {
        if (pl_finish_set(r, res) == 0)
            res->complete = 1;
        else
            res->stopped = r->stop = 1;
    } else if (!r->stop) {
        hm_msg2(r->log, HMM_PLINCOMP, r->pkl,
                hm_fmt_ulong(res->failed, b1));
    }
    if (r->stop)
        hm_msg1(r->log, HMM_PLSTOP, r->shown);
    pl_report(r, listed_all, res);
    for (i = 0; i < HM_PC_N; i++) {
        char b3[24], b4[24];
        const char *a[5];
        a[0] = pl_cname[i];
        a[1] = hm_fmt_ulong(res->total.found[i], b1);
        a[2] = hm_fmt_ulong(res->total.written[i], b2);
        a[3] = hm_fmt_ulong(res->total.skipped[i], b3);
        a[4] = hm_fmt_ulong(res->total.failed[i], b4);
        hm_msg(r->log, HMM_PLTOTAL, a, 5);
    }
    for (i = 0; i < r->nrec; i++)
        rec_free(r, r->rec[i]);
    if (r->rec)
        HM_FREE(&r->al, r->rec);
    lb_free(r, &r->lb);
    return res->complete ? 0 : r->stop ? 2 : 1;
}

/* ---------------------------------------------------------------- */
/* the migration-file sink: one writer per unit */

typedef struct mk_unit {
    hm_pipe_mwsink *sk;
    hm_mw *w;
    hm_mw_files inner;          /* the unit's files, less the PKL */
    hm_mw_files outer;
    const hm_account *acct;
    int started;
    char pkl[16];               /* the writer's own packing list:
                                 * discarded (also its name in the
                                 * writer's messages) */
    int nullw;
} mk_unit;

static int mk_nullwrite(void *ctx, const unsigned char *b, size_t n)
{
    (void)ctx;
    (void)b;
    (void)n;
    return 0;
}

static int mk_open(void *ctx, const char *name, hm_write_fn *fn,
                   void **wctx)
{
    mk_unit *m = (mk_unit *)ctx;
    if (strcmp(name, m->pkl) == 0) {
        *fn = mk_nullwrite;
        *wctx = &m->nullw;
        return 0;
    }
    return m->outer.open(m->outer.ctx, name, fn, wctx);
}

static int mk_close(void *ctx, void *wctx, int ok)
{
    mk_unit *m = (mk_unit *)ctx;
    if (wctx == (void *)&m->nullw)
        return 0;
    return m->outer.close(m->outer.ctx, wctx, ok);
}

static int mk_begin(void *ctx, const hm_pipe_unit *u, void **unit)
{
    hm_pipe_mwsink *sk = (hm_pipe_mwsink *)ctx;
    mk_unit *m = (mk_unit *)HM_ALLOC(&sk->al, sizeof *m);
    hm_mw_opt o;
    hm_mf_tab tab;
    size_t i, n = 0;
    if (!m) {
        hm_msg1(sk->log, HMM_NOSTOR, "the migration-file writer");
        return -1;
    }
    memset(m, 0, sizeof *m);
    m->sk = sk;
    m->outer = *u->files;
    m->inner.open = mk_open;
    m->inner.close = mk_close;
    m->inner.ctx = m;
    m->acct = u->acct;
    /* the writer's packing-list name: the account's letters and
     * digits; it has no dot, so it never equals a data file name */
    hm_mf_tables(&tab);
    if (u->acct) {
        for (i = 0; i < u->acct->id.len && n < 8; i++) {
            unsigned char c = u->acct->id.s[i];
            if ((c >= A_0 && c <= A_9) || (c >= A_UP_A && c <= A_UP_Z)
                || (c >= A_LO_A && c <= A_LO_Z))
                m->pkl[n++] = (char)tab.to_exe[c];
        }
    }
    if (n == 0)
        memcpy(m->pkl, u->acct ? "ACCOUNT" : "DIRECTORY",
               u->acct ? 8 : 10);
    else
        m->pkl[n] = 0;
    o = sk->base;
    o.codepage = u->codepage;
    o.sec_limit = u->sec_limit;
    o.now = u->now;
    o.pkl_name = m->pkl;
    o.first_acct = u->seq;
    m->w = hm_mw_open(&sk->al, &m->inner, &o, sk->log);
    if (!m->w) {
        HM_FREE(&sk->al, m);
        return -1;
    }
    *unit = m;
    return 0;
}

static int mk_put(void *unit, const hm_item *it)
{
    mk_unit *m = (mk_unit *)unit;
    if (m->acct && !m->started) {
        /* the account starts with its first item that is written,
         * so an account without one leaves no file */
        hm_item a;
        memset(&a, 0, sizeof a);
        a.kind = HM_ITEM_ACCOUNT;
        a.u.account = *m->acct;
        if (hm_mw_put(m->w, &a) != 0)
            return -1;
        m->started = 1;
    }
    return hm_mw_put(m->w, it);
}

static int mk_end(void *unit, int ok, unsigned long *written)
{
    mk_unit *m = (mk_unit *)unit;
    hm_pipe_mwsink *sk = m->sk;
    hm_mw_stats st;
    int rc = 0;
    if (ok) {
        int q = sk->log ? sk->log->quiet_info : 0;
        if (sk->log)
            sk->log->quiet_info = 1;    /* not the writer's HMG0305I */
        rc = hm_mw_close(m->w, &st);
        if (sk->log)
            sk->log->quiet_info = q;
        if (rc == 0 && written) {
            int pub = m->acct && m->acct->public;
            memset(written, 0, HM_PC_N * sizeof *written);
            written[pub ? HM_PC_PUB : HM_PC_MSG] = st.messages;
            written[HM_PC_ATT] = st.attachments;
            written[HM_PC_DOC] = st.documents;
            written[HM_PC_PAB] = st.pab_entries;
            written[HM_PC_PDL] = st.pab_dls;
            written[HM_PC_CAL] = st.cal_items;
            written[HM_PC_DIR] = st.dirobjs;
        }
    } else {
        hm_mw_abort(m->w);
    }
    HM_FREE(&sk->al, m);
    return rc;
}

static int mk_finish(void *ctx, const hm_pipe_unit *u, const char *name,
                     const unsigned char *names, unsigned long n)
{
    hm_pipe_mwsink *sk = (hm_pipe_mwsink *)ctx;
    return hm_pipe_write_pkl(u->files, name, u->codepage, names, n,
                             sk->log);
}

void hm_pipe_mwsink_init(hm_pipe_sink *sink, hm_pipe_mwsink *mw,
                         const hm_alloc *a, const hm_mw_opt *base,
                         hm_log *log)
{
    memset(mw, 0, sizeof *mw);
    mw->al = *a;
    mw->log = log;
    if (base)
        mw->base = *base;
    sink->begin = mk_begin;
    sink->put = mk_put;
    sink->end = mk_end;
    sink->finish = mk_finish;
    sink->ctx = mw;
}

/* ---------------------------------------------------------------- */
/* combining partial sets */

typedef struct cb_ent {
    unsigned char nm[13];       /* length, ASCII name */
    size_t part;
    size_t ord;                 /* order of reading */
} cb_ent;

typedef struct cb_run {
    hm_alloc al;
    hm_log *log;
    hm_mf_tab tab;
    cb_ent *e;
    size_t n, cap;
    size_t *ix;
} cb_run;

static int cb_add(cb_run *c, const unsigned char *nm, size_t len,
                  size_t part)
{
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 256;
        cb_ent *p = (cb_ent *)HM_ALLOC(&c->al, nc * sizeof *p);
        if (!p)
            return -1;
        if (c->e) {
            memcpy(p, c->e, c->n * sizeof *p);
            HM_FREE(&c->al, c->e);
        }
        c->e = p;
        c->cap = nc;
    }
    c->e[c->n].nm[0] = (unsigned char)len;
    memcpy(c->e[c->n].nm + 1, nm, len);
    c->e[c->n].part = part;
    c->e[c->n].ord = c->n;
    c->n++;
    return 0;
}

static int cb_bad(cb_run *c, const char *label, unsigned long line,
                  const char *why)
{
    char b[24];
    hm_msg3(c->log, HMM_MCBPKL, label, hm_fmt_ulong(line, b), why);
    return -1;
}

static int cb_isname(const unsigned char *p, size_t n)
{
    size_t i;
    if (n == 0 || n > 12)
        return 0;
    for (i = 0; i < n; i++)
        if (p[i] <= 0x20 || p[i] >= 0x7F || p[i] == A_QUOTE
            || p[i] == A_COMMA)
            return 0;
    return 1;
}

/* read and parse one part's packing list; *cp gets its code page */
static int cb_read(cb_run *c, const hm_pipe_part *pt, size_t part,
                   unsigned long *cp)
{
    hm_read_fn fn;
    void *rc_;
    unsigned long size, line = 0, v;
    unsigned char *buf;
    size_t got = 0, i, start = 0;
    int state = 0, rc = 0;
    long k;
    const char *lab = pt->label ? pt->label : pt->pkl;
    if (pt->set->open(pt->set->ctx, pt->pkl, &fn, &rc_, &size) != 0) {
        hm_msg2(c->log, HMM_OPEN, lab, "not present");
        return -1;
    }
    if (size > PL_PKLMAX) {
        pt->set->close(pt->set->ctx, rc_);
        return cb_bad(c, lab, 0, "too large");
    }
    buf = (unsigned char *)HM_ALLOC(&c->al, (size_t)size + 1);
    if (!buf) {
        pt->set->close(pt->set->ctx, rc_);
        hm_msg1(c->log, HMM_NOSTOR, lab);
        return -1;
    }
    while (got < size
           && (k = fn(rc_, buf + got, (size_t)size - got)) > 0)
        got += (size_t)k;
    pt->set->close(pt->set->ctx, rc_);
    for (i = 0; i <= got && rc == 0; i++) {
        const unsigned char *p;
        size_t n, j;
        if (i < got && buf[i] != A_LF)
            continue;
        p = buf + start;
        n = i - start;
        start = i + 1;
        if (i == got && n == 0)
            break;
        line++;
        if (n && p[n - 1] == A_CR)
            n--;
        switch (state) {
        case 0:                 /* comments, then the code page */
            if (n && p[0] == A_BANG)
                break;
            for (j = 0, v = 0; j < n && j < 6 && p[j] >= A_0
                 && p[j] <= A_9; j++)
                v = v * 10ul + (unsigned long)(p[j] - A_0);
            if (n == 0 || j != n)
                rc = cb_bad(c, lab, line, "no code page");
            *cp = v;
            state = 1;
            break;
        case 1:
            if (n != 0)
                rc = cb_bad(c, lab, line, "no blank line");
            state = 2;
            break;
        case 2:
            if (!hm_mf_eq(&c->tab, p, n, "Filename,Filetype"))
                rc = cb_bad(c, lab, line, "no Filename,Filetype");
            state = 3;
            break;
        default:
            if (n == 0)
                break;
            for (j = 0; j < n && p[j] != A_COMMA; j++)
                ;
            if (!cb_isname(p, j) || j == n
                || (!hm_mf_eq(&c->tab, p + j + 1, n - j - 1, "Primary")
                    && !hm_mf_eq(&c->tab, p + j + 1, n - j - 1,
                                 "Secondary"))) {
                rc = cb_bad(c, lab, line, "not NAME,Primary|Secondary");
                break;
            }
            if (cb_add(c, p, j, part) != 0) {
                hm_msg1(c->log, HMM_NOSTOR, lab);
                rc = -1;
            }
            break;
        }
    }
    if (rc == 0 && state < 3)
        rc = cb_bad(c, lab, line, "incomplete");
    HM_FREE(&c->al, buf);
    return rc;
}

/* hostmig's names cccNNNpp.PRI/SEC: their order key */
static int cb_pat(const unsigned char *e)
{
    size_t i;
    if (e[0] != 12 || e[9] != A_DOT)
        return 0;
    for (i = 1; i <= 8; i++) {
        unsigned char ch = pl_fold(e[i]);
        if (!((ch >= A_0 && ch <= A_9) || (ch >= A_UP_A && ch <= A_UP_Z)))
            return 0;
    }
    return 1;
}

static int cb_cmp_order(const cb_ent *a, const cb_ent *b)
{
    int pa = cb_pat(a->nm), pb = cb_pat(b->nm), c;
    if (pa != pb)
        return pa ? -1 : 1;
    if (pa) {
        int ra = pl_is_pri(a->nm) ? 0 : 1, rb = pl_is_pri(b->nm) ? 0 : 1;
        c = memcmp(a->nm + 4, b->nm + 4, 3);        /* NNN */
        if (c)
            return c;
        if (ra != rb)
            return ra - rb;
        c = memcmp(a->nm + 7, b->nm + 7, 2);        /* pp */
        if (c)
            return c;
    }
    return a->ord < b->ord ? -1 : a->ord > b->ord;
}

static int cb_cmp_name(const cb_ent *a, const cb_ent *b)
{
    size_t i, n = a->nm[0] < b->nm[0] ? a->nm[0] : b->nm[0];
    for (i = 1; i <= n; i++) {
        unsigned char x = pl_fold(a->nm[i]), y = pl_fold(b->nm[i]);
        if (x != y)
            return x < y ? -1 : 1;
    }
    if (a->nm[0] != b->nm[0])
        return a->nm[0] < b->nm[0] ? -1 : 1;
    return a->ord < b->ord ? -1 : a->ord > b->ord;
}

static void cb_sort(cb_run *c, int (*cmp)(const cb_ent *, const cb_ent *))
{
    size_t i, j, gap;
    for (gap = 1; gap < c->n / 3; gap = gap * 3 + 1)
        ;
    for (; gap > 0; gap /= 3)
        for (i = gap; i < c->n; i++) {
            size_t v = c->ix[i];
            for (j = i; j >= gap && cmp(&c->e[c->ix[j - gap]], &c->e[v])
                 > 0; j -= gap)
                c->ix[j] = c->ix[j - gap];
            c->ix[j] = v;
        }
}

static int cb_copy(cb_run *c, const hm_pipe_part *pt, const cb_ent *e,
                   const hm_mw_files *out)
{
    char name[13];
    hm_read_fn rf;
    hm_write_fn wf;
    void *rx, *wx;
    unsigned long size;
    unsigned char buf[PL_RBUF];
    long k;
    int rc = 0;
    pl_name_exe(&c->tab, e->nm, name);
    if (pt->set->open(pt->set->ctx, name, &rf, &rx, &size) != 0) {
        hm_msg2(c->log, HMM_MCBCOPY, name,
                pt->label ? pt->label : pt->pkl);
        return -1;
    }
    if (out->open(out->ctx, name, &wf, &wx) != 0) {
        pt->set->close(pt->set->ctx, rx);
        hm_msg1(c->log, HMM_MWOPEN, name);
        return -1;
    }
    while ((k = rf(rx, buf, sizeof buf)) > 0)
        if (wf(wx, buf, (size_t)k) != 0) {
            rc = -1;
            break;
        }
    if (k < 0)
        rc = -1;
    pt->set->close(pt->set->ctx, rx);
    if (rc != 0) {
        hm_msg2(c->log, HMM_MCBCOPY, name,
                pt->label ? pt->label : pt->pkl);
        out->close(out->ctx, wx, 0);
        return -1;
    }
    if (out->close(out->ctx, wx, 1) != 0) {
        hm_msg2(c->log, HMM_COMMIT, name, "the file factory failed");
        return -1;
    }
    return 0;
}

int hm_pipe_combine(const hm_alloc *a, const hm_pipe_part *parts,
                    size_t n, const hm_mw_files *out, const char *pkl,
                    hm_log *log)
{
    cb_run c;
    unsigned long cp0 = 0, cp;
    unsigned char *names = 0;
    size_t i;
    int rc = 0;
    char b1[24], b2[24];
    memset(&c, 0, sizeof c);
    c.al = *a;
    c.log = log;
    hm_mf_tables(&c.tab);
    for (i = 0; i < n && rc == 0; i++) {
        cp = 0;
        rc = cb_read(&c, &parts[i], i, &cp);
        if (rc == 0 && i == 0)
            cp0 = cp;
        if (rc == 0 && cp != cp0) {
            const char *x[4];
            x[0] = parts[0].label ? parts[0].label : parts[0].pkl;
            x[1] = hm_fmt_ulong(cp0, b1);
            x[2] = parts[i].label ? parts[i].label : parts[i].pkl;
            x[3] = hm_fmt_ulong(cp, b2);
            hm_msg(log, HMM_MCBCP, x, 4);
            rc = -1;
        }
    }
    if (rc == 0 && c.n) {
        c.ix = (size_t *)HM_ALLOC(&c.al, c.n * sizeof *c.ix);
        names = (unsigned char *)HM_ALLOC(&c.al, c.n * 13u);
        if (!c.ix || !names) {
            hm_msg1(log, HMM_NOSTOR, pkl);
            rc = -1;
        }
    }
    if (rc == 0 && c.n) {
        for (i = 0; i < c.n; i++)
            c.ix[i] = i;
        cb_sort(&c, cb_cmp_name);
        for (i = 1; i < c.n; i++) {
            const cb_ent *x = &c.e[c.ix[i - 1]], *y = &c.e[c.ix[i]];
            if (x->nm[0] == y->nm[0]) {
                size_t j;
                for (j = 1; j <= x->nm[0]; j++)
                    if (pl_fold(x->nm[j]) != pl_fold(y->nm[j]))
                        break;
                if (j > x->nm[0]) {
                    char nm[13];
                    const hm_pipe_part *px = &parts[x->part];
                    const hm_pipe_part *py = &parts[y->part];
                    pl_name_exe(&c.tab, y->nm, nm);
                    hm_msg3(log, HMM_MCBDUP, nm,
                            px->label ? px->label : px->pkl,
                            py->label ? py->label : py->pkl);
                    rc = -1;
                }
            }
        }
    }
    if (rc == 0 && c.n) {
        cb_sort(&c, cb_cmp_order);
        for (i = 0; i < c.n && rc == 0; i++) {
            const cb_ent *e = &c.e[c.ix[i]];
            memcpy(names + i * 13u, e->nm, 13);
            if (parts[e->part].copy)
                rc = cb_copy(&c, &parts[e->part], e, out);
        }
    }
    if (rc == 0)
        rc = hm_pipe_write_pkl(out, pkl, (unsigned)cp0, names,
                               (unsigned long)c.n, log);
    if (rc == 0)
        hm_msg3(log, HMM_MCBDONE, pkl, hm_fmt_ulong(c.n, b1),
                hm_fmt_ulong((unsigned long)n, b2));
    if (names)
        HM_FREE(&c.al, names);
    if (c.ix)
        HM_FREE(&c.al, c.ix);
    if (c.e)
        HM_FREE(&c.al, c.e);
    return rc;
}
