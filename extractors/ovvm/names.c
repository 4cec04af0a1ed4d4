/*
 * names.c - CMS NAMES files (userid NAMES, the system nickname file
 * OFSUAD FILE): ":tag.value" entries to PAB entries and personal
 * distribution lists.
 *
 * An entry starts at a record whose first tag is :nick.; every other
 * record belongs to the current entry, whether it starts with blanks
 * or with another tag (both occur in real files). A tag is a colon
 * at the start of the entry text or after a blank, the tag name up to
 * the first period, then the value up to the next tag. Tag names are
 * compared without regard to case.
 *
 * The whole file is held (lists may name entries defined later):
 * at most opt.max_names bytes (default 64 MiB). Lists are resolved
 * at the end: nested lists are flattened, cycles reported and cut.
 */
#include <string.h>
#include "ovvm_i.h"

#define NM_CHUNK 65536u

typedef struct nm_chunk {
    struct nm_chunk *next;
    size_t used, cap;
} nm_chunk;

typedef union nm_align {
    void *p;
    size_t s;
    long l;
} nm_align;

#define NM_HDR ((sizeof(nm_chunk) + sizeof(nm_align) - 1) \
                / sizeof(nm_align) * sizeof(nm_align))

struct hm_ov_names {
    hm_alloc a;
    hm_cpconv *cv;
    hm_log *log;
    const char *fname;
    hm_ov_opt opt;
    unsigned char lnode[16];
    size_t nlnode;
    hm_ov_buf rec;          /* the record in UTF-8 */
    hm_ov_buf cur;          /* the current entry's records, joined */
    unsigned long cur_rec;
    int have_cur;
    nm_chunk *chunks;
    unsigned long held;     /* bytes held */
    hm_ov_entry *ent;
    unsigned long nent, capent;
    hm_text *nbk;
    unsigned long nnbk, capnbk;
    unsigned long recno;
    int pre_warned, full, failed, finished;
    /* lookups, built by finish */
    long *nhash;            /* nickname -> entry index + 1 */
    long *uhash;            /* userid -> first entry index + 1 */
    long *unext;            /* next entry with the same userid hash */
    size_t hsize;
    /* list resolution */
    unsigned char *state;
    hm_ov_buf tmp;          /* hm_text stack of members */
    hm_ov_buf set;          /* dedup hash */
    hm_ov_buf out;          /* PAB note text */
};

/* tag names (lower case ASCII) */
#define L_NICK "\x6E\x69\x63\x6B"
#define L_NAME "\x6E\x61\x6D\x65"
#define L_USERID "\x75\x73\x65\x72\x69\x64"
#define L_NODE "\x6E\x6F\x64\x65"
#define L_LIST "\x6C\x69\x73\x74"
#define L_CC "\x63\x63"
#define L_NOTEBOOK "\x6E\x6F\x74\x65\x62\x6F\x6F\x6B"
#define L_EMAIL "\x65\x6D\x61\x69\x6C"
#define L_INTERNET "\x69\x6E\x74\x65\x72\x6E\x65\x74"
#define L_SMTP "\x73\x6D\x74\x70"

/* Tags that go to PAB fields (everything else goes to Note). */
typedef struct nm_map {
    const char *tag;
    int field;
} nm_map;

static const nm_map nm_fields[] = {
    { "\x70\x68\x6F\x6E\x65", HM_PAB_BUS },                 /* phone */
    { "\x61\x64\x64\x72", HM_PAB_ADDRESS },                 /* addr */
    { "\x61\x64\x64\x72\x65\x73\x73", HM_PAB_ADDRESS },     /* address */
    { "\x74\x69\x74\x6C\x65", HM_PAB_TITLE },               /* title */
    { "\x63\x6F\x6D\x70\x61\x6E\x79", HM_PAB_COMPANY },     /* company */
    { "\x6F\x72\x67", HM_PAB_COMPANY },                     /* org */
    { "\x64\x65\x70\x74", HM_PAB_DEPARTMENT },              /* dept */
    { "\x6F\x66\x66\x69\x63\x65", HM_PAB_OFFICE },          /* office */
    { "\x66\x61\x78", HM_PAB_FAX },                         /* fax */
    { "\x68\x6F\x6D\x65", HM_PAB_HOME },                    /* home */
    { "\x6D\x6F\x62\x69\x6C\x65", HM_PAB_MOBILE },          /* mobile */
    { "\x70\x61\x67\x65\x72", HM_PAB_PAGER },               /* pager */
    { "\x63\x69\x74\x79", HM_PAB_CITY },                    /* city */
    { "\x7A\x69\x70", HM_PAB_ZIP },                         /* zip */
    { "\x63\x6F\x75\x6E\x74\x72\x79", HM_PAB_COUNTRY }      /* country */
};

