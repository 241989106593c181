using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Tests;

/// <summary>Small valid WebAssembly 3.0 modules (tail calls, extended constant expressions): test subjects and mutation seeds.</summary>
internal static class Wasm3Modules
{
    private const ValType I32 = ValType.I32;

    /// <summary>
    /// <c>countdown(n)</c> = n == 0 ? 42 : return_call countdown(n - 1); <c>plain(n)</c>, the same
    /// with a plain call; <c>via_table(n)</c> with return_call_indirect; <c>forever()</c>, an endless
    /// tail-call loop; global <c>product</c> = 6 * 7 - 0 + g0 (extended constant expression, g0 = 0).
    /// </summary>
    public static byte[] TailCallsAndConstExprs()
    {
        var b = new ModuleBuilder();
        var i_i = b.Type([I32], [I32]);
        var v_i = b.Type([], [I32]);
        b.Table(1);
        b.Global(I32, false, 0x41, 0);
        // global 1: global.get 0; i32.const 6; i32.const 7; i32.mul; i32.add
        b.Global(I32, false, 0x23, 0, 0x41, 6, 0x41, 7, 0x6C, 0x6A);
        // 0: countdown
        b.Export("countdown", ExternKind.Func, b.Func(i_i, [],
            0x20, 0, 0x45, 0x04, (byte)I32, 0x41, 42, 0x05, 0x20, 0, 0x41, 1, 0x6B, 0x12, 0, 0x0B, 0x0B));
        // 1: plain
        b.Export("plain", ExternKind.Func, b.Func(i_i, [],
            0x20, 0, 0x45, 0x04, (byte)I32, 0x41, 42, 0x05, 0x20, 0, 0x41, 1, 0x6B, 0x10, 1, 0x0B, 0x0B));
        // 2: via_table: table[0] = countdown (set by `setup`), return_call_indirect type i_i
        b.Export("via_table", ExternKind.Func, b.Func(i_i, [],
            0x20, 0, 0x41, 0, 0x13, (byte)i_i, 0, 0x0B));
        // 3: forever: return_call forever
        b.Export("forever", ExternKind.Func, b.Func(v_i, [], 0x12, 3, 0x0B));
        // 4: setup: table.set 0 (ref.func 0)
        b.Export("setup", ExternKind.Func, b.Func(b.Type([], []), [], 0x41, 0, 0xD2, 0, 0x26, 0, 0x0B));
        b.Export("product", ExternKind.Global, 1);
        return b.Build();
    }

    /// <summary>
    /// Two memories (multi-memory): memory 0 of 1 page, memory 1 of 1..3 pages.
    /// <c>store1(addr, v)</c> stores into memory 1, <c>load0</c>/<c>load1(addr)</c> read each,
    /// <c>grow1(n)</c>/<c>size1()</c>, <c>copy10(dst, src, n)</c> copies memory 0 into memory 1,
    /// <c>fill1(dst, v, n)</c>.
    /// </summary>
    public static byte[] TwoMemories()
    {
        var b = new ModuleBuilder();
        var ii_v = b.Type([I32, I32], []);
        var i_i = b.Type([I32], [I32]);
        var v_i = b.Type([], [I32]);
        var iii_v = b.Type([I32, I32, I32], []);
        b.Memory(1, 1);
        b.Memory(1, 3);
        // memarg: flags 0x42 (align 2 + memory index follows), memory 1, offset 0
        b.Export("store1", ExternKind.Func, b.Func(ii_v, [], 0x20, 0, 0x20, 1, 0x36, 0x42, 1, 0, 0x0B));
        b.Export("load0", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0x28, 2, 0, 0x0B));
        b.Export("load1", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0x28, 0x42, 1, 0, 0x0B));
        b.Export("grow1", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0x40, 1, 0x0B));
        b.Export("size1", ExternKind.Func, b.Func(v_i, [], 0x3F, 1, 0x0B));
        b.Export("copy10", ExternKind.Func, b.Func(iii_v, [], 0x20, 0, 0x20, 1, 0x20, 2, 0xFC, 10, 1, 0, 0x0B));
        b.Export("fill1", ExternKind.Func, b.Func(iii_v, [], 0x20, 0, 0x20, 1, 0x20, 2, 0xFC, 11, 1, 0x0B));
        b.Export("mem0", ExternKind.Memory, 0);
        return b.Build();
    }

    /// <summary>
    /// <c>madd()</c>: f32x4.relaxed_madd(1 + 2^-12, 1 + 2^-12, -(1 + 2^-11)), lane 0. Fused (one
    /// rounding) it is 2^-24; with the product rounded first it would be 0.
    /// </summary>
    public static byte[] RelaxedMadd()
    {
        var b = new ModuleBuilder();
        static byte[] Splat(uint bits) =>
            [0xFD, 0x0C, .. Enumerable.Repeat(BitConverter.GetBytes(bits), 4).SelectMany(x => x)];
        byte[] body = [.. Splat(0x3F800800), .. Splat(0x3F800800), .. Splat(0xBF801000), 0xFD, 0x85, 0x02, 0xFD, 0x1F, 0, 0x0B];
        b.Export("madd", ExternKind.Func, b.Func(b.Type([], [ValType.F32]), [], body));
        return b.Build();
    }

    /// <summary>A funcref table64 of 1 element: <c>is_null(i64 index)</c> (table.get), <c>grow(i64 delta)</c> (table.grow with ref.null).</summary>
    public static byte[] Table64()
    {
        var b = new ModuleBuilder();
        b.Table(1, is64: true);
        b.Export("is_null", ExternKind.Func, b.Func(b.Type([ValType.I64], [I32]), [], 0x20, 0, 0x25, 0, 0xD1, 0x0B));
        b.Export("grow", ExternKind.Func, b.Func(b.Type([ValType.I64], [ValType.I64]), [], 0xD0, 0x70, 0x20, 0, 0xFC, 15, 0, 0x0B));
        return b.Build();
    }

    /// <summary>
    /// A memory64 of 1 page: <c>store(i64 addr, i32 v)</c>, <c>load(i64 addr)</c>, <c>load_far(i64 addr)</c>
    /// (offset 2^33), <c>grow(i64 delta)</c> and <c>size()</c>, both i64.
    /// </summary>
    public static byte[] Memory64()
    {
        const ValType I64 = ValType.I64;
        var b = new ModuleBuilder();
        b.Memory(1, is64: true);
        b.Export("store", ExternKind.Func, b.Func(b.Type([I64, I32], []), [], 0x20, 0, 0x20, 1, 0x36, 2, 0, 0x0B));
        b.Export("load", ExternKind.Func, b.Func(b.Type([I64], [I32]), [], 0x20, 0, 0x28, 2, 0, 0x0B));
        b.Export("load_far", ExternKind.Func, b.Func(b.Type([I64], [I32]), [], 0x20, 0, 0x28, 2, 0x80, 0x80, 0x80, 0x80, 0x20, 0x0B));
        b.Export("grow", ExternKind.Func, b.Func(b.Type([I64], [I64]), [], 0x20, 0, 0x40, 0, 0x0B));
        b.Export("size", ExternKind.Func, b.Func(b.Type([], [I64]), [], 0x3F, 0, 0x0B));
        return b.Build();
    }
}
