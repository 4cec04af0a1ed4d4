/*
 * record.c - the host record reader (see hm_rec.h).
 *
 * Storage: one window buffer of HM_RD_CAP bytes (64 KiB + 16) into
 * which the source is read in large pieces; records are returned as
 * pointers into it. A second buffer of HM_LRECL_MAX bytes is
 * allocated only when a spanned record has to be reassembled.
 *
 * Decisions for V/VB (documented in hm_rec.h as well):
 * - BDW: bit 0 off: bytes 0-1 = block length 8..32760, bytes 2-3
 *   zero. Bit 0 on: extended BDW, bits 1-31 = block length (>= 8).
 *   A block is never held in storage as a whole, so any 31-bit
 *   length can be followed.
 * - RDW/SDW: bytes 0-1 = length 4..65535 (4 = empty record), byte 3
 *   zero, byte 2: X'00' complete, X'01' first, X'02' last, X'03'
 *   middle segment; X'80' on = null segment, which ends its block
 *   (the rest of the block is skipped). Other bits are an error.
 * - Segments are reassembled into records of at most HM_LRECL_MAX
 *   bytes, in blocked and in RDW-only streams.
 * - Blocked or not is decided at the first record: the stream is
 *   blocked when it starts with a valid BDW followed by an RDW or
 *   first SDW that fits into the block, and the first block is
 *   filled exactly by its records. When it is not filled exactly,
 *   the stream is still taken as blocked (and the error reported)
 *   unless reading it as RDW-only is consistent: the file ends
 *   right after the first "record", or a valid RDW follows it that
 *   does not also look like the start of a block.
 *
 * Damage: a file cut short at its end (inside a record, a descriptor
 * or a block) leaves nothing unread: a warning, and the bytes there
 * are the last record (hm_rec_cut). A length that cannot be right
 * with bytes after it stops the reader with bytes unread: an error.
 */
#include <string.h>
#include "hm_rec.h"

#define HM_RD_CAP (65536u + 16u)  /* window: > lrecl + CR LF */
#define HM_RD_MINREAD 4096u       /* compact when less space left */
#define HM_BDW_MAX 32760ul

#define RD_OK 0
#define RD_END 1
#define RD_ERR (-1)

struct hm_rdr {
    hm_alloc al;
    hm_read_fn fn;
    void *ctx;
    hm_log *log;
    const char *fname;
    int recfm;             /* as asked */
    int fmt;               /* in effect */
    unsigned long lrecl;
    int keep;
    unsigned char blank;
    unsigned long blankw;      /* a word of blanks */
    unsigned char *buf;
    size_t cap;
    size_t pos;            /* next unread byte in buf */
    size_t end;            /* end of data in buf */
    hm_off base;           /* file offset of buf[0] */
    int eof;               /* the source said end of data */
    int state;             /* RD_OK, RD_END, RD_ERR */
    int detected;          /* V/VB: blocked or not decided */
    int blocked;
    unsigned long blk_len; /* current block: BDW length */
    unsigned long blk_left;/* bytes of it not yet consumed */
    hm_off blk_off;        /* offset of its BDW */
    unsigned char *asmb;   /* spanned record being assembled */
    size_t asm_len;
    int in_span;
    hm_off span_off;
    unsigned long nrec;    /* records returned */
    hm_off roff;           /* offset of the last one */
    int cut;               /* the file is cut short: 1 the last
                            * record returned is cut, 2 it ends in a
                            * descriptor or block after it */
};

int hm_recfm_parse(const char *s)
{
    static const char *const up[] = { "F", "FB", "V", "VB", "U", "NL",
                                      "REC" };
    static const char *const lo[] = { "f", "fb", "v", "vb", "u", "nl",
                                      "rec" };
    static const int val[] = { HM_RECFM_F, HM_RECFM_FB, HM_RECFM_V,
                               HM_RECFM_VB, HM_RECFM_U, HM_RECFM_NL,
                               HM_RECFM_REC };
    size_t i;
    if (!s)
        return 0;
    for (i = 0; i < sizeof val / sizeof val[0]; i++)
        if (strcmp(s, up[i]) == 0 || strcmp(s, lo[i]) == 0)
            return val[i];
    return 0;
}

