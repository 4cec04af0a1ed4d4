      *================================================================
      * MEMOEX.cpy - AN EXAMPLE of how the unloaded records of a
      * Verimation MEMO store can be described for hostmig.
      *
      * Verimation never published MEMO's record layouts. These are
      * NOT MEMO's records: they are a made-up example of the
      * structure (the records hostmig's tests generate with
      * tests/gen/memogen.py). Before use, replace or check every
      * field against the site's own record descriptions (the
      * copybooks of the MEMO installation, or a dump of the unloaded
      * records looked at with memoext --inspect).
      *
      * Data sets (IDCAMS REPRO of each KSDS into a RECFM=VB data
      * set; records in key order):
      *   MIGUSRL   user list       MEMO-USER
      *   MAIL      mail base       MEMO-FOLDER, MEMO-HDR, MEMO-TEXT,
      *                             MEMO-CHUNK, MEMO-PAB, MEMO-DL,
      *                             MEMO-MEMBER, MEMO-CAL
      *   BBOARD    bulletin boards MEMO-BB, MEMO-TEXT
      *   DIRECT    directory       MEMO-DIR, MEMO-SDL, MEMO-MEMBER
      * Every record starts with the key MEMO-KEY: owner (user id,
      * board or list name), section, item number, part, sequence.
      *================================================================
       01  MEMO-KEY.
           05 KEY-OWNER            PIC X(8).
           05 KEY-SECT             PIC X.
              88 SECT-CONTROL      VALUE LOW-VALUE.
              88 SECT-USER         VALUE '0'.
              88 SECT-FOLDER       VALUE '1'.
              88 SECT-MAIL         VALUE '2'.
              88 SECT-PAB          VALUE '3'.
              88 SECT-DLIST        VALUE '4'.
              88 SECT-CALENDAR     VALUE '5'.
              88 SECT-SHARED-DL    VALUE '7'.
              88 SECT-BBOARD       VALUE '8'.
              88 SECT-DIRECTORY    VALUE '9'.
           05 KEY-ITEM             PIC 9(6).
           05 KEY-PART             PIC X.
              88 PART-HEAD         VALUE '0'.
              88 PART-TEXT         VALUE '1'.
              88 PART-DATA         VALUE '2'.
           05 KEY-SEQ              PIC 9(3).
      * the user list (MIGUSRL): one record per MEMO user
       01  MEMO-USER.
           05 FILLER               PIC X(19).
           05 USR-NAME             PIC X(40).
           05 USR-DGN              PIC X(8).
           05 USR-DEPT             PIC X(20).
      * a folder of the filed mail (KEY-ITEM is its number)
       01  MEMO-FOLDER.
           05 FILLER               PIC X(19).
           05 FLD-NAME             PIC X(30).
           05 FLD-PARENT           PIC 9(6).
      * a message: in-basket (I), out-basket (O), filed (F) or a
      * binary file (B) with its data in MEMO-CHUNK records
       01  MEMO-HDR.
           05 FILLER               PIC X(19).
           05 HDR-BOX              PIC X.
           05 HDR-FOLDER           PIC 9(6).
           05 HDR-FROM             PIC X(17).
           05 HDR-DATE             PIC 9(8).
           05 HDR-TIME             PIC 9(6).
           05 HDR-STATUS           PIC X.
           05 HDR-PRIO             PIC X.
           05 HDR-SUBJECT          PIC X(60).
           05 HDR-NTO              PIC 9(2).
           05 HDR-NCC              PIC 9(2).
           05 HDR-TO               PIC X(17) OCCURS 0 TO 20
                                   DEPENDING ON HDR-NTO.
           05 HDR-CC               PIC X(17) OCCURS 0 TO 20
                                   DEPENDING ON HDR-NCC.
      * text lines of a message, calendar entry or bulletin
       01  MEMO-TEXT.
           05 FILLER               PIC X(19).
           05 TXT-NLINES           PIC 9(2).
           05 TXT-LINE             PIC X(72) OCCURS 1 TO 30
                                   DEPENDING ON TXT-NLINES.
      * a piece of a binary file
       01  MEMO-CHUNK.
           05 FILLER               PIC X(19).
           05 BIN-NAME             PIC X(44).
           05 BIN-LEN              PIC S9(4) COMP.
           05 BIN-DATA.
              10 BIN-BYTE          PIC X OCCURS 1 TO 4000
                                   DEPENDING ON BIN-LEN.
      * a personal address book entry
       01  MEMO-PAB.
           05 FILLER               PIC X(19).
           05 PAB-NICK             PIC X(8).
           05 PAB-NAME             PIC X(40).
           05 PAB-DGN              PIC X(8).
           05 PAB-DEN              PIC X(8).
           05 PAB-PHONE            PIC X(16).
           05 PAB-ORG              PIC X(30).
           05 PAB-NOTE             PIC X(60).
      * a distribution list: personal (section 4, in MAIL) or shared
      * (section 7, in DIRECT); members inline and in MEMO-MEMBER
       01  MEMO-DL.
           05 FILLER               PIC X(19).
           05 DL-NAME              PIC X(30).
           05 DL-DESC              PIC X(60).
           05 DL-NMEM              PIC 9(2).
           05 DL-MEM               PIC X(40) OCCURS 0 TO 20
                                   DEPENDING ON DL-NMEM.
       01  MEMO-MEMBER.
           05 FILLER               PIC X(19).
           05 MBR-NAME             PIC X(40).
           05 MBR-ADDR             PIC X(17).
      * a calendar entry: a meeting (A) with TOD-clock start and end,
      * or an all-day event (E) on CAL-DAY
       01  MEMO-CAL.
           05 FILLER               PIC X(19).
           05 CAL-KIND             PIC X.
           05 CAL-START            PIC X(8).
           05 CAL-END              PIC X(8).
           05 CAL-DAY              PIC 9(8).
           05 CAL-SUBJECT          PIC X(60).
           05 CAL-PLACE            PIC X(30).
           05 CAL-STATUS           PIC X.
           05 CAL-ORGANIZER        PIC X(17).
           05 CAL-NATT             PIC 9(2).
           05 CAL-ATTENDEE         PIC X(17) OCCURS 0 TO 10
                                   DEPENDING ON CAL-NATT.
      * a bulletin-board message (KEY-OWNER is the board)
       01  MEMO-BB.
           05 FILLER               PIC X(19).
           05 BB-TITLE             PIC X(30).
           05 BB-FROM              PIC X(17).
           05 BB-DATE              PIC 9(8).
           05 BB-TIME              PIC 9(6).
           05 BB-SUBJECT           PIC X(60).
      * a SNADS directory entry: DEN (user) at DGN (node)
       01  MEMO-DIR.
           05 FILLER               PIC X(19).
           05 DIR-DEN              PIC X(8).
           05 DIR-DGN              PIC X(8).
           05 DIR-NAME             PIC X(40).
           05 DIR-DEPT             PIC X(20).
           05 DIR-PHONE            PIC X(16).
           05 DIR-TITLE            PIC X(30).
