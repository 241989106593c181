using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>Small valid modules shared by the tests (and the seeds of the mutation test).</summary>
internal static class TestModules
{
    private const ValType I32 = ValType.I32, I64 = ValType.I64, F32 = ValType.F32, F64 = ValType.F64;

    /// <summary>add(i32,i32), div_s(i32,i32), fact(i64) recursive, loop(i32) counting down, memory ops.</summary>
    public static byte[] Arithmetic()
    {
        var b = new ModuleBuilder();
        var ii_i = b.Type([I32, I32], [I32]);
        var l_l = b.Type([I64], [I64]);
        var i_i = b.Type([I32], [I32]);
        b.Memory(1, 2);
        b.Export("add", ExternKind.Func, b.Func(ii_i, [], 0x20, 0, 0x20, 1, 0x6A, 0x0B));
        b.Export("div_s", ExternKind.Func, b.Func(ii_i, [], 0x20, 0, 0x20, 1, 0x6D, 0x0B));
        // fact(n) = n == 0 ? 1 : n * fact(n - 1)
        b.Export("fact", ExternKind.Func, b.Func(l_l, [],
            0x20, 0, 0x50, 0x04, (byte)I64, 0x42, 1, 0x05, 0x20, 0, 0x20, 0, 0x42, 1, 0x7D, 0x10, 2, 0x7E, 0x0B, 0x0B));
        // countdown(n): loop until n == 0, returns the iterations (n).
        b.Export("count", ExternKind.Func, b.Func(i_i, [I32],
            0x02, 0x40, 0x03, 0x40, 0x20, 0, 0x45, 0x0D, 1, 0x20, 0, 0x41, 1, 0x6B, 0x21, 0, 0x20, 1, 0x41, 1, 0x6A, 0x21, 1, 0x0C, 0, 0x0B, 0x0B, 0x20, 1, 0x0B));
        // store_load(addr, v): store v at addr, load it back.
        b.Export("store_load", ExternKind.Func, b.Func(ii_i, [],
            0x20, 0, 0x20, 1, 0x36, 2, 0, 0x20, 0, 0x28, 2, 0, 0x0B));
        // grow(n): memory.grow
        b.Export("grow", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0x40, 0, 0x0B));
        b.Export("mem", ExternKind.Memory, 0);
        return b.Build();
    }

    /// <summary>Floating point: min(f32,f32), nearest(f64), trunc_s(f64)->i32, trunc_sat_u(f32)->i32.</summary>
    public static byte[] Floats()
    {
        var b = new ModuleBuilder();
        var ff_f = b.Type([F32, F32], [F32]);
        var d_d = b.Type([F64], [F64]);
        var d_i = b.Type([F64], [I32]);
        var f_i = b.Type([F32], [I32]);
        b.Export("min", ExternKind.Func, b.Func(ff_f, [], 0x20, 0, 0x20, 1, 0x96, 0x0B));
        b.Export("nearest", ExternKind.Func, b.Func(d_d, [], 0x20, 0, 0x9E, 0x0B));
        b.Export("trunc_s", ExternKind.Func, b.Func(d_i, [], 0x20, 0, 0xAA, 0x0B));
        b.Export("trunc_sat_u", ExternKind.Func, b.Func(f_i, [], 0x20, 0, 0xFC, 1, 0x0B));
        return b.Build();
    }

    /// <summary>Imports host.twice(i32)->i32 and calls it; a mutable global; infinite recursion and loop.</summary>
    public static byte[] HostAndLimits()
    {
        var b = new ModuleBuilder();
        var i_i = b.Type([I32], [I32]);
        var v_v = b.Type([], []);
        var twice = b.ImportFunc("host", "twice", i_i);
        b.Global(I32, true, 0x41, 7);
        b.Export("call_twice", ExternKind.Func, b.Func(i_i, [], 0x20, 0, 0x10, (byte)twice, 0x41, 1, 0x6A, 0x0B));
        var rec = b.Func(v_v, [], 0x10, 2, 0x0B);
        b.Export("recurse", ExternKind.Func, rec);
        b.Export("spin", ExternKind.Func, b.Func(v_v, [], 0x03, 0x40, 0x0C, 0, 0x0B, 0x0B));
        b.Export("bump", ExternKind.Func, b.Func(i_i, [], 0x23, 0, 0x20, 0, 0x6A, 0x24, 0, 0x23, 0, 0x0B));
        b.Export("g", ExternKind.Global, 0);
        return b.Build();
    }

    public static ImportResolver HostResolver(Store store) => (m, n) =>
        (m, n) == ("host", "twice")
            ? new ExternValue(ExternKind.Func, store.CreateHostFunction(new FuncType([I32], [I32]), (a, r) => r[0] = (uint)((int)a[0] * 2)))
            : null;
}
