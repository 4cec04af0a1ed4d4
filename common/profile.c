/*
 * profile.c - store profiles (see hm_profile.h and
 * common/LAYOUTS.md).
 *
 * The text is converted to UTF-8 and read line by line with numeric
 * byte constants; words are compared in the execution character set
 * after hm_cb_word. Field names are kept as text until
 * hm_prof_bind, so that a profile can be checked before its copybook
 * is read.
 */
#include <string.h>
#include "hm_profile.h"

#define AS_TAB 0x09
#define AS_LF 0x0A
#define AS_SP 0x20
#define AS_HASH 0x23
#define AS_STAR 0x2A
#define AS_SEMI 0x3B
#define AS_EQ 0x3D
#define AS_LBR 0x5B
#define AS_RBR 0x5D
#define AS_LPAR 0x28
#define AS_RPAR 0x29
#define AS_COMMA 0x2C
#define AS_LT 0x3C
#define AS_UPPER_A 0x41
#define AS_UPPER_Z 0x5A
#define AS_0 0x30
#define AS_9 0x39

/* ---- the role table (data) ---- */

#define R(it, nm, k) { it, nm, k }
static const hm_roledef roles[] = {
    R(HM_IT_ACCOUNT, "id", HM_RK_KEY),
    R(HM_IT_ACCOUNT, "name", HM_RK_TEXT),
    R(HM_IT_ACCOUNT, "address", HM_RK_TEXT),
    R(HM_IT_ACCOUNT, "node", HM_RK_TEXT),
    R(HM_IT_FOLDER, "account", HM_RK_KEY),
    R(HM_IT_FOLDER, "id", HM_RK_KEY),
    R(HM_IT_FOLDER, "name", HM_RK_TEXT),
    R(HM_IT_FOLDER, "parent", HM_RK_KEY),
    R(HM_IT_MESSAGE, "account", HM_RK_KEY),
    R(HM_IT_MESSAGE, "folder", HM_RK_KEY),
    R(HM_IT_MESSAGE, "id", HM_RK_KEY),
    R(HM_IT_MESSAGE, "from", HM_RK_TEXT),
    R(HM_IT_MESSAGE, "to", HM_RK_TEXT),
    R(HM_IT_MESSAGE, "cc", HM_RK_TEXT),
    R(HM_IT_MESSAGE, "bcc", HM_RK_TEXT),
    R(HM_IT_MESSAGE, "subject", HM_RK_TEXT),
    R(HM_IT_MESSAGE, "date", HM_RK_DATE),
    R(HM_IT_MESSAGE, "time", HM_RK_TIME),
    R(HM_IT_MESSAGE, "stamp", HM_RK_STAMP),
    R(HM_IT_MESSAGE, "msgid", HM_RK_TEXT),
    R(HM_IT_MESSAGE, "status", HM_RK_KEY),
    R(HM_IT_MESSAGE, "priority", HM_RK_KEY),
    R(HM_IT_MESSAGE, "size", HM_RK_NUM),
    R(HM_IT_TEXT, "msg", HM_RK_KEY),
    R(HM_IT_TEXT, "seq", HM_RK_NUM),
    R(HM_IT_TEXT, "line", HM_RK_TEXT),
    R(HM_IT_ATTACH, "msg", HM_RK_KEY),
    R(HM_IT_ATTACH, "seq", HM_RK_NUM),
    R(HM_IT_ATTACH, "name", HM_RK_TEXT),
    R(HM_IT_ATTACH, "data", HM_RK_BYTES),
    R(HM_IT_ATTACH, "length", HM_RK_NUM),
    R(HM_IT_PAB, "account", HM_RK_KEY),
    R(HM_IT_PAB, "nick", HM_RK_TEXT),
    R(HM_IT_PAB, "name", HM_RK_TEXT),
    R(HM_IT_PAB, "address", HM_RK_TEXT),
    R(HM_IT_PAB, "userid", HM_RK_TEXT),
    R(HM_IT_PAB, "node", HM_RK_TEXT),
    R(HM_IT_PAB, "phone", HM_RK_TEXT),
    R(HM_IT_PAB, "org", HM_RK_TEXT),
    R(HM_IT_PAB, "note", HM_RK_TEXT),
    R(HM_IT_DL, "account", HM_RK_KEY),
    R(HM_IT_DL, "id", HM_RK_KEY),
    R(HM_IT_DL, "name", HM_RK_TEXT),
    R(HM_IT_DL, "desc", HM_RK_TEXT),
    R(HM_IT_DL, "member", HM_RK_TEXT),
    R(HM_IT_MEMBER, "dl", HM_RK_KEY),
    R(HM_IT_MEMBER, "member", HM_RK_TEXT),
    R(HM_IT_MEMBER, "address", HM_RK_TEXT),
    R(HM_IT_CALENDAR, "account", HM_RK_KEY),
    R(HM_IT_CALENDAR, "id", HM_RK_KEY),
    R(HM_IT_CALENDAR, "subject", HM_RK_TEXT),
    R(HM_IT_CALENDAR, "location", HM_RK_TEXT),
    R(HM_IT_CALENDAR, "date", HM_RK_DATE),
    R(HM_IT_CALENDAR, "time", HM_RK_TIME),
    R(HM_IT_CALENDAR, "stamp", HM_RK_STAMP),
    R(HM_IT_CALENDAR, "enddate", HM_RK_DATE),
    R(HM_IT_CALENDAR, "endtime", HM_RK_TIME),
    R(HM_IT_CALENDAR, "endstamp", HM_RK_STAMP),
    R(HM_IT_CALENDAR, "organizer", HM_RK_TEXT),
    R(HM_IT_CALENDAR, "attendee", HM_RK_TEXT),
    R(HM_IT_CALENDAR, "text", HM_RK_TEXT),
    R(HM_IT_CALENDAR, "status", HM_RK_KEY),
    R(HM_IT_BBOARD, "board", HM_RK_KEY),
    R(HM_IT_BBOARD, "id", HM_RK_KEY),
    R(HM_IT_BBOARD, "from", HM_RK_TEXT),
    R(HM_IT_BBOARD, "subject", HM_RK_TEXT),
    R(HM_IT_BBOARD, "date", HM_RK_DATE),
    R(HM_IT_BBOARD, "time", HM_RK_TIME),
    R(HM_IT_BBOARD, "stamp", HM_RK_STAMP),
    R(HM_IT_BBOARD, "line", HM_RK_TEXT),
    R(HM_IT_DIRECTORY, "id", HM_RK_KEY),
    R(HM_IT_DIRECTORY, "name", HM_RK_TEXT),
    R(HM_IT_DIRECTORY, "userid", HM_RK_TEXT),
    R(HM_IT_DIRECTORY, "node", HM_RK_TEXT),
    R(HM_IT_DIRECTORY, "address", HM_RK_TEXT),
    R(HM_IT_DIRECTORY, "dept", HM_RK_TEXT),
    R(HM_IT_DIRECTORY, "phone", HM_RK_TEXT),
    R(HM_IT_DIRECTORY, "title", HM_RK_TEXT)
};
#undef R

