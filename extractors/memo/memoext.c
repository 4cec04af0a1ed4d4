/*
 * memoext - extract a Verimation MEMO store, unloaded into
 * sequential data sets (IDCAMS REPRO of each VSAM cluster), into a
 * set of Exchange Migration Wizard migration files. The records are
 * read through a declared layout: a COBOL copybook and a store
 * profile (MEMOEX.cpy and MEMOEX.prof are examples of their
 * structure, to be checked against the site's own record
 * descriptions). See extractors/layout/README.md.
 *
 *   memoext --out DIR --profile MEMOEX.prof --users USERS.VB
 *           --data MAIL.VB --data BBOARD.VB --data DIRECT.VB
 *           [--accounts MIGACCT] [--control MIGPARM] [...]
 *   memoext --inspect 3 --profile MEMOEX.prof --data MAIL.VB
 *
 * Under z/OS the files are DD names, as in Microsoft's MEMO
 * extractor: --control //DD:MIGPARM --accounts //DD:MIGACCT
 * --users //DD:MIGUSRL --data //DD:MIGDATA --profile //DD:MIGPROF
 * --recfm REC --out //DD:MIGOUT... (see extractors/layout/README.md).
 * Addresses are SNADS addresses: SNADS:DGN(DEN).
 */
#include "../layout/hm_lxmain.h"

int main(int argc, char **argv)
{
    static const lx_prog prog = { "MEMOEXT", "SNADS" };
    return lx_main(&prog, argc, argv);
}
