//BADCONT  JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: continued operands must start in columns 4-16
//STEP1    EXEC PGM=IEFBR14
//DD1      DD DISP=SHR,
//                   DSN=HOSTMIG.A
