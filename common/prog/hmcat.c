/*
 * hmcat - print host records as UTF-8 lines (in the spirit of
 * cmsfscat), from plain record files and from the containers host
 * files travel in: NETDATA (TSO TRANSMIT, CMS SENDFILE and NOTE),
 * IEBCOPY unloads (a PDS inside NETDATA, or bare) and VMARC.
 *
 *   hmcat [options] FILE...     see usage() below
 *
 * Each record becomes one line: converted from the CCSID (default
 * 037) to the target page (default UTF-8), trailing blanks removed
 * unless --keep-blanks, ended by X'0A'. Binary members (or --binary)
 * are written as their bytes, back to back. Listings (--list,
 * --info) are text in the execution character set. Messages go to
 * the log (stderr here, SYSPRINT on the host); the return code is
 * the catalogue's 0/4/8/12/16.
 */
#include <string.h>
#include "hm_plat.h"
#include "hm_cp.h"
#include "hm_rec.h"
#include "hm_cont.h"
#include "hm_cpiconv.h"

#define OUTCAP 65536
#define HEADCAP 4096

typedef struct cat_opts {
    unsigned ccsid;
    int recfm;              /* 0: not declared */
    unsigned long lrecl;
    int keep_blanks;
    int nl;
    unsigned target;
    int container;          /* HM_CONT_UNKNOWN: detect */
    int list, info, message, binary, text, unnum;
    const char *member;
    const char *extract;
} cat_opts;

/* Where records go: standard output, or a file of --extract. */
typedef struct cat_out {
    hm_pout *o;
    unsigned char buf[OUTCAP];
    size_t n;
    int failed;
    unsigned long nrec;
} cat_out;

static hm_log lg;
static cat_out out;
static hm_cpconv conv;
static hm_cpage dynpage;
static char dynname[64];
static cat_opts op;

/* ---- output ---- */

static void out_flush(void)
{
    if (out.n && !out.failed && hm_pl_write(out.o, out.buf, out.n) != 0)
        out.failed = 1;
    out.n = 0;
}

static void out_bytes(const unsigned char *d, size_t n)
{
    while (n > 0) {
        size_t k = OUTCAP - out.n < n ? OUTCAP - out.n : n;
        memcpy(out.buf + out.n, d, k);
        out.n += k;
        d += k;
        n -= k;
        if (out.n == OUTCAP)
            out_flush();
    }
}

/* One record. binary: its bytes as they are. Otherwise a line: the
 * sequence number removed (--unnum), trailing blanks stripped,
 * converted (unless the text is already converted, RECFM NL). */
static void emit(const unsigned char *d, size_t n, int binary)
{
    out.nrec++;
    if (binary) {
        out_bytes(d, n);
        return;
    }
    if (op.unnum && n == 80) {
        size_t j;
        for (j = 72; j < 80 && d[j] >= 0xF0 && d[j] <= 0xF9; j++)
            ;
        if (j == 80)
            n = 72;
    }
    if (op.recfm == HM_RECFM_NL) {
        if (!op.keep_blanks)
            while (n > 0 && d[n - 1] == HM_A_SPACE)
                n--;
        out_bytes(d, n);
    } else {
        if (!op.keep_blanks)
            while (n > 0 && d[n - 1] == HM_E_SPACE)
                n--;
        while (n > 0) {
            /* UTF-8 needs up to 3 bytes per host byte */
            size_t room = (OUTCAP - 1 - out.n) / 3;
            size_t k = n < room ? n : room;
            if (k == 0) {
                out_flush();
                continue;
            }
            out.n += hm_cpconv_run(&conv, d, k, out.buf + out.n);
            d += k;
            n -= k;
        }
    }
    if (out.n == OUTCAP)
        out_flush();
    out.buf[out.n++] = HM_A_LF;
}

/* A listing line, in the execution character set. */
static void line_out(void *ctx, const char *line, size_t len)
{
    (void)ctx;
    out_bytes((const unsigned char *)line, len);
    out_bytes((const unsigned char *)"\n", 1);
}

static void say(const char *s)
{
    line_out(0, s, strlen(s));
}

/* A small line builder for listings. */
typedef struct lbuf {
    char s[256];
    size_t n;
} lbuf;

