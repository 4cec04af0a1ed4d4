/*
 * vec_note.h - vectors of the OfficeVision/VM NOTE parsing core
 * (extractors/ovvm: notebook.c, ovparse.c, names.c, dca.c): notebooks
 * and reader mail files in CCSID 037 and 273 (several notes,
 * separator and blank records between them, header continuation
 * lines, notes from the owner to Sent Items, raw-note fallback,
 * notes without a date, a note split at max_note), dates and
 * address lists, NAMES files to PAB entries and resolved lists, DCA
 * RFT/FFT to text, document kinds. They follow
 * tests/unit/test_ovvm_notebook.c, test_ovvm_names.c and
 * test_ovvm_dca.c, with their input and expected results, and a few
 * more (German keywords, more 2-digit years, whole member lists).
 *
 * Host records are hex EBCDIC bytes, one length byte (decimal) before
 * each record; the parsers hand out UTF-8, compared with hex arrays
 * (the text is in the comments, where a: o: u: A: O: U: are the
 * umlauts, ss the sharp s, <NL> the NL control X'15', <?> U+FFFD).
 * Every vector closes what it opened before it checks, and checks
 * that all its storage came back. Storage: the parsers grow their
 * buffers as a note needs them (max_note is a limit, not an
 * allocation), so the default limits fit the fixed heap of the
 * bare-metal program; the note that is split is split at the
 * smallest max_note allowed, 64 KiB.
 */
#ifndef VEC_NOTE_H
#define VEC_NOTE_H

#include "hv.h"
#include "hm_cp.h"
#include "hm_item.h"
#include "../../extractors/ovvm/ovvm.h"

/* a CMS NOTE in a reader mail file (CCSID 037) */
static const unsigned char hv_nt_cmsnote[] = {
    /* "Date: 13 November 93, 22:52:42 CET" */
    34, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF1, 0xF3, 0x40, 0xD5, 0x96, 0xA5,
    0x85, 0x94, 0x82, 0x85, 0x99, 0x40, 0xF9, 0xF3, 0x6B, 0x40, 0xF2, 0xF2,
    0x7A, 0xF5, 0xF2, 0x7A, 0xF4, 0xF2, 0x40, 0xC3, 0xC5, 0xE3,
    /* "From: CMS1     at ALIJKU11" */
    26, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC3, 0xD4, 0xE2, 0xF1, 0x40, 0x40,
    0x40, 0x40, 0x40, 0x81, 0xA3, 0x40, 0xC1, 0xD3, 0xC9, 0xD1, 0xD2, 0xE4,
    0xF1, 0xF1,
    /* "To:   MEA at FINFILES" */
    21, 0xE3, 0x96, 0x7A, 0x40, 0x40, 0x40, 0xD4, 0xC5, 0xC1, 0x40, 0x81, 0xA3,
    0x40, 0xC6, 0xC9, 0xD5, 0xC6, 0xC9, 0xD3, 0xC5, 0xE2,
    /* " " */
    1, 0x40,
    /* "Test" */
    4, 0xE3, 0x85, 0xA2, 0xA3,
    /* " " */
    1, 0x40
};

/* a notebook of three notes (CCSID 037) */
static const unsigned char hv_nt_book[] = {
    /* "Date: 13 November 93, 22:52:42 CET" */
    34, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF1, 0xF3, 0x40, 0xD5, 0x96, 0xA5,
    0x85, 0x94, 0x82, 0x85, 0x99, 0x40, 0xF9, 0xF3, 0x6B, 0x40, 0xF2, 0xF2,
    0x7A, 0xF5, 0xF2, 0x7A, 0xF4, 0xF2, 0x40, 0xC3, 0xC5, 0xE3,
    /* "From: CMS1     at ALIJKU11" */
    26, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC3, 0xD4, 0xE2, 0xF1, 0x40, 0x40,
    0x40, 0x40, 0x40, 0x81, 0xA3, 0x40, 0xC1, 0xD3, 0xC9, 0xD1, 0xD2, 0xE4,
    0xF1, 0xF1,
    /* "To:   MEA at FINFILES, JOE at VMA," */
    34, 0xE3, 0x96, 0x7A, 0x40, 0x40, 0x40, 0xD4, 0xC5, 0xC1, 0x40, 0x81, 0xA3,
    0x40, 0xC6, 0xC9, 0xD5, 0xC6, 0xC9, 0xD3, 0xC5, 0xE2, 0x6B, 0x40, 0xD1,
    0xD6, 0xC5, 0x40, 0x81, 0xA3, 0x40, 0xE5, 0xD4, 0xC1, 0x6B,
    /* "      ANN at VMB" */
    16, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0xC1, 0xD5, 0xD5, 0x40, 0x81, 0xA3,
    0x40, 0xE5, 0xD4, 0xC2,
    /* "cc:   BOB at VMC  CARL at VMD" */
    29, 0x83, 0x83, 0x7A, 0x40, 0x40, 0x40, 0xC2, 0xD6, 0xC2, 0x40, 0x81, 0xA3,
    0x40, 0xE5, 0xD4, 0xC3, 0x40, 0x40, 0xC3, 0xC1, 0xD9, 0xD3, 0x40, 0x81,
    0xA3, 0x40, 0xE5, 0xD4, 0xC4,
    /* "Subject: Budget meeting" */
    23, 0xE2, 0xA4, 0x82, 0x91, 0x85, 0x83, 0xA3, 0x7A, 0x40, 0xC2, 0xA4, 0x84,
    0x87, 0x85, 0xA3, 0x40, 0x94, 0x85, 0x85, 0xA3, 0x89, 0x95, 0x87,
    /* "         and agenda" */
    19, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x81, 0x95, 0x84,
    0x40, 0x81, 0x87, 0x85, 0x95, 0x84, 0x81,
    /* "" */
    0,
    /* "Hello all," */
    10, 0xC8, 0x85, 0x93, 0x93, 0x96, 0x40, 0x81, 0x93, 0x93, 0x6B,
    /* "" */
    0,
    /* "see you." */
    8, 0xA2, 0x85, 0x85, 0x40, 0xA8, 0x96, 0xA4, 0x4B,
    /* "" */
    0,
    /* "==========================================" */
    42, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E,
    0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E,
    0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E,
    0x7E, 0x7E, 0x7E, 0x7E, 0x7E, 0x7E,
    /* "" */
    0,
    /* "Date: Mon, 15 Nov 1993 08:01:02 +0100" */
    37, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xD4, 0x96, 0x95, 0x6B, 0x40, 0xF1,
    0xF5, 0x40, 0xD5, 0x96, 0xA5, 0x40, 0xF1, 0xF9, 0xF9, 0xF3, 0x40, 0xF0,
    0xF8, 0x7A, 0xF0, 0xF1, 0x7A, 0xF0, 0xF2, 0x40, 0x4E, 0xF0, 0xF1, 0xF0,
    0xF0,
    /* "From: Mary Smith <MEA at FINFILES>" */
    34, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xD4, 0x81, 0x99, 0xA8, 0x40, 0xE2,
    0x94, 0x89, 0xA3, 0x88, 0x40, 0x4C, 0xD4, 0xC5, 0xC1, 0x40, 0x81, 0xA3,
    0x40, 0xC6, 0xC9, 0xD5, 0xC6, 0xC9, 0xD3, 0xC5, 0xE2, 0x6E,
    /* "To: CMS1 at ALIJKU11" */
    20, 0xE3, 0x96, 0x7A, 0x40, 0xC3, 0xD4, 0xE2, 0xF1, 0x40, 0x81, 0xA3, 0x40,
    0xC1, 0xD3, 0xC9, 0xD1, 0xD2, 0xE4, 0xF1, 0xF1,
    /* "Subject: Re: Budget meeting" */
    27, 0xE2, 0xA4, 0x82, 0x91, 0x85, 0x83, 0xA3, 0x7A, 0x40, 0xD9, 0x85, 0x7A,
    0x40, 0xC2, 0xA4, 0x84, 0x87, 0x85, 0xA3, 0x40, 0x94, 0x85, 0x85, 0xA3,
    0x89, 0x95, 0x87,
    /* "Importance: High" */
    16, 0xC9, 0x94, 0x97, 0x96, 0x99, 0xA3, 0x81, 0x95, 0x83, 0x85, 0x7A, 0x40,
    0xC8, 0x89, 0x87, 0x88,
    /* " " */
    1, 0x40,
    /* "Fine." */
    5, 0xC6, 0x89, 0x95, 0x85, 0x4B,
    /* "Date: this line is body text" */
    28, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xA3, 0x88, 0x89, 0xA2, 0x40, 0x93,
    0x89, 0x95, 0x85, 0x40, 0x89, 0xA2, 0x40, 0x82, 0x96, 0x84, 0xA8, 0x40,
    0xA3, 0x85, 0xA7, 0xA3,
    /* "" */
    0,
    /* "-----" */
    5, 0x60, 0x60, 0x60, 0x60, 0x60,
    /* "Date: 11/16/93 09:00:00" */
    23, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF1, 0xF1, 0x61, 0xF1, 0xF6, 0x61,
    0xF9, 0xF3, 0x40, 0xF0, 0xF9, 0x7A, 0xF0, 0xF0, 0x7A, 0xF0, 0xF0,
    /* "From: MEA at FINFILES" */
    21, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xD4, 0xC5, 0xC1, 0x40, 0x81, 0xA3,
    0x40, 0xC6, 0xC9, 0xD5, 0xC6, 0xC9, 0xD3, 0xC5, 0xE2,
    /* "To: "Smith, John" <john.smith@example.com>, a@b.example (Al)" */
    60, 0xE3, 0x96, 0x7A, 0x40, 0x7F, 0xE2, 0x94, 0x89, 0xA3, 0x88, 0x6B, 0x40,
    0xD1, 0x96, 0x88, 0x95, 0x7F, 0x40, 0x4C, 0x91, 0x96, 0x88, 0x95, 0x4B,
    0xA2, 0x94, 0x89, 0xA3, 0x88, 0x7C, 0x85, 0xA7, 0x81, 0x94, 0x97, 0x93,
    0x85, 0x4B, 0x83, 0x96, 0x94, 0x6E, 0x6B, 0x40, 0x81, 0x7C, 0x82, 0x4B,
    0x85, 0xA7, 0x81, 0x94, 0x97, 0x93, 0x85, 0x40, 0x4D, 0xC1, 0x93, 0x5D,
    /* "Bcc: CMS1 at ALIJKU11" */
    21, 0xC2, 0x83, 0x83, 0x7A, 0x40, 0xC3, 0xD4, 0xE2, 0xF1, 0x40, 0x81, 0xA3,
    0x40, 0xC1, 0xD3, 0xC9, 0xD1, 0xD2, 0xE4, 0xF1, 0xF1,
    /* "" */
    0,
    /* "Third" */
    5, 0xE3, 0x88, 0x89, 0x99, 0x84
};

/* a Date: block in a body (CCSID 037) */
static const unsigned char hv_nt_split[] = {
    /* "Date: 1 Dec 1993" */
    16, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF1, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3,
    /* "From: A at B" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC1, 0x40, 0x81, 0xA3, 0x40, 0xC2,
    /* "" */
    0,
    /* "----- forwarded -----" */
    21, 0x60, 0x60, 0x60, 0x60, 0x60, 0x40, 0x86, 0x96, 0x99, 0xA6, 0x81, 0x99,
    0x84, 0x85, 0x84, 0x40, 0x60, 0x60, 0x60, 0x60, 0x60,
    /* "" */
    0,
    /* "Date: 30 Nov 1993" */
    17, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF3, 0xF0, 0x40, 0xD5, 0x96, 0xA5,
    0x40, 0xF1, 0xF9, 0xF9, 0xF3,
    /* "Subject: old" */
    12, 0xE2, 0xA4, 0x82, 0x91, 0x85, 0x83, 0xA3, 0x7A, 0x40, 0x96, 0x93, 0x84,
    /* "" */
    0,
    /* "old text" */
    8, 0x96, 0x93, 0x84, 0x40, 0xA3, 0x85, 0xA7, 0xA3,
    /* "" */
    0,
    /* "Date: 2 Dec 1993" */
    16, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF2, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3,
    /* "From: C at D" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC3, 0x40, 0x81, 0xA3, 0x40, 0xC4,
    /* "" */
    0,
    /* "second" */
    6, 0xA2, 0x85, 0x83, 0x96, 0x95, 0x84
};

