#!/usr/bin/env python3
"""make_examples.py - (re)build the sets made of Microsoft's published
migration-file examples (tests/golden/msexamples/<case>/).

The text of each example is as Microsoft published it in the Exchange
Server Programmer's Reference (MSDN Library 1998, Appendix "File
Formats" > "Migration Files"; the pages named below), reproduced in
/work/shared/docs/exchange-migration-files.md §3-§6, or in KB Q177418.
It is NOT corrected: the bytes are as published, with CR LF line ends.
Only two kinds of typesetting artefacts of the HTML pages are undone,
and each README.txt says where:
  - a line broken after a blank inside a value ("this \\nFriday",
    "First \\nName") is joined (the blank is kept): continuation is not
    allowed inside quotes or in DIRECTORY sections, so these breaks
    cannot be in the file (doc §4.2, §4.4);
  - a last line holding one blank before </code> is dropped.
The "\\\\" continuations are part of the examples and are kept.
Where a page gives only a fragment, the smallest set that holds it
unchanged is assembled around it; README.txt says what was added.
The golden test is ../msexamples.sh. Run from this directory:
python3 make_examples.py (the sets are committed; this documents them).
"""
import os
import shutil

CRLF = b"\r\n"
SECCOLS = b"Type,Length,Encoding,Islast,Name,Position,Format"


def lines(*ls):
    return b"".join(l + CRLF for l in ls)


def pkl(*files):
    out = [b"850", b"", b"Filename,Filetype"]
    for f in files:
        kind = b"Secondary" if f.endswith(b".SEC") else b"Primary"
        out.append(f + b"," + kind)
    return lines(*out)


# ---- the published texts -------------------------------------------

# appendxa_4vs5.htm "Formatting the Packing List File" (doc §3)
MS_PKL = lines(b"850", b"", b"Filename,Filetype", b"SALESPO1.PRI,Primary",
               b"SALESPO1.SEC,Secondary", b"SALESPO2.SEC,Secondary")

# appendxa_8pbi.htm "Formatting Directory Information" (doc §4.2;
# the doc shows the first object only)
MS_DIR = lines(
    b"DIRECTORY",
    b"Obj-class,Mode,Common-Name,Display-Name,Last Name,First "
    b"Name,Secondary-Proxy-Addresses,Home-Server",
    b"mailbox,create,ElizaB,Elizabeth "
    b"Brown,Brown,Elizabeth,MIGRATE:PROFS:Sydney(EBrown),~Server",
    b"mailbox,create,PatPa,Pat "
    b"Parkes,Parkes,Pat,MIGRATE:PROFS:Sydney(PParkes),~Server",
    b"mailbox,create,MiguelF,Miguel "
    b"Fernandez,Fernandez,Miguel,MIGRATE:PROFS:Sydney(MFernan),~Server")

# appendxa_9kab.htm "Formatting PAB Entries and Personal Distribution
# Lists" (doc §4.3)
MS_PAB = lines(
    b"PAB,migrate:PROFS:SANFRN(HOWARDS)",
    b"Obj-class,Display-Name,Email-Address,First,Last,Address,City,\\\\",
    b"State,Zip,Country,Title,Company,Department,Office,Assistant,\\\\",
    b"Bus-Num,Bus2-Num,Assist-Num,Fax-Num,Home-Num,Home2-Num,\\\\",
    b"Mobile-Num,Pager-Num,Note",
    b"entry,Pat Parkes,SMTP:patp@Litware.com,Pat,Parkes,,,,\\\\",
    b",,,\"Litware, Inc.\",,,,,,,,4155551212,,,,",
    b"entry,Dad,X400:cn=ronar;p=NWTraders;a= ;c=JP,,,,,,,,,,,,,,,,,,,,",
    b"dl,My Friends,Dad;Pat Parkes,,,,,,,,,,,,,,,,,,,,,\\\\",
    b"Personal Distribution List of my friends")

