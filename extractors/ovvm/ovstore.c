/*
 * ovstore.c - the OfficeVision/VM store walker (see ovstore.h and
 * extractors/ovvm/NOTES.md): accounts from the store's folders, the
 * items of an account from its files through the OV/VM parsers, and
 * the directory objects.
 *
 * Items of one account, always in this order:
 *   1. <USERID> NAMES         PAB entries and distribution lists
 *   2. notebooks              ALL NOTEBOOK, then those named by
 *                             :notebook. tags (NAMES order), then the
 *                             other NOTEBOOK files (name order)
 *   3. reader files           in name order: mail files, other files
 *   4. documents              in name order
 * File names are in the execution character set; data bytes are only
 * compared with numeric constants.
 */
#include <string.h>
#include "ovstore.h"
#include "ovvm_i.h"
#include "hm_cont.h"
#include "hm_rec.h"

#define OVS_HEAD 4096u          /* bytes looked at to detect a form */
#define OVS_PATH 1024           /* longest path */
#define OVS_FNMAX 32            /* file name / type kept */
#define OVS_IDMAX HM_SET_IDMAX
#define OVS_TEXTMAX 16777216ul  /* formats file, store list */
#define OVS_NBMAX 64            /* notebooks named by NAMES kept */
#define OVS_INFER 8             /* files looked at for a node */
#define OVS_ADDR (OVS_IDMAX + 24)

/* areas of a file */
#define AR_FILE 0
#define AR_RDR 1

/* classes, in the order of the items */
#define CL_NAMES 0
#define CL_NOTEBOOK 1
#define CL_RDR 2
#define CL_DOC 3
#define CL_SKIP 4

/* file forms */
#define FM_AUTO 0
#define FM_F 1          /* fixed records (lrecl) */
#define FM_V 2          /* RDWs (BDWs detected) */
#define FM_NL 3         /* converted text: UTF-8 lines */
#define FM_ND 4         /* NETDATA */
#define FM_VMARC 5
#define FM_RAW 6        /* a byte stream (a raw RFT) */
#define FM_REC 7        /* the host delivers records */
#define FM_CONV 8       /* NETDATA or VMARC converted to text: bad */
#define FM_PDS 9        /* IEBCOPY unload: bad */

/* layouts */
#define LY_FLAT 0
#define LY_SPLIT 1
#define LY_LIST 2

/* split layout trees */
#define TR_STORE 0
#define TR_DOC 1
#define TR_RDR 2
#define TR_N 3

static const char *const tree_names[TR_N] = { "STORE", "DOC", "RDR" };

/* how a file is to be read (formats file, defaults) */
typedef struct ovs_fdesc {
    int fm;
    unsigned long lrecl;
    unsigned ccsid;             /* 0: the store's */
    int kind;                   /* -1: by file type */
} ovs_fdesc;

typedef struct ovs_fmt {
    size_t pat;                 /* pattern: offset in the text */
    ovs_fdesc fd;
} ovs_fmt;

typedef struct ovs_acct {
    char id[OVS_IDMAX + 1];     /* upper case */
    size_t dir[TR_N];           /* folder names (pool offsets + 1;
                                 * 0: none) */
    size_t lfirst, llast;       /* store list: its entries */
    char node[OVS_FNMAX + 1];
    int node_state;             /* 0 not known yet, 1 known, 2 none */
} ovs_acct;

typedef struct ovs_file {
    int area;
    int cls;
    int kind;                   /* documents: HM_DOC_* (AUTO: by the
                                 * content) */
    long order;                 /* notebooks: 0 ALL, NAMES order */
    size_t path;                /* pool offset */
    char fn[OVS_FNMAX + 1];
    char ft[OVS_FNMAX + 1];
    ovs_fdesc fd;
} ovs_file;

typedef struct ovs_pool {
    char *p;
    size_t n, cap;
} ovs_pool;

/* a store list entry */
typedef struct ovs_lent {
    size_t user, fn, ft, name;  /* offsets in the list text */
    int area;
    unsigned long line;
} ovs_lent;

struct hm_ovs {
    hm_ovs_cfg c;
    hm_alloc al;
    hm_log *log;
    hm_log nolog;
    hm_cpconv cv;               /* the store's page to UTF-8 */
    int fast;
    hm_cpconv cv2;              /* a file's own page */
    unsigned cv2_ccsid;
    int cv2_fast;
    int layout;
    char root[OVS_PATH];
    /* accounts */
    ovs_acct *acc;
    size_t nacc, capacc;
    size_t next;
    ovs_pool apool;             /* folder names */
    /* system nickname file */
    hm_ov_names *sys;
    /* formats file */
    char *ftext;
    ovs_fmt *fmt;
    size_t nfmt;
    /* --doc-types */
    char *dtext;
    hm_doc_ft *dt;
    size_t ndt;
    /* store list */
    char *ltext;
    ovs_lent *lent;
    size_t nlent;
    /* the catalogue of one account */
    long cat_acct;
    ovs_file *files;
    size_t nfiles, capfiles;
    ovs_pool fpool;
    int cat_bad;
    /* notebooks named by NAMES */
    char nbk[OVS_NBMAX][OVS_FNMAX + 1];
    size_t nnbk;
    /* the current account */
    hm_ov_opt opt;
    char cur_id[OVS_IDMAX + 1];
    char cur_node[OVS_FNMAX + 1];
    unsigned char a_id[OVS_IDMAX];
    unsigned char a_addr[OVS_ADDR];
    unsigned char a_name[512];
    /* emitting */
    hm_pipe_emit emit;
    void *ectx;
    int stop;
    int in_nb;
    unsigned long nitems;       /* items of the current file */
    const hm_data *swap_body;   /* reader files: the streamed body */
    /* scratch */
    char path[OVS_PATH];
    char key[OVS_PATH];
    hm_ovs_stats st;
};

/* ---------------------------------------------------------------- */
/* small helpers */

static const char x_up[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
static const char x_lo[] = "abcdefghijklmnopqrstuvwxyz";

static char xup(char c)
{
    int i;
    for (i = 0; i < 26; i++)
        if (x_lo[i] == c)
            return x_up[i];
    return c;
}

static int xieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (xup(*a) != xup(*b))
            return 0;
    return *a == *b;
}

static void xcopy(char *d, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(d, s, n);
    d[n] = 0;
}

/* strchr, strcat: the core has no such calls */
static const char *xchr(const char *s, char c)
{
    for (; *s; s++)
        if (*s == c)
            return s;
    return 0;
}

static void xapp(char *d, size_t cap, const char *s)
{
    size_t n = strlen(d), m = strlen(s);
    if (n + m >= cap)
        m = n + 1 < cap ? cap - 1 - n : 0;
    memcpy(d + n, s, m);
    d[n + m] = 0;
}

static void xset(char *d, size_t cap, const char *s)
{
    xcopy(d, cap, s, strlen(s));
}

static void xupcase(char *s)
{
    for (; *s; s++)
        *s = xup(*s);
}

static int xdigits(const char *s, unsigned long *v)
{
    static const char dg[] = "0123456789";
    *v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        const char *p = xchr(dg, *s);
        if (!p || *v > 400000000ul)
            return -1;
        *v = *v * 10ul + (unsigned long)(p - dg);
    }
    return 0;
}

/* glob: * any run, ? one character; case of letters ignored */
static int xglob(const char *p, const char *s)
{
    while (*p) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return 1;
            for (; *s; s++)
                if (xglob(p, s))
                    return 1;
            return 0;
        }
        if (!*s || (*p != '?' && xup(*p) != xup(*s)))
            return 0;
        p++;
        s++;
    }
    return *s == 0;
}

static void nolog_fn(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    (void)line;
    (void)len;
}

static void *ovs_alloc(hm_ovs *s, size_t n)
{
    void *p = HM_ALLOC(&s->al, n);
    if (!p)
        hm_msg1(s->log, HMM_NOSTOR, "the OV/VM store");
    return p;
}

static size_t pool_add(hm_ovs *s, ovs_pool *p, const char *str)
{
    size_t n = strlen(str) + 1, at;
    if (p->n + n > p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 1024;
        char *np;
        while (nc < p->n + n)
            nc *= 2;
        np = (char *)ovs_alloc(s, nc);
        if (!np)
            return (size_t)-1;
        if (p->n)
            memcpy(np, p->p, p->n);
        HM_FREE(&s->al, p->p);
        p->p = np;
        p->cap = nc;
    }
    at = p->n;
    memcpy(p->p + at, str, n);
    p->n += n;
    return at;
}

static int grow(hm_ovs *s, void **arr, size_t *cap, size_t n, size_t el)
{
    size_t nc;
    void *np;
    if (n < *cap)
        return 0;
    nc = *cap ? *cap * 2 : 16;
    np = ovs_alloc(s, nc * el);
    if (!np)
        return -1;
    if (*arr && n)
        memcpy(np, *arr, n * el);
    HM_FREE(&s->al, *arr);
    *arr = np;
    *cap = nc;
    return 0;
}

static int join(hm_ovs *s, const char *dir, const char *name, char *buf)
{
    return s->c.io.join(s->c.io.ctx, dir, name, buf, OVS_PATH);
}

/* A file name "FN.FT" or "FN FT [FM]": 0 with fn, ft (upper case). */
static int split_name(const char *name, char *fn, char *ft)
{
    const char *p = name, *q;
    size_t n;
    while (*p == ' ')
        p++;
    for (q = p; *q && *q != '.' && *q != ' '; q++)
        ;
    n = (size_t)(q - p);
    if (n == 0 || n > OVS_FNMAX || !*q)
        return -1;
    xcopy(fn, OVS_FNMAX + 1, p, n);
    p = q + 1;
    while (*p == ' ')
        p++;
    for (q = p; *q && *q != '.' && *q != ' '; q++)
        ;
    n = (size_t)(q - p);
    if (n == 0 || n > OVS_FNMAX)
        return -1;
    xcopy(ft, OVS_FNMAX + 1, p, n);
    xupcase(fn);
    xupcase(ft);
    return 0;
}

/* a user id: 1..64 characters, no blank, comma, quote, asterisk,
 * period */
static int good_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > OVS_IDMAX)
        return 0;
    for (; *s; s++)
        if (*s == ' ' || *s == ',' || *s == '"' || *s == '*'
            || *s == '.')
            return 0;
    return 1;
}

/* read a whole file through io */
static int slurp(hm_ovs *s, const char *path, int quiet, char **text,
                 size_t *len)
{
    void *h = s->c.io.open(s->c.io.ctx, path, quiet);
    char *buf = 0, *nb;
    size_t n = 0, cap = 0;
    long r;
    *text = 0;
    *len = 0;
    if (!h)
        return -1;
    for (;;) {
        if (cap - n < 4096) {
            size_t nc = cap ? cap * 2 : 65536;
            if (nc > OVS_TEXTMAX + 4096) {
                char b[24];
                hm_msg2(s->log, HMM_RUNBIG, path,
                        hm_fmt_ulong(OVS_TEXTMAX, b));
                break;
            }
            nb = (char *)ovs_alloc(s, nc + 1);
            if (!nb)
                break;
            if (n)
                memcpy(nb, buf, n);
            HM_FREE(&s->al, buf);
            buf = nb;
            cap = nc;
        }
        r = s->c.io.read(h, (unsigned char *)buf + n, cap - n);
        if (r < 0) {
            char b[24];
            hm_msg3(s->log, HMM_READ, path, hm_fmt_ulong(n, b),
                    "read failed");
            break;
        }
        if (r == 0) {
            s->c.io.close(s->c.io.ctx, h);
            buf[n] = 0;
            *text = buf;
            *len = n;
            return 0;
        }
        n += (size_t)r;
        if (s->c.records) {
            /* one record per read: a line end between records */
            if (n < cap)
                buf[n++] = '\n';
        }
    }
    s->c.io.close(s->c.io.ctx, h);
    HM_FREE(&s->al, buf);
    return -1;
}

