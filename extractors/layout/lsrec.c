/*
 * lsrec.c - the records of one unloaded data set: NETDATA or RDWs,
 * detected from the first bytes, or one record per read (see
 * hm_lsrec.h).
 */
#include <string.h>
#include "hm_cont.h"
#include "hm_rec.h"
#include "hm_lsrec.h"

#define LSR_HEAD 4096
#define LSR_NAME 200

struct hm_lsrec {
    hm_alloc al;
    hm_log *log;
    const char *name;
    char shown[LSR_NAME];
    /* the first bytes, handed out again before the rest */
    unsigned char head[LSR_HEAD];
    size_t hlen, hpos;
    hm_read_fn fn;
    void *ctx;
    int rderr;
    hm_rdr *rdr;            /* RDWs or records */
    hm_nd *nd;              /* NETDATA */
    int infile;             /* a NETDATA file is being read */
    int done;
    unsigned long recno;
};

static long replay(void *ctx, unsigned char *buf, size_t n)
{
    hm_lsrec *s = (hm_lsrec *)ctx;
    long got;
    if (s->hpos < s->hlen) {
        size_t k = s->hlen - s->hpos;
        if (k > n)
            k = n;
        memcpy(buf, s->head + s->hpos, k);
        s->hpos += k;
        return (long)k;
    }
    got = s->fn(s->ctx, buf, n);
    if (got < 0)
        s->rderr = 1;
    return got;
}

hm_lsrec *hm_lsr_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                      int mode, hm_log *log, const char *name)
{
    hm_lsrec *s = (hm_lsrec *)HM_ALLOC(a, sizeof *s);
    hm_recopt ro;
    if (!s) {
        hm_msg1(log, HMM_NOSTOR, name ? name : "(input)");
        return 0;
    }
    memset(s, 0, sizeof *s);
    s->al = *a;
    s->log = log;
    s->name = name ? name : "(input)";
    s->fn = fn;
    s->ctx = ctx;
    memset(&ro, 0, sizeof ro);
    ro.keep_blanks = 1;
    ro.blank = HM_E_SPACE;
    if (mode == HM_LSR_REC) {
        ro.recfm = HM_RECFM_REC;
        s->rdr = hm_rec_open(a, fn, ctx, &ro, log, s->name);
        if (!s->rdr)
            s->done = 1;
        return s;
    }
    /* the first bytes decide */
    while (s->hlen < LSR_HEAD) {
        long got = fn(ctx, s->head + s->hlen, LSR_HEAD - s->hlen);
        if (got < 0) {
            s->rderr = 1;
            break;
        }
        if (got == 0)
            break;
        s->hlen += (size_t)got;
    }
    if (s->rderr) {
        char t[24];
        hm_msg3(log, HMM_READ, s->name, hm_fmt_ulong(s->hlen, t),
                "read failed");
        s->done = 1;
        return s;
    }
    if (s->hlen == 0) {
        s->done = 1;
        return s;
    }
    if (hm_cont_detect(s->head, s->hlen, HM_CONT_UNKNOWN)
        == HM_CONT_NETDATA) {
        s->nd = hm_nd_open(a, replay, s, log, s->name, 0);
        if (!s->nd)
            s->done = 1;
        return s;
    }
    ro.recfm = HM_RECFM_V;
    s->rdr = hm_rec_open(a, replay, s, &ro, log, s->name);
    if (!s->rdr)
        s->done = 1;
    return s;
}

/* the next sequential file of the transmission with data */
static int nd_file(hm_lsrec *s)
{
    const hm_nd_file *f;
    for (;;) {
        int rc = hm_nd_next_file(s->nd, &f);
        if (rc <= 0)
            return rc;
        if (f->is_pds) {
            hm_msg2(s->log, HMM_LSPDS, s->name, f->name);
            continue;
        }
        s->shown[0] = 0;
        if (f->name[0] && strlen(s->name) + strlen(f->name) + 3
            < sizeof s->shown) {
            size_t k = strlen(s->name), m = strlen(f->name);
            memcpy(s->shown, s->name, k);
            memcpy(s->shown + k, "(", 1);
            memcpy(s->shown + k + 1, f->name, m);
            memcpy(s->shown + k + 1 + m, ")", 2);
        }
        return 1;
    }
}

int hm_lsr_next(hm_lsrec *s, const unsigned char **d, size_t *n)
{
    int rc;
    if (s->done)
        return s->done < 0 ? -1 : 0;
    if (s->rdr) {
        rc = hm_rec_next(s->rdr, d, n);
    } else {
        for (;;) {
            if (!s->infile) {
                rc = nd_file(s);
                if (rc <= 0)
                    break;
                s->infile = 1;
            }
            rc = hm_nd_next_record(s->nd, d, n);
            if (rc != 0)
                break;
            s->infile = 0;
        }
    }
    if (rc == 1) {
        s->recno++;
        return 1;
    }
    s->done = rc < 0 ? -1 : 1;
    return rc < 0 ? -1 : 0;
}

unsigned long hm_lsr_number(const hm_lsrec *s)
{
    return s->recno;
}

const char *hm_lsr_name(const hm_lsrec *s)
{
    return s->shown[0] ? s->shown : s->name;
}

void hm_lsr_close(hm_lsrec *s)
{
    if (!s)
        return;
    if (s->rdr)
        hm_rec_close(s->rdr);
    if (s->nd)
        hm_nd_close(s->nd);
    HM_FREE(&s->al, s);
}
