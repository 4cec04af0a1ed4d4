/* REXX - EXPECT: character '[' outside comments */
x = '[a]'
exit 0
