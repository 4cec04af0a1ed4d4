/*
 * settings.c - the batch control file, the accounts file and the
 * command-line options of the extraction (hm_settings.h).
 *
 * The control file, the accounts file and argv are text in the
 * execution character set (see hm_settings.h), so they are compared
 * with literals; letters and digits are recognised through the
 * literal alphabets below, never by code-point arithmetic. Account
 * ids are stored in ASCII (hm_mf_tab) for comparison with the UTF-8
 * ids of the item model.
 */
#include <string.h>
#include "hm_settings.h"
#include "migfile.h"
#include "hm_cp.h"

static const char st_lower[] = "abcdefghijklmnopqrstuvwxyz";
static const char st_upper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
static const char st_digits[] = "0123456789";

#define SRC_FILE 1
#define SRC_OPT 2

/* value types */
#define T_PATH 1
#define T_PKL 2
#define T_NAME 3
#define T_BOOL 4
#define T_START 5
#define T_END 6
#define T_LOGLEVEL 7
#define T_PART 8
#define T_SIZE 9
#define T_CP 10

/* option modes */
#define M_VALUE 0       /* --key VALUE */
#define M_NO 1          /* --no-key: the flag FALSE */
#define M_SINCE 2       /* both starts */
#define M_UNTIL 3       /* both ends */
#define M_CONTROL 4     /* --control FILE */
#define M_NOREPORT 5    /* --no-report */

#define A_UP_A 0x41
#define A_UP_Z 0x5A
#define A_LO_A 0x61
#define A_LO_Z 0x7A

static const char *const st_keys[HM_SK_N] = {
    "Accounts", "File", "Mailbox", "Remote", "Email", "Public", "PAB",
    "Schedule", "EmailStart", "EmailEnd", "SchedStart", "SchedEnd",
    "LogLevel", "Status", "Report", "Partition", "SecLimit", "CodePage"
};

static const int st_types[HM_SK_N] = {
    T_PATH, T_PKL, T_BOOL, T_BOOL, T_BOOL, T_BOOL, T_BOOL, T_BOOL,
    T_START, T_END, T_START, T_END, T_LOGLEVEL, T_PATH, T_NAME, T_PART,
    T_SIZE, T_CP
};

static const hm_set_optdesc st_opts[] = {
    { "--control", "FILE", "read the batch control file FILE",
      -1, M_CONTROL },
    { "--accounts", "FILE", "the accounts file (Accounts)",
      HM_SK_ACCOUNTS, M_VALUE },
    { "--file", "NAME.PKL", "the packing list to create (File)",
      HM_SK_FILE, M_VALUE },
    { "--mailbox", "TRUE|FALSE", "create mailboxes (Mailbox)",
      HM_SK_MAILBOX, M_VALUE },
    { "--remote", "TRUE|FALSE", "create custom recipients (Remote)",
      HM_SK_REMOTE, M_VALUE },
    { "--email", "TRUE|FALSE", "messages and documents (Email)",
      HM_SK_EMAIL, M_VALUE },
    { "--no-email", 0, "same as --email FALSE", HM_SK_EMAIL, M_NO },
    { "--public", "TRUE|FALSE", "public-folder data (Public)",
      HM_SK_PUBLIC, M_VALUE },
    { "--no-public", 0, "same as --public FALSE", HM_SK_PUBLIC, M_NO },
    { "--pab", "TRUE|FALSE", "personal address books (PAB)",
      HM_SK_PAB, M_VALUE },
    { "--no-pab", 0, "same as --pab FALSE", HM_SK_PAB, M_NO },
    { "--schedule", "TRUE|FALSE", "calendars (Schedule)",
      HM_SK_SCHEDULE, M_VALUE },
    { "--no-schedule", 0, "same as --schedule FALSE", HM_SK_SCHEDULE,
      M_NO },
    { "--email-start", "DATE", "first message date (EmailStart)",
      HM_SK_EMAILSTART, M_VALUE },
    { "--email-end", "DATE", "last message date (EmailEnd)",
      HM_SK_EMAILEND, M_VALUE },
    { "--sched-start", "DATE", "first calendar date (SchedStart)",
      HM_SK_SCHEDSTART, M_VALUE },
    { "--sched-end", "DATE", "last calendar date (SchedEnd)",
      HM_SK_SCHEDEND, M_VALUE },
    { "--since", "DATE", "--email-start and --sched-start",
      HM_SK_EMAILSTART, M_SINCE },
    { "--until", "DATE", "--email-end and --sched-end",
      HM_SK_EMAILEND, M_UNTIL },
    { "--loglevel", "LEVEL", "Verbose or Normal (LogLevel)",
      HM_SK_LOGLEVEL, M_VALUE },
    { "--status", "FILE", "status file: resume a run (Status)",
      HM_SK_STATUS, M_VALUE },
    { "--report", "NAME.CSV", "the reconciliation report (Report)",
      HM_SK_REPORT, M_VALUE },
    { "--no-report", 0, "write no report", HM_SK_REPORT, M_NOREPORT },
    { "--partition", "K/N", "do partition K of N (Partition)",
      HM_SK_PARTITION, M_VALUE },
    { "--sec-limit", "BYTES", "size of a .SEC file, K/M (SecLimit)",
      HM_SK_SECLIMIT, M_VALUE },
    { "--codepage", "CP", "65001, 1252 or 850 (CodePage)",
      HM_SK_CODEPAGE, M_VALUE },
    { 0, 0, 0, 0, 0 }
};

