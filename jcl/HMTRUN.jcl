//HMTRUN   JOB (ACCT),'HOSTMIG TAO',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMTRUN - extract a TAO store (unloaded by HMTUNLD) into a set of
//* migration files in the z/OS UNIX directory OUT, then check it.
//* Options as in HMMRUN (one per record, later records start with a
//* blank). NOT RUN.
//*--------------------------------------------------------------------
//         JCLLIB ORDER=HOSTMIG.JCL
//         EXPORT SYMLIST=(OUT)
//         SET OUT='/u/hostmig/tao'
//RUN      EXEC HMTAO
//RUN.MIGARGS DD *,SYMBOLS=JCLONLY
POSIX(ON)/
 --out &OUT
 --control //DD:MIGPARM
 --accounts //DD:MIGACCT
 --profile //DD:MIGPROF
 --copybook //DD:MIGCOPY
 --data //DD:MIGSTOR
 --data //DD:MIGCAL
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
