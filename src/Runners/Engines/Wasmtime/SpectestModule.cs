using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// The <c>spectest</c> module with the reference interpreter's exports, written in wasm so its
/// table64 and exact float globals need no host API. The print functions do nothing.
/// </summary>
internal static class SpectestModule
{
    private const string Common = """
          (func (export "print"))
          (func (export "print_i32") (param i32))
          (func (export "print_i64") (param i64))
          (func (export "print_f32") (param f32))
          (func (export "print_f64") (param f64))
          (func (export "print_i32_f32") (param i32 f32))
          (func (export "print_f64_f64") (param f64 f64))
          (global (export "global_i32") i32 (i32.const 666))
          (global (export "global_i64") i64 (i64.const 666))
          (global (export "global_f32") f32 (f32.const 666.6))
          (global (export "global_f64") f64 (f64.const 666.6))
          (table (export "table") 10 20 funcref)
          (memory (export "memory") 1 2)
        """;

    private static readonly Lazy<byte[]> Wasm2 = new(() => global::Wasmtime.Module.ConvertText("(module" + Common + ")"));

    private static readonly Lazy<byte[]> Wasm3 = new(() =>
        global::Wasmtime.Module.ConvertText("(module" + Common + "(table (export \"table64\") i64 10 20 funcref))"));

    public static byte[] Bytes(ConformanceProfile profile) => profile == ConformanceProfile.Wasm2 ? Wasm2.Value : Wasm3.Value;
}
