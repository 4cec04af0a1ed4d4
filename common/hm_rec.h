/*
 * hm_rec.h - host record reader.
 *
 * Reads records from a byte source (hm_read_fn) in one of the host
 * record formats:
 *   F, FB  fixed records of lrecl bytes (a short last record is
 *          reported as a warning and returned as it is)
 *   V, VB  records with a 4-byte RDW; blocks with a 4-byte BDW are
 *          detected from the first bytes (HM_RECFM_V accepts both
 *          and decides) and validated against their records
 *   U      undefined: each read of the source is one block; for a
 *          byte stream, blocks of lrecl bytes
 *   NL     text already converted off the host: lines ended by
 *          LF or CR LF (the line end is not part of the record)
 *   REC    the source delivers one whole record per read call
 *          (z/OS fopen "type=record", CMS FSREAD)
 *
 * Trailing blanks (opt.blank: X'40' for EBCDIC, X'20' for converted
 * text) are removed unless keep_blanks is set.
 *
 * A corrupt length (an RDW or BDW of impossible size, a record past
 * the end of its block or of the file) is reported as an HMG message
 * naming the file, the record number and the byte offset; the
 * reader then returns -1 and the rest of that file is not read.
 *
 * Records are returned in the reader's buffer, valid until the next
 * call. Memory is bounded: two blocks of at most 64 KiB.
 */
#ifndef HM_REC_H
#define HM_REC_H

#include "hm_base.h"
#include "hm_msg.h"

enum hm_recfm {
    HM_RECFM_F = 1,
    HM_RECFM_FB,
    HM_RECFM_V,
    HM_RECFM_VB,
    HM_RECFM_U,
    HM_RECFM_NL,
    HM_RECFM_REC
};

#define HM_LRECL_MAX 65535ul

typedef struct hm_recopt {
    int recfm;             /* an hm_recfm value */
    unsigned long lrecl;   /* F/FB record length; U block size */
    int keep_blanks;       /* non-zero: do not strip trailing blanks */
    unsigned char blank;   /* the blank byte to strip */
} hm_recopt;

typedef struct hm_rdr hm_rdr;

/* Parse a RECFM name ("F", "FB", "V", "VB", "U", "NL"; upper case in
 * the execution character set). Returns an hm_recfm or 0. */
int hm_recfm_parse(const char *s);

/* Open a reader. fname names the file in messages. Returns NULL
 * when storage is exhausted (a message is issued). */
hm_rdr *hm_rec_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                    const hm_recopt *opt, hm_log *log,
                    const char *fname);

/* Next record: returns 1 and sets *data, *len; 0 at the end; -1
 * after an error (already reported; the file is finished). */
int hm_rec_next(hm_rdr *r, const unsigned char **data, size_t *len);

/* Number of the record last returned (1-based) and the byte offset
 * in the source at which it (or its RDW) starts. */
unsigned long hm_rec_number(const hm_rdr *r);
hm_off hm_rec_offset(const hm_rdr *r);

/* The record format in effect (after detection for HM_RECFM_V). */
int hm_rec_format(const hm_rdr *r);
/* Non-zero when blocks with BDWs were found. */
int hm_rec_blocked(const hm_rdr *r);

void hm_rec_close(hm_rdr *r);

#endif
