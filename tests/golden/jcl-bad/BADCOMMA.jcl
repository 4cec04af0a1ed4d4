//BADCOMMA JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: unknown operation 'DSN=HOSTMIG.A' (a continuation
//STEP1    EXEC PGM=IEFBR14
//DD1      DD DISP=SHR
//            DSN=HOSTMIG.A
