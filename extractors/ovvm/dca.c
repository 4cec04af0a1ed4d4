/*
 * dca.c - documents: DCA Revisable-Form-Text (RFT) and Final-Form-
 * Text (FFT) to UTF-8 text, the filetype table, and plain text
 * records.
 *
 * What is known (host-formats.md 1f, from the 1987 PC-Write DCA
 * guide; the IBM references were not read):
 *   RFT is a sequence of structured fields LL LL class type format,
 *   LL big-endian and counting itself (minimum 5). Body Text is
 *   E8/07; margin text E8/01..06 (taken with HM_DCA_MARGIN); Text
 *   Unit Prefix E1/04 starts a text unit.
 *   Text: EBCDIC graphics and one-byte controls (table below);
 *   multi-byte controls X'2B' class count type parameters, the count
 *   counting itself, the type and the parameters [I: order inferred
 *   from the guide's dump]; they are skipped by their count. IEG
 *   (D1/15) is taken as its last parameter byte, a graphic of the
 *   document's code page [I].
 *   FFT: the same text controls without structured fields [I].
 * The code page declared in DP (E2/05) is not read [U]: the caller's
 * converter is used. SO/SI (DBCS) text is not supported [U].
 */
#include <string.h>
#include "ovvm_i.h"
#include "hm_cont.h"

#define ST_HDR 0
#define ST_DATA 1
#define ST_TEXT 2   /* FFT: everything is text */

/* text control states */
#define C_NORM 0
#define C_CLASS 1
#define C_COUNT 2
#define C_TYPE 3
#define C_PARM 4

/* one-byte controls: what they become */
#define X_DROP 0
#define X_NL 1
#define X_PE 2
#define X_TAB 3
#define X_SP 4
#define X_SUB 5

static int dca_ctl(unsigned b)
{
    switch (b) {
    case 0x15:  /* CRE */
    case 0x06:  /* RCR */
    case 0x25:  /* INX */
    case 0x33:  /* IRT */
        return X_NL;
    case 0x0C:  /* PE */
    case 0x3A:  /* RPE */
        return X_PE;
    case 0x05:  /* HT */
    case 0x39:  /* IT */
        return X_TAB;
    case 0x41:  /* RSP */
    case 0xE1:  /* NSP */
        return X_SP;
    case 0x3F:  /* SUB */
        return X_SUB;
    default:
        return X_DROP;
    }
}

static int dca_flush(hm_dca *d)
{
    if (d->on && !d->err) {
        if (d->out(d->octx, d->obuf, d->on))
            d->err = 1;
    }
    d->on = 0;
    return d->err ? -1 : 0;
}

static void dca_put(hm_dca *d, const unsigned char *p, size_t n)
{
    if (d->on + n > sizeof d->obuf)
        dca_flush(d);
    memcpy(d->obuf + d->on, p, n);
    d->on += n;
}

static void dca_nl(hm_dca *d)
{
    static const unsigned char lf = B_LF;
    dca_put(d, &lf, 1);
    d->bol = 1;
}

static void dca_graphic(hm_dca *d, unsigned char b)
{
    unsigned char u[8];
    size_t n;
    if (d->cv) {
        n = hm_cpconv_run(d->cv, &b, 1, u);
    } else {
        u[0] = B_QMARK;
        n = 1;
    }
    if (n == 2 && u[0] == 0xC2 && u[1] == 0x85) { /* NEL */
        dca_nl(d);
        return;
    }
    dca_put(d, u, n);
    d->bol = 0;
}

static void dca_warn(hm_dca *d, int id, hm_off at, unsigned long v)
{
    char b1[24], b2[24];
    d->nwarn++;
    if (d->nwarn > 20)
        return;
    hm_msg3(d->log, id, d->fname ? d->fname : "(document)",
            hm_fmt_ulong(at, b1), hm_fmt_ulong(v, b2));
}

