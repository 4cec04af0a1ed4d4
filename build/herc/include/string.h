/*
 * string.h for the bare-metal Hercules images: exactly the six
 * functions the portable core may use (hm_base.h), implemented in
 * build/herc/hw.c. Any other libc header is missing on purpose
 * (the images are built with -nostdinc), so a core module that
 * strays from the rule fails to build here.
 */
#ifndef HM_HERC_STRING_H
#define HM_HERC_STRING_H

#include <stddef.h>

void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

#endif
