/*
 * hm_item.h - the item model: what an extractor hands to the
 * migration-file writer (migwrite.h) and what the reader
 * (migread.h) hands back.
 *
 * ALL TEXT IN THE MODEL IS UTF-8, whatever the host code page was:
 * the extractor converts host text (hm_cp.h) before building items.
 * Strings are byte ranges (hm_text), not NUL-terminated. Line ends
 * inside multi-line text may be LF, CR or CR LF; the writer turns
 * each into CR LF. Invalid UTF-8 is written as '?' and counted.
 *
 * Times are hm_time: 14 ASCII digits YYYYMMDDHHMMSS in LOCAL time
 * (the migration files have no time zone), d[0] == 0 for "none".
 * Build them with hm_time_set(), never from character literals.
 *
 * Addresses are "TYPE:address" (for example PROFS:NODE(USER),
 * SMTP:a@b.example), the form the Migration Wizard resolves.
 *
 * The model owns nothing: every pointer belongs to the caller and
 * needs to stay valid only during the call that receives the item.
 */
#ifndef HM_ITEM_H
#define HM_ITEM_H

#include "hm_base.h"

/* A UTF-8 byte string. */
typedef struct hm_text {
    const unsigned char *s;
    size_t len;
} hm_text;

/* A 14-digit local date and time (ASCII digits); d[0] == 0: none. */
typedef struct hm_time {
    unsigned char d[14];
} hm_time;

/* Fill t from numbers. Returns 0, or -1 (t cleared) when a value is
 * out of range (year 1601-9999, month 1-12, day valid for the month,
 * hour 0-23, minute and second 0-59). */
int hm_time_set(hm_time *t, unsigned year, unsigned mon, unsigned day,
                unsigned hour, unsigned min, unsigned sec);
/* 1 when t holds a valid date and time, 0 when it is "none", -1 when
 * it is malformed. */
int hm_time_check(const hm_time *t);

/* Bytes of data: in memory (p != NULL), or read from a source. A
 * source is read from its start; rewind (if not NULL) puts it back
 * to the start and returns 0. The writer reads text bodies twice
 * (once to measure, once to write), so a text source needs rewind;
 * raw data (attachments, documents) is read once and must deliver
 * exactly size bytes. utf8 = 1 promises that the text in memory (p)
 * is valid UTF-8, e.g. an hm_cpconv's output, so that the writer
 * need not check it again; 0 (what memset gives): not known. */
typedef struct hm_data {
    const unsigned char *p;
    unsigned long size;
    hm_read_fn read;
    int (*rewind)(void *ctx);
    void *ctx;
    int utf8;
} hm_data;

/* A recipient or sender: display name and/or address. */
typedef struct hm_addr {
    hm_text name;   /* display name */
    hm_text addr;   /* TYPE:address, may be empty */
} hm_addr;

/* An attachment: raw bytes, passed through unchanged. */
typedef struct hm_attach {
    hm_text name;       /* file name (required; one is made up if
                         * empty) */
    hm_data data;
    long position;      /* byte offset in the first body part's
                         * UTF-8 text where the icon goes; -1: end */
    int macbinary;      /* 1: Format Macbinary */
} hm_attach;

#define HM_PRIO_LOW (-1)
#define HM_PRIO_NORMAL 0
#define HM_PRIO_HIGH 1

/* A mail message, or a public-folder message when the current
 * account is the public-folder pseudo account (hm_account.public).
 * folder is the folder path, outermost first; nfolder == 0 means the
 * Inbox (for public folders: the top level). */
typedef struct hm_message {
    const hm_text *folder;
    size_t nfolder;
    hm_addr sender;
    const hm_addr *to;
    size_t nto;
    const hm_addr *cc;
    size_t ncc;
    const hm_addr *bcc;
    size_t nbcc;
    hm_text subject;    /* one line; line ends become blanks */
    hm_time sent;
    hm_time received;
    int priority;       /* HM_PRIO_* */
    int unread;         /* 1: not read yet */
    int unsent;         /* 1: not sent (a draft) */
    const hm_data *body;    /* text body parts, UTF-8; may be 0 */
    size_t nbody;
    const hm_attach *att;
    size_t natt;
} hm_message;

/* A further part of a free document (another form of it, e.g. its
 * text beside the original). */
typedef struct hm_docpart {
    hm_text name;       /* file name, as hm_document.name */
    hm_data data;       /* raw bytes, passed through unchanged */
} hm_docpart;

/* A free document: a file stored in a folder, not attached to a
 * message (PROFS documents, for example). */
typedef struct hm_document {
    const hm_text *folder;
    size_t nfolder;
    hm_text name;       /* file name; needs an extension a viewer
                         * knows: ".TXT" is added when it has none */
    hm_addr author;
    hm_time date;
    hm_data data;       /* raw bytes, passed through unchanged */
    const hm_docpart *more; /* further parts, written as Document
                             * sections after the first (may be 0) */
    size_t nmore;
} hm_document;

/* Personal address book: an entry or a personal distribution list.
 * The fields are those of the PAB section, in order after
 * Obj-class. For a list only DISPLAY, NOTE and the members count. */
