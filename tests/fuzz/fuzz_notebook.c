/*
 * fuzz_notebook.c - libFuzzer harness for the OV/VM notebook and
 * mail-file parser, dates and addresses (extractors/ovvm).
 *
 * Input byte 0: bit 0 mail-file mode, bit 1 records are UTF-8 (no
 * converter), bit 2 CCSID 273 instead of 037, bit 3 keep_header,
 * bit 4 need_sep, bit 5 shift dates, bit 6 owner "A", bit 7 feed
 * the records twice. The rest is records separated by X'25' (an
 * EBCDIC LF; in UTF-8 mode X'0A'); input that does not end with one
 * is a file cut short (hm_ov_nb_cut before the end). Every item
 * handed out is checked: its texts are read byte by byte, its time
 * is valid or none; at most one note is marked cut.
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

static void touch_addrs(const hm_addr *a, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        touch(a[i].name);
        touch(a[i].addr);
    }
}

static int item_fn(void *ctx, const hm_item *it, const hm_ov_meta *meta)
{
    const hm_message *m = &it->u.msg;
    size_t i;
    (void)ctx;
    if (it->kind != HM_ITEM_MESSAGE || hm_time_check(&m->sent) < 0
        || hm_time_check(&m->received) < 0 || meta->first_rec == 0
        || meta->last_rec + 1 < meta->first_rec
        || (meta->cut != 0 && meta->cut != 1))
        abort();
    for (i = 0; i < m->nfolder; i++)
        touch(m->folder[i]);
    touch_addrs(&m->sender, 1);
    touch_addrs(m->to, m->nto);
    touch_addrs(m->cc, m->ncc);
    touch_addrs(m->bcc, m->nbcc);
    touch(m->subject);
    for (i = 0; i < m->nbody; i++) {
        hm_text t;
        t.s = m->body[i].p;
        t.len = m->body[i].size;
        touch(t);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_cpconv cv;
    hm_ov_opt o;
    hm_ov_nb *nb;
    unsigned flags;
    int pass;
    if (size < 1)
        return 0;
    flags = data[0];
    data++;
    size--;
    hm_log_init(&lg, fz_log, NULL);
    hm_cpconv_init(&cv, hm_cp_builtin(flags & 4 ? 273 : 37), HM_PC_UTF8,
                   HM_NL_CDRA);
    hm_ov_opt_init(&o);
    o.keep_header = (flags & 8) != 0;
    o.shift = (flags & 32) != 0;
    o.zone_min = 120;
    if (flags & 64) {
        o.owner = "A";
        o.owner_node = "B";
    }
    {
        hm_ov_rules ru = *hm_ov_default_rules();
        ru.need_sep = (flags & 16) != 0;
        o.rules = &ru;
        nb = hm_ov_nb_open(&al, flags & 2 ? NULL : &cv, &lg, "FUZZ", NULL,
                           0, flags & 1, &o, item_fn, NULL);
        if (!nb)
            return 0;
        for (pass = 0; pass < (flags & 128 ? 2 : 1); pass++) {
            size_t i = 0, s = 0;
            unsigned char nl = flags & 2 ? 0x0A : 0x25;
            for (i = 0; i <= size; i++) {
                if (i == size || data[i] == nl) {
                    unsigned char u[HM_OV_ABUF(300)];
                    hm_ov_addr ad[6];
                    hm_time t;
                    long z;
                    size_t n = i - s;
                    hm_ov_nb_record(nb, data + s, n);
                    if (n > 300)
                        n = 300;
                    hm_ov_parse_date(data + s, n, &o, &t, &z);
                    if (hm_time_check(&t) < 0)
                        abort();
                    hm_ov_parse_addrs(data + s, n, ad, 6, u, sizeof u);
                    s = i + 1;
                }
            }
        }
        if (size && data[size - 1] != (flags & 2 ? 0x0A : 0x25))
            hm_ov_nb_cut(nb);
        hm_ov_nb_finish(nb);
        if (hm_ov_nb_stats(nb)->cut > 1)
            abort();
        hm_ov_nb_close(nb);
    }
    return 0;
}
