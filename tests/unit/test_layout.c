/*
 * test_layout.c - the record decoder (layout.c): zoned, packed and
 * binary numbers, text, ODO, REDEFINES, 88 conditions, dates.
 *
 * Records are hex byte arrays in EBCDIC (IBM-1047); copybooks are
 * string literals given to the parser in the execution character
 * set's own page (see test_copybook.c). Expected UTF-8 text and
 * date strings are hex too.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "hm_layout.h"

static long live;

static void *t_alloc(void *ctx, size_t n)
{
    (void)ctx;
    live++;
    return malloc(n);
}

static void t_release(void *ctx, void *p)
{
    (void)ctx;
    if (p)
        live--;
    free(p);
}

static hm_alloc al = { t_alloc, t_release, 0 };

static char logbuf[8192];
static size_t loglen;

static void cap_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    if (loglen + len + 2 < sizeof logbuf) {
        memcpy(logbuf + loglen, line, len);
        loglen += len;
        logbuf[loglen++] = '\n';
        logbuf[loglen] = 0;
    }
}

static int logged(const char *s)
{
    return strstr(logbuf, s) != NULL;
}

static hm_log lg;
static hm_cpconv cv;

static const hm_cpage *tcp(void)
{
    return ('A' == 0xC1) ? hm_cp_builtin(1047) : NULL;
}

#define L(s) "       " s "\n"

static const char num_cb[] =
    L("01  REC.")
    L("    05 REC-TYPE   PIC X.")
    L("       88 IS-HDR  VALUE 'H'.")
    L("       88 IS-TXT  VALUE 'T' 'U'.")
    L("       88 IS-ATOC VALUE 'A' THRU 'C'.")
    L("       88 IS-X    VALUE X'C8'.")
    L("    05 ZD         PIC S9(5)V99.")
    L("    05 ZU         PIC 9(3).")
    L("       88 ZU-SOME VALUE 1 THRU 99.")
    L("    05 PK         PIC S9(5)V9(2) COMP-3.")
    L("       88 PK-NEG  VALUE -99999.99 THRU -0.01.")
    L("    05 PU         PIC 9(4) COMP-3.")
    L("    05 BH         PIC S9(4) COMP.")
    L("    05 BF         PIC 9(9) COMP.")
    L("    05 BD         PIC S9(18) COMP.")
    L("    05 N-LINES    PIC 9(2).")
    L("    05 TXT OCCURS 0 TO 5 DEPENDING ON N-LINES PIC X(4).")
    L("       88 TXT-BLANK VALUE SPACE.")
    L("    05 TAIL       PIC X(3).");

static unsigned char rec[] = {
    0xC8,                                      /* H */
    0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xC7,  /* +12345.67 */
    0xF0, 0xF4, 0xF2,                          /* 042 */
    0x12, 0x34, 0x56, 0x7D,                    /* -12345.67 */
    0x01, 0x23, 0x4F,                          /* 1234 */
    0xFF, 0xFE,                                /* -2 */
    0xEE, 0x6B, 0x28, 0x00,                    /* 4000000000 */
    0xEE, 0xDD, 0xEF, 0x0B, 0x82, 0x16, 0x7E, 0xEB,
    0xF0, 0xF2,                                /* 2 lines */
    0xC1, 0xC2, 0x40, 0x40,                    /* "AB  " */
    0x63, 0xC1, 0x00, 0x00,                    /* A-umlaut A */
    0xE7, 0xE8, 0xE9                           /* XYZ */
};

typedef struct fix {
    hm_copybook *cb;
    hm_lrec r;
} fix;

static fix F;

static int setup_cb(const char *text)
{
    live = 0;
    loglen = 0;
    logbuf[0] = 0;
    hm_log_init(&lg, cap_log, NULL);
    F.cb = hm_cb_parse(&al, (const unsigned char *)text, strlen(text),
                       tcp(), 0, &lg, "CB");
    if (!F.cb)
        return -1;
    hm_cpconv_init(&cv, hm_cp_builtin(1047), HM_PC_UTF8, HM_NL_CDRA);
    return hm_lay_open(&F.r, &al, F.cb, &cv, &lg, "TESTDS");
}

