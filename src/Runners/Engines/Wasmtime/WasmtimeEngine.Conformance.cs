using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>The conformance capability: a session is one Wasmtime store with its own <c>spectest</c> module.</summary>
public sealed partial class WasmtimeEngine : IConformanceEngine
{
    public IConformanceSession CreateSession(ConformanceLimits limits) => CreateSession(limits, ConformanceProfile.Wasm3);

    public IConformanceSession CreateSession(ConformanceLimits limits, ConformanceProfile profile) =>
        new WasmtimeConformanceSession(WasmtimeConformanceEngines.For(profile, Options), profile, limits);
}
