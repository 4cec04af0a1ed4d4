/*
 * vmarc.c - VMARC archive reader (see hm_cont.h).
 *
 * An archive is a sequence of members, each an 8-byte eye-catcher
 * ':CFF    ' (X'7AC3C6C640404040'), a 30-byte header (42 with the
 * extension flag X'01': a 4-byte LRECL follows) and the member data:
 *   off len
 *    0   1   version       1   1  release
 *    2   8   filename     10   8  filetype    18  2  filemode
 *   20   2   LRECL        22   6  YY MM DD HH MI SS, one BCD byte each
 *   28   1   RECFM 'F'/'V' 29   1  flags: X'80' S2, X'40' stored,
 *                                  X'20' year + 100, X'01' extension
 * Data is a stream of symbols: 0 = end of record, 1..256 = the EBCDIC
 * byte + 1. V: one 0 ends a record, two end the member; F: one 0 ends
 * the member and records are cut every LRECL bytes. Stored members
 * are LEN(2) DATA(LEN) chunks ended by LEN = 0. LZW and S2 members
 * are 12-bit codes (two codes in three bytes, high bits first) over a
 * 4096-entry string table whose first 257 entries are the symbols;
 * entries are reused when no other entry is built on them:
 *   LZW  each code's string; the new entry is the previous string
 *        plus the first symbol of this one.
 *   S2   each code's string (a tree of two substrings); the new entry
 *        joins the previous and this string.
 * Written from the description of the format in the public-domain
 * vma tool's sources (no code copied); no real archive was available
 * to test with.
 */
#include <string.h>
#include "hm_cont.h"

#define VMA_DEFMAX (256ul * 1024ul * 1024ul)
#define TAB 4096u          /* codes 0..4095; slot 4096 is scratch */
#define FIRSTNEW 257u      /* first reusable entry */
#define NONE 0xFFFFu       /* unused entry / no substring */
#define ENDC 0xFFFEu       /* end of a prefix chain */
#define OUTMAX 4200u
#define RECMAX (1024ul * 1024ul)

#define E_F 0xC6
#define E_V 0xE5

static const unsigned char eyecatch[8] = {
    0x7A, 0xC3, 0xC6, 0xC6, 0x40, 0x40, 0x40, 0x40
};

struct hm_vma {
    const hm_alloc *a;
    hm_log *log;
    const char *fname;
    int failed;
    unsigned char *data;
    size_t dlen;
    hm_vma_member *mem;
    unsigned long nmem, memcap;
    /* the selected member */
    long sel;
    size_t pos, end;
    int residual;           /* second byte of a code pair, or -1 */
    int done, started, asis_eor;
    int held;               /* a symbol to deliver first, or -1 */
    size_t asis_left;
    unsigned eor;
    unsigned long recno;
    unsigned short out[OUTMAX];
    size_t olen, opos;
    /* LZW */
    unsigned short pred[TAB + 1], ch[TAB + 1], refc[TAB + 1];
    unsigned tabp, pending;
    /* S2 */
    unsigned short sl[TAB + 1], sr[TAB + 1], scnt[TAB + 1];
    unsigned short slen[TAB + 1];
    unsigned s2p, slast;
    unsigned short stk[2 * OUTMAX];
    /* records */
    unsigned char *rec;
    size_t rcap;
};

static unsigned long be2(const unsigned char *p)
{
    return ((unsigned long)p[0] << 8) | p[1];
}

static unsigned cvb(unsigned v)
{
    return (v >> 4) * 10 + (v & 15);
}

static void put2(char *o, unsigned v)
{
    static const char dg[] = "0123456789";
    o[0] = dg[(v / 10) % 10];
    o[1] = dg[v % 10];
}

/* Check and decode the header at off (the eye-catcher). Returns 0,
 * or -1 with *why set. */
