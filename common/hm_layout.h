/*
 * hm_layout.h - the record decoder: fields of a record described by
 * a parsed copybook (hm_copybook.h).
 *
 * Per record (hm_lay_set) the items behind variable tables (OCCURS
 * DEPENDING ON) are placed by the counts found in that record; the
 * counts are read from the record on first use of each 01 layout.
 * Subscripts are 1-based, one per OCCURS level of the item and its
 * groups (outermost first).
 *
 * Host data are EBCDIC: zoned digits have zone X'F'; the sign is the
 * zone of the last byte (first with SIGN LEADING): X'C', X'A', X'E'
 * or X'F' positive, X'D' or X'B' negative. Packed decimal: the last
 * half-byte is the sign (same values), the others 0-9. An unsigned
 * item with a negative sign is invalid. Binary items are big-endian
 * (two's complement when signed; the full binary range is decoded,
 * as with TRUNC(BIN)). A zoned or packed item that holds only
 * blanks (X'40') or only X'00' is EMPTY, not an error.
 *
 * Errors (bad digits or signs, a record too short for the item, a
 * subscript or an ODO count out of range, an invalid date) are issued
 * as messages naming the data set, the record number, the item (with
 * subscripts) and its offset in the record, unless quiet is set.
 * A record whose ODO counts are invalid cannot be decoded in that 01
 * layout at all (every access returns HM_LAY_ERR).
 *
 * Dates and times: the result is an hm_dt and, by hm_dt_str, a
 * 14-digit YYYYMMDDHHMMSS string. Two-digit years are placed in the
 * 100-year window that starts at the year 'window' (1950: 50-99 are
 * 1950-1999, 00-49 are 2000-2049). C is a century digit: 0 = 19xx,
 * 1 = 20xx, ... Julian days DDD are 001-365 (366 in leap years).
 * Numeric items give their digits (left-padded with zeros to the
 * form's width; a packed 0CYYDDDF is S9(7) COMP-3 with form CYYDDD);
 * text items give their digits with the separators - / . : and
 * blank removed. A date of zeros or blanks is EMPTY; a time of zeros
 * is midnight. STCK is the 8-byte TOD clock: bit 51 is one
 * microsecond, 0 is 1900-01-01 00:00:00 UTC; leap seconds are not
 * in the calendar: tod_leap seconds (default 0) are subtracted first
 * (set it to the site's leap-second offset when its TOD clock runs
 * on TAI-like time). Calendar arithmetic is done here; no <time.h>.
 */
#ifndef HM_LAYOUT_H
#define HM_LAYOUT_H

#include "hm_copybook.h"

#define HM_LAY_OK 0
#define HM_LAY_EMPTY 1     /* blank / zero date or number */
#define HM_LAY_TRUNC 2     /* text truncated to the buffer */
#define HM_LAY_ERR (-1)

/* date and time forms */
#define HM_DF_NONE 0
#define HM_DF_YYMMDD 1
#define HM_DF_YYYYMMDD 2
#define HM_DF_CYYMMDD 3
#define HM_DF_MMDDYY 4
#define HM_DF_DDMMYY 5
#define HM_DF_MMDDYYYY 6
#define HM_DF_DDMMYYYY 7
#define HM_DF_YYDDD 8
#define HM_DF_YYYYDDD 9
#define HM_DF_CYYDDD 10
#define HM_DF_HHMMSS 11
#define HM_DF_HHMM 12
#define HM_DF_HHMMSSTH 13  /* hundredths dropped */
#define HM_DF_STAMP 14     /* YYYYMMDDHHMMSS */
#define HM_DF_STCK 15      /* 8-byte TOD clock */
#define HM_DF_COUNT 16

typedef struct hm_dt {
    int year, month, day, hour, minute, second;
    int has_date, has_time;
} hm_dt;

typedef struct hm_lrec {
    const hm_copybook *cb;
    hm_alloc al;
    hm_cpconv *cv;         /* host page -> UTF-8 for text */
    hm_log *log;
    const char *dsname;    /* in messages */
    int window;            /* first year of the 2-digit window */
    long tod_leap;         /* seconds subtracted from STCK values */
    int quiet;             /* non-zero: no messages */
    const unsigned char *data;
    size_t len;
    unsigned long recno;
    unsigned long *aoff, *asz, *acnt;
    signed char *state;    /* per 01: 0 open, 1 placed, -1 failed */
} hm_lrec;

