/*
 * migread.c - read and check migration files (see migread.h).
 *
 * Pass 1 reads the packing list and opens every listed file. Pass 2
 * scans each secondary file from start to end: every section header,
 * Length, separator and Islast chain, UTF-8 of the text sections,
 * the Schedule+ lines; it keeps a table of section offsets. When a
 * Length does not reach the next header, the next header is searched
 * for, the real length is reported and the scan goes on from there;
 * the offsets the declared Lengths would give are kept too, so that
 * a pointer computed from them can be explained. Pass 3
 * reads each primary file line by line, checks every section, field
 * and pointer against that table, and (when asked) reads the data
 * of each message back and hands the items to the caller.
 */
#include <string.h>
#include "migread.h"
#include "migfile.h"
#include "hm_cp.h"

#define A_SP 0x20
#define A_BANG 0x21
#define A_QUOTE 0x22
#define A_HASH 0x23
#define A_PCT 0x25
#define A_LPAR 0x28
#define A_RPAR 0x29
#define A_STAR 0x2A
#define A_COMMA 0x2C
#define A_MINUS 0x2D
#define A_DOT 0x2E
#define A_SLASH 0x2F
#define A_0 0x30
#define A_9 0x39
#define A_COLON 0x3A
#define A_SEMI 0x3B
#define A_LT 0x3C
#define A_GT 0x3E
#define A_QMARK 0x3F
#define A_LBRK 0x5B
#define A_BSL 0x5C
#define A_RBRK 0x5D
#define A_LBRACE 0x7B
#define A_RBRACE 0x7D
#define A_BAR 0x7C
#define A_n 0x6E
#define A_r 0x72
#define A_CR 0x0D
#define A_LF 0x0A

#define MR_BUF 8192
#define MR_MAXF 64          /* fields of a line we look at */

/* section types */
#define ST_BODY 1
#define ST_ATT 2
#define ST_SCHED 3
#define ST_DOC 4
#define ST_OTHER 5
#define SF_LAST 8
#define SF_START 16

typedef struct mr_rd {
    hm_read_fn fn;
    void *ctx;
    int open;
    unsigned long pos;          /* file offset of buf[at] */
    size_t n, at;
    int eof, err;
    unsigned char buf[MR_BUF];
} mr_rd;

typedef struct mr_file {
    unsigned char aname[64];    /* as listed (ASCII) */
    size_t alen;
    char name[64];              /* execution character set */
    int secondary;
    int present;
    unsigned long size;
    /* sections (secondary files) */
    unsigned long *off;
    unsigned char *fl;
    unsigned long *len;
    unsigned long *dof;         /* where the declared Lengths put it */
    size_t ns, cap;
    int lenbad;                 /* a Length did not match the data */
} mr_file;

typedef struct mr_fld {
    const unsigned char *s;     /* value, unquoted */
    size_t n;
    int quoted;
} mr_fld;

typedef struct mr {
    hm_alloc al;
    const hm_mr_set *set;
    hm_log *log;
    hm_mf_tab tab;
    hm_mr_item_fn fn;
    void *fnctx;
    hm_mr_counts *c;
    unsigned cp;
    int cpcheck;                /* UTF-8 or single-byte checks apply */
    const char *pkl;
    mr_file *files;
    size_t nfiles, capfiles;
    int stop;
    /* the current line */
    unsigned char *line;
    size_t linecap, linelen;
    unsigned char *val;         /* unquoted values */
    mr_fld f[MR_MAXF];
    int nf;                     /* fields found (may exceed MR_MAXF) */
    unsigned long lineno;
    int warned_q;               /* NEEDQ reported for this file */
    int warned_lf;
    int nseek;                  /* header searches in this file */
    /* secondary reader for item data */
    mr_rd srd;
    size_t srd_file;
    /* scratch for the items */
    unsigned char *ubuf;        /* UTF-8 conversions */
    size_t ucap, ulen;
    mr_rd rd;
} mr;

/* ---------------------------------------------------------------- */
/* messages */

static void mr_count(mr *r, int sev)
{
    if (sev >= HM_SEV_E)
        r->c->errors++;
    else if (sev == HM_SEV_W)
        r->c->warnings++;
}

static void mr_msg(mr *r, int id, const char *a1, const char *a2,
                   const char *a3, const char *a4)
{
    const char *a[4];
    a[0] = a1;
    a[1] = a2;
    a[2] = a3;
    a[3] = a4;
    mr_count(r, hm_msg(r->log, id, a, 4));
}

static void mr_lmsg(mr *r, int id, const char *file, const char *a3,
                    const char *a4)
{
    char b[24];
    mr_msg(r, id, file, hm_fmt_ulong(r->lineno, b), a3, a4);
}

static void mr_omsg(mr *r, int id, const char *file, unsigned long off,
                    const char *a3)
{
    char b[24];
    mr_msg(r, id, file, hm_fmt_ulong(off, b), a3, 0);
}

/* PC bytes shown in a message (execution character set) */
static const char *mr_show(mr *r, const unsigned char *s, size_t n,
                           char *buf, size_t cap)
{
    size_t i, k = 0;
    for (i = 0; i < n && k + 4 < cap; i++) {
        unsigned char c = s[i];
        buf[k++] = (char)(c >= 0x20 && c < 0x7F && r->tab.to_exe[c]
                          ? r->tab.to_exe[c] : r->tab.to_exe[A_QMARK]);
    }
    if (i < n) {
        buf[k++] = r->tab.to_exe[A_DOT];
        buf[k++] = r->tab.to_exe[A_DOT];
        buf[k++] = r->tab.to_exe[A_DOT];
    }
    buf[k] = 0;
    return buf;
}

/* ---------------------------------------------------------------- */
/* reading */

static int rd_open(mr *r, mr_rd *d, const char *name,
                   unsigned long *size)
{
    unsigned long sz = 0;
    memset(d, 0, sizeof *d - sizeof d->buf);
    if (r->set->open(r->set->ctx, name, &d->fn, &d->ctx, &sz) != 0)
        return -1;
    d->open = 1;
    if (size)
        *size = sz;
    return 0;
}

static void rd_close(mr *r, mr_rd *d)
{
    if (d->open)
        r->set->close(r->set->ctx, d->ctx);
    d->open = 0;
}

static int rd_fill(mr_rd *d)
{
    long k;
    if (d->eof)
        return 0;
    if (d->at > 0) {
        memmove(d->buf, d->buf + d->at, d->n - d->at);
        d->n -= d->at;
        d->at = 0;
    }
    k = d->fn(d->ctx, d->buf + d->n, MR_BUF - d->n);
    if (k < 0) {
        d->err = 1;
        d->eof = 1;
        return 0;
    }
    if (k == 0) {
        d->eof = 1;
        return 0;
    }
    d->n += (size_t)k;
    return 1;
}

/* next byte, or -1 at the end */
static int rd_byte(mr_rd *d)
{
    if (d->at >= d->n && !rd_fill(d))
        return -1;
    d->pos++;
    return d->buf[d->at++];
}

static int rd_skip(mr_rd *d, unsigned long n)
{
    while (n > 0) {
        size_t k;
        if (d->at >= d->n && !rd_fill(d))
            return -1;
        k = d->n - d->at;
        if ((unsigned long)k > n)
            k = (size_t)n;
        d->at += k;
        d->pos += (unsigned long)k;
        n -= (unsigned long)k;
    }
    return 0;
}

static int rd_peek(mr_rd *d)
{
    if (d->at >= d->n && !rd_fill(d))
        return -1;
    return d->buf[d->at];
}

/* Read one physical line into r->line (appending at r->linelen).
 * Returns 0 at the end of the file (nothing read), else 1; *eol is
 * 1 for CR LF, 2 for LF only, 0 for none (end of file); *barecr is
 * set when a CR without LF occurred; *toolong when the line was cut
 * at HM_MR_MAXLINE. */
static int rd_line(mr *r, mr_rd *d, int *eol, int *barecr, int *toolong)
{
    int c, any = 0;
    *eol = 0;
    *barecr = 0;
    *toolong = 0;
    for (;;) {
        c = rd_byte(d);
        if (c < 0)
            break;
        any = 1;
        if (c == A_LF) {
            *eol = 2;
            break;
        }
        if (c == A_CR) {
            if (rd_peek(d) == A_LF) {
                rd_byte(d);
                *eol = 1;
                break;
            }
            *barecr = 1;
        }
        if (r->linelen + 1 >= r->linecap) {
            size_t nc = r->linecap * 2;
            unsigned char *p, *q;
            if (nc > HM_MR_MAXLINE + 2) {
                *toolong = 1;
                continue;
            }
            p = (unsigned char *)HM_ALLOC(&r->al, nc);
            q = (unsigned char *)HM_ALLOC(&r->al, nc);
            if (!p || !q) {
                if (p)
                    HM_FREE(&r->al, p);
                if (q)
                    HM_FREE(&r->al, q);
                *toolong = 1;
                continue;
            }
            memcpy(p, r->line, r->linelen);
            HM_FREE(&r->al, r->line);
            HM_FREE(&r->al, r->val);
            r->line = p;
            r->val = q;
            r->linecap = nc;
        }
        r->line[r->linelen++] = (unsigned char)c;
    }
    return any;
}

/* ---------------------------------------------------------------- */
/* CSV fields */

/* Split r->line[0..linelen) into fields, unquoting into r->val.
 * Returns the number of fields; *qerr = number (1-based) of the
 * first badly quoted field, 0 if none. */
