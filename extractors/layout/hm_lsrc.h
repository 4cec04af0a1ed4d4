/*
 * hm_lsrc.h - the layout-driven source: mail stores whose format was
 * never published (Verimation MEMO, Fischer TAO, the PROFS calendar)
 * read from their unloaded data sets through a declared layout, a
 * COBOL copybook plus a store profile (hm_copybook.h, hm_profile.h,
 * common/LAYOUTS.md), and handed to the pipeline as the
 * items of the item model (hm_pipe_src). See extractors/layout/README.md.
 *
 * Input. The data sets (IDCAMS REPRO of each VSAM cluster into a
 * sequential RECFM=VB data set, moved in binary: NETDATA or records
 * with RDWs), optionally a user list (records of type account), all
 * decoded with one copybook and one profile. Each record gets the
 * first profile type whose tests hold; the type's item kind and
 * roles say what it contributes:
 *
 *   account    an account (mailbox): id, name, address, node
 *   folder     a folder of the account: id, name, parent (folder
 *              path for messages whose folder key is its id)
 *   message    a message head; then its text and attachment records
 *   text       lines of the message, bulletin or calendar entry
 *              before it (msg = its id when mapped)
 *   attachment a chunk of a file (binary file) of the message before
 *              it; a new file starts with a new name or when seq does
 *              not grow; length = the bytes of data used
 *   pab        a personal address book entry
 *   dl         a distribution list (members inline and/or in member
 *              records after it): with an account a personal list
 *              (PAB), without one a directory list
 *   member     a member of the list before it
 *   calendar   a calendar item (text records become its notes)
 *   bboard     a bulletin-board message: a public-folder message in
 *              the folder named by board (the pseudo account PUBLIC)
 *   directory  a directory entry: a mailbox when its id is an
 *              account, else a custom recipient
 *   skip       ignored
 *
 * Heads (folder, message, pab, dl, calendar) belong to the account
 * named by their account role or, without one, to the account of
 * the last account record before them in the same data set.
 *
 * Order (streaming, bounded memory). Data sets are read one record
 * at a time. The records of one account must be together in each
 * data set, the accounts in the same order in every data set, and a
 * head before its text, attachment and member records, folders
 * before the messages filed in them: the order IDCAMS REPRO gives
 * for a KSDS whose key starts with the account and the item number.
 * A record found out of that order is reported and skipped. The
 * accounts come in the order of their first records in the data
 * (a prescan pass), then those of the user list without data.
 * Memory: the account table, the folders of one account and one item
 * (a message with its text and files) of at most item_max bytes.
 *
 * Errors. A field that cannot be decoded is reported by the decoder
 * with the data set, record, field and offset (HMG0830-0837); the
 * item it belongs to is skipped, counted and reported (HMG06xx); the
 * run goes on.
 */
#ifndef HM_LSRC_H
#define HM_LSRC_H

#include "hm_profile.h"
#include "hm_pipeline.h"
#include "hm_lsrec.h"

/* Opening the data sets: data set i (0-based; the user list, if any,
 * is number ndata) from its start. open returns 0 with *fn, *rctx,
 * or -1 after a message; close ends it. Data sets may be opened
 * several times (one pass per role: prescan, directory, accounts,
 * bulletin boards). */
typedef struct hm_ls_io {
    int (*open)(void *ctx, int i, hm_read_fn *fn, void **rctx);
    void (*close)(void *ctx, void *rctx);
    void *ctx;
} hm_ls_io;

typedef struct hm_ls_cfg {
    const hm_alloc *al;
    hm_log *log;
    const hm_copybook *cb;
    const hm_profile *prof;     /* bound to cb */
    const hm_cpage *cp;         /* the store's code page */
    const char *const *names;   /* ndata (+1 with users) names */
    int ndata;
    int users;                  /* 1: a user list follows the data */
    int recmode;                /* HM_LSR_AUTO or HM_LSR_REC */
    const char *addrtype;       /* address type, execution charset:
                                 * "SNADS" gives SNADS:NODE(USER) */
    unsigned long item_max;     /* bytes of one item; 0: 64 MiB */
    hm_ls_io io;
} hm_ls_cfg;

/* What the source saw (for the summary and for tests). Items are
 * counted by item kind (HM_IT_*): found = heads assembled and handed
 * on, bad = skipped because a record could not be decoded or the
 * item was too large. */
typedef struct hm_ls_stats {
    unsigned long records;      /* records read by the account passes */
    unsigned long untyped;      /* matching no type */
    unsigned long order;        /* out of order */
    unsigned long unlisted;     /* of accounts not in the user list */
    unsigned long orphans;      /* dependents without their head */
    unsigned long noacct;       /* heads of no account */
    unsigned long accounts;
    unsigned long found[HM_IT_COUNT];
    unsigned long bad[HM_IT_COUNT];
    unsigned long attachments;  /* files handed on with messages */
    unsigned long readerr;      /* data sets that could not be read */
} hm_ls_stats;

typedef struct hm_lsrc hm_lsrc;

/* Prepare a source (nothing is read yet). NULL after a message. */
hm_lsrc *hm_ls_open(const hm_ls_cfg *cfg);
/* The pipeline source: accounts, their items, the directory. */
void hm_ls_source(hm_lsrc *ls, hm_pipe_src *src);
/* The counts so far. */
void hm_ls_stats_get(const hm_lsrc *ls, hm_ls_stats *st);
/* The accounts, read by the prescan (done now if not yet): their
 * number, or -1 after a message. Then account pos (0-based, in the
 * order of the source) as next_account gives it: 0, or -1. For
 * callers that ask for the items of accounts in an order of their
 * own (OVVMEXT's calendars): items() of an account that comes before
 * the one read last reads the data sets again from their start
 * (records are counted and reported once). */
long hm_ls_count(hm_lsrc *ls);
int hm_ls_account(const hm_lsrc *ls, long pos, hm_account *acct);
/* Issue the summary messages (HMG0612I-0614W). */
void hm_ls_summary(hm_lsrc *ls);
/* --inspect: the first n records of each type of every data set
 * (and of the user list), field by field. Returns 0, or -1 when a
 * data set could not be read. */
int hm_ls_inspect(hm_lsrc *ls, unsigned long n, hm_line_fn out,
                  void *ctx);
void hm_ls_close(hm_lsrc *ls);

#endif
