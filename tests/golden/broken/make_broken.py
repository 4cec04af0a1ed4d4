#!/usr/bin/env python3
"""make_broken.py - (re)build the hand-made broken migration sets.

Each case is the small valid set below with exactly one mistake; its
EXPECT file names the message number migcheck must issue (with exit
code 8). Run from this directory: python3 make_broken.py
The sets are committed; this script only documents how they were made.
"""
import os
import shutil

CRLF = b"\r\n"
PABHDR = (b"Obj-class,Display-Name,Email-Address,First,Last,Address,City,"
          b"State,Zip,Country,Title,Company,Department,Office,Assistant,"
          b"Bus-Num,Bus2-Num,Assist-Num,Fax-Num,Home-Num,Home2-Num,"
          b"Mobile-Num,Pager-Num,Note")
MSGHDR = (b"Folder,Sender,To,Cc,Bcc,Subject,Send-Date,Received-Date,"
          b"Priority,Unread,Unsent,Body")
SECCOLS = b"Type,Length,Encoding,Islast,Name,Position,Format"


def lines(*ls):
    return b"".join(l + CRLF for l in ls)


def sec(sections, cols=True):
    """sections: (header fields list w/o length, data); returns bytes
    and the offsets of the headers."""
    out = bytearray(SECCOLS + CRLF if cols else b"")
    offs = []
    for hdr, data, length in sections:
        offs.append(len(out))
        ln = len(data) if length is None else length
        h = hdr[0] + b"," + str(ln).encode() + b"," + b",".join(hdr[1:])
        out += h + CRLF + data + CRLF
    return bytes(out), offs


def base():
    s, offs = sec([
        ([b"Body", b"", b"FALSE", b"", b"", b""], b"Hello world" + CRLF,
         None),
        ([b"Attachment", b"", b"TRUE", b"NOTE.TXT", b"", b""],
         b"abc" + CRLF, None),
    ])
    files = {
        "MIGRATE.PKL": lines(b"65001", b"", b"Filename,Filetype",
                             b"DIR.PRI,Primary", b"U1.PRI,Primary",
                             b"U1.SEC,Secondary"),
        "DIR.PRI": lines(
            b"DIRECTORY",
            b"Obj-class,Mode,Common-Name,Display-Name,Last Name,"
            b"First Name,Secondary-Proxy-Addresses,Home-Server",
            b"mailbox,create,ElizaB,Elizabeth Brown,Brown,Elizabeth,"
            b"MIGRATE:PROFS:SYDNEY(EBROWN),~Server"),
        "U1.PRI": lines(
            b"PAB,PROFS:SYDNEY(EBROWN)", PABHDR,
            b"entry,Dad,\"SMTP:dad@example.com\"" + b"," * 21,
            b"dl,Friends,Dad;Pat" + b"," * 21,
            b"",
            b"MAILMESSAGE,PROFS:SYDNEY(EBROWN)", MSGHDR,
            b"Inbox,Pat Parkes,Elizabeth Brown,,,Hello,19950321093421,"
            b"19950321093421,0,FALSE,FALSE,#U1.SEC(%d)" % offs[0]),
        "U1.SEC": s,
    }
    return files


MSGLINE = (b"Inbox,Pat Parkes,Elizabeth Brown,,,Hello,19950321093421,"
           b"19950321093421,0,FALSE,FALSE,#U1.SEC(50)")


def rep(name, old, new):
    def f(files):
        assert old in files[name], (name, old)
        files[name] = files[name].replace(old, new, 1)
    return f


def secfix(sections, cols=True):
    def f(files):
        files["U1.SEC"] = sec(sections, cols)[0]
    return f


BODY = [b"Body", b"", b"FALSE", b"", b"", b""]
ATT = [b"Attachment", b"", b"TRUE", b"NOTE.TXT", b"", b""]
HW = b"Hello world" + CRLF
ABC = b"abc" + CRLF


def drop(name):
    def f(files):
        del files[name]
    return f


def lfonly(name):
    def f(files):
        files[name] = files[name].replace(CRLF, b"\n")
    return f


