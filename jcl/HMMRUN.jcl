//HMMRUN   JOB (ACCT),'HOSTMIG MEMO',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMMRUN - extract a MEMO store (unloaded by HMMUNLD) into a set of
//* migration files in the z/OS UNIX directory OUT, then check it.
//*
//*   OUT     the output directory (created when missing); the set's
//*           packing list is OUT/MIGRATE.PKL
//*
//* The options are in RUN.MIGARGS below, one per record; every
//* record after the first starts with a blank (PARMDD joins the
//* records). Add for example
//*    --since 19900101          messages and calendar from 1990
//*    --no-pab                  no personal address books
//*    --codepage 1252           Windows-1252 instead of UTF-8
//* The status file lets a rerun go on where a failed run stopped:
//* resubmit the job unchanged. Return code: 0, 4 warnings, 8 errors.
//* The check step runs when the extraction ended below 8. NOT RUN.
//*--------------------------------------------------------------------
//         JCLLIB ORDER=HOSTMIG.JCL
//         EXPORT SYMLIST=(OUT)
//         SET OUT='/u/hostmig/memo'
//RUN      EXEC HMMEMO
//RUN.MIGARGS DD *,SYMBOLS=JCLONLY
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
 --status MIGRATE.STA
/*
//         IF (RUN.RUN.RC < 8) THEN
//CHECK    EXEC HMUTIL,PROG=MIGCHECK
//RUN.ARGS DD *,SYMBOLS=JCLONLY
POSIX(ON)/
 &OUT/MIGRATE.PKL
/*
//         ENDIF
