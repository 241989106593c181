using System.Runtime.Intrinsics;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Simd;

internal static unsafe partial class SimdOps
{
    public static Vector128<byte> Binary(int op, Vector128<byte> a, Vector128<byte> b) => op switch
    {
        0x0E => Swizzle(a, b),
        >= 0x23 and <= 0x2C => IntCompare<sbyte, byte>(op - 0x23, a, b),
        >= 0x2D and <= 0x36 => IntCompare<short, ushort>(op - 0x2D, a, b),
        >= 0x37 and <= 0x40 => IntCompare<int, uint>(op - 0x37, a, b),
        >= 0x41 and <= 0x46 => FloatCompare<float>(op - 0x41, a, b),
        >= 0x47 and <= 0x4C => FloatCompare<double>(op - 0x47, a, b),
        0x4E => a & b,
        0x4F => a & ~b,
        0x50 => a | b,
        0x51 => a ^ b,
        // Narrowing and saturation: clamp in the wider type, then truncate (exact).
        0x65 => Vector128.Narrow(Clamp<short>(a.AsInt16(), sbyte.MinValue, sbyte.MaxValue), Clamp<short>(b.AsInt16(), sbyte.MinValue, sbyte.MaxValue)).AsByte(),
        0x66 => Vector128.Narrow(Clamp<short>(a.AsInt16(), 0, byte.MaxValue).AsUInt16(), Clamp<short>(b.AsInt16(), 0, byte.MaxValue).AsUInt16()),
        0x85 => Vector128.Narrow(Clamp<int>(a.AsInt32(), short.MinValue, short.MaxValue), Clamp<int>(b.AsInt32(), short.MinValue, short.MaxValue)).AsByte(),
        0x86 => Vector128.Narrow(Clamp<int>(a.AsInt32(), 0, ushort.MaxValue).AsUInt32(), Clamp<int>(b.AsInt32(), 0, ushort.MaxValue).AsUInt32()).AsByte(),
        0x6E => a + b,
        0x6F => SatS8(Vector128.WidenLower(a.AsSByte()) + Vector128.WidenLower(b.AsSByte()), Vector128.WidenUpper(a.AsSByte()) + Vector128.WidenUpper(b.AsSByte())),
        0x70 => SatU8(Vector128.WidenLower(a).AsInt16() + Vector128.WidenLower(b).AsInt16(), Vector128.WidenUpper(a).AsInt16() + Vector128.WidenUpper(b).AsInt16()),
        0x71 => a - b,
        0x72 => SatS8(Vector128.WidenLower(a.AsSByte()) - Vector128.WidenLower(b.AsSByte()), Vector128.WidenUpper(a.AsSByte()) - Vector128.WidenUpper(b.AsSByte())),
        0x73 => SatU8(Vector128.WidenLower(a).AsInt16() - Vector128.WidenLower(b).AsInt16(), Vector128.WidenUpper(a).AsInt16() - Vector128.WidenUpper(b).AsInt16()),
        0x76 => Vector128.Min(a.AsSByte(), b.AsSByte()).AsByte(),
        0x77 => Vector128.Min(a, b),
        0x78 => Vector128.Max(a.AsSByte(), b.AsSByte()).AsByte(),
        0x79 => Vector128.Max(a, b),
        0x7B => Zip<byte>(a, b, (x, y) => (byte)((x + y + 1) >> 1)),
        0x82 => Zip<short>(a, b, (x, y) => (short)Math.Clamp(((x * y) + 0x4000) >> 15, short.MinValue, short.MaxValue)),
        0x8E => (a.AsUInt16() + b.AsUInt16()).AsByte(),
        0x8F => SatS16(Vector128.WidenLower(a.AsInt16()) + Vector128.WidenLower(b.AsInt16()), Vector128.WidenUpper(a.AsInt16()) + Vector128.WidenUpper(b.AsInt16())),
        0x90 => SatU16(Vector128.WidenLower(a.AsUInt16()).AsInt32() + Vector128.WidenLower(b.AsUInt16()).AsInt32(), Vector128.WidenUpper(a.AsUInt16()).AsInt32() + Vector128.WidenUpper(b.AsUInt16()).AsInt32()),
        0x91 => (a.AsUInt16() - b.AsUInt16()).AsByte(),
        0x92 => SatS16(Vector128.WidenLower(a.AsInt16()) - Vector128.WidenLower(b.AsInt16()), Vector128.WidenUpper(a.AsInt16()) - Vector128.WidenUpper(b.AsInt16())),
        0x93 => SatU16(Vector128.WidenLower(a.AsUInt16()).AsInt32() - Vector128.WidenLower(b.AsUInt16()).AsInt32(), Vector128.WidenUpper(a.AsUInt16()).AsInt32() - Vector128.WidenUpper(b.AsUInt16()).AsInt32()),
        0x95 => (a.AsUInt16() * b.AsUInt16()).AsByte(),
        0x96 => Vector128.Min(a.AsInt16(), b.AsInt16()).AsByte(),
        0x97 => Vector128.Min(a.AsUInt16(), b.AsUInt16()).AsByte(),
        0x98 => Vector128.Max(a.AsInt16(), b.AsInt16()).AsByte(),
        0x99 => Vector128.Max(a.AsUInt16(), b.AsUInt16()).AsByte(),
        0x9B => Zip<ushort>(a, b, (x, y) => (ushort)((x + y + 1) >> 1)),
        0x9C => (Vector128.WidenLower(a.AsSByte()) * Vector128.WidenLower(b.AsSByte())).AsByte(),
        0x9D => (Vector128.WidenUpper(a.AsSByte()) * Vector128.WidenUpper(b.AsSByte())).AsByte(),
        0x9E => (Vector128.WidenLower(a) * Vector128.WidenLower(b)).AsByte(),
        0x9F => (Vector128.WidenUpper(a) * Vector128.WidenUpper(b)).AsByte(),
        0xAE => (a.AsUInt32() + b.AsUInt32()).AsByte(),
        0xB1 => (a.AsUInt32() - b.AsUInt32()).AsByte(),
        0xB5 => (a.AsUInt32() * b.AsUInt32()).AsByte(),
        0xB6 => Vector128.Min(a.AsInt32(), b.AsInt32()).AsByte(),
        0xB7 => Vector128.Min(a.AsUInt32(), b.AsUInt32()).AsByte(),
        0xB8 => Vector128.Max(a.AsInt32(), b.AsInt32()).AsByte(),
        0xB9 => Vector128.Max(a.AsUInt32(), b.AsUInt32()).AsByte(),
        0xBA => Dot(a, b),
        0xBC => (Vector128.WidenLower(a.AsInt16()) * Vector128.WidenLower(b.AsInt16())).AsByte(),
        0xBD => (Vector128.WidenUpper(a.AsInt16()) * Vector128.WidenUpper(b.AsInt16())).AsByte(),
        0xBE => (Vector128.WidenLower(a.AsUInt16()) * Vector128.WidenLower(b.AsUInt16())).AsByte(),
        0xBF => (Vector128.WidenUpper(a.AsUInt16()) * Vector128.WidenUpper(b.AsUInt16())).AsByte(),
        0xCE => (a.AsUInt64() + b.AsUInt64()).AsByte(),
        0xD1 => (a.AsUInt64() - b.AsUInt64()).AsByte(),
        0xD5 => (a.AsUInt64() * b.AsUInt64()).AsByte(),
        0xD6 => Cmp<long>(a, b, (x, y) => x == y),
        0xD7 => Cmp<long>(a, b, (x, y) => x != y),
        0xD8 => Cmp<long>(a, b, (x, y) => x < y),
        0xD9 => Cmp<long>(a, b, (x, y) => x > y),
        0xDA => Cmp<long>(a, b, (x, y) => x <= y),
        0xDB => Cmp<long>(a, b, (x, y) => x >= y),
        0xDC => ExtMul<int, long>(Low(a), Low(b), (x, y) => (long)x * y),
        0xDD => ExtMul<int, long>(High(a), High(b), (x, y) => (long)x * y),
        0xDE => ExtMul<uint, ulong>(Low(a), Low(b), (x, y) => (ulong)x * y),
        0xDF => ExtMul<uint, ulong>(High(a), High(b), (x, y) => (ulong)x * y),
        // IEEE arithmetic lane by lane, the same instructions (and NaN results) as the scalar ones.
        0xE4 => (a.AsSingle() + b.AsSingle()).AsByte(),
        0xE5 => (a.AsSingle() - b.AsSingle()).AsByte(),
        0xE6 => (a.AsSingle() * b.AsSingle()).AsByte(),
        0xE7 => (a.AsSingle() / b.AsSingle()).AsByte(),
        0xE8 => Zip<float>(a, b, Numerics.Min),
        0xE9 => Zip<float>(a, b, Numerics.Max),
        0xEA => Zip<float>(a, b, (x, y) => y < x ? y : x),
        0xEB => Zip<float>(a, b, (x, y) => x < y ? y : x),
        0xF0 => (a.AsDouble() + b.AsDouble()).AsByte(),
        0xF1 => (a.AsDouble() - b.AsDouble()).AsByte(),
        0xF2 => (a.AsDouble() * b.AsDouble()).AsByte(),
        0xF3 => (a.AsDouble() / b.AsDouble()).AsByte(),
        0xF4 => Zip<double>(a, b, Numerics.Min),
        0xF5 => Zip<double>(a, b, Numerics.Max),
        0xF6 => Zip<double>(a, b, (x, y) => y < x ? y : x),
        0xF7 => Zip<double>(a, b, (x, y) => x < y ? y : x),
        _ => throw new InvalidOperationException($"not a binary SIMD opcode {op}"),
    };

