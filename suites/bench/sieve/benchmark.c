/* sieve: sieve of Eratosthenes over a byte array, repeated — tight integer loops,
 * strided byte stores, sequential scans. */
#include "../include/bench.h"

static uint64_t sieve(uint8_t *composite, uint32_t limit, uint32_t *count)
{
    memset(composite, 0, limit + 1);
    for (uint32_t i = 2; (uint64_t)i * i <= limit; i++)
        if (!composite[i])
            for (uint32_t j = i * i; j <= limit; j += i)
                composite[j] = 1;
    uint64_t sum = 0;
    uint32_t n = 0;
    for (uint32_t i = 2; i <= limit; i++)
        if (!composite[i]) {
            n++;
            sum += i;
        }
    *count = n;
    return sum;
}

int main(int argc, char **argv)
{
    static const uint32_t limits[] = { 2000000, 16000000, 16000000 };
    static const uint32_t rounds[] = { 1, 12, 48 };
    enum bench_size size = bench_parse_size(argc, argv);
    uint32_t limit = limits[size];
    uint8_t *composite = bench_alloc((size_t)limit + 1);
    uint32_t count = 0;
    uint64_t sum = 0, check = 0;

    bench_start();
    for (uint32_t r = 0; r < rounds[size]; r++) {
        /* Vary the limit slightly so rounds are not identical work to fold away. */
        sum = sieve(composite, limit - r, &count);
        check = check * 31 + sum + count;
    }
    bench_end();

    printf("primes <= %u: %u\n", limit - (rounds[size] - 1), count);
    printf("sum of those primes: %llu\n", (unsigned long long)sum);
    printf("checksum: %llu\n", (unsigned long long)check);
    free(composite);
    return 0;
}
