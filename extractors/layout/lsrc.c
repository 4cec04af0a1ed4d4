/*
 * lsrc.c - the layout-driven source (see hm_lsrc.h): records of
 * unloaded data sets, decoded with a copybook, typed and mapped by a
 * store profile, assembled into the items of the item model.
 *
 * Passes over the data sets (each one record at a time):
 *   prescan    every data set once: the accounts and their order
 *              (user list first, then the data), bulletin boards;
 *   directory  every data set once: directory entries, lists of no
 *              account, then the accounts as mailboxes;
 *   accounts   one forward pass shared by all accounts: the items
 *              of account A are the run of A's records in each data
 *              set (records of accounts before A are passed over; a
 *              record of an account after A ends the run);
 *   public     every data set once: the bulletin boards.
 * A data set is reopened from its start when a pass needs it so.
 *
 * All text handed on is UTF-8 (the store's code page converted by
 * the decoder); bytes of the item model are built with numeric
 * constants only.
 */
#include <string.h>
#include "hm_lsrc.h"

/* ASCII / UTF-8 bytes */
#define A_LF 0x0A
#define A_SP 0x20
#define A_LPAR 0x28
#define A_RPAR 0x29
#define A_MINUS 0x2D
#define A_DOT 0x2E
#define A_0 0x30
#define A_COLON 0x3A
#define A_SEMI 0x3B

#define LS_ITEM_MAX 67108864ul  /* 64 MiB */
#define LS_FOLDDEPTH 16
#define LS_SHOWMAX 20           /* messages of one kind per data set */
#define LS_KEYMAX 256           /* bytes of an id shown or kept */

/* owners of a record besides an account's table index (>= 0) */
#define OWN_NONE (-1L)          /* a head of no account */
#define OWN_PUBLIC (-2L)        /* bulletin boards */
#define OWN_DIR (-3L)           /* directory entries, shared lists */
#define OWN_BAD (-4L)           /* its account could not be decoded */
#define OWN_SKIP (-5L)          /* skip records, records of no type */

/* role codes (the role table's names) */
enum {
    RC_ID, RC_NAME, RC_ADDRESS, RC_NODE, RC_ACCOUNT, RC_PARENT,
    RC_FOLDER, RC_FROM, RC_TO, RC_CC, RC_BCC, RC_SUBJECT, RC_DATE,
    RC_TIME, RC_STAMP, RC_MSGID, RC_STATUS, RC_PRIORITY, RC_SIZE,
    RC_MSG, RC_SEQ, RC_LINE, RC_DATA, RC_LENGTH, RC_NICK, RC_USERID,
    RC_PHONE, RC_ORG, RC_NOTE, RC_DESC, RC_MEMBER, RC_DL, RC_LOCATION,
    RC_ENDDATE, RC_ENDTIME, RC_ENDSTAMP, RC_ORGANIZER, RC_ATTENDEE,
    RC_TEXT, RC_BOARD, RC_DEPT, RC_TITLE, RC_N
};

static const char *const rc_names[RC_N] = {
    "id", "name", "address", "node", "account", "parent", "folder",
    "from", "to", "cc", "bcc", "subject", "date", "time", "stamp",
    "msgid", "status", "priority", "size", "msg", "seq", "line", "data",
    "length", "nick", "userid", "phone", "org", "note", "desc",
    "member", "dl", "location", "enddate", "endtime", "endstamp",
    "organizer", "attendee", "text", "board", "dept", "title"
};

/* date slots */
#define DT_DATE 0
#define DT_TIME 1
#define DT_STAMP 2
#define DT_EDATE 3
#define DT_ETIME 4
#define DT_ESTAMP 5
#define DT_N 6

/* number slots */
#define NU_SEQ 0
#define NU_LENGTH 1
#define NU_N 2

typedef struct ls_buf {
    unsigned char *p;
    size_t n, cap;
} ls_buf;

typedef struct ls_ent {
    int role;                   /* RC_* */
    size_t off, len;            /* in the values' buffer */
} ls_ent;

/* the values of one record */
typedef struct ls_vals {
    ls_ent *ent;
    size_t nent, cap;
    ls_buf sb;
    hm_dt dt[DT_N];
    int has[DT_N];
    long num[NU_N];
    int hasnum[NU_N];
} ls_vals;

typedef struct ls_att {
    size_t noff, nlen;          /* name, in the item's values */
    size_t doff, dlen;          /* bytes, in the item's att buffer */
    long seq;
    int hasseq;
} ls_att;

/* the item being assembled: a head and what followed it */
typedef struct ls_item {
    int active;
    int kind;                   /* HM_IT_* */
    int bad, big;
    long owner;
    unsigned long recno;
    char dsname[LS_KEYMAX];
    ls_vals v;
    ls_buf body;
    ls_buf att;
    ls_att *a;
    size_t na, capa;
} ls_item;

typedef struct ls_acct {
    unsigned char *id;
    size_t idlen;
    unsigned char *name;
    size_t namelen;
    unsigned char *addr;
    size_t addrlen;
    long pos;                   /* in the account order, -1: none */
    int listed;                 /* an account (not only warned of) */
    int dirdone;
} ls_acct;

typedef struct ls_fold {
    size_t ioff, ilen, noff, nlen, poff, plen;
} ls_fold;

typedef struct ls_ds {
    int idx;                    /* io index */
    const char *name;
    void *rctx;
    hm_lsrec *rs;
    hm_lrec lr;
    int lr_open;
    int open, eof, broken;
    int have;
    const unsigned char *d;
    size_t n;
    unsigned long recno;
    int type;
    long owner;
    long last;                  /* highest account position passed */
    long cur_acct;
    long head_owner;
    int head_kind;
    unsigned long seen;         /* records counted (a data set read
                                 * again from its start counts and
                                 * reports each record once) */
    int fresh;                  /* the pending record is counted */
    unsigned long shown[4];     /* messages issued: untyped, order,
                                 * orphan, no account */
} ls_ds;

struct hm_lsrc {
    hm_ls_cfg cfg;
    hm_alloc al;
    hm_log *log;
    const hm_profile *p;
    const hm_copybook *cb;
    hm_cpconv cv;
    int *rcode;                 /* role table index -> RC_* */
    int nroles;
    ls_ds *ds;                  /* ndata (+1 users) */
    int nds;
    /* accounts */
    ls_acct *acc;
    long nacc, capacc;
    long *hash;                 /* account indexes, -1 free */
    unsigned long hcap;
    long *order;                /* account indexes by position */
    long norder;
    size_t caporder;
    long next;                  /* next_account cursor */
    int prescanned, public_done, have_public, failed, summed;
    unsigned long nbboard;
    /* per account */
    ls_fold *fold;
    size_t nfold, capfold;
    ls_buf fsb;
    long cur_pos;
    /* assembly */
    ls_vals rec;                /* scratch: the record being decoded */
    ls_item it;
    ls_buf scratch;             /* decoded text */
    hm_addr *addrs;
    size_t capaddrs;
    hm_text *texts;
    size_t captexts;
    hm_attach *atts;
    size_t capatts;
    hm_ls_stats st;
    /* the emit callback of the pass */
    hm_pipe_emit emit;
    void *ectx;
    int stop;
    const hm_account *acct;     /* the account being read */
    int dirmode;
};

/* ---------------------------------------------------------------- */
/* buffers */

static int buf_room(hm_lsrc *ls, ls_buf *b, size_t more)
{
    size_t nc;
    unsigned char *np;
    if (b->n + more <= b->cap)
        return 0;
    nc = b->cap ? b->cap : 256;
    while (nc < b->n + more) {
        if (nc > ((size_t)-1) / 2) {
            ls->failed = 1;
            return -1;
        }
        nc *= 2;
    }
    np = (unsigned char *)HM_ALLOC(&ls->al, nc);
    if (!np) {
        hm_msg1(ls->log, HMM_NOSTOR, "layout source");
        ls->failed = 1;
        return -1;
    }
    if (b->n)
        memcpy(np, b->p, b->n);
    HM_FREE(&ls->al, b->p);
    b->p = np;
    b->cap = nc;
    return 0;
}

