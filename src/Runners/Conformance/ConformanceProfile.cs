namespace WasmBench.Runners.Conformance;

/// <summary>
/// Which edition of the spec a script was written for. An engine enables exactly that
/// edition's features: some 2.0 <c>assert_invalid</c> cases are valid 3.0 modules (multiple memories, ...).
/// </summary>
public enum ConformanceProfile
{
    /// <summary>WebAssembly 3.0: GC, function references, memory64, exceptions, tail calls, multi-memory, relaxed SIMD, ...</summary>
    Wasm3,
    /// <summary>WebAssembly 2.0: multi-value, bulk memory, reference types, SIMD, non-trapping conversions, sign extension.</summary>
    Wasm2,
}
