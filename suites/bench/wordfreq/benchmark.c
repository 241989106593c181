/* wordfreq: word frequencies over input.txt (read from the preopened folder before the
 * timed region) — tokenizing, lower-casing, string hashing, a string-keyed open-addressing
 * table, then sorting the distinct words by frequency. The file is processed once per pass. */
#include "../include/bench.h"

#define TABLE_BITS 14
#define MAX_WORD 64

typedef struct {
    uint64_t hash;
    uint32_t offset, len, count; /* the word is arena[offset .. offset+len) */
} entry;

typedef struct {
    entry slots[1u << TABLE_BITS];
    char arena[1u << 18];
    uint32_t arena_used, distinct, total;
} counter;

static void add_word(counter *c, const char *w, uint32_t len, uint64_t h)
{
    uint32_t mask = (1u << TABLE_BITS) - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        entry *e = &c->slots[i];
        if (e->count == 0) {
            if (c->distinct >= mask / 2 || c->arena_used + len > sizeof c->arena) {
                fprintf(stderr, "wordfreq: too many distinct words\n");
                exit(1);
            }
            memcpy(c->arena + c->arena_used, w, len);
            *e = (entry){ h, c->arena_used, len, 1 };
            c->arena_used += len;
            c->distinct++;
            return;
        }
        if (e->hash == h && e->len == len && memcmp(c->arena + e->offset, w, len) == 0) {
            e->count++;
            return;
        }
    }
}

static void count_words(counter *c, const char *text, size_t n)
{
    memset(c->slots, 0, sizeof c->slots);
    c->arena_used = c->distinct = c->total = 0;
    char word[MAX_WORD];
    uint32_t len = 0;
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i <= n; i++) {
        char ch = i < n ? text[i] : ' ';
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch >= 'a' && ch <= 'z') {
            if (len < MAX_WORD) {
                word[len++] = ch;
                h = (h ^ (uint8_t)ch) * 1099511628211u;
            }
        } else if (len > 0) {
            add_word(c, word, len, h);
            c->total++;
            len = 0;
            h = 1469598103934665603u;
        }
    }
}

static const counter *sort_counter;

static int by_count_then_word(const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    uint32_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(sort_counter->arena + a->offset, sort_counter->arena + b->offset, n);
    if (c != 0)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

int main(int argc, char **argv)
{
    static const uint32_t passes[] = { 2, 600, 2400 };
    enum bench_size size = bench_parse_size(argc, argv);
    FILE *f = fopen("input.txt", "rb");
    if (!f) {
        fprintf(stderr, "wordfreq: cannot open input.txt\n");
        return 1;
    }
    static char text[1u << 20];
    size_t n = fread(text, 1, sizeof text, f);
    fclose(f);

    static counter c;
    static entry sorted[1u << TABLE_BITS];
    uint32_t distinct = 0;
    uint64_t check = 0;
    bench_start();
    for (uint32_t p = 0; p < passes[size]; p++) {
        count_words(&c, text, n);
        distinct = 0;
        for (uint32_t i = 0; i < (1u << TABLE_BITS); i++)
            if (c.slots[i].count)
                sorted[distinct++] = c.slots[i];
        sort_counter = &c;
        qsort(sorted, distinct, sizeof(entry), by_count_then_word);
        check = check * 31 + sorted[0].count + sorted[distinct - 1].hash;
    }
    bench_end();

    printf("input.txt: %zu bytes, %u passes\n", n, passes[size]);
    printf("words %u, distinct %u, checksum %016llx\n", c.total, distinct, (unsigned long long)check);
    for (uint32_t i = 0; i < 20 && i < distinct; i++)
        printf("%6u %.*s\n", sorted[i].count, (int)sorted[i].len, c.arena + sorted[i].offset);
    return 0;
}
