using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Runners.Engines.Interp;

/// <summary>The <c>spectest</c> host module, with the reference interpreter's values.</summary>
internal static class SpectestModule
{
    public static Dictionary<string, ExternValue> Create(Store store)
    {
        ExternValue Print(params ValType[] ps) =>
            new(ExternKind.Func, store.CreateHostFunction(new FuncType(ps, []), static (_, _) => { }));

        ExternValue Global(ValType t, ulong bits) =>
            new(ExternKind.Global, new GlobalInstance(new GlobalType(t, false), bits));

        return new(StringComparer.Ordinal)
        {
            ["print"] = Print(),
            ["print_i32"] = Print(ValType.I32),
            ["print_i64"] = Print(ValType.I64),
            ["print_f32"] = Print(ValType.F32),
            ["print_f64"] = Print(ValType.F64),
            ["print_i32_f32"] = Print(ValType.I32, ValType.F32),
            ["print_f64_f64"] = Print(ValType.F64, ValType.F64),
            ["global_i32"] = Global(ValType.I32, 666),
            ["global_i64"] = Global(ValType.I64, 666),
            ["global_f32"] = Global(ValType.F32, (uint)BitConverter.SingleToInt32Bits(666.6f)),
            ["global_f64"] = Global(ValType.F64, (ulong)BitConverter.DoubleToInt64Bits(666.6)),
            ["table"] = new(ExternKind.Table, new TableInstance(ValType.FuncRef, 10, 20)),
            ["table64"] = new(ExternKind.Table, new TableInstance(ValType.FuncRef, 10, 20, is64: true)),
            ["memory"] = new(ExternKind.Memory, new MemoryInstance(1, 2)),
        };
    }
}
