/*
 * hm_cont.h - host containers: NETDATA transmissions (CMS SENDFILE,
 * CMS NOTE, TSO TRANSMIT / .XMI), IEBCOPY unloads inside them, a
 * small NETDATA writer and container detection.
 *
 * Everything works on memory or on a byte source (hm_read_fn) with
 * the caller's allocator; nothing calls the operating system. Names,
 * dates and --info lines are handed out in the execution character
 * set (EBCDIC bytes of names are mapped through the invariant
 * character set; others become '?'). Record data is handed out as
 * the host bytes, unconverted.
 *
 * Memory bounds:
 *   NETDATA reader  one logical record (at most opt.max_record,
 *                   default 1 MiB) plus 4 KiB of input buffer and the
 *                   file table: sequential files are streamed.
 *   IEBCOPY         the whole unload of one PDS is held in memory
 *                   (at most max_bytes, default 256 MiB), because
 *                   member data is found through the directory.
 */
#ifndef HM_CONT_H
#define HM_CONT_H

#include "hm_base.h"
#include "hm_msg.h"

/* One line of descriptive output (--info), in the execution
 * character set, without a line end. */
typedef void (*hm_line_fn)(void *ctx, const char *line, size_t len);

/* ------------------------------------------------------------------
 * Detection
 */
enum hm_cont_kind {
    HM_CONT_UNKNOWN = 0,
    HM_CONT_NETDATA,   /* INMR01 at bytes 2-7 (80-byte card stream) */
    HM_CONT_VMARC,     /* ':CFF    ' eye-catcher at byte 0 */
    HM_CONT_VB,        /* blocks with a BDW, records with RDWs */
    HM_CONT_V,         /* records with RDWs, no BDW */
    HM_CONT_IEBCOPY,   /* a bare IEBCOPY unload (COPYR1 first) */
    HM_CONT_TEXTND,    /* NETDATA or VMARC already converted to ASCII:
                          unusable, must be transferred in binary */
    HM_CONT_RAW        /* declared: plain bytes, no container */
};

/* Guess the container from the first n bytes of a file (4 KiB or
 * more recommended). If declared is not HM_CONT_UNKNOWN it is
 * returned as it is. */
int hm_cont_detect(const unsigned char *head, size_t n, int declared);
/* Name of a kind ("netdata", "vmarc", "vb", "v", "iebcopy",
 * "converted", "raw", "unknown") and the reverse (also accepts
 * "xmi" and "auto"; returns -1 for an unknown name). */
const char *hm_cont_kind_name(int kind);
int hm_cont_kind_parse(const char *s);

/* EBCDIC text or binary? Looks at up to n bytes: binary when more
 * than 1 in 100 bytes are control codes other than HT, FF, CR, NL,
 * LF (X'05' X'0C' X'0D' X'15' X'25') or X'FF'. Returns 1 for text. */
int hm_cont_looks_text(const unsigned char *d, size_t n);

/* EBCDIC name bytes to the execution character set: trailing blanks
 * and NULs dropped, characters outside the invariant set become '?'.
 * out gets at most cap - 1 characters and a terminating NUL.
 * Returns the length. */
size_t hm_cont_e2x(const unsigned char *e, size_t n, char *out,
                   size_t cap);
/* The reverse, for the writer: n characters of s to EBCDIC. Returns
 * the number of characters that had no EBCDIC equivalent (written as
 * X'6F', '?'). */
size_t hm_cont_x2e(const char *s, size_t n, unsigned char *out);

/* A NETDATA date ("YYYYMMDDHHMMSS[fraction]", as many digits as
 * known, in the execution character set) as "YYYY-MM-DD HH:MM:SS"
 * (as much as is known). out needs 20 bytes. Returns out. */
char *hm_cont_fmt_date(const char *digits, char *out);

/* An INMRECFM value as text, e.g. "FB", "VBS", "U", "V (...)".
 * out needs 48 bytes. Returns out. */
char *hm_nd_recfm_str(unsigned recfm, char *out);
/* An INMDSORG value as text: "PS", "PO", "VSAM", "DA", "IS" or the
 * hex value. out needs 16 bytes. */
char *hm_nd_dsorg_str(unsigned dsorg, char *out);

/* ------------------------------------------------------------------
 * NETDATA reader
 */
