/*
 * hmcat - print host records as UTF-8 lines (in the spirit of
 * cmsfscat).
 *
 *   hmcat [--ccsid N] [--recfm F|FB|V|VB|U|NL] [--lrecl N]
 *         [--keep-blanks] [--nl cdra|uss|lf] [--to 65001|1252|850]
 *         FILE...
 *
 * Each record becomes one line: converted from the CCSID (default
 * 037) to the target page (default UTF-8), trailing blanks removed
 * unless --keep-blanks, ended by X'0A'. Messages go to the log
 * (stderr here, SYSPRINT on the host); the return code is the
 * catalogue's 0/4/8/12/16.
 */
#include <string.h>
#include "hm_plat.h"
#include "hm_cp.h"
#include "hm_rec.h"
#include "hm_cpiconv.h"

#define OUTCAP 65536

typedef struct cat_opts {
    unsigned ccsid;
    int recfm;
    unsigned long lrecl;
    int keep_blanks;
    int nl;
    unsigned target;
} cat_opts;

typedef struct cat_out {
    hm_pout *o;
    unsigned char buf[OUTCAP];
    size_t n;
    int failed;
} cat_out;

static hm_log lg;
static cat_out out;
static hm_cpconv conv;
static hm_cpage dynpage;
static char dynname[64];

static void out_flush(void)
{
    if (out.n && !out.failed && hm_pl_write(out.o, out.buf, out.n) != 0)
        out.failed = 1;
    out.n = 0;
}

static void say(const char *s)
{
    size_t n = strlen(s);
    hm_pl_write(hm_pl_stdout(), (const unsigned char *)s, n);
}

static void usage(void)
{
    say("Usage: hmcat [options] FILE...\n"
        "Print each record of each host FILE as one line.\n"
        "  --ccsid N        host code page (default 037)\n"
        "  --recfm FMT      F, FB, V, VB, U or NL (default F)\n"
        "  --lrecl N        record length for F/FB, block for U"
        " (default 80)\n"
        "  --keep-blanks    keep trailing blanks\n"
        "  --nl POLICY      X'15'/X'25': cdra (default), uss, lf\n"
        "  --to PAGE        output page: 65001 (UTF-8, default),"
        " 1252, 850\n"
        "  --help           this text\n"
        "Return codes: 0 ok, 4 warnings, 8 errors, 12 severe,"
        " 16 terminated.\n");
    hm_pl_flush_stdout();
}

static int parse_num(const char *s, unsigned long *v)
{
    unsigned long n = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || n > 400000000ul)
            return -1;
        n = n * 10 + (unsigned long)(*s - '0');
    }
    *v = n;
    return 0;
}

static int select_page(unsigned ccsid, const hm_cpage **cp)
{
    char num[24];
    *cp = hm_cp_builtin(ccsid);
    if (*cp)
        return 0;
    if (hm_cp_from_iconv(ccsid, &dynpage, dynname, sizeof dynname) == 0) {
        *cp = &dynpage;
        hm_msg2(&lg, HMM_CCSIDICONV, hm_fmt_ulong(ccsid, num), dynname);
        return 0;
    }
    hm_msg1(&lg, HMM_BADCCSID, hm_fmt_ulong(ccsid, num));
    return -1;
}

static void cat_file(const char *name, const cat_opts *op)
{
    hm_pfile *f;
    hm_rdr *r;
    hm_recopt ro;
    const unsigned char *rec;
    size_t len;
    unsigned long before = conv.nunmapped;

    f = hm_pl_open(name, HM_PL_BYTES, &lg);
    if (!f)
        return;
    ro.recfm = op->recfm;
    ro.lrecl = op->lrecl;
    ro.keep_blanks = op->keep_blanks;
    ro.blank = op->recfm == HM_RECFM_NL ? HM_A_SPACE : HM_E_SPACE;
    r = hm_rec_open(hm_pl_alloc(), hm_pl_read, f, &ro, &lg, name);
    if (!r) {
        hm_pl_close(f);
        return;
    }
    while (hm_rec_next(r, &rec, &len) == 1 && !out.failed) {
        if (op->recfm == HM_RECFM_NL) {
            /* already converted text: copied as it is */
            while (len > 0) {
                size_t k = len < OUTCAP - 1 - out.n ? len
                                                    : OUTCAP - 1 - out.n;
                memcpy(out.buf + out.n, rec, k);
                out.n += k;
                rec += k;
                len -= k;
                if (out.n >= OUTCAP - 1)
                    out_flush();
            }
        } else {
            while (len > 0) {
                /* UTF-8 needs up to 3 bytes per host byte */
                size_t room = (OUTCAP - 1 - out.n) / 3;
                size_t k = len < room ? len : room;
                if (k == 0) {
                    out_flush();
                    continue;
                }
                out.n += hm_cpconv_run(&conv, rec, k, out.buf + out.n);
                rec += k;
                len -= k;
            }
        }
        out.buf[out.n++] = HM_A_LF;
        if (out.n > OUTCAP - 4)
            out_flush();
    }
    hm_rec_close(r);
    hm_pl_close(f);
    if (conv.nunmapped != before) {
        char num[24];
        hm_msg2(&lg, HMM_UNMAPPED, name,
                hm_fmt_ulong(conv.nunmapped - before, num));
    }
}