const hm_set_optdesc *hm_set_optlist(void)
{
    return st_opts;
}

/* ---------------------------------------------------------------- */
/* characters of the execution character set */

static char st_up(char c)
{
    size_t i;
    for (i = 0; i < 26; i++)
        if (st_lower[i] == c)
            return st_upper[i];
    return c;
}

static int st_digit(char c)
{
    int i;
    for (i = 0; i < 10; i++)
        if (st_digits[i] == c)
            return i;
    return -1;
}

static int st_alnum(char c)
{
    size_t i;
    c = st_up(c);
    for (i = 0; i < 26; i++)
        if (st_upper[i] == c)
            return 1;
    return st_digit(c) >= 0;
}

static int st_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* n chars of a equal the literal lit, ignoring case */
static int st_eqnc(const char *a, size_t n, const char *lit)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (!lit[i] || st_up(a[i]) != st_up(lit[i]))
            return 0;
    }
    return lit[n] == 0;
}

static void st_trim(const char **p, size_t *n)
{
    while (*n && st_blank(**p)) {
        (*p)++;
        (*n)--;
    }
    while (*n && st_blank((*p)[*n - 1]))
        (*n)--;
}

/* a span as a terminated string, cut to cap - 1 characters */
static void st_copy(char *out, size_t cap, const char *p, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(out, p, n);
    out[n] = 0;
}

static void st_lineno(unsigned long v, char *b)
{
    hm_fmt_ulong(v, b);
}

/* ---------------------------------------------------------------- */

void hm_set_init(hm_settings *s, const hm_alloc *a)
{
    memset(s, 0, sizeof *s);
    if (a)
        s->al = *a;
    s->mailbox = 1;
    s->email = s->pub = s->pab = s->schedule = 1;
    s->part_k = s->part_n = 1;
}

void hm_set_free(hm_settings *s)
{
    size_t i;
    for (i = 0; i < s->nacct; i++)
        if (s->acct[i].id)
            HM_FREE(&s->al, s->acct[i].id);
    if (s->acct)
        HM_FREE(&s->al, s->acct);
    if (s->order)
        HM_FREE(&s->al, s->order);
    s->acct = 0;
    s->order = 0;
    s->nacct = s->capacct = s->norder = 0;
}

/* ---------------------------------------------------------------- */
/* values */

static int st_num(const char *p, size_t n, unsigned long max,
                  unsigned long *out)
{
    unsigned long v = 0;
    size_t i;
    if (n == 0)
        return -1;
    for (i = 0; i < n; i++) {
        int d = st_digit(p[i]);
        if (d < 0 || v > (max - (unsigned long)d) / 10ul)
            return -1;
        v = v * 10ul + (unsigned long)d;
    }
    *out = v;
    return 0;
}

static int st_date(const char *p, size_t n, int end, hm_time *t)
{
    unsigned long v[6];
    static const int w[6] = { 4, 2, 2, 2, 2, 2 };
    int i;
    size_t at = 0;
    if (n != 14 && n != 8)
        return -1;
    for (i = 0; i < 6; i++) {
        if (at >= n) {
            v[i] = end ? (i == 3 ? 23ul : 59ul) : 0ul;
            continue;
        }
        if (st_num(p + at, (size_t)w[i], 9999ul, &v[i]) != 0)
            return -1;
        at += (size_t)w[i];
    }
    return hm_time_set(t, (unsigned)v[0], (unsigned)v[1],
                       (unsigned)v[2], (unsigned)v[3], (unsigned)v[4],
                       (unsigned)v[5]);
}