static int setup_num(void **st)
{
    (void)st;
    return setup_cb(num_cb);
}

static int teardown(void **st)
{
    (void)st;
    hm_lay_close(&F.r);
    hm_cb_free(F.cb);
    return live == 0 ? 0 : -1;
}

static int fld(const char *name)
{
    return hm_cb_find(F.cb, (const unsigned char *)name, strlen(name),
                      tcp());
}

static long numval(const char *name, int *scale, int *rc)
{
    hm_num n;
    long v = 0;
    *rc = hm_lay_num(&F.r, fld(name), 0, 0, &n);
    if (*rc == HM_LAY_OK || *rc == HM_LAY_EMPTY)
        assert_int_equal(hm_num_long(&n, &v), 0);
    *scale = n.scale;
    return v;
}

static void t_numbers(void **st)
{
    int sc, rc;
    hm_num n;
    char buf[48];
    (void)st;
    hm_lay_set(&F.r, rec, sizeof rec, 7);
    assert_int_equal(numval("ZD", &sc, &rc), 1234567);
    assert_int_equal(sc, 2);
    assert_int_equal(rc, HM_LAY_OK);
    assert_int_equal(numval("ZU", &sc, &rc), 42);
    assert_int_equal(sc, 0);
    assert_int_equal(numval("PK", &sc, &rc), -1234567);
    assert_int_equal(sc, 2);
    assert_int_equal(numval("PU", &sc, &rc), 1234);
    assert_int_equal(numval("BH", &sc, &rc), -2);
    assert_int_equal(hm_lay_num(&F.r, fld("BF"), 0, 0, &n), 0);
    assert_string_equal(hm_num_fmt(&n, buf), "4000000000");
    {
        long big;
        assert_int_equal(hm_num_long(&n, &big), -1);
    }
    assert_int_equal(hm_lay_num(&F.r, fld("BD"), 0, 0, &n), 0);
    assert_string_equal(hm_num_fmt(&n, buf), "-1234567890123456789");
    assert_int_equal(hm_lay_num(&F.r, fld("PK"), 0, 0, &n), 0);
    assert_string_equal(hm_num_fmt(&n, buf), "-12345.67");
    assert_int_equal(loglen, 0);
}

static void t_numbers_bad(void **st)
{
    unsigned char r2[sizeof rec];
    int sc, rc;
    hm_num n;
    (void)st;
    /* zoned: a zone other than F inside */
    memcpy(r2, rec, sizeof rec);
    r2[3] = 0xC3;
    hm_lay_set(&F.r, r2, sizeof r2, 7);
    numval("ZD", &sc, &rc);
    assert_int_equal(rc, HM_LAY_ERR);
    assert_true(logged("HMG0831E TESTDS record 7: item ZD at offset 1 "
                       "is not valid zoned decimal: X'F1F2C3F4F5F6C7'"));
    /* a negative sign on an unsigned item */
    r2[3] = 0xF3;
    r2[10] = 0xD2;
    numval("ZU", &sc, &rc);
    assert_int_equal(rc, HM_LAY_ERR);
    assert_true(logged("item ZU at offset 8 is not valid zoned"));
    /* a digit above 9 */
    r2[10] = 0xFA;
    numval("ZU", &sc, &rc);
    assert_int_equal(rc, HM_LAY_ERR);
    r2[10] = 0xF2;
    /* packed: a bad digit and a bad sign */
    r2[13] = 0x5A;
    numval("PK", &sc, &rc);
    assert_int_equal(rc, HM_LAY_ERR);
    assert_true(logged("HMG0832E TESTDS record 7: item PK at offset 11 "
                       "is not valid packed decimal: X'12345A7D'"));
    r2[13] = 0x56;
    r2[14] = 0x75;
    numval("PK", &sc, &rc);
    assert_int_equal(rc, HM_LAY_ERR);
    r2[14] = 0x7D;
    r2[17] = 0x4D; /* unsigned packed with a minus */
    numval("PU", &sc, &rc);
    assert_int_equal(rc, HM_LAY_ERR);
    r2[17] = 0x4C; /* C is fine */
    assert_int_equal(numval("PU", &sc, &rc), 1234);
    /* blanks and low values: EMPTY */
    memset(r2 + 1, 0x40, 7);
    numval("ZD", &sc, &rc);
    assert_int_equal(rc, HM_LAY_EMPTY);
    memset(r2 + 11, 0x00, 4);
    numval("PK", &sc, &rc);
    assert_int_equal(rc, HM_LAY_EMPTY);
    /* text is not a number */
    assert_int_equal(hm_lay_num(&F.r, fld("TAIL"), 0, 0, &n),
                     HM_LAY_ERR);
    assert_true(logged("item TAIL at offset 42 is not numeric"));
    /* quiet: no message */
    loglen = 0;
    F.r.quiet = 1;
    assert_int_equal(hm_lay_num(&F.r, fld("TAIL"), 0, 0, &n),
                     HM_LAY_ERR);
    assert_int_equal(loglen, 0);
}

