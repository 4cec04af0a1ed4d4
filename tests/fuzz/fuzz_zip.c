/* fuzz_zip.c - libFuzzer harness for the ZIP reader and the codec
 * (hm_zip.h). Each input is used three ways: as a ZIP (open, verify
 * every member against the directory and the MANIFEST, read every
 * member), as a raw deflate stream (inflated, output capped at
 * 4 MiB), and as data to deflate, which must inflate back to the
 * same bytes. The log has a no-op sink. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include "hm_zip.h"

static void *fz_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n);
}

static void fz_free(void *ctx, void *p)
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

typedef struct fz_buf {
    unsigned char *p;
    size_t n, cap;
} fz_buf;

static int fz_write(void *ctx, const unsigned char *b, size_t n)
{
    fz_buf *o = (fz_buf *)ctx;
    if (o->n + n > o->cap) {
        o->cap = (o->n + n) * 2 + 64;
        o->p = realloc(o->p, o->cap);
    }
    memcpy(o->p + o->n, b, n);
    o->n += n;
    return 0;
}

static unsigned char fz_out[65536];
static volatile unsigned fz_sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_alloc al;
    hm_log lg;
    hm_zipr *r;
    hm_memsrc src;
    hm_zinf *z;
    hm_zdef *d;
    fz_buf o;
    unsigned long i, total;
    long k;
    al.alloc = fz_alloc;
    al.release = fz_free;
    al.ctx = 0;
    hm_log_init(&lg, fz_log, 0);
    /* as a ZIP */
    r = hm_zipr_open(&al, data, (unsigned long)size, "F.ZIP", &lg);
    if (r) {
        hm_zipr_verify(r);
        for (i = 0; i < hm_zipr_count(r); i++) {
            hm_read_fn fn;
            void *ctx;
            fz_sink += (unsigned)hm_zipr_find(r, hm_zipr_name(r, i));
            if (hm_zipr_mopen(r, i, &fn, &ctx) != 0)
                continue;
            total = 0;
            while ((k = fn(ctx, fz_out, 7000)) > 0 && total < 4194304ul)
                total += (unsigned long)k;
            hm_zipr_mclose(r, ctx);
        }
        hm_zipr_close(r);
    }
    /* as a deflate stream */
    hm_memsrc_init(&src, data, size);
    src.chunk = 13;
    z = hm_zinf_open(&al, hm_memsrc_read, &src);
    total = 0;
    while ((k = hm_zinf_read(z, fz_out, sizeof fz_out)) > 0
           && total < 4194304ul)
        total += (unsigned long)k;
    hm_zinf_close(z);
    /* deflate and back */
    memset(&o, 0, sizeof o);
    d = hm_zdef_open(&al, fz_write, &o);
    hm_zdef_write(d, data, size / 2);
    hm_zdef_write(d, data + size / 2, size - size / 2);
    hm_zdef_finish(d, 0);
    hm_memsrc_init(&src, o.p, o.n);
    z = hm_zinf_open(&al, hm_memsrc_read, &src);
    total = 0;
    while ((k = hm_zinf_read(z, fz_out, 4096)) > 0) {
        if (total + (unsigned long)k > size
            || memcmp(fz_out, data + total, (size_t)k) != 0)
            abort();
        total += (unsigned long)k;
    }
    if (k != 0 || total != size || !hm_zinf_done(z))
        abort();
    hm_zinf_close(z);
    free(o.p);
    return 0;
}