/* NAME.EXT, 1-8 letters or digits, a dot, 1-3; upper-cased */
static int st_name83(const char *p, size_t n, const char *ext,
                     char *out)
{
    size_t i, dot = n;
    for (i = 0; i < n; i++)
        if (p[i] == '.') {
            if (dot != n)
                return -1;
            dot = i;
        } else if (!st_alnum(p[i])) {
            return -1;
        }
    if (dot == 0 || dot > 8 || dot == n || n - dot - 1 > 3)
        return -1;
    if (ext && !st_eqnc(p + dot + 1, n - dot - 1, ext))
        return -1;
    for (i = 0; i < n; i++)
        out[i] = st_up(p[i]);
    out[n] = 0;
    return 0;
}

static int st_bool(const char *p, size_t n, int *out)
{
    if (st_eqnc(p, n, "TRUE") || st_eqnc(p, n, "YES")) {
        *out = 1;
        return 0;
    }
    if (st_eqnc(p, n, "FALSE") || st_eqnc(p, n, "NO")) {
        *out = 0;
        return 0;
    }
    return -1;
}

static int *st_flag(hm_settings *s, int key)
{
    switch (key) {
    case HM_SK_MAILBOX:
        return &s->mailbox;
    case HM_SK_REMOTE:
        return &s->remote;
    case HM_SK_EMAIL:
        return &s->email;
    case HM_SK_PUBLIC:
        return &s->pub;
    case HM_SK_PAB:
        return &s->pab;
    default:
        return &s->schedule;
    }
}

static hm_time *st_timeof(hm_settings *s, int key)
{
    switch (key) {
    case HM_SK_EMAILSTART:
        return &s->email_start;
    case HM_SK_EMAILEND:
        return &s->email_end;
    case HM_SK_SCHEDSTART:
        return &s->sched_start;
    default:
        return &s->sched_end;
    }
}

/* Set key from the value p[0..n). 0, or -1 when it is not valid. */
static int st_apply(hm_settings *s, int key, const char *p, size_t n)
{
    unsigned long v, k;
    size_t i;
    switch (st_types[key]) {
    case T_PATH:
        if (n == 0 || n >= HM_SET_PATHMAX)
            return -1;
        st_copy(key == HM_SK_ACCOUNTS ? s->accounts : s->status,
                HM_SET_PATHMAX, p, n);
        return 0;
    case T_PKL:
        return st_name83(p, n, "PKL", s->file);
    case T_NAME:
        if (st_name83(p, n, 0, s->report) != 0)
            return -1;
        s->no_report = 0;
        return 0;
    case T_BOOL:
        return st_bool(p, n, st_flag(s, key));
    case T_START:
    case T_END:
        return st_date(p, n, st_types[key] == T_END,
                       st_timeof(s, key));
    case T_LOGLEVEL:
        if (st_eqnc(p, n, "VERBOSE"))
            s->verbose = 1;
        else if (st_eqnc(p, n, "NORMAL"))
            s->verbose = 0;
        else
            return -1;
        return 0;
    case T_PART:
        for (i = 0; i < n && p[i] != '/'; i++)
            ;
        if (i == n || st_num(p, i, 99ul, &k) != 0
            || st_num(p + i + 1, n - i - 1, 99ul, &v) != 0
            || k < 1 || v < 1 || k > v)
            return -1;
        s->part_k = (unsigned)k;
        s->part_n = (unsigned)v;
        return 0;
    case T_SIZE:
        k = 1;
        if (n > 1 && st_up(p[n - 1]) == 'K') {
            k = 1024ul;
            n--;
        } else if (n > 1 && st_up(p[n - 1]) == 'M') {
            k = 1048576ul;
            n--;
        }
        if (st_num(p, n, 2147483647ul, &v) != 0
            || v > 2147483647ul / k || v * k < 1024ul)
            return -1;
        s->sec_limit = v * k;
        return 0;
    default:
        if (st_num(p, n, 65535ul, &v) != 0
            || (v != HM_PC_UTF8 && v != HM_PC_1252 && v != HM_PC_850))
            return -1;
        s->codepage = (unsigned)v;
        return 0;
    }
}

/* ---------------------------------------------------------------- */
/* the control file */

static int st_bad(hm_settings *s, hm_log *log, int id, const char *f,
                  unsigned long lineno, const char *a3, const char *a4)
{
    char b[24];
    const char *a[4];
    a[0] = f;
    st_lineno(lineno, b);
    a[1] = b;
    a[2] = a3;
    a[3] = a4;
    if (hm_msg(log, id, a, 4) >= HM_SEV_E) {
        s->errors++;
        return -1;
    }
    return 0;
}