#define NROLES ((int)(sizeof roles / sizeof roles[0]))

static const char *const items[HM_IT_COUNT] = {
    "", "account", "folder", "message", "text", "attachment", "pab",
    "dl", "member", "calendar", "bboard", "directory", "skip"
};

const hm_roledef *hm_prof_roles(int *n)
{
    *n = NROLES;
    return roles;
}

int hm_prof_role(int item, const char *name)
{
    int i;
    for (i = 0; i < NROLES; i++)
        if (roles[i].item == item && strcmp(roles[i].name, name) == 0)
            return i;
    return -1;
}

const char *hm_prof_itemname(int item)
{
    return item > 0 && item < HM_IT_COUNT ? items[item] : "";
}

/* ---- parsing ---- */

typedef struct pp {
    hm_profile *p;
    const hm_alloc *a;
    hm_log *log;
    const char *name;
    int err, nostor;
    int tcap, ccap, vcap, mcap;
    hm_cbpool pool;
    int sect;              /* 0 none, 1 store, 2 type */
    unsigned long line;
    int seen[8];           /* store keys given */
} pp;

static void say(pp *q, int id, const char *a3, const char *a4)
{
    char nb[24];
    const char *args[4];
    q->err = 1;
    args[0] = q->name ? q->name : "(profile)";
    args[1] = hm_fmt_ulong(q->line, nb);
    args[2] = a3 ? a3 : "";
    args[3] = a4 ? a4 : "";
    hm_msg(q->log, id, args, 4);
}

