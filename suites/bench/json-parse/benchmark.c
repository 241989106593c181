/* json-parse: generate a JSON document (records with strings, escapes, numbers, nested
 * objects and arrays), then tokenize and parse it with a validating recursive-descent
 * parser, repeatedly — byte-at-a-time branching, string scanning, number conversion. */
#include "../include/bench.h"

typedef struct {
    char *buf;
    size_t len, cap;
} text;

static void put(text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->buf = realloc(t->buf, t->cap);
        if (!t->buf) { fprintf(stderr, "out of memory\n"); exit(3); }
    }
    memcpy(t->buf + t->len, s, n + 1);
    t->len += n;
}

static const char *words[] = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
    "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma" };
#define NWORDS (sizeof words / sizeof words[0])

static void generate(text *t, uint32_t records, bench_rng *rng)
{
    char tmp[160];
    put(t, "{\"version\": 3, \"records\": [\n");
    for (uint32_t r = 0; r < records; r++) {
        /* Draw every random value into a local first: argument evaluation order is
         * unspecified in C, and wasm and native builds must generate the same text. */
        const char *w1 = words[bench_below(rng, NWORDS)];
        const char *w2 = words[bench_below(rng, NWORDS)];
        uint32_t quoted = bench_below(rng, 1000);
        int64_t cents = (int64_t)bench_below(rng, 2000000) - 1000000;
        int64_t mag = cents < 0 ? -cents : cents;
        snprintf(tmp, sizeof tmp, "%s  {\"id\": %u, \"name\": \"%s-%s \\\"%u\\\"\", \"score\": %s%lld.%02lld, ",
                 r ? ",\n" : "", r, w1, w2, quoted, cents < 0 ? "-" : "", (long long)(mag / 100),
                 (long long)(mag % 100));
        put(t, tmp);
        put(t, "\"tags\": [");
        uint32_t ntags = bench_below(rng, 5);
        for (uint32_t i = 0; i < ntags; i++) {
            snprintf(tmp, sizeof tmp, "%s\"%s\\u00e9\\n\"", i ? ", " : "", words[bench_below(rng, NWORDS)]);
            put(t, tmp);
        }
        uint32_t active = bench_below(rng, 2);
        uint32_t x = bench_below(rng, 100000);
        uint32_t y = bench_below(rng, 100000);
        uint32_t mant = bench_below(rng, 10);
        uint32_t exp = bench_below(rng, 3);
        snprintf(tmp, sizeof tmp, "], \"active\": %s, \"parent\": %s, \"pos\": {\"x\": %u, \"y\": -%u, \"e\": %ue%u}}",
                 active ? "true" : "false", r % 7 == 0 ? "null" : "{\"ref\": [1, [2, [3]]]}", x, y, mant, exp);
        put(t, tmp);
    }
    put(t, "\n]}\n");
}

typedef struct {
    const char *p, *end;
    uint64_t objects, arrays, strings, numbers, literals, string_hash;
    int64_t number_sum; /* sum of all numbers in thousandths, fractions truncated */
    uint32_t depth, max_depth;
    int error;
} parser;

static void ws(parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\t' || *ps->p == '\r'))
        ps->p++;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void value(parser *ps);

static void string(parser *ps)
{
    uint64_t h = 1469598103934665603u;
    ps->p++; /* opening quote */
    while (ps->p < ps->end && *ps->p != '"') {
        uint32_t c = (uint8_t)*ps->p++;
        if (c == '\\') {
            if (ps->p >= ps->end) break;
            char e = *ps->p++;
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case '"': case '\\': case '/': c = (uint8_t)e; break;
            case 'u':
                c = 0;
                for (int i = 0; i < 4; i++) {
                    int v = ps->p < ps->end ? hexval(*ps->p++) : -1;
                    if (v < 0) { ps->error = 1; return; }
                    c = c * 16 + (uint32_t)v;
                }
                break;
            default: ps->error = 1; return;
            }
        }
        h = (h ^ c) * 1099511628211u;
    }
    if (ps->p >= ps->end) { ps->error = 1; return; }
    ps->p++; /* closing quote */
    ps->strings++;
    ps->string_hash += h;
}

