using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// The conformance capability: a session is one Wasmtime store with its own <c>spectest</c> module.
/// Winch always gets the 2.0 feature set (see <see cref="WasmtimeOptions.SupportsWasm3Features"/>):
/// on a wasm-3.0 script its 3.0 features are failures, as on an engine without them.
/// </summary>
public sealed partial class WasmtimeEngine : IConformanceEngine
{
    public IConformanceSession CreateSession(ConformanceLimits limits) => CreateSession(limits, ConformanceProfile.Wasm3);

    public IConformanceSession CreateSession(ConformanceLimits limits, ConformanceProfile profile)
    {
        var effective = Options.SupportsWasm3Features ? profile : ConformanceProfile.Wasm2;
        return new WasmtimeConformanceSession(WasmtimeConformanceEngines.For(effective, Options), Options.Tier, effective, limits);
    }
}
