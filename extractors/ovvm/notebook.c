/*
 * notebook.c - CMS/OfficeVision notebooks (ALL NOTEBOOK ...) and
 * reader mail files: records in, one hm_message per note out.
 *
 * A note is a header block of "Keyword: value" records (the first
 * being Date:, continued on records that start with blanks, ended by
 * a blank record) and a body that runs to the next header block.
 * Blank and separator records (all "=", "-" or "*") may stand
 * between notes. The layout is [U]; the keyword table, separator
 * characters and date forms are data (hm_ov_rules, ovparse.c).
 *
 * One note is held at a time: header and body lines in one buffer,
 * at most opt.max_note bytes (default 4 MiB; a longer note is split
 * into parts, each with the note's header) plus one record. Header
 * blocks are at most OV_HDRMAX bytes; a longer one is kept raw.
 */
#include <string.h>
#include "ovvm_i.h"

#define OV_HDRMAX 32768u
#define OV_MINNOTE 65536ul

/* record kinds */
#define K_BLANK 0
#define K_SEP 1
#define K_START 2   /* a header whose role is DATE */
#define K_HDR 3     /* another Keyword: record */
#define K_CONT 4    /* starts with a blank */
#define K_TEXT 5

/* states */
#define S_IDLE 0
#define S_HEAD 1
#define S_BODY 2
#define S_CAND 3    /* a Date: block inside a body: a new note? */

/* header field buffers, by role */
#define OV_NROLE 10

/* keywords whose length and first letter nb_kind knows beforehand */
#define OV_KWFAST 64

struct hm_ov_nb {
    hm_alloc a;
    hm_cpconv *cv;
    hm_log *log;
    const char *fname;
    hm_ov_opt opt;
    const hm_ov_rules *ru;
    int mode;
    hm_ov_item_fn fn;
    void *ctx;
    hm_text *folder;
    size_t nfolder;
    hm_ov_buf folderbuf;
    unsigned char owner[16], onode[16];
    size_t nowner, nonode;
    hm_ov_buf note;         /* the note's lines, each ended by LF */
    hm_ov_buf rec;          /* the current record in UTF-8 */
    hm_ov_buf hv[OV_NROLE]; /* header values by role */
    hm_ov_buf abuf;         /* address texts */
    hm_ov_addr *oa;         /* parsed addresses */
    hm_addr *ha;
    size_t naddr;           /* capacity of oa and ha */
    int st;
    int prev;               /* kind of the previous record */
    size_t hdr_end;         /* body start (0 for a raw note) */
    size_t body_end;        /* end of the last content line (no LF) */
    size_t cand;            /* a candidate header's offset */
    size_t cand_body_end;
    unsigned long cand_roles;
    unsigned long cand_rec;
    unsigned long first_rec;
    int raw;
    int cut;                /* the note holds the end of a file cut
                             * short (hm_ov_nb_cut) */
    unsigned part;
    int stopped;
    int failed;
    hm_ov_nbstats stats;
    /* ru->kw[k] for k < OV_KWFAST: length, and the keywords by their
     * upper-case first byte: kwhead[b] the first (OV_KWFAST: none),
     * kwnext[k] the next, in table order */
    size_t kwlen[OV_KWFAST];
    unsigned char kwhead[256];
    unsigned char kwnext[OV_KWFAST];
    unsigned char kcls[256];    /* KC_ classes of bytes for nb_kind */
    /* with a converter to UTF-8: 1 for the host bytes that become a
     * control character (hm_ov_has_ctl's rule); and the host record
     * the current line was converted from */
    unsigned char ctl[256];
    const unsigned char *hrec;
    size_t nhrec;
};

/* byte classes for nb_kind */
#define KC_SEP 1        /* a separator character of the rules */
#define KC_FIELD 2      /* RFC 822 field-name character: X'21'-X'7E'
                         * but the colon */

static const char ov_sent_items[] =
    "\x53\x65\x6E\x74\x20\x49\x74\x65\x6D\x73"; /* Sent Items */

static void nb_nostore(hm_ov_nb *nb, size_t n)
{
    char b[24];
    hm_msg2(nb->log, HMM_OVSTOR, nb->fname, hm_fmt_ulong(
                (unsigned long)n, b));
    nb->failed = 1;
}

static void nb_raw(hm_ov_nb *nb, const char *why)
{
    char b1[24], b2[24];
    hm_msg4(nb->log, HMM_OVNBRAW, nb->fname,
            hm_fmt_ulong(nb->stats.records, b1),
            hm_fmt_ulong(nb->first_rec, b2), why);
    nb->raw = 1;
    nb->hdr_end = 0;
    nb->body_end = nb->note.len ? nb->note.len - 1 : 0;
}

/* Classify a UTF-8 record (trailing blanks removed). *role: the role
 * of a K_START / K_HDR keyword. */
