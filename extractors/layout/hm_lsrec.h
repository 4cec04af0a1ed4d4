/*
 * hm_lsrec.h - the records of one unloaded data set, whatever it
 * arrived as: a NETDATA transmission (TSO TRANSMIT, CMS SENDFILE;
 * the records of each of its sequential files in turn), a byte copy
 * of a RECFM V or VB data set (records with RDWs, blocks with BDWs
 * detected), or a source that hands out one record per read call
 * (z/OS "type=record", CMS FSREAD: HM_LSR_REC).
 *
 * Kept apart from hm_lsrc.h because hm_cont.h and hm_profile.h both
 * declare hm_line_fn. Records are host bytes, unconverted, blanks
 * kept (the layout decides what is text).
 */
#ifndef HM_LSREC_H
#define HM_LSREC_H

#include "hm_base.h"
#include "hm_msg.h"

#define HM_LSR_AUTO 0       /* NETDATA or RDWs, detected */
#define HM_LSR_REC 1        /* one record per read call */

typedef struct hm_lsrec hm_lsrec;

/* Open the records of a byte source. name names it in messages and
 * must live until hm_lsr_close. NULL only when storage is exhausted
 * (reported). */
hm_lsrec *hm_lsr_open(const hm_alloc *a, hm_read_fn fn, void *ctx,
                      int mode, hm_log *log, const char *name);
/* 1 with the next record (valid until the next call), 0 at the end,
 * -1 after an error (reported; the rest is not read). */
int hm_lsr_next(hm_lsrec *s, const unsigned char **d, size_t *n);
/* The record last returned, 1-based, counted across the files of a
 * NETDATA transmission. */
unsigned long hm_lsr_number(const hm_lsrec *s);
/* The name to use in messages: the source's name, with the data set
 * name in parentheses for a file of a NETDATA transmission. */
const char *hm_lsr_name(const hm_lsrec *s);
void hm_lsr_close(hm_lsrec *s);

#endif
