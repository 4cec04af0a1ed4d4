/*
 * netdata.c - NETDATA reader (see hm_cont.h).
 *
 * The input is the byte stream of a transmission: segments of
 * LEN(1) FLAGS(1) DATA(LEN-2), card boundaries ignored. Segments
 * make logical records; a record is a control record (INMR01..07,
 * flag X'20') or a data record. Control records carry text units
 * KEY(2) COUNT(2) { LEN(2) VALUE(LEN) } x COUNT.
 *
 * The reader streams: it holds one logical record and a 4 KiB input
 * buffer. Damaged framing (a bad segment length, segments out of
 * sequence) cannot be repaired: it is reported with its byte offset
 * as an error and ends the transmission, with bytes left unread. The
 * end of the input before INMR06 (a transmission cut short) leaves
 * nothing unread: a warning; a data record cut there is handed out
 * with the bytes it has (hm_nd_cut), a cut control record is dropped.
 * A damaged text unit only ends its control record.
 */
#include <string.h>
#include "hm_cont.h"

#define ND_BUFSZ 4096
#define ND_DEFMAX (1024ul * 1024ul)
#define ND_MAXFILENO 9999ul

#define SEG_FIRST 0x80
#define SEG_LAST 0x40
#define SEG_CTL 0x20
#define SEG_RECNO 0x10

/* text unit keys */
#define TU_DDNAM 0x0001u
#define TU_DSNAM 0x0002u
#define TU_MEMBR 0x0003u
#define TU_SECND 0x000Bu
#define TU_DIR 0x000Cu
#define TU_EXPDT 0x0022u
#define TU_TERM 0x0028u
#define TU_BLKSZ 0x0030u
#define TU_DSORG 0x003Cu
#define TU_LRECL 0x0042u
#define TU_RECFM 0x0049u
#define TU_TNODE 0x1001u
#define TU_TUID 0x1002u
#define TU_FNODE 0x1011u
#define TU_FUID 0x1012u
#define TU_LREF 0x1020u
#define TU_LCHG 0x1021u
#define TU_CREAT 0x1022u
#define TU_FVERS 0x1023u
#define TU_FTIME 0x1024u
#define TU_TTIME 0x1025u
#define TU_FACK 0x1026u
#define TU_ERRCD 0x1027u
#define TU_UTILN 0x1028u
#define TU_USERP 0x1029u
#define TU_RECCT 0x102Au
#define TU_SIZE 0x102Cu
#define TU_FFM 0x102Du
#define TU_NUMF 0x102Fu
#define TU_TYPE 0x8012u

enum { T_CHAR, T_NUM, T_DATE, T_HEX, T_NONE, T_NAME, T_LIST };

static const struct tudef {
    unsigned key;
    const char *name;
    int type;
} tudefs[] = {
    { TU_DDNAM, "INMDDNAM", T_CHAR }, { TU_DSNAM, "INMDSNAM", T_NAME },
    { TU_MEMBR, "INMMEMBR", T_LIST }, { TU_SECND, "INMSECND", T_NUM },
    { TU_DIR, "INMDIR", T_NUM },      { TU_EXPDT, "INMEXPDT", T_DATE },
    { TU_TERM, "INMTERM", T_NONE },   { TU_BLKSZ, "INMBLKSZ", T_NUM },
    { TU_DSORG, "INMDSORG", T_HEX },  { TU_LRECL, "INMLRECL", T_NUM },
    { TU_RECFM, "INMRECFM", T_HEX },  { TU_TNODE, "INMTNODE", T_CHAR },
    { TU_TUID, "INMTUID", T_CHAR },   { TU_FNODE, "INMFNODE", T_CHAR },
    { TU_FUID, "INMFUID", T_CHAR },   { TU_LREF, "INMLREF", T_DATE },
    { TU_LCHG, "INMLCHG", T_DATE },   { TU_CREAT, "INMCREAT", T_DATE },
    { TU_FVERS, "INMFVERS", T_NUM },  { TU_FTIME, "INMFTIME", T_DATE },
    { TU_TTIME, "INMTTIME", T_DATE }, { TU_FACK, "INMFACK", T_CHAR },
    { TU_ERRCD, "INMERRCD", T_CHAR }, { TU_UTILN, "INMUTILN", T_CHAR },
    { TU_USERP, "INMUSERP", T_CHAR }, { TU_RECCT, "INMRECCT", T_NUM },
    { TU_SIZE, "INMSIZE", T_NUM },    { TU_FFM, "INMFFM", T_CHAR },
    { TU_NUMF, "INMNUMF", T_NUM },    { TU_TYPE, "INMTYPE", T_HEX },
    { 0, 0, 0 }
};

/* "INMR0" in EBCDIC; the sixth byte is the digit X'F1'..X'F7' */
static const unsigned char e_inmr0[5] = { 0xC9, 0xD5, 0xD4, 0xD9, 0xF0 };
/* utility names */
static const unsigned char e_iebcopy[7] = {
    0xC9, 0xC5, 0xC2, 0xC3, 0xD6, 0xD7, 0xE8
};
static const unsigned char e_inmcopy[7] = {
    0xC9, 0xD5, 0xD4, 0xC3, 0xD6, 0xD7, 0xE8
};
static const unsigned char e_amsciphr[8] = {
    0xC1, 0xD4, 0xE2, 0xC3, 0xC9, 0xD7, 0xC8, 0xD9
};

/* presence bits of INMR02 fields */
#define P_DSORG 0x0001u
#define P_RECFM 0x0002u
#define P_LRECL 0x0004u
#define P_BLKSZ 0x0008u
#define P_SIZE 0x0010u
#define P_DIR 0x0020u
#define P_RECCT 0x0040u
#define P_CREAT 0x0080u
#define P_LCHG 0x0100u
#define P_LREF 0x0200u
#define P_EXPDT 0x0400u
#define P_USERP 0x0800u
#define P_DDNAM 0x1000u
#define P_MEMBR 0x2000u

#define MODE_ONE 0   /* one NETDATA record = one record */
#define MODE_SPLIT 1 /* F: cut the byte stream at LRECL */
#define MODE_VRDW 2  /* V without X'02': remove an RDW */