int hm_set_control_line(hm_settings *s, const char *fname,
                        unsigned long lineno, const char *line,
                        size_t len, hm_log *log)
{
    const char *kp, *vp;
    size_t kn, vn, i;
    int key;
    char kb[24], vb[64], lb[24];
    if (!fname)
        fname = "control file";
    if (!s->ctlname[0])
        st_copy(s->ctlname, HM_SET_PATHMAX, fname, strlen(fname));
    kp = line;
    kn = len;
    st_trim(&kp, &kn);
    if (kn == 0 || kp[0] == '*' || kp[0] == '!')
        return 0;
    for (i = 0; i < kn && kp[i] != ','; i++)
        ;
    if (i == kn)
        return st_bad(s, log, HMM_SETFORM, fname, lineno, 0, 0);
    vp = kp + i + 1;
    vn = kn - i - 1;
    kn = i;
    st_trim(&kp, &kn);
    st_trim(&vp, &vn);
    if (vn >= 2 && vp[0] == '"' && vp[vn - 1] == '"') {
        vp++;
        vn -= 2;
    }
    st_copy(kb, sizeof kb, kp, kn);
    st_copy(vb, sizeof vb, vp, vn);
    for (key = 0; key < HM_SK_N; key++)
        if (st_eqnc(kp, kn, st_keys[key]))
            break;
    if (key == HM_SK_N)
        return st_bad(s, log, HMM_SETKEY, fname, lineno, kb, 0);
    if (s->src[key] == SRC_OPT)
        return 0;               /* the command line wins */
    if (s->src[key] == SRC_FILE) {
        st_lineno(s->line[key], lb);
        st_bad(s, log, HMM_SETDUP, fname, lineno, st_keys[key], lb);
    }
    if (st_apply(s, key, vp, vn) != 0)
        return st_bad(s, log, HMM_SETVAL, fname, lineno, st_keys[key],
                      vb);
    s->src[key] = SRC_FILE;
    s->line[key] = lineno;
    return 0;
}

typedef int (*st_linefn)(hm_settings *s, const char *fname,
                         unsigned long lineno, const char *line,
                         size_t len, hm_log *log);

