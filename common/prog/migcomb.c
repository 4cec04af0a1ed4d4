/*
 * migcomb - combine the partial sets of a partitioned extraction
 * (--partition K/N) into one set of migration files.
 *
 *   migcomb [--pkl NAME.PKL] OUTDIR PART.PKL...
 *
 * Each PART.PKL is the packing list of one partition (PkkOFnn.PKL).
 * File names never collide between partitions (they carry the
 * account's position in the source), so combining is: check that
 * the code pages agree and no file is listed twice, copy the files
 * of parts that are not in OUTDIR already, and write one packing
 * list (default MIGRATE.PKL) in OUTDIR listing the directory file
 * first and then the accounts in order: the same set an
 * unpartitioned run writes. Return code 0, or 8 after an error.
 */
#include <string.h>
#include "hm_plat.h"
#include "hm_pipeline.h"

#define CB_PATH 4096
#define CB_MAXPARTS 99

typedef struct cb_dir {
    char dir[CB_PATH];
} cb_dir;

static hm_log lg;

static int cb_ropen(void *ctx, const char *name, hm_read_fn *fn,
                    void **rctx, unsigned long *size)
{
    cb_dir *d = (cb_dir *)ctx;
    char full[CB_PATH];
    hm_pfile *f;
    long sz;
    if (hm_pl_join(d->dir, name, full, sizeof full) != 0)
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

static void cb_rclose(void *ctx, void *rctx)
{
    (void)ctx;
    hm_pl_close((hm_pfile *)rctx);
}

static int cb_wopen(void *ctx, const char *name, hm_write_fn *fn,
                    void **wctx)
{
    cb_dir *d = (cb_dir *)ctx;
    char full[CB_PATH];
    hm_pout *o;
    if (hm_pl_join(d->dir, name, full, sizeof full) != 0)
        return -1;
    o = hm_pl_create(full, &lg);
    if (!o)
        return -1;
    *fn = hm_pl_write;
    *wctx = o;
    return 0;
}

static int cb_wclose(void *ctx, void *wctx, int ok)
{
    (void)ctx;
    if (ok)
        return hm_pl_commit((hm_pout *)wctx, &lg);
    hm_pl_discard((hm_pout *)wctx);
    return 0;
}

/* dir without trailing slashes */
static void cb_trim(char *s)
{
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/')
        s[--n] = 0;
}

static int cb_pklname(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && n <= 12 && strcmp(s + n - 4, ".PKL") == 0;
}

int main(int argc, char **argv)
{
    static cb_dir dirs[CB_MAXPARTS];
    static hm_mr_set sets[CB_MAXPARTS];
    static hm_pipe_part parts[CB_MAXPARTS];
    cb_dir out;
    hm_mw_files fs;
    const char *pkl = "MIGRATE.PKL";
    int i = 1, n = 0;
    hm_pl_log_init(&lg);
    if (i + 1 < argc && strcmp(argv[i], "--pkl") == 0) {
        if (!cb_pklname(argv[i + 1])) {
            hm_msg2(&lg, HMM_OPTVAL, "--pkl", argv[i + 1]);
            return 8;
        }
        pkl = argv[i + 1];
        i += 2;
    }
    if (argc - i < 2 || argc - i - 1 > CB_MAXPARTS
        || argv[i][0] == '-') {
        hm_msg0(&lg, HMM_MCBUSAGE);
        return 8;
    }
    if (strlen(argv[i]) >= CB_PATH - 16) {
        hm_msg2(&lg, HMM_OPEN, argv[i], "name too long");
        return 8;
    }
    strcpy(out.dir, argv[i]);
    cb_trim(out.dir);
    if (hm_pl_mkdir(out.dir, &lg) != 0)
        return 8;
    for (i++; i < argc; i++, n++) {
        const char *p = argv[i], *slash = strrchr(p, '/');
        if (strlen(p) >= CB_PATH - 16) {
            hm_msg2(&lg, HMM_OPEN, p, "name too long");
            return 8;
        }
        if (slash) {
            memcpy(dirs[n].dir, p, (size_t)(slash - p));
            dirs[n].dir[slash - p] = 0;
            if (!dirs[n].dir[0])
                strcpy(dirs[n].dir, "/");
            parts[n].pkl = slash + 1;
        } else {
            strcpy(dirs[n].dir, ".");
            parts[n].pkl = p;
        }
        cb_trim(dirs[n].dir);
        sets[n].open = cb_ropen;
        sets[n].close = cb_rclose;
        sets[n].ctx = &dirs[n];
        parts[n].set = &sets[n];
        parts[n].label = p;
        parts[n].copy = strcmp(dirs[n].dir, out.dir) != 0;
    }
    fs.open = cb_wopen;
    fs.close = cb_wclose;
    fs.ctx = &out;
    if (hm_pipe_combine(hm_pl_alloc(), parts, (size_t)n, &fs, pkl, &lg)
        != 0 && hm_log_rc(&lg) < 8)
        return 8;
    return hm_log_rc(&lg);
}