/* INMR02 being parsed */
typedef struct nd_r2 {
    hm_nd_file f;
    unsigned present;
    int util;            /* 0 none/other, 1 INMCOPY, 2 IEBCOPY, 3 AMS */
    char util_name[9];
    unsigned nq;         /* INMDSNAM qualifiers */
    char q[3][9];
    char mvs[HM_ND_NAMEMAX];
    char ffm[2];
    int has_ffm;
} nd_r2;

typedef struct nd_fent {
    hm_nd_file f;
    unsigned present;
    int has_data_attr;
} nd_fent;

struct hm_nd {
    const hm_alloc *a;
    hm_read_fn fn;
    void *ctx;
    hm_log *log;
    const char *fname;
    hm_line_fn info;
    void *info_ctx;
    unsigned long max_record;
    /* input */
    unsigned char buf[ND_BUFSZ];
    size_t blen, bpos;
    hm_off boff;            /* offset of buf[0] */
    int eof;
    /* the logical record */
    unsigned char *rec;
    size_t rcap, rlen;
    int rctl, rrecno;
    hm_off roff;
    int pending;            /* rec holds a record not yet consumed */
    /* state */
    int failed, ended;
    int cut;                /* cut short: 1 in a data record handed
                             * out, 2 elsewhere */
    hm_nd_trans t;
    nd_fent **files;
    unsigned long nfiles, fcap;
    unsigned long nr03;
    nd_fent *cur;
    int in_data;
    /* record cutting */
    int mode;
    unsigned long lrecl;
    unsigned char *carry;
    size_t carrylen;
    size_t dpos, dlen;      /* unconsumed part of rec (MODE_SPLIT) */
    int rdw_warned;
    hm_off last_off;
    nd_r2 r2;
};

/* ------------------------------------------------------------------
 * small helpers
 */
