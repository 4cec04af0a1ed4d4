/*
 * fuzz_profile.c - libFuzzer harness for store profiles: parse the
 * input as a profile (ASCII/UTF-8), bind it to a fixed copybook and,
 * when that works, choose the type of fixed records and list them as
 * --inspect does.
 *
 * clang -g -O1 -fsanitize=fuzzer,address,undefined -Icommon \
 *   tests/fuzz/fuzz_profile.c common/profile.c common/inspect.c \
 *   common/layout.c common/copybook.c common/record.c common/msg.c \
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
    if (len >= 320 || strlen(line) != len)
        abort();
}

/* the copybook, ASCII, as bytes written as text here: this harness
 * is built natively only */
static const char cbtext[] =
    "       01  R.\n"
    "           05 REC-TYPE PIC X.\n"
    "              88 IS-H VALUE 'H'.\n"
    "           05 N PIC S9(4) COMP.\n"
    "           05 T OCCURS 0 TO 4 DEPENDING ON N.\n"
    "              10 T-NAME PIC X(4).\n"
    "              10 T-NUM PIC S9(3) COMP-3.\n"
    "           05 D PIC 9(6).\n"
    "           05 S PIC X(8).\n"
    "       01  R2.\n"
    "           05 FILLER PIC X.\n"
    "           05 TXT PIC X(10).\n";

static const unsigned char rec1[] = {
    0xC8, 0x00, 0x02, 0xC1, 0xC2, 0x40, 0x40, 0x12, 0x3C, 0xC3, 0x40,
    0x40, 0x40, 0x00, 0x5D, 0xF2, 0xF4, 0xF0, 0xF2, 0xF2, 0xF9, 0x81,
    0x26, 0xD6, 0x0E, 0x46, 0x00, 0x00, 0x00
};
static const unsigned char rec2[] = { 0xE3, 0x00, 0x09, 0xC1 };

static hm_copybook *cb;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_alloc al = { fz_alloc, fz_release, 0 };
    hm_log lg;
    hm_profile *p;
    hm_lrec r;
    hm_cpconv cv;
    hm_log_init(&lg, fz_log, 0);
    if (!cb) {
        cb = hm_cb_parse(&al, (const unsigned char *)cbtext,
                         strlen(cbtext), NULL, 0, &lg, "CB");
        if (!cb)
            abort();
    }
    p = hm_prof_parse(&al, data, size, NULL, &lg, "FUZZ");
    if (!p)
        return 0;
    if (hm_prof_bind(p, cb, &lg, "FUZZ") == 0) {
        int t;
        hm_cpconv_init(&cv, hm_cp_builtin(37), HM_PC_UTF8, HM_NL_CDRA);
        if (hm_lay_open(&r, &al, cb, &cv, &lg, "DS"))
            abort();
        r.window = p->window;
        r.tod_leap = p->tod_leap;
        hm_lay_set(&r, rec1, sizeof rec1, 1);
        t = hm_prof_type(p, &r);
        if (t < -1 || t >= p->nt)
            abort();
        hm_inspect_record(p, &r, t, fz_line, 0);
        hm_lay_set(&r, rec2, sizeof rec2, 2);
        t = hm_prof_type(p, &r);
        hm_inspect_record(p, &r, t, fz_line, 0);
        hm_lay_close(&r);
    }
    hm_prof_free(p);
    return 0;
}
