/*
 * migcheck - check a set of Exchange Migration Wizard migration
 * files (.PKL, .PRI, .SEC) written by hostmig or any other source
 * extractor.
 *
 *   migcheck SET
 *
 * SET is a directory holding exactly one .PKL file, or the .PKL file
 * itself, or a ZIP made by migpack (a name ending in .ZIP, any case).
 * Every problem is an HMG message naming the file and the line or
 * byte offset; then the counts are reported. Return code: 0 no
 * problems, 4 warnings only, 8 errors (see README, "Migration files"
 * and "migcheck").
 *
 * A ZIP is read into storage whole. Its directory and every member
 * are checked first (each member inflated, its CRC-32 and size
 * compared with the ZIP directory and with the MANIFEST; members
 * missing from either, or in it twice, are errors). Only when all of
 * that is right is the set inside checked, the members being read
 * straight from the ZIP.
 */
#include <string.h>
#include "hm_plat.h"
#include "migread.h"
#include "hm_zip.h"

#define MC_PATH 4096

typedef struct mc_dir {
    char dir[MC_PATH];
    char **names;               /* the directory's entries */
    size_t n, cap;
    const hm_alloc *al;
    int failed;
} mc_dir;

typedef struct mc_rd {
    hm_pfile *f;
} mc_rd;

static hm_log lg;

static int mc_upper(int c)
{
    static const char lo[] = "abcdefghijklmnopqrstuvwxyz";
    static const char hi[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const char *p = strchr(lo, c);
    return (p && c) ? hi[p - lo] : c;
}

static int mc_eqnc(const char *a, const char *b)
{
    while (*a && *b && mc_upper(*a) == mc_upper(*b)) {
        a++;
        b++;
    }
    return *a == 0 && *b == 0;
}

static int mc_addname(void *ctx, const char *name, int is_dir)
{
    mc_dir *d = (mc_dir *)ctx;
    size_t l = strlen(name);
    if (is_dir)
        return 0;
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 64;
        char **p = (char **)HM_ALLOC(d->al, nc * sizeof *p);
        if (!p) {
            d->failed = 1;
            return -1;
        }
        if (d->names) {
            memcpy(p, d->names, d->n * sizeof *p);
            HM_FREE(d->al, d->names);
        }
        d->names = p;
        d->cap = nc;
    }
    d->names[d->n] = (char *)HM_ALLOC(d->al, l + 1);
    if (!d->names[d->n]) {
        d->failed = 1;
        return -1;
    }
    memcpy(d->names[d->n++], name, l + 1);
    return 0;
}

/* the set accessor: names are matched without regard to case, as on
 * the PC the files come from */
static int mc_open(void *ctx, const char *name, hm_read_fn *fn,
                   void **rctx, unsigned long *size)
{
    mc_dir *d = (mc_dir *)ctx;
    char full[MC_PATH];
    size_t i;
    const char *use = 0;
    hm_pfile *f;
    long sz;
    for (i = 0; i < d->n && !use; i++)
        if (strcmp(d->names[i], name) == 0)
            use = d->names[i];
    for (i = 0; i < d->n && !use; i++)
        if (mc_eqnc(d->names[i], name))
            use = d->names[i];
    if (!use || hm_pl_join(d->dir, use, full, sizeof full) != 0)
        return -1;
    f = hm_pl_open(full, HM_PL_BYTES, &lg);
    if (!f)
        return -1;
    sz = hm_pl_size(f);
    *fn = hm_pl_read;
    *rctx = f;
    *size = sz < 0 ? 0ul : (unsigned long)sz;
    return 0;
}

static void mc_close(void *ctx, void *rctx)
{
    (void)ctx;
    hm_pl_close((hm_pfile *)rctx);
}

static int mc_ispkl(const char *s)
{
    size_t l = strlen(s);
    return l > 4 && mc_eqnc(s + l - 4, ".PKL");
}

static int mc_iszip(const char *s)
{
    size_t l = strlen(s);
    return l > 4 && mc_eqnc(s + l - 4, ".ZIP");
}