static void lb_add(lbuf *b, const char *t)
{
    size_t k = strlen(t);
    if (k > sizeof b->s - 1 - b->n)
        k = sizeof b->s - 1 - b->n;
    memcpy(b->s + b->n, t, k);
    b->n += k;
    b->s[b->n] = 0;
}

static void lb_num(lbuf *b, const char *label, unsigned long v)
{
    char t[24];
    lb_add(b, label);
    lb_add(b, hm_fmt_ulong(v, t));
}

/* ---- extract files ---- */

/* A file name for --extract from a host name (execution charset):
 * letters, digits and @ # $ - _ kept, blanks and dots become one
 * dot, anything else '_'; never empty, never starting with a dot. */
static void safe_name(const char *in, char *o, size_t cap)
{
    static const char ok[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                             "abcdefghijklmnopqrstuvwxyz"
                             "0123456789@#$-_";
    size_t n = 0;
    for (; *in && n + 1 < cap; in++) {
        if (*in == ' ' || *in == '.') {
            if (n > 0 && o[n - 1] != '.')
                o[n++] = '.';
        } else {
            o[n++] = strchr(ok, *in) ? *in : '_';
        }
    }
    while (n > 0 && o[n - 1] == '.')
        n--;
    if (n == 0)
        o[n++] = '_';
    o[n] = 0;
}

static int extract_begin(const char *fname, const char *hostname)
{
    char base[80], path[1024];
    safe_name(hostname, base, sizeof base);
    if (hm_pl_join(op.extract, base, path, sizeof path) != 0) {
        hm_msg2(&lg, HMM_CATNAME, fname, hostname);
        return -1;
    }
    out_flush();
    out.o = hm_pl_create(path, &lg);
    out.nrec = 0;
    return out.o ? 0 : -1;
}

static void extract_end(const char *fname, const char *hostname)
{
    char base[80], path[1024], t[24];
    out_flush();
    safe_name(hostname, base, sizeof base);
    hm_pl_join(op.extract, base, path, sizeof path);
    if (out.failed) {
        hm_msg2(&lg, HMM_WRITE, path, "write failed");
        hm_pl_discard(out.o);
    } else if (hm_pl_commit(out.o, &lg) == 0) {
        hm_msg3(&lg, HMM_CATWROTE, fname, path,
                hm_fmt_ulong(out.nrec, t));
    }
    out.failed = 0;
    out.o = hm_pl_stdout();
}

/* ---- partitioned data sets (IEBCOPY unloads) ---- */

static void pds_member(const hm_ieb *b, unsigned long i)
{
    hm_ieb_iter it;
    const unsigned char *d;
    size_t n;
    int binary = op.binary ||
                 (!op.text && !hm_ieb_member_is_text(b, i));
    if (hm_ieb_iter_init(b, i, binary ? HM_IEB_BLOCKS : HM_IEB_RECORDS,
                         &it) != 0)
        return;
    while (hm_ieb_iter_next(&it, &d, &n) == 1 && !out.failed)
        emit(d, n, binary);
}

static void pds_list(const hm_ieb *b)
{
    unsigned long i, k = hm_ieb_count(b);
    for (i = 0; i < k; i++) {
        const hm_ieb_member *m = hm_ieb_member_at(b, i);
        lbuf l;
        l.n = 0;
        l.s[0] = 0;
        lb_add(&l, "  member ");
        lb_add(&l, m->name);
        if (m->is_alias && m->alias_of) {
            lb_add(&l, " alias of ");
            lb_add(&l, m->alias_of);
        }
        lb_num(&l, " bytes ", m->nbytes);
        lb_add(&l, hm_ieb_member_is_text(b, i) ? " text" : " binary");
        if (m->has_ispf) {
            lb_add(&l, " changed ");
            lb_add(&l, m->ispf.changed);
            lb_add(&l, " by ");
            lb_add(&l, m->ispf.user);
        }
        say(l.s);
    }
}

static void do_pds(const char *fname, hm_ieb *b)
{
    unsigned long i, k = hm_ieb_count(b);
    if (op.list) {
        pds_list(b);
    } else if (op.member) {
        long m = hm_ieb_find(b, op.member);
        if (m < 0)
            hm_msg2(&lg, HMM_CATNOMEMB, fname, op.member);
        else
            pds_member(b, (unsigned long)m);
    } else if (op.extract) {
        for (i = 0; i < k && !out.failed; i++) {
            const hm_ieb_member *m = hm_ieb_member_at(b, i);
            if (extract_begin(fname, m->name) != 0)
                continue;
            pds_member(b, i);
            extract_end(fname, m->name);
        }
    } else {
        char t[24];
        hm_msg2(&lg, HMM_CATPDS, fname, hm_fmt_ulong(k, t));
        pds_list(b);
    }
}

/* ---- NETDATA ---- */

static void nd_records(hm_nd *r, int binary)
{
    const unsigned char *d;
    size_t n;
    if (binary) {
        while (hm_nd_next_data(r, &d, &n) == 1 && !out.failed)
            emit(d, n, 1);
    } else {
        while (hm_nd_next_record(r, &d, &n) == 1 && !out.failed)
            emit(d, n, 0);
    }
}

static void nd_list_head(const hm_nd *r, unsigned long nfiles)
{
    const hm_nd_trans *t = hm_nd_info(r);
    char date[40];
    lbuf l;
    l.n = 0;
    l.s[0] = 0;
    lb_add(&l, "from ");
    lb_add(&l, t->fuid);
    lb_add(&l, " at ");
    lb_add(&l, t->fnode);
    lb_add(&l, " to ");
    lb_add(&l, t->tuid);
    lb_add(&l, " at ");
    lb_add(&l, t->tnode);
    if (t->ftime[0]) {
        lb_add(&l, " sent ");
        lb_add(&l, hm_cont_fmt_date(t->ftime, date));
        lb_add(&l, " GMT");
    }
    lb_num(&l, ", files ", nfiles);
    {
        unsigned long i;
        int msg = 0;
        for (i = 0; i < nfiles; i++)
            if (hm_nd_file_at(r, i) && hm_nd_file_at(r, i)->is_message)
                msg = 1;
        lb_add(&l, msg ? ", message yes" : ", message no");
    }
    say(l.s);
}

static void nd_list_file(const hm_nd_file *f)
{
    char t[48];
    lbuf l;
    l.n = 0;
    l.s[0] = 0;
    lb_num(&l, "file ", f->number);
    lb_add(&l, ": ");
    lb_add(&l, f->is_message ? "(message)"
                             : f->name[0] ? f->name : "(unnamed)");
    lb_add(&l, " RECFM ");
    lb_add(&l, hm_nd_recfm_str(f->recfm, t));
    lb_num(&l, " LRECL ", f->lrecl);
    lb_add(&l, " DSORG ");
    lb_add(&l, hm_nd_dsorg_str(f->dsorg, t));
    if (!f->is_pds)
        lb_num(&l, " records ", f->nrecords);
    if (f->changed[0]) {
        lb_add(&l, " changed ");
        lb_add(&l, hm_cont_fmt_date(f->changed, t));
    } else if (f->created[0]) {
        lb_add(&l, " created ");
        lb_add(&l, hm_cont_fmt_date(f->created, t));
    }
    say(l.s);
}

static void do_netdata(const char *fname, hm_pfile *pf)
{
    const hm_alloc *a = hm_pl_alloc();
    const hm_nd_file *f;
    hm_nd *r;
    unsigned long nfiles;
    int rc, done = 0;

    if (op.info) {
        hm_nd_describe(a, hm_pl_read, pf, &lg, fname, line_out, 0);
        return;
    }
    r = hm_nd_open(a, hm_pl_read, pf, &lg, fname, 0);
    if (!r)
        return;
    rc = hm_nd_next_file(r, &f);
    nfiles = hm_nd_file_count(r);
    if (op.list)
        nd_list_head(r, nfiles);
    for (; rc == 1 && !out.failed && !done; rc = hm_nd_next_file(r, &f)) {
        if (op.list) {
            if (f->is_pds) {
                hm_ieb *b = hm_nd_read_pds(r, a, &lg, fname);
                nd_list_file(f);
                if (b) {
                    pds_list(b);
                    hm_ieb_close(b);
                }
            } else {
                const unsigned char *d;
                size_t n;
                while (hm_nd_next_record(r, &d, &n) == 1)
                    ;
                nd_list_file(f);
            }
            continue;
        }
        if (op.message) {
            if (f->is_message) {
                nd_records(r, op.binary);
                done = 1;
            }
            continue;
        }
        if (op.member) {
            if (f->is_pds) {
                hm_ieb *b = hm_nd_read_pds(r, a, &lg, fname);
                if (b) {
                    do_pds(fname, b);
                    hm_ieb_close(b);
                }
                done = 1;
            }
            continue;
        }
        if (op.extract) {
            if (f->is_pds) {
                hm_ieb *b = hm_nd_read_pds(r, a, &lg, fname);
                if (b) {
                    do_pds(fname, b);
                    hm_ieb_close(b);
                }
            } else {
                char nm[80];
                if (f->is_message) {
                    memcpy(nm, "MESSAGE.TXT", 12);
                } else if (f->is_cms) {
                    lbuf l;          /* FN.FT, without the mode */
                    l.n = 0;
                    l.s[0] = 0;
                    lb_add(&l, f->cms_fn);
                    lb_add(&l, ".");
                    lb_add(&l, f->cms_ft);
                    safe_name(l.s, nm, sizeof nm);
                } else {
                    safe_name(f->name, nm, sizeof nm);
                }
                if (extract_begin(fname, nm) == 0) {
                    nd_records(r, op.binary);
                    extract_end(fname, nm);
                }
            }
            continue;
        }
        /* plain hmcat: the first data set, or the message when that
         * is all there is */
        if (f->is_message && nfiles > 1)
            continue;
        if (f->is_pds) {
            hm_ieb *b = hm_nd_read_pds(r, a, &lg, fname);
            if (b) {
                do_pds(fname, b);
                hm_ieb_close(b);
            }
        } else {
            nd_records(r, op.binary);
        }
        done = 1;
    }
    if (op.message && !done && rc >= 0)
        hm_msg1(&lg, HMM_CATNOMSG, fname);
    if (op.member && !done && rc >= 0)
        hm_msg1(&lg, HMM_CATNOPDS, fname);
    hm_nd_close(r);
}

/* ---- VMARC ---- */

static void vma_member(hm_vma *v, unsigned long i)
{
    const unsigned char *d;
    size_t n;
    if (hm_vma_select(v, i) != 0)
        return;
    while (hm_vma_next_record(v, &d, &n) == 1 && !out.failed)
        emit(d, n, op.binary);
}

static void do_vmarc(const char *fname, hm_pfile *pf)
{
    hm_vma *v = hm_vma_open(hm_pl_alloc(), hm_pl_read, pf, &lg, fname, 0);
    unsigned long i, k;
    if (!v)
        return;
    k = hm_vma_count(v);
    if (op.list || op.info) {
        hm_vma_describe(v, line_out, 0);
    } else if (op.member) {
        long m = hm_vma_find(v, op.member);
        if (m < 0)
            hm_msg2(&lg, HMM_CATNOMEMB, fname, op.member);
        else
            vma_member(v, (unsigned long)m);
    } else if (op.extract) {
        for (i = 0; i < k && !out.failed; i++) {
            const hm_vma_member *m = hm_vma_member_at(v, i);
            lbuf l;
            l.n = 0;
            l.s[0] = 0;
            lb_add(&l, m->fn);
            lb_add(&l, ".");
            lb_add(&l, m->ft);
            if (extract_begin(fname, l.s) != 0)
                continue;
            vma_member(v, i);
            extract_end(fname, l.s);
        }
    } else if (k == 1) {
        vma_member(v, 0);
    } else {
        char t[24];
        hm_msg2(&lg, HMM_CATPDS, fname, hm_fmt_ulong(k, t));
        hm_vma_describe(v, line_out, 0);
    }
    hm_vma_close(v);
}

/* ---- record files ---- */

static void do_records(const char *fname, hm_pfile *pf, int recfm,
                       int bare_ieb)
{
    hm_rdr *r;
    hm_recopt ro;
    const unsigned char *rec;
    size_t len;
    hm_ieb *b = 0;

    ro.recfm = recfm;
    ro.lrecl = op.lrecl;
    ro.keep_blanks = 1;         /* emit() strips */
    ro.blank = recfm == HM_RECFM_NL ? HM_A_SPACE : HM_E_SPACE;
    r = hm_rec_open(hm_pl_alloc(), hm_pl_read, pf, &ro, &lg, fname);
    if (!r)
        return;
    if (bare_ieb) {
        b = hm_ieb_open(hm_pl_alloc(), &lg, fname, 0);
        if (!b) {
            hm_rec_close(r);
            return;
        }
        while (hm_rec_next(r, &rec, &len) == 1)
            if (hm_ieb_feed(b, rec, len) != 0)
                break;
        if (hm_ieb_finish(b) == 0)
            do_pds(fname, b);
        hm_ieb_close(b);
    } else {
        while (hm_rec_next(r, &rec, &len) == 1 && !out.failed)
            emit(rec, len, op.binary);
    }
    hm_rec_close(r);
}

/* ---- one file ---- */

static int detect(const char *fname)
{
    unsigned char head[HEADCAP];
    size_t n = 0;
    long got;
    hm_pfile *pf;
    if (op.container != HM_CONT_UNKNOWN)
        return op.container;
    if (op.recfm)
        return HM_CONT_RAW;      /* the user declared the format */
    pf = hm_pl_open(fname, HM_PL_BYTES, &lg);
    if (!pf)
        return -1;
    while (n < HEADCAP &&
           (got = hm_pl_read(pf, head + n, HEADCAP - n)) > 0)
        n += (size_t)got;
    hm_pl_close(pf);
    return hm_cont_detect(head, n, HM_CONT_UNKNOWN);
}

static void cat_file(const char *fname)
{
    int kind = detect(fname);
    hm_pfile *pf;
    unsigned long before = conv.nunmapped;

    if (kind < 0)
        return;
    if (kind == HM_CONT_TEXTND) {
        hm_msg2(&lg, HMM_CONTTEXT, fname, "NETDATA or VMARC");
        return;
    }
    pf = hm_pl_open(fname, HM_PL_BYTES, &lg);
    if (!pf)
        return;
    op.recfm = op.recfm ? op.recfm : HM_RECFM_F;
    switch (kind) {
    case HM_CONT_NETDATA:
        do_netdata(fname, pf);
        break;
    case HM_CONT_VMARC:
        do_vmarc(fname, pf);
        break;
    case HM_CONT_IEBCOPY:
        do_records(fname, pf, HM_RECFM_V, 1);
        break;
    case HM_CONT_V:
    case HM_CONT_VB:
        do_records(fname, pf, HM_RECFM_V, 0);
        break;
    default:
        do_records(fname, pf, op.recfm, 0);
        break;
    }
    hm_pl_close(pf);
    if (conv.nunmapped != before) {
        char num[24];
        hm_msg2(&lg, HMM_UNMAPPED, fname,
                hm_fmt_ulong(conv.nunmapped - before, num));
    }
}

/* ---- options ---- */

static void usage(void)
{
    say("Usage: hmcat [options] FILE...");
    say("Print each record of each host FILE as one UTF-8 line. FILE is");
    say("a record file, or a NETDATA (TRANSMIT, SENDFILE, NOTE), VMARC");
    say("or IEBCOPY unload file, recognised by its content.");
    say("  --ccsid N        host code page (default 037)");
    say("  --recfm FMT      F, FB, V, VB, U or NL (default: detect;");
    say("                   F with --lrecl when nothing is recognised)");
    say("  --lrecl N        record length for F/FB, block size for U");
    say("                   (default 80)");
    say("  --keep-blanks    keep trailing blanks");
    say("  --unnum          drop sequence numbers in columns 73-80");
    say("  --nl POLICY      X'15'/X'25': cdra (default), uss, lf");
    say("  --to PAGE        65001 (UTF-8, default), 1252 or 850");
    say("  --container K    netdata, vmarc, iebcopy, v, vb or raw:");
    say("                   do not detect");
    say("  --list           files and members, with RECFM, LRECL,");
    say("                   records, dates, origin, message");
    say("  --info           the control records in readable form");
    say("  --member NAME    one member of a PDS or VMARC archive");
    say("  --extract DIR    every file or member into DIR");
    say("  --message        the message that came with a TRANSMIT");
    say("  --binary         record bytes unconverted, back to back");
    say("  --text           members as text even if they look binary");
    say("  --help           this text");
    say("Return codes: 0 ok, 4 warnings, 8 errors, 12 severe,"
        " 16 terminated.");
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

static const char *const value_opts[] = {
    "--ccsid", "--recfm", "--lrecl", "--nl", "--to", "--container",
    "--member", "--extract", 0
};

static int takes_value(const char *a)
{
    int i;
    for (i = 0; value_opts[i]; i++)
        if (strcmp(a, value_opts[i]) == 0)
            return 1;
    return 0;
}

static int is_option(const char *a)
{
    return a[0] == '-' && a[1] != 0;
}

static int set_flag(const char *a)
{
    static const char *const names[] = {
        "--keep-blanks", "--list", "--info", "--message", "--binary",
        "--text", "--unnum", 0
    };
    int *const flags[] = {
        &op.keep_blanks, &op.list, &op.info, &op.message, &op.binary,
        &op.text, &op.unnum
    };
    int i;
    for (i = 0; names[i]; i++)
        if (strcmp(a, names[i]) == 0) {
            *flags[i] = 1;
            return 0;
        }
    return -1;
}

/* Apply option a with value val. 0 or -1 (message issued). */
static int set_option(const char *a, const char *val)
{
    unsigned long v;
    if (set_flag(a) == 0)
        return 0;
    if (!takes_value(a)) {
        hm_msg1(&lg, HMM_BADOPT, a);
        return -1;
    }
    if (!val) {
        hm_msg1(&lg, HMM_OPTARG, a);
        return -1;
    }
    if (strcmp(a, "--member") == 0) {
        op.member = val;
        return 0;
    }
    if (strcmp(a, "--extract") == 0) {
        op.extract = val;
        return 0;
    }
    if (strcmp(a, "--recfm") == 0) {
        op.recfm = hm_recfm_parse(val);
        if (op.recfm)
            return 0;
    } else if (strcmp(a, "--container") == 0) {
        op.container = hm_cont_kind_parse(val);
        if (op.container >= 0)
            return 0;
    } else if (strcmp(a, "--nl") == 0) {
        if (strcmp(val, "cdra") == 0)
            op.nl = HM_NL_CDRA;
        else if (strcmp(val, "uss") == 0)
            op.nl = HM_NL_USS;
        else if (strcmp(val, "lf") == 0)
            op.nl = HM_NL_LF;
        else
            op.nl = -1;
        if (op.nl >= 0)
            return 0;
    } else if (parse_num(val, &v) == 0 && v > 0) {
        if (strcmp(a, "--ccsid") == 0 && v <= 65535ul) {
            op.ccsid = (unsigned)v;
            return 0;
        }
        if (strcmp(a, "--lrecl") == 0 && v <= HM_LRECL_MAX) {
            op.lrecl = v;
            return 0;
        }
        if (strcmp(a, "--to") == 0 &&
            (v == HM_PC_UTF8 || v == HM_PC_1252 || v == HM_PC_850)) {
            op.target = (unsigned)v;
            return 0;
        }
    }
    hm_msg2(&lg, HMM_OPTVAL, a, val);
    return -1;
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

int main(int argc, char **argv)
{
    const hm_cpage *cp;
    int i, nfiles = 0, dashdash = argc, declared;

    hm_pl_log_init(&lg);
    memset(&op, 0, sizeof op);
    op.ccsid = 37;
    op.lrecl = 80;
    op.nl = HM_NL_CDRA;
    op.target = HM_PC_UTF8;
    op.container = HM_CONT_UNKNOWN;
    out.o = hm_pl_stdout();

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
            out_flush();
            hm_pl_flush_stdout();
            return 0;
        }
        if (set_option(a, i + 1 < argc ? argv[i + 1] : 0) != 0)
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
    if (op.extract && hm_pl_mkdir(op.extract, &lg) != 0)
        return hm_log_rc(&lg);

    /* pass 2: the files */
    declared = op.recfm;
    for (i = 1; i < argc && !out.failed; i++) {
        const char *a = argv[i];
        if (i == dashdash)
            continue;
        if (i < dashdash && is_option(a)) {
            if (takes_value(a))
                i++;
            continue;
        }
        op.recfm = declared;
        cat_file(a);
    }
    out_flush();
    hm_cpconv_fast_free(&conv, hm_pl_alloc());
    if (out.failed || hm_pl_flush_stdout() != 0)
        hm_msg2(&lg, HMM_WRITE, "standard output", "write failed");
    return hm_log_rc(&lg);
}
