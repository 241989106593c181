/* WasmBench native shim, linked into every native workload build.
 *
 * Implements the bench markers of the workload protocol natively: the execution time is
 * the sum of the bench_start..bench_end intervals, measured with CLOCK_MONOTONIC, and is
 * written (as decimal nanoseconds) to the file named by WASMBENCH_NATIVE_TIMING_FILE at
 * every bench_end. A program that never calls the markers is timed from this shim's
 * constructor to its destructor (about the whole main); an interval left open at exit is
 * closed by the destructor.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long wasmbench_process_start;
static long long wasmbench_opened_at;
static long long wasmbench_total;
static int wasmbench_used;
static int wasmbench_open;

static long long wasmbench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void wasmbench_report(long long ns)
{
    const char *path = getenv("WASMBENCH_NATIVE_TIMING_FILE");
    if (!path)
        return;
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fprintf(f, "%lld\n", ns);
    fclose(f);
}

__attribute__((constructor)) static void wasmbench_begin(void)
{
    wasmbench_process_start = wasmbench_now();
}

void bench_start(void)
{
    wasmbench_used = 1;
    if (!wasmbench_open) {
        wasmbench_open = 1;
        wasmbench_opened_at = wasmbench_now();
    }
}

void bench_end(void)
{
    long long now = wasmbench_now();
    if (wasmbench_open) {
        wasmbench_total += now - wasmbench_opened_at;
        wasmbench_open = 0;
    }
    wasmbench_report(wasmbench_total);
}

__attribute__((destructor)) static void wasmbench_finish(void)
{
    long long now = wasmbench_now();
    if (!wasmbench_used)
        wasmbench_report(now - wasmbench_process_start);
    else if (wasmbench_open)
        wasmbench_report(wasmbench_total + (now - wasmbench_opened_at));
}
