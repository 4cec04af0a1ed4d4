/*
 * test_vmarc.c - VMARC reader (pure). No real archive is available:
 * archives are built here, with LZW and S2 encoders that keep the
 * string table exactly as the format's decoder does (entries reused
 * when nothing is built on them). This checks the reader against the
 * format as understood, not against IBM's VMARC.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cont.h"

static void *t_alloc(void *c, size_t n)
{
    (void)c;
    return test_malloc(n);
}

static void t_free(void *c, void *p)
{
    (void)c;
    if (p)
        test_free(p);
}

static hm_alloc A = { t_alloc, t_free, 0 };

typedef struct mbuf {
    unsigned char *p;
    size_t n, cap;
} mbuf;

static void put(mbuf *m, const void *d, size_t n)
{
    if (m->n + n > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        while (cap < m->n + n)
            cap *= 2;
        m->p = realloc(m->p, cap);
        m->cap = cap;
    }
    memcpy(m->p + m->n, d, n);
    m->n += n;
}

typedef struct cap {
    char text[32768];
    size_t len;
    unsigned nerr, n;
} cap;

static void cap_log(void *ctx, int sev, const char *line, size_t len)
{
    cap *c = (cap *)ctx;
    c->n++;
    if (sev >= HM_SEV_E)
        c->nerr++;
    if (c->len + len + 2 < sizeof c->text) {
        memcpy(c->text + c->len, line, len);
        c->len += len;
        c->text[c->len++] = '\n';
        c->text[c->len] = 0;
    }
}

static void log_init(hm_log *lg, cap *c)
{
    memset(c, 0, sizeof *c);
    hm_log_init(lg, cap_log, c);
}

/* ------------------------------------------------------------------
 * symbols and codes
 */
typedef struct syms {
    unsigned short *s;
    size_t n, cap;
} syms;

static void sym(syms *y, unsigned v)
{
    if (y->n == y->cap) {
        y->cap = y->cap ? y->cap * 2 : 256;
        y->s = realloc(y->s, y->cap * sizeof *y->s);
    }
    y->s[y->n++] = (unsigned short)v;
}

/* records -> symbols: V: record 0 ... 0 0; F: bytes then 0 */
static void to_syms(syms *y, int recfm, unsigned char **rec,
                    const size_t *len, unsigned nrec)
{
    unsigned i;
    size_t k;
    for (i = 0; i < nrec; i++) {
        for (k = 0; k < len[i]; k++)
            sym(y, rec[i][k] + 1u);
        if (recfm == 'V')
            sym(y, 0);
    }
    sym(y, 0);
}

typedef struct codes {
    mbuf b;
    int half; /* a code is waiting for its partner */
    unsigned first;
} codes;

static void code(codes *c, unsigned v)
{
    if (!c->half) {
        c->first = v;
        c->half = 1;
        return;
    }
    {
        unsigned char t[3];
        t[0] = (unsigned char)(c->first >> 4);
        t[1] = (unsigned char)(((c->first & 15u) << 4) | (v >> 8));
        t[2] = (unsigned char)v;
        put(&c->b, t, 3);
    }
    c->half = 0;
}

static void code_end(codes *c)
{
    if (c->half) {
        unsigned char t[2];
        t[0] = (unsigned char)(c->first >> 4);
        t[1] = (unsigned char)((c->first & 15u) << 4);
        put(&c->b, t, 2);
        c->half = 0;
    }
}

/* LZW encoder mirroring the decoder's table */
#define TAB 4096u
#define NONE 0xFFFFu
#define ENDC 0xFFFEu