#define HM_ND_NAMEMAX 64  /* 44-byte data set name, CMS "FN FT FM" */
#define HM_ND_DATEMAX 27  /* up to 26 digits kept */

/* INMRECFM bits */
#define HM_ND_RF_F 0x8000u
#define HM_ND_RF_V 0x4000u
#define HM_ND_RF_U 0xC000u
#define HM_ND_RF_B 0x1000u
#define HM_ND_RF_S 0x0800u
#define HM_ND_RF_A 0x0400u
#define HM_ND_RF_M 0x0200u
#define HM_ND_RF_NORDW 0x0002u
/* INMDSORG values */
#define HM_ND_ORG_PS 0x4000u
#define HM_ND_ORG_PO 0x0200u
#define HM_ND_ORG_VSAM 0x0008u

typedef struct hm_nd_trans {
    char fnode[33], fuid[33];   /* origin node and user (INMR01) */
    char tnode[33], tuid[33];   /* destination */
    char ftime[HM_ND_DATEMAX];  /* INMFTIME digits, GMT; "" if none */
    char ttime[HM_ND_DATEMAX];  /* INMTTIME */
    unsigned long seglen;       /* INMR01 INMLRECL (card length) */
    unsigned long numf;         /* INMNUMF; 0 when absent */
    int has_numf;
    unsigned long version;      /* INMFVERS; 1 when absent */
    int ack_requested;          /* INMFACK present in INMR01 */
    char ackid[65];             /* its identifier, if any */
    char userp[252];            /* INMUSERP of INMR01 or INMR04 */
    /* INMR07: this transmission is an acknowledgement */
    int is_ack;
    char ack_time[HM_ND_DATEMAX]; /* INMR07 INMFTIME */
    char ack_name[HM_ND_NAMEMAX]; /* INMDSNAM ("" with INMTERM) */
    int ack_term;                 /* INMTERM: the mail was received */
    char ack_errcd[65];           /* INMERRCD, "" = success */
    char ack_ackid[65];           /* INMFACK id returned */
} hm_nd_trans;

typedef struct hm_nd_file {
    unsigned long number;       /* file number of its INMR02s */
    int is_message;             /* INMTERM: the mail/message file */
    int is_cms;                 /* CMS file id (INMFFM present) */
    int is_pds;                 /* an IEBCOPY unload (PDS) */
    int ciphered;               /* AMSCIPHR: encrypted, unreadable */
    char name[HM_ND_NAMEMAX];   /* "A.B.C" or "FN FT FM"; "" message */
    char cms_fn[9], cms_ft[9], cms_fm[3]; /* CMS parts (fm: "A1") */
    char ddname[9];             /* INMDDNAM */
    unsigned long nmembers;     /* INMMEMBR: members selected */
    char member1[9];            /* the first of them */
    char utilities[40];         /* INMUTILN of each INMR02, "A B" */
    /* The file as it is to be received (the IEBCOPY INMR02 of a PDS,
     * else the first INMR02): */
    unsigned dsorg;             /* INMDSORG */
    unsigned recfm;             /* INMRECFM (first two bytes) */
    unsigned long lrecl;        /* INMLRECL */
    unsigned long blksize;      /* INMBLKSZ, 0 if absent */
    unsigned long size;         /* INMSIZE (approximate bytes) */
    unsigned long dirblocks;    /* INMDIR */
    unsigned long reccount;     /* INMRECCT */
    int has_reccount;
    char created[HM_ND_DATEMAX];   /* INMCREAT */
    char changed[HM_ND_DATEMAX];   /* INMLCHG */
    char referenced[HM_ND_DATEMAX];/* INMLREF */
    char expires[HM_ND_DATEMAX];   /* INMEXPDT */
    char userp[252];               /* INMUSERP */
    /* The data as transmitted (the INMCOPY INMR02): records are cut
     * by these. */
    unsigned data_recfm;
    unsigned long data_lrecl;
    /* INMR03 */
    int has_r03;
    unsigned r03_recfm, r03_dsorg;
    unsigned long r03_lrecl, r03_size;
    /* Counted while reading */
    unsigned long nrecords;     /* records handed out */
    unsigned long nbytes;       /* their bytes */
    unsigned long ndata;        /* NETDATA data records seen */
    hm_off data_offset;         /* offset of its INMR03 */
} hm_nd_file;