static unsigned long be_num(const unsigned char *p, size_t n)
{
    unsigned long v = 0;
    size_t i;
    if (n > 4) {
        p += n - 4;
        n = 4;
    }
    for (i = 0; i < n; i++)
        v = (v << 8) | p[i];
    return v;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

typedef struct lbuf {
    char s[512];
    size_t n;
} lbuf;

static void lb_s(lbuf *b, const char *s)
{
    while (*s && b->n + 1 < sizeof b->s)
        b->s[b->n++] = *s++;
    b->s[b->n] = 0;
}

static void lb_u(lbuf *b, unsigned long v)
{
    char t[24];
    lb_s(b, hm_fmt_ulong(v, t));
}

static void lb_x(lbuf *b, const unsigned char *p, size_t n)
{
    char t[24];
    size_t i;
    lb_s(b, "X'");
    for (i = 0; i < n && i < 40; i++)
        lb_s(b, hm_fmt_hex(p[i], 2, t));
    if (i < n)
        lb_s(b, "...");
    lb_s(b, "'");
}

static void lb_e(lbuf *b, const unsigned char *p, size_t n)
{
    char t[300];
    hm_cont_e2x(p, n, t, sizeof t);
    lb_s(b, t);
}

static void lb_init(lbuf *b, const char *s)
{
    b->n = 0;
    b->s[0] = 0;
    lb_s(b, s);
}

static void lb_pad(lbuf *b, size_t col)
{
    while (b->n < col && b->n + 1 < sizeof b->s)
        b->s[b->n++] = ' ';
    b->s[b->n] = 0;
}

static void emit(hm_nd *r, lbuf *b)
{
    if (r->info)
        r->info(r->info_ctx, b->s, b->n);
}

static void *nd_alloc(hm_nd *r, size_t n)
{
    void *p = HM_ALLOC(r->a, n);
    if (!p) {
        hm_msg1(r->log, HMM_NOSTOR, r->fname);
        r->failed = 1;
    }
    return p;
}

static void fail_off(hm_nd *r, int id, hm_off off, const char *a3,
                     const char *a4)
{
    char o[24];
    hm_fmt_ulong(off, o);
    if (a4)
        hm_msg4(r->log, id, r->fname, o, a3, a4);
    else
        hm_msg3(r->log, id, r->fname, o, a3);
    r->failed = 1;
}

/* ------------------------------------------------------------------
 * input
 */
static hm_off cur_off(const hm_nd *r)
{
    return r->boff + (hm_off)r->bpos;
}

/* Fill the buffer; 1 when bytes are available, 0 at the end, -1 on
 * a read error (reported). */
static int fill(hm_nd *r)
{
    long k;
    if (r->bpos < r->blen)
        return 1;
    if (r->eof)
        return 0;
    r->boff += (hm_off)r->blen;
    r->blen = r->bpos = 0;
    k = r->fn(r->ctx, r->buf, sizeof r->buf);
    if (k < 0) {
        char o[24];
        hm_msg3(r->log, HMM_READ, r->fname, hm_fmt_ulong(r->boff, o),
                "I/O error");
        r->failed = 1;
        return -1;
    }
    if (k == 0) {
        r->eof = 1;
        return 0;
    }
    r->blen = (size_t)k;
    return 1;
}

/* Exactly n bytes, or fewer at the end: returns the count or -1. */
static long get_bytes(hm_nd *r, unsigned char *dst, size_t n)
{
    size_t got = 0;
    while (got < n) {
        size_t k;
        int f = fill(r);
        if (f < 0)
            return -1;
        if (f == 0)
            break;
        k = r->blen - r->bpos;
        if (k > n - got)
            k = n - got;
        memcpy(dst + got, r->buf + r->bpos, k);
        r->bpos += k;
        got += k;
    }
    return (long)got;
}

static int grow_rec(hm_nd *r, size_t need)
{
    unsigned char *p;
    size_t cap = r->rcap;
    if (need <= cap)
        return 0;
    while (cap < need)
        cap *= 2;
    if (cap > r->max_record)
        cap = r->max_record;
    p = (unsigned char *)nd_alloc(r, cap);
    if (!p)
        return -1;
    memcpy(p, r->rec, r->rlen);
    HM_FREE(r->a, r->rec);
    r->rec = p;
    r->rcap = cap;
    return 0;
}

/* The input ends before INMR06 (cut short): a warning; nothing is
 * left unread. Returns 2. */
static int nd_cut(hm_nd *r, hm_off off, const char *where)
{
    char o[24];
    hm_msg3(r->log, HMM_NDTRUNC, r->fname, hm_fmt_ulong(off, o), where);
    r->cut = 2;
    r->ended = 1;
    return 2;
}

/* The rest of the input is all pad bytes: 1, else 0 (bytes read),
 * -1 on a read error. */
static int rest_is(hm_nd *r, unsigned char pad)
{
    for (;;) {
        int f = fill(r);
        if (f <= 0)
            return f < 0 ? -1 : 1;
        while (r->bpos < r->blen)
            if (r->buf[r->bpos++] != pad)
                return 0;
    }
}

/* Read one logical record into r->rec. 1: done; 0: the input ended
 * at a record boundary; 2: the input ends inside it (reported; rlen
 * bytes of it are there); -1: error (reported). */
static int read_record(hm_nd *r)
{
    int first = 1;
    r->rlen = 0;
    for (;;) {
        unsigned char hdr[2];
        hm_off so = cur_off(r);
        long k = get_bytes(r, hdr, 2);
        size_t need;
        char t[24];
        if (k < 0)
            return -1;
        if (k == 0 && first)
            return 0;
        if (k < 2)
            return nd_cut(r, so, "inside a segment header");
        if (first && hdr[0] == hdr[1] &&
            (hdr[0] == HM_E_SPACE || hdr[0] == 0)) {
            /* card padding where the next record should begin: cut
             * short when only padding follows, else a bad segment */
            int pad = rest_is(r, hdr[0]);
            if (pad < 0)
                return -1;
            if (pad)
                return nd_cut(r, so, hdr[0] ?
                              "where X'40' padding begins" :
                              "where X'00' padding begins");
        }
        if (hdr[0] < 2) {
            fail_off(r, HMM_NDSEGLEN, so, hm_fmt_ulong(hdr[0], t), 0);
            return -1;
        }
        hm_fmt_hex(hdr[1], 2, t);
        if (first) {
            if (!(hdr[1] & SEG_FIRST)) {
                fail_off(r, HMM_NDSEGSEQ, so, t,
                         "continues a record that was never begun");
                return -1;
            }
            r->rctl = (hdr[1] & SEG_CTL) != 0;
            r->rrecno = (hdr[1] & SEG_RECNO) != 0;
            r->roff = so;
        } else {
            if (hdr[1] & SEG_FIRST) {
                fail_off(r, HMM_NDSEGSEQ, so, t,
                         "begins a record before the previous one "
                         "has ended");
                return -1;
            }
            if (((hdr[1] & SEG_CTL) != 0) != r->rctl) {
                fail_off(r, HMM_NDSEGSEQ, so, t,
                         "mixes control and data segments in one "
                         "record");
                return -1;
            }
        }
        need = (size_t)hdr[0] - 2;
        if (r->rlen + need > r->max_record) {
            fail_off(r, HMM_NDRECBIG, r->roff,
                     hm_fmt_ulong(r->max_record, t), 0);
            return -1;
        }
        if (grow_rec(r, r->rlen + need) < 0)
            return -1;
        k = get_bytes(r, r->rec + r->rlen, need);
        if (k < 0)
            return -1;
        if ((size_t)k < need) {
            r->rlen += (size_t)k;
            return nd_cut(r, cur_off(r), "inside a segment");
        }
        r->rlen += need;
        first = 0;
        if (hdr[1] & SEG_LAST)
            return 1;
    }
}

/* ------------------------------------------------------------------
 * text units
 */
static const struct tudef *find_tu(unsigned key)
{
    const struct tudef *d;
    for (d = tudefs; d->name; d++)
        if (d->key == key)
            return d;
    return 0;
}

/* cursor over the length-value pairs of one unit */
typedef struct tu {
    unsigned key;
    unsigned count;
    const unsigned char *v;  /* the pairs */
    size_t vlen;
} tu;

static int tu_pair(const tu *u, unsigned i, const unsigned char **p,
                   size_t *n)
{
    size_t pos = 0;
    unsigned j;
    for (j = 0; j < u->count; j++) {
        size_t l = ((size_t)u->v[pos] << 8) | u->v[pos + 1];
        if (j == i) {
            *p = u->v + pos + 2;
            *n = l;
            return 1;
        }
        pos += 2 + l;
    }
    *p = 0;
    *n = 0;
    return 0;
}

static void info_unit(hm_nd *r, const tu *u)
{
    const struct tudef *d = find_tu(u->key);
    lbuf b;
    const unsigned char *p;
    size_t n;
    unsigned i;
    char t[48];
    if (!r->info)
        return;
    lb_init(&b, "  ");
    lb_s(&b, d ? d->name : "unknown");
    lb_pad(&b, 12);
    lb_s(&b, hm_fmt_hex(u->key, 4, t));
    lb_s(&b, "  ");
    tu_pair(u, 0, &p, &n);
    if (!d) {
        for (i = 0; i < u->count && i < 8; i++) {
            tu_pair(u, i, &p, &n);
            if (i)
                lb_s(&b, " ");
            lb_x(&b, p, n);
        }
        emit(r, &b);
        return;
    }
    switch (d->type) {
    case T_NONE:
        if (u->key == TU_TERM)
            lb_s(&b, "(mail file)");
        else
            lb_s(&b, "(present)");
        break;
    case T_NUM:
        lb_u(&b, be_num(p, n));
        break;
    case T_DATE:
        hm_cont_e2x(p, n > 26 ? 26 : n, t, sizeof t);
        lb_s(&b, t);
        {
            char dt[20];
            lb_s(&b, " (");
            lb_s(&b, hm_cont_fmt_date(t, dt));
            lb_s(&b, " GMT)");
        }
        break;
    case T_HEX:
        lb_x(&b, p, n);
        if (u->key == TU_RECFM && n >= 2) {
            lb_s(&b, " ");
            lb_s(&b, hm_nd_recfm_str((unsigned)be_num(p, 2), t));
        } else if (u->key == TU_DSORG && n >= 1) {
            lb_s(&b, " ");
            lb_s(&b, hm_nd_dsorg_str((unsigned)be_num(p, n), t));
        }
        break;
    case T_NAME:
    case T_LIST:
        for (i = 0; i < u->count; i++) {
            tu_pair(u, i, &p, &n);
            if (i)
                lb_s(&b, d->type == T_NAME ? "." : " ");
            lb_e(&b, p, n);
        }
        break;
    default: /* T_CHAR */
        if (u->key == TU_FACK && u->count == 0)
            lb_s(&b, "(requested)");
        else
            lb_e(&b, p, n);
        break;
    }
    emit(r, &b);
}

static unsigned long num_unit(hm_nd *r, const tu *u, const char *rname,
                              hm_off off)
{
    const unsigned char *p;
    size_t n;
    tu_pair(u, 0, &p, &n);
    if (n > 8) {
        char o[24], k[24], l[24];
        const char *a[5];
        a[0] = r->fname;
        a[1] = rname;
        a[2] = hm_fmt_ulong(off, o);
        a[3] = hm_fmt_hex(u->key, 4, k);
        a[4] = hm_fmt_ulong(n, l);
        hm_msg(r->log, HMM_NDNUMLEN, a, 5);
    }
    return be_num(p, n);
}

static void str_unit(const tu *u, char *dst, size_t cap)
{
    const unsigned char *p;
    size_t n;
    tu_pair(u, 0, &p, &n);
    hm_cont_e2x(p, n, dst, cap);
}

/* Walk the text units of rec[pos..]; call apply for each valid one.
 * A unit that overruns the record is reported and ends the walk. */
typedef void (*apply_fn)(hm_nd *r, const tu *u, const char *rname,
                         hm_off off);

static void walk_units(hm_nd *r, size_t pos, const char *rname,
                       apply_fn apply)
{
    while (pos < r->rlen) {
        tu u;
        size_t q;
        unsigned j;
        if (pos + 4 > r->rlen) {
            char k[24];
            hm_fmt_hex(pos + 2 <= r->rlen ?
                       (unsigned long)be_num(r->rec + pos, 2) : 0ul,
                       4, k);
            {
                const char *a[4];
                char o[24];
                a[0] = r->fname;
                a[1] = rname;
                a[2] = hm_fmt_ulong(r->roff, o);
                a[3] = k;
                hm_msg(r->log, HMM_NDTUBAD, a, 4);
            }
            return;
        }
        u.key = (unsigned)be_num(r->rec + pos, 2);
        u.count = (unsigned)be_num(r->rec + pos + 2, 2);
        u.v = r->rec + pos + 4;
        q = pos + 4;
        for (j = 0; j < u.count; j++) {
            size_t l;
            if (q + 2 > r->rlen)
                break;
            l = ((size_t)r->rec[q] << 8) | r->rec[q + 1];
            if (q + 2 + l > r->rlen)
                break;
            q += 2 + l;
        }
        if (j < u.count) {
            const char *a[4];
            char o[24], k[24];
            a[0] = r->fname;
            a[1] = rname;
            a[2] = hm_fmt_ulong(r->roff, o);
            a[3] = hm_fmt_hex(u.key, 4, k);
            hm_msg(r->log, HMM_NDTUBAD, a, 4);
            return;
        }
        u.vlen = q - (pos + 4);
        info_unit(r, &u);
        apply(r, &u, rname, r->roff);
        pos = q;
    }
}

/* INMR01 */
static void apply_r01(hm_nd *r, const tu *u, const char *rn, hm_off off)
{
    hm_nd_trans *t = &r->t;
    switch (u->key) {
    case TU_FNODE:
        str_unit(u, t->fnode, sizeof t->fnode);
        break;
    case TU_FUID:
        str_unit(u, t->fuid, sizeof t->fuid);
        break;
    case TU_TNODE:
        str_unit(u, t->tnode, sizeof t->tnode);
        break;
    case TU_TUID:
        str_unit(u, t->tuid, sizeof t->tuid);
        break;
    case TU_FTIME:
        str_unit(u, t->ftime, sizeof t->ftime);
        break;
    case TU_TTIME:
        str_unit(u, t->ttime, sizeof t->ttime);
        break;
    case TU_LRECL:
        t->seglen = num_unit(r, u, rn, off);
        break;
    case TU_NUMF:
        t->numf = num_unit(r, u, rn, off);
        t->has_numf = 1;
        break;
    case TU_FVERS:
        t->version = num_unit(r, u, rn, off);
        break;
    case TU_FACK:
        t->ack_requested = 1;
        str_unit(u, t->ackid, sizeof t->ackid);
        break;
    case TU_USERP:
        str_unit(u, t->userp, sizeof t->userp);
        break;
    default:
        break;
    }
}

/* INMR04 */
static void apply_r04(hm_nd *r, const tu *u, const char *rn, hm_off off)
{
    (void)rn;
    (void)off;
    if (u->key == TU_USERP)
        str_unit(u, r->t.userp, sizeof r->t.userp);
}

/* Qualifiers of INMDSNAM into the r2 scratch. */
static void take_dsnam(nd_r2 *s, const tu *u)
{
    unsigned i;
    size_t len = 0;
    s->nq = u->count;
    s->mvs[0] = 0;
    for (i = 0; i < u->count; i++) {
        const unsigned char *p;
        size_t n;
        char q[HM_ND_NAMEMAX];
        size_t ql;
        tu_pair(u, i, &p, &n);
        ql = hm_cont_e2x(p, n, q, sizeof q);
        if (i < 3)
            copy_str(s->q[i], sizeof s->q[i], q);
        if (i > 0 && len + 1 < sizeof s->mvs)
            s->mvs[len++] = '.';
        if (len + ql >= sizeof s->mvs)
            ql = sizeof s->mvs - 1 - len;
        memcpy(s->mvs + len, q, ql);
        len += ql;
        s->mvs[len] = 0;
    }
}

/* INMR02 and INMR07 (the latter only uses a few keys) */
static void apply_r02(hm_nd *r, const tu *u, const char *rn, hm_off off)
{
    nd_r2 *s = &r->r2;
    hm_nd_file *f = &s->f;
    const unsigned char *p;
    size_t n;
    tu_pair(u, 0, &p, &n);
    switch (u->key) {
    case TU_DSNAM:
        take_dsnam(s, u);
        break;
    case TU_TERM:
        f->is_message = 1;
        break;
    case TU_DDNAM:
        str_unit(u, f->ddname, sizeof f->ddname);
        s->present |= P_DDNAM;
        break;
    case TU_MEMBR:
        f->nmembers = u->count;
        str_unit(u, f->member1, sizeof f->member1);
        s->present |= P_MEMBR;
        break;
    case TU_DIR:
        f->dirblocks = num_unit(r, u, rn, off);
        s->present |= P_DIR;
        break;
    case TU_EXPDT:
        str_unit(u, f->expires, sizeof f->expires);
        s->present |= P_EXPDT;
        break;
    case TU_BLKSZ:
        f->blksize = num_unit(r, u, rn, off);
        s->present |= P_BLKSZ;
        break;
    case TU_DSORG:
        f->dsorg = (unsigned)(num_unit(r, u, rn, off) & 0xFFFFu);
        s->present |= P_DSORG;
        break;
    case TU_LRECL:
        f->lrecl = num_unit(r, u, rn, off);
        s->present |= P_LRECL;
        break;
    case TU_RECFM:
        /* the first two bytes are significant */
        f->recfm = (unsigned)(n >= 2 ? be_num(p, 2) : be_num(p, n));
        s->present |= P_RECFM;
        break;
    case TU_LREF:
        str_unit(u, f->referenced, sizeof f->referenced);
        s->present |= P_LREF;
        break;
    case TU_LCHG:
        str_unit(u, f->changed, sizeof f->changed);
        s->present |= P_LCHG;
        break;
    case TU_CREAT:
        str_unit(u, f->created, sizeof f->created);
        s->present |= P_CREAT;
        break;
    case TU_UTILN:
        str_unit(u, s->util_name, sizeof s->util_name);
        if (n == 7 && memcmp(p, e_inmcopy, 7) == 0)
            s->util = 1;
        else if (n == 7 && memcmp(p, e_iebcopy, 7) == 0)
            s->util = 2;
        else if (n == 8 && memcmp(p, e_amsciphr, 8) == 0)
            s->util = 3;
        break;
    case TU_USERP:
        str_unit(u, f->userp, sizeof f->userp);
        s->present |= P_USERP;
        break;
    case TU_RECCT:
        f->reccount = num_unit(r, u, rn, off);
        f->has_reccount = 1;
        s->present |= P_RECCT;
        break;
    case TU_SIZE:
        f->size = num_unit(r, u, rn, off);
        s->present |= P_SIZE;
        break;
    case TU_FFM:
        str_unit(u, s->ffm, sizeof s->ffm);
        s->has_ffm = 1;
        break;
    /* INMR07 */
    case TU_FTIME:
        str_unit(u, r->t.ack_time, sizeof r->t.ack_time);
        break;
    case TU_ERRCD:
        str_unit(u, r->t.ack_errcd, sizeof r->t.ack_errcd);
        break;
    case TU_FACK:
        str_unit(u, r->t.ack_ackid, sizeof r->t.ack_ackid);
        break;
    default:
        break;
    }
}

/* Build the file name of the r2 scratch into dst. */
static void r2_name(nd_r2 *s, hm_nd_file *dst)
{
    if (s->nq == 0)
        return;
    if (s->has_ffm && s->nq == 3) {
        size_t l;
        dst->is_cms = 1;
        copy_str(dst->cms_fn, sizeof dst->cms_fn, s->q[1]);
        copy_str(dst->cms_ft, sizeof dst->cms_ft, s->q[2]);
        dst->cms_fm[0] = s->q[0][0];
        dst->cms_fm[1] = s->ffm[0];
        dst->cms_fm[2] = 0;
        copy_str(dst->name, sizeof dst->name, dst->cms_fn);
        l = strlen(dst->name);
        dst->name[l++] = ' ';
        copy_str(dst->name + l, sizeof dst->name - l, dst->cms_ft);
        l = strlen(dst->name);
        dst->name[l++] = ' ';
        copy_str(dst->name + l, sizeof dst->name - l, dst->cms_fm);
    } else {
        copy_str(dst->name, sizeof dst->name, s->mvs);
    }
}

/* ------------------------------------------------------------------
 * the file table
 */
static nd_fent *find_file(hm_nd *r, unsigned long number, int create)
{
    unsigned long i, j;
    nd_fent *e;
    for (i = 0; i < r->nfiles; i++) {
        if (r->files[i]->f.number == number)
            return r->files[i];
        if (r->files[i]->f.number > number)
            break;
    }
    if (!create)
        return 0;
    if (r->nfiles == r->fcap) {
        unsigned long cap = r->fcap ? r->fcap * 2 : 8;
        nd_fent **nf = (nd_fent **)nd_alloc(r, cap * sizeof *nf);
        if (!nf)
            return 0;
        if (r->nfiles)
            memcpy(nf, r->files, r->nfiles * sizeof *nf);
        HM_FREE(r->a, r->files);
        r->files = nf;
        r->fcap = cap;
    }
    e = (nd_fent *)nd_alloc(r, sizeof *e);
    if (!e)
        return 0;
    memset(e, 0, sizeof *e);
    e->f.number = number;
    for (j = r->nfiles; j > i; j--)
        r->files[j] = r->files[j - 1];
    r->files[i] = e;
    r->nfiles++;
    return e;
}

static void merge_r02(hm_nd *r, nd_fent *e)
{
    nd_r2 *s = &r->r2;
    hm_nd_file *f = &e->f, *g = &s->f;
    unsigned take;
    int prim = s->util == 2 || e->present == 0;
    if (g->is_message)
        f->is_message = 1;
    if (f->name[0] == 0)
        r2_name(s, f);
    if (s->util == 2)
        f->is_pds = 1;
    if (s->util == 3)
        f->ciphered = 1;
    if (s->util_name[0]) {
        size_t l = strlen(f->utilities);
        if (l && l + 1 < sizeof f->utilities)
            f->utilities[l++] = ' ';
        copy_str(f->utilities + l, sizeof f->utilities - l,
                 s->util_name);
    }
    /* prim: this INMR02 describes the file as received; otherwise
     * only fields not known yet are taken */
    take = prim ? s->present : (s->present & ~e->present);
    if (take & P_DSORG)
        f->dsorg = g->dsorg;
    if (take & P_RECFM)
        f->recfm = g->recfm;
    if (take & P_LRECL)
        f->lrecl = g->lrecl;
    if (take & P_BLKSZ)
        f->blksize = g->blksize;
    if (take & P_SIZE)
        f->size = g->size;
    if (take & P_DIR)
        f->dirblocks = g->dirblocks;
    if (take & P_RECCT) {
        f->reccount = g->reccount;
        f->has_reccount = 1;
    }
    if (take & P_CREAT)
        memcpy(f->created, g->created, sizeof f->created);
    if (take & P_LCHG)
        memcpy(f->changed, g->changed, sizeof f->changed);
    if (take & P_LREF)
        memcpy(f->referenced, g->referenced, sizeof f->referenced);
    if (take & P_EXPDT)
        memcpy(f->expires, g->expires, sizeof f->expires);
    if (take & P_USERP)
        memcpy(f->userp, g->userp, sizeof f->userp);
    if (take & P_DDNAM)
        memcpy(f->ddname, g->ddname, sizeof f->ddname);
    if (take & P_MEMBR) {
        f->nmembers = g->nmembers;
        memcpy(f->member1, g->member1, sizeof f->member1);
    }
    e->present |= s->present;
    if (e->present == 0)
        e->present = 0x8000u; /* seen, even without attributes */
    /* the transmitted form: the INMCOPY step (or the first one) */
    if (s->util == 1 || !e->has_data_attr) {
        if (s->present & P_RECFM)
            f->data_recfm = g->recfm;
        if (s->present & P_LRECL)
            f->data_lrecl = g->lrecl;
        e->has_data_attr = 1;
    }
}

/* ------------------------------------------------------------------
 * control records
 */
static void info_head(hm_nd *r, const char *what, int with_no,
                      unsigned long no)
{
    lbuf b;
    if (!r->info)
        return;
    lb_init(&b, what);
    if (with_no) {
        lb_s(&b, " file ");
        lb_u(&b, no);
    }
    lb_s(&b, " at byte offset ");
    lb_u(&b, r->roff);
    emit(r, &b);
}

static void do_r02(hm_nd *r)
{
    unsigned long number;
    nd_fent *e;
    char o[24], t[24];
    info_head(r, "INMR02 file utility control", 1,
              r->rlen >= 10 ? be_num(r->rec + 6, 4) : 0);
    if (r->rlen < 10) {
        hm_msg3(r->log, HMM_NDFILENO, r->fname,
                hm_fmt_ulong(r->roff, o), "(none)");
        return;
    }
    number = be_num(r->rec + 6, 4);
    memset(&r->r2, 0, sizeof r->r2);
    walk_units(r, 10, "INMR02", apply_r02);
    if (number == 0 || number > ND_MAXFILENO) {
        hm_msg3(r->log, HMM_NDFILENO, r->fname,
                hm_fmt_ulong(r->roff, o), hm_fmt_ulong(number, t));
        return;
    }
    e = find_file(r, number, 1);
    if (e)
        merge_r02(r, e);
}

static void apply_r03(hm_nd *r, const tu *u, const char *rn, hm_off off)
{
    hm_nd_file *f = &r->r2.f;
    switch (u->key) {
    case TU_DSORG:
        f->r03_dsorg = (unsigned)(num_unit(r, u, rn, off) & 0xFFFFu);
        break;
    case TU_LRECL:
        f->r03_lrecl = num_unit(r, u, rn, off);
        break;
    case TU_RECFM: {
        const unsigned char *p;
        size_t n;
        tu_pair(u, 0, &p, &n);
        f->r03_recfm = (unsigned)(n >= 2 ? be_num(p, 2) : be_num(p, n));
        break;
    }
    case TU_SIZE:
        f->r03_size = num_unit(r, u, rn, off);
        break;
    default:
        break;
    }
}

/* Start the data of the next file (INMR03, or a data record without
 * one). Returns the file or NULL (failed). */
static nd_fent *start_data(hm_nd *r, int from_r03)
{
    nd_fent *e;
    hm_nd_file *f;
    char o[24], t[24];
    unsigned rf;
    if (r->nr03 < r->nfiles) {
        e = r->files[r->nr03];
    } else {
        unsigned long no = r->nfiles ?
            r->files[r->nfiles - 1]->f.number + 1 : 1;
        if (!from_r03) {
            fail_off(r, HMM_NDORPHAN, r->roff, 0, 0);
            return 0;
        }
        hm_msg3(r->log, HMM_NDNOR02, r->fname,
                hm_fmt_ulong(r->roff, o), hm_fmt_ulong(no, t));
        e = find_file(r, no, 1);
        if (!e)
            return 0;
    }
    r->nr03++;
    f = &e->f;
    if (from_r03) {
        f->has_r03 = 1;
        f->r03_recfm = r->r2.f.r03_recfm;
        f->r03_dsorg = r->r2.f.r03_dsorg;
        f->r03_lrecl = r->r2.f.r03_lrecl;
        f->r03_size = r->r2.f.r03_size;
        if (e->present == 0) {
            f->recfm = f->data_recfm = f->r03_recfm;
            f->lrecl = f->data_lrecl = f->r03_lrecl;
            f->dsorg = f->r03_dsorg;
            e->has_data_attr = 1;
        }
    } else {
        hm_msg3(r->log, HMM_NDNOR03, r->fname,
                hm_fmt_ulong(r->roff, o), hm_fmt_ulong(f->number, t));
    }
    f->data_offset = r->roff;
    r->cur = e;
    r->in_data = 1;
    r->carrylen = 0;
    r->dpos = r->dlen = 0;
    r->rdw_warned = 0;
    rf = f->data_recfm;
    r->lrecl = f->data_lrecl;
    if ((rf & 0xC000u) == 0x8000u && r->lrecl > 0 &&
        r->lrecl <= r->max_record && !f->is_pds) {
        r->mode = MODE_SPLIT;
        if (r->carry)
            HM_FREE(r->a, r->carry);
        r->carry = (unsigned char *)nd_alloc(r, r->lrecl);
        if (!r->carry)
            return 0;
    } else if ((rf & 0xC000u) == 0x4000u && !(rf & HM_ND_RF_NORDW) &&
               !f->is_pds) {
        r->mode = MODE_VRDW;
    } else {
        r->mode = MODE_ONE;
    }
    return e;
}

/* The data of the current file ended (a control record follows). */
static void end_data(hm_nd *r)
{
    hm_nd_file *f;
    if (!r->in_data || !r->cur)
        return;
    r->in_data = 0;
    f = &r->cur->f;
    if (r->info) {
        lbuf b;
        lb_init(&b, "  data: ");
        lb_u(&b, f->ndata);
        lb_s(&b, " NETDATA records");
        emit(r, &b);
    }
    if (f->has_reccount && f->reccount != f->ndata) {
        char a[24], c[24];
        hm_msg4(r->log, HMM_NDRECCT, r->fname, f->name,
                hm_fmt_ulong(f->ndata, a), hm_fmt_ulong(f->reccount, c));
    }
}

static void do_r07(hm_nd *r)
{
    memset(&r->r2, 0, sizeof r->r2);
    walk_units(r, 6, "INMR07", apply_r02);
    r->t.is_ack = 1;
    r->t.ack_term = r->r2.f.is_message;
    if (r->r2.nq) {
        hm_nd_file tmp;
        memset(&tmp, 0, sizeof tmp);
        r2_name(&r->r2, &tmp);
        copy_str(r->t.ack_name, sizeof r->t.ack_name, tmp.name);
    }
}

/* Process the control record in rec. Returns 3 for INMR03 (data
 * follows), 6 for INMR06, 0 otherwise, -1 when failed. */
static int do_control(hm_nd *r)
{
    char o[24], id[8];
    if (r->rlen < 6 || memcmp(r->rec, e_inmr0, 5) != 0 ||
        r->rec[5] < 0xF1 || r->rec[5] > 0xF7 || r->rec[5] == 0xF5) {
        hm_cont_e2x(r->rec, r->rlen < 6 ? r->rlen : 6, id, sizeof id);
        hm_msg3(r->log, HMM_NDCTLUNK, r->fname, id,
                hm_fmt_ulong(r->roff, o));
        return 0;
    }
    switch (r->rec[5]) {
    case 0xF1:
        hm_msg3(r->log, HMM_NDCTLPOS, r->fname, "INMR01",
                hm_fmt_ulong(r->roff, o));
        return 0;
    case 0xF2:
        do_r02(r);
        return r->failed ? -1 : 0;
    case 0xF3:
        info_head(r, "INMR03 data control", 0, 0);
        memset(&r->r2, 0, sizeof r->r2);
        walk_units(r, 6, "INMR03", apply_r03);
        return start_data(r, 1) ? 3 : -1;
    case 0xF4:
        info_head(r, "INMR04 user control", 0, 0);
        walk_units(r, 6, "INMR04", apply_r04);
        return 0;
    case 0xF6:
        info_head(r, "INMR06 trailer", 0, 0);
        r->ended = 1;
        if (r->t.has_numf && r->t.numf != r->nfiles) {
            char a[24], b[24];
            hm_msg3(r->log, HMM_NDNUMF, r->fname,
                    hm_fmt_ulong(r->t.numf, a),
                    hm_fmt_ulong(r->nfiles, b));
        }
        return 6;
    default: /* 0xF7 */
        info_head(r, "INMR07 acknowledgement", 0, 0);
        do_r07(r);
        return 0;
    }
}

/* ------------------------------------------------------------------
 * public
 */
hm_nd *hm_nd_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                  hm_log *log, const char *fname, const hm_nd_opt *opt)
{
    hm_nd *r = (hm_nd *)HM_ALLOC(a, sizeof *r);
    int k;
    if (!r) {
        hm_msg1(log, HMM_NOSTOR, fname);
        return 0;
    }
    memset(r, 0, sizeof *r);
    r->a = a;
    r->fn = fn;
    r->ctx = ctx;
    r->log = log;
    r->fname = fname;
    r->t.version = 1;
    r->max_record = ND_DEFMAX;
    if (opt) {
        if (opt->max_record >= 256)
            r->max_record = opt->max_record;
        r->info = opt->info;
        r->info_ctx = opt->info_ctx;
    }
    r->rcap = 4096;
    r->rec = (unsigned char *)HM_ALLOC(a, r->rcap);
    if (!r->rec) {
        hm_msg1(log, HMM_NOSTOR, fname);
        HM_FREE(a, r);
        return 0;
    }
    /* the signature first: a stream that is not NETDATA gives one
     * clear message, not a segment error */
    k = fill(r);
    if (k < 0)
        return r;
    while (k > 0 && r->blen < 8 && !r->eof) {
        long m = r->fn(r->ctx, r->buf + r->blen, sizeof r->buf - r->blen);
        if (m < 0) {
            char o[24];
            hm_msg3(log, HMM_READ, fname, hm_fmt_ulong(r->blen, o),
                    "I/O error");
            r->failed = 1;
            return r;
        }
        if (m == 0)
            r->eof = 1;
        r->blen += (size_t)m;
    }
    if (r->blen < 8 || memcmp(r->buf + 2, e_inmr0, 5) != 0 ||
        r->buf[7] != 0xF1 || !(r->buf[1] & SEG_CTL)) {
        hm_msg1(log, HMM_NDNOTND, fname);
        r->failed = 1;
        return r;
    }
    if (read_record(r) != 1)
        return r;           /* failed, or cut inside INMR01 */
    info_head(r, "INMR01 header", 0, 0);
    walk_units(r, 6, "INMR01", apply_r01);
    return r;
}