/* Prepare a decoder: window 1950, tod_leap 0. cv is used for text
 * (a UTF-8 converter from the store's code page). Returns 0, or -1
 * when storage is exhausted (a message is issued). */
int hm_lay_open(hm_lrec *r, const hm_alloc *a, const hm_copybook *cb,
                hm_cpconv *cv, hm_log *log, const char *dsname);
void hm_lay_close(hm_lrec *r);

/* The record to decode (kept by pointer) and its number. */
void hm_lay_set(hm_lrec *r, const unsigned char *data, size_t len,
                unsigned long recno);

/* Offset and size of item f with nsubs subscripts (nsubs must be its
 * number of OCCURS levels) in this record: HM_LAY_OK or HM_LAY_ERR
 * (also when the item is not wholly inside the record). */
int hm_lay_locate(hm_lrec *r, int f, const unsigned long *subs,
                  int nsubs, unsigned long *off, unsigned long *size);
/* The bytes of the item (no conversion). */
int hm_lay_bytes(hm_lrec *r, int f, const unsigned long *subs,
                 int nsubs, const unsigned char **p, unsigned long *n);
/* Occurrences of item f's own OCCURS in this record (the ODO count,
 * else its fixed count; 1 without OCCURS), or -1 on error. */
long hm_lay_count(hm_lrec *r, int f);

/* The item as UTF-8 text through r->cv, trailing blanks and X'00'
 * removed, into out (cap bytes; needs 3 * size for everything; not
 * terminated). *outlen is the length written. HM_LAY_OK, HM_LAY_TRUNC
 * (cut at a character boundary) or HM_LAY_ERR. */
int hm_lay_text(hm_lrec *r, int f, const unsigned long *subs,
                int nsubs, unsigned char *out, size_t cap,
                size_t *outlen);

/* A zoned, packed or binary item as a number (scale = its implied
 * decimals). HM_LAY_OK, HM_LAY_EMPTY (n is zero) or HM_LAY_ERR. */
int hm_lay_num(hm_lrec *r, int f, const unsigned long *subs,
               int nsubs, hm_num *n);

/* A date, time or time stamp of form HM_DF_*. HM_LAY_OK,
 * HM_LAY_EMPTY or HM_LAY_ERR. Date forms set has_date and the
 * date; time forms has_time and the time; STAMP and STCK both. */
int hm_lay_date(hm_lrec *r, int f, const unsigned long *subs,
                int nsubs, int form, hm_dt *dt);

/* Does the item hold one of the values (88 semantics: literals and
 * THRU ranges; text compared after conversion with trailing blanks
 * equal; X'..' compared with the host bytes, padded with X'40')?
 * 1, 0, or -1 on error. pool holds the literals' bytes. */
int hm_lay_match(hm_lrec *r, int f, const unsigned long *subs,
                 int nsubs, const hm_cbval *v, int nv,
                 const unsigned char *pool);
/* An 88 condition name (index into cb->c). */
int hm_lay_cond(hm_lrec *r, int c, const unsigned long *subs,
                int nsubs);

/* ---- calendar (pure) ---- */

/* Digits (values 0-9, exactly hm_dt_width(form) of them) of a form
 * into dt: 0, or -1 when they are no valid date or time. */
int hm_dt_digits(const unsigned char *d, int form, int window,
                 hm_dt *dt);
/* The 8 bytes of a TOD clock value into dt (UTC): 0 or -1 (the value
 * is before 1900 after subtracting leap seconds). */
int hm_dt_tod(const unsigned char *tod, long leap, hm_dt *dt);
/* Digits of a form (8 bytes for STCK). */
int hm_dt_width(int form);
/* YYYYMMDDHHMMSS in ASCII digits, terminated (15 bytes); parts not
 * set are zeros. */
void hm_dt_str(const hm_dt *dt, unsigned char *out);
/* Copy the date part of d and the time part of t into out. */
void hm_dt_merge(const hm_dt *d, const hm_dt *t, hm_dt *out);
/* The form named by an upper-case word in the execution charset
 * ("YYMMDD", ...), or HM_DF_NONE; the name of a form, or "". */
int hm_dt_form(const char *name);
const char *hm_dt_formname(int form);
/* 1 for a leap year; days in a month. */
int hm_dt_leap(int year);
int hm_dt_mdays(int year, int month);

#endif
