//BADLOWER JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: lower-case letters outside apostrophes
//STEP1    EXEC PGM=IEFBR14
//DD1      DD DISP=SHR,DSN=hostmig.a
