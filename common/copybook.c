/*
 * copybook.c - the COBOL copybook subset parser (see hm_copybook.h).
 *
 * The text is turned into Unicode values line by line, the code
 * areas of the lines are joined into one UTF-8 statement buffer
 * (with a map from buffer positions to line numbers), and the
 * entries are parsed from that buffer with numeric byte constants.
 * Keywords are compared in the execution character set after a word
 * has been mapped through hm_asc_char, so that no character literal
 * is ever compared with a data byte.
 */
#include <string.h>
#include "hm_copybook.h"

/* ASCII values */
#define AS_TAB 0x09
#define AS_LF 0x0A
#define AS_CR 0x0D
#define AS_SP 0x20
#define AS_QUOT 0x22
#define AS_APOS 0x27
#define AS_LPAR 0x28
#define AS_RPAR 0x29
#define AS_STAR 0x2A
#define AS_PLUS 0x2B
#define AS_COMMA 0x2C
#define AS_MINUS 0x2D
#define AS_DOT 0x2E
#define AS_SLASH 0x2F
#define AS_0 0x30
#define AS_9 0x39
#define AS_SEMI 0x3B
#define AS_LT 0x3C
#define AS_EQ 0x3D
#define AS_GT 0x3E
#define AS_A 0x41
#define AS_F 0x46
#define AS_Z 0x5A
#define AS_UND 0x5F
#define AS_a 0x61
#define AS_f 0x66
#define AS_z 0x7A
#define AS_D 0x44
#define AS_S 0x53
#define AS_V 0x56
#define AS_A9 0x39
#define AS_d 0x64
#define AS_X 0x58
#define AS_x 0x78

#define U_NEL 0x85ul
#define U_REPL 0xFFFDul

#define LINEMAX 256            /* columns kept of a line */
#define FIX_IND 6              /* column 7, 0-based */
#define FIX_CODE 7             /* column 8 */
#define FIX_END 72             /* after column 72 */

/* The printable ASCII characters 0x20-0x7E in order, in the
 * execution character set: the bridge between data and text. */
static const char asc_chars[] =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

char hm_asc_char(unsigned char b)
{
    if (b < AS_SP || b > 0x7E)
        return '?';
    return asc_chars[b - AS_SP];
}

char *hm_asc_exec(const unsigned char *s, size_t n, char *buf,
                  size_t cap)
{
    size_t i;
    if (cap == 0)
        return buf;
    for (i = 0; i < n && i + 1 < cap; i++)
        buf[i] = hm_asc_char(s[i]);
    buf[i] = 0;
    return buf;
}

static unsigned char up(unsigned char b)
{
    if (b >= AS_a && b <= AS_z)
        return (unsigned char)(b - (AS_a - AS_A));
    return b;
}

static int isdig(unsigned char b)
{
    return b >= AS_0 && b <= AS_9;
}

static int isalpha_a(unsigned char b)
{
    return (b >= AS_A && b <= AS_Z) || (b >= AS_a && b <= AS_z);
}

static int isblank_a(unsigned char b)
{
    return b == AS_SP || b == AS_TAB;
}

/* ---- numbers ---- */

static void num_norm(hm_num *n)
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

/* digit at power-of-ten position p (0 = units of the scaled value,
 * negative below) of n, for comparisons */
static int num_digit(const hm_num *n, int p)
{
    int idx = n->ndig - 1 - (p + n->scale);
    if (idx < 0 || idx >= n->ndig)
        return 0;
    return n->dig[idx];
}

int hm_num_cmp(const hm_num *a, const hm_num *b)
{
    int hi, lo, p, sa, sb, r = 0;
    sa = a->ndig == 0 ? 0 : (a->neg ? -1 : 1);
    sb = b->ndig == 0 ? 0 : (b->neg ? -1 : 1);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    hi = a->ndig - a->scale;
    if (b->ndig - b->scale > hi)
        hi = b->ndig - b->scale;
    lo = -(a->scale > b->scale ? a->scale : b->scale);
    for (p = hi; p >= lo; p--) {
        int da = num_digit(a, p), db = num_digit(b, p);
        if (da != db) {
            r = da < db ? -1 : 1;
            break;
        }
    }
    return sa < 0 ? -r : r;
}

int hm_num_long(const hm_num *n, long *v)
{
    unsigned long x = 0;
    int i;
    for (i = 0; i < n->ndig; i++) {
        if (x > (2147483647ul - n->dig[i]) / 10ul)
            return -1;
        x = x * 10ul + n->dig[i];
    }
    *v = n->neg ? -(long)x : (long)x;
    return 0;
}

char *hm_num_fmt(const hm_num *n, char *buf)
{
    static const char digs[] = "0123456789";
    size_t k = 0;
    int i, tot;
    if (n->neg)
        buf[k++] = '-';
    tot = n->ndig > n->scale ? n->ndig : n->scale + 1;
    for (i = 0; i < tot; i++) {
        int idx = i - (tot - n->ndig);
        if (i == tot - n->scale && n->scale > 0)
            buf[k++] = '.';
        buf[k++] = digs[idx >= 0 ? n->dig[idx] : 0];
    }
    buf[k] = 0;
    return buf;
}

/* ---- text in a declared code page ---- */

typedef struct txt {
    const unsigned char *s;
    size_t n, pos;
    const hm_cpage *cp;
} txt;

/* next Unicode value; *eol set for a line end. Returns 0 at end. */
static int txt_next(txt *t, unsigned long *u, int *eol)
{
    *eol = 0;
    if (t->pos >= t->n)
        return 0;
    if (t->cp) {
        unsigned char b = t->s[t->pos++];
        *u = t->cp->ucs[b];
        if (*u == HM_CP_UNDEF)
            *u = U_REPL;
        if (*u == AS_LF || *u == U_NEL)
            *eol = 1;
        else if (*u == AS_CR && t->pos < t->n) {
            unsigned long v = t->cp->ucs[t->s[t->pos]];
            if (v == AS_LF || v == U_NEL) {
                t->pos++;
                *eol = 1;
            }
        }
        return 1;
    } else {
        size_t k = hm_utf8_decode(t->s + t->pos, t->n - t->pos, u);
        if (k == 0) {
            *u = U_REPL;
            k = 1;
        }
        t->pos += k;
        if (*u == AS_LF)
            *eol = 1;
        else if (*u == AS_CR && t->pos < t->n
                 && t->s[t->pos] == AS_LF) {
            t->pos++;
            *eol = 1;
        }
        return 1;
    }
}