const hm_nd_trans *hm_nd_info(const hm_nd *r)
{
    return &r->t;
}

unsigned long hm_nd_file_count(const hm_nd *r)
{
    return r->nfiles;
}

const hm_nd_file *hm_nd_file_at(const hm_nd *r, unsigned long i)
{
    return i < r->nfiles ? &r->files[i]->f : 0;
}

hm_off hm_nd_offset(const hm_nd *r)
{
    return r->last_off;
}

int hm_nd_failed(const hm_nd *r)
{
    return r->failed;
}

int hm_nd_cut(const hm_nd *r)
{
    return r->cut;
}

/* Next record of any kind into rec (honouring a pending one).
 * 1: a record; 0: the input was cut short before INMR06 (a warning;
 * a data record cut there was the last one); -1: failed. */
static int next_any(hm_nd *r)
{
    int k;
    if (r->pending) {
        r->pending = 0;
        return 1;
    }
    if (r->cut)
        return 0;
    k = read_record(r);
    if (k == 0) {
        nd_cut(r, cur_off(r), "between records");
        return 0;
    }
    if (k == 2) {
        /* the bytes of a cut data record are handed out */
        if (r->rctl || r->rrecno || r->rlen == 0)
            return 0;
        r->cut = 1;
        return 1;
    }
    return k;
}

