using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Engines.Wasm2c;

/// <summary>The one place the wasm2c engine's <see cref="EngineInfo"/> is made.</summary>
internal static class Wasm2cEngineInfo
{
    /// <summary>WebAssembly 2.0 without SIMD: WABT 1.0.32's wasm2c aborts on SIMD modules.</summary>
    private static readonly string[] Proposals = [.. WasmProposals.Wasm2.Where(p => p != WasmProposals.Simd)];

    /// <summary>The version names both tools: <c>wasm2c 1.0.32, gcc ...</c>.</summary>
    public static EngineInfo Create(Wasm2cToolchain toolchain) => new(
        "wasm2c",
        toolchain.Problem is null ? $"wasm2c {toolchain.Wasm2cVersion}, {toolchain.Compiler!.Version}" : "unavailable",
        EngineKind.Aot,
        Proposals)
    {
        Phases = [Phase.Instantiation, Phase.Execution],
        PhaseNote = "compilation is the one-off wasm2c + cc build of the module (cached by content), not a phase of each iteration",
    };
}
