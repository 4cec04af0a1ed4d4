/*
 * plat_zos.c - the platform layer on z/OS Language Environment:
 * batch, TSO and z/OS UNIX. See hm_plat.h. Built by Makefile.zos;
 * anywhere else (no __MVS__) it compiles to nothing.
 *
 * NOT RUN: no z/OS system is available to the project. On Linux,
 * `build/lint.py --plat` compiles it with gcc and clang -D__MVS__
 * -DHM_ZOS_STUBS against glibc's declarations of the same ISO C and
 * POSIX functions. That checks C90 syntax and types only; what LE
 * does with the names and fopen() keywords below is taken from the
 * XL C/C++ Programming Guide and is unverified.
 *
 * Names, as the user writes them (execution character set):
 *   //DD:NAME, //DD:NAME(MEMBER), DD:NAME   a DD (JCL or ALLOCATE)
 *   //'HLQ.DSN', //'HLQ.PDS(MEMBER)'        a fully qualified data set
 *   //DSN, //PDS(MEMBER)                     TSO prefix (batch: userid)
 *                                            added by LE
 *   /path, ./path, ../path                   z/OS UNIX files
 *   anything else        a z/OS UNIX path under POSIX(ON), the
 *                        default from the shell; a data set name
 *                        under POSIX(OFF). LE decides; this file
 *                        only relies on rename() working for both.
 *
 * Reading: fopen(name, "rb") for bytes. For HM_PL_RECORDS, data sets
 * and DDs are opened "rb,type=record", where each fread() returns one
 * record; z/OS UNIX files have no records and are read as bytes, as
 * in plat_posix.c (so is a DD naming a UNIX file, PATH=, when LE
 * refuses type=record for it). Records are read into a buffer of
 * PL_MAXREC bytes: LE would truncate a longer one (LRECL=X). A
 * zero-length record (a V record of only its RDW) cannot be returned
 * by an hm_read_fn, where 0 means end of data: it is skipped and
 * reported once per file with HMM_READ.
 *
 * Writing:
 *   z/OS UNIX files and data sets are written under a temporary name
 *   next to the final one (NAME.HMTxxxxx; with data sets the last
 *   qualifier is replaced instead when 44 characters would be
 *   exceeded; a PDS member is written as member HMTxxxxx of the same
 *   PDS) and rename()d by hm_pl_commit. LE's rename() renames
 *   cataloged DASD data sets and PDS/PDSE members; it replaces an
 *   existing UNIX file, but with data sets it may refuse. So when
 *   the first rename fails and the final name exists, that one is
 *   renamed aside (NAME.HMOxxxxx), the new one renamed in and the old
 *   one removed; if the second rename fails, the old one is put
 *   back. Unlike a UNIX rename this is not atomic.
 *   A new sequential data set is allocated by LE with the keywords of
 *   HM_ZOS_NEWDS (RECFM=U, so binary output keeps its exact length);
 *   a member takes the attributes of its PDS.
 *   DD names are written in place ("wb"): a DD cannot be renamed and
 *   its disposition belongs to the JCL. When a run fails (a commit
 *   fails, or the return code is 8 or more) the contents of its DD
 *   outputs must be disregarded: hm_pl_discard cannot remove them.
 *
 * Log: to the SYSPRINT DD when it is allocated (fopen("//DD:SYSPRINT",
 * "w") succeeds), else to stderr (z/OS UNIX shell; TSO without
 * SYSPRINT). Standard output: the SYSOUT DD when allocated, else the
 * log's SYSPRINT stream when the log has it (two opens of one DD
 * would overwrite each other), else stdout. Both are text streams, so
 * a new-line character ends a record. There is no live progress line
 * (hm_pl_log_is_terminal() is 0): progress goes to the log.
 *
 * Directories: z/OS UNIX directories through opendir(). A PDS is the
 * "directory" of its members for hm_pl_join; listing members is not
 * implemented yet (see pl_list_pds).
 */
#if defined(__MVS__)

#define _XOPEN_SOURCE 500
#define _XOPEN_SOURCE_EXTENDED 1
#ifdef HM_ZOS_STUBS
#include "zosstub.h"
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <ctype.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <dirent.h>
#include "hm_plat.h"

/* fopen() mode for a new sequential data set. */
#ifndef HM_ZOS_NEWDS
#define HM_ZOS_NEWDS "wb,recfm=U,blksize=27998"
#endif

#define PL_MAXREC 32768ul /* largest record delivered (LRECL 32760) */
#define PL_DSNMAX 44      /* data set name, without member */
#define PL_PATHMAX 1024
#define PL_TRIES 20

