/*
 * migfile.h - helpers shared by the migration-file writer and
 * reader: the ASCII form of fixed texts, and 14-digit times.
 *
 * Fixed texts (section titles, header lines, TRUE/FALSE) are written
 * in the source as ordinary string literals, which are in the
 * execution character set (EBCDIC on the host). hm_mf_tables()
 * builds the two translation tables between the execution character
 * set and ASCII for the 95 printable characters, so the files get
 * the same bytes whatever the compiler's character set is.
 */
#ifndef MIGFILE_H
#define MIGFILE_H

#include "hm_base.h"
#include "hm_item.h"

typedef struct hm_mf_tab {
    unsigned char to_asc[256];  /* exec char -> ASCII, 0: none */
    unsigned char to_exe[128];  /* ASCII -> exec char, 0: none */
} hm_mf_tab;

void hm_mf_tables(hm_mf_tab *t);

/* The ASCII bytes of exec string s into out (at most cap bytes, no
 * terminator). Characters without ASCII form become '?'. Returns
 * the length. */
size_t hm_mf_asc(const hm_mf_tab *t, const char *s, unsigned char *out,
                 size_t cap);

/* Compare n ASCII bytes b with the exec string s, ignoring the case
 * of letters. Returns 1 when equal (and strlen(s) == n). */
int hm_mf_eq(const hm_mf_tab *t, const unsigned char *b, size_t n,
             const char *s);

/* Validate 14 ASCII digits YYYYMMDDHHMMSS (1601-9999, a real day).
 * Returns 1 when valid, else 0. */
int hm_mf_date_ok(const unsigned char *d, size_t n);

#define HM_MF_SECCOLS "Type,Length,Encoding,Islast,Name,Position,Format"
#define HM_MF_MSGHDR "Folder,Sender,To,Cc,Bcc,Subject,Send-Date," \
    "Received-Date,Priority,Unread,Unsent,Body"
#define HM_MF_PABHDR "Obj-class,Display-Name,Email-Address,First," \
    "Last,Address,City,State,Zip,Country,Title,Company,Department," \
    "Office,Assistant,Bus-Num,Bus2-Num,Assist-Num,Fax-Num," \
    "Home-Num,Home2-Num,Mobile-Num,Pager-Num,Note"
#define HM_MF_SC2HDR "SCHEDULE+2 EXPORT VERSION 103"

#endif
