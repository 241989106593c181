/* crc32: table-driven CRC-32 (IEEE 802.3, reflected, as zlib) one byte at a time over a
 * pseudo-random buffer, repeated — byte loads, table lookups, shifts, a serial dependency. */
#include "../include/bench.h"

static uint32_t table[256];

static void make_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32(uint32_t crc, const uint8_t *p, size_t len)
{
    crc = ~crc;
    for (size_t i = 0; i < len; i++)
        crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

int main(int argc, char **argv)
{
    static const uint32_t reps[] = { 3, 300, 1200 };
    enum bench_size size = bench_parse_size(argc, argv);
    const size_t len = 1u << 20;
    uint8_t *buf = bench_alloc(len);
    bench_rng rng = { 11 };
    for (size_t i = 0; i < len; i++)
        buf[i] = (uint8_t)bench_next(&rng);
    make_table();
    uint32_t check = crc32(0, (const uint8_t *)"123456789", 9); /* known answer: cbf43926 */

    uint32_t first = 0, chained = 0;
    bench_start();
    first = crc32(0, buf, len);
    chained = first;
    for (uint32_t r = 1; r < reps[size]; r++) {
        buf[r % len] ^= (uint8_t)chained;
        chained = crc32(chained, buf, len);
    }
    bench_end();

    printf("crc32(\"123456789\") = %08x\n", check);
    printf("crc32(buffer of %zu bytes) = %08x\n", len, first);
    printf("chained %u times = %08x\n", reps[size], chained);
    free(buf);
    return 0;
}
