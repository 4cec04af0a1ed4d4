/*
 * migwrite.c - write migration files (.PKL/.PRI/.SEC) from items.
 * See migwrite.h for the interface and README for the format rules
 * and the choices made where Microsoft's documents are silent.
 *
 * Every byte written is computed from numeric constants or through
 * the hm_mf_tab translation of fixed texts, so the output is the
 * same in an ASCII and in an EBCDIC build.
 */
#include <string.h>
#include "migwrite.h"
#include "migfile.h"
#include "hm_cp.h"

#define A_SP 0x20
#define A_BANG 0x21
#define A_QUOTE 0x22
#define A_HASH 0x23
#define A_PCT 0x25
#define A_LPAR 0x28
#define A_RPAR 0x29
#define A_COMMA 0x2C
#define A_MINUS 0x2D
#define A_DOT 0x2E
#define A_SLASH 0x2F
#define A_0 0x30
#define A_COLON 0x3A
#define A_SEMI 0x3B
#define A_QMARK 0x3F
#define A_A 0x41
#define A_X 0x58
#define A_LBRK 0x5B
#define A_BSL 0x5C
#define A_RBRK 0x5D
#define A_a 0x61
#define A_z 0x7A
#define A_DEL 0x7F
#define A_CR 0x0D
#define A_LF 0x0A
#define A_TAB 0x09

#define MW_BUF 16384
#define MW_EOLS 1024            /* line ends tx_len keeps for tx_valid */
#define MW_RBUF 4096
#define MW_NAME_MAX 255         /* characters of an attachment name */
#define MW_SECCOLS_LEN 50ul     /* the column line and CR LF */

/* one output file */
typedef struct mw_out {
    hm_write_fn fn;
    void *ctx;
    int open;
    char name[13];              /* execution character set */
    unsigned char aname[13];    /* ASCII */
    size_t alen;
    unsigned long pos;          /* bytes written incl. buffered */
    size_t nbuf;
    /* transfer mode text: the record being built (host bytes) */
    unsigned char *rec;
    size_t reclen;
    int cr;                     /* a CR came last */
    unsigned long recno;        /* records passed on */
    unsigned char buf[MW_BUF];
} mw_out;

/* where converted bytes go: a file, a memory buffer, or nowhere
 * (counting only) */
typedef struct mw_sink {
    mw_out *o;
    unsigned char *mem;
    unsigned long n;
    int final;                  /* count replacements (last pass) */
    int col;                    /* characters on the current line */
} mw_sink;

/* A value of a CSV field: up to 4 pieces of UTF-8 text (for
 * "name [addr]"); pieces with brk set have [ ] mapped to ( ). */
typedef struct mw_piece {
    const unsigned char *s;
    size_t n;
    int brk;
} mw_piece;

typedef struct mw_val {
    mw_piece p[4];
    int np;
    int plain;  /* val_scan found no byte val_emit would change (nor
                 * one from X'80' up): UTF-8 out copies the pieces */
} mw_val;

/* field flags */
#define F_DIR 1         /* DIRECTORY: double every backslash */
#define F_MINI 2        /* multi-valued: quote values with ; or " */
#define F_NAME 4        /* SEC Name: quote only for , " ; ! # blanks */
#define F_FOLDER 8      /* folder components: \ inside becomes / */

#define SECT_NONE 0
#define SECT_PAB 1
#define SECT_MAIL 2

struct hm_mw {
    hm_alloc al;
    hm_mw_files files;
    hm_log *log;
    hm_mf_tab tab;
    unsigned cp;
    unsigned long sec_limit;
    unsigned long sched_limit;
    const char *pkl_name;
    int plain_proxy;
    hm_time now;
    int failed;
    /* transfer mode text */
    int text;
    unsigned long rec_max;
    unsigned char *recbuf[3];   /* records of dir, pri, sec */
    unsigned char tx_host[256]; /* PC byte -> host byte */
    unsigned char tx_ok[256];   /* 1: survives a text transfer */
    mw_out dir;
    mw_out pri;
    mw_out sec;
    int dir_cls;                /* class of the open DIRECTORY section */
    int have_dir;               /* DIR00000.PRI was created */
    /* the current account */
    int have_acct;
    int acct_public;
    unsigned char stem[6];      /* ASCII: ccc + nnn */
    unsigned char sc2[12];      /* ASCII name of the schedule file */
    size_t sc2len;
    unsigned char *acct_addr;
    size_t acct_addrlen;
    unsigned char *acct_name;
    size_t acct_namelen;
    unsigned long acct_seq;
    unsigned sec_part;
    int sect;                   /* SECT_* open in pri */
    /* names of the account files, for the packing list */
    unsigned char *names;       /* 13 bytes each: len, name */
    unsigned long nnames;
    unsigned long capnames;
    /* schedule data of the current account */
    unsigned char *sbuf;
    unsigned long slen;
    unsigned long scap;
    /* per-message scratch */
    unsigned long *blen;
    size_t nblen;
    unsigned long *apos;
    size_t napos;
    /* reading sources */
    unsigned char rbuf[MW_RBUF + 8];
    hm_mw_stats st;
    /* where the CR and LF bytes are in the text tx_len measured last
     * (valid UTF-8 in memory, at most MW_EOLS of them), for tx_valid
     * to write the same text without looking for them again */
    const unsigned char *eolp;  /* NULL: none kept */
    unsigned long eolsize;
    size_t neol;
    unsigned long eol[MW_EOLS + 1];
};

/* ---------------------------------------------------------------- */
/* output */

static void mw_fail_write(hm_mw *w, mw_out *o)
{
    if (!w->failed)
        hm_msg2(w->log, HMM_WRITE, o->name, "the output refused data");
    w->failed = 1;
}

/* transfer mode text: a CR or LF out of place, or a byte that the
 * host page lacks (cannot come from the writer's own text) */
static void tx_bad(hm_mw *w, mw_out *o, int id)
{
    char b1[24], b2[24];
    if (!w->failed)
        hm_msg3(w->log, id, o->name, hm_fmt_ulong(o->recno + 1ul, b1),
                hm_fmt_ulong(w->rec_max, b2));
    w->failed = 1;
}

/* transfer mode text: split the PC bytes at CR LF into records in
 * the host code page */
static void tx_records(hm_mw *w, mw_out *o, const unsigned char *b,
                       size_t n)
{
    size_t i;
    for (i = 0; i < n && !w->failed; i++) {
        unsigned char c = b[i];
        if (o->cr) {
            o->cr = 0;
            if (c != A_LF) {
                tx_bad(w, o, HMM_MTLINE);
                return;
            }
            o->recno++;
            if (o->fn(o->ctx, o->rec, o->reclen) != 0) {
                mw_fail_write(w, o);
                return;
            }
            o->reclen = 0;
        } else if (c == A_CR) {
            o->cr = 1;
        } else if (!w->tx_ok[c]) {
            tx_bad(w, o, HMM_MTLINE);
        } else if (o->reclen >= w->rec_max) {
            tx_bad(w, o, HMM_MTLONG);
        } else {
            o->rec[o->reclen++] = w->tx_host[c];
        }
    }
}

static void out_flush(hm_mw *w, mw_out *o)
{
    if (o->nbuf && !w->failed) {
        if (w->text)
            tx_records(w, o, o->buf, o->nbuf);
        else if (o->fn(o->ctx, o->buf, o->nbuf) != 0)
            mw_fail_write(w, o);
    }
    o->nbuf = 0;
}

static void out_bytes(hm_mw *w, mw_out *o, const unsigned char *b,
                      size_t n)
{
    o->pos += (unsigned long)n;
    while (n > 0) {
        size_t k = MW_BUF - o->nbuf;
        if (k > n)
            k = n;
        memcpy(o->buf + o->nbuf, b, k);
        o->nbuf += k;
        b += k;
        n -= k;
        if (o->nbuf == MW_BUF)
            out_flush(w, o);
    }
}

static void sk_bytes(hm_mw *w, mw_sink *s, const unsigned char *b,
                     size_t n)
{
    if (s->o && s->o->nbuf + n < MW_BUF) {
        /* the common case: it fits into the buffer (a few bytes, as
         * most pieces of a field are, without a call) */
        mw_out *o = s->o;
        unsigned char *d = o->buf + o->nbuf;
        if (n <= 8) {
            size_t i;
            for (i = 0; i < n; i++)
                d[i] = b[i];
        } else {
            memcpy(d, b, n);
        }
        o->nbuf += n;
        o->pos += (unsigned long)n;
    } else if (s->o)
        out_bytes(w, s->o, b, n);
    else if (s->mem)
        memcpy(s->mem + s->n, b, n);
    s->n += (unsigned long)n;
}

static void sk_byte(hm_mw *w, mw_sink *s, unsigned char c)
{
    sk_bytes(w, s, &c, 1);
}

static void sk_crlf(hm_mw *w, mw_sink *s)
{
    static const unsigned char crlf[2] = { A_CR, A_LF };
    sk_bytes(w, s, crlf, 2);
    s->col = 0;
}

/* a fixed text given in the execution character set */
static void sk_lit(hm_mw *w, mw_sink *s, const char *t)
{
    unsigned char tmp[64];
    size_t n;
    while (*t) {
        n = hm_mf_asc(&w->tab, t, tmp, sizeof tmp);
        sk_bytes(w, s, tmp, n);
        s->col += (int)n;
        t += n;
    }
}

