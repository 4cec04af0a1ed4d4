      *================================================================
      * TAOEX.cpy - AN EXAMPLE of how the unloaded records of a
      * Fischer TAO (Totally Automated Office) store can be described
      * for hostmig.
      *
      * Fischer International never published TAO's record layouts.
      * These are NOT TAO's records: they are a made-up example of
      * the structure (what tests/gen/taogen.py writes). Before use,
      * replace or check every field against the site's own record
      * descriptions (taoext --inspect lists records field by field).
      *
      * Data sets (IDCAMS REPRO of each KSDS into RECFM=VB, in key
      * order):
      *   STORE   per user: account record, file-cabinet drawers and
      *           folders, filed documents, in-tray, out-tray, text
      *   CAL     calendars
      *   DIRECT  the directory
      * Every record starts with TAO-KEY; its type is the binary
      * record code TK-REC.
      *================================================================
       01  TAO-KEY.
           05 TK-USER              PIC X(8).
           05 TK-AREA              PIC X.
              88 AREA-ACCOUNT      VALUE 'A'.
              88 AREA-CABINET      VALUE 'C'.
              88 AREA-INTRAY       VALUE 'I'.
              88 AREA-OUTTRAY      VALUE 'O'.
              88 AREA-CALENDAR     VALUE 'K'.
              88 AREA-DIRECTORY    VALUE 'D'.
           05 TK-DOC               PIC S9(7) COMP-3.
           05 TK-REC               PIC S9(4) COMP.
              88 REC-ACCOUNT       VALUE 0.
              88 REC-DRAWER        VALUE 1.
              88 REC-FOLDER        VALUE 2.
              88 REC-DOCUMENT      VALUE 10.
              88 REC-TEXT          VALUE 20.
              88 REC-CALENDAR      VALUE 30.
              88 REC-DIRECTORY     VALUE 90.
           05 TK-SEQ               PIC S9(4) COMP.
      * the user's account record: first record of each user
       01  TAO-ACCOUNT.
           05 FILLER               PIC X(17).
           05 TA-NAME              PIC X(32).
           05 TA-NODE              PIC X(8).
      * a file-cabinet drawer (TK-DOC is its number)
       01  TAO-DRAWER.
           05 FILLER               PIC X(17).
           05 TD-NAME              PIC X(24).
      * a folder in a drawer
       01  TAO-FOLDER.
           05 FILLER               PIC X(17).
           05 TF-DRAWER            PIC S9(7) COMP-3.
           05 TF-NAME              PIC X(24).
      * a document (mail): in-tray, out-tray or filed in the cabinet
       01  TAO-DOC.
           05 FILLER               PIC X(17).
           05 TM-FOLDER            PIC S9(7) COMP-3.
           05 TM-SENT              PIC X(8).
           05 TM-RDATE             PIC S9(7) COMP-3.
           05 TM-RTIME             PIC 9(6).
           05 TM-FROM              PIC X(20).
           05 TM-SUBJECT           PIC X(50).
           05 TM-PRIO              PIC X.
           05 TM-STATUS            PIC X.
           05 TM-NTO               PIC S9(4) COMP.
           05 TM-TO                PIC X(20) OCCURS 1 TO 16
                                   DEPENDING ON TM-NTO.
      * text of the document before it
       01  TAO-TEXT.
           05 FILLER               PIC X(17).
           05 TT-N                 PIC S9(4) COMP.
           05 TT-LINE              PIC X(70) OCCURS 1 TO 40
                                   DEPENDING ON TT-N.
      * a calendar entry: Julian day, times HHMM (blank: all day)
       01  TAO-CAL.
           05 FILLER               PIC X(17).
           05 TC-DAY               PIC 9(5) COMP-3.
           05 TC-START             PIC 9(4).
           05 TC-END               PIC 9(4).
           05 TC-SUBJECT           PIC X(50).
           05 TC-PLACE             PIC X(24).
           05 TC-NNOTE             PIC S9(4) COMP.
           05 TC-NOTE              PIC X(60) OCCURS 0 TO 5
                                   DEPENDING ON TC-NNOTE.
      * a directory entry
       01  TAO-DIR.
           05 FILLER               PIC X(17).
           05 TR-USER              PIC X(8).
           05 TR-NODE              PIC X(8).
           05 TR-NAME              PIC X(32).
           05 TR-DEPT              PIC X(20).
           05 TR-PHONE             PIC X(12).
