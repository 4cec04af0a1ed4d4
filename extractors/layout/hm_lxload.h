/*
 * hm_lxload.h - reading a declared layout (the store profile and its
 * copybooks) and opening the layout-driven source over data sets
 * through the platform layer: the part of the layout-driven
 * extractors' main (hm_lxmain.h) that OVVMEXT shares for calendars.
 *
 * Included by mains only (it calls the platform layer and hm_run,
 * which the freestanding core may not); its functions are static.
 * A main fills an lx_opts (prog, profile, cpy, data, ccsid, recmode,
 * addrtype, item_max, log), then lx_load, lx_source ... lx_unload.
 */
#ifndef HM_LXLOAD_H
#define HM_LXLOAD_H

#include <string.h>
#include "hm_run.h"
#include "hm_cpiconv.h"
#include "hm_lsrc.h"

#define LX_MAXCPY 16
#define LX_MAXDATA 64
#define LX_TEXTMAX 4194304ul        /* copybooks and profiles */

typedef struct lx_prog {
    const char *name;               /* "MEMOEXT" */
    const char *addrtype;           /* default address type */
} lx_prog;

typedef struct lx_opts {
    const lx_prog *prog;
    const char *cpy[LX_MAXCPY];
    int ncpy;
    const char *profile;
    const char *data[LX_MAXDATA + 1];   /* + the user list */
    int ndata;
    const char *users;
    unsigned long ccsid;
    int recmode;
    const char *addrtype;
    unsigned long item_max;
    unsigned long inspect;
    int do_inspect;
    hm_log *log;
    hm_settings *set;               /* the run's (NULL: --inspect) */
    char cpyname[256];              /* from the profile */
    hm_cpage iconv_page;
    char iconv_name[16];
} lx_opts;

/* the code page of a copybook or profile: EBCDIC when it has more
 * X'40' than X'20' bytes (blanks), else ASCII / UTF-8 */
static const hm_cpage *lx_textcp(const unsigned char *d, size_t n)
{
    size_t i, e = 0, a = 0;
    for (i = 0; i < n; i++) {
        if (d[i] == 0x40)
            e++;
        else if (d[i] == 0x20)
            a++;
    }
    return e > a ? hm_cp_builtin(1047) : 0;
}

/* ---- the data sets ---- */

typedef struct lx_io {
    lx_opts *o;
    hm_log *log;
} lx_io;

static int lx_open(void *ctx, int i, hm_read_fn *fn, void **rctx)
{
    lx_io *x = (lx_io *)ctx;
    hm_pfile *f = hm_pl_open(x->o->data[i], x->o->recmode == HM_LSR_REC
                             ? HM_PL_RECORDS : HM_PL_BYTES, x->log);
    if (!f)
        return -1;
    *fn = hm_pl_read;
    *rctx = f;
    return 0;
}

static void lx_close(void *ctx, void *rctx)
{
    (void)ctx;
    hm_pl_close((hm_pfile *)rctx);
}

/* the layout: profile, copybooks, binding, code page */
typedef struct lx_layout {
    hm_profile *prof;
    hm_copybook *cb;
    const hm_cpage *cp;
} lx_layout;

static int lx_load(lx_opts *o, lx_layout *L)
{
    const hm_alloc *al = hm_pl_alloc();
    unsigned char *d = 0, *all = 0;
    size_t n, total = 0;
    const hm_cpage *tcp = 0;
    int i, k;
    unsigned ccsid;
    char nb[24], cb2[24];

    memset(L, 0, sizeof *L);
    if (hm_run_slurp(o->profile, al, LX_TEXTMAX, &d, &n, o->log) != 0)
        return -1;
    L->prof = hm_prof_parse(al, d, n, lx_textcp(d, n), o->log,
                            o->profile);
    HM_FREE(al, d);
    if (!L->prof)
        return -1;
    if (o->ncpy == 0) {
        hm_prof_copybook(L->prof, o->cpyname, sizeof o->cpyname);
        if (!o->cpyname[0]) {
            hm_msg1(o->log, HMM_LXNOCPY, o->prog->name);
            return -1;
        }
        o->cpy[o->ncpy++] = o->cpyname;
    }
    /* the copybooks, one text after the other */
    for (i = 0; i < o->ncpy; i++) {
        unsigned char *nb2;
        if (hm_run_slurp(o->cpy[i], al, LX_TEXTMAX, &d, &n, o->log)
            != 0) {
            HM_FREE(al, all);
            return -1;
        }
        if (i == 0)
            tcp = lx_textcp(d, n);
        nb2 = (unsigned char *)HM_ALLOC(al, total + n + 1);
        if (!nb2) {
            hm_msg1(o->log, HMM_NOSTOR, o->cpy[i]);
            HM_FREE(al, d);
            HM_FREE(al, all);
            return -1;
        }
        if (total)
            memcpy(nb2, all, total);
        if (n)
            memcpy(nb2 + total, d, n);
        total += n;
        /* a line end between copybooks */
        if (n && d[n - 1] != (tcp ? 0x15 : 0x0A) && d[n - 1] != 0x25)
            nb2[total++] = (unsigned char)(tcp ? 0x15 : 0x0A);
        HM_FREE(al, all);
        HM_FREE(al, d);
        all = nb2;
    }
    L->cb = hm_cb_parse(al, all ? all : (const unsigned char *)"", total,
                        tcp, 0, o->log, o->cpy[0]);
    HM_FREE(al, all);
    if (!L->cb)
        return -1;
    if (hm_prof_bind(L->prof, L->cb, o->log, o->profile) != 0)
        return -1;
    ccsid = o->ccsid ? (unsigned)o->ccsid : L->prof->ccsid;
    L->cp = hm_cp_builtin(ccsid);
    if (!L->cp && hm_cp_from_iconv(ccsid, &o->iconv_page, o->iconv_name,
                                   sizeof o->iconv_name) == 0)
        L->cp = &o->iconv_page;
    if (!L->cp) {
        hm_msg2(o->log, HMM_LXCCSID, o->prog->name,
                hm_fmt_ulong(ccsid, nb));
        return -1;
    }
    k = o->ndata;
    {
        const char *a[5];
        a[0] = o->prog->name;
        a[1] = o->profile;
        a[2] = o->cpy[0];
        a[3] = hm_fmt_ulong(ccsid, nb);
        a[4] = hm_fmt_ulong((unsigned long)k, cb2);
        hm_msg(o->log, HMM_LXLAYOUT, a, 5);
    }
    return 0;
}

static void lx_unload(lx_layout *L)
{
    if (L->prof)
        hm_prof_free(L->prof);
    if (L->cb)
        hm_cb_free(L->cb);
}

static hm_lsrc *lx_source(lx_opts *o, lx_layout *L, lx_io *io)
{
    hm_ls_cfg c;
    memset(&c, 0, sizeof c);
    c.al = hm_pl_alloc();
    c.log = o->log;
    c.cb = L->cb;
    c.prof = L->prof;
    c.cp = L->cp;
    if (o->users)
        o->data[o->ndata] = o->users;
    c.names = o->data;
    c.ndata = o->ndata;
    c.users = o->users != 0;
    c.recmode = o->recmode;
    c.addrtype = o->addrtype;
    c.item_max = o->item_max;
    io->o = o;
    io->log = o->log;
    c.io.open = lx_open;
    c.io.close = lx_close;
    c.io.ctx = io;
    return hm_ls_open(&c);
}

#endif