/* Issue message id with the standard inserts: file, record number
 * (the next record), offset, and up to two details. */
static void say(hm_rdr *r, int id, hm_off off, unsigned long v4,
                unsigned long v5)
{
    char n2[24], n3[24], n4[24], n5[24];
    const char *a[5];
    a[0] = r->fname;
    a[1] = hm_fmt_ulong(r->nrec + 1ul, n2);
    a[2] = hm_fmt_ulong(off, n3);
    a[3] = hm_fmt_ulong(v4, n4);
    a[4] = hm_fmt_ulong(v5, n5);
    hm_msg(r->log, id, a, 5);
}

static int fail(hm_rdr *r, int id, hm_off off, unsigned long v4,
                unsigned long v5)
{
    say(r, id, off, v4, v5);
    r->state = RD_ERR;
    return RD_ERR;
}

/* Same with the 4 bytes at p shown in hex as &4. */
static int fail_hex(hm_rdr *r, int id, hm_off off,
                    const unsigned char *p)
{
    char n2[24], n3[24], h[24];
    const char *a[4];
    unsigned long v = ((unsigned long)p[0] << 24)
        | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8)
        | (unsigned long)p[3];
    a[0] = r->fname;
    a[1] = hm_fmt_ulong(r->nrec + 1ul, n2);
    a[2] = hm_fmt_ulong(off, n3);
    a[3] = hm_fmt_hex(v, 8, h);
    hm_msg(r->log, id, a, 4);
    r->state = RD_ERR;
    return RD_ERR;
}

#define AVAIL(r) ((r)->end - (r)->pos)

/* The file ends inside a record, a descriptor or a block: nothing is
 * left unread, so this is a warning and the end of the file. A
 * spanned record being assembled is returned as it is, cut. */
static int cut_end(hm_rdr *r, int id, hm_off off, unsigned long v4,
                   unsigned long v5, const unsigned char **data,
                   size_t *len)
{
    say(r, id, off, v4, v5);
    r->pos = r->end;
    r->state = RD_END;
    if (r->in_span) {
        r->in_span = 0;
        r->cut = 1;
        r->roff = r->span_off;
        *data = r->asmb;
        *len = r->asm_len;
        return RD_OK;
    }
    r->cut = 2;
    return RD_END;
}

/* Try to have need bytes (need <= cap) in the window. Returns 0
 * (check AVAIL: fewer at the end of data) or RD_ERR after a read
 * error. Moves the window: pointers into buf are invalid after. */
static int fill(hm_rdr *r, size_t need)
{
    long n;
    size_t room;
    if (AVAIL(r) >= need || r->eof)
        return 0;
    if (need > r->cap)
        need = r->cap;
    if (r->pos == r->end) {
        r->base += (hm_off)r->pos;
        r->pos = r->end = 0;
    } else if (r->pos > 0 && (r->pos + need > r->cap
                              || r->cap - r->end < HM_RD_MINREAD)) {
        size_t k = r->end - r->pos;
        memmove(r->buf, r->buf + r->pos, k);
        r->base += (hm_off)r->pos;
        r->pos = 0;
        r->end = k;
    }
    while (AVAIL(r) < need) {
        room = r->cap - r->end;
        if (room == 0)
            break;
        n = r->fn(r->ctx, r->buf + r->end, room);
        if (n < 0) {
            say(r, HMM_RECREAD, r->base + (hm_off)r->end, 0, 0);
            r->state = RD_ERR;
            return RD_ERR;
        }
        if (n == 0) {
            r->eof = 1;
            break;
        }
        if ((unsigned long)n > (unsigned long)room)
            n = (long)room; /* a misbehaving source */
        r->end += (size_t)n;
    }
    return 0;
}

static unsigned long be16(const unsigned char *p)
{
    return ((unsigned long)p[0] << 8) | (unsigned long)p[1];
}

