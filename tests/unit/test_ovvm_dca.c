/*
 * test_ovvm_dca.c - DCA RFT/FFT text extraction, the filetype table
 * and text records (extractors/ovvm/dca.c). Streams are hex arrays.
 */
#include "ovvm_t.h"

typedef struct obuf {
    unsigned char d[4096];
    size_t n;
    int fail_at;    /* > 0: the write that fails */
    int calls;
} obuf;

static int ob_write(void *ctx, const unsigned char *b, size_t n)
{
    obuf *o = (obuf *)ctx;
    o->calls++;
    if (o->fail_at && o->calls >= o->fail_at)
        return 1;
    assert_true(o->n + n <= sizeof o->d);
    memcpy(o->d + o->n, b, n);
    o->n += n;
    return 0;
}

/* FUP, DP, TUP "001", margin text, a non-text field holding X'2B',
 * body text with controls, EUP */
static const unsigned char RFT[] = {
    0x00, 0x05, 0xE1, 0x03, 0x00,                       /* FUP */
    0x00, 0x0A, 0xE2, 0x05, 0x00, 1, 2, 0x2B, 4, 5,     /* DP */
    0x00, 0x08, 0xE1, 0x04, 0x00, 0xF0, 0xF0, 0xF1,     /* TUP */
    0x00, 0x08, 0xE8, 0x01, 0x00, 0xC8, 0x84, 0x99,     /* MTTA "Hdr" */
    0x00, 0x27, 0xE8, 0x07, 0x00,                       /* BT */
    0xC8, 0x85, 0x93, 0x93, 0x96, 0x40, 0xE6,           /* Hello W */
    0x15,                                               /* CRE */
    0xC1, 0x05, 0xC2,                                   /* A HT B */
    0x2B, 0xD2, 0x04, 0x01, 0xAA, 0xBB,                 /* STAB */
    0xC3,                                               /* C */
    0x2B, 0xD1, 0x03, 0x15, 0xC1,                       /* IEG A */
    0xCA, 0x41,                                         /* SHY RSP */
    0x2B, 0xD4, 0x02, 0x02,                             /* BLFC */
    0x0C,                                               /* PE */
    0xC4, 0x3F, 0x16, 0x06,                             /* D SUB BS RCR */
    0x00, 0x05, 0xE1, 0x06, 0x00                        /* EUP */
};

/* "Hello W\nA\tBCA \n\f\nD\xEF\xBF\xBD\n" */
static const unsigned char RFT_TEXT[] = {
    0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x57, 0x0A,
    0x41, 0x09, 0x42, 0x43, 0x41, 0x20, 0x0A, 0x0C, 0x0A,
    0x44, 0xEF, 0xBF, 0xBD, 0x0A
};

static hm_cpconv CV;

static void conv_init(void)
{
    assert_int_equal(hm_cpconv_init(&CV, hm_cp_builtin(37), HM_PC_UTF8,
                                    HM_NL_CDRA), 0);
}

static void run(const unsigned char *p, size_t n, int kind, int flags,
                size_t step, obuf *o, hm_log *lg)
{
    hm_dca d;
    size_t i;
    memset(o, 0, sizeof *o);
    hm_dca_init(&d, kind, flags, &CV, ob_write, o, lg, "DOC RFT");
    for (i = 0; i < n; i += step)
        assert_int_equal(hm_dca_feed(&d, p + i, n - i < step ? n - i
                                     : step), 0);
    assert_int_equal(hm_dca_finish(&d), 0);
}

static void test_rft_text(void **state)
{
    obuf o;
    hm_log lg;
    tlog tl;
    size_t step;
    (void)state;
    conv_init();
    t_loginit(&lg, &tl);
    for (step = 1; step <= sizeof RFT; step++) {
        run(RFT, sizeof RFT, HM_DOC_RFT, 0, step, &o, &lg);
        assert_int_equal(o.n, sizeof RFT_TEXT);
        assert_memory_equal(o.d, RFT_TEXT, sizeof RFT_TEXT);
    }
    assert_int_equal(tl.n, 0);
    /* with margin text: "Hdr" first, then a new text unit... the TUP
     * came before it, so "Hdr" runs into the body */
    run(RFT, sizeof RFT, HM_DOC_RFT, HM_DCA_MARGIN, 7, &o, &lg);
    assert_text(o.d, 3, "Hdr");
    assert_int_equal(o.n, sizeof RFT_TEXT + 3);
    /* without form feeds */
    run(RFT, sizeof RFT, HM_DOC_RFT, HM_DCA_NOFF, 100, &o, &lg);
    assert_int_equal(o.n, sizeof RFT_TEXT - 2);
}

