/*
 * migwrite.h - write Exchange Migration Wizard migration files
 * (.PKL, .PRI, .SEC) from a stream of items (hm_item.h).
 *
 * The writer never calls the operating system: it asks the caller's
 * file factory to open each named output and writes through the
 * hm_write_fn that the factory returns. Memory stays bounded
 * whatever the number of items: lines are streamed; a message's
 * bodies are measured in a first pass and written in a second;
 * calendar items are gathered into a Schedule+ file of at most
 * sched_limit bytes per schedule message. Only the list of file
 * names (for the .PKL, written at the end) grows, with the number
 * of files.
 *
 * Files of a set (all names 8.3, upper case, A-Z 0-9 only):
 *   MIGRATE.PKL      the packing list (opt.pkl_name), written last
 *   DIR00000.PRI     the DIRECTORY sections, first in the list
 *   cccnnn00.PRI     one per account: PAB and MAILMESSAGE sections
 *   cccnnnpp.SEC     its secondary files, pp = 00, 01, ... as they
 *                    are rotated at opt.sec_limit bytes
 * where ccc is the first three letters or digits of the account id
 * (X-padded) and nnn the account's number in base 36 from 001.
 *
 * Use: hm_mw_open, then items with hm_mw_put (an HM_ITEM_ACCOUNT
 * item starts an account; messages, documents, PAB entries and
 * calendar items belong to the current account; directory objects
 * may come at any time), then hm_mw_close. After an error (already
 * reported on the log) every call returns non-zero and close
 * discards the outputs.
 */
#ifndef MIGWRITE_H
#define MIGWRITE_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_item.h"

/* The file factory. open creates the output named name (8.3, in the
 * execution character set), sets *fn and *wctx and returns 0, or
 * returns non-zero (the writer reports it). close ends the output
 * with wctx: ok != 0 keeps it (returns non-zero on failure), ok == 0
 * discards it. */
typedef struct hm_mw_files {
    int (*open)(void *ctx, const char *name, hm_write_fn *fn,
                void **wctx);
    int (*close)(void *ctx, void *wctx, int ok);
    void *ctx;
} hm_mw_files;

typedef struct hm_mw_opt {
    unsigned codepage;          /* HM_PC_UTF8 (default when 0),
                                 * HM_PC_1252 or HM_PC_850 */
    unsigned long sec_limit;    /* start a new .SEC above this size;
                                 * 0: 64 MiB */
    unsigned long sched_limit;  /* Schedule+ bytes per schedule
                                 * message; 0: 1 MiB */
    const char *pkl_name;       /* 0: "MIGRATE.PKL" */
    int plain_proxy;            /* 1: Secondary-Proxy-Addresses as
                                 * TYPE:addr (Exchange 2000/2003);
                                 * 0: MIGRATE:TYPE:addr (5.5) */
    hm_time now;                /* date of schedule messages; none:
                                 * left blank */
    unsigned long first_acct;   /* number nnn of the first account,
                                 * 1..46655; 0: 1 (the pipeline
                                 * numbers accounts by position) */
} hm_mw_opt;

/* Counts of what was written. */
typedef struct hm_mw_stats {
    unsigned long files;
    unsigned long accounts;
    unsigned long messages;     /* incl. public-folder messages */
    unsigned long attachments;
    unsigned long documents;
    unsigned long pab_entries;
    unsigned long pab_dls;
    unsigned long cal_items;
    unsigned long sched_msgs;
    unsigned long dirobjs;
    unsigned long unmapped;     /* characters replaced by '?' */
    unsigned long bad_utf8;     /* invalid UTF-8 input sequences */
    unsigned long bytes;        /* bytes written, all files */
} hm_mw_stats;

typedef struct hm_mw hm_mw;

/* Start a set. opt may be NULL (defaults). Returns NULL after a
 * message when the options are invalid or storage is exhausted. */
hm_mw *hm_mw_open(const hm_alloc *a, const hm_mw_files *files,
                  const hm_mw_opt *opt, hm_log *log);

/* Write one item. Returns 0, or non-zero after an error. Bad input
 * data (a message outside an account, a calendar item without a
 * start) is reported, skipped and counted: the return is still 0. */
int hm_mw_put(hm_mw *w, const hm_item *it);

/* Finish: flush the schedule data, close every file, write the
 * packing list. Returns 0 when the whole set was written (outputs
 * then committed through files->close(..., 1)), else non-zero.
 * stats may be NULL. Always frees w. */
int hm_mw_close(hm_mw *w, hm_mw_stats *stats);

/* Abandon a set: every output is discarded. */
void hm_mw_abort(hm_mw *w);

#endif