/* A valid BDW at p: returns 1 and the block length. */
static int bdw_parse(const unsigned char *p, unsigned long *len)
{
    if (p[0] & 0x80u) {
        *len = ((unsigned long)(p[0] & 0x7Fu) << 24)
            | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8)
            | (unsigned long)p[3];
        return *len >= 8ul;
    }
    *len = be16(p);
    return p[2] == 0 && p[3] == 0 && *len >= 8ul && *len <= HM_BDW_MAX;
}

/* An RDW or the SDW of a complete or first segment at p. */
static int rdw_start(const unsigned char *p, unsigned long *len)
{
    *len = be16(p);
    return p[3] == 0 && (p[2] == 0 || p[2] == 1) && *len >= 4ul;
}

/* A block start (BDW + first RDW fitting in it) at window offset at;
 * needs at + 8 bytes available. */
static int block_at(const hm_rdr *r, size_t at, unsigned long *blen)
{
    const unsigned char *p = r->buf + r->pos + at;
    unsigned long rl;
    return bdw_parse(p, blen) && rdw_start(p + 4, &rl)
        && *blen >= rl + 4ul;
}

/* Do the records of the block of length len at the window start
 * (all in the window) fill it exactly? */
static int chain_ok(const hm_rdr *r, unsigned long len)
{
    const unsigned char *p = r->buf + r->pos;
    unsigned long off = 4, rl;
    while (off < len) {
        if (len - off < 4ul)
            return 0;
        if (p[off + 2] & 0x80u)
            return 1; /* null segment: ends the block */
        if (p[off + 3] != 0 || (p[off + 2] & 0x7Cu))
            return 0;
        rl = be16(p + off);
        if (rl < 4ul || rl > len - off)
            return 0;
        off += rl;
    }
    return 1;
}

/* Decide between blocked and RDW-only (see the top of the file). */
static int detect(hm_rdr *r)
{
    unsigned long len, l2, rl;
    size_t av;
    r->detected = 1;
    r->blocked = 0;
    if (fill(r, 8))
        return RD_ERR;
    if (AVAIL(r) < 8 || !block_at(r, 0, &len))
        return 0;
    if (len > (unsigned long)(r->cap - 8)) {
        r->blocked = 1; /* a large extended block */
        return 0;
    }
    if (fill(r, (size_t)len + 8))
        return RD_ERR;
    av = AVAIL(r);
    if (av >= len && chain_ok(r, len)) {
        r->blocked = 1;
        return 0;
    }
    if (av == len)
        return 0;
    if (av >= len + 4 && rdw_start(r->buf + r->pos + len, &rl)
        && !(av >= len + 8 && block_at(r, (size_t)len, &l2)))
        return 0;
    r->blocked = 1;
    return 0;
}

/* Consume the n bytes left of the current block. Returns 0, RD_ERR,
 * or SK_CUT when the file ends inside them (reported; *rc is then
 * RD_END, or RD_OK with a cut spanned record in *data). */
#define SK_CUT 2
static int skip(hm_rdr *r, unsigned long n,
                const unsigned char **data, size_t *len, int *rc)
{
    size_t take;
    while (n > 0) {
        if (AVAIL(r) == 0) {
            if (fill(r, 1))
                return RD_ERR;
            if (AVAIL(r) == 0) {
                *rc = cut_end(r, HMM_BLKEOF, r->blk_off, r->blk_len,
                              r->blk_len - n, data, len);
                return SK_CUT;
            }
        }
        take = AVAIL(r);
        if ((unsigned long)take > n)
            take = (size_t)n;
        r->pos += take;
        n -= (unsigned long)take;
    }
    return 0;
}

