/*
 * fuzz_names.c - libFuzzer harness for the NAMES parser
 * (extractors/ovvm/names.c).
 *
 * Input byte 0: bit 0 records are UTF-8 (no converter), bit 1 a
 * local node, bits 2-3 the storage limit (64 MiB, 1 KiB, 4 KiB,
 * 100 bytes). The rest is records separated by X'25' (UTF-8: X'0A').
 * Every entry must be found again by its nickname (or a first entry
 * with the same nickname), every PAB item is read byte by byte.
 *
 * The Makefile links it with the core and the extractors' library
 * code.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cp.h"
#include "../../extractors/ovvm/ovvm.h"

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

static unsigned long fz_sum;

static void touch(hm_text t)
{
    size_t i;
    for (i = 0; i < t.len; i++)
        fz_sum += t.s[i];
}

static int pab_fn(void *ctx, const hm_item *it, const hm_ov_meta *meta)
{
    size_t i;
    (void)ctx;
    if (it->kind != HM_ITEM_PAB || !meta->entry)
        abort();
    for (i = 0; i < HM_PAB_NFIELDS; i++)
        touch(it->u.pab.f[i]);
    for (i = 0; i < it->u.pab.nmembers; i++)
        touch(it->u.pab.members[i]);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const unsigned long lim[4] = { 0, 1024, 4096, 100 };
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_cpconv cv;
    hm_ov_opt o;
    hm_ov_names *nm;
    unsigned flags;
    size_t i, s = 0;
    unsigned long k;
    unsigned char nl;
    if (size < 1)
        return 0;
    flags = data[0];
    data++;
    size--;
    nl = flags & 1 ? 0x0A : 0x25;
    hm_log_init(&lg, fz_log, NULL);
    hm_cpconv_init(&cv, hm_cp_builtin(37), HM_PC_UTF8, HM_NL_CDRA);
    hm_ov_opt_init(&o);
    if (flags & 2)
        o.local_node = "HOME";
    if (lim[(flags >> 2) & 3])
        o.max_names = lim[(flags >> 2) & 3];
    nm = hm_ov_names_open(&al, flags & 1 ? NULL : &cv, &lg, "FUZZ", &o);
    if (!nm)
        return 0;
    for (i = 0; i <= size; i++)
        if (i == size || data[i] == nl) {
            hm_ov_names_record(nm, data + s, i - s);
            s = i + 1;
        }
    if (hm_ov_names_finish(nm) == 0) {
        for (k = 0; k < hm_ov_names_count(nm); k++) {
            const hm_ov_entry *e = hm_ov_names_at(nm, k);
            long f = hm_ov_names_find(nm, e->nick.s, e->nick.len);
            if (f < 0 || (unsigned long)f > k)
                abort();
            if (e->userid.len
                && hm_ov_names_find_user(nm, e->userid.s, e->userid.len,
                                         NULL, 0) < 0)
                abort();
        }
        for (k = 0; k < hm_ov_names_notebooks(nm); k++)
            touch(hm_ov_names_notebook_at(nm, k));
        hm_ov_names_pab(nm, pab_fn, NULL);
    }
    hm_ov_names_close(nm);
    return 0;
}
