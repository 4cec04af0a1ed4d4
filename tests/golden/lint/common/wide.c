/* wide.c - line 4 has 81 characters. */
#include <string.h>

/* this comment makes the line exactly 81 characters wide xxxxxxxxxxxxxxxxxxxxx*/
int hm_wide;
