using System.Reflection;
using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>The one place a Wasmtime variant's <see cref="EngineInfo"/> is made.</summary>
internal static class WasmtimeEngineInfo
{
    private static readonly string[] Wasm2Proposals =
        ["multi-value", "bulk-memory", "reference-types", "simd", "non-trapping-float-to-int", "sign-extension"];

    private static readonly string[] Wasm3Proposals =
        ["relaxed-simd", "multi-memory", "memory64", "tail-call", "function-references", "gc", "exceptions", "extended-const"];

    /// <summary>The Wasmtime package's version, e.g. <c>50.0.1</c>.</summary>
    public static string Version { get; } = PackageVersion();

    public static EngineInfo Create(WasmtimeOptions options) => new(
        "wasmtime",
        Version,
        options.Tier switch
        {
            WasmtimeTier.Pulley => EngineKind.Interpreter,
            WasmtimeTier.Winch => EngineKind.BaselineJit,
            _ => EngineKind.OptimizingJit,
        },
        // Winch is run with the 2.0 feature set only (GC and function references abort it), and
        // Wasmtime 50 rejects reference-typed values on it.
        options.Tier == WasmtimeTier.Winch ? [.. Wasm2Proposals.Where(p => p != "reference-types")] : [.. Wasm2Proposals, .. Wasm3Proposals],
        options.Flags);

    private static string PackageVersion()
    {
        var assembly = typeof(global::Wasmtime.Engine).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (informational ?? assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
    }
}