static int pool_add(hm_cbpool *p, const unsigned char *s, size_t n)
{
    if (p->n + n > p->cap) {
        size_t nc = p->cap ? p->cap : 256;
        unsigned char *q;
        while (nc < p->n + n)
            nc *= 2;
        q = (unsigned char *)HM_ALLOC(p->a, nc);
        if (!q)
            return -1;
        if (p->n)
            memcpy(q, p->p, p->n);
        HM_FREE(p->a, p->p);
        p->p = q;
        p->cap = nc;
    }
    if (n)
        memcpy(p->p + p->n, s, n);
    p->n += n;
    return 0;
}

static int pool_ucs(hm_cbpool *p, unsigned long u)
{
    unsigned char b[4];
    int unm;
    size_t k = hm_pc_encode(HM_PC_UTF8, u, b, &unm);
    return pool_add(p, b, k);
}

int hm_cb_utf8(const hm_alloc *a, const unsigned char *text,
               size_t len, const hm_cpage *cp, unsigned char **out,
               size_t *outlen)
{
    hm_cbpool p;
    txt t;
    unsigned long u;
    int eol;
    p.p = 0;
    p.n = p.cap = 0;
    p.a = a;
    t.s = text;
    t.n = len;
    t.pos = 0;
    t.cp = cp;
    if (pool_add(&p, text, 0) || pool_add(&p, text, 0))
        return -1;
    if (!p.p) {
        p.p = (unsigned char *)HM_ALLOC(a, 1);
        if (!p.p)
            return -1;
        p.cap = 1;
    }
    while (txt_next(&t, &u, &eol))
        if (pool_ucs(&p, eol ? AS_LF : u)) {
            HM_FREE(a, p.p);
            return -1;
        }
    *out = p.p;
    *outlen = p.n;
    return 0;
}

/* ---- tokens ---- */

static int is_sep_at(const unsigned char *s, size_t n, size_t i)
{
    /* '.', ',' or ';' followed by a blank or the end */
    if (s[i] != AS_DOT && s[i] != AS_COMMA && s[i] != AS_SEMI)
        return 0;
    return i + 1 >= n || isblank_a(s[i + 1]);
}

static int is_op(unsigned char b)
{
    return b == AS_EQ || b == AS_LT || b == AS_GT || b == AS_LPAR
           || b == AS_RPAR || b == AS_COMMA;
}

void hm_cb_token(const unsigned char *s, size_t n, size_t *pos,
                 int ops, hm_cbtok *t)
{
    size_t i = *pos;
    for (;;) {
        while (i < n && isblank_a(s[i]))
            i++;
        if (i < n && !ops && (s[i] == AS_COMMA || s[i] == AS_SEMI)
            && is_sep_at(s, n, i)) {
            i++;
            continue;
        }
        break;
    }
    t->pos = i;
    t->len = 0;
    if (i >= n) {
        t->type = HM_TK_END;
        *pos = i;
        return;
    }
    if (ops && is_op(s[i])) {
        t->type = HM_TK_OP;
        t->len = 1;
        if (i + 1 < n && ((s[i] == AS_LT && (s[i + 1] == AS_GT
                                              || s[i + 1] == AS_EQ))
                          || (s[i] == AS_GT && s[i + 1] == AS_EQ)))
            t->len = 2;
        *pos = i + t->len;
        return;
    }
    if (s[i] == AS_DOT && is_sep_at(s, n, i)) {
        t->type = HM_TK_PERIOD;
        t->len = 1;
        *pos = i + 1;
        return;
    }
    if (s[i] == AS_APOS || s[i] == AS_QUOT
        || ((s[i] == AS_X || s[i] == AS_x) && i + 1 < n
            && (s[i + 1] == AS_APOS || s[i + 1] == AS_QUOT))) {
        int hex = s[i] == AS_X || s[i] == AS_x;
        unsigned char q;
        size_t j;
        if (hex)
            i++;
        q = s[i];
        j = i + 1;
        for (;;) {
            if (j >= n) {
                t->type = HM_TK_BAD;
                t->len = n - t->pos;
                *pos = n;
                return;
            }
            if (s[j] == q) {
                if (j + 1 < n && s[j + 1] == q && !hex) {
                    j += 2;
                    continue;
                }
                break;
            }
            j++;
        }
        t->type = hex ? HM_TK_XLIT : HM_TK_ALIT;
        t->pos = i + 1;
        t->len = j - (i + 1);
        *pos = j + 1;
        return;
    }
    t->type = HM_TK_WORD;
    while (i < n && !isblank_a(s[i]) && !is_sep_at(s, n, i)
           && !(ops && is_op(s[i])) && s[i] != AS_APOS
           && s[i] != AS_QUOT)
        i++;
    t->len = i - t->pos;
    if (t->len == 0) { /* a lone quote-like byte cannot happen */
        t->len = 1;
        i++;
    }
    *pos = i;
}

int hm_cb_word(const unsigned char *s, const hm_cbtok *t, char *buf,
               size_t cap)
{
    size_t i;
    if (t->type != HM_TK_WORD || t->len == 0 || t->len + 1 > cap)
        return -1;
    for (i = 0; i < t->len; i++) {
        unsigned char b = s[t->pos + i];
        if (!isalpha_a(b) && !isdig(b) && b != AS_MINUS && b != AS_UND)
            return -1;
        buf[i] = hm_asc_char(up(b));
    }
    buf[i] = 0;
    return 0;
}

int hm_cb_numlit(const unsigned char *s, const hm_cbtok *t, hm_num *n)
{
    size_t i = 0, len = t->len;
    const unsigned char *p = s + t->pos;
    int seen_dot = 0, nd = 0;
    if (t->type != HM_TK_WORD || len == 0)
        return -1;
    memset(n, 0, sizeof *n);
    if (p[0] == AS_PLUS || p[0] == AS_MINUS) {
        n->neg = p[0] == AS_MINUS;
        i = 1;
    }
    if (i >= len)
        return -1;
    for (; i < len; i++) {
        if (p[i] == AS_DOT && !seen_dot && i + 1 < len) {
            seen_dot = 1;
            continue;
        }
        if (!isdig(p[i]) || n->ndig >= HM_NUM_MAXDIG)
            return -1;
        n->dig[n->ndig++] = (unsigned char)(p[i] - AS_0);
        nd++;
        if (seen_dot)
            n->scale++;
    }
    if (nd == 0)
        return -1;
    num_norm(n);
    return 0;
}

static int hexval(unsigned char b)
{
    if (isdig(b))
        return b - AS_0;
    if (b >= AS_A && b <= AS_F)
        return b - AS_A + 10;
    if (b >= AS_a && b <= AS_f)
        return b - AS_a + 10;
    return -1;
}

