using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines;

namespace WasmBench.Silo.Cli;

/// <summary>One line of <c>wasmbench engines</c>: an engine configuration as users see it.</summary>
public sealed record EngineListing(
    string Id,
    string Family,
    string Tier,
    string Version,
    string Kind,
    bool Available,
    string? Reason,
    IReadOnlyList<string> Capabilities,
    IReadOnlyList<string> Proposals,
    IReadOnlyList<string> Phases,
    string? PhaseNote)
{
    public static EngineListing Of(IEngine engine)
    {
        var info = engine.Info;
        string[] capabilities = [.. engine is IBenchmarkEngine ? ["benchmark"] : Array.Empty<string>(), .. engine is IConformanceEngine ? ["conformance"] : Array.Empty<string>()];
        return new(info.Id, info.Identity.Family, info.Identity.Variant.Length == 0 ? "default" : info.Identity.Variant, info.Identity.Version, KindName(info.Kind),
            engine.Availability.IsAvailable, engine.Availability.Reason, capabilities, info.Proposals,
            [.. info.Phases.Select(p => p.ToString().ToLowerInvariant())], info.PhaseNote);
    }

    /// <summary>The phases column: <c>all</c>, or the ones reported (<c>instantiation,execution</c>).</summary>
    public string PhasesText => Phases.Count == 3 ? "all" : string.Join(',', Phases);

    /// <summary>interpreter, baseline JIT, optimizing JIT, JIT, AOT, native.</summary>
    public static string KindName(EngineKind kind) => kind switch
    {
        EngineKind.Interpreter => "interpreter",
        EngineKind.BaselineJit => "baseline JIT",
        EngineKind.OptimizingJit => "optimizing JIT",
        EngineKind.Jit => "JIT",
        EngineKind.Aot => "AOT",
        _ => "native",
    };
}