static int nb_kind(const hm_ov_nb *nb, const unsigned char *s, size_t n,
                   int *role)
{
    const hm_ov_rules *ru = nb->ru;
    size_t i, k;
    unsigned c0;
    *role = HM_OV_R_OTHER;
    if (n == 0)
        return K_BLANK;
    if (HM_OV_BLANK(s[0])) {
        for (i = 0; i < n; i++)
            if (!HM_OV_BLANK(s[i]))
                return K_CONT;
        return K_BLANK;
    }
    if (n >= ru->sep_min && (nb->kcls[s[0]] & KC_SEP)) {
        /* one separator character, repeated */
        for (i = 1; i < n; i++)
            if (s[i] != s[0])
                break;
        if (i == n)
            return K_SEP;
    }
    /* Keyword: 1 to 76 RFC 822 field-name characters, then a colon */
    for (i = 0; i < n && i < 76; i++)
        if (!(nb->kcls[s[i]] & KC_FIELD))
            break;
    if (i == 0 || i >= n || s[i] != B_COLON)
        return K_TEXT;
    /* the keywords known beforehand with this first letter, then the
     * rest of the table */
    c0 = HM_OV_UP(s[0]);
    for (k = nb->kwhead[c0]; k < OV_KWFAST; k = nb->kwnext[k]) {
        /* the rest without regard to ASCII case */
        const unsigned char *w = (const unsigned char *)ru->kw[k].name;
        size_t j;
        if (nb->kwlen[k] != i)
            continue;
        for (j = 1; j < i; j++)
            if (s[j] != w[j] && HM_OV_UP(s[j]) != HM_OV_UP(w[j]))
                break;
        if (j == i)
            break;
    }
    if (k >= OV_KWFAST)
        for (k = OV_KWFAST; k < ru->nkw; k++)
            if (hm_ov_iword(s, i, ru->kw[k].name))
                break;
    if (k < ru->nkw) {
        *role = ru->kw[k].role;
        return *role == HM_OV_R_DATE ? K_START : K_HDR;
    }
    return ru->any_keyword ? K_HDR : K_TEXT;
}

/* The length of the start of header text s[0..n) that nb_add copies
 * unchanged: up to the first X'C2' (a U+0085 may start there) or the
 * first byte below X'0E' (LF, CR). Word by word; a word is only asked
 * whether SOME byte has a property, which does not depend on the byte
 * order. */
static size_t nb_plain(const unsigned char *s, size_t n)
{
    const unsigned long ones = ~0ul / 255ul, high = ones * 0x80ul;
    size_t i = 0;
    while (i + sizeof(unsigned long) <= n) {
        unsigned long w, x;
        memcpy(&w, s + i, sizeof w);
        x = w ^ (ones * 0xC2ul);
        if (((x - ones) & ~x & high) || ((w - ones * 0x0Eul) & ~w & high))
            break;
        i += sizeof(unsigned long);
    }
    for (; i < n; i++)
        if (s[i] == 0xC2 || s[i] < 0x0E)
            break;
    return i;
}

/* hm_ov_has_ctl of the current line. A converted line is made of
 * whole characters, one per byte of its host record (the trailing
 * blanks taken off are no controls), so the host record is looked up
 * byte by byte instead: no UTF-8 to decode. */
static int nb_has_ctl(const hm_ov_nb *nb, const unsigned char *s,
                      size_t n)
{
    const unsigned char *h = nb->hrec, *c = nb->ctl;
    size_t i;
    unsigned acc = 0;
    if (!h)
        return hm_ov_has_ctl(s, n);
    for (i = 0; i + 4 <= nb->nhrec; i += 4)
        acc |= c[h[i]] | c[h[i + 1]] | c[h[i + 2]] | c[h[i + 3]];
    for (; i < nb->nhrec; i++)
        acc |= c[h[i]];
    return acc != 0;
}

/* Append a line (+ LF) to the note. hdr: a header line (line ends
 * inside it become blanks); else a body line (a U+0085 becomes LF). */
static int nb_add(hm_ov_nb *nb, const unsigned char *s, size_t n,
                  int hdr)
{
    size_t i = 0, k;
    unsigned char *d;
    if (HM_OV_ROOM(&nb->note, n + 1)) {
        nb_nostore(nb, nb->note.len + n + 1);
        return -1;
    }
    d = nb->note.p + nb->note.len;
    if (!hdr) {
        /* a body record: only a U+0085 (C2 85) changes; found by its
         * second byte, which is rarer in text than X'C2' */
        const unsigned char *q;
        while (n - i > 1
               && (q = hm_find_byte(s + i + 1, n - i - 1, 0x85))
                  != NULL) {
            k = (size_t)(q - s);        /* s[k] == X'85', k > i */
            if (s[k - 1] == 0xC2) {
                if (k - 1 > i)
                    memcpy(d, s + i, k - 1 - i);
                d += k - 1 - i;
                *d++ = B_LF;
            } else {
                memcpy(d, s + i, k + 1 - i);
                d += k + 1 - i;
            }
            i = k + 1;
        }
        if (n > i)
            memcpy(d, s + i, n - i);
        d += n - i;
        *d++ = B_LF;
        nb->note.len = (size_t)(d - nb->note.p);
        return 0;
    }
    /* a header record: U+0085, LF and CR become blanks */
    while (i < n) {
        unsigned c;
        k = nb_plain(s + i, n - i);
        if (k) {
            memcpy(d, s + i, k);
            d += k;
            i += k;
            if (i >= n)
                break;
        }
        c = s[i];
        if (c == 0xC2 && i + 1 < n && s[i + 1] == 0x85) {
            c = B_SP;
            i++;
        } else if (c == B_LF || c == B_CR) {
            c = B_SP;
        }
        *d++ = (unsigned char)c;
        i++;
    }
    *d++ = B_LF;
    nb->note.len = (size_t)(d - nb->note.p);
    return 0;
}

