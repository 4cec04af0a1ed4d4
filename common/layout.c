/*
 * layout.c - the record decoder (see hm_layout.h).
 *
 * Placement: a depth-first walk of one 01 layout computes, for the
 * current record, the offset of the first occurrence of every item,
 * the size of one occurrence and the number of occurrences. ODO
 * objects are integers outside any table and before their table, so
 * they are placed (and read) before the table is reached, and all
 * occurrences of a table have the same size. The offset of an
 * occurrence is then the first one's plus (subscript - 1) times the
 * size of one occurrence, for each OCCURS level.
 */
#include <string.h>
#include "hm_layout.h"

#define AS_SP 0x20
#define AS_MINUS 0x2D
#define AS_DOT 0x2E
#define AS_SLASH 0x2F
#define AS_0 0x30
#define AS_9 0x39
#define AS_COLON 0x3A
#define EB_SP 0x40

/* ---- messages ---- */

static const char *iname(const hm_cbfield *f)
{
    return f->name[0] ? f->name : "FILLER";
}

/* name(s1,s2) into buf */
static char *subname(const hm_cbfield *f, const unsigned long *subs,
                     int nsubs, char *buf, size_t cap)
{
    size_t k = strlen(iname(f)), j;
    int i;
    char nb[24];
    if (k + 1 > cap)
        k = cap - 1;
    memcpy(buf, iname(f), k);
    for (i = 0; i < nsubs; i++) {
        hm_fmt_ulong(subs[i], nb);
        if (k + strlen(nb) + 3 > cap)
            break;
        buf[k++] = i ? ',' : '(';
        for (j = 0; nb[j]; j++)
            buf[k++] = nb[j];
        if (i == nsubs - 1)
            buf[k++] = ')';
    }
    buf[k] = 0;
    return buf;
}

static char *hexstr(const unsigned char *p, unsigned long n, char *buf)
{
    unsigned long i;
    char h[4];
    size_t k = 0;
    for (i = 0; i < n && i < 16; i++) {
        hm_fmt_hex(p[i], 2, h);
        buf[k++] = h[0];
        buf[k++] = h[1];
    }
    if (n > 16) {
        buf[k++] = '.';
        buf[k++] = '.';
        buf[k++] = '.';
    }
    buf[k] = 0;
    return buf;
}

/* issue id with &1 data set, &2 record, &3 item, &4 offset, &5.. */
static int fail(hm_lrec *r, int id, int f, const unsigned long *subs,
                int nsubs, unsigned long off, const char *a5,
                const char *a6, const char *a7)
{
    char rb[24], ob[24], nb[64];
    const char *args[7];
    if (r->quiet || !r->log)
        return HM_LAY_ERR;
    args[0] = r->dsname ? r->dsname : "(input)";
    args[1] = hm_fmt_ulong(r->recno, rb);
    args[2] = subname(&r->cb->f[f], subs, nsubs, nb, sizeof nb);
    args[3] = hm_fmt_ulong(off, ob);
    args[4] = a5 ? a5 : "";
    args[5] = a6 ? a6 : "";
    args[6] = a7 ? a7 : "";
    hm_msg(r->log, id, args, 7);
    return HM_LAY_ERR;
}

/* ---- open, close, set ---- */

int hm_lay_open(hm_lrec *r, const hm_alloc *a, const hm_copybook *cb,
                hm_cpconv *cv, hm_log *log, const char *dsname)
{
    size_t n = (size_t)(cb->nf ? cb->nf : 1);
    memset(r, 0, sizeof *r);
    r->cb = cb;
    r->al = *a;
    r->cv = cv;
    r->log = log;
    r->dsname = dsname;
    r->window = 1950;
    r->aoff = (unsigned long *)HM_ALLOC(a, 3 * n * sizeof(unsigned long));
    r->state = (signed char *)HM_ALLOC(a, n);
    if (!r->aoff || !r->state) {
        HM_FREE(a, r->aoff);
        HM_FREE(a, r->state);
        r->aoff = 0;
        r->state = 0;
        hm_msg1(log, HMM_NOSTOR, dsname ? dsname : "(input)");
        return -1;
    }
    r->asz = r->aoff + n;
    r->acnt = r->asz + n;
    memset(r->state, 0, n);
    return 0;
}

