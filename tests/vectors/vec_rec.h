/*
 * vec_rec.h - vectors of the host record reader (common/record.c):
 * byte images of F, FB, U, V, VB, spanned and NL data, with the
 * records, final result and message each must give. Every case is
 * read at every chunk size of the source (hv_chunks), through a
 * counting allocator that must end with nothing allocated.
 */
#ifndef VEC_REC_H
#define VEC_REC_H

#include "hv.h"
#include "hm_rec.h"

struct hv_exp {
    unsigned long off;       /* byte offset of the record (or RDW) */
    size_t len;
    const unsigned char *bytes;
};

struct hv_reccase {
    const char *name;
    const unsigned char *data;
    size_t size;
    int npatch;              /* bytes changed in a copy of data */
    unsigned short poff[2];
    unsigned char pval[2];
    int recfm;
    unsigned long lrecl;
    int keep;
    unsigned char blank;
    const struct hv_exp *exp;
    size_t nexp;
    int final;               /* 0: end of data, -1: error */
    const char *msg;         /* must be logged; NULL: no message */
    int fmt;                 /* hm_rec_format at the end; 0: any */
    int blocked;             /* hm_rec_blocked at the end; -1: any */
};

static const size_t hv_chunks[] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 4093
};

static const unsigned char hv_C1C2[] = { 0xC1, 0xC2 };
static const unsigned char hv_C3[] = { 0xC3 };
static const unsigned char hv_C3C4C5[] = { 0xC3, 0xC4, 0xC5 };
static const unsigned char hv_C1_C5[] = { 0xC1, 0xC2, 0xC3, 0xC4, 0xC5 };

static const unsigned char hv_f12[] = {
    0xC1, 0xC2, 0x40, 0x40, 0xC3, 0x40, 0x40, 0x40,
    0x40, 0x40, 0x40, 0x40
};
static const struct hv_exp hv_e_f[] = {
    { 0, 2, hv_C1C2 }, { 4, 1, hv_C3 }, { 8, 0, 0 }
};
static const struct hv_exp hv_e_fk[] = {
    { 0, 4, hv_f12 }, { 4, 4, hv_f12 + 4 }, { 8, 4, hv_f12 + 8 }
};
static const struct hv_exp hv_e_fs[] = {
    { 0, 4, hv_f12 }, { 4, 4, hv_f12 + 4 }, { 8, 2, hv_f12 + 8 }
};
static const struct hv_exp hv_e_u[] = {
    { 0, 5, hv_f12 }, { 5, 5, hv_f12 + 5 }, { 10, 2, hv_f12 + 10 }
};

/* V without BDW: "C1C2", "", "C3" */
static const unsigned char hv_v_nob[] = {
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x04, 0x00, 0x00,
    0x00, 0x05, 0x00, 0x00, 0xC3
};
static const struct hv_exp hv_e_vnob[] = {
    { 0, 2, hv_C1C2 }, { 6, 0, 0 }, { 10, 1, hv_C3 }
};

/* An RDW-only stream whose first record looks like a BDW + RDW */
static const unsigned char hv_v_like[] = {
    0x00, 0x0C, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0xE1, 0xE2,
    0x00, 0x05, 0x00, 0x00, 0xC3
};
static const struct hv_exp hv_e_vlike[] = {
    { 0, 8, hv_v_like + 4 }, { 12, 1, hv_C3 }
};

/* VB: two blocks */
static const unsigned char hv_vb[] = {
    0x00, 0x12, 0x00, 0x00,
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x08, 0x00, 0x00, 0xC3, 0xC4, 0xC5, 0x40,
    0x00, 0x0C, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00
};
static const struct hv_exp hv_e_vb[] = {
    { 4, 2, hv_C1C2 }, { 10, 3, hv_C3C4C5 }, { 22, 0, 0 }, { 26, 0, 0 }
};
static const struct hv_exp hv_e_vbk[] = {
    { 4, 2, hv_C1C2 }, { 10, 4, hv_vb + 14 }, { 22, 0, 0 }, { 26, 0, 0 }
};

static const unsigned char hv_vb_ext[] = {
    0x80, 0x00, 0x00, 0x0E,
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x04, 0x00, 0x00
};
static const struct hv_exp hv_e_vbext[] = {
    { 4, 2, hv_C1C2 }, { 10, 0, 0 }
};

