/* test_plat.c - the POSIX platform layer: reading, the atomic
 * writer (temporary name + rename), directories, the log. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "hm_plat.h"

static char dir[256];
static char lastmsg[512];

static void sink(void *ctx, int sev, const char *line, size_t len)
{
    (void)ctx;
    (void)sev;
    memcpy(lastmsg, line, len);
    lastmsg[len] = 0;
}

static int setup(void **st)
{
    (void)st;
    snprintf(dir, sizeof dir, "build/out/test_plat.%d", (int)getpid());
    return hm_pl_mkdir(dir, 0);
}

static int teardown(void **st)
{
    char cmd[300];
    (void)st;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static int count_entries(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)) != 0)
        if (e->d_name[0] != '.')
            n++;
    if (d)
        closedir(d);
    return n;
}

static void commit_makes_file_appear(void **st)
{
    char path[300];
    hm_pout *o;
    hm_log lg;
    struct stat sb;
    (void)st;
    hm_log_init(&lg, sink, 0);
    hm_pl_join(dir, "A.PRI", path, sizeof path);
    o = hm_pl_create(path, &lg);
    assert_non_null(o);
    assert_int_equal(hm_pl_write(o, (const unsigned char *)"abc", 3), 0);
    /* not visible under its final name before the commit */
    assert_int_not_equal(stat(path, &sb), 0);
    assert_int_equal(count_entries(dir), 1);
    assert_int_equal(hm_pl_commit(o, &lg), 0);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal((int)sb.st_size, 3);
    assert_int_equal(count_entries(dir), 1);
    assert_int_equal(hm_log_rc(&lg), 0);
}

static void discard_leaves_nothing(void **st)
{
    char path[300];
    hm_pout *o;
    struct stat sb;
    int before = count_entries(dir);
    (void)st;
    hm_pl_join(dir, "B.SEC", path, sizeof path);
    o = hm_pl_create(path, 0);
    assert_non_null(o);
    hm_pl_write(o, (const unsigned char *)"partial", 7);
    hm_pl_discard(o);
    assert_int_not_equal(stat(path, &sb), 0);
    assert_int_equal(count_entries(dir), before);
}

static void read_back_and_size(void **st)
{
    char path[300];
    unsigned char buf[16];
    hm_pout *o;
    hm_pfile *f;
    long n;
    (void)st;
    hm_pl_join(dir, "C.DAT", path, sizeof path);
    o = hm_pl_create(path, 0);
    hm_pl_write(o, (const unsigned char *)"\xC1\xC2\xC3", 3);
    assert_int_equal(hm_pl_commit(o, 0), 0);
    f = hm_pl_open(path, HM_PL_BYTES, 0);
    assert_non_null(f);
    assert_int_equal(hm_pl_size(f), 3);
    n = hm_pl_read(f, buf, sizeof buf);
    assert_int_equal(n, 3);
    assert_memory_equal(buf, "\xC1\xC2\xC3", 3);
    assert_int_equal(hm_pl_read(f, buf, sizeof buf), 0);
    hm_pl_close(f);
}

static void open_missing_names_file(void **st)
{
    hm_log lg;
    (void)st;
    hm_log_init(&lg, sink, 0);
    assert_null(hm_pl_open("no/such/file.x", HM_PL_BYTES, &lg));
    assert_int_equal(hm_log_rc(&lg), 8);
    assert_non_null(strstr(lastmsg, "HMG0003E"));
    assert_non_null(strstr(lastmsg, "no/such/file.x"));
}

static int collect(void *ctx, const char *name, int is_dir)
{
    char *acc = (char *)ctx;
    strcat(acc, name);
    strcat(acc, is_dir ? "/ " : " ");
    return 0;
}

static void listdir_sorted(void **st)
{
    char path[300], sub[300], acc[512] = "";
    const char *names[] = { "zz", "AA", "mm" };
    int i;
    (void)st;
    hm_pl_join(dir, "list", sub, sizeof sub);
    assert_int_equal(hm_pl_mkdir(sub, 0), 0);
    for (i = 0; i < 3; i++) {
        hm_pout *o;
        hm_pl_join(sub, names[i], path, sizeof path);
        o = hm_pl_create(path, 0);
        assert_int_equal(hm_pl_commit(o, 0), 0);
    }
    hm_pl_join(sub, "dd", path, sizeof path);
    assert_int_equal(hm_pl_mkdir(path, 0), 0);
    assert_int_equal(hm_pl_listdir(sub, collect, acc, 0), 0);
    assert_string_equal(acc, "AA dd/ mm zz ");
}

static void join_bounds(void **st)
{
    char b[8];
    (void)st;
    assert_int_equal(hm_pl_join("ab", "cd", b, sizeof b), 0);
    assert_string_equal(b, "ab/cd");
    assert_int_equal(hm_pl_join("ab/", "cd", b, sizeof b), 0);
    assert_string_equal(b, "ab/cd");
    assert_int_equal(hm_pl_join("abcd", "efgh", b, sizeof b), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(commit_makes_file_appear),
        cmocka_unit_test(discard_leaves_nothing),
        cmocka_unit_test(read_back_and_size),
        cmocka_unit_test(open_missing_names_file),
        cmocka_unit_test(listdir_sorted),
        cmocka_unit_test(join_bounds),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
