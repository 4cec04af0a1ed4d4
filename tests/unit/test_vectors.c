/*
 * test_vectors.c - the shared test vectors (tests/vectors/vec_*.h),
 * one cmocka test per vector. The same vectors run bare metal on
 * Hercules (tests/herc/vectors.c, build/herc/run.sh), so the hosted
 * builds (native, EBCDIC, s390x under qemu) and the emulated
 * mainframe check the same tables. Pure: no files, no iconv.
 * In the EBCDIC build the vector names and details are EBCDIC.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "../vectors/vec_all.h"

static void *m_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n);
}

static void m_release(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static const hm_alloc heap = { m_alloc, m_release, NULL };

struct which {
    int g, i;
};

static void run_one(void **state)
{
    const struct which *w = *state;
    static hv_ctx c;
    int r;
    c.dry = 0;
    c.base = &heap;
    r = hv_run(&c, w->g, w->i);
    if (r != 1)
        fail_msg("%s", c.detail);
}

int main(void)
{
    static hv_ctx c;
    struct CMUnitTest *t = NULL;
    struct which *w = NULL;
    size_t n = 0, cap = 0;
    char *nm;
    int g, i;
    c.dry = 1;
    for (g = 0; g < HV_NGROUPS; g++)
        for (i = 0; hv_run(&c, g, i) >= 0; i++) {
            if (n == cap) {
                cap = cap ? 2 * cap : 256;
                t = realloc(t, cap * sizeof *t);
                w = realloc(w, cap * sizeof *w);
                if (!t || !w)
                    return 2;
            }
            w[n].g = g;
            w[n].i = i;
            memset(&t[n], 0, sizeof t[n]);
            nm = malloc(strlen(c.name) + 1);
            if (!nm)
                return 2;
            memcpy(nm, c.name, strlen(c.name) + 1);
            t[n].name = nm;
            t[n].test_func = run_one;
            n++;
        }
    /* pointers into w only now that it no longer moves */
    for (i = 0; i < (int)n; i++)
        t[i].initial_state = &w[i];
    return _cmocka_run_group_tests("vectors", t, n, NULL, NULL);
}
