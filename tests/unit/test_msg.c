/* test_msg.c - the message catalogue and its formatter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "hm_msg.h"

static char last[512];
static int lastsev;
static int nlines;

static void sink(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    memcpy(last, line, len);
    last[len] = 0;
    lastsev = sev;
    nlines++;
}

static void catalogue_sorted(void **st)
{
    (void)st;
    assert_true(hm_msg_selfcheck() > 10);
}

static void format_inserts(void **st)
{
    char buf[256];
    const char *a[2] = { "FILE A", "42" };
    (void)st;
    hm_msg_format(HMM_OPEN, a, 2, buf, sizeof buf);
    assert_string_equal(buf, "HMG0003E Cannot open FILE A: 42");
    /* a missing insert becomes empty */
    hm_msg_format(HMM_OPEN, a, 1, buf, sizeof buf);
    assert_string_equal(buf, "HMG0003E Cannot open FILE A: ");
    /* truncation keeps the terminator */
    hm_msg_format(HMM_OPEN, a, 2, buf, 10);
    assert_int_equal(strlen(buf), 9);
    assert_memory_equal(buf, "HMG0003E ", 9);
}

static void severity_letters_and_rc(void **st)
{
    hm_log lg;
    (void)st;
    hm_log_init(&lg, sink, 0);
    assert_int_equal(hm_log_rc(&lg), 0);
    hm_msg1(&lg, HMM_START, "x");
    assert_int_equal(hm_log_rc(&lg), 0);
    assert_memory_equal(last, "HMG0001I", 8);
    hm_msg2(&lg, HMM_UNMAPPED, "f", "3");
    assert_int_equal(hm_log_rc(&lg), 4);
    assert_memory_equal(last, "HMG0051W", 8);
    hm_msg2(&lg, HMM_OPEN, "f", "e");
    assert_int_equal(hm_log_rc(&lg), 8);
    hm_msg2(&lg, HMM_WRITE, "f", "e");
    assert_int_equal(hm_log_rc(&lg), 12);
    assert_memory_equal(last, "HMG0005S", 8);
    hm_msg1(&lg, HMM_NOSTOR, "f");
    assert_int_equal(hm_log_rc(&lg), 16);
    /* a terminating message still carries the letter S */
    assert_memory_equal(last, "HMG0007S", 8);
    assert_int_equal(lg.count[HM_SEV_W], 1);
    /* a lower severity afterwards does not lower the rc */
    hm_msg1(&lg, HMM_START, "x");
    assert_int_equal(hm_log_rc(&lg), 16);
}

static void quiet_info(void **st)
{
    hm_log lg;
    (void)st;
    hm_log_init(&lg, sink, 0);
    lg.quiet_info = 1;
    nlines = 0;
    hm_msg1(&lg, HMM_START, "x");
    assert_int_equal(nlines, 0);
    assert_int_equal(lg.count[HM_SEV_I], 1);
    hm_msg2(&lg, HMM_OPEN, "f", "e");
    assert_int_equal(nlines, 1);
    assert_int_equal(lastsev, HM_SEV_E);
}

static void unknown_id(void **st)
{
    char buf[64];
    (void)st;
    assert_int_equal(hm_msg_sev(9998), -1);
    hm_msg_format(9998, 0, 0, buf, sizeof buf);
    assert_memory_equal(buf, "HMG9998S", 8);
}

static void numbers(void **st)
{
    char b[24];
    (void)st;
    assert_string_equal(hm_fmt_ulong(0, b), "0");
    assert_string_equal(hm_fmt_ulong(4294967295ul, b), "4294967295");
    assert_string_equal(hm_fmt_long(-17, b), "-17");
    assert_string_equal(hm_fmt_hex(0x4Aul, 2, b), "4A");
    assert_string_equal(hm_fmt_hex(0xC1ul, 4, b), "00C1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(catalogue_sorted),
        cmocka_unit_test(format_inserts),
        cmocka_unit_test(severity_letters_and_rc),
        cmocka_unit_test(quiet_info),
        cmocka_unit_test(unknown_id),
        cmocka_unit_test(numbers),
    };
    return cmocka_run_group_tests(tests, 0, 0);
}
