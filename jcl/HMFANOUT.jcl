//HMFANOUT JOB (ACCT),'HOSTMIG FAN-OUT',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMFANOUT - extract a MEMO store in N parallel jobs: this job
//* submits, through the internal reader, one job per partition
//* (memoext --partition K/N, each with its own status file PkkOFnn.STA
//* and packing list PkkOFnn.PKL, all in the directory OUT), and a
//* combine job HMPCOMB, held (TYPRUN=HOLD).
//*
//* When every partition job has ended with a return code below 8,
//* release HMPCOMB (SDSF: A beside it; JES2: $A'HMPCOMB'). It runs
//* migcomb, which writes OUT/MIGRATE.PKL listing the files of all
//* partitions (the same set one job would have written), and checks
//* the result with migcheck. Released too early, migcomb ends with
//* return code 8 (a partial packing list is missing: it appears only
//* when its partition is complete); release it again later. A failed
//* partition job is resubmitted as it is: its status file resumes.
//*
//* N = 4 here: for another N, copy or delete the job blocks below
//* and change every K/N, PkkOFnn and the list in HMPCOMB to match.
//* The jobs below are in-stream data; SYMBOLS=JCLONLY puts this
//* job's EXPORTed symbols (OUT) into their text when they are
//* submitted (z/OS 2.1 or later). The standalone combine job is
//* HMCOMB. NOT RUN.
//*--------------------------------------------------------------------
//         EXPORT SYMLIST=(OUT)
//         SET OUT='/u/hostmig/memo'
//SUBMIT   EXEC PGM=IEBGENER
//SYSPRINT DD SYSOUT=*
//SYSIN    DD DUMMY
//SYSUT2   DD SYSOUT=(A,INTRDR)
//SYSUT1   DD DATA,DLM=@@,SYMBOLS=JCLONLY
//HMP01    JOB (ACCT),'HOSTMIG 1/4',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//         JCLLIB ORDER=HOSTMIG.JCL
//RUN      EXEC HMMEMO
//RUN.MIGARGS DD *
POSIX(ON)/
 --out &OUT
 --control //DD:MIGPARM
 --accounts //DD:MIGACCT
 --profile //DD:MIGPROF
 --copybook //DD:MIGCOPY
 --users //DD:MIGUSRL
 --data //DD:MIGMAIL
 --data //DD:MIGBBRD
 --data //DD:MIGDIRE
 --recfm REC
 --partition 1/4
 --status P01OF04.STA
/*
//HMP02    JOB (ACCT),'HOSTMIG 2/4',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//         JCLLIB ORDER=HOSTMIG.JCL
//RUN      EXEC HMMEMO
//RUN.MIGARGS DD *
POSIX(ON)/
 --out &OUT
 --control //DD:MIGPARM
 --accounts //DD:MIGACCT
 --profile //DD:MIGPROF
 --copybook //DD:MIGCOPY
 --users //DD:MIGUSRL
 --data //DD:MIGMAIL
 --data //DD:MIGBBRD
 --data //DD:MIGDIRE
 --recfm REC
 --partition 2/4
 --status P02OF04.STA
/*
//HMP03    JOB (ACCT),'HOSTMIG 3/4',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//         JCLLIB ORDER=HOSTMIG.JCL
//RUN      EXEC HMMEMO
//RUN.MIGARGS DD *
POSIX(ON)/
 --out &OUT
 --control //DD:MIGPARM
 --accounts //DD:MIGACCT
 --profile //DD:MIGPROF
 --copybook //DD:MIGCOPY
 --users //DD:MIGUSRL
 --data //DD:MIGMAIL
 --data //DD:MIGBBRD
 --data //DD:MIGDIRE
 --recfm REC
 --partition 3/4
 --status P03OF04.STA
/*
//HMP04    JOB (ACCT),'HOSTMIG 4/4',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//         JCLLIB ORDER=HOSTMIG.JCL
//RUN      EXEC HMMEMO
//RUN.MIGARGS DD *
POSIX(ON)/
 --out &OUT
 --control //DD:MIGPARM
 --accounts //DD:MIGACCT
 --profile //DD:MIGPROF
 --copybook //DD:MIGCOPY
 --users //DD:MIGUSRL
 --data //DD:MIGMAIL
 --data //DD:MIGBBRD
 --data //DD:MIGDIRE
 --recfm REC
 --partition 4/4
 --status P04OF04.STA
/*
//HMPCOMB  JOB (ACCT),'HOSTMIG COMBINE',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID,TYPRUN=HOLD
//         JCLLIB ORDER=HOSTMIG.JCL
//COMB     EXEC HMUTIL,PROG=MIGCOMB
//RUN.ARGS DD *
POSIX(ON)/
 --pkl MIGRATE.PKL
 &OUT
 &OUT/P01OF04.PKL
 &OUT/P02OF04.PKL
 &OUT/P03OF04.PKL
 &OUT/P04OF04.PKL
/*
//         IF (COMB.RUN.RC < 8) THEN
//CHECK    EXEC HMUTIL,PROG=MIGCHECK
//RUN.ARGS DD *
POSIX(ON)/
 &OUT/MIGRATE.PKL
/*
//         ENDIF
@@
