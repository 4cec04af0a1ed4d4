/*
 * hm_zip.h - ZIP archives: CRC-32, a deflate compressor and an
 * inflater (RFC 1951, zipflate.c), a ZIP writer and a ZIP reader with
 * the migpack MANIFEST checks (zip.c).
 *
 * Everything works on memory and callbacks and calls no operating
 * system; CRC-32, deflate and inflate are zlib's (zipflate.c adapts
 * it to the caller's allocator and callbacks). One zlib build gives
 * the same bytes for the same input; another zlib version or a
 * hardware deflate (zEDC) may compress differently, never inflate
 * differently. tests/host/test_zip_zlib.c checks the streams against
 * zlib's own API used directly.
 *
 * The ZIP files are plain PKZIP 2.0 archives (no ZIP64, no
 * encryption): at most 65,535 members, every offset and size below
 * 4 GiB. Names are ASCII in the archive and in the execution
 * character set at this interface.
 */
#ifndef HM_ZIP_H
#define HM_ZIP_H

#include "hm_base.h"
#include "hm_msg.h"

/* ---- CRC-32 (ISO 3309, the ZIP and gzip CRC) ---- */

/* Continue crc over n bytes; start with crc = 0. */
unsigned long hm_crc32(unsigned long crc, const unsigned char *p,
                       size_t n);

/* ---- deflate ---- */

typedef struct hm_zdef hm_zdef;

/* A raw deflate stream to out (out may be NULL: bytes are only
 * counted). The compression is fixed (zlib level 6, 15-bit window),
 * so the same input gives the same bytes with one zlib build. About
 * 300 KiB of storage from a. NULL when storage is exhausted. */
hm_zdef *hm_zdef_open(const hm_alloc *a, hm_write_fn out, void *octx);
/* Add n bytes. 0, or -1 when out refused data. */
int hm_zdef_write(hm_zdef *z, const unsigned char *p, size_t n);
/* End the stream: 0, or -1 when out refused data. *csize (may be
 * NULL) receives the compressed size. Always frees z. */
int hm_zdef_finish(hm_zdef *z, unsigned long *csize);
/* Abandon a stream. */
void hm_zdef_free(hm_zdef *z);

/* ---- inflate ---- */

typedef struct hm_zinf hm_zinf;

/* Inflate the raw deflate stream that in delivers. About 60 KiB of
 * storage from a. NULL when storage is exhausted. */
hm_zinf *hm_zinf_open(const hm_alloc *a, hm_read_fn in, void *ictx);
/* An hm_read_fn (ctx is the hm_zinf): inflated bytes, 0 after the
 * final block, -1 when the data is damaged or in failed. */
long hm_zinf_read(void *ctx, unsigned char *buf, size_t n);
/* Why it failed (execution character set), or NULL. */
const char *hm_zinf_error(const hm_zinf *z);
/* Compressed bytes taken from in so far, and 1 when the final block
 * has ended. */
unsigned long hm_zinf_used(const hm_zinf *z);
int hm_zinf_done(const hm_zinf *z);
void hm_zinf_close(hm_zinf *z);

/* ---- writing a ZIP ---- */

#define HM_ZIP_STORED 0
#define HM_ZIP_DEFLATED 8

typedef struct hm_zip_info {
    unsigned long crc;
    unsigned long size;         /* bytes of the member */
    unsigned long csize;        /* bytes in the archive */
    int method;                 /* HM_ZIP_STORED or HM_ZIP_DEFLATED */
} hm_zip_info;

/* Read a member's data once (rd until it returns 0) and fill info:
 * CRC-32, size, compressed size, and the method (deflated unless
 * that is not smaller). 0, -1 on a read error or when the data
 * reaches 4 GiB, -2 when storage is exhausted. */
int hm_zip_measure(const hm_alloc *a, hm_read_fn rd, void *rctx,
                   hm_zip_info *info);

typedef struct hm_zipw hm_zipw;

/* Start a ZIP written to out; zname names it in messages. */
hm_zipw *hm_zipw_open(const hm_alloc *a, hm_write_fn out, void *octx,
                      const char *zname, hm_log *log);
/* Add a member: name (execution character set), its data read from
 * rd, info from hm_zip_measure over the same data. The data must
 * give the same CRC and size again (else HMG0449E: it changed).
 * Every member gets the fixed time 1980-01-01 00:00. 0, or non-zero
 * after a message (the output is then unusable: discard it). */
int hm_zipw_add(hm_zipw *w, const char *name, hm_read_fn rd,
                void *rctx, const hm_zip_info *info);
/* Write the central directory; 0 when the whole ZIP was written.
 * *size (may be NULL) receives its size. Always frees w. */
int hm_zipw_close(hm_zipw *w, unsigned long *size);

/* ---- the migpack MANIFEST ---- */

/* The name of the manifest member, and its first line (CR LF
 * follows each line). Each further line is NAME,SIZE,CRC with SIZE
 * in decimal and CRC as 8 upper-case hex digits, in member order. */
#define HM_ZIP_MANIFEST "MANIFEST"
#define HM_ZIP_MFHDR "Filename,Size,CRC-32"

/* One manifest line (with CR LF) in ASCII into out (at least
 * strlen(name) + 24 bytes), or the header line when name is NULL.
 * Returns its length. */
size_t hm_zip_mfline(const char *name, unsigned long size,
                     unsigned long crc, unsigned char *out);

/* ---- reading a ZIP held in memory ---- */

typedef struct hm_zipr hm_zipr;

/* Parse the ZIP zip[0..size) (it must stay in place while r is in
 * use): the end record, the central directory and every local
 * header. Problems are reported on log as HMG04nnE messages naming
 * zname and the byte offset. Returns NULL when the archive cannot be
 * used (a message was issued, or storage ran out). */
hm_zipr *hm_zipr_open(const hm_alloc *a, const unsigned char *zip,
                      unsigned long size, const char *zname,
                      hm_log *log);
/* Inflate every member and compare its CRC-32 and size with the
 * central directory, then with the MANIFEST member (missing, extra
 * and duplicated members too). Returns the number of errors
 * reported. */
unsigned long hm_zipr_verify(hm_zipr *r);
/* Number of members, and the name of member i (execution character
 * set, NUL-terminated; characters that are not printable ASCII show
 * as '?'). */
unsigned long hm_zipr_count(const hm_zipr *r);
const char *hm_zipr_name(const hm_zipr *r, unsigned long i);
unsigned long hm_zipr_size(const hm_zipr *r, unsigned long i);
/* The member named name (execution character set; an exact match
 * first, then one without regard to case), or -1. */
long hm_zipr_find(const hm_zipr *r, const char *name);
/* Read member i: sets *fn and *ctx (for hm_zipr_mclose). 0, or -1
 * when storage is exhausted. */
int hm_zipr_mopen(hm_zipr *r, unsigned long i, hm_read_fn *fn,
                  void **ctx);
void hm_zipr_mclose(hm_zipr *r, void *ctx);
void hm_zipr_close(hm_zipr *r);

#endif
