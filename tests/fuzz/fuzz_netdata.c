/*
 * fuzz_netdata.c - libFuzzer harness for the NETDATA reader (and the
 * IEBCOPY reader behind it for PDS files).
 *
 * The input is a transmission. It is read twice, with unlimited and
 * with short reads (the chunk size comes from the last byte); both
 * passes must give the same files, records and result, and an error
 * return must come with an error message. --info (hm_nd_describe) is
 * run too.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon \
 *   tests/fuzz/fuzz_netdata.c common/netdata.c common/iebcopy.c \
 *   common/detect.c common/msg.c common/memsrc.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cont.h"

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

static void fz_line(void *ctx, const char *line, size_t len)
{
    unsigned long *n = (unsigned long *)ctx;
    if (strlen(line) != len)
        abort();
    (*n)++;
}

typedef struct pass {
    unsigned long nfiles, nrec, hash, members;
    int rc;
} pass;

static void mix(pass *p, const unsigned char *d, size_t n)
{
    size_t i;
    p->nrec++;
    p->hash = p->hash * 31u + (unsigned long)n;
    for (i = 0; i < n; i++)
        p->hash = p->hash * 131u + d[i];
}

static void run(const uint8_t *d, size_t n, size_t chunk, pass *p)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_memsrc m;
    hm_nd *r;
    const hm_nd_file *f;
    const unsigned char *rec;
    size_t len;
    int k;
    memset(p, 0, sizeof *p);
    hm_log_init(&lg, fz_log, 0);
    hm_memsrc_init(&m, d, n);
    m.chunk = chunk;
    r = hm_nd_open(&al, hm_memsrc_read, &m, &lg, "fuzz", 0);
    if (!r)
        abort();
    while ((k = hm_nd_next_file(r, &f)) == 1) {
        p->nfiles++;
        if (f->is_pds) {
            hm_ieb *b = hm_nd_read_pds(r, &al, &lg, f->name);
            unsigned long i;
            if (!b)
                abort();
            if (hm_ieb_failed(b))
                p->rc = -1;
            for (i = 0; i < hm_ieb_count(b); i++) {
                hm_ieb_iter it;
                p->members++;
                hm_ieb_member_is_text(b, i);
                if (hm_ieb_iter_init(b, i, HM_IEB_RECORDS, &it) == 0)
                    while (hm_ieb_iter_next(&it, &rec, &len) == 1)
                        mix(p, rec, len);
            }
            hm_ieb_close(b);
            continue;
        }
        while ((k = hm_nd_next_record(r, &rec, &len)) == 1)
            mix(p, rec, len);
        if (k < 0)
            p->rc = -1;
    }
    if (k < 0)
        p->rc = -1;
    if (hm_nd_file_count(r) < p->nfiles && !hm_nd_failed(r))
        abort();
    hm_nd_close(r);
    if (p->rc < 0 && lg.count[HM_SEV_E] + lg.count[HM_SEV_S] == 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    pass a, b;
    size_t chunk = n ? (size_t)(d[n - 1] % 97) + 1 : 1;
    run(d, n, 0, &a);
    run(d, n, chunk, &b);
    if (a.nfiles != b.nfiles || a.nrec != b.nrec || a.hash != b.hash ||
        a.rc != b.rc || a.members != b.members)
        abort();
    {
        hm_alloc al = { fz_alloc, fz_release, 0 };
        hm_log lg;
        hm_memsrc m;
        unsigned long lines = 0;
        hm_log_init(&lg, fz_log, 0);
        hm_memsrc_init(&m, d, n);
        hm_nd_describe(&al, hm_memsrc_read, &m, &lg, "fuzz", fz_line,
                       &lines);
    }
    hm_cont_detect(d, n, 0);
    return 0;
}
