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
}
