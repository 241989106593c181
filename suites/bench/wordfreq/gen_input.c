/* Generates input.txt for the wordfreq workload: English-looking prose over a synthetic
 * vocabulary with a skewed (roughly Zipf-like) word distribution, sentences, punctuation
 * and capitals. Deterministic; regenerate with
 *   gcc -O2 -o /tmp/gen gen_input.c && /tmp/gen > input.txt
 * (build.sh --check verifies that the committed file matches). */
#include "../include/bench.h"

static const char *syllables[] = { "ta", "ro", "en", "mi", "sel", "dor", "a", "ka", "lin", "ve",
    "qua", "tor", "im", "be", "sa", "ul", "nex", "pri", "or", "da", "fe", "gu", "ho", "jan" };
#define NSYL (sizeof syllables / sizeof syllables[0])
#define VOCAB 4000
#define TARGET_BYTES 150000

int main(void)
{
    static char words[VOCAB][24];
    bench_rng rng = { 12345 };
    for (int w = 0; w < VOCAB; w++) {
        int n = 1 + (int)bench_below(&rng, 3) + (w > 200) + (w > 1500);
        words[w][0] = 0;
        for (int s = 0; s < n; s++)
            strcat(words[w], syllables[bench_below(&rng, NSYL)]);
    }
    size_t written = 0, line = 0;
    int start_sentence = 1;
    while (written < TARGET_BYTES) {
        /* rank ~ VOCAB * u^4 for uniform u: frequent words dominate */
        double u = (double)(bench_next(&rng) >> 11) / 9007199254740992.0;
        int rank = (int)(VOCAB * u * u * u * u);
        char word[32];
        strcpy(word, words[rank]);
        if (start_sentence)
            word[0] = (char)(word[0] - 'a' + 'A');
        uint32_t p = bench_below(&rng, 100);
        const char *punct = p < 6 ? "." : p < 12 ? "," : p < 13 ? "?" : p < 14 ? ";" : "";
        start_sentence = p < 6 || p == 12;
        size_t len = strlen(word) + strlen(punct);
        if (line > 0 && line + 1 + len > 72) {
            putchar('\n');
            written++;
            line = 0;
        } else if (line > 0) {
            putchar(' ');
            written++;
            line++;
        }
        printf("%s%s", word, punct);
        written += len;
        line += len;
    }
    putchar('\n');
    return 0;
}