/* One byte of text (or of a control in it). */
static void dca_text(hm_dca *d, unsigned char b)
{
    static const unsigned char sp = B_SP, tab = B_TAB;
    static const unsigned char ff = B_FF;
    static const unsigned char sub[3] = { 0xEF, 0xBF, 0xBD };
    switch (d->cst) {
    case C_NORM:
        if (b == 0x2B) {
            d->cst = C_CLASS;
            return;
        }
        if (b >= 0x40 && b != 0xFF && b != 0x41 && b != 0xE1
            && b != 0xCA) {
            dca_graphic(d, b);
            return;
        }
        switch (dca_ctl(b)) {
        case X_NL:
            dca_nl(d);
            break;
        case X_PE:
            if (!d->bol)
                dca_nl(d);
            if (!(d->flags & HM_DCA_NOFF)) {
                dca_put(d, &ff, 1);
                dca_nl(d);
            }
            break;
        case X_TAB:
            dca_put(d, &tab, 1);
            d->bol = 0;
            break;
        case X_SP:
            dca_put(d, &sp, 1);
            d->bol = 0;
            break;
        case X_SUB:
            dca_put(d, sub, 3);
            d->bol = 0;
            break;
        default:
            break;
        }
        return;
    case C_CLASS:
        d->cclass = b;
        d->cst = C_COUNT;
        return;
    case C_COUNT:
        if (b < 2) {
            dca_warn(d, HMM_OVDCACTL, d->pos, b);
            d->cst = C_NORM;
            return;
        }
        d->cleft = (unsigned)b - 1u;
        d->cst = C_TYPE;
        return;
    case C_TYPE:
        d->ctype = b;
        d->clast = 0;
        if (--d->cleft == 0)
            d->cst = C_NORM;
        else
            d->cst = C_PARM;
        return;
    case C_PARM:
        d->clast = b;
        if (--d->cleft == 0) {
            d->cst = C_NORM;
            if (d->cclass == 0xD1 && d->ctype == 0x15) /* IEG */
                dca_graphic(d, d->clast);
        }
        return;
    default:
        d->cst = C_NORM;
        return;
    }
}

void hm_dca_init(hm_dca *d, int kind, int flags, hm_cpconv *cv,
                 hm_write_fn out, void *octx, hm_log *log,
                 const char *fname)
{
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->flags = flags;
    d->cv = cv;
    d->out = out;
    d->octx = octx;
    d->log = log;
    d->fname = fname;
    d->st = kind == HM_DOC_FFT ? ST_TEXT : ST_HDR;
    d->bol = 1;
}

int hm_dca_feed(hm_dca *d, const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (d->err)
        return -1;
    while (i < n && !d->stopped) {
        if (d->st == ST_TEXT) {
            dca_text(d, p[i++]);
            d->pos++;
            continue;
        }
        if (d->st == ST_HDR) {
            d->hdr[d->hn++] = p[i++];
            d->pos++;
            if (d->hn < 5)
                continue;
            {
                unsigned long ll = ((unsigned long)d->hdr[0] << 8)
                    | d->hdr[1];
                unsigned c = d->hdr[2], t = d->hdr[3];
                d->hn = 0;
                d->nfields++;
                if (ll < 5) {
                    dca_warn(d, HMM_OVDCALEN, d->pos - 5, ll);
                    d->stopped = 1;
                    break;
                }
                d->left = ll - 5;
                d->text = c == 0xE8 && (t == 0x07 || ((d->flags
                                                       & HM_DCA_MARGIN)
                                                      && t >= 1
                                                      && t <= 6));
                if (c == 0xE1 && t == 0x04 && !d->bol)
                    dca_nl(d); /* a new text unit */
                d->cst = C_NORM;
                if (d->left)
                    d->st = ST_DATA;
            }
            continue;
        }
        /* ST_DATA */
        {
            size_t k = n - i;
            if (k > d->left)
                k = (size_t)d->left;
            if (d->text) {
                size_t j;
                for (j = 0; j < k; j++) {
                    dca_text(d, p[i + j]);
                    d->pos++;
                }
            } else {
                d->pos += (hm_off)k;
            }
            i += k;
            d->left -= (unsigned long)k;
            if (d->left == 0) {
                if (d->cst != C_NORM) /* a control cut by the field */
                    d->cst = C_NORM;
                d->st = ST_HDR;
            }
        }
    }
    return dca_flush(d);
}

