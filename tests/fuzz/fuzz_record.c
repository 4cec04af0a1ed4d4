/*
 * fuzz_record.c - libFuzzer harness for the host record reader.
 *
 * Input byte 0: bits 0-2 record format (F FB V VB U NL REC V),
 * bit 3 keep_blanks, bits 4-7 an LRECL from a table (including the
 * invalid 0 and 65536). The rest is the data. Every input is read
 * twice, with unlimited and with short reads; for byte streams both
 * passes must give the same records, numbers, offsets and result.
 * For REC each read of the source (chunk = LRECL) is one record.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon \
 *   tests/fuzz/fuzz_record.c common/record.c common/msg.c \
 *   common/memsrc.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hm_rec.h"

static void *fz_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n);
}

static void fz_release(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static void fz_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    (void)line;
    (void)len;
}

static const int fmts[8] = { HM_RECFM_F, HM_RECFM_FB, HM_RECFM_V,
                             HM_RECFM_VB, HM_RECFM_U, HM_RECFM_NL,
                             HM_RECFM_REC, HM_RECFM_V };
static const unsigned long lrecls[16] = { 1, 2, 3, 4, 5, 7, 8, 16, 80,
                                          133, 255, 4096, 32760,
                                          65535, 0, 65536 };

typedef struct pass {
    unsigned long nrec, hash, lastoff;
    int rc, maxsev;
} pass;

static void run(const uint8_t *d, size_t n, const hm_recopt *o,
                size_t chunk, pass *p)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_memsrc m;
    hm_rdr *r;
    const unsigned char *rec;
    size_t len, i;
    hm_log_init(&lg, fz_log, 0);
    hm_memsrc_init(&m, d, n);
    m.chunk = chunk;
    memset(p, 0, sizeof *p);
    r = hm_rec_open(&al, hm_memsrc_read, &m, o, &lg, "FUZZ");
    if (!r)
        abort();
    while ((p->rc = hm_rec_next(r, &rec, &len)) == 1) {
        if (len > HM_LRECL_MAX)
            abort();
        if (hm_rec_number(r) != p->nrec + 1)
            abort();
        if (p->nrec && hm_rec_offset(r) <= p->lastoff)
            abort();
        if (hm_rec_offset(r) >= n)
            abort();
        p->nrec++;
        p->lastoff = hm_rec_offset(r);
        p->hash = p->hash * 31u + (unsigned long)len + p->lastoff;
        for (i = 0; i < len; i++)
            p->hash = p->hash * 131u + rec[i];
        if (len && !o->keep_blanks && rec[len - 1] == o->blank)
            abort();
    }
    if (hm_rec_next(r, &rec, &len) != p->rc)
        abort();
    p->maxsev = lg.maxsev;
    hm_rec_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_recopt o;
    pass a, b;
    size_t chunk;
    if (size < 1)
        return 0;
    o.recfm = fmts[data[0] & 7];
    o.keep_blanks = (data[0] >> 3) & 1;
    o.lrecl = lrecls[data[0] >> 4];
    o.blank = o.recfm == HM_RECFM_NL ? 0x20 : 0x40;
    if (o.recfm == HM_RECFM_REC) {
        run(data + 1, size - 1, &o, (size_t)o.lrecl, &a);
        return 0;
    }
    run(data + 1, size - 1, &o, 0, &a);
    chunk = 1 + (size % 13);
    run(data + 1, size - 1, &o, chunk, &b);
    if (a.rc != b.rc || a.nrec != b.nrec || a.hash != b.hash
        || a.maxsev != b.maxsev)
        abort();
    return 0;
}
