/*
 * plat_run.c - the glue between an extractor's main and the pipeline
 * (see hm_run.h). Not a platform backend: it calls the operating
 * system only through hm_plat.h, but it is built with the platform
 * layer (not with the freestanding core), because it needs it.
 */
#include <string.h>
#include "hm_run.h"

#define RUN_CTLMAX 1048576ul        /* control and accounts files */
#define RUN_STATMAX 16777216ul      /* the status file */

static hm_run *run_say_target;

static void run_say(const char *line)
{
    hm_pout *o = hm_pl_stdout();
    (void)run_say_target;
    hm_pl_write(o, (const unsigned char *)line, strlen(line));
    hm_pl_write(o, (const unsigned char *)"\n", 1);
}

int hm_run_rc(const hm_run *r)
{
    return r->done ? 0 : hm_log_rc(&r->log);
}

/* ---- files ---- */

int hm_run_slurp(const char *name, const hm_alloc *a,
                 unsigned long max, unsigned char **data, size_t *n,
                 hm_log *log)
{
    hm_pfile *f = hm_pl_open(name, HM_PL_BYTES, log);
    unsigned char *buf = 0, *nb;
    size_t len = 0, cap = 0;
    long got;
    char t[24];

    *data = 0;
    *n = 0;
    if (!f)
        return -1;
    for (;;) {
        if (len == cap) {
            size_t nc = cap ? cap * 2 : 4096;
            if (nc > max + 1)
                nc = max + 1;
            if (nc <= len) {
                hm_msg2(log, HMM_RUNBIG, name, hm_fmt_ulong(max, t));
                break;
            }
            nb = (unsigned char *)HM_ALLOC(a, nc);
            if (!nb) {
                hm_msg1(log, HMM_NOSTOR, name);
                break;
            }
            if (len)
                memcpy(nb, buf, len);
            HM_FREE(a, buf);
            buf = nb;
            cap = nc;
        }
        got = hm_pl_read(f, buf + len, cap - len);
        if (got < 0) {
            hm_msg3(log, HMM_READ, name, hm_fmt_ulong(len, t),
                    "read failed");
            break;
        }
        if (got == 0) {
            hm_pl_close(f);
            *data = buf;
            *n = len;
            return 0;
        }
        len += (size_t)got;
    }
    hm_pl_close(f);
    HM_FREE(a, buf);
    return -1;
}

/* Output files: created under a temporary name, renamed on close. */
static int df_open(void *ctx, const char *name, hm_write_fn *fn,
                   void **wctx)
{
    hm_run *r = (hm_run *)ctx;
    hm_pout *o;
    if (hm_pl_join(r->outdir, name, r->path, sizeof r->path) != 0)
        return -1;
    o = hm_pl_create(r->path, &r->log);
    if (!o)
        return -1;
    *fn = hm_pl_write;
    *wctx = o;
    return 0;
}

static int df_close(void *ctx, void *wctx, int ok)
{
    hm_run *r = (hm_run *)ctx;
    if (!ok) {
        hm_pl_discard((hm_pout *)wctx);
        return 0;
    }
    return hm_pl_commit((hm_pout *)wctx, &r->log) == 0 ? 0 : -1;
}

void hm_run_dirfiles(hm_mw_files *f, hm_run *r)
{
    f->open = df_open;
    f->close = df_close;
    f->ctx = r;
}

/* ---- options ---- */

static void run_help(const char *prog, hm_run_optfn own, void *ownctx)
{
    const hm_set_optdesc *d;
    char line[160];
    run_say("Usage (options in any order):");
    line[0] = 0;
    strcat(line, "  ");
    strncat(line, prog, 40);
    strcat(line, " --out DIR [options]");
    run_say(line);
    run_say("  --out DIR        the directory of the migration set");
    run_say("  --date STAMP     the run's date, YYYYMMDDHHMMSS (for "
            "schedule messages)");
    run_say("  --quiet          no information messages");
    if (own)
        own(ownctx, 0, 0, 0, run_say);
    for (d = hm_set_optlist(); d && d->name; d++) {
        size_t k;
        line[0] = 0;
        strcat(line, "  ");
        strncat(line, d->name, 30);
        if (d->arg) {
            strcat(line, " ");
            strncat(line, d->arg, 20);
        }
        for (k = strlen(line); k < 19; k++)
            line[k] = ' ';
        line[k < 19 ? 19 : k] = 0;
        strcat(line, " ");
        strncat(line, d->help, sizeof line - strlen(line) - 1);
        run_say(line);
    }
    run_say("Return codes: 0 complete, 4 warnings, 8 errors, 12 severe,"
            " 16 terminated.");
    hm_pl_flush_stdout();
}

static int parse_date(hm_time *t, const char *s)
{
    size_t i;
    if (strlen(s) != 14)
        return -1;
    for (i = 0; i < 14; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        t->d[i] = (unsigned char)(0x30 + (s[i] - '0'));
    }
    return hm_time_check(t) == 1 ? 0 : -1;
}

/* Read a control or accounts file named in the settings. */
static int run_readset(hm_run *r, const char *name, int accounts)
{
    unsigned char *d;
    size_t n;
    int rc;
    if (hm_run_slurp(name, hm_pl_alloc(), RUN_CTLMAX, &d, &n,
                     &r->log) != 0)
        return -1;
    rc = accounts
             ? hm_set_accounts(&r->set, name, (const char *)d, n, &r->log)
             : hm_set_control(&r->set, name, (const char *)d, n, &r->log);
    HM_FREE(hm_pl_alloc(), d);
    return rc;
}

