//HMALLOC  JOB (ACCT),'HOSTMIG ALLOC',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMALLOC - allocate the hostmig data sets that FTP does not
//* create (common/HOST.md, "Running on z/OS"):
//*   &HLQ..OBJ    object modules (PDS, FB 80)
//*   &HLQ..LOAD   programs (PDSE, RECFM U): program objects
//*   &HLQ..PARMLIB  control files, accounts lists, store profiles
//*                and copybooks (PDS, FB 80)
//* The source libraries (&HLQ..SOURCE, &HLQ..H, &HLQ..ZLIB.C,
//* &HLQ..ZLIB.H), this JCL library and the REXX library are made by
//* FTP's MKDIR while uploading. Change HLQ below; NOT RUN.
//*--------------------------------------------------------------------
//         SET HLQ=HOSTMIG
//ALLOC    EXEC PGM=IEFBR14
//OBJ      DD DSN=&HLQ..OBJ,DISP=(NEW,CATLG,DELETE),
//            UNIT=SYSALLDA,SPACE=(CYL,(10,10,50)),
//            DCB=(RECFM=FB,LRECL=80,BLKSIZE=27920)
//LOAD     DD DSN=&HLQ..LOAD,DISP=(NEW,CATLG,DELETE),
//            UNIT=SYSALLDA,SPACE=(CYL,(10,10,20)),
//            DSNTYPE=LIBRARY,DCB=(RECFM=U,BLKSIZE=32760)
//PARMLIB  DD DSN=&HLQ..PARMLIB,DISP=(NEW,CATLG,DELETE),
//            UNIT=SYSALLDA,SPACE=(TRK,(15,15,20)),
//            DCB=(RECFM=FB,LRECL=80,BLKSIZE=27920)
