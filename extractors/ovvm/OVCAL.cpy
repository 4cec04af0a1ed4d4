      *================================================================
      * OVCAL.cpy - AN EXAMPLE of how unloaded PROFS / OfficeVision/VM
      * calendar records can be described for hostmig's layout-driven
      * source (extractors/layout): ovvmext reads them into the
      * accounts of the OV/VM store (--cal-profile
      * extractors/ovvm/OVCAL.prof --cal-data FILE); memoext or taoext
      * (--profile ... --addrtype PROFS) into a set of their own.
      *
      * IBM never published the calendar file format (host-formats.md
      * 1d). These are NOT the real records: a made-up example of the
      * structure of a site's calendar unload (one record per user,
      * then one per entry, in key order), to be checked against the
      * site's own record descriptions with --inspect. Files only:
      * no code depends on them (tests/gen/ovvmgen.py --cal writes
      * records in this layout).
      *================================================================
       01  OVC-KEY.
           05 OVC-USER             PIC X(8).
           05 OVC-KIND             PIC X.
              88 OVC-IS-USER       VALUE 'U'.
              88 OVC-IS-ENTRY      VALUE 'E'.
              88 OVC-IS-NOTE       VALUE 'N'.
           05 OVC-ENTRY            PIC 9(6).
      * the owner of the calendar
       01  OVC-OWNER.
           05 FILLER               PIC X(15).
           05 OVC-NODE             PIC X(8).
           05 OVC-NAME             PIC X(40).
      * an entry: a date, start and end times (blank: all day)
       01  OVC-ITEM.
           05 FILLER               PIC X(15).
           05 OVC-DATE             PIC 9(6).
           05 OVC-FROM             PIC 9(4).
           05 OVC-TO               PIC 9(4).
           05 OVC-STATUS           PIC X.
              88 OVC-TENTATIVE     VALUE 'T'.
           05 OVC-TEXT             PIC X(46).
           05 OVC-WHERE            PIC X(20).
      * a line of notes of the entry before it
       01  OVC-NOTES.
           05 FILLER               PIC X(15).
           05 OVC-LINE             PIC X(72).
