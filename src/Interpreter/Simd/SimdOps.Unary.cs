using System.Numerics;
using System.Runtime.Intrinsics;

namespace WasmBench.Interpreter.Simd;

internal static unsafe partial class SimdOps
{
    private static readonly Vector128<byte> SignMask32 = Vector128.Create(0x8000_0000u).AsByte();
    private static readonly Vector128<byte> SignMask64 = Vector128.Create(0x8000_0000_0000_0000ul).AsByte();

    public static Vector128<byte> Unary(int op, Vector128<byte> a) => op switch
    {
        0x4D => ~a,
        0x5E => Map<double, float>(a, x => (float)x),
        0x5F => Map<float, double>(a, x => x),
        0x60 => Map<sbyte, sbyte>(a, x => (sbyte)(x < 0 ? -x : x)),
        0x61 => Map<sbyte, sbyte>(a, x => (sbyte)-x),
        0x62 => Map<byte, byte>(a, x => (byte)BitOperations.PopCount(x)),
        0x67 => Map<float, float>(a, MathF.Ceiling),
        0x68 => Map<float, float>(a, MathF.Floor),
        0x69 => Map<float, float>(a, MathF.Truncate),
        0x6A => Map<float, float>(a, x => MathF.Round(x, MidpointRounding.ToEven)),
        0x74 => Map<double, double>(a, Math.Ceiling),
        0x75 => Map<double, double>(a, Math.Floor),
        0x7A => Map<double, double>(a, Math.Truncate),
        0x94 => Map<double, double>(a, x => Math.Round(x, MidpointRounding.ToEven)),
        0x7C => Pairwise<sbyte, short>(a, (x, y) => (short)(x + y)),
        0x7D => Pairwise<byte, ushort>(a, (x, y) => (ushort)(x + y)),
        0x7E => Pairwise<short, int>(a, (x, y) => x + y),
        0x7F => Pairwise<ushort, uint>(a, (x, y) => (uint)(x + y)),
        0x80 => Map<short, short>(a, x => (short)(x < 0 ? -x : x)),
        0x81 => Map<short, short>(a, x => (short)-x),
        0xA0 => Map<int, int>(a, x => x < 0 ? unchecked(-x) : x),
        0xA1 => Map<int, int>(a, x => unchecked(-x)),
        0xC0 => Map<long, long>(a, x => x < 0 ? unchecked(-x) : x),
        0xC1 => Map<long, long>(a, x => unchecked(-x)),
        0x87 => Vector128.WidenLower(a.AsSByte()).AsByte(),
        0x88 => Vector128.WidenUpper(a.AsSByte()).AsByte(),
        0x89 => Vector128.WidenLower(a).AsByte(),
        0x8A => Vector128.WidenUpper(a).AsByte(),
        0xA7 => Vector128.WidenLower(a.AsInt16()).AsByte(),
        0xA8 => Vector128.WidenUpper(a.AsInt16()).AsByte(),
        0xA9 => Vector128.WidenLower(a.AsUInt16()).AsByte(),
        0xAA => Vector128.WidenUpper(a.AsUInt16()).AsByte(),
        0xC7 => Vector128.WidenLower(a.AsInt32()).AsByte(),
        0xC8 => Vector128.WidenUpper(a.AsInt32()).AsByte(),
        0xC9 => Vector128.WidenLower(a.AsUInt32()).AsByte(),
        0xCA => Vector128.WidenUpper(a.AsUInt32()).AsByte(),
        0xE0 => a & ~SignMask32,
        0xE1 => a ^ SignMask32,
        0xE3 => Map<float, float>(a, MathF.Sqrt),
        0xEC => a & ~SignMask64,
        0xED => a ^ SignMask64,
        0xEF => Map<double, double>(a, Math.Sqrt),

        // .NET casts from floating point saturate (NaN -> 0): exactly trunc_sat.
        0xF8 => Map<float, int>(a, x => (int)x),
        0xF9 => Map<float, uint>(a, x => (uint)x),
        0xFA => Map<int, float>(a, x => x),
        0xFB => Map<uint, float>(a, x => x),
        0xFC => Map<double, int>(a, x => (int)x),
        0xFD => Map<double, uint>(a, x => (uint)x),
        0xFE => Map<int, double>(a, x => x),
        0xFF => Map<uint, double>(a, x => x),
        _ => throw new InvalidOperationException($"not a unary SIMD opcode {op}"),
    };

    private static Vector128<byte> Pairwise<T, TR>(Vector128<byte> a, Func<T, T, TR> add)
        where T : unmanaged
        where TR : unmanaged
    {
        var r = default(Vector128<byte>);
        var pa = (T*)&a;
        var pr = (TR*)&r;
        for (var i = 0; i < 16 / sizeof(TR); i++)
        {
            pr[i] = add(pa[2 * i], pa[(2 * i) + 1]);
        }

        return r;
    }
}
