/*
 * hw.h - the bare-metal shim of the Hercules test images (hw.c):
 * the 1403 printer at device number 00E and a storage arena.
 */
#ifndef HM_HW_H
#define HM_HW_H

#include "hm_base.h"

/* Find the printer's subchannel and enable it. 0, or -1 when no
 * device 00E exists. */
int hm_hw_init(void);

/* Print one line of n bytes (execution character set, EBCDIC).
 * Lines longer than the 132 print positions are continued on the
 * next line. 0, or -1 after an I/O error. */
int hm_hw_print(const char *s, size_t n);

/* A bump allocator over a static arena: storage is given back when
 * the most recent block is released, and all of it once nothing is
 * live any more. */
const hm_alloc *hm_hw_alloc(void);

#endif
