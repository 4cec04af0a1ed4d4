//BADPSYM  PROC HLQ=HOSTMIG
//* EXPECT: PROC parameter &HLQ is not substituted in in-stream data
//STEP1    EXEC PGM=IEBGENER
//SYSUT1   DD *
&HLQ..A
/*
