/*
 * fuzz_ovstore.c - libFuzzer harness for the OV/VM store walker
 * (extractors/ovvm/ovstore.c): the store list, the formats file,
 * --doc-types, the detection of each file's form (NETDATA, VMARC,
 * V/VB with RDWs, RFT, UTF-8 text, F records) and the parsers behind
 * it (notebooks, NAMES files, reader files, documents), over a store
 * held in memory and carved out of the input.
 *
 * Input: three option bytes, then the parts, separated by the four
 * bytes "|||\n" (ASCII; an empty or missing part is a file that is
 * not there).
 *   byte 0  bit 0 records (each read is one record), bit 1
 *           doc_messages, bit 2 keep_header, bit 3 the store is a
 *           list (part 2), bit 4 the split layout (STORE/, DOC/,
 *           RDR/ trees; with bit 3: the store folder S is given as
 *           well), bit 5 dir_only, bit 6 --node VMX, bit 7 CCSID 273
 *           instead of 037
 *   byte 1  the default LRECL of F files (0: 80)
 *   byte 2  bits 0-6 the largest piece per read (0: any), bit 7 the
 *           emit callback stops the run at the fourth item
 *   parts   0 the formats file (S/OVVMEXT.FORMATS; with a list named
 *             by cfg.formats)
 *           1 --doc-types (up to a NUL byte, at most 255 bytes)
 *           2 the store list (file L; only with bit 3)
 *           3 S/OFSUAD.FILE (with a list named by cfg.sysnames)
 *           4 USER1 ALL.NOTEBOOK    5 USER1 USER1.NAMES
 *           6 USER1 reader file 0001  7 USER1 MEMO.RFT
 *           8 USER2 X.SCRIPT       9 USER2 reader file 0002
 * Folder layout: S/USER1/ALL.NOTEBOOK, S/USER1/RDR/0001, ...; split
 * layout: S/STORE/USER1/ALL.NOTEBOOK, S/RDR/USER1/0001,
 * S/DOC/USER1/MEMO.RFT, S/DOC/USER2/X.SCRIPT. A store list names the
 * files by these (folder layout) paths.
 *
 * The directory (mailboxes, then custom recipients) and every
 * account's items are pulled as the pipeline does; every field of
 * every item is touched, times must be valid or none, and streamed
 * data is read to its end (text bodies twice, after rewind); raw data
 * must deliver exactly its size. Every opened file must be closed
 * (LeakSanitizer checks the rest).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "hm_cp.h"
#include "hm_settings.h"
#include "../../extractors/ovvm/ovstore.h"

static void *fz_alloc(void *ctx, size_t n)
{
    (void)ctx;
    return malloc(n);
}

static void fz_release(void *ctx, void *p)
{
    (void)ctx;
    free(p);
}

static const hm_alloc fz_al = { fz_alloc, fz_release, 0 };

static void fz_log(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    (void)line;
    (void)len;
}

/* ------------------------------------------------------------------
 * the store in memory
 */
#define NPART 10
#define FS_MAX 12

typedef struct mfile {
    const char *path;
    const uint8_t *data;
    size_t n;
} mfile;

static mfile fs[FS_MAX];
static int nfs;
static size_t chunk;
static long nopen;

static void fs_add(const char *path, const uint8_t *d, size_t n)
{
    if (!n || nfs >= FS_MAX)
        return;
    fs[nfs].path = path;
    fs[nfs].data = d;
    fs[nfs].n = n;
    nfs++;
}

/* the immediate children of path, sorted, without duplicates */
static int io_listdir(void *ctx, const char *path, int quiet,
                      hm_ovs_dirfn fn, void *fctx)
{
    char names[FS_MAX][64];
    int isdir[FS_MAX], k = 0, i, j, found = 0;
    size_t n = strlen(path);
    (void)ctx;
    (void)quiet;
    for (i = 0; i < nfs; i++) {
        const char *p = fs[i].path, *e;
        size_t l;
        if (strncmp(p, path, n) != 0 || p[n] != '/')
            continue;
        found = 1;
        p += n + 1;
        e = strchr(p, '/');
        l = e ? (size_t)(e - p) : strlen(p);
        if (l >= 64)
            continue;
        for (j = 0; j < k; j++)
            if (strlen(names[j]) == l && memcmp(names[j], p, l) == 0)
                break;
        if (j < k)
            continue;
        memcpy(names[k], p, l);
        names[k][l] = 0;
        isdir[k] = e != 0;
        k++;
    }
    if (!found && strcmp(path, "S") != 0)
        return -1;
    for (i = 1; i < k; i++)
        for (j = i; j > 0 && strcmp(names[j], names[j - 1]) < 0; j--) {
            char t[64];
            int d = isdir[j];
            strcpy(t, names[j]);
            strcpy(names[j], names[j - 1]);
            strcpy(names[j - 1], t);
            isdir[j] = isdir[j - 1];
            isdir[j - 1] = d;
        }
    for (i = 0; i < k; i++)
        if (fn(fctx, names[i], isdir[i]))
            return -1;
    return 0;
}

