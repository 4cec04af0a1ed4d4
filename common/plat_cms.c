/*
 * plat_cms.c - the platform layer on z/VM CMS. See hm_plat.h.
 * Two C runtimes:
 *   IBM C for VM/ESA (LE for z/VM): the default;
 *   GCC for CMS with PDPCLIB: HM_CMS_PDPCLIB, or __CMS__ defined by a
 *   compiler that is not IBM's.
 * Compiled when __VM__ or __CMS__ is defined (or -DHM_CMS when the
 * compiler defines neither); anywhere else it compiles to nothing.
 *
 * NOT RUN: no VM system is available to the project. On Linux,
 * `build/lint.py --plat` compiles it with gcc and clang -D__VM__
 * (and -D__CMS__ -DHM_CMS_PDPCLIB) -DHM_CMS_STUBS: C90 syntax and
 * types only. The CMS behaviour below comes from the C/370 manual
 * text quoted in Info-ZIP's proginfo/fileinfo.cms and from PDPCLIB's
 * stdio.c, and is unverified.
 *
 * File ids: "fn ft fm" or "fn.ft.fm"; fm may be left out (reading
 * searches the accessed disks; writing goes to A). fn and ft have 1
 * to 8 characters, fm 1 or 2. Both runtimes accept blanks or periods
 * as separators; this file rewrites a file id as "FN FT FM" (upper
 * case, the CMS convention, unless HM_CMS_ASIS) so that it can build
 * work file ids and CMS commands from it. Any other name ("dd:NAME"
 * for a FILEDEF, "*" for the console, an SFS or BFS path) is handed
 * to the runtime unchanged and written in place.
 *
 * Reading: IBM C: fopen(id, "rb,type=record") for HM_PL_RECORDS,
 * where each fread() returns one record; zero-length records are
 * skipped and reported (see plat_zos.c). PDPCLIB has no record mode:
 * its binary reads deliver RECFM V records WITH their 4-byte RDW and
 * RECFM F records back to back, so HM_PL_RECORDS reads bytes there:
 * read V files with the record reader's V format, F files with F and
 * their LRECL.
 *
 * Writing: to the work file id "HMTxxxxx FT FM" (same type and mode,
 * so the final rename stays on that disk), then on commit renamed
 * to the final id. rename() is tried first (PDPCLIB's issues the CMS
 * RENAME command through SVC 202); when it fails, the CMS command
 * "RENAME from to" is issued through system(). RENAME will not
 * replace a file, so an existing final file is first renamed aside
 * ("HMOxxxxx FT FM"), erased after the new one is in place, or put
 * back when that fails. Not atomic.
 * The new file gets the runtime's attributes for a binary stream
 * (HM_CMS_WMODE, "wb"): PDPCLIB FILEDEFs binary output as RECFM F
 * LRECL 800, so its last record is padded; give IBM C keywords such
 * as -DHM_CMS_WMODE="\"wb,recfm=V\"" to keep exact lengths.
 *
 * Log: the console, through stderr. Standard output: stdout. There
 * is no live progress line (hm_pl_log_is_terminal() is 0).
 *
 * Directories: a "directory" is a file mode letter (with optional
 * number): hm_pl_join("B", "NOTES.CSV") gives "NOTES CSV B". Disks
 * are not created (hm_pl_mkdir succeeds); listing a disk is not
 * implemented yet (see hm_pl_listdir).
 */
#if defined(__VM__) || defined(__CMS__) || defined(HM_CMS)

#ifdef HM_CMS_STUBS
#include "zosstub.h"
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <ctype.h>
#include "hm_plat.h"

#if defined(HM_CMS_PDPCLIB) || (defined(__CMS__) && !defined(__IBMC__))
#define PL_PDPCLIB 1
#endif

#ifndef HM_CMS_WMODE
#define HM_CMS_WMODE "wb"
#endif

#define PL_MAXREC 65536ul /* CMS records: LRECL up to 65535 */
#define PL_IDMAX 24       /* "FN FT FM" and a terminator */
#define PL_TRIES 20

/* ---- storage ---- */

static void *pl_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n ? n : 1);
}

