//HMMEMO   PROC LOAD=HOSTMIG.LOAD,PARMLIB=HOSTMIG.PARMLIB,
//             DATA=HOSTMIG.MEMO,CTL=MEMOCTL,ACCT=MEMOACCT,
//             PROF=MEMOPROF,COPY=MEMOCOPY
//*--------------------------------------------------------------------
//* HMMEMO - run memoext on an unloaded Verimation MEMO store.
//*
//* DD names (Microsoft's names where they fit) and the options the
//* calling job gives them in MIGARGS:
//*   MIGPARM  --control //DD:MIGPARM   batch control file (keyword,
//*            value lines: Accounts, Email, EmailStart, Partition,
//*            Status ...): &PARMLIB(&CTL)
//*   MIGACCT  --accounts //DD:MIGACCT  accounts to migrate, one id
//*            a line: &PARMLIB(&ACCT)
//*   MIGUSRL  --users //DD:MIGUSRL     the user list: &DATA..USERS
//*   MIGPROF  --profile //DD:MIGPROF   store profile: &PARMLIB(&PROF)
//*   MIGCOPY  --copybook //DD:MIGCOPY  record layouts: &PARMLIB(&COPY)
//*   MIGMAIL, MIGBBRD, MIGDIRE  --data //DD:name  the unloaded
//*            clusters &DATA..MAIL, .BBOARD, .DIRECT (HMMUNLD)
//*   MIGARGS  the program's parameters (PARMDD): DUMMY here, the job
//*            overrides it with //RUN.MIGARGS DD *,SYMBOLS=JCLONLY
//*   SYSPRINT the log (HMGnnnnS messages); SYSOUT standard output
//*
//* Output: a set of migration files (MIGRATE.PKL, *.PRI, *.SEC) in
//* a z/OS UNIX directory (--out PATH): one directory takes the many
//* files of a set, keeps their exact bytes, and is moved in binary
//* by FTP or packed into one ZIP by migpack (HMSEND).
//*
//* PARMDD, not PARM: the options exceed PARM's 100 characters.
//* PARMDD needs z/OS 2.1 or later; its records are concatenated,
//* so each record after the first starts with a blank. The first
//* record holds LE's options: POSIX(ON)/ (z/OS UNIX paths, opendir,
//* rename). NOT RUN: no z/OS system was available.
//*--------------------------------------------------------------------
//RUN      EXEC PGM=MEMOEXT,PARMDD=MIGARGS,REGION=0M
//STEPLIB  DD DISP=SHR,DSN=&LOAD
//MIGARGS  DD DUMMY
//MIGPARM  DD DISP=SHR,DSN=&PARMLIB(&CTL)
//MIGACCT  DD DISP=SHR,DSN=&PARMLIB(&ACCT)
//MIGPROF  DD DISP=SHR,DSN=&PARMLIB(&PROF)
//MIGCOPY  DD DISP=SHR,DSN=&PARMLIB(&COPY)
//MIGUSRL  DD DISP=SHR,DSN=&DATA..USERS
//MIGMAIL  DD DISP=SHR,DSN=&DATA..MAIL
//MIGBBRD  DD DISP=SHR,DSN=&DATA..BBOARD
//MIGDIRE  DD DISP=SHR,DSN=&DATA..DIRECT
//SYSPRINT DD SYSOUT=*
//SYSOUT   DD SYSOUT=*
//CEEDUMP  DD SYSOUT=*
