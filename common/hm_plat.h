/*
 * hm_plat.h - the platform layer: the only code that calls the
 * operating system. Three backends implement it:
 *   plat_posix.c  Linux and other POSIX systems (built and tested)
 *   plat_zos.c    z/OS Language Environment: //DD:NAME, //'DSN',
 *                 fopen(name, "rb,type=record") (Makefile.zos)
 *   plat_cms.c    z/VM CMS: "fn ft fm" file ids (Makefile.zos, or
 *                 the CMS build EXEC)
 *
 * File names are in the execution character set and in the host's
 * own form. Everything else in hostmig works on memory through the
 * callbacks in hm_base.h.
 */
#ifndef HM_PLAT_H
#define HM_PLAT_H

#include "hm_base.h"
#include "hm_msg.h"

/* The allocator on the C library heap. */
const hm_alloc *hm_pl_alloc(void);

/* The log sink: one line to SYSPRINT (host) or stderr (here). */
void hm_pl_log(void *ctx, int sev, const char *line, size_t len);

/* A log ready to use with hm_pl_log. */
void hm_pl_log_init(hm_log *lg);

/* Reading. */
typedef struct hm_pfile hm_pfile;

#define HM_PL_BYTES 0   /* a byte stream */
#define HM_PL_RECORDS 1 /* one host record per read (type=record) */

/* Open name for reading. On failure issues a message on log and
 * returns NULL. */
hm_pfile *hm_pl_open(const char *name, int mode, hm_log *log);
/* An hm_read_fn: ctx is the hm_pfile. */
long hm_pl_read(void *ctx, unsigned char *buf, size_t n);
/* Size in bytes when known, else -1. */
long hm_pl_size(hm_pfile *f);
void hm_pl_close(hm_pfile *f);

/* Writing: the output appears under its final name only when
 * hm_pl_commit succeeds (temporary name + rename here; on z/OS a
 * dataset written under a temporary name and renamed, or a DD
 * written in one step; on CMS a work file id then RENAME). */
typedef struct hm_pout hm_pout;

hm_pout *hm_pl_create(const char *name, hm_log *log);
/* An hm_write_fn: ctx is the hm_pout. */
int hm_pl_write(void *ctx, const unsigned char *buf, size_t n);
int hm_pl_commit(hm_pout *o, hm_log *log);
void hm_pl_discard(hm_pout *o);

/* Append n bytes to the file name (created when absent) and make
 * them durable before returning: the status file of a resumable run.
 * 0, or -1 with a message. */
int hm_pl_append(const char *name, const unsigned char *buf, size_t n,
                 hm_log *log);

/* Standard output (SYSPRINT/SYSOUT on the host), as bytes. */
hm_pout *hm_pl_stdout(void);
int hm_pl_flush_stdout(void);

/* Create a directory (and its parents). 0 on success. */
int hm_pl_mkdir(const char *path, hm_log *log);

/* Join a directory and a file name in the host's form into buf.
 * Returns 0, or -1 when it does not fit. */
int hm_pl_join(const char *dir, const char *file, char *buf,
               size_t cap);

/* List the entries of a directory (not . and ..), sorted bytewise,
 * calling fn for each; 0 on success. */
typedef int (*hm_pl_dirfn)(void *ctx, const char *name, int is_dir);
int hm_pl_listdir(const char *path, hm_pl_dirfn fn, void *ctx,
                  hm_log *log);

/* Milliseconds from an arbitrary start (progress reports only). */
unsigned long hm_pl_clock_ms(void);

/* A live progress line on a terminal (replaced by the next one or
 * by the next log line). Only call when hm_pl_log_is_terminal(). */
void hm_pl_progress(const char *line, size_t len);

/* Non-zero when the log goes to an interactive terminal. */
int hm_pl_log_is_terminal(void);

/* Peak resident storage of this process in KiB, or 0 if unknown. */
unsigned long hm_pl_peak_kib(void);

#endif
