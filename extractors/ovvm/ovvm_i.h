/*
 * ovvm_i.h - private to extractors/ovvm: ASCII byte constants and
 * small helpers shared by the OV/VM parsers.
 *
 * The parsers work on UTF-8 bytes, so every constant compared with
 * data is a number. Words are written with the A_x macros below:
 * numeric escapes ("\x44") are not translated by the compiler's
 * execution character set, so A_D A_A A_T A_E is the ASCII "DATE"
 * in an EBCDIC build as well.
 */
#ifndef HM_OVVM_I_H
#define HM_OVVM_I_H

#include "ovvm.h"

#define A_A "\x41"
#define A_B "\x42"
#define A_C "\x43"
#define A_D "\x44"
#define A_E "\x45"
#define A_F "\x46"
#define A_G "\x47"
#define A_H "\x48"
#define A_I "\x49"
#define A_J "\x4A"
#define A_K "\x4B"
#define A_L "\x4C"
#define A_M "\x4D"
#define A_N "\x4E"
#define A_O "\x4F"
#define A_P "\x50"
#define A_Q "\x51"
#define A_R "\x52"
#define A_S "\x53"
#define A_T "\x54"
#define A_U "\x55"
#define A_V "\x56"
#define A_W "\x57"
#define A_X "\x58"
#define A_Y "\x59"
#define A_Z "\x5A"
#define A_DASH "\x2D"
#define A_SP "\x20"
#define A_AUML "\xC3\x84"   /* U+00C4 in UTF-8 */
#define A_auml "\xC3\xA4"   /* U+00E4 */

/* ASCII byte values used by the parsers. */
#define B_TAB 0x09
#define B_LF 0x0A
#define B_FF 0x0C
#define B_CR 0x0D
#define B_SP 0x20
#define B_QUOTE 0x22
#define B_HASH 0x23
#define B_DOLLAR 0x24
#define B_LPAR 0x28
#define B_RPAR 0x29
#define B_STAR 0x2A
#define B_PLUS 0x2B
#define B_COMMA 0x2C
#define B_DASH 0x2D
#define B_DOT 0x2E
#define B_SLASH 0x2F
#define B_0 0x30
#define B_9 0x39
#define B_COLON 0x3A
#define B_SEMI 0x3B
#define B_LT 0x3C
#define B_EQ 0x3D
#define B_GT 0x3E
#define B_QMARK 0x3F
#define B_AT 0x40
#define B_UA 0x41
#define B_UZ 0x5A
#define B_LBR 0x5B
#define B_BSL 0x5C
#define B_RBR 0x5D
#define B_US 0x5F
#define B_LA 0x61
#define B_LZ 0x7A
#define B_DEL 0x7F

/* ASCII upper case of a byte (other bytes unchanged). */
#define HM_OV_UP(c) ((c) >= 0x61 && (c) <= 0x7A ? (c) - 0x20 : (c))
#define HM_OV_LOW(c) ((c) >= 0x41 && (c) <= 0x5A ? (c) + 0x20 : (c))
#define HM_OV_DIGIT(c) ((c) >= 0x30 && (c) <= 0x39)
#define HM_OV_ALPHA(c) (((c) >= 0x41 && (c) <= 0x5A) \
                        || ((c) >= 0x61 && (c) <= 0x7A))
#define HM_OV_BLANK(c) ((c) == 0x20 || (c) == 0x09)

/* Compare n bytes without regard to ASCII case: 1 when equal. */
int hm_ov_ieq(const unsigned char *a, const unsigned char *b,
              size_t n);
/* A string of the A_x form against data: 1 when equal (ASCII case
 * ignored). */
int hm_ov_iword(const unsigned char *d, size_t n, const char *w);

/* Number into ASCII digits; returns the length (at most 10). */
size_t hm_ov_utoa(unsigned long v, unsigned char *out);

/* A growable byte buffer on the caller's allocator. */
typedef struct hm_ov_buf {
    const hm_alloc *a;
    unsigned char *p;
    size_t len, cap;
} hm_ov_buf;

/* Make room for n more bytes: 0, or -1 when out of storage. */
int hm_ov_buf_room(hm_ov_buf *b, size_t n);
/* The same, without a call when the room is there (hot loops). */
#define HM_OV_ROOM(b, n) ((b)->cap - (b)->len >= (n) ? 0 \
                          : hm_ov_buf_room((b), (n)))
int hm_ov_buf_add(hm_ov_buf *b, const void *d, size_t n);
void hm_ov_buf_free(hm_ov_buf *b);

/* Convert one host record to UTF-8 into b (appended): returns the
 * start offset of the converted bytes, or (size_t)-1 when out of
 * storage. cv NULL: copied. */
size_t hm_ov_conv(hm_ov_buf *b, hm_cpconv *cv, const unsigned char *rec,
                  size_t n);

/* Invalid-UTF-8 and C0/C1 control check of a header line: 1 when
 * the line holds control characters (TAB excepted) or bytes that do
 * not decode. */
int hm_ov_has_ctl(const unsigned char *s, size_t n);

/* The built-in address of a userid at a node: "PROFS:NODE(USER)"
 * into out; returns the length. */
size_t hm_ov_profs(const unsigned char *u, size_t nu,
                   const unsigned char *node, size_t nn,
                   unsigned char *out);

#endif
