/*
 * ovstore.h - the OfficeVision/VM store walker: an hm_pipe_src over a
 * store of CMS files (see extractors/ovvm/NOTES.md).
 *
 *   STORE/<USERID>/FN.FT       the user's CMS files: ALL.NOTEBOOK and
 *                              other notebooks, <USERID>.NAMES,
 *                              documents
 *   STORE/<USERID>/RDR/NAME    reader files (NETDATA, one per file)
 *   STORE/OFSUAD.FILE          the system nickname file (optional)
 *   STORE/OVVMEXT.FORMATS      per-file formats (optional)
 * or the split layout of tests/gen/ovvmgen.py (a directory STORE in
 * the store): STORE/STORE/<USERID>/, STORE/DOC/<USERID>/ (more of the
 * user's files) and STORE/RDR/<USERID>/ (reader files). Or a store
 * list (a text file naming every file; hosts whose directories cannot
 * be listed, such as CMS minidisks).
 *
 * Each file may be NETDATA, VMARC, V/VB with RDWs, converted text
 * (UTF-8 lines) or F records (LRECL 80 unless declared); detected
 * from its first bytes (hm_cont_detect). Core code: the files are
 * reached through the caller's hm_ovs_io; nothing calls the
 * operating system.
 */
#ifndef HM_OVSTORE_H
#define HM_OVSTORE_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_cp.h"
#include "hm_pipeline.h"
#include "hm_settings.h"
#include "ovvm.h"

/* one directory entry: 0 to go on, non-zero to stop */
typedef int (*hm_ovs_dirfn)(void *ctx, const char *name, int is_dir);

/* The store's files. Names are in the execution character set. */
typedef struct hm_ovs_io {
    /* List directory path (sorted bytewise). quiet: no message when
     * it cannot be listed. 0, or -1. */
    int (*listdir)(void *ctx, const char *path, int quiet,
                   hm_ovs_dirfn fn, void *fctx);
    /* Open a file for reading; NULL when it cannot be opened
     * (reported unless quiet). With cfg.records the host delivers
     * one record per read (CMS, z/OS type=record). */
    void *(*open)(void *ctx, const char *path, int quiet);
    long (*read)(void *h, unsigned char *buf, size_t n);
    void (*close)(void *ctx, void *h);
    /* dir and name joined in the host's form into buf; 0 or -1 */
    int (*join)(void *ctx, const char *dir, const char *name,
                char *buf, size_t cap);
    /* a code page by CCSID (built in or from iconv), or NULL */
    const hm_cpage *(*page)(void *ctx, unsigned ccsid);
    void *ctx;
} hm_ovs_io;

/* File kinds of --doc-types and the formats file, besides HM_DOC_* */
#define HM_OVS_SKIP 20      /* not extracted */
#define HM_OVS_NOTEBOOK 21  /* read as a notebook */

typedef struct hm_ovs_cfg {
    const hm_alloc *al;
    hm_log *log;
    hm_ovs_io io;
    const char *store;          /* the store directory (or NULL with
                                 * list) */
    const char *list;           /* a store list file, or NULL */
    int records;                /* files deliver records (REC) */
    const hm_cpage *cp;         /* the store's code page */
    unsigned long lrecl;        /* F files without a declared LRECL
                                 * (0: 80) */
    const char *node;           /* --node, or NULL */
    const char *sysnames;       /* system nickname file, or NULL (the
                                 * store's OFSUAD.FILE if present) */
    const char *formats;        /* formats file, or NULL (the store's
                                 * OVVMEXT.FORMATS if present) */
    unsigned pivot;             /* 2-digit years: yy < pivot -> 20yy
                                 * (usually 50) */
    const char *doctypes;       /* "FT=KIND,..." or NULL */
    int doc_messages;           /* documents as messages in the folder
                                 * "Documents" (text body, original
                                 * attached); 0: free documents */
    int dir_only;               /* directory objects only */
    int keep_header;            /* note headers at the top of bodies */
    hm_settings *set;           /* accounts selection (directory) */
} hm_ovs_cfg;

typedef struct hm_ovs hm_ovs;

/* statistics of a run (this run's accounts only) */
typedef struct hm_ovs_stats {
    unsigned long accounts;     /* accounts read */
    unsigned long files;        /* files opened */
    unsigned long notebooks;
    unsigned long notes;        /* messages from notebooks */
    unsigned long raw;          /* of them with the raw text */
    unsigned long nodate;       /* of them without a date */
    unsigned long names;        /* NAMES files */
    unsigned long rdr;          /* reader files (transmissions) */
    unsigned long mails;        /* reader mail files */
    unsigned long sendfiles;    /* other reader files */
    unsigned long docs;         /* documents */
    unsigned long damaged;      /* files read only in part (bytes
                                 * left unread) */
    unsigned long cut;          /* files cut short at their end (all
                                 * their bytes kept) */
    unsigned long skipped;      /* files or items left out */
} hm_ovs_stats;

/* Open the store: reads the store's listing (the accounts), the
 * system nickname file and the formats file. NULL after a message. */
hm_ovs *hm_ovs_open(const hm_ovs_cfg *c);
/* The pipeline source. */
void hm_ovs_source(hm_ovs *s, hm_pipe_src *src);
/* The accounts found. */
unsigned long hm_ovs_accounts(const hm_ovs *s);
/* The user id of account i (0-based, in the source's order; upper
 * case, execution character set), or NULL. */
const char *hm_ovs_account_id(const hm_ovs *s, unsigned long i);
const hm_ovs_stats *hm_ovs_stat(const hm_ovs *s);
/* The end-of-run summary messages. */
void hm_ovs_summary(hm_ovs *s);
void hm_ovs_close(hm_ovs *s);

#endif