/* the next line of a text (execution character set); words split at
 * blanks and tabs; returns the number of words */
static size_t text_words(char *line, char **w, size_t max)
{
    size_t k = 0;
    char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (k < max)
            w[k] = p;
        k++;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (!*p)
            break;
        *p++ = 0;
    }
    return k;
}

/* cut text into lines in place; calls fn(line, lineno) */
static char *text_line(char **pos)
{
    char *p = *pos, *e;
    if (!p || !*p)
        return 0;
    for (e = p; *e && *e != '\n' && *e != '\r'; e++)
        ;
    if (*e == '\r' && e[1] == '\n') {
        *e = 0;
        e += 2;
    } else if (*e) {
        *e++ = 0;
    }
    *pos = e;
    return p;
}

/* ---------------------------------------------------------------- */
/* kinds and forms */

static const struct {
    const char *name;
    int kind;
} kind_names[] = {
    { "rft", HM_DOC_RFT }, { "fft", HM_DOC_FFT },
    { "script", HM_DOC_SCRIPT }, { "text", HM_DOC_TEXT },
    { "binary", HM_DOC_BINARY }, { "auto", HM_DOC_AUTO },
    { "notebook", HM_OVS_NOTEBOOK }, { "skip", HM_OVS_SKIP }
};

static int kind_parse(const char *s)
{
    size_t i;
    for (i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
        if (xieq(s, kind_names[i].name))
            return kind_names[i].kind;
    return -1;
}

static const struct {
    const char *name;
    int fm;
} fm_names[] = {
    { "auto", FM_AUTO }, { "f", FM_F }, { "fb", FM_F }, { "v", FM_V },
    { "vb", FM_V }, { "nl", FM_NL }, { "text", FM_NL },
    { "netdata", FM_ND }, { "vmarc", FM_VMARC }, { "raw", FM_RAW },
    { "u", FM_RAW }, { "rec", FM_REC }
};

static int fm_parse(const char *s)
{
    size_t i;
    for (i = 0; i < sizeof fm_names / sizeof fm_names[0]; i++)
        if (xieq(s, fm_names[i].name))
            return fm_names[i].fm;
    return -1;
}

/* --doc-types FT=KIND,... */
static int doctypes(hm_ovs *s, const char *spec)
{
    size_t n = strlen(spec), k = 1, i;
    char *p;
    for (i = 0; i < n; i++)
        if (spec[i] == ',')
            k++;
    s->dtext = (char *)ovs_alloc(s, n + 1);
    s->dt = (hm_doc_ft *)ovs_alloc(s, k * sizeof *s->dt);
    if (!s->dtext || !s->dt)
        return -1;
    memcpy(s->dtext, spec, n + 1);
    p = s->dtext;
    while (*p) {
        char *e = p, *eq;
        int kind;
        while (*e && *e != ',')
            e++;
        if (*e)
            *e++ = 0;
        else
            e = p + strlen(p);
        eq = (char *)xchr(p, '=');
        kind = -1;
        if (eq && eq > p) {
            *eq = 0;
            kind = kind_parse(eq + 1);
        }
        if (kind < 0 || strlen(p) > OVS_FNMAX) {
            if (eq)
                *eq = '=';
            hm_msg2(s->log, HMM_OVSDOCTYPE, "OVVMEXT", p);
            return -1;
        }
        xupcase(p);
        s->dt[s->ndt].ft = p;
        s->dt[s->ndt].kind = kind;
        s->ndt++;
        p = e;
    }
    return 0;
}

/* the formats file: PATTERN key=value ... */
static int formats(hm_ovs *s, const char *name, int quiet)
{
    size_t len, nl = 1, i;
    char *pos, *line;
    unsigned long lineno = 0;
    if (slurp(s, name, quiet, &s->ftext, &len) != 0)
        return quiet ? 0 : -1;
    for (i = 0; i < len; i++)
        if (s->ftext[i] == '\n' || s->ftext[i] == '\r')
            nl++;
    s->fmt = (ovs_fmt *)ovs_alloc(s, nl * sizeof *s->fmt);
    if (!s->fmt)
        return -1;
    pos = s->ftext;
    while ((line = text_line(&pos)) != 0) {
        char *w[16];
        size_t nw, j;
        ovs_fmt f;
        const char *bad = 0;
        char ln[24];
        lineno++;
        nw = text_words(line, w, 16);
        if (nw == 0 || w[0][0] == '*' || w[0][0] == '#')
            continue;
        memset(&f, 0, sizeof f);
        f.fd.kind = -1;
        f.pat = (size_t)(w[0] - s->ftext);
        for (j = 1; j < nw && j < 16 && !bad; j++) {
            char *eq = (char *)xchr(w[j], '=');
            unsigned long v;
            if (!eq) {
                bad = "a word is not key=value";
                break;
            }
            *eq++ = 0;
            if (xieq(w[j], "format")) {
                f.fd.fm = fm_parse(eq);
                if (f.fd.fm < 0)
                    bad = "format= is not auto, f, v, vb, nl, netdata,"
                          " vmarc, raw or rec";
            } else if (xieq(w[j], "lrecl")) {
                if (xdigits(eq, &v) || v == 0 || v > 65535ul)
                    bad = "lrecl= is not 1 to 65535";
                f.fd.lrecl = v;
            } else if (xieq(w[j], "ccsid")) {
                if (xdigits(eq, &v) || v == 0 || v > 65535ul
                    || !s->c.io.page(s->c.io.ctx, (unsigned)v))
                    bad = "ccsid= is not a known code page";
                f.fd.ccsid = (unsigned)v;
            } else if (xieq(w[j], "type")) {
                f.fd.kind = kind_parse(eq);
                if (f.fd.kind < 0)
                    bad = "type= is not rft, fft, script, text, binary, "
                          "auto, notebook or skip";
            } else {
                bad = "the key is not format, lrecl, ccsid or type";
            }
        }
        if (bad) {
            hm_msg3(s->log, HMM_OVSLINE, name, hm_fmt_ulong(lineno, ln),
                    bad);
            continue;
        }
        s->fmt[s->nfmt++] = f;
    }
    return 0;
}

static void fdesc_for(hm_ovs *s, const char *key, ovs_fdesc *fd)
{
    size_t i;
    memset(fd, 0, sizeof *fd);
    fd->kind = -1;
    for (i = 0; i < s->nfmt; i++)
        if (xglob(s->ftext + s->fmt[i].pat, key)) {
            *fd = s->fmt[i].fd;
            break;
        }
    if (!fd->lrecl)
        fd->lrecl = s->c.lrecl ? s->c.lrecl : 80ul;
}

/* ---------------------------------------------------------------- */
/* reading a file: detection and records */

typedef struct ovs_rd {
    hm_ovs *s;
    const char *name;
    void *h;
    unsigned char *head;
    size_t nhead, hpos;
    int fm;
    hm_rdr *rdr;
    hm_nd *nd;
    hm_vma *vma;
    hm_cpconv *cv;              /* NULL: UTF-8 records */
    const hm_nd_file *ndf;      /* NETDATA: the file read */
    unsigned long vmem;         /* VMARC: the member read */
    unsigned long nrec;
    int err;
    int cut;                    /* the file is cut short at its end:
                                 * nothing was left unread */
} ovs_rd;

static long rd_src(void *ctx, unsigned char *buf, size_t n)
{
    ovs_rd *r = (ovs_rd *)ctx;
    if (r->hpos < r->nhead) {
        size_t k = r->nhead - r->hpos;
        if (k > n)
            k = n;
        memcpy(buf, r->head + r->hpos, k);
        r->hpos += k;
        return (long)k;
    }
    return r->s->c.io.read(r->h, buf, n);
}

/* converted text: UTF-8 (or ASCII) lines */
static int looks_utf8(const unsigned char *h, size_t n)
{
    size_t i = 0, sp = 0, eb = 0, lf = 0;
    while (i < n) {
        unsigned c = h[i];
        if (c < 0x80) {
            if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D
                && c != 0x0C)
                return 0;
            if (c == 0x20)
                sp++;
            else if (c == 0x40)
                eb++;
            else if (c == 0x0A)
                lf++;
            i++;
        } else {
            unsigned long u;
            size_t k = hm_utf8_decode(h + i, n - i, &u);
            if (k == 0) {
                if (n - i < 4 && n == OVS_HEAD)
                    break;      /* cut at the end of the head */
                return 0;
            }
            i += k;
        }
    }
    return lf > 0 && sp >= eb;
}

static int rd_detect(const unsigned char *h, size_t n, int records)
{
    switch (hm_cont_detect(h, n, HM_CONT_UNKNOWN)) {
    case HM_CONT_NETDATA:
        return FM_ND;
    case HM_CONT_VMARC:
        return FM_VMARC;
    case HM_CONT_VB:
    case HM_CONT_V:
        return records ? FM_REC : FM_V;
    case HM_CONT_IEBCOPY:
        return FM_PDS;
    case HM_CONT_TEXTND:
        return FM_CONV;
    default:
        break;
    }
    if (records)
        return FM_REC;
    if (n >= 4 && h[0] == 0x00 && h[1] == 0x05 && h[2] == 0xE1
        && h[3] == 0x03)
        return FM_RAW;
    if (looks_utf8(h, n))
        return FM_NL;
    return FM_F;
}

static hm_cpconv *rd_cv(hm_ovs *s, unsigned ccsid)
{
    const hm_cpage *cp;
    if (!ccsid || ccsid == s->c.cp->ccsid)
        return &s->cv;
    if (s->cv2_ccsid == ccsid)
        return &s->cv2;
    cp = s->c.io.page(s->c.io.ctx, ccsid);
    if (!cp)
        return &s->cv;
    if (s->cv2_fast)
        hm_cpconv_fast_free(&s->cv2, &s->al);
    hm_cpconv_init(&s->cv2, cp, HM_PC_UTF8, HM_NL_CDRA);
    s->cv2_fast = hm_cpconv_fast(&s->cv2, &s->al) == 0;
    s->cv2_ccsid = ccsid;
    return &s->cv2;
}

static void rd_close(ovs_rd *r)
{
    if (r->rdr)
        hm_rec_close(r->rdr);
    if (r->nd)
        hm_nd_close(r->nd);
    if (r->vma)
        hm_vma_close(r->vma);
    if (r->h)
        r->s->c.io.close(r->s->c.io.ctx, r->h);
    if (r->head)
        HM_FREE(&r->s->al, r->head);
    r->rdr = 0;
    r->nd = 0;
    r->vma = 0;
    r->h = 0;
    r->head = 0;
}

/* Open a file: detect its form and start reading its records. For
 * NETDATA the first file is selected unless nd_files (reader files:
 * the caller walks them). For VMARC the member named fn ft, else the
 * first. keep: keep trailing blanks. Returns 0, or -1 after a
 * message. */
