/*
 * hm_profile.h - store profiles: how the records of an unloaded store
 * (described by a copybook) map onto hostmig's item model, and the
 * --inspect listing. The syntax is in common/LAYOUTS.md.
 *
 * A profile is read in two steps: hm_prof_parse checks the syntax
 * (no copybook needed: the profile names it), hm_prof_bind resolves
 * the field names against the parsed copybook. Both report every bad
 * line with a message naming the profile and the line, and fail.
 *
 * Text is taken in a declared code page like copybooks (cp NULL:
 * ASCII/UTF-8, else an EBCDIC page).
 */
#ifndef HM_PROFILE_H
#define HM_PROFILE_H

#include "hm_layout.h"
#include "hm_rec.h"

/* item kinds */
#define HM_IT_ACCOUNT 1
#define HM_IT_FOLDER 2
#define HM_IT_MESSAGE 3
#define HM_IT_TEXT 4        /* text lines of a message */
#define HM_IT_ATTACH 5      /* attachment chunks */
#define HM_IT_PAB 6         /* personal address book entry */
#define HM_IT_DL 7          /* distribution list */
#define HM_IT_MEMBER 8      /* distribution list member */
#define HM_IT_CALENDAR 9
#define HM_IT_BBOARD 10     /* bulletin-board message */
#define HM_IT_DIRECTORY 11  /* directory object */
#define HM_IT_SKIP 12       /* records to pass over */
#define HM_IT_COUNT 13

/* what a role's field must give */
#define HM_RK_TEXT 1        /* text (any item) */
#define HM_RK_KEY 2         /* a key: text or number (any item) */
#define HM_RK_NUM 3         /* a number (zoned, packed, binary) */
#define HM_RK_DATE 4        /* a date: needs a date form */
#define HM_RK_TIME 5        /* a time: needs a time form */
#define HM_RK_STAMP 6       /* date and time: STAMP, STCK or a date */
#define HM_RK_BYTES 7       /* raw bytes (attachment data) */

typedef struct hm_roledef {
    int item;               /* HM_IT_* */
    const char *name;       /* execution charset, lower case */
    int kind;               /* HM_RK_* */
} hm_roledef;

/* The role table (data): *n entries. */
const hm_roledef *hm_prof_roles(int *n);
/* Index of role name (exec charset, lower case) of an item kind, or
 * -1. Name of an item kind ("message"), or "". */
int hm_prof_role(int item, const char *name);
const char *hm_prof_itemname(int item);

/* One role of a record type bound to a field or a constant. */
typedef struct hm_pmap {
    int role;               /* index into the role table */
    int field;              /* copybook item; -1: a constant */
    unsigned long subs[HM_CB_MAXDIM];
    int nsubs;              /* given; the remaining levels iterate */
    int form;               /* HM_DF_* or 0 */
    size_t off, len;        /* constant (UTF-8) or field name text */
    unsigned long line;
} hm_pmap;

/* One "when" test; all tests of a type must hold. */
typedef struct hm_pcond {
    int field;              /* item compared with the values, or -1 */
    int cond;               /* or an 88 condition name, or -1 */
    int negate;             /* <> or NOT */
    unsigned long subs[HM_CB_MAXDIM];
    int nsubs;
    int val, nval;          /* hm_cbval indexes (values in the pool) */
    size_t off, len;        /* name text until bound */
    unsigned long line;
} hm_pcond;

typedef struct hm_ptype {
    char name[HM_CB_NAMEMAX + 1];  /* execution charset */
    int item;               /* HM_IT_* */
    int root;               /* the 01 it is decoded with */
    int cond, ncond;
    int map, nmap;
    size_t roff, rlen;      /* "record =" name text, rlen 0: none */
    unsigned long line;
} hm_ptype;

typedef struct hm_profile {
    char store[HM_CB_NAMEMAX + 1]; /* "name =", execution charset */
    unsigned ccsid;         /* "codepage =", default 37 */
    int window;             /* "year-window =", default 1950 */
    long tod_leap;          /* "tod-leap-seconds =", default 0 */
    size_t cboff, cblen;    /* "copybook =" text (UTF-8 in pool) */
    size_t roff, rlen;      /* [store] "record =" */
    hm_ptype *t;
    int nt;
    hm_pcond *c;
    int nc;
    hm_cbval *v;
    int nv;
    hm_pmap *m;
    int nm;
    unsigned char *pool;
    size_t npool;
    hm_alloc al;
} hm_profile;

hm_profile *hm_prof_parse(const hm_alloc *a, const unsigned char *text,
                          size_t len, const hm_cpage *cp, hm_log *log,
                          const char *name);
int hm_prof_bind(hm_profile *p, const hm_copybook *cb, hm_log *log,
                 const char *name);
void hm_prof_free(hm_profile *p);

/* The "copybook =" value in the execution charset (buf, cap bytes;
 * "" when absent). */
char *hm_prof_copybook(const hm_profile *p, char *buf, size_t cap);

/* The first type whose tests all hold for the record set in r
 * (decoding errors make a test fail, quietly), or -1. */
int hm_prof_type(const hm_profile *p, hm_lrec *r);
/* The binding of role (a role table index) in type t, or NULL. */
const hm_pmap *hm_prof_map(const hm_profile *p, int t, int role);

/* ---- --inspect ---- */

/* One listing line, execution charset, without a line end. */
typedef void (*hm_line_fn)(void *ctx, const char *line, size_t len);
/* A record source: 1 and the record, 0 at the end, -1 on error. */
typedef int (*hm_next_fn)(void *ctx, const unsigned char **rec,
                          size_t *len);
/* hm_next_fn over a record reader (ctx is the hm_rdr). */
int hm_inspect_rdr(void *ctx, const unsigned char **rec, size_t *len);

/* List record r (already hm_lay_set) as type t (-1: no type), field
 * by field, then the roles of the type. */
void hm_inspect_record(const hm_profile *p, hm_lrec *r, int t,
                       hm_line_fn out, void *ctx);
/* Read records from next and list the first n of each type (and of
 * records of no type). Returns the number of records read, -1 when
 * next failed. */
long hm_inspect(const hm_profile *p, hm_lrec *r, hm_next_fn next,
                void *nctx, unsigned long n, hm_line_fn out, void *ctx);

#endif