void hm_lay_close(hm_lrec *r)
{
    if (r->aoff)
        HM_FREE(&r->al, r->aoff);
    if (r->state)
        HM_FREE(&r->al, r->state);
    r->aoff = 0;
    r->state = 0;
}

void hm_lay_set(hm_lrec *r, const unsigned char *data, size_t len,
                unsigned long recno)
{
    r->data = data;
    r->len = len;
    r->recno = recno;
    if (r->state)
        memset(r->state, 0, (size_t)(r->cb->nf ? r->cb->nf : 1));
}

/* ---- numbers ---- */

static int sign_of(unsigned nib, int is_signed, int *neg)
{
    switch (nib) {
    case 0xC: case 0xA: case 0xE: case 0xF:
        *neg = 0;
        return 0;
    case 0xD: case 0xB:
        *neg = 1;
        return is_signed ? 0 : -1;
    default:
        return -1;
    }
}

static void norm(hm_num *n)
{
    int i = 0, k;
    while (i < n->ndig && n->dig[i] == 0)
        i++;
    if (i) {
        for (k = i; k < n->ndig; k++)
            n->dig[k - i] = n->dig[k];
        n->ndig -= i;
    }
    if (n->ndig == 0)
        n->neg = 0;
}

/* divide a big-endian byte number by d (< 2^24) in place; remainder */
static unsigned long divb(unsigned char *b, int n, unsigned long d)
{
    unsigned long rem = 0;
    int i;
    for (i = 0; i < n; i++) {
        unsigned long cur = rem * 256ul + b[i];
        b[i] = (unsigned char)(cur / d);
        rem = cur % d;
    }
    return rem;
}

static int allzero(const unsigned char *b, int n)
{
    int i;
    for (i = 0; i < n; i++)
        if (b[i])
            return 0;
    return 1;
}

static int all_is(const unsigned char *p, unsigned long n,
                  unsigned char v)
{
    unsigned long i;
    for (i = 0; i < n; i++)
        if (p[i] != v)
            return 0;
    return 1;
}

/* decode; 0 ok, 1 empty, -1 invalid */
static int decode_num(const hm_cbfield *f, const unsigned char *p,
                      unsigned long n, hm_num *v)
{
    unsigned long i;
    memset(v, 0, sizeof *v);
    v->scale = f->scale;
    if (f->kind == HM_CB_ZONED) {
        unsigned long sp = f->sign_lead ? 0 : n - 1;
        if (all_is(p, n, EB_SP) || all_is(p, n, 0))
            return 1;
        for (i = 0; i < n; i++) {
            unsigned d = p[i] & 15u, z = p[i] >> 4;
            if (d > 9)
                return -1;
            if (i == sp) {
                if (sign_of(z, f->sign, &v->neg))
                    return -1;
            } else if (z != 0xF)
                return -1;
            if (v->ndig < HM_NUM_MAXDIG)
                v->dig[v->ndig++] = (unsigned char)d;
        }
    } else if (f->kind == HM_CB_PACKED) {
        if (all_is(p, n, EB_SP) || all_is(p, n, 0))
            return 1;
        for (i = 0; i < 2 * n; i++) {
            unsigned nib = (i % 2) ? (p[i / 2] & 15u) : (p[i / 2] >> 4);
            if (i == 2 * n - 1) {
                if (sign_of(nib, f->sign, &v->neg))
                    return -1;
            } else {
                if (nib > 9)
                    return -1;
                if (v->ndig < HM_NUM_MAXDIG)
                    v->dig[v->ndig++] = (unsigned char)nib;
            }
        }
    } else if (f->kind == HM_CB_BINARY) {
        unsigned char b[8], tmp[HM_NUM_MAXDIG];
        int k = (int)n, nd = 0, j;
        if (n > 8)
            return -1;
        memcpy(b, p, n);
        if (f->sign && (b[0] & 0x80u)) {
            int carry = 1;
            v->neg = 1;
            for (j = k - 1; j >= 0; j--) {
                unsigned x = (unsigned)(~b[j] & 0xFFu) + (unsigned)carry;
                b[j] = (unsigned char)(x & 0xFFu);
                carry = x > 0xFFu;
            }
        }
        while (!allzero(b, k) && nd < HM_NUM_MAXDIG)
            tmp[nd++] = (unsigned char)divb(b, k, 10ul);
        for (j = 0; j < nd; j++)
            v->dig[j] = tmp[nd - 1 - j];
        v->ndig = nd;
    } else
        return -1;
    norm(v);
    return 0;
}

