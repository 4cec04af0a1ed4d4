/*
 * hm_lxmain.h - the main program of the layout-driven extractors
 * (MEMOEXT, TAOEXT): options, reading the copybooks and the profile,
 * the data sets through the platform layer, --inspect, the run.
 *
 * Included by exactly one main per program (extractors/memo/
 * memoext.c, extractors/tao/taoext.c): it calls the platform layer
 * and hm_run (plat_run.c), which the freestanding core may not, so
 * it cannot be a library module; its functions are static.
 *
 *   PROG --out DIR --profile FILE --data FILE [--data FILE]...
 *        [--copybook FILE]... [--users FILE] [--ccsid N]
 *        [--recfm V|REC] [--addrtype TYPE] [--item-max BYTES]
 *        [--inspect N] [the options of every extractor]
 *
 * On z/OS every FILE may be a DD name (//DD:MIGPARM), a data set
 * (//'HLQ.MEMO.PROFILE') or a member; data sets read through a DD are
 * best read as records: --recfm REC.
 */
#ifndef HM_LXMAIN_H
#define HM_LXMAIN_H

#include "hm_lxload.h"

static int lx_num(const char *s, unsigned long *v)
{
    *v = 0;
    if (!s[0])
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || *v > 400000000ul)
            return -1;
        *v = *v * 10ul + (unsigned long)(*s - '0');
    }
    return 0;
}

static int lx_own(void *ctx, int argc, char **argv, int *i,
                  void (*say)(const char *line))
{
    lx_opts *o = (lx_opts *)ctx;
    const char *a, *val;
    char nb[24];
    if (!argv) {
        say("  --profile FILE   the store profile (required)");
        say("  --data FILE      an unloaded data set (required; repeat "
            "for each)");
        say("  --copybook FILE  the record layouts (repeatable; default: "
            "copybook = of the profile)");
        say("  --users FILE     the user list (records of type account)");
        say("  --ccsid N        the store's code page (overrides the "
            "profile)");
        say("  --recfm V|REC    V: NETDATA or RDWs (default); REC: one "
            "record per read");
        say("  --addrtype TYPE  address type of built addresses");
        say("  --item-max BYTES largest item (message with its files)");
        say("  --inspect N      list the first N records of each type, "
            "field by field, and end");
        return 0;
    }
    a = argv[*i];
    if (strcmp(a, "--profile") && strcmp(a, "--data")
        && strcmp(a, "--copybook") && strcmp(a, "--users")
        && strcmp(a, "--ccsid") && strcmp(a, "--recfm")
        && strcmp(a, "--addrtype") && strcmp(a, "--item-max")
        && strcmp(a, "--inspect")) {
        /* not ours: hm_run_init takes the shared options and
         * reports unknown ones */
        return 1;
    }
    if (*i + 1 >= argc) {
        hm_msg1(o->log, HMM_OPTARG, a);
        return -1;
    }
    val = argv[++*i];
    if (strcmp(a, "--profile") == 0) {
        o->profile = val;
    } else if (strcmp(a, "--users") == 0) {
        o->users = val;
    } else if (strcmp(a, "--addrtype") == 0) {
        o->addrtype = val;
    } else if (strcmp(a, "--data") == 0) {
        if (o->ndata == LX_MAXDATA) {
            hm_msg3(o->log, HMM_LXTOOMANY, o->prog->name,
                    hm_fmt_ulong(LX_MAXDATA, nb), a);
            return -1;
        }
        o->data[o->ndata++] = val;
    } else if (strcmp(a, "--copybook") == 0) {
        if (o->ncpy == LX_MAXCPY) {
            hm_msg3(o->log, HMM_LXTOOMANY, o->prog->name,
                    hm_fmt_ulong(LX_MAXCPY, nb), a);
            return -1;
        }
        o->cpy[o->ncpy++] = val;
    } else if (strcmp(a, "--recfm") == 0) {
        if (strcmp(val, "V") == 0 || strcmp(val, "VB") == 0
            || strcmp(val, "v") == 0 || strcmp(val, "vb") == 0)
            o->recmode = HM_LSR_AUTO;
        else if (strcmp(val, "REC") == 0 || strcmp(val, "rec") == 0)
            o->recmode = HM_LSR_REC;
        else {
            hm_msg2(o->log, HMM_OPTVAL, a, val);
            return -1;
        }
    } else {
        unsigned long v;
        if (lx_num(val, &v) != 0
            || (strcmp(a, "--ccsid") == 0 && (v == 0 || v > 65535ul))) {
            hm_msg2(o->log, HMM_OPTVAL, a, val);
            return -1;
        }
        if (strcmp(a, "--ccsid") == 0)
            o->ccsid = v;
        else if (strcmp(a, "--item-max") == 0)
            o->item_max = v;
        else {
            o->inspect = v;
            o->do_inspect = 1;
        }
    }
    return 0;
}

static void lx_line(void *ctx, const char *line, size_t len)
{
    hm_pout *o = hm_pl_stdout();
    (void)ctx;
    hm_pl_write(o, (const unsigned char *)line, len);
    hm_pl_write(o, (const unsigned char *)"\n", 1);
}

/* --inspect: only our own options count; the others are passed over
 * (with their values, when they take one) */
static int lx_inspect(lx_opts *o, int argc, char **argv)
{
    hm_log lg;
    lx_layout L;
    lx_io io;
    hm_lsrc *ls;
    int i, rc;
    hm_pl_log_init(&lg);
    o->log = &lg;
    for (i = 1; i < argc; i++) {
        int k = lx_own(o, argc, argv, &i, 0);
        if (k < 0)
            return hm_log_rc(&lg);
        if (k > 0 && i + 1 < argc && argv[i + 1][0] != '-')
            i++;
    }
    if (!o->profile) {
        hm_msg1(&lg, HMM_LXNOPROF, o->prog->name);
        return hm_log_rc(&lg);
    }
    if (lx_load(o, &L) != 0) {
        lx_unload(&L);
        return hm_log_rc(&lg);
    }
    ls = lx_source(o, &L, &io);
    if (ls) {
        rc = hm_ls_inspect(ls, o->inspect, lx_line, 0);
        (void)rc;
        hm_ls_close(ls);
    }
    hm_pl_flush_stdout();
    lx_unload(&L);
    return hm_log_rc(&lg);
}

static int lx_main(const lx_prog *prog, int argc, char **argv)
{
    static lx_opts o;
    hm_run r;
    lx_layout L;
    lx_io io;
    hm_lsrc *ls;
    hm_pipe_src src;
    int i, rc;

    memset(&o, 0, sizeof o);
    o.prog = prog;
    o.addrtype = prog->addrtype;
    for (i = 1; i < argc; i++)
        if (strcmp(argv[i], "--inspect") == 0)
            return lx_inspect(&o, argc, argv);
    /* messages of our option callback go to the run's log */
    o.log = &r.log;
    o.set = &r.set;
    if (hm_run_init(&r, prog->name, argc, argv, lx_own, &o)) {
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    if (!o.profile || !o.ndata) {
        hm_msg1(&r.log, o.profile ? HMM_LXNODATA : HMM_LXNOPROF,
                prog->name);
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    if (lx_load(&o, &L) != 0) {
        lx_unload(&L);
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    ls = lx_source(&o, &L, &io);
    if (!ls) {
        lx_unload(&L);
        rc = hm_run_rc(&r);
        hm_run_free(&r);
        return rc;
    }
    hm_ls_source(ls, &src);
    rc = hm_run_pipeline(&r, &src);
    hm_ls_close(ls);
    lx_unload(&L);
    hm_run_free(&r);
    return rc;
}

#endif
