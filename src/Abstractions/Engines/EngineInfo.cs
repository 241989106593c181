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
/// The identity of an engine: every result carries it. <see cref="Flags"/> is the variant's
/// configuration (empty for the default), so <c>wasmtime:opt=none</c> is a distinct engine.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EngineInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] EngineKind Kind,
    [property: Id(3)] IReadOnlyList<string> Proposals,
    [property: Id(4)] string Flags = "")
{
    /// <summary>The name with its flags, as users type it: <c>wasmtime</c> or <c>wasmtime:opt=none</c>.</summary>
    public string Id => Flags.Length == 0 ? Name : $"{Name}:{Flags}";
}
