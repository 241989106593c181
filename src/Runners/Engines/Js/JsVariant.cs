using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Js;

/// <summary>
/// A JavaScript engine configuration that runs our JS host: the shell (<see cref="Executable"/>,
/// looked up on PATH) and the flags that pin its WebAssembly tier, before the host script.
/// </summary>
public sealed record JsVariant(string Name, string Flags, string Executable, IReadOnlyList<string> EngineArgs, EngineKind Kind, string Description)
{
    private const string NoLazy = "--no-wasm-lazy-compilation";

    /// <summary>The variants a node's catalog lists.</summary>
    public static IReadOnlyList<JsVariant> All { get; } =
    [
        new("node", "", "node", [], EngineKind.OptimizingJit, "V8 through Node.js, default tiering (lazy Liftoff, then TurboFan)"),
        new("node", "liftoff", "node", [NoLazy, "--liftoff-only"], EngineKind.BaselineJit, "V8's baseline compiler only"),
        new("node", "turbofan", "node", [NoLazy, "--no-liftoff"], EngineKind.OptimizingJit, "V8's optimising compiler only"),
        new("spidermonkey", "baseline", "js102", ["--wasm-compiler=baseline"], EngineKind.BaselineJit, "SpiderMonkey's baseline compiler (js102 shell)"),
        new("spidermonkey", "ion", "js102", ["--wasm-compiler=ion"], EngineKind.OptimizingJit, "SpiderMonkey's optimising compiler, Ion (js102 shell)"),
        new("jsc", "", "bun", [], EngineKind.OptimizingJit, "JavaScriptCore through Bun (default tiering)"),
    ];

    /// <summary><c>node</c>, <c>node:liftoff</c>, <c>spidermonkey:ion</c>, ...</summary>
    public string Id => Flags.Length == 0 ? Name : $"{Name}:{Flags}";
}