static int takes_value(const char *a)
{
    return strcmp(a, "--ccsid") == 0 || strcmp(a, "--recfm") == 0 ||
           strcmp(a, "--lrecl") == 0 || strcmp(a, "--nl") == 0 ||
           strcmp(a, "--to") == 0;
}

static int is_option(const char *a)
{
    return a[0] == '-' && a[1] != 0;
}

/* Apply option a with value val (NULL for a flag). 0 or -1. */
static int set_option(cat_opts *op, const char *a, const char *val)
{
    unsigned long v;
    if (strcmp(a, "--keep-blanks") == 0) {
        op->keep_blanks = 1;
        return 0;
    }
    if (!takes_value(a)) {
        hm_msg1(&lg, HMM_BADOPT, a);
        return -1;
    }
    if (!val) {
        hm_msg1(&lg, HMM_OPTARG, a);
        return -1;
    }
    if (strcmp(a, "--recfm") == 0) {
        op->recfm = hm_recfm_parse(val);
        if (op->recfm)
            return 0;
    } else if (strcmp(a, "--nl") == 0) {
        if (strcmp(val, "cdra") == 0)
            op->nl = HM_NL_CDRA;
        else if (strcmp(val, "uss") == 0)
            op->nl = HM_NL_USS;
        else if (strcmp(val, "lf") == 0)
            op->nl = HM_NL_LF;
        else
            op->nl = -1;
        if (op->nl >= 0)
            return 0;
    } else if (parse_num(val, &v) == 0 && v > 0) {
        if (strcmp(a, "--ccsid") == 0 && v <= 65535ul) {
            op->ccsid = (unsigned)v;
            return 0;
        }
        if (strcmp(a, "--lrecl") == 0 && v <= HM_LRECL_MAX) {
            op->lrecl = v;
            return 0;
        }
        if (strcmp(a, "--to") == 0 &&
            (v == HM_PC_UTF8 || v == HM_PC_1252 || v == HM_PC_850)) {
            op->target = (unsigned)v;
            return 0;
        }
    }
    hm_msg2(&lg, HMM_OPTVAL, a, val);
    return -1;
}

int main(int argc, char **argv)
{
    cat_opts op;
    const hm_cpage *cp;
    int i, nfiles = 0, dashdash = argc;

    hm_pl_log_init(&lg);
    op.ccsid = 37;
    op.recfm = HM_RECFM_F;
    op.lrecl = 80;
    op.keep_blanks = 0;
    op.nl = HM_NL_CDRA;
    op.target = HM_PC_UTF8;

    /* pass 1: options (they may stand anywhere before --) */
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            dashdash = i;
            nfiles += argc - i - 1;
            break;
        }
        if (!is_option(a)) {
            nfiles++;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage();
            return 0;
        }
        if (set_option(&op, a, i + 1 < argc ? argv[i + 1] : 0) != 0)
            return hm_log_rc(&lg);
        if (takes_value(a))
            i++;
    }
    if (nfiles == 0) {
        hm_msg0(&lg, HMM_NOFILE);
        return hm_log_rc(&lg);
    }
    if (select_page(op.ccsid, &cp) != 0)
        return hm_log_rc(&lg);
    hm_cpconv_init(&conv, cp, op.target, op.nl);
    /* the 512 KiB pair table, where it applies; else plain tables */
    hm_cpconv_fast(&conv, hm_pl_alloc());
    out.o = hm_pl_stdout();

    /* pass 2: the files */
    for (i = 1; i < argc && !out.failed; i++) {
        const char *a = argv[i];
        if (i == dashdash)
            continue;
        if (i < dashdash && is_option(a)) {
            if (takes_value(a))
                i++;
            continue;
        }
        cat_file(a, &op);
    }
    out_flush();
    hm_cpconv_fast_free(&conv, hm_pl_alloc());
    if (out.failed || hm_pl_flush_stdout() != 0)
        hm_msg2(&lg, HMM_WRITE, "standard output", "write failed");
    return hm_log_rc(&lg);
}