static void nostor(pp *q)
{
    if (!q->nostor)
        hm_msg1(q->log, HMM_PRFSTOR, q->name ? q->name : "(profile)");
    q->nostor = q->err = 1;
}

static int grow(pp *q, void **arr, int *cap, int n, size_t el)
{
    void *x;
    int nc;
    if (n < *cap)
        return 0;
    nc = *cap ? *cap * 2 : 16;
    x = HM_ALLOC(q->a, (size_t)nc * el);
    if (!x) {
        nostor(q);
        return -1;
    }
    if (n)
        memcpy(x, *arr, (size_t)n * el);
    HM_FREE(q->a, *arr);
    *arr = x;
    *cap = nc;
    return 0;
}

static int padd(pp *q, const unsigned char *s, size_t n, size_t *off)
{
    hm_cbpool *pl = &q->pool;
    *off = pl->n;
    if (pl->n + n > pl->cap) {
        size_t nc = pl->cap ? pl->cap : 256;
        unsigned char *x;
        while (nc < pl->n + n)
            nc *= 2;
        x = (unsigned char *)HM_ALLOC(q->a, nc);
        if (!x) {
            nostor(q);
            return -1;
        }
        if (pl->n)
            memcpy(x, pl->p, pl->n);
        HM_FREE(q->a, pl->p);
        pl->p = x;
        pl->cap = nc;
    }
    if (n)
        memcpy(pl->p + pl->n, s, n);
    pl->n += n;
    return 0;
}

/* a word, lower-cased, in the execution charset */
static int lword(const unsigned char *s, const hm_cbtok *t, char *buf,
                 size_t cap)
{
    unsigned char tmp[40];
    size_t i;
    hm_cbtok t2;
    if (t->type != HM_TK_WORD || t->len >= sizeof tmp)
        return -1;
    for (i = 0; i < t->len; i++) {
        unsigned char b = s[t->pos + i];
        if (b >= AS_UPPER_A && b <= AS_UPPER_Z)
            b = (unsigned char)(b + (0x61 - AS_UPPER_A));
        tmp[i] = b;
    }
    t2.type = HM_TK_WORD;
    t2.pos = 0;
    t2.len = t->len;
    if (hm_cb_word(tmp, &t2, buf, cap))
        return -1;
    /* hm_cb_word upper-cases: map back with the same table */
    hm_asc_exec(tmp, t->len, buf, cap);
    return 0;
}

static int uword(const unsigned char *s, const hm_cbtok *t, char *buf,
                 size_t cap)
{
    return hm_cb_word(s, t, buf, cap);
}

static int ulong_tok(const unsigned char *s, const hm_cbtok *t,
                     unsigned long max, unsigned long *v)
{
    size_t i;
    unsigned long x = 0;
    if (t->type != HM_TK_WORD || t->len == 0 || t->len > 9)
        return -1;
    for (i = 0; i < t->len; i++) {
        unsigned char b = s[t->pos + i];
        if (b < AS_0 || b > AS_9)
            return -1;
        x = x * 10 + (b - AS_0);
    }
    if (x > max)
        return -1;
    *v = x;
    return 0;
}

static void tok(const unsigned char *s, size_t n, size_t *pos,
                hm_cbtok *t)
{
    hm_cb_token(s, n, pos, 1, t);
}

static int is_op(const unsigned char *s, const hm_cbtok *t,
                 unsigned char c)
{
    return t->type == HM_TK_OP && t->len == 1 && s[t->pos] == c;
}

/* a field reference: NAME [OF NAME]... [(n, ...)]; the name text
 * goes to the pool. Leaves *t at the token after it. */
static int fieldref(pp *q, const unsigned char *s, size_t n,
                    size_t *pos, hm_cbtok *t, size_t *off, size_t *len,
                    unsigned long *subs, int *nsubs)
{
    size_t start = t->pos, end = t->pos;
    char w[40];
    *nsubs = 0;
    for (;;) {
        if (uword(s, t, w, sizeof w))
            return -1;
        end = t->pos + t->len;
        tok(s, n, pos, t);
        if (uword(s, t, w, sizeof w) == 0
            && (strcmp(w, "OF") == 0 || strcmp(w, "IN") == 0)) {
            tok(s, n, pos, t);
            continue;
        }
        break;
    }
    if (padd(q, s + start, end - start, off))
        return -2;
    *len = end - start;
    if (is_op(s, t, AS_LPAR)) {
        for (;;) {
            tok(s, n, pos, t);
            if (*nsubs == HM_CB_MAXDIM
                || ulong_tok(s, t, 16777215ul, &subs[*nsubs])
                || subs[*nsubs] == 0)
                return -1;
            (*nsubs)++;
            tok(s, n, pos, t);
            if (is_op(s, t, AS_RPAR))
                break;
            if (!is_op(s, t, AS_COMMA))
                return -1;
        }
        tok(s, n, pos, t);
    }
    return 0;
}