/* bad RDWs after a good record */
static const unsigned char hv_rdw0[] = {
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x00, 0x00, 0x00, 0xC3
};
static const unsigned char hv_rdw3[] = {
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x03, 0x00, 0x00, 0xC3
};
static const unsigned char hv_rdwflag[] = {
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x05, 0x00, 0x01, 0xC3
};
static const unsigned char hv_rdwpast[] = {
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x10, 0x00, 0x00, 0xC3
};
static const unsigned char hv_rdwtrunc[] = {
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2, 0x00, 0x05, 0x00
};
static const struct hv_exp hv_e_1[] = { { 0, 2, hv_C1C2 } };
static const struct hv_exp hv_e_cut[] = {
    { 0, 2, hv_C1C2 }, { 6, 1, hv_C3 }
};
static const struct hv_exp hv_e_span2[] = { { 0, 2, hv_C1_C5 } };
static const struct hv_exp hv_e_span3[] = { { 4, 3, hv_C1_C5 } };

/* VB: the second block's BDW says 14, its records fill 12, two more
 * bytes follow */
static const unsigned char hv_vbmism[] = {
    0x00, 0x12, 0x00, 0x00,
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x08, 0x00, 0x00, 0xC3, 0xC4, 0xC5, 0x40,
    0x00, 0x0E, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00,
    0x00, 0x00
};

/* VB: the first block is filled wrongly; a block follows it */
static const unsigned char hv_bdwfirst[] = {
    0x00, 0x14, 0x00, 0x00,
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x08, 0x00, 0x00, 0xC3, 0xC4, 0xC5, 0x40,
    0x00, 0x00,
    0x00, 0x0C, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00
};

/* Spanned records: C1C2 + C3 + C4C5 in three blocks, then C3 */
static const unsigned char hv_vbs[] = {
    0x00, 0x0A, 0x00, 0x00, 0x00, 0x06, 0x01, 0x00, 0xC1, 0xC2,
    0x00, 0x09, 0x00, 0x00, 0x00, 0x05, 0x03, 0x00, 0xC3,
    0x00, 0x0F, 0x00, 0x00, 0x00, 0x06, 0x02, 0x00, 0xC4, 0xC5,
    0x00, 0x05, 0x00, 0x00, 0xC3
};
static const struct hv_exp hv_e_vbs[] = {
    { 4, 5, hv_C1_C5 }, { 29, 1, hv_C3 }
};
/* the same without BDWs */
static const unsigned char hv_vs[] = {
    0x00, 0x06, 0x01, 0x00, 0xC1, 0xC2,
    0x00, 0x05, 0x03, 0x00, 0xC3,
    0x00, 0x06, 0x02, 0x00, 0xC4, 0xC5,
    0x00, 0x05, 0x00, 0x00, 0xC3
};
static const struct hv_exp hv_e_vs[] = {
    { 0, 5, hv_C1_C5 }, { 17, 1, hv_C3 }
};

static const unsigned char hv_nullseg[] = {
    0x00, 0x10, 0x00, 0x00,
    0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2,
    0x00, 0x00, 0x80, 0x00, 0xFF, 0xFF,
    0x00, 0x09, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0xC3
};
static const struct hv_exp hv_e_nullseg[] = {
    { 4, 2, hv_C1C2 }, { 20, 1, hv_C3 }
};

/* NL: "ab" CR LF "c  " LF LF CR "e" CR "f" (ASCII) */
static const unsigned char hv_nl[] = {
    0x61, 0x62, 0x0D, 0x0A, 0x63, 0x20, 0x20, 0x0A, 0x0A,
    0x0D, 0x65, 0x0D, 0x66
};
static const struct hv_exp hv_e_nl[] = {
    { 0, 2, hv_nl }, { 4, 1, hv_nl + 4 }, { 8, 0, 0 }, { 9, 4, hv_nl + 9 }
};
static const struct hv_exp hv_e_nlk[] = {
    { 0, 2, hv_nl }, { 4, 3, hv_nl + 4 }, { 8, 0, 0 }, { 9, 4, hv_nl + 9 }
};

#define HV_F HM_RECFM_F
#define HV_FB HM_RECFM_FB
#define HV_V HM_RECFM_V
#define HV_VB HM_RECFM_VB
#define HV_NOP 0, { 0, 0 }, { 0, 0 }
#define HV_D(a) a, sizeof a
#define HV_E(a) a, HV_NA(a)
#define HV_NOE 0, 0

