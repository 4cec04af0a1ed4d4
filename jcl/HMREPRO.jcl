//HMREPRO  PROC VSAM=,SEQ=,SPACE='(CYL,(50,50),RLSE)',
//             UNIT=SYSALLDA
//*--------------------------------------------------------------------
//* HMREPRO - unload one VSAM cluster (MEMO or TAO store) with IDCAMS
//* REPRO into a new sequential data set RECFM=VB LRECL=32756, the
//* form memoext and taoext read (--data //DD:name --recfm REC).
//*
//*   VSAM    the cluster (KSDS, ESDS or RRDS)
//*   SEQ     the sequential data set to create; an old one of the
//*           same name is deleted first
//*   SPACE   its space, in the form of the SPACE= parameter
//*
//* Unload while the mail system is stopped or the clusters are
//* closed, so that all clusters show the same moment. Records
//* longer than 32752 bytes (spanned) do not fit: REPRO ends with an
//* error and the job says so. In-stream data in a cataloged PROC
//* (the SYSIN below) needs z/OS 2.1 or later. NOT RUN.
//*--------------------------------------------------------------------
//DELETE   EXEC PGM=IEFBR14
//OLD      DD DSN=&SEQ,DISP=(MOD,DELETE,DELETE),UNIT=&UNIT,
//            SPACE=(TRK,0)
//REPRO    EXEC PGM=IDCAMS
//SYSPRINT DD SYSOUT=*
//VSAMIN   DD DISP=SHR,DSN=&VSAM
//SEQOUT   DD DSN=&SEQ,DISP=(NEW,CATLG,DELETE),UNIT=&UNIT,
//            SPACE=&SPACE,
//            DCB=(RECFM=VB,LRECL=32756,BLKSIZE=32760)
//SYSIN    DD *
  REPRO INFILE(VSAMIN) OUTFILE(SEQOUT)
/*
