/*
 * ovvm.h - the OfficeVision/VM (PROFS) and CMS NOTE parsing core:
 * notebooks (ALL NOTEBOOK ...), reader mail files, NAMES files and
 * documents (DCA RFT/FFT, plain text, SCRIPT source).
 *
 * The parsers take host records (bytes in the store CCSID), convert
 * each record to UTF-8 with an hm_cpconv first and then parse UTF-8
 * with numeric byte constants. What they find is handed to the
 * caller as hm_item values (hm_item.h) through an hm_ov_item_fn.
 * Nothing here calls the operating system; storage comes from the
 * caller's allocator; memory is bounded (see each part).
 *
 * The layout of notebooks and the NAMES tag list are not publicly
 * documented ([U], see extractors/ovvm/NOTES.md). The rules are kept as
 * data (hm_ov_rules) so that they can be changed without code.
 */
#ifndef HM_OVVM_H
#define HM_OVVM_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_cp.h"
#include "hm_item.h"

/* ------------------------------------------------------------------
 * Rules (data)
 */

/* Header keyword roles. */
#define HM_OV_R_OTHER 0     /* kept only with keep_header */
#define HM_OV_R_DATE 1      /* starts a note */
#define HM_OV_R_FROM 2
#define HM_OV_R_TO 3
#define HM_OV_R_CC 4
#define HM_OV_R_BCC 5
#define HM_OV_R_SUBJECT 6
#define HM_OV_R_REPLYTO 7
#define HM_OV_R_SENDER 8    /* From when there is no From */
#define HM_OV_R_PRIO 9      /* Importance, Priority, X-Priority */

/* A header keyword: name in ASCII/UTF-8 bytes, upper case, no colon
 * (compared without regard to ASCII case). */
typedef struct hm_ov_kw {
    const char *name;
    int role;
} hm_ov_kw;

/* Date form elements (see extractors/ovvm/NOTES.md). A form is a list of
 * elements ended by HM_OV_D_END; optional elements may match
 * nothing. */
#define HM_OV_D_END 0
#define HM_OV_D_WDAY 1      /* optional weekday name [,|.] */
#define HM_OV_D_DAY 2       /* 1-2 digits, 1..31 */
#define HM_OV_D_MON 3       /* month name [.] */
#define HM_OV_D_MNUM 4      /* 1-2 digits, 1..12 */
#define HM_OV_D_YEAR 5      /* 2 digits (windowed) or 4 digits */
#define HM_OV_D_YEAR4 6     /* 4 digits */
#define HM_OV_D_SLASH 7     /* "/" */
#define HM_OV_D_DOT 8       /* "." */
#define HM_OV_D_DASH 9      /* "-" */
#define HM_OV_D_COMMA 10    /* optional "," */
#define HM_OV_D_ODOT 11     /* optional "." */
#define HM_OV_D_TIME 12     /* optional [T] HH:MM[:SS][.frac] [AM|PM]
                             * (":" or "." throughout) */
#define HM_OV_D_ZONE 13     /* optional +hhmm, -hhmm or a zone name */
#define HM_OV_D_NMAX 12

typedef struct hm_ov_datefmt {
    unsigned char el[HM_OV_D_NMAX];
} hm_ov_datefmt;

typedef struct hm_ov_rules {
    const hm_ov_kw *kw;         /* known header keywords */
    size_t nkw;
    int any_keyword;            /* 1: other RFC 822 field names
                                 * ("X-Mailer:") are headers too */
    const unsigned char *sep;   /* separator record bytes (ASCII) */
    size_t nsep;
    size_t sep_min;             /* shortest separator record */
    int need_sep;               /* 1: a note starts only after a
                                 * separator record (not a blank one) */
    unsigned long need_roles;   /* a Date: block inside a body starts
                                 * a new note only when it has one of
                                 * these roles (bit 1 << role) */
    const hm_ov_datefmt *dates; /* date forms, tried in order */
    size_t ndates;
} hm_ov_rules;

/* The built-in rules (extractors/ovvm/NOTES.md lists them). */
const hm_ov_rules *hm_ov_default_rules(void);

/* ------------------------------------------------------------------
 * Options
 */
#define HM_OV_NOZONE (-100000L)