/* the counts of the set */
static void mc_report(const char *pkl, const hm_mr_counts *c)
{
    char b[6][24];
    const char *a[6];
    a[0] = pkl;
    a[1] = hm_fmt_ulong(c->codepage, b[0]);
    a[2] = hm_fmt_ulong(c->pri_files, b[1]);
    a[3] = hm_fmt_ulong(c->sec_files, b[2]);
    hm_msg(&lg, HMM_MCFILES, a, 4);
    a[1] = hm_fmt_ulong(c->dir_mailboxes, b[0]);
    a[2] = hm_fmt_ulong(c->dir_remotes, b[1]);
    a[3] = hm_fmt_ulong(c->dir_dls, b[2]);
    hm_msg(&lg, HMM_MCDIR, a, 4);
    a[1] = hm_fmt_ulong(c->mailboxes, b[0]);
    a[2] = hm_fmt_ulong(c->messages, b[1]);
    a[3] = hm_fmt_ulong(c->public_messages, b[2]);
    hm_msg(&lg, HMM_MCMAIL, a, 4);
    a[1] = hm_fmt_ulong(c->attachments, b[0]);
    a[2] = hm_fmt_ulong(c->documents, b[1]);
    a[3] = hm_fmt_ulong(c->sched_files, b[2]);
    a[4] = hm_fmt_ulong(c->sched_items, b[3]);
    hm_msg(&lg, HMM_MCPARTS, a, 5);
    a[1] = hm_fmt_ulong(c->pab_entries, b[0]);
    a[2] = hm_fmt_ulong(c->pab_dls, b[1]);
    hm_msg(&lg, HMM_MCPAB, a, 3);
    if (c->errors) {
        a[1] = hm_fmt_ulong(c->errors, b[0]);
        a[2] = hm_fmt_ulong(c->warnings, b[1]);
        hm_msg(&lg, HMM_MCBAD, a, 3);
    } else if (c->warnings) {
        a[1] = hm_fmt_ulong(c->warnings, b[0]);
        hm_msg(&lg, HMM_MCWARN, a, 2);
    } else {
        hm_msg1(&lg, HMM_MCOK, pkl);
    }
}

/* ---- a ZIP made by migpack ---- */

static int mz_open(void *ctx, const char *name, hm_read_fn *fn,
                   void **rctx, unsigned long *size)
{
    hm_zipr *r = (hm_zipr *)ctx;
    long i = hm_zipr_find(r, name);
    if (i < 0 || hm_zipr_mopen(r, (unsigned long)i, fn, rctx) != 0)
        return -1;
    *size = hm_zipr_size(r, (unsigned long)i);
    return 0;
}

static void mz_close(void *ctx, void *rctx)
{
    hm_zipr_mclose((hm_zipr *)ctx, rctx);
}

/* the whole file into storage; NULL after a message */
static unsigned char *mz_load(const hm_alloc *al, const char *path,
                              unsigned long *size)
{
    hm_pfile *f = hm_pl_open(path, HM_PL_BYTES, &lg);
    unsigned char *p = 0, *q;
    unsigned long cap, n = 0;
    long sz, k;
    char b[24];
    if (!f)
        return 0;
    sz = hm_pl_size(f);
    cap = sz > 0 ? (unsigned long)sz + 1ul : 65536ul;
    for (;;) {
        if (!p || n == cap) {
            unsigned long nc = p ? cap * 2ul : cap;
            if (nc < cap || (size_t)nc != nc) {
                q = 0;
            } else {
                q = (unsigned char *)HM_ALLOC(al, (size_t)nc);
            }
            if (!q) {
                if (p)
                    HM_FREE(al, p);
                hm_pl_close(f);
                hm_msg1(&lg, HMM_NOSTOR, path);
                return 0;
            }
            if (p) {
                memcpy(q, p, (size_t)n);
                HM_FREE(al, p);
            }
            p = q;
            cap = nc;
        }
        k = hm_pl_read(f, p + n, (size_t)(cap - n));
        if (k < 0) {
            hm_msg3(&lg, HMM_READ, path, hm_fmt_ulong(n, b),
                    "read error");
            HM_FREE(al, p);
            hm_pl_close(f);
            return 0;
        }
        if (k == 0)
            break;
        n += (unsigned long)k;
    }
    hm_pl_close(f);
    *size = n;
    return p;
}