static int nm_is(const hm_text *t, const char *w)
{
    size_t k = strlen(w);
    return t->len == k && memcmp(t->s, w, k) == 0;
}

static void nm_nostore(hm_ov_names *nm, size_t n)
{
    char b[24];
    if (!nm->failed)
        hm_msg2(nm->log, HMM_OVSTOR, nm->fname,
                hm_fmt_ulong((unsigned long)n, b));
    nm->failed = 1;
}

/* Arena storage, aligned; NULL when out of storage or over the
 * limit. */
static void *nm_alloc(hm_ov_names *nm, size_t n)
{
    nm_chunk *c = nm->chunks;
    void *p;
    n = (n + sizeof(nm_align) - 1) / sizeof(nm_align) * sizeof(nm_align);
    if (!c || c->cap - c->used < n) {
        size_t cap = n > NM_CHUNK ? n : NM_CHUNK;
        c = (nm_chunk *)HM_ALLOC(&nm->a, NM_HDR + cap);
        if (!c) {
            nm_nostore(nm, NM_HDR + cap);
            return NULL;
        }
        c->next = nm->chunks;
        c->used = 0;
        c->cap = cap;
        nm->chunks = c;
        nm->held += (unsigned long)(NM_HDR + cap);
    }
    p = (unsigned char *)c + NM_HDR + c->used;
    c->used += n;
    return p;
}

static int nm_over(hm_ov_names *nm)
{
    if (nm->held > nm->opt.max_names && !nm->full) {
        char b1[24], b2[24];
        hm_msg3(nm->log, HMM_OVNMBIG, nm->fname,
                hm_fmt_ulong(nm->recno, b1),
                hm_fmt_ulong(nm->opt.max_names, b2));
        nm->full = 1;
    }
    return nm->full;
}

/* Where a tag starts at text[i] (a colon at 0 or after a blank, a
 * name, a period): the name length, or 0. */
static size_t nm_tag_at(const unsigned char *t, size_t n, size_t i)
{
    size_t k;
    if (t[i] != B_COLON || (i > 0 && !HM_OV_BLANK(t[i - 1])))
        return 0;
    for (k = i + 1; k < n; k++) {
        unsigned c = t[k];
        if (c == B_DOT)
            return k - i - 1;
        if (HM_OV_BLANK(c) || c == B_COLON || c < 0x20)
            return 0;
    }
    return 0;
}

static int nm_grow_ent(hm_ov_names *nm)
{
    hm_ov_entry *ne;
    unsigned long nc;
    if (nm->nent < nm->capent)
        return 0;
    nc = nm->capent ? nm->capent * 2 : 64;
    ne = (hm_ov_entry *)HM_ALLOC(&nm->a, nc * sizeof *ne);
    if (!ne) {
        nm_nostore(nm, nc * sizeof *ne);
        return -1;
    }
    if (nm->nent)
        memcpy(ne, nm->ent, nm->nent * sizeof *ne);
    if (nm->ent)
        HM_FREE(&nm->a, nm->ent);
    nm->held += (unsigned long)((nc - nm->capent) * sizeof *ne);
    nm->ent = ne;
    nm->capent = nc;
    return 0;
}

static int nm_add_notebook(hm_ov_names *nm, const hm_text *v)
{
    unsigned long i;
    size_t n = 0;
    /* the first word: "JOHN" of "JOHN NOTEBOOK" */
    while (n < v->len && !HM_OV_BLANK(v->s[n]))
        n++;
    if (n == 0)
        return 0;
    for (i = 0; i < nm->nnbk; i++)
        if (nm->nbk[i].len == n && hm_ov_ieq(nm->nbk[i].s, v->s, n))
            return 0;
    if (nm->nnbk == nm->capnbk) {
        unsigned long nc = nm->capnbk ? nm->capnbk * 2 : 16;
        hm_text *nb = (hm_text *)HM_ALLOC(&nm->a, nc * sizeof *nb);
        if (!nb) {
            nm_nostore(nm, nc * sizeof *nb);
            return -1;
        }
        if (nm->nnbk)
            memcpy(nb, nm->nbk, nm->nnbk * sizeof *nb);
        if (nm->nbk)
            HM_FREE(&nm->a, nm->nbk);
        nm->nbk = nb;
        nm->capnbk = nc;
    }
    nm->nbk[nm->nnbk].s = v->s;
    nm->nbk[nm->nnbk].len = n;
    nm->nnbk++;
    return 0;
}

