using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Js;

/// <summary>
/// The conformance capability: a session is one JS host child for the whole script (see
/// <see cref="JsConformanceSession"/>). The engine runs its shell's own feature set for every profile;
/// on wasm-3.0 a module that needs a feature the shell has not enabled is reported as unsupported.
/// </summary>
public sealed partial class JsEngine : IConformanceEngine
{
    public IConformanceSession CreateSession(ConformanceLimits limits) => CreateSession(limits, ConformanceProfile.Wasm3);

    /// <summary>Each session is a sandboxed JS host child with its own deadline.</summary>
    public bool RunsInThisProcess => false;

    /// <summary>The profile decides only how a compile error is graded (see <see cref="JsErrorClass"/>): the shell's features are its own.</summary>
    public IConformanceSession CreateSession(ConformanceLimits limits, ConformanceProfile profile) =>
        new JsConformanceSession(_probe.Value.Path is { } path && _probe.Value.Problem is null ? path : null, Availability.Reason, Variant, limits, profile);
}