static int parse_header(hm_vma *v, size_t off, hm_vma_member *m,
                        const char **why)
{
    const unsigned char *h;
    size_t hl;
    unsigned year;
    if (off + 8 + 30 > v->dlen) {
        *why = "incomplete";
        return -1;
    }
    h = v->data + off + 8;
    hl = (h[29] & 0x01) ? 42 : 30;
    if (off + 8 + hl > v->dlen) {
        *why = "incomplete";
        return -1;
    }
    if (h[28] != E_F && h[28] != E_V) {
        *why = "RECFM is neither F nor V";
        return -1;
    }
    memset(m, 0, sizeof *m);
    m->ver = h[0];
    m->rel = h[1];
    m->flags = h[29];
    hm_cont_e2x(h + 2, 8, m->fn, sizeof m->fn);
    hm_cont_e2x(h + 10, 8, m->ft, sizeof m->ft);
    hm_cont_e2x(h + 18, 2, m->fm, sizeof m->fm);
    m->recfm = h[28] == E_F ? 'F' : 'V';
    m->lrecl = be2(h + 20);
    if (hl == 42)
        m->lrecl = ((unsigned long)h[30] << 24) |
                   ((unsigned long)h[31] << 16) |
                   ((unsigned long)h[32] << 8) | h[33];
    if (m->recfm == 'F' && (m->lrecl == 0 || m->lrecl > RECMAX)) {
        *why = "LRECL is not valid";
        return -1;
    }
    if (m->lrecl > RECMAX) {
        *why = "LRECL is not valid";
        return -1;
    }
    m->method = (m->flags & 0x40) ? HM_VMA_ASIS :
                (m->flags & 0x80) ? HM_VMA_S2 : HM_VMA_LZW;
    year = 1900 + cvb(h[22]) + ((m->flags & 0x20) ? 100 : 0);
    put2(m->date, year / 100);
    put2(m->date + 2, year % 100);
    m->date[4] = '-';
    put2(m->date + 5, cvb(h[23]));
    m->date[7] = '-';
    put2(m->date + 8, cvb(h[24]));
    m->date[10] = ' ';
    put2(m->date + 11, cvb(h[25]));
    m->date[13] = ':';
    put2(m->date + 14, cvb(h[26]));
    m->date[16] = ':';
    put2(m->date + 17, cvb(h[27]));
    m->date[19] = 0;
    {
        size_t l;
        memcpy(m->name, m->fn, strlen(m->fn) + 1);
        l = strlen(m->name);
        m->name[l++] = ' ';
        memcpy(m->name + l, m->ft, strlen(m->ft) + 1);
        l = strlen(m->name);
        m->name[l++] = ' ';
        memcpy(m->name + l, m->fm, strlen(m->fm) + 1);
        l = strlen(m->name);
        while (l > 0 && m->name[l - 1] == ' ')
            m->name[--l] = 0;
    }
    m->hdr_off = off;
    m->data_off = off + 8 + hl;
    m->data_end = v->dlen;
    return 0;
}

static size_t find_eye(const hm_vma *v, size_t from)
{
    size_t i;
    for (i = from; i + 8 <= v->dlen; i++)
        if (v->data[i] == 0x7A && memcmp(v->data + i, eyecatch, 8) == 0)
            return i;
    return v->dlen;
}

static int add_member(hm_vma *v, const hm_vma_member *m)
{
    if (v->nmem == v->memcap) {
        unsigned long cap = v->memcap ? v->memcap * 2 : 16;
        hm_vma_member *nm =
            (hm_vma_member *)HM_ALLOC(v->a, cap * sizeof *nm);
        if (!nm) {
            hm_msg1(v->log, HMM_NOSTOR, v->fname);
            v->failed = 1;
            return -1;
        }
        if (v->nmem)
            memcpy(nm, v->mem, v->nmem * sizeof *nm);
        HM_FREE(v->a, v->mem);
        v->mem = nm;
        v->memcap = cap;
    }
    v->mem[v->nmem++] = *m;
    return 0;
}