int hm_nd_next_file(hm_nd *r, const hm_nd_file **f)
{
    *f = 0;
    for (;;) {
        int k;
        if (r->failed)
            return -1;
        if (r->ended && !r->pending)
            return 0;
        k = next_any(r);
        if (k < 0)
            return -1;
        if (k == 0) {
            end_data(r);
            return 0;
        }
        if (!r->rctl) {
            if (r->rrecno)
                continue;
            if (r->in_data) {
                r->cur->f.ndata++;
                continue; /* skipping the rest of the current file */
            }
            /* data without INMR03 */
            if (!start_data(r, 0))
                return -1;
            r->pending = 1;
            *f = &r->cur->f;
            return 1;
        }
        end_data(r);
        k = do_control(r);
        if (k < 0)
            return -1;
        if (k == 6)
            return 0;
        if (k == 3) {
            *f = &r->cur->f;
            return 1;
        }
    }
}

int hm_nd_next_data(hm_nd *r, const unsigned char **d, size_t *n)
{
    int k;
    *d = 0;
    *n = 0;
    for (;;) {
        if (r->failed)
            return -1;
        if (!r->in_data)
            return 0;
        if (r->cur->f.ciphered) {
            hm_msg2(r->log, HMM_NDCIPHER, r->fname, r->cur->f.name);
            return -1;
        }
        k = next_any(r);
        if (k < 0)
            return -1;
        if (k == 0) {
            end_data(r);
            return 0;
        }
        if (r->rctl) {
            r->pending = 1;
            end_data(r);
            return 0;
        }
        if (r->rrecno)
            continue;
        r->cur->f.ndata++;
        r->last_off = r->roff;
        *d = r->rec;
        *n = r->rlen;
        return 1;
    }
}