/* ------------------------------------------------------------------
 * Building the message
 */

/* Collect the header values of note[0..end) by role into hv[]. */
static int nb_fields(hm_ov_nb *nb, size_t end)
{
    const unsigned char *p = nb->note.p;
    size_t i = 0, r;
    int cur = -1;
    static const unsigned char sep[2] = { B_COMMA, B_SP };
    for (r = 0; r < OV_NROLE; r++)
        nb->hv[r].len = 0;
    while (i < end) {
        size_t e, k;
        int role, kind;
        const unsigned char *lf = hm_find_byte(p + i, end - i, B_LF);
        e = lf ? (size_t)(lf - p) : end;
        kind = nb_kind(nb, p + i, e - i, &role);
        if (kind == K_CONT && cur >= 0) {
            k = i;
            while (k < e && HM_OV_BLANK(p[k]))
                k++;
            if (hm_ov_buf_add(&nb->hv[cur], sep + 1, 1)
                || hm_ov_buf_add(&nb->hv[cur], p + k, e - k))
                return -1;
        } else if (kind == K_START || kind == K_HDR) {
            hm_ov_buf *b = &nb->hv[role];
            int multi = role == HM_OV_R_TO || role == HM_OV_R_CC
                || role == HM_OV_R_BCC;
            cur = -1;
            if (role != HM_OV_R_OTHER && (b->len == 0 || multi)) {
                k = i;
                while (p[k] != B_COLON)
                    k++;
                k++;
                while (k < e && HM_OV_BLANK(p[k]))
                    k++;
                if (b->len && hm_ov_buf_add(b, sep, 2))
                    return -1;
                if (hm_ov_buf_add(b, p + k, e - k))
                    return -1;
                cur = role;
            }
        } else {
            cur = -1;
        }
        i = e + 1;
    }
    return 0;
}

static int nb_prio(const hm_ov_buf *b)
{
    static const char hi[] = A_H A_I A_G A_H;
    static const char urg[] = A_U A_R A_G A_E A_N A_T;
    static const char lo[] = A_L A_O A_W;
    static const char non[] = A_N A_O A_N A_DASH;
    const unsigned char *s = b->p;
    size_t n = b->len;
    if (n == 0)
        return HM_PRIO_NORMAL;
    if (s[0] == 0x31 || s[0] == 0x32)
        return HM_PRIO_HIGH;
    if (s[0] == 0x34 || s[0] == 0x35)
        return HM_PRIO_LOW;
    if (n >= 4 && hm_ov_ieq(s, (const unsigned char *)non, 4))
        return HM_PRIO_LOW;
    if ((n >= 4 && hm_ov_ieq(s, (const unsigned char *)hi, 4))
        || (n >= 6 && hm_ov_ieq(s, (const unsigned char *)urg, 6)))
        return HM_PRIO_HIGH;
    if (n >= 3 && hm_ov_ieq(s, (const unsigned char *)lo, 3))
        return HM_PRIO_LOW;
    return HM_PRIO_NORMAL;
}

/* Room for addresses of text of total length tot. */
static int nb_addr_room(hm_ov_nb *nb, size_t tot)
{
    size_t want = tot / 2 + 8;
    nb->abuf.len = 0;
    if (hm_ov_buf_room(&nb->abuf, HM_OV_ABUF(tot)))
        return -1;
    if (want <= nb->naddr)
        return 0;
    if (nb->oa)
        HM_FREE(&nb->a, nb->oa);
    if (nb->ha)
        HM_FREE(&nb->a, nb->ha);
    nb->oa = (hm_ov_addr *)HM_ALLOC(&nb->a, want * sizeof *nb->oa);
    nb->ha = (hm_addr *)HM_ALLOC(&nb->a, want * sizeof *nb->ha);
    if (!nb->oa || !nb->ha) {
        nb->naddr = 0;
        return -1;
    }
    nb->naddr = want;
    return 0;
}

/* Parse the addresses of a role into oa/ha from *used on. */
static size_t nb_addrs(hm_ov_nb *nb, int role, size_t *used)
{
    hm_ov_buf *b = &nb->hv[role];
    size_t n, i, cap = nb->abuf.cap - nb->abuf.len;
    if (b->len == 0)
        return 0;
    n = hm_ov_parse_addrs(b->p, b->len, nb->oa + *used,
                          nb->naddr - *used, nb->abuf.p + nb->abuf.len,
                          cap);
    if (n > nb->naddr - *used)
        n = nb->naddr - *used;
    /* the texts used: up to the end of the last one written */
    for (i = 0; i < n; i++) {
        const hm_ov_addr *x = &nb->oa[*used + i];
        size_t k, e;
        if (x->a.name.s) {
            e = (size_t)(x->a.name.s - nb->abuf.p) + x->a.name.len;
            if (e > nb->abuf.len)
                nb->abuf.len = e;
        }
        if (x->a.addr.s) {
            e = (size_t)(x->a.addr.s - nb->abuf.p) + x->a.addr.len;
            if (e > nb->abuf.len)
                nb->abuf.len = e;
        }
        k = *used + i;
        nb->ha[k] = x->a;
    }
    *used += n;
    return n;
}

