//BADSTRAY JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: stray '/*' delimiter outside in-stream data
//STEP1    EXEC PGM=IEFBR14
/*
