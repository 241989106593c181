using System.Reflection;
using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>The one place a Wasmtime variant's <see cref="EngineInfo"/> is made.</summary>
internal static class WasmtimeEngineInfo
{
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
        options.Tier == WasmtimeTier.Winch ? [.. WasmProposals.Wasm2.Where(p => p != WasmProposals.ReferenceTypes)] : [.. WasmProposals.Wasm2, .. WasmProposals.Wasm3],
        options.Flags);

    private static string PackageVersion()
    {
        var assembly = typeof(global::Wasmtime.Engine).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (informational ?? assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
    }
}
