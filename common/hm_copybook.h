/*
 * hm_copybook.h - a COBOL copybook subset parser (declared record
 * layouts for stores whose format was never published: MEMO, TAO,
 * PROFS calendars; see common/LAYOUTS.md).
 *
 * Text. A copybook arrives as host text. The parser takes it as
 * bytes in a DECLARED code page: cp == NULL means ASCII / UTF-8 (a
 * copybook moved to the PC as text), otherwise a single-byte EBCDIC
 * page (hm_cp_builtin(37), (1047), ...; the copybook as it is on the
 * host). Every byte is first turned into a Unicode value and only
 * then parsed, with numeric constants, so the parser means the same
 * whatever the compiler's execution character set is. Line ends: LF
 * (CR LF) in ASCII; X'15' NL and X'25' LF in EBCDIC. Tabs count as
 * one blank column.
 *
 * Reference format (default): columns 1-6 (sequence area) and
 * 73-80 are ignored; column 7 '*' or '/' makes a comment line, 'D'
 * a debugging line (ignored), '-' a continuation line; code is in
 * columns 8-72. HM_CB_FREE: the whole line is code, a line whose
 * first non-blank is '*' is a comment, no continuation.
 *
 * Supported: levels 01-49 (an implicit unnamed 01 is added when the
 * copybook starts below 01), 88 condition names (VALUE[S] with one
 * or more literals and THRU/THROUGH ranges), FILLER or no name,
 * PIC[TURE] [IS] with X, A, 9, S, V and repeat counts (X(n), 9(5)V99,
 * S9(3)V9(2), XXX, 999), USAGE [IS] DISPLAY, COMP, COMP-4, BINARY
 * (big-endian, 2/4/8 bytes for 1-4/5-9/10-18 digits), COMP-3 or
 * PACKED-DECIMAL, COMP-5 (big-endian, full binary range), the long
 * forms COMPUTATIONAL-n, usage on a group (inherited), SIGN [IS]
 * LEADING/TRAILING (not SEPARATE), OCCURS n [TIMES], OCCURS m TO n
 * [TIMES] DEPENDING [ON] name, ASCENDING/DESCENDING [KEY] [IS] names
 * and INDEXED [BY] names (no effect on the layout), REDEFINES,
 * VALUE on items (ignored), periods, continuation, EJECT, SKIP1-3.
 * Everything else is refused with a message naming the copybook
 * line and the clause (COMP-1, COMP-2, SIGN SEPARATE, SYNC,
 * JUSTIFIED, BLANK WHEN ZERO, POINTER, INDEX, NATIONAL, edited or P
 * pictures, levels 66 and 77, COPY, REPLACE, ...). The first error
 * ends the parse: the copybook is refused as a whole.
 *
 * Layout. Offsets are computed for the maximum number of
 * occurrences of every table; the decoder (hm_layout.h) moves the
 * items behind a variable table per record. Every 01 starts at
 * offset 0 (several 01s describe several record kinds).
 *
 * Names are kept upper-cased in the execution character set (they
 * are A-Z, 0-9, '-' and '_' only), so they can go into messages and
 * listings directly. Literals of VALUE clauses are kept as UTF-8
 * (text), as raw host bytes (X'..') or as numbers.
 */
#ifndef HM_COPYBOOK_H
#define HM_COPYBOOK_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_cp.h"

#define HM_CB_NAMEMAX 30       /* characters of a COBOL word */
#define HM_CB_MAXDIM 7         /* nested OCCURS levels */
#define HM_CB_MAXSIZE 16777215ul /* largest item or table, bytes */
#define HM_NUM_MAXDIG 32       /* digits of a decoded number */

/* parse flags */
#define HM_CB_FREE 1           /* free format: no sequence area */

/* item kinds */
#define HM_CB_GROUP 0
#define HM_CB_ALNUM 1          /* PIC X / A */
#define HM_CB_ZONED 2          /* PIC 9 DISPLAY */
#define HM_CB_PACKED 3         /* COMP-3 */
#define HM_CB_BINARY 4         /* COMP, COMP-4, BINARY, COMP-5 */