enum hm_pab_field {
    HM_PAB_DISPLAY = 0, HM_PAB_EMAIL, HM_PAB_FIRST, HM_PAB_LAST,
    HM_PAB_ADDRESS, HM_PAB_CITY, HM_PAB_STATE, HM_PAB_ZIP,
    HM_PAB_COUNTRY, HM_PAB_TITLE, HM_PAB_COMPANY, HM_PAB_DEPARTMENT,
    HM_PAB_OFFICE, HM_PAB_ASSISTANT, HM_PAB_BUS, HM_PAB_BUS2,
    HM_PAB_ASSIST_NUM, HM_PAB_FAX, HM_PAB_HOME, HM_PAB_HOME2,
    HM_PAB_MOBILE, HM_PAB_PAGER, HM_PAB_NOTE,
    HM_PAB_NFIELDS
};

typedef struct hm_pab {
    int is_dl;                      /* 0: entry, 1: list */
    hm_text f[HM_PAB_NFIELDS];      /* entry fields (EMAIL: TYPE:addr;
                                     * none: "USER: name" is used) */
    const hm_text *members;         /* list: members' display names
                                     * or addresses */
    size_t nmembers;
} hm_pab;

/* Calendar items. */
#define HM_CAL_APPT 1
#define HM_CAL_EVENT 2
#define HM_CAL_TASK 3

/* Recurrence, in Schedule+ terms (RecurringType). */
#define HM_REC_YEARLY_DAY 7
#define HM_REC_MONTHLY_DAY 12
#define HM_REC_WEEKLY 48
#define HM_REC_YEARLY_PATTERN 51
#define HM_REC_MONTHLY_PATTERN 56
#define HM_REC_DAILY 64

typedef struct hm_recur {
    int type;                   /* HM_REC_* */
    unsigned interval;          /* days/weeks/months/years between */
    unsigned long dow_mask;     /* Sunday bit 0 .. Saturday bit 6 */
    unsigned long dom_mask;     /* day 1 bit 0 .. day 31 bit 30 */
    unsigned long moy_mask;     /* January bit 0 .. December bit 11 */
    unsigned week;              /* week of month for the patterns */
    unsigned week_start;        /* 0 Sunday .. 6 */
    hm_time first;              /* first day of the series (date) */
    hm_time last;               /* last day; none: open-ended */
    const hm_time *deleted;     /* instances removed from the series */
    size_t ndeleted;
} hm_recur;

typedef struct hm_calitem {
    int kind;                   /* HM_CAL_* */
    hm_text text;               /* description shown in the calendar */
    hm_text where;              /* appointments */
    hm_text notes;              /* attendees go here, ';'-separated */
    hm_time start;              /* appt: date+time; event, task: date;
                                 * recurring: times of the instance */
    hm_time end;
    int busy;                   /* appointments: 1 busy, 0 tentative */
    int ring;                   /* alarm set */
    unsigned alarm_amount;
    int alarm_unit;             /* 0 min, 1 hour, 2 day, 3 week,
                                 * 4 month */
    hm_text task_priority;      /* tasks: "1".."9", "A".."Z", "A1" */
    unsigned percent;           /* tasks: percent completed */
    hm_time completed;          /* tasks: date completed */
    const hm_recur *recur;      /* NULL: a single item */
} hm_calitem;

/* Directory objects (the DIRECTORY section). */
#define HM_DIR_MAILBOX 1
#define HM_DIR_REMOTE 2         /* custom recipient / contact */
#define HM_DIR_DL 3             /* distribution list */

typedef struct hm_dirobj {
    int cls;                    /* HM_DIR_* */
    hm_text common_name;        /* alias; also the NT account name */
    hm_text display_name;
    hm_text surname;
    hm_text given_name;
    hm_text source_addr;        /* TYPE:address in the source system;
                                 * links the object to its data */
    hm_text target_addr;        /* remote: where mail goes */
    hm_text home_server;        /* mailbox: empty gives ~Server */
    const hm_text *members;     /* DL: members' common names */
    size_t nmembers;
} hm_dirobj;

/* An account: a mailbox whose data follows, or the public-folder
 * pseudo account (public = 1; its messages are public-folder
 * messages). */
typedef struct hm_account {
    hm_text id;                 /* host user id; names the files */
    hm_text address;            /* TYPE:address (section titles) */
    hm_text display_name;       /* owner, for schedule messages */
    int public;
} hm_account;

/* One item of the stream. */
#define HM_ITEM_ACCOUNT 1
#define HM_ITEM_MESSAGE 2
#define HM_ITEM_DOCUMENT 3
#define HM_ITEM_PAB 4
#define HM_ITEM_CAL 5
#define HM_ITEM_DIROBJ 6

typedef struct hm_item {
    int kind;                   /* HM_ITEM_* */
    union {
        hm_account account;
        hm_message msg;
        hm_document doc;
        hm_pab pab;
        hm_calitem cal;
        hm_dirobj dir;
    } u;
} hm_item;

#endif