static void scan(hm_vma *v)
{
    size_t off = 0;
    hm_vma_member m;
    const char *why;
    char o[24];
    if (v->dlen < 8 || memcmp(v->data, eyecatch, 8) != 0) {
        hm_msg1(v->log, HMM_VMANOTVMA, v->fname);
        v->failed = 1;
        return;
    }
    while (off < v->dlen) {
        if (parse_header(v, off, &m, &why) < 0) {
            if (why[0] == 'i') /* incomplete: at the end */
                hm_msg2(v->log, HMM_VMATRUNC, v->fname,
                        hm_fmt_ulong(v->dlen, o));
            else if (v->nmem == 0)
                hm_msg2(v->log, HMM_VMAHDR0, v->fname, why);
            else
                hm_msg3(v->log, HMM_VMAHDR, v->fname,
                        hm_fmt_ulong(off, o), why);
            if (v->nmem == 0) {
                v->failed = 1;
                return;
            }
            /* not a member: the previous one goes on */
            off = find_eye(v, off + 1);
            v->mem[v->nmem - 1].data_end = off;
            continue;
        }
        if (v->nmem)
            v->mem[v->nmem - 1].data_end = off;
        if (add_member(v, &m) < 0)
            return;
        off = find_eye(v, m.data_off);
        v->mem[v->nmem - 1].data_end = off;
    }
}

hm_vma *hm_vma_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                    hm_log *log, const char *fname,
                    unsigned long max_bytes)
{
    hm_vma *v = (hm_vma *)HM_ALLOC(a, sizeof *v);
    size_t cap = 0;
    if (!v) {
        hm_msg1(log, HMM_NOSTOR, fname);
        return 0;
    }
    memset(v, 0, sizeof *v);
    v->a = a;
    v->log = log;
    v->fname = fname;
    v->sel = -1;
    if (max_bytes == 0)
        max_bytes = VMA_DEFMAX;
    for (;;) {
        long k;
        if (v->dlen == cap) {
            size_t nc = cap ? cap * 2 : 65536;
            unsigned char *p;
            if (cap >= max_bytes) {
                char t[24];
                hm_msg2(log, HMM_VMABIG, fname,
                        hm_fmt_ulong(max_bytes, t));
                v->failed = 1;
                return v;
            }
            if (nc > max_bytes)
                nc = max_bytes;
            p = (unsigned char *)HM_ALLOC(a, nc);
            if (!p) {
                hm_msg1(log, HMM_NOSTOR, fname);
                v->failed = 1;
                return v;
            }
            if (v->dlen)
                memcpy(p, v->data, v->dlen);
            HM_FREE(a, v->data);
            v->data = p;
            cap = nc;
        }
        k = fn(ctx, v->data + v->dlen, cap - v->dlen);
        if (k < 0) {
            char o[24];
            hm_msg3(log, HMM_READ, fname, hm_fmt_ulong(v->dlen, o),
                    "I/O error");
            v->failed = 1;
            return v;
        }
        if (k == 0)
            break;
        v->dlen += (size_t)k;
    }
    scan(v);
    return v;
}

int hm_vma_failed(const hm_vma *v)
{
    return v->failed;
}

unsigned long hm_vma_count(const hm_vma *v)
{
    return v->nmem;
}

const hm_vma_member *hm_vma_member_at(const hm_vma *v, unsigned long i)
{
    return i < v->nmem ? &v->mem[i] : 0;
}

long hm_vma_find(const hm_vma *v, const char *name)
{
    unsigned long i;
    size_t n = strlen(name);
    while (n > 0 && name[n - 1] == ' ')
        n--;
    for (i = 0; i < v->nmem; i++) {
        const hm_vma_member *m = &v->mem[i];
        size_t l = strlen(m->fn) + 1 + strlen(m->ft);
        if (strlen(m->name) == n && memcmp(m->name, name, n) == 0)
            return (long)i;
        /* "FN FT" without the mode */
        if (l == n && strlen(m->name) >= l &&
            memcmp(m->name, name, n) == 0)
            return (long)i;
    }
    return -1;
}

