/*
 * test_copybook.c - the COBOL copybook subset parser (copybook.c).
 *
 * Copybook text is written as C string literals and handed to the
 * parser with the code page of the execution character set, found
 * at run time: 'A' == 0xC1 means EBCDIC (the IBM-1047 build), else
 * ASCII. So the parser reads ASCII text natively and EBCDIC text in
 * the EBCDIC build; nothing converts the literals behind its back.
 * Two tests also feed fixed hex bytes (ASCII and EBCDIC 037) so that
 * both paths run in every build. Messages are in the execution
 * character set, like the literals they are compared with.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "hm_copybook.h"

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

static hm_log lg;

static const hm_cpage *tcp(void)
{
    return ('A' == 0xC1) ? hm_cp_builtin(1047) : NULL;
}

static hm_copybook *parse_f(const char *text, int flags)
{
    loglen = 0;
    logbuf[0] = 0;
    hm_log_init(&lg, cap_log, NULL);
    return hm_cb_parse(&al, (const unsigned char *)text, strlen(text),
                       tcp(), flags, &lg, "TESTCB");
}

static hm_copybook *parse(const char *text)
{
    return parse_f(text, 0);
}

static int fld(const hm_copybook *cb, const char *name)
{
    return hm_cb_find(cb, (const unsigned char *)name, strlen(name),
                      tcp());
}

static int logged(const char *s)
{
    return strstr(logbuf, s) != NULL;
}

/* a code line: the text starts in column 8 */
#define L(s) "       " s "\n"

