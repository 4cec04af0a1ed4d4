/*
 * hm_base.h - basic types, the caller-given allocator and byte
 * constants shared by the whole portable core.
 *
 * Nothing here calls the operating system. Byte constants are given
 * as numbers, never as character literals, so that parsers behave
 * the same whatever the compiler's execution character set is
 * (ASCII on Linux, EBCDIC on z/OS and CMS).
 */
#ifndef HM_BASE_H
#define HM_BASE_H

/* NOLONGNAME (z/OS) and GCC-for-CMS builds: external names mapped to
 * 8 characters by the map that build/lint.py generates. */
#if defined(HM_USE_NAMEMAP) || defined(HM_SHORTNAMES)
#include "hmnames.h"
#endif

#include <stddef.h>

/* Byte offsets in files. 32 bits on a 31-bit host; files beyond
 * 4 GiB are not supported by the core yet. */
typedef unsigned long hm_off;

/* The caller-given allocator. Every module that needs storage takes
 * one of these; the platform layer provides one built on malloc, the
 * bare-metal harness one built on a static arena. */
typedef struct hm_alloc {
    void *(*alloc)(void *ctx, size_t size);  /* NULL when exhausted */
    void (*release)(void *ctx, void *ptr);   /* ptr may be NULL */
    void *ctx;
} hm_alloc;

#define HM_ALLOC(a, n) ((a)->alloc((a)->ctx, (n)))
#define HM_FREE(a, p) ((a)->release((a)->ctx, (p)))

/* A byte source: returns the number of bytes placed in buf (at most
 * n), 0 at end of data, or a negative value on a read error. A
 * source that delivers whole host records (z/OS type=record, CMS
 * FSREAD) returns exactly one record per call. */
typedef long (*hm_read_fn)(void *ctx, unsigned char *buf, size_t n);

/* A byte sink: returns 0 when all n bytes were taken, non-zero on
 * error. */
typedef int (*hm_write_fn)(void *ctx, const unsigned char *buf,
                           size_t n);

/* ASCII / UTF-8 byte values (the PC side). */
#define HM_A_TAB 0x09
#define HM_A_LF 0x0A
#define HM_A_CR 0x0D
#define HM_A_SPACE 0x20
#define HM_A_QUOTE 0x22
#define HM_A_COMMA 0x2C
#define HM_A_QMARK 0x3F

/* EBCDIC byte values common to every supported CCSID. */
#define HM_E_NL 0x15
#define HM_E_LF 0x25
#define HM_E_SPACE 0x40

/* A memory byte source, for parsers and tests. */
typedef struct hm_memsrc {
    const unsigned char *data;
    size_t size;
    size_t pos;
    size_t chunk; /* largest piece handed out per call; 0 = any */
} hm_memsrc;

void hm_memsrc_init(hm_memsrc *m, const void *data, size_t size);
long hm_memsrc_read(void *ctx, unsigned char *buf, size_t n);

/* The first byte c in p[0..n), or NULL: memchr, which the core may
 * not use (below); a word at a time. */
const unsigned char *hm_find_byte(const unsigned char *p, size_t n,
                                  unsigned c);

/* The core may use <string.h>'s memcpy, memmove, memset, memcmp,
 * strlen and strcmp, and nothing else from the C library: the
 * bare-metal start-up shim provides exactly these. */

#endif
