/*
 * inspect.c - the --inspect listing of a store: the first records of
 * each type, field by field, and the roles of the type (see
 * hm_profile.h). Lines are built in the execution character set
 * without printf; text values are shown with non-ASCII characters
 * as \uXXXX, invalid numbers with their bytes in hex.
 *
 * Example line (offset @, size +, kind G X Z P B):
 *     05 HDR-TO(1)                        @10    +8    X 'JSMITH'
 */
#include <string.h>
#include "hm_profile.h"

#define LINE 320
#define VALMAX 64            /* characters of a value shown */
#define COLPOS 40            /* column of the offset */

typedef struct lb {
    char b[LINE];
    size_t n;
} lb;

typedef struct ictx {
    const hm_profile *p;
    hm_lrec *r;
    hm_line_fn out;
    void *ctx;
} ictx;

static void put(lb *l, const char *s)
{
    while (*s && l->n + 1 < LINE)
        l->b[l->n++] = *s++;
    l->b[l->n] = 0;
}

static void putu(lb *l, unsigned long v)
{
    char nb[24];
    put(l, hm_fmt_ulong(v, nb));
}

static void pad(lb *l, size_t col)
{
    while (l->n < col && l->n + 1 < LINE)
        l->b[l->n++] = ' ';
    l->b[l->n] = 0;
}

static void emit(ictx *c, lb *l)
{
    c->out(c->ctx, l->b, l->n);
    l->n = 0;
    l->b[0] = 0;
}

/* UTF-8 text, shown in the execution charset */
static void put_text(lb *l, const unsigned char *s, size_t n)
{
    size_t i = 0;
    int shown = 0;
    char one[2], hx[12];
    put(l, "'");
    while (i < n) {
        unsigned long u;
        size_t k = hm_utf8_decode(s + i, n - i, &u);
        if (shown == VALMAX) {
            put(l, "...");
            break;
        }
        if (k == 0) {
            u = 0xFFFDul;
            k = 1;
        }
        i += k;
        if (u >= 0x20 && u <= 0x7E && u != 0x5C) {
            one[0] = hm_asc_char((unsigned char)u);
            one[1] = 0;
            put(l, one);
        } else {
            put(l, "\\u");
            put(l, hm_fmt_hex(u, u > 0xFFFF ? 6 : 4, hx));
        }
        shown++;
    }
    put(l, "'");
}

static void put_hex(lb *l, const unsigned char *p, unsigned long n)
{
    unsigned long i;
    char hx[4];
    put(l, "X'");
    for (i = 0; i < n && i < 32; i++)
        put(l, hm_fmt_hex(p[i], 2, hx));
    if (n > 32)
        put(l, "...");
    put(l, "'");
}

static void put_name(lb *l, const hm_cbfield *f, const unsigned long *s,
                     int ns)
{
    int i;
    put(l, f->name[0] ? f->name : "FILLER");
    for (i = 0; i < ns; i++) {
        put(l, i ? "," : "(");
        putu(l, s[i]);
    }
    if (ns)
        put(l, ")");
}

static const char kinds[] = "GXZPB";

static void value(ictx *c, lb *l, int f, const unsigned long *s, int ns)
{
    hm_lrec *r = c->r;
    const hm_cbfield *fd = &r->cb->f[f];
    unsigned long off, size;
    unsigned char buf[3 * 80];
    size_t n;
    hm_num v;
    char nb[HM_NUM_MAXDIG + 4];
    int rc;
    if (hm_lay_locate(r, f, s, ns, &off, &size)) {
        put(l, "*not in the record*");
        return;
    }
    if (fd->kind == HM_CB_GROUP)
        return;
    if (fd->kind == HM_CB_ALNUM) {
        rc = hm_lay_text(r, f, s, ns, buf, sizeof buf, &n);
        if (rc >= 0)
            put_text(l, buf, n);
        return;
    }
    rc = hm_lay_num(r, f, s, ns, &v);
    if (rc == HM_LAY_OK)
        put(l, hm_num_fmt(&v, nb));
    else if (rc == HM_LAY_EMPTY)
        put(l, "(empty) ");
    else
        put(l, "*INVALID* ");
    if (rc != HM_LAY_OK)
        put_hex(l, r->data + off, size);
}

static void field_line(ictx *c, int f, const unsigned long *s, int ns)
{
    lb l;
    const hm_cbfield *fd = &c->r->cb->f[f];
    unsigned long off = 0, size = 0;
    char kc[2];
    l.n = 0;
    pad(&l, (size_t)(2 + 2 * fd->depth));
    putu(&l, (unsigned long)fd->level / 10);
    putu(&l, (unsigned long)fd->level % 10);
    put(&l, " ");
    put_name(&l, fd, s, ns);
    pad(&l, COLPOS);
    put(&l, " ");
    (void)hm_lay_locate(c->r, f, s, ns, &off, &size);
    put(&l, "@");
    putu(&l, off);
    pad(&l, COLPOS + 8);
    put(&l, " +");
    putu(&l, size);
    pad(&l, COLPOS + 16);
    kc[0] = kinds[fd->kind];
    kc[1] = 0;
    put(&l, " ");
    put(&l, kc);
    put(&l, " ");
    value(c, &l, f, s, ns);
    emit(c, &l);
}

