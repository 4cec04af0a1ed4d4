/* badmain.c - mains use hm_pl_*. */
#include <stdio.h>

int main(void)
{
    return 0;
}
