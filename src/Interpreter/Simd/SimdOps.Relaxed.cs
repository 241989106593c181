using System.Runtime.Intrinsics;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Simd;

// The relaxed SIMD instructions without a 2.0 twin; the choices are documented in Binary.RelaxedSimd.
internal static partial class SimdOps
{
    public static Vector128<byte> RelaxedTernary(int op, Vector128<byte> a, Vector128<byte> b, Vector128<byte> c)
    {
        switch (op)
        {
            case SimdInternal.RelaxedMaddF32 or SimdInternal.RelaxedNmaddF32:
            {
                var (x, y, z) = (a.AsSingle(), b.AsSingle(), c.AsSingle());
                var sign = op == SimdInternal.RelaxedNmaddF32 ? -1f : 1f;
                Span<float> r = stackalloc float[4];
                for (var i = 0; i < 4; i++)
                {
                    r[i] = MathF.FusedMultiplyAdd(sign * x.GetElement(i), y.GetElement(i), z.GetElement(i));
                }

                return Vector128.Create<float>(r).AsByte();
            }

            case SimdInternal.RelaxedMaddF64 or SimdInternal.RelaxedNmaddF64:
            {
                var (x, y, z) = (a.AsDouble(), b.AsDouble(), c.AsDouble());
                var sign = op == SimdInternal.RelaxedNmaddF64 ? -1d : 1d;
                return Vector128.Create(
                    Math.FusedMultiplyAdd(sign * x.GetElement(0), y.GetElement(0), z.GetElement(0)),
                    Math.FusedMultiplyAdd(sign * x.GetElement(1), y.GetElement(1), z.GetElement(1))).AsByte();
            }

            default:
            {
                // i32x4.relaxed_dot_i8x16_i7x16_add_s: four signed products per lane, plus c.
                var (x, y, acc) = (a.AsSByte(), b.AsSByte(), c.AsInt32());
                Span<int> r = stackalloc int[4];
                for (var i = 0; i < 4; i++)
                {
                    var sum = acc.GetElement(i);
                    for (var j = 4 * i; j < (4 * i) + 4; j++)
                    {
                        sum += x.GetElement(j) * y.GetElement(j);
                    }

                    r[i] = sum;
                }

                return Vector128.Create<int>(r).AsByte();
            }
        }
    }

    /// <summary>i16x8.relaxed_dot_i8x16_i7x16_s: signed pairwise products, summed and wrapped to 16 bits.</summary>
    public static Vector128<byte> RelaxedDot(Vector128<byte> a, Vector128<byte> b)
    {
        var (x, y) = (a.AsSByte(), b.AsSByte());
        Span<short> r = stackalloc short[8];
        for (var i = 0; i < 8; i++)
        {
            r[i] = (short)((x.GetElement(2 * i) * y.GetElement(2 * i)) + (x.GetElement((2 * i) + 1) * y.GetElement((2 * i) + 1)));
        }

        return Vector128.Create<short>(r).AsByte();
    }
}