/* ---- placement ---- */

static int place(hm_lrec *r, int i, unsigned long start);

static int odo_count(hm_lrec *r, int i)
{
    const hm_cbfield *f = &r->cb->f[i];
    const hm_cbfield *o = &r->cb->f[f->odo];
    unsigned long off = r->aoff[f->odo];
    hm_num v;
    long x;
    int rc;
    char b1[24], b2[24], b3[24], hx[40];
    if (off > r->len || o->size > r->len - off)
        return fail(r, HMM_LAYSHORT, f->odo, 0, 0, off,
                    hm_fmt_ulong(o->size, b1),
                    hm_fmt_ulong((unsigned long)r->len, b2), 0);
    rc = decode_num(o, r->data + off, o->size, &v);
    if (rc < 0)
        return fail(r, o->kind == HM_CB_ZONED ? HMM_LAYZONED
                    : HMM_LAYPACKED, f->odo, 0, 0, off,
                    hexstr(r->data + off, o->size, hx), 0, 0);
    if (hm_num_long(&v, &x) || x < 0 || (unsigned long)x < f->occ_min
        || (unsigned long)x > f->occ_max) {
        char vb[HM_NUM_MAXDIG + 4];
        return fail(r, HMM_LAYODO, f->odo, 0, 0, off, hm_num_fmt(&v, vb),
                    hm_fmt_ulong(f->occ_min, b1),
                    hm_fmt_ulong(f->occ_max, b3));
    }
    (void)b2;
    r->acnt[i] = (unsigned long)x;
    return 0;
}

static int place(hm_lrec *r, int i, unsigned long start)
{
    const hm_cbfield *f = &r->cb->f[i];
    int c;
    r->aoff[i] = start;
    if (f->occurs == HM_CB_OCC_ODO) {
        if (odo_count(r, i))
            return -1;
    } else
        r->acnt[i] = f->occ_max;
    if (!f->variable) {
        /* fixed size: the static layout holds below this item */
        r->asz[i] = f->size;
        for (c = f->child; c >= 0; c = r->cb->f[c].next)
            if (place(r, c, start + (r->cb->f[c].offset - f->offset)))
                return -1;
        return 0;
    } else {
        unsigned long pos = start, base = start, maxend = start;
        for (c = f->child; c >= 0; c = r->cb->f[c].next) {
            const hm_cbfield *g = &r->cb->f[c];
            unsigned long cs = g->redefines >= 0 ? base : pos, end;
            if (place(r, c, cs))
                return -1;
            end = cs + r->asz[c] * r->acnt[c];
            if (g->redefines < 0) {
                base = cs;
                pos = end;
            }
            if (end > maxend)
                maxend = end;
        }
        r->asz[i] = maxend - start;
    }
    return 0;
}

static int placed(hm_lrec *r, int f)
{
    int root = r->cb->f[f].root;
    if (!r->state || !r->data)
        return -1;
    if (r->state[root] == 0)
        r->state[root] = (signed char)(place(r, root, 0) ? -1 : 1);
    return r->state[root] > 0 ? 0 : -1;
}

