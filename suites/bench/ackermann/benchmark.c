/* ackermann: the Ackermann-Peter function A(3, n), repeated — deep non-tail recursion
 * (call depth about 2^(n+3), at most ~2,050 frames here) and very many tiny calls. */
#include "../include/bench.h"

static uint32_t calls;

static uint32_t ack(uint32_t m, uint32_t n)
{
    calls++;
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

int main(int argc, char **argv)
{
    static const uint32_t ns[] = { 7, 8, 8 };
    static const uint32_t reps[] = { 4, 600, 2400 };
    enum bench_size size = bench_parse_size(argc, argv);
    volatile uint32_t m_in = 3, n_in = ns[size];
    uint32_t m = m_in, n = n_in;
    uint64_t total = 0;

    bench_start();
    for (uint32_t r = 0; r < reps[size]; r++)
        total += ack(m, n - (r & 1));
    bench_end();

    printf("A(%u, %u) and A(%u, %u), %u calls in total\n", m, n, m, n - 1, reps[size]);
    printf("sum of results: %llu\n", (unsigned long long)total);
    printf("recursive calls (mod 2^32): %u\n", calls);
    return 0;
}
