#!/bin/bash
# msexamples.sh - migcheck on Microsoft's published migration-file
# examples (tests/golden/msexamples/<case>/, made by make_examples.py;
# each README.txt says what was added around a fragment). Per case it
# asserts the return code, the exact list of problem messages (every
# HMG line except the counts 0420-0424, in order) and key values in
# their texts (offsets, lengths). Prints "ok N name" / "not ok N name".
# See common/MSEXAMPLES.md for the verdict on each example.
set -u
cd "$(dirname "$0")/../.." || exit 2
MC=build/bin/migcheck
T=build/out/golden_msexamples
rm -rf "$T"; mkdir -p "$T"
n=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
nok() { n=$((n + 1)); echo "not ok $n $1"; }

if [ ! -x "$MC" ]; then nok "migcheck not built"; echo "1..$n"; exit 1; fi

# check CASE DIR RC "IDS" TEXT... : run migcheck on DIR
check() {
    local c=$1 d=$2 want_rc=$3 want_ids=$4 rc ids bad="" t
    shift 4
    "$MC" "$d" >"$T/$c.out" 2>&1
    rc=$?
    ids=$(sed -n 's/^HMG\([0-9]\{4\}[IWES]\) .*/\1/p' "$T/$c.out" |
        grep -v '^042[0-4]' | tr '\n' ' ' | sed 's/ $//')
    [ "$rc" -eq "$want_rc" ] || bad="$bad rc $rc, want $want_rc;"
    [ "$ids" = "$want_ids" ] || bad="$bad messages [$ids], want [$want_ids];"
    for t in "$@"; do
        grep -qF -- "$t" "$T/$c.out" || bad="$bad no text: $t;"
    done
    if [ -z "$bad" ]; then ok "$c"
    else nok "$c:$bad"; sed 's/^/    /' "$T/$c.out"; fi
}
E=tests/golden/msexamples

# ---- accepted: rc 0 -------------------------------------------------
check pkl $E/pkl 0 "0425I" "code page 850, 1 primary and 2 secondary"
check directory $E/directory 0 "0425I" "directory: 3 mailboxes, 0 custom"
# Body,0 directly followed by Schedule; Islast "True"
check schedule_sec $E/schedule_sec 0 "0425I" \
    "1 schedule files with 1 schedule items"

# ---- accepted with a warning: rc 4 ----------------------------------
check kb177418 $E/kb177418 4 "0347W 0427I" "code page 932 is not"
check pab_x400 $E/pab_x400 4 "0353W 0427I" \
    "line 9: field 3 (SMTP:mariab@litware.com;X400:/C=US/A...) contains \".\"" \
    "2 personal distribution lists"
check public $E/public 4 "0353W 0427I" \
    "line 4: field 1 (Social\\Gamers) contains \"\\\"" \
    "0 messages, 2 public-folder messages"
check public_prose $E/public_prose 4 "0397W 0353W 0427I" \
    "line 1: MAILMESSAGE,PublicMessage is read as the mailbox" \
    "1 mailboxes with data, 2 messages, 0 public-folder"

# ---- not self-consistent: rc 8 --------------------------------------
# the Dad entry has 23 fields, the header 24
check pab $E/pab 8 "0353W 0354E 0426E" \
    "line 6: field 3 (SMTP:patp@Litware.com) contains \".\"" \
    "line 8: 23 fields, the header has 24" "1 PAB entries, 1 personal"
check pab_errata $E/pab_errata 8 "0353W 0354E 0426E" \
    "line 8: 23 fields, the header has 24"