int hm_lay_locate(hm_lrec *r, int f, const unsigned long *subs,
                  int nsubs, unsigned long *off, unsigned long *size)
{
    const hm_copybook *cb = r->cb;
    int dims[HM_CB_MAXDIM], nd, k;
    unsigned long o;
    char b1[24], b2[24];
    if (f < 0 || f >= cb->nf || placed(r, f))
        return HM_LAY_ERR;
    nd = hm_cb_dims(cb, f, dims);
    if (nsubs != nd) {
        return fail(r, HMM_LAYNSUB, f, subs, nsubs < nd ? nsubs : nd,
                    r->aoff[f], hm_fmt_ulong((unsigned long)nd, b1),
                    hm_fmt_ulong((unsigned long)nsubs, b2), 0);
    }
    o = r->aoff[f];
    for (k = 0; k < nd; k++) {
        if (subs[k] < 1 || subs[k] > r->acnt[dims[k]])
            return fail(r, HMM_LAYSUB, f, subs, nsubs, r->aoff[f],
                        hm_fmt_ulong(subs[k], b1),
                        hm_fmt_ulong(r->acnt[dims[k]], b2), 0);
        o += (subs[k] - 1) * r->asz[dims[k]];
    }
    *off = o;
    *size = r->asz[f];
    if (o > r->len || *size > r->len - o)
        return fail(r, HMM_LAYSHORT, f, subs, nsubs, o,
                    hm_fmt_ulong(*size, b1),
                    hm_fmt_ulong((unsigned long)r->len, b2), 0);
    return HM_LAY_OK;
}

int hm_lay_bytes(hm_lrec *r, int f, const unsigned long *subs,
                 int nsubs, const unsigned char **p, unsigned long *n)
{
    unsigned long off;
    if (hm_lay_locate(r, f, subs, nsubs, &off, n))
        return HM_LAY_ERR;
    *p = r->data + off;
    return HM_LAY_OK;
}

long hm_lay_count(hm_lrec *r, int f)
{
    if (f < 0 || f >= r->cb->nf || placed(r, f))
        return -1;
    return (long)r->acnt[f];
}

int hm_lay_text(hm_lrec *r, int f, const unsigned long *subs,
                int nsubs, unsigned char *out, size_t cap,
                size_t *outlen)
{
    unsigned long off, n, i;
    size_t k = 0, keep = 0;
    int rc = HM_LAY_OK;
    *outlen = 0;
    if (hm_lay_locate(r, f, subs, nsubs, &off, &n) || !r->cv)
        return HM_LAY_ERR;
    for (i = 0; i < n; i++) {
        unsigned char b = r->data[off + i];
        const unsigned char *o = r->cv->out[b];
        if (k + o[0] > cap) {
            rc = HM_LAY_TRUNC;
            break;
        }
        memcpy(out + k, o + 1, o[0]);
        k += o[0];
        if (r->cv->unmapped[b])
            r->cv->nunmapped++;
        if (!(o[0] == 1 && (o[1] == AS_SP || o[1] == 0)))
            keep = k;
    }
    *outlen = keep;
    return rc;
}

int hm_lay_num(hm_lrec *r, int f, const unsigned long *subs,
               int nsubs, hm_num *v)
{
    unsigned long off, n;
    int rc;
    char hx[40];
    memset(v, 0, sizeof *v);
    if (hm_lay_locate(r, f, subs, nsubs, &off, &n))
        return HM_LAY_ERR;
    if (r->cb->f[f].kind == HM_CB_GROUP || r->cb->f[f].kind
        == HM_CB_ALNUM)
        return fail(r, HMM_LAYNOTNUM, f, subs, nsubs, off, 0, 0, 0);
    rc = decode_num(&r->cb->f[f], r->data + off, n, v);
    if (rc < 0)
        return fail(r, r->cb->f[f].kind == HM_CB_ZONED ? HMM_LAYZONED
                    : HMM_LAYPACKED, f, subs, nsubs, off,
                    hexstr(r->data + off, n, hx), 0, 0);
    return rc ? HM_LAY_EMPTY : HM_LAY_OK;
}

/* ---- calendar ---- */