static const struct hv_reccase hv_recs[] = {
    { "F exact", HV_D(hv_f12), HV_NOP, HV_F, 4, 0, 0x40,
      HV_E(hv_e_f), 0, 0, HV_F, 0 },
    { "FB keep blanks", HV_D(hv_f12), HV_NOP, HV_FB, 4, 1, 0x40,
      HV_E(hv_e_fk), 0, 0, HV_FB, 0 },
    { "F blank X'20' strips nothing", HV_D(hv_f12), HV_NOP, HV_F, 4, 0,
      0x20, HV_E(hv_e_fk), 0, 0, 0, -1 },
    { "F empty", hv_f12, 0, HV_NOP, HV_F, 4, 0, 0x40, HV_NOE, 0, 0, 0,
      -1 },
    { "F short last record kept", hv_f12, 10, HV_NOP, HV_F, 4, 1, 0x40,
      HV_E(hv_e_fs), 0,
      "HMG0157W T.DAT: the last record 3 at byte offset 8 has 2 "
      "bytes, fewer than the record length 4", 0, -1 },
    { "F short last record stripped", hv_f12, 10, HV_NOP, HV_F, 4, 0,
      0x40, HV_E(hv_e_f), 0, "HMG0157W", 0, -1 },
    { "U", HV_D(hv_f12), HV_NOP, HM_RECFM_U, 5, 1, 0x40, HV_E(hv_e_u),
      0, 0, 0, -1 },
    { "V RDW only", HV_D(hv_v_nob), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_vnob), 0, 0, HV_V, 0 },
    { "VB given RDW only", HV_D(hv_v_nob), HV_NOP, HV_VB, 0, 0, 0x40,
      HV_E(hv_e_vnob), 0, 0, HV_V, 0 },
    { "V empty", hv_v_nob, 0, HV_NOP, HV_V, 0, 0, 0x40, HV_NOE, 0, 0,
      0, -1 },
    { "V looks blocked", HV_D(hv_v_like), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_vlike), 0, 0, 0, 0 },
    { "V looks blocked, one record", hv_v_like, 12, HV_NOP, HV_V, 0, 0,
      0x40, hv_e_vlike, 1, 0, 0, 0, 0 },
    { "VB two blocks", HV_D(hv_vb), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_vb), 0, 0, HV_VB, 1 },
    { "VB keep blanks", HV_D(hv_vb), HV_NOP, HV_VB, 0, 1, 0x40,
      HV_E(hv_e_vbk), 0, 0, 0, 1 },
    { "VB extended BDW", HV_D(hv_vb_ext), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_vbext), 0, 0, 0, 1 },
    { "RDW length 0", HV_D(hv_rdw0), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_1), -1, "HMG0150E T.DAT: record 2 at byte offset 6 "
      "has an invalid RDW length 0", 0, -1 },
    { "RDW length 3", HV_D(hv_rdw3), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_1), -1, "HMG0150E T.DAT: record 2 at byte offset 6 "
      "has an invalid RDW length 3", 0, -1 },
    { "RDW flags", HV_D(hv_rdwflag), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_1), -1, "HMG0151E T.DAT: record 2 at byte offset 6 "
      "has an invalid RDW X'00050001'", 0, -1 },
    { "RDW past the end: cut short", HV_D(hv_rdwpast), HV_NOP, HV_V, 0,
      0, 0x40, HV_E(hv_e_cut), 0, "HMG0155W T.DAT: record 2 at byte "
      "offset 6 has length 16 but the file ends after 5 bytes: the "
      "file is cut short", 0, -1 },
    { "RDW truncated", HV_D(hv_rdwtrunc), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_1), 0, "HMG0156W T.DAT: the file ends inside the "
      "4-byte descriptor of record 2 at byte offset 6 (3 bytes left)",
      0, -1 },
    { "first RDW bad", hv_rdw0 + 6, 5, HV_NOP, HV_V, 0, 0, 0x40,
      HV_NOE, -1, "HMG0150E T.DAT: record 1 at byte offset 0 has an "
      "invalid RDW length 0", 0, -1 },
    { "single short RDW", hv_rdwtrunc, 2, HV_NOP, HV_V, 0, 0, 0x40,
      HV_NOE, 0, "HMG0156W", 0, -1 },
    { "BDW longer than its records", HV_D(hv_vbmism), HV_NOP, HV_VB, 0,
      0, 0x40, HV_E(hv_e_vb), -1,
      "HMG0154E T.DAT: the block at byte offset 18 has BDW length 14 "
      "but its records fill 12 bytes (before record 5)", 0, -1 },
    { "BDW longer than the file", HV_D(hv_vb),
      1, { 19, 0 }, { 0x0E, 0 }, HV_VB, 0, 0, 0x40, HV_E(hv_e_vb), 0,
      "HMG0166W T.DAT: the block at byte offset 18 has BDW length 14 "
      "but the file ends after 12 of its bytes (before record 5)", 0,
      -1 },
    { "record past its block", HV_D(hv_vb),
      1, { 23, 0 }, { 0x0A, 0 }, HV_VB, 0, 0, 0x40, hv_e_vb, 2, -1,
      "HMG0153E T.DAT: record 3 at byte offset 22 has length 10 but "
      "only 8 bytes are left in its block", 0, -1 },
    { "BDW length 5", HV_D(hv_vb),
      1, { 19, 0 }, { 0x05, 0 }, HV_VB, 0, 0, 0x40, hv_e_vb, 2, -1,
      "HMG0152E T.DAT: the block before record 3 at byte offset 18 "
      "has an invalid BDW X'00050000'", 0, -1 },
    { "BDW length 32761", HV_D(hv_vb),
      2, { 18, 19 }, { 0x7F, 0xF9 }, HV_VB, 0, 0, 0x40, hv_e_vb, 2, -1,
      "HMG0152E T.DAT: the block before record 3 at byte offset 18 "
      "has an invalid BDW X'7FF90000'", 0, -1 },
    { "BDW flags", HV_D(hv_vb),
      1, { 21, 0 }, { 0x01, 0 }, HV_VB, 0, 0, 0x40, hv_e_vb, 2, -1,
      "X'000C0001'", 0, -1 },
    { "block past the end, 2 bytes left", hv_vb, sizeof hv_vb - 2,
      HV_NOP, HV_VB, 0, 0, 0x40, hv_e_vb, 3, 0,
      "HMG0156W T.DAT: the file ends inside the 4-byte descriptor of "
      "record 4 at byte offset 26 (2 bytes left)", 0, -1 },
    { "block past the end, 0 bytes left", hv_vb, sizeof hv_vb - 4,
      HV_NOP, HV_VB, 0, 0, 0x40, hv_e_vb, 3, 0,
      "HMG0166W T.DAT: the block at byte offset 18 has BDW length 12 "
      "but the file ends after 8 of its bytes (before record 4)", 0,
      -1 },
    { "BDW alone at the end", hv_vb, 20, HV_NOP, HV_VB, 0, 0, 0x40,
      hv_e_vb, 2, 0, "HMG0156W T.DAT: the file ends inside the 4-byte "
      "descriptor of record 3 at byte offset 18 (2 bytes left)", 0, -1 },
    { "first block filled wrongly", HV_D(hv_bdwfirst), HV_NOP, HV_V, 0,
      0, 0x40, hv_e_vb, 2, -1, "HMG0154E T.DAT: the block at byte "
      "offset 0 has BDW length 20 but its records fill 18 bytes "
      "(before record 3)", 0, 1 },
    { "spanned, blocked", HV_D(hv_vbs), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_vbs), 0, 0, 0, 1 },
    { "spanned, unblocked", HV_D(hv_vs), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_vs), 0, 0, 0, 0 },
    { "spanned, middle segment first", hv_vs + 6, sizeof hv_vs - 6,
      HV_NOP, HV_V, 0, 0, 0x40, HV_NOE, -1, "HMG0159E T.DAT: record 1: "
      "the spanned segment at byte offset 0 (SDW X'00050300')", 0, -1 },
    { "spanned, complete record inside", HV_D(hv_vbs),
      1, { 16, 0 }, { 0x00, 0 }, HV_V, 0, 0, 0x40, HV_NOE, -1,
      "HMG0159E T.DAT: record 1: the spanned segment at byte offset 14",
      0, -1 },
    { "spanned, file ends inside, unblocked", hv_vs, 6, HV_NOP, HV_V, 0,
      0, 0x40, HV_E(hv_e_span2), 0, "HMG0161W T.DAT: spanned record 1 "
      "starting at byte offset 0", 0, -1 },
    { "spanned, file ends inside, blocked", hv_vbs, 19, HV_NOP, HV_V, 0,
      0, 0x40, HV_E(hv_e_span3), 0, "HMG0161W T.DAT: spanned record 1 "
      "starting at byte offset 4", 0, -1 },
    { "null segment", HV_D(hv_nullseg), HV_NOP, HV_V, 0, 0, 0x40,
      HV_E(hv_e_nullseg), 0, 0, 0, 1 },
    { "null segment, block ends early", hv_nullseg, 15, HV_NOP, HV_V, 0,
      0, 0x40, hv_e_nullseg, 1, 0, "HMG0166W", 0, -1 },
    { "NL", HV_D(hv_nl), HV_NOP, HM_RECFM_NL, 0, 0, 0x20,
      HV_E(hv_e_nl), 0, 0, 0, -1 },
    { "NL keep blanks", HV_D(hv_nl), HV_NOP, HM_RECFM_NL, 0, 1, 0x20,
      HV_E(hv_e_nlk), 0, 0, 0, -1 },
    { "NL final LF starts no record", hv_nl, 8, HV_NOP, HM_RECFM_NL, 0,
      0, 0x20, hv_e_nl, 2, 0, 0, 0, -1 },
    { "NL empty last line", hv_nl, 9, HV_NOP, HM_RECFM_NL, 0, 0, 0x20,
      hv_e_nl, 3, 0, 0, 0, -1 },
    { "NL empty", hv_nl, 0, HV_NOP, HM_RECFM_NL, 0, 0, 0x20, HV_NOE, 0,
      0, 0, -1 }
};