/* The current entry is complete: parse its tags. */
static int nm_flush(hm_ov_names *nm)
{
    const unsigned char *t = nm->cur.p;
    size_t n = nm->cur.len, i, ntag = 0, k;
    hm_ov_entry *e;
    hm_ov_tag *tags;
    if (!nm->have_cur)
        return 0;
    nm->have_cur = 0;
    if (nm_over(nm) || nm->failed)
        return nm->failed ? -1 : 0;
    for (i = 0; i < n; i++)
        if (nm_tag_at(t, n, i))
            ntag++;
    if (ntag == 0 || nm_grow_ent(nm))
        return nm->failed ? -1 : 0;
    tags = (hm_ov_tag *)nm_alloc(nm, ntag * sizeof *tags);
    if (!tags)
        return -1;
    e = &nm->ent[nm->nent];
    memset(e, 0, sizeof *e);
    e->first_rec = nm->cur_rec;
    e->tags = tags;
    ntag = 0;
    for (i = 0; i < n;) {
        size_t ln = nm_tag_at(t, n, i), vs, ve, j;
        hm_ov_tag *g;
        unsigned char *p;
        if (!ln) {
            i++;
            continue;
        }
        g = &tags[ntag++];
        vs = i + 1 + ln + 1;
        for (ve = vs; ve < n && !nm_tag_at(t, n, ve); ve++)
            ;
        p = (unsigned char *)nm_alloc(nm, ln + (ve - vs) + 1);
        if (!p)
            return -1;
        for (j = 0; j < ln; j++) {
            unsigned c = t[i + 1 + j];
            p[j] = (unsigned char)HM_OV_LOW(c);
        }
        g->name.s = p;
        g->name.len = ln;
        p += ln;
        k = 0;
        for (j = vs; j < ve; j++) {
            unsigned c = t[j];
            if (HM_OV_BLANK(c)) {
                if (k && p[k - 1] != B_SP)
                    p[k++] = B_SP;
                continue;
            }
            p[k++] = (unsigned char)c;
        }
        while (k && p[k - 1] == B_SP)
            k--;
        g->value.s = p;
        g->value.len = k;
        i = ve;
    }
    e->ntags = ntag;
    e->nick = tags[0].value;
    for (i = 0; i < ntag; i++) {
        const hm_ov_tag *g = &tags[i];
        if (nm_is(&g->name, L_NAME) && !e->display.len)
            e->display = g->value;
        else if (nm_is(&g->name, L_USERID) && !e->userid.len)
            e->userid = g->value;
        else if (nm_is(&g->name, L_NODE) && !e->node.len)
            e->node = g->value;
        else if (nm_is(&g->name, L_LIST))
            e->is_list = 1;
        else if (nm_is(&g->name, L_NOTEBOOK)) {
            if (nm_add_notebook(nm, &g->value))
                return -1;
        }
    }
    if (!e->display.len)
        e->display = e->nick;
    if (e->userid.len && (e->node.len || nm->nlnode)) {
        const unsigned char *nd = e->node.len ? e->node.s : nm->lnode;
        size_t nn = e->node.len ? e->node.len : nm->nlnode;
        unsigned char *p = (unsigned char *)nm_alloc(
            nm, e->userid.len + nn + 8);
        if (!p)
            return -1;
        e->email.s = p;
        e->email.len = hm_ov_profs(e->userid.s, e->userid.len, nd, nn, p);
    } else {
        for (i = 0; i < ntag; i++) {
            const hm_ov_tag *g = &tags[i];
            if ((nm_is(&g->name, L_EMAIL) || nm_is(&g->name, L_INTERNET)
                 || nm_is(&g->name, L_SMTP)) && g->value.len) {
                static const char smtp[] = A_S A_M A_T A_P;
                unsigned char *p = (unsigned char *)nm_alloc(
                    nm, g->value.len + 5);
                if (!p)
                    return -1;
                memcpy(p, smtp, 4);
                p[4] = B_COLON;
                memcpy(p + 5, g->value.s, g->value.len);
                e->email.s = p;
                e->email.len = g->value.len + 5;
                break;
            }
        }
    }
    nm->nent++;
    return 0;
}

