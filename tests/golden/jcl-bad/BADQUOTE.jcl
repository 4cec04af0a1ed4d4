//BADQUOTE JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: apostrophe string goes past the end of the line
//STEP1    EXEC PGM=IEFBR14,PARM='A,B,
//             C'
