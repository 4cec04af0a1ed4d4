/*
 * migpack - pack a set of migration files (.PKL, .PRI, .SEC) into
 * one ZIP archive for the move to the Migration Wizard's PC.
 *
 *   migpack SET OUT.ZIP
 *
 * SET is a directory holding exactly one .PKL file, or the .PKL file
 * itself. The set is checked first, as migcheck does; a set with
 * errors is refused (return code 8, HMG0450E, nothing written).
 * Otherwise OUT.ZIP gets a MANIFEST member (Filename,Size,CRC-32,
 * one line per file) and then the packing list and every file it
 * lists, in ASCII order of their names, deflated (or stored when
 * that is not smaller), all with the time 1980-01-01 00:00: the same
 * set always gives the same bytes. OUT.ZIP appears only when it was
 * written completely. Return code: 0, 4 when the check found
 * warnings, 8 on errors.
 */
#include <stdlib.h>
#include <string.h>
#include "hm_plat.h"
#include "migread.h"
#include "migfile.h"
#include "hm_zip.h"

#define MP_PATH 4096

typedef struct mp_dir {
    char dir[MP_PATH];
    char **names;               /* the directory's entries */
    unsigned char *used;        /* 1: opened by the checker */
    size_t n, cap;
    const hm_alloc *al;
    int failed;
} mp_dir;

static hm_log lg;
static hm_mf_tab mp_tab;

