/* a TSO exec without the word
   EXPECT: the first line's comment must hold the word REXX */
exit 0