/* the figurative constants, execution charset */
static const struct {
    const char *w;
    int kind;
} figs[] = {
    { "SPACE", HM_CBV_SPACE }, { "SPACES", HM_CBV_SPACE },
    { "ZERO", HM_CBV_ZERO }, { "ZEROS", HM_CBV_ZERO },
    { "ZEROES", HM_CBV_ZERO }, { "LOW-VALUE", HM_CBV_LOW },
    { "LOW-VALUES", HM_CBV_LOW }, { "HIGH-VALUE", HM_CBV_HIGH },
    { "HIGH-VALUES", HM_CBV_HIGH }, { 0, 0 }
};

int hm_cb_lit(hm_cbpool *pool, const unsigned char *s,
              const hm_cbtok *t, hm_cblit *lit)
{
    size_t i;
    memset(lit, 0, sizeof *lit);
    if (t->type == HM_TK_ALIT) {
        lit->kind = HM_CBV_TEXT;
        lit->off = pool->n;
        for (i = 0; i < t->len; i++) {
            if (pool_add(pool, s + t->pos + i, 1))
                return -2;
            if ((s[t->pos + i] == AS_APOS || s[t->pos + i] == AS_QUOT)
                && i + 1 < t->len)
                i++; /* a doubled quote */
        }
        lit->len = pool->n - lit->off;
        return 0;
    }
    if (t->type == HM_TK_XLIT) {
        if (t->len % 2 || t->len == 0)
            return -1;
        lit->kind = HM_CBV_HEX;
        lit->off = pool->n;
        for (i = 0; i < t->len; i += 2) {
            int h = hexval(s[t->pos + i]), l = hexval(s[t->pos + i + 1]);
            unsigned char b;
            if (h < 0 || l < 0)
                return -1;
            b = (unsigned char)(h * 16 + l);
            if (pool_add(pool, &b, 1))
                return -2;
        }
        lit->len = pool->n - lit->off;
        return 0;
    }
    if (t->type == HM_TK_WORD) {
        char w[16];
        int k;
        if (hm_cb_numlit(s, t, &lit->num) == 0) {
            lit->kind = HM_CBV_NUM;
            return 0;
        }
        if (hm_cb_word(s, t, w, sizeof w))
            return -1;
        for (k = 0; figs[k].w; k++)
            if (strcmp(w, figs[k].w) == 0) {
                lit->kind = figs[k].kind;
                return 0;
            }
    }
    return -1;
}

/* ---- the parser ---- */

typedef struct lmap {
    size_t pos;
    unsigned long line;
} lmap;

typedef struct cbp {
    hm_copybook *cb;
    const hm_alloc *a;
    hm_log *log;
    const char *name;
    int flags;
    hm_cbpool sb;          /* statement buffer, UTF-8 */
    lmap *lm;
    size_t nlm, caplm;
    int in_lit;
    unsigned long quote;
    unsigned long litline;
    int fcap, ccap, vcap;
    hm_cbpool lp;          /* literal pool (moved into cb) */
    int stack[64];
    int nstack;
    int last;              /* last item of levels 01-49 */
    int err;
    /* scanner */
    size_t pos;
    hm_cbtok tok;
    char w[HM_CB_NAMEMAX + 8]; /* tok as an upper-cased word */
    int wok;
} cbp;

static void say(cbp *p, int id, unsigned long line, const char *a3,
                const char *a4)
{
    char nb[24];
    const char *args[4];
    if (p->err)
        return;
    p->err = 1;
    args[0] = p->name ? p->name : "(copybook)";
    args[1] = hm_fmt_ulong(line, nb);
    args[2] = a3 ? a3 : "";
    args[3] = a4 ? a4 : "";
    hm_msg(p->log, id, args, 4);
}

static void nostor(cbp *p)
{
    if (!p->err) {
        p->err = 1;
        hm_msg1(p->log, HMM_CPYSTOR, p->name ? p->name : "(copybook)");
    }
}

static unsigned long pos_line(const cbp *p, size_t pos)
{
    size_t lo = 0, hi = p->nlm;
    if (p->nlm == 0)
        return 0;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->lm[mid].pos <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return p->lm[lo].line;
}

static int lm_add(cbp *p, unsigned long line)
{
    if (p->nlm == p->caplm) {
        size_t nc = p->caplm ? p->caplm * 2 : 64;
        lmap *q = (lmap *)HM_ALLOC(p->a, nc * sizeof(lmap));
        if (!q)
            return -1;
        if (p->nlm)
            memcpy(q, p->lm, p->nlm * sizeof(lmap));
        HM_FREE(p->a, p->lm);
        p->lm = q;
        p->caplm = nc;
    }
    p->lm[p->nlm].pos = p->sb.n;
    p->lm[p->nlm].line = line;
    p->nlm++;
    return 0;
}

/* append code points, tracking literals */
static int sb_put(cbp *p, const unsigned long *u, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned long c = u[i] == AS_TAB ? AS_SP : u[i];
        if (!p->in_lit && (c == AS_APOS || c == AS_QUOT)) {
            p->in_lit = 1;
            p->quote = c;
        } else if (p->in_lit && c == p->quote) {
            p->in_lit = 0;
        }
        if (pool_ucs(&p->sb, c))
            return -1;
    }
    return 0;
}

static int sb_space(cbp *p)
{
    unsigned char b = AS_SP;
    return pool_add(&p->sb, &b, 1);
}

