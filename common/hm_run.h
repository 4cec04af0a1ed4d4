/*
 * hm_run.h - the glue between an extractor's main and the pipeline:
 * the options every extractor shares, the output directory, the
 * control and accounts files, the status file, progress on a
 * terminal or in the log, and the end-of-run summary. It calls the
 * operating system only through hm_plat.h.
 *
 * An extractor's main:
 *
 *     hm_run r;
 *     if (hm_run_init(&r, "OVVMEXT", argc, argv, my_option, &me))
 *         return hm_run_rc(&r);
 *     ... build the source (an hm_pipe_src) ...
 *     return hm_run_pipeline(&r, &src);
 *
 * Options handled here: --out DIR (required), --date
 * YYYYMMDDHHMMSS (the run's date for schedule messages; none by
 * default, so that output depends on the input only), --quiet, every
 * option of hm_set_optlist() (--control, --accounts, --since ...),
 * --help. Any other option goes to the extractor's callback.
 */
#ifndef HM_RUN_H
#define HM_RUN_H

#include "hm_plat.h"
#include "hm_pipeline.h"
#include "hm_settings.h"

/* The extractor's own options. Called with argv[*i] (an option it
 * may know); on success it returns 0 and advances *i past any value
 * it took (*i is left on the last argument used). Returns 1 when the
 * option is not its own, -1 after a message about a bad value. With
 * argv == NULL it prints its help lines through say. */
typedef int (*hm_run_optfn)(void *ctx, int argc, char **argv, int *i,
                            void (*say)(const char *line));

typedef struct hm_run {
    const char *prog;       /* "OVVMEXT" */
    hm_log log;
    hm_settings set;
    const char *outdir;
    hm_time now;
    int quiet;
    int done;               /* --help was shown: exit 0 */
    hm_mw_files files;
    char path[1024];
    /* called after the pipeline, before the end message (the
     * extractor's own summary); may be NULL */
    void (*summary)(void *ctx);
    void *summary_ctx;
} hm_run;

/* Parse the options, read the control and accounts files, create the
 * output directory. Returns 0 to go on, non-zero to end (see
 * hm_run_rc for the return code). */
int hm_run_init(hm_run *r, const char *prog, int argc, char **argv,
                hm_run_optfn own, void *ownctx);

/* Run the pipeline on src into the output directory, print the
 * reconciliation and the end message. Returns the return code. */
int hm_run_pipeline(hm_run *r, const hm_pipe_src *src);

/* The return code so far (0, 4, 8, 12, 16). */
int hm_run_rc(const hm_run *r);

/* Read a whole file into storage from a (at most max bytes); *data
 * is released with HM_FREE. 0, or -1 after a message. */
int hm_run_slurp(const char *name, const hm_alloc *a,
                 unsigned long max, unsigned char **data,
                 size_t *n, hm_log *log);

/* A write factory for files in directory dir (hm_mw_files): outputs
 * appear under their names only when closed with ok != 0. */
void hm_run_dirfiles(hm_mw_files *f, hm_run *r);

void hm_run_free(hm_run *r);

#endif
