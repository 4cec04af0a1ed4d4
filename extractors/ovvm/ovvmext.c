/*
 * ovvmext - extract an OfficeVision/VM (PROFS) store into a set of
 * Exchange Migration Wizard migration files.
 *
 *   ovvmext --store STORE --out OUTDIR [--ccsid N] [--node NODE]
 *           [--sysnames FILE] [--pivot YY] [--doc-types FT=KIND,...]
 *           [--directory] [--remote] [--lrecl N] [--formats FILE]
 *           [--doc-messages] [--keep-header] [--recfm REC]
 *           [--store-list FILE] [--cal-profile FILE --cal-data FILE
 *           [--cal-data FILE]... [--cal-copybook FILE]... [--cal-ccsid N]
 *           [--cal-recfm V|REC] [--cal-item-max BYTES]]
 *           [the options of every extractor]
 *
 * STORE/<USERID>/ holds the user's CMS files named FN.FT (notebooks,
 * <USERID>.NAMES, documents), STORE/<USERID>/RDR/ the reader files
 * (see extractors/ovvm/NOTES.md for the layouts, the forms of the files
 * and the mapping). The walker is extractors/ovvm/ovstore.c; this
 * main gives it the platform layer's files and runs the pipeline
 * (hm_run). Calendars come from unloaded calendar records read
 * through a declared layout (--cal-profile, --cal-data; the layout
 * source of extractors/layout, added to the accounts by
 * extractors/ovvm/ovcal.c).
 */
#include <string.h>
#include "hm_run.h"
#include "hm_cpiconv.h"
#include "ovstore.h"
#include "ovcal.h"
#include "../layout/hm_lxload.h"

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
    /* calendars: the layout options (hm_lxload.h) */
    lx_opts cal;
    int cal_recfm;              /* --cal-recfm given */
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

/* the calendar options: 0 taken, 1 not ours, -1 bad */
static int ox_cal_own(ox_opts *o, int argc, char **argv, int *i)
{
    static const char *const calopt[] = {
        "--cal-profile", "--cal-data", "--cal-copybook", "--cal-ccsid",
        "--cal-recfm", "--cal-item-max", 0
    };
    lx_opts *c = &o->cal;
    const char *a = argv[*i], *val;
    unsigned long v;
    char nb[24];
    int k;
    for (k = 0; calopt[k]; k++)
        if (strcmp(a, calopt[k]) == 0)
            break;
    if (!calopt[k])
        return 1;
    if (*i + 1 >= argc) {
        hm_msg1(o->log, HMM_OPTARG, a);
        return -1;
    }
    val = argv[++*i];
    switch (k) {
    case 0:
        c->profile = val;
        return 0;
    case 1:
    case 2:
        if (k == 1 ? c->ndata == LX_MAXDATA : c->ncpy == LX_MAXCPY) {
            hm_msg3(o->log, HMM_LXTOOMANY, "OVVMEXT",
                    hm_fmt_ulong(k == 1 ? LX_MAXDATA : LX_MAXCPY, nb), a);
            return -1;
        }
        if (k == 1)
            c->data[c->ndata++] = val;
        else
            c->cpy[c->ncpy++] = val;
        return 0;
    case 4:
        if (strcmp(val, "V") == 0 || strcmp(val, "VB") == 0
            || strcmp(val, "v") == 0 || strcmp(val, "vb") == 0)
            c->recmode = HM_LSR_AUTO;
        else if (strcmp(val, "REC") == 0 || strcmp(val, "rec") == 0)
            c->recmode = HM_LSR_REC;
        else {
            hm_msg2(o->log, HMM_OPTVAL, a, val);
            return -1;
        }
        o->cal_recfm = 1;
        return 0;
    default:
        if (ox_num(val, &v) != 0 || (k == 3 && (v == 0 || v > 65535ul))) {
            hm_msg2(o->log, HMM_OPTVAL, a, val);
            return -1;
        }
        if (k == 3)
            c->ccsid = v;
        else
            c->item_max = v;
        return 0;
    }
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
        say("  --cal-profile FILE  calendars: the store profile of the "
            "calendar records (e.g. extractors/ovvm/OVCAL.prof, an "
            "EXAMPLE)");
        say("  --cal-data FILE  calendars: unloaded calendar records "
            "(NETDATA or RDWs; repeat for each)");
        say("  --cal-copybook FILE  calendars: the record layouts "
            "(repeatable; default: copybook = of the profile)");
        say("  --cal-ccsid N    calendars: code page of the calendar "
            "records (default: the profile's)");
        say("  --cal-recfm V|REC  calendars: V: NETDATA or RDWs "
            "(default; REC with --recfm REC); REC: one record per read");
        say("  --cal-item-max BYTES  calendars: largest calendar item "
            "(default 64 MiB)");
        return 0;
    }
    a = argv[*i];
    k = ox_cal_own(o, argc, argv, i);
    if (k <= 0)
        return k;
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

