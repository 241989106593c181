/* matmul: dense double matrix multiply C = A * B in i-k-j order, repeated — streaming
 * loads/stores over row-major arrays larger than L1/L2 at default size. */
#include "../include/bench.h"

static void matmul(uint32_t n, const double *a, const double *b, double *c)
{
    memset(c, 0, (size_t)n * n * sizeof(double));
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < n; k++) {
            double aik = a[(size_t)i * n + k];
            const double *brow = b + (size_t)k * n;
            double *crow = c + (size_t)i * n;
            for (uint32_t j = 0; j < n; j++)
                crow[j] += aik * brow[j];
        }
}

int main(int argc, char **argv)
{
    static const uint32_t ns[] = { 120, 600, 600 };
    static const uint32_t reps[] = { 1, 6, 24 };
    enum bench_size size = bench_parse_size(argc, argv);
    uint32_t n = ns[size];
    size_t cells = (size_t)n * n;
    double *a = bench_alloc(cells * sizeof(double));
    double *b = bench_alloc(cells * sizeof(double));
    double *c = bench_alloc(cells * sizeof(double));
    bench_rng rng = { 42 };
    /* Small integers / 8: every product and partial sum is exact, so any summation
     * order gives the same bits. */
    for (size_t i = 0; i < cells; i++) {
        a[i] = (double)((int)bench_below(&rng, 17) - 8) / 8.0;
        b[i] = (double)((int)bench_below(&rng, 17) - 8) / 8.0;
    }

    double trace_sum = 0;
    bench_start();
    for (uint32_t r = 0; r < reps[size]; r++) {
        matmul(n, a, b, c);
        for (uint32_t i = 0; i < n; i++)
            trace_sum += c[(size_t)i * n + i];
        a[r % cells] += 1.0; /* change the input so repetitions are not redundant */
    }
    bench_end();

    double total = 0;
    for (size_t i = 0; i < cells; i++)
        total += c[i];
    printf("n: %u, repetitions: %u\n", n, reps[size]);
    printf("sum of traces: %.6f\n", trace_sum);
    printf("sum of last product: %.6f\n", total);
    free(a);
    free(b);
    free(c);
    return 0;
}