/* ------------------------------------------------------------------
 * decoding
 */
static void data_msg(hm_vma *v, const char *why)
{
    char o[24];
    hm_msg4(v->log, HMM_VMADATA, v->fname, v->mem[v->sel].name,
            hm_fmt_ulong(v->pos, o), why);
}

/* next 12-bit code, or -1 at the end of the data */
static int getcode(hm_vma *v)
{
    unsigned c;
    if (v->pos >= v->end)
        return -1;
    c = v->data[v->pos++];
    if (v->residual >= 0) {
        c |= ((unsigned)v->residual & 0x0Fu) << 8;
        v->residual = -1;
        return (int)c;
    }
    if (v->pos >= v->end)
        return -1;
    v->residual = v->data[v->pos++];
    return (int)(((c << 4) | ((unsigned)v->residual >> 4)) & 0xFFFu);
}

static void lzw_init(hm_vma *v)
{
    unsigned i;
    for (i = 0; i <= TAB; i++) {
        v->pred[i] = i < FIRSTNEW ? ENDC : NONE;
        v->ch[i] = (unsigned short)(i < FIRSTNEW ? i : 0);
        v->refc[i] = (unsigned short)(i < FIRSTNEW ? 1 : 0);
    }
    v->tabp = FIRSTNEW - 1;
    v->pending = FIRSTNEW;
    v->pred[FIRSTNEW] = ENDC;
}

/* decode one LZW code into out[]; 0, -1 at the end of the data, -2
 * for bad data */
static int lzw_step(hm_vma *v)
{
    int c = getcode(v);
    unsigned n = 0, e, t, i;
    int wrapped = 0;
    if (c < 0)
        return -1;
    if (v->pred[c] == NONE)
        return -2;
    /* the chain from the code back to its first symbol */
    for (e = (unsigned)c; e != ENDC; e = v->pred[e]) {
        if (n >= OUTMAX || e > TAB || v->pred[e] == NONE)
            return -2;
        v->stk[n++] = (unsigned short)e;
    }
    /* the pending entry ends with this string's first symbol (it may
     * be the code itself) */
    v->ch[v->pending] = v->ch[v->stk[n - 1]];
    for (i = 0; i < n; i++)
        v->out[i] = v->ch[v->stk[n - 1 - i]];
    v->olen = n;
    v->opos = 0;
    /* the next entry: this string plus a symbol still to come */
    v->refc[c]++;
    t = v->tabp;
    for (;;) {
        t++;
        if (t > TAB - 1) {
            if (wrapped)
                break;
            wrapped = 1;
            t = FIRSTNEW;
        }
        if (v->refc[t] == 0)
            break;
    }
    if (t > TAB - 1) {
        v->refc[c]--;
        v->pending = TAB; /* scratch */
        return 0;
    }
    if (v->pred[t] != ENDC && v->pred[t] != NONE)
        v->refc[v->pred[t]]--;
    v->pred[t] = (unsigned short)c;
    v->tabp = t;
    v->pending = t;
    return 0;
}

static void s2_init(hm_vma *v)
{
    unsigned i;
    for (i = 0; i <= TAB; i++) {
        v->sl[i] = v->sr[i] = NONE;
        v->scnt[i] = (unsigned short)(i < FIRSTNEW ? 1 : 0);
        v->ch[i] = (unsigned short)(i < FIRSTNEW ? i : 0);
        v->slen[i] = 0;
    }
    v->s2p = TAB;
}

