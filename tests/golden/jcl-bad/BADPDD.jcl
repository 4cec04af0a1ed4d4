//BADPDD   JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: PARMDD record does not start with a blank
//STEP1    EXEC PGM=MIGCHECK,PARMDD=ARGS
//ARGS     DD *
POSIX(ON)/
 /u/hostmig/memo
/MIGRATE.PKL
/*
