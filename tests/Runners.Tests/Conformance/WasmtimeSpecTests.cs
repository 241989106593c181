using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>Every wasm-2.0 script on Wasmtime: in the default test run.</summary>
public sealed class WasmtimeWasm2SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("wasmtime", "wasm-2.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine());
}

/// <summary>Every wasm-3.0 script on Wasmtime: slow, run in CI's second pass.</summary>
[Trait("Category", "Slow")]
public sealed class WasmtimeWasm3SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("wasmtime", "wasm-3.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine());
}
