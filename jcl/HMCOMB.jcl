//HMCOMB   JOB (ACCT),'HOSTMIG COMBINE',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMCOMB - combine the partial sets of a partitioned extraction
//* (HMFANOUT, or jobs run by hand with --partition K/N) into one
//* set, and check it. Run it when every partition job has ended
//* with a return code below 8.
//*
//*   OUT     the directory the partitions wrote into
//*
//* migcomb writes OUT/MIGRATE.PKL listing the directory file and the
//* files of every account in order; no file is copied when the
//* partitions wrote into OUT itself. List every PkkOFnn.PKL. NOT RUN.
//*--------------------------------------------------------------------
//         JCLLIB ORDER=HOSTMIG.JCL
//         EXPORT SYMLIST=(OUT)
//         SET OUT='/u/hostmig/memo'
//COMB     EXEC HMUTIL,PROG=MIGCOMB
//RUN.ARGS DD *,SYMBOLS=JCLONLY
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
//RUN.ARGS DD *,SYMBOLS=JCLONLY
POSIX(ON)/
 &OUT/MIGRATE.PKL
/*
//         ENDIF