static const struct {
    const char *name;
    int width;
} forms[HM_DF_COUNT] = {
    { "", 0 }, { "YYMMDD", 6 }, { "YYYYMMDD", 8 }, { "CYYMMDD", 7 },
    { "MMDDYY", 6 }, { "DDMMYY", 6 }, { "MMDDYYYY", 8 },
    { "DDMMYYYY", 8 }, { "YYDDD", 5 }, { "YYYYDDD", 7 },
    { "CYYDDD", 6 }, { "HHMMSS", 6 }, { "HHMM", 4 },
    { "HHMMSSTH", 8 }, { "YYYYMMDDHHMMSS", 14 }, { "STCK", 8 }
};

int hm_dt_width(int form)
{
    return form > 0 && form < HM_DF_COUNT ? forms[form].width : 0;
}

int hm_dt_form(const char *name)
{
    int i;
    for (i = 1; i < HM_DF_COUNT; i++)
        if (strcmp(name, forms[i].name) == 0)
            return i;
    return HM_DF_NONE;
}

const char *hm_dt_formname(int form)
{
    return form > 0 && form < HM_DF_COUNT ? forms[form].name : "";
}

int hm_dt_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int hm_dt_mdays(int y, int m)
{
    static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
                                30, 31 };
    if (m < 1 || m > 12)
        return 0;
    return md[m - 1] + (m == 2 && hm_dt_leap(y));
}

static int num2(const unsigned char *d)
{
    return d[0] * 10 + d[1];
}

static int yy(int y2, int window)
{
    int y = window - window % 100 + y2;
    if (y < window)
        y += 100;
    return y;
}

static int julian(int y, int ddd, hm_dt *dt)
{
    int m = 1;
    if (ddd < 1 || ddd > 365 + hm_dt_leap(y))
        return -1;
    while (ddd > hm_dt_mdays(y, m))
        ddd -= hm_dt_mdays(y, m++);
    dt->year = y;
    dt->month = m;
    dt->day = ddd;
    return 0;
}

int hm_dt_digits(const unsigned char *d, int form, int window,
                 hm_dt *dt)
{
    int y = 0, m = 0, dd = 0, i, w = hm_dt_width(form);
    memset(dt, 0, sizeof *dt);
    for (i = 0; i < w; i++)
        if (d[i] > 9)
            return -1;
    switch (form) {
    case HM_DF_YYMMDD:
        y = yy(num2(d), window); m = num2(d + 2); dd = num2(d + 4);
        break;
    case HM_DF_YYYYMMDD:
    case HM_DF_STAMP:
        y = num2(d) * 100 + num2(d + 2); m = num2(d + 4);
        dd = num2(d + 6);
        break;
    case HM_DF_CYYMMDD:
        y = 1900 + d[0] * 100 + num2(d + 1); m = num2(d + 3);
        dd = num2(d + 5);
        break;
    case HM_DF_MMDDYY:
        m = num2(d); dd = num2(d + 2); y = yy(num2(d + 4), window);
        break;
    case HM_DF_DDMMYY:
        dd = num2(d); m = num2(d + 2); y = yy(num2(d + 4), window);
        break;
    case HM_DF_MMDDYYYY:
        m = num2(d); dd = num2(d + 2); y = num2(d + 4) * 100
                                           + num2(d + 6);
        break;
    case HM_DF_DDMMYYYY:
        dd = num2(d); m = num2(d + 2); y = num2(d + 4) * 100
                                           + num2(d + 6);
        break;
    case HM_DF_YYDDD:
        dt->has_date = 1;
        return julian(yy(num2(d), window), d[2] * 100 + num2(d + 3), dt);
    case HM_DF_YYYYDDD:
        dt->has_date = 1;
        return julian(num2(d) * 100 + num2(d + 2),
                      d[4] * 100 + num2(d + 5), dt);
    case HM_DF_CYYDDD:
        dt->has_date = 1;
        return julian(1900 + d[0] * 100 + num2(d + 1),
                      d[3] * 100 + num2(d + 4), dt);
    case HM_DF_HHMMSS:
    case HM_DF_HHMMSSTH:
    case HM_DF_HHMM:
        dt->has_time = 1;
        dt->hour = num2(d);
        dt->minute = num2(d + 2);
        dt->second = form == HM_DF_HHMM ? 0 : num2(d + 4);
        return dt->hour > 23 || dt->minute > 59 || dt->second > 59 ? -1
                                                                  : 0;
    default:
        return -1;
    }
    if (y < 1 || m < 1 || m > 12 || dd < 1 || dd > hm_dt_mdays(y, m))
        return -1;
    dt->has_date = 1;
    dt->year = y;
    dt->month = m;
    dt->day = dd;
    if (form == HM_DF_STAMP) {
        dt->has_time = 1;
        dt->hour = num2(d + 8);
        dt->minute = num2(d + 10);
        dt->second = num2(d + 12);
        if (dt->hour > 23 || dt->minute > 59 || dt->second > 59)
            return -1;
    }
    return 0;
}