static int date_ok(int kind, int form)
{
    int timef = form == HM_DF_HHMMSS || form == HM_DF_HHMM
                || form == HM_DF_HHMMSSTH;
    int both = form == HM_DF_STAMP || form == HM_DF_STCK;
    switch (kind) {
    case HM_RK_DATE:
    case HM_RK_STAMP:
        return form != HM_DF_NONE && !timef;
    case HM_RK_TIME:
        return timef || both;
    default:
        return form == HM_DF_NONE;
    }
}

static hm_ptype *cur_type(pp *q)
{
    return &q->p->t[q->p->nt - 1];
}

static void role_line(pp *q, int role, const unsigned char *s,
                      size_t n, const char *key)
{
    hm_profile *p = q->p;
    hm_pmap *m;
    hm_cbtok t;
    size_t pos = 0;
    int r, k;
    char w[40];
    hm_ptype *ty = cur_type(q);
    for (k = ty->map; k < ty->map + ty->nmap; k++)
        if (p->m[k].role == role) {
            say(q, HMM_PRFDUP, key, 0);
            return;
        }
    if (grow(q, (void **)&p->m, &q->mcap, p->nm, sizeof(hm_pmap)))
        return;
    m = &p->m[p->nm];
    memset(m, 0, sizeof *m);
    m->role = role;
    m->field = -1;
    m->line = q->line;
    tok(s, n, &pos, &t);
    if (t.type == HM_TK_ALIT) {
        hm_cblit l;
        r = hm_cb_lit(&q->pool, s, &t, &l);
        if (r == -2) {
            nostor(q);
            return;
        }
        m->off = l.off;
        m->len = l.len;
        tok(s, n, &pos, &t);
    } else {
        r = fieldref(q, s, n, &pos, &t, &m->off, &m->len, m->subs,
                     &m->nsubs);
        if (r == -2)
            return;
        if (r) {
            say(q, HMM_PRFVALUE, key, 0);
            return;
        }
        m->field = -2; /* to be bound */
        if (uword(s, &t, w, sizeof w) == 0 && strcmp(w, "AS") == 0) {
            tok(s, n, &pos, &t);
            if (uword(s, &t, w, sizeof w)
                || (m->form = hm_dt_form(w)) == HM_DF_NONE) {
                say(q, HMM_PRFFORM, key, 0);
                return;
            }
            tok(s, n, &pos, &t);
        }
        if (!date_ok(roles[role].kind, m->form)) {
            say(q, HMM_PRFFORM, key, 0);
            return;
        }
    }
    if (t.type != HM_TK_END) {
        say(q, HMM_PRFVALUE, key, 0);
        return;
    }
    p->nm++;
    ty->nmap++;
}