static int nb_is_owner(const hm_ov_nb *nb, const hm_ov_addr *x)
{
    if (nb->nowner == 0)
        return 0;
    if (x->kind == HM_OV_A_PROFS)
        return x->user.len == nb->nowner
            && hm_ov_ieq(x->user.s, nb->owner, nb->nowner)
            && (nb->nonode == 0 || (x->node.len == nb->nonode
                && hm_ov_ieq(x->node.s, nb->onode, nb->nonode)));
    if (x->kind == HM_OV_A_NAME)
        return x->a.name.len == nb->nowner
            && hm_ov_ieq(x->a.name.s, nb->owner, nb->nowner);
    return 0;
}

/* Hand out the note: body note[b0..b1). */
static int nb_emit(hm_ov_nb *nb, size_t b0, size_t b1,
                   unsigned long last_rec)
{
    hm_item it;
    hm_message *m = &it.u.msg;
    hm_ov_meta meta;
    hm_data body;
    hm_text sent_folder;
    size_t used = 0, tot = 0, nfrom = 0, r;
    long zone;
    static const unsigned char sp = B_SP;
    if (nb->stopped || nb->failed)
        return -1;
    memset(&it, 0, sizeof it);
    memset(&meta, 0, sizeof meta);
    it.kind = HM_ITEM_MESSAGE;
    meta.first_rec = nb->first_rec;
    meta.last_rec = last_rec;
    meta.part = nb->part;
    meta.raw = nb->raw;
    meta.cut = nb->cut;
    if (nb_fields(nb, nb->raw ? 0 : nb->hdr_end)) {
        nb_nostore(nb, nb->hdr_end);
        return -1;
    }
    if (nb->raw) {
        /* only a leading Date: record is used */
        const unsigned char *p = nb->note.p;
        size_t e = 0;
        int role;
        while (e < nb->note.len && p[e] != B_LF)
            e++;
        if (nb_kind(nb, p, e, &role) == K_START) {
            size_t k = 0;
            while (p[k] != B_COLON)
                k++;
            k++;
            if (hm_ov_buf_add(&nb->hv[HM_OV_R_DATE], p + k, e - k)) {
                nb_nostore(nb, e);
                return -1;
            }
        }
    }
    for (r = 0; r < OV_NROLE; r++)
        tot += nb->hv[r].len;
    if (nb_addr_room(nb, tot)) {
        nb_nostore(nb, HM_OV_ABUF(tot));
        return -1;
    }
    /* From (Sender when there is no From) */
    nfrom = nb_addrs(nb, nb->hv[HM_OV_R_FROM].len ? HM_OV_R_FROM
                     : HM_OV_R_SENDER, &used);
    if (nfrom) {
        m->sender = nb->ha[0];
        meta.sent = nb_is_owner(nb, &nb->oa[0]);
    }
    m->to = nb->ha + used;
    m->nto = nb_addrs(nb, HM_OV_R_TO, &used);
    m->cc = nb->ha + used;
    m->ncc = nb_addrs(nb, HM_OV_R_CC, &used);
    m->bcc = nb->ha + used;
    m->nbcc = nb_addrs(nb, HM_OV_R_BCC, &used);
    m->subject.s = nb->hv[HM_OV_R_SUBJECT].p;
    m->subject.len = nb->hv[HM_OV_R_SUBJECT].len;
    if (!m->subject.s)
        m->subject.s = &sp;
    m->priority = nb_prio(&nb->hv[HM_OV_R_PRIO]);
    if (nb->hv[HM_OV_R_DATE].len
        && hm_ov_parse_date(nb->hv[HM_OV_R_DATE].p,
                            nb->hv[HM_OV_R_DATE].len, &nb->opt,
                            &m->sent, &zone) >= 0)
        meta.date_ok = 1;
    m->received = m->sent;
    if (!meta.date_ok)
        nb->stats.nodate++;
    if (!meta.date_ok && !nb->raw && nb->part <= 1) {
        char b1[24];
        hm_msg2(nb->log, HMM_OVNBDATE, nb->fname,
                hm_fmt_ulong(nb->first_rec, b1));
    }
    m->unread = nb->mode == HM_OV_MAILFILE;
    if (meta.sent && nb->opt.sent_folder && nb->mode == HM_OV_NOTEBOOK) {
        sent_folder.s = (const unsigned char *)ov_sent_items;
        sent_folder.len = 10;
        m->folder = &sent_folder;
        m->nfolder = 1;
    } else {
        m->folder = nb->folder;
        m->nfolder = nb->nfolder;
    }
    if (nb->opt.keep_header && !nb->raw)
        b0 = 0;
    memset(&body, 0, sizeof body);
    body.p = nb->note.p ? nb->note.p + b0 : &sp;
    body.size = b1 > b0 ? (unsigned long)(b1 - b0) : 0;
    /* converted records: valid UTF-8 (the writer need not check) */
    body.utf8 = nb->cv && nb->cv->target == HM_PC_UTF8;
    if (body.size) {
        m->body = &body;
        m->nbody = 1;
    }
    if (nb->cut) {
        char b1[24], b2[24];
        nb->stats.cut++;
        if (!nb->raw)
            hm_msg3(nb->log, HMM_OVNBCUT, nb->fname,
                    hm_fmt_ulong(last_rec, b1),
                    hm_fmt_ulong(nb->first_rec, b2));
    }
    nb->stats.notes++;
    if (meta.raw)
        nb->stats.raw++;
    if (meta.sent)
        nb->stats.sent++;
    if (nb->fn(nb->ctx, &it, &meta)) {
        nb->stopped = 1;
        return -1;
    }
    return 0;
}

