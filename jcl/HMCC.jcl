//HMCC     PROC M=,HLQ=HOSTMIG,SRC=SOURCE,
//             LANG='LANGLVL(STDC89)',NAMES=LONGNAME,DEFS=,
//             OPT='OPT(2)',LIBPRFX=CEE,LNGPRFX=CBC,TUNIT=SYSALLDA
//*--------------------------------------------------------------------
//* HMCC - compile one C member of hostmig with z/OS XL C.
//*
//*   M       the member (8-character name, see common/HOST.md)
//*   HLQ     prefix of the hostmig data sets: &HLQ..SOURCE (C
//*           members, FB 80), &HLQ..H (headers, .def files and the
//*           name map HMNAMES), &HLQ..ZLIB.H (zlib's headers),
//*           &HLQ..OBJ (object modules, PDS FB 80)
//*   SRC     the source library below &HLQ (ZLIB.C for zlib)
//*   LANG    LANGLVL(STDC89) for the portable core, LANGLVL(EXTENDED)
//*           for the platform layer (plat_*.c) and zlib
//*   NAMES   LONGNAME (binder, PDSE load library: the default) or
//*           NOLONGNAME (8-character names through the #pragma map
//*           of HMNAMES, generated on Linux from build/names.map)
//*   DEFS    more macros: ,_LARGE_FILES for the platform layer
//*
//* NOSEQ NOMARGINS: sources are 80 columns wide, so columns 73-80
//* must not be taken as sequence numbers (C's default for FB 80).
//* DEF(HM_USE_NAMEMAP) makes hm_base.h include HMNAMES; its #pragma
//* map lines apply only under NOLONGNAME. HM_NO_ICONV: the built-in
//* code page tables, no LE iconv (as Makefile.zos).
//*
//* Modelled on IBM's EDCC procedure (CBC.SCCNPRC): the compiler
//* CCNDRVR, the same libraries and work files. NOT RUN: no z/OS
//* system was available; compare with your EDCC if the compiler
//* asks for a DD that is missing here. The PARM must stay within
//* 100 characters (build/jcllint.py checks it).
//*--------------------------------------------------------------------
//COMPILE  EXEC PGM=CCNDRVR,REGION=0M,
//             PARM=('/&LANG',NOSEQ,NOMARGINS,&NAMES,'&OPT',
//             'DEF(HM_NO_ICONV,HM_USE_NAMEMAP&DEFS)')
//STEPLIB  DD DISP=SHR,DSN=&LIBPRFX..SCEERUN2
//         DD DISP=SHR,DSN=&LNGPRFX..SCCNCMP
//         DD DISP=SHR,DSN=&LIBPRFX..SCEERUN
//SYSMSGS  DD DUMMY
//SYSIN    DD DISP=SHR,DSN=&HLQ..&SRC(&M)
//*  system headers (<...>): LE's, then zlib.h and zconf.h
//SYSLIB   DD DISP=SHR,DSN=&LIBPRFX..SCEEH.H
//         DD DISP=SHR,DSN=&LIBPRFX..SCEEH.SYS.H
//         DD DISP=SHR,DSN=&HLQ..ZLIB.H
//*  user headers ("..."): hm_base.h is member HM@BASE
//USERLIB  DD DISP=SHR,DSN=&HLQ..H
//         DD DISP=SHR,DSN=&HLQ..ZLIB.H
//SYSLIN   DD DISP=SHR,DSN=&HLQ..OBJ(&M)
//SYSPRINT DD SYSOUT=*
//SYSOUT   DD SYSOUT=*
//SYSCPRT  DD SYSOUT=*
//SYSUT1   DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=FB,LRECL=80,BLKSIZE=3200)
//SYSUT5   DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=FB,LRECL=3200,BLKSIZE=12800)
//SYSUT6   DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=FB,LRECL=3200,BLKSIZE=12800)
//SYSUT7   DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=FB,LRECL=3200,BLKSIZE=12800)
//SYSUT8   DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=FB,LRECL=3200,BLKSIZE=12800)
//SYSUT9   DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=VB,LRECL=137,BLKSIZE=882)
//SYSUT10  DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=FB,LRECL=3200,BLKSIZE=12800)
//SYSUT14  DD UNIT=&TUNIT,SPACE=(32000,(30,30)),
//            DCB=(RECFM=FB,LRECL=3200,BLKSIZE=12800)