static int buf_add(hm_lsrc *ls, ls_buf *b, const unsigned char *s,
                   size_t n)
{
    if (buf_room(ls, b, n + 1) != 0)
        return -1;
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

static void buf_free(hm_lsrc *ls, ls_buf *b)
{
    HM_FREE(&ls->al, b->p);
    b->p = 0;
    b->n = b->cap = 0;
}

/* grow an array of el-byte elements to hold n + 1 */
static int grow(hm_lsrc *ls, void **arr, size_t *cap, size_t n,
                size_t el)
{
    size_t nc;
    void *np;
    if (n < *cap)
        return 0;
    nc = *cap ? *cap * 2 : 16;
    np = HM_ALLOC(&ls->al, nc * el);
    if (!np) {
        hm_msg1(ls->log, HMM_NOSTOR, "layout source");
        ls->failed = 1;
        return -1;
    }
    if (*arr && n)
        memcpy(np, *arr, n * el);
    HM_FREE(&ls->al, *arr);
    *arr = np;
    *cap = nc;
    return 0;
}

static void vals_clear(ls_vals *v)
{
    v->nent = 0;
    v->sb.n = 0;
    memset(v->has, 0, sizeof v->has);
    memset(v->hasnum, 0, sizeof v->hasnum);
}

static void vals_free(hm_lsrc *ls, ls_vals *v)
{
    HM_FREE(&ls->al, v->ent);
    v->ent = 0;
    v->nent = v->cap = 0;
    buf_free(ls, &v->sb);
}

static int vals_add(hm_lsrc *ls, ls_vals *v, int role,
                    const unsigned char *s, size_t n)
{
    if (grow(ls, (void **)&v->ent, &v->cap, v->nent, sizeof(ls_ent)))
        return -1;
    v->ent[v->nent].role = role;
    v->ent[v->nent].off = v->sb.n;
    v->ent[v->nent].len = n;
    if (buf_add(ls, &v->sb, s, n) != 0)
        return -1;
    v->nent++;
    return 0;
}

/* the first value of a role, or NULL */
static const ls_ent *vals_get(const ls_vals *v, int role)
{
    size_t i;
    for (i = 0; i < v->nent; i++)
        if (v->ent[i].role == role)
            return &v->ent[i];
    return 0;
}

static hm_text vals_text(const ls_vals *v, int role)
{
    hm_text t;
    const ls_ent *e = vals_get(v, role);
    t.s = e ? v->sb.p + e->off : (const unsigned char *)"";
    t.len = e ? e->len : 0;
    if (!e)
        t.s = 0;
    return t;
}

static size_t vals_count(const ls_vals *v, int role)
{
    size_t i, k = 0;
    for (i = 0; i < v->nent; i++)
        if (v->ent[i].role == role)
            k++;
    return k;
}

/* ---------------------------------------------------------------- */
/* small helpers on UTF-8 bytes */

static int has_colon(const unsigned char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (s[i] == A_COLON)
            return 1;
    return 0;
}

static unsigned char up(unsigned char c)
{
    return (c >= 0x61 && c <= 0x7A) ? (unsigned char)(c - 0x20) : c;
}

/* equal without regard to ASCII case */
static int eq_nc(const unsigned char *a, size_t an, const unsigned char *b,
                 size_t bn)
{
    size_t i;
    if (an != bn)
        return 0;
    for (i = 0; i < an; i++)
        if (up(a[i]) != up(b[i]))
            return 0;
    return 1;
}

/* copy a string into buf (cap bytes, terminated) */
static void scopy(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
}

static const char *schr(const char *s, char c)
{
    for (; *s; s++)
        if (*s == c)
            return s;
    return 0;
}

/* execution-charset text to ASCII (letters, digits, a few marks) */
static size_t exec_ascii(const char *s, unsigned char *out, size_t cap)
{
    static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                             "abcdefghijklmnopqrstuvwxyz0123456789";
    static const char marks[] = " -_.@/";
    static const unsigned char mark_a[] = {
        0x20, 0x2D, 0x5F, 0x2E, 0x40, 0x2F
    };
    size_t k = 0;
    for (; *s && k < cap; s++) {
        const char *q = schr(al, *s);
        const char *m = schr(marks, *s);
        if (q) {
            size_t i = (size_t)(q - al);
            out[k++] = (unsigned char)(i < 26 ? 0x41 + i
                                       : i < 52 ? 0x61 + (i - 26)
                                       : 0x30 + (i - 52));
        } else if (m) {
            out[k++] = mark_a[m - marks];
        } else {
            out[k++] = 0x3F;
        }
    }
    return k;
}

/* an id for messages, in the execution charset */
static char *shown(const unsigned char *s, size_t n, char *buf,
                   size_t cap)
{
    return hm_asc_exec(s, n, buf, cap);
}

/* ---------------------------------------------------------------- */
/* accounts */

static unsigned long hash_of(const unsigned char *s, size_t n)
{
    unsigned long h = 2166136261ul;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= s[i];
        h = (h * 16777619ul) & 0xFFFFFFFFul;
    }
    return h;
}

static long acct_find(const hm_lsrc *ls, const unsigned char *id,
                      size_t n)
{
    unsigned long h;
    if (!ls->hcap)
        return -1;
    h = hash_of(id, n) & (ls->hcap - 1);
    while (ls->hash[h] >= 0) {
        const ls_acct *a = &ls->acc[ls->hash[h]];
        if (a->idlen == n && memcmp(a->id, id, n) == 0)
            return ls->hash[h];
        h = (h + 1) & (ls->hcap - 1);
    }
    return -1;
}

static int rehash(hm_lsrc *ls)
{
    unsigned long nc = ls->hcap ? ls->hcap * 2 : 256, i, h;
    long *nh = (long *)HM_ALLOC(&ls->al, nc * sizeof(long));
    long k;
    if (!nh) {
        hm_msg1(ls->log, HMM_NOSTOR, "account table");
        ls->failed = 1;
        return -1;
    }
    for (i = 0; i < nc; i++)
        nh[i] = -1;
    for (k = 0; k < ls->nacc; k++) {
        h = hash_of(ls->acc[k].id, ls->acc[k].idlen) & (nc - 1);
        while (nh[h] >= 0)
            h = (h + 1) & (nc - 1);
        nh[h] = k;
    }
    HM_FREE(&ls->al, ls->hash);
    ls->hash = nh;
    ls->hcap = nc;
    return 0;
}