/* The current note is complete (state S_HEAD or S_BODY). */
static int nb_end_note(hm_ov_nb *nb, unsigned long last_rec)
{
    int rc;
    if (nb->st == S_HEAD) {
        nb->hdr_end = nb->note.len;
        nb->body_end = nb->note.len;
    }
    rc = nb_emit(nb, nb->hdr_end, nb->body_end, last_rec);
    nb->note.len = 0;
    nb->st = S_IDLE;
    nb->raw = 0;
    nb->cut = 0;
    nb->part = 0;
    return rc;
}

static void nb_begin(hm_ov_nb *nb)
{
    nb->note.len = 0;
    nb->first_rec = nb->stats.records;
    nb->raw = 0;
    nb->part = 0;
    nb->hdr_end = 0;
    nb->body_end = 0;
}

/* A body line; splits the note when it grows past max_note. */
static int nb_body(hm_ov_nb *nb, const unsigned char *s, size_t n,
                   int kind)
{
    if (nb->note.len + n + 1 > nb->opt.max_note
        && nb->note.len > nb->hdr_end) {
        size_t e = nb->note.len;
        if (nb->part == 0) {
            char b1[24], b2[24], b3[24];
            nb->part = 1;
            nb->stats.split++;
            hm_msg4(nb->log, HMM_OVNBSPLIT, nb->fname,
                    hm_fmt_ulong(nb->stats.records, b1),
                    hm_fmt_ulong(nb->first_rec, b2),
                    hm_fmt_ulong(nb->opt.max_note, b3));
        }
        if (e > nb->hdr_end && nb->note.p[e - 1] == B_LF)
            e--;
        if (nb_emit(nb, nb->hdr_end, e, nb->stats.records - 1))
            return -1;
        nb->part++;
        nb->note.len = nb->hdr_end;
        nb->body_end = nb->hdr_end;
        nb->first_rec = nb->stats.records;
    }
    if (nb_add(nb, s, n, 0))
        return -1;
    if (kind != K_BLANK && kind != K_SEP)
        nb->body_end = nb->note.len - 1;
    return 0;
}

/* The candidate header is a new note: the previous note ends before
 * it; the candidate becomes the header being read (S_HEAD). */
static int nb_confirm(hm_ov_nb *nb)
{
    size_t clen = nb->note.len - nb->cand;
    nb->body_end = nb->cand_body_end;
    nb->st = S_BODY;
    if (nb_emit(nb, nb->hdr_end, nb->body_end, nb->cand_rec - 1))
        return -1;
    memmove(nb->note.p, nb->note.p + nb->cand, clen);
    nb->note.len = clen;
    nb->first_rec = nb->cand_rec;
    nb->raw = 0;
    nb->part = 0;
    nb->hdr_end = 0;
    nb->body_end = 0;
    nb->st = S_HEAD;
    return 0;
}

static int nb_line(hm_ov_nb *nb, const unsigned char *s, size_t n)
{
    int role, kind = nb_kind(nb, s, n, &role);
    int rc = 0, again = 1;
    while (again && rc == 0) {
        again = 0;
        switch (nb->st) {
        case S_IDLE:
            if (kind == K_BLANK || kind == K_SEP) {
                nb->stats.skipped++;
                break;
            }
            nb_begin(nb);
            if (kind == K_START
                || (nb->mode == HM_OV_MAILFILE && kind == K_HDR)) {
                nb->st = S_HEAD;
                rc = nb_add(nb, s, n, 1);
                break;
            }
            nb->st = S_BODY;
            nb_raw(nb, "no Date: record starts it");
            rc = nb_body(nb, s, n, kind);
            break;
        case S_HEAD:
            if (kind == K_BLANK || kind == K_SEP) {
                if (nb->opt.keep_header && nb_add(nb, s, 0, 1))
                    return -1;
                nb->hdr_end = nb->note.len;
                nb->body_end = nb->note.len;
                nb->st = S_BODY;
                if (kind == K_SEP)
                    rc = nb_body(nb, s, n, kind);
                break;
            }
            if (kind == K_CONT || kind == K_HDR || kind == K_START) {
                if (nb_has_ctl(nb, s, n))
                    nb_raw(nb, "control characters in the header");
                else if (nb->note.len + n + 1 > OV_HDRMAX)
                    nb_raw(nb, "the header is too long");
                else {
                    rc = nb_add(nb, s, n, 1);
                    break;
                }
            } else {
                nb_raw(nb, "a header record is not Keyword: value");
            }
            nb->st = S_BODY;
            rc = nb_body(nb, s, n, kind);
            break;
        case S_BODY:
            if (nb->mode == HM_OV_NOTEBOOK && kind == K_START
                && (nb->prev == K_SEP
                    || (!nb->ru->need_sep && nb->prev == K_BLANK))
                && !nb_has_ctl(nb, s, n)) {
                nb->cand = nb->note.len;
                nb->cand_body_end = nb->body_end;
                nb->cand_roles = 0;
                nb->cand_rec = nb->stats.records;
                nb->st = S_CAND;
                rc = nb_add(nb, s, n, 1);
                break;
            }
            rc = nb_body(nb, s, n, kind);
            break;
        case S_CAND:
            if ((kind == K_CONT || kind == K_HDR || kind == K_START)
                && !nb_has_ctl(nb, s, n)
                && nb->note.len - nb->cand + n + 1 <= OV_HDRMAX) {
                if (kind != K_CONT)
                    nb->cand_roles |= 1ul << role;
                rc = nb_add(nb, s, n, 1);
                break;
            }
            if (nb->cand_roles & nb->ru->need_roles) {
                /* a new note; this record is read as part of its
                 * header (a blank ends it, anything else makes the
                 * note raw) */
                rc = nb_confirm(nb);
                again = 1;
                break;
            }
            /* not a header: the candidate lines are body text */
            nb->body_end = nb->note.len - 1;
            nb->st = S_BODY;
            rc = nb_body(nb, s, n, kind);
            break;
        }
    }
    nb->prev = kind;
    return rc;
}

