//BADPARM  JOB (ACCT),'LINT TEST',CLASS=A,MSGCLASS=X
//* EXPECT: PARM is 103 characters (at most 100
//STEP1    EXEC PGM=MIGCHECK,
//             PARM=('POSIX(ON)/--out /u/hostmig/abcdefghijklm',
//             '--control //DD:MIGPARM --accounts //DD:MIGACCT',
//             '--quiet --quiet')
//STEPLIB  DD DISP=SHR,DSN=HOSTMIG.LOAD
//MIGPARM  DD DISP=SHR,DSN=HOSTMIG.PARMLIB(MEMOCTL)
//MIGACCT  DD DISP=SHR,DSN=HOSTMIG.PARMLIB(MEMOACCT)
