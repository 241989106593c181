using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>SIMD lanes whose spec rules differ from the obvious hardware or .NET behaviour.</summary>
public sealed class SimdTests
{
    private static readonly ValType[] V2 = [ValType.V128, ValType.V128];

    /// <summary>Runs a (v128, v128) -> v128 function with <paramref name="body"/> on (a, b).</summary>
    private static (ulong Lo, ulong Hi) Run(byte[] body, (ulong Lo, ulong Hi) a, (ulong Lo, ulong Hi) b, ValType[]? locals = null)
    {
        var mb = new ModuleBuilder();
        var t = mb.Type(V2, [ValType.V128]);
        var f = mb.Func(t, locals ?? [], body);
        mb.Export("f", ExternKind.Func, f);
        var store = new Store();
        var compiled = WasmEngine.Compile(mb.Build());
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(store, compiled.Module!, (_, _) => null);
        Assert.True(inst.Succeeded, inst.Message);
        var hi = new ulong[1];
        var lo = store.Invoke(inst.Instance!.GetExport("f")!.Value.Function!, [a.Lo, b.Lo], [a.Hi, b.Hi], hi);
        return (lo[0], hi[0]);
    }

    private static (ulong Lo, ulong Hi) Binary(int sub, (ulong, ulong) a, (ulong, ulong) b) =>
        Run([0x20, 0, 0x20, 1, 0xFD, .. ModuleBuilder.U32((uint)sub), 0x0B], a, b);

    private static (ulong, ulong) F32s(float x0, float x1, float x2, float x3) =>
        (Bits(x0) | (Bits(x1) << 32), Bits(x2) | (Bits(x3) << 32));

    private static ulong Bits(float x) => (uint)BitConverter.SingleToInt32Bits(x);

    private static (ulong, ulong) I16s(params short[] x) =>
        ((ulong)(ushort)x[0] | ((ulong)(ushort)x[1] << 16) | ((ulong)(ushort)x[2] << 32) | ((ulong)(ushort)x[3] << 48),
         (ulong)(ushort)x[4] | ((ulong)(ushort)x[5] << 16) | ((ulong)(ushort)x[6] << 32) | ((ulong)(ushort)x[7] << 48));

    [Fact]
    public void F32x4_min_and_max_propagate_nan_and_order_signed_zeros()
    {
        var nan = BitConverter.Int32BitsToSingle(0x7FC0_1234);
        var (lo, hi) = Binary(0xE8, F32s(nan, -0f, 0f, 1f), F32s(1f, 0f, -0f, 2f));
        Assert.True(float.IsNaN(BitConverter.Int32BitsToSingle((int)(uint)lo)));
        Assert.Equal(0x8000_0000u, (uint)(lo >> 32));
        Assert.Equal(0x8000_0000u, (uint)hi);
        Assert.Equal(Bits(1f), hi >> 32);
        var (maxLo, maxHi) = Binary(0xE9, F32s(1f, -0f, 0f, 1f), F32s(nan, 0f, -0f, 2f));
        Assert.True(float.IsNaN(BitConverter.Int32BitsToSingle((int)(uint)maxLo)));
        Assert.Equal(0u, (uint)(maxLo >> 32));
        Assert.Equal(0u, (uint)maxHi);
    }

    [Fact]
    public void F32x4_nearest_rounds_half_to_even_and_keeps_the_sign_of_zero()
    {
        var (lo, hi) = Run([0x20, 0, 0xFD, 0x6A, 0x0B], F32s(2.5f, 3.5f, -0.5f, -1.5f), default);
        Assert.Equal(F32s(2f, 4f, -0f, -2f), (lo, hi));
    }

    [Fact]
    public void Narrowing_saturates_signed_and_unsigned()
    {
        var a = I16s(300, -300, 127, -128, 255, -1, 0, 128);
        var (slo, _) = Binary(0x65, a, a);
        Assert.Equal(0x7F_00_FF_7F_80_7F_80_7Ful, slo);
        var (ulo, _) = Binary(0x66, a, a);
        Assert.Equal(0x80_00_00_FF_00_7F_00_FFul, ulo);
    }

    [Fact]
    public void Q15mulr_sat_saturates_the_one_overflowing_product()
    {
        var (lo, hi) = Binary(0x82, I16s(short.MinValue, 0x4000, -0x4000, 3, 0, 0, 0, 0), I16s(short.MinValue, 0x4000, 0x4000, 0x2AAA, 0, 0, 0, 0));
        Assert.Equal(I16s(short.MaxValue, 0x2000, -0x2000, 1, 0, 0, 0, 0), (lo, hi));
    }

    [Fact]
    public void High_halves_survive_locals_branches_and_select()
    {
        // (local.set 2 (local.get 1)) (block (result v128) (br_if 0 (local.get 0) (i32.const 1)) ...) select picks it.
        byte[] body =
        [
            0x20, 1, 0x21, 2,
            0x02, 0x7B, 0x20, 2, 0x41, 1, 0x0D, 0, 0x1A, 0x20, 0, 0x0B,
            0x20, 0, 0x41, 1, 0x1B, 0x0B,
        ];
        var b = (0x1111_2222_3333_4444ul, 0x5555_6666_7777_8888ul);
        Assert.Equal(b, Run(body, (1, 2), b, [ValType.V128]));
    }
}