    private static Vector128<byte> Swizzle(Vector128<byte> a, Vector128<byte> b)
    {
        var r = default(Vector128<byte>);
        var pa = (byte*)&a;
        var pb = (byte*)&b;
        var pr = (byte*)&r;
        for (var i = 0; i < 16; i++)
        {
            pr[i] = pb[i] < 16 ? pa[pb[i]] : (byte)0;
        }

        return r;
    }

    /// <summary>eq, ne, lt_s, lt_u, gt_s, gt_u, le_s, le_u, ge_s, ge_u (k = 0..9).</summary>
    private static Vector128<byte> IntCompare<TS, TU>(int k, Vector128<byte> a, Vector128<byte> b)
        where TS : unmanaged, IComparable<TS>
        where TU : unmanaged, IComparable<TU> => k switch
    {
        0 => Cmp<TU>(a, b, (x, y) => x.CompareTo(y) == 0),
        1 => Cmp<TU>(a, b, (x, y) => x.CompareTo(y) != 0),
        2 => Cmp<TS>(a, b, (x, y) => x.CompareTo(y) < 0),
        3 => Cmp<TU>(a, b, (x, y) => x.CompareTo(y) < 0),
        4 => Cmp<TS>(a, b, (x, y) => x.CompareTo(y) > 0),
        5 => Cmp<TU>(a, b, (x, y) => x.CompareTo(y) > 0),
        6 => Cmp<TS>(a, b, (x, y) => x.CompareTo(y) <= 0),
        7 => Cmp<TU>(a, b, (x, y) => x.CompareTo(y) <= 0),
        8 => Cmp<TS>(a, b, (x, y) => x.CompareTo(y) >= 0),
        _ => Cmp<TU>(a, b, (x, y) => x.CompareTo(y) >= 0),
    };