static int st_lines(hm_settings *s, const char *fname, const char *buf,
                    size_t len, hm_log *log, st_linefn fn)
{
    size_t i = 0, start = 0;
    unsigned long lineno = 0;
    int rc = 0;
    while (i <= len) {
        if (i == len || buf[i] == '\n' || buf[i] == '\r') {
            if (i > start || i < len) {
                lineno++;
                if (fn(s, fname, lineno, buf + start, i - start, log)
                    != 0)
                    rc = -1;
            }
            if (i + 1 < len && buf[i] == '\r' && buf[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        i++;
    }
    return rc;
}

int hm_set_control(hm_settings *s, const char *fname, const char *buf,
                   size_t len, hm_log *log)
{
    return st_lines(s, fname, buf, len, log, hm_set_control_line);
}

/* ---------------------------------------------------------------- */
/* the accounts file */

static unsigned char st_fold(unsigned char c)
{
    if (c >= A_LO_A && c <= A_LO_Z)
        return (unsigned char)(c - 0x20);
    return c;
}

static int st_cmp(const unsigned char *a, size_t an,
                  const unsigned char *b, size_t bn)
{
    size_t n = an < bn ? an : bn;
    int c = n ? memcmp(a, b, n) : 0;
    if (c)
        return c;
    return an < bn ? -1 : an > bn;
}

static int st_grow(hm_settings *s)
{
    size_t nc;
    hm_set_acct *p;
    if (s->nacct < s->capacct)
        return 0;
    nc = s->capacct ? s->capacct * 2 : 64;
    p = (hm_set_acct *)HM_ALLOC(&s->al, nc * sizeof *p);
    if (!p)
        return -1;
    if (s->acct) {
        memcpy(p, s->acct, s->nacct * sizeof *p);
        HM_FREE(&s->al, s->acct);
    }
    s->acct = p;
    s->capacct = nc;
    return 0;
}

int hm_set_account_line(hm_settings *s, const char *fname,
                        unsigned long lineno, const char *line,
                        size_t len, hm_log *log)
{
    hm_mf_tab tab;
    const char *p = line;
    size_t n = len, i, w;
    unsigned char id[HM_SET_IDMAX];
    char shown[HM_SET_IDMAX + 8], lb[24];
    int wild = 0;
    hm_set_acct *e;
    if (!fname)
        fname = "accounts file";
    s->have_list = 1;
    s->sorted = 0;
    st_trim(&p, &n);
    if (n == 0 || p[0] == '*' || p[0] == '!')
        return 0;
    for (w = 0; w < n && !st_blank(p[w]); w++)
        ;
    st_copy(shown, sizeof shown, p, w);
    if (w > 1 && p[w - 1] == '*') {
        wild = 1;
        w--;
    }
    if (w > HM_SET_IDMAX)
        return st_bad(s, log, HMM_ACCTBAD, fname, lineno, shown, 0);
    hm_mf_tables(&tab);
    for (i = 0; i < w; i++) {
        unsigned char a = tab.to_asc[(unsigned char)p[i]];
        if (a == 0 || a == 0x2C || a == 0x22 || a == 0x2A)
            return st_bad(s, log, HMM_ACCTBAD, fname, lineno, shown, 0);
        id[i] = st_fold(a);
    }
    for (i = 0; i < s->nacct; i++) {
        e = &s->acct[i];
        if (e->wild == wild && st_cmp(e->id, e->len, id, w) == 0) {
            st_lineno(e->line, lb);
            return st_bad(s, log, HMM_ACCTDUP, fname, lineno, shown, lb);
        }
    }
    if (st_grow(s) != 0)
        return st_bad(s, log, HMM_ACCTSTOR, fname, lineno, 0, 0);
    e = &s->acct[s->nacct];
    e->id = (unsigned char *)HM_ALLOC(&s->al, w ? w : 1);
    if (!e->id)
        return st_bad(s, log, HMM_ACCTSTOR, fname, lineno, 0, 0);
    memcpy(e->id, id, w);
    e->len = w;
    e->line = lineno;
    e->wild = wild;
    e->seen = 0;
    s->nacct++;
    return 0;
}

int hm_set_accounts(hm_settings *s, const char *fname, const char *buf,
                    size_t len, hm_log *log)
{
    s->have_list = 1;
    if (!s->accounts[0] && fname)
        st_copy(s->accounts, HM_SET_PATHMAX, fname, strlen(fname));
    return st_lines(s, fname, buf, len, log, hm_set_account_line);
}

/* the exact ids in order (a shell sort of indexes) */
static void st_sort(hm_settings *s)
{
    size_t i, j, gap, n = 0;
    if (s->order)
        HM_FREE(&s->al, s->order);
    s->order = 0;
    s->norder = 0;
    s->sorted = 1;
    for (i = 0; i < s->nacct; i++)
        if (!s->acct[i].wild)
            n++;
    if (n == 0)
        return;
    s->order = (size_t *)HM_ALLOC(&s->al, n * sizeof *s->order);
    if (!s->order) {
        s->sorted = 0;          /* linear search instead */
        return;
    }
    for (i = 0; i < s->nacct; i++)
        if (!s->acct[i].wild)
            s->order[s->norder++] = i;
    for (gap = 1; gap < n / 3; gap = gap * 3 + 1)
        ;
    for (; gap > 0; gap /= 3)
        for (i = gap; i < n; i++) {
            size_t v = s->order[i];
            const hm_set_acct *a = &s->acct[v];
            for (j = i; j >= gap; j -= gap) {
                const hm_set_acct *b = &s->acct[s->order[j - gap]];
                if (st_cmp(b->id, b->len, a->id, a->len) <= 0)
                    break;
                s->order[j] = s->order[j - gap];
            }
            s->order[j] = v;
        }
}

int hm_set_selected(hm_settings *s, const unsigned char *id, size_t n)
{
    unsigned char f[HM_SET_IDMAX];
    size_t i;
    int hit = 0;
    if (!s->have_list)
        return 1;
    if (n > HM_SET_IDMAX)
        return 0;
    for (i = 0; i < n; i++)
        f[i] = st_fold(id[i]);
    if (!s->sorted)
        st_sort(s);
    if (s->sorted) {
        size_t lo = 0, hi = s->norder;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            hm_set_acct *e = &s->acct[s->order[mid]];
            int c = st_cmp(e->id, e->len, f, n);
            if (c == 0) {
                e->seen = 1;
                hit = 1;
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    for (i = 0; i < s->nacct; i++) {
        hm_set_acct *e = &s->acct[i];
        if (e->wild ? (e->len <= n && memcmp(e->id, f, e->len) == 0)
            : (!s->sorted && st_cmp(e->id, e->len, f, n) == 0)) {
            e->seen = 1;
            hit = 1;
        }
    }
    return hit;
}

/* ---------------------------------------------------------------- */
/* options */

int hm_set_option(hm_settings *s, int argc, char **argv, int *i,
                  hm_log *log)
{
    const hm_set_optdesc *o;
    const char *a = argv[*i], *v;
    size_t vn;
    for (o = st_opts; o->name; o++)
        if (strcmp(o->name, a) == 0)
            break;
    if (!o->name)
        return 0;
    if (!o->arg) {
        if (o->mode == M_NOREPORT) {
            s->no_report = 1;
            s->report[0] = 0;
        } else {
            *st_flag(s, o->key) = 0;
        }
        s->src[o->key] = SRC_OPT;
        return 1;
    }
    if (*i + 1 >= argc) {
        hm_msg1(log, HMM_OPTARG, a);
        s->errors++;
        return -1;
    }
    v = argv[++*i];
    vn = strlen(v);
    if (o->mode == M_CONTROL) {
        if (vn == 0 || vn >= HM_SET_PATHMAX)
            goto bad;
        st_copy(s->control, HM_SET_PATHMAX, v, vn);
        return 1;
    }
    if (st_apply(s, o->key, v, vn) != 0)
        goto bad;
    s->src[o->key] = SRC_OPT;
    if (o->mode == M_SINCE || o->mode == M_UNTIL) {
        int k2 = o->mode == M_SINCE ? HM_SK_SCHEDSTART : HM_SK_SCHEDEND;
        st_apply(s, k2, v, vn);
        s->src[k2] = SRC_OPT;
    }
    return 1;
bad:
    hm_msg2(log, HMM_OPTVAL, a, v);
    s->errors++;
    return -1;
}

/* ---------------------------------------------------------------- */
/* cross checks */

static void st_shown(const hm_time *t, char *b)
{
    hm_mf_tab tab;
    int i;
    hm_mf_tables(&tab);
    for (i = 0; i < 14; i++)
        b[i] = (char)tab.to_exe[t->d[i] & 0x7F];
    b[14] = 0;
}

static void st_pair(hm_settings *s, hm_log *log, int k1, int k2)
{
    int i;
    for (i = 0; i < 2; i++) {
        int a = i ? k2 : k1, b = i ? k1 : k2;
        if (s->src[a] == SRC_FILE && s->src[b] == 0)
            st_bad(s, log, HMM_SETPAIR, s->ctlname, s->line[a],
                   st_keys[a], st_keys[b]);
    }
}

static void st_range(hm_settings *s, hm_log *log, int k1, int k2)
{
    const hm_time *a = st_timeof(s, k1), *b = st_timeof(s, k2);
    char ba[16], bb[16];
    const char *x[4];
    if (a->d[0] && b->d[0] && memcmp(a->d, b->d, 14) > 0) {
        st_shown(a, ba);
        st_shown(b, bb);
        x[0] = st_keys[k1];
        x[1] = ba;
        x[2] = st_keys[k2];
        x[3] = bb;
        hm_msg(log, HMM_SETRANGE, x, 4);
        s->errors++;
    }
}

int hm_set_check(hm_settings *s, hm_log *log)
{
    char b[24];
    st_pair(s, log, HM_SK_EMAILSTART, HM_SK_EMAILEND);
    st_pair(s, log, HM_SK_SCHEDSTART, HM_SK_SCHEDEND);
    st_range(s, log, HM_SK_EMAILSTART, HM_SK_EMAILEND);
    st_range(s, log, HM_SK_SCHEDSTART, HM_SK_SCHEDEND);
    if (s->remote && s->mailbox) {
        if (s->src[HM_SK_MAILBOX] == 0) {
            s->mailbox = 0;     /* Remote,TRUE alone */
        } else {
            int k = s->src[HM_SK_REMOTE] == SRC_FILE ? HM_SK_REMOTE
                : HM_SK_MAILBOX;
            hm_msg2(log, HMM_SETEXCL,
                    s->src[k] == SRC_FILE ? s->ctlname : "options",
                    hm_fmt_ulong(s->line[k], b));
            s->errors++;
        }
    }
    if (s->have_list) {
        if (s->nacct == 0) {
            hm_msg1(log, HMM_ACCTNONE,
                    s->accounts[0] ? s->accounts : "accounts file");
            s->errors++;
        }
    }
    return s->errors ? -1 : 0;
}
