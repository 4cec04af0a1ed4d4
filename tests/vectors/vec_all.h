/*
 * vec_all.h - every vector group, in the order both programs run
 * them (tests/unit/test_vectors.c and tests/herc/vectors.c).
 * Include this in exactly one source file of a program.
 */
#ifndef VEC_ALL_H
#define VEC_ALL_H

#include "hv.h"
#include "vec_msg.h"
#include "vec_cp.h"
#include "vec_rec.h"
#include "vec_nd.h"
#include "vec_ieb.h"
#include "vec_mig.h"
#include "vec_note.h"
#include "vec_cpy.h"

static const hv_group hv_groups[] = {
    hv_msg, hv_cp, hv_rec, hv_nd, hv_ieb, hv_mig, hv_note, hv_cpy
};
#define HV_NGROUPS ((int)HV_NA(hv_groups))

/* Run (or with dry, only name) vector i of group g: 1 passed,
 * 0 failed, -1 no such vector. */
static int hv_run(hv_ctx *c, int g, int i)
{
    c->name[0] = 0;
    c->detail[0] = 0;
    if (g < 0 || g >= HV_NGROUPS)
        return -1;
    return hv_groups[g](c, i);
}

#endif