int hm_dt_tod(const unsigned char *tod, long leap, hm_dt *dt)
{
    unsigned char q[8];
    unsigned long sod, days;
    int k, y = 1900, m = 1;
    memset(dt, 0, sizeof *dt);
    /* microseconds: the value shifted right by 12 bits */
    q[0] = 0;
    for (k = 1; k < 8; k++)
        q[k] = tod[k - 1];
    for (k = 7; k >= 0; k--)
        q[k] = (unsigned char)((q[k] >> 4)
                               | (k ? (q[k - 1] << 4) & 0xF0u : 0));
    (void)divb(q, 8, 1000000ul);           /* now seconds */
    if (leap > 0) {
        /* subtract leap from the 64-bit value */
        unsigned long borrow = (unsigned long)leap;
        for (k = 7; k >= 0 && borrow; k--) {
            unsigned long sub = borrow & 0xFFu;
            borrow >>= 8;
            if (q[k] < sub) {
                q[k] = (unsigned char)(q[k] + 256u - sub);
                borrow++;
            } else
                q[k] = (unsigned char)(q[k] - sub);
        }
        if (borrow)
            return -1;
    }
    sod = divb(q, 8, 86400ul);
    days = 0;
    for (k = 0; k < 8; k++)
        days = days * 256ul + q[k];   /* below 53000 */
    while (days >= (unsigned long)(365 + hm_dt_leap(y))) {
        days -= (unsigned long)(365 + hm_dt_leap(y));
        y++;
    }
    while (days >= (unsigned long)hm_dt_mdays(y, m))
        days -= (unsigned long)hm_dt_mdays(y, m++);
    dt->year = y;
    dt->month = m;
    dt->day = (int)days + 1;
    dt->hour = (int)(sod / 3600ul);
    dt->minute = (int)(sod / 60ul % 60ul);
    dt->second = (int)(sod % 60ul);
    dt->has_date = dt->has_time = 1;
    return 0;
}

static void put_n(unsigned char *o, int v, int w)
{
    while (w-- > 0) {
        o[w] = (unsigned char)(AS_0 + v % 10);
        v /= 10;
    }
}

void hm_dt_str(const hm_dt *dt, unsigned char *out)
{
    put_n(out, dt->has_date ? dt->year : 0, 4);
    put_n(out + 4, dt->has_date ? dt->month : 0, 2);
    put_n(out + 6, dt->has_date ? dt->day : 0, 2);
    put_n(out + 8, dt->has_time ? dt->hour : 0, 2);
    put_n(out + 10, dt->has_time ? dt->minute : 0, 2);
    put_n(out + 12, dt->has_time ? dt->second : 0, 2);
    out[14] = 0;
}

void hm_dt_merge(const hm_dt *d, const hm_dt *t, hm_dt *out)
{
    hm_dt x;
    memset(&x, 0, sizeof x);
    if (d && d->has_date) {
        x.year = d->year;
        x.month = d->month;
        x.day = d->day;
        x.has_date = 1;
    }
    if (t && t->has_time) {
        x.hour = t->hour;
        x.minute = t->minute;
        x.second = t->second;
        x.has_time = 1;
    }
    *out = x;
}