# appendxa_57zn.htm "Specifying X.400 Addresses in the Primary Files":
# the corrected PAB example (doc §4.3)
ERR_TITLE = b"PAB,PROFS:SANFRN/HOWARDS"
ERR_HDR = [
    b"Obj-class,Display-Name,Email-\\\\",
    b"Address,First,Last,Address,City,State,Zip,Country,Title,Company,"
    b"Depart\\\\",
    b"ment,Office,Assistant,Bus-Num,Bus2-Num,Assist-Num,Fax-Num,Home-\\\\",
    b"Num,Home2-Num,Mobile-Num,Pager-Num,Note"]
MS_PAB_ERRATA = lines(
    ERR_TITLE, *ERR_HDR,
    b"entry,Pat Parkes,SMTP:patp@litware.com,Pat,Parkes,,,,,,,\\\\",
    b"\"Litware,Inc.\",,,,,,,,415-555-1212,,,,",
    b"entry,Dad,X400:/C=US/A= /P=NWTraders/G=Joe/S=Parkes,,,,,,,,,,,,,,,"
    b",,,,,",
    b"dl,My Friends,X400:/C=US/A= \\\\",
    b"/P=NWTraders/G=Joe/S=Parkes;SMTP:patp@litware.com,,,,,,,,,,,,,,,,,"
    b",,,,")

# the same page: the two dl fragments (each ends in a continuation)
X400_Q = [b"dl,Friends,\\\\",
          b"\"SMTP:mariab@litware.com;\"\"X400:C=US;A= ;P=NWTraders;G=Joe;"
          b"S=Parkes\"\"\"\\\\"]
X400_S = [b"dl,Friends,\\\\",
          b"SMTP:mariab@litware.com;X400:/C=US/A= /P=NWTraders/G=Joe/"
          b"S=Parkes\\\\"]
REST21 = b"," * 21          # added: the other 21 of the 24 fields

# appendxa_6qnn.htm "Formatting Messages and Public Folders" (doc §4.4)
MSGHDR2 = [b"Folder,Sender,To,Cc,Bcc,Subject,Send-Date,Received-Date\\\\",
           b",Priority,Unread,Unsent,Body"]
MS_MSG = lines(
    b"MAILMESSAGE,PROFS:SANFRAN(HOWARDS)", *MSGHDR2,
    b"Inbox,Pat Parkes,Elizabeth Brown,,,\"Let's make plans for this "
    b"Friday\",19950321093421,19950321093421,-1,,,#SALESPO1.SEC(50)",
    b"Phoenix Project,Pat Parkes,Ali Gobi,,,Review of Back Office\\\\",
    b",19950321063321,19950321063321,,,,#SALESPO1.SEC(161)",
    b"Filed Mail\\FYI,Jon Grande,Gamers[SMTP:gamers@Litware.com],\\\\",
    b",,Solo Mission,19950218234539,19950218234539,,,,#SALESPO1.SEC(575)")
PUB_ROWS = [
    b"Social\\Gamers,Pat Parkes,Games Groups,,,\"Plans for this "
    b"Saturday\",19950320092421,19950320092421,-1,,,#SALESPO2.SEC(693)",
    b"Business\\Phoenix Project,Karl Buhl,Phoenix Project,,,\\\\",
    b"Reviews,19950320093221,19950320093221,,,,#SALESPO2.SEC(798)"]
MS_PUB = lines(b"MAILMESSAGE,PublicMessages", *(MSGHDR2 + PUB_ROWS))
# the prose of the same page says "PublicMessage"
PROSE_PUB = lines(b"MAILMESSAGE,PublicMessage", *(MSGHDR2 + PUB_ROWS))