static void when_line(pp *q, const unsigned char *s, size_t n)
{
    hm_profile *p = q->p;
    hm_pcond *c;
    hm_cbtok t;
    size_t pos = 0;
    char w[40];
    int r;
    if (grow(q, (void **)&p->c, &q->ccap, p->nc, sizeof(hm_pcond)))
        return;
    c = &p->c[p->nc];
    memset(c, 0, sizeof *c);
    c->field = c->cond = -1;
    c->line = q->line;
    c->val = p->nv;
    tok(s, n, &pos, &t);
    if (uword(s, &t, w, sizeof w) == 0 && strcmp(w, "NOT") == 0) {
        c->negate = 1;
        tok(s, n, &pos, &t);
    }
    r = fieldref(q, s, n, &pos, &t, &c->off, &c->len, c->subs,
                 &c->nsubs);
    if (r == -2)
        return;
    if (r) {
        say(q, HMM_PRFVALUE, "when", 0);
        return;
    }
    if (t.type == HM_TK_END) {
        c->cond = -2; /* an 88 name, to be bound */
    } else {
        if (c->negate) {
            say(q, HMM_PRFVALUE, "when", 0);
            return;
        }
        if (t.type == HM_TK_OP && t.len == 2 && s[t.pos] == AS_LT)
            c->negate = 1;
        else if (!is_op(s, &t, AS_EQ)) {
            say(q, HMM_PRFVALUE, "when", 0);
            return;
        }
        c->field = -2;
        tok(s, n, &pos, &t);
        while (t.type != HM_TK_END) {
            hm_cbval *v;
            if (is_op(s, &t, AS_COMMA)) {
                tok(s, n, &pos, &t);
                continue;
            }
            if (grow(q, (void **)&p->v, &q->vcap, p->nv,
                     sizeof(hm_cbval)))
                return;
            v = &p->v[p->nv];
            memset(v, 0, sizeof *v);
            r = hm_cb_lit(&q->pool, s, &t, &v->lo);
            if (r == -2) {
                nostor(q);
                return;
            }
            if (r) {
                say(q, HMM_PRFVALUE, "when", 0);
                return;
            }
            tok(s, n, &pos, &t);
            if (uword(s, &t, w, sizeof w) == 0
                && (strcmp(w, "THRU") == 0 || strcmp(w, "THROUGH") == 0)) {
                tok(s, n, &pos, &t);
                r = hm_cb_lit(&q->pool, s, &t, &v->hi);
                if (r == -2) {
                    nostor(q);
                    return;
                }
                if (r) {
                    say(q, HMM_PRFVALUE, "when", 0);
                    return;
                }
                v->thru = 1;
                tok(s, n, &pos, &t);
            }
            p->nv++;
            c->nval++;
        }
        if (c->nval == 0) {
            say(q, HMM_PRFVALUE, "when", 0);
            return;
        }
    }
    p->nc++;
    cur_type(q)->ncond++;
}

static const char *const store_keys[] = {
    "name", "codepage", "year-window", "tod-leap-seconds", "copybook",
    "record", 0
};

static void key_line(pp *q, const char *key, const unsigned char *s,
                     size_t n)
{
    hm_profile *p = q->p;
    hm_cbtok t;
    size_t pos = 0;
    unsigned long v;
    char w[40];
    int k;
    tok(s, n, &pos, &t);
    if (q->sect == 1) {
        for (k = 0; store_keys[k]; k++)
            if (strcmp(key, store_keys[k]) == 0)
                break;
        if (!store_keys[k]) {
            say(q, HMM_PRFKEY, key, "store");
            return;
        }
        if (q->seen[k]) {
            say(q, HMM_PRFDUP, key, 0);
            return;
        }
        q->seen[k] = 1;
        switch (k) {
        case 0:
            if (uword(s, &t, w, sizeof w) || strlen(w) > HM_CB_NAMEMAX)
                break;
            memcpy(p->store, w, strlen(w) + 1);
            tok(s, n, &pos, &t);
            goto done;
        case 1:
            if (ulong_tok(s, &t, 65535ul, &v) || v == 0)
                break;
            p->ccsid = (unsigned)v;
            tok(s, n, &pos, &t);
            goto done;
        case 2:
            if (ulong_tok(s, &t, 9899ul, &v) || v < 1000)
                break;
            p->window = (int)v;
            tok(s, n, &pos, &t);
            goto done;
        case 3:
            if (ulong_tok(s, &t, 999ul, &v))
                break;
            p->tod_leap = (long)v;
            tok(s, n, &pos, &t);
            goto done;
        case 4:
            if (n == 0 || padd(q, s, n, &p->cboff))
                break;
            p->cblen = n;
            return;
        case 5: {
            unsigned long subs[HM_CB_MAXDIM];
            int ns, r;
            r = fieldref(q, s, n, &pos, &t, &p->roff, &p->rlen, subs,
                         &ns);
            if (r == -2)
                return;
            if (r || ns)
                break;
            goto done;
        }
        }
        say(q, HMM_PRFVALUE, key, 0);
        return;
    done:
        if (t.type != HM_TK_END)
            say(q, HMM_PRFVALUE, key, 0);
        return;
    }
    /* a type section */
    if (strcmp(key, "item") == 0) {
        hm_ptype *ty = cur_type(q);
        if (ty->item) {
            say(q, HMM_PRFDUP, key, 0);
            return;
        }
        if (lword(s, &t, w, sizeof w) == 0)
            for (k = 1; k < HM_IT_COUNT; k++)
                if (strcmp(w, items[k]) == 0)
                    ty->item = k;
        tok(s, n, &pos, &t);
        if (!ty->item || t.type != HM_TK_END)
            say(q, HMM_PRFVALUE, key, 0);
        return;
    }
    if (strcmp(key, "record") == 0) {
        hm_ptype *ty = cur_type(q);
        unsigned long subs[HM_CB_MAXDIM];
        int ns, r;
        if (ty->rlen) {
            say(q, HMM_PRFDUP, key, 0);
            return;
        }
        r = fieldref(q, s, n, &pos, &t, &ty->roff, &ty->rlen, subs, &ns);
        if (r == -2)
            return;
        if (r || ns || t.type != HM_TK_END)
            say(q, HMM_PRFVALUE, key, 0);
        return;
    }
    if (strcmp(key, "when") == 0) {
        when_line(q, s, n);
        return;
    }
    if (!cur_type(q)->item) {
        say(q, HMM_PRFNOITEM, cur_type(q)->name, key);
        return;
    }
    k = hm_prof_role(cur_type(q)->item, key);
    if (k < 0) {
        say(q, HMM_PRFROLE, key, items[cur_type(q)->item]);
        return;
    }
    role_line(q, k, s, n, key);
}

