/*
 * ovvmext - extract an OfficeVision/VM (PROFS) store into a set of
 * Exchange Migration Wizard migration files.
 *
 *   ovvmext --store STORE --out OUTDIR [--ccsid N] [--node NODE]
 *           [--sysnames FILE] [--pivot YY] [--doc-types FT=KIND,...]
 *           [--directory] [--remote] [--lrecl N] [--formats FILE]
 *           [--doc-messages] [--keep-header] [--recfm REC]
 *           [--store-list FILE] [the options of every extractor]
 *
 * STORE/<USERID>/ holds the user's CMS files named FN.FT (notebooks,
 * <USERID>.NAMES, documents), STORE/<USERID>/RDR/ the reader files
 * (see extractors/ovvm/NOTES.md for the layouts, the forms of the files
 * and the mapping). The walker is extractors/ovvm/ovstore.c; this
 * main gives it the platform layer's files and runs the pipeline
 * (hm_run).
 */
#include <string.h>
#include "hm_run.h"
#include "hm_cpiconv.h"
#include "ovstore.h"

#define OX_PAGES 4

typedef struct ox_opts {
    hm_log *log;
    hm_settings *set;
    const char *store;
    const char *list;
    unsigned long ccsid;
    const char *node;
    const char *sysnames;
    const char *formats;
    const char *doctypes;
    unsigned long pivot;
    unsigned long lrecl;
    int directory;
    int doc_messages;
    int keep_header;
    int records;
    /* code pages from iconv */
    hm_cpage pages[OX_PAGES];
    char pnames[OX_PAGES][16];
    int npages;
} ox_opts;

static int ox_num(const char *s, unsigned long *v)
{
    static const char dg[] = "0123456789";
    *v = 0;
    if (!s[0])
        return -1;
    for (; *s; s++) {
        const char *p = strchr(dg, *s);
        if (!p || *v > 400000000ul)
            return -1;
        *v = *v * 10ul + (unsigned long)(p - dg);
    }
    return 0;
}

static int ox_own(void *ctx, int argc, char **argv, int *i,
                  void (*say)(const char *line))
{
    static const char *const withval[] = {
        "--store", "--store-list", "--ccsid", "--node", "--sysnames",
        "--formats", "--doc-types", "--pivot", "--lrecl", "--recfm", 0
    };
    ox_opts *o = (ox_opts *)ctx;
    const char *a, *val;
    unsigned long v;
    int k;
    if (!argv) {
        say("  --store DIR      the store: a folder per user id (see "
            "extractors/ovvm/NOTES.md)");
        say("  --store-list FILE  the store as a list of files: USERID "
            "FILE|RDR FN FT [name]");
        say("  --ccsid N        the store's code page (default 37)");
        say("  --node NODE      the users' VM node (default: from the "
            "system nickname file or the reader files)");
        say("  --sysnames FILE  the system nickname file (default: "
            "OFSUAD.FILE in the store)");
        say("  --pivot YY       two-digit years below YY are 20YY "
            "(default 50)");
        say("  --doc-types FT=KIND,...  how file types are read (KIND: "
            "rft, fft, script, text, binary, auto, notebook, skip)");
        say("  --directory      directory objects only (no mail, no "
            "PAB)");
        say("  --lrecl N        record length of F files (default 80)");
        say("  --formats FILE   per-file forms (default: "
            "OVVMEXT.FORMATS in the store)");
        say("  --doc-messages   documents as messages in the folder "
            "Documents (text as");
        say("                   the body, the original attached), "
            "not as free documents");
        say("  --free-docs      documents as free documents (the "
            "default; kept for");
        say("                   older command lines)");
        say("  --keep-header    note headers stay at the top of the "
            "bodies");
        say("  --recfm REC      the files deliver one record per read "
            "(CMS, z/OS)");
        say("  --remote         same as --remote TRUE: custom recipients "
            "for the users not migrated");
        return 0;
    }
    a = argv[*i];
    if (strcmp(a, "--remote") == 0 && o->set) {
        /* --remote alone: --remote TRUE */
        static const char *const tf[] = {
            "TRUE", "FALSE", "YES", "NO", "true", "false", "yes", "no",
            "True", "False", "Yes", "No", 0
        };
        char *fake[3];
        int j = 0;
        if (*i + 1 < argc)
            for (k = 0; tf[k]; k++)
                if (strcmp(argv[*i + 1], tf[k]) == 0)
                    return 1;
        fake[0] = argv[0];
        fake[1] = argv[*i];
        fake[2] = (char *)"TRUE";
        j = 1;
        return hm_set_option(o->set, 3, fake, &j, o->log) == 1 ? 0 : -1;
    }
    if (strcmp(a, "--directory") == 0) {
        o->directory = 1;
        return 0;
    }
    if (strcmp(a, "--doc-messages") == 0) {
        o->doc_messages = 1;
        return 0;
    }
    if (strcmp(a, "--free-docs") == 0) {
        o->doc_messages = 0;    /* the default */
        return 0;
    }
    if (strcmp(a, "--keep-header") == 0) {
        o->keep_header = 1;
        return 0;
    }
    for (k = 0; withval[k]; k++)
        if (strcmp(a, withval[k]) == 0)
            break;
    if (!withval[k])
        return 1;
    if (*i + 1 >= argc) {
        hm_msg1(o->log, HMM_OPTARG, a);
        return -1;
    }
    val = argv[++*i];
    if (strcmp(a, "--store") == 0)
        o->store = val;
    else if (strcmp(a, "--store-list") == 0)
        o->list = val;
    else if (strcmp(a, "--node") == 0)
        o->node = val;
    else if (strcmp(a, "--sysnames") == 0)
        o->sysnames = val;
    else if (strcmp(a, "--formats") == 0)
        o->formats = val;
    else if (strcmp(a, "--doc-types") == 0)
        o->doctypes = val;
    else if (strcmp(a, "--recfm") == 0) {
        if (strcmp(val, "REC") && strcmp(val, "rec")) {
            hm_msg2(o->log, HMM_OPTVAL, a, val);
            return -1;
        }
        o->records = 1;
    } else {
        if (ox_num(val, &v) != 0
            || (strcmp(a, "--ccsid") == 0 && (v == 0 || v > 65535ul))
            || (strcmp(a, "--pivot") == 0 && v > 99)
            || (strcmp(a, "--lrecl") == 0 && (v == 0 || v > 65535ul))) {
            hm_msg2(o->log, HMM_OPTVAL, a, val);
            return -1;
        }
        if (strcmp(a, "--ccsid") == 0)
            o->ccsid = v;
        else if (strcmp(a, "--pivot") == 0)
            o->pivot = v;
        else
            o->lrecl = v;
    }
    return 0;
}