hm_ov_names *hm_ov_names_open(const hm_alloc *a, hm_cpconv *cv,
                              hm_log *log, const char *fname,
                              const hm_ov_opt *opt)
{
    hm_ov_names *nm = (hm_ov_names *)HM_ALLOC(a, sizeof *nm);
    if (!fname)
        fname = "(names)";
    if (!nm) {
        char b[24];
        hm_msg2(log, HMM_OVSTOR, fname,
                hm_fmt_ulong((unsigned long)sizeof *nm, b));
        return NULL;
    }
    memset(nm, 0, sizeof *nm);
    nm->a = *a;
    nm->cv = cv;
    nm->log = log;
    nm->fname = fname;
    if (opt)
        nm->opt = *opt;
    else
        hm_ov_opt_init(&nm->opt);
    if (nm->opt.max_names == 0)
        nm->opt.max_names = 64ul * 1024ul * 1024ul;
    nm->rec.a = nm->cur.a = nm->tmp.a = nm->set.a = nm->out.a = &nm->a;
    if (nm->opt.local_node)
        nm->nlnode = hm_ov_x2a(nm->opt.local_node, nm->lnode,
                               sizeof nm->lnode);
    else if (nm->opt.owner_node)
        nm->nlnode = hm_ov_x2a(nm->opt.owner_node, nm->lnode,
                               sizeof nm->lnode);
    return nm;
}

