//HMMAKE   JOB (ACCT),'HOSTMIG MAKE',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMMAKE - build hostmig in z/OS UNIX with Makefile.zos (gmake and
//* xlc), then copy the programs into the PDSE &HLQ..LOAD (the
//* Makefile's load target). The other way, from data sets, is
//* HMBUILD.
//*
//*   SRC     the source tree, copied over and converted to IBM-1047
//*           (pax -o from=ISO8859-1,to=IBM-1047, see Makefile.zos)
//*   HLQ     the prefix of the load library
//*
//* BPXBATCH reads its command from STDPARM; SYMBOLS=JCLONLY puts
//* the EXPORTed symbols in (z/OS 2.1 or later). NOT RUN.
//*--------------------------------------------------------------------
//         EXPORT SYMLIST=(SRC,HLQ)
//         SET SRC='/u/hostmig/src'
//         SET HLQ=HOSTMIG
//MAKE     EXEC PGM=BPXBATCH,REGION=0M
//STDOUT   DD SYSOUT=*
//STDERR   DD SYSOUT=*
//STDPARM  DD *,SYMBOLS=JCLONLY
SH set -e; cd &SRC; gmake -f Makefile.zos load HLQ=&HLQ
/*