/* separators first, a header-only note last (037) */
static const unsigned char hv_nt_edges[] = {
    /* "" */
    0,
    /* "***" */
    3, 0x5C, 0x5C, 0x5C,
    /* "" */
    0,
    /* "Date: 2 Dec 1993 10:00" */
    22, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF2, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3, 0x40, 0xF1, 0xF0, 0x7A, 0xF0, 0xF0,
    /* "From: C at D" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC3, 0x40, 0x81, 0xA3, 0x40, 0xC4,
    /* "X-Unknown-Header: kept" */
    22, 0xE7, 0x60, 0xE4, 0x95, 0x92, 0x95, 0x96, 0xA6, 0x95, 0x60, 0xC8, 0x85,
    0x81, 0x84, 0x85, 0x99, 0x7A, 0x40, 0x92, 0x85, 0x97, 0xA3,
    /* "" */
    0,
    /* "body" */
    4, 0x82, 0x96, 0x84, 0xA8,
    /* "" */
    0,
    /* "Date: 3 Dec 1993 11:00" */
    22, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF3, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3, 0x40, 0xF1, 0xF1, 0x7A, 0xF0, 0xF0,
    /* "From: E at F" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC5, 0x40, 0x81, 0xA3, 0x40, 0xC6
};

/* raw notes and a note without a date (037) */
static const unsigned char hv_nt_damaged[] = {
    /* "some text before any note" */
    25, 0xA2, 0x96, 0x94, 0x85, 0x40, 0xA3, 0x85, 0xA7, 0xA3, 0x40, 0x82, 0x85,
    0x86, 0x96, 0x99, 0x85, 0x40, 0x81, 0x95, 0xA8, 0x40, 0x95, 0x96, 0xA3,
    0x85,
    /* "" */
    0,
    /* "Date: 4 Dec 1993" */
    16, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF4, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3,
    /* "From: A at B" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC1, 0x40, 0x81, 0xA3, 0x40, 0xC2,
    /* "this is not a header" */
    20, 0xA3, 0x88, 0x89, 0xA2, 0x40, 0x89, 0xA2, 0x40, 0x95, 0x96, 0xA3, 0x40,
    0x81, 0x40, 0x88, 0x85, 0x81, 0x84, 0x85, 0x99,
    /* "more" */
    4, 0x94, 0x96, 0x99, 0x85,
    /* "" */
    0,
    /* "Date: 5 Dec 1993" */
    16, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF5, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3,
    /* "From: A at B" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC1, 0x40, 0x81, 0xA3, 0x40, 0xC2,
    /* "" */
    0,
    /* "ok" */
    2, 0x96, 0x92,
    /* "" */
    0,
    /* "Date: 99 Foo 1993" */
    17, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF9, 0xF9, 0x40, 0xC6, 0x96, 0x96,
    0x40, 0xF1, 0xF9, 0xF9, 0xF3,
    /* "From: A at B" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC1, 0x40, 0x81, 0xA3, 0x40, 0xC2,
    /* "" */
    0,
    /* "bad date" */
    8, 0x82, 0x81, 0x84, 0x40, 0x84, 0x81, 0xA3, 0x85
};

/* a German note (CCSID 273; <NL> is X'15') */
static const unsigned char hv_nt_de[] = {
    /* "Datum: 13. November 1993 10:00" */
    30, 0xC4, 0x81, 0xA3, 0xA4, 0x94, 0x7A, 0x40, 0xF1, 0xF3, 0x4B, 0x40, 0xD5,
    0x96, 0xA5, 0x85, 0x94, 0x82, 0x85, 0x99, 0x40, 0xF1, 0xF9, 0xF9, 0xF3,
    0x40, 0xF1, 0xF0, 0x7A, 0xF0, 0xF0,
    /* "Von:   A at B" */
    13, 0xE5, 0x96, 0x95, 0x7A, 0x40, 0x40, 0x40, 0xC1, 0x40, 0x81, 0xA3, 0x40,
    0xC2,
    /* "An:    C at D" */
    13, 0xC1, 0x95, 0x7A, 0x40, 0x40, 0x40, 0x40, 0xC3, 0x40, 0x81, 0xA3, 0x40,
    0xC4,
    /* "Betreff: Gru:sse aus Ko:ln" */
    23, 0xC2, 0x85, 0xA3, 0x99, 0x85, 0x86, 0x86, 0x7A, 0x40, 0xC7, 0x99, 0xD0,
    0xA1, 0x85, 0x40, 0x81, 0xA4, 0xA2, 0x40, 0xD2, 0x6A, 0x93, 0x95,
    /* "" */
    0,
    /* "Gru:sse<NL>x" */
    7, 0xC7, 0x99, 0xD0, 0xA1, 0x85, 0x15, 0xA7,
    /* "A:O:U: a:o:u: ss" */
    9, 0x4A, 0xE0, 0x5A, 0x40, 0xC0, 0x6A, 0xD0, 0x40, 0xA1
};

/* the header of a large note (037) */
static const unsigned char hv_nt_big_head[] = {
    /* "Date: 7 Dec 1993" */
    16, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF7, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3,
    /* "From: A at B" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC1, 0x40, 0x81, 0xA3, 0x40, 0xC2,
    /* "Subject: big" */
    12, 0xE2, 0xA4, 0x82, 0x91, 0x85, 0x83, 0xA3, 0x7A, 0x40, 0x82, 0x89, 0x87,
    /* "" */
    0
};

/* its body record, 79 bytes (037) */
static const unsigned char hv_nt_big_line[] = {
    /* "012345678901234567890123456789012345678901234567890123456789012345678 */
    /* 9012345678" */
    79, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xF0, 0xF1,
    0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xF0, 0xF1, 0xF2, 0xF3,
    0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5,
    0xF6, 0xF7, 0xF8, 0xF9, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7,
    0xF8, 0xF9, 0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xF0, 0xF1,
    0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8
};

/* a note as UTF-8 records */
static const unsigned char hv_nt_u8note[] = {
    /* "Date: 1 Jan 1994" */
    16, 0x44, 0x61, 0x74, 0x65, 0x3A, 0x20, 0x31, 0x20, 0x4A, 0x61, 0x6E, 0x20,
    0x31, 0x39, 0x39, 0x34,
    /* "From: A at B" */
    12, 0x46, 0x72, 0x6F, 0x6D, 0x3A, 0x20, 0x41, 0x20, 0x61, 0x74, 0x20, 0x42,
    /* "" */
    0,
    /* "x" */
    1, 0x78,
    /* "" */
    0
};

/* CMS1 at ALIJKU11 */
static const unsigned char hv_nt_u_cms1[16] = {
    0x43, 0x4D, 0x53, 0x31, 0x20, 0x61, 0x74, 0x20, 0x41, 0x4C, 0x49, 0x4A,
    0x4B, 0x55, 0x31, 0x31
};
/* PROFS:ALIJKU11(CMS1) */
static const unsigned char hv_nt_u_p_cms1[20] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x41, 0x4C, 0x49, 0x4A, 0x4B, 0x55,
    0x31, 0x31, 0x28, 0x43, 0x4D, 0x53, 0x31, 0x29
};
/* MEA at FINFILES */
static const unsigned char hv_nt_u_mea[15] = {
    0x4D, 0x45, 0x41, 0x20, 0x61, 0x74, 0x20, 0x46, 0x49, 0x4E, 0x46, 0x49,
    0x4C, 0x45, 0x53
};
/* PROFS:FINFILES(MEA) */
static const unsigned char hv_nt_u_p_mea[19] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x46, 0x49, 0x4E, 0x46, 0x49, 0x4C,
    0x45, 0x53, 0x28, 0x4D, 0x45, 0x41, 0x29
};
/* Test */
static const unsigned char hv_nt_u_test[4] = {
    0x54, 0x65, 0x73, 0x74
};
/* ALL */
static const unsigned char hv_nt_u_all[3] = {
    0x41, 0x4C, 0x4C
};
/* PROFS:VMA(JOE) */
static const unsigned char hv_nt_u_p_joe[14] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x41, 0x28, 0x4A, 0x4F,
    0x45, 0x29
};
/* PROFS:VMB(ANN) */
static const unsigned char hv_nt_u_p_ann[14] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x42, 0x28, 0x41, 0x4E,
    0x4E, 0x29
};
/* PROFS:VMC(BOB) */
static const unsigned char hv_nt_u_p_bob[14] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x43, 0x28, 0x42, 0x4F,
    0x42, 0x29
};
/* PROFS:VMD(CARL) */
static const unsigned char hv_nt_u_p_carl[15] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x44, 0x28, 0x43, 0x41,
    0x52, 0x4C, 0x29
};
/* Budget meeting and agenda */
static const unsigned char hv_nt_u_subj1[25] = {
    0x42, 0x75, 0x64, 0x67, 0x65, 0x74, 0x20, 0x6D, 0x65, 0x65, 0x74, 0x69,
    0x6E, 0x67, 0x20, 0x61, 0x6E, 0x64, 0x20, 0x61, 0x67, 0x65, 0x6E, 0x64,
    0x61
};
/* Hello all,\n\nsee you. */
static const unsigned char hv_nt_u_body1[20] = {
    0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x61, 0x6C, 0x6C, 0x2C, 0x0A, 0x0A,
    0x73, 0x65, 0x65, 0x20, 0x79, 0x6F, 0x75, 0x2E
};
/* Mary Smith */
static const unsigned char hv_nt_u_mary[10] = {
    0x4D, 0x61, 0x72, 0x79, 0x20, 0x53, 0x6D, 0x69, 0x74, 0x68
};
/* Re: Budget meeting */
static const unsigned char hv_nt_u_subj2[18] = {
    0x52, 0x65, 0x3A, 0x20, 0x42, 0x75, 0x64, 0x67, 0x65, 0x74, 0x20, 0x6D,
    0x65, 0x65, 0x74, 0x69, 0x6E, 0x67
};
/* Sent Items */
static const unsigned char hv_nt_u_sent[10] = {
    0x53, 0x65, 0x6E, 0x74, 0x20, 0x49, 0x74, 0x65, 0x6D, 0x73
};
/* Fine.\nDate: this line is body text */
static const unsigned char hv_nt_u_body2[34] = {
    0x46, 0x69, 0x6E, 0x65, 0x2E, 0x0A, 0x44, 0x61, 0x74, 0x65, 0x3A, 0x20,
    0x74, 0x68, 0x69, 0x73, 0x20, 0x6C, 0x69, 0x6E, 0x65, 0x20, 0x69, 0x73,
    0x20, 0x62, 0x6F, 0x64, 0x79, 0x20, 0x74, 0x65, 0x78, 0x74
};
/* Smith, John */
static const unsigned char hv_nt_u_smith[11] = {
    0x53, 0x6D, 0x69, 0x74, 0x68, 0x2C, 0x20, 0x4A, 0x6F, 0x68, 0x6E
};
/* SMTP:john.smith@example.com */
static const unsigned char hv_nt_u_s_smith[27] = {
    0x53, 0x4D, 0x54, 0x50, 0x3A, 0x6A, 0x6F, 0x68, 0x6E, 0x2E, 0x73, 0x6D,
    0x69, 0x74, 0x68, 0x40, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x2E,
    0x63, 0x6F, 0x6D
};
/* Al */
static const unsigned char hv_nt_u_al[2] = {
    0x41, 0x6C
};
/* SMTP:a@b.example */
static const unsigned char hv_nt_u_s_ab[16] = {
    0x53, 0x4D, 0x54, 0x50, 0x3A, 0x61, 0x40, 0x62, 0x2E, 0x65, 0x78, 0x61,
    0x6D, 0x70, 0x6C, 0x65
};
/* Third */
static const unsigned char hv_nt_u_third[5] = {
    0x54, 0x68, 0x69, 0x72, 0x64
};
/* ----- forwarded -----\n\nDate: 30 Nov 1993\nSubject: old\n\nold text */
static const unsigned char hv_nt_u_fwd[63] = {
    0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x20, 0x66, 0x6F, 0x72, 0x77, 0x61, 0x72,
    0x64, 0x65, 0x64, 0x20, 0x2D, 0x2D, 0x2D, 0x2D, 0x2D, 0x0A, 0x0A, 0x44,
    0x61, 0x74, 0x65, 0x3A, 0x20, 0x33, 0x30, 0x20, 0x4E, 0x6F, 0x76, 0x20,
    0x31, 0x39, 0x39, 0x33, 0x0A, 0x53, 0x75, 0x62, 0x6A, 0x65, 0x63, 0x74,
    0x3A, 0x20, 0x6F, 0x6C, 0x64, 0x0A, 0x0A, 0x6F, 0x6C, 0x64, 0x20, 0x74,
    0x65, 0x78, 0x74
};
/* second */
static const unsigned char hv_nt_u_second[6] = {
    0x73, 0x65, 0x63, 0x6F, 0x6E, 0x64
};
/* Date: 3 Dec 1993 11:00\nFrom: E at F */
static const unsigned char hv_nt_u_hdr3[35] = {
    0x44, 0x61, 0x74, 0x65, 0x3A, 0x20, 0x33, 0x20, 0x44, 0x65, 0x63, 0x20,
    0x31, 0x39, 0x39, 0x33, 0x20, 0x31, 0x31, 0x3A, 0x30, 0x30, 0x0A, 0x46,
    0x72, 0x6F, 0x6D, 0x3A, 0x20, 0x45, 0x20, 0x61, 0x74, 0x20, 0x46
};
/* Date: 2 Dec 1993 10:00\nFrom: C at D\nX-Unknown-Header: kept\n\nbody */
static const unsigned char hv_nt_u_kept[64] = {
    0x44, 0x61, 0x74, 0x65, 0x3A, 0x20, 0x32, 0x20, 0x44, 0x65, 0x63, 0x20,
    0x31, 0x39, 0x39, 0x33, 0x20, 0x31, 0x30, 0x3A, 0x30, 0x30, 0x0A, 0x46,
    0x72, 0x6F, 0x6D, 0x3A, 0x20, 0x43, 0x20, 0x61, 0x74, 0x20, 0x44, 0x0A,
    0x58, 0x2D, 0x55, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0x2D, 0x48, 0x65,
    0x61, 0x64, 0x65, 0x72, 0x3A, 0x20, 0x6B, 0x65, 0x70, 0x74, 0x0A, 0x0A,
    0x62, 0x6F, 0x64, 0x79
};
/* E at F */
static const unsigned char hv_nt_u_ef[6] = {
    0x45, 0x20, 0x61, 0x74, 0x20, 0x46
};
/* some text before any note */
static const unsigned char hv_nt_u_before[25] = {
    0x73, 0x6F, 0x6D, 0x65, 0x20, 0x74, 0x65, 0x78, 0x74, 0x20, 0x62, 0x65,
    0x66, 0x6F, 0x72, 0x65, 0x20, 0x61, 0x6E, 0x79, 0x20, 0x6E, 0x6F, 0x74,
    0x65
};
/* Date: 4 Dec 1993\nFrom: A at B\nthis is not a header\nmore */
static const unsigned char hv_nt_u_raw[55] = {
    0x44, 0x61, 0x74, 0x65, 0x3A, 0x20, 0x34, 0x20, 0x44, 0x65, 0x63, 0x20,
    0x31, 0x39, 0x39, 0x33, 0x0A, 0x46, 0x72, 0x6F, 0x6D, 0x3A, 0x20, 0x41,
    0x20, 0x61, 0x74, 0x20, 0x42, 0x0A, 0x74, 0x68, 0x69, 0x73, 0x20, 0x69,
    0x73, 0x20, 0x6E, 0x6F, 0x74, 0x20, 0x61, 0x20, 0x68, 0x65, 0x61, 0x64,
    0x65, 0x72, 0x0A, 0x6D, 0x6F, 0x72, 0x65
};
/* ok */
static const unsigned char hv_nt_u_ok[2] = {
    0x6F, 0x6B
};
/* A at B */
static const unsigned char hv_nt_u_ab[6] = {
    0x41, 0x20, 0x61, 0x74, 0x20, 0x42
};
/* PROFS:B(A) */
static const unsigned char hv_nt_u_p_ab[10] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x42, 0x28, 0x41, 0x29
};
/* PROFS:D(C) */
static const unsigned char hv_nt_u_p_cd[10] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x44, 0x28, 0x43, 0x29
};
/* Gru:sse aus Ko:ln */
static const unsigned char hv_nt_u_de_subj[17] = {
    0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65, 0x20, 0x61, 0x75, 0x73, 0x20,
    0x4B, 0xC3, 0xB6, 0x6C, 0x6E
};
/* Gru:sse\nx\nA:O:U: a:o:u: ss */
static const unsigned char hv_nt_u_de_body[26] = {
    0x47, 0x72, 0xC3, 0xBC, 0xC3, 0x9F, 0x65, 0x0A, 0x78, 0x0A, 0xC3, 0x84,
    0xC3, 0x96, 0xC3, 0x9C, 0x20, 0xC3, 0xA4, 0xC3, 0xB6, 0xC3, 0xBC, 0x20,
    0xC3, 0x9F
};
/* big */
static const unsigned char hv_nt_u_big[3] = {
    0x62, 0x69, 0x67
};
/* x */
static const unsigned char hv_nt_u_x[1] = {
    0x78
};

/* hm_ov_parse_date input (ASCII), one per vector */
static const unsigned char hv_nt_dates[] = {
    /* "13 November 93, 22:52:42 CET" */
    28, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x65, 0x6D, 0x62, 0x65, 0x72, 0x20,
    0x39, 0x33, 0x2C, 0x20, 0x32, 0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34, 0x32,
    0x20, 0x43, 0x45, 0x54,
    /* "Mon, 13 Nov 1993 22:52:42 +0100" */
    31, 0x4D, 0x6F, 0x6E, 0x2C, 0x20, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20,
    0x31, 0x39, 0x39, 0x33, 0x20, 0x32, 0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34,
    0x32, 0x20, 0x2B, 0x30, 0x31, 0x30, 0x30,
    /* "11/13/93 22:52:42" */
    17, 0x31, 0x31, 0x2F, 0x31, 0x33, 0x2F, 0x39, 0x33, 0x20, 0x32, 0x32, 0x3A,
    0x35, 0x32, 0x3A, 0x34, 0x32,
    /* "13/11/93 22:52" */
    14, 0x31, 0x33, 0x2F, 0x31, 0x31, 0x2F, 0x39, 0x33, 0x20, 0x32, 0x32, 0x3A,
    0x35, 0x32,
    /* "13 Nov 1993" */
    11, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x31, 0x39, 0x39, 0x33,
    /* "13.11.93 22.52.42" */
    17, 0x31, 0x33, 0x2E, 0x31, 0x31, 0x2E, 0x39, 0x33, 0x20, 0x32, 0x32, 0x2E,
    0x35, 0x32, 0x2E, 0x34, 0x32,
    /* "13. November 1993" */
    17, 0x31, 0x33, 0x2E, 0x20, 0x4E, 0x6F, 0x76, 0x65, 0x6D, 0x62, 0x65, 0x72,
    0x20, 0x31, 0x39, 0x39, 0x33,
    /* "Samstag, 13. November 1993, 22:52" */
    33, 0x53, 0x61, 0x6D, 0x73, 0x74, 0x61, 0x67, 0x2C, 0x20, 0x31, 0x33, 0x2E,
    0x20, 0x4E, 0x6F, 0x76, 0x65, 0x6D, 0x62, 0x65, 0x72, 0x20, 0x31, 0x39,
    0x39, 0x33, 0x2C, 0x20, 0x32, 0x32, 0x3A, 0x35, 0x32,
    /* "1993-11-13T22:52:42" */
    19, 0x31, 0x39, 0x39, 0x33, 0x2D, 0x31, 0x31, 0x2D, 0x31, 0x33, 0x54, 0x32,
    0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34, 0x32,
    /* "1993-11-13 22:52:42.123 -0500" */
    29, 0x31, 0x39, 0x39, 0x33, 0x2D, 0x31, 0x31, 0x2D, 0x31, 0x33, 0x20, 0x32,
    0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34, 0x32, 0x2E, 0x31, 0x32, 0x33, 0x20,
    0x2D, 0x30, 0x35, 0x30, 0x30,
    /* "1993/11/13" */
    10, 0x31, 0x39, 0x39, 0x33, 0x2F, 0x31, 0x31, 0x2F, 0x31, 0x33,
    /* "November 13, 1993 10:52 PM" */
    26, 0x4E, 0x6F, 0x76, 0x65, 0x6D, 0x62, 0x65, 0x72, 0x20, 0x31, 0x33, 0x2C,
    0x20, 0x31, 0x39, 0x39, 0x33, 0x20, 0x31, 0x30, 0x3A, 0x35, 0x32, 0x20,
    0x50, 0x4D,
    /* "Nov. 13, 1993 12:05 AM" */
    22, 0x4E, 0x6F, 0x76, 0x2E, 0x20, 0x31, 0x33, 0x2C, 0x20, 0x31, 0x39, 0x39,
    0x33, 0x20, 0x31, 0x32, 0x3A, 0x30, 0x35, 0x20, 0x41, 0x4D,
    /* "Sat Nov 13 22:52:42 CET 1993" */
    28, 0x53, 0x61, 0x74, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x31, 0x33, 0x20, 0x32,
    0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34, 0x32, 0x20, 0x43, 0x45, 0x54, 0x20,
    0x31, 0x39, 0x39, 0x33,
    /* "Sat Nov 13 22:52:42 1993" */
    24, 0x53, 0x61, 0x74, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x31, 0x33, 0x20, 0x32,
    0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34, 0x32, 0x20, 0x31, 0x39, 0x39, 0x33,
    /* "13-Nov-93 22:52" */
    15, 0x31, 0x33, 0x2D, 0x4E, 0x6F, 0x76, 0x2D, 0x39, 0x33, 0x20, 0x32, 0x32,
    0x3A, 0x35, 0x32,
    /* "Sat, 13 Nov 93 22:52:42 GMT (Greenwich)" */
    39, 0x53, 0x61, 0x74, 0x2C, 0x20, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20,
    0x39, 0x33, 0x20, 0x32, 0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34, 0x32, 0x20,
    0x47, 0x4D, 0x54, 0x20, 0x28, 0x47, 0x72, 0x65, 0x65, 0x6E, 0x77, 0x69,
    0x63, 0x68, 0x29,
    /* "13 Nov 1993 22:52:42 XYZ" */
    24, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x31, 0x39, 0x39, 0x33, 0x20,
    0x32, 0x32, 0x3A, 0x35, 0x32, 0x3A, 0x34, 0x32, 0x20, 0x58, 0x59, 0x5A,
    /* "13 Nov 49" */
    9, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x34, 0x39,
    /* "13 Nov 50" */
    9, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x35, 0x30,
    /* "1 Mrz 1994" */
    10, 0x31, 0x20, 0x4D, 0x72, 0x7A, 0x20, 0x31, 0x39, 0x39, 0x34,
    /* "31 Dec 1999 23:59:60" */
    20, 0x33, 0x31, 0x20, 0x44, 0x65, 0x63, 0x20, 0x31, 0x39, 0x39, 0x39, 0x20,
    0x32, 0x33, 0x3A, 0x35, 0x39, 0x3A, 0x36, 0x30,
    /* "30 Feb 1994" */
    11, 0x33, 0x30, 0x20, 0x46, 0x65, 0x62, 0x20, 0x31, 0x39, 0x39, 0x34,
    /* "13 Nov 1993 25:00" */
    17, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x31, 0x39, 0x39, 0x33, 0x20,
    0x32, 0x35, 0x3A, 0x30, 0x30,
    /* "garbage" */
    7, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65,
    /* "" */
    0,
    /* "13/13/93" */
    8, 0x31, 0x33, 0x2F, 0x31, 0x33, 0x2F, 0x39, 0x33,
    /* "13 November" */
    11, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x65, 0x6D, 0x62, 0x65, 0x72,
    /* "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26  */
    /* 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42" */
    116, 0x31, 0x20, 0x32, 0x20, 0x33, 0x20, 0x34, 0x20, 0x35, 0x20, 0x36,
    0x20, 0x37, 0x20, 0x38, 0x20, 0x39, 0x20, 0x31, 0x30, 0x20, 0x31, 0x31,
    0x20, 0x31, 0x32, 0x20, 0x31, 0x33, 0x20, 0x31, 0x34, 0x20, 0x31, 0x35,
    0x20, 0x31, 0x36, 0x20, 0x31, 0x37, 0x20, 0x31, 0x38, 0x20, 0x31, 0x39,
    0x20, 0x32, 0x30, 0x20, 0x32, 0x31, 0x20, 0x32, 0x32, 0x20, 0x32, 0x33,
    0x20, 0x32, 0x34, 0x20, 0x32, 0x35, 0x20, 0x32, 0x36, 0x20, 0x32, 0x37,
    0x20, 0x32, 0x38, 0x20, 0x32, 0x39, 0x20, 0x33, 0x30, 0x20, 0x33, 0x31,
    0x20, 0x33, 0x32, 0x20, 0x33, 0x33, 0x20, 0x33, 0x34, 0x20, 0x33, 0x35,
    0x20, 0x33, 0x36, 0x20, 0x33, 0x37, 0x20, 0x33, 0x38, 0x20, 0x33, 0x39,
    0x20, 0x34, 0x30, 0x20, 0x34, 0x31, 0x20, 0x34, 0x32,
    /* "1 Jan 00 00:00:00 EST" */
    21, 0x31, 0x20, 0x4A, 0x61, 0x6E, 0x20, 0x30, 0x30, 0x20, 0x30, 0x30, 0x3A,
    0x30, 0x30, 0x3A, 0x30, 0x30, 0x20, 0x45, 0x53, 0x54,
    /* "29 Feb 00" */
    9, 0x32, 0x39, 0x20, 0x46, 0x65, 0x62, 0x20, 0x30, 0x30,
    /* "3 March 99, 08:15:00 MEZ" */
    24, 0x33, 0x20, 0x4D, 0x61, 0x72, 0x63, 0x68, 0x20, 0x39, 0x39, 0x2C, 0x20,
    0x30, 0x38, 0x3A, 0x31, 0x35, 0x3A, 0x30, 0x30, 0x20, 0x4D, 0x45, 0x5A,
    /* "02/29/96 23:59:59" */
    17, 0x30, 0x32, 0x2F, 0x32, 0x39, 0x2F, 0x39, 0x36, 0x20, 0x32, 0x33, 0x3A,
    0x35, 0x39, 0x3A, 0x35, 0x39,
    /* "Fri, 31 Dec 99 23:59:59 GMT" */
    27, 0x46, 0x72, 0x69, 0x2C, 0x20, 0x33, 0x31, 0x20, 0x44, 0x65, 0x63, 0x20,
    0x39, 0x39, 0x20, 0x32, 0x33, 0x3A, 0x35, 0x39, 0x3A, 0x35, 0x39, 0x20,
    0x47, 0x4D, 0x54,
    /* "29 Feb 01" */
    9, 0x32, 0x39, 0x20, 0x46, 0x65, 0x62, 0x20, 0x30, 0x31
};

