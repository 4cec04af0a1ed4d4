/*
 * hm_pipeline.h - the extraction pipeline: source -> filters -> sink,
 * with progress, per-account reconciliation, a status file for
 * resuming, partitions and their combination. See
 * common/PIPELINE.md for the design and the choices.
 *
 *   source   an extractor: lists the accounts in a fixed order and,
 *            for one account, calls emit for each of its items in a
 *            fixed order (hm_pipe_src);
 *   filters  the accounts list and Public (account selection), the
 *            partition, the item classes (Email, PAB, Schedule), the
 *            date ranges (EmailStart/End, SchedStart/End) and
 *            Mailbox/Remote for directory objects (hm_settings.h);
 *   sink     where the items go: the migration-file writer
 *            (hm_pipe_mwsink_init), or another format later
 *            (hm_pipe_sink).
 *
 * Each account is one unit of work: its files are opened through the
 * caller's file factory, but their commit (factory close with ok=1)
 * is held back until the account's last item is written; only then
 * are they committed and a line appended to the status file. An
 * interrupted account therefore leaves no file under its final name
 * and is redone from its first item by the next run. File names
 * depend only on the account's position in the source's list, so a
 * resumed run writes the same bytes as an uninterrupted one.
 *
 * The pipeline never calls the operating system: files, the status
 * file, the clock and the terminal are all callbacks.
 */
#ifndef HM_PIPELINE_H
#define HM_PIPELINE_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_item.h"
#include "migwrite.h"
#include "migread.h"
#include "hm_settings.h"

/* the item classes of the reconciliation */
enum hm_pipe_class {
    HM_PC_MSG = 0,      /* mail messages */
    HM_PC_ATT,          /* attachments (of messages) */
    HM_PC_DOC,          /* free documents */
    HM_PC_PAB,          /* PAB entries */
    HM_PC_PDL,          /* personal distribution lists */
    HM_PC_CAL,          /* calendar (schedule) items */
    HM_PC_PUB,          /* public-folder messages */
    HM_PC_DIR,          /* directory objects */
    HM_PC_N
};

typedef struct hm_pipe_counts {
    unsigned long found[HM_PC_N];   /* the source gave them */
    unsigned long written[HM_PC_N]; /* the sink wrote them */
    unsigned long skipped[HM_PC_N]; /* left out by the filters */
    unsigned long failed[HM_PC_N];  /* found - skipped - written */
} hm_pipe_counts;

/* return values of the callbacks */
#define HM_PIPE_OK 0
#define HM_PIPE_FAIL 1      /* this account failed: go on */
#define HM_PIPE_STOP 2      /* stop the run */
#define HM_PIPE_END 3       /* next_account: no more accounts */

/* The pipeline's item callback, given to the source. Returns
 * HM_PIPE_OK, or HM_PIPE_STOP: the source must then return
 * HM_PIPE_STOP at once. */
typedef int (*hm_pipe_emit)(void *ectx, const hm_item *it);

typedef struct hm_pipe_src {
    /* The next account, in the same order on every run: fills *acct
     * (its texts valid until the next call) and returns HM_PIPE_OK,
     * or HM_PIPE_END, or HM_PIPE_STOP (failure). */
    int (*next_account)(void *ctx, hm_account *acct);
    /* The items of the account just returned (messages, documents,
     * PAB entries, calendar items), in the same order on every run.
     * Returns HM_PIPE_OK, HM_PIPE_FAIL (this account could not be
     * read: reported by the source) or HM_PIPE_STOP. */
    int (*items)(void *ctx, const hm_account *acct, hm_pipe_emit emit,
                 void *ectx);
    /* The directory objects (may be NULL): mode is 1 when mailboxes
     * are wanted (Mailbox), 2 for custom recipients (Remote). */
    int (*directory)(void *ctx, int mode, hm_pipe_emit emit,
                     void *ectx);
    void *ctx;
} hm_pipe_src;

/* One unit of work handed to a sink. */
typedef struct hm_pipe_unit {
    const hm_account *acct;     /* NULL: the directory */
    unsigned long seq;          /* the account's position, 1..; 0 for
                                 * the directory */
    const hm_mw_files *files;   /* where its files go */
    unsigned codepage;
    unsigned long sec_limit;    /* 0: default */
    hm_time now;
} hm_pipe_unit;

typedef struct hm_pipe_sink {
    /* Start a unit; *unit is the sink's handle. 0 or non-zero. */
    int (*begin)(void *ctx, const hm_pipe_unit *u, void **unit);
    /* One item that passed the filters. 0, or non-zero: the sink
     * failed (reported); the run stops. */
    int (*put)(void *unit, const hm_item *it);
    /* End the unit: ok != 0 completes it (written[HM_PC_N] filled;
     * returns 0, or non-zero after a message), ok == 0 abandons it.
     * Frees the handle. */
    int (*end)(void *unit, int ok, unsigned long *written);
    /* The set is complete: write its index (the packing list) named
     * name, listing n files (13 bytes each: length, ASCII name). */
    int (*finish)(void *ctx, const hm_pipe_unit *u, const char *name,
                  const unsigned char *names, unsigned long n);
    void *ctx;
} hm_pipe_sink;