static int give(hm_nd *r, const unsigned char *p, size_t n,
                const unsigned char **d, size_t *len)
{
    r->cur->f.nrecords++;
    r->cur->f.nbytes += (unsigned long)n;
    *d = p;
    *len = n;
    return 1;
}

int hm_nd_next_record(hm_nd *r, const unsigned char **d, size_t *n)
{
    const unsigned char *p;
    size_t len;
    int k;
    *d = 0;
    *n = 0;
    if (r->mode != MODE_SPLIT || !r->in_data) {
        hm_nd_file *f = r->cur ? &r->cur->f : 0;
        k = hm_nd_next_data(r, &p, &len);
        if (k <= 0)
            return k;
        if (r->mode == MODE_VRDW) {
            if (len >= 4 && (be_num(p, 2) == len
                             || (r->cut == 1 && be_num(p, 2) > len))
                && p[2] == 0 && p[3] == 0) {
                p += 4;
                len -= 4;
            } else if (!r->rdw_warned) {
                char a[24], o[24];
                hm_msg4(r->log, HMM_NDRDWBAD, r->fname, f->name,
                        hm_fmt_ulong(f->nrecords + 1, a),
                        hm_fmt_ulong(r->roff, o));
                r->rdw_warned = 1;
            }
        }
        return give(r, p, len, d, n);
    }
    for (;;) {
        size_t L = (size_t)r->lrecl;
        if (r->dpos < r->dlen) {
            size_t take;
            if (r->carrylen == 0 && r->dlen - r->dpos >= L) {
                p = r->rec + r->dpos;
                r->dpos += L;
                return give(r, p, L, d, n);
            }
            take = L - r->carrylen;
            if (take > r->dlen - r->dpos)
                take = r->dlen - r->dpos;
            memcpy(r->carry + r->carrylen, r->rec + r->dpos, take);
            r->carrylen += take;
            r->dpos += take;
            if (r->carrylen == L) {
                r->carrylen = 0;
                return give(r, r->carry, L, d, n);
            }
            continue;
        }
        k = hm_nd_next_data(r, &p, &len);
        if (k < 0)
            return -1;
        if (k == 0) {
            if (r->carrylen > 0) {
                char a[24], b[24];
                size_t c = r->carrylen;
                hm_msg4(r->log, HMM_NDSHORT, r->fname, r->cur->f.name,
                        hm_fmt_ulong(c, a), hm_fmt_ulong(r->lrecl, b));
                r->carrylen = 0;
                return give(r, r->carry, c, d, n);
            }
            return 0;
        }
        r->dpos = 0;
        r->dlen = len;
    }
}