/* usages */
#define HM_CB_DISPLAY 0
#define HM_CB_COMP 1           /* COMP, COMP-4, BINARY */
#define HM_CB_COMP3 3
#define HM_CB_COMP5 5

/* OCCURS */
#define HM_CB_OCC_NONE 0
#define HM_CB_OCC_FIXED 1
#define HM_CB_OCC_ODO 2

/* A decimal number: sign, digits, implied decimals. The value is
 * (-1)^neg * digits * 10^-scale. Zero has ndig 0 and neg 0. */
typedef struct hm_num {
    int neg;
    int scale;
    int ndig;
    unsigned char dig[HM_NUM_MAXDIG]; /* 0..9, most significant first */
} hm_num;

/* One data item (levels 01-49). Read-only for users. */
typedef struct hm_cbfield {
    char name[HM_CB_NAMEMAX + 1]; /* execution charset; "" = FILLER */
    int level;
    int depth;                  /* 0 for an 01 */
    int parent, child, next;    /* indexes, -1 = none */
    int root;                   /* index of its 01 */
    int redefines;              /* index of the redefined item, -1 */
    int kind;                   /* HM_CB_GROUP .. HM_CB_BINARY */
    int usage;                  /* HM_CB_DISPLAY .. HM_CB_COMP5 */
    int digits, scale;          /* numeric items */
    int sign;                   /* 0 unsigned, 1 S */
    int sign_lead;              /* SIGN LEADING */
    int occurs;                 /* HM_CB_OCC_* */
    unsigned long occ_min, occ_max; /* 1, 1 without OCCURS */
    int odo;                    /* index of the DEPENDING ON object */
    int ndim;                   /* OCCURS on it and its ancestors */
    int variable;               /* its size depends on an ODO */
    unsigned long size;         /* one occurrence, maximum */
    unsigned long offset;       /* first occurrence, static */
    unsigned long line;         /* copybook line of its entry */
    int cond, ncond;            /* its 88s: hm_cbcond indexes */
} hm_cbfield;

/* VALUE literals (of 88s and of profile conditions). */
#define HM_CBV_TEXT 1           /* 'abc': UTF-8 bytes in the pool */
#define HM_CBV_HEX 2            /* X'C1C2': host bytes in the pool */
#define HM_CBV_NUM 3            /* 12, -1.5 */
#define HM_CBV_SPACE 4          /* SPACE, SPACES */
#define HM_CBV_ZERO 5           /* ZERO, ZEROS, ZEROES */
#define HM_CBV_LOW 6            /* LOW-VALUE(S): X'00' */
#define HM_CBV_HIGH 7           /* HIGH-VALUE(S): X'FF' */

typedef struct hm_cblit {
    int kind;
    size_t off, len;            /* TEXT and HEX: bytes in the pool */
    hm_num num;                 /* NUM */
} hm_cblit;

typedef struct hm_cbval {
    hm_cblit lo, hi;
    int thru;                   /* hi is valid */
} hm_cbval;

typedef struct hm_cbcond {
    char name[HM_CB_NAMEMAX + 1];
    int field;                  /* the conditional variable */
    int val, nval;              /* hm_cbval indexes */
    unsigned long line;
} hm_cbcond;

typedef struct hm_copybook {
    hm_cbfield *f;
    int nf;
    hm_cbcond *c;
    int nc;
    hm_cbval *v;
    int nv;
    unsigned char *pool;
    size_t npool;
    hm_alloc al;
} hm_copybook;

/* Parse a copybook. text/len in code page cp (NULL: ASCII/UTF-8);
 * flags HM_CB_FREE or 0; name names the copybook in messages (kept
 * only during the call). Returns NULL after a message when the
 * copybook is refused or storage is exhausted. */
hm_copybook *hm_cb_parse(const hm_alloc *a, const unsigned char *text,
                         size_t len, const hm_cpage *cp, int flags,
                         hm_log *log, const char *name);
void hm_cb_free(hm_copybook *cb);

/* Find an item by a qualified name "NAME [OF|IN NAME]..." given in
 * code page cp (NULL: ASCII/UTF-8; case does not matter). Returns
 * its index, -1 when no item has that name, -2 when the name is
 * ambiguous, -3 when the text is not a name. hm_cb_findcond does
 * the same for 88 condition names ("COND [OF item]..."). */
