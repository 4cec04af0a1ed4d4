/* memsrc.c - a byte source over memory (see hm_base.h). */
#include <string.h>
#include "hm_base.h"

void hm_memsrc_init(hm_memsrc *m, const void *data, size_t size)
{
    m->data = (const unsigned char *)data;
    m->size = size;
    m->pos = 0;
    m->chunk = 0;
}

long hm_memsrc_read(void *ctx, unsigned char *buf, size_t n)
{
    hm_memsrc *m = (hm_memsrc *)ctx;
    size_t left = m->size - m->pos;
    if (n > left)
        n = left;
    if (m->chunk && n > m->chunk)
        n = m->chunk;
    if (n > 0x7FFFFFFFul)
        n = 0x7FFFFFFFul;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return (long)n;
}
