/*
 * zip.c - ZIP writer and reader, and the migpack MANIFEST (see
 * hm_zip.h). PKZIP 2.0 archives without ZIP64 or encryption; every
 * field is assembled byte by byte (little-endian), names are
 * translated between the execution character set and ASCII through
 * migfile.h's tables, so ASCII and EBCDIC builds give the same bytes.
 */
#include <string.h>
#include "hm_zip.h"
#include "migfile.h"

#define ZIP_LOCAL 0x04034B50ul
#define ZIP_CENTRAL 0x02014B50ul
#define ZIP_END 0x06054B50ul
#define ZIP_LHDR 30ul
#define ZIP_CHDR 46ul
#define ZIP_EHDR 22ul
#define ZIP_MAX 0xFFFFFFFFul
#define ZIP_MAXN 65535ul
#define ZIP_DOSDATE 0x0021u     /* 1980-01-01 */
#define ZIP_MADEBY 0x0014u      /* MS-DOS, version 2.0 */
#define ZIP_BUF 8192
#define ZIP_MFMAX 16777216ul    /* largest MANIFEST read */

#define A_CR 0x0D
#define A_LF 0x0A
#define A_COMMA 0x2C
#define A_0 0x30
#define A_9 0x39
#define A_A 0x41
#define A_F 0x46
#define A_a 0x61
#define A_f 0x66
#define A_QMARK 0x3F

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v & 0xFFu);
    p[1] = (unsigned char)((v >> 8) & 0xFFu);
}

static void put32(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)(v & 0xFFul);
    p[1] = (unsigned char)((v >> 8) & 0xFFul);
    p[2] = (unsigned char)((v >> 16) & 0xFFul);
    p[3] = (unsigned char)((v >> 24) & 0xFFul);
}

static unsigned get16(const unsigned char *p)
{
    return (unsigned)p[0] | ((unsigned)p[1] << 8);
}

static unsigned long get32(const unsigned char *p)
{
    return (unsigned long)p[0] | ((unsigned long)p[1] << 8)
        | ((unsigned long)p[2] << 16) | ((unsigned long)p[3] << 24);
}

static unsigned char up(unsigned char c)
{
    return (c >= 0x61 && c <= 0x7A) ? (unsigned char)(c - 0x20) : c;
}

