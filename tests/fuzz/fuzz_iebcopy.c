/*
 * fuzz_iebcopy.c - libFuzzer harness for the IEBCOPY unload reader.
 *
 * The input is a sequence of records, each a 2-byte big-endian
 * length and that many bytes (the first is COPYR1, the second
 * COPYR2). Every member is read as records and as blocks, its
 * text/binary rule evaluated, and the --info lines produced. An
 * unusable unload must come with an error message.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon \
 *   tests/fuzz/fuzz_iebcopy.c common/iebcopy.c common/netdata.c \
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
    (void)ctx;
    if (strlen(line) != len)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_ieb *b;
    size_t pos = 0;
    unsigned long i;
    hm_log_init(&lg, fz_log, 0);
    b = hm_ieb_open(&al, &lg, "fuzz", 1ul << 20);
    if (!b)
        abort();
    while (pos + 2 <= n) {
        size_t l = ((size_t)d[pos] << 8) | d[pos + 1];
        pos += 2;
        if (l > n - pos)
            l = n - pos;
        hm_ieb_feed(b, d + pos, l);
        pos += l;
    }
    hm_ieb_finish(b);
    if (hm_ieb_failed(b) && lg.count[HM_SEV_E] + lg.count[HM_SEV_S] == 0)
        abort();
    for (i = 0; i < hm_ieb_count(b); i++) {
        hm_ieb_iter it;
        const unsigned char *rec;
        size_t len;
        int mode;
        const hm_ieb_member *m = hm_ieb_member_at(b, i);
        if (hm_ieb_find(b, m->name) < 0)
            abort();
        hm_ieb_member_is_text(b, i);
        for (mode = 0; mode < 2; mode++) {
            unsigned long total = 0;
            if (hm_ieb_iter_init(b, i, mode, &it) != 0)
                continue;
            while (hm_ieb_iter_next(&it, &rec, &len) == 1)
                total += (unsigned long)len;
            if (mode == HM_IEB_BLOCKS && total != m->nbytes)
                abort();
        }
    }
    hm_ieb_describe(b, fz_line, 0);
    hm_ieb_close(b);
    return 0;
}
