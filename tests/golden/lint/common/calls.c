/* calls.c - C library calls the core must not make. */
#include <string.h>
char *h(const char *s)
{
    memcpy(0, s, 0);
    return strchr(s, 1);
}
