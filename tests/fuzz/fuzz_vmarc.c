/*
 * fuzz_vmarc.c - libFuzzer harness for the VMARC reader.
 *
 * The input is an archive. Every member is selected and read to its
 * end (twice for the first member, which must give the same records),
 * found again by name, and described. A failed archive must come
 * with an error message.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon \
 *   tests/fuzz/fuzz_vmarc.c common/vmarc.c common/detect.c \
 *   common/msg.c common/memsrc.c
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
    (void)ctx;
    if (strlen(line) != len)
        abort();
}

static unsigned long read_member(hm_vma *v, unsigned long i)
{
    const unsigned char *d;
    size_t n, k;
    unsigned long h = 7;
    if (hm_vma_select(v, i) != 0)
        return 0;
    while (hm_vma_next_record(v, &d, &n) == 1) {
        h = h * 31u + (unsigned long)n;
        for (k = 0; k < n; k++)
            h = h * 131u + d[k];
    }
    return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_memsrc m;
    hm_vma *v;
    unsigned long i, h0 = 0;
    hm_log_init(&lg, fz_log, 0);
    hm_memsrc_init(&m, d, n);
    m.chunk = n ? (size_t)d[0] + 1 : 1;
    v = hm_vma_open(&al, hm_memsrc_read, &m, &lg, "fuzz", 1ul << 20);
    if (!v)
        abort();
    if (hm_vma_failed(v) && lg.count[HM_SEV_E] + lg.count[HM_SEV_S] == 0)
        abort();
    for (i = 0; i < hm_vma_count(v); i++) {
        unsigned long h = read_member(v, i);
        if (i == 0)
            h0 = h;
        if (hm_vma_find(v, hm_vma_member_at(v, i)->name) < 0)
            abort();
    }
    if (hm_vma_count(v) > 0 && read_member(v, 0) != h0)
        abort();
    hm_vma_describe(v, fz_line, 0);
    hm_vma_close(v);
    hm_cont_detect(d, n, 0);
    return 0;
}
