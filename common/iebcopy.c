/*
 * iebcopy.c - IEBCOPY unload reader (see hm_cont.h).
 *
 * An unload is a sequence of records:
 *   COPYR1   eye-catcher X'CA6D0F' at offset 1 (offset 9 when an
 *            8-byte BDW+SDW prefix is present): DSORG, BLKSIZE,
 *            LRECL, RECFM of the PDS, device data (tracks per
 *            cylinder at offset 26), number of header records (36)
 *   COPYR2   the last 16 bytes of the DEB basic section, then 16
 *            extent entries of 16 bytes (start CC HH, end CC HH and
 *            tracks at offsets 6, 8, 10, 12, 14)
 *   then a byte stream of blocks, each with a 12-byte header
 *   F M BB CC HH R KL DL (M = extent number), KL key bytes and DL
 *   data bytes. First the directory blocks (key 8, data 256), ended
 *   by an entry named X'FF..FF' and a header with KL = DL = 0; then
 *   the member data, each member's blocks ended by such a header.
 * Member data is matched to the directory by TTR (relative track
 * computed from CC HH and the extents, record number R); if that
 * does not fit, by order of TTR, as IEBCOPY unloads in TTR order.
 */
#include <string.h>
#include "hm_cont.h"

#define IEB_DEFMAX (256ul * 1024ul * 1024ul)
#define NO_GROUP ((unsigned long)-1)

typedef struct ieb_ext {
    unsigned long scc, shh, ecc, ehh, ntrk;
} ieb_ext;

typedef struct ieb_grp {
    size_t start, end;
    unsigned long ttr;
    int ttr_ok;
    unsigned long nblocks, nbytes;
    int used;
} ieb_grp;

struct hm_ieb {
    const hm_alloc *a;
    hm_log *log;
    const char *fname;
    unsigned long max;
    int failed, finished;
    unsigned long nrec;
    int prefix;
    unsigned char r1[64];
    size_t r1len;
    unsigned char r2[276];
    size_t r2len;
    unsigned long hdrrecs;
    unsigned char *data;
    size_t dlen, dcap;
    /* parsed */
    unsigned recfm, dsorg;
    unsigned long lrecl, blksize, trkcyl;
    int pdse;
    ieb_ext ext[16];
    unsigned next;
    hm_ieb_member *mem;
    unsigned long nmem, memcap;
    unsigned long *mgrp;
    ieb_grp *grp;
    unsigned long ngrp, grpcap;
};

static const unsigned char ff8[8] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF
};

static unsigned long be2(const unsigned char *p)
{
    return ((unsigned long)p[0] << 8) | p[1];
}

static unsigned long be3(const unsigned char *p)
{
    return ((unsigned long)p[0] << 16) | ((unsigned long)p[1] << 8) |
           p[2];
}