static int rd_open(hm_ovs *s, ovs_rd *r, const char *path,
                   const ovs_fdesc *fd, int keep, int nd_files,
                   const char *fn, const char *ft)
{
    hm_recopt ro;
    long got;
    memset(r, 0, sizeof *r);
    r->s = s;
    r->name = path;
    r->h = s->c.io.open(s->c.io.ctx, path, 0);
    if (!r->h)
        return -1;
    r->head = (unsigned char *)ovs_alloc(s, OVS_HEAD);
    if (!r->head) {
        rd_close(r);
        return -1;
    }
    do {
        got = s->c.io.read(r->h, r->head + r->nhead,
                           OVS_HEAD - r->nhead);
        if (got < 0) {
            hm_msg3(s->log, HMM_READ, path, "0", "read failed");
            rd_close(r);
            return -1;
        }
        r->nhead += (size_t)got;
    } while (got > 0 && r->nhead < OVS_HEAD && !s->c.records);
    r->fm = fd->fm != FM_AUTO ? fd->fm
                              : rd_detect(r->head, r->nhead, s->c.records);
    /* a document that is neither text nor a container: its bytes */
    if (keep && fd->fm == FM_AUTO && r->fm == FM_F
        && !hm_cont_looks_text(r->head, r->nhead))
        r->fm = FM_RAW;
    r->cv = r->fm == FM_NL ? 0 : rd_cv(s, fd->ccsid);
    memset(&ro, 0, sizeof ro);
    ro.keep_blanks = keep;
    ro.blank = 0x40;
    switch (r->fm) {
    case FM_CONV:
        hm_msg2(s->log, HMM_OVSCONV, path, "NETDATA or VMARC as text");
        rd_close(r);
        return -1;
    case FM_PDS:
        hm_msg1(s->log, HMM_OVSPDS, path);
        rd_close(r);
        return -1;
    case FM_ND: {
        const hm_nd_file *f;
        r->nd = hm_nd_open(&s->al, rd_src, r, s->log, path, 0);
        if (!r->nd) {
            rd_close(r);
            return -1;
        }
        if (!nd_files) {
            unsigned long nf;
            if (hm_nd_next_file(r->nd, &f) != 1) {
                rd_close(r);
                return -1;
            }
            r->ndf = f;
            nf = hm_nd_file_count(r->nd);
            if (nf > 1) {
                char b[24];
                hm_msg4(s->log, HMM_OVSMEMBERS, path, "transmission",
                        hm_fmt_ulong(nf, b), f->name[0] ? f->name
                                                        : "the first");
            }
        }
        return 0;
    }
    case FM_VMARC: {
        long k;
        char id[24];
        r->vma = hm_vma_open(&s->al, rd_src, r, s->log, path, 0);
        if (!r->vma || hm_vma_failed(r->vma)
            || hm_vma_count(r->vma) == 0) {
            rd_close(r);
            return -1;
        }
        k = -1;
        if (fn && ft && strlen(fn) <= 8 && strlen(ft) <= 8) {
            xset(id, sizeof id, fn);
            xapp(id, sizeof id, " ");
            xapp(id, sizeof id, ft);
            k = hm_vma_find(r->vma, id);
        }
        if (k < 0) {
            k = 0;
            if (hm_vma_count(r->vma) > 1) {
                char b[24];
                hm_msg4(s->log, HMM_OVSMEMBERS, path, "archive",
                        hm_fmt_ulong(hm_vma_count(r->vma), b),
                        hm_vma_member_at(r->vma, 0)->name);
            }
        }
        r->vmem = (unsigned long)k;
        if (hm_vma_select(r->vma, (unsigned long)k) != 0) {
            rd_close(r);
            return -1;
        }
        return 0;
    }
    case FM_F:
        ro.recfm = HM_RECFM_F;
        ro.lrecl = fd->lrecl;
        break;
    case FM_V:
        ro.recfm = HM_RECFM_V;
        break;
    case FM_NL:
        ro.recfm = HM_RECFM_NL;
        ro.blank = 0x20;
        break;
    case FM_REC:
        ro.recfm = HM_RECFM_REC;
        break;
    default:
        ro.recfm = HM_RECFM_U;
        ro.lrecl = 32760;
        ro.keep_blanks = 1;
        break;
    }
    r->rdr = hm_rec_open(&s->al, rd_src, r, &ro, s->log, path);
    if (!r->rdr) {
        rd_close(r);
        return -1;
    }
    return 0;
}

/* the file's date (digits or "YYYY-MM-DD HH:MM:SS"), or "" */
static void rd_date(const ovs_rd *r, char *out, size_t cap)
{
    const char *d = 0;
    out[0] = 0;
    if (r->nd && r->ndf)
        d = r->ndf->changed[0] ? r->ndf->changed
            : r->ndf->created[0] ? r->ndf->created
                                 : hm_nd_info(r->nd)->ftime;
    else if (r->vma)
        d = hm_vma_member_at(r->vma, r->vmem)->date;
    if (d)
        xset(out, cap, d);
}

/* 1 with a record, 0 at the end, -1 after an error (reported) */
static int rd_next(ovs_rd *r, const unsigned char **d, size_t *n)
{
    int k;
    if (r->err)
        return -1;
    if (r->nd)
        k = hm_nd_next_record(r->nd, d, n);
    else if (r->vma)
        k = hm_vma_next_record(r->vma, d, n);
    else
        k = hm_rec_next(r->rdr, d, n);
    if (k == 1)
        r->nrec++;
    else if (k < 0)
        r->err = 1;
    else if (r->nd)
        r->cut = hm_nd_cut(r->nd);
    else if (r->rdr)
        r->cut = hm_rec_cut(r->rdr);
    return k;
}

/* ---------------------------------------------------------------- */
/* items to the pipeline */

static int ovs_item(void *ctx, const hm_item *it, const hm_ov_meta *meta)
{
    hm_ovs *s = (hm_ovs *)ctx;
    hm_item copy;
    const hm_item *out = it;
    if (s->in_nb && it->kind == HM_ITEM_MESSAGE) {
        s->st.notes++;
        if (meta && meta->raw)
            s->st.raw++;
        if (meta && !meta->date_ok)
            s->st.nodate++;
    }
    if (s->swap_body && it->kind == HM_ITEM_MESSAGE) {
        copy = *it;
        copy.u.msg.body = s->swap_body;
        copy.u.msg.nbody = 1;
        out = &copy;
    }
    s->nitems++;
    if (s->emit(s->ectx, out) != HM_PIPE_OK) {
        s->stop = 1;
        return 1;
    }
    return 0;
}

/* a file read only in part (reading stopped with bytes left unread:
 * an error): the items before are kept */
static void damaged(hm_ovs *s, ovs_rd *r)
{
    char b1[24], b2[24];
    s->st.damaged++;
    hm_msg3(s->log, HMM_OVSDAMAGED, r->name, hm_fmt_ulong(r->nrec, b1),
            hm_fmt_ulong(s->nitems, b2));
}

/* ---------------------------------------------------------------- */
/* documents: text and original as streams read again on demand */

#define DS_RAW 0        /* the original bytes */
#define DS_TEXT 1       /* the text, LF line ends */
#define DS_CRLF 2       /* the text, CR LF line ends */

typedef struct ovs_doc {
    hm_ovs *s;
    const char *path;
    ovs_fdesc fd;
    long member;        /* NETDATA file (reader files), -1: none */
    const char *fn, *ft;
    int kind;
    unsigned long osize, tsize, nlf;
    char date[32];
    int quiet;          /* read again: its messages were given */
} ovs_doc;

typedef struct ovs_ds {
    const ovs_doc *doc;
    int mode;
    ovs_rd rd;
    int open, eof;
    hm_dca dca;
    unsigned long nblank;
    unsigned char *buf;
    size_t len, pos, cap;
    unsigned long nout, nlf, nraw;
    unsigned long expect;       /* attachments: the size announced */
    int failed;
} ovs_ds;

static int ds_room(ovs_ds *x, size_t more)
{
    hm_ovs *s = x->doc->s;
    size_t nc;
    unsigned char *np;
    if (x->pos == x->len)
        x->pos = x->len = 0;
    if (x->len + more <= x->cap)
        return 0;
    if (x->pos) {
        memmove(x->buf, x->buf + x->pos, x->len - x->pos);
        x->len -= x->pos;
        x->pos = 0;
        if (x->len + more <= x->cap)
            return 0;
    }
    nc = x->cap ? x->cap : 4096;
    while (nc < x->len + more)
        nc *= 2;
    np = (unsigned char *)ovs_alloc(s, nc);
    if (!np)
        return -1;
    if (x->len)
        memcpy(np, x->buf, x->len);
    HM_FREE(&s->al, x->buf);
    x->buf = np;
    x->cap = nc;
    return 0;
}

/* text out, line ends as the mode wants */
static int ds_put(ovs_ds *x, const unsigned char *p, size_t n)
{
    size_t i;
    if (ds_room(x, x->mode == DS_CRLF ? 2 * n : n) != 0) {
        x->failed = 1;
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (p[i] == B_LF) {
            x->nlf++;
            if (x->mode == DS_CRLF)
                x->buf[x->len++] = B_CR;
        }
        x->buf[x->len++] = p[i];
    }
    return 0;
}

static int ds_dca_out(void *ctx, const unsigned char *p, size_t n)
{
    return ds_put((ovs_ds *)ctx, p, n);
}

static void ds_close(ovs_ds *x)
{
    if (x->open)
        rd_close(&x->rd);
    x->open = 0;
}

static void ds_free(ovs_ds *x)
{
    ds_close(x);
    if (x->buf)
        HM_FREE(&x->doc->s->al, x->buf);
    x->buf = 0;
    x->cap = x->len = x->pos = 0;
}

static int ds_open(ovs_ds *x)
{
    const ovs_doc *d = x->doc;
    hm_ovs *s = d->s;
    if (rd_open(s, &x->rd, d->path, &d->fd, 1, d->member >= 0, d->fn,
                d->ft) != 0) {
        x->failed = 1;
        return -1;
    }
    x->open = 1;
    if (d->member >= 0) {
        const hm_nd_file *f;
        long i;
        for (i = 0; i <= d->member; i++)
            if (!x->rd.nd || hm_nd_next_file(x->rd.nd, &f) != 1) {
                x->failed = 1;
                return -1;
            }
        x->rd.ndf = f;
    }
    if (x->mode != DS_RAW
        && (d->kind == HM_DOC_RFT || d->kind == HM_DOC_FFT))
        hm_dca_init(&x->dca, d->kind, 0, x->rd.cv, ds_dca_out, x,
                    s->log, d->path);
    return 0;
}

/* (Re)start reading a document. A document is read several times
 * (its kind, its sizes, then by the writer); the messages about its
 * bytes are given once (doc_prepare), later passes are quiet. */
static int ds_start(ovs_ds *x)
{
    const ovs_doc *d = x->doc;
    hm_ovs *s = d->s;
    hm_log *keep = s->log;
    int rc;
    ds_close(x);
    x->len = x->pos = 0;
    x->eof = 0;
    x->nblank = 0;
    x->nout = x->nlf = x->nraw = 0;
    if (d->quiet)
        s->log = &s->nolog;     /* the readers keep it until closed */
    rc = ds_open(x);
    s->log = keep;
    return rc;
}

static const unsigned char blanks40[16] = {
    0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40,
    0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40
};

