/*
 * vec_msg.h - vectors of the message catalogue and its formatter
 * (common/msg.c). Expected texts are literals: they are in the
 * execution character set, like the catalogue's texts.
 */
#ifndef VEC_MSG_H
#define VEC_MSG_H

#include "hv.h"
#include "hm_msg.h"

/* hm_msg_format(id, args, nargs, buf, cap) */
struct hv_fmtcase {
    const char *name;
    int id;
    int nargs;
    const char *a[5];
    size_t cap;
    const char *want;
};

static const struct hv_fmtcase hv_fmtcases[] = {
    { "inserts", HMM_OPEN, 2, { "FILE A", "42" }, 256,
      "HMG0003E Cannot open FILE A: 42" },
    { "missing insert", HMM_OPEN, 1, { "FILE A", "42" }, 256,
      "HMG0003E Cannot open FILE A: " },
    { "no args", HMM_OPEN, 0, { 0 }, 256,
      "HMG0003E Cannot open : " },
    { "truncated", HMM_OPEN, 2, { "FILE A", "42" }, 10,
      "HMG0003E " },
    { "cap 1", HMM_OPEN, 2, { "FILE A", "42" }, 1, "" },
    { "unknown id", 9998, 0, { 0 }, 64,
      "HMG9998S Message not in the catalogue" },
    { "info", HMM_START, 1, { "HMCAT" }, 256,
      "HMG0001I HMCAT started" },
    { "warning", HMM_UNMAPPED, 2, { "A.B", "3" }, 256,
      "HMG0051W A.B: 3 characters had no equivalent in the target "
      "code page and were replaced by ?" },
    { "terminating", HMM_NOSTOR, 1, { "X" }, 256,
      "HMG0007S Out of storage while processing X" },
    { "second insert first", HMM_OPTVAL, 2, { "--lrecl", "0" }, 256,
      "HMG0022E Value 0 is not valid for option --lrecl" },
    { "five inserts", HMM_FSHORT, 5, { "T.DAT", "3", "8", "2", "4" },
      256, "HMG0157W T.DAT: the last record 3 at byte offset 8 has 2 "
      "bytes, fewer than the record length 4" },
    { "insert order", HMM_BDWMISM, 5,
      { "T.DAT", "5", "18", "14", "12" }, 256,
      "HMG0154E T.DAT: the block at byte offset 18 has BDW length 14 "
      "but its records fill 12 bytes (before record 5); the rest of "
      "the file is not read" }
};

struct hv_sevcase {
    int id;
    int sev;
};

static const struct hv_sevcase hv_sevcases[] = {
    { HMM_START, HM_SEV_I }, { HMM_UNMAPPED, HM_SEV_W },
    { HMM_OPEN, HM_SEV_E }, { HMM_WRITE, HM_SEV_S },
    { HMM_NOSTOR, HM_SEV_T }, { HMM_RECSTOR, HM_SEV_S },
    { HMM_FSHORT, HM_SEV_W }, { 9998, -1 }, { 0, -1 }
};

struct hv_numcase {
    int kind;            /* 0 ulong, 1 long, 2 hex */
    long v;
    int digits;
    const char *want;
};

static const struct hv_numcase hv_numcases[] = {
    { 0, 0, 0, "0" }, { 0, 7, 0, "7" }, { 0, 10, 0, "10" },
    { 0, 2147483647L, 0, "2147483647" },
    { 1, -17, 0, "-17" }, { 1, 0, 0, "0" }, { 1, 123456, 0, "123456" },
    { 1, -2147483647L - 1, 0, "-2147483648" },
    { 2, 0x4A, 2, "4A" }, { 2, 0xC1, 4, "00C1" },
    { 2, 0x7EADBEEFL, 8, "7EADBEEF" }, { 2, 5, 0, "5" },
    { 2, 0x1234, 1, "4" }, { 2, 0xAB, 3, "0AB" }
};

static char hv_last[512];
static int hv_lastsev, hv_nlines;

static void hv_msgsink(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    if (len >= sizeof hv_last)
        len = sizeof hv_last - 1;
    memcpy(hv_last, line, len);
    hv_last[len] = 0;
    hv_lastsev = sev;
    hv_nlines++;
}