    /// <summary>eq, ne, lt, gt, le, ge (k = 0..5): IEEE compares, false on NaN except ne.</summary>
    private static Vector128<byte> FloatCompare<T>(int k, Vector128<byte> a, Vector128<byte> b)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => k switch
    {
        0 => Cmp<T>(a, b, (x, y) => x == y),
        1 => Cmp<T>(a, b, (x, y) => x != y),
        2 => Cmp<T>(a, b, (x, y) => x < y),
        3 => Cmp<T>(a, b, (x, y) => x > y),
        4 => Cmp<T>(a, b, (x, y) => x <= y),
        _ => Cmp<T>(a, b, (x, y) => x >= y),
    };

    private static Vector128<byte> ExtMul<T, TR>(Vector128<byte> a, Vector128<byte> b, Func<T, T, TR> mul)
        where T : unmanaged
        where TR : unmanaged
    {
        var r = default(Vector128<byte>);
        var pa = (T*)&a;
        var pb = (T*)&b;
        var pr = (TR*)&r;
        for (var i = 0; i < 16 / sizeof(TR); i++)
        {
            pr[i] = mul(pa[i], pb[i]);
        }

        return r;
    }

    private static Vector128<byte> Dot(Vector128<byte> a, Vector128<byte> b)
    {
        var r = default(Vector128<byte>);
        var pa = (short*)&a;
        var pb = (short*)&b;
        var pr = (int*)&r;
        for (var i = 0; i < 4; i++)
        {
            pr[i] = unchecked((pa[2 * i] * pb[2 * i]) + (pa[(2 * i) + 1] * pb[(2 * i) + 1]));
        }

        return r;
    }

    private static Vector128<T> Clamp<T>(Vector128<T> v, T min, T max) =>
        Vector128.Min(Vector128.Max(v, Vector128.Create(min)), Vector128.Create(max));

    private static Vector128<byte> SatS8(Vector128<short> lo, Vector128<short> hi) =>
        Vector128.Narrow(Clamp<short>(lo, sbyte.MinValue, sbyte.MaxValue), Clamp<short>(hi, sbyte.MinValue, sbyte.MaxValue)).AsByte();

    private static Vector128<byte> SatS16(Vector128<int> lo, Vector128<int> hi) =>
        Vector128.Narrow(Clamp<int>(lo, short.MinValue, short.MaxValue), Clamp<int>(hi, short.MinValue, short.MaxValue)).AsByte();

    private static Vector128<byte> SatU16(Vector128<int> lo, Vector128<int> hi) =>
        Vector128.Narrow(Clamp<int>(lo, 0, ushort.MaxValue).AsUInt32(), Clamp<int>(hi, 0, ushort.MaxValue).AsUInt32()).AsByte();

    private static Vector128<byte> SatU8(Vector128<short> lo, Vector128<short> hi) =>
        Vector128.Narrow(Clamp<short>(lo, 0, byte.MaxValue).AsUInt16(), Clamp<short>(hi, 0, byte.MaxValue).AsUInt16());

    /// <summary>The low 8 bytes (lanes of the low half, for the extending forms).</summary>
    private static Vector128<byte> Low(Vector128<byte> v) => v;

    /// <summary>The high 8 bytes moved to the low half.</summary>
    private static Vector128<byte> High(Vector128<byte> v) => Vector128.CreateScalar(v.AsUInt64().GetElement(1)).AsByte();
}