static void lzw_encode(const syms *y, codes *out)
{
    static unsigned short pred[TAB + 1], ch[TAB + 1], refc[TAB + 1];
    unsigned tabp = 256, pending = 257, i;
    size_t pos = 0;
    for (i = 0; i <= TAB; i++) {
        pred[i] = i < 257 ? ENDC : NONE;
        ch[i] = (unsigned short)(i < 257 ? i : 0);
        refc[i] = (unsigned short)(i < 257 ? 1 : 0);
    }
    pred[257] = ENDC;
    while (pos < y->n) {
        unsigned cur = y->s[pos++], t, first;
        int wrapped = 0;
        /* longest match */
        for (;;) {
            unsigned e, found = NONE;
            if (pos >= y->n)
                break;
            for (e = 257; e < TAB; e++)
                if (pred[e] == cur && ch[e] == y->s[pos]) {
                    found = e;
                    break;
                }
            if (found == NONE)
                break;
            cur = found;
            pos++;
        }
        code(out, cur);
        /* first symbol of cur */
        for (first = cur; pred[first] != ENDC; first = pred[first])
            ;
        ch[pending] = ch[first];
        refc[cur]++;
        t = tabp;
        for (;;) {
            t++;
            if (t > TAB - 1) {
                if (wrapped)
                    break;
                wrapped = 1;
                t = 257;
            }
            if (refc[t] == 0)
                break;
        }
        if (t > TAB - 1) {
            refc[cur]--;
            pending = TAB;
        } else {
            if (pred[t] != ENDC && pred[t] != NONE)
                refc[pred[t]]--;
            pred[t] = (unsigned short)cur;
            tabp = t;
            pending = t;
        }
        /* the encoder knows the pending entry's last symbol now */
        if (pos < y->n)
            ch[pending] = y->s[pos];
    }
    code_end(out);
}

/* S2 encoder mirroring the decoder's table; strings are cached */
static void s2_encode(const syms *y, codes *out)
{
    static unsigned short sl[TAB + 1], sr[TAB + 1], cnt[TAB + 1],
        slen[TAB + 1];
    static unsigned short *str[TAB + 1];
    static size_t strn[TAB + 1];
    unsigned s2p = TAB, last, i;
    size_t pos = 0;
    for (i = 0; i <= TAB; i++) {
        sl[i] = sr[i] = NONE;
        cnt[i] = (unsigned short)(i < 257 ? 1 : 0);
        slen[i] = 0;
        free(str[i]);
        str[i] = NULL;
        strn[i] = 0;
        if (i < 257) {
            str[i] = malloc(sizeof(unsigned short));
            str[i][0] = (unsigned short)i;
            strn[i] = 1;
        }
    }
    last = y->s[pos++];
    code(out, last);
    while (pos < y->n) {
        unsigned e, best = y->s[pos], l, r, probe, k;
        size_t bestn = 1;
        for (e = 257; e < TAB; e++)
            if (str[e] && strn[e] > bestn && pos + strn[e] <= y->n &&
                memcmp(str[e], y->s + pos, strn[e] * 2) == 0) {
                best = e;
                bestn = strn[e];
            }
        code(out, best);
        pos += bestn;
        /* s2 add (last, best), as the decoder does */
        l = last;
        r = best;
        last = best;
        if ((unsigned long)slen[l] + slen[r] > TAB - 2)
            continue;
        cnt[l]++;
        cnt[r]++;
        probe = s2p;
        for (k = 0; k <= TAB - 257; k++) {
            probe++;
            if (probe > TAB)
                probe = 257;
            if (cnt[probe] == 0)
                break;
        }
        if (cnt[probe] != 0) {
            cnt[l]--;
            cnt[r]--;
            continue;
        }
        if (sl[probe] != NONE) {
            cnt[sl[probe]]--;
            cnt[sr[probe]]--;
        }
        if (r == s2p && l == sl[r]) {
            unsigned x = l;
            l = r;
            r = x;
        }
        sl[probe] = (unsigned short)l;
        sr[probe] = (unsigned short)r;
        slen[probe] = (unsigned short)(2u + slen[l] + slen[r]);
        s2p = probe;
        free(str[probe]);
        strn[probe] = strn[l] + strn[r];
        str[probe] = malloc(strn[probe] * sizeof(unsigned short));
        memcpy(str[probe], str[l], strn[l] * 2);
        memcpy(str[probe] + strn[l], str[r], strn[r] * 2);
    }
    code_end(out);
    for (i = 0; i <= TAB; i++) {
        free(str[i]);
        str[i] = NULL;
    }
}