static void sk_ulong(hm_mw *w, mw_sink *s, unsigned long v)
{
    unsigned char tmp[24];
    int n = 0, i;
    unsigned char out[24];
    do {
        tmp[n++] = (unsigned char)(A_0 + v % 10ul);
        v /= 10ul;
    } while (v);
    for (i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    sk_bytes(w, s, out, (size_t)n);
    s->col += n;
}

static void sk_long(hm_mw *w, mw_sink *s, long v)
{
    if (v < 0) {
        sk_byte(w, s, A_MINUS);
        s->col++;
        sk_ulong(w, s, (unsigned long)(-(v + 1)) + 1ul);
    } else {
        sk_ulong(w, s, (unsigned long)v);
    }
}

/* one Unicode character in the target code page */
static void sk_ucs(hm_mw *w, mw_sink *s, unsigned long u)
{
    unsigned char b[4];
    int um = 0;
    size_t n;
    if (u < 0x80) {
        b[0] = (unsigned char)u;
        n = 1;
    } else {
        n = hm_pc_encode(w->cp, u, b, &um);
        if (n == 0) {
            b[0] = A_QMARK;
            n = 1;
            um = 1;
        }
    }
    if (w->text && !w->tx_ok[b[0]]) {
        /* in the PC page but not in the host page */
        b[0] = A_QMARK;
        um = 1;
    }
    if (um && s->final)
        w->st.unmapped++;
    sk_bytes(w, s, b, n);
    s->col++;
}

/* decode one UTF-8 character of s[0..n); sets *len (>= 1); an
 * invalid byte gives '?' */
static unsigned long mw_dec(hm_mw *w, mw_sink *s, const unsigned char *p,
                            size_t n, size_t *len)
{
    unsigned long u;
    if (p[0] < 0x80) {
        *len = 1;
        return p[0];
    }
    *len = hm_utf8_decode(p, n, &u);
    if (*len == 0) {
        *len = 1;
        if (s->final)
            w->st.bad_utf8++;
        return A_QMARK;
    }
    return u;
}

/* ---------------------------------------------------------------- */
/* CSV fields */

static unsigned long fld_map(unsigned long u, int brk, int flags)
{
    if (u < 0x20 || u == A_DEL)
        return A_SP;
    if (brk) {
        if (u == A_LBRK)
            return A_LPAR;
        if (u == A_RBRK)
            return A_RPAR;
    }
    if ((flags & F_FOLDER) && u == A_BSL)
        return A_SLASH;
    return u;
}

static int is_special(unsigned long u)
{
    return u == A_HASH || u == A_BANG || u == A_COMMA || u == A_BSL
        || u == A_QUOTE || u == A_PCT || u == A_DOT || u == A_SEMI;
}

/* Scan a value: *spec = has a character that needs quoting of the
 * whole field, *mini = needs quoting as a value of a list,
 * *first, *last = first and last mapped characters (0: empty). */
/* Word-at-a-time scans of byte runs. A word is loaded with memcpy,
 * but never used as a number: the tests below ask whether SOME byte
 * has a property, which does not depend on the byte order. */
#define MW_WN sizeof(unsigned long)
#define MW_ONES (~0ul / 255ul)
/* non-zero when a byte of w is below 0x0E */
#define MW_HASLOW(w) (((w) - MW_ONES * 0x0Eul) & ~(w) \
                      & (MW_ONES * 0x80ul))

/* What val_scan and val_emit must know of a byte: VS_SPEC (is_special,
 * but the backslash), VS_BSL (the backslash: val_emit changes it in
 * DIRECTORY and folder fields), VS_NAME (special in a name), VS_MINI
 * (; and "), VS_EMIT (val_emit writes it otherwise than as it is),
 * VS_BRK ([ and ]: changed in pieces with brk). Bytes from X'80' up
 * have only VS_HIGH: a character of several bytes, or an invalid byte
 * written as '?', is never special (and continuation bytes are never
 * ASCII). */
#define VS_SPEC 1
#define VS_BSL 2
#define VS_NAME 4
#define VS_MINI 8
#define VS_EMIT 16
#define VS_BRK 32
#define VS_HIGH 64      /* X'80' and up: val_emit's copy loop stops */
static unsigned char vs_tab[256];
static int vs_ready;

static void vs_init(void)
{
    int c;
    for (c = 128; c < 256; c++)
        vs_tab[c] = VS_HIGH;
    for (c = 0; c < 128; c++) {
        unsigned char t = 0;
        if (c < 0x20 || c == A_DEL)
            t |= VS_EMIT;
        if (c == A_LBRK || c == A_RBRK)
            t |= VS_BRK;
        if (c == A_BSL)
            t |= VS_BSL;
        else if (is_special((unsigned long)c))
            t |= VS_SPEC;
        if (c == A_COMMA || c == A_QUOTE || c == A_SEMI)
            t |= VS_NAME;
        if (c == A_SEMI || c == A_QUOTE)
            t |= VS_MINI;
        if (c == A_QUOTE)
            t |= VS_EMIT;
        vs_tab[c] = t;
    }
    vs_ready = 1;
}

/* the character a value starts or ends with, as far as val_scan
 * needs it: an ASCII byte mapped like fld_map, else 0x80 (a
 * character that is not ASCII, or '?' for an invalid byte: neither
 * is a blank, ! or #) */
static unsigned long vs_edge(unsigned c, int brk, int flags)
{
    if (c >= 0x80)
        return 0x80;
    return fld_map(c, brk, flags);
}

/* Whether a value needs quotes: the same answers as scanning it
 * character by character with fld_map, without decoding UTF-8 (only
 * ASCII characters can be special). */
static void val_scan(mw_val *v, int flags, int *spec, int *mini,
                     unsigned long *first, unsigned long *last)
{
    int i;
    unsigned want = (flags & F_NAME) ? VS_NAME
                    : (flags & F_FOLDER) ? VS_SPEC : VS_SPEC | VS_BSL;
    unsigned acc = 0;
    int sp, mn;
    unsigned long fi = 0, la = 0;
    if (!vs_ready)
        vs_init();
    v->plain = 1;
    for (i = 0; i < v->np; i++) {
        const unsigned char *p = v->p[i].s;
        size_t n = v->p[i].n, k;
        unsigned pa = 0;
        if (n == 0)
            continue;
        if (!fi)
            fi = vs_edge(p[0], v->p[i].brk, flags);
        la = vs_edge(p[n - 1], v->p[i].brk, flags);
        for (k = 0; k + 4 <= n; k += 4)
            pa |= vs_tab[p[k]] | vs_tab[p[k + 1]] | vs_tab[p[k + 2]]
                  | vs_tab[p[k + 3]];
        for (; k < n; k++)
            pa |= vs_tab[p[k]];
        acc |= pa;
        /* (val_emit's stop bytes, and X'80' up) */
        if (pa & (VS_EMIT | VS_HIGH | (v->p[i].brk ? VS_BRK : 0)
                  | ((flags & (F_DIR | F_FOLDER)) ? VS_BSL : 0)))
            v->plain = 0;
    }
    sp = (acc & want) != 0;
    mn = (acc & VS_MINI) != 0;
    if (fi == A_SP || la == A_SP)
        mn = sp = 1;
    if ((flags & F_NAME) && (fi == A_BANG || fi == A_HASH))
        sp = 1;
    *spec = sp;
    *mini = mn;
    *first = fi;
    *last = la;
}

static void val_emit(hm_mw *w, mw_sink *s, const mw_val *v, int flags,
                     int q)
{
    int i, k;
    int fast = w->cp == HM_PC_UTF8 && !w->text;
    if (!vs_ready)
        vs_init();
    if (fast && v->plain) {
        for (i = 0; i < v->np; i++)
            if (v->p[i].n)
                sk_bytes(w, s, v->p[i].s, v->p[i].n);
        return;
    }
    for (i = 0; i < v->np; i++) {
        const unsigned char *p = v->p[i].s;
        size_t n = v->p[i].n, at = 0, l;
        /* the ASCII bytes fld_map or the quoting below change here */
        unsigned stop = VS_EMIT | (v->p[i].brk ? VS_BRK : 0)
                        | ((flags & (F_DIR | F_FOLDER)) ? VS_BSL : 0);
        while (at < n) {
            unsigned long u;
            if (fast) {
                /* UTF-8 out: a run that needs no mapping is copied:
                 * ASCII but the stop bytes, and valid 2-byte
                 * sequences (s->col is not counted: it matters only
                 * on schedule lines, which are not made here) */
                size_t e = at;
                unsigned m = stop | VS_HIGH;
                for (;;) {
                    while (e + 4 <= n && !((vs_tab[p[e]] | vs_tab[p[e + 1]]
                                            | vs_tab[p[e + 2]]
                                            | vs_tab[p[e + 3]]) & m))
                        e += 4;
                    while (e < n && !(vs_tab[p[e]] & m))
                        e++;
                    if (e + 1 < n && p[e] >= 0xC2 && p[e] <= 0xDF
                        && (p[e + 1] & 0xC0) == 0x80) {
                        e += 2;
                        continue;
                    }
                    break;
                }
                if (e > at) {
                    sk_bytes(w, s, p + at, e - at);
                    at = e;
                    continue;
                }
            }
            u = mw_dec(w, s, p + at, n - at, &l);
            at += l;
            u = fld_map(u, v->p[i].brk, flags);
            if (u == A_QUOTE) {
                for (k = 0; k < q; k++)
                    sk_byte(w, s, A_QUOTE);
            } else if (u == A_BSL && (flags & F_DIR)) {
                sk_byte(w, s, A_BSL);
                sk_byte(w, s, A_BSL);
            } else {
                sk_ucs(w, s, u);
            }
        }
    }
}

/* A field made of nv values joined by sep (A_SEMI for lists, A_BSL
 * for folder paths). */
static void fld_vals(hm_mw *w, mw_sink *s, mw_val *v, size_t nv,
                     unsigned char sep, int flags)
{
    size_t i;
    int outer = 0, anymini = 0, k;
    int spec, mini;
    unsigned long first, last;
    for (i = 0; i < nv; i++) {
        val_scan(&v[i], flags, &spec, &mini, &first, &last);
        if (spec)
            outer = 1;
        if ((flags & F_MINI) && mini)
            anymini = 1;
    }
    if (nv > 1 && !(flags & F_NAME) && is_special(sep))
        outer = 1;
    if (anymini)
        outer = 1;
    if (outer)
        sk_byte(w, s, A_QUOTE);
    for (i = 0; i < nv; i++) {
        int q = outer ? 2 : 1;
        int vm = 0;
        if (i > 0) {
            sk_byte(w, s, sep);
            if (sep == A_BSL && (flags & F_DIR))
                sk_byte(w, s, A_BSL);
        }
        if (flags & F_MINI) {
            val_scan(&v[i], flags, &spec, &mini, &first, &last);
            vm = mini;
        }
        if (vm) {
            for (k = 0; k < q; k++)
                sk_byte(w, s, A_QUOTE);
            val_emit(w, s, &v[i], flags, q * 2);
            for (k = 0; k < q; k++)
                sk_byte(w, s, A_QUOTE);
        } else {
            val_emit(w, s, &v[i], flags, q);
        }
    }
    if (outer)
        sk_byte(w, s, A_QUOTE);
}

static void val_text(mw_val *v, const hm_text *t)
{
    v->np = 1;
    v->plain = 0;
    v->p[0].s = t->s;
    v->p[0].n = t->s ? t->len : 0;
    v->p[0].brk = 0;
}

static void fld_text(hm_mw *w, mw_sink *s, const hm_text *t, int flags)
{
    mw_val v;
    val_text(&v, t);
    fld_vals(w, s, &v, 1, A_SEMI, flags);
}

/* "name [addr]", "name", or "addr [addr]" */
static const unsigned char mw_sp_lbrk[2] = { A_SP, A_LBRK };
static const unsigned char mw_rbrk[1] = { A_RBRK };