SECLEN="0392E 0392E 0392E 0394I"
SEC1="byte offset 50: Body Length 91 declared, but the data is 70 bytes: \
the next section header follows at byte offset 140"
SEC2="byte offset 140: Body Length 70 declared, but the data is 68 bytes: \
the next section header follows at byte offset 229"
SEC3="byte offset 229: Attachment Length 205 declared, but the data is 127 \
bytes: the next section header follows at byte offset 396"
SECD="headers would be at byte offsets 50, 161, 252, 497 and the file would \
end at 569; they are at 50, 140, 229, 396 and the file has 468 bytes"
check sec $E/sec 8 "$SECLEN 0426E" "$SEC1" "$SEC2" "$SEC3" "$SECD"
check salespo1 $E/salespo1 8 "$SECLEN 0366E 0395I 0353W 0393E 0426E" \
    "$SEC1" "$SEC2" "$SEC3" "$SECD" \
    "line 5: pointer #SALESPO1.SEC(161) does not land on a section header: \
it points 21 bytes into the Body section at byte offset 140; the nearest \
header is at byte offset 140" \
    "line 5: 161 is where the declared Lengths of SALESPO1.SEC put the \
section that is at byte offset 140" \
    "line 7: field 1 (Filed Mail\\FYI) contains \"\\\"" \
    "line 7: pointer #SALESPO1.SEC(575) is past the end of SALESPO1.SEC, \
which has 468 bytes; its last section header is at byte offset 396" \
    "1 mailboxes with data, 1 messages"
check schedule $E/schedule 8 "0366E 0366E 0366E 0426E" \
    "line 3: pointer #SALESPO1.SEC(54) does not land on a section header: \
it points 4 bytes into the Body section at byte offset 50; the nearest \
header is at byte offset 50" \
    "line 4: pointer #SALESPO1.SEC(161) does not land on a section header: \
it points 93 bytes into the Schedule section at byte offset 68" \
    "line 5: pointer #SALESPO1.SEC(356) does not land on a section header: \
it points 288 bytes into the Schedule section at byte offset 68"
check freedoc $E/freedoc 8 "0370E 0394I 0426E" \
    "byte offset 68: Document Length 205 declared, but only 127 bytes \
follow the header up to the end of the file" "1 documents"

# ---- constructed here (not Microsoft's): the other new messages ----
mk() { # DIR NAME: write stdin to DIR/NAME with CR LF line ends
    mkdir -p "$1"; sed 's/$/\r/' >"$1/$2"
}
C=$T/sets
HDR="Folder,Sender,To,Cc,Bcc,Subject,Send-Date,Received-Date,Priority,\
Unread,Unsent,Body"
COLS="Type,Length,Encoding,Islast,Name,Position,Format"
for s in before nosec resync; do
    printf '850\n\nFilename,Filetype\nA.PRI,Primary\nA.SEC,Secondary\n' |
        mk "$C/$s" A.PKL
done
printf 'MAILMESSAGE,X:Y\n%s\n,a,b,,,s,,,,,,#A.SEC(10)\n' "$HDR" |
    mk "$C/before" A.PRI
printf '%s\nBody,4,,TRUE,,,\nab\n\n' "$COLS" | mk "$C/before" A.SEC
check ptr_before "$C/before" 8 "0398E 0426E" \
    "line 3: pointer #A.SEC(10) points before the first section header of \
A.SEC, at byte offset 50"
cp "$C/before/A.PRI" "$C/nosec/A.PRI"
printf '%s\n' "$COLS" | mk "$C/nosec" A.SEC
check ptr_nosec "$C/nosec" 8 "0399E 0426E" \
    "line 3: pointer #A.SEC(10): A.SEC has no sections"
# a damaged header at 67; checking goes on at the next one (at 87)
printf 'MAILMESSAGE,X:Y\n%s\n,a,b,,,s,,,,,,#A.SEC(87)\n' "$HDR" |
    mk "$C/resync" A.PRI
printf '%s\nBody,0,,TRUE,,,\nBody;4;;TRUE\nab\n\nBody,4,,TRUE,,,\nab\n\n' \
    "$COLS" | mk "$C/resync" A.SEC
check sec_resync "$C/resync" 8 "0368E 0396I 0426E" \
    "byte offset 67: bad section header (Body;4;;TRUE)" \
    "byte offset 87: a section header; checking goes on from here" \
    "1 mailboxes with data, 1 messages"
echo "1..$n"
