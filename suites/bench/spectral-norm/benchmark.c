/* spectral-norm: power iteration for the spectral norm of the infinite matrix
 * A(i,j) = 1 / ((i+j)(i+j+1)/2 + i + 1) — double division in nested loops, calls. */
#include "../include/bench.h"
#include <math.h>

static double a(uint32_t i, uint32_t j)
{
    return 1.0 / (double)((i + j) * (i + j + 1) / 2 + i + 1);
}

static void mul_av(uint32_t n, const double *v, double *out)
{
    for (uint32_t i = 0; i < n; i++) {
        double sum = 0;
        for (uint32_t j = 0; j < n; j++)
            sum += a(i, j) * v[j];
        out[i] = sum;
    }
}

static void mul_atv(uint32_t n, const double *v, double *out)
{
    for (uint32_t i = 0; i < n; i++) {
        double sum = 0;
        for (uint32_t j = 0; j < n; j++)
            sum += a(j, i) * v[j];
        out[i] = sum;
    }
}

static void mul_atav(uint32_t n, const double *v, double *out, double *tmp)
{
    mul_av(n, v, tmp);
    mul_atv(n, tmp, out);
}

int main(int argc, char **argv)
{
    static const uint32_t ns[] = { 250, 4000, 8000 };
    enum bench_size size = bench_parse_size(argc, argv);
    uint32_t n = ns[size];
    double *u = bench_alloc(n * sizeof(double));
    double *v = bench_alloc(n * sizeof(double));
    double *tmp = bench_alloc(n * sizeof(double));
    for (uint32_t i = 0; i < n; i++)
        u[i] = 1.0;

    bench_start();
    for (int k = 0; k < 10; k++) {
        mul_atav(n, u, v, tmp);
        mul_atav(n, v, u, tmp);
    }
    double vbv = 0, vv = 0;
    for (uint32_t i = 0; i < n; i++) {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    double norm = sqrt(vbv / vv);
    bench_end();

    printf("n: %u\n", n);
    printf("spectral norm: %.9f\n", norm);
    free(u);
    free(v);
    free(tmp);
    return 0;
}
