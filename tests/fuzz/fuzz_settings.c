/* fuzz_settings.c - libFuzzer harness for the settings parser. The
 * input is split at the first X'00' into a batch control file and an
 * accounts file (both parsed whole, and the control file also one
 * line at a time); the third part, after a second X'00', is split at
 * blanks into command-line options. Then the cross checks run and a
 * few ids, and slices of the input, are matched against the list.
 * The log has a no-op sink. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include "hm_settings.h"

static void *fz_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n);
}

static void fz_free(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static void fz_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    (void)line;
    (void)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hm_alloc a = { fz_alloc, fz_free, 0 };
    hm_settings s, s2;
    hm_log lg;
    const char *p = (const char *)data;
    const uint8_t *z1 = memchr(data, 0, size), *z2 = 0;
    size_t n1 = z1 ? (size_t)(z1 - data) : size, n2 = 0, n3 = 0, i;
    char *argv[64];
    char *opt = 0;
    int argc = 0;
    if (z1) {
        z2 = memchr(z1 + 1, 0, size - n1 - 1);
        n2 = z2 ? (size_t)(z2 - z1 - 1) : size - n1 - 1;
        if (z2)
            n3 = size - (size_t)(z2 - data) - 1;
    }
    hm_log_init(&lg, fz_log, 0);
    hm_set_init(&s, &a);
    if (z2 && n3) {
        opt = malloc(n3 + 1);
        memcpy(opt, z2 + 1, n3);
        opt[n3] = 0;
        argv[argc++] = "fuzz";
        for (i = 0; i < n3 && argc < 63; i++) {
            if (opt[i] == ' ') {
                opt[i] = 0;
            } else if (i == 0 || opt[i - 1] == 0) {
                argv[argc++] = opt + i;
            }
        }
        argv[argc] = 0;
        for (i = 1; (int)i < argc; i++) {
            int k = (int)i;
            hm_set_option(&s, argc, argv, &k, &lg);
            i = (size_t)k;
        }
    }
    hm_set_control(&s, "CTL", p, n1, &lg);
    if (z1)
        hm_set_accounts(&s, "ACC", p + n1 + 1, n2, &lg);
    hm_set_check(&s, &lg);
    hm_set_selected(&s, (const unsigned char *)"USER01", 6);
    for (i = 0; i + 4 <= size && i < 256; i += 4)
        hm_set_selected(&s, data + i, (size - i) % 70);
    hm_set_free(&s);
    /* line by line, with records that are not terminated */
    hm_set_init(&s2, &a);
    {
        size_t st = 0;
        unsigned long ln = 0;
        for (i = 0; i <= n1; i++)
            if (i == n1 || p[i] == '\n') {
                hm_set_control_line(&s2, "CTL", ++ln, p + st, i - st,
                                    &lg);
                st = i + 1;
            }
    }
    hm_set_check(&s2, &lg);
    hm_set_free(&s2);
    free(opt);
    return 0;
}
