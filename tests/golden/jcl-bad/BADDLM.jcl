//BADDLM   JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: in-stream data not ended by its delimiter '@@'
//STEP1    EXEC PGM=IEBGENER
//SYSUT1   DD DATA,DLM=@@
some data
