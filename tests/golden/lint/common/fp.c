/* fp.c - floating point in the core. */
double hm_ratio;