/* hm_recfm_parse */
struct hv_parse {
    const char *s;
    int recfm;
};

static const struct hv_parse hv_parses[] = {
    { "F", HM_RECFM_F }, { "FB", HM_RECFM_FB }, { "V", HM_RECFM_V },
    { "VB", HM_RECFM_VB }, { "U", HM_RECFM_U }, { "NL", HM_RECFM_NL },
    { "REC", HM_RECFM_REC }, { "vb", HM_RECFM_VB },
    { "nl", HM_RECFM_NL }, { "Vb", 0 }, { "FBA", 0 }, { "", 0 },
    { 0, 0 }
};

/* ---- running the reader ---- */

static hm_recopt hv_opt(int recfm, unsigned long lrecl, int keep,
                        unsigned char blank)
{
    hm_recopt o;
    o.recfm = recfm;
    o.lrecl = lrecl;
    o.keep_blanks = keep;
    o.blank = blank;
    return o;
}

static int hv_rec_read(hv_ctx *c, hm_rdr *r, const struct hv_exp *e,
                       size_t ne, int final)
{
    const unsigned char *d;
    size_t len, i = 0;
    int rc;
    while ((rc = hm_rec_next(r, &d, &len)) == 1) {
        HV_TRUE(c, "more records than expected", i < ne);
        HV_MEM(c, "record", d, len, e[i].bytes, e[i].len);
        HV_EQ(c, "record number", hm_rec_number(r), i + 1);
        HV_EQ(c, "byte offset", hm_rec_offset(r), e[i].off);
        i++;
    }
    HV_EQ(c, "records", i, ne);
    HV_EQ(c, "result at the end", rc, final);
    HV_EQ(c, "result after the end", hm_rec_next(r, &d, &len), final);
    return 1;
}