typedef struct hm_ov_opt {
    const hm_ov_rules *rules;   /* NULL: hm_ov_default_rules() */
    unsigned pivot;             /* 2-digit years: yy < pivot -> 20yy,
                                 * else 19yy (default 50) */
    int shift;                  /* 1: dates with a known zone are
                                 * shifted to zone_min */
    long zone_min;              /* target offset, minutes east of UTC */
    unsigned long max_note;     /* bytes of one note held (4 MiB);
                                 * larger notes are split into parts */
    unsigned long max_names;    /* bytes of a NAMES file held (64 MiB) */
    const char *owner;          /* the account's userid (execution
                                 * character set) or NULL */
    const char *owner_node;     /* its node, or NULL */
    const char *local_node;     /* node for NAMES entries without
                                 * :node. (NULL: owner_node) */
    int sent_folder;            /* 1 (default): notes from the owner
                                 * go to "Sent Items" */
    int keep_header;            /* 1: the body starts with the note's
                                 * header records as they were */
} hm_ov_opt;

void hm_ov_opt_init(hm_ov_opt *o);

/* ------------------------------------------------------------------
 * Output: items with what the parser knows about them
 */
typedef struct hm_ov_entry hm_ov_entry;

typedef struct hm_ov_meta {
    unsigned long first_rec;    /* records of the source (1-based) */
    unsigned long last_rec;
    unsigned part;              /* 0 whole; 1, 2 ...: part of a split
                                 * note */
    int raw;                    /* 1: header not parsed, the body is
                                 * the raw note */
    int sent;                   /* 1: From is the owner */
    int date_ok;                /* 1: the date was recognized */
    int cut;                    /* 1: the note ends where its file is
                                 * cut short (hm_ov_nb_cut) */
    const hm_ov_entry *entry;   /* NAMES items: the entry */
} hm_ov_meta;

/* Receives one item; the item and everything it points to are valid
 * during the call only. Return 0 to go on, non-zero to stop (the
 * parser then returns -1 without a message). */
typedef int (*hm_ov_item_fn)(void *ctx, const hm_item *item,
                             const hm_ov_meta *meta);

/* A record source for the mail file helper: 1 with *d, *n; 0 at
 * the end; 2 at the end of a file cut short (its last record, already
 * delivered, is flagged: hm_ov_nb_cut); -1 on an error (already
 * reported). */
typedef int (*hm_ov_rec_fn)(void *ctx, const unsigned char **d,
                            size_t *n);

/* ------------------------------------------------------------------
 * Dates and addresses (UTF-8 in)
 */

/* Parse a date. Returns the index of the form that matched (>= 0)
 * and sets *t (and *zone to minutes east of UTC, or HM_OV_NOZONE),
 * or -1 (t cleared). opt may be NULL (pivot 50, no shift). */
int hm_ov_parse_date(const unsigned char *s, size_t n,
                     const hm_ov_opt *opt, hm_time *t, long *zone);

/* One parsed address. */
#define HM_OV_A_NAME 0      /* a name only (nickname, free text) */
#define HM_OV_A_PROFS 1     /* userid at node: PROFS:NODE(USERID) */
#define HM_OV_A_SMTP 2      /* a@b.c: SMTP:a@b.c */

typedef struct hm_ov_addr {
    hm_addr a;                  /* display name, TYPE:address */
    int kind;                   /* HM_OV_A_* */
    hm_text user, node;         /* PROFS: the parts; SMTP: local part
                                 * and domain */
} hm_ov_addr;

/* Bytes of buf hm_ov_parse_addrs needs for n bytes of input. */
#define HM_OV_ABUF(n) (16 * (n) + 64)

/* Parse an address list (CMS "userid at node" forms, lists separated
 * by commas or blanks, RFC 822 "Name <a@b>", quoted names, comments).
 * At most max addresses go to out; their texts are built in buf
 * (cap bytes, at least HM_OV_ABUF(n)). Returns the number of
 * addresses found (may exceed max; only max are stored). */
size_t hm_ov_parse_addrs(const unsigned char *s, size_t n,
                         hm_ov_addr *out, size_t max,
                         unsigned char *buf, size_t cap);

/* Execution character set text to ASCII bytes (the invariant
 * characters; others become '?', X'3F'). Returns the length; out
 * gets at most cap bytes. And the reverse (ASCII/UTF-8 to the
 * execution character set; bytes outside printable ASCII become
 * '?'), always terminated. */
size_t hm_ov_x2a(const char *s, unsigned char *out, size_t cap);
size_t hm_ov_a2x(const unsigned char *s, size_t n, char *out,
                 size_t cap);

/* ------------------------------------------------------------------
 * Notebooks and reader mail files
 */
typedef struct hm_ov_nb hm_ov_nb;

#define HM_OV_NOTEBOOK 0    /* a notebook: many notes */
#define HM_OV_MAILFILE 1    /* a reader mail file: one unread note */