static void s2_add(hm_vma *v, unsigned l, unsigned r)
{
    unsigned probe = v->s2p, k;
    if ((unsigned long)v->slen[l] + v->slen[r] > TAB - 2)
        return;
    v->scnt[l]++;
    v->scnt[r]++;
    for (k = 0; k <= TAB - FIRSTNEW; k++) {
        probe++;
        if (probe > TAB)
            probe = FIRSTNEW;
        if (v->scnt[probe] == 0)
            break;
    }
    if (v->scnt[probe] != 0) {
        /* no free entry (only with damaged data) */
        v->scnt[l]--;
        v->scnt[r]--;
        return;
    }
    if (v->sl[probe] != NONE) {
        v->scnt[v->sl[probe]]--;
        v->scnt[v->sr[probe]]--;
    }
    if (r == v->s2p && l == v->sl[r]) {
        unsigned x = l;
        l = r;
        r = x;
    }
    v->sl[probe] = (unsigned short)l;
    v->sr[probe] = (unsigned short)r;
    v->slen[probe] = (unsigned short)(2u + v->slen[l] + v->slen[r]);
    v->s2p = probe;
}

static int s2_step(hm_vma *v)
{
    int c = getcode(v);
    size_t sp = 0, n = 0;
    if (c < 0)
        return -1;
    if (!v->started) {
        v->started = 1;
        if (c >= (int)FIRSTNEW)
            return -2;
        v->out[0] = (unsigned short)c;
        v->olen = 1;
        v->opos = 0;
        v->slast = (unsigned)c;
        return 0;
    }
    /* the leaves of the code's tree, left to right */
    v->stk[sp++] = (unsigned short)c;
    while (sp > 0) {
        unsigned e = v->stk[--sp];
        if (v->sl[e] == NONE) {
            if (n >= OUTMAX)
                return -2;
            v->out[n++] = v->ch[e];
            continue;
        }
        if (sp + 2 > sizeof v->stk / sizeof v->stk[0])
            return -2;
        v->stk[sp++] = v->sr[e];
        v->stk[sp++] = v->sl[e];
    }
    v->olen = n;
    v->opos = 0;
    s2_add(v, v->slast, (unsigned)c);
    v->slast = (unsigned)c;
    return 0;
}

/* next symbol: 0..256, -1 end of data, -2 bad data */
static int next_sym(hm_vma *v)
{
    const hm_vma_member *m = &v->mem[v->sel];
    int k;
    if (v->held >= 0) {
        k = v->held;
        v->held = -1;
        return k;
    }
    while (v->opos >= v->olen) {
        if (m->method == HM_VMA_ASIS) {
            if (v->asis_eor) {
                v->asis_eor = 0;
                return 0;
            }
            if (v->asis_left > 0) {
                if (v->pos >= v->end)
                    return -1;
                v->asis_left--;
                if (v->asis_left == 0 && m->recfm == 'V')
                    v->asis_eor = 1;
                return v->data[v->pos++] + 1;
            }
            if (v->pos + 2 > v->end)
                return -1;
            v->asis_left = (size_t)be2(v->data + v->pos);
            v->pos += 2;
            if (v->asis_left == 0)
                return 0;
            continue;
        }
        k = m->method == HM_VMA_S2 ? s2_step(v) : lzw_step(v);
        if (k < 0)
            return k;
    }
    return v->out[v->opos++];
}

int hm_vma_select(hm_vma *v, unsigned long i)
{
    const hm_vma_member *m;
    size_t cap;
    if (i >= v->nmem)
        return -1;
    m = &v->mem[i];
    v->sel = (long)i;
    v->pos = m->data_off;
    v->end = m->data_end;
    v->residual = -1;
    v->held = -1;
    v->done = v->started = v->asis_eor = 0;
    v->asis_left = 0;
    v->eor = 0;
    v->recno = 0;
    v->olen = v->opos = 0;
    if (m->method == HM_VMA_LZW)
        lzw_init(v);
    else if (m->method == HM_VMA_S2)
        s2_init(v);
    cap = m->lrecl ? (size_t)m->lrecl : 65535u;
    if (cap > v->rcap) {
        HM_FREE(v->a, v->rec);
        v->rcap = 0;
        v->rec = (unsigned char *)HM_ALLOC(v->a, cap);
        if (!v->rec) {
            hm_msg1(v->log, HMM_NOSTOR, v->fname);
            v->done = 1;
            return -1;
        }
        v->rcap = cap;
    }
    return 0;
}