/* Read data at one chunk size; check records, result, messages,
 * format and storage. */
static int hv_rec_one(hv_ctx *c, const unsigned char *data, size_t n,
                      const hm_recopt *opt, size_t chunk,
                      const struct hv_exp *e, size_t ne, int final,
                      const char *msg, int fmt, int blocked)
{
    hm_memsrc m;
    hm_log lg;
    hv_ca ca;
    hm_alloc al;
    hm_rdr *r;
    int ok, gfmt, gblk;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    hm_memsrc_init(&m, data, n);
    m.chunk = chunk;
    r = hm_rec_open(&al, hm_memsrc_read, &m, opt, &lg, "T.DAT");
    HV_TRUE(c, "hm_rec_open gave NULL", r != NULL);
    ok = hv_rec_read(c, r, e, ne, final);
    gfmt = hm_rec_format(r);
    gblk = hm_rec_blocked(r);
    hm_rec_close(r);
    if (!ok)
        return 0;
    HV_EQ(c, "blocks not released", ca.live, 0);
    HV_TRUE(c, "more than 2 * 65552 + 1024 bytes allocated",
            ca.peak <= 2u * 65552u + 1024u);
    if (msg && !hv_logged(msg))
        return hv_logfail(c, "message not logged");
    if (!msg && hv_loglen != 0)
        return hv_logfail(c, "unexpected message");
    if (final == 0 && !msg)
        HV_EQ(c, "highest severity", lg.maxsev, -1);
    if (fmt)
        HV_EQ(c, "format", gfmt, fmt);
    if (blocked >= 0)
        HV_EQ(c, "blocked", gblk, blocked);
    return 1;
}

static int hv_rec_all(hv_ctx *c, const unsigned char *data, size_t n,
                      const hm_recopt *opt, const struct hv_exp *e,
                      size_t ne, int final, const char *msg, int fmt,
                      int blocked)
{
    size_t ci;
    for (ci = 0; ci < HV_NA(hv_chunks); ci++)
        if (!hv_rec_one(c, data, n, opt, hv_chunks[ci], e, ne, final,
                        msg, fmt, blocked)) {
            hv_cat(c->detail, HV_DETCAP, " (chunk ");
            hv_catu(c->detail, HV_DETCAP, (unsigned long)hv_chunks[ci]);
            hv_cat(c->detail, HV_DETCAP, ")");
            return 0;
        }
    return 1;
}

static int hv_rec_case(hv_ctx *c, const struct hv_reccase *k)
{
    static unsigned char copy[64];
    const unsigned char *d = k->data;
    hm_recopt o = hv_opt(k->recfm, k->lrecl, k->keep, k->blank);
    int j;
    if (k->npatch) {
        HV_TRUE(c, "case too big to patch", k->size <= sizeof copy);
        memcpy(copy, k->data, k->size);
        for (j = 0; j < k->npatch; j++)
            copy[k->poff[j]] = k->pval[j];
        d = copy;
    }
    return hv_rec_all(c, d, k->size, &o, k->exp, k->nexp, k->final,
                      k->msg, k->fmt, k->blocked);
}

