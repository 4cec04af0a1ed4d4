/*
 * ovcal.h - OfficeVision/VM calendars through a declared layout: the
 * schedule items of a layout-driven source (extractors/layout,
 * hm_lsrc.h; e.g. the EXAMPLE layout extractors/ovvm/OVCAL.cpy +
 * OVCAL.prof) added to the accounts of the store walker (ovstore.h),
 * matched by user id. See extractors/ovvm/NOTES.md, "Calendars".
 *
 * The wrapped source gives the store's accounts and items unchanged;
 * after an account's own items come the schedule items of the
 * calendar user with the same id (ASCII letters in any case). Other
 * items of the layout (messages, PAB entries...) are counted and
 * reported, not passed on.
 *
 * Calendar users that are no store account: their items are read,
 * counted and reported (HMG0592W), not extracted; in partition 1 of
 * a partitioned run only (the others do not read them).
 *
 * Order and memory. The calendar data is read forward, one record at
 * a time, when its users come in the store's order (bytewise by user
 * id; an unload sorted in EBCDIC differs where ids hold digits). The
 * items of a calendar user passed on the way to the one wanted, whose
 * account comes later in this run, are held in storage (70 bytes
 * per item plus its texts) while less than cache_max bytes are held
 * (a user's items are held whole: at most cache_max plus one user's
 * calendar); the others are read again from the start of the data
 * sets when their account comes (HMG0597I counts both). Memory: the
 * calendar users (about 50 bytes each), the store's ids (about 90
 * bytes each), the held items and one item of the layout source.
 *
 * Core code: no OS calls; the data sets are reached through the
 * layout source's callbacks.
 */
#ifndef HM_OVCAL_H
#define HM_OVCAL_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_pipeline.h"
#include "hm_settings.h"
#include "../layout/hm_lsrc.h"

typedef struct hm_ovc_cfg {
    const hm_alloc *al;
    hm_log *log;
    hm_lsrc *ls;                /* the calendar data (not owned) */
    const char *const *ids;     /* the store's account ids in its
                                 * order (execution character set) */
    size_t nids;
    hm_settings *set;           /* selection, partition; NULL: all */
    unsigned long cache_max;    /* bytes of held items; 0: 4 MiB */
} hm_ovc_cfg;

typedef struct hm_ovc_stats {
    unsigned long users;        /* user ids of the calendar data */
    unsigned long matched;      /* of them store accounts */
    unsigned long items;        /* schedule items handed on */
    unsigned long accounts;     /* accounts that got some */
    unsigned long unknown;      /* user ids reported as no account */
    unsigned long unknown_items;
    unsigned long ignored[8];   /* items of other kinds (HM_ITEM_*) */
    unsigned long rereads;      /* users read again from the start */
    unsigned long held;         /* users whose items were held */
    unsigned long held_peak;    /* most bytes held at once */
} hm_ovc_stats;

typedef struct hm_ovc hm_ovc;

/* Prepare: reads the calendar users (the layout source's prescan)
 * and matches them with the ids. NULL after a message. */
hm_ovc *hm_ovc_open(const hm_ovc_cfg *c);
/* out: inner's accounts and items, then each account's calendar. ovc
 * keeps a copy of *inner. */
void hm_ovc_source(hm_ovc *c, const hm_pipe_src *inner,
                   hm_pipe_src *out);
const hm_ovc_stats *hm_ovc_stat(const hm_ovc *c);
/* The summary messages (HMG0594W-0597I) and the layout source's. */
void hm_ovc_summary(hm_ovc *c);
void hm_ovc_close(hm_ovc *c);

#endif