static void t_odo(void **st)
{
    unsigned char r2[sizeof rec];
    unsigned long off, size, s1 = 1, s3 = 3;
    unsigned char out[64];
    size_t n;
    static const unsigned char ab[] = { 0x41, 0x42 };
    static const unsigned char aa[] = { 0xC3, 0x84, 0x41 };
    static const unsigned char xyz[] = { 0x58, 0x59, 0x5A };
    unsigned long s2 = 2;
    (void)st;
    hm_lay_set(&F.r, rec, sizeof rec, 1);
    assert_int_equal(hm_lay_count(&F.r, fld("TXT")), 2);
    assert_int_equal(hm_lay_locate(&F.r, fld("TAIL"), 0, 0, &off,
                                   &size), 0);
    assert_int_equal(off, 42);
    assert_int_equal(size, 3);
    assert_int_equal(hm_lay_text(&F.r, fld("TXT"), &s1, 1, out,
                                 sizeof out, &n), 0);
    assert_int_equal(n, 2);
    assert_memory_equal(out, ab, 2);
    assert_int_equal(hm_lay_text(&F.r, fld("TXT"), &s2, 1, out,
                                 sizeof out, &n), 0);
    assert_int_equal(n, 3);
    assert_memory_equal(out, aa, 3);
    assert_int_equal(hm_lay_text(&F.r, fld("TAIL"), 0, 0, out,
                                 sizeof out, &n), 0);
    assert_memory_equal(out, xyz, 3);
    /* truncation at a character boundary */
    assert_int_equal(hm_lay_text(&F.r, fld("TXT"), &s2, 1, out, 2, &n),
                     HM_LAY_TRUNC);
    assert_int_equal(n, 2);
    /* subscripts */
    assert_int_equal(hm_lay_locate(&F.r, fld("TXT"), &s3, 1, &off,
                                   &size), HM_LAY_ERR);
    assert_true(logged("HMG0835E TESTDS record 1: subscript 3 of item "
                       "TXT(3) is outside 1 to 2"));
    assert_int_equal(hm_lay_locate(&F.r, fld("TXT"), 0, 0, &off,
                                   &size), HM_LAY_ERR);
    assert_true(logged("item TXT needs 1 subscripts, 0 were given"));
    /* no lines: the tail moves up */
    memcpy(r2, rec, sizeof rec);
    r2[33] = 0xF0;
    hm_lay_set(&F.r, r2, 37, 2);
    assert_int_equal(hm_lay_count(&F.r, fld("TXT")), 0);
    assert_int_equal(hm_lay_locate(&F.r, fld("TAIL"), 0, 0, &off,
                                   &size), 0);
    assert_int_equal(off, 34);
    /* a record too short for its tail */
    r2[33] = 0xF2;
    hm_lay_set(&F.r, r2, 40, 3);
    assert_int_equal(hm_lay_locate(&F.r, fld("TAIL"), 0, 0, &off,
                                   &size), HM_LAY_ERR);
    assert_true(logged("HMG0830E TESTDS record 3: item TAIL at offset 42 "
                       "(3 bytes) does not fit into the record of 40"));
    /* a count above the maximum: nothing can be decoded */
    r2[33] = 0xF6;
    hm_lay_set(&F.r, r2, sizeof r2, 4);
    assert_int_equal(hm_lay_locate(&F.r, fld("ZD"), 0, 0, &off, &size),
                     HM_LAY_ERR);
    assert_true(logged("HMG0833E TESTDS record 4: the count 6 in N-LINES "
                       "at offset 32 is outside 0 to 5"));
    assert_int_equal(hm_lay_count(&F.r, fld("TXT")), -1);
    /* a count that is no number */
    r2[33] = 0x40;
    r2[32] = 0xC1;
    hm_lay_set(&F.r, r2, sizeof r2, 5);
    assert_int_equal(hm_lay_count(&F.r, fld("TXT")), -1);
    assert_true(logged("TESTDS record 5: item N-LINES at offset 32 is not "
                       "valid zoned decimal: X'C140'"));
}