static void one_line(cbp *p, const unsigned long *l, size_t n,
                     unsigned long line)
{
    unsigned long ind = AS_SP;
    size_t b, e, i;
    unsigned long c7[2];
    char cbuf[8];
    int cont = 0;
    if (p->err)
        return;
    if (p->flags & HM_CB_FREE) {
        for (i = 0; i < n && (l[i] == AS_SP || l[i] == AS_TAB); i++)
            ;
        if (i < n && l[i] == AS_STAR)
            return;
        b = 0;
        e = n;
    } else {
        if (n > FIX_IND)
            ind = l[FIX_IND];
        if (ind == AS_STAR || ind == AS_SLASH || ind == AS_D
            || ind == AS_d)
            return;
        if (ind == AS_MINUS)
            cont = 1;
        else if (ind != AS_SP && ind != AS_TAB) {
            c7[0] = ind;
            cbuf[0] = ind < 0x80 ? hm_asc_char((unsigned char)ind)
                                 : '?';
            cbuf[1] = 0;
            (void)c7;
            say(p, HMM_CPYCOL7, line, cbuf, 0);
            return;
        }
        b = FIX_CODE;
        e = n < FIX_END ? n : FIX_END;
        if (b > e)
            b = e;
    }
    if (cont) {
        for (i = b; i < e && (l[i] == AS_SP || l[i] == AS_TAB); i++)
            ;
        if (i == e)
            return;
        if (p->in_lit) {
            if (l[i] != p->quote) {
                say(p, HMM_CPYCONT, line, 0, 0);
                return;
            }
            i++;
        } else {
            while (p->sb.n && p->sb.p[p->sb.n - 1] == AS_SP)
                p->sb.n--;
        }
        if (lm_add(p, line) || sb_put(p, l + i, e - i)) {
            nostor(p);
            return;
        }
    } else {
        for (i = b; i < e && (l[i] == AS_SP || l[i] == AS_TAB); i++)
            ;
        if (i == e)
            return;
        if (p->in_lit) {
            say(p, HMM_CPYLIT, p->litline, 0, 0);
            return;
        }
        if ((p->sb.n && sb_space(p)) || lm_add(p, line)
            || sb_put(p, l + b, e - b)) {
            nostor(p);
            return;
        }
    }
    if (p->in_lit) {
        p->litline = line;
        if (p->flags & HM_CB_FREE) {
            say(p, HMM_CPYLIT, line, 0, 0);
            return;
        }
        for (i = e; i < FIX_END; i++)
            if (sb_space(p)) {
                nostor(p);
                return;
            }
    }
}

static void read_lines(cbp *p, const unsigned char *text, size_t len,
                       const hm_cpage *cp)
{
    txt t;
    unsigned long l[LINEMAX], u, line = 1;
    size_t n = 0;
    int eol, any = 0;
    t.s = text;
    t.n = len;
    t.pos = 0;
    t.cp = cp;
    while (!p->err && txt_next(&t, &u, &eol)) {
        any = 1;
        if (eol) {
            one_line(p, l, n, line);
            line++;
            n = 0;
            any = 0;
            continue;
        }
        if (n < LINEMAX)
            l[n++] = u;
        else if (p->flags & HM_CB_FREE) {
            char mb[24];
            say(p, HMM_CPYLINE, line, hm_fmt_ulong(LINEMAX, mb), 0);
        }
    }
    if (!p->err && any)
        one_line(p, l, n, line);
    if (!p->err && p->in_lit)
        say(p, HMM_CPYLIT, p->litline, 0, 0);
}

/* ---- entries ---- */

static void next(cbp *p)
{
    hm_cb_token(p->sb.p, p->sb.n, &p->pos, 0, &p->tok);
    p->wok = hm_cb_word(p->sb.p, &p->tok, p->w, sizeof p->w) == 0;
    if (!p->wok && p->tok.type == HM_TK_WORD) {
        /* keep a printable form for messages */
        hm_asc_exec(p->sb.p + p->tok.pos, p->tok.len, p->w, sizeof p->w);
    }
}

static unsigned long tline(const cbp *p)
{
    return pos_line(p, p->tok.pos);
}

static int is(const cbp *p, const char *kw)
{
    return p->wok && strcmp(p->w, kw) == 0;
}

/* the token, printable, for messages */
static const char *tokname(cbp *p)
{
    if (p->tok.type == HM_TK_END)
        return "(end of copybook)";
    if (p->tok.type == HM_TK_PERIOD)
        return ".";
    if (p->tok.type != HM_TK_WORD)
        return "(literal)";
    return p->w;
}

/* words that start a clause (they end name lists) */
static const char *const clause_words[] = {
    "PIC", "PICTURE", "USAGE", "DISPLAY", "COMP", "COMPUTATIONAL",
    "COMP-1", "COMP-2", "COMP-3", "COMP-4", "COMP-5",
    "COMPUTATIONAL-1", "COMPUTATIONAL-2", "COMPUTATIONAL-3",
    "COMPUTATIONAL-4", "COMPUTATIONAL-5", "BINARY", "PACKED-DECIMAL",
    "OCCURS", "REDEFINES", "VALUE", "VALUES", "SIGN", "LEADING",
    "TRAILING", "INDEXED", "ASCENDING", "DESCENDING", "DEPENDING",
    "SYNC", "SYNCHRONIZED", "JUST", "JUSTIFIED", "BLANK", "EXTERNAL",
    "GLOBAL", "POINTER", "INDEX", "NATIONAL", "DISPLAY-1", "RENAMES",
    "GROUP-USAGE", "PROCEDURE-POINTER", "FUNCTION-POINTER", "OBJECT",
    "DATE", "TYPE", "TYPEDEF", "VOLATILE", "DYNAMIC", 0
};

static int clause_word(const cbp *p)
{
    int i;
    if (!p->wok)
        return 0;
    for (i = 0; clause_words[i]; i++)
        if (strcmp(p->w, clause_words[i]) == 0)
            return 1;
    return 0;
}

static int in_set(const char *set, char c)
{
    for (; *set; set++)
        if (*set == c)
            return 1;
    return 0;
}

/* a user-defined word: up to 30 characters, a letter somewhere, no
 * hyphen first or last (w comes from hm_cb_word) */
static int valid_name(const char *w)
{
    size_t n = strlen(w), i;
    int letter = 0;
    if (n == 0 || n > HM_CB_NAMEMAX || w[0] == '-' || w[n - 1] == '-')
        return 0;
    for (i = 0; i < n; i++)
        if (!in_set("0123456789-_", w[i]))
            letter = 1;
    return letter;
}

/* find item (cond == 0) or 88 (cond != 0) by a qualified name:
 * names[0] OF names[1] OF ...; limit: only items below this index */
static int lookup(const hm_copybook *cb, const char (*names)[32],
                  int k, int cond, int limit)
{
    int i, found = -1, n = cond ? cb->nc : limit;
    for (i = 0; i < n; i++) {
        int j, q;
        if (strcmp(cond ? cb->c[i].name : cb->f[i].name, names[0]))
            continue;
        j = cond ? cb->c[i].field : cb->f[i].parent;
        for (q = 1; q < k; q++) {
            while (j >= 0 && strcmp(cb->f[j].name, names[q]))
                j = cb->f[j].parent;
            if (j < 0)
                break;
            j = cb->f[j].parent;
        }
        if (q < k)
            continue;
        if (found >= 0)
            return -2;
        found = i;
    }
    return found;
}

int hm_cb_lookup(const hm_copybook *cb, const char (*names)[32], int k,
                 int cond)
{
    if (k < 1)
        return -3;
    return lookup(cb, names, k, cond, cb->nf);
}

