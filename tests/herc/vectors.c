/*
 * vectors.c - the bare-metal test program IPLed on Hercules.
 *
 * Runs every shared vector (tests/vectors/vec_all.h) against the
 * freestanding core and prints one line per vector on the 1403
 * printer: "PASS name" or "FAIL name detail", then
 * "END n passed, m failed". Text is in the execution character set
 * (-fexec-charset=IBM1047), which is what the printer expects.
 *
 * main's return value becomes the address of the final disabled-wait
 * PSW (build/herc/start.S): HM_HERC_OK when every vector passed,
 * HM_HERC_FAILED + n (n <= 255) when n failed, HM_HERC_NOPRT when the
 * printer is missing.
 *
 * Build switches for the harness self-test (build/herc/selftest.sh):
 *   HM_HERC_FAIL_ONE  add one vector that fails
 *   HM_HERC_CRASH     divide by zero after the vectors (program check)
 *   HM_HERC_HANG      loop for ever after the vectors
 *   HM_HERC_NOEND     print no END line
 *   HM_HERC_QUICK     run only the message vectors (a fast image)
 * HM_HERC_BITS (31 or 64) names the addressing mode the image must
 * run in; a vector checks it.
 */
#include <string.h>
#include "hw.h"
#include "../vectors/vec_all.h"

#define HM_HERC_OK 0x600D00L
#define HM_HERC_FAILED 0xFA1000L
#define HM_HERC_NOPRT 0x0BAD70L

static void say(const char *a, const char *b, const char *c)
{
    char line[HV_NAMECAP + HV_DETCAP + 16];
    line[0] = 0;
    hv_cat(line, sizeof line, a);
    hv_cat(line, sizeof line, b);
    if (c && c[0]) {
        hv_cat(line, sizeof line, " ");
        hv_cat(line, sizeof line, c);
    }
    (void)hm_hw_print(line, strlen(line));
}

/* The image runs in the addressing mode it was built for: BASR puts
 * the addressing-mode bit into bit 32 of the link register in 31-bit
 * mode, and the bare address in 64-bit mode. */
static int amode(void)
{
    unsigned long r;
    __asm__ __volatile__("basr %0,0" : "=d"(r));
    return (r & 0x80000000ul) ? 31 : 64;
}

static int herc_vector(hv_ctx *c, int i)
{
    if (i == 0) {
        hv_name(c, "herc addressing mode and data model");
        if (c->dry)
            return 1;
#ifdef HM_HERC_BITS
        HV_EQ(c, "addressing mode", amode(), HM_HERC_BITS);
        HV_EQ(c, "bits in a pointer", 8 * sizeof(void *),
              HM_HERC_BITS == 31 ? 32 : 64);
        HV_EQ(c, "bits in a long", 8 * sizeof(long),
              HM_HERC_BITS == 31 ? 32 : 64);
#endif
        HV_EQ(c, "'A' in the execution character set",
              (unsigned char)'A', 0xC1);
        return 1;
    }
#ifdef HM_HERC_FAIL_ONE
    if (i == 1) {
        hv_name(c, "herc deliberate failure (HM_HERC_FAIL_ONE)");
        if (c->dry)
            return 1;
        HV_EQ(c, "one", 1, 2);
        return 1;
    }
#endif
    return -1;
}

int main(void)
{
    static hv_ctx c;
    unsigned long np = 0, nf = 0;
    char num[48];
    int g, i, r;
    if (hm_hw_init() != 0)
        return (int)HM_HERC_NOPRT;
    c.base = hm_hw_alloc();
    say("BEGIN hostmig vectors, ", sizeof(void *) == 4 ?
        "z/Arch 31-bit" : "z/Arch 64-bit", "");
#ifdef HM_HERC_QUICK
    for (g = -1; g < 1; g++)
#else
    for (g = -1; g < HV_NGROUPS; g++)
#endif
        for (i = 0;; i++) {
            if (g < 0) {
                c.name[0] = 0;
                c.detail[0] = 0;
                r = herc_vector(&c, i);
            } else {
                r = hv_run(&c, g, i);
            }
            if (r < 0)
                break;
            if (r) {
                np++;
                say("PASS ", c.name, "");
            } else {
                nf++;
                say("FAIL ", c.name, c.detail[0] ? c.detail : "?");
            }
        }
#ifdef HM_HERC_CRASH
    {
        volatile int zero = 0;
        np += (unsigned long)(12345 / zero);
    }
#endif
#ifdef HM_HERC_HANG
    {
        volatile int spin = 1;
        while (spin)
            ;
    }
#endif
    num[0] = 0;
    hv_catu(num, sizeof num, np);
    hv_cat(num, sizeof num, " passed, ");
    hv_catu(num, sizeof num, nf);
    hv_cat(num, sizeof num, " failed");
#ifndef HM_HERC_NOEND
    say("END ", num, "");
#endif
    if (nf == 0)
        return (int)HM_HERC_OK;
    return (int)(HM_HERC_FAILED + (nf > 255 ? 255 : (long)nf));
}
