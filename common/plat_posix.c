/*
 * plat_posix.c - the platform layer on POSIX systems (Linux here).
 * See hm_plat.h. This and the other plat_*.c files are the only
 * sources that call the operating system.
 */
#if defined(__linux__)
#define _GNU_SOURCE     /* sync_file_range */
#endif
#define _XOPEN_SOURCE 600
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/resource.h>
#include "hm_plat.h"

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

static const hm_alloc hm_pl_heap = { pl_alloc, pl_release, 0 };

const hm_alloc *hm_pl_alloc(void)
{
    return &hm_pl_heap;
}

/* ---- log ---- */

static int pl_progress_shown;

void hm_pl_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    if (pl_progress_shown) {
        /* erase a live progress line first */
        fputs("\r\033[K", stderr);
        pl_progress_shown = 0;
    }
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
    fputs("\r\033[K", stderr);
    fwrite(line, 1, len, stderr);
    fflush(stderr);
    pl_progress_shown = 1;
}

int hm_pl_log_is_terminal(void)
{
    return isatty(2);
}

/* ---- reading ---- */

struct hm_pfile {
    int fd;
    int mode;
};

static const char *errtext(int e)
{
    return strerror(e);
}

hm_pfile *hm_pl_open(const char *name, int mode, hm_log *log)
{
    hm_pfile *f;
    int fd = open(name, O_RDONLY);
    if (fd < 0) {
        hm_msg2(log, HMM_OPEN, name, errtext(errno));
        return 0;
    }
    f = (hm_pfile *)malloc(sizeof *f);
    if (!f) {
        close(fd);
        hm_msg1(log, HMM_NOSTOR, name);
        return 0;
    }
    f->fd = fd;
    f->mode = mode;
    return f;
}

long hm_pl_read(void *ctx, unsigned char *buf, size_t n)
{
    hm_pfile *f = (hm_pfile *)ctx;
    ssize_t got;
    if (n > 0x40000000ul)
        n = 0x40000000ul;
    do {
        got = read(f->fd, buf, n);
    } while (got < 0 && errno == EINTR);
    return (long)got;
}

