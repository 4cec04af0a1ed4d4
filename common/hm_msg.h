/*
 * hm_msg.h - the message catalogue.
 *
 * Every message hostmig issues has an ID HMGnnnnS, where S is the
 * severity letter: I (information, return code 0), W (warning, 4),
 * E (error, 8) or S (severe, 12). A severe message flagged as
 * terminating ends the run with return code 16.
 *
 * The catalogue is one table (msgcat.c) assembled from the msg_*.def
 * files, one per area. Texts are in the compiler's execution
 * character set, so they are EBCDIC in a z/OS build. Inserts are
 * written &1 .. &9; the formatter does not use printf.
 *
 * Messages go to a log sink: a callback that receives one formatted
 * line without a line end (SYSPRINT on the host, stderr here).
 */
#ifndef HM_MSG_H
#define HM_MSG_H

#include "hm_base.h"

enum hm_sev {
    HM_SEV_I = 0,
    HM_SEV_W = 1,
    HM_SEV_E = 2,
    HM_SEV_S = 3,
    HM_SEV_T = 4 /* severe and terminating: return code 16 */
};

/* Message numbers, named HMM_<name>. */
enum hm_msgid {
#define HM_MSG(num, sev, name, text) HMM_##name = num,
#include "msg_core.def"
#include "msg_cp.def"
#include "msg_rec.def"
#include "msg_cont.def"
#include "msg_mig.def"
#include "msg_ext.def"
#undef HM_MSG
    HMM_END_ = 9999
};

/* One line of log output, in the execution character set, without
 * a line end. */
typedef void (*hm_log_fn)(void *ctx, int sev, const char *line,
                          size_t len);

typedef struct hm_log {
    hm_log_fn write;
    void *ctx;
    int maxsev;                /* highest severity issued, -1: none */
    unsigned long count[5];    /* messages issued per severity */
    int quiet_info;            /* non-zero: I messages not written */
} hm_log;

void hm_log_init(hm_log *lg, hm_log_fn fn, void *ctx);

/* Format message id with nargs inserts into buf (cap bytes, always
 * terminated). Returns the length of the line. */
size_t hm_msg_format(int id, const char *const *args, int nargs,
                     char *buf, size_t cap);

/* Issue message id: format it and write it to the log. Returns its
 * severity. lg may be NULL (the message is then only counted
 * nowhere and dropped). */
int hm_msg(hm_log *lg, int id, const char *const *args, int nargs);
int hm_msg0(hm_log *lg, int id);
int hm_msg1(hm_log *lg, int id, const char *a1);
int hm_msg2(hm_log *lg, int id, const char *a1, const char *a2);
int hm_msg3(hm_log *lg, int id, const char *a1, const char *a2,
            const char *a3);
int hm_msg4(hm_log *lg, int id, const char *a1, const char *a2,
            const char *a3, const char *a4);

/* Severity of a catalogued message, or -1 if id is unknown. */
int hm_msg_sev(int id);

/* The host return code for the highest severity issued so far:
 * 0, 4, 8, 12 or 16. */
int hm_log_rc(const hm_log *lg);
int hm_sev_rc(int sev);

/* Number formatting into caller buffers (at least 24 bytes), in the
 * execution character set. Return buf. */
char *hm_fmt_ulong(unsigned long v, char *buf);
char *hm_fmt_long(long v, char *buf);
char *hm_fmt_hex(unsigned long v, int digits, char *buf);

/* Table sanity (tests): entries in order and unique; returns the
 * number of entries or -1. */
int hm_msg_selfcheck(void);

#endif
