/*
 * migread.h - read and check a set of migration files (.PKL, .PRI,
 * .SEC), written by migwrite or by any other source extractor.
 *
 * The reader works through the caller's set accessor (open a file of
 * the set by the name the packing list gives; read it as a byte
 * stream) and never calls the operating system. It checks the set
 * against the format rules (see README, "Migration files") and
 * reports every problem as an HMG message naming the file and the
 * line or byte offset; it then skips the bad line or section and
 * goes on. When an item callback is given, it also hands back the
 * items (hm_item.h, text converted to UTF-8), so a set can be read
 * back or converted.
 *
 * Memory: one line of a primary file at a time (at most
 * HM_MR_MAXLINE bytes), plus for each secondary file a table of its
 * section offsets (about 13 bytes per section), plus, when items are
 * wanted, the data of one message at a time.
 */
#ifndef MIGREAD_H
#define MIGREAD_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_item.h"

#define HM_MR_MAXLINE 1048576ul

/* The set accessor. open opens the file named name (as listed in
 * the packing list, in the execution character set, or the packing
 * list's own name), sets *fn, *rctx and *size (bytes), and returns
 * 0, or non-zero when it is not present. close ends a read. */
typedef struct hm_mr_set {
    int (*open)(void *ctx, const char *name, hm_read_fn *fn,
                void **rctx, unsigned long *size);
    void (*close)(void *ctx, void *rctx);
    void *ctx;
} hm_mr_set;

typedef struct hm_mr_counts {
    unsigned codepage;
    unsigned long pri_files;
    unsigned long sec_files;
    unsigned long dir_mailboxes;
    unsigned long dir_remotes;
    unsigned long dir_dls;
    unsigned long mailboxes;        /* mailboxes with a MAILMESSAGE
                                     * section */
    unsigned long messages;         /* mailbox messages (not documents
                                     * or schedule messages) */
    unsigned long public_messages;
    unsigned long attachments;
    unsigned long documents;        /* free documents (a Document
                                     * after a Body of length 0;
                                     * their further Document parts
                                     * not counted) */
    unsigned long sched_files;
    unsigned long sched_items;
    unsigned long pab_entries;
    unsigned long pab_dls;
    unsigned long errors;
    unsigned long warnings;
} hm_mr_counts;

/* Called for each item read back (when given). An HM_ITEM_ACCOUNT
 * item comes before the items of each PAB or MAILMESSAGE section;
 * its id is the section's address. Schedule data is not turned back
 * into calendar items: a schedule message comes as a message whose
 * only attachment is the Schedule+ file. Pointers in the item are
 * valid during the call only. Return non-zero to stop. */
typedef int (*hm_mr_item_fn)(void *ctx, const hm_item *it);

/* Check (and read) the set whose packing list is pkl. Returns the
 * return code for the problems found: 0 none, 4 warnings only, 8
 * errors, 12 when the packing list cannot be read at all. */
int hm_mr_check(const hm_alloc *a, const hm_mr_set *set,
                const char *pkl, hm_log *log, hm_mr_item_fn fn,
                void *fnctx, hm_mr_counts *counts);

#endif