static void t_elementary(void **st)
{
    hm_copybook *cb;
    int i;
    (void)st;
    cb = parse(L("01  REC.")
               L("    05 A        PIC X(3).")
               L("    05 B        PIC 9(5)V99.")
               L("    05 C        PIC S9(3)V9(2) COMP-3.")
               L("    05 D        PIC S9(4) COMP.")
               L("    05 E        PIC 9(9) BINARY.")
               L("    05 F        PIC S9(18) COMP-4.")
               L("    05 G        PIC 9(4) COMP-5.")
               L("    05 H        PIC XXX.")
               L("    05 I        PICTURE IS 999.")
               L("    05 FILLER   PIC X(2).")
               L("    05 J        PIC S999V99 USAGE IS PACKED-DECIMAL.")
               L("    05 K        PIC S9(10) COMPUTATIONAL.")
               L("    05 M        PIC 9(6) COMP-3.")
               L("    05 N        PIC A(4).")
               L("    05 O        PIC S9(5) SIGN IS LEADING.")
               L("    05 P        PIC S9(3) TRAILING VALUE -1."));
    assert_non_null(cb);
    assert_int_equal(cb->f[0].kind, HM_CB_GROUP);
    i = fld(cb, "A");
    assert_int_equal(cb->f[i].offset, 0);
    assert_int_equal(cb->f[i].size, 3);
    assert_int_equal(cb->f[i].kind, HM_CB_ALNUM);
    i = fld(cb, "B");
    assert_int_equal(cb->f[i].offset, 3);
    assert_int_equal(cb->f[i].size, 7);
    assert_int_equal(cb->f[i].kind, HM_CB_ZONED);
    assert_int_equal(cb->f[i].digits, 7);
    assert_int_equal(cb->f[i].scale, 2);
    assert_int_equal(cb->f[i].sign, 0);
    i = fld(cb, "c");   /* names are not case sensitive */
    assert_int_equal(cb->f[i].offset, 10);
    assert_int_equal(cb->f[i].size, 3);
    assert_int_equal(cb->f[i].kind, HM_CB_PACKED);
    assert_int_equal(cb->f[i].scale, 2);
    assert_int_equal(cb->f[i].sign, 1);
    i = fld(cb, "D");
    assert_int_equal(cb->f[i].offset, 13);
    assert_int_equal(cb->f[i].size, 2);
    assert_int_equal(cb->f[i].kind, HM_CB_BINARY);
    i = fld(cb, "E");
    assert_int_equal(cb->f[i].offset, 15);
    assert_int_equal(cb->f[i].size, 4);
    i = fld(cb, "F");
    assert_int_equal(cb->f[i].offset, 19);
    assert_int_equal(cb->f[i].size, 8);
    i = fld(cb, "G");
    assert_int_equal(cb->f[i].offset, 27);
    assert_int_equal(cb->f[i].size, 2);
    assert_int_equal(cb->f[i].usage, HM_CB_COMP5);
    i = fld(cb, "H");
    assert_int_equal(cb->f[i].offset, 29);
    assert_int_equal(cb->f[i].size, 3);
    i = fld(cb, "I");
    assert_int_equal(cb->f[i].offset, 32);
    assert_int_equal(cb->f[i].size, 3);
    assert_int_equal(cb->f[i].digits, 3);
    i = fld(cb, "J");
    assert_int_equal(cb->f[i].offset, 37);
    assert_int_equal(cb->f[i].size, 3);
    i = fld(cb, "K");
    assert_int_equal(cb->f[i].offset, 40);
    assert_int_equal(cb->f[i].size, 8);
    i = fld(cb, "M");
    assert_int_equal(cb->f[i].offset, 48);
    assert_int_equal(cb->f[i].size, 4); /* 6 digits: 4 bytes */
    i = fld(cb, "N");
    assert_int_equal(cb->f[i].offset, 52);
    assert_int_equal(cb->f[i].kind, HM_CB_ALNUM);
    i = fld(cb, "O");
    assert_int_equal(cb->f[i].offset, 56);
    assert_int_equal(cb->f[i].sign_lead, 1);
    i = fld(cb, "P");
    assert_int_equal(cb->f[i].offset, 61);
    assert_int_equal(cb->f[i].sign_lead, 0);
    assert_int_equal(cb->f[0].size, 64);
    assert_int_equal(fld(cb, "NOSUCH"), -1);
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

static void t_groups(void **st)
{
    hm_copybook *cb;
    int i, dims[HM_CB_MAXDIM];
    (void)st;
    cb = parse(L("01  MSG-REC.")
               L("    05 HDR.")
               L("       10 TYPE-CODE  PIC X.")
               L("       10 MSG-ID     PIC X(8).")
               L("    05 RCPT OCCURS 3 TIMES INDEXED BY RX.")
               L("       10 NAME       PIC X(8).")
               L("       10 NODE       PIC X(8).")
               L("       10 FLAGS OCCURS 2.")
               L("          15 FLAG    PIC X.")
               L("    05 BODY         PIC X(20).")
               L("    05 BODY-N REDEFINES BODY.")
               L("       10 BN         PIC 9(4) OCCURS 5.")
               L("    05 BODY-P REDEFINES BODY PIC X(10).")
               L("    05 TAIL         PIC X(2).")
               L("01  OTHER-REC.")
               L("    05 TYPE-CODE    PIC X.")
               L("    05 MSG-ID       PIC X(8)."));
    assert_non_null(cb);
    i = fld(cb, "HDR");
    assert_int_equal(cb->f[i].size, 9);
    i = fld(cb, "RCPT");
    assert_int_equal(cb->f[i].offset, 9);
    assert_int_equal(cb->f[i].size, 18);
    assert_int_equal(cb->f[i].occ_max, 3);
    i = fld(cb, "FLAG");
    assert_int_equal(cb->f[i].offset, 9 + 16);
    assert_int_equal(cb->f[i].ndim, 2);
    assert_int_equal(hm_cb_dims(cb, i, dims), 2);
    assert_int_equal(dims[0], fld(cb, "RCPT"));
    assert_int_equal(dims[1], fld(cb, "FLAGS"));
    i = fld(cb, "BODY");
    assert_int_equal(cb->f[i].offset, 9 + 54);
    i = fld(cb, "BODY-N");
    assert_int_equal(cb->f[i].offset, 63);
    assert_int_equal(cb->f[i].size, 20);
    assert_int_equal(cb->f[i].redefines, fld(cb, "BODY"));
    i = fld(cb, "BODY-P");
    assert_int_equal(cb->f[i].offset, 63);
    assert_int_equal(cb->f[i].redefines, fld(cb, "BODY"));
    i = fld(cb, "TAIL");
    assert_int_equal(cb->f[i].offset, 83);
    assert_int_equal(cb->f[0].size, 85);
    /* qualification */
    assert_int_equal(fld(cb, "TYPE-CODE"), -2);
    i = fld(cb, "TYPE-CODE OF OTHER-REC");
    assert_true(i > 0);
    assert_int_equal(cb->f[i].offset, 0);
    assert_int_equal(cb->f[i].root, fld(cb, "OTHER-REC"));
    i = fld(cb, "msg-id in hdr of msg-rec");
    assert_int_equal(cb->f[i].offset, 1);
    assert_int_equal(cb->f[i].parent, fld(cb, "HDR"));
    assert_int_equal(fld(cb, "MSG-ID OF NOWHERE"), -1);
    assert_int_equal(fld(cb, "MSG-ID OF"), -3);
    assert_int_equal(fld(cb, "'X'"), -3);
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

static void t_odo(void **st)
{
    hm_copybook *cb;
    int i;
    (void)st;
    cb = parse(L("01  R.")
               L("    05 N-LINES     PIC S9(4) COMP.")
               L("    05 HDR.")
               L("       10 CNT      PIC 9(2).")
               L("    05 LINES OCCURS 0 TO 50 TIMES")
               L("            DEPENDING ON N-LINES")
               L("            ASCENDING KEY IS LINE-TXT")
               L("            INDEXED BY LX LY.")
               L("       10 LINE-TXT PIC X(10).")
               L("    05 TRAILER     PIC X(4).")
               L("    05 PARTS OCCURS 1 TO 3 DEPENDING CNT OF HDR.")
               L("       10 PART     PIC X(2)."));
    assert_non_null(cb);
    i = fld(cb, "LINES");
    assert_int_equal(cb->f[i].occurs, HM_CB_OCC_ODO);
    assert_int_equal(cb->f[i].occ_min, 0);
    assert_int_equal(cb->f[i].occ_max, 50);
    assert_int_equal(cb->f[i].odo, fld(cb, "N-LINES"));
    assert_int_equal(cb->f[i].offset, 4);
    assert_int_equal(cb->f[i].size, 10);
    i = fld(cb, "TRAILER");
    assert_int_equal(cb->f[i].offset, 504);  /* static: maximum */
    i = fld(cb, "PARTS");
    assert_int_equal(cb->f[i].odo, fld(cb, "CNT"));
    assert_int_equal(cb->f[0].size, 514);
    assert_int_equal(cb->f[0].variable, 1);
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

static void t_cond88(void **st)
{
    hm_copybook *cb;
    int c, i;
    const hm_cbval *v;
    (void)st;
    cb = parse(L("01  R.")
               L("    05 REC-TYPE PIC X.")
               L("       88 IS-HDR VALUE 'H'.")
               L("       88 IS-TXT VALUES ARE 'T' 'U', \"V\".")
               L("       88 IS-ANY VALUE 'A' THRU 'C' 'X' THROUGH 'Z'.")
               L("       88 IS-BLANK VALUE SPACES.")
               L("       88 IS-LOW VALUE LOW-VALUE.")
               L("       88 IS-HEX VALUE X'C1'.")
               L("    05 STATUS-CD PIC S9(3) COMP-3.")
               L("       88 ST-OK VALUE 0.")
               L("       88 ST-BAD VALUE -1 100 THRU 199.5.")
               L("       88 ST-Q VALUE 'IT''S'."));
    assert_non_null(cb);
    assert_int_equal(cb->nc, 9);
    c = hm_cb_findcond(cb, (const unsigned char *)"IS-TXT", 6, tcp());
    assert_true(c >= 0);
    assert_int_equal(cb->c[c].field, fld(cb, "REC-TYPE"));
    assert_int_equal(cb->c[c].nval, 3);
    v = &cb->v[cb->c[c].val];
    assert_int_equal(v[0].lo.kind, HM_CBV_TEXT);
    assert_int_equal(v[0].lo.len, 1);
    assert_int_equal(cb->pool[v[0].lo.off], 0x54);   /* T in UTF-8 */
    assert_int_equal(cb->pool[v[2].lo.off], 0x56);   /* V */
    c = hm_cb_findcond(cb, (const unsigned char *)"IS-ANY", 6, tcp());
    v = &cb->v[cb->c[c].val];
    assert_int_equal(cb->c[c].nval, 2);
    assert_true(v[0].thru);
    assert_int_equal(cb->pool[v[0].hi.off], 0x43);   /* C */
    assert_true(v[1].thru);
    c = hm_cb_findcond(cb, (const unsigned char *)"IS-BLANK", 8, tcp());
    assert_int_equal(cb->v[cb->c[c].val].lo.kind, HM_CBV_SPACE);
    c = hm_cb_findcond(cb, (const unsigned char *)"IS-LOW", 6, tcp());
    assert_int_equal(cb->v[cb->c[c].val].lo.kind, HM_CBV_LOW);
    c = hm_cb_findcond(cb, (const unsigned char *)"IS-HEX", 6, tcp());
    v = &cb->v[cb->c[c].val];
    assert_int_equal(v->lo.kind, HM_CBV_HEX);
    assert_int_equal(cb->pool[v->lo.off], 0xC1);
    c = hm_cb_findcond(cb, (const unsigned char *)"ST-BAD", 6, tcp());
    v = &cb->v[cb->c[c].val];
    assert_int_equal(v[0].lo.kind, HM_CBV_NUM);
    assert_int_equal(v[0].lo.num.neg, 1);
    assert_int_equal(v[0].lo.num.ndig, 1);
    assert_int_equal(v[1].hi.num.scale, 1);
    assert_int_equal(v[1].hi.num.ndig, 4);
    c = hm_cb_findcond(cb, (const unsigned char *)"ST-Q", 4, tcp());
    v = &cb->v[cb->c[c].val];
    assert_int_equal(v->lo.len, 4);                   /* IT'S */
    assert_int_equal(cb->pool[v->lo.off + 2], 0x27);
    i = fld(cb, "STATUS-CD");
    assert_int_equal(cb->f[i].ncond, 3);
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

static void t_columns(void **st)
{
    hm_copybook *cb;
    int c;
    const hm_cbval *v;
    (void)st;
    cb = parse("000100 01  R.                                     "
               "                      MEMOREC1\n"
               "000200* a comment line with PIC 9(99) COMP-1 in it\n"
               "000300/ a page eject comment\n"
               "000400     05 A PIC X(4).                         "
               "                      COMP-1  \n"
               "000500D    05 DBG PIC X(99).\n"
               "000600     05 LONG-NA\n"
               "000700-           ME PIC X(2).\n"
               "000800     05 B PIC X(70).\n"
               "000900        88 B-LONG VALUE 'THE LITERAL IS CONTINUED"
               " ACROSS THE LI\n"
               "001000-    'NE END'.\n"
               "\n"
               "001100\n"
               "001200     05 C PIC 9(2).   \n");
    assert_non_null(cb);
    assert_int_equal(cb->f[fld(cb, "LONG-NAME")].offset, 4);
    assert_int_equal(cb->f[fld(cb, "B")].offset, 6);
    assert_int_equal(cb->f[fld(cb, "C")].offset, 76);
    assert_int_equal(fld(cb, "DBG"), -1);
    c = hm_cb_findcond(cb, (const unsigned char *)"B-LONG", 6, tcp());
    v = &cb->v[cb->c[c].val];
    /* columns 32-72 of line 9 (41 characters) and NE END */
    assert_int_equal(v->lo.len, 41 + 6);
    assert_int_equal(cb->pool[v->lo.off + 40], 0x20);
    assert_int_equal(cb->pool[v->lo.off + 41], 0x4E);  /* N */
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

static void t_free_and_usage(void **st)
{
    hm_copybook *cb;
    int i;
    (void)st;
    cb = parse_f("* free format\n"
                 "05 G COMP-3.\n"
                 "   10 X PIC S9(5).\n"
                 "   10 Y PIC S9(5) COMP.\n"
                 "05 H USAGE BINARY.\n"
                 "   10 Z PIC 9(9).\n"
                 "05 PIC X(3).\n"
                 "05 W PIC X(1).\n", HM_CB_FREE);
    assert_non_null(cb);
    /* an implicit unnamed 01 above the 05s */
    assert_int_equal(cb->f[0].level, 1);
    assert_string_equal(cb->f[0].name, "");
    i = fld(cb, "X");
    assert_int_equal(cb->f[i].kind, HM_CB_PACKED);
    assert_int_equal(cb->f[i].size, 3);
    i = fld(cb, "Y");
    assert_int_equal(cb->f[i].kind, HM_CB_BINARY);
    assert_int_equal(cb->f[i].offset, 3);
    i = fld(cb, "Z");
    assert_int_equal(cb->f[i].kind, HM_CB_BINARY);
    assert_int_equal(cb->f[i].size, 4);
    assert_int_equal(cb->f[i].offset, 7);
    i = fld(cb, "W");
    assert_int_equal(cb->f[i].offset, 14);
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

/* "       01 A PIC X(2).\n" in ASCII and in EBCDIC 037 (NL X'15') */
static const unsigned char asc_cb[] = {
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x30, 0x31, 0x20, 0x41,
    0x20, 0x50, 0x49, 0x43, 0x20, 0x58, 0x28, 0x32, 0x29, 0x2E, 0x0D,
    0x0A
};
static const unsigned char ebc_cb[] = {
    0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0xF0, 0xF1, 0x40, 0xC1,
    0x40, 0xD7, 0xC9, 0xC3, 0x40, 0xE7, 0x4D, 0xF2, 0x5D, 0x4B, 0x15
};

static void t_declared_pages(void **st)
{
    hm_copybook *cb;
    const unsigned char a_asc[1] = { 0x41 }, a_ebc[1] = { 0xC1 };
    (void)st;
    hm_log_init(&lg, cap_log, NULL);
    cb = hm_cb_parse(&al, asc_cb, sizeof asc_cb, NULL, 0, &lg, "A");
    assert_non_null(cb);
    assert_int_equal(cb->f[0].size, 2);
    assert_string_equal(cb->f[0].name, "A");
    assert_int_equal(hm_cb_find(cb, a_asc, 1, NULL), 0);
    assert_int_equal(hm_cb_find(cb, a_ebc, 1, hm_cp_builtin(37)), 0);
    hm_cb_free(cb);
    cb = hm_cb_parse(&al, ebc_cb, sizeof ebc_cb, hm_cp_builtin(37), 0,
                     &lg, "E");
    assert_non_null(cb);
    assert_int_equal(cb->f[0].size, 2);
    assert_int_equal(cb->f[0].kind, HM_CB_ALNUM);
    hm_cb_free(cb);
    assert_int_equal(live, 0);
}

/* each refused clause: the message names the line and the clause */
static const struct {
    const char *text;
    const char *want;
} refused[] = {
    { L("01 R.") L("   05 A PIC S9(4)") L("        COMP-1."),
      "TESTCB line 3: the clause COMP-1 is not supported" },
    { L("01 R.") L("   05 A COMP-2."),
      "TESTCB line 2: the clause COMP-2 is not supported" },
    { L("01 R.") L("   05 A PIC S9(4) USAGE COMPUTATIONAL-1."),
      "TESTCB line 2: the clause COMPUTATIONAL-1 is not supported" },
    { L("01 R.") L("   05 A PIC S9(4) SIGN LEADING SEPARATE."),
      "TESTCB line 2: the clause SIGN SEPARATE is not supported" },
    { L("01 R.") L("   05 A PIC S9(4) COMP SYNC."),
      "TESTCB line 2: the clause SYNC is not supported" },
    { L("01 R.") L("   05 A PIC S9(4) COMP SYNCHRONIZED."),
      "TESTCB line 2: the clause SYNCHRONIZED is not supported" },
    { L("01 R.") L("   05 A PIC X(4) JUSTIFIED RIGHT."),
      "TESTCB line 2: the clause JUSTIFIED is not supported" },
    { L("01 R.") L("   05 A PIC X(4) JUST."),
      "TESTCB line 2: the clause JUST is not supported" },
    { L("01 R.") L("   05 A PIC 9(4) BLANK WHEN ZERO."),
      "TESTCB line 2: the clause BLANK WHEN ZERO is not supported" },
    { L("01 R.") L("   05 A POINTER."),
      "TESTCB line 2: the clause POINTER is not supported" },
    { L("01 R.") L("   05 A USAGE INDEX."),
      "TESTCB line 2: the clause INDEX is not supported" },
    { L("01 R.") L("   05 A PIC N(4) USAGE NATIONAL."),
      "TESTCB line 2: the picture N(4) is not supported" },
    { L("01 R.") L("   05 A PIC ZZ9.99."),
      "TESTCB line 2: the picture ZZ9.99 is not supported" },
    { L("01 R.") L("   05 A PIC 9(3)PP."),
      "TESTCB line 2: the picture 9(3)PP is not supported" },
    { L("01 R.") L("   05 A PIC X(4) EXTERNAL."),
      "TESTCB line 2: the clause EXTERNAL is not supported" },
    { L("01 R.") L("   05 A PIC X(4) VALUE ALL '*'."),
      "TESTCB line 2: the clause ALL is not supported" },
    { L("01 R.") L("   05 A PIC X(4).") L("66 B RENAMES A."),
      "TESTCB line 3: level number 66 is not supported" },
    { L("77 A PIC X(4)."),
      "TESTCB line 1: level number 77 is not supported" },
    { L("COPY MEMBER."),
      "TESTCB line 1: COPY was found where a level number" },
    { L("01 R.") L("   05 A PIC X(4) GLOBAL."),
      "TESTCB line 2: the clause GLOBAL is not supported" },
    { L("01 R.") L("   05 A PIC X(4).") L("   05 B PIC 9 COMP-3 SYNC."),
      "TESTCB line 3: the clause SYNC is not supported" },
    { 0, 0 }
};

static void t_refused(void **st)
{
    int i;
    (void)st;
    for (i = 0; refused[i].text; i++) {
        hm_copybook *cb = parse(refused[i].text);
        if (cb || !logged(refused[i].want))
            fail_msg("case %d: got \"%s\"", i, logbuf);
        assert_null(cb);
        assert_int_equal(lg.maxsev, HM_SEV_E);
    }
    assert_int_equal(live, 0);
}

/* other errors in copybooks */
static const struct {
    const char *text;
    const char *want;
} errors[] = {
    { L("01 R.") L("   05 A PIC X.") L("   05 B PIC X.")
      L("   05 C REDEFINES A PIC X."),
      "TESTCB line 4: REDEFINES A does not name" },
    { L("01 R.") L("   05 A OCCURS 1 TO 5 DEPENDING ON NOPE PIC X."),
      "TESTCB line 2: NOPE names no item" },
    { L("01 R.") L("   05 T OCCURS 5 PIC 9.")
      L("   05 A OCCURS 1 TO 5 DEPENDING ON T PIC X."),
      "TESTCB line 3: the DEPENDING ON object T of A" },
    { L("01 R.") L("   05 N PIC X.")
      L("   05 A OCCURS 1 TO 5 DEPENDING ON N PIC X."),
      "TESTCB line 3: the DEPENDING ON object N of A" },
    { L("01 R.") L("   05 G PIC X.") L("      10 A PIC X."),
      "TESTCB line 2: the group item G has a PICTURE" },
    { L("01 R.") L("   05 A."),
      "TESTCB line 2: the elementary item A has no PICTURE" },
    { L("01 R.") L("   05 A PIC X COMP-3."),
      "TESTCB line 2: the usage or SIGN clause of A" },
    { L("01 R.") L("   05 A PIC 9(19) COMP."),
      "TESTCB line 2: item A has more than 18 digits" },
    { L("01 R.") L("   05 A PIC 9(32)."),
      "TESTCB line 2: item A has more than 31 digits" },
    { L("01 R.") L("   05 A PIC X VALUE 'OPEN") L("   05 B PIC X."),
      "TESTCB line 2: a literal is not closed" },
    { L("01 R.") "      X05 A PIC X.\n",
      "TESTCB line 2: column 7 holds X" },
    { L("01 R OCCURS 2.") L("   05 A PIC X."),
      "TESTCB line 1: the OCCURS clause of R" },
    { L("01 R.") L("   05 A PIC X OCCURS 0."),
      "TESTCB line 2: the OCCURS clause of A" },
    { L("01 R.") L("   05 A PIC X PIC X."),
      "TESTCB line 2: the clause PICTURE is given twice" },
    { L("01 R.") L("   05 A PIC X") L("   05 B PIC X."),
      "TESTCB line 3: 05 was found" },
    { L("01 R.") L("   05 A PIC X."),  /* fine: control */
      0 },
    { L("01 R.") L("   05 A PIC X.") L("88 C VALUE."),
      "TESTCB line 3: the condition C has no item before it or no" },
    { L("88 C VALUE 'A'."),
      "TESTCB line 1: the condition C has no item" },
    { "      * only comments\n",
      "TESTCB: the copybook describes no data item" },
    { L("01 R.") L("   05 A PIC X.") L("   05 A2 PIC X(99999999)."),
      "TESTCB line 3: the picture X(99999999) is not supported" },
    { L("01 R.") L("   05 A PIC X(100000) OCCURS 1000."),
      "TESTCB line 2: item A is larger than 16777215 bytes" },
    { L("01 R.") L("   05 A PIC X.") L("   05 A PIC X.")
      L("   05 B OCCURS 1 TO 2 DEPENDING ON A PIC X."),
      "TESTCB line 4: the name A is ambiguous" },
    { L("01 R.") L("   05 N PIC 9.")
      L("   05 A OCCURS 1 TO 2 DEPENDING ON N PIC X.")
      L("   05 B REDEFINES A PIC X(2)."),
      "TESTCB line 4: item B redefines or is redefined" },
    { 0, 0 }
};

static void t_errors(void **st)
{
    int i;
    (void)st;
    for (i = 0; errors[i].text; i++) {
        hm_copybook *cb = parse(errors[i].text);
        if (!errors[i].want) {
            assert_non_null(cb);
            hm_cb_free(cb);
            continue;
        }
        if (cb || !logged(errors[i].want))
            fail_msg("case %d: got \"%s\"", i, logbuf);
        assert_null(cb);
    }
    assert_int_equal(live, 0);
}

static long fail_at, ncalls;

static void *f_alloc(void *ctx, size_t n)
{
    if (++ncalls == fail_at)
        return NULL;
    return t_alloc(ctx, n);
}

static void t_storage(void **st)
{
    /* each allocation failing in turn: NULL, a message, no leak */
    static const char text[] = L("01 R.") L("   05 A PIC X.")
        L("      88 A1 VALUE 'A' 'B' 'C' 'D' 'E' 'F' 'G' 'H'.")
        L("   05 B PIC X.");
    hm_alloc fa = { f_alloc, t_release, 0 };
    hm_copybook *cb;
    int done = 0;
    (void)st;
    for (fail_at = 1; fail_at < 200 && !done; fail_at++) {
        ncalls = 0;
        loglen = 0;
        logbuf[0] = 0;
        hm_log_init(&lg, cap_log, NULL);
        cb = hm_cb_parse(&fa, (const unsigned char *)text, strlen(text),
                         tcp(), 0, &lg, "TESTCB");
        if (cb) {
            done = 1;
            hm_cb_free(cb);
        } else
            assert_true(logged("TESTCB: not enough storage"));
        assert_int_equal(live, 0);
    }
    assert_true(done);
    assert_true(fail_at > 3);
}

static void t_numbers(void **st)
{
    hm_num a, b;
    hm_cbtok t;
    size_t pos = 0;
    char buf[40];
    long v;
    static const unsigned char s[] = { 0x2D, 0x31, 0x32, 0x2E, 0x35,
                                       0x30, 0x20, 0x31, 0x32, 0x2E,
                                       0x35 };
    (void)st;
    hm_cb_token(s, sizeof s, &pos, 0, &t);
    assert_int_equal(hm_cb_numlit(s, &t, &a), 0);
    hm_cb_token(s, sizeof s, &pos, 0, &t);
    assert_int_equal(hm_cb_numlit(s, &t, &b), 0);
    assert_string_equal(hm_num_fmt(&a, buf), "-12.50");
    assert_string_equal(hm_num_fmt(&b, buf), "12.5");
    assert_true(hm_num_cmp(&a, &b) < 0);
    b.neg = 1;
    assert_int_equal(hm_num_cmp(&a, &b), 0);
    assert_int_equal(hm_num_long(&a, &v), 0);
    assert_int_equal(v, -1250);
}

static int reset(void **st)
{
    (void)st;
    live = 0;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(t_elementary, reset),
        cmocka_unit_test_setup(t_groups, reset),
        cmocka_unit_test_setup(t_odo, reset),
        cmocka_unit_test_setup(t_cond88, reset),
        cmocka_unit_test_setup(t_columns, reset),
        cmocka_unit_test_setup(t_free_and_usage, reset),
        cmocka_unit_test_setup(t_declared_pages, reset),
        cmocka_unit_test_setup(t_refused, reset),
        cmocka_unit_test_setup(t_errors, reset),
        cmocka_unit_test_setup(t_storage, reset),
        cmocka_unit_test_setup(t_numbers, reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
