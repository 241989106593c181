using System.Collections.Concurrent;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Workloads;
using WasmBench.Interpreter;

namespace WasmBench.Runners.Workloads;

/// <summary>
/// The proposals beyond WebAssembly 1.0 a workload's module needs, as far as they decide whether an
/// engine can run it at all: today 128-bit SIMD (the one 2.0 feature an engine here lacks: WABT's
/// wasm2c). Read with our interpreter's decoder, once per module file (size and time stamp).
/// </summary>
public static class ModuleProposals
{
    /// <summary>The proposals <see cref="Needed"/> can tell; an engine listing all of them needs no look at the module.</summary>
    private static readonly string[] Detected = [WasmProposals.Simd];

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), IReadOnlyList<string>> Cache = new();

    /// <summary>The proposals the module needs; none when it cannot be read or decoded (running it then says why).</summary>
    public static IReadOnlyList<string> Needed(Workload workload)
    {
        var file = new FileInfo(workload.ModulePath);
        if (!file.Exists)
        {
            return [];
        }

        return Cache.GetOrAdd((file.FullName, file.Length, file.LastWriteTimeUtc), key =>
        {
            var compiled = WasmEngine.Compile(File.ReadAllBytes(key.Path));
            return compiled.Module is { UsesSimd: true } ? [WasmProposals.Simd] : [];
        });
    }

    /// <summary>Why <paramref name="engine"/> cannot run <paramref name="workload"/> (a proposal it lacks), or null.</summary>
    public static string? Unsupported(Workload workload, EngineInfo engine) =>
        engine.Kind == EngineKind.Native || Detected.All(p => engine.Proposals.Contains(p, StringComparer.Ordinal))
            ? null
            : WasmProposals.Missing(engine, Needed(workload));
}
