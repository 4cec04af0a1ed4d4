/* okmain.c - a main may use stdlib.h. */
#include <stdlib.h>
#include <string.h>
#include "hm_plat.h"

int main(void)
{
    exit(0);
    return 0;
}