/* what they give: Y M D h m s (all 0: not a date) */
static const unsigned short hv_nt_dwant[][6] = {
    { 1993, 11, 13, 22, 52, 42 }, { 1993, 11, 13, 22, 52, 42 },
    { 1993, 11, 13, 22, 52, 42 }, { 1993, 11, 13, 22, 52, 0 },
    { 1993, 11, 13, 0, 0, 0 }, { 1993, 11, 13, 22, 52, 42 },
    { 1993, 11, 13, 0, 0, 0 }, { 1993, 11, 13, 22, 52, 0 },
    { 1993, 11, 13, 22, 52, 42 }, { 1993, 11, 13, 22, 52, 42 },
    { 1993, 11, 13, 0, 0, 0 }, { 1993, 11, 13, 22, 52, 0 },
    { 1993, 11, 13, 0, 5, 0 }, { 1993, 11, 13, 22, 52, 42 },
    { 1993, 11, 13, 22, 52, 42 }, { 1993, 11, 13, 22, 52, 0 },
    { 1993, 11, 13, 22, 52, 42 }, { 1993, 11, 13, 22, 52, 42 },
    { 2049, 11, 13, 0, 0, 0 }, { 1950, 11, 13, 0, 0, 0 },
    { 1994, 3, 1, 0, 0, 0 }, { 1999, 12, 31, 23, 59, 59 }, { 0, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0 },
    { 0, 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0 },
    { 2000, 1, 1, 0, 0, 0 }, { 2000, 2, 29, 0, 0, 0 }, { 1999, 3, 3, 8, 15, 0 },
    { 1996, 2, 29, 23, 59, 59 }, { 1999, 12, 31, 23, 59, 59 },
    { 0, 0, 0, 0, 0, 0 }
};

/* hm_ov_parse_addrs input (ASCII), one per vector */
static const unsigned char hv_nt_addrs[] = {
    /* "CMS1     at ALIJKU11" */
    20, 0x43, 0x4D, 0x53, 0x31, 0x20, 0x20, 0x20, 0x20, 0x20, 0x61, 0x74, 0x20,
    0x41, 0x4C, 0x49, 0x4A, 0x4B, 0x55, 0x31, 0x31,
    /* "John Smith <JSMITH at VM1>" */
    26, 0x4A, 0x6F, 0x68, 0x6E, 0x20, 0x53, 0x6D, 0x69, 0x74, 0x68, 0x20, 0x3C,
    0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x20, 0x61, 0x74, 0x20, 0x56, 0x4D,
    0x31, 0x3E,
    /* "JSMITH@VM1" */
    10, 0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x40, 0x56, 0x4D, 0x31,
    /* "JSMITH@VM1.BITNET" */
    17, 0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x40, 0x56, 0x4D, 0x31, 0x2E, 0x42,
    0x49, 0x54, 0x4E, 0x45, 0x54,
    /* "Jo Ann <jo@x.example.com>" */
    25, 0x4A, 0x6F, 0x20, 0x41, 0x6E, 0x6E, 0x20, 0x3C, 0x6A, 0x6F, 0x40, 0x78,
    0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x2E, 0x63, 0x6F, 0x6D,
    0x3E,
    /* ""Quoted, Name" <a@b.example>" */
    28, 0x22, 0x51, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x2C, 0x20, 0x4E, 0x61, 0x6D,
    0x65, 0x22, 0x20, 0x3C, 0x61, 0x40, 0x62, 0x2E, 0x65, 0x78, 0x61, 0x6D,
    0x70, 0x6C, 0x65, 0x3E,
    /* "a@b.example (Al Bee)" */
    20, 0x61, 0x40, 0x62, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x20,
    0x28, 0x41, 0x6C, 0x20, 0x42, 0x65, 0x65, 0x29,
    /* "a@b.example" */
    11, 0x61, 0x40, 0x62, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65,
    /* "MEA at FINFILES JOE at VMA, ANN at VMB" */
    38, 0x4D, 0x45, 0x41, 0x20, 0x61, 0x74, 0x20, 0x46, 0x49, 0x4E, 0x46, 0x49,
    0x4C, 0x45, 0x53, 0x20, 0x4A, 0x4F, 0x45, 0x20, 0x61, 0x74, 0x20, 0x56,
    0x4D, 0x41, 0x2C, 0x20, 0x41, 0x4E, 0x4E, 0x20, 0x61, 0x74, 0x20, 0x56,
    0x4D, 0x42,
    /* "x@y.example; <z@w.example>" */
    26, 0x78, 0x40, 0x79, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65, 0x3B,
    0x20, 0x3C, 0x7A, 0x40, 0x77, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C,
    0x65, 0x3E,
    /* "Mary Smith" */
    10, 0x4D, 0x61, 0x72, 0x79, 0x20, 0x53, 0x6D, 0x69, 0x74, 0x68,
    /* "JSMITH at VM1 (John Smith)" */
    26, 0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x20, 0x61, 0x74, 0x20, 0x56, 0x4D,
    0x31, 0x20, 0x28, 0x4A, 0x6F, 0x68, 0x6E, 0x20, 0x53, 0x6D, 0x69, 0x74,
    0x68, 0x29,
    /* "<@relay.example:u@h.example>" */
    28, 0x3C, 0x40, 0x72, 0x65, 0x6C, 0x61, 0x79, 0x2E, 0x65, 0x78, 0x61, 0x6D,
    0x70, 0x6C, 0x65, 0x3A, 0x75, 0x40, 0x68, 0x2E, 0x65, 0x78, 0x61, 0x6D,
    0x70, 0x6C, 0x65, 0x3E,
    /* ""Odd \" quote" <q@h.example>" */
    28, 0x22, 0x4F, 0x64, 0x64, 0x20, 0x5C, 0x22, 0x20, 0x71, 0x75, 0x6F, 0x74,
    0x65, 0x22, 0x20, 0x3C, 0x71, 0x40, 0x68, 0x2E, 0x65, 0x78, 0x61, 0x6D,
    0x70, 0x6C, 0x65, 0x3E,
    /* " , ," */
    4, 0x20, 0x2C, 0x20, 0x2C,
    /* "" */
    0
};

/* what they give: name|address, ";" between addresses */
static const unsigned char hv_nt_awant[] = {
    /* "CMS1 at ALIJKU11|PROFS:ALIJKU11(CMS1)" */
    37, 0x43, 0x4D, 0x53, 0x31, 0x20, 0x61, 0x74, 0x20, 0x41, 0x4C, 0x49, 0x4A,
    0x4B, 0x55, 0x31, 0x31, 0x7C, 0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x41,
    0x4C, 0x49, 0x4A, 0x4B, 0x55, 0x31, 0x31, 0x28, 0x43, 0x4D, 0x53, 0x31,
    0x29,
    /* "John Smith|PROFS:VM1(JSMITH)" */
    28, 0x4A, 0x6F, 0x68, 0x6E, 0x20, 0x53, 0x6D, 0x69, 0x74, 0x68, 0x7C, 0x50,
    0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x31, 0x28, 0x4A, 0x53, 0x4D,
    0x49, 0x54, 0x48, 0x29,
    /* "JSMITH at VM1|PROFS:VM1(JSMITH)" */
    31, 0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x20, 0x61, 0x74, 0x20, 0x56, 0x4D,
    0x31, 0x7C, 0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x31, 0x28,
    0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x29,
    /* "JSMITH at VM1|PROFS:VM1(JSMITH)" */
    31, 0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x20, 0x61, 0x74, 0x20, 0x56, 0x4D,
    0x31, 0x7C, 0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x31, 0x28,
    0x4A, 0x53, 0x4D, 0x49, 0x54, 0x48, 0x29,
    /* "Jo Ann|SMTP:jo@x.example.com" */
    28, 0x4A, 0x6F, 0x20, 0x41, 0x6E, 0x6E, 0x7C, 0x53, 0x4D, 0x54, 0x50, 0x3A,
    0x6A, 0x6F, 0x40, 0x78, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65,
    0x2E, 0x63, 0x6F, 0x6D,
    /* "Quoted, Name|SMTP:a@b.example" */
    29, 0x51, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x2C, 0x20, 0x4E, 0x61, 0x6D, 0x65,
    0x7C, 0x53, 0x4D, 0x54, 0x50, 0x3A, 0x61, 0x40, 0x62, 0x2E, 0x65, 0x78,
    0x61, 0x6D, 0x70, 0x6C, 0x65,
    /* "Al Bee|SMTP:a@b.example" */
    23, 0x41, 0x6C, 0x20, 0x42, 0x65, 0x65, 0x7C, 0x53, 0x4D, 0x54, 0x50, 0x3A,
    0x61, 0x40, 0x62, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65,
    /* "|SMTP:a@b.example" */
    17, 0x7C, 0x53, 0x4D, 0x54, 0x50, 0x3A, 0x61, 0x40, 0x62, 0x2E, 0x65, 0x78,
    0x61, 0x6D, 0x70, 0x6C, 0x65,
    /* "MEA at FINFILES|PROFS:FINFILES(MEA);JOE at VMA|PROFS:VMA(JOE);ANN at  */
    /* VMB|PROFS:VMB(ANN)" */
    87, 0x4D, 0x45, 0x41, 0x20, 0x61, 0x74, 0x20, 0x46, 0x49, 0x4E, 0x46, 0x49,
    0x4C, 0x45, 0x53, 0x7C, 0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x46, 0x49,
    0x4E, 0x46, 0x49, 0x4C, 0x45, 0x53, 0x28, 0x4D, 0x45, 0x41, 0x29, 0x3B,
    0x4A, 0x4F, 0x45, 0x20, 0x61, 0x74, 0x20, 0x56, 0x4D, 0x41, 0x7C, 0x50,
    0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x41, 0x28, 0x4A, 0x4F, 0x45,
    0x29, 0x3B, 0x41, 0x4E, 0x4E, 0x20, 0x61, 0x74, 0x20, 0x56, 0x4D, 0x42,
    0x7C, 0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x42, 0x28, 0x41,
    0x4E, 0x4E, 0x29,
    /* "|SMTP:x@y.example;|SMTP:z@w.example" */
    35, 0x7C, 0x53, 0x4D, 0x54, 0x50, 0x3A, 0x78, 0x40, 0x79, 0x2E, 0x65, 0x78,
    0x61, 0x6D, 0x70, 0x6C, 0x65, 0x3B, 0x7C, 0x53, 0x4D, 0x54, 0x50, 0x3A,
    0x7A, 0x40, 0x77, 0x2E, 0x65, 0x78, 0x61, 0x6D, 0x70, 0x6C, 0x65,
    /* "Mary Smith|" */
    11, 0x4D, 0x61, 0x72, 0x79, 0x20, 0x53, 0x6D, 0x69, 0x74, 0x68, 0x7C,
    /* "John Smith|PROFS:VM1(JSMITH)" */
    28, 0x4A, 0x6F, 0x68, 0x6E, 0x20, 0x53, 0x6D, 0x69, 0x74, 0x68, 0x7C, 0x50,
    0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x31, 0x28, 0x4A, 0x53, 0x4D,
    0x49, 0x54, 0x48, 0x29,
    /* "|SMTP:u@h.example" */
    17, 0x7C, 0x53, 0x4D, 0x54, 0x50, 0x3A, 0x75, 0x40, 0x68, 0x2E, 0x65, 0x78,
    0x61, 0x6D, 0x70, 0x6C, 0x65,
    /* "Odd " quote|SMTP:q@h.example" */
    28, 0x4F, 0x64, 0x64, 0x20, 0x22, 0x20, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x7C,
    0x53, 0x4D, 0x54, 0x50, 0x3A, 0x71, 0x40, 0x68, 0x2E, 0x65, 0x78, 0x61,
    0x6D, 0x70, 0x6C, 0x65,
    /* "" */
    0,
    /* "" */
    0
};

/* repeated 100 times */
/* U at N,  */
static const unsigned char hv_nt_u_many[8] = {
    0x55, 0x20, 0x61, 0x74, 0x20, 0x4E, 0x2C, 0x20
};
/* PROFS:N(U) */
static const unsigned char hv_nt_u_p_nu[10] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x4E, 0x28, 0x55, 0x29
};
/* JOHN */
static const unsigned char hv_nt_u_john[4] = {
    0x4A, 0x4F, 0x48, 0x4E
};
/* Ab9@ */
static const unsigned char hv_nt_u_ab9[4] = {
    0x41, 0x62, 0x39, 0x40
};
/* File BUDGET RFT */
static const unsigned char hv_nt_u_fsubj[15] = {
    0x46, 0x69, 0x6C, 0x65, 0x20, 0x42, 0x55, 0x44, 0x47, 0x45, 0x54, 0x20,
    0x52, 0x46, 0x54
};
/* BUDGET.RFT */
static const unsigned char hv_nt_u_fatt[10] = {
    0x42, 0x55, 0x44, 0x47, 0x45, 0x54, 0x2E, 0x52, 0x46, 0x54
};
/* File BUDGET RFT from CMS1 at ALIJKU11 */
static const unsigned char hv_nt_u_fbody[37] = {
    0x46, 0x69, 0x6C, 0x65, 0x20, 0x42, 0x55, 0x44, 0x47, 0x45, 0x54, 0x20,
    0x52, 0x46, 0x54, 0x20, 0x66, 0x72, 0x6F, 0x6D, 0x20, 0x43, 0x4D, 0x53,
    0x31, 0x20, 0x61, 0x74, 0x20, 0x41, 0x4C, 0x49, 0x4A, 0x4B, 0x55, 0x31,
    0x31
};

