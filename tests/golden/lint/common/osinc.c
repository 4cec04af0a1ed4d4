/* osinc.c - a core file with OS headers. */
#include <string.h>
#include <stdio.h>
#include <unistd.h>
int hm_osinc;
