/*
 * hm_cpiconv.h - host code pages from the C library's iconv (part of
 * the platform layer, plat_iconv.c). For CCSIDs that are not built
 * in (hm_cp_builtin returns NULL). Built with -DHM_NO_ICONV (z/OS or
 * CMS without iconv) it always fails.
 */
#ifndef HM_CPICONV_H
#define HM_CPICONV_H

#include "hm_cp.h"

/* Fill out with the single-byte page iconv knows as IBM<ccsid> or
 * CP<ccsid> (the number written with at least 3 digits, then
 * without leading zeros), converting each byte value on its own.
 * Bytes iconv rejects become HM_CP_UNDEF. The iconv name used is
 * written to name (namecap bytes, 16 are enough) and out->name
 * points to it, so name must live as long as out. Returns 0, or -1
 * when no such page exists, when it is not a single-byte page (a
 * byte gives no character, several characters, or one above
 * U+FFFE; or two bytes give the same character) or when name is
 * too small. */
int hm_cp_from_iconv(unsigned ccsid, hm_cpage *out, char *name,
                     size_t namecap);

#endif