/* one more record into the buffer; 0, or 1 at the end */
static int ds_fill(ovs_ds *x)
{
    const ovs_doc *d = x->doc;
    const unsigned char *rec;
    size_t n;
    int k;
    if (x->eof)
        return 1;
    k = rd_next(&x->rd, &rec, &n);
    if (k != 1) {
        if (k < 0)
            x->failed = 1;
        x->eof = 1;
        if (x->mode != DS_RAW
            && (d->kind == HM_DOC_RFT || d->kind == HM_DOC_FFT))
            hm_dca_finish(&x->dca);
        return 1;
    }
    x->nraw += (unsigned long)n;
    if (x->mode == DS_RAW) {
        if (ds_room(x, n) != 0) {
            x->failed = x->eof = 1;
            return 1;
        }
        if (n)
            memcpy(x->buf + x->len, rec, n);
        x->len += n;
        return 0;
    }
    switch (d->kind) {
    case HM_DOC_RFT:
    case HM_DOC_FFT: {
        /* blanks at the end of a record wait for what follows: the
         * padding of the last record is no DCA data */
        size_t t = n;
        while (t > 0 && rec[t - 1] == 0x40)
            t--;
        if (t == 0) {
            x->nblank += (unsigned long)n;
            break;
        }
        while (x->nblank > 0) {
            size_t b = x->nblank > sizeof blanks40 ? sizeof blanks40
                                                   : (size_t)x->nblank;
            hm_dca_feed(&x->dca, blanks40, b);
            x->nblank -= (unsigned long)b;
        }
        hm_dca_feed(&x->dca, rec, t);
        x->nblank = (unsigned long)(n - t);
        break;
    }
    case HM_DOC_TEXT:
    case HM_DOC_SCRIPT: {
        unsigned char bl = x->rd.cv ? 0x40 : 0x20;
        size_t t = n, at;
        while (t > 0 && rec[t - 1] == bl)
            t--;
        if (ds_room(x, 3 * t + 1) != 0) {
            x->failed = x->eof = 1;
            return 1;
        }
        at = x->len;
        x->len += hm_doc_text_record(x->rd.cv, rec, t, x->buf + at);
        {
            /* count (and for CR LF widen) the line ends */
            size_t i, m = x->len - at, nl = 0;
            for (i = 0; i < m; i++)
                if (x->buf[at + i] == B_LF)
                    nl++;
            x->nlf += nl;
            if (x->mode == DS_CRLF && nl) {
                size_t j;
                if (ds_room(x, nl) != 0) {
                    x->failed = x->eof = 1;
                    return 1;
                }
                /* ds_room may have moved the data */
                at = x->len - m;
                j = x->len + nl;
                i = x->len;
                x->len = j;
                while (i > at) {
                    i--;
                    x->buf[--j] = x->buf[i];
                    if (x->buf[i] == B_LF)
                        x->buf[--j] = B_CR;
                }
            }
        }
        break;
    }
    default:
        break;          /* binary: no text */
    }
    return 0;
}

static long ds_read(void *ctx, unsigned char *out, size_t n)
{
    ovs_ds *x = (ovs_ds *)ctx;
    size_t k;
    if (!x->open && !x->eof && ds_start(x) != 0)
        return -1;
    while (x->pos == x->len) {
        if (x->eof || ds_fill(x))
            if (x->pos == x->len) {
                if (x->expect && x->nout != x->expect) {
                    char b1[24], b2[24];
                    hm_msg3(x->doc->s->log, HMM_OVSCHANGED,
                            x->doc->path, hm_fmt_ulong(x->nout, b1),
                            hm_fmt_ulong(x->expect, b2));
                    x->expect = 0;
                }
                return 0;
            }
    }
    k = x->len - x->pos;
    if (k > n)
        k = n;
    memcpy(out, x->buf + x->pos, k);
    x->pos += k;
    x->nout += (unsigned long)k;
    return (long)k;
}

static int ds_rewind(void *ctx)
{
    ovs_ds *x = (ovs_ds *)ctx;
    return ds_start(x);
}

/* head for the kind, sizes, date: the passes before the writer's */
static int doc_prepare(hm_ovs *s, ovs_doc *d)
{
    ovs_ds x;
    unsigned char tmp[4096];
    long r;
    int pass;
    /* the kind from the first bytes: quiet, the next pass reports
     * (again, loud, when this one fails) */
    for (pass = 0; pass < 2
         && (d->kind == HM_DOC_AUTO || d->kind < 0); pass++) {
        unsigned char head[512];
        size_t nh = 0;
        memset(&x, 0, sizeof x);
        x.doc = d;
        x.mode = DS_RAW;
        d->quiet = pass == 0;
        while (nh < sizeof head) {
            r = ds_read(&x, head + nh, sizeof head - nh);
            if (r <= 0)
                break;
            nh += (size_t)r;
        }
        if (x.failed) {
            ds_free(&x);
            if (pass == 0)
                continue;
            return -1;
        }
        d->kind = x.rd.fm == FM_NL ? HM_DOC_TEXT
                                   : hm_doc_kind(0, head, nh, 0, 0);
        ds_free(&x);
    }
    d->quiet = 0;
    memset(&x, 0, sizeof x);
    x.doc = d;
    x.mode = DS_TEXT;
    if (ds_start(&x) != 0) {
        ds_free(&x);
        return -1;
    }
    rd_date(&x.rd, d->date, sizeof d->date);
    if (x.rd.cv == 0 && (d->kind == HM_DOC_RFT || d->kind == HM_DOC_FFT))
        d->kind = HM_DOC_TEXT;   /* converted text holds no DCA */
    while ((r = ds_read(&x, tmp, sizeof tmp)) > 0)
        ;
    d->tsize = x.nout;
    d->nlf = x.nlf;
    d->osize = x.nraw;
    d->quiet = 1;
    if (x.rd.err)
        s->st.damaged++;
    else if (x.rd.cut && d->member < 0)
        s->st.cut++;        /* reader files: counted by do_reader */
    ds_free(&x);
    return 0;
}

/* the attachment (or free document) of a document: the original, or
 * for text documents the text with CR LF */
static void doc_att_data(ovs_doc *d, ovs_ds *x, hm_data *data)
{
    memset(x, 0, sizeof *x);
    x->doc = d;
    memset(data, 0, sizeof *data);
    if (d->kind == HM_DOC_TEXT || d->kind == HM_DOC_SCRIPT) {
        x->mode = DS_CRLF;
        data->size = d->tsize + d->nlf;
    } else {
        x->mode = DS_RAW;
        data->size = d->osize;
    }
    x->expect = data->size;
    data->read = ds_read;
    data->rewind = ds_rewind;
    data->ctx = x;
}

/* the text of a document with CR LF line ends (free documents:
 * FN.FT.TXT beside the original) */
static void doc_text_data(ovs_doc *d, ovs_ds *x, hm_data *data)
{
    memset(x, 0, sizeof *x);
    x->doc = d;
    x->mode = DS_CRLF;
    memset(data, 0, sizeof *data);
    data->size = d->tsize + d->nlf;
    x->expect = data->size;
    data->read = ds_read;
    data->rewind = ds_rewind;
    data->ctx = x;
}

static void doc_body_data(ovs_doc *d, ovs_ds *x, hm_data *data)
{
    memset(x, 0, sizeof *x);
    x->doc = d;
    x->mode = DS_TEXT;
    memset(data, 0, sizeof *data);
    data->size = d->tsize;
    data->read = ds_read;
    data->rewind = ds_rewind;
    data->ctx = x;
}

/* "YYYY-MM-DD HH:MM:SS" or digits (execution charset) to an hm_time */
static void xdate(const char *s, hm_time *t)
{
    static const char dg[] = "0123456789";
    unsigned v[14];
    int k = 0;
    memset(t, 0, sizeof *t);
    if (!s)
        return;
    for (; *s && k < 14; s++) {
        const char *p = xchr(dg, *s);
        if (p)
            v[k++] = (unsigned)(p - dg);
    }
    if (k < 8)
        return;
    while (k < 14)
        v[k++] = 0;
    if (hm_time_set(t, v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3],
                    v[4] * 10 + v[5], v[6] * 10 + v[7],
                    v[8] * 10 + v[9], v[10] * 10 + v[11],
                    v[12] * 10 + v[13]) != 0)
        memset(t, 0, sizeof *t);
}

/* ---------------------------------------------------------------- */
/* accounts */

/* the account's address and names into the a_ buffers */
static void acct_texts(hm_ovs *s, const ovs_acct *a, hm_account *out)
{
    size_t n, k;
    unsigned char nd[OVS_FNMAX];
    n = hm_ov_x2a(a->id, s->a_id, sizeof s->a_id);
    k = a->node_state == 1 ? hm_ov_x2a(a->node, nd, sizeof nd) : 0;
    memset(out, 0, sizeof *out);
    out->id.s = s->a_id;
    out->id.len = n;
    out->address.s = s->a_addr;
    out->address.len = hm_ov_profs(s->a_id, n, nd, k, s->a_addr);
}

/* the NETDATA header of a file: origin and destination */
static int nd_peek(hm_ovs *s, const char *path, hm_nd_trans *t)
{
    void *h = s->c.io.open(s->c.io.ctx, path, 1);
    unsigned char head[1024];
    size_t n = 0;
    long got;
    hm_memsrc ms;
    hm_nd *nd;
    if (!h)
        return -1;
    do {
        got = s->c.io.read(h, head + n, sizeof head - n);
        if (got > 0)
            n += (size_t)got;
    } while (got > 0 && n < sizeof head && !s->c.records);
    s->c.io.close(s->c.io.ctx, h);
    if (hm_cont_detect(head, n, HM_CONT_UNKNOWN) != HM_CONT_NETDATA)
        return -1;
    hm_memsrc_init(&ms, head, n);
    nd = hm_nd_open(&s->al, hm_memsrc_read, &ms, &s->nolog, path, 0);
    if (!nd)
        return -1;
    *t = *hm_nd_info(nd);
    hm_nd_close(nd);
    return 0;
}

static int cat_build(hm_ovs *s, size_t ai);

static long sys_user(hm_ovs *s, const char *id)
{
    unsigned char u[OVS_IDMAX];
    size_t n;
    if (!s->sys)
        return -1;
    n = hm_ov_x2a(id, u, sizeof u);
    return hm_ov_names_find_user(s->sys, u, n, 0, 0);
}

/* the node of account ai: the system nickname file, --node, the
 * reader files addressed to the user, the user's NETDATA files */
static void acct_node(hm_ovs *s, size_t ai)
{
    ovs_acct *a = &s->acc[ai];
    long k;
    size_t i, tried = 0;
    int pass;
    if (a->node_state)
        return;
    a->node_state = 2;
    k = sys_user(s, a->id);
    if (k >= 0) {
        const hm_ov_entry *e = hm_ov_names_at(s->sys, (unsigned long)k);
        if (e->node.len) {
            hm_ov_a2x(e->node.s, e->node.len, a->node, sizeof a->node);
            xupcase(a->node);
            a->node_state = 1;
            return;
        }
    }
    if (s->c.node && s->c.node[0]) {
        xcopy(a->node, sizeof a->node, s->c.node, strlen(s->c.node));
        xupcase(a->node);
        a->node_state = 1;
        return;
    }
    if (cat_build(s, ai) != 0)
        return;
    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < s->nfiles && tried < 2 * OVS_INFER; i++) {
            const ovs_file *f = &s->files[i];
            hm_nd_trans t;
            const char *u, *nd;
            if (f->area != (pass == 0 ? AR_RDR : AR_FILE))
                continue;
            tried++;
            if (nd_peek(s, s->fpool.p + f->path, &t) != 0)
                continue;
            u = pass == 0 ? t.tuid : t.fuid;
            nd = pass == 0 ? t.tnode : t.fnode;
            if (xieq(u, a->id) && nd[0]) {
                xcopy(a->node, sizeof a->node, nd, strlen(nd));
                xupcase(a->node);
                a->node_state = 1;
                return;
            }
        }
    hm_msg2(s->log, HMM_OVSNONODE, s->root, a->id);
}

