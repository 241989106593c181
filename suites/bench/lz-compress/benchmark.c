/* lz-compress: an LZ77 compressor (4-byte hash, one candidate per bucket, 64 KiB window)
 * and its decompressor over generated text, verified byte for byte — hashing, unaligned
 * loads, match extension loops, byte copies with overlap. */
#include "../include/bench.h"

#define HASH_BITS 14
#define MIN_MATCH 4
#define WINDOW 65535u

static uint32_t load32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static uint32_t hash4(uint32_t v) { return (v * 2654435761u) >> (32 - HASH_BITS); }

static uint8_t *put_varint(uint8_t *out, uint32_t v)
{
    while (v >= 0x80) {
        *out++ = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    *out++ = (uint8_t)v;
    return out;
}

static const uint8_t *get_varint(const uint8_t *in, uint32_t *v)
{
    uint32_t r = 0;
    unsigned shift = 0;
    while (*in & 0x80) {
        r |= (uint32_t)(*in++ & 0x7F) << shift;
        shift += 7;
    }
    *v = r | (uint32_t)*in++ << shift;
    return in;
}

/* Format: repeated [varint literal count][literals][varint match length - 4][u16 offset],
 * the last sequence has literals only. out needs len + len / 64 + 16 bytes. */
static size_t compress(const uint8_t *in, size_t len, uint8_t *out, uint32_t *table)
{
    memset(table, 0xFF, sizeof(uint32_t) << HASH_BITS);
    uint8_t *o = out;
    size_t anchor = 0, i = 0;
    while (len >= MIN_MATCH && i <= len - MIN_MATCH) {
        uint32_t v = load32(in + i);
        uint32_t h = hash4(v);
        uint32_t cand = table[h];
        table[h] = (uint32_t)i;
        if (cand != 0xFFFFFFFFu && i - cand <= WINDOW && load32(in + cand) == v) {
            size_t m = MIN_MATCH;
            while (i + m < len && in[cand + m] == in[i + m])
                m++;
            o = put_varint(o, (uint32_t)(i - anchor));
            memcpy(o, in + anchor, i - anchor);
            o += i - anchor;
            o = put_varint(o, (uint32_t)(m - MIN_MATCH));
            uint32_t off = (uint32_t)(i - cand);
            *o++ = (uint8_t)off;
            *o++ = (uint8_t)(off >> 8);
            i += m;
            anchor = i;
        } else {
            i++;
        }
    }
    o = put_varint(o, (uint32_t)(len - anchor));
    memcpy(o, in + anchor, len - anchor);
    return (size_t)(o - out) + (len - anchor);
}

static size_t decompress(const uint8_t *in, size_t in_len, uint8_t *out)
{
    const uint8_t *end = in + in_len;
    uint8_t *o = out;
    for (;;) {
        uint32_t lits, m;
        in = get_varint(in, &lits);
        memcpy(o, in, lits);
        o += lits;
        in += lits;
        if (in >= end)
            break;
        in = get_varint(in, &m);
        m += MIN_MATCH;
        uint32_t off = in[0] | (uint32_t)in[1] << 8;
        in += 2;
        const uint8_t *src = o - off;
        for (uint32_t k = 0; k < m; k++) /* byte by byte: matches may overlap */
            o[k] = src[k];
        o += m;
    }
    return (size_t)(o - out);
}

static const char *vocabulary[] = { "the ", "of ", "and ", "a ", "to ", "in ", "is ", "wasm ",
    "module ", "function ", "memory ", "table ", "import ", "export ", "stack ", "value ",
    "benchmark ", "engine ", "compile ", "instance ", "result ", "\n", ", ", ". " };
#define NVOCAB (sizeof vocabulary / sizeof vocabulary[0])

int main(int argc, char **argv)
{
    static const size_t lens[] = { 1u << 18, 1u << 22, 1u << 22 };
    static const uint32_t rounds[] = { 1, 20, 80 };
    enum bench_size size = bench_parse_size(argc, argv);
    size_t len = lens[size];
    uint8_t *text = bench_alloc(len);
    uint8_t *packed = bench_alloc(len + len / 64 + 16);
    uint8_t *restored = bench_alloc(len);
    uint32_t *table = bench_alloc(sizeof(uint32_t) << HASH_BITS);
    bench_rng rng = { 5 };
    for (size_t i = 0; i < len;) {
        /* skewed word choice: min of two draws favours the first words */
        uint32_t w1 = bench_below(&rng, NVOCAB), w2 = bench_below(&rng, NVOCAB);
        const char *w = vocabulary[w1 < w2 ? w1 : w2];
        if (bench_below(&rng, 8) == 0) /* some noise */
            text[i++] = (uint8_t)('A' + bench_below(&rng, 26));
        for (; *w && i < len; w++)
            text[i++] = (uint8_t)*w;
    }

    size_t packed_len = 0, restored_len = 0;
    int ok = 1;
    uint64_t check = 0;
    bench_start();
    for (uint32_t r = 0; r < rounds[size]; r++) {
        text[(r * 7919u) % len] = (uint8_t)('a' + r % 26); /* vary the input a little */
        packed_len = compress(text, len, packed, table);
        restored_len = decompress(packed, packed_len, restored);
        ok &= restored_len == len && memcmp(text, restored, len) == 0;
        check = check * 31 + packed_len;
    }
    bench_end();

    printf("input: %zu bytes, %u rounds\n", len, rounds[size]);
    printf("compressed: %zu bytes (%.3f%%)\n", packed_len, 100.0 * (double)packed_len / (double)len);
    printf("round trip ok: %s\n", ok ? "yes" : "NO");
    printf("checksum: %016llx\n", (unsigned long long)check);
    free(text);
    free(packed);
    free(restored);
    free(table);
    return ok ? 0 : 1;
}
