/*
 * ndwrite.c - a small NETDATA writer (see hm_cont.h): INMR01,
 * INMR02 (sequential file, CMS file or mail file), INMR03, data
 * records, INMR04, INMR07 and INMR06, as 80-byte cards. It is used
 * by the tests and to build fixtures; hostmig itself only reads.
 */
#include <string.h>
#include "hm_cont.h"

#define CARD 80
#define SEGMAX 253

static int flush_card(hm_ndw *w)
{
    if (w->err)
        return -1;
    if (w->fn(w->ctx, w->card, CARD) != 0) {
        w->err = 1;
        return -1;
    }
    w->cards++;
    w->cardlen = 0;
    return 0;
}

static int put_bytes(hm_ndw *w, const unsigned char *d, size_t n)
{
    while (n > 0) {
        size_t k = CARD - w->cardlen;
        if (k > n)
            k = n;
        memcpy(w->card + w->cardlen, d, k);
        w->cardlen += k;
        d += k;
        n -= k;
        if (w->cardlen == CARD && flush_card(w) < 0)
            return -1;
    }
    return w->err ? -1 : 0;
}

int hm_ndw_segment(hm_ndw *w, unsigned len, unsigned flags,
                   const unsigned char *d, size_t n)
{
    unsigned char h[2];
    h[0] = (unsigned char)(len & 0xFFu);
    h[1] = (unsigned char)(flags & 0xFFu);
    if (put_bytes(w, h, 2) < 0)
        return -1;
    return n ? put_bytes(w, d, n) : 0;
}

static int put_record(hm_ndw *w, unsigned ctl, const unsigned char *d,
                      size_t n)
{
    unsigned flags = 0x80u | ctl;
    do {
        size_t k = n > SEGMAX ? SEGMAX : n;
        if (k == n)
            flags |= 0x40u;
        if (hm_ndw_segment(w, (unsigned)k + 2, flags, d, k) < 0)
            return -1;
        flags &= ~0x80u;
        d += k;
        n -= k;
    } while (n > 0);
    return 0;
}

/* ------------------------------------------------------------------
 * building control records
 */
static void rec_room(hm_ndw *w, size_t n)
{
    if (w->reclen + n > sizeof w->rec)
        w->err = 1;
}

static void rec_bytes(hm_ndw *w, const unsigned char *d, size_t n)
{
    rec_room(w, n);
    if (w->err)
        return;
    memcpy(w->rec + w->reclen, d, n);
    w->reclen += n;
}

static void rec_be(hm_ndw *w, unsigned long v, size_t n)
{
    unsigned char b[4];
    size_t i;
    for (i = 0; i < n; i++)
        b[i] = (unsigned char)((v >> (8 * (n - 1 - i))) & 0xFFu);
    rec_bytes(w, b, n);
}

static void rec_begin(hm_ndw *w, unsigned digit)
{
    static const unsigned char id[5] = { 0xC9, 0xD5, 0xD4, 0xD9, 0xF0 };
    unsigned char d = (unsigned char)(0xF0u + digit);
    w->reclen = 0;
    rec_bytes(w, id, 5);
    rec_bytes(w, &d, 1);
}

static void tu_head(hm_ndw *w, unsigned key, unsigned count)
{
    rec_be(w, key, 2);
    rec_be(w, count, 2);
}

/* one character value (n characters of s) */
static void tu_strn(hm_ndw *w, unsigned key, const char *s, size_t n)
{
    unsigned char e[256];
    if (n > sizeof e) {
        w->err = 1;
        return;
    }
    hm_cont_x2e(s, n, e);
    tu_head(w, key, 1);
    rec_be(w, n, 2);
    rec_bytes(w, e, n);
}

static void tu_str(hm_ndw *w, unsigned key, const char *s)
{
    if (s)
        tu_strn(w, key, s, strlen(s));
}

static void tu_num(hm_ndw *w, unsigned key, unsigned long v, size_t n)
{
    tu_head(w, key, 1);
    rec_be(w, n, 2);
    rec_be(w, v, n);
}

static int rec_end(hm_ndw *w)
{
    if (w->err)
        return -1;
    return put_record(w, 0x20u, w->rec, w->reclen);
}

/* Split s at character sep into at most max parts. */
static unsigned split(const char *s, char sep, const char **part,
                      size_t *len, unsigned max)
{
    unsigned n = 0;
    while (*s && n < max) {
        const char *e = s;
        while (*e && *e != sep)
            e++;
        if (e > s) {
            part[n] = s;
            len[n] = (size_t)(e - s);
            n++;
        }
        s = *e ? e + 1 : e;
    }
    return n;
}

#define TU_DSNAM 0x0002u
#define TU_TERM 0x0028u
#define TU_BLKSZ 0x0030u
#define TU_DSORG 0x003Cu
#define TU_LRECL 0x0042u
#define TU_RECFM 0x0049u
#define TU_TNODE 0x1001u
#define TU_TUID 0x1002u
#define TU_FNODE 0x1011u
#define TU_FUID 0x1012u
#define TU_LCHG 0x1021u
#define TU_CREAT 0x1022u
#define TU_FTIME 0x1024u
#define TU_FACK 0x1026u
#define TU_ERRCD 0x1027u
#define TU_UTILN 0x1028u
#define TU_USERP 0x1029u
#define TU_SIZE 0x102Cu
#define TU_FFM 0x102Du
#define TU_NUMF 0x102Fu