void hm_nd_close(hm_nd *r)
{
    unsigned long i;
    if (!r)
        return;
    for (i = 0; i < r->nfiles; i++)
        HM_FREE(r->a, r->files[i]);
    HM_FREE(r->a, r->files);
    HM_FREE(r->a, r->carry);
    HM_FREE(r->a, r->rec);
    HM_FREE(r->a, r);
}

int hm_nd_describe(const hm_alloc *a, hm_read_fn rfn, void *rctx,
                   hm_log *log, const char *fname, hm_line_fn fn,
                   void *ctx)
{
    hm_nd_opt opt;
    hm_nd *r;
    const hm_nd_file *f;
    int k, rc = 0;
    memset(&opt, 0, sizeof opt);
    opt.info = fn;
    opt.info_ctx = ctx;
    r = hm_nd_open(a, rfn, rctx, log, fname, &opt);
    if (!r)
        return -1;
    while ((k = hm_nd_next_file(r, &f)) == 1) {
        lbuf b;
        char t[48];
        lb_init(&b, "  file ");
        lb_u(&b, f->number);
        lb_s(&b, ": ");
        lb_s(&b, f->is_message ? "(message)" : f->name);
        lb_s(&b, " DSORG=");
        lb_s(&b, hm_nd_dsorg_str(f->dsorg, t));
        lb_s(&b, " RECFM=");
        lb_s(&b, hm_nd_recfm_str(f->recfm, t));
        lb_s(&b, " LRECL=");
        lb_u(&b, f->lrecl);
        if (f->blksize) {
            lb_s(&b, " BLKSIZE=");
            lb_u(&b, f->blksize);
        }
        emit(r, &b);
        if (f->is_pds) {
            hm_ieb *ib = hm_nd_read_pds(r, a, log, f->name);
            if (ib) {
                hm_ieb_describe(ib, fn, ctx);
                if (hm_ieb_failed(ib))
                    rc = -1;
                hm_ieb_close(ib);
            }
        } else if (!f->ciphered) {
            const unsigned char *d;
            size_t n;
            while (hm_nd_next_record(r, &d, &n) == 1)
                ;
            lb_init(&b, "  records: ");
            lb_u(&b, f->nrecords);
            lb_s(&b, ", bytes: ");
            lb_u(&b, f->nbytes);
            emit(r, &b);
        }
    }
    if (k < 0)
        rc = -1;
    hm_nd_close(r);
    return rc;
}
