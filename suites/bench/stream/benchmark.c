/* stream: STREAM-like copy, scale, add and triad kernels over three 32-bit integer
 * arrays much larger than the caches — memory bandwidth, simple loops. Integer (wrapping)
 * arithmetic keeps the values exact and bounded. */
#include "../include/bench.h"

int main(int argc, char **argv)
{
    static const uint32_t lens[] = { 1u << 18, 1u << 22, 1u << 22 };
    static const uint32_t reps[] = { 2, 60, 240 };
    enum bench_size size = bench_parse_size(argc, argv);
    uint32_t n = lens[size];
    uint32_t *a = bench_alloc(n * sizeof(uint32_t));
    uint32_t *b = bench_alloc(n * sizeof(uint32_t));
    uint32_t *c = bench_alloc(n * sizeof(uint32_t));
    for (uint32_t i = 0; i < n; i++) {
        a[i] = i;
        b[i] = 2 * i + 1;
        c[i] = 0;
    }

    const uint32_t s = 3;
    bench_start();
    for (uint32_t r = 0; r < reps[size]; r++) {
        for (uint32_t i = 0; i < n; i++) /* copy */
            c[i] = a[i];
        for (uint32_t i = 0; i < n; i++) /* scale */
            b[i] = s * c[i];
        for (uint32_t i = 0; i < n; i++) /* add */
            c[i] = a[i] + b[i];
        for (uint32_t i = 0; i < n; i++) /* triad */
            a[i] = b[i] + s * c[i] + r;
    }
    bench_end();

    uint64_t sa = 0, sb = 0, sc = 0;
    for (uint32_t i = 0; i < n; i++) {
        sa += a[i];
        sb += b[i];
        sc += c[i];
    }
    printf("elements: %u (3 arrays, %u KiB each), repetitions: %u\n", n, n / 256, reps[size]);
    printf("checksums: %llu %llu %llu\n", (unsigned long long)sa, (unsigned long long)sb,
           (unsigned long long)sc);
    free(a);
    free(b);
    free(c);
    return 0;
}
