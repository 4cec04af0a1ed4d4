//HMMUNLD  JOB (ACCT),'HOSTMIG MEMO UNLOAD',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMMUNLD - unload the VSAM clusters of a Verimation MEMO store
//* into sequential VB data sets for memoext (HMMEMO, HMMRUN).
//*
//*   MEMO    the prefix of the site's MEMO clusters. The names
//*           below (USERS, MAIL, BBOARD, DIRECT) are PLACEHOLDERS:
//*           MEMO's cluster names and record layouts were never
//*           published; put in your own and describe their records
//*           in the profile and copybook (memoext --inspect).
//*   OUT     the prefix of the unloaded data sets
//*
//* Stop MEMO (or close its clusters) first: all clusters must show
//* the same moment. NOT RUN.
//*--------------------------------------------------------------------
//         JCLLIB ORDER=HOSTMIG.JCL
//         SET MEMO=MEMO.PROD
//         SET OUT=HOSTMIG.MEMO
//USERS    EXEC HMREPRO,VSAM=&MEMO..USERS,SEQ=&OUT..USERS
//MAIL     EXEC HMREPRO,VSAM=&MEMO..MAIL,SEQ=&OUT..MAIL,
//             SPACE='(CYL,(500,200),RLSE)'
//BBOARD   EXEC HMREPRO,VSAM=&MEMO..BBOARD,SEQ=&OUT..BBOARD
//DIRECT   EXEC HMREPRO,VSAM=&MEMO..DIRECT,SEQ=&OUT..DIRECT