/* ------------------------------------------------------------------
 * Interface
 */
hm_ov_nb *hm_ov_nb_open(const hm_alloc *a, hm_cpconv *cv, hm_log *log,
                        const char *fname, const hm_text *folder,
                        size_t nfolder, int mode, const hm_ov_opt *opt,
                        hm_ov_item_fn fn, void *ctx)
{
    hm_ov_nb *nb = (hm_ov_nb *)HM_ALLOC(a, sizeof *nb);
    size_t i, tot = 0;
    int r;
    if (!fname)
        fname = "(notebook)";
    if (!nb) {
        char b[24];
        hm_msg2(log, HMM_OVSTOR, fname,
                hm_fmt_ulong((unsigned long)sizeof *nb, b));
        return NULL;
    }
    memset(nb, 0, sizeof *nb);
    nb->a = *a;
    nb->cv = cv;
    nb->log = log;
    nb->fname = fname;
    if (opt)
        nb->opt = *opt;
    else
        hm_ov_opt_init(&nb->opt);
    if (nb->opt.max_note < OV_MINNOTE)
        nb->opt.max_note = OV_MINNOTE;
    nb->ru = nb->opt.rules ? nb->opt.rules : hm_ov_default_rules();
    if (cv && cv->target == HM_PC_UTF8)
        for (i = 0; i < 256; i++)
            nb->ctl[i] = (unsigned char)hm_ov_has_ctl(&cv->out[i][1],
                                                      cv->out[i][0]);
    for (i = 0; i < nb->ru->nsep; i++)
        nb->kcls[nb->ru->sep[i]] |= KC_SEP;
    for (i = 0x21; i < 0x7F; i++)
        if (i != B_COLON)
            nb->kcls[i] |= KC_FIELD;
    memset(nb->kwhead, OV_KWFAST, sizeof nb->kwhead);
    for (i = nb->ru->nkw < OV_KWFAST ? nb->ru->nkw : OV_KWFAST; i-- > 0;) {
        const unsigned char *w = (const unsigned char *)nb->ru->kw[i].name;
        unsigned f = HM_OV_UP(w[0]);
        nb->kwlen[i] = strlen(nb->ru->kw[i].name);
        nb->kwnext[i] = nb->kwhead[f];
        nb->kwhead[f] = (unsigned char)i;
    }
    nb->mode = mode;
    nb->fn = fn;
    nb->ctx = ctx;
    nb->note.a = nb->rec.a = nb->abuf.a = nb->folderbuf.a = &nb->a;
    for (r = 0; r < OV_NROLE; r++)
        nb->hv[r].a = &nb->a;
    if (nb->opt.owner)
        nb->nowner = hm_ov_x2a(nb->opt.owner, nb->owner,
                               sizeof nb->owner);
    if (nb->opt.owner_node)
        nb->nonode = hm_ov_x2a(nb->opt.owner_node, nb->onode,
                               sizeof nb->onode);
    /* copy the folder path */
    for (i = 0; i < nfolder; i++)
        tot += folder[i].len;
    if (nfolder) {
        size_t at = 0;
        if (hm_ov_buf_room(&nb->folderbuf, tot + 1
                           + nfolder * sizeof(hm_text))) {
            hm_ov_nb_close(nb);
            hm_msg2(log, HMM_OVSTOR, fname, "");
            return NULL;
        }
        nb->folder = (hm_text *)(void *)nb->folderbuf.p;
        at = nfolder * sizeof(hm_text);
        for (i = 0; i < nfolder; i++) {
            memcpy(nb->folderbuf.p + at, folder[i].s, folder[i].len);
            nb->folder[i].s = nb->folderbuf.p + at;
            nb->folder[i].len = folder[i].len;
            at += folder[i].len;
        }
        nb->nfolder = nfolder;
    }
    return nb;
}

