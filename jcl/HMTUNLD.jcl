//HMTUNLD  JOB (ACCT),'HOSTMIG TAO UNLOAD',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* HMTUNLD - unload the VSAM clusters of a Fischer TAO store into
//* sequential VB data sets for taoext (HMTAO, HMTRUN).
//*
//*   TAO     the prefix of the site's TAO clusters. STORE, CAL and
//*           DIRECT are PLACEHOLDERS: TAO's cluster names and
//*           record layouts were never published; describe the
//*           records in the profile and copybook (taoext --inspect).
//*   OUT     the prefix of the unloaded data sets
//*
//* Stop TAO (or close its clusters) first. NOT RUN.
//*--------------------------------------------------------------------
//         JCLLIB ORDER=HOSTMIG.JCL
//         SET TAO=TAO.PROD
//         SET OUT=HOSTMIG.TAO
//STORE    EXEC HMREPRO,VSAM=&TAO..STORE,SEQ=&OUT..STORE,
//             SPACE='(CYL,(500,200),RLSE)'
//CAL      EXEC HMREPRO,VSAM=&TAO..CAL,SEQ=&OUT..CAL
//DIRECT   EXEC HMREPRO,VSAM=&TAO..DIRECT,SEQ=&OUT..DIRECT
