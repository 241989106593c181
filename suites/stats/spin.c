/* spin: a dependent xorshift chain whose length is read from work.input, so the work is
 * exactly proportional to that number. The statistics acceptance runs use it: base/spin and
 * slow10/spin are the same module with 10% more work in slow10's work.input. */
#include "../bench/include/bench.h"

int main(void)
{
    FILE *input = fopen("work.input", "r");
    unsigned long long n = 0;
    if (input == NULL || fscanf(input, "%llu", &n) != 1) {
        fprintf(stderr, "spin: cannot read the iteration count from work.input\n");
        return 2;
    }
    fclose(input);

    volatile uint64_t seed = 0x9E3779B97F4A7C15ull;
    uint64_t x = seed;
    bench_start();
    for (unsigned long long i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    bench_end();

    printf("spin(%llu) = %llu\n", n, (unsigned long long)x);
    return 0;
}
