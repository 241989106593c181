using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// One shared Wasmtime engine per spec profile (compiled code is per engine; engines are
/// thread-safe) and a background ticker that advances their epochs for action deadlines.
/// </summary>
internal static class WasmtimeConformanceEngines
{
    /// <summary>How often the epoch advances; deadlines are counted in these ticks.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    /// <summary>Wasm stack for one action; deeper recursion is "call stack exhausted".</summary>
    public const int MaxWasmStackBytes = 512 * 1024;

    private static readonly Lazy<global::Wasmtime.Engine> Wasm2 = new(() => Create(ConformanceProfile.Wasm2));
    private static readonly Lazy<global::Wasmtime.Engine> Wasm3 = new(() => Create(ConformanceProfile.Wasm3));
    private static Timer? _ticker;

    public static global::Wasmtime.Engine For(ConformanceProfile profile) =>
        profile == ConformanceProfile.Wasm2 ? Wasm2.Value : Wasm3.Value;

    private static global::Wasmtime.Engine Create(ConformanceProfile profile)
    {
        var wasm3 = profile == ConformanceProfile.Wasm3;
        using var config = new global::Wasmtime.Config()
            .WithEpochInterruption(true)
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
        EnsureTicker();
        return engine;
    }

    private static void EnsureTicker()
    {
        lock (Wasm2)
        {
            _ticker ??= new Timer(
                _ =>
                {
                    if (Wasm2.IsValueCreated)
                    {
                        Wasm2.Value.IncrementEpoch();
                    }

                    if (Wasm3.IsValueCreated)
                    {
                        Wasm3.Value.IncrementEpoch();
                    }
                },
                null,
                Tick,
                Tick);
        }
    }
}