/* Bad options and exhausted storage. */
static int hv_rec_badopts(hv_ctx *c)
{
    hm_log lg;
    hm_memsrc m;
    hm_rdr *r;
    const unsigned char *d;
    size_t len;
    hm_recopt o = hv_opt(HM_RECFM_F, 0, 0, 0x40);
    hv_ca ca;
    hm_alloc al;
    int rc;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    hm_memsrc_init(&m, hv_f12, sizeof hv_f12);
    r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
    HV_TRUE(c, "lrecl 0: no reader", r != NULL);
    rc = hm_rec_next(r, &d, &len);
    hm_rec_close(r);
    HV_EQ(c, "lrecl 0", rc, -1);
    HV_TRUE(c, "lrecl 0: no HMG0163E", hv_logged("HMG0163E"));
    o.lrecl = 65536;
    r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
    HV_TRUE(c, "lrecl 65536: no reader", r != NULL);
    rc = hm_rec_next(r, &d, &len);
    hm_rec_close(r);
    HV_EQ(c, "lrecl 65536", rc, -1);
    o.recfm = 99;
    hv_log_reset(&lg);
    r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
    HV_TRUE(c, "recfm 99: no reader", r != NULL);
    rc = hm_rec_next(r, &d, &len);
    hm_rec_close(r);
    HV_EQ(c, "recfm 99", rc, -1);
    HV_TRUE(c, "recfm 99: no HMG0164E", hv_logged("HMG0164E"));
    HV_EQ(c, "blocks not released", ca.live, 0);
    o = hv_opt(HM_RECFM_V, 0, 0, 0x40);
    for (ca.fail_after = 1; ca.fail_after <= 2; ca.fail_after++) {
        ca.calls = 0;
        hv_log_reset(&lg);
        r = hm_rec_open(&al, hm_memsrc_read, &m, &o, &lg, "T.DAT");
        HV_TRUE(c, "a reader without storage", r == NULL);
        HV_TRUE(c, "no HMG0165S", hv_logged("HMG0165S T.DAT"));
        HV_EQ(c, "blocks not released", ca.live, 0);
    }
    return 1;
}

/* REC: a source of whole records, and a read error in one */
struct hv_recsrc {
    const unsigned char *const *rec;
    const size_t *len;
    size_t n, i;
    size_t fail_at;          /* call number that fails, 0 none */
    int toolong;             /* a record did not fit the buffer */
};

static long hv_rs_read(void *ctx, unsigned char *buf, size_t n)
{
    struct hv_recsrc *s = (struct hv_recsrc *)ctx;
    size_t k;
    if (s->fail_at && s->fail_at == s->i + 1)
        return -1;
    if (s->i >= s->n)
        return 0;
    k = s->len[s->i];
    if (k > n) {
        s->toolong = 1;
        return -1;
    }
    memcpy(buf, s->rec[s->i], k);
    s->i++;
    return (long)k;
}