/* add (id, tree, folder) found in a listing */
typedef struct ovs_found {
    hm_ovs *s;
    int tree;
    const char *where;
} ovs_found;

static int found_dir(void *ctx, const char *name, int is_dir)
{
    ovs_found *fd = (ovs_found *)ctx;
    hm_ovs *s = fd->s;
    ovs_acct *a;
    size_t at;
    if (!is_dir)
        return 0;
    if (s->layout == LY_SPLIT && fd->tree < 0)
        return 0;
    if (!good_id(name)) {
        hm_msg2(s->log, HMM_OVSBADID, fd->where, name);
        return 0;
    }
    if (grow(s, (void **)&s->acc, &s->capacc, s->nacc, sizeof *s->acc))
        return -1;
    at = pool_add(s, &s->apool, name);
    if (at == (size_t)-1)
        return -1;
    a = &s->acc[s->nacc++];
    memset(a, 0, sizeof *a);
    xcopy(a->id, sizeof a->id, name, strlen(name));
    xupcase(a->id);
    a->dir[fd->tree < 0 ? 0 : fd->tree] = at + 1;
    return 0;
}

/* merge sort of the accounts by id (stable) */
static void acct_sort(ovs_acct *v, ovs_acct *tmp, size_t n)
{
    size_t h, i, j, k;
    if (n < 2)
        return;
    h = n / 2;
    acct_sort(v, tmp, h);
    acct_sort(v + h, tmp, n - h);
    i = 0;
    j = h;
    k = 0;
    while (i < h && j < n)
        tmp[k++] = strcmp(v[j].id, v[i].id) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* same ids: one account (the trees joined; a second folder of the
 * same tree is reported and left out) */
static void acct_merge(hm_ovs *s)
{
    size_t i, o = 0;
    int t;
    for (i = 0; i < s->nacc; i++) {
        ovs_acct *a = &s->acc[i];
        if (o > 0 && strcmp(s->acc[o - 1].id, a->id) == 0) {
            ovs_acct *b = &s->acc[o - 1];
            for (t = 0; t < TR_N; t++) {
                if (!a->dir[t])
                    continue;
                if (b->dir[t])
                    hm_msg3(s->log, HMM_OVSDUPID, s->root,
                            s->apool.p + b->dir[t] - 1,
                            s->apool.p + a->dir[t] - 1);
                else
                    b->dir[t] = a->dir[t];
            }
            continue;
        }
        s->acc[o++] = *a;
    }
    s->nacc = o;
}

static int list_accounts(hm_ovs *s)
{
    ovs_found fd;
    ovs_acct *tmp;
    fd.s = s;
    fd.where = s->root;
    if (s->layout == LY_SPLIT) {
        int t;
        for (t = 0; t < TR_N; t++) {
            char p[OVS_PATH];
            if (join(s, s->root, tree_names[t], p) != 0)
                continue;
            fd.tree = t;
            fd.where = p;
            s->c.io.listdir(s->c.io.ctx, p, 1, found_dir, &fd);
        }
    } else {
        fd.tree = 0;
        if (s->c.io.listdir(s->c.io.ctx, s->root, 0, found_dir, &fd)
            != 0)
            return -1;
    }
    if (s->nacc > 1) {
        tmp = (ovs_acct *)ovs_alloc(s, s->nacc * sizeof *tmp);
        if (!tmp)
            return -1;
        acct_sort(s->acc, tmp, s->nacc);
        HM_FREE(&s->al, tmp);
    }
    acct_merge(s);
    return 0;
}

/* the root listing: the split layout has a folder STORE; the system
 * nickname file and the formats file */
typedef struct ovs_rootscan {
    hm_ovs *s;
    int split;
    char sysn[OVS_PATH];
    char fmts[OVS_PATH];
} ovs_rootscan;

static int root_entry(void *ctx, const char *name, int is_dir)
{
    ovs_rootscan *rs = (ovs_rootscan *)ctx;
    char fn[OVS_FNMAX + 1], ft[OVS_FNMAX + 1];
    if (is_dir) {
        if (strcmp(name, "STORE") == 0)
            rs->split = 1;
        return 0;
    }
    if (split_name(name, fn, ft) != 0)
        return 0;
    if (strcmp(fn, "OFSUAD") == 0 && strcmp(ft, "FILE") == 0
        && !rs->sysn[0])
        join(rs->s, rs->s->root, name, rs->sysn);
    if (strcmp(fn, "OVVMEXT") == 0 && strcmp(ft, "FORMATS") == 0
        && !rs->fmts[0])
        join(rs->s, rs->s->root, name, rs->fmts);
    return 0;
}

/* ---------------------------------------------------------------- */
/* the store list */

static void lent_sort(ovs_lent *v, ovs_lent *tmp, size_t n,
                      const char *t)
{
    size_t h, i, j, k;
    if (n < 2)
        return;
    h = n / 2;
    lent_sort(v, tmp, h, t);
    lent_sort(v + h, tmp, n - h, t);
    i = 0;
    j = h;
    k = 0;
    while (i < h && j < n)
        tmp[k++] = strcmp(t + v[j].user, t + v[i].user) < 0 ? v[j++]
                                                           : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

static int store_list(hm_ovs *s)
{
    size_t len, nl = 1, i;
    char *pos, *line;
    unsigned long lineno = 0;
    ovs_lent *tmp;
    if (slurp(s, s->c.list, 0, &s->ltext, &len) != 0)
        return -1;
    for (i = 0; i < len; i++)
        if (s->ltext[i] == '\n' || s->ltext[i] == '\r')
            nl++;
    s->lent = (ovs_lent *)ovs_alloc(s, nl * sizeof *s->lent);
    if (!s->lent)
        return -1;
    pos = s->ltext;
    while ((line = text_line(&pos)) != 0) {
        char *w[5];
        size_t nw;
        ovs_lent e;
        char ln[24];
        const char *bad = 0;
        lineno++;
        /* USERID FILE|RDR FN FT [name ...] */
        nw = text_words(line, w, 4);
        if (nw == 0 || w[0][0] == '*' || w[0][0] == '#')
            continue;
        memset(&e, 0, sizeof e);
        e.line = lineno;
        if (nw < 4)
            bad = "not USERID FILE|RDR FN FT [name]";
        else if (!good_id(w[0]))
            bad = "the user id is not valid";
        else if (xieq(w[1], "FILE"))
            e.area = AR_FILE;
        else if (xieq(w[1], "RDR"))
            e.area = AR_RDR;
        else
            bad = "the area is neither FILE nor RDR";
        if (!bad && (strlen(w[2]) > OVS_FNMAX || strlen(w[3]) > OVS_FNMAX))
            bad = "the file name or type is too long";
        if (bad) {
            hm_msg3(s->log, HMM_OVSLINE, s->c.list,
                    hm_fmt_ulong(lineno, ln), bad);
            continue;
        }
        xupcase(w[0]);
        e.user = (size_t)(w[0] - s->ltext);
        e.fn = (size_t)(w[2] - s->ltext);
        e.ft = (size_t)(w[3] - s->ltext);
        /* the host name: the rest of the line, or "FN FT" */
        e.name = 0;
        if (nw > 4) {
            char *r = w[3] + strlen(w[3]) + 1;
            while (*r == ' ' || *r == '\t')
                r++;
            e.name = (size_t)(r - s->ltext);
        }
        s->lent[s->nlent++] = e;
    }
    if (s->nlent > 1) {
        tmp = (ovs_lent *)ovs_alloc(s, s->nlent * sizeof *tmp);
        if (!tmp)
            return -1;
        lent_sort(s->lent, tmp, s->nlent, s->ltext);
        HM_FREE(&s->al, tmp);
    }
    for (i = 0; i < s->nlent; i++) {
        const char *u = s->ltext + s->lent[i].user;
        ovs_acct *a;
        if (s->nacc && strcmp(s->acc[s->nacc - 1].id, u) == 0) {
            s->acc[s->nacc - 1].llast = i + 1;
            continue;
        }
        if (grow(s, (void **)&s->acc, &s->capacc, s->nacc,
                 sizeof *s->acc))
            return -1;
        a = &s->acc[s->nacc++];
        memset(a, 0, sizeof *a);
        xcopy(a->id, sizeof a->id, u, strlen(u));
        a->lfirst = i;
        a->llast = i + 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- */
/* the catalogue of one account */

typedef struct ovs_catscan {
    hm_ovs *s;
    int area;
    const char *dir;
    const char *user;
    int nested;         /* the flat layout's user folder: RDR below */
} ovs_catscan;

static int cat_add(hm_ovs *s, int area, const char *path,
                   const char *name, const char *user)
{
    ovs_file *f;
    size_t at;
    if (grow(s, (void **)&s->files, &s->capfiles, s->nfiles,
             sizeof *s->files))
        return -1;
    at = pool_add(s, &s->fpool, path);
    if (at == (size_t)-1)
        return -1;
    f = &s->files[s->nfiles];
    memset(f, 0, sizeof *f);
    f->area = area;
    f->path = at;
    f->kind = -1;
    if (area == AR_FILE) {
        if (split_name(name, f->fn, f->ft) != 0) {
            hm_msg1(s->log, HMM_OVSNAME, path);
            s->st.skipped++;
            return 0;
        }
        /* the key of the formats file: USER/FN.FT */
        xcopy(s->key, sizeof s->key, user, strlen(user));
        xapp(s->key, sizeof s->key, "/");
        xapp(s->key, sizeof s->key, f->fn);
        xapp(s->key, sizeof s->key, ".");
        xapp(s->key, sizeof s->key, f->ft);
    } else {
        xcopy(f->fn, sizeof f->fn, name, strlen(name));
        xcopy(s->key, sizeof s->key, user, strlen(user));
        xapp(s->key, sizeof s->key, "/RDR/");
        xapp(s->key, sizeof s->key, name);
    }
    fdesc_for(s, s->key, &f->fd);
    s->nfiles++;
    return 0;
}

static int cat_entry(void *ctx, const char *name, int is_dir)
{
    ovs_catscan *cs = (ovs_catscan *)ctx;
    hm_ovs *s = cs->s;
    char p[OVS_PATH];
    if (join(s, cs->dir, name, p) != 0)
        return 0;
    if (is_dir) {
        if (cs->nested && xieq(name, "RDR")) {
            ovs_catscan sub;
            sub = *cs;
            sub.area = AR_RDR;
            sub.nested = 0;
            sub.dir = p;
            if (s->c.io.listdir(s->c.io.ctx, p, 0, cat_entry, &sub) != 0)
                s->cat_bad = 1;
        }
        return 0;
    }
    return cat_add(s, cs->area, p, name, cs->user);
}

/* The kind of a file type from the parsers' table, or HM_DOC_AUTO
 * when the table has none (decided from the content later):
 * hm_doc_kind asked with two heads that differ in kind answers the
 * same for a type it knows. */
static int ft_kind(const char *ft)
{
    static const unsigned char rft[4] = { 0x00, 0x05, 0xE1, 0x03 };
    static const unsigned char bin[4] = { 0x00, 0x01, 0x02, 0x03 };
    int k1 = hm_doc_kind(ft, rft, 4, 0, 0);
    int k2 = hm_doc_kind(ft, bin, 4, 0, 0);
    return k1 == k2 ? k1 : HM_DOC_AUTO;
}

/* class, kind and order of the files */
static void cat_classify(hm_ovs *s, const char *id)
{
    size_t i, j;
    for (i = 0; i < s->nfiles; i++) {
        ovs_file *f = &s->files[i];
        int kind = f->fd.kind;
        if (f->area == AR_RDR) {
            f->cls = CL_RDR;
            continue;
        }
        if (kind < 0)
            for (j = 0; j < s->ndt; j++)
                if (strcmp(s->dt[j].ft, f->ft) == 0) {
                    kind = s->dt[j].kind;
                    break;
                }
        if (kind == HM_OVS_SKIP) {
            f->cls = CL_SKIP;
        } else if (kind == HM_OVS_NOTEBOOK
                   || (kind < 0 && strcmp(f->ft, "NOTEBOOK") == 0)) {
            f->cls = CL_NOTEBOOK;
            f->order = strcmp(f->fn, "ALL") == 0 ? 0 : 100000L;
        } else if (kind < 0 && strcmp(f->ft, "NAMES") == 0
                   && strcmp(f->fn, id) == 0) {
            f->cls = CL_NAMES;
        } else {
            f->cls = CL_DOC;
            f->kind = kind < 0 ? ft_kind(f->ft) : kind;
        }
    }
}

static int file_cmp(const ovs_file *a, const ovs_file *b)
{
    int c;
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    if (a->cls == CL_NOTEBOOK && a->order != b->order)
        return a->order < b->order ? -1 : 1;
    if (a->cls == CL_RDR)
        return 0;       /* the listing's order */
    c = strcmp(a->fn, b->fn);
    if (c)
        return c;
    return strcmp(a->ft, b->ft);
}

static void file_sort(ovs_file *v, size_t n)
{
    /* insertion sort: a user has few files; stable */
    size_t i, j;
    for (i = 1; i < n; i++) {
        ovs_file t = v[i];
        for (j = i; j > 0 && file_cmp(&t, &v[j - 1]) < 0; j--)
            v[j] = v[j - 1];
        v[j] = t;
    }
}

static int cat_build(hm_ovs *s, size_t ai)
{
    ovs_acct *a = &s->acc[ai];
    ovs_catscan cs;
    if (s->cat_acct == (long)ai)
        return s->cat_bad ? -1 : 0;
    s->cat_acct = (long)ai;
    s->nfiles = 0;
    s->fpool.n = 0;
    s->cat_bad = 0;
    cs.s = s;
    cs.user = a->id;
    if (s->layout == LY_LIST) {
        size_t i;
        for (i = a->lfirst; i < a->llast; i++) {
            const ovs_lent *e = &s->lent[i];
            const char *fn = s->ltext + e->fn, *ft = s->ltext + e->ft;
            char nm[2 * OVS_FNMAX + 2];
            xset(nm, sizeof nm, fn);
            xapp(nm, sizeof nm, " ");
            xapp(nm, sizeof nm, ft);
            if (cat_add(s, e->area, e->name ? s->ltext + e->name : nm,
                        e->area == AR_FILE ? nm : fn, a->id) != 0) {
                s->cat_bad = 1;
                break;
            }
            if (e->area == AR_RDR && s->nfiles)
                xcopy(s->files[s->nfiles - 1].fn, OVS_FNMAX + 1, nm,
                      strlen(nm));
        }
    } else if (s->layout == LY_FLAT) {
        char p[OVS_PATH];
        if (join(s, s->root, s->apool.p + a->dir[0] - 1, p) != 0
            || (cs.area = AR_FILE, cs.dir = p, cs.nested = 1,
                s->c.io.listdir(s->c.io.ctx, p, 0, cat_entry, &cs)) != 0)
            s->cat_bad = 1;
    } else {
        int t;
        for (t = 0; t < TR_N; t++) {
            char p1[OVS_PATH], p2[OVS_PATH];
            if (!a->dir[t])
                continue;
            if (join(s, s->root, tree_names[t], p1) != 0
                || join(s, p1, s->apool.p + a->dir[t] - 1, p2) != 0) {
                s->cat_bad = 1;
                continue;
            }
            cs.area = t == TR_RDR ? AR_RDR : AR_FILE;
            cs.dir = p2;
            cs.nested = 0;
            if (s->c.io.listdir(s->c.io.ctx, p2, 0, cat_entry, &cs) != 0)
                s->cat_bad = 1;
        }
    }
    cat_classify(s, a->id);
    file_sort(s->files, s->nfiles);
    return s->cat_bad ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* the files of an account */

static int do_names(hm_ovs *s, const ovs_file *f)
{
    const char *path = s->fpool.p + f->path;
    ovs_rd r;
    hm_ov_names *nm;
    const unsigned char *d;
    size_t n;
    int k = 0;
    unsigned long i;
    if (rd_open(s, &r, path, &f->fd, 0, 0, f->fn, f->ft) != 0) {
        s->st.skipped++;
        return 0;
    }
    s->st.names++;
    nm = hm_ov_names_open(&s->al, r.cv, s->log, path, &s->opt);
    if (!nm) {
        rd_close(&r);
        return -1;
    }
    while ((k = rd_next(&r, &d, &n)) == 1)
        if (hm_ov_names_record(nm, d, n) != 0)
            break;
    if (k < 0)
        damaged(s, &r);
    else if (r.cut)
        s->st.cut++;
    rd_close(&r);
    hm_ov_names_finish(nm);
    s->nitems = 0;
    if (hm_ov_names_pab(nm, ovs_item, s) != 0 && s->stop) {
        hm_ov_names_close(nm);
        return -1;
    }
    for (i = 0; i < hm_ov_names_notebooks(nm) && s->nnbk < OVS_NBMAX;
         i++) {
        hm_text t = hm_ov_names_notebook_at(nm, i);
        if (t.len == 0 || t.len > OVS_FNMAX)
            continue;
        hm_ov_a2x(t.s, t.len, s->nbk[s->nnbk], OVS_FNMAX + 1);
        xupcase(s->nbk[s->nnbk]);
        s->nnbk++;
    }
    hm_ov_names_close(nm);
    return 0;
}

/* notebooks named by NAMES come right after ALL NOTEBOOK */
static void order_notebooks(hm_ovs *s)
{
    size_t i, j;
    for (j = 0; j < s->nnbk; j++) {
        int found = 0;
        for (i = 0; i < s->nfiles; i++) {
            ovs_file *f = &s->files[i];
            if (f->cls == CL_NOTEBOOK && strcmp(f->fn, s->nbk[j]) == 0
                && f->order >= 100000L) {
                f->order = (long)j + 1;
                found = 1;
            } else if (f->cls == CL_NOTEBOOK
                       && strcmp(f->fn, s->nbk[j]) == 0) {
                found = 1;
            }
        }
        if (!found) {
            char nb[OVS_FNMAX + 12];
            xset(nb, sizeof nb, s->nbk[j]);
            xapp(nb, sizeof nb, " NOTEBOOK");
            hm_msg2(s->log, HMM_OVSNONB, s->cur_id, nb);
        }
    }
    file_sort(s->files, s->nfiles);
}

static int do_notebook(hm_ovs *s, const ovs_file *f)
{
    const char *path = s->fpool.p + f->path;
    ovs_rd r;
    hm_ov_nb *nb;
    unsigned char fo[OVS_FNMAX];
    hm_text ft;
    const unsigned char *d;
    size_t n;
    int k = 0;
    if (rd_open(s, &r, path, &f->fd, 0, 0, f->fn, f->ft) != 0) {
        s->st.skipped++;
        return 0;
    }
    s->st.notebooks++;
    ft.s = fo;
    ft.len = hm_ov_nb_folder(f->fn, fo, sizeof fo);
    nb = hm_ov_nb_open(&s->al, r.cv, s->log, path, &ft, 1,
                       HM_OV_NOTEBOOK, &s->opt, ovs_item, s);
    if (!nb) {
        rd_close(&r);
        return -1;
    }
    s->in_nb = 1;
    s->nitems = 0;
    while ((k = rd_next(&r, &d, &n)) == 1)
        if (hm_ov_nb_record(nb, d, n) != 0)
            break;
    if (k == 0 && r.cut) {
        /* cut short at its end: the last note is kept, flagged */
        s->st.cut++;
        hm_ov_nb_cut(nb);
    }
    if (!s->stop && k != 1)
        hm_ov_nb_finish(nb);
    if (k < 0 && !s->stop)
        damaged(s, &r);
    s->in_nb = 0;
    hm_ov_nb_close(nb);
    rd_close(&r);
    return s->stop ? -1 : 0;
}

/* the record source of a reader mail file: rd_next, with the end of
 * a transmission cut short told apart (hm_ov_rec_fn) */
static int mail_next(void *ctx, const unsigned char **d, size_t *n)
{
    ovs_rd *r = (ovs_rd *)ctx;
    int k = rd_next(r, d, n);
    return k == 0 && r->cut ? 2 : k;
}

/* a reader mail file: one unread Inbox message; a transmission cut
 * short inside it keeps the note. 0 or -1. */
static int ovs_mailfile(hm_ovs *s, ovs_rd *r, const char *path)
{
    return hm_ov_mailfile(&s->al, r->cv, s->log, path, &s->opt,
                          mail_next, r, ovs_item, s);
}

/* the sender of a document message: the owner */
static void owner_addr(hm_ovs *s, hm_addr *a, unsigned char *nbuf,
                       unsigned char *abuf)
{
    size_t nu, nn;
    unsigned char u[OVS_IDMAX], nd[OVS_FNMAX];
    nu = hm_ov_x2a(s->cur_id, u, sizeof u);
    nn = hm_ov_x2a(s->cur_node, nd, sizeof nd);
    a->addr.s = abuf;
    a->addr.len = hm_ov_profs(u, nu, nd, nn, abuf);
    memcpy(nbuf, u, nu);
    a->name.s = nbuf;
    a->name.len = nu;
    if (nn) {
        nbuf[nu] = B_SP;
        nbuf[nu + 1] = 0x61;        /* "at" */
        nbuf[nu + 2] = 0x74;
        nbuf[nu + 3] = B_SP;
        memcpy(nbuf + nu + 4, nd, nn);
        a->name.len = nu + 4 + nn;
    }
}

/* a document: by default a free document in the folder "Documents"
 * (a Body of length 0, then Document sections): the original FN.FT
 * (RFT/FFT: the DCA stream, named FN.FT.RFT / FN.FT.FFT unless the
 * type is already RFT / FFT; binary: the records) and, for RFT/FFT
 * with a text, the text as FN.FT.TXT; text and SCRIPT documents: the
 * text alone, FN.FT.TXT (their original, as everywhere here, is their
 * text). With doc_messages: a message in "Documents" with the text
 * as the body and the original attached. */
static int do_document(hm_ovs *s, const ovs_file *f)
{
    ovs_doc d;
    ovs_ds bx, ax;
    hm_data body, fixed;
    hm_attach att;
    hm_item it;
    hm_message *m = &it.u.msg;
    static const unsigned char docs[] = {
        0x44, 0x6F, 0x63, 0x75, 0x6D, 0x65, 0x6E, 0x74, 0x73
    };
    static const unsigned char txt[] = { 0x2E, 0x54, 0x58, 0x54 };
    hm_text folder;
    unsigned char subj[2 * OVS_FNMAX + 2], aname[2 * OVS_FNMAX + 8];
    unsigned char tname[2 * OVS_FNMAX + 8];
    unsigned char snm[OVS_IDMAX + OVS_FNMAX + 8], sad[OVS_ADDR];
    unsigned char line[2 * OVS_FNMAX + 16];
    size_t k, nsubj;
    memset(&d, 0, sizeof d);
    d.s = s;
    d.path = s->fpool.p + f->path;
    d.fd = f->fd;
    d.member = -1;
    d.fn = f->fn;
    d.ft = f->ft;
    d.kind = f->kind;
    if (doc_prepare(s, &d) != 0) {
        s->st.skipped++;
        return 0;
    }
    s->st.docs++;
    /* subject "FN FT", attachment "FN.FT" */
    k = hm_ov_x2a(f->fn, subj, OVS_FNMAX);
    subj[k++] = B_SP;
    k += hm_ov_x2a(f->ft, subj + k, OVS_FNMAX);
    nsubj = k;
    memset(&it, 0, sizeof it);
    memset(&att, 0, sizeof att);
    k = hm_ov_x2a(f->fn, aname, OVS_FNMAX);
    aname[k++] = B_DOT;
    k += hm_ov_x2a(f->ft, aname + k, OVS_FNMAX);
    folder.s = docs;
    folder.len = sizeof docs;
    if (!s->c.doc_messages) {
        hm_document *doc = &it.u.doc;
        hm_docpart part;
        ovs_ds tx;
        int has_text = d.kind == HM_DOC_RFT || d.kind == HM_DOC_FFT;
        memcpy(tname, aname, k);
        memcpy(tname + k, txt, sizeof txt);
        memset(&part, 0, sizeof part);
        part.name.s = tname;
        part.name.len = k + sizeof txt;
        if (d.kind == HM_DOC_TEXT || d.kind == HM_DOC_SCRIPT) {
            memcpy(aname + k, txt, sizeof txt);
            k += sizeof txt;
        } else if (has_text && strcmp(f->ft, d.kind == HM_DOC_RFT
                                      ? "RFT" : "FFT") != 0) {
            /* the DCA stream named so that a viewer takes it */
            aname[k++] = B_DOT;
            k += hm_ov_x2a(d.kind == HM_DOC_RFT ? "RFT" : "FFT",
                           aname + k, 3);
        }
        it.kind = HM_ITEM_DOCUMENT;
        doc->folder = &folder;
        doc->nfolder = 1;
        doc->name.s = aname;
        doc->name.len = k;
        owner_addr(s, &doc->author, snm, sad);
        xdate(d.date, &doc->date);
        doc_att_data(&d, &ax, &doc->data);
        if (has_text && d.tsize) {
            doc_text_data(&d, &tx, &part.data);
            doc->more = &part;
            doc->nmore = 1;
        }
        ovs_item(s, &it, 0);
        if (doc->nmore)
            ds_free(&tx);
        ds_free(&ax);
        return s->stop ? -1 : 0;
    }
    it.kind = HM_ITEM_MESSAGE;
    m->folder = &folder;
    m->nfolder = 1;
    owner_addr(s, &m->sender, snm, sad);
    m->subject.s = subj;
    m->subject.len = nsubj;
    xdate(d.date, &m->sent);
    m->received = m->sent;
    att.name.s = aname;
    att.name.len = k;
    att.position = -1;
    doc_att_data(&d, &ax, &att.data);
    m->att = &att;
    m->natt = 1;
    if (d.tsize) {
        doc_body_data(&d, &bx, &body);
        m->body = &body;
    } else {
        /* no text: a line naming the document */
        static const unsigned char dl[] = {
            0x44, 0x6F, 0x63, 0x75, 0x6D, 0x65, 0x6E, 0x74, 0x20
        };
        memset(&bx, 0, sizeof bx);
        memcpy(line, dl, sizeof dl);
        memcpy(line + sizeof dl, subj, m->subject.len);
        memset(&fixed, 0, sizeof fixed);
        fixed.p = line;
        fixed.size = (unsigned long)(sizeof dl + m->subject.len);
        m->body = &fixed;
    }
    m->nbody = 1;
    ovs_item(s, &it, 0);
    if (d.tsize)
        ds_free(&bx);
    ds_free(&ax);
    return s->stop ? -1 : 0;
}

/* one file of a reader transmission that is not mail */
static int rdr_sendfile(hm_ovs *s, const ovs_file *f, ovs_rd *r,
                        const hm_nd_file *nf, long member)
{
    ovs_doc d;
    ovs_ds bx, ax;
    hm_data body;
    hm_ov_rdrfile rf;
    const hm_nd_trans *t = hm_nd_info(r->nd);
    char fn[9], ft[9];
    int rc;
    memset(&d, 0, sizeof d);
    d.s = s;
    d.path = s->fpool.p + f->path;
    d.fd = f->fd;
    d.fd.fm = FM_ND;
    d.member = member;
    xset(fn, sizeof fn, nf->cms_fn[0] ? nf->cms_fn : "FILE");
    xset(ft, sizeof ft, nf->cms_ft[0] ? nf->cms_ft : "DATA");
    if (!nf->cms_fn[0] && nf->name[0]) {
        /* a data set name: its last qualifier as the type */
        const char *p = nf->name, *q = 0;
        for (; *p; p++)
            if (*p == '.')
                q = p;
        xcopy(fn, sizeof fn, nf->name,
              q ? (size_t)(q - nf->name) : strlen(nf->name));
        if (q)
            xcopy(ft, sizeof ft, q + 1, strlen(q + 1));
    }
    d.fn = fn;
    d.ft = ft;
    d.kind = hm_doc_kind(ft, 0, 0, 0, 0);
    if (f->fd.kind >= 0 && f->fd.kind < HM_OVS_SKIP)
        d.kind = f->fd.kind;
    if (doc_prepare(s, &d) != 0) {
        s->st.skipped++;
        return 0;
    }
    s->st.sendfiles++;
    memset(&rf, 0, sizeof rf);
    rf.fn = fn;
    rf.ft = ft;
    rf.from_user = t->fuid[0] ? t->fuid : 0;
    rf.from_node = t->fnode[0] ? t->fnode : 0;
    rf.ftime = t->ftime[0] ? t->ftime : 0;
    doc_att_data(&d, &ax, &rf.data);
    s->swap_body = 0;
    if (d.tsize) {
        doc_body_data(&d, &bx, &body);
        s->swap_body = &body;
    }
    rc = hm_ov_rdrfile_item(&rf, &s->opt, ovs_item, s);
    s->swap_body = 0;
    if (d.tsize)
        ds_free(&bx);
    ds_free(&ax);
    (void)rc;
    return s->stop ? -1 : 0;
}

static int do_reader(hm_ovs *s, const ovs_file *f)
{
    const char *path = s->fpool.p + f->path;
    ovs_rd r;
    const hm_nd_file *nf;
    long member = 0;
    int k;
    s->st.rdr++;
    if (rd_open(s, &r, path, &f->fd, 0, 1, 0, 0) != 0) {
        s->st.skipped++;
        return 0;
    }
    if (!r.nd) {
        /* not NETDATA: the file attached to a message */
        ovs_file g = *f;
        rd_close(&r);
        if (split_name(f->fn, g.fn, g.ft) != 0) {
            xcopy(g.fn, sizeof g.fn, f->fn, 8);
            xset(g.ft, sizeof g.ft, "RDRFILE");
        }
        g.kind = hm_doc_kind(g.ft, 0, 0, 0, 0);
        return do_document(s, &g);
    }
    if (hm_nd_info(r.nd)->is_ack) {
        const hm_nd_trans *t = hm_nd_info(r.nd);
        hm_msg2(s->log, HMM_OVSACK, path,
                t->ack_name[0] ? t->ack_name : "a note");
        rd_close(&r);
        return 0;
    }
    while ((k = hm_nd_next_file(r.nd, &nf)) == 1) {
        if (nf->is_message) {
            s->st.mails++;
            s->nitems = 0;
            r.nrec = 0;
            if (ovs_mailfile(s, &r, path) != 0) {
                if (s->stop)
                    break;
                if (r.err)
                    damaged(s, &r);
                else
                    s->st.skipped++;
            }
        } else if (rdr_sendfile(s, f, &r, nf, member) != 0) {
            break;
        }
        member++;
        if (r.err)
            break;
    }
    if (k < 0 && !s->stop && !r.err)
        s->st.skipped++;
    if (hm_nd_cut(r.nd))
        s->st.cut++;
    rd_close(&r);
    return s->stop ? -1 : 0;
}

/* ---------------------------------------------------------------- */
/* the source */

static int src_next(void *ctx, hm_account *acct)
{
    hm_ovs *s = (hm_ovs *)ctx;
    ovs_acct *a;
    long k;
    if (s->next >= s->nacc)
        return HM_PIPE_END;
    a = &s->acc[s->next++];
    acct_node(s, s->next - 1);
    acct_texts(s, a, acct);
    k = sys_user(s, a->id);
    if (k >= 0) {
        const hm_ov_entry *e = hm_ov_names_at(s->sys, (unsigned long)k);
        acct->display_name = e->display;
    }
    return HM_PIPE_OK;
}

static int src_items(void *ctx, const hm_account *acct, hm_pipe_emit emit,
                     void *ectx)
{
    hm_ovs *s = (hm_ovs *)ctx;
    size_t ai = s->next - 1, i;
    ovs_acct *a = &s->acc[ai];
    (void)acct;
    s->emit = emit;
    s->ectx = ectx;
    s->stop = 0;
    s->st.accounts++;
    if (s->c.dir_only)
        return HM_PIPE_OK;
    if (cat_build(s, ai) != 0 && s->nfiles == 0)
        return HM_PIPE_FAIL;
    xset(s->cur_id, sizeof s->cur_id, a->id);
    xset(s->cur_node, sizeof s->cur_node,
         a->node_state == 1 ? a->node : "");
    hm_ov_opt_init(&s->opt);
    s->opt.owner = s->cur_id;
    s->opt.owner_node = s->cur_node[0] ? s->cur_node : 0;
    s->opt.local_node = s->c.node;
    s->opt.pivot = s->c.pivot;
    s->opt.keep_header = s->c.keep_header;
    s->nnbk = 0;
    for (i = 0; i < s->nfiles && !s->stop; i++)
        if (s->files[i].cls == CL_NAMES) {
            s->st.files++;
            do_names(s, &s->files[i]);
        }
    if (s->stop)
        return HM_PIPE_STOP;
    order_notebooks(s);
    for (i = 0; i < s->nfiles && !s->stop; i++) {
        const ovs_file *f = &s->files[i];
        if (f->cls != CL_SKIP && f->cls != CL_NAMES)
            s->st.files++;
        switch (f->cls) {
        case CL_NOTEBOOK:
            do_notebook(s, f);
            break;
        case CL_RDR:
            do_reader(s, f);
            break;
        case CL_DOC:
            do_document(s, f);
            break;
        default:
            break;
        }
    }
    return s->stop ? HM_PIPE_STOP : HM_PIPE_OK;
}

/* "Last, First" or "First Middle Last" */
static void split_display(const hm_text *d, hm_text *given,
                          hm_text *sur)
{
    size_t i;
    given->s = sur->s = d->s;
    given->len = sur->len = 0;
    for (i = 0; i < d->len; i++)
        if (d->s[i] == B_COMMA) {
            size_t j = i + 1;
            sur->len = i;
            while (j < d->len && d->s[j] == B_SP)
                j++;
            given->s = d->s + j;
            given->len = d->len - j;
            return;
        }
    for (i = d->len; i > 0; i--)
        if (d->s[i - 1] == B_SP) {
            given->len = i - 1;
            sur->s = d->s + i;
            sur->len = d->len - i;
            return;
        }
}

/* the display name of a user from its own NAMES file (the entry with
 * its userid and a :name. tag) into s->a_name */
static size_t own_name(hm_ovs *s, size_t ai)
{
    static const unsigned char tname[] = { 0x6E, 0x61, 0x6D, 0x65 };
    size_t i, len = 0;
    if (cat_build(s, ai) != 0 && s->nfiles == 0)
        return 0;
    for (i = 0; i < s->nfiles; i++) {
        const ovs_file *f = &s->files[i];
        ovs_rd r;
        hm_ov_names *nm;
        const unsigned char *d;
        size_t n;
        unsigned char u[OVS_IDMAX];
        long k;
        hm_text v;
        if (f->cls != CL_NAMES)
            continue;
        if (rd_open(s, &r, s->fpool.p + f->path, &f->fd, 0, 0, f->fn,
                    f->ft) != 0)
            return 0;
        nm = hm_ov_names_open(&s->al, r.cv, &s->nolog, r.name, 0);
        if (nm) {
            while (rd_next(&r, &d, &n) == 1)
                if (hm_ov_names_record(nm, d, n) != 0)
                    break;
            hm_ov_names_finish(nm);
            k = hm_ov_names_find_user(nm, u,
                                      hm_ov_x2a(s->acc[ai].id, u,
                                                sizeof u), 0, 0);
            if (k >= 0
                && hm_ov_names_tag(hm_ov_names_at(nm, (unsigned long)k),
                                   tname, 4, &v)
                && v.len > 0) {
                len = v.len < sizeof s->a_name ? v.len
                                               : sizeof s->a_name;
                memcpy(s->a_name, v.s, len);
            }
            hm_ov_names_close(nm);
        }
        rd_close(&r);
        break;
    }
    return len;
}

static int dir_emit(hm_ovs *s, hm_pipe_emit emit, void *ectx, int cls,
                    const hm_text *user, const hm_text *disp,
                    const hm_text *addr)
{
    hm_item it;
    hm_dirobj *o = &it.u.dir;
    memset(&it, 0, sizeof it);
    it.kind = HM_ITEM_DIROBJ;
    o->cls = cls;
    o->common_name = *user;
    o->display_name = *disp;
    split_display(disp, &o->given_name, &o->surname);
    o->source_addr = *addr;
    if (cls == HM_DIR_REMOTE)
        o->target_addr = *addr;
    (void)s;
    return emit(ectx, &it) == HM_PIPE_OK ? 0 : -1;
}

static int src_dir(void *ctx, int mode, hm_pipe_emit emit, void *ectx)
{
    hm_ovs *s = (hm_ovs *)ctx;
    size_t i;
    static const unsigned char tname[] = { 0x6E, 0x61, 0x6D, 0x65 };
    for (i = 0; i < s->nacc; i++) {
        hm_account a;
        hm_text disp;
        long k;
        int sel;
        acct_node(s, i);
        acct_texts(s, &s->acc[i], &a);
        sel = hm_set_selected(s->c.set, a.id.s, a.id.len);
        if ((mode == 1) != (sel != 0))
            continue;
        disp = a.id;
        k = sys_user(s, s->acc[i].id);
        if (k >= 0) {
            hm_text v;
            if (hm_ov_names_tag(hm_ov_names_at(s->sys, (unsigned long)k),
                                tname, 4, &v) && v.len)
                disp = v;
        }
        if (disp.s == a.id.s) {
            size_t n = own_name(s, i);
            if (n) {
                disp.s = s->a_name;
                disp.len = n;
            }
        }
        if (dir_emit(s, emit, ectx, mode == 1 ? HM_DIR_MAILBOX
                                              : HM_DIR_REMOTE,
                     &a.id, &disp, &a.address) != 0)
            return HM_PIPE_STOP;
    }
    /* custom recipients for the users of the system nickname file
     * that are not store accounts */
    if (mode == 2 && s->sys) {
        unsigned long j;
        for (j = 0; j < hm_ov_names_count(s->sys); j++) {
            const hm_ov_entry *e = hm_ov_names_at(s->sys, j);
            char x[OVS_IDMAX + 1];
            size_t lo, hi;
            unsigned char ab[OVS_ADDR + OVS_FNMAX];
            unsigned char nd[OVS_FNMAX];
            hm_text addr;
            size_t nn;
            int in_store = 0;
            if (e->is_list || e->userid.len == 0
                || e->userid.len > OVS_IDMAX)
                continue;
            if (hm_ov_names_find_user(s->sys, e->userid.s, e->userid.len,
                                      e->node.s, e->node.len) != (long)j)
                continue;
            hm_ov_a2x(e->userid.s, e->userid.len, x, sizeof x);
            xupcase(x);
            lo = 0;
            hi = s->nacc;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                int c = strcmp(s->acc[mid].id, x);
                if (c == 0) {
                    in_store = 1;
                    break;
                }
                if (c < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (in_store)
                continue;
            nn = e->node.len;
            if (!nn && s->c.node)
                nn = hm_ov_x2a(s->c.node, nd, sizeof nd);
            else if (nn > sizeof nd)
                nn = sizeof nd;
            if (e->node.len)
                memcpy(nd, e->node.s, nn);
            addr.s = ab;
            addr.len = hm_ov_profs(e->userid.s, e->userid.len, nd, nn,
                                   ab);
            if (dir_emit(s, emit, ectx, HM_DIR_REMOTE, &e->userid,
                         &e->display, &addr) != 0)
                return HM_PIPE_STOP;
        }
    }
    return HM_PIPE_OK;
}

/* ---------------------------------------------------------------- */

hm_ovs *hm_ovs_open(const hm_ovs_cfg *c)
{
    hm_ovs *s = (hm_ovs *)HM_ALLOC(c->al, sizeof *s);
    ovs_rootscan rs;
    char b1[24], b2[24];
    const char *a[4];
    if (!s) {
        hm_msg1(c->log, HMM_NOSTOR, "the OV/VM store");
        return 0;
    }
    memset(s, 0, sizeof *s);
    s->c = *c;
    s->al = *c->al;
    s->log = c->log;
    s->cat_acct = -1;
    hm_log_init(&s->nolog, nolog_fn, 0);
    hm_cpconv_init(&s->cv, c->cp, HM_PC_UTF8, HM_NL_CDRA);
    s->fast = hm_cpconv_fast(&s->cv, &s->al) == 0;
    if (c->doctypes && c->doctypes[0] && doctypes(s, c->doctypes) != 0)
        goto fail;
    memset(&rs, 0, sizeof rs);
    rs.s = s;
    if (c->list) {
        s->layout = LY_LIST;
        xcopy(s->root, sizeof s->root, c->list, strlen(c->list));
        if (c->store)
            xcopy(s->root, sizeof s->root, c->store, strlen(c->store));
    } else {
        xcopy(s->root, sizeof s->root, c->store, strlen(c->store));
    }
    if (c->store
        && c->io.listdir(c->io.ctx, c->store, c->list != 0, root_entry,
                         &rs) != 0
        && !c->list)
        goto fail;
    if (!c->list && rs.split)
        s->layout = LY_SPLIT;
    if (c->formats) {
        if (formats(s, c->formats, 0) != 0)
            goto fail;
    } else if (rs.fmts[0] && formats(s, rs.fmts, 1) != 0) {
        goto fail;
    }
    if (c->sysnames || rs.sysn[0]) {
        const char *name = c->sysnames ? c->sysnames : rs.sysn;
        hm_ov_opt o;
        ovs_rd r;
        ovs_fdesc fd;
        const unsigned char *d;
        size_t n;
        int k;
        hm_ov_opt_init(&o);
        o.local_node = c->node;
        fdesc_for(s, "OFSUAD.FILE", &fd);
        if (rd_open(s, &r, name, &fd, 0, 0, "OFSUAD", "FILE") != 0)
            goto fail;
        s->sys = hm_ov_names_open(&s->al, r.cv, s->log, name, &o);
        if (!s->sys) {
            rd_close(&r);
            goto fail;
        }
        while ((k = rd_next(&r, &d, &n)) == 1)
            if (hm_ov_names_record(s->sys, d, n) != 0)
                break;
        rd_close(&r);
        hm_ov_names_finish(s->sys);
        hm_msg2(s->log, HMM_OVSSYSN, name,
                hm_fmt_ulong(hm_ov_names_count(s->sys), b1));
    }
    if (s->layout == LY_LIST ? store_list(s) : list_accounts(s))
        goto fail;
    a[0] = s->root;
    a[1] = s->layout == LY_LIST ? "list"
           : s->layout == LY_SPLIT ? "split" : "folder";
    a[2] = hm_fmt_ulong((unsigned long)s->nacc, b1);
    a[3] = hm_fmt_ulong(c->cp->ccsid, b2);
    hm_msg(s->log, HMM_OVSSTORE, a, 4);
    if (s->nacc == 0)
        hm_msg1(s->log, HMM_OVSNOACCT, s->root);
    return s;
fail:
    hm_ovs_close(s);
    return 0;
}

void hm_ovs_source(hm_ovs *s, hm_pipe_src *src)
{
    memset(src, 0, sizeof *src);
    src->next_account = src_next;
    src->items = src_items;
    src->directory = src_dir;
    src->ctx = s;
}

unsigned long hm_ovs_accounts(const hm_ovs *s)
{
    return (unsigned long)s->nacc;
}

const char *hm_ovs_account_id(const hm_ovs *s, unsigned long i)
{
    return i < (unsigned long)s->nacc ? s->acc[i].id : 0;
}

const hm_ovs_stats *hm_ovs_stat(const hm_ovs *s)
{
    return &s->st;
}

void hm_ovs_summary(hm_ovs *s)
{
    const hm_ovs_stats *t = &s->st;
    char b[9][24];
    const char *a[9];
    int i;
    unsigned long v[8];
    v[0] = t->accounts;
    v[1] = t->files;
    v[2] = t->notebooks;
    v[3] = t->notes;
    v[4] = t->names;
    v[5] = t->rdr;
    v[6] = t->mails;
    v[7] = t->docs;
    for (i = 0; i < 8; i++)
        a[i] = hm_fmt_ulong(v[i], b[i]);
    hm_msg(s->log, HMM_OVSSUM, a, 8);
    if (t->raw || t->nodate || t->damaged || t->skipped || t->cut) {
        v[0] = t->raw;
        v[1] = t->nodate;
        v[2] = t->damaged;
        v[3] = t->skipped;
        v[4] = t->cut;
        for (i = 0; i < 5; i++)
            a[i] = hm_fmt_ulong(v[i], b[i]);
        hm_msg(s->log, HMM_OVSSUMBAD, a, 5);
    }
}

void hm_ovs_close(hm_ovs *s)
{
    if (!s)
        return;
    if (s->sys)
        hm_ov_names_close(s->sys);
    if (s->fast)
        hm_cpconv_fast_free(&s->cv, &s->al);
    if (s->cv2_fast)
        hm_cpconv_fast_free(&s->cv2, &s->al);
    HM_FREE(&s->al, s->acc);
    HM_FREE(&s->al, s->apool.p);
    HM_FREE(&s->al, s->ftext);
    HM_FREE(&s->al, s->fmt);
    HM_FREE(&s->al, s->dtext);
    HM_FREE(&s->al, s->dt);
    HM_FREE(&s->al, s->ltext);
    HM_FREE(&s->al, s->lent);
    HM_FREE(&s->al, s->files);
    HM_FREE(&s->al, s->fpool.p);
    HM_FREE(&s->al, s);
}
