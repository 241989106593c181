using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Interp;

public sealed partial class InterpEngine : IConformanceEngine
{
    public IConformanceSession CreateSession(ConformanceLimits limits) => new InterpConformanceSession(limits, ConformanceProfile.Wasm3);

    public IConformanceSession CreateSession(ConformanceLimits limits, ConformanceProfile profile) => new InterpConformanceSession(limits, profile);
}