static int eqnc(const unsigned char *a, size_t an, const unsigned char *b,
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

/* ================================================================ */
/* measuring and writing */

int hm_zip_measure(const hm_alloc *a, hm_read_fn rd, void *rctx,
                   hm_zip_info *info)
{
    unsigned char buf[ZIP_BUF];
    hm_zdef *z = hm_zdef_open(a, 0, 0);
    unsigned long crc = 0, size = 0, cs = 0;
    long r;
    memset(info, 0, sizeof *info);
    if (!z)
        return -2;
    for (;;) {
        r = rd(rctx, buf, sizeof buf);
        if (r <= 0)
            break;
        if ((unsigned long)r > ZIP_MAX - size) {
            r = -1;
            break;
        }
        crc = hm_crc32(crc, buf, (size_t)r);
        size += (unsigned long)r;
        hm_zdef_write(z, buf, (size_t)r);
    }
    if (r < 0) {
        hm_zdef_free(z);
        return -1;
    }
    hm_zdef_finish(z, &cs);
    info->crc = crc;
    info->size = size;
    if (cs < size) {
        info->csize = cs;
        info->method = HM_ZIP_DEFLATED;
    } else {
        info->csize = size;
        info->method = HM_ZIP_STORED;
    }
    return 0;
}

typedef struct zw_ent {
    unsigned char *aname;
    size_t alen;
    unsigned long crc, size, csize, off;
    int method;
} zw_ent;

struct hm_zipw {
    hm_alloc al;
    hm_write_fn out;
    void *octx;
    const char *zname;
    hm_log *log;
    hm_mf_tab tab;
    unsigned long pos;
    zw_ent *e;
    unsigned long n, cap;
    int failed;
    unsigned char buf[ZIP_BUF];
};

hm_zipw *hm_zipw_open(const hm_alloc *a, hm_write_fn out, void *octx,
                      const char *zname, hm_log *log)
{
    hm_zipw *w = (hm_zipw *)HM_ALLOC(a, sizeof *w);
    if (!w) {
        hm_msg1(log, HMM_NOSTOR, zname);
        return 0;
    }
    memset(w, 0, sizeof *w - sizeof w->buf);
    w->al = *a;
    w->out = out;
    w->octx = octx;
    w->zname = zname;
    w->log = log;
    hm_mf_tables(&w->tab);
    return w;
}

static int zw_write(void *ctx, const unsigned char *p, size_t n)
{
    hm_zipw *w = (hm_zipw *)ctx;
    if (w->failed)
        return -1;
    if (n && w->out(w->octx, p, n) != 0) {
        hm_msg2(w->log, HMM_WRITE, w->zname, "the output refused data");
        w->failed = 1;
        return -1;
    }
    w->pos += (unsigned long)n;
    return 0;
}

static void zw_big(hm_zipw *w, const char *what)
{
    char b[24];
    hm_msg3(w->log, HMM_ZIPBIG, w->zname, what,
            hm_fmt_ulong(ZIP_MAX, b));
    w->failed = 1;
}

int hm_zipw_add(hm_zipw *w, const char *name, hm_read_fn rd,
                void *rctx, const hm_zip_info *info)
{
    unsigned char h[ZIP_LHDR];
    zw_ent *e;
    size_t nl = strlen(name);
    unsigned long crc = 0, size = 0, cs = 0;
    hm_zdef *z = 0;
    long r;
    char b[24];
    if (w->failed)
        return -1;
    if (w->n >= ZIP_MAXN) {
        hm_msg3(w->log, HMM_ZIPBIG, w->zname, "the number of members",
                hm_fmt_ulong(ZIP_MAXN, b));
        w->failed = 1;
        return -1;
    }
    if (nl == 0 || nl > 1024 || ZIP_LHDR + nl > ZIP_MAX - w->pos
        || info->csize > ZIP_MAX - w->pos - ZIP_LHDR - nl) {
        zw_big(w, name);
        return -1;
    }
    if (w->n == w->cap) {
        unsigned long nc = w->cap ? w->cap * 2ul : 64ul;
        zw_ent *p = (zw_ent *)HM_ALLOC(&w->al, (size_t)nc * sizeof *p);
        if (!p) {
            hm_msg1(w->log, HMM_NOSTOR, w->zname);
            w->failed = 1;
            return -1;
        }
        if (w->e) {
            memcpy(p, w->e, (size_t)w->n * sizeof *p);
            HM_FREE(&w->al, w->e);
        }
        w->e = p;
        w->cap = nc;
    }
    e = &w->e[w->n];
    memset(e, 0, sizeof *e);
    e->aname = (unsigned char *)HM_ALLOC(&w->al, nl);
    if (!e->aname) {
        hm_msg1(w->log, HMM_NOSTOR, w->zname);
        w->failed = 1;
        return -1;
    }
    w->n++;
    e->alen = hm_mf_asc(&w->tab, name, e->aname, nl);
    e->off = w->pos;
    e->method = info->method;
    put32(h, ZIP_LOCAL);
    put16(h + 4, info->method == HM_ZIP_DEFLATED ? 20u : 10u);
    put16(h + 6, 0u);
    put16(h + 8, (unsigned)info->method);
    put16(h + 10, 0u);
    put16(h + 12, ZIP_DOSDATE);
    put32(h + 14, info->crc);
    put32(h + 18, info->csize);
    put32(h + 22, info->size);
    put16(h + 26, (unsigned)e->alen);
    put16(h + 28, 0u);
    if (zw_write(w, h, sizeof h) != 0
        || zw_write(w, e->aname, e->alen) != 0)
        return -1;
    if (info->method == HM_ZIP_DEFLATED) {
        z = hm_zdef_open(&w->al, zw_write, w);
        if (!z) {
            hm_msg1(w->log, HMM_NOSTOR, w->zname);
            w->failed = 1;
            return -1;
        }
    }
    for (;;) {
        r = rd(rctx, w->buf, sizeof w->buf);
        if (r <= 0)
            break;
        if ((unsigned long)r > ZIP_MAX - size) {
            r = -1;
            break;
        }
        crc = hm_crc32(crc, w->buf, (size_t)r);
        size += (unsigned long)r;
        if (z)
            hm_zdef_write(z, w->buf, (size_t)r);
        else
            zw_write(w, w->buf, (size_t)r);
        if (w->failed)
            break;
    }
    if (z) {
        if (r < 0 || w->failed)
            hm_zdef_free(z);
        else
            hm_zdef_finish(z, &cs);
    } else {
        cs = size;
    }
    if (w->failed)
        return -1;
    if (r < 0) {
        hm_msg3(w->log, HMM_READ, name, hm_fmt_ulong(size, b),
                "the data could not be read");
        w->failed = 1;
        return -1;
    }
    if (crc != info->crc || size != info->size || cs != info->csize) {
        hm_msg2(w->log, HMM_MPCHANGED, w->zname, name);
        w->failed = 1;
        return -1;
    }
    e->crc = crc;
    e->size = size;
    e->csize = cs;
    return 0;
}

static void zw_free(hm_zipw *w)
{
    unsigned long i;
    for (i = 0; i < w->n; i++)
        HM_FREE(&w->al, w->e[i].aname);
    if (w->e)
        HM_FREE(&w->al, w->e);
    HM_FREE(&w->al, w);
}

int hm_zipw_close(hm_zipw *w, unsigned long *size)
{
    unsigned char h[ZIP_CHDR];
    unsigned long i, cdoff = w->pos;
    int rc;
    for (i = 0; i < w->n && !w->failed; i++) {
        const zw_ent *e = &w->e[i];
        if (ZIP_CHDR + e->alen + ZIP_EHDR > ZIP_MAX - w->pos) {
            zw_big(w, "the central directory");
            break;
        }
        put32(h, ZIP_CENTRAL);
        put16(h + 4, ZIP_MADEBY);
        put16(h + 6, e->method == HM_ZIP_DEFLATED ? 20u : 10u);
        put16(h + 8, 0u);
        put16(h + 10, (unsigned)e->method);
        put16(h + 12, 0u);
        put16(h + 14, ZIP_DOSDATE);
        put32(h + 16, e->crc);
        put32(h + 20, e->csize);
        put32(h + 24, e->size);
        put16(h + 28, (unsigned)e->alen);
        put16(h + 30, 0u);
        put16(h + 32, 0u);
        put16(h + 34, 0u);
        put16(h + 36, 0u);
        put32(h + 38, 0ul);
        put32(h + 42, e->off);
        if (zw_write(w, h, ZIP_CHDR) != 0
            || zw_write(w, e->aname, e->alen) != 0)
            break;
    }
    if (!w->failed) {
        put32(h, ZIP_END);
        put16(h + 4, 0u);
        put16(h + 6, 0u);
        put16(h + 8, (unsigned)w->n);
        put16(h + 10, (unsigned)w->n);
        put32(h + 12, w->pos - cdoff);
        put32(h + 16, cdoff);
        put16(h + 20, 0u);
        zw_write(w, h, ZIP_EHDR);
    }
    rc = w->failed ? -1 : 0;
    if (size)
        *size = w->pos;
    zw_free(w);
    return rc;
}

/* ================================================================ */
/* the MANIFEST */

static size_t zip_hex8(unsigned long v, unsigned char *out)
{
    int i;
    for (i = 7; i >= 0; i--) {
        unsigned d = (unsigned)(v & 0xFul);
        out[i] = (unsigned char)(d < 10 ? A_0 + d : A_A + d - 10);
        v >>= 4;
    }
    return 8;
}

static size_t zip_dec(unsigned long v, unsigned char *out)
{
    unsigned char t[24];
    size_t n = 0, i;
    do {
        t[n++] = (unsigned char)(A_0 + v % 10ul);
        v /= 10ul;
    } while (v);
    for (i = 0; i < n; i++)
        out[i] = t[n - 1 - i];
    return n;
}

size_t hm_zip_mfline(const char *name, unsigned long size,
                     unsigned long crc, unsigned char *out)
{
    hm_mf_tab t;
    size_t n;
    hm_mf_tables(&t);
    if (!name) {
        n = hm_mf_asc(&t, HM_ZIP_MFHDR, out, 64);
    } else {
        n = hm_mf_asc(&t, name, out, strlen(name));
        out[n++] = A_COMMA;
        n += zip_dec(size, out + n);
        out[n++] = A_COMMA;
        n += zip_hex8(crc, out + n);
    }
    out[n++] = A_CR;
    out[n++] = A_LF;
    return n;
}

/* ================================================================ */
/* reading */

typedef struct zr_ent {
    const unsigned char *aname;     /* in the image */
    size_t alen;
    char *name;                     /* execution character set */
    unsigned long crc, csize, size, loff, doff;
    int method;
    int bad;                        /* reported; data not usable */
    int verified;
    int listed;
    int dup;                        /* a second member of that name */
    unsigned long acrc, asize;      /* found by hm_zipr_verify */
} zr_ent;

struct hm_zipr {
    hm_alloc al;
    const unsigned char *z;
    unsigned long size;
    const char *zname;
    hm_log *log;
    hm_mf_tab tab;
    zr_ent *e;
    unsigned long n;
    unsigned long errors;
    unsigned char buf[ZIP_BUF];
};

static void zr_err(hm_zipr *r, int id, const char *a2, const char *a3,
                   const char *a4)
{
    const char *a[4];
    a[0] = r->zname;
    a[1] = a2;
    a[2] = a3;
    a[3] = a4;
    if (hm_msg(r->log, id, a, 4) >= HM_SEV_E)
        r->errors++;
}

static void zr_oerr(hm_zipr *r, int id, unsigned long off,
                    const char *a3, const char *a4)
{
    char b[24];
    zr_err(r, id, hm_fmt_ulong(off, b), a3, a4);
}

/* PC bytes for a message, in the execution character set */
static const char *zr_show(const hm_zipr *r, const unsigned char *s,
                           size_t n, char *buf, size_t cap)
{
    size_t i, k = 0;
    for (i = 0; i < n && k + 4 < cap; i++) {
        unsigned char c = s[i];
        buf[k++] = (char)(c >= 0x20 && c < 0x7F && r->tab.to_exe[c]
                          ? r->tab.to_exe[c] : r->tab.to_exe[A_QMARK]);
    }
    if (i < n) {
        buf[k++] = r->tab.to_exe[0x2E];
        buf[k++] = r->tab.to_exe[0x2E];
        buf[k++] = r->tab.to_exe[0x2E];
    }
    buf[k] = 0;
    return buf;
}

void hm_zipr_close(hm_zipr *r)
{
    unsigned long i;
    if (!r)
        return;
    for (i = 0; i < r->n; i++)
        if (r->e[i].name)
            HM_FREE(&r->al, r->e[i].name);
    if (r->e)
        HM_FREE(&r->al, r->e);
    HM_FREE(&r->al, r);
}

/* the end record: its offset, or -1 */
static long zr_findend(const hm_zipr *r)
{
    unsigned long p, lo;
    if (r->size < ZIP_EHDR)
        return -1;
    p = r->size - ZIP_EHDR;
    lo = p > 65535ul ? p - 65535ul : 0ul;
    for (;;) {
        if (get32(r->z + p) == ZIP_END
            && p + ZIP_EHDR + get16(r->z + p + 20) == r->size)
            return (long)p;
        if (p == lo)
            break;
        p--;
    }
    return -1;
}

static int zr_local(hm_zipr *r, zr_ent *e, unsigned long cdoff, int flags)
{
    const unsigned char *h;
    unsigned long ln, lx;
    char sb[80];
    const char *nm = e->name;
    if (e->loff > cdoff || cdoff - e->loff < ZIP_LHDR) {
        zr_oerr(r, HMM_ZIPLOCAL, e->loff, nm, "it lies outside the file");
        return -1;
    }
    h = r->z + e->loff;
    ln = get16(h + 26);
    lx = get16(h + 28);
    if (get32(h) != ZIP_LOCAL) {
        zr_oerr(r, HMM_ZIPLOCAL, e->loff, nm, "no local header there");
        return -1;
    }
    if (cdoff - e->loff - ZIP_LHDR < ln + lx) {
        zr_oerr(r, HMM_ZIPLOCAL, e->loff, nm, "its name runs past the "
                "data area");
        return -1;
    }
    if (ln != e->alen || memcmp(h + ZIP_LHDR, e->aname, e->alen) != 0) {
        zr_oerr(r, HMM_ZIPLOCAL, e->loff, nm,
                zr_show(r, h + ZIP_LHDR, (size_t)ln, sb, 40));
        return -1;
    }
    e->doff = e->loff + ZIP_LHDR + ln + lx;
    if (e->csize > cdoff - e->doff) {
        zr_oerr(r, HMM_ZIPLOCAL, e->loff, nm, "its data runs into the "
                "central directory");
        return -1;
    }
    if (!(flags & 8) && (get32(h + 14) != e->crc
                         || get32(h + 18) != e->csize
                         || get32(h + 22) != e->size
                         || get16(h + 8) != (unsigned)e->method)) {
        zr_oerr(r, HMM_ZIPLOCAL, e->loff, nm, "it does not agree with "
                "the central directory");
        return -1;
    }
    return 0;
}

hm_zipr *hm_zipr_open(const hm_alloc *a, const unsigned char *zip,
                      unsigned long size, const char *zname,
                      hm_log *log)
{
    hm_zipr *r = (hm_zipr *)HM_ALLOC(a, sizeof *r);
    long endp;
    const unsigned char *eh;
    unsigned long n, cdsize, cdoff, off, i, k;
    char b[24];
    if (!r) {
        hm_msg1(log, HMM_NOSTOR, zname);
        return 0;
    }
    memset(r, 0, sizeof *r - sizeof r->buf);
    r->al = *a;
    r->z = zip;
    r->size = size;
    r->zname = zname;
    r->log = log;
    hm_mf_tables(&r->tab);
    endp = zr_findend(r);
    if (endp < 0) {
        zr_err(r, HMM_ZIPEOCD, 0, 0, 0);
        hm_zipr_close(r);
        return 0;
    }
    eh = zip + endp;
    n = get16(eh + 10);
    cdsize = get32(eh + 12);
    cdoff = get32(eh + 16);
    if (n == 0xFFFFul || cdsize == ZIP_MAX || cdoff == ZIP_MAX) {
        zr_err(r, HMM_ZIPUNSUP, "the archive", "ZIP64", 0);
        hm_zipr_close(r);
        return 0;
    }
    if (get16(eh + 4) != 0 || get16(eh + 6) != 0
        || get16(eh + 8) != n) {
        zr_err(r, HMM_ZIPUNSUP, "the archive", "several disks", 0);
        hm_zipr_close(r);
        return 0;
    }
    if (cdoff > (unsigned long)endp
        || cdsize > (unsigned long)endp - cdoff) {
        zr_oerr(r, HMM_ZIPDIR, (unsigned long)endp,
                "it lies outside the file", 0);
        hm_zipr_close(r);
        return 0;
    }
    r->e = (zr_ent *)HM_ALLOC(a, (size_t)(n + 1ul) * sizeof *r->e);
    if (!r->e) {
        hm_msg1(log, HMM_NOSTOR, zname);
        hm_zipr_close(r);
        return 0;
    }
    memset(r->e, 0, (size_t)(n + 1ul) * sizeof *r->e);
    off = cdoff;
    for (i = 0; i < n; i++) {
        const unsigned char *h = zip + off;
        zr_ent *e = &r->e[i];
        unsigned long nl, xl, cl, end = cdoff + cdsize;
        int flags;
        if (end - off < ZIP_CHDR || get32(h) != ZIP_CENTRAL) {
            zr_oerr(r, HMM_ZIPDIR, off, "no entry there", 0);
            hm_zipr_close(r);
            return 0;
        }
        nl = get16(h + 28);
        xl = get16(h + 30);
        cl = get16(h + 32);
        if (end - off - ZIP_CHDR < nl + xl + cl) {
            zr_oerr(r, HMM_ZIPDIR, off, "it runs past the directory", 0);
            hm_zipr_close(r);
            return 0;
        }
        r->n = i + 1ul;
        flags = (int)get16(h + 8);
        e->method = (int)get16(h + 10);
        e->crc = get32(h + 16);
        e->csize = get32(h + 20);
        e->size = get32(h + 24);
        e->loff = get32(h + 42);
        e->aname = h + ZIP_CHDR;
        e->alen = (size_t)nl;
        e->name = (char *)HM_ALLOC(a, (size_t)nl + 1);
        if (!e->name) {
            hm_msg1(log, HMM_NOSTOR, zname);
            hm_zipr_close(r);
            return 0;
        }
        for (k = 0; k < nl; k++) {
            unsigned char c = e->aname[k];
            e->name[k] = (char)(c >= 0x20 && c < 0x7F && r->tab.to_exe[c]
                                ? r->tab.to_exe[c]
                                : r->tab.to_exe[A_QMARK]);
        }
        e->name[nl] = 0;
        off += ZIP_CHDR + nl + xl + cl;
        if (flags & 1) {
            zr_err(r, HMM_ZIPUNSUP, e->name, "encryption", 0);
            e->bad = 1;
        } else if (e->method != HM_ZIP_STORED
                   && e->method != HM_ZIP_DEFLATED) {
            zr_err(r, HMM_ZIPUNSUP, e->name, "a compression method "
                   "other than stored or deflated",
                   hm_fmt_ulong((unsigned long)e->method, b));
            e->bad = 1;
        } else if (e->method == HM_ZIP_STORED && e->csize != e->size) {
            zr_oerr(r, HMM_ZIPDIR, off, "a stored member whose sizes "
                    "differ", 0);
            e->bad = 1;
        } else if (nl == 0) {
            zr_oerr(r, HMM_ZIPDIR, off, "a member without a name", 0);
            e->bad = 1;
        } else if (zr_local(r, e, cdoff, flags) != 0) {
            e->bad = 1;
        }
        for (k = 0; k < i; k++)
            if (eqnc(r->e[k].aname, r->e[k].alen, e->aname, e->alen)) {
                zr_err(r, HMM_ZIPDUP, e->name, 0, 0);
                e->bad = e->dup = 1;
                break;
            }
    }
    if (off != cdoff + cdsize) {
        zr_oerr(r, HMM_ZIPDIR, off, "the directory size does not match "
                "its entries", 0);
    }
    return r;
}

unsigned long hm_zipr_count(const hm_zipr *r)
{
    return r->n;
}

const char *hm_zipr_name(const hm_zipr *r, unsigned long i)
{
    return i < r->n ? r->e[i].name : 0;
}

unsigned long hm_zipr_size(const hm_zipr *r, unsigned long i)
{
    return i < r->n ? r->e[i].size : 0ul;
}

static long zr_afind(const hm_zipr *r, const unsigned char *a, size_t n)
{
    unsigned long i;
    for (i = 0; i < r->n; i++)
        if (r->e[i].alen == n && memcmp(r->e[i].aname, a, n) == 0)
            return (long)i;
    for (i = 0; i < r->n; i++)
        if (eqnc(r->e[i].aname, r->e[i].alen, a, n))
            return (long)i;
    return -1;
}

long hm_zipr_find(const hm_zipr *r, const char *name)
{
    unsigned char a[256];
    size_t n = strlen(name);
    if (n > sizeof a)
        return -1;
    n = hm_mf_asc(&r->tab, name, a, n);
    return zr_afind(r, a, n);
}

/* reading one member */
typedef struct zr_rd {
    hm_memsrc src;
    hm_zinf *inf;
    unsigned long left;         /* bytes the directory promises */
} zr_rd;

static long zr_read(void *ctx, unsigned char *buf, size_t n)
{
    zr_rd *d = (zr_rd *)ctx;
    long k;
    if ((unsigned long)n > d->left)
        n = (size_t)d->left;
    if (n == 0)
        return 0;
    k = d->inf ? hm_zinf_read(d->inf, buf, n)
        : hm_memsrc_read(&d->src, buf, n);
    if (k > 0)
        d->left -= (unsigned long)k;
    return k;
}

int hm_zipr_mopen(hm_zipr *r, unsigned long i, hm_read_fn *fn,
                  void **ctx)
{
    zr_rd *d;
    const zr_ent *e;
    if (i >= r->n)
        return -1;
    e = &r->e[i];
    d = (zr_rd *)HM_ALLOC(&r->al, sizeof *d);
    if (!d)
        return -1;
    memset(d, 0, sizeof *d);
    hm_memsrc_init(&d->src, e->bad ? r->z : r->z + e->doff,
                   e->bad ? 0 : (size_t)e->csize);
    d->left = e->bad ? 0ul : e->size;
    if (e->method == HM_ZIP_DEFLATED && !e->bad) {
        d->inf = hm_zinf_open(&r->al, hm_memsrc_read, &d->src);
        if (!d->inf) {
            HM_FREE(&r->al, d);
            return -1;
        }
    }
    *fn = zr_read;
    *ctx = d;
    return 0;
}

void hm_zipr_mclose(hm_zipr *r, void *ctx)
{
    zr_rd *d = (zr_rd *)ctx;
    if (!d)
        return;
    hm_zinf_close(d->inf);
    HM_FREE(&r->al, d);
}

/* inflate member e and compare it with the central directory */
static void zr_check(hm_zipr *r, zr_ent *e)
{
    hm_memsrc src;
    hm_zinf *inf = 0;
    unsigned long crc = 0, size = 0;
    long k;
    char b1[24], b2[24];
    hm_memsrc_init(&src, r->z + e->doff, (size_t)e->csize);
    if (e->method == HM_ZIP_DEFLATED) {
        inf = hm_zinf_open(&r->al, hm_memsrc_read, &src);
        if (!inf) {
            hm_msg1(r->log, HMM_NOSTOR, r->zname);
            r->errors++;
            e->bad = 1;
            return;
        }
    }
    for (;;) {
        size_t want = sizeof r->buf;
        if (size > e->size) {
            break;
        }
        k = inf ? hm_zinf_read(inf, r->buf, want)
            : hm_memsrc_read(&src, r->buf, want);
        if (k <= 0)
            break;
        crc = hm_crc32(crc, r->buf, (size_t)k);
        size += (unsigned long)k;
    }
    e->bad = 1;
    if (inf && hm_zinf_error(inf)) {
        zr_err(r, HMM_ZIPDATA, e->name, hm_zinf_error(inf), 0);
    } else if (size > e->size) {
        zr_err(r, HMM_ZIPLONG, e->name, hm_fmt_ulong(e->size, b1), 0);
    } else if (inf && hm_zinf_used(inf) != e->csize) {
        zr_err(r, HMM_ZIPDATA, e->name, "data after the end of the "
               "deflate stream", 0);
    } else if (crc != e->crc) {
        zr_err(r, HMM_ZIPCRC, e->name, hm_fmt_hex(crc, 8, b1),
               hm_fmt_hex(e->crc, 8, b2));
    } else if (size != e->size) {
        zr_err(r, HMM_ZIPSIZE, e->name, hm_fmt_ulong(size, b1),
               hm_fmt_ulong(e->size, b2));
    } else {
        e->bad = 0;
    }
    e->acrc = crc;
    e->asize = size;
    e->verified = 1;
    hm_zinf_close(inf);
}

/* read the MANIFEST member into storage */
static unsigned char *zr_slurp(hm_zipr *r, zr_ent *e)
{
    hm_read_fn fn;
    void *ctx;
    unsigned char *p;
    unsigned long got = 0;
    long k;
    if (e->size > ZIP_MFMAX) {
        char b[24];
        zr_err(r, HMM_MFLINE, "1", "the MANIFEST is larger than",
               hm_fmt_ulong(ZIP_MFMAX, b));
        return 0;
    }
    p = (unsigned char *)HM_ALLOC(&r->al, (size_t)e->size + 1);
    if (!p || hm_zipr_mopen(r, (unsigned long)(e - r->e), &fn, &ctx)
        != 0) {
        if (p)
            HM_FREE(&r->al, p);
        hm_msg1(r->log, HMM_NOSTOR, r->zname);
        r->errors++;
        return 0;
    }
    while (got < e->size
           && (k = fn(ctx, p + got, (size_t)(e->size - got))) > 0)
        got += (unsigned long)k;
    hm_zipr_mclose(r, ctx);
    return p;
}

static int zr_num(const unsigned char *s, size_t n, int hex,
                  unsigned long *v)
{
    size_t i;
    *v = 0;
    if (n == 0 || n > (hex ? 8u : 10u) || (hex && n != 8))
        return -1;
    for (i = 0; i < n; i++) {
        unsigned c = s[i], d;
        if (c >= A_0 && c <= A_9)
            d = c - A_0;
        else if (hex && c >= A_A && c <= A_F)
            d = c - A_A + 10;
        else if (hex && c >= A_a && c <= A_f)
            d = c - A_a + 10;
        else
            return -1;
        if (!hex && (*v > 429496729ul
                     || (*v == 429496729ul && d > 5)))
            return -1;
        *v = *v * (hex ? 16ul : 10ul) + d;
    }
    return 0;
}

static void zr_manifest(hm_zipr *r, zr_ent *m)
{
    unsigned char *p = zr_slurp(r, m), hdr[64];
    size_t at = 0, n = (size_t)m->size, hl;
    unsigned long line = 0, i;
    char b1[24], b2[24], sb[80];
    if (!p)
        return;
    hl = hm_mf_asc(&r->tab, HM_ZIP_MFHDR, hdr, sizeof hdr);
    while (at < n) {
        size_t s = at, e, c1, c2;
        unsigned long size, crc;
        long k;
        while (at < n && p[at] != A_LF)
            at++;
        e = at;
        if (at < n)
            at++;
        if (e > s && p[e - 1] == A_CR)
            e--;
        line++;
        hm_fmt_ulong(line, b1);
        if (line == 1) {
            if (!eqnc(p + s, e - s, hdr, hl))
                zr_err(r, HMM_MFLINE, b1,
                       zr_show(r, p + s, e - s, sb, 60), 0);
            continue;
        }
        if (e == s)
            continue;
        for (c1 = s; c1 < e && p[c1] != A_COMMA; c1++)
            ;
        for (c2 = c1 + 1; c2 < e && p[c2] != A_COMMA; c2++)
            ;
        if (c1 >= e || c2 >= e || c1 == s
            || zr_num(p + c1 + 1, c2 - c1 - 1, 0, &size) != 0
            || zr_num(p + c2 + 1, e - c2 - 1, 1, &crc) != 0
            || eqnc(p + s, c1 - s, m->aname, m->alen)) {
            zr_err(r, HMM_MFLINE, b1, zr_show(r, p + s, e - s, sb, 60),
                   0);
            continue;
        }
        k = zr_afind(r, p + s, c1 - s);
        if (k < 0) {
            zr_err(r, HMM_MFMISSING, zr_show(r, p + s, c1 - s, sb, 60),
                   0, 0);
            continue;
        }
        if (r->e[k].listed) {
            zr_err(r, HMM_MFDUP, b1, r->e[k].name, 0);
            continue;
        }
        r->e[k].listed = 1;
        if (r->e[k].bad)
            continue;       /* already reported */
        if (r->e[k].asize != size)
            zr_err(r, HMM_MFSIZE, r->e[k].name,
                   hm_fmt_ulong(r->e[k].asize, b1),
                   hm_fmt_ulong(size, b2));
        else if (r->e[k].acrc != crc)
            zr_err(r, HMM_MFCRC, r->e[k].name,
                   hm_fmt_hex(r->e[k].acrc, 8, b1), hm_fmt_hex(crc, 8, b2));
    }
    if (line == 0)
        zr_err(r, HMM_MFLINE, "1", "(empty)", 0);
    HM_FREE(&r->al, p);
    for (i = 0; i < r->n; i++)
        if (!r->e[i].listed && !r->e[i].dup && &r->e[i] != m)
            zr_err(r, HMM_MFEXTRA, r->e[i].name, 0, 0);
}

unsigned long hm_zipr_verify(hm_zipr *r)
{
    unsigned long i;
    long m;
    unsigned char mn[16];
    size_t ml;
    for (i = 0; i < r->n; i++)
        if (!r->e[i].bad && !r->e[i].verified)
            zr_check(r, &r->e[i]);
    ml = hm_mf_asc(&r->tab, HM_ZIP_MANIFEST, mn, sizeof mn);
    m = zr_afind(r, mn, ml);
    if (m < 0)
        zr_err(r, HMM_MFNONE, 0, 0, 0);
    else if (!r->e[m].bad)
        zr_manifest(r, &r->e[m]);
    return r->errors;
}
