/* migmemfs.h - an in-memory file set for the migration-file tests:
 * a file factory for the writer (hm_mw_files) and a set accessor for
 * the reader (hm_mr_set), plus a counting allocator. Test code: C99,
 * no OS calls, so it runs in the EBCDIC and s390x builds too. */
#ifndef MIGMEMFS_H
#define MIGMEMFS_H

#include <stdlib.h>
#include <string.h>
#include "migwrite.h"
#include "migread.h"

#define MFS_MAX 64

typedef struct mfs_file {
    char name[32];
    unsigned char *data;
    size_t len, cap;
    int open, kept;
    unsigned long maxlen; /* keep only the first maxlen bytes */
} mfs_file;

typedef struct mfs {
    mfs_file f[MFS_MAX];
    int n;
    unsigned long keep_max; /* 0: keep everything */
} mfs;

static inline int mfs_write(void *ctx, const unsigned char *b, size_t n)
{
    mfs_file *f = (mfs_file *)ctx;
    size_t k = n;
    if (f->maxlen && f->len + k > f->maxlen)
        k = f->len >= f->maxlen ? 0 : f->maxlen - f->len;
    if (f->len + k > f->cap) {
        size_t nc = (f->cap ? f->cap * 2 : 4096);
        while (nc < f->len + k)
            nc *= 2;
        f->data = realloc(f->data, nc);
        f->cap = nc;
    }
    if (k)
        memcpy(f->data + f->len, b, k);
    f->len += k;
    return 0;
}

static inline int mfs_open(void *ctx, const char *name, hm_write_fn *fn,
                    void **wctx)
{
    mfs *m = (mfs *)ctx;
    mfs_file *f = 0;
    int i;
    for (i = 0; i < m->n; i++)
        if (strcmp(m->f[i].name, name) == 0)
            f = &m->f[i];
    if (!f) {
        if (m->n == MFS_MAX)
            return -1;
        f = &m->f[m->n++];
    }
    free(f->data);
    memset(f, 0, sizeof *f);
    strncpy(f->name, name, sizeof f->name - 1);
    f->open = 1;
    f->maxlen = m->keep_max;
    *fn = mfs_write;
    *wctx = f;
    return 0;
}

static inline int mfs_close(void *ctx, void *wctx, int ok)
{
    mfs_file *f = (mfs_file *)wctx;
    (void)ctx;
    f->open = 0;
    f->kept = ok;
    return 0;
}

static inline void mfs_files(mfs *m, hm_mw_files *fs)
{
    fs->open = mfs_open;
    fs->close = mfs_close;
    fs->ctx = m;
}

static inline mfs_file *mfs_find(mfs *m, const char *name)
{
    int i;
    for (i = 0; i < m->n; i++)
        if (strcmp(m->f[i].name, name) == 0 && m->f[i].kept)
            return &m->f[i];
    return 0;
}

static inline void mfs_free(mfs *m)
{
    int i;
    for (i = 0; i < m->n; i++)
        free(m->f[i].data);
    memset(m, 0, sizeof *m);
}

/* reader side */
typedef struct mfs_rd {
    hm_memsrc src;
} mfs_rd;

static inline int mfs_ropen(void *ctx, const char *name, hm_read_fn *fn,
                     void **rctx, unsigned long *size)
{
    mfs_file *f = mfs_find((mfs *)ctx, name);
    mfs_rd *r;
    if (!f)
        return -1;
    r = malloc(sizeof *r);
    hm_memsrc_init(&r->src, f->data, f->len);
    *fn = hm_memsrc_read;
    *rctx = &r->src;
    *size = (unsigned long)f->len;
    return 0;
}

static inline void mfs_rclose(void *ctx, void *rctx)
{
    (void)ctx;
    free(rctx);
}

static inline void mfs_set(mfs *m, hm_mr_set *s)
{
    s->open = mfs_ropen;
    s->close = mfs_rclose;
    s->ctx = m;
}

/* a counting allocator: current and peak bytes */
typedef struct cnt_alloc {
    size_t cur, peak;
    unsigned long calls;
} cnt_alloc;

static inline void *cnt_alloc_fn(void *ctx, size_t n)
{
    cnt_alloc *c = (cnt_alloc *)ctx;
    size_t *p = malloc(n + sizeof(size_t) * 2);
    if (!p)
        return 0;
    p[0] = n;
    c->cur += n;
    c->calls++;
    if (c->cur > c->peak)
        c->peak = c->cur;
    return p + 2;
}

static inline void cnt_free_fn(void *ctx, void *ptr)
{
    cnt_alloc *c = (cnt_alloc *)ctx;
    size_t *p;
    if (!ptr)
        return;
    p = (size_t *)ptr - 2;
    c->cur -= p[0];
    free(p);
}

static inline void *plain_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n);
}

static inline void plain_free(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

/* a malloc allocator for the tests (no platform layer needed) */
static inline const hm_alloc *mfs_alloc(void)
{
    static hm_alloc a = { plain_alloc, plain_free, 0 };
    return &a;
}

static inline void cnt_init(cnt_alloc *c, hm_alloc *a)
{
    memset(c, 0, sizeof *c);
    a->alloc = cnt_alloc_fn;
    a->release = cnt_free_fn;
    a->ctx = c;
}

/* a log that keeps the message numbers it saw */
typedef struct memlog {
    hm_log lg;
    int ids[256];
    int n;
    char last[512];
} memlog;

static inline void memlog_fn(void *ctx, int sev, const char *line,
                             size_t len)
{
    memlog *m = (memlog *)ctx;
    int id = 0, i;
    (void)sev;
    for (i = 3; i < 7 && (size_t)i < len; i++)
        id = id * 10 + (line[i] - '0');
    if (m->n < 256)
        m->ids[m->n++] = id;
    if (len >= sizeof m->last)
        len = sizeof m->last - 1;
    memcpy(m->last, line, len);
    m->last[len] = 0;
}

static inline void memlog_init(memlog *m)
{
    memset(m, 0, sizeof *m);
    hm_log_init(&m->lg, memlog_fn, m);
}

static inline int memlog_has(const memlog *m, int id)
{
    int i;
    for (i = 0; i < m->n; i++)
        if (m->ids[i] == id)
            return 1;
    return 0;
}

#endif