static void pl_release(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static const hm_alloc pl_heap = { pl_alloc, pl_release, 0 };

const hm_alloc *hm_pl_alloc(void)
{
    return &pl_heap;
}

static char *pl_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = (char *)malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* ---- file ids ---- */

typedef struct pl_fid {
    char fn[9];
    char ft[9];
    char fm[3]; /* "" when not given */
} pl_fid;

static int pl_sep(int c)
{
    return c == ' ' || c == '.';
}

/* Copy one token of at most max characters; -1 if it is longer. */
static int pl_token(const char **p, char *out, size_t max)
{
    size_t n = 0;
    while (**p == ' ')
        (*p)++;
    while (**p && !pl_sep(**p)) {
        if (n == max)
            return -1;
#ifdef HM_CMS_ASIS
        out[n++] = **p;
#else
        out[n++] = (char)toupper((unsigned char)**p);
#endif
        (*p)++;
    }
    out[n] = 0;
    if (**p)
        (*p)++;
    return n > 0 ? 0 : -1;
}

/* Parse "fn ft [fm]" or "fn.ft[.fm]"; -1 when name is not one. */
static int pl_parse(const char *name, pl_fid *id)
{
    const char *p = name;
    size_t i;
    for (i = 0; name[i]; i++)
        if (name[i] == ':' || name[i] == '/' || name[i] == '*' ||
            name[i] == '(')
            return -1;
    if (pl_token(&p, id->fn, 8) != 0 || pl_token(&p, id->ft, 8) != 0)
        return -1;
    id->fm[0] = 0;
    while (*p == ' ')
        p++;
    if (*p && pl_token(&p, id->fm, 2) != 0)
        return -1;
    while (*p == ' ')
        p++;
    return *p ? -1 : 0;
}

/* "FN FT FM" (FM "A" when missing and dflt is set) into buf. */
static void pl_format(const pl_fid *id, int dflt, char *buf)
{
    size_t a = strlen(id->fn), b = strlen(id->ft), c = strlen(id->fm);
    memcpy(buf, id->fn, a);
    buf[a] = ' ';
    memcpy(buf + a + 1, id->ft, b);
    if (c == 0 && dflt) {
        buf[a + 1 + b] = ' ';
        buf[a + 2 + b] = 'A';
        buf[a + 3 + b] = 0;
    } else if (c) {
        buf[a + 1 + b] = ' ';
        memcpy(buf + a + 2 + b, id->fm, c + 1);
    } else {
        buf[a + 1 + b] = 0;
    }
}

static unsigned long pl_seq;

static void pl_tag(const char *what, char *tag)
{
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
    unsigned long v;
    int i;
    pl_seq++;
    v = (unsigned long)time(0) * 31ul + (unsigned long)clock() +
        pl_seq * 7919ul;
    memcpy(tag, what, 3);
    for (i = 7; i >= 3; i--) {
        tag[i] = digits[v & 31ul];
        v >>= 5;
    }
    tag[8] = 0;
}

static int pl_exists(const char *name)
{
    FILE *fp = fopen(name, "rb");
    if (!fp)
        return 0;
    fclose(fp);
    return 1;
}

/* A free file id "HMxxxxxx FT FM" beside final (parsed, with FM). */
static int pl_free_beside(const pl_fid *final, const char *what,
                          char *buf)
{
    pl_fid t = *final;
    int i;
    for (i = 0; i < PL_TRIES; i++) {
        pl_tag(what, t.fn);
        pl_format(&t, 1, buf);
        if (!pl_exists(buf))
            return 0;
    }
    return -1;
}

/* rename(), else the CMS RENAME command. */
static int pl_rename(const char *from, const char *to)
{
    char cmd[8 + 2 * PL_IDMAX];
    size_t a = strlen(from), b = strlen(to);
    if (rename(from, to) == 0)
        return 0;
    memcpy(cmd, "RENAME ", 7);
    memcpy(cmd + 7, from, a);
    cmd[7 + a] = ' ';
    memcpy(cmd + 8 + a, to, b + 1);
    return system(cmd) == 0 ? 0 : -1;
}

/* remove(), else the CMS ERASE command. */
static int pl_erase(const char *name)
{
    char cmd[8 + PL_IDMAX];
    size_t a = strlen(name);
    if (remove(name) == 0)
        return 0;
    memcpy(cmd, "ERASE ", 6);
    memcpy(cmd + 6, name, a + 1);
    return system(cmd) == 0 ? 0 : -1;
}

/* ---- log ---- */

void hm_pl_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    fwrite(line, 1, len, stderr);
    fputc('\n', stderr);
    fflush(stderr);
}

void hm_pl_log_init(hm_log *lg)
{
    hm_log_init(lg, hm_pl_log, 0);
}

void hm_pl_progress(const char *line, size_t len)
{
    (void)line;
    (void)len;
}

int hm_pl_log_is_terminal(void)
{
    return 0;
}

/* ---- reading ---- */

struct hm_pfile {
    FILE *fp;
    int records;
    char *name;
    hm_log *log;
    unsigned char *rbuf;
    unsigned long off;
    unsigned long empty;
};

