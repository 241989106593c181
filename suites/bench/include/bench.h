/* WasmBench workload helpers: the timed-region imports, size parsing, a PRNG.
 *
 * Protocol: call bench_start() once after setup (input reading, allocation of the data the
 * kernel works on) and bench_end() once after the kernel, before printing the result.
 * On wasm these are imports "bench"."start" / "bench"."end" of type [] -> []; natively the
 * engine's shim (or bench_native_stub.c) provides them at link time. */
#ifndef WASMBENCH_BENCH_H
#define WASMBENCH_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__wasm__)
__attribute__((import_module("bench"), import_name("start"))) void bench_start(void);
__attribute__((import_module("bench"), import_name("end"))) void bench_end(void);
#else
void bench_start(void); /* provided by the native engine's shim at link time */
void bench_end(void);
#endif

enum bench_size { BENCH_SMALL = 0, BENCH_DEFAULT = 1, BENCH_LARGE = 2 };

/* Parses the one optional argument (small | default | large; missing -> default).
 * Anything else: a message on stderr and exit status 2. */
static inline enum bench_size bench_parse_size(int argc, char **argv)
{
    if (argc < 2)
        return BENCH_DEFAULT;
    if (argc == 2) {
        if (strcmp(argv[1], "small") == 0)
            return BENCH_SMALL;
        if (strcmp(argv[1], "default") == 0)
            return BENCH_DEFAULT;
        if (strcmp(argv[1], "large") == 0)
            return BENCH_LARGE;
    }
    fprintf(stderr, "usage: benchmark [small|default|large]\n");
    exit(2);
}

/* splitmix64: a small deterministic generator, identical on every target. */
typedef struct { uint64_t state; } bench_rng;

static inline uint64_t bench_next(bench_rng *rng)
{
    uint64_t z = (rng->state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform in [0, bound) for bound > 0 (slight modulo bias is irrelevant here). */
static inline uint32_t bench_below(bench_rng *rng, uint32_t bound)
{
    return (uint32_t)(bench_next(rng) % bound);
}

/* Allocation that exits (status 3, message on stderr) instead of returning NULL. */
static inline void *bench_alloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory (%zu bytes)\n", size);
        exit(3);
    }
    return p;
}

#endif