/* ------------------------------------------------------------------
 * archives
 */
static void header(mbuf *a, const char *fn, const char *ft,
                   const char *fm, int recfm, unsigned lrecl,
                   unsigned flags)
{
    static const unsigned char eye[8] = {
        0x7A, 0xC3, 0xC6, 0xC6, 0x40, 0x40, 0x40, 0x40
    };
    unsigned char h[30];
    memset(h, 0x40, sizeof h);
    h[0] = 1;
    h[1] = 2;
    hm_cont_x2e(fn, strlen(fn), h + 2);
    hm_cont_x2e(ft, strlen(ft), h + 10);
    hm_cont_x2e(fm, strlen(fm), h + 18);
    h[20] = (unsigned char)(lrecl >> 8);
    h[21] = (unsigned char)lrecl;
    h[22] = 0x24; /* 2024 with the Y2K flag */
    h[23] = 0x02;
    h[24] = 0x29;
    h[25] = 0x13;
    h[26] = 0x45;
    h[27] = 0x26;
    h[28] = recfm == 'F' ? 0xC6 : 0xE5;
    h[29] = (unsigned char)(flags | 0x20);
    put(a, eye, 8);
    put(a, h, 30);
}

typedef struct member {
    const char *fn, *ft, *fm;
    int recfm, method;
    unsigned lrecl;
    unsigned char **rec;
    size_t *len;
    unsigned nrec;
} member;

static void add_member(mbuf *a, const member *m)
{
    unsigned flags = m->method == HM_VMA_S2 ? 0x80 :
                     m->method == HM_VMA_ASIS ? 0x40 : 0;
    header(a, m->fn, m->ft, m->fm, m->recfm, m->lrecl, flags);
    if (m->method == HM_VMA_ASIS) {
        unsigned i;
        for (i = 0; i < m->nrec; i++) {
            unsigned char l[2];
            l[0] = (unsigned char)(m->len[i] >> 8);
            l[1] = (unsigned char)m->len[i];
            put(a, l, 2);
            put(a, m->rec[i], m->len[i]);
        }
        put(a, "\0\0", 2);
    } else {
        syms y = { 0, 0, 0 };
        codes c;
        memset(&c, 0, sizeof c);
        to_syms(&y, m->recfm, m->rec, m->len, m->nrec);
        if (m->method == HM_VMA_LZW)
            lzw_encode(&y, &c);
        else
            s2_encode(&y, &c);
        put(a, c.b.p, c.b.n);
        free(c.b.p);
        free(y.s);
    }
}

static void pad80(mbuf *a)
{
    static const unsigned char z[80];
    if (a->n % 80)
        put(a, z, 80 - a->n % 80);
}

/* records: text-like bytes from a small alphabet */
static void make_recs(member *m, unsigned nrec, unsigned seed)
{
    unsigned i;
    size_t k;
    unsigned long x = seed * 2654435761ul + 1;
    m->nrec = nrec;
    m->rec = calloc(nrec, sizeof *m->rec);
    m->len = calloc(nrec, sizeof *m->len);
    for (i = 0; i < nrec; i++) {
        size_t n;
        x = x * 1103515245ul + 12345ul;
        n = m->recfm == 'F' ? m->lrecl : 1 + (x >> 8) % m->lrecl;
        m->len[i] = n;
        m->rec[i] = malloc(n ? n : 1);
        for (k = 0; k < n; k++) {
            x = x * 1103515245ul + 12345ul;
            m->rec[i][k] = (unsigned char)(0xC1 + (x >> 16) % 6);
        }
    }
}