static int blank(unsigned char b)
{
    return b == AS_SP || b == AS_TAB;
}

static void one_line(pp *q, const unsigned char *s, size_t n)
{
    hm_profile *p = q->p;
    size_t i, eq;
    hm_cbtok t;
    size_t pos;
    char w[40], key[40];
    while (n && blank(s[0])) {
        s++;
        n--;
    }
    while (n && blank(s[n - 1]))
        n--;
    if (n == 0 || s[0] == AS_HASH || s[0] == AS_SEMI || s[0] == AS_STAR)
        return;
    if (s[0] == AS_LBR) {
        if (s[n - 1] != AS_RBR) {
            say(q, HMM_PRFSYNTAX, 0, 0);
            return;
        }
        pos = 1;
        hm_cb_token(s, n - 1, &pos, 1, &t);
        if (lword(s, &t, w, sizeof w)) {
            say(q, HMM_PRFSYNTAX, 0, 0);
            return;
        }
        if (strcmp(w, "store") == 0) {
            hm_cb_token(s, n - 1, &pos, 1, &t);
            if (t.type != HM_TK_END) {
                say(q, HMM_PRFSYNTAX, 0, 0);
                return;
            }
            q->sect = 1;
            return;
        }
        if (strcmp(w, "type") == 0) {
            hm_ptype *ty;
            int k;
            hm_cb_token(s, n - 1, &pos, 1, &t);
            if (uword(s, &t, w, sizeof w) || strlen(w) > HM_CB_NAMEMAX) {
                say(q, HMM_PRFSYNTAX, 0, 0);
                return;
            }
            for (k = 0; k < p->nt; k++)
                if (strcmp(p->t[k].name, w) == 0) {
                    say(q, HMM_PRFDUP, w, 0);
                    return;
                }
            hm_cb_token(s, n - 1, &pos, 1, &t);
            if (t.type != HM_TK_END) {
                say(q, HMM_PRFSYNTAX, 0, 0);
                return;
            }
            if (grow(q, (void **)&p->t, &q->tcap, p->nt, sizeof(hm_ptype)))
                return;
            ty = &p->t[p->nt++];
            memset(ty, 0, sizeof *ty);
            memcpy(ty->name, w, strlen(w) + 1);
            ty->cond = p->nc;
            ty->map = p->nm;
            ty->root = -1;
            ty->line = q->line;
            q->sect = 2;
            return;
        }
        hm_asc_exec(s + 1, n - 2, key, sizeof key);
        say(q, HMM_PRFSECT, key, 0);
        q->sect = 0;
        return;
    }
    for (eq = 0; eq < n && s[eq] != AS_EQ; eq++)
        ;
    if (eq == n) {
        say(q, HMM_PRFSYNTAX, 0, 0);
        return;
    }
    pos = 0;
    hm_cb_token(s, eq, &pos, 1, &t);
    if (lword(s, &t, key, sizeof key)) {
        say(q, HMM_PRFSYNTAX, 0, 0);
        return;
    }
    hm_cb_token(s, eq, &pos, 1, &t);
    if (t.type != HM_TK_END) {
        say(q, HMM_PRFSYNTAX, 0, 0);
        return;
    }
    if (q->sect == 0) {
        say(q, HMM_PRFNOSECT, key, 0);
        return;
    }
    i = eq + 1;
    while (i < n && blank(s[i]))
        i++;
    key_line(q, key, s + i, n - i);
}

