//BADNOSYM JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: symbol &OUT in in-stream data is not substituted without
//         EXPORT SYMLIST=(OUT)
//         SET OUT='/u/hostmig/memo'
//STEP1    EXEC PGM=MIGCHECK,PARMDD=ARGS
//ARGS     DD *
POSIX(ON)/
 &OUT/MIGRATE.PKL
/*