static void test_rft_damaged(void **state)
{
    obuf o;
    hm_log lg;
    tlog tl;
    unsigned char bad[sizeof RFT];
    static const unsigned char badctl[] = {
        0x00, 0x05, 0xE1, 0x03, 0x00,
        0x00, 0x0A, 0xE8, 0x07, 0x00, 0xC1, 0x2B, 0xD2, 0x01, 0xC2
    };
    (void)state;
    conv_init();
    /* a length below 5: the rest is not converted */
    t_loginit(&lg, &tl);
    memcpy(bad, RFT, sizeof RFT);
    bad[23] = 0x00;
    bad[24] = 0x03;
    run(bad, sizeof bad, HM_DOC_RFT, 0, 5, &o, &lg);
    assert_true(t_has(&tl, 520));
    assert_int_equal(o.n, 0);
    /* cut inside the body text */
    t_loginit(&lg, &tl);
    run(RFT, 41, HM_DOC_RFT, 0, 41, &o, &lg);
    assert_true(t_has(&tl, 522));
    assert_text(o.d, o.n, "Hello");
    /* a multi-byte control with count 1 */
    t_loginit(&lg, &tl);
    run(badctl, sizeof badctl, HM_DOC_RFT, 0, 3, &o, &lg);
    assert_true(t_has(&tl, 521));
    assert_text(o.d, o.n, "AB");
    /* a failing writer */
    {
        hm_dca d;
        unsigned char big[3000];
        size_t i;
        memset(&o, 0, sizeof o);
        o.fail_at = 1;
        for (i = 0; i < sizeof big; i++)
            big[i] = 0xC1;
        hm_dca_init(&d, HM_DOC_FFT, 0, &CV, ob_write, &o, &lg, NULL);
        assert_int_equal(hm_dca_feed(&d, big, sizeof big), -1);
        assert_int_equal(hm_dca_feed(&d, big, 1), -1);
    }
}

static void test_fft_and_junk(void **state)
{
    obuf o;
    hm_log lg;
    tlog tl;
    static const unsigned char fft[] = {
        0xC1, 0x2B, 0xD2, 0x03, 0x01, 0x00, 0xC2, 0x25, 0xC3, 0x3A, 0xC4
    };
    unsigned char junk[2048];
    unsigned seed = 11;
    size_t i;
    (void)state;
    conv_init();
    t_loginit(&lg, &tl);
    run(fft, sizeof fft, HM_DOC_FFT, 0, 2, &o, &lg);
    assert_text(o.d, o.n, "AB\nC\n\f\nD");
    for (i = 0; i < sizeof junk; i++) {
        seed = seed * 1103515245u + 12345u;
        junk[i] = (unsigned char)(seed >> 16);
    }
    {
        hm_dca d;
        hm_dca_init(&d, HM_DOC_RFT, HM_DCA_MARGIN, &CV, ob_write, &o, &lg,
                    NULL);
        memset(&o, 0, sizeof o);
        hm_dca_feed(&d, junk, sizeof junk);
        hm_dca_finish(&d);
        hm_dca_init(&d, HM_DOC_FFT, 0, NULL, ob_write, &o, &lg, NULL);
        memset(&o, 0, sizeof o);
        hm_dca_feed(&d, junk, 1000);
        hm_dca_finish(&d);
    }
}

static void test_doc_kind(void **state)
{
    static const unsigned char rft[5] = { 0x00, 0x05, 0xE1, 0x03, 0x00 };
    static const unsigned char txt[4] = { 0xC1, 0x40, 0xC2, 0xC3 };
    static const unsigned char bin[8] = { 1, 2, 3, 4, 0, 0x1F, 0x10, 3 };
    static const hm_doc_ft mine[] = { { "MYDOC", HM_DOC_RFT } };
    (void)state;
    assert_int_equal(hm_doc_kind("RFT", txt, 4, NULL, 0), HM_DOC_RFT);
    assert_int_equal(hm_doc_kind("rft", txt, 4, NULL, 0), HM_DOC_RFT);
    assert_int_equal(hm_doc_kind("SCRIPT", txt, 4, NULL, 0),
                     HM_DOC_SCRIPT);
    assert_int_equal(hm_doc_kind("FFT", txt, 4, NULL, 0), HM_DOC_FFT);
    assert_int_equal(hm_doc_kind("DOCUMENT", rft, 5, NULL, 0),
                     HM_DOC_RFT);
    assert_int_equal(hm_doc_kind("DOCUMENT", txt, 4, NULL, 0),
                     HM_DOC_TEXT);
    assert_int_equal(hm_doc_kind("XYZ", bin, 8, NULL, 0), HM_DOC_BINARY);
    assert_int_equal(hm_doc_kind(NULL, rft, 5, NULL, 0), HM_DOC_RFT);
    assert_int_equal(hm_doc_kind("MODULE", txt, 4, NULL, 0),
                     HM_DOC_BINARY);
    /* a table of one's own replaces the built-in one */
    assert_int_equal(hm_doc_kind("MYDOC", txt, 4, mine, 1), HM_DOC_RFT);
    assert_int_equal(hm_doc_kind("RFT", txt, 4, mine, 1), HM_DOC_TEXT);
}

static void test_text_record(void **state)
{
    static const unsigned char rec[4] = { 0x81, 0x82, 0x15, 0x83 };
    unsigned char out[16];
    size_t n;
    (void)state;
    conv_init();
    n = hm_doc_text_record(&CV, rec, 4, out);
    assert_text(out, n, "ab\nc\n");
    n = hm_doc_text_record(NULL, out, 2, out + 8);
    assert_text(out + 8, n, "ab\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rft_text),
        cmocka_unit_test(test_rft_damaged),
        cmocka_unit_test(test_fft_and_junk),
        cmocka_unit_test(test_doc_kind),
        cmocka_unit_test(test_text_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
