/* memsrc.c - a byte source over memory, and a byte search (see
 * hm_base.h). */
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

const unsigned char *hm_find_byte(const unsigned char *p, size_t n,
                                  unsigned c)
{
    /* words without the byte (a word is only asked whether SOME byte
     * is c, which does not depend on the byte order), then the bytes
     * of the word that has it */
    const unsigned long ones = ~0ul / 255ul, high = ones * 0x80ul;
    const unsigned long pat = ones * (unsigned long)(c & 0xFFu);
    const size_t W = sizeof(unsigned long);
    size_t i = 0;
    while (i + 2 * W <= n) {
        unsigned long w, v;
        memcpy(&w, p + i, W);
        memcpy(&v, p + i + W, W);
        w ^= pat;
        v ^= pat;
        if (((w - ones) & ~w & high) | ((v - ones) & ~v & high))
            break;
        i += 2 * W;
    }
    while (i + W <= n) {
        unsigned long w;
        memcpy(&w, p + i, W);
        w ^= pat;
        if ((w - ones) & ~w & high)
            break;
        i += W;
    }
    for (; i < n; i++)
        if (p[i] == c)
            return p + i;
    return NULL;
}
