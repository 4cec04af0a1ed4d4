/*
 * hm_cptab.h - the generated code page tables (cp_tables.c, made by
 * build/gencp.py). Private to codepage.c and the tests; everyone
 * else uses hm_cp.h.
 */
#ifndef HM_CPTAB_H
#define HM_CPTAB_H

#include "hm_cp.h"

/* The built-in host pages, by ascending CCSID. */
extern const hm_cpage hm_cpt_host[];
extern const int hm_cpt_nhost;

/* PC pages: byte -> Unicode (bytes below X'80' are ASCII). */
extern const hm_cpage hm_cpt_w1252;
extern const hm_cpage hm_cpt_p850;

/* Reverse maps of bytes X'80'-X'FF': { Unicode, byte } pairs sorted
 * by Unicode value, and their numbers. */
extern const unsigned short hm_cpt_rw1252[][2];
extern const int hm_cpt_nw1252;
extern const unsigned short hm_cpt_rp850[][2];
extern const int hm_cpt_np850;

#endif
