/*
 * zipflate.c - CRC-32, raw deflate and raw inflate for the ZIP
 * writer and reader (hm_zip.h), on zlib.
 *
 * zlib does the work (crc32, deflate, inflate: the project's rule is
 * not to hand-write what a dependency does); this file adapts it to
 * hostmig's callbacks and caller-given allocator. The compression is
 * fixed (level 6, 15-bit window, memLevel 8, default strategy), so
 * one zlib build always gives the same bytes for the same input.
 * Different zlib versions, or a hardware deflate (zEDC on z/OS), may
 * compress differently; the inflated data and its CRC never differ.
 */
#include <string.h>
#include <zlib.h>
#include "hm_zip.h"

#define ZF_CHUNK 16384

/*
 * zlib's deflateInit2 and inflateInit2 macros pass ZLIB_VERSION, a
 * string literal: in an EBCDIC build it would be EBCDIC and zlib
 * would refuse it. The library's own version string (zlibVersion())
 * is passed instead; the structure size still checks that header and
 * library agree.
 */

unsigned long hm_crc32(unsigned long crc, const unsigned char *p,
                       size_t n)
{
    /* zlib takes uInt lengths: feed large buffers in pieces */
    while (n > 0) {
        uInt k = n > 0x40000000ul ? 0x40000000u : (uInt)n;
        crc = crc32(crc, p, k);
        p += k;
        n -= k;
    }
    return crc & 0xFFFFFFFFul;
}

/* zlib's storage through the caller's allocator */
static voidpf zf_alloc(voidpf opaque, uInt items, uInt size)
{
    const hm_alloc *a = (const hm_alloc *)opaque;
    if (size != 0 && items > (uInt)-1 / size)
        return Z_NULL;
    return HM_ALLOC(a, (size_t)items * size);
}

static void zf_free(voidpf opaque, voidpf p)
{
    const hm_alloc *a = (const hm_alloc *)opaque;
    HM_FREE(a, p);
}

/* ---- deflate ---- */

struct hm_zdef {
    z_stream s;
    const hm_alloc *a;
    hm_write_fn out;
    void *octx;
    unsigned long csize;
    int failed;
    unsigned char buf[ZF_CHUNK];
};

hm_zdef *hm_zdef_open(const hm_alloc *a, hm_write_fn out, void *octx)
{
    hm_zdef *z = (hm_zdef *)HM_ALLOC(a, sizeof *z);
    if (!z)
        return 0;
    memset(&z->s, 0, sizeof z->s);
    z->s.zalloc = zf_alloc;
    z->s.zfree = zf_free;
    z->s.opaque = (voidpf)a;
    z->a = a;
    z->out = out;
    z->octx = octx;
    z->csize = 0;
    z->failed = 0;
    if (deflateInit2_(&z->s, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                      zlibVersion(), (int)sizeof z->s) != Z_OK) {
        HM_FREE(a, z);
        return 0;
    }
    return z;
}

/* Run deflate with flush until it needs more input (or ends). */
static int zdef_pump(hm_zdef *z, int flush)
{
    int rc;
    do {
        size_t have;
        z->s.next_out = z->buf;
        z->s.avail_out = ZF_CHUNK;
        rc = deflate(&z->s, flush);
        if (rc == Z_STREAM_ERROR)
            return -1;
        have = ZF_CHUNK - z->s.avail_out;
        z->csize += (unsigned long)have;
        if (have && z->out && z->out(z->octx, z->buf, have) != 0)
            return -1;
    } while (z->s.avail_out == 0 ||
             (flush == Z_FINISH && rc != Z_STREAM_END));
    return 0;
}

int hm_zdef_write(hm_zdef *z, const unsigned char *p, size_t n)
{
    if (z->failed)
        return -1;
    while (n > 0) {
        uInt k = n > 0x40000000ul ? 0x40000000u : (uInt)n;
        z->s.next_in = (Bytef *)p;
        z->s.avail_in = k;
        if (zdef_pump(z, Z_NO_FLUSH) != 0) {
            z->failed = 1;
            return -1;
        }
        p += k;
        n -= k;
    }
    return 0;
}

int hm_zdef_finish(hm_zdef *z, unsigned long *csize)
{
    int rc = z->failed ? -1 : 0;
    if (rc == 0) {
        z->s.next_in = Z_NULL;
        z->s.avail_in = 0;
        rc = zdef_pump(z, Z_FINISH);
    }
    if (csize)
        *csize = z->csize;
    hm_zdef_free(z);
    return rc;
}

void hm_zdef_free(hm_zdef *z)
{
    if (!z)
        return;
    deflateEnd(&z->s);
    HM_FREE(z->a, z);
}

/* ---- inflate ---- */

struct hm_zinf {
    z_stream s;
    const hm_alloc *a;
    hm_read_fn in;
    void *ictx;
    const char *err;
    int done;
    int eof;
    unsigned char buf[ZF_CHUNK];
};

hm_zinf *hm_zinf_open(const hm_alloc *a, hm_read_fn in, void *ictx)
{
    hm_zinf *z = (hm_zinf *)HM_ALLOC(a, sizeof *z);
    if (!z)
        return 0;
    memset(&z->s, 0, sizeof z->s);
    z->s.zalloc = zf_alloc;
    z->s.zfree = zf_free;
    z->s.opaque = (voidpf)a;
    z->a = a;
    z->in = in;
    z->ictx = ictx;
    z->err = 0;
    z->done = 0;
    z->eof = 0;
    if (inflateInit2_(&z->s, -15, zlibVersion(), (int)sizeof z->s)
        != Z_OK) {
        HM_FREE(a, z);
        return 0;
    }
    return z;
}

long hm_zinf_read(void *ctx, unsigned char *buf, size_t n)
{
    hm_zinf *z = (hm_zinf *)ctx;
    if (z->err)
        return -1;
    if (z->done || n == 0)
        return 0;
    if (n > 0x40000000ul)
        n = 0x40000000ul;
    z->s.next_out = buf;
    z->s.avail_out = (uInt)n;
    while (z->s.avail_out == (uInt)n) {
        int rc;
        if (z->s.avail_in == 0 && !z->eof) {
            long got = z->in(z->ictx, z->buf, ZF_CHUNK);
            if (got < 0) {
                z->err = "the compressed data cannot be read";
                return -1;
            }
            if (got == 0)
                z->eof = 1;
            z->s.next_in = z->buf;
            z->s.avail_in = (uInt)got;
        }
        rc = inflate(&z->s, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            z->done = 1;
            break;
        }
        if (rc == Z_BUF_ERROR && z->eof) {
            z->err = "the compressed data ends too early";
            return -1;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            z->err = rc == Z_MEM_ERROR ? "out of storage"
                                       : "the compressed data is damaged";
            return -1;
        }
    }
    return (long)(n - z->s.avail_out);
}

const char *hm_zinf_error(const hm_zinf *z)
{
    return z->err;
}

unsigned long hm_zinf_used(const hm_zinf *z)
{
    return (unsigned long)z->s.total_in;
}

int hm_zinf_done(const hm_zinf *z)
{
    return z->done;
}

void hm_zinf_close(hm_zinf *z)
{
    if (!z)
        return;
    inflateEnd(&z->s);
    HM_FREE(z->a, z);
}
