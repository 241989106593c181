using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Binary;

/// <summary>
/// Relaxed SIMD (3.0, sub-opcodes 0x100..0x113 after 0xFD), each with one deterministic choice
/// of the results the spec allows, so a program gives the same answer on every machine:
/// <list type="bullet">
/// <item>relaxed_swizzle = i8x16.swizzle (an index out of range gives 0);</item>
/// <item>relaxed_trunc* = the saturating trunc_sat* (NaN gives 0, out of range saturates);</item>
/// <item>relaxed_laneselect (every width) = v128.bitselect (bit by bit);</item>
/// <item>relaxed_min / relaxed_max = f32x4/f64x2 min and max (NaN and -0 as the strict ones);</item>
/// <item>relaxed_q15mulr_s = i16x8.q15mulr_sat_s (saturates);</item>
/// <item>relaxed_madd / relaxed_nmadd = fused multiply-add, one rounding (<c>fma(±a, b, c)</c>);</item>
/// <item>relaxed_dot_i8x16_i7x16_s: both operands signed, pairwise sums wrapped to 16 bits;
/// relaxed_dot_i8x16_i7x16_add_s: signed products, four per lane summed in 32 bits, plus c.</item>
/// </list>
/// Most run as the 2.0 instruction named; the others have internal opcodes (<see cref="SimdInternal"/>).
/// </summary>
internal static class RelaxedSimd
{
    public const uint First = 0x100;
    public const uint Last = 0x113;

    /// <summary>The instruction a relaxed sub-opcode runs as, and its shape.</summary>
    public static (int Op, SimdKind Kind) Map(uint sub) => sub switch
    {
        0x100 => (0x0E, SimdKind.Binary), // i8x16.relaxed_swizzle
        0x101 => (0xF8, SimdKind.Unary), // i32x4.relaxed_trunc_f32x4_s
        0x102 => (0xF9, SimdKind.Unary), // i32x4.relaxed_trunc_f32x4_u
        0x103 => (0xFC, SimdKind.Unary), // i32x4.relaxed_trunc_f64x2_s_zero
        0x104 => (0xFD, SimdKind.Unary), // i32x4.relaxed_trunc_f64x2_u_zero
        0x105 => (SimdInternal.RelaxedMaddF32, SimdKind.Ternary), // f32x4.relaxed_madd
        0x106 => (SimdInternal.RelaxedNmaddF32, SimdKind.Ternary), // f32x4.relaxed_nmadd
        0x107 => (SimdInternal.RelaxedMaddF64, SimdKind.Ternary), // f64x2.relaxed_madd
        0x108 => (SimdInternal.RelaxedNmaddF64, SimdKind.Ternary), // f64x2.relaxed_nmadd
        >= 0x109 and <= 0x10C => (0x52, SimdKind.Ternary), // i8x16/i16x8/i32x4/i64x2.relaxed_laneselect
        0x10D => (0xE8, SimdKind.Binary), // f32x4.relaxed_min
        0x10E => (0xE9, SimdKind.Binary), // f32x4.relaxed_max
        0x10F => (0xF4, SimdKind.Binary), // f64x2.relaxed_min
        0x110 => (0xF5, SimdKind.Binary), // f64x2.relaxed_max
        0x111 => (0x82, SimdKind.Binary), // i16x8.relaxed_q15mulr_s
        0x112 => (SimdInternal.RelaxedDot, SimdKind.Binary), // i16x8.relaxed_dot_i8x16_i7x16_s
        0x113 => (SimdInternal.RelaxedDotAdd, SimdKind.Ternary), // i32x4.relaxed_dot_i8x16_i7x16_add_s
        _ => (0, SimdKind.Illegal),
    };
}