# appendxa_5cfn.htm "Formatting the Secondary Files" (doc §5; the doc
# shortens the attachment text to "...")
MS_SEC = lines(
    SECCOLS, b"Body,91,,TRUE,,,",
    b"Do you want to play a game of racquetball after work tonight?",
    b"", b"Pat", b"",
    b"Body,70,,FALSE,,,",
    b"I saw this short review of Microsoft Back Office products.",
    b"", b"Pat ", b"",
    b"Attachment,205,,TRUE,backoffi.txt,0,",
    b"Microsoft BackOffice package includes Windows NT Server, Microsoft "
    b"Exchange Server, SQL Server, and System Management Server.",
    b"",
    b"Other,51,,TRUE,,,",
    b"leslied;sallys;marck;louisej;robinh;bobbyq;gregoryc")

# appendxa_6s4z.htm "Formatting Free Documents" (doc §4.4)
MS_FREEDOC = lines(
    SECCOLS, b"Body,0,,FALSE,,,",
    b"Document,205,,TRUE,backoffi.txt,0,",
    b"Microsoft BackOffice package includes Windows NT Server, Microsoft "
    b"Exchange Server, SQL Server, and System Management Server.")

# appendxa_78pt.htm "Formatting Schedule Data" (doc §4.4, §6)
MS_SCHED_PRI = lines(
    b"MAILMESSAGE,PROFS:SANFRAN(HOWARDS)",
    b"Folder,Sender,To,Cc,Bcc,Subject,Send-Date,Received-Date,Priority,"
    b"Unread,Unsent,Body",
    b",Bill Lee,Howard Snyder,,,\"End of Month Report\",19950321093421,,"
    b"-1,,,#SALESPO1.SEC(54)",
    b"Phoenix Project,Pat Parkes,Howard Snyder,,,Back Office Review,,,,,,"
    b"#SALESPO1.SEC(161)",
    b",Howard Snyder,Howard Snyder,,,Schedule+,19951005022543,,1,TRUE,,"
    b"#SALESPO1.SEC(356)")
SCHED_HEAD = lines(SECCOLS, b"Body,0,,FALSE,,,",
                   b"Schedule,298,,True,HOWARDS.SC2,-1,",
                   b"SCHEDULE+2 EXPORT VERSION 103")
# added: the rest of the 298 bytes, the page's first SingleAppointments
# example, with 18 blanks after "SingleAppointments:" (the page shows a
# run of 5) so that the data is 298 bytes; then the blank line
SCHED_REST = lines(
    b"SingleAppointments:" + b" " * 18, b"{", b"    Ring:     T",
    b"    AlarmAmount:     15", b"    Text:     \"Attend training class.\"",
    b"    AlarmTypeUnit:     0", b"    AlarmAmountOriginal:     15",
    b"    BusyType:     0", b"    Start:     3-5-1996 15:00",
    b"    End:     3-5-1996 17:00", b"}", b"")
MS_SCHED_SEC = SCHED_HEAD + SCHED_REST
assert len(MS_SCHED_SEC) - 104 - 2 == 298

# KB Q177418: "at the beginning of the import file"
KB_PKL = lines(b"! CodePage", b"932", b"", b"Filename,Filetype",
               b"SALESPO1.PRI,Primary")


def filler_sec():
    """SALESPO2.SEC for the public-folder example: sections at 693
    and 798, where its pointers go (all of it added)."""
    def text(n, first):
        t = first
        while len(t) + 2 < n:
            t += b"."
        assert len(t) + 2 == n, (n, len(t))
        return t + CRLF
    out = SECCOLS + CRLF
    out += b"Body,622,,TRUE,,," + CRLF
    out += text(622, b"Added by hostmig, not published: this section only "
                b"puts the next headers at 693 and 798") + CRLF
    assert len(out) == 693
    out += b"Body,85,,TRUE,,," + CRLF
    out += text(85, b"Plans for this Saturday (body added by hostmig)") + CRLF
    assert len(out) == 798
    t = b"Reviews (body added by hostmig)" + CRLF
    out += b"Body,%d,,TRUE,,," % len(t) + CRLF + t + CRLF
    return out