typedef struct hm_nd_opt {
    unsigned long max_record;   /* longest logical record; 0: 1 MiB */
    hm_line_fn info;            /* --info lines, or NULL */
    void *info_ctx;
} hm_nd_opt;

typedef struct hm_nd hm_nd;

/* Open a reader on a byte source (the 80-byte card stream, cards
 * back to back) and read INMR01. fname names the input in messages.
 * opt may be NULL. Returns NULL only when storage is exhausted; a
 * stream that is not NETDATA gives a reader whose first
 * hm_nd_next_file returns -1 (the message is issued at open). */
hm_nd *hm_nd_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                  hm_log *log, const char *fname, const hm_nd_opt *opt);

/* Transmission data (origin, destination, date, acknowledgement). */
const hm_nd_trans *hm_nd_info(const hm_nd *r);

/* Advance to the data of the next file: reads control records up to
 * the next INMR03 (skipping what is left of the current file's
 * data). Returns 1 and sets *f, 0 after INMR06 (end of the
 * transmission) or at the end of a transmission cut short, -1 after
 * an error (reported; the transmission cannot be read further).
 * INMR02 records precede the first INMR03, so after the first call
 * the file table below is complete. */
int hm_nd_next_file(hm_nd *r, const hm_nd_file **f);

/* Number of files announced by INMR02 records so far, and the i-th
 * (0-based, in file number order). Pointers stay valid until
 * hm_nd_close. */
unsigned long hm_nd_file_count(const hm_nd *r);
const hm_nd_file *hm_nd_file_at(const hm_nd *r, unsigned long i);

/* The next record of the current file: for F/FB data the data is
 * cut at LRECL (records may span NETDATA records); for V, VB and U
 * each NETDATA data record is one record (an RDW, if the sender left
 * one, is removed). Returns 1 with *d, *n (valid until the next call
 * on r), 0 at the end of the file's data, -1 after an error. */
int hm_nd_next_record(hm_nd *r, const unsigned char **d, size_t *n);

/* The next NETDATA data record of the current file as it is (for
 * IEBCOPY unloads and for --binary). Do not mix with
 * hm_nd_next_record within one file. Same returns. */
int hm_nd_next_data(hm_nd *r, const unsigned char **d, size_t *n);

/* Byte offset of the first segment of the record last returned. */
hm_off hm_nd_offset(const hm_nd *r);
/* Non-zero once an error made the rest unreadable. */
int hm_nd_failed(const hm_nd *r);
/* Non-zero when the transmission is cut short (it ends before
 * INMR06; a warning was given; nothing was left unread): 1 when the
 * last data record handed out is the cut one (with the bytes that
 * are there), 2 when the end came between records or inside a
 * control record. The readers then return 0 (the end). */
int hm_nd_cut(const hm_nd *r);

void hm_nd_close(hm_nd *r);

/* Describe the transmission as --info lines: opens a reader with
 * opt.info = fn, walks every file (data is counted, not shown) and
 * the IEBCOPY directory of each PDS. Returns 0, or -1 after an
 * error (reported). */
int hm_nd_describe(const hm_alloc *a, hm_read_fn rfn, void *rctx,
                   hm_log *log, const char *fname, hm_line_fn fn,
                   void *ctx);

/* ------------------------------------------------------------------
 * IEBCOPY unload (a PDS inside NETDATA, or a bare unload)
 */
typedef struct hm_ispf {
    unsigned ver, mod;          /* version.modification */
    unsigned flags;
    char created[11];           /* "YYYY-MM-DD" */
    char changed[20];           /* "YYYY-MM-DD HH:MM:SS" */
    unsigned long lines, init, modified;
    char user[9];
} hm_ispf;

typedef struct hm_ieb_member {
    char name[9];               /* execution character set */
    unsigned char name_e[8];    /* as stored (EBCDIC, blank padded) */
    unsigned long ttr;
    int is_alias;               /* C byte X'80' */
    const char *alias_of;       /* main member with the same TTR */
    unsigned nuser;             /* bytes of user data */
    unsigned char user[62];
    int has_ispf;
    hm_ispf ispf;
    int has_data;               /* its data was found */
    unsigned long nblocks;      /* data blocks */
    unsigned long nbytes;       /* data bytes in them */
} hm_ieb_member;