/* a NAMES file (CCSID 037) */
static const unsigned char hv_nt_names[] = {
    /* "* not an entry" */
    14, 0x5C, 0x40, 0x95, 0x96, 0xA3, 0x40, 0x81, 0x95, 0x40, 0x85, 0x95, 0xA3,
    0x99, 0xA8,
    /* ":nick.JOE :userid.JSMITH :node.VM1" */
    34, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xD1, 0xD6, 0xC5, 0x40, 0x7A, 0xA4,
    0xA2, 0x85, 0x99, 0x89, 0x84, 0x4B, 0xD1, 0xE2, 0xD4, 0xC9, 0xE3, 0xC8,
    0x40, 0x7A, 0x95, 0x96, 0x84, 0x85, 0x4B, 0xE5, 0xD4, 0xF1,
    /* "  :name.Joe Smith :phone.555-1234" */
    33, 0x40, 0x40, 0x7A, 0x95, 0x81, 0x94, 0x85, 0x4B, 0xD1, 0x96, 0x85, 0x40,
    0xE2, 0x94, 0x89, 0xA3, 0x88, 0x40, 0x7A, 0x97, 0x88, 0x96, 0x95, 0x85,
    0x4B, 0xF5, 0xF5, 0xF5, 0x60, 0xF1, 0xF2, 0xF3, 0xF4,
    /* ":addr.1 Main St :title.Manager" */
    30, 0x7A, 0x81, 0x84, 0x84, 0x99, 0x4B, 0xF1, 0x40, 0xD4, 0x81, 0x89, 0x95,
    0x40, 0xE2, 0xA3, 0x40, 0x7A, 0xA3, 0x89, 0xA3, 0x93, 0x85, 0x4B, 0xD4,
    0x81, 0x95, 0x81, 0x87, 0x85, 0x99,
    /* ":color.blue   and   green" */
    25, 0x7A, 0x83, 0x96, 0x93, 0x96, 0x99, 0x4B, 0x82, 0x93, 0xA4, 0x85, 0x40,
    0x40, 0x40, 0x81, 0x95, 0x84, 0x40, 0x40, 0x40, 0x87, 0x99, 0x85, 0x85,
    0x95,
    /* ":nick.ann :userid.ANN" */
    21, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0x81, 0x95, 0x95, 0x40, 0x7A, 0xA4,
    0xA2, 0x85, 0x99, 0x89, 0x84, 0x4B, 0xC1, 0xD5, 0xD5,
    /* ":name.Ann Other :notebook.ANN" */
    29, 0x7A, 0x95, 0x81, 0x94, 0x85, 0x4B, 0xC1, 0x95, 0x95, 0x40, 0xD6, 0xA3,
    0x88, 0x85, 0x99, 0x40, 0x7A, 0x95, 0x96, 0xA3, 0x85, 0x82, 0x96, 0x96,
    0x92, 0x4B, 0xC1, 0xD5, 0xD5,
    /* "" */
    0,
    /* ":nick.TEAM :list.JOE ann BOB at VMB" */
    35, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xE3, 0xC5, 0xC1, 0xD4, 0x40, 0x7A,
    0x93, 0x89, 0xA2, 0xA3, 0x4B, 0xD1, 0xD6, 0xC5, 0x40, 0x81, 0x95, 0x95,
    0x40, 0xC2, 0xD6, 0xC2, 0x40, 0x81, 0xA3, 0x40, 0xE5, 0xD4, 0xC2,
    /* "   CARL@VMC.EXAMPLE.COM" */
    23, 0x40, 0x40, 0x40, 0xC3, 0xC1, 0xD9, 0xD3, 0x7C, 0xE5, 0xD4, 0xC3, 0x4B,
    0xC5, 0xE7, 0xC1, 0xD4, 0xD7, 0xD3, 0xC5, 0x4B, 0xC3, 0xD6, 0xD4,
    /* ":nick.ALL :list.TEAM joe MORE" */
    29, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xC1, 0xD3, 0xD3, 0x40, 0x7A, 0x93,
    0x89, 0xA2, 0xA3, 0x4B, 0xE3, 0xC5, 0xC1, 0xD4, 0x40, 0x91, 0x96, 0x85,
    0x40, 0xD4, 0xD6, 0xD9, 0xC5,
    /* ":notebook.team" */
    14, 0x7A, 0x95, 0x96, 0xA3, 0x85, 0x82, 0x96, 0x96, 0x92, 0x4B, 0xA3, 0x85,
    0x81, 0x94,
    /* ":NICK.MORE :LIST.ann DAN at VMD :name.More people" */
    49, 0x7A, 0xD5, 0xC9, 0xC3, 0xD2, 0x4B, 0xD4, 0xD6, 0xD9, 0xC5, 0x40, 0x7A,
    0xD3, 0xC9, 0xE2, 0xE3, 0x4B, 0x81, 0x95, 0x95, 0x40, 0xC4, 0xC1, 0xD5,
    0x40, 0x81, 0xA3, 0x40, 0xE5, 0xD4, 0xC4, 0x40, 0x7A, 0x95, 0x81, 0x94,
    0x85, 0x4B, 0xD4, 0x96, 0x99, 0x85, 0x40, 0x97, 0x85, 0x96, 0x97, 0x93,
    0x85,
    /* ":nick.LOOP1 :list.LOOP2 JOE" */
    27, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xD3, 0xD6, 0xD6, 0xD7, 0xF1, 0x40,
    0x7A, 0x93, 0x89, 0xA2, 0xA3, 0x4B, 0xD3, 0xD6, 0xD6, 0xD7, 0xF2, 0x40,
    0xD1, 0xD6, 0xC5,
    /* ":nick.LOOP2 :list.LOOP1 GHOST" */
    29, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xD3, 0xD6, 0xD6, 0xD7, 0xF2, 0x40,
    0x7A, 0x93, 0x89, 0xA2, 0xA3, 0x4B, 0xD3, 0xD6, 0xD6, 0xD7, 0xF1, 0x40,
    0xC7, 0xC8, 0xD6, 0xE2, 0xE3,
    /* ":nick..AE :mailer.SMTP@INTERBIT BSMTP 3" */
    39, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0x4B, 0xC1, 0xC5, 0x40, 0x7A, 0x94,
    0x81, 0x89, 0x93, 0x85, 0x99, 0x4B, 0xE2, 0xD4, 0xE3, 0xD7, 0x7C, 0xC9,
    0xD5, 0xE3, 0xC5, 0xD9, 0xC2, 0xC9, 0xE3, 0x40, 0xC2, 0xE2, 0xD4, 0xE3,
    0xD7, 0x40, 0xF3,
    /* ":site.United Arab Emirates :notebook.ann" */
    40, 0x7A, 0xA2, 0x89, 0xA3, 0x85, 0x4B, 0xE4, 0x95, 0x89, 0xA3, 0x85, 0x84,
    0x40, 0xC1, 0x99, 0x81, 0x82, 0x40, 0xC5, 0x94, 0x89, 0x99, 0x81, 0xA3,
    0x85, 0xA2, 0x40, 0x7A, 0x95, 0x96, 0xA3, 0x85, 0x82, 0x96, 0x96, 0x92,
    0x4B, 0x81, 0x95, 0x95
};

/* a duplicate nickname, a list of itself, empty lists */
static const unsigned char hv_nt_names2[] = {
    /* ":nick.A :userid.U1" */
    18, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xC1, 0x40, 0x7A, 0xA4, 0xA2, 0x85,
    0x99, 0x89, 0x84, 0x4B, 0xE4, 0xF1,
    /* ":nick.a :userid.U2" */
    18, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0x81, 0x40, 0x7A, 0xA4, 0xA2, 0x85,
    0x99, 0x89, 0x84, 0x4B, 0xE4, 0xF2,
    /* ":nick.L :list.L" */
    15, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xD3, 0x40, 0x7A, 0x93, 0x89, 0xA2,
    0xA3, 0x4B, 0xD3,
    /* ":nick.B :list." */
    14, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xC2, 0x40, 0x7A, 0x93, 0x89, 0xA2,
    0xA3, 0x4B,
    /* ":nick." */
    6, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B
};

/* a record repeated 2000 times */
static const unsigned char hv_nt_names3[] = {
    /* ":nick.X :userid.Y :node.Z :name.Some Name" */
    41, 0x7A, 0x95, 0x89, 0x83, 0x92, 0x4B, 0xE7, 0x40, 0x7A, 0xA4, 0xA2, 0x85,
    0x99, 0x89, 0x84, 0x4B, 0xE8, 0x40, 0x7A, 0x95, 0x96, 0x84, 0x85, 0x4B,
    0xE9, 0x40, 0x7A, 0x95, 0x81, 0x94, 0x85, 0x4B, 0xE2, 0x96, 0x94, 0x85,
    0x40, 0xD5, 0x81, 0x94, 0x85
};

/* JOE */
static const unsigned char hv_nt_u_joe[3] = {
    0x4A, 0x4F, 0x45
};
/* Joe Smith */
static const unsigned char hv_nt_u_joes[9] = {
    0x4A, 0x6F, 0x65, 0x20, 0x53, 0x6D, 0x69, 0x74, 0x68
};
/* PROFS:VM1(JSMITH) */
static const unsigned char hv_nt_u_p_jsmith[17] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x31, 0x28, 0x4A, 0x53,
    0x4D, 0x49, 0x54, 0x48, 0x29
};
/* color */
static const unsigned char hv_nt_u_color[5] = {
    0x63, 0x6F, 0x6C, 0x6F, 0x72
};
/* blue and green */
static const unsigned char hv_nt_u_bag[14] = {
    0x62, 0x6C, 0x75, 0x65, 0x20, 0x61, 0x6E, 0x64, 0x20, 0x67, 0x72, 0x65,
    0x65, 0x6E
};
/* PROFS:HOME(ANN) */
static const unsigned char hv_nt_u_p_home_ann[15] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x48, 0x4F, 0x4D, 0x45, 0x28, 0x41,
    0x4E, 0x4E, 0x29
};
/* team */
static const unsigned char hv_nt_u_team[4] = {
    0x74, 0x65, 0x61, 0x6D
};
/* nobody */
static const unsigned char hv_nt_u_nobody[6] = {
    0x6E, 0x6F, 0x62, 0x6F, 0x64, 0x79
};
/* jsmith */
static const unsigned char hv_nt_u_jsmith[6] = {
    0x6A, 0x73, 0x6D, 0x69, 0x74, 0x68
};
/* VM1 */
static const unsigned char hv_nt_u_vm1[3] = {
    0x56, 0x4D, 0x31
};
/* VM2 */
static const unsigned char hv_nt_u_vm2[3] = {
    0x56, 0x4D, 0x32
};
/* ANN */
static const unsigned char hv_nt_u_ann[3] = {
    0x41, 0x4E, 0x4E
};
/* HOME */
static const unsigned char hv_nt_u_home[4] = {
    0x48, 0x4F, 0x4D, 0x45
};
/* 555-1234 */
static const unsigned char hv_nt_u_phone[8] = {
    0x35, 0x35, 0x35, 0x2D, 0x31, 0x32, 0x33, 0x34
};
/* 1 Main St */
static const unsigned char hv_nt_u_addr[9] = {
    0x31, 0x20, 0x4D, 0x61, 0x69, 0x6E, 0x20, 0x53, 0x74
};
/* Manager */
static const unsigned char hv_nt_u_title[7] = {
    0x4D, 0x61, 0x6E, 0x61, 0x67, 0x65, 0x72
};
/* nick: JOE\ncolor: blue and green */
static const unsigned char hv_nt_u_note_joe[31] = {
    0x6E, 0x69, 0x63, 0x6B, 0x3A, 0x20, 0x4A, 0x4F, 0x45, 0x0A, 0x63, 0x6F,
    0x6C, 0x6F, 0x72, 0x3A, 0x20, 0x62, 0x6C, 0x75, 0x65, 0x20, 0x61, 0x6E,
    0x64, 0x20, 0x67, 0x72, 0x65, 0x65, 0x6E
};
/* nick: ann\nuserid: ANN\nnotebook: ANN */
static const unsigned char hv_nt_u_note_ann[35] = {
    0x6E, 0x69, 0x63, 0x6B, 0x3A, 0x20, 0x61, 0x6E, 0x6E, 0x0A, 0x75, 0x73,
    0x65, 0x72, 0x69, 0x64, 0x3A, 0x20, 0x41, 0x4E, 0x4E, 0x0A, 0x6E, 0x6F,
    0x74, 0x65, 0x62, 0x6F, 0x6F, 0x6B, 0x3A, 0x20, 0x41, 0x4E, 0x4E
};
/* Ann Other */
static const unsigned char hv_nt_u_ann_o[9] = {
    0x41, 0x6E, 0x6E, 0x20, 0x4F, 0x74, 0x68, 0x65, 0x72
};
/* SMTP:CARL@VMC.EXAMPLE.COM */
static const unsigned char hv_nt_u_s_carl[25] = {
    0x53, 0x4D, 0x54, 0x50, 0x3A, 0x43, 0x41, 0x52, 0x4C, 0x40, 0x56, 0x4D,
    0x43, 0x2E, 0x45, 0x58, 0x41, 0x4D, 0x50, 0x4C, 0x45, 0x2E, 0x43, 0x4F,
    0x4D
};
/* PROFS:VMD(DAN) */
static const unsigned char hv_nt_u_p_dan[14] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x44, 0x28, 0x44, 0x41,
    0x4E, 0x29
};
/* PROFS:VMB(BOB) */
static const unsigned char hv_nt_u_p_bobb[14] = {
    0x50, 0x52, 0x4F, 0x46, 0x53, 0x3A, 0x56, 0x4D, 0x42, 0x28, 0x42, 0x4F,
    0x42, 0x29
};
/* nick: ALL\nnotebook: team */
static const unsigned char hv_nt_u_note_all[24] = {
    0x6E, 0x69, 0x63, 0x6B, 0x3A, 0x20, 0x41, 0x4C, 0x4C, 0x0A, 0x6E, 0x6F,
    0x74, 0x65, 0x62, 0x6F, 0x6F, 0x6B, 0x3A, 0x20, 0x74, 0x65, 0x61, 0x6D
};
/* More people */
static const unsigned char hv_nt_u_more[11] = {
    0x4D, 0x6F, 0x72, 0x65, 0x20, 0x70, 0x65, 0x6F, 0x70, 0x6C, 0x65
};
/* GHOST */
static const unsigned char hv_nt_u_ghost[5] = {
    0x47, 0x48, 0x4F, 0x53, 0x54
};
/* .AE */
static const unsigned char hv_nt_u_ae[3] = {
    0x2E, 0x41, 0x45
};
    /* nick: .AE\nmailer: SMTP@INTERBIT BSMTP 3\nsite: United Arab Emirates\n */
    /* notebook: ann */
static const unsigned char hv_nt_u_note_ae[80] = {
    0x6E, 0x69, 0x63, 0x6B, 0x3A, 0x20, 0x2E, 0x41, 0x45, 0x0A, 0x6D, 0x61,
    0x69, 0x6C, 0x65, 0x72, 0x3A, 0x20, 0x53, 0x4D, 0x54, 0x50, 0x40, 0x49,
    0x4E, 0x54, 0x45, 0x52, 0x42, 0x49, 0x54, 0x20, 0x42, 0x53, 0x4D, 0x54,
    0x50, 0x20, 0x33, 0x0A, 0x73, 0x69, 0x74, 0x65, 0x3A, 0x20, 0x55, 0x6E,
    0x69, 0x74, 0x65, 0x64, 0x20, 0x41, 0x72, 0x61, 0x62, 0x20, 0x45, 0x6D,
    0x69, 0x72, 0x61, 0x74, 0x65, 0x73, 0x0A, 0x6E, 0x6F, 0x74, 0x65, 0x62,
    0x6F, 0x6F, 0x6B, 0x3A, 0x20, 0x61, 0x6E, 0x6E
};

/* the text of hv_nt_rft */
/* Hello W\nA\tBCA \n\f\nD<?>\n */
static const unsigned char hv_nt_u_rft[22] = {
    0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0x57, 0x0A, 0x41, 0x09, 0x42, 0x43,
    0x41, 0x20, 0x0A, 0x0C, 0x0A, 0x44, 0xEF, 0xBF, 0xBD, 0x0A
};
/* Hdr */
static const unsigned char hv_nt_u_hdr[3] = {
    0x48, 0x64, 0x72
};
/* Hello */
static const unsigned char hv_nt_u_hello[5] = {
    0x48, 0x65, 0x6C, 0x6C, 0x6F
};
/* AB */
static const unsigned char hv_nt_u_AB[2] = {
    0x41, 0x42
};
/* the text of the FFT sample */
/* AB\nC\n\f\nD */
static const unsigned char hv_nt_u_fft[8] = {
    0x41, 0x42, 0x0A, 0x43, 0x0A, 0x0C, 0x0A, 0x44
};
/* a text record */
/* ab\nc\n */
static const unsigned char hv_nt_u_abc[5] = {
    0x61, 0x62, 0x0A, 0x63, 0x0A
};
/* ab\n */
static const unsigned char hv_nt_u_ab_lf[3] = {
    0x61, 0x62, 0x0A
};

/* the start of a note before junk (037) */
static const unsigned char hv_nt_junkhead[] = {
    /* "Date: 6 Dec 1993" */
    16, 0xC4, 0x81, 0xA3, 0x85, 0x7A, 0x40, 0xF6, 0x40, 0xC4, 0x85, 0x83, 0x40,
    0xF1, 0xF9, 0xF9, 0xF3,
    /* "From: A at B" */
    12, 0xC6, 0x99, 0x96, 0x94, 0x7A, 0x40, 0xC1, 0x40, 0x81, 0xA3, 0x40, 0xC2
};

/* dates parsed with options (ASCII) */
static const unsigned char hv_nt_dopt[] = {
    /* "13 Nov 45" */
    9, 0x31, 0x33, 0x20, 0x4E, 0x6F, 0x76, 0x20, 0x34, 0x35,
    /* "1 Jan 94 00:30:00 CET" */
    21, 0x31, 0x20, 0x4A, 0x61, 0x6E, 0x20, 0x39, 0x34, 0x20, 0x30, 0x30, 0x3A,
    0x33, 0x30, 0x3A, 0x30, 0x30, 0x20, 0x43, 0x45, 0x54,
    /* "Wed, 28 Feb 1996 20:00:00 -0500" */
    31, 0x57, 0x65, 0x64, 0x2C, 0x20, 0x32, 0x38, 0x20, 0x46, 0x65, 0x62, 0x20,
    0x31, 0x39, 0x39, 0x36, 0x20, 0x32, 0x30, 0x3A, 0x30, 0x30, 0x3A, 0x30,
    0x30, 0x20, 0x2D, 0x30, 0x35, 0x30, 0x30,
    /* "28 Feb 1996 20:00" */
    17, 0x32, 0x38, 0x20, 0x46, 0x65, 0x62, 0x20, 0x31, 0x39, 0x39, 0x36, 0x20,
    0x32, 0x30, 0x3A, 0x30, 0x30
};

/* the DCA samples of tests/unit/test_ovvm_dca.c: FUP, DP, TUP "001",
 * margin text, a non-text field holding X'2B', body text with
 * controls, EUP */
static const unsigned char hv_nt_rft[] = {
    0x00, 0x05, 0xE1, 0x03, 0x00,                       /* FUP */
    0x00, 0x0A, 0xE2, 0x05, 0x00, 1, 2, 0x2B, 4, 5,     /* DP */
    0x00, 0x08, 0xE1, 0x04, 0x00, 0xF0, 0xF0, 0xF1,     /* TUP */
    0x00, 0x08, 0xE8, 0x01, 0x00, 0xC8, 0x84, 0x99,     /* MTTA "Hdr" */
    0x00, 0x27, 0xE8, 0x07, 0x00,                       /* BT */
    0xC8, 0x85, 0x93, 0x93, 0x96, 0x40, 0xE6,           /* Hello W */
    0x15,                                               /* CRE */
    0xC1, 0x05, 0xC2,                                   /* A HT B */
    0x2B, 0xD2, 0x04, 0x01, 0xAA, 0xBB,                 /* STAB */
    0xC3,                                               /* C */
    0x2B, 0xD1, 0x03, 0x15, 0xC1,                       /* IEG A */
    0xCA, 0x41,                                         /* SHY RSP */
    0x2B, 0xD4, 0x02, 0x02,                             /* BLFC */
    0x0C,                                               /* PE */
    0xC4, 0x3F, 0x16, 0x06,                             /* D SUB BS RCR */
    0x00, 0x05, 0xE1, 0x06, 0x00                        /* EUP */
};
/* FUP, then body text with a multi-byte control of count 1 */
static const unsigned char hv_nt_badctl[] = {
    0x00, 0x05, 0xE1, 0x03, 0x00,
    0x00, 0x0A, 0xE8, 0x07, 0x00, 0xC1, 0x2B, 0xD2, 0x01, 0xC2
};
/* FFT: A, a control, B, INX, C, RPE, D */
static const unsigned char hv_nt_fft[] = {
    0xC1, 0x2B, 0xD2, 0x03, 0x01, 0x00, 0xC2, 0x25, 0xC3, 0x3A, 0xC4
};

/* ---- helpers ---- */

/* The i-th string of a length-prefixed table: 1 with *p, *n; 0 when
 * there is no string i. */
