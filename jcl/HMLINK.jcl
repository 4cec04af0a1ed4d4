//HMLINK   PROC P=,HLQ=HOSTMIG,LIBPRFX=CEE,TUNIT=SYSALLDA,
//             BPARM='AMODE=31,RMODE=ANY,MAP,LIST,CASE=MIXED'
//*--------------------------------------------------------------------
//* HMLINK - bind one hostmig program into &HLQ..LOAD(&P) with the
//* binder (IEWL), from the object modules in &HLQ..OBJ.
//*
//* The calling job gives the binder's control statements as
//*   //BIND.SYSIN DD *
//*     INCLUDE OBJ(main)          the program's main
//*     INCLUDE OBJ(member) ...    every library member
//*     ENTRY CEESTART
//*     NAME P(R)
//*   /*
//* (HMBUILD is generated with them). SYSLIN reads SYSIN.
//*
//* &HLQ..LOAD is a PDSE (DSNTYPE=LIBRARY, RECFM=U): program objects
//* with long names (LONGNAME, the default of HMCC) need one. With
//* NOLONGNAME objects (HMCC NAMES=NOLONGNAME) a PDS also works.
//* Modelled on the bind step of IBM's EDCCB; LE's SCEELKEX (long
//* names) and SCEELKED resolve the C library. NOT RUN.
//*--------------------------------------------------------------------
//BIND     EXEC PGM=IEWL,PARM='&BPARM'
//SYSLIB   DD DISP=SHR,DSN=&LIBPRFX..SCEELKEX
//         DD DISP=SHR,DSN=&LIBPRFX..SCEELKED
//OBJ      DD DISP=SHR,DSN=&HLQ..OBJ
//SYSLMOD  DD DISP=SHR,DSN=&HLQ..LOAD(&P)
//SYSPRINT DD SYSOUT=*
//SYSUT1   DD UNIT=&TUNIT,SPACE=(CYL,(5,5))
//SYSLIN   DD DDNAME=SYSIN
