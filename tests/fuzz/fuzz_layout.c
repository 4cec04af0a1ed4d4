/*
 * fuzz_layout.c - libFuzzer harness for the record decoder: the
 * input is a record of a fixed copybook (ODO tables, nested tables,
 * REDEFINES, zoned, packed, binary, dates). Every occurrence of every
 * item is decoded as text, as a number and in every date form, every
 * 88 is tested, and the record is listed as --inspect does.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon \
 *   tests/fuzz/fuzz_layout.c common/layout.c common/copybook.c \
 *   common/profile.c common/inspect.c common/record.c common/msg.c \
 *   common/codepage.c common/cp_tables.c
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hm_profile.h"

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
    (void)line;
    (void)len;
}

static const char cbtext[] =
    "       01  R.\n"
    "           05 REC-TYPE PIC X.\n"
    "              88 IS-H VALUE 'H' 'A' THRU 'C' SPACE.\n"
    "           05 N PIC S9(4) COMP.\n"
    "           05 M PIC 9 COMP-3.\n"
    "           05 G OCCURS 2.\n"
    "              10 T OCCURS 0 TO 3 DEPENDING ON N.\n"
    "                 15 T-NAME PIC X(3).\n"
    "                    88 T-X VALUE X'E7' LOW-VALUE.\n"
    "                 15 T-NUM PIC S9(3)V9 COMP-3.\n"
    "                    88 T-NEG VALUE -999.9 THRU -0.1 ZERO.\n"
    "              10 U PIC S9(3) SIGN LEADING.\n"
    "           05 V OCCURS 1 TO 5 DEPENDING ON M PIC 9(4) COMP-5.\n"
    "           05 D6 PIC 9(6).\n"
    "           05 D6X REDEFINES D6 PIC X(6).\n"
    "           05 D8 PIC S9(8) COMP.\n"
    "           05 D7 PIC S9(7) COMP-3.\n"
    "           05 S PIC X(8).\n"
    "           05 BIG PIC S9(18) COMP.\n"
    "           05 Z PIC 9(31).\n"
    "           05 W PIC X(14).\n";

static const char proftext[] =
    "[type A]\nitem = message\nwhen = REC-TYPE = 'H'\n"
    "from = T-NAME\nstamp = S as STCK\ndate = D6 as YYMMDD\n"
    "[type B]\nitem = text\nline = W\n";

static hm_copybook *cb;
static hm_profile *prof;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_lrec r;
    hm_cpconv cv;
    int f, form, c;
    hm_log_init(&lg, fz_log, 0);
    if (!cb) {
        cb = hm_cb_parse(&al, (const unsigned char *)cbtext,
                         strlen(cbtext), NULL, 0, &lg, "CB");
        prof = hm_prof_parse(&al, (const unsigned char *)proftext,
                             strlen(proftext), NULL, &lg, "P");
        if (!cb || !prof || hm_prof_bind(prof, cb, &lg, "P"))
            abort();
    }
    hm_cpconv_init(&cv, hm_cp_builtin(size % 2 ? 37 : 273), HM_PC_UTF8,
                   HM_NL_CDRA);
    if (hm_lay_open(&r, &al, cb, &cv, &lg, "DS"))
        abort();
    r.window = 1900 + (int)(size % 200);
    r.tod_leap = (long)(size % 40);
    hm_lay_set(&r, data, size, 1);
    for (f = 0; f < cb->nf; f++) {
        int dims[HM_CB_MAXDIM], nd = hm_cb_dims(cb, f, dims), k;
        unsigned long subs[HM_CB_MAXDIM];
        long cnt[HM_CB_MAXDIM];
        for (k = 0; k < nd; k++) {
            cnt[k] = hm_lay_count(&r, dims[k]);
            if (cnt[k] < 0)
                goto next;
            subs[k] = 1;
        }
        for (;;) {
            unsigned char out[256];
            size_t n;
            hm_num v;
            hm_dt dt;
            unsigned long off, sz;
            int rc;
            for (k = 0; k < nd; k++)
                if ((long)subs[k] > cnt[k])
                    break;
            if (k == nd) {
                rc = hm_lay_locate(&r, f, subs, nd, &off, &sz);
                if (rc == 0 && (off > size || sz > size - off))
                    abort();
                rc = hm_lay_text(&r, f, subs, nd, out, sizeof out, &n);
                if (rc >= 0 && n > sizeof out)
                    abort();
                rc = hm_lay_num(&r, f, subs, nd, &v);
                if (rc >= 0 && (v.ndig < 0 || v.ndig > HM_NUM_MAXDIG))
                    abort();
                for (form = 0; form <= HM_DF_COUNT; form++) {
                    rc = hm_lay_date(&r, f, subs, nd, form, &dt);
                    if (rc == HM_LAY_OK && dt.has_date
                        && (dt.month < 1 || dt.month > 12 || dt.day < 1
                            || dt.day > hm_dt_mdays(dt.year, dt.month)))
                        abort();
                    if (rc == HM_LAY_OK && dt.has_time
                        && (dt.hour > 23 || dt.minute > 59
                            || dt.second > 59))
                        abort();
                }
                for (c = cb->f[f].cond;
                     c < cb->f[f].cond + cb->f[f].ncond; c++)
                    (void)hm_lay_cond(&r, c, subs, nd);
            }
            /* next subscript combination */
            for (k = nd - 1; k >= 0; k--) {
                if ((long)subs[k] < cnt[k]) {
                    subs[k]++;
                    break;
                }
                subs[k] = 1;
            }
            if (k < 0)
                break;
        }
    next:
        ;
    }
    hm_inspect_record(prof, &r, hm_prof_type(prof, &r), fz_line, 0);
    hm_lay_close(&r);
    return 0;
}
