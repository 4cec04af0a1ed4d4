      *================================================================
      * MEMOEX2.cpy - a SECOND example layout of the same example MEMO
      * store as extractors/memo/MEMOEX.cpy (tests/gen/memogen.py
      * --layout 2). NOT MEMO's real records. It shows that a changed
      * layout needs only a changed copybook and profile:
      *   - the record type is a binary code (REC-CODE), not the
      *     section and part characters of the key;
      *   - fields in another order;
      *   - dates as packed Julian CYYDDD (S9(7) COMP-3), times packed,
      *     calendar stamps as zoned YYYYMMDDHHMMSS instead of STCK;
      *   - code page 273 instead of 037 (the profile says so).
      *================================================================
       01  MEMO2-KEY.
           05 KEY2-OWNER           PIC X(8).
           05 KEY2-ITEM            PIC S9(7) COMP-3.
           05 KEY2-SEQ             PIC S9(4) COMP.
           05 REC-CODE             PIC S9(4) COMP.
              88 REC-CONTROL       VALUE 0.
              88 REC-USER          VALUE 10.
              88 REC-FOLDER        VALUE 11.
              88 REC-INBASKET      VALUE 21.
              88 REC-OUTBASKET     VALUE 22.
              88 REC-FILED         VALUE 23.
              88 REC-BINFILE       VALUE 24.
              88 REC-TEXT          VALUE 31.
              88 REC-CHUNK         VALUE 32.
              88 REC-PAB           VALUE 40.
              88 REC-DL            VALUE 50.
              88 REC-DL-MEMBER     VALUE 51.
              88 REC-MEETING       VALUE 60.
              88 REC-EVENT         VALUE 61.
              88 REC-SHARED-DL     VALUE 70.
              88 REC-SHARED-MEMBER VALUE 71.
              88 REC-BULLETIN      VALUE 80.
              88 REC-DIRECTORY     VALUE 90.
       01  MEMO2-USER.
           05 FILLER               PIC X(16).
           05 USR2-DGN             PIC X(8).
           05 USR2-DEPT            PIC X(20).
           05 USR2-NAME            PIC X(40).
       01  MEMO2-FOLDER.
           05 FILLER               PIC X(16).
           05 FLD2-PARENT          PIC S9(7) COMP-3.
           05 FLD2-NAME            PIC X(30).
       01  MEMO2-HDR.
           05 FILLER               PIC X(16).
           05 HDR2-NTO             PIC S9(4) COMP.
           05 HDR2-NCC             PIC S9(4) COMP.
           05 HDR2-SUBJECT         PIC X(60).
           05 HDR2-DATE            PIC S9(7) COMP-3.
           05 HDR2-TIME            PIC 9(6) COMP-3.
           05 HDR2-PRIO            PIC X.
           05 HDR2-STATUS          PIC X.
           05 HDR2-FROM            PIC X(17).
           05 HDR2-FOLDER          PIC S9(7) COMP-3.
           05 HDR2-TO              PIC X(17) OCCURS 0 TO 20
                                   DEPENDING ON HDR2-NTO.
           05 HDR2-CC              PIC X(17) OCCURS 0 TO 20
                                   DEPENDING ON HDR2-NCC.
       01  MEMO2-TEXT.
           05 FILLER               PIC X(16).
           05 TXT2-N               PIC S9(4) COMP.
           05 TXT2-LINE            PIC X(72) OCCURS 1 TO 30
                                   DEPENDING ON TXT2-N.
       01  MEMO2-CHUNK.
           05 FILLER               PIC X(16).
           05 BIN2-N               PIC 9(4).
           05 BIN2-NAME            PIC X(44).
           05 BIN2-DATA.
              10 BIN2-BYTE         PIC X OCCURS 1 TO 4000
                                   DEPENDING ON BIN2-N.
       01  MEMO2-PAB.
           05 FILLER               PIC X(16).
           05 PAB2-NAME            PIC X(40).
           05 PAB2-NICK            PIC X(8).
           05 PAB2-NOTE            PIC X(60).
           05 PAB2-ORG             PIC X(30).
           05 PAB2-PHONE           PIC X(16).
           05 PAB2-DEN             PIC X(8).
           05 PAB2-DGN             PIC X(8).
       01  MEMO2-DL.
           05 FILLER               PIC X(16).
           05 DL2-NMEM             PIC S9(4) COMP.
           05 DL2-DESC             PIC X(60).
           05 DL2-NAME             PIC X(30).
           05 DL2-MEM              PIC X(40) OCCURS 0 TO 20
                                   DEPENDING ON DL2-NMEM.
       01  MEMO2-MEMBER.
           05 FILLER               PIC X(16).
           05 MBR2-ADDR            PIC X(17).
           05 MBR2-NAME            PIC X(40).
       01  MEMO2-CAL.
           05 FILLER               PIC X(16).
           05 CAL2-NATT            PIC S9(4) COMP.
           05 CAL2-SUBJECT         PIC X(60).
           05 CAL2-START           PIC 9(14).
           05 CAL2-END             PIC 9(14).
           05 CAL2-DAY             PIC S9(7) COMP-3.
           05 CAL2-ORGANIZER       PIC X(17).
           05 CAL2-STATUS          PIC X.
           05 CAL2-PLACE           PIC X(30).
           05 CAL2-ATTENDEE        PIC X(17) OCCURS 0 TO 10
                                   DEPENDING ON CAL2-NATT.
       01  MEMO2-BB.
           05 FILLER               PIC X(16).
           05 BB2-DATE             PIC S9(7) COMP-3.
           05 BB2-TIME             PIC 9(6) COMP-3.
           05 BB2-SUBJECT          PIC X(60).
           05 BB2-FROM             PIC X(17).
           05 BB2-TITLE            PIC X(30).
       01  MEMO2-DIR.
           05 FILLER               PIC X(16).
           05 DIR2-NAME            PIC X(40).
           05 DIR2-DGN             PIC X(8).
           05 DIR2-DEN             PIC X(8).
           05 DIR2-TITLE           PIC X(30).
           05 DIR2-PHONE           PIC X(16).
           05 DIR2-DEPT            PIC X(20).
