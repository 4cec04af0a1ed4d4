/*
 * fuzz_ovcal.c - libFuzzer harness for OVVMEXT's calendars
 * (extractors/ovvm/ovcal.c): the input is one unloaded calendar data
 * set (records with RDWs or NETDATA) read through a fixed copybook
 * and profile (accounts, calendar entries with their notes, messages
 * that are not taken) and added to five stand-in store accounts by
 * user id. The first byte picks options: bits 0-1 the storage for
 * held items (default, 1 byte, 300 bytes), bit 2 partition 2 of 2,
 * bit 3 the store's own items fail for every second account.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../extractors/ovvm/ovcal.h"

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

static const hm_alloc fz_al = { fz_alloc, fz_release, 0 };

static void fz_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    (void)line;
    (void)len;
}

#define L(s) "       " s "\n"

static const char cbtext[] =
    L("01  C-KEY.")
    L("    05 C-USER   PIC X(4).")
    L("    05 C-KIND   PIC X.")
    L("    05 C-ITEM   PIC 9(3).")
    L("01  C-OWN.")
    L("    05 FILLER   PIC X(8).")
    L("    05 O-NAME   PIC X(8).")
    L("01  C-ENT.")
    L("    05 FILLER   PIC X(8).")
    L("    05 E-DATE   PIC 9(6).")
    L("    05 E-FROM   PIC 9(4).")
    L("    05 E-TO     PIC 9(4).")
    L("    05 E-ST     PIC X.")
    L("    05 E-SUBJ   PIC X(10).")
    L("    05 E-WHERE  PIC X(6).")
    L("01  C-NOTE.")
    L("    05 FILLER   PIC X(8).")
    L("    05 N-LINE   PIC X(20).")
    L("01  C-MSG.")
    L("    05 FILLER   PIC X(8).")
    L("    05 M-SUBJ   PIC X(10).");

static const char proftext[] =
    "[store]\ncodepage = 37\nyear-window = 1950\n"
    "[type OWN]\nitem = account\nrecord = C-OWN\nwhen = C-KIND = 'U'\n"
    "id = C-USER\nname = O-NAME\n"
    "[type ENT]\nitem = calendar\nrecord = C-ENT\nwhen = C-KIND = 'E'\n"
    "account = C-USER\nid = C-ITEM\ndate = E-DATE as YYMMDD\n"
    "time = E-FROM as HHMM\nendtime = E-TO as HHMM\nstatus = E-ST\n"
    "subject = E-SUBJ\nlocation = E-WHERE\n"
    "[type NOTE]\nitem = text\nrecord = C-NOTE\nwhen = C-KIND = 'N'\n"
    "msg = C-ITEM\nline = N-LINE\n"
    "[type MSG]\nitem = message\nrecord = C-MSG\nwhen = C-KIND = 'M'\n"
    "account = C-USER\nid = C-ITEM\nsubject = M-SUBJ\n";

static const uint8_t *fdata;
static size_t fsize;
static hm_memsrc fmem;

static int fz_open(void *ctx, int i, hm_read_fn *fn, void **rctx)
{
    static const uint8_t none[1] = { 0 };
    (void)ctx;
    (void)i;
    hm_memsrc_init(&fmem, fsize ? fdata : none, fsize);
    *fn = hm_memsrc_read;
    *rctx = &fmem;
    return 0;
}

static void fz_close(void *ctx, void *rctx)
{
    (void)ctx;
    (void)rctx;
}

/* the stand-in store */
static const char *const ids[5] = { "AAAA", "BBBB", "CCCC", "DDDD",
                                    "E1" };
static size_t snext;
static int sfail;

static int st_next(void *ctx, hm_account *a)
{
    (void)ctx;
    memset(a, 0, sizeof *a);
    if (snext >= 5)
        return HM_PIPE_END;
    a->id.s = (const unsigned char *)ids[snext];
    a->id.len = strlen(ids[snext]);
    snext++;
    return HM_PIPE_OK;
}

static int st_items(void *ctx, const hm_account *a, hm_pipe_emit emit,
                    void *ectx)
{
    (void)ctx;
    (void)emit;
    (void)ectx;
    return sfail && (a->id.s[0] & 1) ? HM_PIPE_FAIL : HM_PIPE_OK;
}

static unsigned long nitems;

static int fz_emit(void *ectx, const hm_item *it)
{
    (void)ectx;
    nitems++;
    if (it->kind == HM_ITEM_CAL)
        nitems += (it->u.cal.notes.len + it->u.cal.text.len) & 1;
    return HM_PIPE_OK;
}

static hm_copybook *cb;
static hm_profile *prof;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[1] = { "CAL" };
    static const unsigned long cmax[4] = { 0, 1, 300, 0 };
    hm_log lg;
    hm_ls_cfg c;
    hm_ovc_cfg oc;
    hm_settings set;
    hm_lsrc *ls;
    hm_ovc *ovc;
    hm_pipe_src inner, src;
    hm_account a;
    int flags, k = 0;
    hm_log_init(&lg, fz_log, 0);
    if (!cb) {
        cb = hm_cb_parse(&fz_al, (const unsigned char *)cbtext,
                         strlen(cbtext), 0, 0, &lg, "K");
        prof = hm_prof_parse(&fz_al, (const unsigned char *)proftext,
                             strlen(proftext), 0, &lg, "P");
        if (!cb || !prof || hm_prof_bind(prof, cb, &lg, "P") != 0)
            abort();
    }
    if (size < 1)
        return 0;
    flags = data[0];
    fdata = data + 1;
    fsize = size - 1;
    memset(&c, 0, sizeof c);
    c.al = &fz_al;
    c.log = &lg;
    c.cb = cb;
    c.prof = prof;
    c.cp = hm_cp_builtin(37);
    c.names = names;
    c.ndata = 1;
    c.addrtype = "PROFS";
    c.io.open = fz_open;
    c.io.close = fz_close;
    ls = hm_ls_open(&c);
    if (!ls)
        return 0;
    hm_set_init(&set, &fz_al);
    if (flags & 4) {
        set.part_k = 2;
        set.part_n = 2;
    }
    memset(&oc, 0, sizeof oc);
    oc.al = &fz_al;
    oc.log = &lg;
    oc.ls = ls;
    oc.ids = ids;
    oc.nids = 5;
    oc.set = &set;
    oc.cache_max = cmax[flags & 3];
    ovc = hm_ovc_open(&oc);
    if (ovc) {
        snext = 0;
        sfail = (flags & 8) != 0;
        memset(&inner, 0, sizeof inner);
        inner.next_account = st_next;
        inner.items = st_items;
        hm_ovc_source(ovc, &inner, &src);
        while (src.next_account(src.ctx, &a) == HM_PIPE_OK) {
            /* the pipeline's choice in partition 2/2: every second */
            if (!(flags & 4) || (k & 1))
                if (src.items(src.ctx, &a, fz_emit, 0) == HM_PIPE_STOP)
                    break;
            k++;
        }
        hm_ovc_summary(ovc);
        hm_ovc_close(ovc);
    }
    hm_set_free(&set);
    hm_ls_close(ls);
    return 0;
}
