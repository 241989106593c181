/* fib: naive doubly recursive Fibonacci — call/return overhead, small frames. */
#include "../include/bench.h"

static uint32_t fib(uint32_t n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv)
{
    static const uint32_t ns[] = { 30, 43, 45 };
    enum bench_size size = bench_parse_size(argc, argv);
    /* Read through a volatile so the compiler cannot fold the call at build time. */
    volatile uint32_t n = ns[size];
    uint32_t input = n;

    bench_start();
    uint32_t result = fib(input);
    bench_end();

    printf("fib(%u) = %u\n", input, result);
    return 0;
}