#define PL_UNIX 0 /* z/OS UNIX path, or a bare name */
#define PL_DSN 1  /* //... data set */
#define PL_DD 2   /* //DD:... or DD:... */

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

/* ---- names ---- */

static int pl_ieq(int a, int b)
{
    return toupper((unsigned char)a) == toupper((unsigned char)b);
}

static int pl_is_dd(const char *p)
{
    return pl_ieq(p[0], 'D') && pl_ieq(p[1], 'D') && p[2] == ':';
}

static int pl_kind(const char *name)
{
    if (pl_is_dd(name))
        return PL_DD;
    if (name[0] == '/' && name[1] == '/')
        return pl_is_dd(name + 2) ? PL_DD : PL_DSN;
    return PL_UNIX;
}

/* The member part "(MEMBER)" of a data set name: the offset of its
 * '(' and, in *end, of its ')'; -1 when there is none (UNIX paths
 * with a slash have no members). */
static long pl_member(const char *name, size_t *end)
{
    size_t n = strlen(name), i;
    if (strchr(name[0] == '/' && name[1] == '/' ? name + 2 : name, '/'))
        return -1;
    if (n > 0 && name[n - 1] == '\'')
        n--;
    if (n < 3 || name[n - 1] != ')')
        return -1;
    for (i = n - 1; i > 0; i--) {
        if (name[i - 1] == '(') {
            *end = n - 1;
            return (long)(i - 1);
        }
    }
    return -1;
}

static unsigned long pl_seq;

/* A name part that is a valid qualifier and member name: the
 * letters of what (3) and 5 characters from the clock and a
 * counter. */
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

/* The name beside final with tag in it: member tag of the same PDS,
 * or final.tag (data sets: the last qualifier replaced by tag when
 * the name would exceed 44 characters). -1 when it does not fit. */
static int pl_beside(const char *final, const char *tag, char *buf,
                     size_t cap)
{
    size_t n = strlen(final), end = 0, at, dsn0, dsn1;
    long mem = pl_member(final, &end);
    int quoted = n > 0 && final[n - 1] == '\'';
    if (n + 10 > cap)
        return -1;
    if (mem >= 0) {
        at = (size_t)mem + 1;
        memcpy(buf, final, at);
        memcpy(buf + at, tag, 8);
        memcpy(buf + at + 8, final + end, n - end + 1);
        return 0;
    }
    dsn1 = quoted ? n - 1 : n;
    if (final[0] == '/' && final[1] == '/')
        dsn0 = quoted ? 3 : 2; /* a data set */
    else if (strchr(final, '/'))
        dsn0 = dsn1;           /* a UNIX path: always append */
    else
        dsn0 = 0;              /* bare: a data set under POSIX(OFF) */
    at = dsn1;
    if (dsn1 - dsn0 + 9 > PL_DSNMAX && dsn0 < dsn1) {
        /* replace the last qualifier */
        while (at > dsn0 && final[at - 1] != '.')
            at--;
        if (at == dsn0)
            at = dsn1;
        else
            at--;
    }
    memcpy(buf, final, at);
    buf[at] = '.';
    memcpy(buf + at + 1, tag, 8);
    memcpy(buf + at + 9, final + dsn1, n - dsn1 + 1);
    return 0;
}

static int pl_exists(const char *name)
{
    FILE *fp = fopen(name, "rb");
    if (!fp)
        return 0;
    fclose(fp);
    return 1;
}

/* A free name beside final, into buf. */
static int pl_free_beside(const char *final, const char *what,
                          char *buf, size_t cap)
{
    char tag[9];
    int i;
    for (i = 0; i < PL_TRIES; i++) {
        pl_tag(what, tag);
        if (pl_beside(final, tag, buf, cap) != 0)
            return -1;
        if (!pl_exists(buf))
            return 0;
    }
    return -1;
}

/* ---- log ---- */

static FILE *pl_logfp;
static int pl_log_sysprint; /* the log owns the SYSPRINT stream */

static FILE *pl_logfile(void)
{
    if (!pl_logfp) {
        pl_logfp = fopen("//DD:SYSPRINT", "w");
        if (pl_logfp)
            pl_log_sysprint = 1;
        else
            pl_logfp = stderr;
    }
    return pl_logfp;
}