static int qualified(const unsigned char *s, size_t n, int cond,
                     const hm_copybook *cb)
{
    char names[HM_CB_MAXDIM + 9][32];
    int k = 0;
    size_t pos = 0;
    hm_cbtok t;
    for (;;) {
        hm_cb_token(s, n, &pos, 0, &t);
        if (t.type != HM_TK_WORD || k == HM_CB_MAXDIM + 9
            || hm_cb_word(s, &t, names[k], 32))
            return -3;
        k++;
        hm_cb_token(s, n, &pos, 0, &t);
        if (t.type == HM_TK_END)
            break;
        {
            char w[8];
            if (hm_cb_word(s, &t, w, sizeof w)
                || (strcmp(w, "OF") && strcmp(w, "IN")))
                return -3;
        }
    }
    return lookup(cb, (const char (*)[32])names, k, cond,
                  cb->nf);
}

static int find_text(const hm_copybook *cb, const unsigned char *q,
                     size_t len, const hm_cpage *cp, int cond)
{
    unsigned char buf[4 * 256];
    size_t n = 0;
    txt t;
    unsigned long u;
    int eol, unm;
    t.s = q;
    t.n = len;
    t.pos = 0;
    t.cp = cp;
    while (txt_next(&t, &u, &eol)) {
        if (n + 4 > sizeof buf || eol)
            return -3;
        n += hm_pc_encode(HM_PC_UTF8, u, buf + n, &unm);
    }
    return qualified(buf, n, cond, cb);
}

int hm_cb_find(const hm_copybook *cb, const unsigned char *qname,
               size_t len, const hm_cpage *cp)
{
    return find_text(cb, qname, len, cp, 0);
}

int hm_cb_findcond(const hm_copybook *cb, const unsigned char *qname,
                   size_t len, const hm_cpage *cp)
{
    return find_text(cb, qname, len, cp, 1);
}

int hm_cb_dims(const hm_copybook *cb, int f, int *dims)
{
    int n = cb->f[f].ndim, k = n;
    while (f >= 0 && k > 0) {
        if (cb->f[f].occurs != HM_CB_OCC_NONE)
            dims[--k] = f;
        f = cb->f[f].parent;
    }
    return n;
}

/* a qualified name in the statement (the current token is its first
 * word); leaves the token after it. Returns the item or -1. */
static int stmt_name(cbp *p, int limit, char *shown, size_t cap)
{
    char names[HM_CB_MAXDIM + 9][32];
    int k = 0, r;
    unsigned long line = tline(p);
    for (;;) {
        if (!p->wok || k == HM_CB_MAXDIM + 9 || strlen(p->w) > 31) {
            say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a data name");
            return -1;
        }
        memcpy(names[k++], p->w, strlen(p->w) + 1);
        next(p);
        if (!is(p, "OF") && !is(p, "IN"))
            break;
        next(p);
    }
    memcpy(shown, names[0], strlen(names[0]) + 1 < cap
           ? strlen(names[0]) + 1 : cap);
    shown[cap - 1] = 0;
    r = lookup(p->cb, (const char (*)[32])names, k, 0, limit);
    if (r < 0) {
        say(p, r == -2 ? HMM_CPYAMBIG : HMM_CPYNONAME, line, names[0], 0);
        return -1;
    }
    return r;
}

static int grow(cbp *p, void **arr, int *cap, int n, size_t el)
{
    void *q;
    int nc;
    if (n < *cap)
        return 0;
    nc = *cap ? *cap * 2 : 32;
    q = HM_ALLOC(p->a, (size_t)nc * el);
    if (!q)
        return -1;
    if (n)
        memcpy(q, *arr, (size_t)n * el);
    HM_FREE(p->a, *arr);
    *arr = q;
    *cap = nc;
    return 0;
}

static int new_item(cbp *p, int level, const char *name,
                    unsigned long line)
{
    hm_copybook *cb = p->cb;
    hm_cbfield *f;
    int i, par;
    if (grow(p, (void **)&cb->f, &p->fcap, cb->nf, sizeof(hm_cbfield))) {
        nostor(p);
        return -1;
    }
    i = cb->nf++;
    f = &cb->f[i];
    memset(f, 0, sizeof *f);
    memcpy(f->name, name, strlen(name) + 1);
    f->level = level;
    f->parent = f->child = f->next = f->redefines = f->odo = -1;
    f->kind = -1;      /* no PICTURE yet */
    f->usage = -1;     /* no USAGE yet */
    f->occ_min = f->occ_max = 1;
    f->line = line;
    while (p->nstack && cb->f[p->stack[p->nstack - 1]].level >= level)
        p->nstack--;
    if (level != 1 && p->nstack == 0) {
        if (cb->nf > 1) {
            char lb[24];
            say(p, HMM_CPYLEVEL, line, hm_fmt_ulong((unsigned long)level,
                                                   lb), 0);
            return -1;
        }
        /* an implicit 01 above a copybook that starts lower */
        cb->nf--;
        if (new_item(p, 1, "", line) < 0)
            return -1;
        return new_item(p, level, name, line);
    }
    par = p->nstack ? p->stack[p->nstack - 1] : -1;
    f->parent = par;
    if (par >= 0) {
        int c = cb->f[par].child;
        if (c < 0)
            cb->f[par].child = i;
        else {
            while (cb->f[c].next >= 0)
                c = cb->f[c].next;
            cb->f[c].next = i;
        }
    }
    if (p->nstack == (int)(sizeof p->stack / sizeof p->stack[0])) {
        char lb[24];
        say(p, HMM_CPYLEVEL, line, hm_fmt_ulong((unsigned long)level, lb),
            0);
        return -1;
    }
    p->stack[p->nstack++] = i;
    return i;
}

