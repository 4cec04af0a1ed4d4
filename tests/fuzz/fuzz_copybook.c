/*
 * fuzz_copybook.c - libFuzzer harness for the copybook parser.
 *
 * Input byte 0: bit 0 free format, bit 1 the text is EBCDIC 037
 * (else ASCII/UTF-8). The rest is the copybook. A parsed copybook
 * must be consistent: every item inside its parent, every named item
 * found by its own name (or reported ambiguous), its 88s attached.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon \
 *   tests/fuzz/fuzz_copybook.c common/copybook.c common/msg.c \
 *   common/codepage.c common/cp_tables.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hm_copybook.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_copybook *cb;
    const hm_cpage *cp;
    int i;
    if (size < 1)
        return 0;
    hm_log_init(&lg, fz_log, 0);
    cp = (data[0] & 2) ? hm_cp_builtin(37) : NULL;
    cb = hm_cb_parse(&al, data + 1, size - 1, cp, data[0] & 1, &lg,
                     "FUZZ");
    if (!cb) {
        if (lg.maxsev < HM_SEV_E)
            abort();
        return 0;
    }
    for (i = 0; i < cb->nf; i++) {
        const hm_cbfield *f = &cb->f[i];
        int dims[HM_CB_MAXDIM];
        if (f->parent >= 0) {
            const hm_cbfield *p = &cb->f[f->parent];
            if (f->offset < p->offset
                || f->offset + f->size * f->occ_max
                   > p->offset + p->size)
                abort();
            if (f->depth != p->depth + 1 || f->root != p->root)
                abort();
        } else if (f->offset != 0 || f->level != 1)
            abort();
        if (f->size > HM_CB_MAXSIZE || f->ndim > HM_CB_MAXDIM)
            abort();
        if (hm_cb_dims(cb, i, dims) != f->ndim)
            abort();
        if (f->kind != HM_CB_GROUP && f->child >= 0)
            abort();
        if (f->name[0]) {
            char names[1][32];
            int r;
            memcpy(names[0], f->name, strlen(f->name) + 1);
            r = hm_cb_lookup(cb, (const char (*)[32])names, 1, 0);
            if (r != i && r != -2)
                abort();
        }
    }
    for (i = 0; i < cb->nc; i++)
        if (cb->c[i].field < 0 || cb->c[i].field >= cb->nf
            || cb->c[i].val + cb->c[i].nval > cb->nv)
            abort();
    hm_cb_free(cb);
    return 0;
}