static void t_conditions(void **st)
{
    unsigned char r2[sizeof rec];
    int c;
    unsigned long s1 = 1, s2 = 2;
#define COND(n) hm_cb_findcond(F.cb, (const unsigned char *)n, \
                               strlen(n), tcp())
    (void)st;
    memcpy(r2, rec, sizeof rec);
    hm_lay_set(&F.r, r2, sizeof r2, 1);
    assert_int_equal(hm_lay_cond(&F.r, COND("IS-HDR"), 0, 0), 1);
    assert_int_equal(hm_lay_cond(&F.r, COND("IS-TXT"), 0, 0), 0);
    assert_int_equal(hm_lay_cond(&F.r, COND("IS-ATOC"), 0, 0), 0);
    assert_int_equal(hm_lay_cond(&F.r, COND("IS-X"), 0, 0), 1);
    assert_int_equal(hm_lay_cond(&F.r, COND("ZU-SOME"), 0, 0), 1);
    assert_int_equal(hm_lay_cond(&F.r, COND("PK-NEG"), 0, 0), 1);
    c = COND("TXT-BLANK");
    assert_int_equal(hm_lay_cond(&F.r, c, &s1, 1), 0);
    r2[38] = r2[39] = r2[40] = r2[41] = 0x40;
    assert_int_equal(hm_lay_cond(&F.r, c, &s2, 1), 1);
    r2[0] = 0xE4; /* U */
    assert_int_equal(hm_lay_cond(&F.r, COND("IS-TXT"), 0, 0), 1);
    r2[0] = 0xC2; /* B */
    assert_int_equal(hm_lay_cond(&F.r, COND("IS-ATOC"), 0, 0), 1);
    r2[8] = 0xF1; /* 142 */
    assert_int_equal(hm_lay_cond(&F.r, COND("ZU-SOME"), 0, 0), 0);
    r2[14] = 0x7C;
    assert_int_equal(hm_lay_cond(&F.r, COND("PK-NEG"), 0, 0), 0);
#undef COND
}

/* ---- dates ---- */