static int mc_zip(const hm_alloc *al, const char *path)
{
    unsigned long size = 0, i, n;
    unsigned char *z = mz_load(al, path, &size);
    hm_zipr *r;
    hm_mr_set set;
    hm_mr_counts c;
    const char *pkl = 0;
    int npkl = 0;
    char b[24];
    if (!z)
        return 8;
    r = hm_zipr_open(al, z, size, path, &lg);
    if (!r || hm_zipr_verify(r) != 0) {
        hm_msg1(&lg, HMM_MCZIPSKIP, path);
        hm_zipr_close(r);
        HM_FREE(al, z);
        return 8;
    }
    n = hm_zipr_count(r);
    hm_msg2(&lg, HMM_MCZIP, path, hm_fmt_ulong(n, b));
    for (i = 0; i < n; i++)
        if (mc_ispkl(hm_zipr_name(r, i))) {
            pkl = hm_zipr_name(r, i);
            npkl++;
        }
    if (npkl != 1) {
        hm_msg2(&lg, HMM_MCNOPKL, path,
                hm_fmt_ulong((unsigned long)npkl, b));
    } else {
        set.open = mz_open;
        set.close = mz_close;
        set.ctx = r;
        hm_mr_check(al, &set, pkl, &lg, 0, 0, &c);
        mc_report(pkl, &c);
    }
    hm_zipr_close(r);
    HM_FREE(al, z);
    return hm_log_rc(&lg);
}

int main(int argc, char **argv)
{
    mc_dir d;
    hm_log probe;
    hm_mr_set set;
    hm_mr_counts c;
    const char *pkl = 0;
    const char *set_name;
    char b[6][24];
    size_t i;
    int rc, npkl = 0;
    hm_pl_log_init(&lg);
    memset(&d, 0, sizeof d);
    d.al = hm_pl_alloc();
    if (argc != 2) {
        hm_msg0(&lg, HMM_MCUSAGE);
        return 8;
    }
    set_name = argv[1];
    if (strlen(set_name) >= MC_PATH - 16) {
        hm_msg2(&lg, HMM_OPEN, set_name, "name too long");
        return 8;
    }
    /* a directory, or a .PKL in a directory */
    hm_log_init(&probe, 0, 0);
    if (hm_pl_listdir(set_name, mc_addname, &d, &probe) == 0) {
        strcpy(d.dir, set_name);
        for (i = 0; i < d.n; i++)
            if (mc_ispkl(d.names[i])) {
                pkl = d.names[i];
                npkl++;
            }
        if (npkl != 1) {
            hm_msg2(&lg, HMM_MCNOPKL, set_name,
                    hm_fmt_ulong((unsigned long)npkl, b[0]));
            return 8;
        }
    } else if (mc_ispkl(set_name)) {
        const char *slash = strrchr(set_name, '/');
        if (slash) {
            memcpy(d.dir, set_name, (size_t)(slash - set_name));
            d.dir[slash - set_name] = 0;
            if (d.dir[0] == 0)
                strcpy(d.dir, "/");
            pkl = slash + 1;
        } else {
            strcpy(d.dir, ".");
            pkl = set_name;
        }
        d.n = 0;
        if (hm_pl_listdir(d.dir, mc_addname, &d, &lg) != 0)
            return 8;
    } else if (mc_iszip(set_name)) {
        return mc_zip(d.al, set_name);
    } else {
        hm_msg1(&lg, HMM_MRNOTPKL, set_name);
        return 8;
    }
    if (d.failed) {
        hm_msg1(&lg, HMM_NOSTOR, set_name);
        return 16;
    }
    set.open = mc_open;
    set.close = mc_close;
    set.ctx = &d;
    rc = hm_mr_check(d.al, &set, pkl, &lg, 0, 0, &c);
    mc_report(pkl, &c);
    for (i = 0; i < d.n; i++)
        HM_FREE(d.al, d.names[i]);
    if (d.names)
        HM_FREE(d.al, d.names);
    (void)rc;
    return hm_log_rc(&lg);
}
