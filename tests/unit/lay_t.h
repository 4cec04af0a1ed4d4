/*
 * lay_t.h - helpers shared by the declared-layout unit tests
 * (test_lsrc.c, test_ovcal.c): a counting allocator (live blocks in
 * `live`), a log captured into logbuf (logged, log_reset) and the
 * test's code page: 1047 when literals are EBCDIC, else none.
 * Include after <cmocka.h>, <stdlib.h> and <string.h>, once per test
 * program.
 */
#ifndef LAY_T_H
#define LAY_T_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_cp.h"

static long live;

static void *t_alloc(void *ctx, size_t n)
{
    (void)ctx;
    live++;
    return malloc(n);
}

static void t_release(void *ctx, void *p)
{
    (void)ctx;
    if (p)
        live--;
    free(p);
}

static hm_alloc al = { t_alloc, t_release, 0 };

static char logbuf[16384];
static size_t loglen;
static hm_log lg;

static void cap_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    if (loglen + len + 2 < sizeof logbuf) {
        memcpy(logbuf + loglen, line, len);
        loglen += len;
        logbuf[loglen++] = '\n';
        logbuf[loglen] = 0;
    }
}

static int logged(const char *s)
{
    return strstr(logbuf, s) != NULL;
}

static void log_reset(void)
{
    loglen = 0;
    logbuf[0] = 0;
    hm_log_init(&lg, cap_log, NULL);
}

static int ebcdic_exec(void)
{
    return 'A' == 0xC1;
}

static const hm_cpage *tcp(void)
{
    return ebcdic_exec() ? hm_cp_builtin(1047) : NULL;
}

#endif
