//HMSEND   JOB (ACCT),'HOSTMIG SEND',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMSEND - pack a checked set into one ZIP with migpack and send
//* it, in binary, to the PC that runs the Migration Wizard.
//*
//*   OUT     the set's directory (its packing list OUT/MIGRATE.PKL)
//*   ZIP     the ZIP to write (a z/OS UNIX file)
//*   PC      the PC's FTP server; user and password come from the
//*           NETRC data set (lines: machine PC login USER password
//*           PW), never from this job
//*
//* migpack checks the set first and refuses one with errors (return
//* code 8, no ZIP). The FTP step sends in binary (TYPE I): the
//* secondary files hold byte offsets that any conversion of line
//* ends or code page would break. (EXIT makes FTP end with a return
//* code when a command fails. On the PC: unzip, then point the
//* Migration Wizard at MIGRATE.PKL; migcheck can check the ZIP
//* there first.) Without an FTP server on the PC, fetch the ZIP from
//* the PC instead (common/HOST.md). NOT RUN.
//*--------------------------------------------------------------------
//         JCLLIB ORDER=HOSTMIG.JCL
//         EXPORT SYMLIST=(OUT,ZIP)
//         SET OUT='/u/hostmig/memo'
//         SET ZIP='/u/hostmig/memo.zip'
//PACK     EXEC HMUTIL,PROG=MIGPACK
//RUN.ARGS DD *,SYMBOLS=JCLONLY
POSIX(ON)/
 &OUT/MIGRATE.PKL
 &ZIP
/*
//         IF (PACK.RUN.RC < 8) THEN
//FTP      EXEC PGM=FTP,PARM='pc.example.com (EXIT'
//NETRC    DD DISP=SHR,DSN=&SYSUID..NETRC
//OUTPUT   DD SYSOUT=*
//INPUT    DD *,SYMBOLS=JCLONLY
binary
put &ZIP MIGRATE.ZIP
quit
/*
//         ENDIF
