using System.Collections.Concurrent;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// One shared Wasmtime engine per (spec profile, variant options) — engines are thread-safe and
/// live for the process — each with an epoch ticker for action deadlines.
/// </summary>
internal static class WasmtimeConformanceEngines
{
    /// <summary>How often the epoch advances; deadlines are counted in these ticks.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    /// <summary>Wasm stack for one action; deeper recursion is "call stack exhausted".</summary>
    public const int MaxWasmStackBytes = 512 * 1024;

    private static readonly ConcurrentDictionary<(ConformanceProfile, WasmtimeOptions), Lazy<global::Wasmtime.Engine>> Engines = new();

    private static readonly ConcurrentBag<EpochTicker> Tickers = [];

    public static global::Wasmtime.Engine For(ConformanceProfile profile, WasmtimeOptions options) =>
        Engines.GetOrAdd((profile, options), key => new Lazy<global::Wasmtime.Engine>(() => Create(key.Item1, key.Item2))).Value;

    private static global::Wasmtime.Engine Create(ConformanceProfile profile, WasmtimeOptions options)
    {
        // Winch aborts the whole process on a config with GC or function references: never build one.
        if (profile == ConformanceProfile.Wasm3 && !options.SupportsWasm3Features)
        {
            throw new InvalidOperationException($"wasmtime:{options.Flags} runs the wasm-2.0 feature set only");
        }

        var wasm3 = profile == ConformanceProfile.Wasm3;
        using var config = options.CreateConfig()
            .WithMaximumStackSize(MaxWasmStackBytes)
            .WithBulkMemory(true)
            .WithMultiValue(true)
            .WithReferenceTypes(true)
            .WithSIMD(true)
            .WithRelaxedSIMD(wasm3, true)
            .WithMultiMemory(wasm3)
            .WithMemory64(wasm3)
            .WithTailCalls(wasm3)
            .WithFunctionReferences(wasm3)
            .WithGc(wasm3)
            .WithExceptions(wasm3)
            .WithWideArithmetic(false)
            .WithWasmThreads(false);
        var engine = new global::Wasmtime.Engine(config);

        // The ticker lives as long as the engine: for the whole process (kept referenced, or the timer would be collected).
        Tickers.Add(new EpochTicker(engine, Tick));
        return engine;
    }
}
