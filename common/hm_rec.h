/*
 * hm_rec.h - host record reader.
 *
 * Reads records from a byte source (hm_read_fn) in one of the host
 * record formats:
 *   F, FB  fixed records of lrecl bytes (a short last record is
 *          reported as a warning and returned as it is)
 *   V, VB  records with a 4-byte RDW; blocks with a 4-byte BDW are
 *          detected from the first bytes (HM_RECFM_V and VB both
 *          accept both and decide) and validated against their
 *          records. Blocked: the stream starts with a valid BDW
 *          and an RDW that fits into the block, and the records of
 *          the first block fill it exactly (if they do not, RDW-only
 *          is taken when that reading is consistent, else blocked
 *          with an error). BDW: 8..32760 with bytes 2-3 zero, or
 *          extended (bit 0 on) with a 31-bit length; blocks are not
 *          held in storage, so any length is followed. Spanned
 *          segments (SDW byte 2 X'01' first, X'03' middle, X'02'
 *          last) are reassembled up to HM_LRECL_MAX bytes; a null
 *          segment (X'80') ends its block.
 *   U      undefined: blocks of lrecl bytes, the last one may be
 *          short (a source that delivers one block per read call
 *          is read with REC)
 *   NL     text already converted off the host: lines ended by
 *          LF or CR LF (the line end is not part of the record); a
 *          last line without LF is a record (a CR there is data);
 *          lines longer than HM_LRECL_MAX bytes are an error
 *   REC    the source delivers one whole record per read call
 *          (z/OS fopen "type=record", CMS FSREAD)
 *
 * Trailing blanks (opt.blank: X'40' for EBCDIC, X'20' for converted
 * text) are removed unless keep_blanks is set (in every format, U
 * and binary data included: set keep_blanks for those).
 *
 * Damage is reported as an HMG message naming the file, the record
 * number and the byte offset:
 * - a file cut short at its end (an RDW that announces more bytes
 *   than the file holds, the end inside a descriptor, a block or a
 *   spanned record, a short last F record) is a WARNING: nothing is
 *   left unread; the bytes of the cut record are returned as the
 *   last record and hm_rec_cut says so; then the end (0);
 * - a length that cannot be right with bytes after it (an RDW or BDW
 *   of impossible size, a record past the end of its block, segments
 *   out of sequence) is an ERROR: the reader cannot resynchronize,
 *   returns -1 and the rest of the file is not read (data may be
 *   lost).
 *
 * Records are returned in the reader's buffer, valid until the next
 * call. Memory is bounded: two blocks of at most 64 KiB (the second
 * one only for spanned records).
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

/* Parse a RECFM name ("F", "FB", "V", "VB", "U", "NL", "REC"; all
 * upper or all lower case, in the execution character set). Returns
 * an hm_recfm or 0. */
int hm_recfm_parse(const char *s);

/* Open a reader. fname names the file in messages (it must stay
 * valid until hm_rec_close; NULL: "(input)"). Returns NULL when
 * storage is exhausted (a message is issued). Invalid options (an
 * unknown recfm, F/FB/U lrecl not 1..65535; U lrecl 0 means 32760)
 * are reported here and the first hm_rec_next returns -1. */
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

/* The record format in effect (for V/VB: HM_RECFM_VB when blocks
 * were detected, else HM_RECFM_V; known after the first
 * hm_rec_next). */
int hm_rec_format(const hm_rdr *r);
/* Non-zero when blocks with BDWs were found. */
int hm_rec_blocked(const hm_rdr *r);

/* Non-zero when the file is cut short at its end (a warning was
 * given): 1 when the record last returned is the cut one (its bytes
 * are those the file holds), 2 when the file ends inside a descriptor
 * or a block after the last record returned. */
int hm_rec_cut(const hm_rdr *r);

void hm_rec_close(hm_rdr *r);

#endif