static const char date_cb[] =
    L("01  D.")
    L("    05 D-YYMMDD   PIC 9(6).")
    L("    05 D-ISO      PIC X(10).")
    L("    05 D-CYYDDD   PIC S9(7) COMP-3.")
    L("    05 D-YYDDD    PIC 9(5) COMP-3.")
    L("    05 T-HHMMSS   PIC 9(6).")
    L("    05 T-HHMM     PIC 9(4) COMP.")
    L("    05 D-STCK     PIC X(8).")
    L("    05 D-MMDDYY   PIC X(6).")
    L("    05 D-PARTS REDEFINES D-MMDDYY.")
    L("       10 D-MM    PIC 99.")
    L("       10 D-DD    PIC 99.")
    L("       10 D-YY    PIC 99.")
    L("    05 D-CYYMMDD  PIC 9(7).")
    L("    05 D-STAMP    PIC 9(14).");

static unsigned char drec[] = {
    0xF4, 0xF9, 0xF1, 0xF2, 0xF3, 0xF1,                   /* 491231 */
    0xF2, 0xF0, 0xF2, 0xF4, 0x60, 0xF0, 0xF2, 0x60, 0xF2, 0xF9,
    0x01, 0x24, 0x06, 0x0F,                               /* 0124060F */
    0x00, 0x36, 0x6F,                                     /* 00366 */
    0xF2, 0xF3, 0xF5, 0xF9, 0xF5, 0xF9,                   /* 235959 */
    0x04, 0xD2,                                           /* 1234 */
    0x81, 0x26, 0xD6, 0x0E, 0x46, 0x00, 0x00, 0x00,       /* 1972 */
    0xF0, 0xF2, 0xF2, 0xF9, 0xF0, 0xF0,                   /* 022900 */
    0xF1, 0xF2, 0xF4, 0xF0, 0xF2, 0xF2, 0xF9,             /* 1240229 */
    0xF2, 0xF0, 0xF0, 0xF1, 0xF0, 0xF9, 0xF0, 0xF9,
    0xF0, 0xF1, 0xF4, 0xF6, 0xF4, 0xF0                    /* stamp */
};

static int setup_date(void **st)
{
    (void)st;
    return setup_cb(date_cb);
}

/* expected YYYYMMDDHHMMSS as ASCII digits, from a C number string
 * converted digit by digit (digits are contiguous everywhere) */
static void want_str(const hm_dt *dt, const char *digits)
{
    unsigned char got[15], exp[15];
    int i;
    hm_dt_str(dt, got);
    for (i = 0; i < 14; i++)
        exp[i] = (unsigned char)(0x30 + (digits[i] - '0'));
    exp[14] = 0;
    assert_memory_equal(got, exp, 15);
}

static int date(const char *name, int form, hm_dt *dt)
{
    return hm_lay_date(&F.r, fld(name), 0, 0, form, dt);
}

static void t_dates(void **st)
{
    hm_dt dt, tm, m;
    unsigned char r2[sizeof drec];
    (void)st;
    memcpy(r2, drec, sizeof drec);
    hm_lay_set(&F.r, r2, sizeof r2, 9);
    assert_int_equal(date("D-YYMMDD", HM_DF_YYMMDD, &dt), 0);
    want_str(&dt, "20491231000000");
    F.r.window = 1930;
    assert_int_equal(date("D-YYMMDD", HM_DF_YYMMDD, &dt), 0);
    want_str(&dt, "19491231000000");
    F.r.window = 1950;
    assert_int_equal(date("D-ISO", HM_DF_YYYYMMDD, &dt), 0);
    want_str(&dt, "20240229000000");
    assert_int_equal(date("D-CYYDDD", HM_DF_CYYDDD, &dt), 0);
    want_str(&dt, "20240229000000");
    assert_int_equal(date("D-YYDDD", HM_DF_YYDDD, &dt), 0);
    want_str(&dt, "20001231000000");      /* 2000 is a leap year */
    assert_int_equal(date("T-HHMMSS", HM_DF_HHMMSS, &tm), 0);
    want_str(&tm, "00000000235959");
    assert_int_equal(tm.has_date, 0);
    hm_dt_merge(&dt, &tm, &m);
    want_str(&m, "20001231235959");
    assert_int_equal(date("T-HHMM", HM_DF_HHMM, &tm), 0);
    want_str(&tm, "00000000123400");
    assert_int_equal(date("D-STCK", HM_DF_STCK, &dt), 0);
    want_str(&dt, "19720101000000");
    assert_int_equal(date("D-MMDDYY", HM_DF_MMDDYY, &dt), 0);
    want_str(&dt, "20000229000000");
    assert_int_equal(date("D-CYYMMDD", HM_DF_CYYMMDD, &dt), 0);
    want_str(&dt, "20240229000000");
    assert_int_equal(date("D-STAMP", HM_DF_STAMP, &dt), 0);
    want_str(&dt, "20010909014640");
    /* the REDEFINES view of the same bytes */
    {
        hm_num n;
        long v;
        assert_int_equal(hm_lay_num(&F.r, fld("D-DD"), 0, 0, &n), 0);
        assert_int_equal(hm_num_long(&n, &v), 0);
        assert_int_equal(v, 29);
    }
    assert_int_equal(loglen, 0);
}