static int mp_upper(int c)
{
    static const char lo[] = "abcdefghijklmnopqrstuvwxyz";
    static const char hi[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const char *p = strchr(lo, c);
    return (p && c) ? hi[p - lo] : c;
}

static int mp_eqnc(const char *a, const char *b)
{
    while (*a && *b && mp_upper(*a) == mp_upper(*b)) {
        a++;
        b++;
    }
    return *a == 0 && *b == 0;
}

static int mp_ispkl(const char *s)
{
    size_t l = strlen(s);
    return l > 4 && mp_eqnc(s + l - 4, ".PKL");
}

static int mp_addname(void *ctx, const char *name, int is_dir)
{
    mp_dir *d = (mp_dir *)ctx;
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

/* the checker's set accessor; notes every file it opens (the packing
 * list and each file it lists), matched without regard to case */
static int mp_open(void *ctx, const char *name, hm_read_fn *fn,
                   void **rctx, unsigned long *size)
{
    mp_dir *d = (mp_dir *)ctx;
    char full[MP_PATH];
    size_t i, use = d->n;
    hm_pfile *f;
    long sz;
    for (i = 0; i < d->n && use == d->n; i++)
        if (strcmp(d->names[i], name) == 0)
            use = i;
    for (i = 0; i < d->n && use == d->n; i++)
        if (mp_eqnc(d->names[i], name))
            use = i;
    if (use == d->n
        || hm_pl_join(d->dir, d->names[use], full, sizeof full) != 0)
        return -1;
    f = hm_pl_open(full, HM_PL_BYTES, &lg);
    if (!f)
        return -1;
    d->used[use] = 1;
    sz = hm_pl_size(f);
    *fn = hm_pl_read;
    *rctx = f;
    *size = sz < 0 ? 0ul : (unsigned long)sz;
    return 0;
}

static void mp_close(void *ctx, void *rctx)
{
    (void)ctx;
    hm_pl_close((hm_pfile *)rctx);
}

/* ASCII order of the names, the same in an EBCDIC build */
static unsigned mp_key(char c)
{
    unsigned char u = (unsigned char)c;
    return mp_tab.to_asc[u] ? mp_tab.to_asc[u] : 256u + u;
}

static int mp_cmp(const void *a, const void *b)
{
    const char *x = *(const char *const *)a;
    const char *y = *(const char *const *)b;
    while (*x && *y && mp_key(*x) == mp_key(*y)) {
        x++;
        y++;
    }
    if (!*x || !*y)
        return (*x != 0) - (*y != 0);
    return mp_key(*x) < mp_key(*y) ? -1 : 1;
}

/* measure or add one file of the set */
static int mp_file(mp_dir *d, const char *name, hm_zip_info *info,
                   hm_zipw *w)
{
    char full[MP_PATH];
    hm_pfile *f;
    int rc;
    if (hm_pl_join(d->dir, name, full, sizeof full) != 0)
        return -1;
    f = hm_pl_open(full, HM_PL_BYTES, &lg);
    if (!f)
        return -1;
    if (w) {
        rc = hm_zipw_add(w, name, hm_pl_read, f, info);
    } else {
        rc = hm_zip_measure(d->al, hm_pl_read, f, info);
        if (rc == -2)
            hm_msg1(&lg, HMM_NOSTOR, name);
        else if (rc != 0)
            hm_msg3(&lg, HMM_MPREAD, d->dir, name,
                    "a read error, or 4 GiB or more");
    }
    hm_pl_close(f);
    return rc;
}

static int mp_pack(mp_dir *d, const char **files, size_t nf,
                   const char *out)
{
    hm_zip_info *info, minfo;
    unsigned char *mf;
    size_t i, cap = 32, ml = 0;
    unsigned long total = 0, zsize = 0;
    hm_memsrc ms;
    hm_pout *o;
    hm_zipw *w;
    int rc = 0;
    char b1[24], b2[24], b3[24];
    const char *a[4];
    for (i = 0; i < nf; i++)
        cap += strlen(files[i]) + 24;
    info = (hm_zip_info *)HM_ALLOC(d->al, (nf + 1) * sizeof *info);
    mf = (unsigned char *)HM_ALLOC(d->al, cap);
    if (!info || !mf) {
        hm_msg1(&lg, HMM_NOSTOR, out);
        return 16;
    }
    /* pass 1: CRC-32, sizes, method of every file; the MANIFEST */
    ml = hm_zip_mfline(0, 0, 0, mf);
    for (i = 0; i < nf && rc == 0; i++) {
        if (mp_file(d, files[i], &info[i], 0) != 0)
            rc = 8;
        else
            ml += hm_zip_mfline(files[i], info[i].size, info[i].crc,
                                mf + ml);
        total += info[i].size;
    }
    if (rc == 0) {
        hm_memsrc_init(&ms, mf, ml);
        if (hm_zip_measure(d->al, hm_memsrc_read, &ms, &minfo) != 0) {
            hm_msg1(&lg, HMM_NOSTOR, out);
            rc = 16;
        }
    }
    /* pass 2: the archive */
    o = rc == 0 ? hm_pl_create(out, &lg) : 0;
    if (rc == 0 && !o)
        rc = 8;
    if (o) {
        w = hm_zipw_open(d->al, hm_pl_write, o, out, &lg);
        if (w) {
            hm_memsrc_init(&ms, mf, ml);
            if (hm_zipw_add(w, HM_ZIP_MANIFEST, hm_memsrc_read, &ms,
                            &minfo) != 0)
                rc = 8;
            for (i = 0; i < nf && rc == 0; i++)
                if (mp_file(d, files[i], &info[i], w) != 0)
                    rc = 8;
            if (hm_zipw_close(w, &zsize) != 0)
                rc = 8;
        } else {
            rc = 16;
        }
        if (rc == 0) {
            if (hm_pl_commit(o, &lg) != 0)
                rc = 8;
        } else {
            hm_pl_discard(o);
        }
    }
    if (rc == 0) {
        a[0] = out;
        a[1] = hm_fmt_ulong((unsigned long)nf, b1);
        a[2] = hm_fmt_ulong(total, b2);
        a[3] = hm_fmt_ulong(zsize, b3);
        hm_msg(&lg, HMM_MPDONE, a, 4);
    }
    HM_FREE(d->al, info);
    HM_FREE(d->al, mf);
    return rc;
}

int main(int argc, char **argv)
{
    mp_dir d;
    hm_log probe;
    hm_mr_set set;
    hm_mr_counts c;
    const char *pkl = 0, *set_name, *out;
    const char **files = 0;
    char b[24];
    size_t i, nf = 0;
    int rc, npkl = 0;
    hm_pl_log_init(&lg);
    hm_mf_tables(&mp_tab);
    memset(&d, 0, sizeof d);
    d.al = hm_pl_alloc();
    if (argc != 3) {
        hm_msg0(&lg, HMM_MPUSAGE);
        return 8;
    }
    set_name = argv[1];
    out = argv[2];
    if (strlen(set_name) >= MP_PATH - 16) {
        hm_msg2(&lg, HMM_OPEN, set_name, "name too long");
        return 8;
    }
    /* a directory, or a .PKL in a directory */
    hm_log_init(&probe, 0, 0);
    if (hm_pl_listdir(set_name, mp_addname, &d, &probe) == 0) {
        strcpy(d.dir, set_name);
        for (i = 0; i < d.n; i++)
            if (mp_ispkl(d.names[i])) {
                pkl = d.names[i];
                npkl++;
            }
        if (npkl != 1) {
            hm_msg2(&lg, HMM_MCNOPKL, set_name,
                    hm_fmt_ulong((unsigned long)npkl, b));
            return 8;
        }
    } else if (mp_ispkl(set_name)) {
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
        if (hm_pl_listdir(d.dir, mp_addname, &d, &lg) != 0)
            return 8;
    } else {
        hm_msg1(&lg, HMM_MRNOTPKL, set_name);
        return 8;
    }
    d.used = d.failed ? 0 : (unsigned char *)HM_ALLOC(d.al, d.n + 1);
    files = d.used ? (const char **)HM_ALLOC(d.al, (d.n + 1)
                                             * sizeof *files) : 0;
    if (!files) {
        hm_msg1(&lg, HMM_NOSTOR, set_name);
        return 16;
    }
    memset(d.used, 0, d.n + 1);
    /* the checks of migcheck; they open every file of the set */
    set.open = mp_open;
    set.close = mp_close;
    set.ctx = &d;
    rc = hm_mr_check(d.al, &set, pkl, &lg, 0, 0, &c);
    if (rc >= 8) {
        hm_msg2(&lg, HMM_MPREFUSE, set_name, out);
        return 8;
    }
    for (i = 0; i < d.n; i++)
        if (d.used[i])
            files[nf++] = d.names[i];
    qsort((void *)files, nf, sizeof *files, mp_cmp);
    rc = mp_pack(&d, files, nf, out);
    for (i = 0; i < d.n; i++)
        HM_FREE(d.al, d.names[i]);
    if (d.names)
        HM_FREE(d.al, d.names);
    HM_FREE(d.al, d.used);
    HM_FREE(d.al, (void *)files);
    if (rc)
        return rc;
    return hm_log_rc(&lg);
}
