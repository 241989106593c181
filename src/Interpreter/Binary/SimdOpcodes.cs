using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Binary;

/// <summary>The shape of a 0xFD (SIMD) instruction: its immediates and operand types.</summary>
internal enum SimdKind : byte
{
    Illegal,
    Load,
    Store,
    LoadLane,
    StoreLane,
    Const,
    Shuffle,
    Unary,
    Binary,
    Ternary,
    Test,
    Shift,
    Splat,
    Extract,
    Replace,
}

/// <summary>
/// Table of the WebAssembly 2.0 SIMD sub-opcodes: kind, natural alignment (log2, memory forms),
/// lane count (lane forms) and scalar type (splat, extract, replace).
/// </summary>
internal static class SimdOpcodes
{
    public const int Count = 0x100;

    /// <summary>v128.const (the one SIMD instruction allowed in constant expressions).</summary>
    public const uint V128Const = 0x0C;

    private static readonly SimdKind[] Kinds = new SimdKind[Count];
    private static readonly byte[] Aligns = new byte[Count];
    private static readonly byte[] LaneCounts = new byte[Count];
    private static readonly ValType[] Scalars = new ValType[Count];

    static SimdOpcodes()
    {
        Mem(SimdKind.Load, 0x00, 4);
        for (var op = 0x01; op <= 0x06; op++)
        {
            Mem(SimdKind.Load, op, 3);
        }

        Mem(SimdKind.Load, 0x07, 0);
        Mem(SimdKind.Load, 0x08, 1);
        Mem(SimdKind.Load, 0x09, 2);
        Mem(SimdKind.Load, 0x0A, 3);
        Mem(SimdKind.Store, 0x0B, 4);
        Mem(SimdKind.Load, 0x5C, 2);
        Mem(SimdKind.Load, 0x5D, 3);
        for (var i = 0; i < 4; i++)
        {
            Mem(SimdKind.LoadLane, 0x54 + i, (byte)i);
            Mem(SimdKind.StoreLane, 0x58 + i, (byte)i);
            LaneCounts[0x54 + i] = LaneCounts[0x58 + i] = (byte)(16 >> i);
        }

        Kinds[V128Const] = SimdKind.Const;
        Kinds[0x0D] = SimdKind.Shuffle;
        ValType[] splat = [ValType.I32, ValType.I32, ValType.I32, ValType.I64, ValType.F32, ValType.F64];
        for (var i = 0; i < splat.Length; i++)
        {
            Kinds[0x0F + i] = SimdKind.Splat;
            Scalars[0x0F + i] = splat[i];
        }

        Lane(SimdKind.Extract, 0x15, 16, ValType.I32);
        Lane(SimdKind.Extract, 0x16, 16, ValType.I32);
        Lane(SimdKind.Replace, 0x17, 16, ValType.I32);
        Lane(SimdKind.Extract, 0x18, 8, ValType.I32);
        Lane(SimdKind.Extract, 0x19, 8, ValType.I32);
        Lane(SimdKind.Replace, 0x1A, 8, ValType.I32);
        Lane(SimdKind.Extract, 0x1B, 4, ValType.I32);
        Lane(SimdKind.Replace, 0x1C, 4, ValType.I32);
        Lane(SimdKind.Extract, 0x1D, 2, ValType.I64);
        Lane(SimdKind.Replace, 0x1E, 2, ValType.I64);
        Lane(SimdKind.Extract, 0x1F, 4, ValType.F32);
        Lane(SimdKind.Replace, 0x20, 4, ValType.F32);
        Lane(SimdKind.Extract, 0x21, 2, ValType.F64);
        Lane(SimdKind.Replace, 0x22, 2, ValType.F64);

        Set(SimdKind.Binary, 0x0E, 0x23..0x4D, 0x4E..0x52, 0x65..0x67, 0x6E..0x74, 0x76..0x7A, 0x7B..0x7C, 0x82..0x83,
            0x85..0x87, 0x8E..0x94, 0x95..0x9A, 0x9B..0xA0, 0xAE..0xAF, 0xB1..0xB2, 0xB5..0xBB, 0xBC..0xC0, 0xCE..0xCF,
            0xD1..0xD2, 0xD5..0xE0, 0xE4..0xEC, 0xF0..0xF8);
        Set(SimdKind.Unary, 0x4D, 0x5E..0x63, 0x67..0x6B, 0x74..0x76, 0x7A..0x7B, 0x7C..0x82, 0x87..0x8B, 0x94..0x95,
            0xA0..0xA2, 0xA7..0xAB, 0xC0..0xC2, 0xC7..0xCB, 0xE0..0xE2, 0xE3..0xE4, 0xEC..0xEE, 0xEF..0xF0, 0xF8..0x100);
        Kinds[0x52] = SimdKind.Ternary;
        Set(SimdKind.Test, 0x53, 0x63..0x65, 0x83..0x85, 0xA3..0xA5, 0xC3..0xC5);
        Set(SimdKind.Shift, 0x6B..0x6E, 0x8B..0x8E, 0xAB..0xAE, 0xCB..0xCE);
    }

    public static SimdKind Kind(uint op) => op < Count ? Kinds[op] : SimdKind.Illegal;

    /// <summary>Largest alignment exponent allowed (the access width, log2).</summary>
    public static int Align(int op) => Aligns[op];

    public static int Lanes(int op) => LaneCounts[op];

    public static ValType Scalar(int op) => Scalars[op];

    private static void Mem(SimdKind kind, int op, byte align)
    {
        Kinds[op] = kind;
        Aligns[op] = align;
    }

    private static void Lane(SimdKind kind, int op, byte lanes, ValType scalar)
    {
        Kinds[op] = kind;
        LaneCounts[op] = lanes;
        Scalars[op] = scalar;
    }

    private static void Set(SimdKind kind, params object[] ops)
    {
        foreach (var o in ops)
        {
            if (o is Range r)
            {
                for (var op = r.Start.Value; op < r.End.Value; op++)
                {
                    Kinds[op] = kind;
                }
            }
            else
            {
                Kinds[(int)o] = kind;
            }
        }
    }
}