static unsigned long be4(const unsigned char *p)
{
    return ((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) |
           ((unsigned long)p[2] << 8) | p[3];
}

static void *ib_alloc(hm_ieb *b, size_t n)
{
    void *p = HM_ALLOC(b->a, n);
    if (!p) {
        hm_msg1(b->log, HMM_NOSTOR, b->fname);
        b->failed = 1;
    }
    return p;
}

hm_ieb *hm_ieb_open(const hm_alloc *a, hm_log *log, const char *fname,
                    unsigned long max_bytes)
{
    hm_ieb *b = (hm_ieb *)HM_ALLOC(a, sizeof *b);
    if (!b) {
        hm_msg1(log, HMM_NOSTOR, fname);
        return 0;
    }
    memset(b, 0, sizeof *b);
    b->a = a;
    b->log = log;
    b->fname = fname;
    b->max = max_bytes ? max_bytes : IEB_DEFMAX;
    b->hdrrecs = 2;
    return b;
}

static int has_prefix(const unsigned char *d, size_t n)
{
    return n >= 8 && be2(d) == n && d[2] == 0 && d[3] == 0 &&
           be2(d + 4) == n - 4;
}

static int append(hm_ieb *b, const unsigned char *d, size_t n)
{
    if (n == 0)
        return 0;   /* nothing to keep; b->data may still be NULL */
    if (b->dlen + n > b->max || b->dlen + n < b->dlen) {
        char t[24];
        hm_msg2(b->log, HMM_IEBBIG, b->fname, hm_fmt_ulong(b->max, t));
        b->failed = 1;
        return -1;
    }
    if (b->dlen + n > b->dcap) {
        size_t cap = b->dcap ? b->dcap : 65536;
        unsigned char *p;
        while (cap < b->dlen + n)
            cap *= 2;
        if (cap > b->max)
            cap = b->max;
        p = (unsigned char *)ib_alloc(b, cap);
        if (!p)
            return -1;
        if (b->dlen)
            memcpy(p, b->data, b->dlen);
        HM_FREE(b->a, b->data);
        b->data = p;
        b->dcap = cap;
    }
    memcpy(b->data + b->dlen, d, n);
    b->dlen += n;
    return 0;
}

int hm_ieb_feed(hm_ieb *b, const unsigned char *d, size_t n)
{
    if (b->failed)
        return -1;
    b->nrec++;
    if (b->nrec == 1) {
        if (n >= 4 && d[1] == 0xCA && d[2] == 0x6D && d[3] == 0x0F) {
            b->prefix = 0;
        } else if (n >= 12 && d[9] == 0xCA && d[10] == 0x6D &&
                   d[11] == 0x0F) {
            b->prefix = 1;
            d += 8;
            n -= 8;
        } else {
            hm_msg1(b->log, HMM_IEBNOR1, b->fname);
            b->failed = 1;
            return -1;
        }
        b->r1len = n > sizeof b->r1 ? sizeof b->r1 : n;
        memcpy(b->r1, d, b->r1len);
        if (b->r1len >= 38) {
            unsigned long h = be2(b->r1 + 36);
            if (h >= 2 && h < 100)
                b->hdrrecs = h;
        }
        return 0;
    }
    if (b->prefix && has_prefix(d, n)) {
        d += 8;
        n -= 8;
    }
    if (b->nrec == 2) {
        b->r2len = n > sizeof b->r2 ? sizeof b->r2 : n;
        memcpy(b->r2, d, b->r2len);
        return 0;
    }
    if (b->nrec <= b->hdrrecs)
        return 0; /* further header records (PDSE) */
    return append(b, d, n);
}

/* ------------------------------------------------------------------
 * directory
 */
static int bcd2(unsigned v, unsigned *out)
{
    if ((v >> 4) > 9 || (v & 15) > 9)
        return -1;
    *out = (v >> 4) * 10 + (v & 15);
    return 0;
}

static void put2(char *o, unsigned v)
{
    static const char dg[] = "0123456789";
    o[0] = dg[(v / 10) % 10];
    o[1] = dg[v % 10];
}

/* Packed date 0C YY DD DF (C: century, 0 = 19xx) to "YYYY-MM-DD". */
static int ispf_date(const unsigned char *p, char *out)
{
    static const unsigned mdays[12] = {
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };
    unsigned yy, d1, d3, year, ddd, m;
    if (p[0] > 9 || bcd2(p[1], &yy) < 0 || bcd2(p[2], &d1) < 0 ||
        (p[3] >> 4) > 9)
        return -1;
    d3 = p[3] >> 4;
    ddd = d1 * 10 + d3;
    year = 1900 + p[0] * 100 + yy;
    if (ddd < 1 || ddd > 366)
        return -1;
    for (m = 0; m < 12; m++) {
        unsigned md = mdays[m];
        if (m == 1 && ((year % 4 == 0 && year % 100 != 0) ||
                       year % 400 == 0))
            md = 29;
        if (ddd <= md)
            break;
        ddd -= md;
    }
    if (m == 12)
        return -1;
    put2(out, year / 100);
    put2(out + 2, year % 100);
    out[4] = '-';
    put2(out + 5, m + 1);
    out[7] = '-';
    put2(out + 8, ddd);
    out[10] = 0;
    return 0;
}

static void decode_ispf(hm_ieb_member *m)
{
    const unsigned char *u = m->user;
    hm_ispf *s = &m->ispf;
    unsigned hh, mi, ss;
    m->has_ispf = 0;
    if (m->nuser < 30)
        return;
    memset(s, 0, sizeof *s);
    s->ver = u[0];
    s->mod = u[1];
    s->flags = u[2];
    if (bcd2(u[3], &ss) < 0 || bcd2(u[12], &hh) < 0 ||
        bcd2(u[13], &mi) < 0 || hh > 23 || mi > 59 || ss > 59)
        return;
    if (ispf_date(u + 4, s->created) < 0 ||
        ispf_date(u + 8, s->changed) < 0)
        return;
    s->changed[10] = ' ';
    put2(s->changed + 11, hh);
    s->changed[13] = ':';
    put2(s->changed + 14, mi);
    s->changed[16] = ':';
    put2(s->changed + 17, ss);
    s->changed[19] = 0;
    s->lines = be2(u + 14);
    s->init = be2(u + 16);
    s->modified = be2(u + 18);
    hm_cont_e2x(u + 20, 8, s->user, sizeof s->user);
    if ((s->flags & 0x10) && m->nuser >= 40) {
        s->lines = be4(u + 28);
        s->init = be4(u + 32);
        s->modified = be4(u + 36);
    }
    m->has_ispf = 1;
}

static void dir_msg(hm_ieb *b, size_t off, const char *what)
{
    char o[24];
    hm_msg3(b->log, HMM_IEBDIR, b->fname, hm_fmt_ulong(off, o), what);
}

static int add_member(hm_ieb *b, const unsigned char *e, unsigned ud)
{
    hm_ieb_member *m;
    unsigned long i;
    for (i = 0; i < b->nmem; i++)
        if (memcmp(b->mem[i].name_e, e, 8) == 0) {
            char nm[9];
            hm_cont_e2x(e, 8, nm, sizeof nm);
            hm_msg2(b->log, HMM_IEBDUP, b->fname, nm);
            return 0;
        }
    if (b->nmem == b->memcap) {
        unsigned long cap = b->memcap ? b->memcap * 2 : 32;
        hm_ieb_member *nm =
            (hm_ieb_member *)ib_alloc(b, cap * sizeof *nm);
        if (!nm)
            return -1;
        if (b->nmem)
            memcpy(nm, b->mem, b->nmem * sizeof *nm);
        HM_FREE(b->a, b->mem);
        b->mem = nm;
        b->memcap = cap;
    }
    m = &b->mem[b->nmem++];
    memset(m, 0, sizeof *m);
    memcpy(m->name_e, e, 8);
    hm_cont_e2x(e, 8, m->name, sizeof m->name);
    m->ttr = be3(e + 8);
    m->is_alias = (e[11] & 0x80) != 0;
    m->nuser = ud;
    memcpy(m->user, e + 12, ud);
    if ((e[11] & 0x60) == 0)
        decode_ispf(m);
    return 0;
}

/* One directory block's data (256 bytes). Returns 1 when the end
 * entry was found, 0 otherwise, -1 out of storage. */
static int dir_block(hm_ieb *b, const unsigned char *d, size_t off)
{
    unsigned long used = be2(d);
    size_t q = 2;
    if (used < 2 || used > 256) {
        dir_msg(b, off, "the used length is not between 2 and 256");
        return 0;
    }
    while (q < used) {
        unsigned ud;
        if (q + 8 <= used && memcmp(d + q, ff8, 8) == 0)
            return 1;
        if (q + 12 > used) {
            dir_msg(b, off, "an entry overruns the used length");
            return 0;
        }
        ud = (d[q + 11] & 0x1Fu) * 2u;
        if (q + 12 + ud > used) {
            dir_msg(b, off, "an entry overruns the used length");
            return 0;
        }
        if (add_member(b, d + q, ud) < 0)
            return -1;
        q += 12 + ud;
    }
    return 0;
}

/* ------------------------------------------------------------------
 * member data
 */
static int add_group(hm_ieb *b, size_t start)
{
    ieb_grp *g;
    if (b->ngrp == b->grpcap) {
        unsigned long cap = b->grpcap ? b->grpcap * 2 : 32;
        ieb_grp *ng = (ieb_grp *)ib_alloc(b, cap * sizeof *ng);
        if (!ng)
            return -1;
        if (b->ngrp)
            memcpy(ng, b->grp, b->ngrp * sizeof *ng);
        HM_FREE(b->a, b->grp);
        b->grp = ng;
        b->grpcap = cap;
    }
    g = &b->grp[b->ngrp++];
    memset(g, 0, sizeof *g);
    g->start = start;
    g->end = start;
    return 0;
}

/* TTR of the block whose header is at h, from the extents. */
static int block_ttr(const hm_ieb *b, const unsigned char *h,
                     unsigned long *ttr)
{
    unsigned m = h[1], i;
    unsigned long cc = be2(h + 4), hh = be2(h + 6), rel = 0;
    unsigned long at, s, e;
    const ieb_ext *x;
    if (b->trkcyl == 0 || m >= b->next)
        return 0;
    for (i = 0; i < m; i++)
        rel += b->ext[i].ntrk;
    x = &b->ext[m];
    at = cc * b->trkcyl + hh;
    s = x->scc * b->trkcyl + x->shh;
    e = x->ecc * b->trkcyl + x->ehh;
    if (at < s || at > e || at - s >= x->ntrk)
        return 0;
    rel += at - s;
    if (rel > 0xFFFFul)
        return 0;
    *ttr = (rel << 8) | h[8];
    return 1;
}

static void match_members(hm_ieb *b)
{
    unsigned long i, j, matched = 0, extra = 0;
    int geometry = 1;
    for (j = 0; j < b->ngrp; j++)
        if (!b->grp[j].ttr_ok)
            geometry = 0;
    for (i = 0; i < b->nmem; i++) {
        b->mgrp[i] = NO_GROUP;
        for (j = 0; j < b->ngrp; j++)
            if (b->grp[j].ttr_ok && b->grp[j].ttr == b->mem[i].ttr) {
                b->mgrp[i] = j;
                matched++;
                break;
            }
    }
    /* TTRs computed from the extents are trusted when every group has
     * one and some member fits; otherwise match by order */
    if (b->ngrp && (!geometry || matched == 0)) {
        /* by order: the k-th smallest distinct TTR gets group k */
        unsigned long k = 0, last = 0;
        int have = 0;
        hm_msg1(b->log, HMM_IEBORDER, b->fname);
        for (i = 0; i < b->nmem; i++)
            b->mgrp[i] = NO_GROUP;
        for (;;) {
            unsigned long best = 0;
            int found = 0;
            for (i = 0; i < b->nmem; i++) {
                unsigned long t = b->mem[i].ttr;
                if (have && t <= last)
                    continue;
                if (!found || t < best) {
                    best = t;
                    found = 1;
                }
            }
            if (!found || k >= b->ngrp)
                break;
            for (i = 0; i < b->nmem; i++)
                if (b->mem[i].ttr == best)
                    b->mgrp[i] = k;
            k++;
            last = best;
            have = 1;
        }
    }
    for (j = 0; j < b->ngrp; j++)
        b->grp[j].used = 0;
    for (i = 0; i < b->nmem; i++) {
        hm_ieb_member *m = &b->mem[i];
        if (b->mgrp[i] != NO_GROUP) {
            ieb_grp *g = &b->grp[b->mgrp[i]];
            g->used = 1;
            m->has_data = 1;
            m->nblocks = g->nblocks;
            m->nbytes = g->nbytes;
        } else {
            char t[24];
            hm_msg3(b->log, HMM_IEBNODATA, b->fname, m->name,
                    hm_fmt_hex(m->ttr, 6, t));
        }
        if (m->is_alias)
            for (j = 0; j < b->nmem; j++)
                if (!b->mem[j].is_alias && b->mem[j].ttr == m->ttr) {
                    m->alias_of = b->mem[j].name;
                    break;
                }
    }
    for (j = 0; j < b->ngrp; j++)
        if (!b->grp[j].used)
            extra++;
    if (extra) {
        char t[24];
        hm_msg2(b->log, HMM_IEBEXTRA, b->fname, hm_fmt_ulong(extra, t));
    }
}

static void hdr_msg(hm_ieb *b, size_t off, const char *what)
{
    char o[24];
    hm_msg3(b->log, HMM_IEBHDR, b->fname, hm_fmt_ulong(off, o), what);
}

int hm_ieb_finish(hm_ieb *b)
{
    size_t pos = 0;
    int in_dir = 1, dir_end = 0, in_grp = 0;
    unsigned i;
    if (b->finished)
        return b->failed ? -1 : 0;
    b->finished = 1;
    if (b->failed)
        return -1;
    if (b->nrec == 0) {
        hm_msg1(b->log, HMM_IEBNOR1, b->fname);
        b->failed = 1;
        return -1;
    }
    if (b->nrec < 2) {
        char t[24];
        hm_msg2(b->log, HMM_IEBNOR2, b->fname, hm_fmt_ulong(0, t));
        b->failed = 1;
        return -1;
    }
    if (b->r1len >= 11) {
        b->dsorg = (unsigned)be2(b->r1 + 4);
        b->blksize = be2(b->r1 + 6);
        b->lrecl = be2(b->r1 + 8);
        b->recfm = b->r1[10];
    }
    if (b->r1len >= 28)
        b->trkcyl = be2(b->r1 + 26);
    b->pdse = (b->r1[0] & 0x01) != 0;
    if (b->pdse)
        hm_msg1(b->log, HMM_IEBPDSE, b->fname);
    for (i = 0; i < 16 && 16 + 16 * (size_t)(i + 1) <= b->r2len; i++) {
        const unsigned char *e = b->r2 + 16 + 16 * i;
        ieb_ext *x = &b->ext[i];
        x->scc = be2(e + 6);
        x->shh = be2(e + 8);
        x->ecc = be2(e + 10);
        x->ehh = be2(e + 12);
        x->ntrk = be2(e + 14);
        if (x->ntrk == 0)
            break;
    }
    b->next = i;

    while (pos < b->dlen) {
        const unsigned char *h = b->data + pos;
        size_t kl, dl;
        if (b->dlen - pos < 12) {
            if (in_grp) {
                char o[24];
                hm_msg2(b->log, HMM_IEBTRUNC, b->fname,
                        hm_fmt_ulong(pos, o));
            } else if (!in_dir) {
                /* trailing bytes after the last member: ignored when
                 * they are zeros (padding) */
                size_t z;
                for (z = pos; z < b->dlen && b->data[z] == 0; z++)
                    ;
                if (z < b->dlen)
                    hdr_msg(b, pos, "an incomplete block header");
            } else {
                hdr_msg(b, pos, "an incomplete block header");
            }
            break;
        }
        kl = h[9];
        dl = (size_t)be2(h + 10);
        if (kl == 0 && dl == 0) {
            if (in_dir) {
                if (!dir_end)
                    hm_msg1(b->log, HMM_IEBNODIREND, b->fname);
                in_dir = 0;
            } else if (in_grp) {
                b->grp[b->ngrp - 1].end = pos;
                in_grp = 0;
            }
            pos += 12;
            continue;
        }
        if (pos + 12 + kl + dl > b->dlen) {
            if (in_grp || !in_dir) {
                char o[24];
                if (in_grp)
                    b->grp[b->ngrp - 1].end = pos;
                in_grp = 0;
                hm_msg2(b->log, HMM_IEBTRUNC, b->fname,
                        hm_fmt_ulong(pos, o));
            } else {
                hdr_msg(b, pos, "a block runs past the end of the data");
            }
            break;
        }
        if (in_dir && dir_end) {
            /* no end-of-directory header: data starts here */
            in_dir = 0;
        }
        if (in_dir) {
            int k;
            if (kl != 8 || dl != 256) {
                hdr_msg(b, pos, "a directory block is not 8 + 256 "
                        "bytes");
                b->failed = 1;
                break;
            }
            k = dir_block(b, h + 12 + 8, pos);
            if (k < 0)
                return -1;
            if (k > 0)
                dir_end = 1;
        } else {
            ieb_grp *g;
            if (!in_grp) {
                if (add_group(b, pos) < 0)
                    return -1;
                g = &b->grp[b->ngrp - 1];
                g->ttr_ok = block_ttr(b, h, &g->ttr);
                in_grp = 1;
            }
            g = &b->grp[b->ngrp - 1];
            g->nblocks++;
            g->nbytes += (unsigned long)dl;
            g->end = pos + 12 + kl + dl;
        }
        pos += 12 + kl + dl;
    }
    if (in_grp) {
        char o[24];
        hm_msg2(b->log, HMM_IEBTRUNC, b->fname, hm_fmt_ulong(pos, o));
    }
    if (in_dir && !dir_end && !b->failed)
        hm_msg1(b->log, HMM_IEBNODIREND, b->fname);
    if (b->nmem) {
        b->mgrp = (unsigned long *)ib_alloc(b, b->nmem * sizeof *b->mgrp);
        if (!b->mgrp)
            return -1;
        match_members(b);
    }
    return b->failed ? -1 : 0;
}

hm_ieb *hm_nd_read_pds(hm_nd *r, const hm_alloc *a, hm_log *log,
                       const char *fname)
{
    hm_ieb *b = hm_ieb_open(a, log, fname, 0);
    const unsigned char *d;
    size_t n;
    int k;
    if (!b)
        return 0;
    while ((k = hm_nd_next_data(r, &d, &n)) == 1)
        hm_ieb_feed(b, d, n);
    if (k < 0)
        b->failed = 1;
    if (hm_ieb_finish(b) < 0)
        b->failed = 1;
    return b;
}

int hm_ieb_failed(const hm_ieb *b)
{
    return b->failed;
}

unsigned hm_ieb_recfm(const hm_ieb *b)
{
    return b->recfm;
}

unsigned long hm_ieb_lrecl(const hm_ieb *b)
{
    return b->lrecl;
}

unsigned long hm_ieb_blksize(const hm_ieb *b)
{
    return b->blksize;
}

int hm_ieb_is_pdse(const hm_ieb *b)
{
    return b->pdse;
}

unsigned long hm_ieb_count(const hm_ieb *b)
{
    return b->nmem;
}

const hm_ieb_member *hm_ieb_member_at(const hm_ieb *b, unsigned long i)
{
    return i < b->nmem ? &b->mem[i] : 0;
}

long hm_ieb_find(const hm_ieb *b, const char *name)
{
    unsigned long i;
    size_t n = strlen(name);
    while (n > 0 && name[n - 1] == ' ')
        n--;
    for (i = 0; i < b->nmem; i++)
        if (strlen(b->mem[i].name) == n &&
            memcmp(b->mem[i].name, name, n) == 0)
            return (long)i;
    return -1;
}

/* ------------------------------------------------------------------
 * records
 */
int hm_ieb_iter_init(const hm_ieb *b, unsigned long i, int mode,
                     hm_ieb_iter *it)
{
    memset(it, 0, sizeof *it);
    it->b = b;
    it->member = i;
    it->mode = mode;
    if (i >= b->nmem || !b->mgrp || b->mgrp[i] == NO_GROUP)
        return -1;
    it->pos = b->grp[b->mgrp[i]].start;
    it->end = b->grp[b->mgrp[i]].end;
    return 0;
}

static void rdw_msg(const hm_ieb_iter *it, const char *what,
                    unsigned long v)
{
    char o[24], t[24];
    const char *a[5];
    if (it->quiet)
        return;
    a[0] = it->b->fname;
    a[1] = it->b->mem[it->member].name;
    a[2] = hm_fmt_ulong(it->pos, o);
    a[3] = what;
    a[4] = hm_fmt_ulong(v, t);
    hm_msg(it->b->log, HMM_IEBRDW, a, 5);
}

int hm_ieb_iter_next(hm_ieb_iter *it, const unsigned char **d,
                     size_t *n)
{
    const hm_ieb *b = it->b;
    unsigned fmt = b->recfm & 0xC0u;
    *d = 0;
    *n = 0;
    if (!b->data)
        return 0;
    for (;;) {
        if (it->blk && it->bpos < it->blen) {
            size_t left = it->blen - it->bpos;
            if (it->mode == HM_IEB_BLOCKS || fmt == 0xC0u ||
                fmt == 0) {
                *d = it->blk + it->bpos;
                *n = left;
                it->bpos = it->blen;
            } else if (fmt == 0x80u) {
                size_t l = it->b->lrecl ? (size_t)it->b->lrecl : left;
                if (l > left)
                    l = left;
                *d = it->blk + it->bpos;
                *n = l;
                it->bpos += l;
            } else {
                unsigned long ll;
                if (left < 4) {
                    rdw_msg(it, "RDW", left);
                    it->bpos = it->blen;
                    continue;
                }
                ll = be2(it->blk + it->bpos);
                if (ll < 4 || ll > left) {
                    rdw_msg(it, "RDW", ll);
                    it->bpos = it->blen;
                    continue;
                }
                *d = it->blk + it->bpos + 4;
                *n = (size_t)ll - 4;
                it->bpos += (size_t)ll;
            }
            it->recno++;
            return 1;
        }
        if (it->pos + 12 > it->end)
            return 0;
        {
            const unsigned char *h = b->data + it->pos;
            size_t kl = h[9], dl = (size_t)be2(h + 10);
            if (it->pos + 12 + kl + dl > it->end)
                return 0;
            it->blk = h + 12 + kl;
            it->blen = dl;
            it->bpos = 0;
            if (fmt == 0x40u && it->mode == HM_IEB_RECORDS) {
                unsigned long bl = dl >= 4 ? be2(it->blk) : 0;
                if (bl < 4 || bl > dl) {
                    rdw_msg(it, "BDW", bl);
                    it->bpos = it->blen;
                } else {
                    it->blen = (size_t)bl;
                    it->bpos = 4;
                }
            }
            it->pos += 12 + kl + dl;
        }
    }
}

int hm_ieb_member_is_text(const hm_ieb *b, unsigned long i)
{
    hm_ieb_iter it;
    const unsigned char *d;
    size_t n, k, total = 0, bad = 0;
    if ((b->recfm & 0xC0u) == 0xC0u)
        return 0;
    if (hm_ieb_iter_init(b, i, HM_IEB_RECORDS, &it) < 0)
        return 1;
    /* the scan is silent: damage is reported when the data is read */
    it.quiet = 1;
    while (total < 65536ul && hm_ieb_iter_next(&it, &d, &n) == 1) {
        for (k = 0; k < n; k++) {
            unsigned c = d[k];
            if (c == 0xFF || (c < 0x40 && c != 0x05 && c != 0x0C &&
                              c != 0x0D && c != 0x15 && c != 0x25))
                bad++;
        }
        total += n;
    }
    return bad * 100 <= total;
}

/* ------------------------------------------------------------------
 * --info
 */
typedef struct ilb {
    char s[320];
    size_t n;
} ilb;

static void il_s(ilb *b, const char *s)
{
    while (*s && b->n + 1 < sizeof b->s)
        b->s[b->n++] = *s++;
    b->s[b->n] = 0;
}

static void il_u(ilb *b, unsigned long v)
{
    char t[24];
    il_s(b, hm_fmt_ulong(v, t));
}

static void il_pad(ilb *b, size_t col)
{
    while (b->n < col && b->n + 1 < sizeof b->s)
        b->s[b->n++] = ' ';
    b->s[b->n] = 0;
}

void hm_ieb_describe(const hm_ieb *b, hm_line_fn fn, void *ctx)
{
    ilb l;
    char t[48];
    unsigned long i;
    l.n = 0;
    il_s(&l, "  IEBCOPY unload: ");
    il_s(&l, b->pdse ? "PDSE" : "PDS");
    il_s(&l, " DSORG=");
    il_s(&l, hm_nd_dsorg_str(b->dsorg, t));
    il_s(&l, " RECFM=");
    il_s(&l, hm_nd_recfm_str(b->recfm << 8, t));
    il_s(&l, " LRECL=");
    il_u(&l, b->lrecl);
    il_s(&l, " BLKSIZE=");
    il_u(&l, b->blksize);
    il_s(&l, ", ");
    il_u(&l, b->nmem);
    il_s(&l, " members");
    fn(ctx, l.s, l.n);
    for (i = 0; i < b->nmem; i++) {
        const hm_ieb_member *m = &b->mem[i];
        l.n = 0;
        il_s(&l, "    ");
        il_s(&l, m->name);
        il_pad(&l, 14);
        il_s(&l, "TTR ");
        il_s(&l, hm_fmt_hex(m->ttr, 6, t));
        if (m->is_alias) {
            il_s(&l, " alias");
            if (m->alias_of) {
                il_s(&l, " of ");
                il_s(&l, m->alias_of);
            }
        }
        if (m->has_data) {
            il_s(&l, " blocks ");
            il_u(&l, m->nblocks);
            il_s(&l, " bytes ");
            il_u(&l, m->nbytes);
        } else {
            il_s(&l, " (no data)");
        }
        if (m->has_ispf) {
            il_s(&l, " ISPF ");
            put2(t, m->ispf.ver);
            t[2] = '.';
            put2(t + 3, m->ispf.mod);
            t[5] = 0;
            il_s(&l, t);
            il_s(&l, " created ");
            il_s(&l, m->ispf.created);
            il_s(&l, " changed ");
            il_s(&l, m->ispf.changed);
            il_s(&l, " lines ");
            il_u(&l, m->ispf.lines);
            il_s(&l, " init ");
            il_u(&l, m->ispf.init);
            il_s(&l, " mod ");
            il_u(&l, m->ispf.modified);
            il_s(&l, " user ");
            il_s(&l, m->ispf.user);
        } else if (m->nuser) {
            il_s(&l, " user data ");
            il_u(&l, m->nuser);
            il_s(&l, " bytes");
        }
        fn(ctx, l.s, l.n);
    }
}

void hm_ieb_close(hm_ieb *b)
{
    if (!b)
        return;
    HM_FREE(b->a, b->data);
    HM_FREE(b->a, b->mem);
    HM_FREE(b->a, b->mgrp);
    HM_FREE(b->a, b->grp);
    HM_FREE(b->a, b);
}