static int hv_nt_lp(const unsigned char *t, size_t tn, int i,
                    const unsigned char **p, size_t *n)
{
    size_t k = 0;
    if (i < 0)
        return 0;
    while (i > 0 && k < tn) {
        k += 1u + t[k];
        i--;
    }
    if (k >= tn)
        return 0;
    *p = t + k + 1;
    *n = t[k];
    return 1;
}

/* printable ASCII in the execution character set, from X'20' */
static const char hv_nt_pr[] =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/* ASCII bytes appended to the vector name */
static void hv_nt_namea(hv_ctx *c, const unsigned char *a, size_t n)
{
    size_t k, i;
    if (n == 0)
        hv_names(c, "(empty)");
    k = strlen(c->name);
    for (i = 0; i < n && k + 1 < HV_NAMECAP; i++)
        c->name[k++] = a[i] >= 0x20 && a[i] < 0x7F
            ? hv_nt_pr[a[i] - 0x20] : '?';
    c->name[k] = 0;
}

/* 14 ASCII digits of Y M D h m s against a time; Y 0: no date */
static int hv_nt_date(hv_ctx *c, const unsigned char *d,
                      const unsigned short *w)
{
    unsigned char e[14];
    unsigned long v;
    int i, k = 0;
    if (w[0] == 0) {
        HV_EQ(c, "first byte of a time without a date", d[0], 0);
        return 1;
    }
    for (v = w[0], i = 3; i >= 0; i--, v /= 10)
        e[i] = (unsigned char)(0x30 + v % 10);
    for (k = 1; k < 6; k++) {
        e[2 + 2 * k] = (unsigned char)(0x30 + w[k] / 10);
        e[3 + 2 * k] = (unsigned char)(0x30 + w[k] % 10);
    }
    return hv_memeq(c, "date", d, 14, e, 14);
}

/* the log: lines and warnings counted, text kept by hv.h */
static unsigned long hv_nt_nlog, hv_nt_nwarn;

static void hv_nt_sink(void *ctx, int sev, const char *line, size_t len)
{
    hv_nt_nlog++;
    if (sev == HM_SEV_W)
        hv_nt_nwarn++;
    hv_logsink(ctx, sev, line, len);
}

static void hv_nt_log(hm_log *lg)
{
    hv_log_reset(lg);
    hv_nt_nlog = 0;
    hv_nt_nwarn = 0;
    hm_log_init(lg, hv_nt_sink, NULL);
}

/* How often s is in the captured log. */
static int hv_nt_logn(const char *s)
{
    size_t n = strlen(s), k;
    int r = 0;
    for (k = 0; k + n <= hv_loglen; k++)
        if (memcmp(hv_logbuf + k, s, n) == 0)
            r++;
    return r;
}

/* ---- what the parsers hand out ---- */

#define HV_NT_SCAP 128
#define HV_NT_MAXM 8
#define HV_NT_MAXA 4
#define HV_NT_BCAP 1024
#define HV_NT_MAXP 10
#define HV_NT_MAXMEM 6

typedef struct hv_nt_str {
    unsigned char s[HV_NT_SCAP];
    size_t n;
} hv_nt_str;

typedef struct hv_nt_msg {
    hm_ov_meta meta;
    size_t nfolder, nto, ncc, nbcc, natt, nbody;
    hv_nt_str folder, sname, saddr, subject, attname;
    hv_nt_str to[HV_NT_MAXA], toaddr[HV_NT_MAXA];
    hv_nt_str cc[HV_NT_MAXA], bcc[HV_NT_MAXA];
    unsigned char date[14];
    int unread, prio;
    unsigned char body[HV_NT_BCAP];
    unsigned long bodysize, attsize;
} hv_nt_msg;

typedef struct hv_nt_pab {
    int is_dl;
    hv_nt_str f[HM_PAB_NFIELDS];
    hv_nt_str mem[HV_NT_MAXMEM];
    size_t nmem;
    unsigned long rec;
} hv_nt_pab;

static struct {
    hv_nt_msg m[HV_NT_MAXM];
    unsigned n;
    unsigned stop_after;    /* > 0: ask to stop after so many */
    hv_nt_pab p[HV_NT_MAXP];
    unsigned np;
    const char *bad;        /* what the capture could not take */
} hv_nt_cap;

static void hv_nt_reset(void)
{
    memset(&hv_nt_cap, 0, sizeof hv_nt_cap);
}

static void hv_nt_set(hv_nt_str *d, hm_text t)
{
    d->n = 0;
    if (t.len > HV_NT_SCAP)
        hv_nt_cap.bad = "a text longer than the capture";
    else if (t.len && !t.s)
        hv_nt_cap.bad = "a text without bytes";
    else if (t.len) {
        memcpy(d->s, t.s, t.len);
        d->n = t.len;
    }
}

static int hv_nt_capfn(void *ctx, const hm_item *it,
                       const hm_ov_meta *meta)
{
    const hm_message *g = &it->u.msg;
    hv_nt_msg *m;
    size_t i;
    (void)ctx;
    if (it->kind != HM_ITEM_MESSAGE)
        hv_nt_cap.bad = "an item that is not a message";
    else if (memcmp(g->sent.d, g->received.d, 14) != 0)
        hv_nt_cap.bad = "received is not sent";
    else if (hv_nt_cap.n < HV_NT_MAXM) {
        m = &hv_nt_cap.m[hv_nt_cap.n];
        memset(m, 0, sizeof *m);
        m->meta = *meta;
        m->nfolder = g->nfolder;
        if (g->nfolder)
            hv_nt_set(&m->folder, g->folder[0]);
        hv_nt_set(&m->sname, g->sender.name);
        hv_nt_set(&m->saddr, g->sender.addr);
        hv_nt_set(&m->subject, g->subject);
        m->nto = g->nto;
        m->ncc = g->ncc;
        m->nbcc = g->nbcc;
        for (i = 0; i < g->nto && i < HV_NT_MAXA; i++) {
            hv_nt_set(&m->to[i], g->to[i].name);
            hv_nt_set(&m->toaddr[i], g->to[i].addr);
        }
        for (i = 0; i < g->ncc && i < HV_NT_MAXA; i++)
            hv_nt_set(&m->cc[i], g->cc[i].addr);
        for (i = 0; i < g->nbcc && i < HV_NT_MAXA; i++)
            hv_nt_set(&m->bcc[i], g->bcc[i].addr);
        memcpy(m->date, g->sent.d, 14);
        m->unread = g->unread;
        m->prio = g->priority;
        m->natt = g->natt;
        if (g->natt) {
            hv_nt_set(&m->attname, g->att[0].name);
            m->attsize = g->att[0].data.size;
        }
        m->nbody = g->nbody;
        if (g->nbody) {
            if (g->nbody != 1 || !g->body[0].p)
                hv_nt_cap.bad = "not one body part in storage";
            else {
                m->bodysize = g->body[0].size;
                memcpy(m->body, g->body[0].p, m->bodysize < HV_NT_BCAP
                       ? (size_t)m->bodysize : (size_t)HV_NT_BCAP);
            }
        }
    }
    hv_nt_cap.n++;
    return hv_nt_cap.stop_after && hv_nt_cap.n >= hv_nt_cap.stop_after;
}

static int hv_nt_pabfn(void *ctx, const hm_item *it,
                       const hm_ov_meta *meta)
{
    const hm_pab *g = &it->u.pab;
    hv_nt_pab *p;
    size_t i;
    (void)ctx;
    if (it->kind != HM_ITEM_PAB || !meta->entry)
        hv_nt_cap.bad = "not a PAB item of an entry";
    else if (hv_nt_cap.np < HV_NT_MAXP) {
        p = &hv_nt_cap.p[hv_nt_cap.np];
        memset(p, 0, sizeof *p);
        p->is_dl = g->is_dl;
        for (i = 0; i < HM_PAB_NFIELDS; i++)
            hv_nt_set(&p->f[i], g->f[i]);
        p->nmem = g->nmembers;
        for (i = 0; i < g->nmembers && i < HV_NT_MAXMEM; i++)
            hv_nt_set(&p->mem[i], g->members[i]);
        p->rec = meta->first_rec;
    }
    hv_nt_cap.np++;
    return 0;
}

/* a captured text, a body, against an expected array */
#define HV_NT_T(c, what, str, want) \
    HV_MEM((c), (what), (str).s, (str).n, (want), sizeof(want))
#define HV_NT_BODY(c, m, want) \
    HV_MEM((c), "body", (m)->body, (size_t)(m)->bodysize, (want), \
           sizeof(want))

/* ---- running a parser ---- */

static struct {
    hv_ca ca;
    hm_alloc al;
    hm_log lg;
    hm_cpconv cv;
    hm_ov_nbstats st;
    int rc;     /* 0: every call returned 0; -1 one failed; -2 no
                 * converter */
} hv_nt_r;

/* Counting allocator (fail_after: see hv_ca), log, capture and a
 * converter from ccsid to UTF-8 (0: none, the data is UTF-8). */
static hm_cpconv *hv_nt_setup(hv_ctx *c, size_t fail_after,
                              unsigned ccsid)
{
    hv_ca_init(&hv_nt_r.ca, &hv_nt_r.al, c->base);
    hv_nt_r.ca.fail_after = fail_after;
    hv_nt_log(&hv_nt_r.lg);
    hv_nt_reset();
    memset(&hv_nt_r.st, 0, sizeof hv_nt_r.st);
    hv_nt_r.rc = 0;
    if (ccsid == 0)
        return NULL;
    if (hm_cpconv_init(&hv_nt_r.cv, hm_cp_builtin(ccsid), HM_PC_UTF8,
                       HM_NL_CDRA) != 0)
        hv_nt_r.rc = -2;
    return &hv_nt_r.cv;
}

static hm_ov_nb *hv_nt_open(hv_ctx *c, size_t fail_after, unsigned ccsid,
                            int mode, const hm_ov_opt *o,
                            const unsigned char *folder, size_t nf)
{
    hm_cpconv *cv = hv_nt_setup(c, fail_after, ccsid);
    hm_ov_nb *nb;
    hm_text ft;
    if (hv_nt_r.rc)
        return NULL;
    ft.s = folder;
    ft.len = nf;
    nb = hm_ov_nb_open(&hv_nt_r.al, cv, &hv_nt_r.lg, "ALL NOTEBOOK", &ft,
                       folder ? 1 : 0, mode, o, hv_nt_capfn, NULL);
    if (!nb)
        hv_nt_r.rc = -1;
    return nb;
}

/* Feed length-prefixed records: 0, or -1 at the first that fails. */
static int hv_nt_feed(hm_ov_nb *nb, const unsigned char *r, size_t n)
{
    size_t k = 0;
    while (k < n) {
        if (hm_ov_nb_record(nb, r + k + 1, r[k]) != 0)
            return -1;
        k += 1u + r[k];
    }
    return 0;
}

/* Finish (when rc is 0) and close. */
static void hv_nt_end(hm_ov_nb *nb, int rc)
{
    if (!nb) {
        if (!hv_nt_r.rc)
            hv_nt_r.rc = -1;
        return;
    }
    if (rc == 0 && hm_ov_nb_finish(nb) != 0)
        rc = -1;
    hv_nt_r.st = *hm_ov_nb_stats(nb);
    hm_ov_nb_close(nb);
    if (rc)
        hv_nt_r.rc = rc;
}

/* A whole notebook (or mail file) of records. */
static void hv_nt_parse(hv_ctx *c, size_t fail_after, unsigned ccsid,
                        int mode, const hm_ov_opt *o,
                        const unsigned char *folder, size_t nf,
                        const unsigned char *r, size_t n)
{
    hm_ov_nb *nb = hv_nt_open(c, fail_after, ccsid, mode, o, folder, nf);
    hv_nt_end(nb, nb ? hv_nt_feed(nb, r, n) : -1);
}

/* The run went through, gave back its storage, and the capture took
 * everything. */
static int hv_nt_ok(hv_ctx *c)
{
    if (hv_nt_r.rc == -2)
        return hv_fail(c, "no converter for the code page");
    if (hv_nt_r.rc != 0)
        return hv_logfail(c, "the parser failed");
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    if (hv_nt_cap.bad)
        return hv_fail(c, hv_nt_cap.bad);
    return 1;
}

static hm_ov_names *hv_nt_nmopen(hv_ctx *c, size_t fail_after,
                                 const hm_ov_opt *o)
{
    hm_cpconv *cv = hv_nt_setup(c, fail_after, 37);
    hm_ov_names *nm;
    if (hv_nt_r.rc)
        return NULL;
    nm = hm_ov_names_open(&hv_nt_r.al, cv, &hv_nt_r.lg, "MEA NAMES", o);
    if (!nm)
        hv_nt_r.rc = -1;
    return nm;
}

static int hv_nt_nmfeed(hm_ov_names *nm, const unsigned char *r,
                        size_t n)
{
    size_t k = 0;
    while (k < n) {
        if (hm_ov_names_record(nm, r + k + 1, r[k]) != 0)
            return -1;
        k += 1u + r[k];
    }
    return 0;
}

/* the pseudo-random bytes of the hosted junk tests */
static unsigned long hv_nt_rnd(unsigned long *seed)
{
    *seed = (*seed * 1103515245ul + 12345ul) & 0xFFFFFFFFul;
    return *seed;
}

/* ---- notebooks and mail files ---- */

static const unsigned short hv_nt_d1[6] = { 1993, 11, 13, 22, 52, 42 };
static const unsigned short hv_nt_d2[6] = { 1993, 11, 15, 8, 1, 2 };
static const unsigned short hv_nt_d3[6] = { 1993, 11, 16, 9, 0, 0 };
static const unsigned short hv_nt_d4[6] = { 1993, 11, 13, 10, 0, 0 };
static const unsigned short hv_nt_d5[6] = { 1993, 12, 4, 0, 0, 0 };

/* test_mailfile_cmsnote */
static int hv_nt_v_cmsnote(hv_ctx *c)
{
    const hv_nt_msg *m = &hv_nt_cap.m[0];
    hv_nt_parse(c, 0, 37, HM_OV_MAILFILE, NULL, NULL, 0, hv_nt_cmsnote,
                sizeof hv_nt_cmsnote);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages", hv_nt_cap.n, 1);
    if (!hv_nt_date(c, m->date, hv_nt_d1))
        return 0;
    HV_NT_T(c, "sender name", m->sname, hv_nt_u_cms1);
    HV_NT_T(c, "sender address", m->saddr, hv_nt_u_p_cms1);
    HV_EQ(c, "To", m->nto, 1);
    HV_NT_T(c, "To name", m->to[0], hv_nt_u_mea);
    HV_NT_T(c, "To address", m->toaddr[0], hv_nt_u_p_mea);
    HV_EQ(c, "Cc", m->ncc, 0);
    HV_EQ(c, "subject", m->subject.n, 0);
    HV_NT_BODY(c, m, hv_nt_u_test);
    HV_EQ(c, "unread", m->unread, 1);
    HV_EQ(c, "priority", m->prio, HM_PRIO_NORMAL);
    HV_EQ(c, "folders", m->nfolder, 0);
    HV_EQ(c, "raw", m->meta.raw, 0);
    HV_EQ(c, "sent", m->meta.sent, 0);
    HV_EQ(c, "date recognized", m->meta.date_ok, 1);
    HV_EQ(c, "first record", m->meta.first_rec, 1);
    HV_EQ(c, "last record", m->meta.last_rec, 6);
    HV_EQ(c, "records", hv_nt_r.st.records, 6);
    HV_EQ(c, "notes", hv_nt_r.st.notes, 1);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    return 1;
}

/* hm_ov_mailfile over a record source */
typedef struct hv_nt_src {
    const unsigned char *p;
    size_t n, k;
} hv_nt_src;

static int hv_nt_next(void *ctx, const unsigned char **d, size_t *n)
{
    hv_nt_src *s = (hv_nt_src *)ctx;
    if (s->k >= s->n)
        return 0;
    *d = s->p + s->k + 1;
    *n = s->p[s->k];
    s->k += 1u + s->p[s->k];
    return 1;
}

/* test_mailfile_source */
static int hv_nt_v_mailsrc(hv_ctx *c)
{
    const hv_nt_msg *m = &hv_nt_cap.m[0];
    hm_cpconv *cv = hv_nt_setup(c, 0, 37);
    hm_ov_opt o;
    hv_nt_src s;
    int rc;
    if (hv_nt_r.rc)
        return hv_fail(c, "no converter for the code page");
    hm_ov_opt_init(&o);
    o.owner = "MEA";
    o.owner_node = "FINFILES";
    s.p = hv_nt_cmsnote;
    s.n = sizeof hv_nt_cmsnote;
    s.k = 0;
    rc = hm_ov_mailfile(&hv_nt_r.al, cv, &hv_nt_r.lg, "RDR 0001", &o,
                        hv_nt_next, &s, hv_nt_capfn, NULL);
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    if (rc != 0)
        return hv_logfail(c, "the mail file failed");
    if (hv_nt_cap.bad)
        return hv_fail(c, hv_nt_cap.bad);
    HV_EQ(c, "messages", hv_nt_cap.n, 1);
    HV_EQ(c, "unread", m->unread, 1);
    HV_EQ(c, "folders", m->nfolder, 0);
    HV_EQ(c, "sent", m->meta.sent, 0);
    HV_NT_T(c, "sender address", m->saddr, hv_nt_u_p_cms1);
    HV_NT_T(c, "To address", m->toaddr[0], hv_nt_u_p_mea);
    HV_NT_BODY(c, m, hv_nt_u_test);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    /* an empty mail file: a warning, no message */
    hv_nt_reset();
    s.n = 0;
    rc = hm_ov_mailfile(&hv_nt_r.al, cv, &hv_nt_r.lg, "RDR 0002", &o,
                        hv_nt_next, &s, hv_nt_capfn, NULL);
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    HV_EQ(c, "empty mail file", rc, 0);
    HV_EQ(c, "messages of an empty mail file", hv_nt_cap.n, 0);
    if (!hv_logged("HMG0504W RDR 0002: the mail file holds no note"))
        return hv_logfail(c, "no HMG0504W");
    return 1;
}

/* test_notebook_notes: three notes with blank and separator records
 * between them, continued To: and Subject:, Cc: without commas, the
 * owner's notes to Sent Items, RFC 822 addresses */
