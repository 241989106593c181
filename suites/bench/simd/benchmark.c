/* simd: fixed-width SIMD on 8- and 16-bit integers. The wasm build uses wasm_simd128.h
 * (-msimd128, see wasm.cflags); the native build runs the scalar path. Both are
 * integer-exact, so they print the same:
 *   blend: dst = sat_u8(((a * w + b * (256 - w) + 128) >> 8) + 3) over 1 MiB, fed back as a;
 *   dot:   sum of x[i] * y[i] over 64K int16 pairs, modulo 2^32 (i32x4.dot_i16x8_s). */
#include "../include/bench.h"
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

enum { LEN = 1 << 20, DOT_LEN = 1 << 16 };

static void blend(uint8_t *dst, const uint8_t *a, const uint8_t *b, unsigned w)
{
#ifdef __wasm_simd128__
    const v128_t wa = wasm_i16x8_splat((int16_t)w), wb = wasm_i16x8_splat((int16_t)(256 - w));
    const v128_t round = wasm_i16x8_splat(128), bias = wasm_u8x16_splat(3);
    for (size_t i = 0; i < LEN; i += 16) {
        v128_t va = wasm_v128_load(a + i), vb = wasm_v128_load(b + i);
        v128_t lo = wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(va), wa),
                                                  wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(vb), wb)), round);
        v128_t hi = wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(va), wa),
                                                  wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(vb), wb)), round);
        v128_t r = wasm_u8x16_narrow_i16x8(wasm_u16x8_shr(lo, 8), wasm_u16x8_shr(hi, 8));
        wasm_v128_store(dst + i, wasm_u8x16_add_sat(r, bias));
    }
#else
    for (size_t i = 0; i < LEN; i++) {
        unsigned t = ((a[i] * w + b[i] * (256 - w) + 128) >> 8) + 3;
        dst[i] = (uint8_t)(t > 255 ? 255 : t);
    }
#endif
}

static uint32_t dot(const int16_t *x, const int16_t *y)
{
#ifdef __wasm_simd128__
    v128_t acc = wasm_i32x4_splat(0);
    for (size_t i = 0; i < DOT_LEN; i += 8)
        acc = wasm_i32x4_add(acc, wasm_i32x4_dot_i16x8(wasm_v128_load(x + i), wasm_v128_load(y + i)));
    return (uint32_t)wasm_i32x4_extract_lane(acc, 0) + (uint32_t)wasm_i32x4_extract_lane(acc, 1) +
           (uint32_t)wasm_i32x4_extract_lane(acc, 2) + (uint32_t)wasm_i32x4_extract_lane(acc, 3);
#else
    uint32_t s = 0;
    for (size_t i = 0; i < DOT_LEN; i++)
        s += (uint32_t)((int32_t)x[i] * (int32_t)y[i]);
    return s;
#endif
}

static uint32_t fnv1a(const uint8_t *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

int main(int argc, char **argv)
{
    static const uint32_t reps[] = { 4, 200, 800 };
    enum bench_size size = bench_parse_size(argc, argv);
    uint8_t *a = bench_alloc(LEN), *b = bench_alloc(LEN), *dst = bench_alloc(LEN);
    int16_t *x = bench_alloc(DOT_LEN * sizeof(int16_t)), *y = bench_alloc(DOT_LEN * sizeof(int16_t));
    bench_rng rng = { 17 };
    for (size_t i = 0; i < LEN; i++) {
        a[i] = (uint8_t)bench_next(&rng);
        b[i] = (uint8_t)bench_next(&rng);
    }
    for (size_t i = 0; i < DOT_LEN; i++) {
        x[i] = (int16_t)bench_next(&rng);
        y[i] = (int16_t)bench_next(&rng);
    }

    uint32_t dots = 0;
    bench_start();
    for (uint32_t r = 0; r < reps[size]; r++) {
        blend(dst, a, b, 1 + (r * 37) % 255);
        uint8_t *t = a;
        a = dst;
        dst = t;
        x[r % DOT_LEN] = (int16_t)(x[r % DOT_LEN] ^ a[r]);
        dots = dots * 31u + dot(x, y);
    }
    bench_end();

    printf("blend %u times over %u bytes: fnv1a = %08x\n", reps[size], (unsigned)LEN, fnv1a(a, LEN));
    printf("dot products (chained) = %08x\n", dots);
    free(a);
    free(b);
    free(dst);
    free(x);
    free(y);
    return 0;
}