static int hv_rec_recsrc(hv_ctx *c)
{
    static const unsigned char r1[] = { 0xC1, 0xC2, 0x40 };
    static const unsigned char r2[] = { 0x40, 0x40 };
    static const unsigned char r3[] = { 0xC3 };
    static const unsigned char *const recs[] = { r1, r2, r3 };
    static const size_t lens[] = { 3, 2, 1 };
    static const struct hv_exp e[] = {
        { 0, 2, hv_C1C2 }, { 3, 0, 0 }, { 5, 1, hv_C3 }
    };
    struct hv_recsrc s;
    hm_recopt o = hv_opt(HM_RECFM_REC, 0, 0, 0x40);
    hm_log lg;
    hm_rdr *r;
    const unsigned char *d;
    size_t len;
    hv_ca ca;
    hm_alloc al;
    int ok, rc1, rc2;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    memset(&s, 0, sizeof s);
    s.rec = recs;
    s.len = lens;
    s.n = 3;
    r = hm_rec_open(&al, hv_rs_read, &s, &o, &lg, "T.DAT");
    HV_TRUE(c, "no reader", r != NULL);
    ok = hv_rec_read(c, r, e, 3, 0);
    hm_rec_close(r);
    if (!ok)
        return 0;
    HV_EQ(c, "record longer than the buffer", s.toolong, 0);
    HV_EQ(c, "messages", hv_loglen, 0);
    /* a read error at the second call */
    s.i = 0;
    s.fail_at = 2;
    r = hm_rec_open(&al, hv_rs_read, &s, &o, &lg, "T.DAT");
    HV_TRUE(c, "no reader", r != NULL);
    rc1 = hm_rec_next(r, &d, &len);
    rc2 = hm_rec_next(r, &d, &len);
    hm_rec_close(r);
    HV_EQ(c, "first record", rc1, 1);
    HV_EQ(c, "read error", rc2, -1);
    if (!hv_logged("HMG0162E T.DAT: read error at record 2, byte "
                   "offset 3"))
        return hv_logfail(c, "no HMG0162E");
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* a byte source that fails at a position */
struct hv_badsrc {
    hm_memsrc m;
    size_t fail_pos;
};

static long hv_bs_read(void *ctx, unsigned char *buf, size_t n)
{
    struct hv_badsrc *b = (struct hv_badsrc *)ctx;
    if (b->m.pos >= b->fail_pos)
        return -1;
    if (n > b->fail_pos - b->m.pos)
        n = b->fail_pos - b->m.pos;
    return hm_memsrc_read(&b->m, buf, n);
}

static int hv_rec_readerr(hv_ctx *c)
{
    struct hv_badsrc b;
    hm_log lg;
    hm_rdr *r;
    const unsigned char *d;
    size_t len;
    hm_recopt o = hv_opt(HM_RECFM_V, 0, 0, 0x40);
    hv_ca ca;
    hm_alloc al;
    int rc1, rc2, rc3;
    hv_ca_init(&ca, &al, c->base);
    hv_log_reset(&lg);
    hm_memsrc_init(&b.m, hv_v_nob, sizeof hv_v_nob);
    b.fail_pos = 8;
    r = hm_rec_open(&al, hv_bs_read, &b, &o, &lg, "T.DAT");
    HV_TRUE(c, "no reader", r != NULL);
    rc1 = hm_rec_next(r, &d, &len);
    rc2 = hm_rec_next(r, &d, &len);
    rc3 = hm_rec_next(r, &d, &len);
    hm_rec_close(r);
    HV_EQ(c, "first record", rc1, 1);
    HV_EQ(c, "read error", rc2, -1);
    HV_EQ(c, "after the error", rc3, -1);
    if (!hv_logged("HMG0162E T.DAT: read error at record 2, byte "
                   "offset 8"))
        return hv_logfail(c, "no HMG0162E");
    HV_EQ(c, "blocks not released", ca.live, 0);
    return 1;
}

/* ---- generated data: long records, many records ---- */

#define HV_BIGHALF 262144u
static unsigned char hv_big[2 * HV_BIGHALF];

static void hv_put2(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)((v >> 8) & 0xFF);
    p[1] = (unsigned char)(v & 0xFF);
}

/* 3 spanned segments of 30000 data bytes: 90000 > 65535 */
static int hv_rec_spanlong(hv_ctx *c)
{
    static const unsigned char fl[] = { 1, 3, 2 };
    size_t seg = 30000, at = 0, i;
    hm_recopt o = hv_opt(HM_RECFM_V, 0, 0, 0x40);
    for (i = 0; i < 3; i++) {
        hv_put2(hv_big + at, seg + 8);
        hv_big[at + 2] = hv_big[at + 3] = 0;
        hv_put2(hv_big + at + 4, seg + 4);
        hv_big[at + 6] = fl[i];
        hv_big[at + 7] = 0;
        memset(hv_big + at + 8, 0xC1, seg);
        at += seg + 8;
    }
    return hv_rec_all(c, hv_big, at, &o, 0, 0, -1,
                      "HMG0160E T.DAT: spanned record 1 is longer than "
                      "65535 bytes at the segment at byte offset 60020",
                      0, -1);
}

/* NL lines of 65535 bytes and longer */
static int hv_rec_nllong(hv_ctx *c, int which)
{
    size_t n = 65535 + 2 + 3 + 70000, i;
    struct hv_exp e[3];
    hm_recopt o = hv_opt(HM_RECFM_NL, 0, 1, 0x20);
    for (i = 0; i < n; i++)
        hv_big[i] = (unsigned char)(0x41 + i % 26);
    hv_big[65535] = 0x0D;
    hv_big[65536] = 0x0A;
    hv_big[65539] = 0x0A;
    e[0].off = 0;
    e[0].len = 65535;
    e[0].bytes = hv_big;
    e[1].off = 65537;
    e[1].len = 2;
    e[1].bytes = hv_big + 65537;
    e[2].off = 65540;
    e[2].len = 65535;
    e[2].bytes = hv_big + 65540;
    if (which == 0)
        return hv_rec_all(c, hv_big, n, &o, e, 2, -1,
                          "HMG0158E T.DAT: line 3 at byte offset 65540 "
                          "is longer than 65535 bytes", 0, -1);
    if (which == 1)
        return hv_rec_all(c, hv_big, 65540 + 65536, &o, e, 2, -1,
                          "HMG0158E", 0, -1);
    return hv_rec_all(c, hv_big, 65540 + 65535, &o, e, 3, 0, 0, 0, -1);
}

/* Many V records across window boundaries, the largest RDW record
 * among them; unblocked, blocked (1..3 records a block, big ones
 * alone with an extended BDW), and F with the largest lrecl. */