static void t_dates_bad(void **st)
{
    hm_dt dt;
    unsigned char r2[sizeof drec];
    (void)st;
    memcpy(r2, drec, sizeof drec);
    hm_lay_set(&F.r, r2, sizeof r2, 12);
    /* 1999 is no leap year: 29 February and day 366 are invalid */
    r2[43] = 0xF9;
    r2[44] = 0xF9;
    assert_int_equal(date("D-MMDDYY", HM_DF_MMDDYY, &dt), HM_LAY_ERR);
    assert_true(logged("HMG0837E TESTDS record 12: item D-MMDDYY at "
                       "offset 39 (X'F0F2F2F9F9F9') is not a valid "
                       "MMDDYY value"));
    r2[16] = 0x00;
    r2[17] = 0x99;
    r2[18] = 0x36;
    r2[19] = 0x6F;  /* 0099366F */
    assert_int_equal(date("D-CYYDDD", HM_DF_CYYDDD, &dt), HM_LAY_ERR);
    r2[19] = 0x5F;  /* 1999 day 365 */
    assert_int_equal(date("D-CYYDDD", HM_DF_CYYDDD, &dt), 0);
    want_str(&dt, "19991231000000");
    /* 1900 is no leap year, day 60 is 1 March */
    r2[16] = 0x00;
    r2[17] = 0x00;
    r2[18] = 0x06;
    r2[19] = 0x0F;
    assert_int_equal(date("D-CYYDDD", HM_DF_CYYDDD, &dt), 0);
    want_str(&dt, "19000301000000");
    r2[18] = 0x00;
    assert_int_equal(date("D-CYYDDD", HM_DF_CYYDDD, &dt), HM_LAY_EMPTY);
    /* time 24:00:00 */
    r2[23] = 0xF2;
    r2[24] = 0xF4;
    r2[25] = r2[26] = r2[27] = r2[28] = 0xF0;
    assert_int_equal(date("T-HHMMSS", HM_DF_HHMMSS, &dt), HM_LAY_ERR);
    /* midnight is a time, not EMPTY */
    r2[23] = r2[24] = 0xF0;
    assert_int_equal(date("T-HHMMSS", HM_DF_HHMMSS, &dt), 0);
    assert_int_equal(dt.has_time, 1);
    /* zero and blank dates are EMPTY */
    memset(r2, 0xF0, 6);
    assert_int_equal(date("D-YYMMDD", HM_DF_YYMMDD, &dt), HM_LAY_EMPTY);
    memset(r2 + 6, 0x40, 10);
    assert_int_equal(date("D-ISO", HM_DF_YYYYMMDD, &dt), HM_LAY_EMPTY);
    /* text with a letter, and too few digits */
    memcpy(r2 + 6, drec + 6, 10);
    r2[8] = 0xC1;
    assert_int_equal(date("D-ISO", HM_DF_YYYYMMDD, &dt), HM_LAY_ERR);
    r2[8] = 0x40;
    assert_int_equal(date("D-ISO", HM_DF_YYYYMMDD, &dt), HM_LAY_ERR);
    /* STCK needs 8 bytes; a number too long for the form */
    assert_int_equal(date("D-MMDDYY", HM_DF_STCK, &dt), HM_LAY_ERR);
    assert_int_equal(date("D-STAMP", HM_DF_YYMMDD, &dt), HM_LAY_ERR);
    assert_int_equal(date("D-YYMMDD", HM_DF_NONE, &dt), HM_LAY_ERR);
}

