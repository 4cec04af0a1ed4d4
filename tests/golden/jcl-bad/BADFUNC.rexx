/* REXX - EXPECT: function nosuchfn(): no such label */
x = nosuchfn(1)
exit x