#define HV_NBULK 600
static struct hv_exp hv_ebulk[HV_NBULK + 2], hv_ebulkb[HV_NBULK + 2];

static int hv_rec_bulk(hv_ctx *c, int which)
{
    unsigned char *d = hv_big, *db = hv_big + HV_BIGHALF;
    size_t i, at = 0, atb = 0, blk = 0, blen = 0;
    int have = 0;
    hm_recopt o = hv_opt(HM_RECFM_V, 0, 1, 0x40);
    for (i = 0; i < HV_NBULK + 2; i++) {
        size_t dl = (i * 7919u) % 301u, k;
        if (i == 300)
            dl = 65531;   /* the largest RDW record */
        if (i == 301)
            dl = 40000;
        HV_TRUE(c, "bulk data too big", at + dl + 4 <= HV_BIGHALF
                && atb + dl + 8 <= HV_BIGHALF);
        hv_put2(d + at, dl + 4);
        d[at + 2] = d[at + 3] = 0;
        for (k = 0; k < dl; k++)
            d[at + 4 + k] = (unsigned char)(0x81 + (i + k) % 9);
        hv_ebulk[i].off = at;
        hv_ebulk[i].len = dl;
        hv_ebulk[i].bytes = d + at + 4;
        at += 4 + dl;
        if (dl + 8 <= 32760) {
            if (!have || i % 3 == 0 || blen + dl + 4 > 32760) {
                blk = atb;
                blen = 4;
                have = 1;
                atb += 4;
            }
            blen += dl + 4;
            hv_put2(db + blk, blen);
            db[blk + 2] = db[blk + 3] = 0;
        } else {
            size_t bl = dl + 8;   /* extended BDW */
            db[atb] = 0x80;
            db[atb + 1] = (unsigned char)((bl >> 16) & 0xFF);
            hv_put2(db + atb + 2, bl);
            atb += 4;
            have = 0;
        }
        memcpy(db + atb, d + at - 4 - dl, 4 + dl);
        hv_ebulkb[i].off = atb;
        hv_ebulkb[i].len = dl;
        hv_ebulkb[i].bytes = db + atb + 4;
        atb += 4 + dl;
    }
    if (which == 0)
        return hv_rec_all(c, d, at, &o, hv_ebulk, HV_NBULK + 2, 0, 0, 0,
                          0);
    if (which == 1)
        return hv_rec_all(c, db, atb, &o, hv_ebulkb, HV_NBULK + 2, 0, 0,
                          0, 1);
    {
        struct hv_exp f[3];
        o = hv_opt(HM_RECFM_F, 65535, 1, 0x40);
        HV_TRUE(c, "bulk data too small", at >= 2 * 65535 + 1000);
        for (i = 0; i < 3; i++) {
            f[i].off = (unsigned long)i * 65535ul;
            f[i].len = i < 2 ? 65535 : 1000;
            f[i].bytes = d + i * 65535u;
        }
        return hv_rec_all(c, d, 2 * 65535 + 1000, &o, f, 3, 0,
                          "HMG0157W", 0, -1);
    }
}

static int hv_rec(hv_ctx *c, int i)
{
    static const char *const fn[9] = {
        "rec bad options and storage", "rec REC source",
        "rec read error", "rec spanned longer than 65535",
        "rec NL line too long", "rec NL line too long at the end",
        "rec NL line of 65535 at the end", "rec bulk V unblocked",
        "rec bulk V blocked"
    };
    if (i < (int)HV_NA(hv_recs)) {
        hv_name(c, "rec ");
        hv_names(c, hv_recs[i].name);
        return c->dry ? 1 : hv_rec_case(c, &hv_recs[i]);
    }
    i -= (int)HV_NA(hv_recs);
    if (i < (int)HV_NA(hv_parses)) {
        const struct hv_parse *p = &hv_parses[i];
        hv_name(c, "rec recfm_parse ");
        hv_names(c, p->s ? (p->s[0] ? p->s : "(empty)") : "(null)");
        if (c->dry)
            return 1;
        HV_EQ(c, "hm_recfm_parse", hm_recfm_parse(p->s), p->recfm);
        return 1;
    }
    i -= (int)HV_NA(hv_parses);
    if (i < 9) {
        hv_name(c, fn[i]);
        if (c->dry)
            return 1;
        switch (i) {
        case 0: return hv_rec_badopts(c);
        case 1: return hv_rec_recsrc(c);
        case 2: return hv_rec_readerr(c);
        case 3: return hv_rec_spanlong(c);
        case 4: case 5: case 6: return hv_rec_nllong(c, i - 4);
        default: return hv_rec_bulk(c, i - 7);
        }
    }
    if (i == 9) {
        hv_name(c, "rec bulk F lrecl 65535");
        return c->dry ? 1 : hv_rec_bulk(c, 2);
    }
    return -1;
}

#endif