int hm_run_init(hm_run *r, const char *prog, int argc, char **argv,
                hm_run_optfn own, void *ownctx)
{
    int i;
    memset(r, 0, sizeof *r);
    r->prog = prog;
    run_say_target = r;
    hm_pl_log_init(&r->log);
    hm_set_init(&r->set, hm_pl_alloc());
    hm_run_dirfiles(&r->files, r);

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int k;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            run_help(prog, own, ownctx);
            r->done = 1;
            return 1;
        }
        if (strcmp(a, "--quiet") == 0) {
            r->quiet = 1;
            r->log.quiet_info = 1;
            continue;
        }
        if (strcmp(a, "--out") == 0 || strcmp(a, "--date") == 0) {
            if (i + 1 >= argc) {
                hm_msg1(&r->log, HMM_OPTARG, a);
                return 1;
            }
            if (a[2] == 'o') {
                r->outdir = argv[++i];
            } else if (parse_date(&r->now, argv[++i]) != 0) {
                hm_msg1(&r->log, HMM_RUNDATE, argv[i]);
                return 1;
            }
            continue;
        }
        if (own) {
            k = own(ownctx, argc, argv, &i, 0);
            if (k == 0)
                continue;
            if (k < 0)
                return 1;
        }
        k = hm_set_option(&r->set, argc, argv, &i, &r->log);
        if (k < 0)
            return 1;
        if (k == 0) {
            hm_msg1(&r->log, HMM_BADOPT, a);
            return 1;
        }
    }
    if (r->set.control[0] && run_readset(r, r->set.control, 0) != 0)
        return 1;
    if (r->set.accounts[0] && run_readset(r, r->set.accounts, 1) != 0)
        return 1;
    if (hm_set_check(&r->set, &r->log) != 0)
        return 1;
    if (!r->outdir) {
        hm_msg0(&r->log, HMM_RUNNOOUT);
        return 1;
    }
    if (hm_pl_mkdir(r->outdir, &r->log) != 0)
        return 1;
    hm_msg1(&r->log, HMM_START, prog);
    return 0;
}

/* ---- the run ---- */

typedef struct run_stat {
    hm_run *r;
    char path[1024];
} run_stat;

static int st_append(void *ctx, const unsigned char *line, size_t len)
{
    run_stat *s = (run_stat *)ctx;
    return hm_pl_append(s->path, line, len, &s->r->log);
}

static void ui_live(void *ctx, const hm_pipe_progress *p,
                    const char *line, size_t len)
{
    (void)ctx;
    (void)p;
    hm_pl_progress(line, len);
}

static unsigned long ui_clock(void *ctx)
{
    (void)ctx;
    return hm_pl_clock_ms();
}

int hm_run_pipeline(hm_run *r, const hm_pipe_src *src)
{
    hm_pipe_cfg cfg;
    hm_pipe_sink sink;
    hm_pipe_mwsink mws;
    hm_pipe_status st;
    hm_pipe_ui ui;
    hm_pipe_result res;
    hm_memsrc ms;
    run_stat rs;
    unsigned char *old = 0;
    size_t oldn = 0;
    char num[24];
    int rc;

    memset(&cfg, 0, sizeof cfg);
    memset(&ui, 0, sizeof ui);
    hm_pipe_mwsink_init(&sink, &mws, hm_pl_alloc(), 0, &r->log);
    cfg.al = hm_pl_alloc();
    cfg.log = &r->log;
    cfg.set = &r->set;
    cfg.src = src;
    cfg.sink = &sink;
    cfg.files = &r->files;
    cfg.now = r->now;
    ui.clock_ms = ui_clock;
    if (hm_pl_log_is_terminal() && !r->quiet)
        ui.live = ui_live;
    cfg.ui = &ui;

    if (r->set.status[0]) {
        hm_pfile *probe;
        rs.r = r;
        if (hm_pl_join(r->outdir, r->set.status, rs.path,
                       sizeof rs.path) != 0 ||
            r->set.status[0] == '/')
            strncpy(rs.path, r->set.status, sizeof rs.path - 1);
        rs.path[sizeof rs.path - 1] = 0;
        /* an existing status file: read it (a missing one is new) */
        probe = hm_pl_open(rs.path, HM_PL_BYTES, 0);
        if (probe) {
            hm_pl_close(probe);
            if (hm_run_slurp(rs.path, hm_pl_alloc(), RUN_STATMAX, &old,
                             &oldn, &r->log) != 0)
                return hm_run_rc(r);
        }
        memset(&st, 0, sizeof st);
        st.name = rs.path;
        if (old) {
            hm_memsrc_init(&ms, old, oldn);
            st.read = hm_memsrc_read;
            st.rctx = &ms;
        }
        st.append = st_append;
        st.actx = &rs;
        cfg.status = &st;
    }
    rc = hm_pipe_run(&cfg, &res);
    if (old)
        HM_FREE(hm_pl_alloc(), old);
    if (r->summary)
        r->summary(r->summary_ctx);
    hm_pl_flush_stdout();
    (void)rc;
    (void)num;
    hm_msg2(&r->log, HMM_ENDRC, r->prog,
            hm_fmt_ulong((unsigned long)hm_log_rc(&r->log), num));
    return hm_log_rc(&r->log);
}

void hm_run_free(hm_run *r)
{
    hm_set_free(&r->set);
}