int hm_dca_finish(hm_dca *d)
{
    if (!d->stopped && ((d->st == ST_HDR && d->hn) || d->st == ST_DATA
                        || d->cst != C_NORM))
        dca_warn(d, HMM_OVDCAEND, d->pos, 0);
    return dca_flush(d);
}

/* ------------------------------------------------------------------
 * Filetypes
 */
static const hm_doc_ft doc_ft[] = {
    { "RFT", HM_DOC_RFT }, { "RFTDOC", HM_DOC_RFT },
    { "DCA", HM_DOC_RFT }, { "FFT", HM_DOC_FFT },
    { "FINAL", HM_DOC_FFT }, { "DOCUMENT", HM_DOC_AUTO },
    { "DOC", HM_DOC_AUTO }, { "SCRIPT", HM_DOC_SCRIPT },
    { "GML", HM_DOC_SCRIPT }, { "DCF", HM_DOC_SCRIPT },
    { "TEXT", HM_DOC_TEXT }, { "MEMO", HM_DOC_TEXT },
    { "NOTE", HM_DOC_TEXT }, { "MAIL", HM_DOC_TEXT },
    { "LISTING", HM_DOC_TEXT }, { "LIST", HM_DOC_TEXT },
    { "DATA", HM_DOC_TEXT }, { "LOG", HM_DOC_TEXT },
    { "FILE", HM_DOC_TEXT }, { "README", HM_DOC_TEXT },
    { "NOTEBOOK", HM_DOC_TEXT }, { "NAMES", HM_DOC_TEXT },
    { "LIST3820", HM_DOC_BINARY }, { "LIST38PP", HM_DOC_BINARY },
    { "MODULE", HM_DOC_BINARY }, { "TXTLIB", HM_DOC_BINARY },
    { "LOADLIB", HM_DOC_BINARY }, { "WP", HM_DOC_BINARY }
};

static const char doc_up[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
static const char doc_lo[] = "abcdefghijklmnopqrstuvwxyz";

static char doc_upper(char c)
{
    int i;
    for (i = 0; i < 26; i++)
        if (doc_lo[i] == c)
            return doc_up[i];
    return c;
}

static int doc_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (doc_upper(*a) != doc_upper(*b))
            return 0;
    return *a == *b;
}

int hm_doc_kind(const char *ft, const unsigned char *head, size_t n,
                const hm_doc_ft *table, size_t ntable)
{
    int kind = HM_DOC_AUTO;
    size_t i;
    if (!table) {
        table = doc_ft;
        ntable = sizeof doc_ft / sizeof doc_ft[0];
    }
    if (ft)
        for (i = 0; i < ntable; i++)
            if (doc_ieq(ft, table[i].ft)) {
                kind = table[i].kind;
                break;
            }
    if (kind != HM_DOC_AUTO)
        return kind;
    if (n >= 4 && head[0] == 0x00 && head[1] == 0x05 && head[2] == 0xE1
        && head[3] == 0x03)
        return HM_DOC_RFT;
    if (n == 0)
        return HM_DOC_TEXT;
    return hm_cont_looks_text(head, n) ? HM_DOC_TEXT : HM_DOC_BINARY;
}

size_t hm_doc_text_record(hm_cpconv *cv, const unsigned char *rec,
                          size_t n, unsigned char *out)
{
    size_t k, i, j = 0;
    if (cv)
        k = hm_cpconv_run(cv, rec, n, out);
    else {
        if (n)
            memcpy(out, rec, n);
        k = n;
    }
    for (i = 0; i < k; i++) {
        if (out[i] == 0xC2 && i + 1 < k && out[i + 1] == 0x85) {
            out[j++] = B_LF;
            i++;
            continue;
        }
        out[j++] = out[i];
    }
    out[j++] = B_LF;
    return j;
}