static int next_v(hm_rdr *r, const unsigned char **data, size_t *len)
{
    const unsigned char *p;
    unsigned long rl, bl;
    unsigned int fl;
    hm_off off;
    size_t dl;
    int k, ck;
    if (!r->detected && detect(r))
        return RD_ERR;
    r->fmt = r->blocked ? HM_RECFM_VB : HM_RECFM_V;
    for (;;) {
        if (r->blocked && r->blk_left == 0) {
            if (fill(r, 4))
                return RD_ERR;
            off = r->base + (hm_off)r->pos;
            if (AVAIL(r) == 0) {
                if (r->in_span)
                    return cut_end(r, HMM_SPANEOF, r->span_off, 0, 0,
                                   data, len);
                r->state = RD_END;
                return RD_END;
            }
            if (AVAIL(r) < 4)
                return cut_end(r, HMM_RDWTRUNC, off,
                               (unsigned long)AVAIL(r), 0, data, len);
            p = r->buf + r->pos;
            if (!bdw_parse(p, &bl))
                return fail_hex(r, HMM_BDWBAD, off, p);
            r->blk_off = off;
            r->blk_len = bl;
            r->blk_left = bl - 4;
            r->pos += 4;
        }
        if (fill(r, 4))
            return RD_ERR;
        off = r->base + (hm_off)r->pos;
        if (r->blocked && r->blk_left < 4) {
            if ((unsigned long)AVAIL(r) >= r->blk_left)
                return fail(r, HMM_BDWMISM, r->blk_off, r->blk_len,
                            r->blk_len - r->blk_left);
            /* the file ends inside the block */
            return cut_end(r, HMM_BLKEOF, r->blk_off, r->blk_len,
                           r->blk_len - r->blk_left
                           + (unsigned long)AVAIL(r), data, len);
        }
        if (AVAIL(r) == 0 && !r->blocked) {
            if (r->in_span)
                return cut_end(r, HMM_SPANEOF, r->span_off, 0, 0, data,
                               len);
            r->state = RD_END;
            return RD_END;
        }
        if (AVAIL(r) == 0)     /* blocked: the file ends in a block */
            return cut_end(r, HMM_BLKEOF, r->blk_off, r->blk_len,
                           r->blk_len - r->blk_left, data, len);
        if (AVAIL(r) < 4)
            return cut_end(r, HMM_RDWTRUNC, off, (unsigned long)AVAIL(r),
                           0, data, len);
        p = r->buf + r->pos;
        rl = be16(p);
        fl = p[2];
        if (p[3] != 0 || (fl & 0x7Cu) || ((fl & 0x80u) && !r->blocked))
            return fail_hex(r, HMM_RDWHEX, off, p);
        if (fl & 0x80u) {
            /* null segment: the rest of the block is unused */
            ck = RD_END;
            k = skip(r, r->blk_left, data, len, &ck);
            if (k == SK_CUT)
                return ck;
            if (k)
                return RD_ERR;
            r->blk_left = 0;
            continue;
        }
        if (rl < 4ul)
            return fail(r, HMM_RDWBAD, off, rl, 0);
        if (r->blocked && rl > r->blk_left)
            return fail(r, HMM_RECBLK, off, rl, r->blk_left);
        if (fill(r, (size_t)rl))
            return RD_ERR;
        p = r->buf + r->pos + 4;
        if (AVAIL(r) < rl) {
            /* the file ends inside the record: the bytes there are
             * its last record, cut */
            say(r, HMM_RECEOF, off, rl, (unsigned long)AVAIL(r));
            dl = AVAIL(r) - 4;
            r->pos = r->end;
            r->state = RD_END;
            r->cut = 1;
        } else {
            dl = (size_t)rl - 4;
            r->pos += (size_t)rl;
            if (r->blocked)
                r->blk_left -= rl;
        }
        switch (fl & 3u) {
        case 0: /* complete */
            if (r->in_span)
                return fail_hex(r, HMM_SPANSEQ, off, p - 4);
            r->roff = off;
            *data = p;
            *len = dl;
            return RD_OK;
        case 1: /* first */
            if (r->in_span)
                return fail_hex(r, HMM_SPANSEQ, off, p - 4);
            if (!r->asmb) {
                r->asmb = (unsigned char *)HM_ALLOC(&r->al,
                                                    HM_LRECL_MAX);
                if (!r->asmb)
                    return fail(r, HMM_RECSTOR, off, HM_LRECL_MAX, 0);
            }
            r->in_span = 1;
            r->span_off = off;
            r->asm_len = 0;
            break;
        default: /* 2 last, 3 middle */
            if (!r->in_span)
                return fail_hex(r, HMM_SPANSEQ, off, p - 4);
            break;
        }
        if (dl > HM_LRECL_MAX - r->asm_len)
            return fail(r, HMM_SPANLONG, off, HM_LRECL_MAX, 0);
        if (dl > 0)
            memcpy(r->asmb + r->asm_len, p, dl);
        r->asm_len += dl;
        if ((fl & 3u) == 2u || r->cut) {
            r->in_span = 0;
            r->roff = r->span_off;
            *data = r->asmb;
            *len = r->asm_len;
            return RD_OK;
        }
    }
}