typedef struct hm_ieb hm_ieb;

/* Open a collector; fname names the PDS in messages; max_bytes
 * bounds the unload held (0: 256 MiB). */
hm_ieb *hm_ieb_open(const hm_alloc *a, hm_log *log, const char *fname,
                    unsigned long max_bytes);
/* Give it the unload's records in order (COPYR1 first). Returns 0,
 * or -1 after an error (reported; further records are ignored). */
int hm_ieb_feed(hm_ieb *b, const unsigned char *d, size_t n);
/* Parse what was fed: COPYR1/COPYR2, directory, member data.
 * Returns 0 (possibly with warnings), -1 when the unload is not
 * usable (reported). */
int hm_ieb_finish(hm_ieb *b);

/* Read the rest of the current NETDATA file into a new hm_ieb and
 * finish it. Returns NULL when out of storage (reported); check
 * hm_ieb_failed for a corrupt unload. */
hm_ieb *hm_nd_read_pds(hm_nd *r, const hm_alloc *a, hm_log *log,
                       const char *fname);

int hm_ieb_failed(const hm_ieb *b);
/* Attributes of the PDS from COPYR1: DS1RECFM byte (X'80' F, X'40'
 * V, X'C0' U, X'10' B, ...), LRECL, BLKSIZE, and 1 for a PDSE. */
unsigned hm_ieb_recfm(const hm_ieb *b);
unsigned long hm_ieb_lrecl(const hm_ieb *b);
unsigned long hm_ieb_blksize(const hm_ieb *b);
int hm_ieb_is_pdse(const hm_ieb *b);

/* Members in directory (name) order, aliases included. */
unsigned long hm_ieb_count(const hm_ieb *b);
const hm_ieb_member *hm_ieb_member_at(const hm_ieb *b,
                                      unsigned long i);
/* Index of a member by name (execution character set, case as
 * given, trailing blanks ignored), or -1. */
long hm_ieb_find(const hm_ieb *b, const char *name);
/* Text or binary, from the first 64 KiB of the member's data
 * (hm_cont_looks_text); RECFM U members are binary. The caller's
 * option overrides it. */
int hm_ieb_member_is_text(const hm_ieb *b, unsigned long i);

/* Iterate a member's records: F/FB blocks cut at LRECL, V/VB
 * records without their RDW, U one record per block. With
 * HM_IEB_BLOCKS each block's data is one "record" (for binary
 * output). */
#define HM_IEB_RECORDS 0
#define HM_IEB_BLOCKS 1

typedef struct hm_ieb_iter {
    const hm_ieb *b;
    unsigned long member;
    int mode;
    size_t pos, end;            /* unload offsets of the blocks */
    const unsigned char *blk;   /* current block data */
    size_t blen, bpos;
    unsigned long recno;
    int quiet;                  /* non-zero: no messages */
} hm_ieb_iter;

/* Returns 0, or -1 when the member has no data. */
int hm_ieb_iter_init(const hm_ieb *b, unsigned long i, int mode,
                     hm_ieb_iter *it);
/* Returns 1 with *d, *n; 0 at the member's end; -1 after an error. */
int hm_ieb_iter_next(hm_ieb_iter *it, const unsigned char **d,
                     size_t *n);

/* --info lines for the unload: COPYR1 attributes and one line per
 * member (TTR, alias, ISPF statistics). */
void hm_ieb_describe(const hm_ieb *b, hm_line_fn fn, void *ctx);

void hm_ieb_close(hm_ieb *b);

/* ------------------------------------------------------------------
 * NETDATA writer (tests and fixtures). Writes 80-byte cards; the
 * last card is padded with X'40'. Names and dates are given in the
 * execution character set. No storage is allocated.
 */
typedef struct hm_ndw_head {
    const char *fnode, *fuid;   /* origin */
    const char *tnode, *tuid;   /* destination */
    const char *ftime;          /* "YYYYMMDDHHMMSS..." or NULL */
    unsigned long numf;         /* files that will follow */
    int ack;                    /* request an acknowledgement */
} hm_ndw_head;

