/* binary-trees: allocate, walk and free many perfect binary trees with malloc/free —
 * allocator throughput, pointer chasing, recursion. */
#include "../include/bench.h"

typedef struct node {
    struct node *left, *right;
} node;

static node *make(uint32_t depth)
{
    node *n = bench_alloc(sizeof(node));
    if (depth == 0) {
        n->left = n->right = NULL;
    } else {
        n->left = make(depth - 1);
        n->right = make(depth - 1);
    }
    return n;
}

static uint32_t check(const node *n)
{
    return 1 + (n->left ? check(n->left) + check(n->right) : 0);
}

static void release(node *n)
{
    if (n->left) {
        release(n->left);
        release(n->right);
    }
    free(n);
}

int main(int argc, char **argv)
{
    static const uint32_t max_depths[] = { 10, 17, 19 };
    enum bench_size size = bench_parse_size(argc, argv);
    const uint32_t min_depth = 4, max_depth = max_depths[size];
    static uint32_t results[32][2];
    uint32_t stretch_check, long_lived_check;

    bench_start();
    node *stretch = make(max_depth + 1);
    stretch_check = check(stretch);
    release(stretch);

    node *long_lived = make(max_depth);
    for (uint32_t d = min_depth; d <= max_depth; d += 2) {
        uint32_t iterations = 1u << (max_depth - d + min_depth);
        uint32_t sum = 0;
        for (uint32_t i = 0; i < iterations; i++) {
            node *t = make(d);
            sum += check(t);
            release(t);
        }
        results[d][0] = iterations;
        results[d][1] = sum;
    }
    long_lived_check = check(long_lived);
    release(long_lived);
    bench_end();

    printf("stretch tree of depth %u\t check: %u\n", max_depth + 1, stretch_check);
    for (uint32_t d = min_depth; d <= max_depth; d += 2)
        printf("%u\t trees of depth %u\t check: %u\n", results[d][0], d, results[d][1]);
    printf("long lived tree of depth %u\t check: %u\n", max_depth, long_lived_check);
    return 0;
}
