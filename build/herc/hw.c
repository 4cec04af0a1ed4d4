/*
 * hw.c - printer, storage and <string.h> for the bare-metal Hercules
 * test images. No operating system: channel I/O is done with the
 * channel-subsystem instructions, with I/O interruptions disabled
 * (the final status is collected with TEST SUBCHANNEL).
 */
#include <string.h>
#include "hw.h"

#define HW_DEVNO 0x000Eu       /* the 1403 printer */
#define HW_LINE 132            /* print positions */
#define HW_CCW_WRITE1 0x09u    /* write, space one line after */
#define HW_CCW_SLI 0x20u       /* suppress incorrect length */
#define HW_DS_DE 0x04u         /* device end */
#define HW_DS_UC 0x02u         /* unit check */
#define HW_POLL 20000000ul     /* TSCH attempts before giving up */

/* subchannel-information block, operation-request block,
 * interruption-response block, format-0 CCW */
struct hw_schib {
    unsigned char b[52];
} __attribute__((aligned(4)));
struct hw_orb {
    unsigned char b[32];
} __attribute__((aligned(4)));
struct hw_irb {
    unsigned char b[96];
} __attribute__((aligned(4)));
struct hw_ccw {
    unsigned char b[8];
} __attribute__((aligned(8)));

static unsigned int hw_sid;    /* subsystem id of the printer */
static struct hw_schib hw_schib;
static struct hw_orb hw_orb;
static struct hw_irb hw_irb;
static struct hw_ccw hw_ccw;
static char hw_buf[HW_LINE] __attribute__((aligned(8)));

static int hw_stsch(unsigned int sid, struct hw_schib *s)
{
    int cc;
    __asm__ __volatile__("lr %%r1,%[sid]\n\t"
                         "stsch %[s]\n\t"
                         "ipm %[cc]\n\t"
                         "srl %[cc],28"
                         : [cc] "=&d"(cc), [s] "=Q"(*s)
                         : [sid] "d"(sid)
                         : "r1", "cc", "memory");
    return cc;
}

static int hw_msch(unsigned int sid, struct hw_schib *s)
{
    int cc;
    __asm__ __volatile__("lr %%r1,%[sid]\n\t"
                         "msch %[s]\n\t"
                         "ipm %[cc]\n\t"
                         "srl %[cc],28"
                         : [cc] "=&d"(cc)
                         : [sid] "d"(sid), [s] "Q"(*s)
                         : "r1", "cc", "memory");
    return cc;
}

static int hw_ssch(unsigned int sid, struct hw_orb *o)
{
    int cc;
    __asm__ __volatile__("lr %%r1,%[sid]\n\t"
                         "ssch %[o]\n\t"
                         "ipm %[cc]\n\t"
                         "srl %[cc],28"
                         : [cc] "=&d"(cc)
                         : [sid] "d"(sid), [o] "Q"(*o)
                         : "r1", "cc", "memory");
    return cc;
}

static int hw_tsch(unsigned int sid, struct hw_irb *i)
{
    int cc;
    __asm__ __volatile__("lr %%r1,%[sid]\n\t"
                         "tsch %[i]\n\t"
                         "ipm %[cc]\n\t"
                         "srl %[cc],28"
                         : [cc] "=&d"(cc), [i] "=Q"(*i)
                         : [sid] "d"(sid)
                         : "r1", "cc", "memory");
    return cc;
}

int hm_hw_init(void)
{
    unsigned long n;
    for (n = 0; n < 0x10000ul; n++) {
        unsigned int sid = 0x00010000u | (unsigned int)n;
        unsigned int devno;
        if (hw_stsch(sid, &hw_schib) != 0)
            return -1;   /* cc 3: no more subchannels */
        devno = ((unsigned int)hw_schib.b[6] << 8) | hw_schib.b[7];
        if (!(hw_schib.b[5] & 0x01u) || devno != HW_DEVNO)
            continue;    /* not valid, or another device */
        hw_schib.b[0] = 0;
        hw_schib.b[1] = 0;
        hw_schib.b[2] = 0;
        hw_schib.b[3] = 0x0E;  /* interruption parameter */
        hw_schib.b[5] |= 0x80u; /* enabled */
        if (hw_msch(sid, &hw_schib) != 0)
            return -1;
        hw_sid = sid;
        return 0;
    }
    return -1;
}

