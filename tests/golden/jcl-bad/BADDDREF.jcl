//BADDDREF JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: DD:MIGACT is not a DD of the step RUN
//         JCLLIB ORDER=HOSTMIG.JCL
//RUN      EXEC HMMEMO
//RUN.MIGARGS DD *
POSIX(ON)/
 --out /u/hostmig/memo
 --accounts //DD:MIGACT
/*