int hm_lay_date(hm_lrec *r, int f, const unsigned long *subs,
                int nsubs, int form, hm_dt *dt)
{
    unsigned long off, n, i;
    unsigned char d[HM_NUM_MAXDIG];
    int w = hm_dt_width(form), nd = 0, rc, datey;
    const hm_cbfield *fd = &r->cb->f[f < 0 || f >= r->cb->nf ? 0 : f];
    char hx[40];
    memset(dt, 0, sizeof *dt);
    if (hm_lay_locate(r, f, subs, nsubs, &off, &n))
        return HM_LAY_ERR;
    if (w == 0)
        return fail(r, HMM_LAYDATE, f, subs, nsubs, off,
                    hexstr(r->data + off, n, hx), "?", 0);
    if (form == HM_DF_STCK) {
        if (n != 8 || hm_dt_tod(r->data + off, r->tod_leap, dt))
            return fail(r, HMM_LAYDATE, f, subs, nsubs, off,
                        hexstr(r->data + off, n, hx), "STCK", 0);
        return HM_LAY_OK;
    }
    datey = form != HM_DF_HHMMSS && form != HM_DF_HHMM
            && form != HM_DF_HHMMSSTH;
    if (fd->kind == HM_CB_ZONED || fd->kind == HM_CB_PACKED
        || fd->kind == HM_CB_BINARY) {
        hm_num v;
        rc = decode_num(fd, r->data + off, n, &v);
        if (rc > 0)
            return HM_LAY_EMPTY;
        if (rc < 0 || v.neg || v.ndig > w)
            return fail(r, HMM_LAYDATE, f, subs, nsubs, off,
                        hexstr(r->data + off, n, hx),
                        hm_dt_formname(form), 0);
        nd = w;
        for (i = 0; i < (unsigned long)w; i++)
            d[i] = (int)i < w - v.ndig ? 0 : v.dig[i - (w - v.ndig)];
    } else {
        int bad = 0;
        if (!r->cv)
            return HM_LAY_ERR;
        for (i = 0; i < n; i++) {
            const unsigned char *o = r->cv->out[r->data[off + i]];
            unsigned char c = o[1];
            if (o[0] != 1)
                bad = 1;
            else if (c >= AS_0 && c <= AS_9) {
                if (nd < HM_NUM_MAXDIG)
                    d[nd++] = (unsigned char)(c - AS_0);
                else
                    bad = 1;
            } else if (c != AS_SP && c != 0 && c != AS_MINUS
                       && c != AS_SLASH && c != AS_DOT && c != AS_COLON)
                bad = 1;
        }
        if (nd == 0 && !bad)
            return HM_LAY_EMPTY;
        if (bad || nd != w)
            return fail(r, HMM_LAYDATE, f, subs, nsubs, off,
                        hexstr(r->data + off, n, hx),
                        hm_dt_formname(form), 0);
    }
    if (datey && allzero(d, w))
        return HM_LAY_EMPTY;
    if (hm_dt_digits(d, form, r->window, dt))
        return fail(r, HMM_LAYDATE, f, subs, nsubs, off,
                    hexstr(r->data + off, n, hx), hm_dt_formname(form),
                    0);
    return HM_LAY_OK;
}

/* ---- conditions ---- */

/* compare the item's text with UTF-8 lit: <0, 0, >0; trailing
 * blanks do not count */
static int text_cmp(const hm_lrec *r, const unsigned char *p,
                    unsigned long n, const unsigned char *lit,
                    size_t ln)
{
    unsigned long i = 0;
    size_t j = 0;
    const unsigned char *o = 0;
    int k = 0, ko = 0;
    for (;;) {
        int have_a, have_b;
        unsigned a, b;
        while ((!o || k >= ko) && i < n) {
            o = r->cv->out[p[i++]];
            k = 0;
            ko = o[0];
        }
        have_a = o && k < ko;
        have_b = j < ln;
        if (!have_a && !have_b)
            return 0;
        a = have_a ? o[1 + k++] : AS_SP;
        b = have_b ? lit[j++] : AS_SP;
        if (a != b)
            return a < b ? -1 : 1;
    }
}