/* After the end marker only padding (X'00') may follow. */
static void check_tail(hm_vma *v)
{
    size_t i, junk = 0;
    char t[24];
    for (i = v->pos; i < v->end; i++)
        if (v->data[i] != 0)
            junk++;
    if (junk)
        hm_msg3(v->log, HMM_VMAJUNK, v->fname, v->mem[v->sel].name,
                hm_fmt_ulong(junk, t));
}

int hm_vma_next_record(hm_vma *v, const unsigned char **d, size_t *n)
{
    const hm_vma_member *m;
    size_t len = 0, cap;
    char a[24], b[24];
    *d = 0;
    *n = 0;
    if (v->sel < 0 || v->done)
        return 0;
    m = &v->mem[v->sel];
    cap = m->lrecl ? (size_t)m->lrecl : 65535u;
    for (;;) {
        int s = next_sym(v);
        if (s < 0) {
            char o[24];
            v->done = 1;
            if (s == -1)
                hm_msg3(v->log, HMM_VMAEND, v->fname, m->name,
                        hm_fmt_ulong(v->pos, o));
            else
                data_msg(v, "a code that is not defined");
            return -1;
        }
        if (s == 0) {
            v->eor++;
            if (m->recfm == 'F' || v->eor > 1) {
                v->done = 1;
                check_tail(v);
                if (len == 0)
                    return 0;
                if (m->recfm == 'F')
                    hm_msg4(v->log, HMM_VMASHORT, v->fname, m->name,
                            hm_fmt_ulong(len, a),
                            hm_fmt_ulong(m->lrecl, b));
                break;
            }
            break;
        }
        v->eor = 0;
        if (len == cap) {
            /* a V record longer than its LRECL */
            hm_msg4(v->log, HMM_VMALONG, v->fname, m->name,
                    hm_fmt_ulong(v->recno + 1, a), hm_fmt_ulong(cap, b));
            v->held = s; /* it begins the next piece */
            break;
        }
        v->rec[len++] = (unsigned char)(s - 1);
        if (m->recfm == 'F' && len == cap)
            break;
    }
    v->recno++;
    *d = v->rec;
    *n = len;
    return 1;
}

void hm_vma_describe(const hm_vma *v, hm_line_fn fn, void *ctx)
{
    unsigned long i;
    static const char *const meth[3] = { "LZW", "S2", "stored" };
    for (i = 0; i < v->nmem; i++) {
        const hm_vma_member *m = &v->mem[i];
        char l[200], t[24];
        size_t n = 0;
        const char *parts[12];
        int k, np = 0;
        char rf[2];
        rf[0] = (char)m->recfm;
        rf[1] = 0;
        parts[np++] = "  ";
        parts[np++] = m->name;
        parts[np++] = "  RECFM ";
        parts[np++] = rf;
        parts[np++] = " LRECL ";
        parts[np++] = hm_fmt_ulong(m->lrecl, t);
        parts[np++] = "  ";
        parts[np++] = m->date;
        parts[np++] = "  ";
        parts[np++] = meth[m->method];
        for (k = 0; k < np; k++) {
            size_t pl = strlen(parts[k]);
            if (n + pl >= sizeof l)
                pl = sizeof l - 1 - n;
            memcpy(l + n, parts[k], pl);
            n += pl;
        }
        l[n] = 0;
        fn(ctx, l, n);
    }
}

void hm_vma_close(hm_vma *v)
{
    if (!v)
        return;
    HM_FREE(v->a, v->data);
    HM_FREE(v->a, v->mem);
    HM_FREE(v->a, v->rec);
    HM_FREE(v->a, v);
}