int hm_cb_find(const hm_copybook *cb, const unsigned char *qname,
               size_t len, const hm_cpage *cp);
int hm_cb_findcond(const hm_copybook *cb, const unsigned char *qname,
                   size_t len, const hm_cpage *cp);

/* The OCCURS items from the outermost to f itself (at most
 * HM_CB_MAXDIM); returns their number (== cb->f[f].ndim). */
int hm_cb_dims(const hm_copybook *cb, int f, int *dims);

/* Find by a qualified name already split into upper-cased words in
 * the execution charset: names[0] OF names[1] ... (k words). Same
 * results as hm_cb_find. */
int hm_cb_lookup(const hm_copybook *cb, const char (*names)[32], int k,
                 int cond);

/* ---- shared with layout.c and profile.c ---- */

/* Compare two numbers; returns <0, 0, >0. */
int hm_num_cmp(const hm_num *a, const hm_num *b);
/* The scaled integer (digits without the point) as a long: 0, or
 * -1 when it does not fit into 32 bits. */
int hm_num_long(const hm_num *n, long *v);
/* Format as "-123.45" in the execution character set (buf at least
 * HM_NUM_MAXDIG + 4 bytes). Returns buf. */
char *hm_num_fmt(const hm_num *n, char *buf);

/* ASCII byte (0x20-0x7E) to the execution character set; other
 * bytes become '?'. hm_asc_exec converts n bytes into buf (cap
 * bytes, terminated) and returns buf. */
char hm_asc_char(unsigned char b);
char *hm_asc_exec(const unsigned char *s, size_t n, char *buf,
                  size_t cap);

/* Text in code page cp (NULL: ASCII/UTF-8) to UTF-8: *out is
 * allocated (free with HM_FREE), *outlen set. Returns 0, -1 when
 * storage is exhausted. EBCDIC NL/LF become X'0A'. */
int hm_cb_utf8(const hm_alloc *a, const unsigned char *text,
               size_t len, const hm_cpage *cp, unsigned char **out,
               size_t *outlen);

/* A growing byte pool for literals. */
typedef struct hm_cbpool {
    unsigned char *p;
    size_t n, cap;
    const hm_alloc *a;
} hm_cbpool;

/* A token scanner over UTF-8 text (used by the profile parser). */
#define HM_TK_END 0
#define HM_TK_WORD 1            /* COBOL word, number or picture */
#define HM_TK_ALIT 2            /* 'x' or "x": pos/len without quotes */
#define HM_TK_XLIT 3            /* X'..': hex digits */
#define HM_TK_PERIOD 4          /* a separator period */
#define HM_TK_BAD 5             /* an unclosed literal */
#define HM_TK_OP 6              /* = < > ( ) , as single tokens */

typedef struct hm_cbtok {
    int type;
    size_t pos, len;
} hm_cbtok;

/* Scan the token at *pos in s[0..n); ops non-zero: '=', '<', '>',
 * '(', ')' and ',' are tokens of their own (profile syntax). */
void hm_cb_token(const unsigned char *s, size_t n, size_t *pos,
                 int ops, hm_cbtok *t);
/* The token as an upper-cased word in the execution charset (buf
 * of cap bytes); returns 0, or -1 when it is not a plain word of at
 * most cap-1 characters of A-Z 0-9 - _. */
int hm_cb_word(const unsigned char *s, const hm_cbtok *t, char *buf,
               size_t cap);
/* Parse a numeric literal token ("12", "-1.5", "+3"): 0 or -1. */
int hm_cb_numlit(const unsigned char *s, const hm_cbtok *t,
                 hm_num *n);
/* A literal token (alphanumeric, X'..', numeric or a figurative
 * constant word) into lit, with its bytes added to pool. Returns 0,
 * -1 when the token is no literal (or ALL), -2 when storage is
 * exhausted. */
int hm_cb_lit(hm_cbpool *pool, const unsigned char *s,
              const hm_cbtok *t, hm_cblit *lit);

#endif
