/*
 * msg.c - the message catalogue and its formatter (see hm_msg.h).
 * No printf: inserts are copied byte by byte, so the formatter works
 * the same in an ASCII and in an EBCDIC build.
 */
#include <string.h>
#include "hm_msg.h"

typedef struct hm_msgdef {
    int num;
    int sev;
    const char *text;
} hm_msgdef;

#define HM_SEVI HM_SEV_I
#define HM_SEVW HM_SEV_W
#define HM_SEVE HM_SEV_E
#define HM_SEVS HM_SEV_S
#define HM_SEVT HM_SEV_T

static const hm_msgdef hm_catalog[] = {
#define HM_MSG(num, sev, name, text) { num, HM_SEV##sev, text },
#include "msg_core.def"
#include "msg_cp.def"
#include "msg_rec.def"
#include "msg_cont.def"
#include "msg_mig.def"
#include "msg_ext.def"
#undef HM_MSG
    { 0, 0, 0 }
};

#define HM_NCAT (sizeof hm_catalog / sizeof hm_catalog[0] - 1)

static const char hm_digits[] = "0123456789ABCDEF";
static const char hm_sevletter[] = "IWESS";

static const hm_msgdef *find_msg(int id)
{
    size_t lo = 0, hi = HM_NCAT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (hm_catalog[mid].num == id)
            return &hm_catalog[mid];
        if (hm_catalog[mid].num < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int hm_msg_sev(int id)
{
    const hm_msgdef *d = find_msg(id);
    return d ? d->sev : -1;
}

int hm_sev_rc(int sev)
{
    if (sev < 0)
        return 0;
    return sev > HM_SEV_T ? 16 : sev * 4;
}

void hm_log_init(hm_log *lg, hm_log_fn fn, void *ctx)
{
    memset(lg, 0, sizeof *lg);
    lg->write = fn;
    lg->ctx = ctx;
    lg->maxsev = -1;
}

int hm_log_rc(const hm_log *lg)
{
    return hm_sev_rc(lg->maxsev);
}

char *hm_fmt_ulong(unsigned long v, char *buf)
{
    char tmp[24];
    int n = 0, i = 0;
    do {
        tmp[n++] = hm_digits[v % 10];
        v /= 10;
    } while (v != 0);
    while (n > 0)
        buf[i++] = tmp[--n];
    buf[i] = 0;
    return buf;
}

char *hm_fmt_long(long v, char *buf)
{
    if (v < 0) {
        /* -(v + 1) + 1 avoids overflow at LONG_MIN */
        buf[0] = '-';
        hm_fmt_ulong((unsigned long)(-(v + 1)) + 1ul, buf + 1);
        return buf;
    }
    return hm_fmt_ulong((unsigned long)v, buf);
}

char *hm_fmt_hex(unsigned long v, int digits, char *buf)
{
    int i;
    if (digits < 1)
        digits = 1;
    if (digits > 16)
        digits = 16;
    for (i = digits - 1; i >= 0; i--) {
        buf[i] = hm_digits[v & 15u];
        v >>= 4;
    }
    buf[digits] = 0;
    return buf;
}

static size_t put(char *buf, size_t cap, size_t at, const char *s,
                  size_t n)
{
    size_t i;
    for (i = 0; i < n && at + 1 < cap; i++)
        buf[at++] = s[i];
    return at;
}

size_t hm_msg_format(int id, const char *const *args, int nargs,
                     char *buf, size_t cap)
{
    const hm_msgdef *d = find_msg(id);
    char head[40];
    const char *t;
    size_t at = 0;
    if (cap == 0)
        return 0;
    /* HMGnnnnS and a blank */
    head[0] = 'H';
    head[1] = 'M';
    head[2] = 'G';
    hm_fmt_ulong((unsigned long)(id < 0 ? 0 : id) % 10000ul, head + 8);
    {
        size_t dl = strlen(head + 8), k;
        for (k = 0; k < 4; k++)
            head[3 + k] = k < 4 - dl ? '0' : head[8 + k - (4 - dl)];
    }
    head[7] = d ? hm_sevletter[d->sev] : 'S';
    head[8] = ' ';
    at = put(buf, cap, at, head, 9);
    if (!d) {
        t = "Message not in the catalogue";
        at = put(buf, cap, at, t, strlen(t));
        buf[at] = 0;
        return at;
    }
    for (t = d->text; *t; t++) {
        if (*t == '&' && t[1] >= '1' && t[1] <= '9') {
            int k = t[1] - '1';
            const char *a = (k < nargs && args && args[k]) ? args[k] : "";
            at = put(buf, cap, at, a, strlen(a));
            t++;
        } else {
            at = put(buf, cap, at, t, 1);
        }
    }
    buf[at] = 0;
    return at;
}

int hm_msg(hm_log *lg, int id, const char *const *args, int nargs)
{
    char line[512];
    size_t n;
    int sev = hm_msg_sev(id);
    if (sev < 0)
        sev = HM_SEV_S;
    if (!lg)
        return sev;
    lg->count[sev]++;
    if (sev > lg->maxsev)
        lg->maxsev = sev;
    if (sev == HM_SEV_I && lg->quiet_info)
        return sev;
    n = hm_msg_format(id, args, nargs, line, sizeof line);
    if (lg->write)
        lg->write(lg->ctx, sev, line, n);
    return sev;
}

int hm_msg0(hm_log *lg, int id)
{
    return hm_msg(lg, id, 0, 0);
}

int hm_msg1(hm_log *lg, int id, const char *a1)
{
    const char *a[1];
    a[0] = a1;
    return hm_msg(lg, id, a, 1);
}

int hm_msg2(hm_log *lg, int id, const char *a1, const char *a2)
{
    const char *a[2];
    a[0] = a1;
    a[1] = a2;
    return hm_msg(lg, id, a, 2);
}

int hm_msg3(hm_log *lg, int id, const char *a1, const char *a2,
            const char *a3)
{
    const char *a[3];
    a[0] = a1;
    a[1] = a2;
    a[2] = a3;
    return hm_msg(lg, id, a, 3);
}

int hm_msg4(hm_log *lg, int id, const char *a1, const char *a2,
            const char *a3, const char *a4)
{
    const char *a[4];
    a[0] = a1;
    a[1] = a2;
    a[2] = a3;
    a[3] = a4;
    return hm_msg(lg, id, a, 4);
}

/* Check that the table is sorted and without duplicates: used by the
 * unit tests. Returns the number of entries, or -1. */
int hm_msg_selfcheck(void)
{
    size_t i;
    for (i = 1; i < HM_NCAT; i++)
        if (hm_catalog[i].num <= hm_catalog[i - 1].num)
            return -1;
    return (int)HM_NCAT;
}