int hm_ov_names_record(hm_ov_names *nm, const unsigned char *rec,
                       size_t n)
{
    static const char nick[] = "\x3A" L_NICK "\x2E";
    const unsigned char *s;
    size_t e, b = 0;
    if (nm->failed)
        return -1;
    nm->recno++;
    if (nm->full || nm->finished)
        return 0;
    nm->rec.len = 0;
    if (hm_ov_conv(&nm->rec, nm->cv, rec, n) == (size_t)-1) {
        nm_nostore(nm, 3 * n);
        return -1;
    }
    s = nm->rec.p;
    e = nm->rec.len;
    while (e > 0 && HM_OV_BLANK(s[e - 1]))
        e--;
    while (b < e && HM_OV_BLANK(s[b]))
        b++;
    if (b == e)
        return 0;
    if (e - b >= 6 && hm_ov_ieq(s + b, (const unsigned char *)nick, 6)) {
        if (nm_flush(nm))
            return -1;
        nm->cur.len = 0;
        nm->have_cur = 1;
        nm->cur_rec = nm->recno;
    } else if (!nm->have_cur) {
        if (!nm->pre_warned && nm->nent == 0) {
            char b1[24];
            hm_msg2(nm->log, HMM_OVNMPRE, nm->fname,
                    hm_fmt_ulong(nm->recno, b1));
            nm->pre_warned = 1;
        }
        return 0;
    } else {
        static const unsigned char sp = B_SP;
        if (hm_ov_buf_add(&nm->cur, &sp, 1)) {
            nm_nostore(nm, nm->cur.len + 1);
            return -1;
        }
    }
    if (nm->cur.len + (e - b) > nm->opt.max_names) {
        nm->held = nm->opt.max_names + 1ul;
        nm_over(nm);
        nm->have_cur = 0;
        return 0;
    }
    if (hm_ov_buf_add(&nm->cur, s + b, e - b)) {
        nm_nostore(nm, nm->cur.len + (e - b));
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------
 * Lookups
 */
static unsigned long nm_hash(const unsigned char *s, size_t n)
{
    unsigned long h = 2166136261ul;
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned c = s[i];
        h ^= (unsigned long)HM_OV_UP(c);
        h = (h * 16777619ul) & 0xFFFFFFFFul;
    }
    return h;
}

long hm_ov_names_find(const hm_ov_names *nm, const unsigned char *nick,
                      size_t n)
{
    size_t h, m;
    if (!nm->nhash || nm->hsize == 0)
        return -1;
    m = nm->hsize - 1;
    for (h = nm_hash(nick, n) & m; nm->nhash[h]; h = (h + 1) & m) {
        const hm_ov_entry *e = &nm->ent[nm->nhash[h] - 1];
        if (e->nick.len == n && hm_ov_ieq(e->nick.s, nick, n))
            return nm->nhash[h] - 1;
    }
    return -1;
}

long hm_ov_names_find_user(const hm_ov_names *nm,
                           const unsigned char *user, size_t nu,
                           const unsigned char *node, size_t nn)
{
    size_t h;
    long i;
    if (!nm->uhash || nm->hsize == 0)
        return -1;
    h = nm_hash(user, nu) & (nm->hsize - 1);
    for (i = nm->uhash[h]; i; i = nm->unext[i - 1]) {
        const hm_ov_entry *e = &nm->ent[i - 1];
        if (e->userid.len != nu || !hm_ov_ieq(e->userid.s, user, nu))
            continue;
        if (node && nn) {
            const unsigned char *en = e->node.len ? e->node.s : nm->lnode;
            size_t enn = e->node.len ? e->node.len : nm->nlnode;
            if (enn != nn || !hm_ov_ieq(en, node, nn))
                continue;
        }
        return i - 1;
    }
    return -1;
}

static int nm_index(hm_ov_names *nm)
{
    size_t hs = 16, m;
    unsigned long i;
    while (hs < 2 * (size_t)nm->nent + 2)
        hs *= 2;
    nm->nhash = (long *)HM_ALLOC(&nm->a, hs * sizeof(long));
    nm->uhash = (long *)HM_ALLOC(&nm->a, hs * sizeof(long));
    nm->unext = (long *)HM_ALLOC(&nm->a, (nm->nent + 1) * sizeof(long));
    if (!nm->nhash || !nm->uhash || !nm->unext) {
        nm_nostore(nm, 3 * hs * sizeof(long));
        return -1;
    }
    memset(nm->nhash, 0, hs * sizeof(long));
    memset(nm->uhash, 0, hs * sizeof(long));
    nm->hsize = hs;
    m = hs - 1;
    for (i = 0; i < nm->nent; i++) {
        hm_ov_entry *e = &nm->ent[i];
        long prev = hm_ov_names_find(nm, e->nick.s, e->nick.len);
        size_t h;
        nm->unext[i] = 0;
        if (prev >= 0) {
            char b1[24], b2[24], nk[40];
            hm_ov_a2x(e->nick.s, e->nick.len, nk, sizeof nk);
            hm_msg4(nm->log, HMM_OVNMDUP, nm->fname,
                    hm_fmt_ulong(e->first_rec, b1), nk,
                    hm_fmt_ulong(nm->ent[prev].first_rec, b2));
        } else {
            for (h = nm_hash(e->nick.s, e->nick.len) & m; nm->nhash[h];
                 h = (h + 1) & m)
                ;
            nm->nhash[h] = (long)i + 1;
        }
    }
    /* userid chains, in file order */
    for (i = nm->nent; i-- > 0;) {
        hm_ov_entry *e = &nm->ent[i];
        size_t h;
        if (!e->userid.len)
            continue;
        h = nm_hash(e->userid.s, e->userid.len) & m;
        nm->unext[i] = nm->uhash[h];
        nm->uhash[h] = (long)i + 1;
    }
    return 0;
}

/* ------------------------------------------------------------------
 * Lists
 */
typedef struct nm_frame {
    unsigned long list;     /* entry index */
    size_t tag, pos;        /* next token: tag index, offset */
    size_t base;            /* its members start here in tmp */
} nm_frame;

static hm_text *nm_tmp(hm_ov_names *nm)
{
    return (hm_text *)(void *)nm->tmp.p;
}

static size_t nm_ntmp(hm_ov_names *nm)
{
    return nm->tmp.len / sizeof(hm_text);
}

static int nm_push(hm_ov_names *nm, const unsigned char *s, size_t n)
{
    hm_text t;
    t.s = s;
    t.len = n;
    if (hm_ov_buf_add(&nm->tmp, &t, sizeof t)) {
        nm_nostore(nm, nm->tmp.len + sizeof t);
        return -1;
    }
    return 0;
}

/* Remove duplicates from tmp[base..], keeping the first; store the
 * result as the list's members. */
static int nm_finish_list(hm_ov_names *nm, unsigned long li, size_t base)
{
    size_t n = nm_ntmp(nm) - base, i, k = 0, hs = 16, m, h;
    hm_text *t = n ? nm_tmp(nm) + base : NULL;
    size_t *set;
    hm_text *mem;
    while (hs < 2 * n + 2)
        hs *= 2;
    nm->set.len = 0;
    if (hm_ov_buf_room(&nm->set, hs * sizeof(size_t))) {
        nm_nostore(nm, hs * sizeof(size_t));
        return -1;
    }
    set = (size_t *)(void *)nm->set.p;
    memset(set, 0, hs * sizeof(size_t));
    m = hs - 1;
    for (i = 0; i < n; i++) {
        int dup = 0;
        for (h = nm_hash(t[i].s, t[i].len) & m; set[h]; h = (h + 1) & m)
            if (t[set[h] - 1].len == t[i].len
                && memcmp(t[set[h] - 1].s, t[i].s, t[i].len) == 0) {
                dup = 1;
                break;
            }
        if (dup)
            continue;
        t[k] = t[i];
        set[h] = k + 1;
        k++;
    }
    nm->tmp.len = (base + k) * sizeof(hm_text);
    mem = (hm_text *)nm_alloc(nm, (k ? k : 1) * sizeof(hm_text));
    if (!mem)
        return -1;
    if (k)
        memcpy(mem, t, k * sizeof(hm_text));
    nm->ent[li].members = mem;
    nm->ent[li].nmembers = k;
    nm->state[li] = 2;
    return 0;
}

/* The next member token of a frame: 1 with the token (and for
 * "u at n" the three words), 0 at the end. */
static int nm_token(const hm_ov_names *nm, nm_frame *f,
                    const unsigned char **w, size_t *nw,
                    const unsigned char **u, size_t *nu)
{
    const hm_ov_entry *e = &nm->ent[f->list];
    while (f->tag < e->ntags) {
        const hm_ov_tag *g = &e->tags[f->tag];
        const unsigned char *s = g->value.s;
        size_t n = g->value.len, i = f->pos, k, a0, a1, b0, b1;
        if (!(nm_is(&g->name, L_LIST) || nm_is(&g->name, L_CC))) {
            f->tag++;
            f->pos = 0;
            continue;
        }
        while (i < n && (HM_OV_BLANK(s[i]) || s[i] == B_COMMA))
            i++;
        if (i >= n) {
            f->tag++;
            f->pos = 0;
            continue;
        }
        k = i;
        while (k < n && !HM_OV_BLANK(s[k]) && s[k] != B_COMMA)
            k++;
        *w = s + i;
        *nw = k - i;
        *u = NULL;
        *nu = 0;
        f->pos = k;
        /* "userid at node" */
        a0 = k;
        while (a0 < n && HM_OV_BLANK(s[a0]))
            a0++;
        a1 = a0;
        while (a1 < n && !HM_OV_BLANK(s[a1]) && s[a1] != B_COMMA)
            a1++;
        if (a1 - a0 == 2 && HM_OV_UP(s[a0]) == 0x41
            && HM_OV_UP(s[a0 + 1]) == 0x54) {
            b0 = a1;
            while (b0 < n && HM_OV_BLANK(s[b0]))
                b0++;
            b1 = b0;
            while (b1 < n && !HM_OV_BLANK(s[b1]) && s[b1] != B_COMMA)
                b1++;
            if (b1 > b0) {
                *u = s + b0;
                *nu = b1 - b0;
                f->pos = b1;
            }
        }
        return 1;
    }
    return 0;
}

static int nm_resolve(hm_ov_names *nm, unsigned long root,
                      nm_frame *stack)
{
    size_t sp = 0;
    stack[0].list = root;
    stack[0].tag = 0;
    stack[0].pos = 0;
    stack[0].base = nm_ntmp(nm);
    nm->state[root] = 1;
    sp = 1;
    while (sp) {
        nm_frame *f = &stack[sp - 1];
        const unsigned char *w, *node;
        size_t nw, nn;
        long j;
        if (!nm_token(nm, f, &w, &nw, &node, &nn)) {
            if (nm_finish_list(nm, f->list, f->base))
                return -1;
            sp--;
            continue;
        }
        if (node) {
            /* userid at node: an entry's name if there is one */
            long x = hm_ov_names_find_user(nm, w, nw, node, nn);
            unsigned char *p;
            if (x >= 0 && !nm->ent[x].is_list) {
                if (nm_push(nm, nm->ent[x].display.s,
                            nm->ent[x].display.len))
                    return -1;
                continue;
            }
            p = (unsigned char *)nm_alloc(nm, nw + nn + 8);
            if (!p || nm_push(nm, p, hm_ov_profs(w, nw, node, nn, p)))
                return -1;
            continue;
        }
        j = hm_ov_names_find(nm, w, nw);
        if (j < 0) {
            size_t i;
            int mail = 0;
            for (i = 0; i < nw; i++)
                if (w[i] == B_AT)
                    mail = 1;
            if (mail) {
                hm_ov_addr ad;
                unsigned char *p = (unsigned char *)nm_alloc(
                    nm, HM_OV_ABUF(nw));
                if (!p)
                    return -1;
                if (hm_ov_parse_addrs(w, nw, &ad, 1, p, HM_OV_ABUF(nw))
                    == 1 && ad.a.addr.len) {
                    if (nm_push(nm, ad.a.addr.s, ad.a.addr.len))
                        return -1;
                    continue;
                }
            } else {
                char ln[40], tk[40];
                hm_ov_a2x(nm->ent[f->list].nick.s,
                          nm->ent[f->list].nick.len, ln, sizeof ln);
                hm_ov_a2x(w, nw, tk, sizeof tk);
                hm_msg3(nm->log, HMM_OVNMUNK, nm->fname, ln, tk);
            }
            if (nm_push(nm, w, nw))
                return -1;
            continue;
        }
        if (!nm->ent[j].is_list) {
            if (nm_push(nm, nm->ent[j].display.s, nm->ent[j].display.len))
                return -1;
            continue;
        }
        if (nm->state[j] == 1) {
            char ln[40], tk[40];
            hm_ov_a2x(nm->ent[f->list].nick.s, nm->ent[f->list].nick.len,
                      ln, sizeof ln);
            hm_ov_a2x(w, nw, tk, sizeof tk);
            hm_msg3(nm->log, HMM_OVNMCYCLE, nm->fname, ln, tk);
            continue;
        }
        if (nm->state[j] == 2) {
            size_t i;
            for (i = 0; i < nm->ent[j].nmembers; i++)
                if (nm_push(nm, nm->ent[j].members[i].s,
                            nm->ent[j].members[i].len))
                    return -1;
            continue;
        }
        /* a nested list: its members land on tmp above ours, so they
         * count for us as well once it is done */
        stack[sp].list = (unsigned long)j;
        stack[sp].tag = 0;
        stack[sp].pos = 0;
        stack[sp].base = nm_ntmp(nm);
        nm->state[j] = 1;
        sp++;
    }
    return 0;
}

int hm_ov_names_finish(hm_ov_names *nm)
{
    unsigned long i, nl = 0;
    nm_frame *stack;
    if (nm->failed)
        return -1;
    if (nm->finished)
        return 0;
    if (nm_flush(nm))
        return -1;
    nm->finished = 1;
    if (nm_index(nm))
        return -1;
    for (i = 0; i < nm->nent; i++)
        if (nm->ent[i].is_list)
            nl++;
    if (nl == 0)
        return 0;
    nm->state = (unsigned char *)HM_ALLOC(&nm->a, nm->nent);
    stack = (nm_frame *)HM_ALLOC(&nm->a, (nl + 1) * sizeof *stack);
    if (!nm->state || !stack) {
        if (stack)
            HM_FREE(&nm->a, stack);
        nm_nostore(nm, nl * sizeof *stack);
        return -1;
    }
    memset(nm->state, 0, nm->nent);
    for (i = 0; i < nm->nent; i++) {
        if (!nm->ent[i].is_list || nm->state[i] == 2)
            continue;
        nm->tmp.len = 0;
        if (nm_resolve(nm, i, stack)) {
            HM_FREE(&nm->a, stack);
            return -1;
        }
    }
    HM_FREE(&nm->a, stack);
    return 0;
}

/* ------------------------------------------------------------------
 * Results
 */
unsigned long hm_ov_names_count(const hm_ov_names *nm)
{
    return nm->nent;
}

const hm_ov_entry *hm_ov_names_at(const hm_ov_names *nm,
                                  unsigned long i)
{
    return i < nm->nent ? &nm->ent[i] : NULL;
}

int hm_ov_names_tag(const hm_ov_entry *e, const unsigned char *tag,
                    size_t n, hm_text *v)
{
    size_t i;
    for (i = 0; i < e->ntags; i++)
        if (e->tags[i].name.len == n
            && hm_ov_ieq(e->tags[i].name.s, tag, n)) {
            *v = e->tags[i].value;
            return 1;
        }
    return 0;
}

unsigned long hm_ov_names_notebooks(const hm_ov_names *nm)
{
    return nm->nnbk;
}

hm_text hm_ov_names_notebook_at(const hm_ov_names *nm, unsigned long i)
{
    hm_text t;
    t.s = NULL;
    t.len = 0;
    if (i < nm->nnbk)
        t = nm->nbk[i];
    return t;
}

/* The field a tag goes to, -1: Note, -2: not shown (used already).
 * userid and node are shown when they gave no address. */
static int nm_field(const hm_ov_entry *e, const hm_ov_tag *g,
                    size_t idx)
{
    size_t i;
    if (idx == 0 || nm_is(&g->name, L_NAME) || nm_is(&g->name, L_LIST)
        || nm_is(&g->name, L_CC))
        return -2;
    if (nm_is(&g->name, L_USERID) || nm_is(&g->name, L_NODE))
        return e->email.len && !e->is_list ? -2 : -1;
    for (i = 0; i < sizeof nm_fields / sizeof nm_fields[0]; i++)
        if (nm_is(&g->name, nm_fields[i].tag))
            return nm_fields[i].field;
    return -1;
}

int hm_ov_names_pab(hm_ov_names *nm, hm_ov_item_fn fn, void *ctx)
{
    unsigned long i;
    static const unsigned char colsp[2] = { B_COLON, B_SP };
    static const unsigned char lf = B_LF;
    if (nm->failed)
        return -1;
    if (!nm->finished && hm_ov_names_finish(nm))
        return -1;
    for (i = 0; i < nm->nent; i++) {
        const hm_ov_entry *e = &nm->ent[i];
        hm_item it;
        hm_pab *p = &it.u.pab;
        hm_ov_meta meta;
        size_t k;
        memset(&it, 0, sizeof it);
        memset(&meta, 0, sizeof meta);
        it.kind = HM_ITEM_PAB;
        meta.first_rec = e->first_rec;
        meta.entry = e;
        p->is_dl = e->is_list;
        p->f[HM_PAB_DISPLAY] = e->display;
        if (!e->is_list)
            p->f[HM_PAB_EMAIL] = e->email;
        /* Note: "nick: X", then the tags without a field */
        nm->out.len = 0;
        if (hm_ov_buf_add(&nm->out, L_NICK, 4)
            || hm_ov_buf_add(&nm->out, colsp, 2)
            || hm_ov_buf_add(&nm->out, e->nick.s, e->nick.len)) {
            nm_nostore(nm, nm->out.len);
            return -1;
        }
        for (k = 0; k < e->ntags; k++) {
            const hm_ov_tag *g = &e->tags[k];
            int fl = nm_field(e, g, k);
            if (fl >= 0 && !e->is_list) {
                if (!p->f[fl].len)
                    p->f[fl] = g->value;
                continue;
            }
            if (fl == -2)
                continue;
            if (hm_ov_buf_add(&nm->out, &lf, 1)
                || hm_ov_buf_add(&nm->out, g->name.s, g->name.len)
                || hm_ov_buf_add(&nm->out, colsp, 2)
                || hm_ov_buf_add(&nm->out, g->value.s, g->value.len)) {
                nm_nostore(nm, nm->out.len);
                return -1;
            }
        }
        p->f[HM_PAB_NOTE].s = nm->out.p;
        p->f[HM_PAB_NOTE].len = nm->out.len;
        if (e->is_list) {
            p->members = e->members;
            p->nmembers = e->nmembers;
        }
        if (fn(ctx, &it, &meta))
            return -1;
    }
    return 0;
}

void hm_ov_names_close(hm_ov_names *nm)
{
    nm_chunk *c, *n;
    if (!nm)
        return;
    for (c = nm->chunks; c; c = n) {
        n = c->next;
        HM_FREE(&nm->a, c);
    }
    if (nm->ent)
        HM_FREE(&nm->a, nm->ent);
    if (nm->nbk)
        HM_FREE(&nm->a, nm->nbk);
    if (nm->nhash)
        HM_FREE(&nm->a, nm->nhash);
    if (nm->uhash)
        HM_FREE(&nm->a, nm->uhash);
    if (nm->unext)
        HM_FREE(&nm->a, nm->unext);
    if (nm->state)
        HM_FREE(&nm->a, nm->state);
    hm_ov_buf_free(&nm->rec);
    hm_ov_buf_free(&nm->cur);
    hm_ov_buf_free(&nm->tmp);
    hm_ov_buf_free(&nm->set);
    hm_ov_buf_free(&nm->out);
    HM_FREE(&nm->a, nm);
}
