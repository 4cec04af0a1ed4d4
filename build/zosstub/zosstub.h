/*
 * zosstub.h - for the Linux syntax check of common/plat_zos.c and
 * common/plat_cms.c only (build/lint.py --plat compiles them with
 * -D__MVS__ -DHM_ZOS_STUBS, or -D__VM__ / -D__CMS__ -DHM_CMS_STUBS,
 * and -Ibuild/zosstub).
 *
 * Kept honest on purpose: both backends use only ISO C, a few POSIX
 * functions (opendir, stat, mkdir: z/OS UNIX only) and fopen() mode
 * strings with LE keywords ("rb,type=record", "wb,recfm=U,..."),
 * which glibc declares with the same prototypes. So nothing has to be
 * faked here, and nothing is. What this check cannot see: whether LE
 * (or PDPCLIB) accepts those keywords and names, how rename()
 * behaves on data sets and CMS files, and record I/O semantics.
 * Those come from IBM's documentation and PDPCLIB's source and
 * remain unverified until the code runs on a host.
 *
 * If a backend ever needs a z/OS-only declaration (fldata_t,
 * __dyn_t, dynalloc(), __cms ...), declare it below with the
 * layout copied from the IBM header it mirrors, and say which.
 */
#ifndef HM_ZOSSTUB_H
#define HM_ZOSSTUB_H

#if defined(__IBMC__) || defined(__IBMCPP__) || defined(__open_xl__)
#error "zosstub.h is for the Linux syntax check only"
#endif

/* Lets the backends know they are only being syntax-checked. */
#define HM_PLAT_STUBBED 1

#endif