static void val_addr(mw_val *v, const hm_addr *a)
{
    const hm_text *nm = a->name.len ? &a->name : &a->addr;
    v->np = 1;
    v->plain = 0;
    v->p[0].s = nm->s;
    v->p[0].n = nm->len;
    v->p[0].brk = 1;
    if (a->addr.len) {
        v->p[1].s = mw_sp_lbrk;
        v->p[1].n = 2;
        v->p[1].brk = 0;
        v->p[2].s = a->addr.s;
        v->p[2].n = a->addr.len;
        v->p[2].brk = 1;
        v->p[3].s = mw_rbrk;
        v->p[3].n = 1;
        v->p[3].brk = 0;
        v->np = 4;
    }
}

/* a list of values given by a callback, written in chunks so that
 * no list needs storage */
#define MW_CHUNK 16

#define MW_MINIS 64     /* values whose scan fld_addrs remembers */
static void fld_addrs(hm_mw *w, mw_sink *s, const hm_addr *a, size_t n)
{
    /* Quoting depends on all values; scan first, then emit. */
    mw_val v;
    size_t i;
    int outer = 0, spec, mini, k;
    unsigned long first, last;
    unsigned char seen[MW_MINIS];   /* the scan's mini and plain */
    for (i = 0; i < n; i++) {
        val_addr(&v, &a[i]);
        val_scan(&v, F_MINI, &spec, &mini, &first, &last);
        if (i < MW_MINIS)
            seen[i] = (unsigned char)(mini | v.plain << 1);
        if (spec || mini)
            outer = 1;
    }
    if (n > 1)
        outer = 1;      /* ; is special in a field */
    if (outer)
        sk_byte(w, s, A_QUOTE);
    for (i = 0; i < n; i++) {
        int q = outer ? 2 : 1;
        if (i > 0)
            sk_byte(w, s, A_SEMI);
        val_addr(&v, &a[i]);
        if (i < MW_MINIS) {
            mini = seen[i] & 1;
            v.plain = seen[i] >> 1;
        } else
            val_scan(&v, F_MINI, &spec, &mini, &first, &last);
        if (mini) {
            for (k = 0; k < q; k++)
                sk_byte(w, s, A_QUOTE);
            val_emit(w, s, &v, F_MINI, q * 2);
            for (k = 0; k < q; k++)
                sk_byte(w, s, A_QUOTE);
        } else {
            val_emit(w, s, &v, F_MINI, q);
        }
    }
    if (outer)
        sk_byte(w, s, A_QUOTE);
}

static void fld_textlist(hm_mw *w, mw_sink *s, const hm_text *t,
                         size_t n, unsigned char sep, int flags)
{
    mw_val v[MW_CHUNK];
    size_t i;
    int outer = 0, spec, mini, k;
    unsigned long first, last;
    if (n <= MW_CHUNK) {
        for (i = 0; i < n; i++)
            val_text(&v[i], &t[i]);
        fld_vals(w, s, v, n, sep, flags);
        return;
    }
    /* long lists: same rules, value by value */
    for (i = 0; i < n; i++) {
        val_text(&v[0], &t[i]);
        val_scan(&v[0], flags, &spec, &mini, &first, &last);
        if (spec || ((flags & F_MINI) && mini))
            outer = 1;
    }
    if (is_special(sep))
        outer = 1;
    if (outer)
        sk_byte(w, s, A_QUOTE);
    for (i = 0; i < n; i++) {
        int q = outer ? 2 : 1;
        if (i > 0) {
            sk_byte(w, s, sep);
            if (sep == A_BSL && (flags & F_DIR))
                sk_byte(w, s, A_BSL);
        }
        val_text(&v[0], &t[i]);
        val_scan(&v[0], flags, &spec, &mini, &first, &last);
        if ((flags & F_MINI) && mini) {
            for (k = 0; k < q; k++)
                sk_byte(w, s, A_QUOTE);
            val_emit(w, s, &v[0], flags, q * 2);
            for (k = 0; k < q; k++)
                sk_byte(w, s, A_QUOTE);
        } else {
            val_emit(w, s, &v[0], flags, q);
        }
    }
    if (outer)
        sk_byte(w, s, A_QUOTE);
}

static void fld_time(hm_mw *w, mw_sink *s, const hm_time *t)
{
    if (hm_time_check(t) == 1)
        sk_bytes(w, s, t->d, 14);
}

static void sk_comma(hm_mw *w, mw_sink *s)
{
    sk_byte(w, s, A_COMMA);
}

/* ---------------------------------------------------------------- */
/* file names */

static void base36(unsigned long v, unsigned char *out, int digits)
{
    int i;
    for (i = digits - 1; i >= 0; i--) {
        unsigned d = (unsigned)(v % 36ul);
        out[i] = (unsigned char)(d < 10 ? A_0 + d : A_A + d - 10);
        v /= 36ul;
    }
}

/* letters and digits of a UTF-8 id, upper case, at most max */
static size_t id_clean(const hm_text *id, unsigned char *out, size_t max)
{
    size_t i, n = 0;
    for (i = 0; id->s && i < id->len && n < max; i++) {
        unsigned char c = id->s[i];
        if (c >= A_a && c <= A_z)
            c = (unsigned char)(c - 0x20);
        if ((c >= A_0 && c <= A_0 + 9) || (c >= A_A && c <= A_A + 25))
            out[n++] = c;
    }
    return n;
}

static int name_add(hm_mw *w, const unsigned char *a, size_t n)
{
    if (w->nnames == w->capnames) {
        unsigned long nc = w->capnames ? w->capnames * 2ul : 64ul;
        unsigned char *p = (unsigned char *)HM_ALLOC(&w->al,
                                                     (size_t)nc * 13u);
        if (!p) {
            hm_msg1(w->log, HMM_NOSTOR, "the packing list");
            w->failed = 1;
            return -1;
        }
        if (w->names) {
            memcpy(p, w->names, (size_t)w->nnames * 13u);
            HM_FREE(&w->al, w->names);
        }
        w->names = p;
        w->capnames = nc;
    }
    w->names[w->nnames * 13ul] = (unsigned char)n;
    memcpy(w->names + w->nnames * 13ul + 1ul, a, n);
    w->nnames++;
    return 0;
}

/* open output o named by ASCII bytes a[0..n) */
static int out_open(hm_mw *w, mw_out *o, const unsigned char *a,
                    size_t n, int listed)
{
    size_t i;
    if (w->failed)
        return -1;
    memset(o, 0, sizeof *o - sizeof o->buf);
    if (w->text)
        o->rec = w->recbuf[o == &w->dir ? 0 : o == &w->pri ? 1 : 2];
    for (i = 0; i < n && i < 12; i++) {
        o->aname[i] = a[i];
        o->name[i] = (char)w->tab.to_exe[a[i] & 0x7F];
    }
    o->name[i] = 0;
    o->alen = i;
    if (w->files.open(w->files.ctx, o->name, &o->fn, &o->ctx) != 0) {
        hm_msg1(w->log, HMM_MWOPEN, o->name);
        w->failed = 1;
        return -1;
    }
    o->open = 1;
    w->st.files++;
    if (listed && name_add(w, a, n) != 0)
        return -1;
    return 0;
}

static int out_close(hm_mw *w, mw_out *o, int ok)
{
    int rc = 0;
    if (!o->open)
        return 0;
    out_flush(w, o);
    if (w->text && ok && (o->reclen || o->cr))
        tx_bad(w, o, HMM_MTLINE);
    if (w->failed)
        ok = 0;
    if (w->files.close(w->files.ctx, o->ctx, ok) != 0 && ok) {
        hm_msg2(w->log, HMM_COMMIT, o->name, "the file factory failed");
        w->failed = 1;
        rc = -1;
    }
    w->st.bytes += o->pos;
    o->open = 0;
    return rc;
}

static void sink_out(mw_sink *s, mw_out *o)
{
    memset(s, 0, sizeof *s);
    s->o = o;
    s->final = 1;
}