int hm_ov_nb_record(hm_ov_nb *nb, const unsigned char *rec, size_t n)
{
    size_t at, e;
    int rc;
    if (nb->stopped || nb->failed)
        return -1;
    nb->stats.records++;
    nb->rec.len = 0;
    at = hm_ov_conv(&nb->rec, nb->cv, rec, n);
    if (at == (size_t)-1) {
        nb_nostore(nb, 3 * n);
        return -1;
    }
    e = nb->rec.len;
    while (e > 0 && nb->rec.p[e - 1] == B_SP)
        e--;
    if (nb->cv && nb->cv->target == HM_PC_UTF8) {
        nb->hrec = rec;
        nb->nhrec = n;
    }
    rc = nb_line(nb, nb->rec.p, e);
    nb->hrec = NULL;
    return nb->stopped || nb->failed ? -1 : rc;
}

int hm_ov_nb_cut(hm_ov_nb *nb)
{
    if (nb->stopped || nb->failed)
        return -1;
    if (nb->st == S_CAND) {
        if (nb->cand_roles & nb->ru->need_roles) {
            /* a new note whose header is cut */
            if (nb_confirm(nb))
                return -1;
        } else {
            /* the candidate lines are body text */
            nb->body_end = nb->note.len ? nb->note.len - 1 : 0;
            nb->st = S_BODY;
        }
    }
    if (nb->st == S_HEAD) {
        /* the header block did not end: the note is kept raw */
        nb_raw(nb, "the file is cut short inside its header");
        nb->st = S_BODY;
    }
    /* a note whose last record was blank or a separator lost nothing
     * of its own (they are trimmed from a body) */
    if (nb->st == S_BODY && nb->prev != K_BLANK && nb->prev != K_SEP)
        nb->cut = 1;
    return 0;
}

int hm_ov_nb_finish(hm_ov_nb *nb)
{
    if (nb->stopped || nb->failed)
        return -1;
    switch (nb->st) {
    case S_HEAD:
    case S_BODY:
        if (nb_end_note(nb, nb->stats.records))
            return -1;
        break;
    case S_CAND:
        if (nb->cand_roles & nb->ru->need_roles) {
            if (nb_confirm(nb))
                return -1;
        } else {
            nb->body_end = nb->note.len ? nb->note.len - 1 : 0;
            nb->st = S_BODY;
        }
        if (nb_end_note(nb, nb->stats.records))
            return -1;
        break;
    default:
        break;
    }
    if (nb->mode == HM_OV_MAILFILE && nb->stats.notes == 0)
        hm_msg1(nb->log, HMM_OVNBEMPTY, nb->fname);
    return 0;
}

const hm_ov_nbstats *hm_ov_nb_stats(const hm_ov_nb *nb)
{
    return &nb->stats;
}

void hm_ov_nb_close(hm_ov_nb *nb)
{
    int r;
    if (!nb)
        return;
    hm_ov_buf_free(&nb->note);
    hm_ov_buf_free(&nb->rec);
    hm_ov_buf_free(&nb->abuf);
    hm_ov_buf_free(&nb->folderbuf);
    for (r = 0; r < OV_NROLE; r++)
        hm_ov_buf_free(&nb->hv[r]);
    if (nb->oa)
        HM_FREE(&nb->a, nb->oa);
    if (nb->ha)
        HM_FREE(&nb->a, nb->ha);
    HM_FREE(&nb->a, nb);
}

size_t hm_ov_nb_folder(const char *fileid, unsigned char *out,
                       size_t cap)
{
    unsigned char t[64];
    size_t n = hm_ov_x2a(fileid, t, sizeof t), i = 0, k = 0;
    while (i < n && t[i] == B_SP)
        i++;
    /* the path's last component */
    {
        size_t j;
        for (j = i; j < n; j++)
            if (t[j] == B_SLASH || t[j] == B_BSL)
                i = j + 1;
    }
    while (i < n && t[i] != B_SP && t[i] != B_DOT && k < cap)
        out[k++] = t[i++];
    return k;
}

/* ------------------------------------------------------------------
 * Reader files
 */
int hm_ov_mailfile(const hm_alloc *a, hm_cpconv *cv, hm_log *log,
                   const char *fname, const hm_ov_opt *opt,
                   hm_ov_rec_fn next, void *rctx, hm_ov_item_fn fn,
                   void *ctx)
{
    hm_ov_nb *nb = hm_ov_nb_open(a, cv, log, fname, NULL, 0,
                                 HM_OV_MAILFILE, opt, fn, ctx);
    const unsigned char *d;
    size_t n;
    int rc = 0, r;
    if (!nb)
        return -1;
    while ((r = next(rctx, &d, &n)) == 1)
        if (hm_ov_nb_record(nb, d, n)) {
            rc = -1;
            break;
        }
    if (r < 0)
        rc = -1;
    if (r == 2)
        hm_ov_nb_cut(nb);
    if (rc == 0)
        rc = hm_ov_nb_finish(nb);
    hm_ov_nb_close(nb);
    return rc;
}

/* Digits of the execution character set ('0'..'9' are contiguous
 * in every character set C allows). */
static int ov_xdigits(const char *s, unsigned *v, int n)
{
    int i;
    *v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        *v = *v * 10u + (unsigned)(s[i] - '0');
    }
    return 0;
}