/* PICTURE string: sets kind, size (alnum), digits, scale, sign */
static void picture(cbp *p, hm_cbfield *f)
{
    const unsigned char *s = p->sb.p + p->tok.pos;
    size_t n = p->tok.len, i;
    unsigned long alnum = 0, nint = 0, nfrac = 0;
    int sign = 0, v = 0, numeric = 0, last = 0;
    char shown[48];
    unsigned long line = tline(p);
    hm_asc_exec(s, n, shown, sizeof shown);
    if (p->tok.type != HM_TK_WORD || n == 0) {
        say(p, HMM_CPYSYNTAX, line, tokname(p), "a picture string");
        return;
    }
    for (i = 0; i < n; i++) {
        unsigned char c = up(s[i]);
        unsigned long rep = 1;
        if (c == AS_LPAR) {
            unsigned long r = 0;
            size_t j = i + 1;
            while (j < n && isdig(s[j]) && r <= HM_CB_MAXSIZE)
                r = r * 10 + (s[j++] - AS_0);
            if (j >= n || s[j] != AS_RPAR || j == i + 1 || r == 0
                || r > HM_CB_MAXSIZE || !last || last == AS_S
                || last == AS_V) {
                say(p, HMM_CPYPIC, line, shown, 0);
                return;
            }
            rep = r - 1;
            c = (unsigned char)last;
            i = j;
            if (rep == 0)
                continue;
        }
        if (c == AS_X || c == AS_A) {
            alnum += rep;
        } else if (c == AS_A9) {
            numeric = 1;
            if (v)
                nfrac += rep;
            else
                nint += rep;
        } else if (c == AS_S && i == 0) {
            sign = 1;
        } else if (c == AS_V && !v) {
            v = 1;
        } else {
            say(p, HMM_CPYPIC, line, shown, 0);
            return;
        }
        if (alnum > HM_CB_MAXSIZE || nint + nfrac > HM_CB_MAXSIZE) {
            say(p, HMM_CPYPIC, line, shown, 0);
            return;
        }
        last = c;
    }
    if (alnum && (sign || v)) {
        say(p, HMM_CPYPIC, line, shown, 0);
        return;
    }
    if (alnum) {
        f->kind = HM_CB_ALNUM;
        f->size = alnum + nint; /* X and 9 mixed: alphanumeric */
    } else if (numeric) {
        f->kind = HM_CB_ZONED;
        f->digits = (int)(nint + nfrac > 99 ? 99 : nint + nfrac);
        f->scale = (int)nfrac;
        f->sign = sign;
    } else {
        say(p, HMM_CPYPIC, line, shown, 0);
    }
}

/* the usage words; refused ones are absent (they fall through to
 * the "not supported" message naming the clause) */
static const struct {
    const char *w;
    int usage;
} usages[] = {
    { "DISPLAY", HM_CB_DISPLAY }, { "COMP", HM_CB_COMP },
    { "COMPUTATIONAL", HM_CB_COMP }, { "COMP-4", HM_CB_COMP },
    { "COMPUTATIONAL-4", HM_CB_COMP }, { "BINARY", HM_CB_COMP },
    { "COMP-3", HM_CB_COMP3 }, { "COMPUTATIONAL-3", HM_CB_COMP3 },
    { "PACKED-DECIMAL", HM_CB_COMP3 }, { "COMP-5", HM_CB_COMP5 },
    { "COMPUTATIONAL-5", HM_CB_COMP5 }, { 0, 0 }
};

static int usage_word(const cbp *p)
{
    int i;
    if (!p->wok)
        return -1;
    for (i = 0; usages[i].w; i++)
        if (strcmp(p->w, usages[i].w) == 0)
            return usages[i].usage;
    return -1;
}

static void refuse(cbp *p, const char *clause)
{
    say(p, HMM_CPYCLAUSE, tline(p), clause ? clause : tokname(p), 0);
}

static int number(cbp *p, unsigned long *v)
{
    size_t i;
    unsigned long x = 0;
    if (p->tok.type != HM_TK_WORD || p->tok.len == 0)
        return -1;
    for (i = 0; i < p->tok.len; i++) {
        unsigned char b = p->sb.p[p->tok.pos + i];
        if (!isdig(b) || x > HM_CB_MAXSIZE)
            return -1;
        x = x * 10 + (b - AS_0);
    }
    *v = x;
    return 0;
}

/* skip a list of names (INDEXED BY, KEY IS) */
static void skip_names(cbp *p)
{
    int k = 0;
    while (p->wok && !clause_word(p)) {
        next(p);
        k++;
    }
    if (k == 0)
        say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a name");
}

static void occurs(cbp *p, int i)
{
    hm_cbfield *f = &p->cb->f[i];
    unsigned long a, b;
    unsigned long line = tline(p);
    char shown[32];
    if (f->occurs) {
        say(p, HMM_CPYDUP, line, "OCCURS", 0);
        return;
    }
    next(p);
    if (number(p, &a)) {
        say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "an integer");
        return;
    }
    f->occurs = HM_CB_OCC_FIXED;
    f->occ_min = f->occ_max = a;
    next(p);
    if (is(p, "TO")) {
        next(p);
        if (number(p, &b)) {
            say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "an integer");
            return;
        }
        f->occ_max = b;
        next(p);
    }
    if (is(p, "TIMES"))
        next(p);
    if (is(p, "DEPENDING")) {
        next(p);
        if (is(p, "ON"))
            next(p);
        f->odo = stmt_name(p, i, shown, sizeof shown);
        if (f->odo < 0)
            return;
        f = &p->cb->f[i];
        f->occurs = HM_CB_OCC_ODO;
    } else if (f->occ_min != f->occ_max) {
        say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "DEPENDING ON");
        return;
    }
    if (f->occ_max == 0 || f->occ_min > f->occ_max) {
        say(p, HMM_CPYOCC, line, f->name[0] ? f->name : "FILLER", 0);
        return;
    }
    for (;;) {
        if (is(p, "ASCENDING") || is(p, "DESCENDING")) {
            next(p);
            if (is(p, "KEY"))
                next(p);
            if (is(p, "IS"))
                next(p);
            skip_names(p);
        } else if (is(p, "INDEXED")) {
            next(p);
            if (is(p, "BY"))
                next(p);
            skip_names(p);
        } else
            break;
        if (p->err)
            return;
    }
}

/* a literal list of an 88 (or the single VALUE of an item) */
static int value_lit(cbp *p, hm_cblit *l)
{
    int r;
    if (is(p, "ALL")) {
        refuse(p, "ALL");
        return -1;
    }
    r = hm_cb_lit(&p->lp, p->sb.p, &p->tok, l);
    if (r == -2) {
        nostor(p);
        return -1;
    }
    if (r) {
        say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a literal");
        return -1;
    }
    next(p);
    return 0;
}

