/*
 * taoext - extract a Fischer TAO store, unloaded into sequential
 * data sets (IDCAMS REPRO of each VSAM cluster), into a set of
 * Exchange Migration Wizard migration files, through a declared
 * layout: a COBOL copybook and a store profile (TAOEX.cpy and
 * TAOEX.prof are examples of their structure, to be checked against
 * the site's own record descriptions). See extractors/layout/README.md.
 *
 *   taoext --out DIR --profile TAOEX.prof --users USERS.VB
 *          --data STORE.VB --data CAL.VB --data DIRECT.VB
 *   taoext --inspect 3 --profile TAOEX.prof --data STORE.VB
 *
 * Addresses are built as TAO:NODE(USER).
 */
#include "../layout/hm_lxmain.h"

int main(int argc, char **argv)
{
    static const lx_prog prog = { "TAOEXT", "TAO" };
    return lx_main(&prog, argc, argv);
}