static void free_recs(member *m)
{
    unsigned i;
    for (i = 0; i < m->nrec; i++)
        free(m->rec[i]);
    free(m->rec);
    free(m->len);
}

static void check_member(hm_vma *v, unsigned long i, const member *m)
{
    const unsigned char *d;
    size_t n;
    unsigned r;
    assert_int_equal(hm_vma_select(v, i), 0);
    for (r = 0; r < m->nrec; r++) {
        assert_int_equal(hm_vma_next_record(v, &d, &n), 1);
        assert_int_equal(n, m->len[r]);
        assert_memory_equal(d, m->rec[r], n);
    }
    assert_int_equal(hm_vma_next_record(v, &d, &n), 0);
}

static hm_vma *open_mem(const mbuf *a, size_t n, hm_memsrc *src,
                        hm_log *lg)
{
    hm_memsrc_init(src, a->p, n);
    src->chunk = 1000;
    return hm_vma_open(&A, hm_memsrc_read, src, lg, "arc", 0);
}

/* ------------------------------------------------------------------
 * tests
 */
static void line_count(void *ctx, const char *line, size_t len)
{
    unsigned *n = (unsigned *)ctx;
    assert_int_equal(strlen(line), len);
    (*n)++;
}

static void test_methods(void **state)
{
    static const int methods[3] = { HM_VMA_ASIS, HM_VMA_LZW, HM_VMA_S2 };
    member m[6];
    mbuf a = { 0, 0, 0 };
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_vma *v;
    unsigned i, lines = 0;
    (void)state;
    for (i = 0; i < 6; i++) {
        memset(&m[i], 0, sizeof m[i]);
        m[i].fn = i & 1 ? "VFILE" : "FFILE";
        m[i].ft = i < 2 ? "ASIS" : i < 4 ? "LZW" : "S2";
        m[i].fm = "A1";
        m[i].recfm = i & 1 ? 'V' : 'F';
        m[i].method = methods[i / 2];
        m[i].lrecl = i & 1 ? 300 : 80;
        make_recs(&m[i], 40 + i, i + 1);
        add_member(&a, &m[i]);
    }
    pad80(&a);
    log_init(&lg, &c);
    v = open_mem(&a, a.n, &src, &lg);
    assert_int_equal(hm_vma_failed(v), 0);
    assert_int_equal(hm_vma_count(v), 6);
    for (i = 0; i < 6; i++) {
        const hm_vma_member *vm = hm_vma_member_at(v, i);
        assert_string_equal(vm->fn, m[i].fn);
        assert_int_equal(vm->recfm, m[i].recfm);
        assert_int_equal(vm->lrecl, m[i].lrecl);
        assert_int_equal(vm->method, m[i].method);
        assert_string_equal(vm->date, "2024-02-29 13:45:26");
        check_member(v, i, &m[i]);
    }
    assert_string_equal(hm_vma_member_at(v, 2)->name, "FFILE LZW A1");
    assert_int_equal(hm_vma_find(v, "FFILE LZW A1"), 2);
    assert_int_equal(hm_vma_find(v, "VFILE S2"), 5);
    assert_int_equal(hm_vma_find(v, "NONE S2"), -1);
    /* again, out of order */
    check_member(v, 1, &m[1]);
    hm_vma_describe(v, line_count, &lines);
    assert_int_equal(lines, 6);
    assert_int_equal(c.n, 0);
    hm_vma_close(v);
    for (i = 0; i < 6; i++)
        free_recs(&m[i]);
    free(a.p);
}