static void item(cbp *p, int level, unsigned long line)
{
    char name[HM_CB_NAMEMAX + 1];
    int i, u;
    hm_cbfield *f;
    char shown[32];
    name[0] = 0;
    next(p);
    if (is(p, "FILLER")) {
        next(p);
    } else if (p->tok.type == HM_TK_WORD && !clause_word(p)) {
        if (!p->wok || !valid_name(p->w)) {
            say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a data name");
            return;
        }
        memcpy(name, p->w, strlen(p->w) + 1);
        next(p);
    }
    i = new_item(p, level, name, line);
    if (i < 0)
        return;
    p->last = i;
    while (!p->err && p->tok.type != HM_TK_PERIOD) {
        f = &p->cb->f[i];
        if (p->tok.type == HM_TK_END) {
            say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a period");
            return;
        }
        if (is(p, "PIC") || is(p, "PICTURE")) {
            if (f->kind >= 0) {
                say(p, HMM_CPYDUP, tline(p), "PICTURE", 0);
                return;
            }
            next(p);
            if (is(p, "IS"))
                next(p);
            picture(p, f);
            next(p);
        } else if (is(p, "USAGE") || usage_word(p) >= 0) {
            if (is(p, "USAGE")) {
                next(p);
                if (is(p, "IS"))
                    next(p);
            }
            u = usage_word(p);
            if (u < 0) {
                refuse(p, 0);
                return;
            }
            if (f->usage >= 0) {
                say(p, HMM_CPYDUP, tline(p), "USAGE", 0);
                return;
            }
            f->usage = u;
            next(p);
        } else if (is(p, "OCCURS")) {
            if (level == 1) {
                say(p, HMM_CPYOCC, tline(p),
                    f->name[0] ? f->name : "FILLER", 0);
                return;
            }
            occurs(p, i);
        } else if (is(p, "REDEFINES")) {
            unsigned long rl = tline(p);
            int c, base = -1;
            next(p);
            if (!p->wok || !valid_name(p->w)) {
                say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a data name");
                return;
            }
            memcpy(shown, p->w, strlen(p->w) + 1);
            /* the last sibling before it that redefines nothing */
            if (f->parent >= 0) {
                for (c = p->cb->f[f->parent].child; c >= 0 && c != i;
                     c = p->cb->f[c].next)
                    if (p->cb->f[c].redefines < 0)
                        base = c;
            } else {
                for (c = 0; c < i; c++)
                    if (p->cb->f[c].level == 1
                        && p->cb->f[c].redefines < 0)
                        base = c;
            }
            if (base < 0 || f->redefines >= 0
                || strcmp(p->cb->f[base].name, shown)) {
                say(p, HMM_CPYREDEF, rl, shown, 0);
                return;
            }
            f->redefines = base;
            next(p);
        } else if (is(p, "VALUE") || is(p, "VALUES")) {
            hm_cblit l;
            next(p);
            if (is(p, "IS") || is(p, "ARE"))
                next(p);
            if (value_lit(p, &l))
                return;
        } else if (is(p, "SIGN") || is(p, "LEADING")
                   || is(p, "TRAILING")) {
            if (is(p, "SIGN")) {
                next(p);
                if (is(p, "IS"))
                    next(p);
            }
            if (is(p, "LEADING"))
                f->sign_lead = 1;
            else if (!is(p, "TRAILING")) {
                say(p, HMM_CPYSYNTAX, tline(p), tokname(p),
                    "LEADING or TRAILING");
                return;
            }
            next(p);
            if (is(p, "SEPARATE")) {
                refuse(p, "SIGN SEPARATE");
                return;
            }
        } else if (is(p, "BLANK")) {
            refuse(p, "BLANK WHEN ZERO");
            return;
        } else {
            unsigned long lv;
            if (number(p, &lv) == 0 || p->tok.type != HM_TK_WORD)
                say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a period");
            else
                refuse(p, 0);
            return;
        }
    }
}

static void cond88(cbp *p, unsigned long line)
{
    hm_copybook *cb = p->cb;
    hm_cbcond *c;
    int ci;
    next(p);
    if (!p->wok || !valid_name(p->w) || clause_word(p)) {
        say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a condition name");
        return;
    }
    if (p->last < 0) {
        say(p, HMM_CPY88, line, p->w, 0);
        return;
    }
    if (grow(p, (void **)&cb->c, &p->ccap, cb->nc, sizeof(hm_cbcond))) {
        nostor(p);
        return;
    }
    ci = cb->nc++;
    c = &cb->c[ci];
    memcpy(c->name, p->w, strlen(p->w) + 1);
    c->field = p->last;
    c->val = cb->nv;
    c->nval = 0;
    c->line = line;
    if (cb->f[p->last].ncond == 0)
        cb->f[p->last].cond = ci;
    cb->f[p->last].ncond++;
    next(p);
    if (!is(p, "VALUE") && !is(p, "VALUES")) {
        if (p->tok.type == HM_TK_PERIOD || p->tok.type == HM_TK_END)
            say(p, HMM_CPY88, line, c->name, 0);
        else
            refuse(p, 0);
        return;
    }
    next(p);
    if (is(p, "IS") || is(p, "ARE"))
        next(p);
    while (!p->err && p->tok.type != HM_TK_PERIOD) {
        hm_cbval *v;
        if (grow(p, (void **)&cb->v, &p->vcap, cb->nv,
                 sizeof(hm_cbval))) {
            nostor(p);
            return;
        }
        v = &cb->v[cb->nv];
        memset(v, 0, sizeof *v);
        if (value_lit(p, &v->lo))
            return;
        if (is(p, "THRU") || is(p, "THROUGH")) {
            next(p);
            if (value_lit(p, &v->hi))
                return;
            v->thru = 1;
        }
        cb->nv++;
        cb->c[ci].nval++;
        if (p->tok.type == HM_TK_END) {
            say(p, HMM_CPYSYNTAX, tline(p), tokname(p), "a period");
            return;
        }
    }
    if (!p->err && cb->c[ci].nval == 0)
        say(p, HMM_CPY88, line, cb->c[ci].name, 0);
}

static void entries(cbp *p)
{
    p->pos = 0;
    next(p);
    while (!p->err && p->tok.type != HM_TK_END) {
        unsigned long lv, line = tline(p);
        if (p->tok.type == HM_TK_PERIOD || is(p, "EJECT")
            || is(p, "SKIP1") || is(p, "SKIP2") || is(p, "SKIP3")) {
            next(p);
            continue;
        }
        if (number(p, &lv) || p->tok.len > 2) {
            say(p, HMM_CPYSYNTAX, line, tokname(p), "a level number");
            return;
        }
        if (lv == 88)
            cond88(p, line);
        else if (lv >= 1 && lv <= 49)
            item(p, (int)lv, line);
        else {
            say(p, HMM_CPYLEVEL, line, p->w, 0);
            return;
        }
        if (!p->err)
            next(p); /* the period */
    }
}

static const char *iname(const hm_cbfield *f)
{
    return f->name[0] ? f->name : "FILLER";
}