/* F, FB and U: pieces of lrecl bytes. */
static int next_fix(hm_rdr *r, const unsigned char **data, size_t *len)
{
    size_t n = (size_t)r->lrecl;
    if (fill(r, n))
        return RD_ERR;
    if (AVAIL(r) == 0) {
        r->state = RD_END;
        return RD_END;
    }
    if (AVAIL(r) < n) {
        n = AVAIL(r);
        if (r->fmt != HM_RECFM_U) {
            say(r, HMM_FSHORT, r->base + (hm_off)r->pos,
                (unsigned long)n, r->lrecl);
            r->cut = 1;
        }
    }
    *data = r->buf + r->pos;
    *len = n;
    r->roff = r->base + (hm_off)r->pos;
    r->pos += n;
    return RD_OK;
}

/* NL: lines ended by LF or CR LF. */
static int next_nl(hm_rdr *r, const unsigned char **data, size_t *len)
{
    size_t i = 0, av, n;
    const unsigned char *p;
    for (;;) {
        av = AVAIL(r);
        p = r->buf + r->pos;
        while (i < av && p[i] != HM_A_LF)
            i++;
        if (i < av || (r->eof && av > 0)) {
            n = i;
            if (i < av && n > 0 && p[n - 1] == HM_A_CR)
                n--;
            r->roff = r->base + (hm_off)r->pos;
            if (n > HM_LRECL_MAX)
                return fail(r, HMM_NLLONG, r->roff, HM_LRECL_MAX, 0);
            *data = p;
            *len = n;
            r->pos += i < av ? i + 1 : i;
            return RD_OK;
        }
        if (r->eof) {
            r->state = RD_END;
            return RD_END;
        }
        if (av > HM_LRECL_MAX + 1)
            return fail(r, HMM_NLLONG, r->base + (hm_off)r->pos,
                        HM_LRECL_MAX, 0);
        if (fill(r, av + 1))
            return RD_ERR;
    }
}

/* REC: one record per read call. */
static int next_rec(hm_rdr *r, const unsigned char **data, size_t *len)
{
    long n;
    r->base += (hm_off)r->end;
    r->pos = r->end = 0;
    n = r->fn(r->ctx, r->buf, r->cap);
    if (n < 0)
        return fail(r, HMM_RECREAD, r->base, 0, 0);
    if (n == 0) {
        r->eof = 1;
        r->state = RD_END;
        return RD_END;
    }
    if ((unsigned long)n > (unsigned long)r->cap)
        n = (long)r->cap;
    r->end = r->pos = (size_t)n;
    r->roff = r->base;
    *data = r->buf;
    *len = (size_t)n;
    return RD_OK;
}