CASES = {
    "pkl_noblank": (341, rep("MIGRATE.PKL", b"65001\r\n\r\n",
                             b"65001\r\n")),
    "pkl_nocp": (340, rep("MIGRATE.PKL", b"65001", b"CP65001")),
    "pkl_noheader": (342, rep("MIGRATE.PKL", b"Filename,Filetype\r\n",
                              b"")),
    "pkl_filetype": (343, rep("MIGRATE.PKL", b"U1.SEC,Secondary",
                              b"U1.SEC,Tertiary")),
    "missing_file": (345, drop("U1.SEC")),
    "sec_name": (346, rep("MIGRATE.PKL", b"U1.SEC,Secondary",
                          b"U1;X.SEC,Secondary")),
    "lf_only": (348, lfonly("U1.PRI")),
    "no_eol": (350, rep("U1.PRI", b"#U1.SEC(50)\r\n", b"#U1.SEC(50)")),
    "bad_utf8": (351, secfix([(BODY, b"Hello w\xffrld" + CRLF, None),
                              (ATT, ABC, None)])),
    "bad_quote": (352, rep("U1.PRI", b",Hello,", b",\"Hello,")),
    "field_count": (354, rep("U1.PRI", b",,,Hello,", b",,Hello,")),
    "bad_title": (355, rep("U1.PRI", b"MAILMESSAGE,", b"MAILMSG,")),
    "pab_short_header": (357, rep("U1.PRI", PABHDR,
                                  b"Obj-class,Display-Name,"
                                  b"Email-Address")),
    "msg_header": (358, rep("U1.PRI", b"Folder,Sender,To",
                            b"Folder,To,Sender")),
    "bad_date": (359, rep("U1.PRI", b",19950321093421,19950321",
                          b",19951321093421,19950321")),
    "bad_priority": (360, rep("U1.PRI", b",0,FALSE,FALSE,",
                              b",2,FALSE,FALSE,")),
    "bad_flag": (361, rep("U1.PRI", b",0,FALSE,FALSE,", b",0,YES,FALSE,")),
    "dir_pointer": (362, rep("DIR.PRI", b",~Server", b",#U1.SEC(50)")),
    "dir_backslash": (363, rep("DIR.PRI", b",Elizabeth Brown,",
                               b",\"Elizabeth\\Brown\",")),
    "ptr_syntax": (364, rep("U1.PRI", b"#U1.SEC(50)", b"#U1.SEC(5x)")),
    "ptr_file": (365, rep("U1.PRI", b"#U1.SEC(50)", b"#U2.SEC(50)")),
    "ptr_land": (366, rep("U1.PRI", b"#U1.SEC(50)", b"#U1.SEC(51)")),
    "sec_columns": (367, secfix([(BODY, HW, None), (ATT, ABC, None)],
                                cols=False)),
    "sec_type": (369, secfix([(BODY, HW, None),
                              ([b"Attachmnt"] + ATT[1:], ABC, None)])),
    "sec_length": (370, secfix([(BODY, HW, None), (ATT, ABC, 9)])),
    "islast_value": (372, secfix([(BODY, HW, None),
                                  ([b"Attachment", b"", b"YES",
                                    b"NOTE.TXT", b"", b""], ABC, None)])),
    "islast_chain": (373, secfix([(BODY, HW, None),
                                  ([b"Attachment", b"", b"FALSE",
                                    b"NOTE.TXT", b"", b""], ABC, None)])),
    "att_noname": (374, secfix([(BODY, HW, None),
                                ([b"Attachment", b"", b"TRUE", b"", b"",
                                  b""], ABC, None)])),
    "att_position": (375, secfix([(BODY, HW, None),
                                  ([b"Attachment", b"", b"TRUE",
                                    b"NOTE.TXT", b"99", b""], ABC, None)])),
    "att_format": (376, secfix([(BODY, HW, None),
                                ([b"Attachment", b"", b"TRUE",
                                  b"NOTE.TXT", b"", b"Binhex"], ABC,
                                 None)])),
    "ptr_mid_chain": (378, rep("U1.PRI", b"#U1.SEC(50)", b"#U1.SEC(84)")),
    "obj_class": (380, rep("DIR.PRI", b"mailbox,create",
                           b"mailbx,create")),
    "dir_mode": (384, rep("DIR.PRI", b"mailbox,create",
                          b"mailbox,modify")),
    "sched_header": (381, secfix([
        (BODY, HW, None),
        ([b"Schedule", b"", b"TRUE", b"X.SC2", b"-1", b""],
         b"SCHEDULE+1 EXPORT" + CRLF, None)])),
    "empty_body_field": (387, rep("U1.PRI", b",#U1.SEC(50)", b",")),
    "ptr_not_body": (377, secfix([(ATT, ABC, None)])),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    good = os.path.join(here, "..", "migcheck_good")
    sets = {"": (0, None)}
    for name, (msg, fn) in sorted(CASES.items()):
        d = os.path.join(here, name)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        files = base()
        fn(files)
        for fname, data in files.items():
            with open(os.path.join(d, fname), "wb") as f:
                f.write(data)
        with open(os.path.join(d, "EXPECT"), "w") as f:
            f.write("%d\n" % msg)
    shutil.rmtree(good, ignore_errors=True)
    os.makedirs(good)
    for fname, data in base().items():
        with open(os.path.join(good, fname), "wb") as f:
            f.write(data)
    del sets


if __name__ == "__main__":
    main()
