/* sort: quicksort (median of three, insertion sort for short ranges) and a bottom-up
 * merge sort of pseudo-random 32-bit keys — data-dependent branches, comparisons,
 * swaps, sequential merging. Each round regenerates the data; both results are verified. */
#include "../include/bench.h"

static void insertion_sort(uint32_t *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t x = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1] > x) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

static void quicksort(uint32_t *a, size_t n)
{
    while (n > 16) {
        size_t mid = n / 2;
        /* median of three into a[mid] */
        if (a[mid] < a[0]) { uint32_t t = a[mid]; a[mid] = a[0]; a[0] = t; }
        if (a[n - 1] < a[0]) { uint32_t t = a[n - 1]; a[n - 1] = a[0]; a[0] = t; }
        if (a[n - 1] < a[mid]) { uint32_t t = a[n - 1]; a[n - 1] = a[mid]; a[mid] = t; }
        uint32_t pivot = a[mid];
        size_t i = 0, j = n - 1;
        for (;;) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i >= j) break;
            uint32_t t = a[i]; a[i] = a[j]; a[j] = t;
            i++;
            j--;
        }
        /* recurse into the smaller part, loop on the larger */
        size_t left = j + 1;
        if (left < n - left) {
            quicksort(a, left);
            a += left;
            n -= left;
        } else {
            quicksort(a + left, n - left);
            n = left;
        }
    }
    insertion_sort(a, n);
}

static void merge_sort(uint32_t *a, uint32_t *tmp, size_t n)
{
    uint32_t *src = a, *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
        }
        uint32_t *t = src; src = dst; dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof(uint32_t));
}

static int verify(const uint32_t *a, size_t n, uint64_t *checksum)
{
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && a[i - 1] > a[i]) return 0;
        h = h * 1000003u + a[i];
    }
    *checksum ^= h;
    return 1;
}

int main(int argc, char **argv)
{
    static const size_t lens[] = { 100000, 1000000, 1000000 };
    static const uint32_t rounds[] = { 1, 5, 20 };
    enum bench_size size = bench_parse_size(argc, argv);
    size_t n = lens[size];
    uint32_t *a = bench_alloc(n * sizeof(uint32_t));
    uint32_t *b = bench_alloc(n * sizeof(uint32_t));
    uint32_t *tmp = bench_alloc(n * sizeof(uint32_t));
    bench_rng rng = { 2024 };
    uint64_t checksum = 0;
    int ok = 1;

    bench_start();
    for (uint32_t r = 0; r < rounds[size]; r++) {
        for (size_t i = 0; i < n; i++) /* keys with duplicates: 24 significant bits */
            a[i] = b[i] = (uint32_t)bench_next(&rng) >> 8;
        quicksort(a, n);
        merge_sort(b, tmp, n);
        ok &= verify(a, n, &checksum) && memcmp(a, b, n * sizeof(uint32_t)) == 0;
    }
    bench_end();

    printf("%u rounds of %zu keys\n", rounds[size], n);
    printf("sorted: %s\n", ok ? "yes" : "NO");
    printf("checksum: %016llx\n", (unsigned long long)checksum);
    printf("min %u, median %u, max %u\n", a[0], a[n / 2], a[n - 1]);
    free(a);
    free(b);
    free(tmp);
    return ok ? 0 : 1;
}