typedef struct hm_ndw_file {
    const char *name;           /* "A.B.C", "FN FT FM" (CMS, fm =
                                   letter and digit) or NULL */
    int cms;                    /* name is a CMS file id */
    int message;                /* a mail/message file (INMTERM) */
    unsigned recfm;             /* INMRECFM, e.g. 0x9000, 0x0002 */
    unsigned long lrecl, blksize, size;
    unsigned dsorg;             /* 0: PS */
    const char *changed;        /* INMLCHG digits or NULL */
    const char *created;        /* INMCREAT digits or NULL */
    const char *utility;        /* NULL: INMCOPY */
} hm_ndw_file;

typedef struct hm_ndw {
    hm_write_fn fn;
    void *ctx;
    unsigned char card[80];
    size_t cardlen;
    unsigned char rec[1024];    /* control record being built */
    size_t reclen;
    int err;
    unsigned long cards;
} hm_ndw;

/* INMR01. Returns 0 or -1 (write error or too long a field). */
int hm_ndw_begin(hm_ndw *w, hm_write_fn fn, void *ctx,
                 const hm_ndw_head *h);
/* INMR02 for file number (1-based). */
int hm_ndw_announce(hm_ndw *w, unsigned long number,
                 const hm_ndw_file *f);
/* INMR04 with a user parameter string. */
int hm_ndw_user(hm_ndw *w, const char *userp);
/* INMR03: the data of the next file follows. */
int hm_ndw_data(hm_ndw *w, const hm_ndw_file *f);
/* One data record (any length; split into segments). */
int hm_ndw_record(hm_ndw *w, const unsigned char *d, size_t n);
/* INMR07 acknowledgement (name NULL: the mail file). */
int hm_ndw_ack(hm_ndw *w, const char *ftime, const char *name,
               const char *errcd);
/* INMR06 and the padding of the last card. */
int hm_ndw_end(hm_ndw *w);
/* A raw segment (tests of damaged input): len is written as given. */
int hm_ndw_segment(hm_ndw *w, unsigned len, unsigned flags,
                   const unsigned char *d, size_t n);

/* ------------------------------------------------------------------
 * VMARC archives (CMS). The whole archive is held in memory (at most
 * max_bytes, default 256 MiB) plus about 60 KB of decoder tables.
 * Members are found by their ':CFF    ' eye-catchers. Stored (ASIS),
 * LZW and S2 members with RECFM F and V are decoded.
 */
#define HM_VMA_LZW 0
#define HM_VMA_S2 1
#define HM_VMA_ASIS 2

typedef struct hm_vma_member {
    char fn[9], ft[9], fm[3];   /* execution character set */
    char name[21];              /* "FN FT FM" */
    int recfm;                  /* 'F' or 'V' (execution charset) */
    unsigned long lrecl;
    char date[20];              /* "YYYY-MM-DD HH:MM:SS" */
    int method;                 /* HM_VMA_LZW, _S2 or _ASIS */
    unsigned ver, rel, flags;
    size_t hdr_off;             /* offset of the eye-catcher */
    size_t data_off, data_end;  /* the member's data bytes */
} hm_vma_member;

typedef struct hm_vma hm_vma;

/* Read the archive from a source and find its members. Returns NULL
 * when out of storage (reported); check hm_vma_failed. */
hm_vma *hm_vma_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                    hm_log *log, const char *fname,
                    unsigned long max_bytes);
int hm_vma_failed(const hm_vma *v);
unsigned long hm_vma_count(const hm_vma *v);
const hm_vma_member *hm_vma_member_at(const hm_vma *v,
                                      unsigned long i);
/* By "FN FT FM" or "FN FT" (execution charset, case as given). */
long hm_vma_find(const hm_vma *v, const char *name);
/* Start reading member i (one member at a time). 0 or -1. */
int hm_vma_select(hm_vma *v, unsigned long i);
/* The next record of the selected member: 1 with *d, *n (valid
 * until the next call), 0 at its end, -1 after an error (reported;
 * the rest of the member is not read). */
int hm_vma_next_record(hm_vma *v, const unsigned char **d, size_t *n);
/* --info lines: one per member. */
void hm_vma_describe(const hm_vma *v, hm_line_fn fn, void *ctx);
void hm_vma_close(hm_vma *v);

#endif