static void finalize(cbp *p)
{
    hm_copybook *cb = p->cb;
    int i, c;
    char nb[24], nb2[24];
    if (cb->nf == 0) {
        p->err = 1;
        hm_msg1(p->log, HMM_CPYEMPTY, p->name ? p->name : "(copybook)");
        return;
    }
    for (i = 0; i < cb->nf && !p->err; i++) {
        hm_cbfield *f = &cb->f[i];
        int par = f->parent;
        f->depth = par >= 0 ? cb->f[par].depth + 1 : 0;
        f->root = par >= 0 ? cb->f[par].root : i;
        f->ndim = (par >= 0 ? cb->f[par].ndim : 0) + (f->occurs ? 1 : 0);
        if (f->ndim > HM_CB_MAXDIM) {
            say(p, HMM_CPYOCC, f->line, iname(f), 0);
            return;
        }
        if (f->child >= 0) {
            if (f->kind >= 0) {
                say(p, HMM_CPYGRPPIC, f->line, iname(f), 0);
                return;
            }
            f->kind = HM_CB_GROUP;
            continue;
        }
        if (f->kind < 0) {
            say(p, HMM_CPYNOPIC, f->line, iname(f), 0);
            return;
        }
        if (f->usage < 0) {
            int j = par;
            while (j >= 0 && cb->f[j].usage < 0)
                j = cb->f[j].parent;
            f->usage = j >= 0 ? cb->f[j].usage : HM_CB_DISPLAY;
        }
        if (f->kind == HM_CB_ALNUM) {
            if (f->usage != HM_CB_DISPLAY || f->sign_lead) {
                say(p, HMM_CPYUSAGE, f->line, iname(f), 0);
                return;
            }
            continue;
        }
        if (f->sign_lead && f->usage != HM_CB_DISPLAY) {
            say(p, HMM_CPYUSAGE, f->line, iname(f), 0);
            return;
        }
        if (f->usage == HM_CB_DISPLAY || f->usage == HM_CB_COMP3) {
            if (f->digits > 31) {
                say(p, HMM_CPYDIGITS, f->line, iname(f),
                    hm_fmt_ulong(31, nb));
                return;
            }
            if (f->usage == HM_CB_COMP3) {
                f->kind = HM_CB_PACKED;
                f->size = (unsigned long)f->digits / 2 + 1;
            } else
                f->size = (unsigned long)f->digits;
        } else {
            if (f->digits > 18) {
                say(p, HMM_CPYDIGITS, f->line, iname(f),
                    hm_fmt_ulong(18, nb));
                return;
            }
            f->kind = HM_CB_BINARY;
            f->size = f->digits <= 4 ? 2 : (f->digits <= 9 ? 4 : 8);
        }
    }
    for (i = cb->nf - 1; i >= 0 && !p->err; i--) {
        unsigned long pos = 0, base = 0, maxend = 0;
        int var = 0;
        if (cb->f[i].child < 0)
            continue;
        for (c = cb->f[i].child; c >= 0; c = cb->f[c].next) {
            hm_cbfield *g = &cb->f[c];
            unsigned long ext, start;
            if (g->size > HM_CB_MAXSIZE / g->occ_max) {
                say(p, HMM_CPYSIZE, g->line, iname(g),
                    hm_fmt_ulong(HM_CB_MAXSIZE, nb));
                return;
            }
            ext = g->size * g->occ_max;
            if (g->redefines >= 0) {
                const hm_cbfield *r = &cb->f[g->redefines];
                if (g->variable || g->occurs == HM_CB_OCC_ODO
                    || r->variable || r->occurs == HM_CB_OCC_ODO) {
                    say(p, HMM_CPYVREDEF, g->line, iname(g), 0);
                    return;
                }
                start = base;
            } else
                start = pos;
            g->offset = start;
            if (ext > HM_CB_MAXSIZE - start) {
                say(p, HMM_CPYSIZE, g->line, iname(g),
                    hm_fmt_ulong(HM_CB_MAXSIZE, nb));
                return;
            }
            if (g->redefines < 0) {
                base = start;
                pos = start + ext;
            }
            if (start + ext > maxend)
                maxend = start + ext;
            if (g->variable || g->occurs == HM_CB_OCC_ODO)
                var = 1;
        }
        cb->f[i].size = maxend;
        cb->f[i].variable = var;
    }
    for (i = 0; i < cb->nf && !p->err; i++) {
        hm_cbfield *f = &cb->f[i];
        if (f->parent >= 0)
            f->offset += cb->f[f->parent].offset;
        else
            f->offset = 0;
        if (f->usage < 0)
            f->usage = HM_CB_DISPLAY;
        if (f->occurs == HM_CB_OCC_ODO) {
            const hm_cbfield *o = &cb->f[f->odo];
            if (o->child >= 0 || o->kind == HM_CB_ALNUM || o->ndim
                || o->scale || o->root != f->root) {
                say(p, HMM_CPYODO, f->line, o->name, iname(f));
                return;
            }
        }
    }
    (void)nb2;
}

hm_copybook *hm_cb_parse(const hm_alloc *a, const unsigned char *text,
                         size_t len, const hm_cpage *cp, int flags,
                         hm_log *log, const char *name)
{
    cbp p;
    hm_copybook *cb;
    memset(&p, 0, sizeof p);
    p.a = a;
    p.log = log;
    p.name = name;
    p.flags = flags;
    p.sb.a = a;
    p.lp.a = a;
    p.last = -1;
    cb = (hm_copybook *)HM_ALLOC(a, sizeof *cb);
    if (!cb) {
        nostor(&p);
        return 0;
    }
    memset(cb, 0, sizeof *cb);
    cb->al = *a;
    p.cb = cb;
    read_lines(&p, text, len, cp);
    if (!p.err && p.sb.n == 0) {
        p.err = 1;
        hm_msg1(log, HMM_CPYEMPTY, name ? name : "(copybook)");
    }
    if (!p.err)
        entries(&p);
    if (!p.err)
        finalize(&p);
    HM_FREE(a, p.sb.p);
    HM_FREE(a, p.lm);
    cb->pool = p.lp.p;
    cb->npool = p.lp.n;
    if (p.err) {
        hm_cb_free(cb);
        return 0;
    }
    return cb;
}

void hm_cb_free(hm_copybook *cb)
{
    hm_alloc a;
    if (!cb)
        return;
    a = cb->al;
    HM_FREE(&a, cb->f);
    HM_FREE(&a, cb->c);
    HM_FREE(&a, cb->v);
    HM_FREE(&a, cb->pool);
    HM_FREE(&a, cb);
}
