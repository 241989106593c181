namespace WasmBench.Interpreter.Model;

/// <summary>
/// The WebAssembly version a module is decoded and validated against. Some 2.0 invalid
/// modules are valid 3.0 modules (two memories, <c>i32.add</c> in a constant expression), so
/// a 2.0 conformance run asks for <see cref="Wasm2"/>; everything else gets what is
/// implemented of 3.0.
/// </summary>
public enum WasmFeatures : byte
{
    /// <summary>Exactly WebAssembly 2.0.</summary>
    Wasm2,

    /// <summary>WebAssembly 3.0, as far as implemented (see docs/interpreter.md).</summary>
    Wasm3,
}