/* ---- the store's files through the platform layer ---- */

static int io_listdir(void *ctx, const char *path, int quiet,
                      hm_ovs_dirfn fn, void *fctx)
{
    ox_opts *o = (ox_opts *)ctx;
    return hm_pl_listdir(path, fn, fctx, quiet ? 0 : o->log);
}

static void *io_open(void *ctx, const char *path, int quiet)
{
    ox_opts *o = (ox_opts *)ctx;
    return hm_pl_open(path, o->records ? HM_PL_RECORDS : HM_PL_BYTES,
                      quiet ? 0 : o->log);
}

static long io_read(void *h, unsigned char *buf, size_t n)
{
    return hm_pl_read(h, buf, n);
}

static void io_close(void *ctx, void *h)
{
    (void)ctx;
    hm_pl_close((hm_pfile *)h);
}

static int io_join(void *ctx, const char *dir, const char *name,
                   char *buf, size_t cap)
{
    (void)ctx;
    return hm_pl_join(dir, name, buf, cap);
}

static const hm_cpage *io_page(void *ctx, unsigned ccsid)
{
    ox_opts *o = (ox_opts *)ctx;
    const hm_cpage *cp = hm_cp_builtin(ccsid);
    int i;
    char b[24];
    if (cp)
        return cp;
    for (i = 0; i < o->npages; i++)
        if (o->pages[i].ccsid == ccsid)
            return &o->pages[i];
    if (o->npages == OX_PAGES
        || hm_cp_from_iconv(ccsid, &o->pages[o->npages],
                            o->pnames[o->npages], sizeof o->pnames[0])
               != 0)
        return 0;
    o->pages[o->npages].ccsid = ccsid;
    hm_msg2(o->log, HMM_CCSIDICONV, hm_fmt_ulong(ccsid, b),
            o->pnames[o->npages]);
    return &o->pages[o->npages++];
}

static void ox_summary(void *ctx)
{
    hm_ovs_summary((hm_ovs *)ctx);
}

int main(int argc, char **argv)
{
    static ox_opts o;
    hm_run r;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    const hm_cpage *cp;
    int rc;
    char b[24];

    memset(&o, 0, sizeof o);
    o.pivot = 50;
    o.log = &r.log;
    o.set = &r.set;
    if (hm_run_init(&r, "OVVMEXT", argc, argv, ox_own, &o)) {
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    if (!o.store && !o.list) {
        hm_msg1(&r.log, HMM_OVSNOSTORE, "OVVMEXT");
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    cp = io_page(&o, o.ccsid ? (unsigned)o.ccsid : 37u);
    if (!cp) {
        hm_msg1(&r.log, HMM_BADCCSID,
                hm_fmt_ulong(o.ccsid ? o.ccsid : 37ul, b));
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    memset(&c, 0, sizeof c);
    c.al = hm_pl_alloc();
    c.log = &r.log;
    c.io.listdir = io_listdir;
    c.io.open = io_open;
    c.io.read = io_read;
    c.io.close = io_close;
    c.io.join = io_join;
    c.io.page = io_page;
    c.io.ctx = &o;
    c.store = o.store;
    c.list = o.list;
    c.records = o.records;
    c.cp = cp;
    c.lrecl = o.lrecl;
    c.node = o.node;
    c.sysnames = o.sysnames;
    c.formats = o.formats;
    c.pivot = (unsigned)o.pivot;
    c.doctypes = o.doctypes;
    c.doc_messages = o.doc_messages;
    c.dir_only = o.directory;
    c.keep_header = o.keep_header;
    c.set = &r.set;
    s = hm_ovs_open(&c);
    if (!s) {
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc < 8 ? 8 : rc;
    }
    hm_ovs_source(s, &src);
    r.summary = ox_summary;
    r.summary_ctx = s;
    rc = hm_run_pipeline(&r, &src);
    hm_ovs_close(s);
    hm_run_free(&r);
    return rc;
}
