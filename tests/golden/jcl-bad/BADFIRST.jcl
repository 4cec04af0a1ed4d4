//* EXPECT: a member must start with a JOB or a PROC statement
//STEP1    EXEC PGM=IEFBR14