/* Wait for the final status of the running channel program. */
static int hw_wait(void)
{
    unsigned long k;
    for (k = 0; k < HW_POLL; k++) {
        if (hw_tsch(hw_sid, &hw_irb) != 0)
            continue;    /* no status pending yet */
        if (hw_irb.b[8] & HW_DS_UC)
            return -1;
        if (hw_irb.b[8] & HW_DS_DE)
            return 0;
    }
    return -1;
}

static int hw_write(const char *s, size_t n)
{
    unsigned long a = (unsigned long)hw_buf;
    unsigned long c = (unsigned long)&hw_ccw;
    unsigned long k;
    int cc;
    if (n == 0) {
        hw_buf[0] = 0x40;   /* EBCDIC blank: an empty line */
        n = 1;
    } else {
        memcpy(hw_buf, s, n);
    }
    hw_ccw.b[0] = HW_CCW_WRITE1;
    hw_ccw.b[1] = (unsigned char)(a >> 16);
    hw_ccw.b[2] = (unsigned char)(a >> 8);
    hw_ccw.b[3] = (unsigned char)a;
    hw_ccw.b[4] = HW_CCW_SLI;
    hw_ccw.b[5] = 0;
    hw_ccw.b[6] = (unsigned char)(n >> 8);
    hw_ccw.b[7] = (unsigned char)n;
    memset(&hw_orb, 0, sizeof hw_orb);
    hw_orb.b[3] = 0x0E;      /* interruption parameter */
    hw_orb.b[6] = 0xFF;      /* logical-path mask; format-0 CCWs */
    hw_orb.b[8] = (unsigned char)(c >> 24);
    hw_orb.b[9] = (unsigned char)(c >> 16);
    hw_orb.b[10] = (unsigned char)(c >> 8);
    hw_orb.b[11] = (unsigned char)c;
    for (k = 0; k < HW_POLL; k++) {
        cc = hw_ssch(hw_sid, &hw_orb);
        if (cc == 0)
            return hw_wait();
        if (cc == 3)
            return -1;
        if (cc == 1)      /* status pending: clear it, try again */
            (void)hw_tsch(hw_sid, &hw_irb);
    }
    return -1;
}

int hm_hw_print(const char *s, size_t n)
{
    if (hw_sid == 0)
        return -1;
    do {
        size_t k = n > HW_LINE ? HW_LINE : n;
        if (hw_write(s, k) != 0)
            return -1;
        s += k;
        n -= k;
    } while (n > 0);
    return 0;
}

/* ---- storage ---- */

#define HW_ARENA (6ul << 20)
#define HW_HDR 8u

static union {
    unsigned char b[HW_ARENA];
    double align_d;
    unsigned long align_l;
} hw_arena;
static size_t hw_top;          /* first free byte */
static unsigned long hw_live;  /* blocks not yet released */

static void *hw_alloc(void *ctx, size_t n)
{
    size_t need = (n + 7u) / 8u * 8u + HW_HDR;
    unsigned char *p;
    (void)ctx;
    if (n > HW_ARENA || need > HW_ARENA - hw_top)
        return NULL;
    p = hw_arena.b + hw_top;
    *(size_t *)p = need;            /* the block size */
    hw_top += need;
    hw_live++;
    return p + HW_HDR;
}

static void hw_release(void *ctx, void *ptr)
{
    unsigned char *p;
    size_t need;
    (void)ctx;
    if (!ptr)
        return;
    p = (unsigned char *)ptr - HW_HDR;
    need = *(size_t *)p;
    if (p + need == hw_arena.b + hw_top)
        hw_top -= need;
    if (hw_live > 0 && --hw_live == 0)
        hw_top = 0;
}

static const hm_alloc hw_al = { hw_alloc, hw_release, 0 };

const hm_alloc *hm_hw_alloc(void)
{
    return &hw_al;
}

/* ---- <string.h> ---- */

void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp < sp) {
        while (n--)
            *dp++ = *sp++;
    } else if (dp > sp) {
        dp += n;
        sp += n;
        while (n--)
            *--dp = *--sp;
    }
    return d;
}

void *memset(void *d, int c, size_t n)
{
    unsigned char *dp = d;
    while (n--)
        *dp++ = (unsigned char)c;
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n > 0; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)b;
    while (*x && *x == *y) {
        x++;
        y++;
    }
    return *x < *y ? -1 : (*x > *y);
}