hm_profile *hm_prof_parse(const hm_alloc *a, const unsigned char *text,
                          size_t len, const hm_cpage *cp, hm_log *log,
                          const char *name)
{
    pp q;
    hm_profile *p;
    unsigned char *u;
    size_t n, i, b;
    memset(&q, 0, sizeof q);
    q.a = a;
    q.log = log;
    q.name = name;
    q.pool.a = a;
    p = (hm_profile *)HM_ALLOC(a, sizeof *p);
    if (!p) {
        nostor(&q);
        return 0;
    }
    memset(p, 0, sizeof *p);
    p->al = *a;
    p->ccsid = 37;
    p->window = 1950;
    q.p = p;
    if (hm_cb_utf8(a, text, len, cp, &u, &n)) {
        nostor(&q);
        HM_FREE(a, p);
        return 0;
    }
    for (i = b = 0; i <= n && !q.nostor; i++) {
        if (i == n || u[i] == AS_LF) {
            q.line++;
            one_line(&q, u + b, i - b);
            b = i + 1;
        }
    }
    HM_FREE(a, u);
    p->pool = q.pool.p;
    p->npool = q.pool.n;
    if (!q.err && p->nt == 0) {
        q.err = 1;
        hm_msg1(log, HMM_PRFNOTYPE, name ? name : "(profile)");
    }
    for (i = 0; !q.err && i < (size_t)p->nt; i++)
        if (!p->t[i].item) {
            q.line = p->t[i].line;
            say(&q, HMM_PRFNOITEM, p->t[i].name, "item");
        }
    if (q.err) {
        hm_prof_free(p);
        return 0;
    }
    return p;
}

void hm_prof_free(hm_profile *p)
{
    hm_alloc a;
    if (!p)
        return;
    a = p->al;
    HM_FREE(&a, p->t);
    HM_FREE(&a, p->c);
    HM_FREE(&a, p->v);
    HM_FREE(&a, p->m);
    HM_FREE(&a, p->pool);
    HM_FREE(&a, p);
}

char *hm_prof_copybook(const hm_profile *p, char *buf, size_t cap)
{
    return hm_asc_exec(p->pool + p->cboff, p->cblen, buf, cap);
}

/* ---- binding ---- */

/* resolve name text (in the pool) to an item or an 88 */
static int bind_name(const hm_profile *p, const hm_copybook *cb,
                     size_t off, size_t len, int cond, char *shown,
                     size_t cap)
{
    char names[HM_CB_MAXDIM + 9][32];
    int k = 0;
    size_t pos = 0;
    hm_cbtok t;
    const unsigned char *s = p->pool + off;
    shown[0] = 0;
    for (;;) {
        hm_cb_token(s, len, &pos, 1, &t);
        if (t.type == HM_TK_END)
            break;
        if (k == HM_CB_MAXDIM + 9 || hm_cb_word(s, &t, names[k], 32))
            return -3;
        if (k == 0)
            hm_asc_exec(s + t.pos, t.len, shown, cap);
        hm_cb_token(s, len, &pos, 1, &t);
        k++;
    }
    return hm_cb_lookup(cb, (const char (*)[32])names, k, cond);
}

