//HMUTIL   PROC PROG=,LOAD=HOSTMIG.LOAD
//*--------------------------------------------------------------------
//* HMUTIL - run a hostmig utility: MIGCHECK (check a set), MIGPACK
//* (pack a set into one ZIP), MIGCOMB (combine partial sets), HMCAT.
//*
//*   PROG    the program
//*   ARGS    its parameters (PARMDD): DUMMY here; the job gives
//*           //RUN.ARGS DD *,SYMBOLS=JCLONLY with LE's options
//*           on the first record (POSIX(ON)/) and the arguments on
//*           records that start with a blank, e.g. for MIGCHECK
//*             POSIX(ON)/
//*              /u/hostmig/memo/MIGRATE.PKL
//*
//* Return codes: 0, 4 (warnings), 8 (errors), 12, 16. NOT RUN.
//*--------------------------------------------------------------------
//RUN      EXEC PGM=&PROG,PARMDD=ARGS,REGION=0M
//STEPLIB  DD DISP=SHR,DSN=&LOAD
//ARGS     DD DUMMY
//SYSPRINT DD SYSOUT=*
//SYSOUT   DD SYSOUT=*
//CEEDUMP  DD SYSOUT=*
