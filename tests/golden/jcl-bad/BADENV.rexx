/* REXX - EXPECT: ADDRESS CMS is not an environment of TSO/E */
address CMS 'LISTFILE * * A'
exit rc
