using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Simd;

/// <summary>
/// WebAssembly SIMD semantics on <see cref="Vector128{T}"/> values (little-endian lanes).
/// Vector128 operations are used where they match the spec bit for bit (bitwise, wrapping
/// integer arithmetic, integer compares); lane loops where they may not (NaN, rounding,
/// saturation, min/max, conversions).
/// </summary>
internal static unsafe partial class SimdOps
{
    private static TrapException OutOfBounds() => new("out of bounds memory access");

    private static ref byte At(byte[] mem, ulong ea, int size) =>
        ref ea + (ulong)size > (ulong)mem.Length
            ? ref Unsafe.NullRef<byte>()
            : ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(mem), (nint)ea);

    private static T Read<T>(byte[] mem, ulong ea)
        where T : unmanaged
    {
        ref var p = ref At(mem, ea, sizeof(T));
        return Unsafe.IsNullRef(ref p) ? throw OutOfBounds() : Unsafe.ReadUnaligned<T>(ref p);
    }

    private static void Write<T>(byte[] mem, ulong ea, T v)
        where T : unmanaged
    {
        ref var p = ref At(mem, ea, sizeof(T));
        if (Unsafe.IsNullRef(ref p))
        {
            throw OutOfBounds();
        }

        Unsafe.WriteUnaligned(ref p, v);
    }

    public static Vector128<byte> Load(int op, byte[] mem, ulong ea) => op switch
    {
        0x00 => Read<Vector128<byte>>(mem, ea),
        0x01 => Vector128.WidenLower(Vector128.CreateScalar(Read<ulong>(mem, ea)).AsSByte()).AsByte(),
        0x02 => Vector128.WidenLower(Vector128.CreateScalar(Read<ulong>(mem, ea)).AsByte()).AsByte(),
        0x03 => Vector128.WidenLower(Vector128.CreateScalar(Read<ulong>(mem, ea)).AsInt16()).AsByte(),
        0x04 => Vector128.WidenLower(Vector128.CreateScalar(Read<ulong>(mem, ea)).AsUInt16()).AsByte(),
        0x05 => Vector128.WidenLower(Vector128.CreateScalar(Read<ulong>(mem, ea)).AsInt32()).AsByte(),
        0x06 => Vector128.WidenLower(Vector128.CreateScalar(Read<ulong>(mem, ea)).AsUInt32()).AsByte(),
        0x07 => Vector128.Create(Read<byte>(mem, ea)),
        0x08 => Vector128.Create(Read<ushort>(mem, ea)).AsByte(),
        0x09 => Vector128.Create(Read<uint>(mem, ea)).AsByte(),
        0x0A => Vector128.Create(Read<ulong>(mem, ea)).AsByte(),
        0x5C => Vector128.CreateScalar(Read<uint>(mem, ea)).AsByte(),
        _ => Vector128.CreateScalar(Read<ulong>(mem, ea)).AsByte(),
    };

    public static Vector128<byte> LoadLane(int op, byte[] mem, ulong ea, Vector128<byte> v, int lane) => op switch
    {
        0x54 => v.WithElement(lane, Read<byte>(mem, ea)),
        0x55 => v.AsUInt16().WithElement(lane, Read<ushort>(mem, ea)).AsByte(),
        0x56 => v.AsUInt32().WithElement(lane, Read<uint>(mem, ea)).AsByte(),
        _ => v.AsUInt64().WithElement(lane, Read<ulong>(mem, ea)).AsByte(),
    };

    public static void StoreLane(int op, byte[] mem, ulong ea, Vector128<byte> v, int lane)
    {
        switch (op)
        {
            case 0x58: Write(mem, ea, v.GetElement(lane)); break;
            case 0x59: Write(mem, ea, v.AsUInt16().GetElement(lane)); break;
            case 0x5A: Write(mem, ea, v.AsUInt32().GetElement(lane)); break;
            default: Write(mem, ea, v.AsUInt64().GetElement(lane)); break;
        }
    }

    /// <summary>i8x16.shuffle: the 16 lane indices are packed 4 per int.</summary>
    public static Vector128<byte> Shuffle(Vector128<byte> a, Vector128<byte> b, int* lanes)
    {
        var r = default(Vector128<byte>);
        var pa = (byte*)&a;
        var pb = (byte*)&b;
        var pr = (byte*)&r;
        var pl = (byte*)lanes;
        for (var i = 0; i < 16; i++)
        {
            var l = pl[i];
            pr[i] = l < 16 ? pa[l] : pb[l - 16];
        }

        return r;
    }

    public static Vector128<byte> Splat(int op, ulong x) => op switch
    {
        0x0F => Vector128.Create((byte)x),
        0x10 => Vector128.Create((ushort)x).AsByte(),
        0x11 or 0x13 => Vector128.Create((uint)x).AsByte(),
        _ => Vector128.Create(x).AsByte(),
    };

    public static ulong Extract(int op, Vector128<byte> v, int lane) => op switch
    {
        0x15 => (uint)(int)v.AsSByte().GetElement(lane),
        0x16 => v.GetElement(lane),
        0x18 => (uint)(int)v.AsInt16().GetElement(lane),
        0x19 => v.AsUInt16().GetElement(lane),
        0x1B or 0x1F => v.AsUInt32().GetElement(lane),
        _ => v.AsUInt64().GetElement(lane),
    };

    public static Vector128<byte> Replace(int op, Vector128<byte> v, ulong x, int lane) => op switch
    {
        0x17 => v.WithElement(lane, (byte)x),
        0x1A => v.AsUInt16().WithElement(lane, (ushort)x).AsByte(),
        0x1C or 0x20 => v.AsUInt32().WithElement(lane, (uint)x).AsByte(),
        _ => v.AsUInt64().WithElement(lane, x).AsByte(),
    };

    public static ulong Test(int op, Vector128<byte> v) => op switch
    {
        0x53 => v != Vector128<byte>.Zero ? 1u : 0u,
        0x63 => AllTrue(v),
        0x83 => AllTrue(v.AsUInt16()),
        0xA3 => AllTrue(v.AsUInt32()),
        0xC3 => AllTrue(v.AsUInt64()),
        0x64 => v.AsSByte().ExtractMostSignificantBits(),
        0x84 => v.AsInt16().ExtractMostSignificantBits(),
        0xA4 => v.AsInt32().ExtractMostSignificantBits(),
        _ => v.AsInt64().ExtractMostSignificantBits(),
    };

    private static ulong AllTrue<T>(Vector128<T> v) =>
        Vector128.EqualsAny(v, Vector128<T>.Zero) ? 0u : 1u;

    public static Vector128<byte> Shift(int op, Vector128<byte> v, int n) => op switch
    {
        0x6B => Vector128.ShiftLeft(v, n & 7),
        0x6C => Vector128.ShiftRightArithmetic(v.AsSByte(), n & 7).AsByte(),
        0x6D => Vector128.ShiftRightLogical(v, n & 7),
        0x8B => Vector128.ShiftLeft(v.AsUInt16(), n & 15).AsByte(),
        0x8C => Vector128.ShiftRightArithmetic(v.AsInt16(), n & 15).AsByte(),
        0x8D => Vector128.ShiftRightLogical(v.AsUInt16(), n & 15).AsByte(),
        0xAB => Vector128.ShiftLeft(v.AsUInt32(), n & 31).AsByte(),
        0xAC => Vector128.ShiftRightArithmetic(v.AsInt32(), n & 31).AsByte(),
        0xAD => Vector128.ShiftRightLogical(v.AsUInt32(), n & 31).AsByte(),
        0xCB => Vector128.ShiftLeft(v.AsUInt64(), n & 63).AsByte(),
        0xCC => Vector128.ShiftRightArithmetic(v.AsInt64(), n & 63).AsByte(),
        _ => Vector128.ShiftRightLogical(v.AsUInt64(), n & 63).AsByte(),
    };

    // ---- lane loops -------------------------------------------------------------------

    private static Vector128<byte> Map<T, TR>(Vector128<byte> a, Func<T, TR> fn)
        where T : unmanaged
        where TR : unmanaged
    {
        var r = default(Vector128<byte>);
        var pa = (T*)&a;
        var pr = (TR*)&r;
        var n = 16 / Math.Max(sizeof(T), sizeof(TR));
        for (var i = 0; i < n; i++)
        {
            pr[i] = fn(pa[i]);
        }

        return r;
    }

    private static Vector128<byte> Zip<T>(Vector128<byte> a, Vector128<byte> b, Func<T, T, T> fn)
        where T : unmanaged
    {
        var r = default(Vector128<byte>);
        var pa = (T*)&a;
        var pb = (T*)&b;
        var pr = (T*)&r;
        for (var i = 0; i < 16 / sizeof(T); i++)
        {
            pr[i] = fn(pa[i], pb[i]);
        }

        return r;
    }

    /// <summary>A compare: each lane all ones when <paramref name="fn"/> holds, else zero.</summary>
    private static Vector128<byte> Cmp<T>(Vector128<byte> a, Vector128<byte> b, Func<T, T, bool> fn)
        where T : unmanaged
    {
        var r = default(Vector128<byte>);
        var pa = (T*)&a;
        var pb = (T*)&b;
        var pr = (byte*)&r;
        var size = sizeof(T);
        for (var i = 0; i < 16 / size; i++)
        {
            if (fn(pa[i], pb[i]))
            {
                new Span<byte>(pr + (i * size), size).Fill(0xFF);
            }
        }

        return r;
    }
}