/* INMDSNAM (and INMFFM) for name; returns -1 for a bad name. */
static int tu_name(hm_ndw *w, const char *name, int cms)
{
    const char *part[22];
    size_t len[22];
    unsigned n, i;
    if (cms) {
        n = split(name, ' ', part, len, 3);
        if (n != 3 || len[2] < 1 || len[2] > 2) {
            w->err = 1;
            return -1;
        }
        tu_head(w, TU_DSNAM, 3);
        rec_be(w, 1, 2);
        {
            unsigned char e;
            hm_cont_x2e(part[2], 1, &e);
            rec_bytes(w, &e, 1);
        }
        for (i = 0; i < 2; i++) {
            unsigned char e[8];
            if (len[i] > 8) {
                w->err = 1;
                return -1;
            }
            hm_cont_x2e(part[i], len[i], e);
            rec_be(w, len[i], 2);
            rec_bytes(w, e, len[i]);
        }
        tu_strn(w, TU_FFM, len[2] == 2 ? part[2] + 1 : "1", 1);
        return 0;
    }
    n = split(name, '.', part, len, 22);
    if (n == 0) {
        w->err = 1;
        return -1;
    }
    tu_head(w, TU_DSNAM, n);
    for (i = 0; i < n; i++) {
        unsigned char e[8];
        if (len[i] > 8) {
            w->err = 1;
            return -1;
        }
        hm_cont_x2e(part[i], len[i], e);
        rec_be(w, len[i], 2);
        rec_bytes(w, e, len[i]);
    }
    return 0;
}

/* ------------------------------------------------------------------
 * public
 */
int hm_ndw_begin(hm_ndw *w, hm_write_fn fn, void *ctx,
                 const hm_ndw_head *h)
{
    memset(w, 0, sizeof *w);
    w->fn = fn;
    w->ctx = ctx;
    rec_begin(w, 1);
    tu_num(w, TU_LRECL, CARD, 2);
    tu_str(w, TU_FNODE, h->fnode);
    tu_str(w, TU_FUID, h->fuid);
    tu_str(w, TU_TNODE, h->tnode);
    tu_str(w, TU_TUID, h->tuid);
    tu_str(w, TU_FTIME, h->ftime);
    tu_num(w, TU_NUMF, h->numf, 4);
    if (h->ack)
        tu_head(w, TU_FACK, 0);
    return rec_end(w);
}

int hm_ndw_announce(hm_ndw *w, unsigned long number,
                    const hm_ndw_file *f)
{
    rec_begin(w, 2);
    rec_be(w, number, 4);
    tu_str(w, TU_UTILN, f->utility ? f->utility : "INMCOPY");
    tu_num(w, TU_SIZE, f->size, 4);
    tu_num(w, TU_DSORG, f->dsorg ? f->dsorg : HM_ND_ORG_PS, 2);
    tu_num(w, TU_LRECL, f->lrecl, 4);
    if (f->blksize)
        tu_num(w, TU_BLKSZ, f->blksize, 4);
    tu_num(w, TU_RECFM, f->recfm, 2);
    if (f->message || !f->name)
        tu_head(w, TU_TERM, 0);
    else if (tu_name(w, f->name, f->cms) < 0)
        return -1;
    tu_str(w, TU_LCHG, f->changed);
    tu_str(w, TU_CREAT, f->created);
    return rec_end(w);
}

int hm_ndw_user(hm_ndw *w, const char *userp)
{
    rec_begin(w, 4);
    tu_str(w, TU_USERP, userp);
    return rec_end(w);
}

int hm_ndw_data(hm_ndw *w, const hm_ndw_file *f)
{
    rec_begin(w, 3);
    tu_num(w, TU_SIZE, f->size, 4);
    tu_num(w, TU_DSORG, HM_ND_ORG_PS, 2);
    tu_num(w, TU_LRECL, CARD, 4);
    tu_num(w, TU_RECFM, 0x0001u, 2);
    return rec_end(w);
}

int hm_ndw_record(hm_ndw *w, const unsigned char *d, size_t n)
{
    return put_record(w, 0, d, n);
}

int hm_ndw_ack(hm_ndw *w, const char *ftime, const char *name,
               const char *errcd)
{
    rec_begin(w, 7);
    tu_str(w, TU_FTIME, ftime);
    if (!name)
        tu_head(w, TU_TERM, 0);
    else if (tu_name(w, name, 0) < 0)
        return -1;
    tu_str(w, TU_ERRCD, errcd);
    return rec_end(w);
}

int hm_ndw_end(hm_ndw *w)
{
    rec_begin(w, 6);
    if (rec_end(w) < 0)
        return -1;
    if (w->cardlen > 0) {
        memset(w->card + w->cardlen, HM_E_SPACE, CARD - w->cardlen);
        w->cardlen = CARD;
        return flush_card(w);
    }
    return 0;
}