void hm_pl_log(void *ctx, int sev, const char *line, size_t len)
{
    FILE *fp = pl_logfile();
    (void)ctx;
    (void)sev;
    fwrite(line, 1, len, fp);
    fputc('\n', fp);
    fflush(fp);
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
    int records;         /* one record per fread */
    int kind;
    char *name;
    hm_log *log;
    unsigned char *rbuf; /* PL_MAXREC bytes when records */
    unsigned long off;   /* bytes delivered */
    unsigned long empty; /* zero-length records skipped */
};

hm_pfile *hm_pl_open(const char *name, int mode, hm_log *log)
{
    hm_pfile *f;
    FILE *fp = 0;
    int kind = pl_kind(name), records = 0, e;
    if (mode == HM_PL_RECORDS && kind != PL_UNIX) {
        fp = fopen(name, "rb,type=record");
        records = fp != 0;
    }
    if (!fp)
        fp = fopen(name, "rb");
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
    f->kind = kind;
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

long hm_pl_size(hm_pfile *f)
{
    struct stat st;
    if (f->kind != PL_UNIX || stat(f->name, &st) != 0 ||
        !S_ISREG(st.st_mode))
        return -1; /* data sets: unknown */
    return (long)st.st_size;
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
    char *final;
    char *temp; /* NULL: written in place (DD, standard output) */
    int failed;
    int err;
    int is_std;
};

static hm_pout pl_stdout_obj;

hm_pout *hm_pl_stdout(void)
{
    if (!pl_stdout_obj.fp) {
        FILE *fp = fopen("//DD:SYSOUT", "w");
        if (!fp) {
            fp = pl_logfile();
            if (!pl_log_sysprint)
                fp = stdout;
        }
        pl_stdout_obj.fp = fp;
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
    free(o->temp);
    free(o);
}

hm_pout *hm_pl_create(const char *name, hm_log *log)
{
    hm_pout *o;
    size_t cap = strlen(name) + 16;
    int kind = pl_kind(name), e;
    size_t end;
    const char *mode = "wb";
    o = (hm_pout *)calloc(1, sizeof *o);
    if (o) {
        o->final = pl_strdup(name);
        if (kind != PL_DD)
            o->temp = (char *)malloc(cap);
    }
    if (!o || !o->final || (kind != PL_DD && !o->temp)) {
        if (o)
            pl_free_out(o);
        hm_msg1(log, HMM_NOSTOR, name);
        return 0;
    }
    if (kind != PL_DD &&
        pl_free_beside(name, "HMT", o->temp, cap) != 0) {
        hm_msg2(log, HMM_OPEN, name,
                "no temporary name is free or the name is too long");
        pl_free_out(o);
        return 0;
    }
    if (kind == PL_DSN && pl_member(name, &end) < 0)
        mode = HM_ZOS_NEWDS;
    o->fp = fopen(o->temp ? o->temp : name, mode);
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

/* Rename temp to final, replacing final (see the top). */
static int pl_replace(hm_pout *o)
{
    char *aside;
    size_t cap;
    int rc = -1, e;
    if (rename(o->temp, o->final) == 0)
        return 0;
    e = errno;
    if (!pl_exists(o->final)) {
        errno = e;
        return -1;
    }
    cap = strlen(o->final) + 16;
    aside = (char *)malloc(cap);
    if (!aside)
        return -1;
    if (pl_free_beside(o->final, "HMO", aside, cap) == 0 &&
        rename(o->final, aside) == 0) {
        if (rename(o->temp, o->final) == 0) {
            remove(aside);
            rc = 0;
        } else {
            e = errno;
            rename(aside, o->final);
            errno = e;
        }
    }
    free(aside);
    return rc;
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
    if (!o->failed && o->temp && pl_replace(o) != 0)
        pl_fail(o);
    if (o->failed) {
        hm_msg2(log, HMM_COMMIT, o->final, strerror(o->err));
        if (o->temp)
            remove(o->temp);
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
    if (o->temp)
        remove(o->temp);
    pl_free_out(o);
}

/* ---- directories ---- */

/* Append and make durable: fopen "ab" (for a data set: DISP=MOD
 * semantics), fwrite, fflush, fclose. LE has no fsync for data sets;
 * fclose writes the last block. */
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
    size_t a = strlen(dir), b = strlen(file);
    int kind = pl_kind(dir), slash;
    if (kind != PL_UNIX) {
        /* a PDS: //'HLQ.PDS' -> //'HLQ.PDS(FILE)', //DD:X(FILE) */
        int quoted = a > 0 && dir[a - 1] == '\'';
        size_t at = quoted ? a - 1 : a;
        if (a + b + 3 > cap)
            return -1;
        memcpy(buf, dir, at);
        buf[at] = '(';
        memcpy(buf + at + 1, file, b);
        buf[at + 1 + b] = ')';
        memcpy(buf + at + 2 + b, dir + at, a - at + 1);
        return 0;
    }
    slash = a > 0 && dir[a - 1] != '/';
    if (a + (size_t)slash + b + 1 > cap)
        return -1;
    memcpy(buf, dir, a);
    if (slash)
        buf[a++] = '/';
    memcpy(buf + a, file, b + 1);
    return 0;
}

int hm_pl_mkdir(const char *path, hm_log *log)
{
    char tmp[PL_PATHMAX];
    size_t i, n = strlen(path);
    if (pl_kind(path) != PL_UNIX)
        return 0; /* a PDS must be allocated beforehand (JCL, ISPF) */
    if (n == 0 || n >= sizeof tmp) {
        hm_msg2(log, HMM_MKDIR, path, strerror(ENAMETOOLONG));
        return -1;
    }
    memcpy(tmp, path, n + 1);
    for (i = 1; i <= n; i++) {
        if (tmp[i] == '/' || tmp[i] == 0) {
            char c = tmp[i];
            tmp[i] = 0;
            if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
                int e = errno;
                hm_msg2(log, HMM_MKDIR, tmp, strerror(e));
                return -1;
            }
            tmp[i] = c;
        }
    }
    return 0;
}

static int pl_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * TODO: list the members of a PDS or PDSE. Approach: allocate the
 * data set to a DD with DSORG=PS,RECFM=U,LRECL=256,BLKSIZE=256 (the
 * directory is read like a sequential data set; dynalloc() or the
 * BPXWDYN service, "alloc fi(HMDIR) da('HLQ.PDS') shr"), open
 * "//DD:HMDIR" with "rb,type=record" and read 256-byte blocks. Each
 * block starts with a 2-byte big-endian count of the bytes used
 * (including the count); entries follow: an 8-byte member name
 * (EBCDIC, blank-padded), a 3-byte TTR and one byte whose low 5 bits
 * are the number of halfwords of user data that follow. A name of
 * eight X'FF' bytes ends the directory. Alias entries (bit X'80' of
 * that byte) would be listed as names of their own. Then strip the
 * trailing blanks, sort, and call fn with is_dir 0. PDSE directories
 * read the same through the BSAM simulation.
 */
static int pl_list_pds(const char *path, hm_log *log)
{
    hm_msg2(log, HMM_LISTDIR, path,
            "listing PDS members is not implemented yet");
    return -1;
}

int hm_pl_listdir(const char *path, hm_pl_dirfn fn, void *ctx,
                  hm_log *log)
{
    DIR *d;
    struct dirent *e;
    char **names = 0;
    size_t n = 0, cap = 0, i;
    int rc = 0, err;
    if (pl_kind(path) != PL_UNIX)
        return pl_list_pds(path, log);
    d = opendir(path);
    if (!d) {
        err = errno;
        hm_msg2(log, HMM_LISTDIR, path, strerror(err));
        return -1;
    }
    while ((e = readdir(d)) != 0) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (n == cap) {
            char **nn;
            cap = cap ? cap * 2 : 64;
            nn = (char **)realloc(names, cap * sizeof *names);
            if (!nn) {
                rc = -1;
                break;
            }
            names = nn;
        }
        names[n] = pl_strdup(e->d_name);
        if (!names[n]) {
            rc = -1;
            break;
        }
        n++;
    }
    closedir(d);
    if (rc != 0) {
        hm_msg1(log, HMM_NOSTOR, path);
    } else {
        qsort(names, n, sizeof *names, pl_cmp_names);
        for (i = 0; i < n && rc == 0; i++) {
            char full[PL_PATHMAX];
            struct stat st;
            int isdir = 0;
            if (hm_pl_join(path, names[i], full, sizeof full) == 0 &&
                stat(full, &st) == 0)
                isdir = S_ISDIR(st.st_mode) ? 1 : 0;
            rc = fn(ctx, names[i], isdir);
        }
    }
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

/* ---- time and resources ---- */

/* Whole seconds: LE's time_t counts seconds; progress only. */
unsigned long hm_pl_clock_ms(void)
{
    return (unsigned long)time(0) * 1000ul;
}

/* Unknown here (no getrusage() in batch). */
unsigned long hm_pl_peak_kib(void)
{
    return 0;
}

#else
/* ISO C wants at least one declaration in a translation unit. */
typedef int hm_plat_zos_unused;
#endif