typedef struct hm_ov_nbstats {
    unsigned long records;      /* records fed */
    unsigned long notes;        /* messages handed out (parts count) */
    unsigned long raw;          /* of them with an unparsed header */
    unsigned long split;        /* notes split into parts */
    unsigned long nodate;       /* notes without a recognized date */
    unsigned long sent;         /* notes from the owner */
    unsigned long skipped;      /* blank and separator records
                                 * between notes */
    unsigned long cut;          /* notes ending where the file is cut
                                 * short */
} hm_ov_nbstats;

/* Open a notebook parser. cv converts the records to UTF-8 (NULL:
 * the records are UTF-8 already). fname names the file in messages
 * (execution character set; kept until close). folder/nfolder: the
 * folder of the notes (nfolder 0: Inbox; hm_ov_nb_folder gives the
 * default); copied. mode: HM_OV_NOTEBOOK or HM_OV_MAILFILE. opt may
 * be NULL. Returns NULL when out of storage (reported). */
hm_ov_nb *hm_ov_nb_open(const hm_alloc *a, hm_cpconv *cv, hm_log *log,
                        const char *fname, const hm_text *folder,
                        size_t nfolder, int mode, const hm_ov_opt *opt,
                        hm_ov_item_fn fn, void *ctx);

/* Feed one record (host bytes). Notes are handed out as soon as
 * they are complete. Returns 0, or -1 when the callback asked to
 * stop or storage ran out (reported). */
int hm_ov_nb_record(hm_ov_nb *nb, const unsigned char *rec, size_t n);

/* The file is cut short at its end (the record reader said so: the
 * record fed last is cut, or the file ends in a descriptor after
 * it). Call before hm_ov_nb_finish. The note that holds the last
 * record is kept: raw (HMG0500W) when its header block had not
 * ended, else parsed (HMG0505W); meta.cut marks it. 0 or -1. */
int hm_ov_nb_cut(hm_ov_nb *nb);

/* End of the file: the last note is handed out. 0 or -1. */
int hm_ov_nb_finish(hm_ov_nb *nb);

const hm_ov_nbstats *hm_ov_nb_stats(const hm_ov_nb *nb);
void hm_ov_nb_close(hm_ov_nb *nb);

/* The default folder of a notebook from its CMS file id ("ALL
 * NOTEBOOK A1", "ALL NOTEBOOK", "ALL.NOTEBOOK": execution character
 * set): the file name, "ALL". Written as ASCII to out (cap bytes).
 * Returns the length (0: no name). */
size_t hm_ov_nb_folder(const char *fileid, unsigned char *out,
                       size_t cap);

/* A reader mail file (NETDATA with INMTERM) from a record source:
 * one unread Inbox message. Returns 0 or -1. */
int hm_ov_mailfile(const hm_alloc *a, hm_cpconv *cv, hm_log *log,
                   const char *fname, const hm_ov_opt *opt,
                   hm_ov_rec_fn next, void *rctx, hm_ov_item_fn fn,
                   void *ctx);

/* Any other reader file: an unread Inbox message from the sender
 * with the file attached. Names are in the execution character
 * set. */
typedef struct hm_ov_rdrfile {
    const char *fn, *ft;        /* CMS file name and type */
    const char *from_user;      /* origin (NETDATA INMFUID) */
    const char *from_node;      /* INMFNODE */
    const char *ftime;          /* INMFTIME digits (GMT) or NULL */
    hm_text body;               /* text body (UTF-8), e.g. the text of
                                 * a document; empty: a line naming
                                 * the file */
    hm_data data;               /* the file, attached as it is */
    const char *att_name;       /* NULL: "FN.FT" */
} hm_ov_rdrfile;

int hm_ov_rdrfile_item(const hm_ov_rdrfile *f, const hm_ov_opt *opt,
                       hm_ov_item_fn fn, void *ctx);

/* ------------------------------------------------------------------
 * NAMES files (also OFSUAD FILE, the system nickname file)
 */
typedef struct hm_ov_names hm_ov_names;

typedef struct hm_ov_tag {
    hm_text name;               /* tag name, lower case, no : or . */
    hm_text value;              /* blanks collapsed, trimmed */
} hm_ov_tag;

struct hm_ov_entry {
    hm_text nick;
    hm_text display;            /* :name. or the nickname */
    hm_text userid, node;       /* :userid. :node. (may be empty) */
    hm_text email;              /* TYPE:address, or empty */
    int is_list;                /* has :list. */
    const hm_ov_tag *tags;      /* all tags in order */
    size_t ntags;
    const hm_text *members;     /* lists, after hm_ov_names_finish:
                                 * members resolved and flattened */
    size_t nmembers;
    unsigned long first_rec;
};

hm_ov_names *hm_ov_names_open(const hm_alloc *a, hm_cpconv *cv,
                              hm_log *log, const char *fname,
                              const hm_ov_opt *opt);