hm_pfile *hm_pl_open(const char *name, int mode, hm_log *log)
{
    hm_pfile *f;
    FILE *fp = 0;
    pl_fid id;
    char norm[PL_IDMAX];
    const char *use = name;
    int records = 0, e;
    if (pl_parse(name, &id) == 0) {
        pl_format(&id, 0, norm);
        use = norm;
    }
#ifndef PL_PDPCLIB
    if (mode == HM_PL_RECORDS) {
        fp = fopen(use, "rb,type=record");
        records = fp != 0;
    }
#else
    (void)mode;
#endif
    if (!fp)
        fp = fopen(use, "rb");
    if (!fp) {
        e = errno;
        hm_msg2(log, HMM_OPEN, name, strerror(e));
        return 0;
    }
    f = (hm_pfile *)calloc(1, sizeof *f);
    if (f) {
        f->name = pl_strdup(name);
        if (records)
            f->rbuf = (unsigned char *)malloc(PL_MAXREC);
    }
    if (!f || !f->name || (records && !f->rbuf)) {
        fclose(fp);
        if (f) {
            free(f->name);
            free(f);
        }
        hm_msg1(log, HMM_NOSTOR, name);
        return 0;
    }
    f->fp = fp;
    f->records = records;
    f->log = log;
    return f;
}

static void pl_read_msg(hm_pfile *f, const char *why)
{
    char num[24];
    hm_msg3(f->log, HMM_READ, f->name, hm_fmt_ulong(f->off, num), why);
}

long hm_pl_read(void *ctx, unsigned char *buf, size_t n)
{
    hm_pfile *f = (hm_pfile *)ctx;
    size_t got;
    if (!f->records) {
        if (n > 0x40000000ul)
            n = 0x40000000ul;
        got = fread(buf, 1, n, f->fp);
        if (got == 0 && ferror(f->fp))
            return -1;
        f->off += (unsigned long)got;
        return (long)got;
    }
    for (;;) {
        got = fread(f->rbuf, 1, PL_MAXREC, f->fp);
        if (got > 0)
            break;
        if (ferror(f->fp))
            return -1;
        if (feof(f->fp))
            return 0;
        if (f->empty++ == 0)
            pl_read_msg(f, "zero-length records are skipped");
    }
    if (got > n) {
        pl_read_msg(f, "a record is longer than the reader's buffer");
        return -1;
    }
    memcpy(buf, f->rbuf, got);
    f->off += (unsigned long)got;
    return (long)got;
}

/* Unknown: C90 has no portable way and CMS records have no size. */
long hm_pl_size(hm_pfile *f)
{
    (void)f;
    return -1;
}

void hm_pl_close(hm_pfile *f)
{
    if (f) {
        fclose(f->fp);
        free(f->rbuf);
        free(f->name);
        free(f);
    }
}

/* ---- writing ---- */

struct hm_pout {
    FILE *fp;
    char *final;       /* as given, for messages */
    char fid[PL_IDMAX]; /* "FN FT FM" of the final file */
    char temp[PL_IDMAX]; /* "" when written in place */
    int failed;
    int err;
    int is_std;
};

static hm_pout pl_stdout_obj;

hm_pout *hm_pl_stdout(void)
{
    if (!pl_stdout_obj.fp) {
        pl_stdout_obj.fp = stdout;
        pl_stdout_obj.is_std = 1;
    }
    return &pl_stdout_obj;
}

int hm_pl_flush_stdout(void)
{
    hm_pout *o = hm_pl_stdout();
    if (fflush(o->fp) != 0 || o->failed)
        return -1;
    return 0;
}

static void pl_free_out(hm_pout *o)
{
    free(o->final);
    free(o);
}

hm_pout *hm_pl_create(const char *name, hm_log *log)
{
    hm_pout *o;
    pl_fid id;
    int e;
    o = (hm_pout *)calloc(1, sizeof *o);
    if (o)
        o->final = pl_strdup(name);
    if (!o || !o->final) {
        free(o);
        hm_msg1(log, HMM_NOSTOR, name);
        return 0;
    }
    if (pl_parse(name, &id) == 0) {
        pl_format(&id, 1, o->fid);
        if (pl_free_beside(&id, "HMT", o->temp) != 0) {
            hm_msg2(log, HMM_OPEN, name, "no work file id is free");
            pl_free_out(o);
            return 0;
        }
    }
    o->fp = fopen(o->temp[0] ? o->temp : name, HM_CMS_WMODE);
    if (!o->fp) {
        e = errno;
        hm_msg2(log, HMM_OPEN, name, strerror(e));
        pl_free_out(o);
        return 0;
    }
    return o;
}

int hm_pl_write(void *ctx, const unsigned char *buf, size_t n)
{
    hm_pout *o = (hm_pout *)ctx;
    if (o->failed)
        return -1;
    if (n && fwrite(buf, 1, n, o->fp) != n) {
        o->failed = 1;
        o->err = errno;
        return -1;
    }
    return 0;
}