CASES = {
    "pkl": ({"SALESPO1.PKL": MS_PKL, "SALESPO1.PRI": b"",
             "SALESPO1.SEC": SECCOLS + CRLF, "SALESPO2.SEC": SECCOLS + CRLF},
            "The packing list of appendxa_4vs5.htm (doc §3), unchanged.\n"
            "Added: the three files it lists, as small as they can be:\n"
            "SALESPO1.PRI empty, SALESPO1.SEC and SALESPO2.SEC holding\n"
            "only the column line Type,Length,...,Format and CR LF.\n"),
    "directory": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI"),
                   "SALESPO1.PRI": MS_DIR},
                  "SALESPO1.PRI is the DIRECTORY example of appendxa_8pbi.htm"
                  "\n(doc §4.2 shows its first object). The page breaks the\n"
                  "header and each object after a blank (\"First \" / "
                  "\"Name\");\nthese breaks are joined, the blank kept: "
                  "continuation is\nnot allowed in DIRECTORY sections. A "
                  "last line holding one\nblank is dropped.\n"
                  "Added: SALESPO1.PKL (code page 850, as in the PKL "
                  "example)\nlisting SALESPO1.PRI.\n"),
    "pab": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI"), "SALESPO1.PRI": MS_PAB},
            "SALESPO1.PRI is the PAB example of appendxa_9kab.htm (doc "
            "§4.3),\nwith its \\\\ continuations, unchanged.\n"
            "Added: SALESPO1.PKL (code page 850) listing it.\n"),
    "pab_errata": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI"),
                    "SALESPO1.PRI": MS_PAB_ERRATA},
                   "SALESPO1.PRI is the corrected PAB example of "
                   "appendxa_57zn.htm\n(\"should read as follows\"; doc "
                   "§4.3), unchanged.\n"
                   "Added: SALESPO1.PKL (code page 850) listing it.\n"),
    "pab_x400": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI"),
                  "SALESPO1.PRI": lines(ERR_TITLE, *(ERR_HDR + X400_Q
                                                     + [REST21] + X400_S
                                                     + [REST21]))},
                 "The two dl fragments of appendxa_57zn.htm (doc §4.3): the\n"
                 "quoted form (lines 6-7) and the slash form (lines 9-10),\n"
                 "each two lines ending in a \\\\ continuation, unchanged.\n"
                 "Added: the PAB title and header of the corrected PAB "
                 "example\nof the same page (lines 1-5); after each "
                 "fragment a line of 21\ncommas (the other 21 of the 24 "
                 "fields, empty) that the\nfragment's last continuation "
                 "joins; SALESPO1.PKL (code page\n850) listing the file.\n"),
    "sec": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI", b"SALESPO1.SEC"),
             "SALESPO1.PRI": b"", "SALESPO1.SEC": MS_SEC},
            "SALESPO1.SEC is the secondary-file example of appendxa_5cfn.htm"
            "\n(doc §5; the doc shortens the attachment text to \"...\", "
            "the\npage gives it whole), unchanged, including the blank "
            "after\nthe second \"Pat \". The file ends after \"gregoryc\" "
            "and its CR LF.\nAdded: SALESPO1.PKL (code page 850) and an "
            "empty SALESPO1.PRI.\n"),
    "salespo1": ({"SALESPO1.PKL": MS_PKL, "SALESPO1.PRI": MS_MSG,
                  "SALESPO1.SEC": MS_SEC, "SALESPO2.SEC": SECCOLS + CRLF},
                 "The examples that name SALESPO1 together: the packing list"
                 "\n(appendxa_4vs5.htm), the message section of "
                 "appendxa_6qnn.htm\nas SALESPO1.PRI (pointers 50, 161, 575)"
                 " and the secondary-file\nexample of appendxa_5cfn.htm as "
                 "SALESPO1.SEC, all unchanged\nexcept that the page breaks "
                 "the quoted subject after \"this \";\nthat break is joined "
                 "(\"this Friday\"): continuation is not\nallowed inside "
                 "quotes.\nAdded: SALESPO2.SEC, which the packing list "
                 "names, holding only\nthe column line.\n"),
    "public": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI", b"SALESPO2.SEC"),
                "SALESPO1.PRI": MS_PUB, "SALESPO2.SEC": filler_sec()},
               "SALESPO1.PRI is the public-folder example of "
               "appendxa_6qnn.htm\n(doc §4.4), unchanged except that the "
               "break after \"this \" in\nthe quoted subject is joined and "
               "a last line holding one blank\nis dropped.\n"
               "Added: SALESPO1.PKL (code page 850) and all of SALESPO2.SEC"
               "\n(not published): a filler section at 50 so that the "
               "example's\npointers #SALESPO2.SEC(693) and (798) land on "
               "section headers,\nand two short bodies there.\n"),
    "public_prose": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI", b"SALESPO2.SEC"),
                      "SALESPO1.PRI": PROSE_PUB,
                      "SALESPO2.SEC": filler_sec()},
                     "The public case with the section title spelt as the "
                     "prose of\nappendxa_6qnn.htm spells it: "
                     "MAILMESSAGE,PublicMessage (its example\nsays "
                     "PublicMessages). Everything else as in ../public.\n"),
    "schedule_sec": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI", b"SALESPO1.SEC"),
                      "SALESPO1.PRI": b"", "SALESPO1.SEC": MS_SCHED_SEC},
                     "SALESPO1.SEC holds the secondary-file fragment of\n"
                     "appendxa_78pt.htm (doc §6) unchanged: the column line,"
                     "\nBody,0,,FALSE,,, then directly Schedule,298,,True,"
                     "HOWARDS.SC2,-1,\nand the first line of the schedule "
                     "data. The page ends there\n(\"...\").\n"
                     "Added: the other 267 of the 298 bytes of schedule "
                     "data (the\npage's first SingleAppointments example, "
                     "with 18 blanks after\n\"SingleAppointments:\" where "
                     "the page shows a run of 5, to make\n298), the blank "
                     "line after them, SALESPO1.PKL (code page 850)\nand an "
                     "empty SALESPO1.PRI.\n"),
    "schedule": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI", b"SALESPO1.SEC"),
                  "SALESPO1.PRI": MS_SCHED_PRI, "SALESPO1.SEC": MS_SCHED_SEC},
                 "Both fragments of appendxa_78pt.htm together: the message "
                 "section\n(pointers 54, 161, 356; the page sets parts in "
                 "bold, the bold\nbreaks \"Howard\" / \"Snyder\" only in "
                 "markup) as SALESPO1.PRI, and\nSALESPO1.SEC as in "
                 "../schedule_sec (with what was added there).\n"
                 "Added: SALESPO1.PKL (code page 850).\n"),
    "freedoc": ({"SALESPO1.PKL": pkl(b"SALESPO1.PRI", b"SALESPO1.SEC"),
                 "SALESPO1.PRI": b"", "SALESPO1.SEC": MS_FREEDOC},
                "SALESPO1.SEC is the free-document example of "
                "appendxa_6s4z.htm\n(doc §4.4), unchanged; the file ends "
                "with the CR LF of its last\nline.\n"
                "Added: SALESPO1.PKL (code page 850) and an empty "
                "SALESPO1.PRI.\n"),
    "kb177418": ({"SALESPO1.PKL": KB_PKL, "SALESPO1.PRI": b""},
                 "SALESPO1.PKL begins with the two lines KB Q177418 shows "
                 "\"at the\nbeginning of the import file\" (doc §3): "
                 "\"! CodePage\" and \"932\".\n"
                 "Added: the blank line, Filename,Filetype, the line "
                 "listing\nSALESPO1.PRI, and an empty SALESPO1.PRI.\n"),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for case, (files, readme) in CASES.items():
        d = os.path.join(here, case)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for name, data in files.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        with open(os.path.join(d, "README.txt"), "w") as f:
            f.write(readme)


if __name__ == "__main__":
    main()