/* Feed one record (host bytes). 0, or -1 (storage; reported). */
int hm_ov_names_record(hm_ov_names *nm, const unsigned char *rec,
                       size_t n);
/* End of the file: resolves the lists. 0 or -1. */
int hm_ov_names_finish(hm_ov_names *nm);

unsigned long hm_ov_names_count(const hm_ov_names *nm);
const hm_ov_entry *hm_ov_names_at(const hm_ov_names *nm,
                                  unsigned long i);
/* Index of a nickname (ASCII case ignored), or -1. */
long hm_ov_names_find(const hm_ov_names *nm, const unsigned char *nick,
                      size_t n);
/* Index of the first entry with this userid and node (node NULL or
 * empty: any), or -1: display names for the directory. */
long hm_ov_names_find_user(const hm_ov_names *nm,
                           const unsigned char *user, size_t nu,
                           const unsigned char *node, size_t nn);
/* The value of a tag of an entry (name lower case ASCII bytes):
 * 1 with *v, or 0. */
int hm_ov_names_tag(const hm_ov_entry *e, const unsigned char *tag,
                    size_t n, hm_text *v);
/* Notebooks named by :notebook. tags, distinct, in order. */
unsigned long hm_ov_names_notebooks(const hm_ov_names *nm);
hm_text hm_ov_names_notebook_at(const hm_ov_names *nm,
                                unsigned long i);
/* PAB items (entries and lists, file order) to fn. 0 or -1. */
int hm_ov_names_pab(hm_ov_names *nm, hm_ov_item_fn fn, void *ctx);
void hm_ov_names_close(hm_ov_names *nm);

/* ------------------------------------------------------------------
 * Documents
 */
#define HM_DOC_BINARY 0     /* attachment only */
#define HM_DOC_TEXT 1       /* plain text records */
#define HM_DOC_SCRIPT 2     /* SCRIPT/DCF or GML source: text */
#define HM_DOC_RFT 3        /* DCA Revisable-Form-Text */
#define HM_DOC_FFT 4        /* DCA Final-Form-Text */
#define HM_DOC_AUTO 5       /* decide from the content */

/* Filetype -> kind (filetype in the execution character set, upper
 * case). */
typedef struct hm_doc_ft {
    const char *ft;
    int kind;
} hm_doc_ft;

/* The kind of a document: the filetype looked up in table (NULL:
 * the built-in table), then table misses and HM_DOC_AUTO decided
 * from the first n bytes (RFT signature, text, binary). */
int hm_doc_kind(const char *ft, const unsigned char *head, size_t n,
                const hm_doc_ft *table, size_t ntable);

/* DCA text extraction: a push parser over the stream (records of a
 * stored RFT/FFT are concatenated without their RDWs, [U]). Needs no
 * storage. UTF-8 text goes to out. */
#define HM_DCA_MARGIN 1     /* flag: include margin (header/footer)
                             * text */
#define HM_DCA_NOFF 2       /* flag: page ends are line ends, not
                             * form feeds */

typedef struct hm_dca {
    int kind;                   /* HM_DOC_RFT or HM_DOC_FFT */
    int flags;
    hm_cpconv *cv;
    hm_write_fn out;
    void *octx;
    hm_log *log;
    const char *fname;
    hm_off pos;                 /* bytes fed so far */
    int st;                     /* private from here on */
    unsigned char hdr[5];
    unsigned hn;
    unsigned long left;         /* field data bytes still to come */
    int text;                   /* the field carries text */
    int cst;                    /* text control state */
    unsigned cclass, ctype, cleft;
    unsigned char clast;
    int bol;                    /* at the start of a line */
    int stopped;
    int err;
    unsigned long nwarn;
    unsigned long nfields;
    unsigned char obuf[512];
    size_t on;
} hm_dca;

void hm_dca_init(hm_dca *d, int kind, int flags, hm_cpconv *cv,
                 hm_write_fn out, void *octx, hm_log *log,
                 const char *fname);
/* 0, or -1 when out failed (the document is then finished). */
int hm_dca_feed(hm_dca *d, const unsigned char *p, size_t n);
/* Flush; reports a stream that ends inside a field. 0 or -1. */
int hm_dca_finish(hm_dca *d);

/* One text record to UTF-8 text with a line end (LF); a U+0085 that
 * survives conversion becomes LF. out needs 3 * n + 1 bytes.
 * Returns the length. cv NULL: the record is UTF-8 already. */
size_t hm_doc_text_record(hm_cpconv *cv, const unsigned char *rec,
                          size_t n, unsigned char *out);

#endif