static void pl_fail(hm_pout *o)
{
    if (!o->failed) {
        o->failed = 1;
        o->err = errno;
    }
}

/* Rename the work file to the final id, replacing it. */
static int pl_replace(hm_pout *o)
{
    pl_fid id;
    char aside[PL_IDMAX];
    int e;
    if (!pl_exists(o->fid))
        return pl_rename(o->temp, o->fid);
    if (pl_parse(o->fid, &id) != 0 ||
        pl_free_beside(&id, "HMO", aside) != 0 ||
        pl_rename(o->fid, aside) != 0)
        return -1;
    if (pl_rename(o->temp, o->fid) != 0) {
        e = errno;
        pl_rename(aside, o->fid);
        errno = e;
        return -1;
    }
    pl_erase(aside);
    return 0;
}

int hm_pl_commit(hm_pout *o, hm_log *log)
{
    int rc = 0;
    if (o->is_std)
        return hm_pl_flush_stdout();
    if (fflush(o->fp) != 0)
        pl_fail(o);
    if (fclose(o->fp) != 0)
        pl_fail(o);
    if (!o->failed && o->temp[0] && pl_replace(o) != 0)
        pl_fail(o);
    if (o->failed) {
        hm_msg2(log, HMM_COMMIT, o->final, strerror(o->err));
        if (o->temp[0])
            pl_erase(o->temp);
        rc = -1;
    }
    pl_free_out(o);
    return rc;
}

void hm_pl_discard(hm_pout *o)
{
    if (!o || o->is_std)
        return;
    fclose(o->fp);
    if (o->temp[0])
        pl_erase(o->temp);
    pl_free_out(o);
}

/* ---- directories ---- */

/* dir is a file mode ("B", "B1") or empty; file is "fn.ft" or
 * "fn ft" (a full id is kept). -1 when file is not such a name or
 * buf is too small. */
/* Append and make durable: fopen "ab" (CMS appends records
 * to an existing file id), fwrite, fflush, fclose. fclose writes the
 * last block to the minidisk. */
int hm_pl_append(const char *name, const unsigned char *buf, size_t n,
                 hm_log *log)
{
    FILE *fp = fopen(name, "ab");
    int e;
    if (!fp) {
        e = errno;
        hm_msg2(log, HMM_OPEN, name, strerror(e));
        return -1;
    }
    if ((n && fwrite(buf, 1, n, fp) != n) || fflush(fp) != 0) {
        e = errno;
        fclose(fp);
        hm_msg2(log, HMM_WRITE, name, strerror(e));
        return -1;
    }
    if (fclose(fp) != 0) {
        e = errno;
        hm_msg2(log, HMM_WRITE, name, strerror(e));
        return -1;
    }
    return 0;
}

int hm_pl_join(const char *dir, const char *file, char *buf, size_t cap)
{
    pl_fid id;
    char tmp[PL_IDMAX];
    size_t n;
    if (pl_parse(file, &id) != 0)
        return -1;
    if (id.fm[0] == 0 && dir[0]) {
        if (strlen(dir) > 2)
            return -1;
        memcpy(id.fm, dir, strlen(dir) + 1);
    }
    pl_format(&id, 0, tmp);
    n = strlen(tmp);
    if (n + 1 > cap)
        return -1;
    memcpy(buf, tmp, n + 1);
    return 0;
}

/* Minidisks and accessed SFS directories exist or not; nothing to
 * create. */
int hm_pl_mkdir(const char *path, hm_log *log)
{
    (void)path;
    (void)log;
    return 0;
}

/*
 * TODO: list the files on a disk. Approach: issue
 * "LISTFILE * * fm (EXEC" through system(); CMS writes CMS EXEC A1,
 * one line per file, "&1 &2 FN FT FM"; read it, take the last three
 * words of each line, join FN and FT with a period, sort bytewise
 * and call fn with is_dir 0. (Or LISTFILE (STACK and read the
 * program stack where the runtime offers a call for it; SFS
 * directories: the DMSGETDI CSL routine.) Check the line format on
 * a real system first.
 */
int hm_pl_listdir(const char *path, hm_pl_dirfn fn, void *ctx,
                  hm_log *log)
{
    (void)fn;
    (void)ctx;
    hm_msg2(log, HMM_LISTDIR, path,
            "listing a CMS disk is not implemented yet");
    return -1;
}

/* ---- time and resources ---- */

/* Whole seconds; progress only. */
unsigned long hm_pl_clock_ms(void)
{
    return (unsigned long)time(0) * 1000ul;
}

unsigned long hm_pl_peak_kib(void)
{
    return 0;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int hm_plat_cms_unused;
#endif
