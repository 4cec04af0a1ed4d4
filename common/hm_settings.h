/*
 * hm_settings.h - the extraction settings: Microsoft's batch control
 * file for source extractors (keyword,value lines), the accounts
 * file, and the same settings as command-line options.
 *
 * CHARACTER SET. The control file and the accounts file are files a
 * user edits on the host (XEDIT, ISPF) or on the PC. The program
 * reads them as text, so they reach the parser in the EXECUTION
 * character set (EBCDIC on z/OS and CMS, ASCII here), exactly like
 * the command-line options. The parser therefore compares them with
 * ordinary string and character literals, which are in the same
 * character set; letters are matched through the two literal
 * alphabets, never by arithmetic. Account ids are converted to
 * ASCII (the 95 printable characters) when they are stored, so that
 * they can be compared with the UTF-8 ids of the item model.
 *
 * Control file (docs: exchange-migration-files.md section 10), one
 * "keyword,value" per line, keywords in any order and any case,
 * blanks around keyword and value ignored, a value may be enclosed
 * in double quotes; blank lines and lines starting with * or ! are
 * comments:
 *   Accounts,FILE          the accounts file (no list: every account
 *                          the source has)
 *   File,NAME.PKL          the packing list to create (8.3 name)
 *   Mailbox,TRUE|FALSE     create mailboxes (default TRUE)
 *   Remote,TRUE|FALSE      create custom recipients instead (default
 *                          FALSE; Remote,TRUE alone turns Mailbox
 *                          off; both TRUE is an error)
 *   Email,Public,PAB,Schedule,TRUE|FALSE   item classes (TRUE)
 *   EmailStart,EmailEnd    YYYYMMDDHHMMSS (or YYYYMMDD): messages and
 *   SchedStart,SchedEnd    calendar items outside are skipped; in a
 *                          control file always in pairs
 *   LogLevel,Verbose|Normal
 * hostmig additions (same forms as the options below):
 *   Status,FILE  Report,NAME.CSV  Partition,K/N  SecLimit,BYTES
 *   CodePage,65001|1252|850
 *
 * Accounts file: one account per line, its first word is the id (the
 * rest of the line is ignored: room for a remark); a trailing * makes
 * a prefix (SALES*). Lines starting with * or ! are comments. Ids are
 * matched without regard to the case of A-Z.
 *
 * Precedence: a command-line option wins over the control file,
 * whatever the order in which they are applied.
 */
#ifndef HM_SETTINGS_H
#define HM_SETTINGS_H

#include "hm_base.h"
#include "hm_msg.h"
#include "hm_item.h"

#define HM_SET_PATHMAX 260      /* file names, incl. the terminator */
#define HM_SET_IDMAX 64         /* characters of an account id */

/* keys (control-file keywords) */
enum hm_set_key {
    HM_SK_ACCOUNTS = 0, HM_SK_FILE, HM_SK_MAILBOX, HM_SK_REMOTE,
    HM_SK_EMAIL, HM_SK_PUBLIC, HM_SK_PAB, HM_SK_SCHEDULE,
    HM_SK_EMAILSTART, HM_SK_EMAILEND, HM_SK_SCHEDSTART, HM_SK_SCHEDEND,
    HM_SK_LOGLEVEL, HM_SK_STATUS, HM_SK_REPORT, HM_SK_PARTITION,
    HM_SK_SECLIMIT, HM_SK_CODEPAGE,
    HM_SK_N
};

/* an entry of the accounts list (ASCII, upper case) */
typedef struct hm_set_acct {
    unsigned char *id;
    size_t len;
    unsigned long line;
    int wild;                   /* 1: prefix (a trailing *) */
    int seen;                   /* matched by an account */
} hm_set_acct;

typedef struct hm_settings {
    hm_alloc al;
    /* the values; strings are in the execution character set */
    char control[HM_SET_PATHMAX];   /* --control: read by the program */
    char accounts[HM_SET_PATHMAX];  /* "" : every account */
    char file[13];                  /* "" : MIGRATE.PKL */
    char status[HM_SET_PATHMAX];    /* "" : no status file */
    char report[13];                /* "" : the PKL name with .CSV */
    int no_report;
    int mailbox, remote;
    int email, pub, pab, schedule;
    hm_time email_start, email_end; /* ASCII digits; none: open */
    hm_time sched_start, sched_end;
    int verbose;
    unsigned part_k, part_n;        /* partition K of N (1/1) */
    unsigned long sec_limit;        /* 0: the writer's default */
    unsigned codepage;              /* 0: the writer's default */
    /* where each key was set: 0 default, 1 control file, 2 option */
    unsigned char src[HM_SK_N];
    unsigned long line[HM_SK_N];    /* its control-file line */
    char ctlname[HM_SET_PATHMAX];   /* the control file, for messages */
    /* the accounts list */
    int have_list;
    hm_set_acct *acct;
    size_t nacct, capacct;
    size_t *order;                  /* exact ids, sorted (lazily) */
    size_t norder;
    int sorted;
    unsigned long errors;           /* bad lines and values so far */
} hm_settings;

/* Defaults: every class TRUE, Mailbox TRUE, Remote FALSE, partition
 * 1/1. a is the allocator for the accounts list. */
void hm_set_init(hm_settings *s, const hm_alloc *a);
void hm_set_free(hm_settings *s);

/* A whole control file in memory (lines end with the execution
 * character set's \n or \r), or one line (record) of it at a time.
 * fname names it in messages. Bad lines are reported (file and line
 * number), counted in s->errors and skipped. Returns 0, or -1 when
 * this call found an error. */
int hm_set_control(hm_settings *s, const char *fname, const char *buf,
                   size_t len, hm_log *log);
int hm_set_control_line(hm_settings *s, const char *fname,
                        unsigned long lineno, const char *line,
                        size_t len, hm_log *log);

/* The accounts file, the same way. */
int hm_set_accounts(hm_settings *s, const char *fname, const char *buf,
                    size_t len, hm_log *log);
int hm_set_account_line(hm_settings *s, const char *fname,
                        unsigned long lineno, const char *line,
                        size_t len, hm_log *log);

/* Command-line options. Looks at argv[*i]: returns 1 when it is one
 * of the options below (*i then indexes its value, if it has one),
 * 0 when it is not, -1 after a message when its value is missing or
 * not valid. */
int hm_set_option(hm_settings *s, int argc, char **argv, int *i,
                  hm_log *log);

/* The option table, for --help; ends with name == NULL. */
typedef struct hm_set_optdesc {
    const char *name;           /* "--accounts" */
    const char *arg;            /* "FILE"; NULL: a flag */
    const char *help;           /* one line */
    int key;                    /* HM_SK_* (internal) */
    int mode;                   /* internal */
} hm_set_optdesc;

const hm_set_optdesc *hm_set_optlist(void);

/* After the control file, the accounts file and the options: the
 * cross checks (start/end pairs of the control file, start after
 * end, Mailbox with Remote, an empty accounts list). Returns 0, or
 * -1 when any error was found so far (s->errors). */
int hm_set_check(hm_settings *s, hm_log *log);

/* 1 when the account with UTF-8 id (n bytes) is selected by the
 * accounts list (always 1 without a list); marks the entry seen. */
int hm_set_selected(hm_settings *s, const unsigned char *id, size_t n);

#endif