/* big members: the string table fills and entries are reused */
static void test_table_reuse(void **state)
{
    member m[2];
    mbuf a = { 0, 0, 0 };
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_vma *v;
    unsigned i;
    (void)state;
    for (i = 0; i < 2; i++) {
        memset(&m[i], 0, sizeof m[i]);
        m[i].fn = "BIG";
        m[i].ft = i ? "S2" : "LZW";
        m[i].fm = "B2";
        m[i].recfm = 'V';
        m[i].method = i ? HM_VMA_S2 : HM_VMA_LZW;
        m[i].lrecl = 255;
        make_recs(&m[i], i ? 150 : 400, 77 + i);
        add_member(&a, &m[i]);
    }
    log_init(&lg, &c);
    v = open_mem(&a, a.n, &src, &lg);
    assert_int_equal(hm_vma_count(v), 2);
    for (i = 0; i < 2; i++)
        check_member(v, i, &m[i]);
    assert_int_equal(c.n, 0);
    hm_vma_close(v);
    for (i = 0; i < 2; i++)
        free_recs(&m[i]);
    free(a.p);
}

static void test_not_vmarc(void **state)
{
    static const unsigned char junk[100] = { 0x7A, 0xC3 };
    mbuf a = { 0, 0, 0 };
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_vma *v;
    (void)state;
    put(&a, junk, sizeof junk);
    log_init(&lg, &c);
    v = open_mem(&a, a.n, &src, &lg);
    assert_int_equal(hm_vma_failed(v), 1);
    assert_int_equal(hm_vma_count(v), 0);
    assert_non_null(strstr(c.text, "HMG0260E"));
    hm_vma_close(v);
    free(a.p);
}

static void read_everything(hm_vma *v)
{
    unsigned long i;
    const unsigned char *d;
    size_t n;
    for (i = 0; i < hm_vma_count(v); i++)
        if (hm_vma_select(v, i) == 0)
            while (hm_vma_next_record(v, &d, &n) == 1)
                ;
}

static void test_damage(void **state)
{
    static const int methods[3] = { HM_VMA_ASIS, HM_VMA_LZW, HM_VMA_S2 };
    member m[3];
    mbuf a = { 0, 0, 0 };
    unsigned char *p;
    hm_memsrc src;
    hm_log lg;
    cap c;
    hm_vma *v;
    size_t cut, i, start[3];
    unsigned k;
    (void)state;
    for (k = 0; k < 3; k++) {
        start[k] = a.n;
        memset(&m[k], 0, sizeof m[k]);
        m[k].fn = "X";
        m[k].ft = "Y";
        m[k].fm = "A1";
        m[k].recfm = k == 1 ? 'F' : 'V';
        m[k].method = methods[k];
        m[k].lrecl = 20;
        make_recs(&m[k], 6, k + 5);
        add_member(&a, &m[k]);
    }
    for (cut = 0; cut < a.n; cut++) {
        log_init(&lg, &c);
        v = open_mem(&a, cut, &src, &lg);
        read_everything(v);
        /* a cut archive is reported: an error, or a warning when the
         * cut leaves part of the next eye-catcher; a cut between
         * members cannot be seen */
        if (cut == start[1] || cut == start[2])
            assert_int_equal(c.n, 0);
        else if ((cut > start[1] && cut < start[1] + 8) ||
                 (cut > start[2] && cut < start[2] + 8))
            assert_true(c.n > 0);
        else
            assert_true(c.nerr > 0);
        hm_vma_close(v);
    }
    p = malloc(a.n);
    for (i = 0; i < a.n; i++) {
        unsigned t;
        for (t = 0; t < 3; t++) {
            mbuf b;
            memcpy(p, a.p, a.n);
            p[i] = t == 0 ? 0 : t == 1 ? 0xFF : (unsigned char)~p[i];
            b.p = p;
            b.n = b.cap = a.n;
            log_init(&lg, &c);
            v = open_mem(&b, b.n, &src, &lg);
            read_everything(v);
            hm_vma_close(v);
        }
    }
    free(p);
    for (k = 0; k < 3; k++)
        free_recs(&m[k]);
    free(a.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_table_reuse),
        cmocka_unit_test(test_not_vmarc),
        cmocka_unit_test(test_damage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
