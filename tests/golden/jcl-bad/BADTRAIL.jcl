//BADTRAIL JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: statement ends with a comma but no continuation follows
//STEP1    EXEC PGM=IEFBR14
//DD1      DD DISP=SHR,DSN=HOSTMIG.A,