hm_rdr *hm_rec_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                    const hm_recopt *opt, hm_log *log,
                    const char *fname)
{
    hm_rdr *r;
    static const char noname[] = "(input)";
    if (!fname)
        fname = noname;
    r = (hm_rdr *)HM_ALLOC(a, sizeof *r);
    if (r)
        memset(r, 0, sizeof *r);
    if (r) {
        r->cap = HM_RD_CAP;
        r->buf = (unsigned char *)HM_ALLOC(a, r->cap);
    }
    if (!r || !r->buf) {
        const char *args[4];
        char n4[24];
        args[0] = fname;
        args[1] = "0";
        args[2] = "0";
        args[3] = hm_fmt_ulong((unsigned long)HM_RD_CAP
                               + (unsigned long)sizeof *r, n4);
        hm_msg(log, HMM_RECSTOR, args, 4);
        if (r)
            HM_FREE(a, r);
        return 0;
    }
    r->al = *a;
    r->fn = fn;
    r->ctx = ctx;
    r->log = log;
    r->fname = fname;
    r->recfm = r->fmt = opt->recfm;
    r->lrecl = opt->lrecl;
    r->keep = opt->keep_blanks;
    r->blank = opt->blank;
    r->blankw = (~0ul / 255ul) * opt->blank;
    r->state = RD_OK;
    switch (r->recfm) {
    case HM_RECFM_F:
    case HM_RECFM_FB:
    case HM_RECFM_U:
        if (r->recfm == HM_RECFM_U && r->lrecl == 0)
            r->lrecl = HM_BDW_MAX;
        if (r->lrecl == 0 || r->lrecl > HM_LRECL_MAX)
            fail(r, HMM_BADLRECL, 0, opt->lrecl, 0);
        break;
    case HM_RECFM_V:
    case HM_RECFM_VB:
    case HM_RECFM_NL:
    case HM_RECFM_REC:
        break;
    default:
        {
            char n4[24];
            const char *args[4];
            args[0] = fname;
            args[1] = "0";
            args[2] = "0";
            args[3] = hm_fmt_long((long)opt->recfm, n4);
            hm_msg(log, HMM_BADRECFM, args, 4);
            r->state = RD_ERR;
        }
        break;
    }
    return r;
}

/* The length of d[0..n) without its trailing blanks. F records end
 * in long runs of them: two words at a time, then one; the blanks at
 * the end of the last word are counted without a branch on each (a
 * loop that stops at the first other byte guesses wrong once per
 * record). Words are only compared for equality, which does not
 * depend on the byte order. */
static size_t strip(const hm_rdr *r, const unsigned char *d, size_t n)
{
    const size_t W = sizeof(unsigned long);
    unsigned long w1, w2;
    unsigned char b = r->blank;
    size_t j, t, all;
    while (n >= 2 * W) {
        memcpy(&w1, d + n - 2 * W, W);
        memcpy(&w2, d + n - W, W);
        if (w1 != r->blankw || w2 != r->blankw)
            break;
        n -= 2 * W;
    }
    if (n >= W) {
        memcpy(&w2, d + n - W, W);
        if (w2 == r->blankw)
            n -= W;
    }
    if (n < W) {
        while (n > 0 && d[n - 1] == b)
            n--;
        return n;
    }
    /* d[n - W .. n) is not all blanks: at most W - 1 of them end it */
    t = 0;
    all = 1;
    for (j = 1; j < W; j++) {
        all &= (size_t)(d[n - j] == b);
        t += all;
    }
    return n - t;
}

int hm_rec_next(hm_rdr *r, const unsigned char **data, size_t *len)
{
    int rc;
    const unsigned char *d = 0;
    size_t n = 0;
    if (r->state != RD_OK)
        return r->state == RD_END ? 0 : -1;
    switch (r->fmt) {
    case HM_RECFM_V:
    case HM_RECFM_VB:
        rc = next_v(r, &d, &n);
        break;
    case HM_RECFM_NL:
        rc = next_nl(r, &d, &n);
        break;
    case HM_RECFM_REC:
        rc = next_rec(r, &d, &n);
        break;
    default:
        rc = next_fix(r, &d, &n);
        break;
    }
    if (rc != RD_OK)
        return rc == RD_END ? 0 : -1;
    if (!r->keep)
        n = strip(r, d, n);
    r->nrec++;
    *data = d;
    *len = n;
    return 1;
}

unsigned long hm_rec_number(const hm_rdr *r)
{
    return r->nrec;
}

hm_off hm_rec_offset(const hm_rdr *r)
{
    return r->roff;
}

int hm_rec_format(const hm_rdr *r)
{
    return r->fmt;
}

int hm_rec_blocked(const hm_rdr *r)
{
    return r->blocked;
}

int hm_rec_cut(const hm_rdr *r)
{
    return r->cut;
}

void hm_rec_close(hm_rdr *r)
{
    hm_alloc a;
    if (!r)
        return;
    a = r->al;
    if (r->asmb)
        HM_FREE(&a, r->asmb);
    HM_FREE(&a, r->buf);
    HM_FREE(&a, r);
}
