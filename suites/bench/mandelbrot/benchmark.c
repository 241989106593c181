/* mandelbrot: escape-time iteration over a grid of the complex plane — a tight
 * double-precision loop with a data-dependent exit. Outputs integer counts only. */
#include "../include/bench.h"

int main(int argc, char **argv)
{
    static const uint32_t sides[] = { 200, 2800, 5600 };
    enum bench_size size = bench_parse_size(argc, argv);
    const uint32_t side = sides[size], max_iter = 100;
    uint64_t total_iter = 0, inside = 0, hash = 1469598103934665603u;

    bench_start();
    for (uint32_t y = 0; y < side; y++) {
        double ci = 2.0 * y / side - 1.0;
        for (uint32_t x = 0; x < side; x++) {
            double cr = 2.0 * x / side - 1.5;
            double zr = 0, zi = 0, zr2 = 0, zi2 = 0;
            uint32_t i = 0;
            while (i < max_iter && zr2 + zi2 <= 4.0) {
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                zr2 = zr * zr;
                zi2 = zi * zi;
                i++;
            }
            total_iter += i;
            inside += i == max_iter;
            hash = (hash ^ i) * 1099511628211u;
        }
    }
    bench_end();

    printf("grid: %ux%u, max %u iterations\n", side, side, max_iter);
    printf("points inside: %llu\n", (unsigned long long)inside);
    printf("total iterations: %llu\n", (unsigned long long)total_iter);
    printf("iteration hash: %016llx\n", (unsigned long long)hash);
    return 0;
}
