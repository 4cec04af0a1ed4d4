//HMTAO    PROC LOAD=HOSTMIG.LOAD,PARMLIB=HOSTMIG.PARMLIB,
//             DATA=HOSTMIG.TAO,CTL=TAOCTL,ACCT=TAOACCT,
//             PROF=TAOPROF,COPY=TAOCOPY
//*--------------------------------------------------------------------
//* HMTAO - run taoext on an unloaded Fischer TAO store.
//*
//* DD names and the options the calling job gives them in MIGARGS:
//*   MIGPARM  --control //DD:MIGPARM   batch control file:
//*            &PARMLIB(&CTL)
//*   MIGACCT  --accounts //DD:MIGACCT  accounts: &PARMLIB(&ACCT)
//*   MIGPROF  --profile //DD:MIGPROF   store profile: &PARMLIB(&PROF)
//*   MIGCOPY  --copybook //DD:MIGCOPY  record layouts: &PARMLIB(&COPY)
//*   MIGSTOR, MIGCAL, MIGDIRE  --data //DD:name  the unloaded
//*            clusters &DATA..STORE, .CAL, .DIRECT (HMTUNLD); the
//*            accounts come from the STORE records (the profile)
//*   MIGARGS  the program's parameters (PARMDD): DUMMY here, the job
//*            overrides it with //RUN.MIGARGS DD *,SYMBOLS=JCLONLY
//*   SYSPRINT the log; SYSOUT standard output
//*
//* Output in a z/OS UNIX directory, as HMMEMO (see there for why).
//* PARMDD needs z/OS 2.1 or later. NOT RUN.
//*--------------------------------------------------------------------
//RUN      EXEC PGM=TAOEXT,PARMDD=MIGARGS,REGION=0M
//STEPLIB  DD DISP=SHR,DSN=&LOAD
//MIGARGS  DD DUMMY
//MIGPARM  DD DISP=SHR,DSN=&PARMLIB(&CTL)
//MIGACCT  DD DISP=SHR,DSN=&PARMLIB(&ACCT)
//MIGPROF  DD DISP=SHR,DSN=&PARMLIB(&PROF)
//MIGCOPY  DD DISP=SHR,DSN=&PARMLIB(&COPY)
//MIGSTOR  DD DISP=SHR,DSN=&DATA..STORE
//MIGCAL   DD DISP=SHR,DSN=&DATA..CAL
//MIGDIRE  DD DISP=SHR,DSN=&DATA..DIRECT
//SYSPRINT DD SYSOUT=*
//SYSOUT   DD SYSOUT=*
//CEEDUMP  DD SYSOUT=*