int hm_prof_bind(hm_profile *p, const hm_copybook *cb, hm_log *log,
                 const char *name)
{
    pp q;
    int i, j, r;
    char shown[40], nb1[24], nb2[24];
    memset(&q, 0, sizeof q);
    q.p = p;
    q.log = log;
    q.name = name;
    for (i = 0; i < p->nm; i++) {
        hm_pmap *m = &p->m[i];
        const hm_cbfield *f;
        int kind = roles[m->role].kind;
        if (m->field == -1)
            continue;
        q.line = m->line;
        r = bind_name(p, cb, m->off, m->len, 0, shown, sizeof shown);
        if (r < 0) {
            say(&q, r == -2 ? HMM_PRFAMBIG : HMM_PRFFIELD, shown, 0);
            m->field = -2;
            continue;
        }
        m->field = r;
        f = &cb->f[r];
        if (m->nsubs > f->ndim) {
            const char *a[5];
            a[0] = name ? name : "(profile)";
            a[1] = hm_fmt_ulong(m->line, nb1);
            a[2] = shown;
            a[3] = hm_fmt_ulong((unsigned long)f->ndim, nb2);
            q.err = 1;
            hm_msg(log, HMM_PRFSUBS, a, 4);
            continue;
        }
        if ((kind == HM_RK_NUM && f->kind != HM_CB_ZONED
             && f->kind != HM_CB_PACKED && f->kind != HM_CB_BINARY)
            || (m->form == HM_DF_STCK && f->size != 8))
            say(&q, HMM_PRFKIND, shown, roles[m->role].name);
    }
    for (i = 0; i < p->nc; i++) {
        hm_pcond *c = &p->c[i];
        int cond = c->cond == -2;
        const hm_cbfield *f;
        q.line = c->line;
        r = bind_name(p, cb, c->off, c->len, cond, shown, sizeof shown);
        if (r < 0) {
            say(&q, r == -2 ? HMM_PRFAMBIG : HMM_PRFFIELD, shown, 0);
            continue;
        }
        if (cond)
            c->cond = r;
        else
            c->field = r;
        f = &cb->f[cond ? cb->c[r].field : r];
        if (c->nsubs != f->ndim) {
            const char *a[4];
            a[0] = name ? name : "(profile)";
            a[1] = hm_fmt_ulong(c->line, nb1);
            a[2] = shown;
            a[3] = hm_fmt_ulong((unsigned long)f->ndim, nb2);
            q.err = 1;
            hm_msg(log, HMM_PRFSUBS, a, 4);
        }
    }
    for (i = 0; i < p->nt; i++) {
        hm_ptype *ty = &p->t[i];
        size_t off = ty->roff, len = ty->rlen;
        q.line = ty->line;
        if (!len) {
            off = p->roff;
            len = p->rlen;
        }
        ty->root = -1;
        if (len) {
            r = bind_name(p, cb, off, len, 0, shown, sizeof shown);
            if (r < 0 || cb->f[r].level != 1) {
                say(&q, r == -2 ? HMM_PRFAMBIG : HMM_PRFFIELD, shown, 0);
                continue;
            }
            ty->root = r;
            continue;
        }
        for (j = ty->map; j < ty->map + ty->nmap && ty->root < 0; j++)
            if (p->m[j].field >= 0)
                ty->root = cb->f[p->m[j].field].root;
        for (j = ty->cond; j < ty->cond + ty->ncond && ty->root < 0; j++)
            if (p->c[j].field >= 0)
                ty->root = cb->f[p->c[j].field].root;
            else if (p->c[j].cond >= 0)
                ty->root = cb->f[cb->c[p->c[j].cond].field].root;
        if (ty->root < 0)
            ty->root = 0;
    }
    return q.err ? -1 : 0;
}

/* ---- use ---- */

int hm_prof_type(const hm_profile *p, hm_lrec *r)
{
    int i, j, quiet = r->quiet;
    r->quiet = 1;
    for (i = 0; i < p->nt; i++) {
        const hm_ptype *ty = &p->t[i];
        int ok = 1;
        for (j = ty->cond; j < ty->cond + ty->ncond && ok; j++) {
            const hm_pcond *c = &p->c[j];
            int m;
            if (c->cond >= 0)
                m = hm_lay_cond(r, c->cond, c->subs, c->nsubs);
            else if (c->field >= 0)
                m = hm_lay_match(r, c->field, c->subs, c->nsubs,
                                 p->v + c->val, c->nval, p->pool);
            else
                m = -1;
            if (m < 0 || m == c->negate)
                ok = 0;
        }
        if (ok) {
            r->quiet = quiet;
            return i;
        }
    }
    r->quiet = quiet;
    return -1;
}

const hm_pmap *hm_prof_map(const hm_profile *p, int t, int role)
{
    int k;
    if (t < 0 || t >= p->nt)
        return 0;
    for (k = p->t[t].map; k < p->t[t].map + p->t[t].nmap; k++)
        if (p->m[k].role == role)
            return &p->m[k];
    return 0;
}