static void number(parser *ps)
{
    int neg = 0;
    int64_t whole = 0, frac = 0, scale = 1000;
    if (*ps->p == '-') { neg = 1; ps->p++; }
    if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') { ps->error = 1; return; }
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
        whole = whole * 10 + (*ps->p++ - '0');
    if (ps->p < ps->end && *ps->p == '.') {
        ps->p++;
        while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
            scale /= 10;
            frac += (*ps->p++ - '0') * scale;
        }
    }
    int64_t v = whole * 1000 + frac;
    if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
        ps->p++;
        int exp = 0;
        while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
            exp = exp * 10 + (*ps->p++ - '0');
        while (exp-- > 0) v *= 10;
    }
    ps->numbers++;
    ps->number_sum += neg ? -v : v;
}

static int literal(parser *ps, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) return 0;
    ps->p += n;
    ps->literals++;
    return 1;
}

static void container(parser *ps, char close)
{
    int is_object = close == '}';
    ps->p++;
    if (++ps->depth > ps->max_depth) ps->max_depth = ps->depth;
    ws(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
    } else {
        for (;;) {
            if (is_object) {
                ws(ps);
                if (ps->p >= ps->end || *ps->p != '"') { ps->error = 1; return; }
                string(ps);
                ws(ps);
                if (ps->p >= ps->end || *ps->p != ':') { ps->error = 1; return; }
                ps->p++;
            }
            value(ps);
            if (ps->error) return;
            ws(ps);
            if (ps->p < ps->end && *ps->p == ',') { ps->p++; continue; }
            if (ps->p < ps->end && *ps->p == close) { ps->p++; break; }
            ps->error = 1;
            return;
        }
    }
    ps->depth--;
    if (is_object) ps->objects++; else ps->arrays++;
}

static void value(parser *ps)
{
    ws(ps);
    if (ps->p >= ps->end) { ps->error = 1; return; }
    switch (*ps->p) {
    case '{': container(ps, '}'); break;
    case '[': container(ps, ']'); break;
    case '"': string(ps); break;
    case 't': if (!literal(ps, "true")) ps->error = 1; break;
    case 'f': if (!literal(ps, "false")) ps->error = 1; break;
    case 'n': if (!literal(ps, "null")) ps->error = 1; break;
    default: number(ps); break;
    }
}

int main(int argc, char **argv)
{
    static const uint32_t records[] = { 2000, 20000, 20000 };
    static const uint32_t passes[] = { 1, 120, 480 };
    enum bench_size size = bench_parse_size(argc, argv);
    text t = { 0, 0, 0 };
    bench_rng rng = { 99 };
    generate(&t, records[size], &rng);

    parser last = { 0 };
    uint64_t check = 0;
    bench_start();
    for (uint32_t i = 0; i < passes[size]; i++) {
        parser ps = { .p = t.buf, .end = t.buf + t.len };
        value(&ps);
        ws(&ps);
        if (ps.p != ps.end) ps.error = 1;
        check = check * 31 + ps.string_hash + (uint64_t)ps.number_sum + ps.objects;
        last = ps;
    }
    bench_end();

    printf("document: %zu bytes, %u passes\n", t.len, passes[size]);
    printf("valid: %s, max depth %u\n", last.error ? "NO" : "yes", last.max_depth);
    printf("objects %llu, arrays %llu, strings %llu, numbers %llu, literals %llu\n",
           (unsigned long long)last.objects, (unsigned long long)last.arrays,
           (unsigned long long)last.strings, (unsigned long long)last.numbers,
           (unsigned long long)last.literals);
    printf("number sum (x1000): %lld\n", (long long)last.number_sum);
    printf("string hash: %016llx\n", (unsigned long long)last.string_hash);
    printf("checksum: %016llx\n", (unsigned long long)check);
    free(t.buf);
    return last.error ? 1 : 0;
}
