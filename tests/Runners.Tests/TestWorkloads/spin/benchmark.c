/* Test workload: a long busy loop OUTSIDE the bench markers and a short one inside,
   so the marker-delimited time must be much smaller than the whole run. Reads
   input.txt from the preopened folder and echoes its size argument. */
#include <stdio.h>
#include <string.h>
#include "../include/bench.h"

static unsigned long spin(unsigned long n)
{
    volatile unsigned long acc = 0;
    for (unsigned long i = 0; i < n; i++)
        acc += i;
    return acc;
}

int main(int argc, char **argv)
{
    const char *size = argc > 1 ? argv[1] : "none";
    char input[64] = "missing";
    FILE *f = fopen("input.txt", "r");
    if (f) {
        if (!fgets(input, sizeof input, f))
            strcpy(input, "empty");
        input[strcspn(input, "\n")] = 0;
        fclose(f);
    }
    spin(30000000UL);
    bench_start();
    unsigned long result = spin(1000);
    bench_end();
    printf("size=%s input=%s result=%lu\n", size, input, result);
    return 0;
}