static void list_item(ictx *c, int f, unsigned long *s, int ns)
{
    const hm_copybook *cb = c->r->cb;
    const hm_cbfield *fd = &cb->f[f];
    long cnt = 1, k;
    int ch, i, n2;
    lb l;
    if (fd->occurs) {
        cnt = hm_lay_count(c->r, f);
        if (cnt <= 0) {
            l.n = 0;
            pad(&l, (size_t)(2 + 2 * fd->depth));
            put_name(&l, fd, s, ns);
            put(&l, cnt < 0 ? " *the occurrence count is not valid*"
                            : " (no occurrences)");
            emit(c, &l);
            return;
        }
    }
    for (k = 1; k <= cnt; k++) {
        n2 = ns;
        if (fd->occurs)
            s[n2++] = (unsigned long)k;
        field_line(c, f, s, n2);
        for (i = fd->cond; i < fd->cond + fd->ncond; i++) {
            int m = hm_lay_cond(c->r, i, s, n2);
            l.n = 0;
            pad(&l, (size_t)(4 + 2 * fd->depth));
            put(&l, "88 ");
            put(&l, cb->c[i].name);
            pad(&l, COLPOS + 20);
            put(&l, m > 0 ? "TRUE" : (m == 0 ? "FALSE" : "*ERROR*"));
            emit(c, &l);
        }
        for (ch = fd->child; ch >= 0; ch = cb->f[ch].next)
            list_item(c, ch, s, n2);
    }
}

static void role_lines(ictx *c, int t)
{
    const hm_profile *p = c->p;
    hm_lrec *r = c->r;
    const hm_ptype *ty = &p->t[t];
    const hm_roledef *roles;
    int nr, k, i;
    roles = hm_prof_roles(&nr);
    for (k = ty->map; k < ty->map + ty->nmap; k++) {
        const hm_pmap *m = &p->m[k];
        unsigned long s[HM_CB_MAXDIM];
        int ns;
        lb l;
        l.n = 0;
        put(&l, "  ROLE ");
        put(&l, roles[m->role].name);
        put(&l, " = ");
        if (m->field < 0) {
            put_text(&l, p->pool + m->off, m->len);
            emit(c, &l);
            continue;
        }
        ns = r->cb->f[m->field].ndim;
        for (i = 0; i < ns; i++)
            s[i] = i < m->nsubs ? m->subs[i] : 1;
        put_name(&l, &r->cb->f[m->field], s, ns);
        if (m->form) {
            put(&l, " as ");
            put(&l, hm_dt_formname(m->form));
        }
        put(&l, ": ");
        if (m->form) {
            hm_dt dt;
            unsigned char d[15];
            char e[16];
            int rc = hm_lay_date(r, m->field, s, ns, m->form, &dt);
            if (rc == HM_LAY_OK) {
                hm_dt_str(&dt, d);
                put(&l, hm_asc_exec(d, 14, e, sizeof e));
            } else
                put(&l, rc == HM_LAY_EMPTY ? "(empty)" : "*INVALID*");
        } else
            value(c, &l, m->field, s, ns);
        emit(c, &l);
    }
}

void hm_inspect_record(const hm_profile *p, hm_lrec *r, int t,
                       hm_line_fn out, void *ctx)
{
    ictx c;
    lb l;
    unsigned long s[HM_CB_MAXDIM];
    int root, quiet = r->quiet;
    c.p = p;
    c.r = r;
    c.out = out;
    c.ctx = ctx;
    r->quiet = 1;
    root = t >= 0 ? p->t[t].root : (p->nt ? p->t[0].root : 0);
    if (root < 0 || root >= r->cb->nf)
        root = 0;
    l.n = 0;
    put(&l, "RECORD ");
    putu(&l, r->recno);
    put(&l, " TYPE ");
    if (t >= 0) {
        put(&l, p->t[t].name);
        put(&l, " (");
        put(&l, hm_prof_itemname(p->t[t].item));
        put(&l, ")");
    } else
        put(&l, "(none)");
    put(&l, " LENGTH ");
    putu(&l, (unsigned long)r->len);
    put(&l, " LAYOUT ");
    put(&l, r->cb->f[root].name[0] ? r->cb->f[root].name : "(01)");
    emit(&c, &l);
    list_item(&c, root, s, 0);
    if (t >= 0)
        role_lines(&c, t);
    r->quiet = quiet;
}

int hm_inspect_rdr(void *ctx, const unsigned char **rec, size_t *len)
{
    return hm_rec_next((hm_rdr *)ctx, rec, len);
}

long hm_inspect(const hm_profile *p, hm_lrec *r, hm_next_fn next,
                void *nctx, unsigned long n, hm_line_fn out, void *ctx)
{
    unsigned long *seen;
    const unsigned char *rec;
    size_t len;
    long nrec = 0;
    int t, rc, i, full;
    seen = (unsigned long *)HM_ALLOC(&r->al, (size_t)(p->nt + 1)
                                     * sizeof(unsigned long));
    if (!seen) {
        hm_msg1(r->log, HMM_NOSTOR, r->dsname ? r->dsname : "(input)");
        return -1;
    }
    memset(seen, 0, (size_t)(p->nt + 1) * sizeof(unsigned long));
    while ((rc = next(nctx, &rec, &len)) == 1) {
        nrec++;
        hm_lay_set(r, rec, len, (unsigned long)nrec);
        t = hm_prof_type(p, r);
        i = t < 0 ? p->nt : t;
        if (seen[i] < n) {
            seen[i]++;
            hm_inspect_record(p, r, t, out, ctx);
        }
        full = 1;
        for (i = 0; i < p->nt; i++)
            if (seen[i] < n)
                full = 0;
        if (full)
            break;
    }
    HM_FREE(&r->al, seen);
    return rc < 0 ? -1 : nrec;
}