/* The migration-file sink (migwrite). base gives the writer options
 * that the pipeline does not set (sched_limit, plain_proxy); may be
 * NULL. The hm_pipe_mwsink is the sink's storage. */
typedef struct hm_pipe_mwsink {
    hm_alloc al;
    hm_log *log;
    hm_mw_opt base;
} hm_pipe_mwsink;

void hm_pipe_mwsink_init(hm_pipe_sink *sink, hm_pipe_mwsink *mw,
                         const hm_alloc *a, const hm_mw_opt *base,
                         hm_log *log);

/* Progress, as the pipeline sees it. */
typedef struct hm_pipe_progress {
    unsigned long items;        /* items of this run so far */
    unsigned long bytes;        /* bytes written by this run so far */
    unsigned long accounts;     /* accounts completed by this run */
    const hm_account *acct;     /* the current one; NULL: directory */
} hm_pipe_progress;

typedef struct hm_pipe_ui {
    /* Non-NULL (on a terminal): a live progress line (line, len in
     * the execution character set) after every item, at most every
     * 250 ms when clock_ms is given. NULL (batch): an HMG0030I
     * message every every_items items or every_ms milliseconds. */
    void (*live)(void *ctx, const hm_pipe_progress *p,
                 const char *line, size_t len);
    unsigned long (*clock_ms)(void *ctx);   /* may be NULL */
    int (*poll)(void *ctx);     /* non-zero: stop (may be NULL);
                                 * asked before every account and
                                 * after every item */
    unsigned long every_items;  /* 0: 10000 */
    unsigned long every_ms;     /* 0: 60000 */
    void *ctx;
} hm_pipe_ui;

/* The status file. read gives its content so far (NULL: a new
 * file); append adds one line (with its CR LF) and returns 0 only
 * when the line is safely stored. */
typedef struct hm_pipe_status {
    const char *name;           /* for messages */
    hm_read_fn read;
    void *rctx;
    int (*append)(void *ctx, const unsigned char *line, size_t len);
    void *actx;
} hm_pipe_status;

typedef struct hm_pipe_cfg {
    const hm_alloc *al;
    hm_log *log;
    hm_settings *set;           /* checked (hm_set_check) */
    const hm_pipe_src *src;
    const hm_pipe_sink *sink;
    const hm_mw_files *files;   /* the output set */
    const hm_pipe_status *status;   /* NULL: no status file */
    const hm_pipe_ui *ui;       /* NULL: no progress */
    hm_time now;                /* this run's date; a status file
                                 * keeps the first run's */
} hm_pipe_cfg;

typedef struct hm_pipe_result {
    hm_pipe_counts total;       /* all accounts of the set so far */
    unsigned long accounts;     /* accounts done (all runs) */
    unsigned long prev;         /* of which done by earlier runs */
    unsigned long failed;       /* accounts that failed this run */
    unsigned long files;        /* files of the set */
    unsigned long bytes;        /* their bytes */
    int complete;               /* the packing list was written */
    int stopped;                /* the run stopped early */
} hm_pipe_result;

/* Run the pipeline. Returns 0 when the set is complete (its packing
 * list written), 1 when accounts failed (rerun with the same status
 * file), 2 when the run stopped (an error or an interruption). res
 * may be NULL. */
int hm_pipe_run(const hm_pipe_cfg *cfg, hm_pipe_result *res);

/* The names the run uses: the packing list (File, MIGRATE.PKL, or
 * PkkOFnn.PKL for partition k of n) and the report (Report, or the
 * packing list's name with .CSV; "" with --no-report). buf: 13. */
void hm_pipe_pkl_name(const hm_settings *s, char *buf);
void hm_pipe_report_name(const hm_settings *s, char *buf);

/* Write a packing list: code page, blank line, Filename,Filetype and
 * the n names (13 bytes each: length, ASCII name). 0 or non-zero. */
int hm_pipe_write_pkl(const hm_mw_files *files, const char *name,
                      unsigned codepage, const unsigned char *names,
                      unsigned long n, hm_log *log);

/* Combine partial sets (partitions) into one: read each part's
 * packing list, check that the code pages agree and that no file is
 * in two parts, copy the files of parts with copy != 0 to out, and
 * write one packing list pkl listing every file, the directory file
 * first and then the accounts in order of their numbers (so the
 * result equals the set of an unpartitioned run). 0 or non-zero. */
typedef struct hm_pipe_part {
    const hm_mr_set *set;
    const char *pkl;            /* its packing list's name */
    const char *label;          /* for messages */
    int copy;
} hm_pipe_part;

int hm_pipe_combine(const hm_alloc *a, const hm_pipe_part *parts,
                    size_t n, const hm_mw_files *out, const char *pkl,
                    hm_log *log);

#endif
