/*
 * fuzz_dca.c - libFuzzer harness for the DCA RFT/FFT text extractor
 * and the filetype table (extractors/ovvm/dca.c).
 *
 * Input byte 0: bit 0 FFT, bit 1 margin text, bit 2 no form feeds,
 * bits 3-7 a chunk size (1..32). The stream is converted twice, in
 * one piece and in chunks: the text must be the same.
 *
 * The Makefile links it with the core and the extractors' library
 * code.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cp.h"
#include "../../extractors/ovvm/ovvm.h"

static void fz_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    (void)line;
    (void)len;
}

typedef struct fz_out {
    unsigned char *p;
    size_t n, cap;
} fz_out;

static int fz_write(void *ctx, const unsigned char *d, size_t n)
{
    fz_out *o = (fz_out *)ctx;
    if (o->n + n > o->cap) {
        o->cap = (o->n + n) * 2 + 64;
        o->p = (unsigned char *)realloc(o->p, o->cap);
        if (!o->p)
            abort();
    }
    memcpy(o->p + o->n, d, n);
    o->n += n;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_log lg;
    hm_cpconv cv;
    hm_dca d;
    fz_out a, b;
    unsigned flags;
    size_t chunk, i;
    int kind;
    if (size < 1)
        return 0;
    flags = data[0];
    data++;
    size--;
    kind = flags & 1 ? HM_DOC_FFT : HM_DOC_RFT;
    chunk = (flags >> 3) + 1;
    hm_log_init(&lg, fz_log, NULL);
    hm_cpconv_init(&cv, hm_cp_builtin(37), HM_PC_UTF8, HM_NL_CDRA);
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    hm_dca_init(&d, kind, (int)((flags >> 1) & 3), &cv, fz_write, &a, &lg,
                "FUZZ");
    hm_dca_feed(&d, data, size);
    hm_dca_finish(&d);
    hm_dca_init(&d, kind, (int)((flags >> 1) & 3), &cv, fz_write, &b, &lg,
                "FUZZ");
    for (i = 0; i < size; i += chunk)
        hm_dca_feed(&d, data + i, size - i < chunk ? size - i : chunk);
    hm_dca_finish(&d);
    if (a.n != b.n || (a.n && memcmp(a.p, b.p, a.n) != 0))
        abort();
    (void)hm_doc_kind("DOCUMENT", data, size, NULL, 0);
    free(a.p);
    free(b.p);
    return 0;
}