static int hv_nt_v_book(hv_ctx *c)
{
    const hv_nt_msg *m = &hv_nt_cap.m[0];
    hm_ov_opt o;
    hm_ov_opt_init(&o);
    o.owner = "MEA";
    hv_nt_parse(c, 0, 37, HM_OV_NOTEBOOK, &o, hv_nt_u_all,
                sizeof hv_nt_u_all, hv_nt_book, sizeof hv_nt_book);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages", hv_nt_cap.n, 3);
    /* the first note */
    HV_EQ(c, "1 folders", m->nfolder, 1);
    HV_NT_T(c, "1 folder", m->folder, hv_nt_u_all);
    HV_EQ(c, "1 unread", m->unread, 0);
    if (!hv_nt_date(c, m->date, hv_nt_d1))
        return 0;
    HV_NT_T(c, "1 sender", m->saddr, hv_nt_u_p_cms1);
    HV_EQ(c, "1 To", m->nto, 3);
    HV_NT_T(c, "1 To 1", m->toaddr[0], hv_nt_u_p_mea);
    HV_NT_T(c, "1 To 2", m->toaddr[1], hv_nt_u_p_joe);
    HV_NT_T(c, "1 To 3 (continued)", m->toaddr[2], hv_nt_u_p_ann);
    HV_EQ(c, "1 Cc", m->ncc, 2);
    HV_NT_T(c, "1 Cc 1", m->cc[0], hv_nt_u_p_bob);
    HV_NT_T(c, "1 Cc 2", m->cc[1], hv_nt_u_p_carl);
    HV_NT_T(c, "1 subject (continued)", m->subject, hv_nt_u_subj1);
    HV_NT_BODY(c, m, hv_nt_u_body1);
    HV_EQ(c, "1 first record", m->meta.first_rec, 1);
    HV_EQ(c, "1 last record", m->meta.last_rec, 14);
    HV_EQ(c, "1 sent", m->meta.sent, 0);
    HV_EQ(c, "1 priority", m->prio, HM_PRIO_NORMAL);
    /* the second: from the owner */
    m++;
    if (!hv_nt_date(c, m->date, hv_nt_d2))
        return 0;
    HV_NT_T(c, "2 sender name", m->sname, hv_nt_u_mary);
    HV_NT_T(c, "2 sender address", m->saddr, hv_nt_u_p_mea);
    HV_EQ(c, "2 sent", m->meta.sent, 1);
    HV_NT_T(c, "2 folder", m->folder, hv_nt_u_sent);
    HV_NT_T(c, "2 To", m->toaddr[0], hv_nt_u_p_cms1);
    HV_NT_T(c, "2 subject", m->subject, hv_nt_u_subj2);
    HV_EQ(c, "2 priority", m->prio, HM_PRIO_HIGH);
    HV_NT_BODY(c, m, hv_nt_u_body2);
    HV_EQ(c, "2 first record", m->meta.first_rec, 15);
    HV_EQ(c, "2 last record", m->meta.last_rec, 24);
    /* the third: after a "-----" separator */
    m++;
    HV_EQ(c, "3 first record", m->meta.first_rec, 25);
    HV_EQ(c, "3 last record", m->meta.last_rec, 30);
    if (!hv_nt_date(c, m->date, hv_nt_d3))
        return 0;
    HV_NT_T(c, "3 sender name", m->sname, hv_nt_u_mea);
    HV_EQ(c, "3 To", m->nto, 2);
    HV_NT_T(c, "3 To 1 name", m->to[0], hv_nt_u_smith);
    HV_NT_T(c, "3 To 1 address", m->toaddr[0], hv_nt_u_s_smith);
    HV_NT_T(c, "3 To 2 name", m->to[1], hv_nt_u_al);
    HV_NT_T(c, "3 To 2 address", m->toaddr[1], hv_nt_u_s_ab);
    HV_EQ(c, "3 Bcc", m->nbcc, 1);
    HV_NT_T(c, "3 Bcc 1", m->bcc[0], hv_nt_u_p_cms1);
    HV_NT_BODY(c, m, hv_nt_u_third);
    HV_EQ(c, "3 sent", m->meta.sent, 1);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    HV_EQ(c, "records", hv_nt_r.st.records, 30);
    HV_EQ(c, "notes", hv_nt_r.st.notes, 3);
    HV_EQ(c, "notes sent", hv_nt_r.st.sent, 2);
    HV_EQ(c, "raw notes", hv_nt_r.st.raw, 0);
    HV_EQ(c, "notes without a date", hv_nt_r.st.nodate, 0);
    /* one note held at a time: some KiB */
    HV_TRUE(c, "more than 32 KiB of storage", hv_nt_r.ca.peak < 32768u);
    return 1;
}

/* test_notebook_split_rules: a Date: block in a body without From:
 * or To: is body text; with need_sep a new note needs a separator */
static int hv_nt_v_split(hv_ctx *c)
{
    hm_ov_rules ru;
    hm_ov_opt o;
    hv_nt_parse(c, 0, 37, HM_OV_NOTEBOOK, NULL, NULL, 0, hv_nt_split,
                sizeof hv_nt_split);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages", hv_nt_cap.n, 2);
    HV_NT_BODY(c, &hv_nt_cap.m[0], hv_nt_u_fwd);
    HV_NT_BODY(c, &hv_nt_cap.m[1], hv_nt_u_second);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    ru = *hm_ov_default_rules();
    ru.need_sep = 1;
    hm_ov_opt_init(&o);
    o.rules = &ru;
    hv_nt_parse(c, 0, 37, HM_OV_NOTEBOOK, &o, NULL, 0, hv_nt_split,
                sizeof hv_nt_split);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages with need_sep", hv_nt_cap.n, 1);
    return 1;
}

/* test_notebook_edges: separators before the first note, keep_header,
 * a note of a header only at the end */
static int hv_nt_v_edges(hv_ctx *c)
{
    hm_ov_opt o;
    hm_ov_opt_init(&o);
    o.keep_header = 1;
    hv_nt_parse(c, 0, 37, HM_OV_NOTEBOOK, &o, NULL, 0, hv_nt_edges,
                sizeof hv_nt_edges);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages", hv_nt_cap.n, 2);
    HV_NT_BODY(c, &hv_nt_cap.m[0], hv_nt_u_kept);
    HV_EQ(c, "1 first record", hv_nt_cap.m[0].meta.first_rec, 4);
    HV_NT_T(c, "2 sender", hv_nt_cap.m[1].sname, hv_nt_u_ef);
    HV_EQ(c, "2 first record", hv_nt_cap.m[1].meta.first_rec, 10);
    /* with keep_header its body is its header */
    HV_TRUE(c, "2 body", hv_nt_cap.m[1].bodysize >= sizeof hv_nt_u_hdr3);
    HV_MEM(c, "2 body", hv_nt_cap.m[1].body, sizeof hv_nt_u_hdr3,
           hv_nt_u_hdr3, sizeof hv_nt_u_hdr3);
    HV_EQ(c, "records skipped", hv_nt_r.st.skipped, 3);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    return 1;
}

/* test_notebook_damaged: text before any note and a header record
 * that is not Keyword: value give raw notes; a date that is not one
 * gives a note without a date */
static int hv_nt_v_damaged(hv_ctx *c)
{
    const hv_nt_msg *m = hv_nt_cap.m;
    hv_nt_parse(c, 0, 37, HM_OV_NOTEBOOK, NULL, NULL, 0, hv_nt_damaged,
                sizeof hv_nt_damaged);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages", hv_nt_cap.n, 4);
    HV_EQ(c, "1 raw", m[0].meta.raw, 1);
    HV_NT_BODY(c, &m[0], hv_nt_u_before);
    HV_EQ(c, "2 raw", m[1].meta.raw, 1);
    HV_NT_BODY(c, &m[1], hv_nt_u_raw);
    /* a raw note keeps the date of its Date: record */
    HV_EQ(c, "2 date recognized", m[1].meta.date_ok, 1);
    if (!hv_nt_date(c, m[1].date, hv_nt_d5))
        return 0;
    HV_EQ(c, "2 sender", m[1].sname.n, 0);
    HV_EQ(c, "3 raw", m[2].meta.raw, 0);
    HV_NT_BODY(c, &m[2], hv_nt_u_ok);
    HV_NT_T(c, "3 sender", m[2].sname, hv_nt_u_ab);
    HV_EQ(c, "4 date recognized", m[3].meta.date_ok, 0);
    HV_EQ(c, "4 date", m[3].date[0], 0);
    HV_EQ(c, "4 raw", m[3].meta.raw, 0);
    if (!hv_logged("HMG0500W ALL NOTEBOOK record 1: the header of the "
                   "note that starts at record 1 cannot be parsed (no "
                   "Date: record starts it)"))
        return hv_logfail(c, "no HMG0500W for record 1");
    if (!hv_logged("HMG0500W ALL NOTEBOOK record 5: the header of the "
                   "note that starts at record 3 cannot be parsed (a "
                   "header record is not Keyword: value)"))
        return hv_logfail(c, "no HMG0500W for record 5");
    if (!hv_logged("HMG0501W ALL NOTEBOOK record 13: the date of the "
                   "note is not recognized; the message has no date"))
        return hv_logfail(c, "no HMG0501W");
    HV_EQ(c, "warnings", hv_nt_nwarn, 3);
    HV_EQ(c, "messages logged", hv_nt_nlog, 3);
    HV_EQ(c, "raw notes", hv_nt_r.st.raw, 2);
    HV_EQ(c, "notes without a date", hv_nt_r.st.nodate, 2);
    return 1;
}

/* test_notebook_national: CCSID 273 (German) records with German
 * keywords; umlauts and sharp s in the subject and the body; an NL
 * (X'15', U+0085) in a body record becomes a line end */
static int hv_nt_v_de(hv_ctx *c)
{
    const hv_nt_msg *m = &hv_nt_cap.m[0];
    hv_nt_parse(c, 0, 273, HM_OV_NOTEBOOK, NULL, NULL, 0, hv_nt_de,
                sizeof hv_nt_de);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages", hv_nt_cap.n, 1);
    HV_EQ(c, "date recognized", m->meta.date_ok, 1);
    if (!hv_nt_date(c, m->date, hv_nt_d4))
        return 0;
    HV_NT_T(c, "sender name", m->sname, hv_nt_u_ab);
    HV_NT_T(c, "sender address", m->saddr, hv_nt_u_p_ab);
    HV_EQ(c, "To", m->nto, 1);
    HV_NT_T(c, "To address", m->toaddr[0], hv_nt_u_p_cd);
    HV_NT_T(c, "subject", m->subject, hv_nt_u_de_subj);
    HV_NT_BODY(c, m, hv_nt_u_de_body);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    return 1;
}

/* test_notebook_split_large: a note over max_note (64 KiB, the least
 * allowed) is handed out in parts, each with the note's header */
static int hv_nt_v_large(hv_ctx *c)
{
    hm_ov_opt o;
    hm_ov_nb *nb;
    unsigned long tot = 0;
    unsigned k;
    int i, rc = 0;
    hm_ov_opt_init(&o);
    o.max_note = 65536ul;
    nb = hv_nt_open(c, 0, 37, HM_OV_NOTEBOOK, &o, NULL, 0);
    if (nb) {
        rc = hv_nt_feed(nb, hv_nt_big_head, sizeof hv_nt_big_head);
        for (i = 0; i < 2000 && rc == 0; i++)
            rc = hv_nt_feed(nb, hv_nt_big_line, sizeof hv_nt_big_line);
    }
    hv_nt_end(nb, rc);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "parts", hv_nt_cap.n, 3);
    for (k = 0; k < 3; k++) {
        const hv_nt_msg *m = &hv_nt_cap.m[k];
        HV_EQ(c, "part number", m->meta.part, k + 1);
        HV_NT_T(c, "subject of a part", m->subject, hv_nt_u_big);
        HV_TRUE(c, "a part over max_note", m->bodysize <= 65536ul);
        tot += m->bodysize + 1;
    }
    HV_EQ(c, "bytes in the parts", tot, 2000ul * 80ul);
    HV_EQ(c, "bytes in part 1", hv_nt_cap.m[0].bodysize, 818ul * 80ul - 1);
    HV_EQ(c, "part 2 first record", hv_nt_cap.m[1].meta.first_rec, 823);
    if (!hv_logged("HMG0502W ALL NOTEBOOK record 823: the note that "
                   "starts at record 1 is longer than 65536 bytes; it is "
                   "split into parts"))
        return hv_logfail(c, "no HMG0502W");
    HV_EQ(c, "messages logged", hv_nt_nlog, 1);
    HV_EQ(c, "notes split", hv_nt_r.st.split, 1);
    /* one note held at a time: the part and one record */
    HV_TRUE(c, "more storage than twice max_note",
            hv_nt_r.ca.peak < 2ul * 65536ul);
    return 1;
}

/* test_notebook_utf8_stop: UTF-8 records (no converter); the
 * callback asks to stop after the first note */
static int hv_nt_v_stop(hv_ctx *c)
{
    hm_ov_nb *nb = hv_nt_open(c, 0, 0, HM_OV_NOTEBOOK, NULL, NULL, 0);
    int i, rc = 0, fin = 0;
    hv_nt_cap.stop_after = 1;
    if (!nb)
        return hv_logfail(c, "no parser");
    for (i = 0; i < 3 && rc == 0; i++)
        rc = hv_nt_feed(nb, hv_nt_u8note, sizeof hv_nt_u8note);
    fin = hm_ov_nb_finish(nb);
    hm_ov_nb_close(nb);
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    HV_EQ(c, "records after the stop", rc, -1);
    HV_EQ(c, "round in which it stopped", i, 2);
    HV_EQ(c, "finish after the stop", fin, -1);
    HV_EQ(c, "messages", hv_nt_cap.n, 1);
    HV_NT_BODY(c, &hv_nt_cap.m[0], hv_nt_u_x);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    return 1;
}

/* test_notebook_junk: a control character in a header record, then
 * random records: raw notes, no crash */
static int hv_nt_v_junk(hv_ctx *c)
{
    static unsigned char b[300];
    hm_ov_nb *nb = hv_nt_open(c, 0, 37, HM_OV_NOTEBOOK, NULL, NULL, 0);
    unsigned long seed = 7;
    size_t n, i, k;
    int rc = 0;
    if (!nb)
        return hv_logfail(c, "no parser");
    rc |= hv_nt_feed(nb, hv_nt_junkhead, 1u + hv_nt_junkhead[0]);
    n = hv_nt_junkhead[17];
    memcpy(b, hv_nt_junkhead + 18, n);
    b[3] = 0x00;    /* "Fro" X'00' ": A at B" */
    rc |= hm_ov_nb_record(nb, b, n);
    rc |= hm_ov_nb_record(nb, b, 0);
    for (i = 0; i < 200; i++) {
        n = (size_t)(hv_nt_rnd(&seed) % 300u);
        for (k = 0; k < n; k++)
            b[k] = (unsigned char)(hv_nt_rnd(&seed) >> 16);
        rc |= hm_ov_nb_record(nb, b, n);
    }
    hv_nt_end(nb, rc);
    if (!hv_nt_ok(c))
        return 0;
    HV_TRUE(c, "no message", hv_nt_cap.n >= 1);
    HV_EQ(c, "1 raw", hv_nt_cap.m[0].meta.raw, 1);
    if (!hv_logged("HMG0500W ALL NOTEBOOK record 2: the header of the "
                   "note that starts at record 1 cannot be parsed (a "
                   "header record is not Keyword: value)"))
        return hv_logfail(c, "no HMG0500W");
    HV_EQ(c, "records", hv_nt_r.st.records, 203);
    return 1;
}

/* Storage running out at each allocation of the notebook of
 * hv_nt_v_book in turn: reported, nothing kept. */
static int hv_nt_v_nbstor(hv_ctx *c)
{
    hm_ov_opt o;
    size_t k, calls;
    hm_ov_opt_init(&o);
    o.owner = "MEA";
    hv_nt_parse(c, 0, 37, HM_OV_NOTEBOOK, &o, hv_nt_u_all,
                sizeof hv_nt_u_all, hv_nt_book, sizeof hv_nt_book);
    if (!hv_nt_ok(c))
        return 0;
    HV_EQ(c, "messages", hv_nt_cap.n, 3);
    calls = hv_nt_r.ca.calls;
    HV_TRUE(c, "fewer than 3 allocations", calls >= 3);
    for (k = 1; k <= calls; k++) {
        hv_nt_parse(c, k, 37, HM_OV_NOTEBOOK, &o, hv_nt_u_all,
                    sizeof hv_nt_u_all, hv_nt_book, sizeof hv_nt_book);
        HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
        HV_EQ(c, "parsed without its storage", hv_nt_r.rc, -1);
        if (!hv_logged("HMG0503S ALL NOTEBOOK: not enough storage for "
                       "the OV/VM parser ("))
            return hv_logfail(c, "no HMG0503S");
        HV_EQ(c, "messages logged", hv_nt_nlog, 1);
        HV_TRUE(c, "all messages handed out", hv_nt_cap.n < 3);
    }
    return 1;
}

/* ---- dates, addresses, names ---- */

/* test_dates: one form of hv_nt_dates (no options: pivot 50) */
static int hv_nt_v_date(hv_ctx *c, int i)
{
    const unsigned char *p;
    size_t n;
    hm_time t;
    long z;
    int rc;
    HV_TRUE(c, "no such date",
            hv_nt_lp(hv_nt_dates, sizeof hv_nt_dates, i, &p, &n));
    HV_TRUE(c, "no result for the date", i < (int)HV_NA(hv_nt_dwant));
    memset(&t, 0x55, sizeof t);
    rc = hm_ov_parse_date(p, n, NULL, &t, &z);
    if (hv_nt_dwant[i][0] == 0)
        HV_TRUE(c, "parsed, but it is not a date", rc < 0);
    else
        HV_TRUE(c, "not parsed", rc >= 0);
    return hv_nt_date(c, t.d, hv_nt_dwant[i]);
}

/* test_dates_options: the 2-digit year pivot, shifting to a zone */
static int hv_nt_v_dopt(hv_ctx *c)
{
    static const unsigned short w[4][6] = {
        { 1945, 11, 13, 0, 0, 0 }, { 1993, 12, 31, 23, 30, 0 },
        { 1996, 2, 29, 2, 0, 0 }, { 1996, 2, 28, 20, 0, 0 }
    };
    const unsigned char *p;
    size_t n;
    hm_ov_opt o;
    hm_time t;
    long z;
    int i;
    hm_ov_opt_init(&o);
    o.pivot = 30;
    for (i = 0; i < 4; i++) {
        HV_TRUE(c, "no such date",
                hv_nt_lp(hv_nt_dopt, sizeof hv_nt_dopt, i, &p, &n));
        if (i == 1) {
            /* CET 00:30 on 1 Jan 1994 to UTC: 31 Dec 1993 */
            o.shift = 1;
            o.zone_min = 0;
        } else if (i == 2) {
            /* -0500 to +0100: over 29 Feb 1996 */
            o.zone_min = 60;
        }
        HV_TRUE(c, "not parsed", hm_ov_parse_date(p, n, &o, &t, &z) >= 0);
        if (!hv_nt_date(c, t.d, w[i]))
            return 0;
        if (i == 1)
            HV_EQ(c, "zone of CET", z, 60);
        if (i == 3)
            HV_EQ(c, "zone of a date without one", z, HM_OV_NOZONE);
    }
    return 1;
}

