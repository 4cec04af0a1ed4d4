/* fuzz_migread.c - libFuzzer harness for the migration-file reader
 * and checker. The input is split at each X'00' X'01' pair into the
 * files MIGRATE.PKL, A.PRI, A.SEC, B.PRI, B.SEC (in that order); the
 * checker runs with an item callback that reads every byte handed
 * back, and a log with a no-op sink. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include "migread.h"

static const char *const fz_names[5] = { "MIGRATE.PKL", "A.PRI",
                                         "A.SEC", "B.PRI", "B.SEC" };
typedef struct fz_set {
    const unsigned char *p[5];
    size_t n[5];
} fz_set;

static int fz_open(void *ctx, const char *name, hm_read_fn *fn,
                   void **rctx, unsigned long *size)
{
    fz_set *s = (fz_set *)ctx;
    int i;
    for (i = 0; i < 5; i++)
        if (strcmp(name, fz_names[i]) == 0 && s->p[i]) {
            hm_memsrc *m = malloc(sizeof *m);
            hm_memsrc_init(m, s->p[i], s->n[i]);
            m->chunk = 7;
            *fn = hm_memsrc_read;
            *rctx = m;
            *size = (unsigned long)s->n[i];
            return 0;
        }
    return -1;
}

static void fz_close(void *ctx, void *rctx)
{
    (void)ctx;
    free(rctx);
}

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

static volatile unsigned fz_sink;

static void fz_touch(const hm_text *t)
{
    size_t i;
    for (i = 0; t->s && i < t->len; i++)
        fz_sink += t->s[i];
}

static int fz_item(void *ctx, const hm_item *it)
{
    size_t i, k;
    (void)ctx;
    if (it->kind == HM_ITEM_MESSAGE) {
        const hm_message *m = &it->u.msg;
        for (i = 0; i < m->nfolder; i++)
            fz_touch(&m->folder[i]);
        fz_touch(&m->subject);
        fz_touch(&m->sender.name);
        for (i = 0; i < m->nto; i++) {
            fz_touch(&m->to[i].name);
            fz_touch(&m->to[i].addr);
        }
        for (i = 0; i < m->nbody; i++)
            for (k = 0; k < m->body[i].size; k++)
                fz_sink += m->body[i].p[k];
        for (i = 0; i < m->natt; i++) {
            fz_touch(&m->att[i].name);
            for (k = 0; k < m->att[i].data.size; k++)
                fz_sink += m->att[i].data.p[k];
        }
    } else if (it->kind == HM_ITEM_PAB) {
        for (i = 0; i < HM_PAB_NFIELDS; i++)
            fz_touch(&it->u.pab.f[i]);
        for (i = 0; i < it->u.pab.nmembers; i++)
            fz_touch(&it->u.pab.members[i]);
    } else if (it->kind == HM_ITEM_DIROBJ) {
        fz_touch(&it->u.dir.common_name);
        fz_touch(&it->u.dir.source_addr);
        for (i = 0; i < it->u.dir.nmembers; i++)
            fz_touch(&it->u.dir.members[i]);
    } else if (it->kind == HM_ITEM_DOCUMENT) {
        fz_touch(&it->u.doc.name);
        for (k = 0; k < it->u.doc.data.size; k++)
            fz_sink += it->u.doc.data.p[k];
        for (i = 0; i < it->u.doc.nmore; i++) {
            fz_touch(&it->u.doc.more[i].name);
            for (k = 0; k < it->u.doc.more[i].data.size; k++)
                fz_sink += it->u.doc.more[i].data.p[k];
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_set s;
    hm_mr_set set;
    hm_alloc al;
    hm_log lg;
    size_t i, start = 0;
    int f = 0;
    memset(&s, 0, sizeof s);
    for (i = 0; i + 1 < size && f < 4; i++)
        if (data[i] == 0x00 && data[i + 1] == 0x01) {
            s.p[f] = data + start;
            s.n[f++] = i - start;
            start = i + 2;
            i++;
        }
    s.p[f] = data + start;
    s.n[f] = size - start;
    set.open = fz_open;
    set.close = fz_close;
    set.ctx = &s;
    al.alloc = fz_alloc;
    al.release = fz_free;
    al.ctx = 0;
    hm_log_init(&lg, fz_log, 0);
    hm_mr_check(&al, &set, "MIGRATE.PKL", &lg, fz_item, 0, 0);
    return 0;
}
