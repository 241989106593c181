namespace WasmBench.Abstractions.Engines;

/// <summary>How an engine executes WebAssembly.</summary>
public enum EngineKind
{
    Interpreter,
    Jit,
    Aot,
    Native,
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