/* test_addresses: one list of hv_nt_addrs; the addresses as
 * "name|address" joined by ";" against hv_nt_awant */
static int hv_nt_v_addr(hv_ctx *c, int i)
{
    static unsigned char buf[HM_OV_ABUF(256)];
    unsigned char got[512];
    const unsigned char *p, *w;
    size_t n, wn, na, k, gn = 0;
    hm_ov_addr ad[8];
    HV_TRUE(c, "no such list",
            hv_nt_lp(hv_nt_addrs, sizeof hv_nt_addrs, i, &p, &n));
    HV_TRUE(c, "no result for the list",
            hv_nt_lp(hv_nt_awant, sizeof hv_nt_awant, i, &w, &wn));
    na = hm_ov_parse_addrs(p, n, ad, 8, buf, sizeof buf);
    HV_TRUE(c, "more than 8 addresses", na <= 8);
    for (k = 0; k < na; k++) {
        const hm_addr *a = &ad[k].a;
        HV_TRUE(c, "longer than the capture",
                gn + a->name.len + a->addr.len + 2 <= sizeof got);
        if (k)
            got[gn++] = 0x3B;                       /* ; */
        if (a->name.len)
            memcpy(got + gn, a->name.s, a->name.len);
        gn += a->name.len;
        got[gn++] = 0x7C;                           /* | */
        if (a->addr.len)
            memcpy(got + gn, a->addr.s, a->addr.len);
        gn += a->addr.len;
    }
    HV_MEM(c, "addresses", got, gn, w, wn);
    return 1;
}

/* test_addresses_many: more addresses than room; a text buffer too
 * small: counted, truncated, never written beyond */
static int hv_nt_v_amany(hv_ctx *c)
{
    static unsigned char in[800], buf[HM_OV_ABUF(800) + 16];
    hm_ov_addr ad[4];
    size_t n = 0, i;
    for (i = 0; i < 100; i++, n += sizeof hv_nt_u_many)
        memcpy(in + n, hv_nt_u_many, sizeof hv_nt_u_many);
    HV_EQ(c, "addresses", hm_ov_parse_addrs(in, n, ad, 4, buf,
                                            HM_OV_ABUF(800)), 100);
    HV_MEM(c, "address 4", ad[3].a.addr.s, ad[3].a.addr.len,
           hv_nt_u_p_nu, sizeof hv_nt_u_p_nu);
    memset(buf, 0xEE, sizeof buf);
    HV_EQ(c, "addresses in 10 bytes",
          hm_ov_parse_addrs(in, n, ad, 4, buf, 10), 100);
    for (i = 0; i < 4; i++) {
        HV_TRUE(c, "a name over 10 bytes", ad[i].a.name.len <= 10);
        HV_TRUE(c, "an address over 10 bytes", ad[i].a.addr.len <= 10);
    }
    for (i = 10; i < sizeof buf; i++)
        HV_EQ(c, "byte written beyond the buffer", buf[i], 0xEE);
    return 1;
}

/* test_folder_and_x2a */
static int hv_nt_v_folder(hv_ctx *c)
{
    unsigned char out[16];
    char x[16];
    size_t n;
    n = hm_ov_nb_folder("ALL NOTEBOOK A1", out, sizeof out);
    HV_MEM(c, "folder of ALL NOTEBOOK A1", out, n, hv_nt_u_all,
           sizeof hv_nt_u_all);
    n = hm_ov_nb_folder("STORE/MEA/JOHN.NOTEBOOK", out, sizeof out);
    HV_MEM(c, "folder of a path", out, n, hv_nt_u_john,
           sizeof hv_nt_u_john);
    n = hm_ov_x2a("Ab9@", out, sizeof out);
    HV_MEM(c, "x2a", out, n, hv_nt_u_ab9, sizeof hv_nt_u_ab9);
    out[0] = 0x41;
    out[1] = 0xC3;
    out[2] = 0x62;
    hm_ov_a2x(out, 3, x, sizeof x);
    HV_STR(c, "a2x", x, "A?b");
    return 1;
}

/* test_rdrfile: another reader file as an unread message with the
 * file attached; its INMFTIME (GMT) as it is and shifted */
static int hv_nt_v_rdr(hv_ctx *c)
{
    static const unsigned char data[3] = { 1, 2, 3 };
    static const unsigned short d1[6] = { 1993, 11, 13, 22, 3, 27 };
    static const unsigned short d2[6] = { 1993, 11, 13, 23, 3, 27 };
    const hv_nt_msg *m = &hv_nt_cap.m[0];
    hm_ov_rdrfile f;
    hm_ov_opt o;
    hv_nt_reset();
    memset(&f, 0, sizeof f);
    hm_ov_opt_init(&o);
    o.owner = "MEA";
    o.owner_node = "FINFILES";
    f.fn = "BUDGET";
    f.ft = "RFT";
    f.from_user = "CMS1";
    f.from_node = "ALIJKU11";
    f.ftime = "19931113220327000000";
    f.data.p = data;
    f.data.size = 3;
    HV_EQ(c, "rc", hm_ov_rdrfile_item(&f, &o, hv_nt_capfn, NULL), 0);
    if (hv_nt_cap.bad)
        return hv_fail(c, hv_nt_cap.bad);
    HV_EQ(c, "messages", hv_nt_cap.n, 1);
    HV_NT_T(c, "subject", m->subject, hv_nt_u_fsubj);
    HV_NT_T(c, "sender name", m->sname, hv_nt_u_cms1);
    HV_NT_T(c, "sender address", m->saddr, hv_nt_u_p_cms1);
    HV_NT_T(c, "To name", m->to[0], hv_nt_u_mea);
    HV_NT_T(c, "To address", m->toaddr[0], hv_nt_u_p_mea);
    HV_EQ(c, "attachments", m->natt, 1);
    HV_NT_T(c, "attachment name", m->attname, hv_nt_u_fatt);
    HV_EQ(c, "attachment size", m->attsize, 3);
    HV_NT_BODY(c, m, hv_nt_u_fbody);
    if (!hv_nt_date(c, m->date, d1))
        return 0;
    HV_EQ(c, "unread", m->unread, 1);
    HV_EQ(c, "date recognized", m->meta.date_ok, 1);
    /* shifted to +0100 */
    hv_nt_reset();
    o.shift = 1;
    o.zone_min = 60;
    HV_EQ(c, "rc", hm_ov_rdrfile_item(&f, &o, hv_nt_capfn, NULL), 0);
    HV_EQ(c, "messages", hv_nt_cap.n, 1);
    return hv_nt_date(c, m->date, d2);
}

/* ---- NAMES files ---- */

/* test_names_entries: entries whose records start with blanks or with
 * another tag, tags, lookups, notebooks */
static int hv_nt_v_nmentries(hv_ctx *c)
{
    static const unsigned char kc[5] = { 0x63, 0x6F, 0x6C, 0x6F, 0x72 };
    hm_ov_opt o;
    hm_ov_names *nm;
    const hm_ov_entry *e;
    static hv_nt_str nick, disp, mail0, mail1, color, nb0, nb1;
    unsigned long count = 0, rec0 = 0, nnb = 0;
    long f_team = 0, f_nobody = 0, u1 = 0, u2 = 0, u3 = 0, u4 = 0;
    int rc = 0, has_color = 0;
    hm_text v;
    hm_ov_opt_init(&o);
    o.owner_node = "HOME";
    nm = hv_nt_nmopen(c, 0, &o);
    if (!nm)
        return hv_logfail(c, "no parser");
    rc |= hv_nt_nmfeed(nm, hv_nt_names, sizeof hv_nt_names);
    rc |= hm_ov_names_finish(nm);
    if (rc == 0) {
        count = hm_ov_names_count(nm);
        e = hm_ov_names_at(nm, 0);
        hv_nt_set(&nick, e->nick);
        hv_nt_set(&disp, e->display);
        hv_nt_set(&mail0, e->email);
        rec0 = e->first_rec;
        has_color = hm_ov_names_tag(e, kc, sizeof kc, &v);
        if (has_color)
            hv_nt_set(&color, v);
        hv_nt_set(&mail1, hm_ov_names_at(nm, 1)->email);
        f_team = hm_ov_names_find(nm, hv_nt_u_team, sizeof hv_nt_u_team);
        f_nobody = hm_ov_names_find(nm, hv_nt_u_nobody,
                                    sizeof hv_nt_u_nobody);
        u1 = hm_ov_names_find_user(nm, hv_nt_u_jsmith,
                                   sizeof hv_nt_u_jsmith, hv_nt_u_vm1,
                                   sizeof hv_nt_u_vm1);
        u2 = hm_ov_names_find_user(nm, hv_nt_u_jsmith,
                                   sizeof hv_nt_u_jsmith, NULL, 0);
        u3 = hm_ov_names_find_user(nm, hv_nt_u_jsmith,
                                   sizeof hv_nt_u_jsmith, hv_nt_u_vm2,
                                   sizeof hv_nt_u_vm2);
        u4 = hm_ov_names_find_user(nm, hv_nt_u_ann, sizeof hv_nt_u_ann,
                                   hv_nt_u_home, sizeof hv_nt_u_home);
        nnb = hm_ov_names_notebooks(nm);
        hv_nt_set(&nb0, hm_ov_names_notebook_at(nm, 0));
        hv_nt_set(&nb1, hm_ov_names_notebook_at(nm, 1));
    }
    hm_ov_names_close(nm);
    if (rc)
        return hv_logfail(c, "the parser failed");
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    if (hv_nt_cap.bad)
        return hv_fail(c, hv_nt_cap.bad);
    HV_EQ(c, "entries", count, 8);
    if (!hv_logged("HMG0510W MEA NAMES record 1: text before the first "
                   ":nick. entry is ignored"))
        return hv_logfail(c, "no HMG0510W");
    HV_NT_T(c, "1 nickname", nick, hv_nt_u_joe);
    HV_NT_T(c, "1 name (a record starting with blanks)", disp,
            hv_nt_u_joes);
    HV_NT_T(c, "1 address", mail0, hv_nt_u_p_jsmith);
    HV_EQ(c, "1 first record", rec0, 2);
    HV_TRUE(c, "1 no :color. tag", has_color);
    HV_NT_T(c, "1 :color. blanks collapsed", color, hv_nt_u_bag);
    HV_NT_T(c, "2 address (local node)", mail1, hv_nt_u_p_home_ann);
    HV_EQ(c, "find team", f_team, 2);
    HV_EQ(c, "find nobody", f_nobody, -1);
    HV_EQ(c, "find jsmith at VM1", u1, 0);
    HV_EQ(c, "find jsmith", u2, 0);
    HV_EQ(c, "find jsmith at VM2", u3, -1);
    HV_EQ(c, "find ANN at HOME", u4, 1);
    HV_EQ(c, "notebooks", nnb, 2);
    HV_NT_T(c, "notebook 1", nb0, hv_nt_u_ann);
    HV_NT_T(c, "notebook 2", nb1, hv_nt_u_team);
    return 1;
}

/* test_names_lists: PAB entries and lists; nested lists flattened,
 * a cycle cut, an unknown nickname kept */
static int hv_nt_v_nmpab(hv_ctx *c)
{
    const hv_nt_pab *p = hv_nt_cap.p;
    hm_ov_names *nm = hv_nt_nmopen(c, 0, NULL);
    int rc = 0;
    if (!nm)
        return hv_logfail(c, "no parser");
    rc |= hv_nt_nmfeed(nm, hv_nt_names, sizeof hv_nt_names);
    rc |= hm_ov_names_finish(nm);
    if (rc == 0)
        rc = hm_ov_names_pab(nm, hv_nt_pabfn, NULL);
    hm_ov_names_close(nm);
    if (rc)
        return hv_logfail(c, "the parser failed");
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    if (hv_nt_cap.bad)
        return hv_fail(c, hv_nt_cap.bad);
    HV_EQ(c, "PAB items", hv_nt_cap.np, 8);
    /* JOE: an entry; phone, addr, title to fields, color to Note */
    HV_EQ(c, "1 list", p[0].is_dl, 0);
    HV_NT_T(c, "1 display", p[0].f[HM_PAB_DISPLAY], hv_nt_u_joes);
    HV_NT_T(c, "1 e-mail", p[0].f[HM_PAB_EMAIL], hv_nt_u_p_jsmith);
    HV_NT_T(c, "1 phone", p[0].f[HM_PAB_BUS], hv_nt_u_phone);
    HV_NT_T(c, "1 address", p[0].f[HM_PAB_ADDRESS], hv_nt_u_addr);
    HV_NT_T(c, "1 title", p[0].f[HM_PAB_TITLE], hv_nt_u_title);
    HV_NT_T(c, "1 note", p[0].f[HM_PAB_NOTE], hv_nt_u_note_joe);
    HV_EQ(c, "1 first record", p[0].rec, 2);
    /* ann: no node and no local node: no address, userid in Note */
    HV_EQ(c, "2 e-mail", p[1].f[HM_PAB_EMAIL].n, 0);
    HV_NT_T(c, "2 note", p[1].f[HM_PAB_NOTE], hv_nt_u_note_ann);
    /* TEAM: JOE, ann, BOB at VMB, CARL@VMC.EXAMPLE.COM */
    HV_EQ(c, "3 list", p[2].is_dl, 1);
    HV_EQ(c, "3 members", p[2].nmem, 4);
    HV_NT_T(c, "3 member 1", p[2].mem[0], hv_nt_u_joes);
    HV_NT_T(c, "3 member 2", p[2].mem[1], hv_nt_u_ann_o);
    HV_NT_T(c, "3 member 3", p[2].mem[2], hv_nt_u_p_bobb);
    HV_NT_T(c, "3 member 4 (a continuation record)", p[2].mem[3],
            hv_nt_u_s_carl);
    HV_EQ(c, "3 e-mail", p[2].f[HM_PAB_EMAIL].n, 0);
    /* ALL: TEAM (nested: its 4), joe (again), MORE (nested, defined
     * later: ann again, DAN at VMD) */
    HV_EQ(c, "4 members", p[3].nmem, 5);
    HV_NT_T(c, "4 member 1", p[3].mem[0], hv_nt_u_joes);
    HV_NT_T(c, "4 member 2", p[3].mem[1], hv_nt_u_ann_o);
    HV_NT_T(c, "4 member 3", p[3].mem[2], hv_nt_u_p_bobb);
    HV_NT_T(c, "4 member 4", p[3].mem[3], hv_nt_u_s_carl);
    HV_NT_T(c, "4 member 5", p[3].mem[4], hv_nt_u_p_dan);
    HV_NT_T(c, "4 note", p[3].f[HM_PAB_NOTE], hv_nt_u_note_all);
    /* MORE: upper-case tags, :name. after :list. */
    HV_NT_T(c, "5 display", p[4].f[HM_PAB_DISPLAY], hv_nt_u_more);
    HV_EQ(c, "5 members", p[4].nmem, 2);
    HV_NT_T(c, "5 member 1", p[4].mem[0], hv_nt_u_ann_o);
    HV_NT_T(c, "5 member 2", p[4].mem[1], hv_nt_u_p_dan);
    /* LOOP1 -> LOOP2 -> LOOP1 is cut; GHOST is unknown */
    if (!hv_logged("HMG0511W MEA NAMES: the list LOOP2 refers back to "
                   "itself through LOOP1; that reference is dropped"))
        return hv_logfail(c, "no HMG0511W");
    if (!hv_logged("HMG0512W MEA NAMES: the list LOOP2 names GHOST, "
                   "which is not a nickname of the file; it is kept as "
                   "it is"))
        return hv_logfail(c, "no HMG0512W");
    HV_EQ(c, "6 members", p[5].nmem, 2);
    HV_NT_T(c, "6 member 1", p[5].mem[0], hv_nt_u_ghost);
    HV_NT_T(c, "6 member 2", p[5].mem[1], hv_nt_u_joes);
    HV_EQ(c, "7 members", p[6].nmem, 1);
    HV_NT_T(c, "7 member 1", p[6].mem[0], hv_nt_u_ghost);
    /* the domain entry of a system nickname file */
    HV_NT_T(c, "8 display", p[7].f[HM_PAB_DISPLAY], hv_nt_u_ae);
    HV_NT_T(c, "8 note", p[7].f[HM_PAB_NOTE], hv_nt_u_note_ae);
    return 1;
}

/* test_names_dup_and_limits: a nickname defined twice, a list of
 * itself, empty lists; the size limit */
static int hv_nt_v_nmdup(hv_ctx *c)
{
    hm_ov_names *nm;
    hm_ov_opt o;
    unsigned long count = 0;
    int i, rc = 0;
    nm = hv_nt_nmopen(c, 0, NULL);
    if (!nm)
        return hv_logfail(c, "no parser");
    rc |= hv_nt_nmfeed(nm, hv_nt_names2, sizeof hv_nt_names2);
    rc |= hm_ov_names_finish(nm);
    if (rc == 0)
        rc = hm_ov_names_pab(nm, hv_nt_pabfn, NULL);
    hm_ov_names_close(nm);
    if (rc)
        return hv_logfail(c, "the parser failed");
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    if (hv_nt_cap.bad)
        return hv_fail(c, hv_nt_cap.bad);
    if (!hv_logged("HMG0513W MEA NAMES record 2: the nickname a is "
                   "defined again (first at record 1); the first entry "
                   "is used"))
        return hv_logfail(c, "no HMG0513W");
    if (!hv_logged("HMG0511W MEA NAMES: the list L refers back to "
                   "itself through L"))
        return hv_logfail(c, "no HMG0511W");
    HV_EQ(c, "PAB items", hv_nt_cap.np, 5);
    HV_EQ(c, "members of L", hv_nt_cap.p[2].nmem, 0);
    HV_EQ(c, "members of B", hv_nt_cap.p[3].nmem, 0);
    /* the size limit: reported once, the rest not read */
    hm_ov_opt_init(&o);
    o.max_names = 100;
    nm = hv_nt_nmopen(c, 0, &o);
    if (!nm)
        return hv_logfail(c, "no parser");
    for (i = 0; i < 2000 && rc == 0; i++)
        rc = hv_nt_nmfeed(nm, hv_nt_names3, sizeof hv_nt_names3);
    if (rc == 0)
        rc = hm_ov_names_finish(nm);
    count = hm_ov_names_count(nm);
    hm_ov_names_close(nm);
    if (rc)
        return hv_logfail(c, "the parser failed");
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    HV_EQ(c, "HMG0514E", hv_nt_logn("HMG0514E MEA NAMES record "), 1);
    HV_EQ(c, "messages logged", hv_nt_nlog, 1);
    HV_TRUE(c, "every entry read", count < 2000);
    return 1;
}

