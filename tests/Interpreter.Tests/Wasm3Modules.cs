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

    /// <summary>
    /// Typed function references: type 0 is [i32] -> [i32], <c>inc</c> (function 0) adds one.
    /// <c>apply_inc(x)</c> = call_ref inc x; <c>apply_null(x)</c> calls a null (ref null 0);
    /// <c>is_set(x)</c> is 1 when br_on_null falls through (x != 0 picks inc, else null);
    /// <c>pick(x)</c> branches with br_on_non_null and calls the reference on 41 (else -1);
    /// <c>as_non_null()</c> traps on null; <c>tail_apply(x)</c> = return_call_ref inc x;
    /// <c>forever()</c> tail-calls itself through a reference.
    /// </summary>
    public static byte[] TypedFuncRefs()
    {
        var b = new ModuleBuilder();
        var i_i = b.Type([I32], [I32]);
        var v_i = b.Type([], [I32]);
        var refT = ValTypes.RefTo(i_i, nullable: true);
        byte[] choose = [0x20, 0, 0x04, 0x63, (byte)i_i, 0xD2, 0, 0x05, 0xD0, (byte)i_i, 0x0B];
        b.Export("inc", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0x41, 1, 0x6A, 0x0B));
        b.Export("apply_inc", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0xD2, 0, 0x14, (byte)i_i, 0x0B));
        b.Export("apply_null", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0xD0, (byte)i_i, 0x14, (byte)i_i, 0x0B));
        b.Export("is_set", ExternKind.Func, b.Func(i_i, [],
            [0x02, 0x40, .. choose, 0xD5, 0, 0x1A, 0x41, 1, 0x0F, 0x0B, 0x41, 0, 0x0B]));
        b.Export("pick", ExternKind.Func, b.Func(i_i, [refT],
            [0x02, 0x64, (byte)i_i, .. choose, 0xD6, 0, 0x41, 0x7F, 0x0F, 0x0B, 0x21, 1, 0x41, 41, 0x20, 1, 0x14, (byte)i_i, 0x0B]));
        b.Export("as_non_null", ExternKind.Func, b.Func(v_i, [], 0xD0, (byte)i_i, 0xD4, 0x1A, 0x41, 0, 0x0B));
        b.Export("tail_apply", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0xD2, 0, 0x15, (byte)i_i, 0x0B));
        b.Export("forever", ExternKind.Func, b.Func(v_i, [], 0xD2, 7, 0x15, (byte)v_i, 0x0B));
        return b.Build();
    }

    /// <summary>A function with a local of type (ref 0) that it reads: before any set, or after a set that ended with its block.</summary>
    public static byte[] UninitializedLocal(bool setInBlock)
    {
        var b = new ModuleBuilder();
        var v_v = b.Type([], []);
        var local = ValTypes.RefTo(v_v, nullable: false);
        byte[] body = setInBlock
            ? [0x02, 0x40, 0xD2, 0, 0x21, 0, 0x0B, 0x20, 0, 0x1A, 0x0B]
            : [0x20, 0, 0x1A, 0x0B];
        b.Export("f", ExternKind.Func, b.Func(v_v, [local], body));
        return b.Build();
    }

    /// <summary>The same local set then read inside one block: valid.</summary>
    public static byte[] InitializedLocal()
    {
        var b = new ModuleBuilder();
        var v_v = b.Type([], []);
        var local = ValTypes.RefTo(v_v, nullable: false);
        b.Export("f", ExternKind.Func, b.Func(v_v, [local], 0x02, 0x40, 0xD2, 0, 0x21, 0, 0x20, 0, 0x1A, 0x0B, 0x0B));
        return b.Build();
    }

    /// <summary>
    /// Exception handling: a tag of (i32) and one of (), exported; a thrower; catches by value and
    /// by reference (rethrown with throw_ref); a recursion that throws from its deepest frame; a
    /// loop that throws and catches forever.
    /// </summary>
    public static byte[] Exceptions()
    {
        var b = new ModuleBuilder();
        var i_v = b.Type([I32], []);
        var i_i = b.Type([I32], [I32]);
        var v_v = b.Type([], []);
        var e0 = b.Tag(i_v);
        var e1 = b.Tag(v_v);
        b.Export("e0", ExternKind.Tag, e0);
        var thrower = b.Func(i_v, [], 0x20, 0, 0x08, (byte)e0, 0x0B);
        b.Export("throw", ExternKind.Func, thrower);
        b.Export("catch_value", ExternKind.Func, b.Func(i_i, [],
            0x02, 0x7F, 0x1F, 0x40, 1, 0x00, (byte)e0, 0, 0x20, 0, 0x10, (byte)thrower, 0x0B, 0x41, 0x7F, 0x0B, 0x0B));
        b.Export("uncaught", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0x10, (byte)thrower, 0x41, 0, 0x0B));
        b.Export("rethrow", ExternKind.Func, b.Func(i_i, [],
            0x02, 0x7F, 0x1F, 0x40, 1, 0x00, (byte)e0, 0,
            0x02, 0x69, 0x1F, 0x40, 1, 0x03, 0, 0x20, 0, 0x10, (byte)thrower, 0x0B, 0xD0, 0x69, 0x0B,
            0x0A, 0x0B, 0x41, 0x7F, 0x0B, 0x0B));
        b.Export("throw_null", ExternKind.Func, b.Func(v_v, [], 0xD0, 0x69, 0x0A, 0x0B));
        var deep = b.Func(i_i, [], 0x20, 0, 0x45, 0x04, 0x40, 0x41, 7, 0x08, (byte)e0, 0x0B, 0x20, 0, 0x41, 1, 0x6B, 0x10, 5, 0x0B);
        b.Export("catch_deep", ExternKind.Func, b.Func(i_i, [],
            0x02, 0x7F, 0x1F, 0x7F, 1, 0x00, (byte)e0, 0, 0x20, 0, 0x10, (byte)deep, 0x0B, 0x0B, 0x0B));
        b.Export("spin", ExternKind.Func, b.Func(v_v, [], 0x03, 0x40, 0x1F, 0x40, 1, 0x02, 0, 0x08, (byte)e1, 0x0B, 0x0B, 0x0B));
        return b.Build();
    }

    /// <summary>A module that imports tag m.e of type <paramref name="param"/> and throws it with payload 5 (an i32 tag) from "throw".</summary>
    public static byte[] ImportsTag(ValType param)
    {
        var b = new ModuleBuilder();
        var t = b.Type([param], []);
        var v_v = b.Type([], []);
        var tag = b.ImportTag("m", "e", t);
        byte[] value = param == I32 ? [0x41, 5] : [0x42, 5];
        b.Export("throw", ExternKind.Func, b.Func(v_v, [], [.. value, 0x08, (byte)tag, 0x0B]));
        return b.Build();
    }

    /// <summary>Imports tag m.e (i32) and a function m.f (i32) -> (); "run" calls f inside a try_table that catches e.</summary>
    public static byte[] CatchesAroundImport()
    {
        var b = new ModuleBuilder();
        var i_v = b.Type([I32], []);
        var i_i = b.Type([I32], [I32]);
        var tag = b.ImportTag("m", "e", i_v);
        var f = b.ImportFunc("m", "f", i_v);
        b.Export("run", ExternKind.Func, b.Func(i_i, [],
            0x02, 0x7F, 0x1F, 0x40, 1, 0x00, (byte)tag, 0, 0x20, 0, 0x10, (byte)f, 0x0B, 0x41, 0x7F, 0x0B, 0x0B));
        return b.Build();
    }
}