static int text_all(const hm_lrec *r, const unsigned char *p,
                    unsigned long n, unsigned char c)
{
    unsigned long i;
    for (i = 0; i < n; i++) {
        const unsigned char *o = r->cv->out[p[i]];
        if (o[0] != 1 || o[1] != c)
            return 0;
    }
    return 1;
}

/* a number literal as ASCII digits, for an alphanumeric item */
static size_t num_ascii(const hm_num *v, unsigned char *b)
{
    int i;
    size_t k = 0;
    if (v->neg)
        b[k++] = AS_MINUS;
    for (i = 0; i < v->ndig; i++) {
        if (i == v->ndig - v->scale && v->scale)
            b[k++] = AS_DOT;
        b[k++] = (unsigned char)(AS_0 + v->dig[i]);
    }
    if (v->ndig == 0)
        b[k++] = AS_0;
    return k;
}

static int lit_cmp(hm_lrec *r, const hm_cbfield *fd,
                   const unsigned char *p, unsigned long n,
                   const hm_cblit *l, const unsigned char *pool,
                   int numok, const hm_num *num, int *res)
{
    unsigned char nb[HM_NUM_MAXDIG + 4];
    unsigned long i;
    switch (l->kind) {
    case HM_CBV_NUM:
        if (fd->kind == HM_CB_ZONED || fd->kind == HM_CB_PACKED
            || fd->kind == HM_CB_BINARY) {
            if (!numok)
                return -1;
            *res = hm_num_cmp(num, &l->num);
            return 0;
        }
        *res = text_cmp(r, p, n, nb, num_ascii(&l->num, nb));
        return 0;
    case HM_CBV_TEXT:
        *res = text_cmp(r, p, n, pool + l->off, l->len);
        return 0;
    case HM_CBV_HEX:
        *res = 0;
        for (i = 0; i < n && *res == 0; i++) {
            unsigned b = i < l->len ? pool[l->off + i] : EB_SP;
            if (p[i] != b)
                *res = p[i] < b ? -1 : 1;
        }
        return 0;
    default:
        return -1;
    }
}

int hm_lay_match(hm_lrec *r, int f, const unsigned long *subs,
                 int nsubs, const hm_cbval *v, int nv,
                 const unsigned char *pool)
{
    unsigned long off, n;
    const unsigned char *p;
    const hm_cbfield *fd;
    hm_num num;
    int numok = 0, i;
    if (hm_lay_locate(r, f, subs, nsubs, &off, &n) || !r->cv)
        return -1;
    p = r->data + off;
    fd = &r->cb->f[f];
    if (fd->kind == HM_CB_ZONED || fd->kind == HM_CB_PACKED
        || fd->kind == HM_CB_BINARY)
        numok = decode_num(fd, p, n, &num) == 0;
    for (i = 0; i < nv; i++) {
        const hm_cblit *lo = &v[i].lo;
        int a, b;
        switch (lo->kind) {
        case HM_CBV_SPACE:
            if (text_all(r, p, n, AS_SP))
                return 1;
            continue;
        case HM_CBV_ZERO:
            if (numok ? num.ndig == 0 : text_all(r, p, n, AS_0))
                return 1;
            continue;
        case HM_CBV_LOW:
            if (all_is(p, n, 0))
                return 1;
            continue;
        case HM_CBV_HIGH:
            if (all_is(p, n, 0xFF))
                return 1;
            continue;
        default:
            break;
        }
        if (lit_cmp(r, fd, p, n, lo, pool, numok, &num, &a))
            continue;
        if (!v[i].thru) {
            if (a == 0)
                return 1;
            continue;
        }
        if (lit_cmp(r, fd, p, n, &v[i].hi, pool, numok, &num, &b))
            continue;
        if (a >= 0 && b <= 0)
            return 1;
    }
    return 0;
}

int hm_lay_cond(hm_lrec *r, int c, const unsigned long *subs,
                int nsubs)
{
    const hm_copybook *cb = r->cb;
    if (c < 0 || c >= cb->nc)
        return -1;
    return hm_lay_match(r, cb->c[c].field, subs, nsubs,
                        cb->v + cb->c[c].val, cb->c[c].nval, cb->pool);
}