static int csv_split(mr *r, int *qerr)
{
    const unsigned char *p = r->line;
    size_t n = r->linelen, i = 0, o = 0;
    int nf = 0;
    *qerr = 0;
    for (;;) {
        mr_fld *f = nf < MR_MAXF ? &r->f[nf] : 0;
        size_t start = o;
        int quoted = 0;
        if (i < n && p[i] == A_QUOTE) {
            quoted = 1;
            i++;
            for (;;) {
                if (i >= n) {
                    if (!*qerr)
                        *qerr = nf + 1;
                    break;
                }
                if (p[i] == A_QUOTE) {
                    if (i + 1 < n && p[i + 1] == A_QUOTE) {
                        r->val[o++] = A_QUOTE;
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                r->val[o++] = p[i++];
            }
            if (i < n && p[i] != A_COMMA) {
                if (!*qerr)
                    *qerr = nf + 1;
                while (i < n && p[i] != A_COMMA)
                    r->val[o++] = p[i++];
            }
        } else {
            while (i < n && p[i] != A_COMMA) {
                if (p[i] == A_QUOTE && !*qerr)
                    *qerr = nf + 1;
                r->val[o++] = p[i++];
            }
        }
        if (f) {
            f->s = r->val + start;
            f->n = o - start;
            f->quoted = quoted;
        }
        nf++;
        if (i >= n)
            break;
        i++;    /* the comma */
    }
    r->nf = nf;
    return nf;
}

static int fld_eq(mr *r, int i, const char *s)
{
    return i < r->nf && i < MR_MAXF
        && hm_mf_eq(&r->tab, r->f[i].s, r->f[i].n, s);
}

/* Does an unquoted field hold a character that needs quotes? The
 * character, or 0. */
static unsigned char needs_q(const mr_fld *f)
{
    size_t i;
    if (f->quoted)
        return 0;
    for (i = 0; i < f->n; i++) {
        unsigned char c = f->s[i];
        if (c == A_BANG || c == A_BSL || c == A_PCT || c == A_DOT
            || (c == A_HASH && i > 0))
            return c;
    }
    return 0;
}

/* #NAME(offset): returns 1 and sets name, offset; 0 when the field
 * is not a pointer; -1 when it starts with # but is malformed */
static int parse_ptr(const mr_fld *f, const unsigned char **nm,
                     size_t *nl, unsigned long *off)
{
    size_t i, lp;
    unsigned long v = 0;
    if (f->quoted || f->n < 1 || f->s[0] != A_HASH)
        return 0;
    for (lp = 1; lp < f->n && f->s[lp] != A_LPAR; lp++)
        ;
    if (lp >= f->n || lp == 1 || f->s[f->n - 1] != A_RPAR
        || lp + 2 >= f->n)
        return -1;
    for (i = lp + 1; i < f->n - 1; i++) {
        if (f->s[i] < A_0 || f->s[i] > A_9 || v > 429496728ul)
            return -1;
        v = v * 10ul + (unsigned long)(f->s[i] - A_0);
    }
    *nm = f->s + 1;
    *nl = lp - 1;
    *off = v;
    return 1;
}

static unsigned char up(unsigned char c)
{
    return (c >= 0x61 && c <= 0x7A) ? (unsigned char)(c - 0x20) : c;
}

static long find_file(mr *r, const unsigned char *nm, size_t nl)
{
    size_t i, k;
    for (i = 0; i < r->nfiles; i++) {
        mr_file *f = &r->files[i];
        if (f->alen != nl)
            continue;
        for (k = 0; k < nl && up(f->aname[k]) == up(nm[k]); k++)
            ;
        if (k == nl)
            return (long)i;
    }
    return -1;
}

/* ---------------------------------------------------------------- */
/* the packing list */

static int name_ok(const unsigned char *s, size_t n, int secondary)
{
    size_t i;
    if (n == 0 || n >= 64)
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c <= 0x20 || c >= 0x7F)
            return 0;
        if (secondary
            && (c == A_HASH || c == A_LPAR || c == A_RPAR || c == A_SEMI
                || c == A_COMMA || c == A_BSL || c == A_SLASH
                || c == A_COLON || c == A_STAR || c == A_QMARK
                || c == A_QUOTE || c == A_LT || c == A_GT
                || c == A_BAR))
            return 0;
    }
    return 1;
}

static int add_file(mr *r, const unsigned char *nm, size_t nl,
                    int secondary)
{
    mr_file *f;
    size_t i;
    if (r->nfiles == r->capfiles) {
        size_t nc = r->capfiles ? r->capfiles * 2 : 16;
        mr_file *p = (mr_file *)HM_ALLOC(&r->al, nc * sizeof *p);
        if (!p)
            return -1;
        if (r->files) {
            memcpy(p, r->files, r->nfiles * sizeof *p);
            HM_FREE(&r->al, r->files);
        }
        r->files = p;
        r->capfiles = nc;
    }
    f = &r->files[r->nfiles++];
    memset(f, 0, sizeof *f);
    memcpy(f->aname, nm, nl);
    f->alen = nl;
    for (i = 0; i < nl; i++)
        f->name[i] = (char)r->tab.to_exe[nm[i]];
    f->name[nl] = 0;
    f->secondary = secondary;
    return 0;
}

static void line_end_checks(mr *r, const char *file, int eol,
                            int barecr)
{
    if (eol == 2 && !r->warned_lf) {
        mr_lmsg(r, HMM_MRLFONLY, file, 0, 0);
        r->warned_lf = 1;
    }
    if (eol == 0)
        mr_lmsg(r, HMM_MRNOEOL, file, 0, 0);
    if (barecr)
        mr_lmsg(r, HMM_MRBARECR, file, 0, 0);
}

