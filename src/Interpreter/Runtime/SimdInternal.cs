namespace WasmBench.Interpreter.Runtime;

/// <summary>
/// Internal SIMD sub-opcodes (after the 2.0 ones, at <see cref="Op.Simd"/> + value) that move
/// the high halves of v128 values, which live in a second slot array beside the stack.
/// </summary>
internal static class SimdInternal
{
    /// <summary>[dst, src].</summary>
    public const int Copy128 = 0x100;
    /// <summary>[n, src, dest]: high halves of a branch's or return's values.</summary>
    public const int MoveHi = 0x101;
    /// <summary>[cond, n, src, dest]: as <see cref="MoveHi"/> when cond is non-zero.</summary>
    public const int CondMoveHi = 0x102;
    /// <summary>[]: the high halves for the br_table that follows.</summary>
    public const int BrTableHi = 0x103;
    /// <summary>[dst, a, b, cond].</summary>
    public const int Select128 = 0x104;
    /// <summary>[dst, global].</summary>
    public const int GlobalGet128 = 0x105;
    /// <summary>[src, global].</summary>
    public const int GlobalSet128 = 0x106;
    /// <summary>[n, slot * n]: zero the high halves of v128 locals on entry.</summary>
    public const int ZeroHi = 0x107;

    // Relaxed SIMD without a 2.0 twin (see Binary.RelaxedSimd): [dst, a, b(, c)].
    public const int RelaxedMaddF32 = 0x108;
    public const int RelaxedNmaddF32 = 0x109;
    public const int RelaxedMaddF64 = 0x10A;
    public const int RelaxedNmaddF64 = 0x10B;
    public const int RelaxedDot = 0x10C;
    public const int RelaxedDotAdd = 0x10D;
}