static void *io_open(void *ctx, const char *path, int quiet)
{
    int i;
    (void)ctx;
    (void)quiet;
    for (i = 0; i < nfs; i++)
        if (strcmp(fs[i].path, path) == 0) {
            hm_memsrc *m = (hm_memsrc *)malloc(sizeof *m);
            if (!m)
                abort();
            hm_memsrc_init(m, fs[i].data, fs[i].n);
            m->chunk = chunk;
            nopen++;
            return m;
        }
    return 0;
}

static long io_read(void *h, unsigned char *buf, size_t n)
{
    return hm_memsrc_read(h, buf, n);
}

static void io_close(void *ctx, void *h)
{
    (void)ctx;
    if (!h)
        abort();
    nopen--;
    free(h);
}

static int io_join(void *ctx, const char *dir, const char *name,
                   char *buf, size_t cap)
{
    (void)ctx;
    if (strlen(dir) + strlen(name) + 2 > cap)
        return -1;
    strcpy(buf, dir);
    strcat(buf, "/");
    strcat(buf, name);
    return 0;
}

static const hm_cpage *io_page(void *ctx, unsigned ccsid)
{
    (void)ctx;
    return hm_cp_builtin(ccsid);
}

/* ------------------------------------------------------------------
 * the items
 */
static unsigned long fz_sum;
static unsigned long nitems, stop_at;

static void touch(hm_text t)
{
    size_t i;
    if (t.len && !t.s)
        abort();
    for (i = 0; i < t.len; i++)
        fz_sum += t.s[i];
}

static void touch_addrs(const hm_addr *a, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        touch(a[i].name);
        touch(a[i].addr);
    }
}

static void touch_texts(const hm_text *t, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        touch(t[i]);
}

static void check_time(const hm_time *t)
{
    if (hm_time_check(t) < 0)
        abort();
}

/* all bytes of d; raw: a source must deliver exactly its size */
static unsigned long read_data(const hm_data *d, int raw)
{
    unsigned char buf[256];
    unsigned long got = 0;
    long r;
    if (d->p) {
        hm_text t;
        t.s = d->p;
        t.len = d->size;
        touch(t);
        return d->size;
    }
    if (!d->read)
        abort();
    if (d->rewind && d->rewind(d->ctx) != 0)
        return 0;
    while ((r = d->read(d->ctx, buf, sizeof buf)) > 0) {
        long i;
        if ((size_t)r > sizeof buf)
            abort();
        for (i = 0; i < r; i++)
            fz_sum += buf[i];
        got += (unsigned long)r;
    }
    if (raw && r == 0 && got != d->size)
        abort();
    return got;
}

static void touch_msg(const hm_message *m)
{
    size_t i;
    touch_texts(m->folder, m->nfolder);
    touch_addrs(&m->sender, 1);
    touch_addrs(m->to, m->nto);
    touch_addrs(m->cc, m->ncc);
    touch_addrs(m->bcc, m->nbcc);
    touch(m->subject);
    check_time(&m->sent);
    check_time(&m->received);
    for (i = 0; i < m->nbody; i++) {
        unsigned long n1 = read_data(&m->body[i], 0);
        /* read twice, as the writer does */
        if (m->body[i].rewind && read_data(&m->body[i], 0) != n1)
            abort();
    }
    for (i = 0; i < m->natt; i++) {
        touch(m->att[i].name);
        read_data(&m->att[i].data, 1);
    }
}

static void touch_doc(const hm_document *d)
{
    size_t i;
    touch_texts(d->folder, d->nfolder);
    touch(d->name);
    touch_addrs(&d->author, 1);
    check_time(&d->date);
    read_data(&d->data, 1);
    for (i = 0; i < d->nmore; i++) {
        touch(d->more[i].name);
        read_data(&d->more[i].data, 1);
    }
}

static int fz_emit(void *ectx, const hm_item *it)
{
    (void)ectx;
    switch (it->kind) {
    case HM_ITEM_MESSAGE:
        touch_msg(&it->u.msg);
        break;
    case HM_ITEM_DOCUMENT:
        touch_doc(&it->u.doc);
        break;
    case HM_ITEM_PAB:
        touch_texts(it->u.pab.f, HM_PAB_NFIELDS);
        touch_texts(it->u.pab.members, it->u.pab.nmembers);
        break;
    case HM_ITEM_CAL:
        touch(it->u.cal.text);
        touch(it->u.cal.where);
        touch(it->u.cal.notes);
        check_time(&it->u.cal.start);
        check_time(&it->u.cal.end);
        break;
    case HM_ITEM_DIROBJ:
        touch(it->u.dir.common_name);
        touch(it->u.dir.display_name);
        touch(it->u.dir.surname);
        touch(it->u.dir.given_name);
        touch(it->u.dir.source_addr);
        touch(it->u.dir.target_addr);
        touch(it->u.dir.home_server);
        touch_texts(it->u.dir.members, it->u.dir.nmembers);
        break;
    default:
        abort();
    }
    nitems++;
    return stop_at && nitems >= stop_at ? HM_PIPE_STOP : HM_PIPE_OK;
}