long hm_pl_size(hm_pfile *f)
{
    struct stat st;
    if (fstat(f->fd, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    return (long)st.st_size;
}

void hm_pl_close(hm_pfile *f)
{
    if (f) {
        close(f->fd);
        free(f);
    }
}

/* ---- writing ---- */

/* Created files are written with write(2) from a buffer of PL_OBUF
 * bytes (instead of stdio's 4 KiB: one system call per 16 KiB piece
 * of migwrite was most of the system time); a piece at least that
 * long goes straight from the caller's buffer to the file. Only
 * stdout goes through stdio.
 *
 * A file is committed with fsync (hm_pl_commit): its data must be on
 * disk before it gets its final name. On Linux the writing to disk is
 * started every PL_KICK bytes (sync_file_range, which does not wait),
 * so that it runs while the program goes on and fsync finds little
 * left to wait for; elsewhere fsync does it all at the end. */
#define PL_OBUF 131072
#define PL_KICK 4194304L

struct hm_pout {
    FILE *fp;      /* stdout only */
    int fd;        /* created files */
    unsigned char *buf;
    size_t nbuf;
    char *final;   /* NULL for stdout */
    char *temp;
    int failed;
    int err;
    off_t written; /* bytes written to fd */
    off_t kicked;  /* writing to disk started up to here */
};

static hm_pout pl_stdout_obj;

hm_pout *hm_pl_stdout(void)
{
    if (!pl_stdout_obj.fp) {
        pl_stdout_obj.fp = stdout;
        pl_stdout_obj.fd = -1;
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
    free(o->buf);
    free(o->final);
    free(o->temp);
    free(o);
}

hm_pout *hm_pl_create(const char *name, hm_log *log)
{
    hm_pout *o;
    size_t n = strlen(name);
    o = (hm_pout *)calloc(1, sizeof *o);
    if (!o) {
        hm_msg1(log, HMM_NOSTOR, name);
        return 0;
    }
    o->final = (char *)malloc(n + 1);
    o->temp = (char *)malloc(n + 16);
    o->buf = (unsigned char *)malloc(PL_OBUF);
    if (!o->final || !o->temp || !o->buf) {
        hm_msg1(log, HMM_NOSTOR, name);
        pl_free_out(o);
        return 0;
    }
    memcpy(o->final, name, n + 1);
    /* name.hmtmp-XXXXXX in the same directory, so rename is atomic */
    memcpy(o->temp, name, n);
    memcpy(o->temp + n, ".tmp-XXXXXX", 12);
    o->fd = mkstemp(o->temp);
    if (o->fd < 0) {
        hm_msg2(log, HMM_OPEN, name, errtext(errno));
        pl_free_out(o);
        return 0;
    }
    fchmod(o->fd, 0644);
    return o;
}

/* all n bytes to the file, or failed set */
static void pl_put(hm_pout *o, const unsigned char *b, size_t n)
{
    while (n > 0 && !o->failed) {
        ssize_t w = write(o->fd, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            o->failed = 1;
            o->err = w < 0 ? errno : EIO;
            break;
        }
        b += (size_t)w;
        n -= (size_t)w;
        o->written += (off_t)w;
    }
#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
    if (!o->failed && o->written - o->kicked >= PL_KICK) {
        /* start writing to disk; errors show at fsync */
        (void)sync_file_range(o->fd, o->kicked, o->written - o->kicked,
                              SYNC_FILE_RANGE_WRITE);
        o->kicked = o->written;
    }
#endif
}

static void pl_flush_buf(hm_pout *o)
{
    if (o->nbuf)
        pl_put(o, o->buf, o->nbuf);
    o->nbuf = 0;
}

int hm_pl_write(void *ctx, const unsigned char *buf, size_t n)
{
    hm_pout *o = (hm_pout *)ctx;
    if (o->failed)
        return -1;
    if (o->fp) {
        if (n && fwrite(buf, 1, n, o->fp) != n) {
            o->failed = 1;
            o->err = errno;
            return -1;
        }
        return 0;
    }
    if (n > PL_OBUF - o->nbuf) {
        pl_flush_buf(o);
        if (n >= PL_OBUF) {
            pl_put(o, buf, n);
            return o->failed ? -1 : 0;
        }
    }
    memcpy(o->buf + o->nbuf, buf, n);
    o->nbuf += n;
    return 0;
}

int hm_pl_commit(hm_pout *o, hm_log *log)
{
    int rc = 0;
    pl_flush_buf(o);
    if (!o->failed && fsync(o->fd) != 0) {
        o->failed = 1;
        o->err = errno;
    }
    if (close(o->fd) != 0 && !o->failed) {
        o->failed = 1;
        o->err = errno;
    }
    if (!o->failed && rename(o->temp, o->final) != 0) {
        o->failed = 1;
        o->err = errno;
    }
    if (o->failed) {
        hm_msg2(log, HMM_COMMIT, o->final, errtext(o->err));
        unlink(o->temp);
        rc = -1;
    }
    pl_free_out(o);
    return rc;
}

void hm_pl_discard(hm_pout *o)
{
    if (!o || o == &pl_stdout_obj)
        return;
    close(o->fd);
    unlink(o->temp);
    pl_free_out(o);
}

int hm_pl_append(const char *name, const unsigned char *buf, size_t n,
                 hm_log *log)
{
    int fd = open(name, O_WRONLY | O_CREAT | O_APPEND, 0644);
    size_t done = 0;
    if (fd < 0) {
        hm_msg2(log, HMM_OPEN, name, errtext(errno));
        return -1;
    }
    while (done < n) {
        ssize_t w = write(fd, buf + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    if (done < n || fsync(fd) != 0) {
        hm_msg2(log, HMM_WRITE, name, errtext(errno));
        close(fd);
        return -1;
    }
    if (close(fd) != 0) {
        hm_msg2(log, HMM_WRITE, name, errtext(errno));
        return -1;
    }
    return 0;
}

/* ---- directories ---- */

int hm_pl_join(const char *dir, const char *file, char *buf, size_t cap)
{
    size_t a = strlen(dir), b = strlen(file);
    int slash = a > 0 && dir[a - 1] != '/';
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
    char tmp[4096];
    size_t i, n = strlen(path);
    if (n == 0 || n >= sizeof tmp) {
        hm_msg2(log, HMM_MKDIR, path, errtext(ENAMETOOLONG));
        return -1;
    }
    memcpy(tmp, path, n + 1);
    for (i = 1; i <= n; i++) {
        if (tmp[i] == '/' || tmp[i] == 0) {
            char c = tmp[i];
            tmp[i] = 0;
            if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
                hm_msg2(log, HMM_MKDIR, tmp, errtext(errno));
                return -1;
            }
            tmp[i] = c;
        }
    }
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int hm_pl_listdir(const char *path, hm_pl_dirfn fn, void *ctx,
                  hm_log *log)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = 0;
    size_t n = 0, cap = 0, i;
    int rc = 0;
    if (!d) {
        hm_msg2(log, HMM_LISTDIR, path, errtext(errno));
        return -1;
    }
    while ((e = readdir(d)) != 0) {
        size_t l = strlen(e->d_name);
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
        names[n] = (char *)malloc(l + 1);
        if (!names[n]) {
            rc = -1;
            break;
        }
        memcpy(names[n++], e->d_name, l + 1);
    }
    closedir(d);
    if (rc != 0) {
        hm_msg1(log, HMM_NOSTOR, path);
    } else {
        qsort(names, n, sizeof *names, cmp_names);
        for (i = 0; i < n && rc == 0; i++) {
            char full[4096];
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

unsigned long hm_pl_clock_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, 0);
    return (unsigned long)tv.tv_sec * 1000ul +
           (unsigned long)(tv.tv_usec / 1000);
}

unsigned long hm_pl_peak_kib(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (unsigned long)ru.ru_maxrss;
}