static void t_calendar(void **st)
{
    hm_dt dt;
    static const unsigned char tod0[8] = { 0 };
    static const unsigned char tod2000[8] = {
        0xB3, 0x61, 0x18, 0x3F, 0x48, 0x00, 0x00, 0x00 };
    static const unsigned char tod2024[8] = {
        0xDE, 0xB9, 0x4C, 0x56, 0x70, 0x60, 0x80, 0x00 };
    static const unsigned char todmax[8] = {
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
    unsigned char d[14];
    int i;
    (void)st;
    assert_int_equal(hm_dt_tod(tod0, 0, &dt), 0);
    want_str(&dt, "19000101000000");
    assert_int_equal(hm_dt_tod(tod0, 1, &dt), -1);
    assert_int_equal(hm_dt_tod(tod2000, 0, &dt), 0);
    want_str(&dt, "20000101000000");
    assert_int_equal(hm_dt_tod(tod2000, 22, &dt), 0);
    want_str(&dt, "19991231235938");
    assert_int_equal(hm_dt_tod(tod2024, 0, &dt), 0);
    want_str(&dt, "20240229123456");   /* .789 s dropped */
    assert_int_equal(hm_dt_tod(todmax, 0, &dt), 0);
    want_str(&dt, "20420917235347");
    /* Julian forms and leap years */
    assert_int_equal(hm_dt_leap(2000), 1);
    assert_int_equal(hm_dt_leap(1900), 0);
    assert_int_equal(hm_dt_leap(2024), 1);
    assert_int_equal(hm_dt_leap(2023), 0);
    assert_int_equal(hm_dt_mdays(1900, 2), 28);
    /* YYYYDDD 1900060 = 1 March 1900 */
    d[0] = 1; d[1] = 9; d[2] = 0; d[3] = 0; d[4] = 0; d[5] = 6; d[6] = 0;
    assert_int_equal(hm_dt_digits(d, HM_DF_YYYYDDD, 1950, &dt), 0);
    want_str(&dt, "19000301000000");
    d[2] = 9; d[3] = 6; d[4] = 3; d[5] = 6; d[6] = 6;  /* 1996366 */
    assert_int_equal(hm_dt_digits(d, HM_DF_YYYYDDD, 1950, &dt), 0);
    want_str(&dt, "19961231000000");
    d[3] = 7;                                           /* 1997366 */
    assert_int_equal(hm_dt_digits(d, HM_DF_YYYYDDD, 1950, &dt), -1);
    d[4] = 0; d[5] = 0; d[6] = 0;                       /* day 0 */
    assert_int_equal(hm_dt_digits(d, HM_DF_YYYYDDD, 1950, &dt), -1);
    /* DDMMYYYY, DDMMYY, HHMMSSTH */
    d[0] = 3; d[1] = 1; d[2] = 1; d[3] = 2; d[4] = 1; d[5] = 9; d[6] = 9;
    d[7] = 9;
    assert_int_equal(hm_dt_digits(d, HM_DF_DDMMYYYY, 1950, &dt), 0);
    want_str(&dt, "19991231000000");
    assert_int_equal(hm_dt_digits(d, HM_DF_DDMMYY, 1950, &dt), 0);
    want_str(&dt, "20191231000000");
    assert_int_equal(hm_dt_digits(d, HM_DF_HHMMSSTH, 1950, &dt), -1);
    for (i = 0; i < 8; i++)
        d[i] = (unsigned char)(i < 2 ? 1 : 5);
    assert_int_equal(hm_dt_digits(d, HM_DF_HHMMSSTH, 1950, &dt), 0);
    want_str(&dt, "00000000115555");
    /* form names */
    assert_int_equal(hm_dt_form("CYYDDD"), HM_DF_CYYDDD);
    assert_int_equal(hm_dt_form("STCK"), HM_DF_STCK);
    assert_int_equal(hm_dt_form("NOPE"), HM_DF_NONE);
    assert_string_equal(hm_dt_formname(HM_DF_YYDDD), "YYDDD");
    assert_int_equal(hm_dt_width(HM_DF_STAMP), 14);
}

static void t_sign_leading(void **st)
{
    static const unsigned char r[] = { 0xD1, 0xF2, 0xF3, 0xF4, 0xF5,
                                       0xC6, 0xF7 };
    hm_num n;
    long v;
    (void)st;
    hm_lay_set(&F.r, r, sizeof r, 1);
    assert_int_equal(hm_lay_num(&F.r, fld("A"), 0, 0, &n), 0);
    assert_int_equal(hm_num_long(&n, &v), 0);
    assert_int_equal(v, -123);
    assert_int_equal(hm_lay_num(&F.r, fld("B"), 0, 0, &n), HM_LAY_ERR);
}

static int setup_lead(void **st)
{
    (void)st;
    return setup_cb(L("01 R.") L("   05 A PIC S999 SIGN LEADING.")
                    L("   05 B PIC S9(4)."));
}

static void t_nested(void **st)
{
    /* a fixed table holding a variable one, and a field after both */
    static const unsigned char r[] = {
        0x00, 0x02,                   /* N = 2 */
        0xC1, 0xC2, 0xC3, 0xC4,       /* G(1): V(1..2) */
        0xC5,                         /* G(1) X */
        0xC6, 0xC7, 0xC8, 0xC9,       /* G(2) */
        0xD1,
        0xD2, 0xD3, 0xD4, 0xD5, 0xD6, /* G(3) */
        0xE7                          /* Z */
    };
    unsigned long s[2], off, size;
    (void)st;
    hm_lay_set(&F.r, r, sizeof r, 1);
    s[0] = 2;
    s[1] = 2;
    assert_int_equal(hm_lay_locate(&F.r, fld("V"), s, 2, &off, &size), 0);
    assert_int_equal(off, 2 + 5 + 2);
    s[0] = 3;
    assert_int_equal(hm_lay_locate(&F.r, fld("X"), s, 1, &off, &size), 0);
    assert_int_equal(off, 2 + 10 + 4);
    assert_int_equal(hm_lay_locate(&F.r, fld("Z"), 0, 0, &off, &size), 0);
    assert_int_equal(off, 17);
    assert_int_equal(F.cb->f[fld("Z")].offset, 2 + 3 * 11);
}

static int setup_nested(void **st)
{
    (void)st;
    return setup_cb(L("01 R.") L("   05 N PIC S9(4) COMP.")
                    L("   05 G OCCURS 3.")
                    L("      10 V OCCURS 1 TO 5 DEPENDING ON N PIC XX.")
                    L("      10 X PIC X.")
                    L("   05 Z PIC X."));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(t_numbers, setup_num, teardown),
        cmocka_unit_test_setup_teardown(t_numbers_bad, setup_num,
                                        teardown),
        cmocka_unit_test_setup_teardown(t_odo, setup_num, teardown),
        cmocka_unit_test_setup_teardown(t_conditions, setup_num,
                                        teardown),
        cmocka_unit_test_setup_teardown(t_dates, setup_date, teardown),
        cmocka_unit_test_setup_teardown(t_dates_bad, setup_date,
                                        teardown),
        cmocka_unit_test(t_calendar),
        cmocka_unit_test_setup_teardown(t_sign_leading, setup_lead,
                                        teardown),
        cmocka_unit_test_setup_teardown(t_nested, setup_nested,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
