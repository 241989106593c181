namespace WasmBench.Abstractions.Engines;

/// <summary>How an engine executes WebAssembly (new members go last: the values are serialized).</summary>
public enum EngineKind
{
    Interpreter,
    /// <summary>A JIT whose tier is not said (prefer <see cref="BaselineJit"/> or <see cref="OptimizingJit"/>).</summary>
    Jit,
    Aot,
    Native,
    /// <summary>A single-pass compiler that compiles fast and optimises little (Winch, Liftoff, SpiderMonkey's baseline).</summary>
    BaselineJit,
    /// <summary>An optimising compiler, or a tiered engine that ends in one (Cranelift, TurboFan, Ion, node's and JSC's default tiering).</summary>
    OptimizingJit,
}

/// <summary>
/// What an engine adapter says about itself: its <see cref="Identity"/> (the part every result
/// carries), how it executes, and the proposals it supports.
/// </summary>
public sealed record EngineInfo(EngineIdentity Identity, EngineKind Kind, IReadOnlyList<string> Proposals)
{
    /// <summary>An adapter's description in one line: family name, version, kind, proposals, and optionally the variant's flags and the build fingerprint.</summary>
    /// <param name="flags">The variant's configuration (empty for the default), so <c>wasmtime:opt=none</c> is a distinct engine.</param>
    /// <param name="build">A fingerprint of the engine's build (see <see cref="EngineBuild"/>); empty when the version says it all.</param>
    public EngineInfo(string name, string version, EngineKind kind, IReadOnlyList<string> proposals, string flags = "", string build = "")
        : this(new EngineIdentity(name, flags, version, build), kind, proposals)
    {
    }

    /// <summary>The engine as users type it: <c>wasmtime</c> or <c>wasmtime:opt=none</c>.</summary>
    public string Id => Identity.Id;

    /// <summary>
    /// The phases the adapter times on its own, per iteration; a phase not listed is one the engine
    /// does not let us separate (its samples are absent, never zero). Default: all three.
    /// </summary>
    public IReadOnlyList<Runs.Phase> Phases { get; init; } = [Runs.Phase.Compilation, Runs.Phase.Instantiation, Runs.Phase.Execution];

    /// <summary>What a missing phase means for this engine (e.g. whole-process timing), or null when all three are reported.</summary>
    public string? PhaseNote { get; init; }

    /// <summary>
    /// The statement a run stores for an engine that does not report every phase:
    /// <c>command:wasm3 reports execution only: whole-process timing ...</c>; null when it reports all three.
    /// </summary>
    public string? PhaseStatement => Phases.Count == 3 ? null
        : $"{Id} reports {string.Join(" and ", Phases.Select(p => p.ToString().ToLowerInvariant()))} only: {PhaseNote}";
}
