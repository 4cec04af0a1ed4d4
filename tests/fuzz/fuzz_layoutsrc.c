/*
 * fuzz_layoutsrc.c - libFuzzer harness for the layout-driven source
 * (extractors/layout): the input is up to three unloaded data sets
 * (records with RDWs or a NETDATA transmission; split at the bytes
 * X'FFFEFD'), decoded with a fixed copybook and profile that use
 * every item kind (accounts, folders, messages, text, attachment
 * chunks, PAB, lists and members, calendar, bulletin boards,
 * directory) and assembled into items: the directory pass, every
 * account's items, the public account, and --inspect. The first
 * byte picks options: bit 0 a user list (the third data set), bit 1
 * a small item limit, bit 2 Remote mode.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../extractors/layout/hm_lsrc.h"

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

static void fz_line(void *ctx, const char *line, size_t len)
{
    (void)ctx;
    (void)line;
    (void)len;
}

#define L(s) "       " s "\n"

static const char cbtext[] =
    L("01  K.")
    L("    05 K-USER   PIC X(4).")
    L("    05 K-KIND   PIC X.")
    L("    05 K-ITEM   PIC 9(3).")
    L("    05 K-SEQ    PIC S9(4) COMP.")
    L("01  U.")
    L("    05 FILLER   PIC X(10).")
    L("    05 U-NAME   PIC X(8).")
    L("    05 U-NODE   PIC X(4).")
    L("01  F.")
    L("    05 FILLER   PIC X(10).")
    L("    05 F-NAME   PIC X(8).")
    L("    05 F-PARENT PIC 9(3).")
    L("01  H.")
    L("    05 FILLER   PIC X(10).")
    L("    05 H-DATE   PIC S9(7) COMP-3.")
    L("    05 H-TIME   PIC 9(6).")
    L("    05 H-STCK   PIC X(8).")
    L("    05 H-FLD    PIC 9(3).")
    L("    05 H-ST     PIC X.")
    L("    05 H-SUBJ   PIC X(8).")
    L("    05 H-N      PIC 9.")
    L("    05 H-TO     PIC X(4) OCCURS 0 TO 9 DEPENDING ON H-N.")
    L("01  T.")
    L("    05 FILLER   PIC X(10).")
    L("    05 T-N      PIC S9(4) COMP.")
    L("    05 T-LINE   PIC X(8) OCCURS 1 TO 20 DEPENDING ON T-N.")
    L("01  A.")
    L("    05 FILLER   PIC X(10).")
    L("    05 A-NAME   PIC X(8).")
    L("    05 A-LEN    PIC S9(4) COMP.")
    L("    05 A-DATA.")
    L("       10 A-B   PIC X OCCURS 1 TO 300 DEPENDING ON A-LEN.")
    L("01  P.")
    L("    05 FILLER   PIC X(10).")
    L("    05 P-NAME   PIC X(8).")
    L("    05 P-ADDR   PIC X(8).")
    L("    05 P-NODE   PIC X(4).")
    L("01  C.")
    L("    05 FILLER   PIC X(10).")
    L("    05 C-DAY    PIC 9(5) COMP-3.")
    L("    05 C-FROM   PIC 9(4).")
    L("    05 C-TO     PIC 9(4).")
    L("    05 C-SUBJ   PIC X(8).")
    L("    05 C-N      PIC 9.")
    L("    05 C-ATT    PIC X(4) OCCURS 0 TO 5 DEPENDING ON C-N.");

static const char proftext[] =
    "[store]\ncodepage = 37\n"
    "[type SKIP]\nitem = skip\nwhen = K-KIND = 'X'\n"
    "[type USER]\nitem = account\nrecord = U\nwhen = K-KIND = 'U'\n"
    "id = K-USER\nname = U-NAME\nnode = U-NODE\n"
    "[type FOLDER]\nitem = folder\nrecord = F\nwhen = K-KIND = 'F'\n"
    "account = K-USER\nid = K-ITEM\nname = F-NAME\nparent = F-PARENT\n"
    "[type MSG]\nitem = message\nrecord = H\nwhen = K-KIND = 'H'\n"
    "account = K-USER\nid = K-ITEM\nfolder = H-FLD\nfrom = H-SUBJ\n"
    "to = H-TO\nsubject = H-SUBJ\ndate = H-DATE as CYYMMDD\n"
    "time = H-TIME as HHMMSS\nstatus = H-ST\npriority = H-ST\n"
    "[type MSG2]\nitem = message\nrecord = H\nwhen = K-KIND = 'I'\n"
    "id = K-ITEM\nstamp = H-STCK as STCK\nsubject = H-SUBJ\n"
    "[type TEXT]\nitem = text\nrecord = T\nwhen = K-KIND = 'T'\n"
    "msg = K-ITEM\nseq = K-SEQ\nline = T-LINE\n"
    "[type ATT]\nitem = attachment\nrecord = A\nwhen = K-KIND = 'A'\n"
    "msg = K-ITEM\nseq = K-SEQ\nname = A-NAME\nlength = A-LEN\n"
    "data = A-DATA\n"
    "[type PAB]\nitem = pab\nrecord = P\nwhen = K-KIND = 'P'\n"
    "account = K-USER\nname = P-NAME\nuserid = P-ADDR\nnode = P-NODE\n"
    "[type DL]\nitem = dl\nrecord = P\nwhen = K-KIND = 'L'\n"
    "account = K-USER\nid = K-ITEM\nname = P-NAME\n"
    "[type SDL]\nitem = dl\nrecord = P\nwhen = K-KIND = 'S'\n"
    "id = K-USER\nname = P-NAME\n"
    "[type MEMBER]\nitem = member\nrecord = P\nwhen = K-KIND = 'M'\n"
    "dl = K-ITEM\nmember = P-NAME\naddress = P-ADDR\n"
    "[type CAL]\nitem = calendar\nrecord = C\nwhen = K-KIND = 'C'\n"
    "account = K-USER\nid = K-ITEM\ndate = C-DAY as YYDDD\n"
    "time = C-FROM as HHMM\nendtime = C-TO as HHMM\n"
    "subject = C-SUBJ\nattendee = C-ATT\norganizer = C-SUBJ\n"
    "[type BB]\nitem = bboard\nrecord = P\nwhen = K-KIND = 'B'\n"
    "board = P-NAME\nid = K-ITEM\nfrom = P-ADDR\nline = P-NAME\n"
    "[type DIR]\nitem = directory\nrecord = P\nwhen = K-KIND = 'D'\n"
    "id = K-USER\nname = P-NAME\nuserid = P-ADDR\nnode = P-NODE\n";

typedef struct fz_ds {
    const uint8_t *p;
    size_t n;
    hm_memsrc m;
} fz_ds;

static fz_ds fds[3];

static int fz_open(void *ctx, int i, hm_read_fn *fn, void **rctx)
{
    static const uint8_t none[1] = { 0 };
    (void)ctx;
    hm_memsrc_init(&fds[i].m, fds[i].p ? fds[i].p : none, fds[i].n);
    *fn = hm_memsrc_read;
    *rctx = &fds[i].m;
    return 0;
}

static void fz_close(void *ctx, void *rctx)
{
    (void)ctx;
    (void)rctx;
}

static unsigned long nitems;

static int fz_emit(void *ectx, const hm_item *it)
{
    (void)ectx;
    nitems++;
    if (it->kind == HM_ITEM_MESSAGE) {
        size_t i;
        unsigned long s = 0;
        for (i = 0; i < it->u.msg.natt; i++)
            s += it->u.msg.att[i].data.size;
        for (i = 0; i < it->u.msg.nbody; i++)
            s += it->u.msg.body[i].size;
        nitems += s & 1;
    }
    return HM_PIPE_OK;
}

static hm_copybook *cb;
static hm_profile *prof;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[3] = { "D0", "D1", "USERS" };
    static const uint8_t mark[3] = { 0xFF, 0xFE, 0xFD };
    hm_log lg;
    hm_ls_cfg c;
    hm_lsrc *ls;
    hm_pipe_src src;
    hm_account a;
    int k = 0, flags, guard = 0;
    size_t pos, start;
    hm_log_init(&lg, fz_log, 0);
    if (!cb) {
        cb = hm_cb_parse(&fz_al, (const unsigned char *)cbtext,
                         strlen(cbtext), 0, 0, &lg, "K");
        prof = hm_prof_parse(&fz_al, (const unsigned char *)proftext,
                             strlen(proftext), 0, &lg, "P");
        if (!cb || !prof || hm_prof_bind(prof, cb, &lg, "P") != 0)
            abort();
    }
    if (size < 1)
        return 0;
    flags = data[0];
    memset(fds, 0, sizeof fds);
    start = 1;
    for (pos = 1; pos <= size; pos++) {
        if (pos == size || (k < 2 && pos + 3 <= size
                            && memcmp(data + pos, mark, 3) == 0)) {
            fds[k].p = data + start;
            fds[k].n = pos - start;
            k++;
            start = pos + 3;
            pos += 2;
            if (k == 3)
                break;
        }
    }
    memset(&c, 0, sizeof c);
    c.al = &fz_al;
    c.log = &lg;
    c.cb = cb;
    c.prof = prof;
    c.cp = hm_cp_builtin(37);
    c.names = names;
    c.ndata = 2;
    c.users = (flags & 1) != 0;
    c.addrtype = "SNADS";
    c.item_max = (flags & 2) ? 64 : 0;
    c.io.open = fz_open;
    c.io.close = fz_close;
    ls = hm_ls_open(&c);
    if (!ls)
        return 0;
    hm_ls_source(ls, &src);
    (void)src.directory(src.ctx, (flags & 4) ? 2 : 1, fz_emit, 0);
    while (guard++ < 1000 && src.next_account(src.ctx, &a) == HM_PIPE_OK)
        if (src.items(src.ctx, &a, fz_emit, 0) == HM_PIPE_STOP)
            break;
    (void)hm_ls_inspect(ls, 2, fz_line, 0);
    hm_ls_close(ls);
    return 0;
}