static int read_pkl(mr *r)
{
    mr_rd *d = &r->rd;
    int eol, bcr, tl, qerr, state = 0;
    unsigned long size;
    char sb[80];
    if (rd_open(r, d, r->pkl, &size) != 0) {
        mr_msg(r, HMM_OPEN, r->pkl, "not found", 0, 0);
        return -1;
    }
    r->lineno = 0;
    for (;;) {
        r->linelen = 0;
        if (!rd_line(r, d, &eol, &bcr, &tl))
            break;
        r->lineno++;
        line_end_checks(r, r->pkl, eol, bcr);
        if (r->linelen > 0 && r->line[0] == A_BANG)
            continue;                           /* comment */
        if (state == 0) {                       /* code page */
            size_t i;
            unsigned long v = 0;
            for (i = 0; i < r->linelen && v < 100000ul; i++) {
                if (r->line[i] < A_0 || r->line[i] > A_9)
                    break;
                v = v * 10ul + (unsigned long)(r->line[i] - A_0);
            }
            if (r->linelen == 0 || i < r->linelen || v == 0) {
                mr_lmsg(r, HMM_MRCPLINE, r->pkl, 0, 0);
                r->cp = 0;
            } else {
                r->cp = (unsigned)v;
            }
            state = 1;
            continue;
        }
        if (state == 1) {
            state = 2;
            if (r->linelen == 0)
                continue;
            mr_lmsg(r, HMM_MRPKLBLANK, r->pkl, 0, 0);
        }
        if (r->linelen == 0)
            continue;
        csv_split(r, &qerr);
        if (state == 2) {
            state = 3;
            if (r->nf == 2 && fld_eq(r, 0, "Filename")
                && fld_eq(r, 1, "Filetype"))
                continue;
            mr_lmsg(r, HMM_MRPKLHDR, r->pkl, 0, 0);
        }
        if (r->nf != 2 || qerr) {
            char b[24];
            mr_lmsg(r, HMM_MRPKLLINE, r->pkl,
                    hm_fmt_ulong((unsigned long)r->nf, b), 0);
            continue;
        }
        {
            int sec = fld_eq(r, 1, "Secondary");
            mr_fld *nm = &r->f[0];
            if (!sec && !fld_eq(r, 1, "Primary")) {
                mr_lmsg(r, HMM_MRPKLTYPE, r->pkl,
                        mr_show(r, r->f[1].s, r->f[1].n, sb, 40), 0);
                continue;
            }
            if (!name_ok(nm->s, nm->n, sec)) {
                mr_lmsg(r, HMM_MRSECNAME, r->pkl,
                        mr_show(r, nm->s, nm->n, sb, 70), 0);
                continue;
            }
            if (find_file(r, nm->s, nm->n) >= 0) {
                mr_lmsg(r, HMM_MRDUP, r->pkl,
                        mr_show(r, nm->s, nm->n, sb, 70), 0);
                continue;
            }
            if (add_file(r, nm->s, nm->n, sec) != 0) {
                mr_msg(r, HMM_NOSTOR, r->pkl, 0, 0, 0);
                rd_close(r, d);
                return -1;
            }
            {
                mr_file *f = &r->files[r->nfiles - 1];
                mr_rd t;
                if (rd_open(r, &t, f->name, &f->size) != 0) {
                    mr_lmsg(r, HMM_MRMISSING, r->pkl, f->name, 0);
                } else {
                    f->present = 1;
                    rd_close(r, &t);
                }
                if (sec)
                    r->c->sec_files++;
                else
                    r->c->pri_files++;
            }
        }
    }
    rd_close(r, d);
    if (state < 3) {
        if (state == 0)
            mr_lmsg(r, HMM_MRCPLINE, r->pkl, 0, 0);
        else if (state < 3)
            mr_lmsg(r, HMM_MRPKLHDR, r->pkl, 0, 0);
    }
    if (r->c->pri_files == 0)
        mr_msg(r, HMM_MRNOPRI, r->pkl, 0, 0, 0);
    r->c->codepage = r->cp;
    r->cpcheck = r->cp == HM_PC_UTF8 || r->cp == HM_PC_1252
        || r->cp == HM_PC_850;
    if (r->cp && !r->cpcheck) {
        char b[24];
        mr_msg(r, HMM_MRCPOTHER, r->pkl, hm_fmt_ulong(r->cp, b), 0, 0);
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* secondary files */

static int sec_add(mr *r, mr_file *f, unsigned long off, int fl,
                   unsigned long len, unsigned long dof)
{
    if (f->ns == f->cap) {
        size_t nc = f->cap ? f->cap * 2 : 64;
        unsigned long *o = (unsigned long *)HM_ALLOC(&r->al,
                                                     nc * sizeof *o);
        unsigned long *l = (unsigned long *)HM_ALLOC(&r->al,
                                                     nc * sizeof *l);
        unsigned long *e = (unsigned long *)HM_ALLOC(&r->al,
                                                     nc * sizeof *e);
        unsigned char *g = (unsigned char *)HM_ALLOC(&r->al, nc);
        if (!o || !g || !l || !e) {
            if (o)
                HM_FREE(&r->al, o);
            if (g)
                HM_FREE(&r->al, g);
            if (l)
                HM_FREE(&r->al, l);
            if (e)
                HM_FREE(&r->al, e);
            return -1;
        }
        if (f->off) {
            memcpy(o, f->off, f->ns * sizeof *o);
            memcpy(l, f->len, f->ns * sizeof *l);
            memcpy(e, f->dof, f->ns * sizeof *e);
            memcpy(g, f->fl, f->ns);
            HM_FREE(&r->al, f->off);
            HM_FREE(&r->al, f->len);
            HM_FREE(&r->al, f->dof);
            HM_FREE(&r->al, f->fl);
        }
        f->off = o;
        f->len = l;
        f->dof = e;
        f->fl = g;
        f->cap = nc;
    }
    f->off[f->ns] = off;
    f->len[f->ns] = len;
    f->dof[f->ns] = dof;
    f->fl[f->ns] = (unsigned char)fl;
    f->ns++;
    return 0;
}

static int sec_type(mr *r, int i)
{
    if (fld_eq(r, i, "Body"))
        return ST_BODY;
    if (fld_eq(r, i, "Attachment"))
        return ST_ATT;
    if (fld_eq(r, i, "Schedule"))
        return ST_SCHED;
    if (fld_eq(r, i, "Document"))
        return ST_DOC;
    if (fld_eq(r, i, "Other"))
        return ST_OTHER;
    return 0;
}

static int fld_num(mr *r, int i, long *v)
{
    size_t k = 0;
    int neg = 0;
    unsigned long x = 0;
    const mr_fld *f;
    if (i >= r->nf || i >= MR_MAXF)
        return 0;
    f = &r->f[i];
    if (f->n > 0 && f->s[0] == A_MINUS) {
        neg = 1;
        k = 1;
    }
    if (k >= f->n || f->n - k > 9)
        return 0;
    for (; k < f->n; k++) {
        if (f->s[k] < A_0 || f->s[k] > A_9)
            return 0;
        x = x * 10ul + (unsigned long)(f->s[k] - A_0);
    }
    *v = neg ? -(long)x : (long)x;
    return 1;
}

/* state of the data checks of one section */
typedef struct mr_dck {
    int type;
    unsigned char pend[4];
    int npend;
    int bad;                    /* UTF-8 error reported */
    unsigned long linechars;    /* schedule: characters on the line */
    int longrep;
    unsigned long sline;        /* schedule: line number */
    unsigned char head[32];
    size_t nhead;
    int depth;
} mr_dck;

static void dck_byte(mr *r, mr_dck *k, mr_file *f, unsigned long pos,
                     unsigned char c)
{
    int newchar = 1;
    if (r->cp == HM_PC_UTF8) {
        if (k->npend == 0 && c >= 0x80) {
            k->pend[k->npend++] = c;
            newchar = 0;
        } else if (k->npend > 0) {
            unsigned long u;
            size_t need;
            unsigned char lead = k->pend[0];
            need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            k->pend[k->npend++] = c;
            newchar = 0;
            if ((size_t)k->npend == need || (c & 0xC0) != 0x80
                || k->npend == 4) {
                if (hm_utf8_decode(k->pend, (size_t)k->npend, &u)
                    != (size_t)k->npend) {
                    if (!k->bad)
                        mr_omsg(r, HMM_MRUTF8, f->name,
                                pos + 1ul - (unsigned long)k->npend, 0);
                    k->bad = 1;
                } else {
                    newchar = 1;
                }
                k->npend = 0;
            }
        }
    }
    if (k->type != ST_SCHED)
        return;
    if (k->sline == 0 && k->nhead < sizeof k->head && c != A_CR
        && c != A_LF)
        k->head[k->nhead++] = c;
    if (c == A_LF) {
        k->sline++;
        k->linechars = 0;
        return;
    }
    if (c == A_CR)
        return;
    if (k->linechars == 0 && c == A_LBRACE && k->depth++ == 0)
        r->c->sched_items++;
    if (k->linechars == 0 && c == A_RBRACE && k->depth > 0)
        k->depth--;
    if (newchar && ++k->linechars > 80 && !k->longrep) {
        mr_omsg(r, HMM_MRSCHLINE, f->name, pos, 0);
        k->longrep = 1;
    }
}

/* ---------------------------------------------------------------- */
/* finding section headers when a Length is wrong */

#define MR_HDRMAX 512       /* longest line taken for a header */
#define MR_MAXSEEK 64       /* searches per file (each reads the file
                             * from its start) */

/* Does b[0..n) (a line without its end) look like a section header:
 * a Type of letters, then 6 more fields (commas outside quotes), the
 * second one a Length of 1 to 9 digits? */
static int hdr_like(const unsigned char *b, size_t n)
{
    size_t i, commas = 0, ls = 0, le = 0;
    int inq = 0;
    for (i = 0; i < n; i++) {
        unsigned char c = b[i];
        if (c == A_QUOTE) {
            inq = !inq;
        } else if (c == A_COMMA && !inq) {
            if (commas == 0)
                ls = i + 1;
            else if (commas == 1)
                le = i;
            commas++;
        } else if (commas == 0 && !((c >= 0x41 && c <= 0x5A)
                                    || (c >= 0x61 && c <= 0x7A))) {
            return 0;
        }
    }
    if (inq || commas != 6 || ls < 2 || le <= ls || le - ls > 9)
        return 0;
    for (i = ls; i < le; i++)
        if (b[i] < A_0 || b[i] > A_9)
            return 0;
    return 1;
}

/* The first line at or after byte offset from of f (at from itself,
 * or after a line end) that looks like a section header: 1 and
 * *hoff, or 0 when there is none. *blank: the line before it (after
 * from) is empty. Reads f afresh through r->srd, which is not in use
 * while the secondary files are scanned. */
static int sec_seek(mr *r, mr_file *f, unsigned long from,
                    unsigned long *hoff, int *blank)
{
    mr_rd *d = &r->srd;
    unsigned char b[MR_HDRMAX];
    size_t n = 0;
    unsigned long start = from;
    int c, over = 0, found = 0, prevempty = 0;
    if (r->nseek >= MR_MAXSEEK)
        return 0;
    r->nseek++;
    rd_close(r, d);
    if (rd_open(r, d, f->name, 0) != 0)
        return 0;
    if (rd_skip(d, from) == 0) {
        for (;;) {
            c = rd_byte(d);
            if (c < 0)
                break;
            if (c == A_LF) {
                if (n > 0 && b[n - 1] == A_CR)
                    n--;
                if (!over && hdr_like(b, n)) {
                    *hoff = start;
                    found = 1;
                    break;
                }
                prevempty = !over && n == 0;
                n = 0;
                over = 0;
                start = d->pos;
                continue;
            }
            if (n < sizeof b)
                b[n++] = (unsigned char)c;
            else
                over = 1;
        }
    }
    rd_close(r, d);
    if (blank)
        *blank = found && prevempty;
    return found;
}

/* Go on reading d (file name) at byte offset off. */
static int rd_goto(mr *r, mr_rd *d, const char *name, unsigned long off)
{
    if (off < d->pos) {
        rd_close(r, d);
        if (rd_open(r, d, name, 0) != 0)
            return -1;
    }
    return rd_skip(d, off - d->pos);
}

static const char *const mr_tname[8] = { "", "Body", "Attachment",
    "Schedule", "Document", "Other", "", "unknown" };

/* Section si of f (header at hdr, data from dstart) declares Length
 * len, but the next section header is at h: report the data that is
 * really there (h - dstart, less the blank line before h) and keep
 * that as the section's length. */
static void len_wrong(mr *r, mr_file *f, size_t si, unsigned long hdr,
                      unsigned long dstart, unsigned long len,
                      unsigned long h)
{
    char b[4][24];
    const char *a[6];
    unsigned long act = h - dstart;
    if (act >= 2)
        act -= 2;
    a[0] = f->name;
    a[1] = hm_fmt_ulong(hdr, b[0]);
    a[2] = mr_tname[f->fl[si] & 7];
    a[3] = hm_fmt_ulong(len, b[1]);
    a[4] = hm_fmt_ulong(act, b[2]);
    a[5] = hm_fmt_ulong(h, b[3]);
    mr_count(r, hm_msg(r->log, HMM_MRSECACT, a, 6));
    f->len[si] = act;
    f->lenbad = 1;
}

/* up to 8 offsets, "50, 161, 252, ..." */
static const char *off_list(const unsigned long *v, size_t n, char *buf)
{
    size_t i, k = 0;
    char b[24];
    for (i = 0; i < n && i < 8; i++) {
        const char *s = hm_fmt_ulong(v[i], b);
        if (i > 0) {
            buf[k++] = ',';
            buf[k++] = ' ';
        }
        memcpy(buf + k, s, strlen(s));
        k += strlen(s);
    }
    if (i < n) {
        memcpy(buf + k, ", ...", 5);
        k += 5;
    }
    buf[k] = 0;
    return buf;
}

/* Scan a secondary file: its column line, then each section: a
 * header line, exactly Length bytes of data and a blank line (CR LF).
 * A zero-length section may be followed directly by the next header,
 * as in Microsoft's free-document and schedule examples (blank lines
 * between sections are skipped anyway). When the data is not
 * followed by a blank line and a header, the next header is looked
 * for; the message then gives the declared and the real length, and
 * the scan goes on there. */
static void scan_sec(mr *r, mr_file *f)
{
    mr_rd *d = &r->rd;
    int eol, bcr, tl, qerr, prevlast = 1, havep = 0;
    unsigned long hdroff = 0, chainoff = 0, bodylen = 0, dstart, h;
    unsigned long dcur = 0, dofs, p_dstart = 0;
    size_t p_si = 0;
    long len, pos;
    char sb[80];
    if (rd_open(r, d, f->name, &f->size) != 0)
        return;
    r->warned_lf = 0;
    r->nseek = 0;
    r->linelen = 0;
    if (!rd_line(r, d, &eol, &bcr, &tl)
        || !hm_mf_eq(&r->tab, r->line, r->linelen, HM_MF_SECCOLS)
        || eol != 1)
        mr_omsg(r, HMM_MRSECCOLS, f->name, 0, 0);
    for (;;) {
        int type, last;
        mr_dck k;
        unsigned long i;
        hdroff = d->pos;
        r->linelen = 0;
        if (!rd_line(r, d, &eol, &bcr, &tl))
            break;
        if (r->linelen == 0 && eol)
            continue;           /* blank line between sections */
        if (eol == 2)
            mr_omsg(r, HMM_MRLFSEC, f->name, hdroff, 0);
        csv_split(r, &qerr);
        if (r->nf != 7 || qerr || !fld_num(r, 1, &len) || len < 0) {
            /* the Length before ran past the real next header? */
            if (havep && sec_seek(r, f, p_dstart, &h, 0) && h < hdroff) {
                len_wrong(r, f, p_si, f->off[p_si], p_dstart,
                          f->len[p_si], h);
                havep = 0;
                if (rd_goto(r, d, f->name, h) == 0)
                    continue;
                break;
            }
            mr_omsg(r, HMM_MRSECHDR, f->name, hdroff,
                    mr_show(r, r->line, r->linelen, sb, 60));
            prevlast = 1;
            havep = 0;
            if (sec_seek(r, f, d->pos, &h, 0)
                && rd_goto(r, d, f->name, h) == 0) {
                mr_omsg(r, HMM_MRRESYNC, f->name, h, 0);
                continue;
            }
            break;              /* lost: the rest is not checked */
        }
        type = sec_type(r, 0);
        if (!type)
            mr_omsg(r, HMM_MRSECTYPE, f->name, hdroff,
                    mr_show(r, r->f[0].s, r->f[0].n, sb, 40));
        last = fld_eq(r, 3, "TRUE");
        if (!last && !fld_eq(r, 3, "FALSE"))
            mr_omsg(r, HMM_MRISLAST, f->name, hdroff,
                    mr_show(r, r->f[3].s, r->f[3].n, sb, 40));
        if ((type == ST_ATT || type == ST_DOC) && r->f[4].n == 0)
            mr_omsg(r, HMM_MRNONAME, f->name, hdroff,
                    type == ST_ATT ? "Attachment" : "Document");
        if (type == ST_BODY)
            bodylen = (unsigned long)len;
        if (r->f[5].n
            && (!fld_num(r, 5, &pos) || pos < -1
                || (type == ST_ATT && pos > (long)bodylen)))
            mr_omsg(r, HMM_MRPOS, f->name, hdroff,
                    mr_show(r, r->f[5].s, r->f[5].n, sb, 40));
        if (r->f[6].n && !fld_eq(r, 6, "None")
            && !fld_eq(r, 6, "Macbinary"))
            mr_omsg(r, HMM_MRFORMAT, f->name, hdroff,
                    mr_show(r, r->f[6].s, r->f[6].n, sb, 40));
        if (prevlast)
            chainoff = hdroff;
        if (f->ns == 0)
            dcur = hdroff;
        dofs = dcur;
        if (sec_add(r, f, hdroff, (type ? type : 7)
                    | (last ? SF_LAST : 0) | (prevlast ? SF_START : 0),
                    (unsigned long)len, dofs) != 0) {
            mr_msg(r, HMM_NOSTOR, f->name, 0, 0, 0);
            break;
        }
        prevlast = last;
        if (type == ST_ATT)
            r->c->attachments++;
        else if (type == ST_DOC && f->ns >= 2
                 && (f->fl[f->ns - 2] & 7) == ST_BODY
                 && !(f->fl[f->ns - 2] & SF_LAST)
                 && f->len[f->ns - 2] == 0)
            r->c->documents++;  /* a free document: its first part */
        else if (type == ST_SCHED)
            r->c->sched_files++;
        dstart = d->pos;
        /* where the declared Length puts the next header */
        dcur = dofs + (dstart - hdroff) + (unsigned long)len
            + (len > 0 ? 2ul : 0ul);
        if (dstart + (unsigned long)len > f->size
            || dstart + (unsigned long)len < dstart) {
            char b[2][24];
            const char *a[5];
            if (sec_seek(r, f, dstart, &h, 0)) {
                len_wrong(r, f, f->ns - 1, hdroff, dstart,
                          (unsigned long)len, h);
                if (rd_goto(r, d, f->name, h) == 0)
                    continue;
                break;
            }
            f->lenbad = 1;
            a[0] = f->name;
            a[1] = hm_fmt_ulong(hdroff, b[0]);
            a[2] = mr_tname[type ? type : 7];
            a[3] = hm_fmt_ulong((unsigned long)len, sb);
            a[4] = hm_fmt_ulong(f->size - dstart, b[1]);
            mr_count(r, hm_msg(r->log, HMM_MRSECLEN, a, 5));
            prevlast = 1;
            break;
        }
        memset(&k, 0, sizeof k);
        k.type = (type == ST_BODY || type == ST_OTHER
                  || type == ST_SCHED) ? type : 0;
        if (k.type == 0 || !r->cpcheck) {
            k.type = 0;
            rd_skip(d, (unsigned long)len);
        } else {
            for (i = 0; i < (unsigned long)len; i++) {
                int c = rd_byte(d);
                if (c < 0)
                    break;
                if (r->cp == HM_PC_UTF8 || type == ST_SCHED)
                    dck_byte(r, &k, f, d->pos - 1ul, (unsigned char)c);
            }
            if (k.npend && !k.bad)
                mr_omsg(r, HMM_MRUTF8, f->name, d->pos - 1ul, 0);
            if (type == ST_SCHED
                && !hm_mf_eq(&r->tab, k.head, k.nhead, HM_MF_SC2HDR))
                mr_omsg(r, HMM_MRSCHED, f->name, hdroff, 0);
        }
        /* the blank line */
        if (rd_peek(d) == A_CR) {
            rd_byte(d);
            if (rd_peek(d) == A_LF) {
                rd_byte(d);
                if (len == 0)
                    dcur += 2;
            } else {
                mr_omsg(r, HMM_MRSECSEP, f->name, d->pos, 0);
            }
        } else if (len > 0) {
            int bl = 0;
            /* the next header elsewhere, or right here after a blank
             * line that the Length counted as data */
            if (sec_seek(r, f, dstart, &h, &bl)
                && (h != d->pos || (bl && len >= 2))) {
                len_wrong(r, f, f->ns - 1, hdroff, dstart,
                          (unsigned long)len, h);
                if (rd_goto(r, d, f->name, h) == 0)
                    continue;
                break;
            }
            mr_omsg(r, HMM_MRSECSEP, f->name, d->pos, 0);
        }
        havep = 1;
        p_si = f->ns - 1;
        p_dstart = dstart;
    }
    if (!prevlast)
        mr_omsg(r, HMM_MRCHAIN, f->name, chainoff, 0);
    if (f->lenbad && f->ns > 0) {
        char l1[120], l2[120], b[2][24];
        const char *a[5];
        a[0] = f->name;
        a[1] = off_list(f->dof, f->ns, l1);
        a[2] = hm_fmt_ulong(dcur, b[0]);
        a[3] = off_list(f->off, f->ns, l2);
        a[4] = hm_fmt_ulong(f->size, b[1]);
        mr_count(r, hm_msg(r->log, HMM_MRDECL, a, 5));
    }
    rd_close(r, d);
}

/* index of the section at off in f, or -1 */
static long sec_find(const mr_file *f, unsigned long off)
{
    size_t lo = 0, hi = f->ns;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->off[mid] == off)
            return (long)mid;
        if (f->off[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* ---------------------------------------------------------------- */
/* item read-back: text in the set's code page to UTF-8 */

static int ub_room(mr *r, size_t more)
{
    if (r->ulen + more > r->ucap) {
        size_t nc = r->ucap ? r->ucap : 4096;
        unsigned char *p;
        while (nc < r->ulen + more)
            nc *= 2;
        p = (unsigned char *)HM_ALLOC(&r->al, nc);
        if (!p)
            return -1;
        if (r->ubuf) {
            memcpy(p, r->ubuf, r->ulen);
            HM_FREE(&r->al, r->ubuf);
        }
        r->ubuf = p;
        r->ucap = nc;
    }
    return 0;
}

/* append converted text; returns the offset in ubuf, or -1. Offsets
 * (not pointers) are kept, since ubuf may move. */
static long ub_text(mr *r, const unsigned char *s, size_t n)
{
    size_t i, at = r->ulen;
    if (ub_room(r, n * 3 + 1) != 0)
        return -1;
    if (r->cp == HM_PC_UTF8 || !r->cpcheck) {
        memcpy(r->ubuf + r->ulen, s, n);
        r->ulen += n;
    } else {
        for (i = 0; i < n; i++) {
            int um;
            unsigned long u = s[i] < 0x80 ? s[i]
                : hm_pc_to_ucs(r->cp, s[i]);
            if (u == HM_CP_UNDEF)
                u = 0xFFFDul;
            r->ulen += hm_pc_encode(HM_PC_UTF8, u, r->ubuf + r->ulen,
                                    &um);
        }
    }
    return (long)at;
}

/* ---------------------------------------------------------------- */
/* primary files */

#define SEC_NONE 0
#define SEC_DIR 1
#define SEC_PAB 2
#define SEC_MAIL 3

typedef struct mr_pri {
    mr_file *f;
    int sect;
    int state;                  /* 0 title, 1 header, 2 records,
                                 * 3 skip to blank */
    int nhdr;
    int dircol[10];             /* DIRECTORY: column of each field */
    int public;
    unsigned char addr[256];
    size_t addrlen;
    unsigned char prevaddr[256];
    size_t prevlen;
    int haveprev;
} mr_pri;

#define DC_CLASS 0
#define DC_MODE 1
#define DC_CN 2
#define DC_DN 3
#define DC_LAST 4
#define DC_FIRST 5
#define DC_PROXY 6
#define DC_TARGET 7
#define DC_HOME 8
#define DC_MEMBERS 9
#define DC_N 10

static const char *const mr_dircols[DC_N][2] = {
    { "Obj-class", "Obj-class" }, { "Mode", "Mode" },
    { "Common-Name", "Common-Name" }, { "Display-Name", "Display-Name" },
    { "Last Name", "Surname" }, { "First Name", "Given-Name" },
    { "Secondary-Proxy-Addresses", "Secondary-Proxy-Addresses" },
    { "Target-Address", "E-mail address" },
    { "Home-Server", "Home-Server" }, { "Members", "Members" } };

/* Pointer p (shown as ps) to offset off of f lands on no section
 * header: say where it does land. */
static void ptr_miss(mr *r, const char *file, const mr_file *f,
                     unsigned long off, const char *ps)
{
    char b[6][24];
    const char *a[7];
    size_t lo = 0, hi = f->ns, i;
    a[0] = file;
    a[1] = hm_fmt_ulong(r->lineno, b[0]);
    a[2] = ps;
    a[3] = f->name;
    if (f->ns == 0) {
        mr_count(r, hm_msg(r->log, HMM_MRPTRNOSEC, a, 4));
        return;
    }
    if (off >= f->size) {
        a[4] = hm_fmt_ulong(f->size, b[1]);
        a[5] = hm_fmt_ulong(f->off[f->ns - 1], b[2]);
        mr_count(r, hm_msg(r->log, HMM_MRPTREOF, a, 6));
    } else if (off < f->off[0]) {
        a[4] = hm_fmt_ulong(f->off[0], b[1]);
        mr_count(r, hm_msg(r->log, HMM_MRPTRPRE, a, 5));
    } else {
        unsigned long near;
        while (lo < hi) {       /* the last section before off */
            size_t mid = lo + (hi - lo) / 2;
            if (f->off[mid] < off)
                lo = mid + 1;
            else
                hi = mid;
        }
        i = lo - 1;
        near = f->off[i];
        if (lo < f->ns && f->off[lo] - off < off - near)
            near = f->off[lo];
        a[3] = hm_fmt_ulong(off - f->off[i], b[1]);
        a[4] = mr_tname[f->fl[i] & 7];
        a[5] = hm_fmt_ulong(f->off[i], b[2]);
        a[6] = hm_fmt_ulong(near, b[3]);
        mr_count(r, hm_msg(r->log, HMM_MRPTRLAND, a, 7));
    }
    /* computed from the declared Lengths? */
    for (i = 0; f->lenbad && i < f->ns; i++) {
        if (f->dof[i] == off && f->off[i] != off) {
            a[2] = hm_fmt_ulong(off, b[4]);
            a[3] = f->name;
            a[4] = hm_fmt_ulong(f->off[i], b[5]);
            mr_count(r, hm_msg(r->log, HMM_MRPTRDECL, a, 5));
            break;
        }
    }
}

/* Resolve a pointer field: returns the section index, sets *fi. */
static long check_ptr(mr *r, const char *file, int i, long *fi,
                      const char *what)
{
    const unsigned char *nm;
    size_t nl;
    unsigned long off;
    long s, k;
    char sb[80];
    int pr = parse_ptr(&r->f[i], &nm, &nl, &off);
    if (pr <= 0) {
        mr_lmsg(r, HMM_MRPTR, file, what,
                mr_show(r, r->f[i].s, r->f[i].n, sb, 50));
        return -1;
    }
    k = find_file(r, nm, nl);
    if (k < 0 || !r->files[k].secondary) {
        mr_lmsg(r, HMM_MRPTRFILE, file, mr_show(r, nm, nl, sb, 50), 0);
        return -1;
    }
    *fi = k;
    if (!r->files[k].present)
        return -1;
    s = sec_find(&r->files[k], off);
    if (s < 0) {
        ptr_miss(r, file, &r->files[k], off,
                 mr_show(r, r->f[i].s, r->f[i].n, sb, 50));
        return -1;
    }
    if (!(r->files[k].fl[s] & SF_START)) {
        mr_lmsg(r, HMM_MRMIDCHAIN, file,
                mr_show(r, r->f[i].s, r->f[i].n, sb, 50), 0);
        return -1;
    }
    return s;
}

static void check_date(mr *r, const char *file, int i, const char *nm)
{
    char sb[80];
    if (r->f[i].n && !hm_mf_date_ok(r->f[i].s, r->f[i].n))
        mr_lmsg(r, HMM_MRDATE, file, nm,
                mr_show(r, r->f[i].s, r->f[i].n, sb, 40));
}

static void check_flag(mr *r, const char *file, int i, const char *nm)
{
    char sb[80];
    if (r->f[i].n && !fld_eq(r, i, "TRUE") && !fld_eq(r, i, "FALSE"))
        mr_lmsg(r, HMM_MRFLAG, file, nm,
                mr_show(r, r->f[i].s, r->f[i].n, sb, 40));
}

/* ---------------------------------------------------------------- */
/* reading a chain for the items */

typedef struct mr_part {
    int type;
    int last;
    long name;                  /* offset in ubuf, -1: none */
    size_t namelen;
    long data;                  /* offset in ubuf */
    unsigned long len;
    long pos;
    int macbin;
} mr_part;

/* Read the sections of the chain starting at section s of file fi
 * into ubuf; parts[] gets their description. Returns the number of
 * parts, or -1. */
static long read_chain(mr *r, long fi, long s, mr_part **parts,
                       size_t *cap)
{
    mr_file *f = &r->files[fi];
    mr_rd *d = &r->srd;
    long np = 0;
    int eol, bcr, tl, qerr;
    unsigned long i;
    if (d->open && (r->srd_file != (size_t)fi || d->pos > f->off[s]))
        rd_close(r, d);
    if (!d->open) {
        if (rd_open(r, d, f->name, 0) != 0)
            return -1;
        r->srd_file = (size_t)fi;
    }
    if (rd_skip(d, f->off[s] - d->pos) != 0)
        return -1;
    for (;; s++) {
        mr_part *p;
        long pos;
        if ((size_t)s >= f->ns)
            break;
        if (rd_skip(d, f->off[s] - d->pos) != 0)
            return -1;
        r->linelen = 0;
        if (!rd_line(r, d, &eol, &bcr, &tl))
            return -1;
        csv_split(r, &qerr);
        if ((size_t)np >= *cap) {
            size_t nc = *cap ? *cap * 2 : 8;
            mr_part *q = (mr_part *)HM_ALLOC(&r->al, nc * sizeof *q);
            if (!q)
                return -1;
            if (*parts) {
                memcpy(q, *parts, *cap * sizeof *q);
                HM_FREE(&r->al, *parts);
            }
            *parts = q;
            *cap = nc;
        }
        p = &(*parts)[np++];
        p->type = f->fl[s] & 7;
        p->last = (f->fl[s] & SF_LAST) != 0;
        p->len = f->len[s];
        p->pos = -1;
        if (r->f[5].n && fld_num(r, 5, &pos))
            p->pos = pos;
        p->macbin = fld_eq(r, 6, "Macbinary");
        p->name = -1;
        p->namelen = 0;
        if (r->f[4].n) {
            p->name = ub_text(r, r->f[4].s, r->f[4].n);
            p->namelen = r->ulen - (size_t)p->name;
        }
        if (ub_room(r, (size_t)p->len * 3 + 1) != 0)
            return -1;
        p->data = (long)r->ulen;
        if (p->type == ST_ATT || p->type == ST_DOC
            || p->type == ST_SCHED) {
            for (i = 0; i < p->len; i++) {
                int c = rd_byte(d);
                if (c < 0)
                    return -1;
                r->ubuf[r->ulen++] = (unsigned char)c;
            }
        } else {
            /* text: convert in pieces through the line buffer */
            unsigned long left = p->len;
            unsigned char tmp[256];
            while (left > 0) {
                size_t k = left > sizeof tmp ? sizeof tmp : (size_t)left;
                size_t j;
                for (j = 0; j < k; j++) {
                    int c = rd_byte(d);
                    if (c < 0)
                        return -1;
                    tmp[j] = (unsigned char)c;
                }
                if (ub_text(r, tmp, k) < 0)
                    return -1;
                left -= (unsigned long)k;
            }
        }
        p->len = (unsigned long)(r->ulen - (size_t)p->data);
        if (p->last)
            break;
    }
    return np;
}

/* ---------------------------------------------------------------- */
/* splitting list fields for the items */

/* Split value v (already unquoted once) on ; outside quotes, then
 * unquote each value; results appended to ubuf as offsets/lengths
 * in off[]/len[]. Returns the number of values (at most max). */
static size_t split_list(mr *r, const unsigned char *v, size_t n,
                         unsigned char sep, long *off, size_t *len,
                         size_t max)
{
    size_t i = 0, nv = 0;
    if (n == 0)
        return 0;
    for (;;) {
        size_t st;
        if (ub_room(r, n + 1) != 0)
            return nv;
        st = r->ulen;
        if (i < n && v[i] == A_QUOTE && sep == A_SEMI) {
            i++;
            while (i < n) {
                if (v[i] == A_QUOTE) {
                    if (i + 1 < n && v[i + 1] == A_QUOTE) {
                        r->ubuf[r->ulen++] = A_QUOTE;
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                r->ubuf[r->ulen++] = v[i++];
            }
            while (i < n && v[i] != sep)
                r->ubuf[r->ulen++] = v[i++];
        } else {
            while (i < n && v[i] != sep)
                r->ubuf[r->ulen++] = v[i++];
        }
        if (nv < max) {
            off[nv] = (long)st;
            len[nv] = r->ulen - st;
            nv++;
        }
        if (i >= n)
            break;
        i++;
    }
    return nv;
}

#define MR_MAXV 256

typedef struct mr_lists {
    long off[MR_MAXV];
    size_t len[MR_MAXV];
    size_t n;
} mr_lists;

static void to_text(mr *r, hm_text *t, long off, size_t len)
{
    t->s = off >= 0 ? r->ubuf + off : 0;
    t->len = off >= 0 ? len : 0;
}

/* "name [addr]" -> name, addr */
static void to_addr(mr *r, hm_addr *a, long off, size_t len)
{
    const unsigned char *s = r->ubuf + off;
    size_t k;
    to_text(r, &a->name, off, len);
    a->addr.s = 0;
    a->addr.len = 0;
    if (len >= 3 && s[len - 1] == A_RBRK) {
        for (k = len - 1; k > 0; k--)
            if (s[k - 1] == A_LBRK)
                break;
        if (k > 0) {
            size_t nl = k - 1;
            a->addr.s = s + k;
            a->addr.len = len - 1 - k;
            if (nl > 0 && s[nl - 1] == A_SP)
                nl--;
            a->name.len = nl;
        }
    }
}

/* ---------------------------------------------------------------- */

/* the whole field list of the line, converted */
static long fld_conv(mr *r, int i, size_t *len)
{
    long o = ub_text(r, r->f[i].s, r->f[i].n);
    *len = o < 0 ? 0 : r->ulen - (size_t)o;
    return o;
}

static void emit_account(mr *r, mr_pri *p)
{
    hm_item it;
    long o;
    size_t n;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_ACCOUNT;
    r->ulen = 0;
    o = ub_text(r, p->addr, p->addrlen);
    n = r->ulen;
    to_text(r, &it.u.account.address, o, n);
    it.u.account.id = it.u.account.address;
    it.u.account.public = p->public;
    if (r->fn(r->fnctx, &it) != 0)
        r->stop = 1;
}

static void emit_dir(mr *r, mr_pri *p)
{
    hm_item it;
    hm_dirobj *d = &it.u.dir;
    hm_text *tx[DC_N];
    hm_text mem[MR_MAXV];
    long off[DC_N];
    size_t len[DC_N];
    mr_lists l;
    int c;
    size_t j;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_DIROBJ;
    r->ulen = 0;
    l.n = 0;
    d->cls = fld_eq(r, p->dircol[DC_CLASS], "mailbox") ? HM_DIR_MAILBOX
        : fld_eq(r, p->dircol[DC_CLASS], "remote") ? HM_DIR_REMOTE
        : HM_DIR_DL;
    tx[DC_CLASS] = tx[DC_MODE] = tx[DC_MEMBERS] = 0;
    tx[DC_CN] = &d->common_name;
    tx[DC_DN] = &d->display_name;
    tx[DC_LAST] = &d->surname;
    tx[DC_FIRST] = &d->given_name;
    tx[DC_PROXY] = &d->source_addr;
    tx[DC_TARGET] = &d->target_addr;
    tx[DC_HOME] = &d->home_server;
    for (c = 0; c < DC_N; c++) {
        int i = p->dircol[c];
        size_t n, k, o2;
        long o;
        off[c] = -1;
        len[c] = 0;
        if (c < DC_CN || i < 0 || i >= r->nf || i >= MR_MAXF)
            continue;
        o = fld_conv(r, i, &n);
        if (o < 0)
            continue;
        /* undo the doubled backslashes in place */
        for (k = 0, o2 = 0; k < n; k++) {
            unsigned char ch = r->ubuf[o + (long)k];
            if (ch == A_BSL && k + 1 < n
                && r->ubuf[o + (long)k + 1] == A_BSL)
                k++;
            r->ubuf[o + (long)o2++] = ch;
        }
        off[c] = o;
        len[c] = o2;
        if (c == DC_PROXY && o2 >= 8
            && hm_mf_eq(&r->tab, r->ubuf + o, 8, "MIGRATE:")) {
            off[c] += 8;
            len[c] -= 8;
        }
        if (c == DC_MEMBERS)
            l.n = split_list(r, r->ubuf + off[c], len[c], A_SEMI,
                             l.off, l.len, MR_MAXV);
    }
    for (c = DC_CN; c < DC_N; c++)
        if (tx[c])
            to_text(r, tx[c], off[c], len[c]);
    for (j = 0; j < l.n; j++)
        to_text(r, &mem[j], l.off[j], l.len[j]);
    d->members = mem;
    d->nmembers = l.n;
    if (r->fn(r->fnctx, &it) != 0)
        r->stop = 1;
}

static void emit_pab(mr *r, long note_fi, long note_s)
{
    hm_item it;
    hm_pab *p = &it.u.pab;
    hm_text mem[MR_MAXV];
    long off[HM_PAB_NFIELDS];
    size_t len[HM_PAB_NFIELDS];
    mr_lists l;
    int i;
    size_t n, j;
    long o;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_PAB;
    r->ulen = 0;
    l.n = 0;
    p->is_dl = fld_eq(r, 0, "dl");
    for (i = 0; i < HM_PAB_NFIELDS; i++) {
        off[i] = -1;
        len[i] = 0;
        if (i + 1 >= r->nf || (i == HM_PAB_NOTE && note_s >= 0))
            continue;
        off[i] = fld_conv(r, i + 1, &len[i]);
    }
    if (p->is_dl && off[HM_PAB_EMAIL] >= 0) {
        l.n = split_list(r, r->ubuf + off[HM_PAB_EMAIL],
                         len[HM_PAB_EMAIL], A_SEMI, l.off, l.len,
                         MR_MAXV);
        off[HM_PAB_EMAIL] = -1;
    }
    if (note_s >= 0) {
        mr_part *parts = 0;
        size_t cap = 0;
        long np = read_chain(r, note_fi, note_s, &parts, &cap);
        if (np > 0) {
            off[HM_PAB_NOTE] = parts[0].data;
            len[HM_PAB_NOTE] = (size_t)parts[0].len;
        }
        if (parts)
            HM_FREE(&r->al, parts);
    }
    for (i = 0; i < HM_PAB_NFIELDS; i++)
        to_text(r, &p->f[i], off[i], len[i]);
    for (j = 0; j < l.n; j++)
        to_text(r, &mem[j], l.off[j], l.len[j]);
    p->members = mem;
    p->nmembers = l.n;
    (void)n;
    (void)o;
    if (r->fn(r->fnctx, &it) != 0)
        r->stop = 1;
}

/* A message line: its items (message, document or schedule message).
 * All text is first gathered in ubuf by offset, then turned into
 * pointers once ubuf no longer moves. */
static void emit_msg(mr *r, long fi, long s)
{
    hm_item it;
    hm_message *m = &it.u.msg;
    mr_part *parts = 0;
    size_t cap = 0, i, n;
    long np, o;
    mr_lists fl, lists[4];
    long subj;
    size_t subjl;
    hm_text *fold = 0;
    hm_addr *adr = 0;
    hm_data *bodies = 0;
    hm_attach *atts = 0;
    hm_docpart *more = 0;
    size_t nb = 0, na = 0, k, nadr;
    memset(&it, 0, sizeof it);
    r->ulen = 0;
    o = fld_conv(r, 0, &n);
    fl.n = o < 0 ? 0 : split_list(r, r->ubuf + o, n, A_BSL, fl.off,
                                  fl.len, MR_MAXV);
    for (k = 0; k < 4; k++) {
        o = fld_conv(r, (int)k + 1, &n);
        lists[k].n = o < 0 ? 0 : split_list(r, r->ubuf + o, n, A_SEMI,
                                            lists[k].off, lists[k].len,
                                            MR_MAXV);
    }
    subj = fld_conv(r, 5, &subjl);
    if (r->f[6].n == 14)
        memcpy(m->sent.d, r->f[6].s, 14);
    if (r->f[7].n == 14)
        memcpy(m->received.d, r->f[7].s, 14);
    {
        long pr;
        m->priority = fld_num(r, 8, &pr) ? (int)pr : 0;
    }
    m->unread = fld_eq(r, 9, "TRUE");
    m->unsent = fld_eq(r, 10, "TRUE");
    np = read_chain(r, fi, s, &parts, &cap);
    if (np < 0)
        np = 0;
    nadr = lists[0].n + lists[1].n + lists[2].n + lists[3].n;
    fold = (hm_text *)HM_ALLOC(&r->al, (fl.n + 1) * sizeof *fold);
    adr = (hm_addr *)HM_ALLOC(&r->al, (nadr + 1) * sizeof *adr);
    bodies = (hm_data *)HM_ALLOC(&r->al, ((size_t)np + 1)
                                 * sizeof *bodies);
    atts = (hm_attach *)HM_ALLOC(&r->al, ((size_t)np + 1)
                                 * sizeof *atts);
    if (!fold || !adr || !bodies || !atts)
        goto done;
    for (i = 0; i < fl.n; i++)
        to_text(r, &fold[i], fl.off[i], fl.len[i]);
    k = 0;
    for (i = 0; i < 4; i++) {
        size_t j;
        for (j = 0; j < lists[i].n; j++)
            to_addr(r, &adr[k + j], lists[i].off[j], lists[i].len[j]);
        if (i == 0) {
            if (lists[0].n)
                m->sender = adr[0];
        } else if (i == 1) {
            m->to = adr + k;
            m->nto = lists[1].n;
        } else if (i == 2) {
            m->cc = adr + k;
            m->ncc = lists[2].n;
        } else {
            m->bcc = adr + k;
            m->nbcc = lists[3].n;
        }
        k += lists[i].n;
    }
    to_text(r, &m->subject, subj, subjl);
    for (i = 0; i < (size_t)np; i++) {
        mr_part *p = &parts[i];
        if (p->type == ST_BODY) {
            memset(&bodies[nb], 0, sizeof bodies[nb]);
            bodies[nb].p = r->ubuf + p->data;
            bodies[nb].size = p->len;
            nb++;
        } else if (p->type == ST_ATT || p->type == ST_SCHED
                   || p->type == ST_DOC) {
            hm_attach *a = &atts[na++];
            memset(a, 0, sizeof *a);
            to_text(r, &a->name, p->name, p->namelen);
            a->data.p = r->ubuf + p->data;
            a->data.size = p->len;
            a->position = p->pos;
            a->macbinary = p->macbin;
        }
    }
    /* the free-document rule: empty body, then a Document; the
     * Document sections after it are further parts */
    if (np >= 2 && parts[0].type == ST_BODY && parts[0].len == 0
        && parts[1].type == ST_DOC) {
        hm_document *d = &it.u.doc;
        hm_message mm = *m;
        size_t nd = 1;
        while (nd < na && (size_t)np > nd + 1
               && parts[nd + 1].type == ST_DOC)
            nd++;
        it.kind = HM_ITEM_DOCUMENT;
        memset(d, 0, sizeof *d);
        d->folder = fold;
        d->nfolder = fl.n;
        d->author = mm.sender;
        d->date = mm.sent;
        d->name = atts[0].name;
        d->data = atts[0].data;
        if (nd > 1) {
            more = (hm_docpart *)HM_ALLOC(&r->al, (nd - 1) * sizeof *more);
            if (!more)
                goto done;
            for (i = 1; i < nd; i++) {
                more[i - 1].name = atts[i].name;
                more[i - 1].data = atts[i].data;
            }
            d->more = more;
            d->nmore = nd - 1;
        }
    } else {
        it.kind = HM_ITEM_MESSAGE;
        m->folder = fold;
        m->nfolder = fl.n;
        m->body = bodies;
        m->nbody = nb;
        if (nb == 1 && bodies[0].size == 0 && na > 0)
            m->nbody = 0;
        m->att = atts;
        m->natt = na;
    }
    if (r->fn(r->fnctx, &it) != 0)
        r->stop = 1;
done:
    if (fold)
        HM_FREE(&r->al, fold);
    if (adr)
        HM_FREE(&r->al, adr);
    if (bodies)
        HM_FREE(&r->al, bodies);
    if (atts)
        HM_FREE(&r->al, atts);
    if (more)
        HM_FREE(&r->al, more);
    if (parts)
        HM_FREE(&r->al, parts);
}

/* ---------------------------------------------------------------- */

static void pri_title(mr *r, mr_pri *p, const char *file)
{
    char sb[80];
    int qerr;
    csv_split(r, &qerr);
    p->public = 0;
    if (r->nf == 1 && fld_eq(r, 0, "DIRECTORY")) {
        p->sect = SEC_DIR;
    } else if (r->nf == 2 && (fld_eq(r, 0, "PAB")
                              || fld_eq(r, 0, "MAILMESSAGE"))
               && r->f[1].n > 0 && !qerr) {
        p->sect = fld_eq(r, 0, "PAB") ? SEC_PAB : SEC_MAIL;
        p->addrlen = r->f[1].n < sizeof p->addr ? r->f[1].n
            : sizeof p->addr;
        memcpy(p->addr, r->f[1].s, p->addrlen);
        if (p->sect == SEC_MAIL) {
            p->public = fld_eq(r, 1, "PublicMessages");
            if (fld_eq(r, 1, "PublicMessage"))
                mr_lmsg(r, HMM_MRPUBNAME, file, 0, 0);
            if (!p->public && (!p->haveprev || p->prevlen != p->addrlen
                               || memcmp(p->prevaddr, p->addr,
                                         p->addrlen) != 0)) {
                r->c->mailboxes++;
                memcpy(p->prevaddr, p->addr, p->addrlen);
                p->prevlen = p->addrlen;
                p->haveprev = 1;
            }
        }
    } else {
        mr_lmsg(r, HMM_MRTITLE, file,
                mr_show(r, r->line, r->linelen, sb, 60), 0);
        p->state = 3;
        return;
    }
    p->state = 1;
}

static void pri_header(mr *r, mr_pri *p, const char *file)
{
    static const char *const dsect[4] = { "", "DIRECTORY", "PAB",
                                          "MAILMESSAGE" };
    char b[24];
    int qerr, i, k;
    csv_split(r, &qerr);
    p->nhdr = r->nf;
    p->state = 2;
    if (p->sect == SEC_DIR) {
        for (k = 0; k < DC_N; k++)
            p->dircol[k] = -1;
        for (i = 0; i < r->nf && i < MR_MAXF; i++)
            for (k = 0; k < DC_N; k++)
                if (fld_eq(r, i, mr_dircols[k][0])
                    || fld_eq(r, i, mr_dircols[k][1]))
                    p->dircol[k] = i;
        if (p->dircol[DC_CLASS] != 0) {
            mr_lmsg(r, HMM_MRNOHDR, file, dsect[p->sect], 0);
            p->state = 3;
        }
    } else if (p->sect == SEC_PAB) {
        if (r->nf != 24
            || !hm_mf_eq(&r->tab, r->line, r->linelen, HM_MF_PABHDR)) {
            mr_lmsg(r, HMM_MRPABHDR, file,
                    hm_fmt_ulong((unsigned long)r->nf, b), 0);
            p->state = 3;
        }
    } else {
        static const char *const names[12] = {
            "Folder", "Sender", "To", "Cc", "Bcc", "Subject",
            "Send-Date", "Received-Date", "Priority", "Unread", "Unsent",
            "Body" };
        for (i = 0; i < 12; i++)
            if (!fld_eq(r, i, names[i]))
                break;
        if (i < 12 || r->nf != 12) {
            mr_lmsg(r, HMM_MRMSGHDR, file,
                    hm_fmt_ulong((unsigned long)i + 1ul, b), 0);
            p->state = 3;
        }
    }
}

static void pri_record(mr *r, mr_pri *p, const char *file, int qerr)
{
    char b1[24], b2[24], sb[80];
    int i;
    long fi = -1, s;
    if (qerr)
        mr_lmsg(r, HMM_MRQUOTE, file, hm_fmt_ulong((unsigned long)qerr,
                                                   b1), 0);
    if (r->nf != p->nhdr) {
        mr_lmsg(r, HMM_MRNFIELDS, file,
                hm_fmt_ulong((unsigned long)r->nf, b1),
                hm_fmt_ulong((unsigned long)p->nhdr, b2));
        return;
    }
    for (i = 0; i < r->nf && i < MR_MAXF && !r->warned_q; i++) {
        const unsigned char *nm;
        size_t nl;
        unsigned long off;
        unsigned char qc = needs_q(&r->f[i]);
        if (qc && parse_ptr(&r->f[i], &nm, &nl, &off) == 0) {
            char cs[4];
            const char *a[5];
            cs[0] = '"';
            cs[1] = (char)r->tab.to_exe[qc];
            cs[2] = '"';
            cs[3] = 0;
            a[0] = file;
            a[1] = hm_fmt_ulong(r->lineno, b2);
            a[2] = hm_fmt_ulong((unsigned long)i + 1ul, b1);
            a[3] = mr_show(r, r->f[i].s, r->f[i].n, sb, 40);
            a[4] = cs;
            mr_count(r, hm_msg(r->log, HMM_MRNEEDQ, a, 5));
            r->warned_q = 1;
        }
    }
    if (p->sect == SEC_DIR) {
        int c = p->dircol[DC_CLASS];
        if (!fld_eq(r, c, "mailbox") && !fld_eq(r, c, "remote")
            && !fld_eq(r, c, "dl")) {
            mr_lmsg(r, HMM_MROBJCLS, file,
                    mr_show(r, r->f[c].s, r->f[c].n, sb, 40), 0);
            return;
        }
        if (p->dircol[DC_MODE] >= 0
            && !fld_eq(r, p->dircol[DC_MODE], "create"))
            mr_lmsg(r, HMM_MRMODE, file,
                    mr_show(r, r->f[p->dircol[DC_MODE]].s,
                            r->f[p->dircol[DC_MODE]].n, sb, 40), 0);
        for (i = 0; i < r->nf && i < MR_MAXF; i++) {
            const mr_fld *f = &r->f[i];
            const unsigned char *nm;
            size_t nl, k;
            unsigned long off;
            if (parse_ptr(f, &nm, &nl, &off) == 1)
                mr_lmsg(r, HMM_MRDIRPTR, file,
                        mr_show(r, f->s, f->n, sb, 40), 0);
            for (k = 0; k < f->n; k++) {
                if (f->s[k] != A_BSL)
                    continue;
                if (k + 1 < f->n && f->s[k + 1] == A_BSL) {
                    k++;
                    continue;
                }
                if (k + 1 < f->n && (f->s[k + 1] == A_r
                                     || f->s[k + 1] == A_n)) {
                    k++;
                    continue;
                }
                mr_lmsg(r, HMM_MRDIRBSL, file,
                        hm_fmt_ulong((unsigned long)i + 1ul, b1), 0);
                break;
            }
        }
        if (fld_eq(r, c, "mailbox"))
            r->c->dir_mailboxes++;
        else if (fld_eq(r, c, "remote"))
            r->c->dir_remotes++;
        else
            r->c->dir_dls++;
        if (r->fn)
            emit_dir(r, p);
        return;
    }
    if (p->sect == SEC_PAB) {
        long nfi = -1, ns = -1;
        if (!fld_eq(r, 0, "entry") && !fld_eq(r, 0, "dl")) {
            mr_lmsg(r, HMM_MROBJCLS, file,
                    mr_show(r, r->f[0].s, r->f[0].n, sb, 40), 0);
            return;
        }
        for (i = 1; i < r->nf && i < MR_MAXF; i++) {
            const unsigned char *nm;
            size_t nl;
            unsigned long off;
            int pr = parse_ptr(&r->f[i], &nm, &nl, &off);
            if (pr != 0) {
                long x = check_ptr(r, file, i, &fi, "PAB field");
                if (i == r->nf - 1 && x >= 0) {
                    nfi = fi;
                    ns = x;
                }
            }
        }
        if (fld_eq(r, 0, "dl"))
            r->c->pab_dls++;
        else
            r->c->pab_entries++;
        if (r->fn)
            emit_pab(r, nfi, ns);
        return;
    }
    /* MAILMESSAGE */
    check_date(r, file, 6, "Send-Date");
    check_date(r, file, 7, "Received-Date");
    if (r->f[8].n && !fld_eq(r, 8, "0") && !fld_eq(r, 8, "1")
        && !fld_eq(r, 8, "-1"))
        mr_lmsg(r, HMM_MRPRIO, file,
                mr_show(r, r->f[8].s, r->f[8].n, sb, 40), 0);
    check_flag(r, file, 9, "Unread");
    check_flag(r, file, 10, "Unsent");
    if (r->f[11].n == 0) {
        mr_lmsg(r, HMM_MRBODYPTR, file, 0, 0);
        return;
    }
    s = check_ptr(r, file, 11, &fi, "Body");
    if (s < 0)
        return;
    {
        mr_file *f = &r->files[fi];
        int t = f->fl[s] & 7;
        if (t != ST_BODY) {
            static const char *const tn[8] = { "", "Body", "Attachment",
                "Schedule", "Document", "Other", "", "unknown" };
            mr_lmsg(r, HMM_MRCHFIRST, file,
                    mr_show(r, r->f[11].s, r->f[11].n, sb, 40), tn[t]);
            return;
        }
        if ((size_t)s + 1 < f->ns && !(f->fl[s] & SF_LAST)
            && f->len[s] == 0
            && ((f->fl[s + 1] & 7) == ST_DOC
                || (f->fl[s + 1] & 7) == ST_SCHED))
            ;   /* a document or a schedule message */
        else if (p->public)
            r->c->public_messages++;
        else
            r->c->messages++;
    }
    if (r->fn)
        emit_msg(r, fi, s);
}

static void read_pri(mr *r, mr_file *f)
{
    mr_rd *d = &r->rd;
    mr_pri p;
    int eol, bcr, tl, qerr;
    unsigned long startline;
    char b[24];
    static const char *const dsect[4] = { "", "DIRECTORY", "PAB",
                                          "MAILMESSAGE" };
    memset(&p, 0, sizeof p);
    p.f = f;
    if (rd_open(r, d, f->name, &f->size) != 0)
        return;
    r->lineno = 0;
    r->warned_q = r->warned_lf = 0;
    while (!r->stop) {
        int cont;
        r->linelen = 0;
        if (!rd_line(r, d, &eol, &bcr, &tl))
            break;
        r->lineno++;
        startline = r->lineno;
        line_end_checks(r, f->name, eol, bcr);
        /* continuation lines: \\ at the end outside quotes (not in
         * comments or DIRECTORY sections) */
        cont = 1;
        while (cont && r->linelen >= 2 && p.sect != SEC_DIR
               && r->line[0] != A_BANG
               && r->line[r->linelen - 1] == A_BSL
               && r->line[r->linelen - 2] == A_BSL) {
            size_t i;
            int inq = 0;
            for (i = 0; i < r->linelen; i++)
                if (r->line[i] == A_QUOTE)
                    inq = !inq;
            if (inq)
                break;
            r->linelen -= 2;
            if (!rd_line(r, d, &eol, &bcr, &tl)) {
                mr_lmsg(r, HMM_MRCONT, f->name, 0, 0);
                cont = 0;
            }
            r->lineno++;
            line_end_checks(r, f->name, eol, bcr);
        }
        if (tl) {
            unsigned long sv = r->lineno;
            r->lineno = startline;
            mr_lmsg(r, HMM_MRLONG, f->name,
                    hm_fmt_ulong(HM_MR_MAXLINE, b), 0);
            r->lineno = sv;
            break;
        }
        if (r->linelen > 0 && r->line[0] == A_BANG)
            continue;
        {
            unsigned long sv = r->lineno;
            r->lineno = startline;
            if (r->linelen == 0) {
                if (p.state == 1)
                    mr_lmsg(r, HMM_MRNOHDR, f->name, dsect[p.sect], 0);
                p.state = 0;
            } else if (p.state == 0) {
                pri_title(r, &p, f->name);
                if (p.state == 1 && r->fn && p.sect != SEC_DIR)
                    emit_account(r, &p);
            } else if (p.state == 1) {
                pri_header(r, &p, f->name);
            } else if (p.state == 2) {
                csv_split(r, &qerr);
                pri_record(r, &p, f->name, qerr);
            }
            r->lineno = sv;
        }
    }
    if (p.state == 1)
        mr_lmsg(r, HMM_MRNOHDR, f->name, dsect[p.sect], 0);
    rd_close(r, d);
}

int hm_mr_check(const hm_alloc *a, const hm_mr_set *set,
                const char *pkl, hm_log *log, hm_mr_item_fn fn,
                void *fnctx, hm_mr_counts *counts)
{
    mr *r;
    hm_mr_counts dummy;
    size_t i;
    int rc;
    if (!counts)
        counts = &dummy;
    memset(counts, 0, sizeof *counts);
    r = (mr *)HM_ALLOC(a, sizeof *r);
    if (!r) {
        hm_msg1(log, HMM_NOSTOR, pkl);
        return 12;
    }
    memset(r, 0, sizeof *r);
    r->al = *a;
    r->set = set;
    r->log = log;
    r->fn = fn;
    r->fnctx = fnctx;
    r->c = counts;
    r->pkl = pkl;
    hm_mf_tables(&r->tab);
    r->linecap = 4096;
    r->line = (unsigned char *)HM_ALLOC(a, r->linecap);
    r->val = (unsigned char *)HM_ALLOC(a, r->linecap);
    if (!r->line || !r->val) {
        hm_msg1(log, HMM_NOSTOR, pkl);
        rc = 12;
        goto out;
    }
    if (read_pkl(r) != 0) {
        rc = 12;
        goto out;
    }
    for (i = 0; i < r->nfiles; i++)
        if (r->files[i].secondary && r->files[i].present)
            scan_sec(r, &r->files[i]);
    for (i = 0; i < r->nfiles && !r->stop; i++)
        if (!r->files[i].secondary && r->files[i].present)
            read_pri(r, &r->files[i]);
    rc = counts->errors ? 8 : counts->warnings ? 4 : 0;
out:
    rd_close(r, &r->srd);
    for (i = 0; i < r->nfiles; i++) {
        if (r->files[i].off)
            HM_FREE(a, r->files[i].off);
        if (r->files[i].len)
            HM_FREE(a, r->files[i].len);
        if (r->files[i].fl)
            HM_FREE(a, r->files[i].fl);
        if (r->files[i].dof)
            HM_FREE(a, r->files[i].dof);
    }
    if (r->files)
        HM_FREE(a, r->files);
    if (r->line)
        HM_FREE(a, r->line);
    if (r->val)
        HM_FREE(a, r->val);
    if (r->ubuf)
        HM_FREE(a, r->ubuf);
    HM_FREE(a, r);
    return rc;
}