/* test_names_junk: random records of colons, periods, blanks and
 * ":nick.": no crash */
static int hv_nt_v_nmjunk(hv_ctx *c)
{
    static unsigned char b[200];
    hm_ov_names *nm = hv_nt_nmopen(c, 0, NULL);
    unsigned long seed = 3, r;
    size_t n, k;
    int i, rc = 0;
    if (!nm)
        return hv_logfail(c, "no parser");
    rc |= hm_ov_names_finish(nm);
    hm_ov_names_close(nm);
    HV_EQ(c, "an empty file", rc, 0);
    nm = hv_nt_nmopen(c, 0, NULL);
    if (!nm)
        return hv_logfail(c, "no parser");
    for (i = 0; i < 500; i++) {
        n = (size_t)(hv_nt_rnd(&seed) % 200u);
        for (k = 0; k < n; k++) {
            r = hv_nt_rnd(&seed);
            switch ((r >> 16) % 5u) {
            case 0: b[k] = 0x7A; break;     /* : */
            case 1: b[k] = 0x4B; break;     /* . */
            case 2: b[k] = 0x40; break;     /* blank */
            default: b[k] = (unsigned char)(r >> 8); break;
            }
        }
        if (i % 7 == 0 && n > 6) {
            b[0] = 0x7A;                    /* :nick. */
            b[1] = 0x95;
            b[2] = 0x89;
            b[3] = 0x83;
            b[4] = 0x92;
            b[5] = 0x4B;
        }
        rc |= hm_ov_names_record(nm, b, n);
    }
    rc |= hm_ov_names_finish(nm);
    if (rc == 0)
        rc = hm_ov_names_pab(nm, hv_nt_pabfn, NULL);
    hm_ov_names_close(nm);
    if (rc)
        return hv_logfail(c, "the parser failed");
    HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
    HV_TRUE(c, "no entry", hv_nt_cap.np > 0);
    return 1;
}

/* Storage running out at each allocation of hv_nt_v_nmpab in turn */
static int hv_nt_v_nmstor(hv_ctx *c)
{
    hm_ov_names *nm;
    size_t k, calls = 0;
    int rc;
    for (k = 0; k == 0 || k <= calls; k++) {
        nm = hv_nt_nmopen(c, k, NULL);
        rc = -1;
        if (nm) {
            rc = hv_nt_nmfeed(nm, hv_nt_names, sizeof hv_nt_names);
            if (rc == 0)
                rc = hm_ov_names_finish(nm);
            if (rc == 0)
                rc = hm_ov_names_pab(nm, hv_nt_pabfn, NULL);
            hm_ov_names_close(nm);
        }
        HV_EQ(c, "blocks not released", hv_nt_r.ca.live, 0);
        if (k == 0) {
            if (rc)
                return hv_logfail(c, "the parser failed");
            HV_EQ(c, "PAB items", hv_nt_cap.np, 8);
            calls = hv_nt_r.ca.calls;
            HV_TRUE(c, "fewer than 3 allocations", calls >= 3);
            continue;
        }
        HV_EQ(c, "parsed without its storage", rc, -1);
        if (!hv_logged("HMG0503S MEA NAMES: not enough storage for "
                       "the OV/VM parser ("))
            return hv_logfail(c, "no HMG0503S");
        HV_TRUE(c, "all items handed out", hv_nt_cap.np < 8);
    }
    return 1;
}

/* ---- documents ---- */

static struct {
    unsigned char d[4096];
    size_t n;
    int fail_at;    /* > 0: the write that fails */
    int calls, over;
} hv_nt_ob;

static int hv_nt_obw(void *ctx, const unsigned char *b, size_t n)
{
    (void)ctx;
    hv_nt_ob.calls++;
    if (hv_nt_ob.fail_at && hv_nt_ob.calls >= hv_nt_ob.fail_at)
        return 1;
    if (n > sizeof hv_nt_ob.d - hv_nt_ob.n) {
        hv_nt_ob.over = 1;
        return 1;
    }
    memcpy(hv_nt_ob.d + hv_nt_ob.n, b, n);
    hv_nt_ob.n += n;
    return 0;
}

/* Convert a stream fed in pieces of step bytes: 0, or -1 when a call
 * failed. The text is in hv_nt_ob. */
static int hv_nt_dca(hm_cpconv *cv, const unsigned char *p, size_t n,
                     int kind, int flags, size_t step, hm_log *lg)
{
    hm_dca d;
    size_t i;
    int rc = 0;
    memset(&hv_nt_ob, 0, sizeof hv_nt_ob);
    hm_dca_init(&d, kind, flags, cv, hv_nt_obw, NULL, lg, "DOC RFT");
    for (i = 0; i < n; i += step)
        if (hm_dca_feed(&d, p + i, n - i < step ? n - i : step) != 0)
            rc = -1;
    if (hm_dca_finish(&d) != 0)
        rc = -1;
    return rc;
}

/* test_rft_text: the sample at every feed size */
static int hv_nt_v_rft(hv_ctx *c)
{
    hm_cpconv *cv = hv_nt_setup(c, 0, 37);
    size_t step;
    if (hv_nt_r.rc)
        return hv_fail(c, "no converter for the code page");
    for (step = 1; step <= sizeof hv_nt_rft; step++) {
        HV_EQ(c, "rc", hv_nt_dca(cv, hv_nt_rft, sizeof hv_nt_rft,
                                 HM_DOC_RFT, 0, step, &hv_nt_r.lg), 0);
        if (!hv_memeq(c, "text", hv_nt_ob.d, hv_nt_ob.n, hv_nt_u_rft,
                      sizeof hv_nt_u_rft)) {
            hv_cat(c->detail, HV_DETCAP, " (feeding ");
            hv_catu(c->detail, HV_DETCAP, (unsigned long)step);
            hv_cat(c->detail, HV_DETCAP, " bytes at a time)");
            return 0;
        }
    }
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    return 1;
}

/* the margin text first; page ends as line ends */
static int hv_nt_v_rftflags(hv_ctx *c)
{
    hm_cpconv *cv = hv_nt_setup(c, 0, 37);
    size_t i;
    if (hv_nt_r.rc)
        return hv_fail(c, "no converter for the code page");
    /* the TUP came before the margin text: "Hdr" runs into the body */
    HV_EQ(c, "rc", hv_nt_dca(cv, hv_nt_rft, sizeof hv_nt_rft,
                             HM_DOC_RFT, HM_DCA_MARGIN, 7, &hv_nt_r.lg), 0);
    HV_TRUE(c, "text with the margin", hv_nt_ob.n >= 3);
    HV_MEM(c, "margin text", hv_nt_ob.d, 3, hv_nt_u_hdr,
           sizeof hv_nt_u_hdr);
    HV_MEM(c, "text after it", hv_nt_ob.d + 3, hv_nt_ob.n - 3, hv_nt_u_rft,
           sizeof hv_nt_u_rft);
    HV_EQ(c, "rc", hv_nt_dca(cv, hv_nt_rft, sizeof hv_nt_rft,
                             HM_DOC_RFT, HM_DCA_NOFF, 100, &hv_nt_r.lg), 0);
    HV_EQ(c, "bytes without form feeds", hv_nt_ob.n,
          sizeof hv_nt_u_rft - 2);
    for (i = 0; i < hv_nt_ob.n; i++)
        HV_TRUE(c, "a form feed", hv_nt_ob.d[i] != 0x0C);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    return 1;
}

/* test_rft_damaged */
static int hv_nt_v_rftbad(hv_ctx *c)
{
    static unsigned char bad[sizeof hv_nt_rft], big[3000];
    hm_cpconv *cv = hv_nt_setup(c, 0, 37);
    hm_dca d;
    int rc;
    if (hv_nt_r.rc)
        return hv_fail(c, "no converter for the code page");
    /* a length below 5: the rest is not converted */
    memcpy(bad, hv_nt_rft, sizeof bad);
    bad[23] = 0x00;
    bad[24] = 0x03;
    hv_nt_dca(cv, bad, sizeof bad, HM_DOC_RFT, 0, 5, &hv_nt_r.lg);
    if (!hv_logged("HMG0520W DOC RFT: the structured field at byte "
                   "offset 23 has the invalid length 3; the rest of the "
                   "document is not converted"))
        return hv_logfail(c, "no HMG0520W");
    HV_EQ(c, "text after a bad length", hv_nt_ob.n, 0);
    /* cut inside the body text */
    hv_nt_log(&hv_nt_r.lg);
    hv_nt_dca(cv, hv_nt_rft, 41, HM_DOC_RFT, 0, 41, &hv_nt_r.lg);
    if (!hv_logged("HMG0522W DOC RFT: the document ends inside a "
                   "structured field or text control at byte offset 41"))
        return hv_logfail(c, "no HMG0522W");
    HV_MEM(c, "text of a cut document", hv_nt_ob.d, hv_nt_ob.n,
           hv_nt_u_hello, sizeof hv_nt_u_hello);
    /* a multi-byte control with count 1 */
    hv_nt_log(&hv_nt_r.lg);
    hv_nt_dca(cv, hv_nt_badctl, sizeof hv_nt_badctl, HM_DOC_RFT, 0, 3,
              &hv_nt_r.lg);
    if (!hv_logged("HMG0521W DOC RFT: the text control at byte offset "))
        return hv_logfail(c, "no HMG0521W");
    HV_MEM(c, "text around a bad control", hv_nt_ob.d, hv_nt_ob.n,
           hv_nt_u_AB, sizeof hv_nt_u_AB);
    /* a writer that fails */
    memset(&hv_nt_ob, 0, sizeof hv_nt_ob);
    hv_nt_ob.fail_at = 1;
    memset(big, 0xC1, sizeof big);
    hm_dca_init(&d, HM_DOC_FFT, 0, cv, hv_nt_obw, NULL, &hv_nt_r.lg, NULL);
    rc = hm_dca_feed(&d, big, sizeof big);
    HV_EQ(c, "feed to a failing writer", rc, -1);
    HV_EQ(c, "feed after a failure", hm_dca_feed(&d, big, 1), -1);
    return 1;
}

/* test_fft_and_junk */
static int hv_nt_v_fft(hv_ctx *c)
{
    static unsigned char junk[2048];
    hm_cpconv *cv = hv_nt_setup(c, 0, 37);
    unsigned long seed = 11;
    size_t i;
    if (hv_nt_r.rc)
        return hv_fail(c, "no converter for the code page");
    HV_EQ(c, "rc", hv_nt_dca(cv, hv_nt_fft, sizeof hv_nt_fft, HM_DOC_FFT,
                             0, 2, &hv_nt_r.lg), 0);
    HV_MEM(c, "FFT text", hv_nt_ob.d, hv_nt_ob.n, hv_nt_u_fft,
           sizeof hv_nt_u_fft);
    HV_EQ(c, "messages logged", hv_nt_nlog, 0);
    for (i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(hv_nt_rnd(&seed) >> 16);
    hv_nt_dca(cv, junk, sizeof junk, HM_DOC_RFT, HM_DCA_MARGIN, 2048,
              &hv_nt_r.lg);
    HV_TRUE(c, "more text than the capture", !hv_nt_ob.over);
    hv_nt_dca(NULL, junk, 1000, HM_DOC_FFT, 0, 1000, &hv_nt_r.lg);
    HV_TRUE(c, "more text than the capture", !hv_nt_ob.over);
    return 1;
}

/* test_doc_kind */
static int hv_nt_v_kind(hv_ctx *c)
{
    static const unsigned char rft[5] = { 0x00, 0x05, 0xE1, 0x03, 0x00 };
    static const unsigned char txt[4] = { 0xC1, 0x40, 0xC2, 0xC3 };
    static const unsigned char bin[8] = { 1, 2, 3, 4, 0, 0x1F, 0x10, 3 };
    static const hm_doc_ft mine[1] = { { "MYDOC", HM_DOC_RFT } };
    HV_EQ(c, "RFT", hm_doc_kind("RFT", txt, 4, NULL, 0), HM_DOC_RFT);
    HV_EQ(c, "rft", hm_doc_kind("rft", txt, 4, NULL, 0), HM_DOC_RFT);
    HV_EQ(c, "SCRIPT", hm_doc_kind("SCRIPT", txt, 4, NULL, 0),
          HM_DOC_SCRIPT);
    HV_EQ(c, "FFT", hm_doc_kind("FFT", txt, 4, NULL, 0), HM_DOC_FFT);
    HV_EQ(c, "DOCUMENT, RFT data", hm_doc_kind("DOCUMENT", rft, 5, NULL,
                                               0), HM_DOC_RFT);
    HV_EQ(c, "DOCUMENT, text", hm_doc_kind("DOCUMENT", txt, 4, NULL, 0),
          HM_DOC_TEXT);
    HV_EQ(c, "XYZ, binary", hm_doc_kind("XYZ", bin, 8, NULL, 0),
          HM_DOC_BINARY);
    HV_EQ(c, "no filetype", hm_doc_kind(NULL, rft, 5, NULL, 0),
          HM_DOC_RFT);
    HV_EQ(c, "MODULE", hm_doc_kind("MODULE", txt, 4, NULL, 0),
          HM_DOC_BINARY);
    /* a table of one's own replaces the built-in one */
    HV_EQ(c, "MYDOC", hm_doc_kind("MYDOC", txt, 4, mine, 1), HM_DOC_RFT);
    HV_EQ(c, "RFT, own table", hm_doc_kind("RFT", txt, 4, mine, 1),
          HM_DOC_TEXT);
    return 1;
}

/* test_text_record */
static int hv_nt_v_textrec(hv_ctx *c)
{
    static const unsigned char rec[4] = { 0x81, 0x82, 0x15, 0x83 };
    unsigned char out[16];
    hm_cpconv *cv = hv_nt_setup(c, 0, 37);
    size_t n;
    if (hv_nt_r.rc)
        return hv_fail(c, "no converter for the code page");
    n = hm_doc_text_record(cv, rec, 4, out);
    HV_MEM(c, "text record", out, n, hv_nt_u_abc, sizeof hv_nt_u_abc);
    n = hm_doc_text_record(NULL, out, 2, out + 8);
    HV_MEM(c, "UTF-8 record", out + 8, n, hv_nt_u_ab_lf,
           sizeof hv_nt_u_ab_lf);
    return 1;
}

/* ---- the group ---- */

#define HV_NT_NFIX 26

/* how many strings a length-prefixed table holds */
static int hv_nt_lpn(const unsigned char *t, size_t tn)
{
    size_t k = 0;
    int n = 0;
    while (k < tn) {
        k += 1u + t[k];
        n++;
    }
    return n;
}

static int hv_note(hv_ctx *c, int i)
{
    static const char *const fn[HV_NT_NFIX] = {
        "note CMS NOTE as a reader mail file (CCSID 037)",
        "note mail file from a record source; an empty one",
        "note notebook: 3 notes, separators, continuations, owner",
        "note a Date: block in a body; need_sep",
        "note separators first, keep_header, a header-only note",
        "note raw-note fallback and a note without a date",
        "note German note in CCSID 273 with umlauts",
        "note a note over max_note split into parts",
        "note UTF-8 records; the callback stops",
        "note junk records: raw note, no crash",
        "note notebook: storage exhausted at each allocation",
        "note dates with options: pivot, zone shift",
        "note 100 addresses; a text buffer too small",
        "note folder names, x2a, a2x",
        "note another reader file as a message",
        "note NAMES entries, tags, lookups, notebooks",
        "note NAMES to PAB entries and nested lists",
        "note NAMES duplicate nickname, self list, size limit",
        "note NAMES junk records",
        "note NAMES: storage exhausted at each allocation",
        "note DCA RFT to text fed in pieces of every size",
        "note DCA RFT with margin text, without form feeds",
        "note DCA damaged: length, cut, control, failing writer",
        "note DCA FFT to text; junk",
        "note document kinds",
        "note text records"
    };
    const unsigned char *p;
    size_t n;
    if (i < 0)
        return -1;
    if (i < HV_NT_NFIX) {
        hv_name(c, fn[i]);
        if (c->dry)
            return 1;
        switch (i) {
        case 0: return hv_nt_v_cmsnote(c);
        case 1: return hv_nt_v_mailsrc(c);
        case 2: return hv_nt_v_book(c);
        case 3: return hv_nt_v_split(c);
        case 4: return hv_nt_v_edges(c);
        case 5: return hv_nt_v_damaged(c);
        case 6: return hv_nt_v_de(c);
        case 7: return hv_nt_v_large(c);
        case 8: return hv_nt_v_stop(c);
        case 9: return hv_nt_v_junk(c);
        case 10: return hv_nt_v_nbstor(c);
        case 11: return hv_nt_v_dopt(c);
        case 12: return hv_nt_v_amany(c);
        case 13: return hv_nt_v_folder(c);
        case 14: return hv_nt_v_rdr(c);
        case 15: return hv_nt_v_nmentries(c);
        case 16: return hv_nt_v_nmpab(c);
        case 17: return hv_nt_v_nmdup(c);
        case 18: return hv_nt_v_nmjunk(c);
        case 19: return hv_nt_v_nmstor(c);
        case 20: return hv_nt_v_rft(c);
        case 21: return hv_nt_v_rftflags(c);
        case 22: return hv_nt_v_rftbad(c);
        case 23: return hv_nt_v_fft(c);
        case 24: return hv_nt_v_kind(c);
        default: return hv_nt_v_textrec(c);
        }
    }
    i -= HV_NT_NFIX;
    if (hv_nt_lp(hv_nt_dates, sizeof hv_nt_dates, i, &p, &n)) {
        hv_name(c, "note date ");
        hv_nameu(c, (unsigned long)i + 1);
        hv_names(c, " ");
        hv_nt_namea(c, p, n);
        return c->dry ? 1 : hv_nt_v_date(c, i);
    }
    i -= hv_nt_lpn(hv_nt_dates, sizeof hv_nt_dates);
    if (hv_nt_lp(hv_nt_addrs, sizeof hv_nt_addrs, i, &p, &n)) {
        hv_name(c, "note addresses ");
        hv_nameu(c, (unsigned long)i + 1);
        hv_names(c, " ");
        hv_nt_namea(c, p, n);
        return c->dry ? 1 : hv_nt_v_addr(c, i);
    }
    return -1;
}

#endif