typedef struct ox_sum {
    hm_ovs *s;
    hm_ovc *cal;
} ox_sum;

static void ox_summary(void *ctx)
{
    ox_sum *x = (ox_sum *)ctx;
    hm_ovs_summary(x->s);
    if (x->cal)
        hm_ovc_summary(x->cal);
}

/* the calendars: the layout, its source and the matching with the
 * store's accounts; 0, or -1 after a message */
typedef struct ox_cal {
    lx_layout L;
    lx_io io;
    hm_lsrc *ls;
    hm_ovc *ovc;
    const char **ids;
} ox_cal;

static int ox_cal_open(ox_opts *o, ox_cal *x, hm_ovs *s, hm_run *r)
{
    static const lx_prog prog = { "OVVMEXT", "PROFS" };
    hm_ovc_cfg cc;
    unsigned long i, n = hm_ovs_accounts(s);
    const hm_alloc *al = hm_pl_alloc();
    memset(x, 0, sizeof *x);
    o->cal.prog = &prog;
    o->cal.addrtype = prog.addrtype;
    o->cal.log = &r->log;
    o->cal.set = &r->set;
    if (!o->cal_recfm && o->records)
        o->cal.recmode = HM_LSR_REC;
    if (lx_load(&o->cal, &x->L) != 0)
        return -1;
    x->ls = lx_source(&o->cal, &x->L, &x->io);
    if (!x->ls)
        return -1;
    x->ids = (const char **)HM_ALLOC(al, (n ? n : 1) * sizeof *x->ids);
    if (!x->ids) {
        hm_msg1(&r->log, HMM_NOSTOR, "the calendars");
        return -1;
    }
    for (i = 0; i < n; i++)
        x->ids[i] = hm_ovs_account_id(s, i);
    memset(&cc, 0, sizeof cc);
    cc.al = al;
    cc.log = &r->log;
    cc.ls = x->ls;
    cc.ids = x->ids;
    cc.nids = (size_t)n;
    cc.set = &r->set;
    x->ovc = hm_ovc_open(&cc);
    return x->ovc ? 0 : -1;
}

static void ox_cal_close(ox_cal *x)
{
    hm_ovc_close(x->ovc);
    if (x->ls)
        hm_ls_close(x->ls);
    lx_unload(&x->L);
    if (x->ids)
        HM_FREE(hm_pl_alloc(), (void *)x->ids);
}

int main(int argc, char **argv)
{
    static ox_opts o;
    hm_run r;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src, osrc;
    const hm_cpage *cp;
    static ox_cal cal;
    ox_sum sum;
    int rc, with_cal;
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
    if ((o.cal.profile || o.cal.ncpy || o.cal.ccsid || o.cal.item_max
         || o.cal_recfm) != (o.cal.ndata != 0)
        || (o.cal.ndata && !o.cal.profile)) {
        hm_msg3(&r.log, HMM_OVCOPTS, "OVVMEXT",
                o.cal.ndata ? "--cal-data" : o.cal.profile
                ? "--cal-profile" : "a --cal- option",
                o.cal.ndata ? "--cal-profile FILE" : "--cal-data FILE");
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    /* --directory: no items, so no calendars */
    with_cal = o.cal.ndata && !o.directory;
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
    sum.s = s;
    sum.cal = 0;
    if (with_cal) {
        if (ox_cal_open(&o, &cal, s, &r) != 0) {
            ox_cal_close(&cal);
            hm_ovs_close(s);
            rc = hm_run_rc(&r);
            hm_run_free(&r);
            return rc < 8 ? 8 : rc;
        }
        osrc = src;
        hm_ovc_source(cal.ovc, &osrc, &src);
        sum.cal = cal.ovc;
    }
    r.summary = ox_summary;
    r.summary_ctx = &sum;
    rc = hm_run_pipeline(&r, &src);
    if (with_cal)
        ox_cal_close(&cal);
    hm_ovs_close(s);
    hm_run_free(&r);
    return rc;
}
