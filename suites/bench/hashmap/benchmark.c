/* hashmap: an open-addressing hash map (linear probing, backward-shift deletion,
 * power-of-two capacity, load <= 1/2) from 64-bit keys to 64-bit values — inserts,
 * hits, misses, updates and deletes driven by a PRNG: hashing, 64-bit multiplies,
 * unpredictable memory accesses. */
#include "../include/bench.h"

typedef struct {
    uint64_t *keys; /* 0 marks an empty slot; keys are never 0 */
    uint64_t *values;
    uint32_t mask, count;
} map;

static uint32_t slot_of(const map *m, uint64_t key)
{
    key ^= key >> 33;
    key *= UINT64_C(0xff51afd7ed558ccd);
    key ^= key >> 33;
    return (uint32_t)key & m->mask;
}

static uint64_t *find(map *m, uint64_t key)
{
    for (uint32_t i = slot_of(m, key);; i = (i + 1) & m->mask) {
        if (m->keys[i] == key) return &m->values[i];
        if (m->keys[i] == 0) return NULL;
    }
}

static void put(map *m, uint64_t key, uint64_t value)
{
    uint32_t i = slot_of(m, key);
    while (m->keys[i] != 0 && m->keys[i] != key)
        i = (i + 1) & m->mask;
    if (m->keys[i] == 0) m->count++;
    m->keys[i] = key;
    m->values[i] = value;
}

static int erase(map *m, uint64_t key)
{
    uint32_t i = slot_of(m, key);
    while (m->keys[i] != key) {
        if (m->keys[i] == 0) return 0;
        i = (i + 1) & m->mask;
    }
    /* backward shift: move later entries of the cluster into the hole when allowed */
    for (uint32_t j = (i + 1) & m->mask; m->keys[j] != 0; j = (j + 1) & m->mask) {
        uint32_t home = slot_of(m, m->keys[j]);
        /* entry at j may move to i if its home is not in the cyclic range (i, j] */
        if (((j - home) & m->mask) >= ((j - i) & m->mask)) {
            m->keys[i] = m->keys[j];
            m->values[i] = m->values[j];
            i = j;
        }
    }
    m->keys[i] = 0;
    m->count--;
    return 1;
}

int main(int argc, char **argv)
{
    static const uint32_t capacities[] = { 1u << 16, 1u << 21, 1u << 21 };
    static const uint32_t ops[] = { 200000, 8000000, 32000000 };
    enum bench_size size = bench_parse_size(argc, argv);
    map m = { 0, 0, capacities[size] - 1, 0 };
    m.keys = bench_alloc(capacities[size] * sizeof(uint64_t));
    m.values = bench_alloc(capacities[size] * sizeof(uint64_t));
    memset(m.keys, 0, capacities[size] * sizeof(uint64_t));
    const uint32_t key_space = capacities[size] / 2 * 3 / 2; /* keys 1..key_space */
    bench_rng rng = { 31337 };
    uint64_t hits = 0, misses = 0, inserted = 0, deleted = 0, value_sum = 0;

    bench_start();
    for (uint32_t n = 0; n < ops[size]; n++) {
        uint64_t r = bench_next(&rng);
        uint64_t key = (r >> 8) % key_space + 1;
        key = key * UINT64_C(0x9E3779B97F4A7C15) | 1; /* spread, never 0 */
        switch (r & 7) {
        case 0: case 1: case 2: /* insert or update, only while below half full */
            if (m.count < capacities[size] / 2) {
                uint64_t *v = find(&m, key);
                if (v) *v += n; else { put(&m, key, n); inserted++; }
            }
            break;
        case 3: /* delete */
            deleted += (uint64_t)erase(&m, key);
            break;
        default: { /* lookup */
            uint64_t *v = find(&m, key);
            if (v) { hits++; value_sum += *v; } else misses++;
        }
        }
    }
    bench_end();

    uint64_t live_sum = 0;
    uint32_t live = 0;
    for (uint32_t i = 0; i <= m.mask; i++)
        if (m.keys[i]) { live++; live_sum += m.values[i] ^ m.keys[i]; }
    printf("capacity %u, %u operations\n", capacities[size], ops[size]);
    printf("inserted %llu, deleted %llu, hits %llu, misses %llu\n", (unsigned long long)inserted,
           (unsigned long long)deleted, (unsigned long long)hits, (unsigned long long)misses);
    printf("live entries %u (count %u), value sum %llu, live checksum %016llx\n", live, m.count,
           (unsigned long long)value_sum, (unsigned long long)live_sum);
    free(m.keys);
    free(m.values);
    return live == m.count ? 0 : 1;
}