static void sink_count(mw_sink *s)
{
    memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------- */
/* text data: UTF-8 to the target, line ends to CR LF */

/* The first CR or LF of p[at..n), or n; word by word. */
static size_t tx_eol(const unsigned char *p, size_t at, size_t n)
{
    size_t e = at, lim;
    unsigned long wd;
    for (;;) {
        while (e + MW_WN <= n) {
            memcpy(&wd, p + e, MW_WN);
            if (MW_HASLOW(wd))
                break;
            e += MW_WN;
        }
        /* a byte below X'0E' in the next word, or the end */
        lim = e + MW_WN < n ? e + MW_WN : n;
        while (e < lim && p[e] != A_CR && p[e] != A_LF)
            e++;
        if (e < lim || e >= n)
            return e;
    }
}

/* tx_pass for text known to be valid UTF-8 (hm_data.utf8) written
 * as UTF-8: runs without CR or LF are copied as they are; a CR LF, a
 * lone CR and a lone LF become CR LF. The same bytes as the loop of
 * tx_pass. The line ends are those tx_len found when it measured this
 * text (w->eol), else they are looked for here. s->col is not counted
 * within a line (it matters only on schedule lines; a body is always
 * followed by sk_crlf). */
static void tx_valid(hm_mw *w, mw_sink *s, const unsigned char *p,
                     size_t n)
{
    size_t at = 0, e, j = 0;
    mw_out *o = s->o;
    int kept = w->eolp == p && w->eolsize == (unsigned long)n;
    while (at < n) {
        if (kept) {
            /* (a LF right after a CR is not in the list) */
            while (j < w->neol && w->eol[j] < at)
                j++;
            e = j < w->neol ? (size_t)w->eol[j] : n;
        } else {
            e = tx_eol(p, at, n);
        }
        if (e >= n) {
            if (e > at)
                sk_bytes(w, s, p + at, e - at);
            break;
        }
        if (o && o->nbuf + (e - at) + 2 < MW_BUF) {
            /* the line and CR LF into the output buffer at once */
            unsigned char *b = o->buf + o->nbuf;
            memcpy(b, p + at, e - at);
            b[e - at] = A_CR;
            b[e - at + 1] = A_LF;
            o->nbuf += e - at + 2;
            o->pos += (unsigned long)(e - at + 2);
            s->n += (unsigned long)(e - at + 2);
            s->col = 0;
        } else {
            if (e > at)
                sk_bytes(w, s, p + at, e - at);
            sk_crlf(w, s);
        }
        at = e + 1;
        if (p[e] == A_CR && at < n && p[at] == A_LF)
            at++;
    }
}

/* Run one pass over d. stop (>= 0): byte offset of the input at which
 * *mapped receives the output count so far. Returns 0, or -1 on a
 * read error (reported). */
static int tx_pass(hm_mw *w, mw_sink *s, const hm_data *d,
                   const char *what, long stop, unsigned long *mapped)
{
    const unsigned char *p;
    size_t n = 0, at = 0, l;
    unsigned long inpos = 0;
    int cr = 0, eof = 1, got = 0;
    int fast = w->cp == HM_PC_UTF8 && !w->text;
    unsigned long u;
    if (d->p) {
        p = d->p;
        n = (size_t)d->size;
    } else if (d->read) {
        p = w->rbuf;
        eof = 0;
    } else {
        p = w->rbuf;
    }
    if (fast && d->p && d->utf8 && stop < 0) {
        tx_valid(w, s, d->p, n);
        return 0;
    }
    for (;;) {
        if (!eof && n - at < 4) {
            long r;
            memmove(w->rbuf, w->rbuf + at, n - at);
            n -= at;
            at = 0;
            r = d->read(d->ctx, w->rbuf + n, MW_RBUF - n);
            if (r < 0) {
                hm_msg2(w->log, HMM_MWREAD, w->sec.name, what);
                w->failed = 1;
                return -1;
            }
            if (r == 0)
                eof = 1;
            n += (size_t)r;
        }
        if (at >= n)
            break;
        if (stop >= 0 && !got && inpos >= (unsigned long)stop) {
            *mapped = s->n;
            got = 1;
        }
        if (fast && (stop < 0 || got)) {
            /* UTF-8 to UTF-8: a run of characters other than CR and
             * LF is copied as it is (the bytes the loop below would
             * write one character at a time) */
            size_t e = at;
            int chars = 0;
            while (e < n) {
                unsigned long u2;
                size_t l2;
                unsigned c;
                c = p[e];
                if (c < 0x80) {
                    if (c == A_CR || c == A_LF)
                        break;
                    e++;
                    chars++;
                    continue;
                }
                if (c >= 0xC2 && c <= 0xDF && e + 1 < n
                    && (p[e + 1] & 0xC0) == 0x80) {
                    e += 2;     /* a valid 2-byte sequence */
                    chars++;
                    continue;
                }
                l2 = hm_utf8_decode(p + e, n - e, &u2);
                if (l2 == 0)
                    break;
                e += l2;
                chars++;
            }
            if (e > at) {
                sk_bytes(w, s, p + at, e - at);
                s->col += chars;
                inpos += (unsigned long)(e - at);
                at = e;
                cr = 0;
                continue;
            }
        }
        u = mw_dec(w, s, p + at, n - at, &l);
        at += l;
        inpos += (unsigned long)l;
        if (u == A_CR) {
            sk_crlf(w, s);
            cr = 1;
            continue;
        }
        if (u == A_LF) {
            if (!cr)
                sk_crlf(w, s);
            cr = 0;
            continue;
        }
        cr = 0;
        sk_ucs(w, s, u);
    }
    if (stop >= 0 && !got)
        *mapped = s->n;
    return 0;
}

static int data_rewind(const hm_data *d)
{
    if (d->p || !d->read)
        return 0;
    if (!d->rewind)
        return -1;
    return d->rewind(d->ctx);
}

/* length of text d after conversion; *ok = 0 when it cannot be read
 * twice */
static int tx_len(hm_mw *w, const hm_data *d, const char *what,
                  unsigned long *len)
{
    mw_sink s;
    sink_count(&s);
    *len = 0;
    if (!d->p && d->read && !d->rewind) {
        hm_msg2(w->log, HMM_MWREWIND, w->sec.name, what);
        return 1;   /* written empty */
    }
    if (d->p && w->cp == HM_PC_UTF8 && !w->text) {
        /* UTF-8 to UTF-8: every input byte gives one byte (a valid
         * sequence is copied, an invalid byte becomes '?'), but a CR
         * or a LF alone becomes CR LF and a CR LF stays two */
        const unsigned char *p = d->p;
        unsigned long n = d->size, i = 0, k = d->size, lim;
        size_t ne = 0;
        w->eolp = NULL;
        while (i < n) {
            /* words without a byte below X'0E' (two at a time), then
             * the bytes of the word that has one */
            while (i + 2 * MW_WN <= n) {
                unsigned long wd, wd2;
                memcpy(&wd, p + i, MW_WN);
                memcpy(&wd2, p + i + MW_WN, MW_WN);
                if (MW_HASLOW(wd) | MW_HASLOW(wd2))
                    break;
                i += 2 * MW_WN;
            }
            while (i + MW_WN <= n) {
                unsigned long wd;
                memcpy(&wd, p + i, MW_WN);
                if (MW_HASLOW(wd))
                    break;
                i += MW_WN;
            }
            lim = i + MW_WN < n ? i + MW_WN : n;
            if (lim == i + MW_WN) {
                /* a whole word: without a CR (as most text), its LFs
                 * are counted and kept without a branch on each byte
                 * (eol[MW_EOLS] takes what does not fit) */
                unsigned long wd;
                memcpy(&wd, p + i, MW_WN);
                wd ^= MW_ONES * A_CR;
                if (!((wd - MW_ONES) & ~wd & (MW_ONES * 0x80ul))) {
                    for (; i < lim; i++) {
                        size_t lf = p[i] == A_LF;
                        w->eol[ne < MW_EOLS ? ne : MW_EOLS] = i;
                        ne += lf;
                        k += lf;
                    }
                    continue;
                }
            }
            for (; i < lim; i++) {
                if (p[i] > A_CR)
                    continue;
                if (p[i] == A_CR) {
                    if (ne < MW_EOLS)
                        w->eol[ne] = i;
                    ne++;
                    if (i + 1 < n && p[i + 1] == A_LF)
                        i++;
                    else
                        k++;
                } else if (p[i] == A_LF) {
                    if (ne < MW_EOLS)
                        w->eol[ne] = i;
                    ne++;
                    k++;
                }
            }
        }
        if (d->utf8 && ne <= MW_EOLS) {
            w->eolp = p;
            w->eolsize = n;
            w->neol = ne;
        }
        *len = k;
        return 0;
    }
    if (data_rewind(d) != 0 || tx_pass(w, &s, d, what, -1, 0) != 0)
        return -1;
    *len = s.n;
    return 0;
}

/* raw bytes: exactly size bytes */
static int raw_write(hm_mw *w, mw_out *o, const hm_data *d,
                     const char *what)
{
    unsigned long left = d->size, got = 0;
    char b1[24], b2[24];
    if (d->p) {
        out_bytes(w, o, d->p, (size_t)d->size);
        return 0;
    }
    if (d->read) {
        if (data_rewind(d) != 0 && d->rewind) {
            hm_msg2(w->log, HMM_MWREAD, o->name, what);
            left = 0;
        }
        while (left > 0) {
            size_t k = left > MW_RBUF ? MW_RBUF : (size_t)left;
            long r = d->read(d->ctx, w->rbuf, k);
            if (r < 0) {
                hm_msg2(w->log, HMM_MWREAD, o->name, what);
                break;
            }
            if (r == 0)
                break;
            if ((unsigned long)r > left)
                r = (long)left;
            out_bytes(w, o, w->rbuf, (size_t)r);
            left -= (unsigned long)r;
            got += (unsigned long)r;
        }
        if (left == 0) {
            /* more than declared? */
            long r = d->read(d->ctx, w->rbuf, 1);
            if (r > 0)
                hm_msg4(w->log, HMM_MWDATA, o->name, what, "more",
                        hm_fmt_ulong(d->size, b2));
        }
    }
    if (left > 0) {
        memset(w->rbuf, 0, MW_RBUF);
        hm_msg4(w->log, HMM_MWDATA, o->name, what,
                hm_fmt_ulong(got, b1), hm_fmt_ulong(d->size, b2));
        while (left > 0) {
            size_t k = left > MW_RBUF ? MW_RBUF : (size_t)left;
            out_bytes(w, o, w->rbuf, k);
            left -= (unsigned long)k;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* secondary files */

static int sec_open_next(hm_mw *w)
{
    unsigned char nm[12];
    mw_sink s;
    if (w->sec_part > 1295u) {
        hm_msg2(w->log, HMM_MWNAMES, "secondary files of an account",
                "1296");
        w->failed = 1;
        return -1;
    }
    memcpy(nm, w->stem, 6);
    base36(w->sec_part, nm + 6, 2);
    hm_mf_asc(&w->tab, ".SEC", nm + 8, 4);
    w->sec_part++;
    if (out_open(w, &w->sec, nm, 12, 1) != 0)
        return -1;
    sink_out(&s, &w->sec);
    sk_lit(w, &s, HM_MF_SECCOLS);
    sk_crlf(w, &s);
    return 0;
}

/* make room for total bytes of sections */
static int sec_room(hm_mw *w, unsigned long total)
{
    if (w->sec.open && w->sec.pos > MW_SECCOLS_LEN
        && (w->sec.pos + total > w->sec_limit
            || w->sec.pos + total < w->sec.pos)) {
        if (out_close(w, &w->sec, 1) != 0)
            return -1;
    }
    if (!w->sec.open)
        return sec_open_next(w);
    return 0;
}

/* a section header line; name may be NULL */
static void sec_hdr(hm_mw *w, mw_sink *s, const char *type,
                    unsigned long len, int islast, const hm_text *name,
                    const char *pos, int macbin)
{
    sk_lit(w, s, type);
    sk_comma(w, s);
    sk_ulong(w, s, len);
    sk_comma(w, s);
    sk_comma(w, s);
    sk_lit(w, s, islast ? "TRUE" : "FALSE");
    sk_comma(w, s);
    if (name && name->len) {
        mw_val v;
        v.np = 1;
        v.p[0].s = name->s;
        v.p[0].brk = 0;
        v.p[0].n = name->len;
        /* at most MW_NAME_MAX characters */
        {
            size_t k = 0, c = 0, l;
            unsigned long u;
            while (k < name->len && c < MW_NAME_MAX) {
                l = name->s[k] < 0x80 ? 1
                    : hm_utf8_decode(name->s + k, name->len - k, &u);
                k += l ? l : 1;
                c++;
            }
            v.p[0].n = k;
        }
        fld_vals(w, s, &v, 1, A_SEMI, F_NAME);
    }
    sk_comma(w, s);
    if (pos)
        sk_lit(w, s, pos);
    sk_comma(w, s);
    if (macbin)
        sk_lit(w, s, "Macbinary");
    sk_crlf(w, s);
}

/* header with a numeric position */
static void sec_hdr_att(hm_mw *w, mw_sink *s, unsigned long len,
                        int islast, const hm_text *name, long pos,
                        int macbin)
{
    char pbuf[24];
    if (pos >= 0)
        hm_fmt_long(pos, pbuf);
    sec_hdr(w, s, "Attachment", len, islast, name, pos >= 0 ? pbuf : 0,
            macbin);
}

/* ---------------------------------------------------------------- */
/* primary files */

static void pri_title(hm_mw *w, int sect)
{
    mw_sink s;
    hm_text a;
    sink_out(&s, &w->pri);
    if (w->pri.pos > 0)
        sk_crlf(w, &s);
    sk_lit(w, &s, sect == SECT_PAB ? "PAB," : "MAILMESSAGE,");
    if (sect == SECT_MAIL && w->acct_public) {
        sk_lit(w, &s, "PublicMessages");
    } else {
        a.s = w->acct_addr;
        a.len = w->acct_addrlen;
        fld_text(w, &s, &a, 0);
    }
    sk_crlf(w, &s);
    sk_lit(w, &s, sect == SECT_PAB ? HM_MF_PABHDR : HM_MF_MSGHDR);
    sk_crlf(w, &s);
    w->sect = sect;
}

static void pri_pointer(hm_mw *w, mw_sink *s, unsigned long off)
{
    sk_byte(w, s, A_HASH);
    sk_bytes(w, s, w->sec.aname, w->sec.alen);
    sk_byte(w, s, A_LPAR);
    sk_ulong(w, s, off);
    sk_byte(w, s, A_RPAR);
}

static void fld_folder(hm_mw *w, mw_sink *s, const hm_text *f, size_t n)
{
    fld_textlist(w, s, f, n, A_BSL, F_FOLDER);
}

/* the 11 fields before Body */
static void pri_msgfields(hm_mw *w, mw_sink *s, const hm_message *m)
{
    hm_text none;
    none.s = 0;
    none.len = 0;
    fld_folder(w, s, m->folder, m->nfolder);
    sk_comma(w, s);
    if (m->sender.name.len || m->sender.addr.len)
        fld_addrs(w, s, &m->sender, 1);
    sk_comma(w, s);
    fld_addrs(w, s, m->to, m->nto);
    sk_comma(w, s);
    fld_addrs(w, s, m->cc, m->ncc);
    sk_comma(w, s);
    fld_addrs(w, s, m->bcc, m->nbcc);
    sk_comma(w, s);
    fld_text(w, s, m->subject.len ? &m->subject : &none, 0);
    sk_comma(w, s);
    fld_time(w, s, &m->sent);
    sk_comma(w, s);
    fld_time(w, s, &m->received);
    sk_comma(w, s);
    sk_long(w, s, m->priority < 0 ? -1L : m->priority > 0 ? 1L : 0L);
    sk_comma(w, s);
    sk_lit(w, s, m->unread ? "TRUE" : "FALSE");
    sk_comma(w, s);
    sk_lit(w, s, m->unsent ? "TRUE" : "FALSE");
    sk_comma(w, s);
}

static int need_acct(hm_mw *w, const char *what)
{
    if (!w->have_acct) {
        hm_msg1(w->log, HMM_MWNOACCT, what);
        return -1;
    }
    return 0;
}

static int grow_ul(hm_mw *w, unsigned long **p, size_t *cap, size_t n)
{
    unsigned long *q;
    if (n <= *cap)
        return 0;
    q = (unsigned long *)HM_ALLOC(&w->al, n * sizeof *q);
    if (!q) {
        hm_msg1(w->log, HMM_NOSTOR, "a message");
        w->failed = 1;
        return -1;
    }
    if (*p)
        HM_FREE(&w->al, *p);
    *p = q;
    *cap = n;
    return 0;
}

/* Extra sections after an empty body: the parts of a free document,
 * or schedule data. */
typedef struct mw_extra {
    const char *type;           /* "Document" or "Schedule" */
    hm_text name;
    const hm_data *data;        /* raw */
    const char *pos;
} mw_extra;

#define MW_SKIP ((unsigned long)-2)  /* apos[]: attachment left out */

/* transfer mode text: 1 when raw data survives the transfer: every
 * byte in the host page, CR only before LF, LF only after CR; data
 * from a source is read once here (so it must rewind) */
static int tx_safe(hm_mw *w, const hm_data *d)
{
    const unsigned char *p = d->p;
    unsigned long left = d->size;
    size_t n = 0, i;
    int cr = 0;
    if (!d->p && d->read && data_rewind(d) != 0)
        return 0;
    while (left > 0) {
        if (d->p) {
            n = (size_t)left;
        } else if (d->read) {
            long r = d->read(d->ctx, w->rbuf, left > MW_RBUF ? MW_RBUF
                             : (size_t)left);
            if (r < 0)
                return 0;
            if (r == 0)
                break;      /* padded with X'00' when written */
            n = (size_t)r > left ? (size_t)left : (size_t)r;
            p = w->rbuf;
        } else {
            break;          /* written as X'00' bytes */
        }
        for (i = 0; i < n; i++) {
            unsigned char c = p[i];
            if (cr) {
                if (c != A_LF)
                    return 0;
                cr = 0;
            } else if (c == A_CR) {
                cr = 1;
            } else if (!w->tx_ok[c]) {
                return 0;
            }
        }
        left -= (unsigned long)n;
    }
    return !cr;
}

/* the name of an item for a message: printable ASCII, else '?' */
static const char *mw_show(hm_mw *w, const hm_text *t, char *buf,
                           size_t cap)
{
    size_t i, k = 0;
    for (i = 0; t->s && i < t->len && k + 1 < cap; i++) {
        unsigned char c = t->s[i];
        buf[k++] = (char)(c >= 0x20 && c < 0x7F && w->tab.to_exe[c]
                          ? w->tab.to_exe[c] : w->tab.to_exe[A_QMARK]);
    }
    buf[k] = 0;
    return buf;
}

static void tx_leftout(hm_mw *w, const char *what, const hm_text *name)
{
    char b[64];
    hm_msg3(w->log, HMM_MTBINARY, w->pri.name, what,
            mw_show(w, name, b, sizeof b));
    w->st.text_left_out++;
}

/* Write a message, and after its sections the nx extra sections x
 * (their callers check them for text mode); 0 when written, 1 when
 * left out (text mode), -1 on failure. */
static int write_msg(hm_mw *w, const hm_message *m, const mw_extra *x,
                     size_t nx)
{
    mw_sink s;
    unsigned long total = 0, len;
    size_t i, nparts;
    static const char *bwhat = "a message body";
    static const char *awhat = "an attachment";
    unsigned char attname[16];
    hm_text an;
    w->eolp = NULL;     /* line ends kept by tx_len: this message's */
    if (w->sect != SECT_MAIL)
        pri_title(w, SECT_MAIL);
    if (grow_ul(w, &w->blen, &w->nblen, m->nbody + 1) != 0
        || grow_ul(w, &w->apos, &w->napos, m->natt + 1) != 0)
        return -1;
    /* pass 1: sizes */
    for (i = 0; i < m->nbody; i++) {
        int r = tx_len(w, &m->body[i], bwhat, &w->blen[i]);
        if (r < 0)
            return -1;
    }
    nparts = (m->nbody ? m->nbody : 1) + m->natt + nx;
    for (i = 0; i < m->natt; i++) {
        const hm_attach *a = &m->att[i];
        w->apos[i] = (unsigned long)-1;
        if (w->text && !tx_safe(w, &a->data)) {
            tx_leftout(w, "Attachment", &a->name);
            w->apos[i] = MW_SKIP;
            nparts--;
            continue;
        }
        if (a->position >= 0 && m->nbody > 0) {
            mw_sink c;
            sink_count(&c);
            if (data_rewind(&m->body[0]) == 0
                && tx_pass(w, &c, &m->body[0], bwhat, a->position,
                           &w->apos[i]) != 0)
                return -1;
        }
    }
    sink_count(&s);
    for (i = 0; i < (m->nbody ? m->nbody : 1); i++) {
        len = m->nbody ? w->blen[i] : 0;
        sec_hdr(w, &s, "Body", len, 0, 0, 0, 0);
        total += s.n + len + 2;
        s.n = 0;
    }
    for (i = 0; i < m->natt; i++) {
        const hm_attach *a = &m->att[i];
        if (w->apos[i] == MW_SKIP)
            continue;
        an = a->name;
        if (!an.len) {
            an.len = hm_mf_asc(&w->tab, "ATTACH00.DAT", attname, 12);
            attname[6] = (unsigned char)(A_0 + (i / 10) % 10);
            attname[7] = (unsigned char)(A_0 + i % 10);
            an.s = attname;
        }
        sec_hdr_att(w, &s, a->data.size, 0, &an,
                    w->apos[i] == (unsigned long)-1 ? -1L
                    : (long)w->apos[i], a->macbinary);
        total += s.n + a->data.size + 2;
        s.n = 0;
    }
    for (i = 0; i < nx; i++) {
        sec_hdr(w, &s, x[i].type, x[i].data->size, i + 1 == nx,
                &x[i].name, x[i].pos, 0);
        total += s.n + x[i].data->size + 2;
        s.n = 0;
    }
    if (sec_room(w, total) != 0)
        return -1;
    /* the primary line */
    sink_out(&s, &w->pri);
    pri_msgfields(w, &s, m);
    pri_pointer(w, &s, w->sec.pos);
    sk_crlf(w, &s);
    /* pass 2: the sections */
    sink_out(&s, &w->sec);
    for (i = 0; i < (m->nbody ? m->nbody : 1); i++) {
        int last = --nparts == 0;
        len = m->nbody ? w->blen[i] : 0;
        sec_hdr(w, &s, "Body", len, last, 0, 0, 0);
        if (m->nbody && len > 0) {
            unsigned long before = s.n;
            if (data_rewind(&m->body[i]) != 0
                || tx_pass(w, &s, &m->body[i], bwhat, -1, 0) != 0)
                return -1;
            if (s.n - before != len) {
                hm_msg2(w->log, HMM_MWREAD, w->sec.name, bwhat);
                w->failed = 1;
                return -1;
            }
        }
        sk_crlf(w, &s);
    }
    for (i = 0; i < m->natt; i++) {
        const hm_attach *a = &m->att[i];
        int last;
        if (w->apos[i] == MW_SKIP)
            continue;
        last = --nparts == 0;
        an = a->name;
        if (!an.len) {
            an.len = hm_mf_asc(&w->tab, "ATTACH00.DAT", attname, 12);
            attname[6] = (unsigned char)(A_0 + (i / 10) % 10);
            attname[7] = (unsigned char)(A_0 + i % 10);
            an.s = attname;
        }
        sec_hdr_att(w, &s, a->data.size, last, &an,
                    w->apos[i] == (unsigned long)-1 ? -1L
                    : (long)w->apos[i], a->macbinary);
        raw_write(w, &w->sec, &a->data, awhat);
        sk_crlf(w, &s);
        w->st.attachments++;
    }
    for (i = 0; i < nx; i++) {
        int last = --nparts == 0;
        sec_hdr(w, &s, x[i].type, x[i].data->size, last, &x[i].name,
                x[i].pos, 0);
        raw_write(w, &w->sec, x[i].data, "a document");
        sk_crlf(w, &s);
    }
    return w->failed ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* schedule data (Schedule+ interchange, 80-character lines) */

#define SC_MAXCOL 80

static void sc_line(hm_mw *w, mw_sink *s, const char *t)
{
    sk_lit(w, s, t);
    sk_crlf(w, s);
}

static void sc_prop(hm_mw *w, mw_sink *s, const char *name)
{
    sk_lit(w, s, "    ");
    sk_lit(w, s, name);
    sk_lit(w, s, ": ");
}

static void sc_num(hm_mw *w, mw_sink *s, const char *name,
                   unsigned long v)
{
    sc_prop(w, s, name);
    sk_ulong(w, s, v);
    sk_crlf(w, s);
}

static void sc_flag(hm_mw *w, mw_sink *s, const char *name, int v)
{
    sc_prop(w, s, name);
    sk_lit(w, s, v ? "T" : "F");
    sk_crlf(w, s);
}

/* mm-dd-yyyy [hh:mm] from a 14-digit time */
static void sc_date(hm_mw *w, mw_sink *s, const char *name,
                    const hm_time *t, int date, int time)
{
    unsigned char b[16];
    size_t n = 0;
    sc_prop(w, s, name);
    if (date) {
        b[0] = t->d[4];
        b[1] = t->d[5];
        b[2] = A_MINUS;
        b[3] = t->d[6];
        b[4] = t->d[7];
        b[5] = A_MINUS;
        memcpy(b + 6, t->d, 4);
        n = 10;
        if (time)
            b[n++] = A_SP;
    }
    if (time) {
        b[n] = t->d[8];
        b[n + 1] = t->d[9];
        b[n + 2] = A_COLON;
        b[n + 3] = t->d[10];
        b[n + 4] = t->d[11];
        n += 5;
    }
    sk_bytes(w, s, b, n);
    sk_crlf(w, s);
}

static void sc_cont(hm_mw *w, mw_sink *s)
{
    sk_byte(w, s, A_BSL);
    sk_crlf(w, s);
}

/* a quoted string, wrapped with \ CR LF; a line end in the text is
 * two continuations */
static void sc_str(hm_mw *w, mw_sink *s, const char *name,
                   const hm_text *t)
{
    size_t at = 0, l;
    int cr = 0;
    if (!t->len)
        return;
    sc_prop(w, s, name);
    sk_byte(w, s, A_QUOTE);
    s->col++;
    while (at < t->len) {
        unsigned long u = mw_dec(w, s, t->s + at, t->len - at, &l);
        at += l;
        if (u == A_CR || u == A_LF) {
            if (u == A_LF && cr) {
                cr = 0;
                continue;
            }
            cr = u == A_CR;
            sc_cont(w, s);
            sc_cont(w, s);
            continue;
        }
        cr = 0;
        if (u < 0x20 || u == A_DEL)
            u = A_SP;
        if (u == A_BSL)
            u = A_SLASH;
        if (s->col + (u == A_QUOTE ? 2 : 1) > SC_MAXCOL - 1)
            sc_cont(w, s);
        if (u == A_QUOTE) {
            sk_byte(w, s, A_BSL);
            s->col++;
        }
        sk_ucs(w, s, u);
    }
    if (s->col + 1 > SC_MAXCOL)
        sc_cont(w, s);
    sk_byte(w, s, A_QUOTE);
    sk_crlf(w, s);
}

/* Schedule+ task priority: "1" = X'2031', "A" = X'4120', "A3" =
 * X'4133', as a decimal number; 0 when not valid */
static unsigned long sc_prio(const hm_text *p)
{
    unsigned char c[2];
    size_t i;
    unsigned long hi = 0x20, lo = 0x20;
    if (p->len < 1 || p->len > 2)
        return 0;
    for (i = 0; i < p->len; i++) {
        c[i] = p->s[i];
        if (c[i] >= A_a && c[i] <= A_z)
            c[i] = (unsigned char)(c[i] - 0x20);
        if (!((c[i] >= A_0 + 1 && c[i] <= A_0 + 9)
              || (c[i] >= A_A && c[i] <= A_A + 25)))
            return 0;
    }
    if (p->len == 1) {
        if (c[0] <= A_0 + 9)
            lo = c[0];
        else
            hi = c[0];
    } else {
        if (c[0] < A_A || c[1] > A_0 + 9)
            return 0;
        hi = c[0];
        lo = c[1];
    }
    return hi * 256ul + lo;
}

static void sc_item(hm_mw *w, mw_sink *s, const hm_calitem *c,
                    const hm_time *end)
{
    const hm_recur *r = c->recur;
    size_t i;
    static const char *const single[3] = {
        "SingleAppointments:", "SingleEvents:", "SingleTasks:" };
    static const char *const recur[3] = {
        "RecurringAppointments:", "RecurringEvents:",
        "RecurringTasks:" };
    int k = c->kind - 1;
    sc_line(w, s, r ? recur[k] : single[k]);
    sc_line(w, s, "{");
    sc_str(w, s, "Text", &c->text);
    if (c->kind == HM_CAL_APPT)
        sc_str(w, s, "Where", &c->where);
    sc_str(w, s, "Notes", &c->notes);
    if (!r) {
        if (c->kind == HM_CAL_APPT) {
            sc_date(w, s, "Start", &c->start, 1, 1);
            sc_date(w, s, "End", end, 1, 1);
        } else {
            sc_date(w, s, "StartDate", &c->start, 1, 0);
            sc_date(w, s, "EndDate", end, 1, 0);
        }
    }
    if (c->kind == HM_CAL_APPT)
        sc_num(w, s, "BusyType", c->busy ? 1ul : 0ul);
    sc_flag(w, s, "Ring", c->ring);
    if (c->ring) {
        sc_num(w, s, "AlarmAmount", c->alarm_amount);
        sc_num(w, s, "AlarmTypeUnit", (unsigned long)
               (c->alarm_unit < 0 || c->alarm_unit > 4 ? 0
                : c->alarm_unit));
    }
    if (c->kind == HM_CAL_TASK) {
        unsigned long p = sc_prio(&c->task_priority);
        if (p)
            sc_num(w, s, "Priority", p);
        if (c->percent)
            sc_num(w, s, "PercentCompleted",
                   c->percent > 100 ? 100ul : c->percent);
        if (hm_time_check(&c->completed) == 1)
            sc_date(w, s, "CompletedDate", &c->completed, 1, 0);
    }
    if (r) {
        unsigned iv = r->interval ? r->interval : 1u;
        sc_num(w, s, "RecurringType", (unsigned long)r->type);
        sc_date(w, s, "StartRecurringDate",
                hm_time_check(&r->first) == 1 ? &r->first : &c->start,
                1, 0);
        if (hm_time_check(&r->last) == 1)
            sc_date(w, s, "EndRecurringDate", &r->last, 1, 0);
        if (c->kind == HM_CAL_APPT) {
            sc_date(w, s, "StartRecurringTime", &c->start, 0, 1);
            sc_date(w, s, "EndRecurringTime", end, 0, 1);
        }
        switch (r->type) {
        case HM_REC_DAILY:
            sc_num(w, s, "DayInterval", iv);
            break;
        case HM_REC_WEEKLY:
            sc_num(w, s, "WeekInterval", iv);
            sc_num(w, s, "DayOfWeekMask", r->dow_mask & 0x7Ful);
            sc_num(w, s, "DayOfWeekStart", r->week_start % 7u);
            break;
        case HM_REC_MONTHLY_DAY:
            sc_num(w, s, "MonthInterval", iv);
            sc_num(w, s, "DayOfMonthMask", r->dom_mask & 0x7FFFFFFFul);
            break;
        case HM_REC_YEARLY_DAY:
            sc_num(w, s, "YearInterval", iv);
            sc_num(w, s, "DayOfMonthMask", r->dom_mask & 0x7FFFFFFFul);
            sc_num(w, s, "MonthOfYearMask", r->moy_mask & 0xFFFul);
            break;
        case HM_REC_MONTHLY_PATTERN:
            sc_num(w, s, "MonthInterval", iv);
            sc_num(w, s, "WeekInterval", r->week ? r->week : 1u);
            sc_num(w, s, "DayOfWeekMask", r->dow_mask & 0x7Ful);
            break;
        default: /* HM_REC_YEARLY_PATTERN */
            sc_num(w, s, "YearInterval", iv);
            sc_num(w, s, "WeekInterval", r->week ? r->week : 1u);
            sc_num(w, s, "DayOfWeekMask", r->dow_mask & 0x7Ful);
            sc_num(w, s, "MonthOfYearMask", r->moy_mask & 0xFFFul);
            break;
        }
        for (i = 0; i < r->ndeleted; i++) {
            if (hm_time_check(&r->deleted[i]) != 1)
                continue;
            sc_line(w, s, "    Exceptions:");
            sc_line(w, s, "    {");
            sc_date(w, s, "    InstanceDate", &r->deleted[i], 1, 0);
            sc_flag(w, s, "    Deleted", 1);
            sc_line(w, s, "    }");
        }
    }
    sc_line(w, s, "}");
}

/* the schedule message of the current account */
static int sched_flush(hm_mw *w)
{
    hm_message m;
    hm_data d;
    hm_addr owner;
    mw_extra x;
    int rc;
    unsigned char subj[9];
    if (!w->sbuf || w->slen == 0)
        return 0;
    memset(&m, 0, sizeof m);
    memset(&d, 0, sizeof d);
    owner.name.s = w->acct_name;
    owner.name.len = w->acct_namelen;
    owner.addr.s = 0;
    owner.addr.len = 0;
    if (!owner.name.len) {
        owner.name.s = w->acct_addr;
        owner.name.len = w->acct_addrlen;
    }
    m.sender = owner;
    m.to = &owner;
    m.nto = 1;
    m.subject.len = hm_mf_asc(&w->tab, "Schedule+", subj, 9);
    m.subject.s = subj;
    m.sent = w->now;
    m.received = w->now;
    m.priority = 1;
    m.unread = 1;
    d.p = w->sbuf;
    d.size = w->slen;
    x.type = "Schedule";
    x.name.s = w->sc2;
    x.name.len = w->sc2len;
    x.data = &d;
    x.pos = "-1";
    if (w->text && !tx_safe(w, x.data)) {
        tx_leftout(w, x.type, &x.name);
        rc = 1;
    } else {
        rc = write_msg(w, &m, &x, 1);
    }
    w->slen = 0;
    if (rc == 0)
        w->st.sched_msgs++;
    return rc < 0 ? -1 : 0;
}

static int put_cal(hm_mw *w, const hm_calitem *c)
{
    mw_sink s;
    const hm_time *end = &c->end;
    unsigned long need, hdr;
    char b1[24];
    if (need_acct(w, "calendar") != 0)
        return 0;
    if (c->kind < HM_CAL_APPT || c->kind > HM_CAL_TASK
        || hm_time_check(&c->start) != 1
        || (c->recur && (c->recur->type != 7 && c->recur->type != 12
                         && c->recur->type != 48
                         && c->recur->type != 51
                         && c->recur->type != 56
                         && c->recur->type != 64))) {
        hm_msg2(w->log, HMM_MWNOSTART,
                hm_fmt_ulong(w->st.cal_items + 1ul, b1), w->pri.name);
        return 0;
    }
    if (hm_time_check(end) != 1)
        end = &c->start;
    sink_count(&s);
    sc_item(w, &s, c, end);
    need = s.n;
    sink_count(&s);
    sc_line(w, &s, HM_MF_SC2HDR);
    hdr = s.n;
    if (w->slen && w->slen + need > w->sched_limit) {
        if (sched_flush(w) != 0)
            return -1;
    }
    if (w->slen == 0)
        need += hdr;
    if (w->slen + need > w->scap) {
        unsigned long nc = w->scap ? w->scap * 2ul : 16384ul;
        unsigned char *p;
        if (nc > w->sched_limit + hdr)
            nc = w->sched_limit + hdr;
        if (nc < w->slen + need)
            nc = w->slen + need;
        p = (unsigned char *)HM_ALLOC(&w->al, (size_t)nc);
        if (!p) {
            hm_msg1(w->log, HMM_NOSTOR, "schedule data");
            w->failed = 1;
            return -1;
        }
        if (w->sbuf) {
            memcpy(p, w->sbuf, (size_t)w->slen);
            HM_FREE(&w->al, w->sbuf);
        }
        w->sbuf = p;
        w->scap = nc;
    }
    memset(&s, 0, sizeof s);
    s.mem = w->sbuf + w->slen;
    s.final = 1;
    if (w->slen == 0)
        sc_line(w, &s, HM_MF_SC2HDR);
    sc_item(w, &s, c, end);
    w->slen += s.n;
    w->st.cal_items++;
    return 0;
}

/* ---------------------------------------------------------------- */
/* accounts */

static void acct_free(hm_mw *w)
{
    if (w->acct_addr)
        HM_FREE(&w->al, w->acct_addr);
    if (w->acct_name)
        HM_FREE(&w->al, w->acct_name);
    w->acct_addr = w->acct_name = 0;
    w->acct_addrlen = w->acct_namelen = 0;
}

static int acct_end(hm_mw *w)
{
    int rc = 0;
    if (!w->have_acct)
        return 0;
    if (sched_flush(w) != 0)
        rc = -1;
    if (out_close(w, &w->sec, 1) != 0)
        rc = -1;
    if (out_close(w, &w->pri, 1) != 0)
        rc = -1;
    acct_free(w);
    w->have_acct = 0;
    return rc;
}

static unsigned char *dup_text(hm_mw *w, const hm_text *t, size_t *len)
{
    unsigned char *p = (unsigned char *)HM_ALLOC(&w->al, t->len + 1);
    if (!p) {
        hm_msg1(w->log, HMM_NOSTOR, "an account");
        w->failed = 1;
        return 0;
    }
    if (t->len)
        memcpy(p, t->s, t->len);
    *len = t->len;
    return p;
}

static int put_account(hm_mw *w, const hm_account *a)
{
    unsigned char nm[12], id[8];
    size_t n;
    if (acct_end(w) != 0)
        return -1;
    if (w->acct_seq >= 46655ul) {
        hm_msg2(w->log, HMM_MWNAMES, "accounts", "46655");
        w->failed = 1;
        return -1;
    }
    w->acct_seq++;
    n = id_clean(&a->id, w->stem, 3);
    while (n < 3)
        w->stem[n++] = A_X;
    base36(w->acct_seq, w->stem + 3, 3);
    n = id_clean(&a->id, id, 8);
    if (n == 0)
        n = hm_mf_asc(&w->tab, "SCHEDULE", id, 8);
    memcpy(w->sc2, id, n);
    w->sc2len = n + hm_mf_asc(&w->tab, ".SC2", w->sc2 + n, 4);
    w->acct_public = a->public != 0;
    w->acct_addr = dup_text(w, &a->address, &w->acct_addrlen);
    w->acct_name = dup_text(w, &a->display_name, &w->acct_namelen);
    if (!w->acct_addr || !w->acct_name)
        return -1;
    memcpy(nm, w->stem, 6);
    nm[6] = nm[7] = A_0;
    hm_mf_asc(&w->tab, ".PRI", nm + 8, 4);
    w->sec_part = 0;
    w->sect = SECT_NONE;
    if (out_open(w, &w->pri, nm, 12, 1) != 0)
        return -1;
    w->have_acct = 1;
    w->st.accounts++;
    return 0;
}

/* ---------------------------------------------------------------- */
/* PAB */

static int has_eol(const hm_text *t)
{
    size_t i;
    for (i = 0; i < t->len; i++)
        if (t->s[i] == A_CR || t->s[i] == A_LF)
            return 1;
    return 0;
}

static int put_pab(hm_mw *w, const hm_pab *p)
{
    mw_sink s;
    int i, other = 0;
    unsigned long olen = 0, total = 0;
    hm_data od;
    const hm_text *note = &p->f[HM_PAB_NOTE];
    if (need_acct(w, "PAB"))
        return 0;
    if (w->sect != SECT_PAB)
        pri_title(w, SECT_PAB);
    memset(&od, 0, sizeof od);
    if (has_eol(note)) {
        /* a multi-line note goes to an Other section */
        od.p = note->s;
        od.size = (unsigned long)note->len;
        if (tx_len(w, &od, "a PAB note", &olen) != 0)
            return -1;
        sink_count(&s);
        sec_hdr(w, &s, "Other", olen, 1, 0, 0, 0);
        total = s.n + olen + 2;
        if (sec_room(w, total) != 0)
            return -1;
        other = 1;
    }
    sink_out(&s, &w->pri);
    sk_lit(w, &s, p->is_dl ? "dl" : "entry");
    sk_comma(w, &s);
    fld_text(w, &s, &p->f[HM_PAB_DISPLAY], 0);
    sk_comma(w, &s);
    if (p->is_dl) {
        fld_textlist(w, &s, p->members, p->nmembers, A_SEMI, F_MINI);
        for (i = HM_PAB_FIRST; i < HM_PAB_NOTE; i++)
            sk_comma(w, &s);
    } else {
        if (p->f[HM_PAB_EMAIL].len) {
            fld_text(w, &s, &p->f[HM_PAB_EMAIL], 0);
        } else {
            mw_val v;
            unsigned char u[6];
            v.np = 2;
            v.p[0].n = hm_mf_asc(&w->tab, "USER: ", u, 6);
            v.p[0].s = u;
            v.p[0].brk = 0;
            v.p[1].s = p->f[HM_PAB_DISPLAY].s;
            v.p[1].n = p->f[HM_PAB_DISPLAY].len;
            v.p[1].brk = 0;
            fld_vals(w, &s, &v, 1, A_SEMI, 0);
        }
        for (i = HM_PAB_FIRST; i < HM_PAB_NOTE; i++) {
            sk_comma(w, &s);
            fld_text(w, &s, &p->f[i], 0);
        }
    }
    sk_comma(w, &s);
    if (other)
        pri_pointer(w, &s, w->sec.pos);
    else
        fld_text(w, &s, note, 0);
    sk_crlf(w, &s);
    if (other) {
        sink_out(&s, &w->sec);
        sec_hdr(w, &s, "Other", olen, 1, 0, 0, 0);
        if (tx_pass(w, &s, &od, "a PAB note", -1, 0) != 0)
            return -1;
        sk_crlf(w, &s);
    }
    if (p->is_dl)
        w->st.pab_dls++;
    else
        w->st.pab_entries++;
    return w->failed ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* directory */

static int put_dir(hm_mw *w, const hm_dirobj *d)
{
    mw_sink s;
    mw_val v;
    unsigned char pre[8];
    hm_text t;
    if (d->cls < HM_DIR_MAILBOX || d->cls > HM_DIR_DL) {
        char b[24];
        hm_msg1(w->log, HMM_MWKIND, hm_fmt_long((long)d->cls, b));
        return 0;
    }
    if (!w->have_dir) {
        unsigned char nm[12];
        size_t n = hm_mf_asc(&w->tab, "DIR00000.PRI", nm, 12);
        if (out_open(w, &w->dir, nm, n, 0) != 0)
            return -1;
        w->have_dir = 1;
    }
    sink_out(&s, &w->dir);
    if (w->dir_cls != d->cls) {
        if (w->dir.pos > 0)
            sk_crlf(w, &s);
        sc_line(w, &s, "DIRECTORY");
        sk_lit(w, &s, "Obj-class,Mode,Common-Name,Display-Name,");
        if (d->cls == HM_DIR_MAILBOX)
            sk_lit(w, &s, "Last Name,First Name,"
                   "Secondary-Proxy-Addresses,Home-Server");
        else if (d->cls == HM_DIR_REMOTE)
            sk_lit(w, &s, "Last Name,First Name,"
                   "Secondary-Proxy-Addresses,Target-Address");
        else
            sk_lit(w, &s, "Secondary-Proxy-Addresses,Members");
        sk_crlf(w, &s);
        w->dir_cls = d->cls;
    }
    sk_lit(w, &s, d->cls == HM_DIR_MAILBOX ? "mailbox,create,"
           : d->cls == HM_DIR_REMOTE ? "remote,create," : "dl,create,");
    fld_text(w, &s, &d->common_name, F_DIR);
    sk_comma(w, &s);
    fld_text(w, &s, &d->display_name, F_DIR);
    sk_comma(w, &s);
    if (d->cls != HM_DIR_DL) {
        fld_text(w, &s, &d->surname, F_DIR);
        sk_comma(w, &s);
        fld_text(w, &s, &d->given_name, F_DIR);
        sk_comma(w, &s);
    }
    if (d->source_addr.len) {
        v.np = 2;
        v.p[0].s = pre;
        v.p[0].n = w->plain_proxy ? 0
            : hm_mf_asc(&w->tab, "MIGRATE:", pre, 8);
        v.p[0].brk = 0;
        v.p[1].s = d->source_addr.s;
        v.p[1].n = d->source_addr.len;
        v.p[1].brk = 0;
        fld_vals(w, &s, &v, 1, A_SEMI, F_DIR);
    }
    sk_comma(w, &s);
    if (d->cls == HM_DIR_MAILBOX) {
        if (d->home_server.len) {
            fld_text(w, &s, &d->home_server, F_DIR);
        } else {
            unsigned char hs[8];
            t.len = hm_mf_asc(&w->tab, "~Server", hs, 7);
            t.s = hs;
            fld_text(w, &s, &t, F_DIR);
        }
    } else if (d->cls == HM_DIR_REMOTE) {
        fld_text(w, &s, &d->target_addr, F_DIR);
    } else {
        fld_textlist(w, &s, d->members, d->nmembers, A_SEMI,
                     F_DIR | F_MINI);
    }
    sk_crlf(w, &s);
    w->st.dirobjs++;
    return w->failed ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* documents */

/* A document part's name in nm (MW_NAME_MAX + 8 bytes): at most
 * MW_NAME_MAX bytes; "DOCUMENT" when empty; ".TXT" added when it has
 * no extension (a viewer must be able to open it). Returns the
 * length. */
static size_t doc_name(hm_mw *w, const hm_text *name, unsigned char *nm)
{
    size_t n = name->len, i;
    int ext = 0;
    if (n > MW_NAME_MAX)
        n = MW_NAME_MAX;
    if (n)
        memcpy(nm, name->s, n);
    for (i = 0; i < n; i++)
        if (nm[i] == A_DOT && i + 1 < n)
            ext = 1;
    if (n == 0)
        n = hm_mf_asc(&w->tab, "DOCUMENT", nm, 8);
    if (!ext)
        n += hm_mf_asc(&w->tab, ".TXT", nm + n, 4);
    return n;
}

/* A free document: a message line whose body is empty, then one
 * Document section per part (the first is the document, the others
 * further forms of it), chained by Islast. In transfer mode text the
 * parts whose bytes would not survive are left out (reported); the
 * document is left out when none is left. */
static int put_doc(hm_mw *w, const hm_document *d)
{
    hm_message m;
    mw_extra *x;
    unsigned char *nm;
    size_t np = 1 + (d->more ? d->nmore : 0), i, k = 0;
    int r;
    if (need_acct(w, "document"))
        return 0;
    x = (mw_extra *)HM_ALLOC(&w->al, np * sizeof *x);
    nm = (unsigned char *)HM_ALLOC(&w->al, np * (MW_NAME_MAX + 8));
    if (!x || !nm) {
        if (x)
            HM_FREE(&w->al, x);
        if (nm)
            HM_FREE(&w->al, nm);
        hm_msg1(w->log, HMM_NOSTOR, "a document");
        w->failed = 1;
        return -1;
    }
    for (i = 0; i < np; i++) {
        unsigned char *b = nm + i * (MW_NAME_MAX + 8);
        x[k].type = "Document";
        x[k].name.s = b;
        x[k].name.len = doc_name(w, i ? &d->more[i - 1].name : &d->name,
                                 b);
        x[k].data = i ? &d->more[i - 1].data : &d->data;
        x[k].pos = 0;
        if (w->text && !tx_safe(w, x[k].data))
            tx_leftout(w, x[k].type, &x[k].name);
        else
            k++;
    }
    memset(&m, 0, sizeof m);
    m.folder = d->folder;
    m.nfolder = d->nfolder;
    m.sender = d->author;
    m.sent = d->date;
    m.received = d->date;
    m.subject.s = nm;
    m.subject.len = doc_name(w, &d->name, nm);
    r = k ? write_msg(w, &m, x, k) : 1;
    HM_FREE(&w->al, x);
    HM_FREE(&w->al, nm);
    if (r < 0)
        return -1;
    if (r == 0)
        w->st.documents++;
    return 0;
}

/* ---------------------------------------------------------------- */

static void mw_free(hm_mw *w);

/* transfer mode text: the host page, the byte map, record buffers */
static int tx_init(hm_mw *w, const hm_mw_opt *opt)
{
    const hm_cpage *hp = opt->host_page;
    char b[24];
    int c, i;
    if (w->cp == HM_PC_UTF8) {
        hm_msg1(w->log, HMM_MTUTF8, hm_fmt_ulong(w->cp, b));
        return -1;
    }
    if (!hp)
        hp = hm_cp_builtin(opt->host_ccsid ? opt->host_ccsid : 37u);
    if (!hp) {
        hm_msg1(w->log, HMM_MTHOST, hm_fmt_ulong(opt->host_ccsid, b));
        return -1;
    }
    w->text = 1;
    w->rec_max = opt->rec_max ? opt->rec_max : 32752ul;
    for (c = 0; c < 256; c++) {
        unsigned long u = hm_pc_to_ucs(w->cp, (unsigned char)c);
        int h = u == HM_CP_UNDEF ? -1 : hm_cp_from_ucs(hp, u);
        /* CR and LF only as line ends; never a host line end byte */
        if (c == A_CR || c == A_LF || h < 0 || h == 0x0D
            || h == HM_E_NL || h == HM_E_LF)
            continue;
        w->tx_host[c] = (unsigned char)h;
        w->tx_ok[c] = 1;
    }
    for (i = 0; i < 3; i++) {
        w->recbuf[i] = (unsigned char *)HM_ALLOC(&w->al,
                                                 (size_t)w->rec_max);
        if (!w->recbuf[i]) {
            hm_msg1(w->log, HMM_NOSTOR, "the text records");
            return -1;
        }
    }
    return 0;
}

hm_mw *hm_mw_open(const hm_alloc *a, const hm_mw_files *files,
                  const hm_mw_opt *opt, hm_log *log)
{
    hm_mw *w;
    unsigned cp = opt && opt->codepage ? opt->codepage : HM_PC_UTF8;
    if (cp != HM_PC_UTF8 && cp != HM_PC_1252 && cp != HM_PC_850) {
        char b[24];
        hm_msg1(log, HMM_CPTARGET, hm_fmt_ulong(cp, b));
        return 0;
    }
    w = (hm_mw *)HM_ALLOC(a, sizeof *w);
    if (!w) {
        hm_msg1(log, HMM_NOSTOR, "the migration-file writer");
        return 0;
    }
    memset(w, 0, sizeof *w);
    w->al = *a;
    w->files = *files;
    w->log = log;
    w->cp = cp;
    hm_mf_tables(&w->tab);
    w->sec_limit = opt && opt->sec_limit ? opt->sec_limit : 67108864ul;
    w->sched_limit = opt && opt->sched_limit ? opt->sched_limit
        : 1048576ul;
    w->pkl_name = opt && opt->pkl_name ? opt->pkl_name : "MIGRATE.PKL";
    w->plain_proxy = opt ? opt->plain_proxy : 0;
    if (opt && hm_time_check(&opt->now) == 1)
        w->now = opt->now;
    if (opt && opt->first_acct)
        w->acct_seq = opt->first_acct - 1ul;
    if (opt && opt->transfer == HM_MW_TEXT && tx_init(w, opt) != 0) {
        mw_free(w);
        return 0;
    }
    return w;
}

int hm_mw_put(hm_mw *w, const hm_item *it)
{
    char b[24];
    if (w->failed)
        return -1;
    switch (it->kind) {
    case HM_ITEM_ACCOUNT:
        return put_account(w, &it->u.account);
    case HM_ITEM_MESSAGE:
        if (need_acct(w, "message"))
            return 0;
        if (write_msg(w, &it->u.msg, 0, 0) < 0)
            return -1;
        w->st.messages++;
        return 0;
    case HM_ITEM_DOCUMENT:
        return put_doc(w, &it->u.doc);
    case HM_ITEM_PAB:
        return put_pab(w, &it->u.pab);
    case HM_ITEM_CAL:
        return put_cal(w, &it->u.cal);
    case HM_ITEM_DIROBJ:
        return put_dir(w, &it->u.dir);
    default:
        hm_msg1(w->log, HMM_MWKIND, hm_fmt_long((long)it->kind, b));
        return 0;
    }
}

static void mw_free(hm_mw *w)
{
    int i;
    acct_free(w);
    if (w->names)
        HM_FREE(&w->al, w->names);
    if (w->sbuf)
        HM_FREE(&w->al, w->sbuf);
    if (w->blen)
        HM_FREE(&w->al, w->blen);
    if (w->apos)
        HM_FREE(&w->al, w->apos);
    for (i = 0; i < 3; i++)
        if (w->recbuf[i])
            HM_FREE(&w->al, w->recbuf[i]);
    HM_FREE(&w->al, w);
}

static int write_pkl(hm_mw *w)
{
    mw_out *o = &w->pri;        /* free by now */
    unsigned char nm[13];
    size_t n = 0;
    unsigned long i;
    mw_sink s;
    const char *p = w->pkl_name;
    while (*p && n < 12) {
        unsigned char c = w->tab.to_asc[(unsigned char)*p++];
        nm[n++] = c ? c : A_X;
    }
    if (out_open(w, o, nm, n, 0) != 0)
        return -1;
    sink_out(&s, o);
    sk_ulong(w, &s, (unsigned long)w->cp);
    sk_crlf(w, &s);
    sk_crlf(w, &s);
    sc_line(w, &s, "Filename,Filetype");
    if (w->have_dir)
        sc_line(w, &s, "DIR00000.PRI,Primary");
    for (i = 0; i < w->nnames; i++) {
        const unsigned char *e = w->names + i * 13ul;
        int pri = e[1 + e[0] - 3] == A_A + 15;      /* .PRI */
        sk_bytes(w, &s, e + 1, e[0]);
        sk_lit(w, &s, pri ? ",Primary" : ",Secondary");
        sk_crlf(w, &s);
    }
    return out_close(w, o, 1);
}

int hm_mw_close(hm_mw *w, hm_mw_stats *stats)
{
    int rc = 0;
    char b1[24], b2[24], b3[24];
    if (!w->failed) {
        if (acct_end(w) != 0)
            rc = -1;
        if (out_close(w, &w->dir, 1) != 0)
            rc = -1;
        if (!w->failed && write_pkl(w) != 0)
            rc = -1;
    }
    if (w->failed) {
        rc = -1;
        out_close(w, &w->sec, 0);
        out_close(w, &w->pri, 0);
        out_close(w, &w->dir, 0);
    }
    if (w->st.unmapped)
        hm_msg2(w->log, HMM_UNMAPPED, w->pkl_name,
                hm_fmt_ulong(w->st.unmapped, b1));
    if (w->st.bad_utf8)
        hm_msg2(w->log, HMM_MWUTF8, w->pkl_name,
                hm_fmt_ulong(w->st.bad_utf8, b1));
    if (rc == 0) {
        char b4[24];
        const char *a[4];
        a[0] = w->pkl_name;
        a[1] = hm_fmt_ulong(w->st.files, b2);
        a[2] = hm_fmt_ulong(w->st.messages, b3);
        a[3] = hm_fmt_ulong(w->st.bytes, b4);
        hm_msg(w->log, HMM_MWDONE, a, 4);
    }
    if (stats)
        *stats = w->st;
    mw_free(w);
    return rc;
}

void hm_mw_abort(hm_mw *w)
{
    w->failed = 1;
    out_close(w, &w->sec, 0);
    out_close(w, &w->pri, 0);
    out_close(w, &w->dir, 0);
    mw_free(w);
}