static unsigned char *dup_bytes(hm_lsrc *ls, const unsigned char *s,
                                size_t n)
{
    unsigned char *p = (unsigned char *)HM_ALLOC(&ls->al, n + 1);
    if (!p) {
        hm_msg1(ls->log, HMM_NOSTOR, "account table");
        ls->failed = 1;
        return 0;
    }
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* add an account (id not yet in the table); returns its index */
static long acct_add(hm_lsrc *ls, const unsigned char *id, size_t n,
                     int listed)
{
    ls_acct *a;
    unsigned long h;
    size_t cap = (size_t)ls->capacc;
    if ((unsigned long)(ls->nacc + 1) * 2 > ls->hcap && rehash(ls))
        return -1;
    if (grow(ls, (void **)&ls->acc, &cap, (size_t)ls->nacc,
             sizeof(ls_acct)))
        return -1;
    ls->capacc = (long)cap;
    a = &ls->acc[ls->nacc];
    memset(a, 0, sizeof *a);
    a->id = dup_bytes(ls, id, n);
    if (!a->id)
        return -1;
    a->idlen = n;
    a->pos = -1;
    a->listed = listed;
    h = hash_of(id, n) & (ls->hcap - 1);
    while (ls->hash[h] >= 0)
        h = (h + 1) & (ls->hcap - 1);
    ls->hash[h] = ls->nacc;
    return ls->nacc++;
}

/* place an account in the order (first appearance) */
static void acct_place(hm_lsrc *ls, long k)
{
    if (k < 0 || !ls->acc[k].listed || ls->acc[k].pos >= 0)
        return;
    if (grow(ls, (void **)&ls->order, &ls->caporder, (size_t)ls->norder,
             sizeof(long)))
        return;
    ls->order[ls->norder] = k;
    ls->acc[k].pos = ls->norder++;
}

/* TYPE:addr, TYPE:NODE(USER) or TYPE:USER into b (appended) */
static int build_addr(hm_lsrc *ls, ls_buf *b, hm_text addr,
                      hm_text user, hm_text node)
{
    unsigned char ty[16];
    size_t tl = ls->cfg.addrtype ? exec_ascii(ls->cfg.addrtype, ty,
                                              sizeof ty) : 0;
    unsigned char c;
    if (addr.len && has_colon(addr.s, addr.len))
        return buf_add(ls, b, addr.s, addr.len);
    if (!addr.len && !user.len)
        return 0;
    if (tl) {
        c = A_COLON;
        if (buf_add(ls, b, ty, tl) || buf_add(ls, b, &c, 1))
            return -1;
    }
    if (addr.len)
        return buf_add(ls, b, addr.s, addr.len);
    if (node.len) {
        c = A_LPAR;
        if (buf_add(ls, b, node.s, node.len) || buf_add(ls, b, &c, 1))
            return -1;
    }
    if (buf_add(ls, b, user.s, user.len))
        return -1;
    if (node.len) {
        c = A_RPAR;
        return buf_add(ls, b, &c, 1);
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* decoding the values of a record */

/* a number as ASCII digits */
static size_t num_ascii(const hm_num *v, unsigned char *b)
{
    size_t k = 0;
    int i, tot;
    if (v->neg)
        b[k++] = A_MINUS;
    tot = v->ndig > v->scale ? v->ndig : v->scale + 1;
    for (i = 0; i < tot; i++) {
        int idx = i - (tot - v->ndig);
        if (i == tot - v->scale && v->scale > 0)
            b[k++] = A_DOT;
        b[k++] = (unsigned char)(A_0 + (idx >= 0 ? v->dig[idx] : 0));
    }
    return k;
}

/* one occurrence of a field as UTF-8 text (numbers as digits) into
 * ls->scratch; HM_LAY_OK, HM_LAY_EMPTY or HM_LAY_ERR */
static int field_text(hm_lsrc *ls, hm_lrec *r, int f,
                      const unsigned long *subs, int ns, size_t *len)
{
    const hm_cbfield *fd = &ls->cb->f[f];
    unsigned long off, size;
    int rc;
    *len = 0;
    if (fd->kind == HM_CB_ZONED || fd->kind == HM_CB_PACKED
        || fd->kind == HM_CB_BINARY) {
        hm_num v;
        if (buf_room(ls, &ls->scratch, HM_NUM_MAXDIG + 4))
            return HM_LAY_ERR;
        rc = hm_lay_num(r, f, subs, ns, &v);
        if (rc == HM_LAY_ERR)
            return rc;
        if (rc == HM_LAY_EMPTY)
            return HM_LAY_EMPTY;
        *len = num_ascii(&v, ls->scratch.p);
        return HM_LAY_OK;
    }
    if (hm_lay_locate(r, f, subs, ns, &off, &size) != HM_LAY_OK)
        return HM_LAY_ERR;      /* the decoder said why */
    if (buf_room(ls, &ls->scratch, (size_t)size * 3 + 1))
        return HM_LAY_ERR;
    rc = hm_lay_text(r, f, subs, ns, ls->scratch.p, ls->scratch.cap,
                     len);
    return rc == HM_LAY_ERR ? rc : HM_LAY_OK;
}

/* the subscripts of every occurrence of mapping m, one call each;
 * fn returns non-zero to stop. Returns 0, or -1 after a decoding
 * error (reported by the decoder unless quiet). */
typedef int (*occ_fn)(hm_lsrc *ls, hm_lrec *r, const hm_pmap *m,
                      const unsigned long *subs, int ns, void *ctx);

static int each_occ(hm_lsrc *ls, hm_lrec *r, const hm_pmap *m,
                    occ_fn fn, void *ctx)
{
    int dims[HM_CB_MAXDIM];
    long cnt[HM_CB_MAXDIM];
    unsigned long subs[HM_CB_MAXDIM];
    int nd = hm_cb_dims(ls->cb, m->field, dims), k, rc;
    for (k = 0; k < nd; k++) {
        if (k < m->nsubs) {
            subs[k] = m->subs[k];
            cnt[k] = (long)m->subs[k];
            continue;
        }
        cnt[k] = hm_lay_count(r, dims[k]);
        if (cnt[k] < 0)
            return -1;
        if (cnt[k] == 0)
            return 0;
        subs[k] = 1;
    }
    for (;;) {
        rc = fn(ls, r, m, subs, nd, ctx);
        if (rc < 0)
            return -1;
        if (rc > 0)
            return 0;
        /* the next occurrence: the innermost free level first */
        for (k = nd - 1; k >= m->nsubs; k--) {
            if ((long)subs[k] < cnt[k]) {
                subs[k]++;
                break;
            }
            subs[k] = 1;
        }
        if (k < m->nsubs)
            return 0;
    }
}

static int occ_text(hm_lsrc *ls, hm_lrec *r, const hm_pmap *m,
                    const unsigned long *subs, int ns, void *ctx)
{
    ls_vals *v = (ls_vals *)ctx;
    int code = ls->rcode[m->role];
    size_t len;
    int rc = field_text(ls, r, m->field, subs, ns, &len);
    if (rc == HM_LAY_ERR)
        return -1;
    /* empty values count only for text lines */
    if (len == 0 && code != RC_LINE && code != RC_TEXT)
        return 0;
    return vals_add(ls, v, code, ls->scratch.p, len) ? -1 : 0;
}

static int occ_bytes(hm_lsrc *ls, hm_lrec *r, const hm_pmap *m,
                     const unsigned long *subs, int ns, void *ctx)
{
    ls_vals *v = (ls_vals *)ctx;
    const unsigned char *p;
    unsigned long n;
    if (hm_lay_bytes(r, m->field, subs, ns, &p, &n) != HM_LAY_OK)
        return -1;
    return vals_add(ls, v, RC_DATA, p, (size_t)n) ? -1 : 0;
}

static int date_slot(int code)
{
    switch (code) {
    case RC_DATE: return DT_DATE;
    case RC_TIME: return DT_TIME;
    case RC_STAMP: return DT_STAMP;
    case RC_ENDDATE: return DT_EDATE;
    case RC_ENDTIME: return DT_ETIME;
    case RC_ENDSTAMP: return DT_ESTAMP;
    default: return -1;
    }
}

/* decode every role of type t of the record set in r into v;
 * only_account: just the account role. 0, or -1 (reported unless
 * r->quiet) */
static int decode(hm_lsrc *ls, hm_lrec *r, int t, ls_vals *v,
                  int only_account)
{
    const hm_ptype *ty = &ls->p->t[t];
    int k, err = 0;
    vals_clear(v);
    for (k = ty->map; k < ty->map + ty->nmap; k++) {
        const hm_pmap *m = &ls->p->m[k];
        int code = ls->rcode[m->role];
        if (only_account && code != RC_ACCOUNT && code != RC_ID)
            continue;
        if (m->field < 0) {
            if (vals_add(ls, v, code, ls->p->pool + m->off, m->len))
                return -1;
            continue;
        }
        if (m->form) {
            unsigned long subs[HM_CB_MAXDIM];
            int ns = ls->cb->f[m->field].ndim, i, rc, slot;
            hm_dt dt;
            for (i = 0; i < ns; i++)
                subs[i] = i < m->nsubs ? m->subs[i] : 1;
            rc = hm_lay_date(r, m->field, subs, ns, m->form, &dt);
            if (rc == HM_LAY_ERR) {
                err = 1;
                continue;
            }
            slot = date_slot(code);
            if (rc == HM_LAY_OK && slot >= 0) {
                v->dt[slot] = dt;
                v->has[slot] = 1;
            }
            continue;
        }
        if (code == RC_SEQ || code == RC_LENGTH || code == RC_SIZE) {
            unsigned long subs[HM_CB_MAXDIM];
            int ns = ls->cb->f[m->field].ndim, i, rc;
            hm_num nv;
            long x;
            for (i = 0; i < ns; i++)
                subs[i] = i < m->nsubs ? m->subs[i] : 1;
            rc = hm_lay_num(r, m->field, subs, ns, &nv);
            if (rc == HM_LAY_ERR) {
                err = 1;
                continue;
            }
            if (code == RC_SIZE)
                continue;
            if (hm_num_long(&nv, &x) != 0 || nv.scale)
                x = -1;
            v->num[code == RC_SEQ ? NU_SEQ : NU_LENGTH] = x;
            v->hasnum[code == RC_SEQ ? NU_SEQ : NU_LENGTH] = 1;
            continue;
        }
        if (each_occ(ls, r, m, code == RC_DATA ? occ_bytes : occ_text,
                     v) != 0)
            err = 1;
        if (ls->failed)
            return -1;
    }
    return err ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* data sets */

static void ds_close(hm_lsrc *ls, ls_ds *d)
{
    if (d->rs)
        hm_lsr_close(d->rs);
    d->rs = 0;
    if (d->open && ls->cfg.io.close)
        ls->cfg.io.close(ls->cfg.io.ctx, d->rctx);
    d->open = 0;
    d->rctx = 0;
    d->have = 0;
    d->eof = 0;
    d->last = -1;
    d->cur_acct = OWN_NONE;
    d->head_owner = OWN_NONE;
    d->head_kind = 0;
}

/* (re)open from the start; -1 when it cannot be opened */
static int ds_open(hm_lsrc *ls, ls_ds *d)
{
    hm_read_fn fn;
    ds_close(ls, d);
    if (d->broken
        || ls->cfg.io.open(ls->cfg.io.ctx, d->idx, &fn, &d->rctx) != 0) {
        d->eof = 1;
        if (!d->broken)
            ls->st.readerr++;
        d->broken = 1;
        return -1;
    }
    d->open = 1;
    d->rs = hm_lsr_open(&ls->al, fn, d->rctx, ls->cfg.recmode, ls->log,
                        d->name);
    if (!d->rs) {
        ls->failed = 1;
        d->eof = 1;
        return -1;
    }
    return 0;
}

static void say_ds(hm_lsrc *ls, ls_ds *d, int id, const char *a3,
                   const char *a4, const char *a5)
{
    const char *a[5];
    char rb[24];
    a[0] = hm_lsr_name(d->rs);
    a[1] = hm_fmt_ulong(d->recno, rb);
    a[2] = a3 ? a3 : "";
    a[3] = a4 ? a4 : "";
    a[4] = a5 ? a5 : "";
    hm_msg(ls->log, id, a, 5);
}

/* the account a head names: an account index, OWN_NONE (none named),
 * OWN_BAD (not decodable) */
static long head_account(hm_lsrc *ls, ls_ds *d, int t, int add,
                         int *named)
{
    hm_text id;
    long k;
    char sb[64];
    *named = hm_prof_map(ls->p, t, hm_prof_role(ls->p->t[t].item,
                                                "account")) != 0;
    if (!*named)
        return d->cur_acct;
    if (decode(ls, &d->lr, t, &ls->rec, 1) != 0)
        return OWN_BAD;
    id = vals_text(&ls->rec, RC_ACCOUNT);
    if (!id.len)
        return OWN_NONE;
    k = acct_find(ls, id.s, id.len);
    if (k < 0 && add) {
        k = acct_add(ls, id.s, id.len, add == 1);
        if (k >= 0 && add == 2)
            say_ds(ls, d, HMM_LSNOUSER, shown(id.s, id.len, sb, sizeof sb),
                   0, 0);
    }
    if (k < 0)
        return ls->failed ? OWN_BAD : OWN_NONE;
    return k;
}

/* type and owner of the record just read. add: 0 look up accounts,
 * 1 add them (no user list), 2 add them as not listed (warned) */
static void classify(hm_lsrc *ls, ls_ds *d, int loud, int add)
{
    int t, kind, named, q = d->lr.quiet;
    long own;
    char kb[40];
    hm_lay_set(&d->lr, d->d, d->n, d->recno);
    d->lr.dsname = hm_lsr_name(d->rs);
    d->lr.quiet = !loud;
    t = hm_prof_type(ls->p, &d->lr);
    d->type = t;
    if (t < 0) {
        d->owner = OWN_SKIP;
        if (loud) {
            ls->st.untyped++;
            if (d->shown[0]++ < LS_SHOWMAX)
                say_ds(ls, d, HMM_LSNOTYPE, 0, 0, 0);
        }
        d->lr.quiet = q;
        return;
    }
    kind = ls->p->t[t].item;
    switch (kind) {
    case HM_IT_SKIP:
        own = OWN_SKIP;
        break;
    case HM_IT_ACCOUNT:
        if (decode(ls, &d->lr, t, &ls->rec, 1) != 0) {
            own = OWN_BAD;
        } else {
            hm_text id = vals_text(&ls->rec, RC_ID);
            own = id.len ? acct_find(ls, id.s, id.len) : OWN_NONE;
            if (own < 0 && id.len && add) {
                own = acct_add(ls, id.s, id.len, add == 1);
                if (own >= 0 && add == 2)
                    say_ds(ls, d, HMM_LSNOUSER,
                           shown(id.s, id.len, kb, sizeof kb), 0, 0);
            }
            if (own < 0)
                own = OWN_SKIP;
        }
        d->cur_acct = own >= 0 ? own : OWN_NONE;
        d->head_owner = OWN_NONE;
        d->head_kind = 0;
        break;
    case HM_IT_BBOARD:
        own = OWN_PUBLIC;
        d->head_owner = own;
        d->head_kind = kind;
        break;
    case HM_IT_DIRECTORY:
        own = OWN_DIR;
        d->head_owner = OWN_NONE;
        d->head_kind = 0;
        break;
    case HM_IT_TEXT:
    case HM_IT_ATTACH:
    case HM_IT_MEMBER:
        own = d->head_owner;
        if (own == OWN_NONE && loud) {
            ls->st.orphans++;
            if (d->shown[2]++ < LS_SHOWMAX)
                say_ds(ls, d, HMM_LSORPHAN, ls->p->t[t].name, 0, 0);
        }
        break;
    default:    /* heads: folder, message, pab, dl, calendar */
        own = head_account(ls, d, t, add, &named);
        if (own == OWN_NONE && kind == HM_IT_DL)
            own = OWN_DIR;
        else if (own == OWN_NONE && loud) {
            ls->st.noacct++;
            if (d->shown[3]++ < LS_SHOWMAX)
                say_ds(ls, d, HMM_LSNOACCT, ls->p->t[t].name, 0, 0);
        } else if (own == OWN_BAD && loud) {
            ls->st.bad[kind]++;
            say_ds(ls, d, HMM_LSSKIP, hm_prof_itemname(kind),
                   ls->p->t[t].name, 0);
        }
        d->head_owner = own;
        d->head_kind = kind;
        break;
    }
    if (own == OWN_BAD && kind == HM_IT_ACCOUNT && loud)
        say_ds(ls, d, HMM_LSSKIP, hm_prof_itemname(kind),
               ls->p->t[t].name, 0);
    d->owner = own;
    d->lr.quiet = q;
}

/* make a record pending: 1, 0 at the end, -1 after an error */
static int ds_next(hm_lsrc *ls, ls_ds *d, int loud, int add)
{
    int rc;
    if (d->have)
        return 1;
    if (d->eof || !d->rs)
        return 0;
    rc = hm_lsr_next(d->rs, &d->d, &d->n);
    if (rc <= 0) {
        d->eof = 1;
        if (rc < 0)
            ls->st.readerr++;
        return rc;
    }
    d->recno = hm_lsr_number(d->rs);
    d->have = 1;
    d->fresh = 0;
    if (loud && d->recno <= d->seen)
        loud = 0;               /* read before: already counted */
    if (loud) {
        ls->st.records++;
        d->seen = d->recno;
        d->fresh = 1;
    }
    classify(ls, d, loud, add);
    return 1;
}

/* ---------------------------------------------------------------- */
/* folders of the current account */

static int fold_add(hm_lsrc *ls, const ls_vals *v)
{
    hm_text id = vals_text(v, RC_ID), nm = vals_text(v, RC_NAME),
            pa = vals_text(v, RC_PARENT);
    ls_fold *f;
    if (!id.len)
        return 0;
    if (!nm.len)
        nm = id;
    if (grow(ls, (void **)&ls->fold, &ls->capfold, ls->nfold,
             sizeof(ls_fold)))
        return -1;
    f = &ls->fold[ls->nfold];
    f->ioff = ls->fsb.n;
    f->ilen = id.len;
    if (buf_add(ls, &ls->fsb, id.s, id.len))
        return -1;
    f->noff = ls->fsb.n;
    f->nlen = nm.len;
    if (buf_add(ls, &ls->fsb, nm.s, nm.len))
        return -1;
    f->poff = ls->fsb.n;
    f->plen = pa.len;
    if (pa.len && buf_add(ls, &ls->fsb, pa.s, pa.len))
        return -1;
    ls->nfold++;
    return 0;
}

static long fold_find(hm_lsrc *ls, const unsigned char *id, size_t n)
{
    size_t i;
    for (i = ls->nfold; i-- > 0;)
        if (ls->fold[i].ilen == n
            && memcmp(ls->fsb.p + ls->fold[i].ioff, id, n) == 0)
            return (long)i;
    return -1;
}

/* the folder path of key into ls->texts; returns its depth (0: the
 * Inbox) */
static size_t fold_path(hm_lsrc *ls, hm_text key)
{
    hm_text path[LS_FOLDDEPTH];
    size_t n = 0, i;
    long f;
    static const unsigned char inbox[] = { 0x49, 0x4E, 0x42, 0x4F,
                                           0x58 };
    if (!key.len)
        return 0;
    f = fold_find(ls, key.s, key.len);
    if (f < 0) {
        path[n++] = key;
    } else {
        while (f >= 0 && n < LS_FOLDDEPTH) {
            const ls_fold *fd = &ls->fold[f];
            path[n].s = ls->fsb.p + fd->noff;
            path[n].len = fd->nlen;
            n++;
            f = fd->plen ? fold_find(ls, ls->fsb.p + fd->poff, fd->plen)
                         : -1;
        }
    }
    if (n == 1 && eq_nc(path[0].s, path[0].len, inbox, sizeof inbox))
        return 0;
    if (grow(ls, (void **)&ls->texts, &ls->captexts, n, sizeof(hm_text)))
        return 0;
    for (i = 0; i < n; i++)
        ls->texts[i] = path[n - 1 - i];
    return n;
}

/* ---------------------------------------------------------------- */
/* the item being assembled */

static void item_reset(ls_item *it)
{
    it->active = 0;
    it->bad = it->big = 0;
    it->body.n = 0;
    it->att.n = 0;
    it->na = 0;
}

static void item_size(hm_lsrc *ls, ls_item *it)
{
    unsigned long max = ls->cfg.item_max ? ls->cfg.item_max
                                         : LS_ITEM_MAX;
    if (it->v.sb.n + it->body.n + it->att.n > max)
        it->big = 1;
}

/* start a head from the record decoded into ls->rec */
static void item_start(hm_lsrc *ls, ls_ds *d, int kind, int bad)
{
    ls_item *it = &ls->it;
    ls_vals tmp;
    item_reset(it);
    tmp = it->v;
    it->v = ls->rec;
    ls->rec = tmp;
    it->active = 1;
    it->kind = kind;
    it->bad = bad;
    it->owner = d->owner;
    it->recno = d->recno;
    scopy(it->dsname, sizeof it->dsname, hm_lsr_name(d->rs));
    item_size(ls, it);
}

static int add_line(hm_lsrc *ls, ls_item *it, const unsigned char *s,
                    size_t n)
{
    unsigned char lf = A_LF;
    if (it->body.n && buf_add(ls, &it->body, &lf, 1))
        return -1;
    return buf_add(ls, &it->body, s, n);
}

/* a dependent record (decoded into ls->rec) joins the item */
static void item_join(hm_lsrc *ls, ls_ds *d, int kind, int bad)
{
    ls_item *it = &ls->it;
    const ls_vals *v = &ls->rec;
    size_t i;
    int link = kind == HM_IT_MEMBER ? RC_DL : RC_MSG;
    const ls_ent *key = vals_get(v, link), *hid = vals_get(&it->v, RC_ID);
    int fits;
    fits = it->active && it->owner == d->owner
        && (kind == HM_IT_TEXT ? (it->kind == HM_IT_MESSAGE
                                  || it->kind == HM_IT_BBOARD
                                  || it->kind == HM_IT_CALENDAR)
            : kind == HM_IT_ATTACH ? (it->kind == HM_IT_MESSAGE
                                      || it->kind == HM_IT_BBOARD)
            : it->kind == HM_IT_DL);
    if (fits && key && hid
        && (key->len != hid->len
            || memcmp(v->sb.p + key->off, it->v.sb.p + hid->off,
                      key->len) != 0))
        fits = 0;
    if (!fits) {
        /* a head that was skipped takes its records along quietly */
        if (d->owner != OWN_BAD) {
            ls->st.orphans++;
            if (d->shown[2]++ < LS_SHOWMAX)
                say_ds(ls, d, HMM_LSORPHAN, ls->p->t[d->type].name, 0, 0);
        }
        return;
    }
    if (bad) {
        it->bad = 1;
        return;
    }
    if (kind == HM_IT_TEXT) {
        for (i = 0; i < v->nent; i++)
            if (v->ent[i].role == RC_LINE
                && add_line(ls, it, v->sb.p + v->ent[i].off,
                            v->ent[i].len))
                return;
    } else if (kind == HM_IT_MEMBER) {
        hm_text m = vals_text(v, RC_MEMBER);
        if (!m.len)
            m = vals_text(v, RC_ADDRESS);
        if (m.len && vals_add(ls, &it->v, RC_MEMBER, m.s, m.len))
            return;
    } else {
        hm_text nm = vals_text(v, RC_NAME);
        size_t dlen = 0, use;
        ls_att *a;
        int fresh;
        for (i = 0; i < v->nent; i++)
            if (v->ent[i].role == RC_DATA)
                dlen += v->ent[i].len;
        use = dlen;
        if (v->hasnum[NU_LENGTH]) {
            if (v->num[NU_LENGTH] < 0
                || (unsigned long)v->num[NU_LENGTH] > dlen) {
                char b1[24], b2[24];
                say_ds(ls, d, HMM_LSLEN,
                       hm_fmt_long(v->num[NU_LENGTH], b1),
                       hm_fmt_ulong((unsigned long)dlen, b2), 0);
                it->bad = 1;
                return;
            }
            use = (size_t)v->num[NU_LENGTH];
        }
        a = it->na ? &it->a[it->na - 1] : 0;
        fresh = !a
            || (nm.len && (nm.len != a->nlen
                           || memcmp(nm.s, it->v.sb.p + a->noff,
                                     nm.len) != 0))
            || (v->hasnum[NU_SEQ] && a->hasseq
                && v->num[NU_SEQ] <= a->seq);
        if (fresh) {
            if (grow(ls, (void **)&it->a, &it->capa, it->na,
                     sizeof(ls_att)))
                return;
            a = &it->a[it->na++];
            a->noff = it->v.sb.n;
            a->nlen = nm.len;
            if (buf_add(ls, &it->v.sb, nm.s, nm.len))
                return;
            a->doff = it->att.n;
            a->dlen = 0;
        }
        a->hasseq = v->hasnum[NU_SEQ];
        a->seq = v->num[NU_SEQ];
        for (i = 0; i < v->nent && use; i++) {
            size_t k;
            if (v->ent[i].role != RC_DATA)
                continue;
            k = v->ent[i].len < use ? v->ent[i].len : use;
            if (buf_add(ls, &it->att, v->sb.p + v->ent[i].off, k))
                return;
            a->dlen += k;
            use -= k;
        }
    }
    item_size(ls, it);
}

/* ---------------------------------------------------------------- */
/* items of the model */

static void set_time(hm_time *t, const hm_dt *date, const hm_dt *time,
                     int hd, int ht)
{
    hm_dt m;
    memset(t, 0, sizeof *t);
    if (!hd)
        return;
    if (ht)
        hm_dt_merge(date, time, &m);
    else
        m = *date;
    if (!m.has_time)
        m.hour = m.minute = m.second = 0;
    (void)hm_time_set(t, (unsigned)m.year, (unsigned)m.month,
                      (unsigned)m.day, (unsigned)m.hour,
                      (unsigned)m.minute, (unsigned)m.second);
}

/* start (or end, e = 3) time of the values */
static int val_time(const ls_vals *v, int e, hm_time *t)
{
    const hm_dt *st = &v->dt[DT_STAMP + e], *dd = &v->dt[DT_DATE + e];
    const hm_dt *tt = &v->dt[DT_TIME + e];
    int withtime;
    if (v->has[DT_STAMP + e]) {
        if (v->has[DT_TIME + e] && !st->has_time)
            set_time(t, st, tt, 1, 1);
        else
            set_time(t, st, 0, 1, 0);
        return st->has_time || v->has[DT_TIME + e];
    }
    withtime = v->has[DT_TIME + e];
    set_time(t, dd, tt, v->has[DT_DATE + e], withtime);
    return withtime;
}

static int first_is(hm_text t, const unsigned char *set, size_t n)
{
    size_t i;
    if (!t.len)
        return 0;
    for (i = 0; i < n; i++)
        if (up(t.s[0]) == set[i])
            return 1;
    return 0;
}

static int addr_room(hm_lsrc *ls, size_t n)
{
    return grow(ls, (void **)&ls->addrs, &ls->capaddrs, n,
                sizeof(hm_addr));
}

/* the values of role as addresses, from ls->addrs[at] */
static size_t put_addrs(hm_lsrc *ls, const ls_vals *v, int role,
                        size_t at)
{
    size_t i, k = 0;
    for (i = 0; i < v->nent; i++) {
        hm_addr *a;
        if (v->ent[i].role != role)
            continue;
        a = &ls->addrs[at + k++];
        a->name.s = v->sb.p + v->ent[i].off;
        a->name.len = v->ent[i].len;
        a->addr.s = 0;
        a->addr.len = 0;
        if (has_colon(a->name.s, a->name.len))
            a->addr = a->name;
    }
    return k;
}

static int emit(hm_lsrc *ls, const hm_item *item)
{
    int rc = ls->emit(ls->ectx, item);
    if (rc == HM_PIPE_STOP)
        ls->stop = 1;
    return rc;
}

static void emit_message(hm_lsrc *ls, ls_item *it)
{
    hm_item item;
    hm_message *m = &item.u.msg;
    const ls_vals *v = &it->v;
    size_t nto = vals_count(v, RC_TO), ncc = vals_count(v, RC_CC);
    size_t nbcc = vals_count(v, RC_BCC), i, nf;
    hm_data body;
    hm_text st, pr;
    static const unsigned char unread[] = { 0x55, 0x4E };   /* U N */
    static const unsigned char unsent[] = { 0x44 };         /* D */
    static const unsigned char high[] = { 0x48, 0x55, 0x31, 0x32 };
    static const unsigned char low[] = { 0x4C, 0x34, 0x35 };
    memset(&item, 0, sizeof item);
    item.kind = HM_ITEM_MESSAGE;
    if (addr_room(ls, nto + ncc + nbcc + 1))
        return;
    nf = fold_path(ls, vals_text(v, it->kind == HM_IT_BBOARD ? RC_BOARD
                                 : RC_FOLDER));
    if (it->kind == HM_IT_BBOARD && nf == 0) {
        /* a board named Inbox is still a folder */
        hm_text b = vals_text(v, RC_BOARD);
        if (b.len && !grow(ls, (void **)&ls->texts, &ls->captexts, 1,
                           sizeof(hm_text))) {
            ls->texts[0] = b;
            nf = 1;
        }
    }
    m->folder = nf ? ls->texts : 0;
    m->nfolder = nf;
    m->sender.name = vals_text(v, RC_FROM);
    if (m->sender.name.len && has_colon(m->sender.name.s,
                                        m->sender.name.len))
        m->sender.addr = m->sender.name;
    if (!m->sender.name.len && ls->acct && !ls->acct->public) {
        m->sender.name = ls->acct->display_name;
        m->sender.addr = ls->acct->address;
    }
    m->to = ls->addrs;
    m->nto = put_addrs(ls, v, RC_TO, 0);
    m->cc = ls->addrs + m->nto;
    m->ncc = put_addrs(ls, v, RC_CC, m->nto);
    m->bcc = ls->addrs + m->nto + m->ncc;
    m->nbcc = put_addrs(ls, v, RC_BCC, m->nto + m->ncc);
    m->subject = vals_text(v, RC_SUBJECT);
    (void)val_time(v, 0, &m->sent);
    m->received = m->sent;
    st = vals_text(v, RC_STATUS);
    pr = vals_text(v, RC_PRIORITY);
    m->unread = first_is(st, unread, sizeof unread);
    m->unsent = first_is(st, unsent, sizeof unsent);
    m->priority = first_is(pr, high, sizeof high) ? HM_PRIO_HIGH
                  : first_is(pr, low, sizeof low) ? HM_PRIO_LOW
                  : HM_PRIO_NORMAL;
    while (it->body.n && it->body.p[it->body.n - 1] == A_LF)
        it->body.n--;
    memset(&body, 0, sizeof body);
    body.p = it->body.p ? it->body.p : (const unsigned char *)"";
    body.size = (unsigned long)it->body.n;
    m->body = it->body.n ? &body : 0;
    m->nbody = it->body.n ? 1 : 0;
    if (it->na) {
        if (grow(ls, (void **)&ls->atts, &ls->capatts, it->na,
                 sizeof(hm_attach)))
            return;
        for (i = 0; i < it->na; i++) {
            hm_attach *a = &ls->atts[i];
            memset(a, 0, sizeof *a);
            a->name.s = v->sb.p + it->a[i].noff;
            a->name.len = it->a[i].nlen;
            a->data.p = it->att.p + it->a[i].doff;
            a->data.size = (unsigned long)it->a[i].dlen;
            a->position = -1;
        }
        m->att = ls->atts;
        m->natt = it->na;
        ls->st.attachments += it->na;
    }
    (void)emit(ls, &item);
}

static void emit_pab(hm_lsrc *ls, ls_item *it)
{
    hm_item item;
    hm_pab *p = &item.u.pab;
    const ls_vals *v = &it->v;
    ls_buf *b = &ls->scratch;
    hm_text addr = vals_text(v, RC_ADDRESS), user = vals_text(v,
                                                             RC_USERID);
    size_t i, k = 0;
    memset(&item, 0, sizeof item);
    item.kind = HM_ITEM_PAB;
    if (it->kind == HM_IT_DL) {
        size_t n = vals_count(v, RC_MEMBER);
        p->is_dl = 1;
        p->f[HM_PAB_DISPLAY] = vals_text(v, RC_NAME);
        if (!p->f[HM_PAB_DISPLAY].len)
            p->f[HM_PAB_DISPLAY] = vals_text(v, RC_ID);
        p->f[HM_PAB_NOTE] = vals_text(v, RC_DESC);
        if (grow(ls, (void **)&ls->texts, &ls->captexts, n,
                 sizeof(hm_text)))
            return;
        for (i = 0; i < v->nent; i++)
            if (v->ent[i].role == RC_MEMBER) {
                ls->texts[k].s = v->sb.p + v->ent[i].off;
                ls->texts[k++].len = v->ent[i].len;
            }
        p->members = ls->texts;
        p->nmembers = k;
        (void)emit(ls, &item);
        return;
    }
    p->f[HM_PAB_DISPLAY] = vals_text(v, RC_NAME);
    if (!p->f[HM_PAB_DISPLAY].len)
        p->f[HM_PAB_DISPLAY] = vals_text(v, RC_NICK);
    b->n = 0;
    if (build_addr(ls, b, addr, user, vals_text(v, RC_NODE)))
        return;
    p->f[HM_PAB_EMAIL].s = b->p;
    p->f[HM_PAB_EMAIL].len = b->n;
    p->f[HM_PAB_BUS] = vals_text(v, RC_PHONE);
    p->f[HM_PAB_COMPANY] = vals_text(v, RC_ORG);
    p->f[HM_PAB_NOTE] = vals_text(v, RC_NOTE);
    for (i = 0; i < HM_PAB_NFIELDS; i++)
        if (!p->f[i].s)
            p->f[i].len = 0;
    (void)emit(ls, &item);
}

static void emit_cal(hm_lsrc *ls, ls_item *it)
{
    hm_item item;
    hm_calitem *c = &item.u.cal;
    const ls_vals *v = &it->v;
    ls_buf *b = &ls->scratch;
    hm_text org = vals_text(v, RC_ORGANIZER), st = vals_text(v,
                                                            RC_STATUS);
    size_t i;
    unsigned char sep = A_SEMI, lf = A_LF;
    int timed, n = 0;
    static const unsigned char free_[] = { 0x54, 0x46 };  /* T F */
    memset(&item, 0, sizeof item);
    item.kind = HM_ITEM_CAL;
    timed = val_time(v, 0, &c->start);
    (void)val_time(v, 3, &c->end);
    if (!v->has[DT_EDATE] && !v->has[DT_ESTAMP] && v->has[DT_ETIME]
        && c->start.d[0]) {
        /* an end time on the day of the start */
        hm_dt e = v->dt[DT_ETIME];
        hm_dt s;
        memset(&s, 0, sizeof s);
        s.year = (c->start.d[0] - A_0) * 1000 + (c->start.d[1] - A_0)
                 * 100 + (c->start.d[2] - A_0) * 10
                 + (c->start.d[3] - A_0);
        s.month = (c->start.d[4] - A_0) * 10 + (c->start.d[5] - A_0);
        s.day = (c->start.d[6] - A_0) * 10 + (c->start.d[7] - A_0);
        s.has_date = 1;
        set_time(&c->end, &s, &e, 1, 1);
    }
    c->kind = timed ? HM_CAL_APPT : HM_CAL_EVENT;
    c->text = vals_text(v, RC_SUBJECT);
    c->where = vals_text(v, RC_LOCATION);
    c->busy = first_is(st, free_, sizeof free_) ? 0 : 1;
    /* notes: organizer and attendees separated by ';', then the text */
    b->n = 0;
    if (org.len) {
        if (buf_add(ls, b, org.s, org.len))
            return;
        n++;
    }
    for (i = 0; i < v->nent; i++) {
        if (v->ent[i].role != RC_ATTENDEE)
            continue;
        if (org.len && v->ent[i].len == org.len
            && memcmp(v->sb.p + v->ent[i].off, org.s, org.len) == 0)
            continue;
        if ((n++ && buf_add(ls, b, &sep, 1))
            || buf_add(ls, b, v->sb.p + v->ent[i].off, v->ent[i].len))
            return;
    }
    for (i = 0; i < v->nent; i++)
        if (v->ent[i].role == RC_TEXT
            && ((b->n && buf_add(ls, b, &lf, 1))
                || buf_add(ls, b, v->sb.p + v->ent[i].off,
                           v->ent[i].len)))
            return;
    while (it->body.n && it->body.p[it->body.n - 1] == A_LF)
        it->body.n--;
    if (it->body.n && ((b->n && buf_add(ls, b, &lf, 1))
                       || buf_add(ls, b, it->body.p, it->body.n)))
        return;
    while (b->n && b->p[b->n - 1] == A_LF)
        b->n--;
    c->notes.s = b->p;
    c->notes.len = b->n;
    (void)emit(ls, &item);
}

static void emit_dirdl(hm_lsrc *ls, ls_item *it)
{
    hm_item item;
    hm_dirobj *o = &item.u.dir;
    const ls_vals *v = &it->v;
    size_t i, k = 0, n = vals_count(v, RC_MEMBER);
    memset(&item, 0, sizeof item);
    item.kind = HM_ITEM_DIROBJ;
    o->cls = HM_DIR_DL;
    o->common_name = vals_text(v, RC_ID);
    o->display_name = vals_text(v, RC_NAME);
    if (!o->common_name.len)
        o->common_name = o->display_name;
    if (grow(ls, (void **)&ls->texts, &ls->captexts, n, sizeof(hm_text)))
        return;
    for (i = 0; i < v->nent; i++)
        if (v->ent[i].role == RC_MEMBER) {
            ls->texts[k].s = v->sb.p + v->ent[i].off;
            ls->texts[k++].len = v->ent[i].len;
        }
    o->members = ls->texts;
    o->nmembers = k;
    (void)emit(ls, &item);
}

/* hand the item on (or count it as skipped) */
static void item_flush(hm_lsrc *ls)
{
    ls_item *it = &ls->it;
    char b1[24], b2[24];
    const char *a[5];
    if (!it->active)
        return;
    it->active = 0;
    if (ls->stop)
        return;
    if (it->big && !it->bad) {
        unsigned long max = ls->cfg.item_max ? ls->cfg.item_max
                                             : LS_ITEM_MAX;
        a[0] = it->dsname;
        a[1] = hm_fmt_ulong(it->recno, b1);
        a[2] = hm_prof_itemname(it->kind);
        a[3] = hm_fmt_ulong(max, b2);
        hm_msg(ls->log, HMM_LSBIG, a, 4);
        it->bad = 1;
    } else if (it->bad) {
        a[0] = it->dsname;
        a[1] = hm_fmt_ulong(it->recno, b1);
        a[2] = hm_prof_itemname(it->kind);
        hm_msg(ls->log, HMM_LSDAMAGED, a, 3);
    }
    if (it->bad) {
        ls->st.bad[it->kind]++;
        return;
    }
    ls->st.found[it->kind]++;
    switch (it->kind) {
    case HM_IT_MESSAGE:
    case HM_IT_BBOARD:
        emit_message(ls, it);
        break;
    case HM_IT_PAB:
        emit_pab(ls, it);
        break;
    case HM_IT_DL:
        if (it->owner == OWN_DIR)
            emit_dirdl(ls, it);
        else
            emit_pab(ls, it);
        break;
    case HM_IT_CALENDAR:
        emit_cal(ls, it);
        break;
    default:
        break;
    }
}

/* ---------------------------------------------------------------- */
/* one record of the pass's target */

static void take(hm_lsrc *ls, ls_ds *d)
{
    int kind = ls->p->t[d->type].item, bad;
    d->lr.quiet = 0;
    switch (kind) {
    case HM_IT_ACCOUNT:
    case HM_IT_SKIP:
        return;
    case HM_IT_FOLDER:
        item_flush(ls);
        if (decode(ls, &d->lr, d->type, &ls->rec, 0) != 0) {
            ls->st.bad[kind]++;
            say_ds(ls, d, HMM_LSSKIP, hm_prof_itemname(kind),
                   ls->p->t[d->type].name, 0);
            return;
        }
        ls->st.found[kind]++;
        (void)fold_add(ls, &ls->rec);
        return;
    case HM_IT_TEXT:
    case HM_IT_ATTACH:
    case HM_IT_MEMBER:
        bad = decode(ls, &d->lr, d->type, &ls->rec, 0) != 0;
        item_join(ls, d, kind, bad);
        return;
    default:
        item_flush(ls);
        bad = decode(ls, &d->lr, d->type, &ls->rec, 0) != 0;
        item_start(ls, d, kind, bad);
        /* text lines of the head itself */
        if (!bad) {
            size_t i;
            ls_item *it = &ls->it;
            for (i = 0; i < it->v.nent; i++)
                if (it->v.ent[i].role == RC_LINE
                    && add_line(ls, it, it->v.sb.p + it->v.ent[i].off,
                                it->v.ent[i].len))
                    return;
            item_size(ls, it);
        }
        return;
    }
}

/* ---------------------------------------------------------------- */
/* passes */

/* one data set for target: an account position, OWN_PUBLIC or
 * OWN_DIR (whole passes). Returns 0, or -1 to stop. */
static int run_ds(hm_lsrc *ls, ls_ds *d, long target)
{
    int full = target < 0;
    long pos;
    char b1[LS_KEYMAX], b2[LS_KEYMAX];
    if (!d->open || full || d->last >= target) {
        if (ds_open(ls, d) != 0)
            return ls->failed ? -1 : 0;
    }
    for (;;) {
        int rc = ds_next(ls, d, !full, 0);
        if (rc <= 0 || ls->failed || ls->stop)
            break;
        if (full) {
            if (d->owner == target)
                take(ls, d);
            d->have = 0;
            continue;
        }
        if (d->owner < 0 || !ls->acc[d->owner].listed) {
            if (d->owner >= 0 && d->fresh)
                ls->st.unlisted++;
            d->have = 0;
            continue;
        }
        pos = ls->acc[d->owner].pos;
        if (pos == target) {
            take(ls, d);
            d->last = pos;
            d->have = 0;
            continue;
        }
        if (pos < d->last) {
            const ls_acct *x = &ls->acc[d->owner];
            const ls_acct *y = &ls->acc[ls->order[d->last]];
            if (!d->fresh) {
                d->have = 0;
                continue;
            }
            ls->st.order++;
            if (d->shown[1]++ < LS_SHOWMAX)
                say_ds(ls, d, HMM_LSORDER,
                       shown(x->id, x->idlen, b1, sizeof b1),
                       shown(y->id, y->idlen, b2, sizeof b2), 0);
            d->have = 0;
            continue;
        }
        if (pos < target) {
            d->last = pos;
            d->have = 0;
            continue;
        }
        break;      /* an account after the target: stays pending */
    }
    item_flush(ls);
    return ls->failed || ls->stop ? -1 : 0;
}

static void acct_details(hm_lsrc *ls, long k, const ls_vals *v);

/* read the user list: the accounts, in its order */
static int read_users(hm_lsrc *ls)
{
    ls_ds *d = &ls->ds[ls->cfg.ndata];
    char kb[64];
    if (ds_open(ls, d) != 0)
        return -1;
    while (ds_next(ls, d, 0, 0) > 0 && !ls->failed) {
        int t = d->type;
        d->have = 0;
        if (t < 0 || ls->p->t[t].item != HM_IT_ACCOUNT)
            continue;
        d->lr.quiet = 0;
        if (decode(ls, &d->lr, t, &ls->rec, 0) != 0) {
            say_ds(ls, d, HMM_LSSKIP, "account", ls->p->t[t].name, 0);
            continue;
        } else {
            hm_text id = vals_text(&ls->rec, RC_ID);
            long k;
            if (!id.len)
                continue;
            k = acct_find(ls, id.s, id.len);
            if (k >= 0) {
                say_ds(ls, d, HMM_LSDUPACC,
                       shown(id.s, id.len, kb, sizeof kb), 0, 0);
                continue;
            }
            k = acct_add(ls, id.s, id.len, 1);
            if (k >= 0)
                acct_details(ls, k, &ls->rec);
        }
    }
    ds_close(ls, d);
    return ls->failed ? -1 : 0;
}

/* the name and address of account k from an account record */
static void acct_details(hm_lsrc *ls, long k, const ls_vals *v)
{
    ls_acct *a = &ls->acc[k];
    hm_text nm = vals_text(v, RC_NAME), ad = vals_text(v, RC_ADDRESS);
    hm_text id;
    ls_buf *b = &ls->scratch;
    if (a->name || a->addr)
        return;
    id.s = a->id;
    id.len = a->idlen;
    a->name = dup_bytes(ls, nm.len ? nm.s : a->id, nm.len ? nm.len
                        : a->idlen);
    a->namelen = nm.len ? nm.len : a->idlen;
    b->n = 0;
    if (build_addr(ls, b, ad, id, vals_text(v, RC_NODE)))
        return;
    a->addr = dup_bytes(ls, b->p ? b->p : a->id, b->n);
    a->addrlen = b->n;
}

static int prescan(hm_lsrc *ls)
{
    int i, add = ls->cfg.users ? 2 : 1;
    long k;
    if (ls->cfg.users && read_users(ls) != 0)
        return -1;
    for (i = 0; i < ls->cfg.ndata && !ls->failed; i++) {
        ls_ds *d = &ls->ds[i];
        if (ds_open(ls, d) != 0)
            continue;
        while (ds_next(ls, d, 0, add) > 0 && !ls->failed) {
            d->have = 0;
            if (d->owner == OWN_PUBLIC && d->type >= 0
                && ls->p->t[d->type].item == HM_IT_BBOARD)
                ls->nbboard++;
            if (d->owner < 0 || !ls->acc[d->owner].listed)
                continue;
            acct_place(ls, d->owner);
            if (d->type >= 0 && ls->p->t[d->type].item == HM_IT_ACCOUNT
                && !ls->acc[d->owner].name
                && decode(ls, &d->lr, d->type, &ls->rec, 0) == 0)
                acct_details(ls, d->owner, &ls->rec);
        }
        ds_close(ls, d);
    }
    /* accounts of the user list without data, in its order */
    for (k = 0; k < ls->nacc && !ls->failed; k++)
        acct_place(ls, k);
    for (k = 0; k < ls->nacc && !ls->failed; k++)
        if (ls->acc[k].listed && !ls->acc[k].name) {
            ls_vals none;
            memset(&none, 0, sizeof none);
            acct_details(ls, k, &none);
        }
    ls->st.accounts = (unsigned long)ls->norder;
    ls->have_public = ls->nbboard > 0;
    ls->prescanned = 1;
    if (ls->norder == 0 && !ls->have_public)
        hm_msg0(ls->log, HMM_LSNONE);
    return ls->failed ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* the pipeline source */

static const unsigned char public_id[] = {
    0x50, 0x55, 0x42, 0x4C, 0x49, 0x43              /* PUBLIC */
};
static const unsigned char public_name[] = {
    0x50, 0x75, 0x62, 0x6C, 0x69, 0x63, 0x20, 0x46, 0x6F, 0x6C, 0x64,
    0x65, 0x72, 0x73                                /* Public Folders */
};

static int src_next(void *ctx, hm_account *acct)
{
    hm_lsrc *ls = (hm_lsrc *)ctx;
    if (!ls->prescanned && prescan(ls) != 0)
        return HM_PIPE_STOP;
    memset(acct, 0, sizeof *acct);
    if (ls->next < ls->norder) {
        const ls_acct *a = &ls->acc[ls->order[ls->next++]];
        acct->id.s = a->id;
        acct->id.len = a->idlen;
        acct->display_name.s = a->name;
        acct->display_name.len = a->namelen;
        acct->address.s = a->addr;
        acct->address.len = a->addrlen;
        return HM_PIPE_OK;
    }
    if (ls->have_public && !ls->public_done) {
        ls->public_done = 1;
        acct->id.s = public_id;
        acct->id.len = sizeof public_id;
        acct->display_name.s = public_name;
        acct->display_name.len = sizeof public_name;
        acct->public = 1;
        return HM_PIPE_OK;
    }
    if (!ls->summed) {
        ls->summed = 1;
        hm_ls_summary(ls);
    }
    return HM_PIPE_END;
}

static int src_items(void *ctx, const hm_account *acct, hm_pipe_emit em,
                     void *ectx)
{
    hm_lsrc *ls = (hm_lsrc *)ctx;
    long k, target;
    int i;
    if (!ls->prescanned && prescan(ls) != 0)
        return HM_PIPE_STOP;
    ls->emit = em;
    ls->ectx = ectx;
    ls->acct = acct;
    ls->nfold = 0;
    ls->fsb.n = 0;
    item_reset(&ls->it);
    if (acct->public) {
        target = OWN_PUBLIC;
    } else {
        k = acct_find(ls, acct->id.s, acct->id.len);
        if (k < 0 || ls->acc[k].pos < 0)
            return HM_PIPE_OK;
        target = ls->acc[k].pos;
    }
    for (i = 0; i < ls->cfg.ndata; i++) {
        if (run_ds(ls, &ls->ds[i], target) != 0)
            break;
        if (target < 0)
            ds_close(ls, &ls->ds[i]);
    }
    ls->acct = 0;
    if (ls->stop)
        return HM_PIPE_STOP;
    return ls->failed ? HM_PIPE_STOP : HM_PIPE_OK;
}

/* a directory entry */
static void dir_entry(hm_lsrc *ls, ls_ds *d)
{
    hm_item item;
    hm_dirobj *o = &item.u.dir;
    const ls_vals *v = &ls->rec;
    hm_text id, user, nm;
    ls_buf *b = &ls->scratch;
    long k;
    d->lr.quiet = 0;
    if (decode(ls, &d->lr, d->type, &ls->rec, 0) != 0) {
        ls->st.bad[HM_IT_DIRECTORY]++;
        say_ds(ls, d, HMM_LSSKIP, "directory", ls->p->t[d->type].name,
               0);
        return;
    }
    id = vals_text(v, RC_ID);
    user = vals_text(v, RC_USERID);
    nm = vals_text(v, RC_NAME);
    if (!id.len)
        id = user;
    if (!user.len)
        user = id;
    if (!id.len)
        return;
    memset(&item, 0, sizeof item);
    item.kind = HM_ITEM_DIROBJ;
    o->common_name = id;
    o->display_name = nm;
    k = acct_find(ls, id.s, id.len);
    if (k < 0 && user.len)
        k = acct_find(ls, user.s, user.len);
    if (k >= 0 && ls->acc[k].listed && ls->acc[k].pos >= 0) {
        ls_acct *a = &ls->acc[k];
        if (a->dirdone)
            return;
        a->dirdone = 1;
        if (!nm.len) {
            o->display_name.s = a->name;
            o->display_name.len = a->namelen;
        }
        o->source_addr.s = a->addr;
        o->source_addr.len = a->addrlen;
        o->cls = ls->dirmode == 2 ? HM_DIR_REMOTE : HM_DIR_MAILBOX;
        if (o->cls == HM_DIR_REMOTE)
            o->target_addr = o->source_addr;
    } else {
        b->n = 0;
        if (build_addr(ls, b, vals_text(v, RC_ADDRESS), user,
                       vals_text(v, RC_NODE)))
            return;
        o->source_addr.s = b->p;
        o->source_addr.len = b->n;
        o->target_addr = o->source_addr;
        o->cls = HM_DIR_REMOTE;
    }
    ls->st.found[HM_IT_DIRECTORY]++;
    (void)emit(ls, &item);
}

static int src_dir(void *ctx, int mode, hm_pipe_emit em, void *ectx)
{
    hm_lsrc *ls = (hm_lsrc *)ctx;
    int i;
    long k;
    if (!ls->prescanned && prescan(ls) != 0)
        return HM_PIPE_STOP;
    ls->emit = em;
    ls->ectx = ectx;
    ls->acct = 0;
    ls->dirmode = mode;
    item_reset(&ls->it);
    for (i = 0; i < ls->cfg.ndata && !ls->stop && !ls->failed; i++) {
        ls_ds *d = &ls->ds[i];
        int rc;
        if (ds_open(ls, d) != 0)
            continue;
        for (;;) {
            rc = ds_next(ls, d, 0, 0);
            if (rc <= 0 || ls->stop || ls->failed)
                break;
            d->have = 0;
            if (d->owner != OWN_DIR)
                continue;
            if (ls->p->t[d->type].item == HM_IT_DIRECTORY) {
                item_flush(ls);
                dir_entry(ls, d);
            } else {
                take(ls, d);
            }
        }
        item_flush(ls);
        ds_close(ls, d);
    }
    /* accounts without a directory entry */
    for (k = 0; k < ls->norder && !ls->stop && !ls->failed; k++) {
        ls_acct *a = &ls->acc[ls->order[k]];
        hm_item item;
        hm_dirobj *o = &item.u.dir;
        if (a->dirdone)
            continue;
        a->dirdone = 1;
        memset(&item, 0, sizeof item);
        item.kind = HM_ITEM_DIROBJ;
        o->cls = mode == 2 ? HM_DIR_REMOTE : HM_DIR_MAILBOX;
        o->common_name.s = a->id;
        o->common_name.len = a->idlen;
        o->display_name.s = a->name;
        o->display_name.len = a->namelen;
        o->source_addr.s = a->addr;
        o->source_addr.len = a->addrlen;
        if (mode == 2)
            o->target_addr = o->source_addr;
        ls->st.found[HM_IT_DIRECTORY]++;
        (void)emit(ls, &item);
    }
    if (ls->stop)
        return HM_PIPE_STOP;
    return ls->failed ? HM_PIPE_STOP : HM_PIPE_OK;
}

void hm_ls_source(hm_lsrc *ls, hm_pipe_src *src)
{
    src->next_account = src_next;
    src->items = src_items;
    src->directory = src_dir;
    src->ctx = ls;
}

/* ---------------------------------------------------------------- */
/* open, close, inspect, summary */

hm_lsrc *hm_ls_open(const hm_ls_cfg *cfg)
{
    hm_lsrc *ls;
    const hm_roledef *roles;
    int i, j, nds;
    ls = (hm_lsrc *)HM_ALLOC(cfg->al, sizeof *ls);
    if (!ls) {
        hm_msg1(cfg->log, HMM_NOSTOR, "layout source");
        return 0;
    }
    memset(ls, 0, sizeof *ls);
    ls->cfg = *cfg;
    ls->al = *cfg->al;
    ls->log = cfg->log;
    ls->p = cfg->prof;
    ls->cb = cfg->cb;
    ls->it.v.ent = 0;
    if (hm_cpconv_init(&ls->cv, cfg->cp, HM_PC_UTF8, HM_NL_CDRA) != 0) {
        HM_FREE(&ls->al, ls);
        return 0;
    }
    roles = hm_prof_roles(&ls->nroles);
    ls->rcode = (int *)HM_ALLOC(&ls->al, (size_t)ls->nroles
                                * sizeof(int));
    nds = cfg->ndata + (cfg->users ? 1 : 0);
    ls->ds = (ls_ds *)HM_ALLOC(&ls->al, (size_t)(nds ? nds : 1)
                               * sizeof(ls_ds));
    if (!ls->rcode || !ls->ds) {
        hm_msg1(cfg->log, HMM_NOSTOR, "layout source");
        HM_FREE(&ls->al, ls->rcode);
        HM_FREE(&ls->al, ls->ds);
        HM_FREE(&ls->al, ls);
        return 0;
    }
    for (i = 0; i < ls->nroles; i++) {
        ls->rcode[i] = RC_N;
        for (j = 0; j < RC_N; j++)
            if (strcmp(roles[i].name, rc_names[j]) == 0)
                ls->rcode[i] = j;
    }
    memset(ls->ds, 0, (size_t)(nds ? nds : 1) * sizeof(ls_ds));
    ls->nds = nds;
    for (i = 0; i < nds; i++) {
        ls_ds *d = &ls->ds[i];
        d->idx = i;
        d->name = cfg->names && cfg->names[i] ? cfg->names[i]
                                              : "(input)";
        d->last = -1;
        d->cur_acct = d->head_owner = OWN_NONE;
        if (hm_lay_open(&d->lr, &ls->al, ls->cb, &ls->cv, ls->log,
                        d->name) != 0) {
            ls->nds = i;
            hm_ls_close(ls);
            return 0;
        }
        d->lr_open = 1;
        d->lr.window = ls->p->window;
        d->lr.tod_leap = ls->p->tod_leap;
    }
    return ls;
}

void hm_ls_stats_get(const hm_lsrc *ls, hm_ls_stats *st)
{
    *st = ls->st;
}

long hm_ls_count(hm_lsrc *ls)
{
    if (!ls->prescanned && prescan(ls) != 0)
        return -1;
    return ls->norder;
}

int hm_ls_account(const hm_lsrc *ls, long pos, hm_account *acct)
{
    const ls_acct *a;
    memset(acct, 0, sizeof *acct);
    if (!ls->prescanned || pos < 0 || pos >= ls->norder)
        return -1;
    a = &ls->acc[ls->order[pos]];
    acct->id.s = a->id;
    acct->id.len = a->idlen;
    acct->display_name.s = a->name;
    acct->display_name.len = a->namelen;
    acct->address.s = a->addr;
    acct->address.len = a->addrlen;
    return 0;
}

void hm_ls_summary(hm_lsrc *ls)
{
    const hm_ls_stats *s = &ls->st;
    const char *a[9];
    char b[9][24];
    unsigned long bad = 0, skipped;
    int i;
    for (i = 0; i < HM_IT_COUNT; i++)
        bad += s->bad[i];
    a[0] = hm_fmt_ulong(s->records, b[0]);
    a[1] = hm_fmt_ulong(s->accounts, b[1]);
    a[2] = hm_fmt_ulong(s->found[HM_IT_MESSAGE], b[2]);
    a[3] = hm_fmt_ulong(s->found[HM_IT_BBOARD], b[3]);
    a[4] = hm_fmt_ulong(s->attachments, b[4]);
    a[5] = hm_fmt_ulong(s->found[HM_IT_PAB], b[5]);
    a[6] = hm_fmt_ulong(s->found[HM_IT_DL], b[6]);
    a[7] = hm_fmt_ulong(s->found[HM_IT_CALENDAR], b[7]);
    a[8] = hm_fmt_ulong(s->found[HM_IT_DIRECTORY], b[8]);
    hm_msg(ls->log, HMM_LSSUM, a, 9);
    skipped = s->untyped + s->order + s->unlisted + s->orphans
              + s->noacct;
    if (bad || skipped) {
        a[0] = hm_fmt_ulong(bad, b[0]);
        a[1] = hm_fmt_ulong(s->untyped, b[1]);
        a[2] = hm_fmt_ulong(s->order, b[2]);
        a[3] = hm_fmt_ulong(s->unlisted, b[3]);
        a[4] = hm_fmt_ulong(s->orphans, b[4]);
        a[5] = hm_fmt_ulong(s->noacct, b[5]);
        hm_msg(ls->log, HMM_LSSUMBAD, a, 6);
    }
    for (i = 1; i < HM_IT_COUNT; i++)
        if (s->bad[i]) {
            a[0] = hm_fmt_ulong(s->bad[i], b[0]);
            a[1] = hm_prof_itemname(i);
            hm_msg(ls->log, HMM_LSSUMKIND, a, 2);
        }
}

typedef struct ins_ctx {
    hm_lsrc *ls;
    ls_ds *d;
} ins_ctx;

static int ins_next(void *ctx, const unsigned char **rec, size_t *len)
{
    ins_ctx *c = (ins_ctx *)ctx;
    int rc = hm_lsr_next(c->d->rs, rec, len);
    c->d->lr.dsname = hm_lsr_name(c->d->rs);
    return rc;
}

int hm_ls_inspect(hm_lsrc *ls, unsigned long n, hm_line_fn out,
                  void *ctx)
{
    int i, err = 0;
    for (i = 0; i < ls->nds; i++) {
        ls_ds *d = &ls->ds[i];
        ins_ctx c;
        char line[300];
        scopy(line, sizeof line, "DATA SET ");
        scopy(line + 9, sizeof line - 9, d->name);
        out(ctx, line, strlen(line));
        if (ds_open(ls, d) != 0) {
            err = 1;
            continue;
        }
        c.ls = ls;
        c.d = d;
        if (hm_inspect(ls->p, &d->lr, ins_next, &c, n, out, ctx) < 0)
            err = 1;
        ds_close(ls, d);
    }
    return err ? -1 : 0;
}

void hm_ls_close(hm_lsrc *ls)
{
    int i;
    long k;
    if (!ls)
        return;
    for (i = 0; i < ls->nds; i++) {
        ds_close(ls, &ls->ds[i]);
        if (ls->ds[i].lr_open)
            hm_lay_close(&ls->ds[i].lr);
    }
    for (k = 0; k < ls->nacc; k++) {
        HM_FREE(&ls->al, ls->acc[k].id);
        HM_FREE(&ls->al, ls->acc[k].name);
        HM_FREE(&ls->al, ls->acc[k].addr);
    }
    HM_FREE(&ls->al, ls->acc);
    HM_FREE(&ls->al, ls->hash);
    HM_FREE(&ls->al, ls->order);
    HM_FREE(&ls->al, ls->fold);
    buf_free(ls, &ls->fsb);
    vals_free(ls, &ls->rec);
    vals_free(ls, &ls->it.v);
    buf_free(ls, &ls->it.body);
    buf_free(ls, &ls->it.att);
    HM_FREE(&ls->al, ls->it.a);
    buf_free(ls, &ls->scratch);
    HM_FREE(&ls->al, ls->addrs);
    HM_FREE(&ls->al, ls->texts);
    HM_FREE(&ls->al, ls->atts);
    HM_FREE(&ls->al, ls->ds);
    HM_FREE(&ls->al, ls->rcode);
    HM_FREE(&ls->al, ls);
}