int hm_ov_rdrfile_item(const hm_ov_rdrfile *f, const hm_ov_opt *opt,
                       hm_ov_item_fn fn, void *ctx)
{
    hm_item it;
    hm_message *m = &it.u.msg;
    hm_ov_meta meta;
    hm_attach att;
    hm_data body;
    hm_addr to;
    unsigned char fu[16], fnode[16], ou[16], onode[16];
    unsigned char sname[48], saddr[48], tname[48], taddr[48];
    unsigned char subj[64], btext[160], aname[40];
    size_t nfu = 0, nfn = 0, nou = 0, non = 0, k;
    static const char at[] = A_SP "\x61\x74" A_SP;
    static const char file_[] = "\x46\x69\x6C\x65" A_SP; /* "File " */
    static const char from_[] = A_SP "\x66\x72\x6F\x6D" A_SP;
    memset(&it, 0, sizeof it);
    memset(&meta, 0, sizeof meta);
    memset(&att, 0, sizeof att);
    memset(&body, 0, sizeof body);
    memset(&to, 0, sizeof to);
    it.kind = HM_ITEM_MESSAGE;
    if (f->from_user)
        nfu = hm_ov_x2a(f->from_user, fu, 8);
    if (f->from_node)
        nfn = hm_ov_x2a(f->from_node, fnode, 8);
    if (opt && opt->owner)
        nou = hm_ov_x2a(opt->owner, ou, 8);
    if (opt && opt->owner_node)
        non = hm_ov_x2a(opt->owner_node, onode, 8);
    if (nfu) {
        m->sender.addr.s = saddr;
        m->sender.addr.len = hm_ov_profs(fu, nfu, fnode, nfn, saddr);
        m->sender.name.s = sname;
        memcpy(sname, fu, nfu);
        k = nfu;
        if (nfn) {
            memcpy(sname + k, at, 4);
            memcpy(sname + k + 4, fnode, nfn);
            k += 4 + nfn;
        }
        m->sender.name.len = k;
    }
    if (nou) {
        to.addr.s = taddr;
        to.addr.len = hm_ov_profs(ou, nou, onode, non, taddr);
        to.name.s = tname;
        memcpy(tname, ou, nou);
        k = nou;
        if (non) {
            memcpy(tname + k, at, 4);
            memcpy(tname + k + 4, onode, non);
            k += 4 + non;
        }
        to.name.len = k;
        m->to = &to;
        m->nto = 1;
    }
    /* subject "File FN FT", attachment "FN.FT" */
    memcpy(subj, file_, 5);
    k = 5;
    if (f->fn)
        k += hm_ov_x2a(f->fn, subj + k, 8);
    subj[k++] = B_SP;
    if (f->ft)
        k += hm_ov_x2a(f->ft, subj + k, 8);
    m->subject.s = subj;
    m->subject.len = k;
    if (f->att_name) {
        att.name.len = hm_ov_x2a(f->att_name, aname, sizeof aname);
    } else {
        size_t j = 0;
        if (f->fn)
            j = hm_ov_x2a(f->fn, aname, 8);
        aname[j++] = B_DOT;
        if (f->ft)
            j += hm_ov_x2a(f->ft, aname + j, 8);
        att.name.len = j;
    }
    att.name.s = aname;
    att.data = f->data;
    att.position = -1;
    m->att = &att;
    m->natt = 1;
    if (f->body.len) {
        body.p = f->body.s;
        body.size = (unsigned long)f->body.len;
    } else {
        memcpy(btext, subj, k);
        if (m->sender.name.len) {
            memcpy(btext + k, from_, 6);
            memcpy(btext + k + 6, m->sender.name.s, m->sender.name.len);
            k += 6 + m->sender.name.len;
        }
        body.p = btext;
        body.size = (unsigned long)k;
    }
    m->body = &body;
    m->nbody = 1;
    if (f->ftime && strlen(f->ftime) >= 12) {
        unsigned v[6];
        int i, bad = 0;
        static const int w[6] = { 4, 2, 2, 2, 2, 2 };
        const char *p = f->ftime;
        for (i = 0; i < 6; i++) {
            if (i == 5 && strlen(f->ftime) < 14) {
                v[5] = 0;
                break;
            }
            if (ov_xdigits(p, &v[i], w[i]))
                bad = 1;
            p += w[i];
        }
        if (!bad) {
            /* INMFTIME is GMT; shifted to zone_min on request */
            unsigned char ab[32];
            size_t j = 0;
            long z;
            if (opt && opt->shift) {
                hm_ov_opt o2 = *opt;
                o2.rules = NULL;
                /* "YYYY-MM-DD HH:MM:SS +0000" through the parser */
                j += hm_ov_utoa(v[0], ab + j);
                for (i = 1; i < 6; i++) {
                    ab[j++] = (unsigned char)(i < 3 ? B_DASH
                                              : i == 3 ? B_SP : B_COLON);
                    ab[j++] = (unsigned char)(B_0 + v[i] / 10u);
                    ab[j++] = (unsigned char)(B_0 + v[i] % 10u);
                }
                ab[j++] = B_SP;
                ab[j++] = B_PLUS;
                memset(ab + j, B_0, 4);
                j += 4;
                if (hm_ov_parse_date(ab, j, &o2, &m->sent, &z) >= 0)
                    meta.date_ok = 1;
            } else if (hm_time_set(&m->sent, v[0], v[1], v[2], v[3], v[4],
                                   v[5]) == 0) {
                meta.date_ok = 1;
            }
        }
    }
    m->received = m->sent;
    m->unread = 1;
    return fn(ctx, &it, &meta) ? -1 : 0;
}