/* The severity and return code sequence of one log. */
static int hv_msg_rc(hv_ctx *c)
{
    hm_log lg;
    hm_log_init(&lg, hv_msgsink, 0);
    HV_EQ(c, "rc, empty log", hm_log_rc(&lg), 0);
    hm_msg1(&lg, HMM_START, "x");
    HV_EQ(c, "rc after I", hm_log_rc(&lg), 0);
    HV_MEM(c, "ID", hv_last, 8, "HMG0001I", 8);
    hm_msg2(&lg, HMM_UNMAPPED, "f", "3");
    HV_EQ(c, "rc after W", hm_log_rc(&lg), 4);
    HV_MEM(c, "ID", hv_last, 8, "HMG0051W", 8);
    hm_msg2(&lg, HMM_OPEN, "f", "e");
    HV_EQ(c, "rc after E", hm_log_rc(&lg), 8);
    hm_msg2(&lg, HMM_WRITE, "f", "e");
    HV_EQ(c, "rc after S", hm_log_rc(&lg), 12);
    HV_MEM(c, "ID", hv_last, 8, "HMG0005S", 8);
    hm_msg1(&lg, HMM_NOSTOR, "f");
    HV_EQ(c, "rc after T", hm_log_rc(&lg), 16);
    HV_MEM(c, "ID of T", hv_last, 8, "HMG0007S", 8);
    HV_EQ(c, "W count", lg.count[HM_SEV_W], 1);
    hm_msg1(&lg, HMM_START, "x");
    HV_EQ(c, "rc after a later I", hm_log_rc(&lg), 16);
    HV_EQ(c, "msg on no log", hm_msg1(NULL, HMM_OPEN, "x"), HM_SEV_E);
    return 1;
}

static int hv_msg_quiet(hv_ctx *c)
{
    hm_log lg;
    hm_log_init(&lg, hv_msgsink, 0);
    lg.quiet_info = 1;
    hv_nlines = 0;
    hm_msg1(&lg, HMM_START, "x");
    HV_EQ(c, "lines after quiet I", hv_nlines, 0);
    HV_EQ(c, "I count", lg.count[HM_SEV_I], 1);
    hm_msg2(&lg, HMM_OPEN, "f", "e");
    HV_EQ(c, "lines after E", hv_nlines, 1);
    HV_EQ(c, "severity passed", hv_lastsev, HM_SEV_E);
    HV_STR(c, "line", hv_last, "HMG0003E Cannot open f: e");
    return 1;
}

static int hv_msg_fmt(hv_ctx *c, const struct hv_fmtcase *f)
{
    char buf[512];
    size_t n;
    memset(buf, 0x5A, sizeof buf);
    n = hm_msg_format(f->id, f->a, f->nargs, buf, f->cap);
    HV_STR(c, "text", buf, f->want);
    HV_EQ(c, "length", n, strlen(f->want));
    HV_EQ(c, "byte after the cap", (unsigned char)buf[f->cap], 0x5A);
    return 1;
}

static int hv_msg_num(hv_ctx *c, const struct hv_numcase *k)
{
    char buf[24];
    char *r;
    if (k->kind == 0)
        r = hm_fmt_ulong((unsigned long)k->v, buf);
    else if (k->kind == 1)
        r = hm_fmt_long(k->v, buf);
    else
        r = hm_fmt_hex((unsigned long)k->v, k->digits, buf);
    HV_TRUE(c, "returns buf", r == buf);
    HV_STR(c, "text", buf, k->want);
    return 1;
}

/* sev_rc(-1 .. 5) */
static const int hv_sevrc[7] = { 0, 0, 4, 8, 12, 16, 16 };

static int hv_msg(hv_ctx *c, int i)
{
    int n;
    if (i == 0) {
        hv_name(c, "msg catalogue sorted");
        if (c->dry)
            return 1;
        n = hm_msg_selfcheck();
        HV_TRUE(c, "hm_msg_selfcheck <= 10", n > 10);
        return 1;
    }
    if (i == 1) {
        hv_name(c, "msg rc sequence");
        return c->dry ? 1 : hv_msg_rc(c);
    }
    if (i == 2) {
        hv_name(c, "msg quiet info");
        return c->dry ? 1 : hv_msg_quiet(c);
    }
    if (i == 3) {
        hv_name(c, "msg sev_rc");
        if (c->dry)
            return 1;
        for (n = -1; n <= 5; n++)
            HV_EQ(c, "hm_sev_rc", hm_sev_rc(n), hv_sevrc[n + 1]);
        return 1;
    }
    i -= 4;
    if (i < (int)HV_NA(hv_fmtcases)) {
        hv_name(c, "msg format ");
        hv_names(c, hv_fmtcases[i].name);
        return c->dry ? 1 : hv_msg_fmt(c, &hv_fmtcases[i]);
    }
    i -= (int)HV_NA(hv_fmtcases);
    if (i < (int)HV_NA(hv_sevcases)) {
        hv_name(c, "msg severity ");
        hv_nameu(c, (unsigned long)hv_sevcases[i].id);
        if (c->dry)
            return 1;
        HV_EQ(c, "hm_msg_sev", hm_msg_sev(hv_sevcases[i].id),
              hv_sevcases[i].sev);
        return 1;
    }
    i -= (int)HV_NA(hv_sevcases);
    if (i < (int)HV_NA(hv_numcases)) {
        static const char *const kinds[3] = {
            "msg fmt_ulong ", "msg fmt_long ", "msg fmt_hex "
        };
        hv_name(c, kinds[hv_numcases[i].kind]);
        hv_names(c, hv_numcases[i].want);
        return c->dry ? 1 : hv_msg_num(c, &hv_numcases[i]);
    }
    return -1;
}

#endif
