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
#include "hm_cp.h"

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
    int transfer;               /* HM_MW_BINARY (0) or HM_MW_TEXT */
    unsigned host_ccsid;        /* text: the host code page of the
                                 * records; 0: 37 */
    const hm_cpage *host_page;  /* text: this page instead (one from
                                 * iconv, say); NULL: host_ccsid */
    unsigned long rec_max;      /* text: longest record; 0: 32752 */
} hm_mw_opt;

/* Transfer modes.
 *
 * HM_MW_BINARY: the files are written as the PC must receive them
 * (a binary transfer, or files written on the PC side).
 *
 * HM_MW_TEXT: for sites that can move only host text (IND$FILE or
 * FTP in ASCII mode with CR LF): every output file is written as
 * records in the host code page, one record per line of the PC file,
 * without the CR LF, which the transfer adds. Each call of an
 * output's hm_write_fn is exactly one whole record (possibly empty);
 * the factory must keep records as they are (RECFM V, no padding,
 * empty records kept). The bytes are those of the binary mode, line
 * for line, mapped from the PC code page (1252 or 850; UTF-8 is
 * refused) to the host page, so every offset in the files counts
 * the bytes the PC receives: the transfer must use the same pair of
 * code pages. Characters of the PC page that the host page lacks are
 * written as '?' and counted like unmapped ones. Attachments and
 * documents whose bytes would not survive (any byte outside the
 * common characters, or a CR or LF not in a CR LF pair) are left
 * out with HMG0457W and counted in text_left_out. */
#define HM_MW_BINARY 0
#define HM_MW_TEXT 1

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
    unsigned long bytes;        /* bytes written, all files (in text
                                 * mode: the bytes the PC receives) */
    unsigned long text_left_out;    /* attachments and documents
                                     * left out in text mode */
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