static void touch_acct(const hm_account *a)
{
    touch(a->id);
    touch(a->address);
    touch(a->display_name);
}

/* ------------------------------------------------------------------
 * the run
 */
static const char *const flat[NPART] = {
    "S/OVVMEXT.FORMATS", 0, "L", "S/OFSUAD.FILE",
    "S/USER1/ALL.NOTEBOOK", "S/USER1/USER1.NAMES", "S/USER1/RDR/0001",
    "S/USER1/MEMO.RFT", "S/USER2/X.SCRIPT", "S/USER2/RDR/0002"
};

static const char *const split[NPART] = {
    "S/OVVMEXT.FORMATS", 0, "L", "S/OFSUAD.FILE",
    "S/STORE/USER1/ALL.NOTEBOOK", "S/STORE/USER1/USER1.NAMES",
    "S/RDR/USER1/0001", "S/DOC/USER1/MEMO.RFT", "S/DOC/USER2/X.SCRIPT",
    "S/RDR/USER2/0002"
};

static const uint8_t sep[4] = { 0x7C, 0x7C, 0x7C, 0x0A };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *pd[NPART];
    size_t pn[NPART], pos, i;
    int np = 0, flags, islist, k, r;
    char doctypes[256];
    hm_log lg;
    hm_settings set;
    hm_ovs_cfg c;
    hm_ovs *s;
    hm_pipe_src src;
    hm_account a;
    const char *const *paths;
    if (size < 3)
        return 0;
    flags = data[0];
    islist = (flags & 8) != 0;
    chunk = data[2] & 0x7F;
    stop_at = data[2] & 0x80 ? 4 : 0;
    nitems = 0;
    /* the parts */
    memset(pn, 0, sizeof pn);
    memset(pd, 0, sizeof pd);
    pos = 3;
    while (np < NPART) {
        size_t e = pos;
        while (e + 4 <= size && memcmp(data + e, sep, 4) != 0)
            e++;
        if (e + 4 > size)
            e = size;
        pd[np] = data + pos;
        pn[np] = e - pos;
        np++;
        if (e >= size)
            break;
        pos = e + 4;
    }
    /* the store */
    paths = (flags & 16) && !islist ? split : flat;
    nfs = 0;
    nopen = 0;
    for (k = 0; k < NPART; k++)
        if (paths[k] && (k != 2 || islist))
            fs_add(paths[k], pd[k], pn[k]);
    for (i = 0; i < pn[1] && i + 1 < sizeof doctypes && pd[1][i]; i++)
        doctypes[i] = (char)pd[1][i];
    doctypes[i] = 0;
    hm_log_init(&lg, fz_log, 0);
    hm_set_init(&set, &fz_al);
    memset(&c, 0, sizeof c);
    c.al = &fz_al;
    c.log = &lg;
    c.io.listdir = io_listdir;
    c.io.open = io_open;
    c.io.read = io_read;
    c.io.close = io_close;
    c.io.join = io_join;
    c.io.page = io_page;
    c.records = flags & 1;
    c.doc_messages = (flags & 2) != 0;
    c.keep_header = (flags & 4) != 0;
    c.dir_only = (flags & 32) != 0;
    c.node = flags & 64 ? "VMX" : 0;
    c.cp = hm_cp_builtin(flags & 128 ? 273 : 37);
    c.lrecl = data[1];
    c.pivot = 50;
    c.doctypes = doctypes[0] ? doctypes : 0;
    c.set = &set;
    if (islist) {
        c.list = "L";
        c.store = flags & 16 ? "S" : 0;
        if (pn[0])
            c.formats = flat[0];
        if (pn[3])
            c.sysnames = flat[3];
    } else {
        c.store = "S";
    }
    s = hm_ovs_open(&c);
    if (s) {
        unsigned long n = hm_ovs_accounts(s), j;
        for (j = 0; j <= n; j++) {
            const char *id = hm_ovs_account_id(s, j);
            if ((id == 0) != (j == n))
                abort();
            if (id)
                fz_sum += strlen(id);
        }
        hm_ovs_source(s, &src);
        r = HM_PIPE_OK;
        if (src.directory) {
            r = src.directory(src.ctx, 1, fz_emit, 0);
            if (r != HM_PIPE_STOP)
                r = src.directory(src.ctx, 2, fz_emit, 0);
        }
        while (r != HM_PIPE_STOP
               && src.next_account(src.ctx, &a) == HM_PIPE_OK) {
            touch_acct(&a);
            r = src.items(src.ctx, &a, fz_emit, 0);
        }
        if (hm_ovs_stat(s)->accounts > n)
            abort();
        hm_ovs_summary(s);
        hm_ovs_close(s);
    }
    hm_set_free(&set);
    if (nopen != 0)
        abort();
    return 0;
}
