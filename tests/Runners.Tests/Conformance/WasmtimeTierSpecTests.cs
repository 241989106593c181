using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>Every wasm-2.0 script on Wasmtime's other tiers: slow (a full suite per tier), run in CI's second pass.</summary>
[Trait("Category", "Slow")]
public sealed class WasmtimeTierWasm2SpecTests
{
    public static TheoryData<SpecCase> OptNone => SpecCases.For("wasmtime:opt=none", "wasm-2.0");

    public static TheoryData<SpecCase> SpeedAndSize => SpecCases.For("wasmtime:opt=speed-and-size", "wasm-2.0");

    public static TheoryData<SpecCase> Winch => SpecCases.For("wasmtime:winch", "wasm-2.0");

    public static TheoryData<SpecCase> Pulley => SpecCases.For("wasmtime:pulley", "wasm-2.0");

    [Theory]
    [MemberData(nameof(OptNone))]
    public void Cranelift_opt_none_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine("opt=none"), allowedSkips: []);

    [Theory]
    [MemberData(nameof(SpeedAndSize))]
    public void Cranelift_speed_and_size_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine("opt=speed-and-size"), allowedSkips: []);

    /// <summary>Winch skips reference-typed modules (Wasmtime 50 turns gc types off for it); nothing else.</summary>
    [Theory]
    [MemberData(nameof(Winch))]
    public void Winch_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine("winch"), allowedSkips: ["gc types are disallowed"]);

    [Theory]
    [MemberData(nameof(Pulley))]
    public void Pulley_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine("pulley"), allowedSkips: []);
}

/// <summary>Every wasm-3.0 script on the tiers that run 3.0 (all but Winch): slow, run in CI's second pass.</summary>
[Trait("Category", "Slow")]
public sealed class WasmtimeTierWasm3SpecTests
{
    public static TheoryData<SpecCase> OptNone => SpecCases.For("wasmtime:opt=none", "wasm-3.0");

    public static TheoryData<SpecCase> SpeedAndSize => SpecCases.For("wasmtime:opt=speed-and-size", "wasm-3.0");

    public static TheoryData<SpecCase> Pulley => SpecCases.For("wasmtime:pulley", "wasm-3.0");

    [Theory]
    [MemberData(nameof(OptNone))]
    public void Cranelift_opt_none_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine("opt=none"));

    [Theory]
    [MemberData(nameof(SpeedAndSize))]
    public void Cranelift_speed_and_size_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine("opt=speed-and-size"));

    [Theory]
    [MemberData(nameof(Pulley))]
    public void Pulley_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new WasmtimeEngine("pulley"));
}
