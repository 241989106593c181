using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Command;

/// <summary>
/// A WASI command-line runtime as a template: <see cref="Executable"/> (a name looked up on PATH,
/// or a path) and its arguments, where <c>{wasm}</c> is the module's path, <c>{dir}</c> the
/// workload folder (also the working directory, so <c>.</c> is the folder) and <c>{args}</c> the
/// workload's arguments, one argv entry each. <see cref="RunsWasi"/>: the runtime is expected to
/// run WASI commands (its probe runs one); false for a template that runs plain modules.
/// <see cref="Proposals"/>: what the runtime is documented to support (default: WebAssembly 2.0).
/// </summary>
public sealed record CommandPreset(string Name, string Executable, IReadOnlyList<string> Template, EngineKind Kind, string Description, bool RunsWasi = true, IReadOnlyList<string>? Proposals = null)
{
    /// <summary>The presets a node's catalog lists (each available only when its binary is found and runs WASI).</summary>
    public static IReadOnlyList<CommandPreset> All { get; } =
    [
        new("wasm3", "wasm3", ["{wasm}", "{args}"], EngineKind.Interpreter, "wasm3, an interpreter (preopens the working directory)",
            Proposals: [.. WasmProposals.Wasm2.Where(p => p != WasmProposals.Simd)]),
        new("wasmer", "wasmer", ["run", "--dir", ".", "{wasm}", "--", "{args}"], EngineKind.OptimizingJit, "Wasmer's CLI (its default compiler)"),
        new("iwasm", "iwasm", ["--dir=.", "{wasm}", "{args}"], EngineKind.Interpreter, "WAMR's iwasm (as built: interpreter by default)"),
        new("wasmedge", "wasmedge", ["--dir", ".:.", "{wasm}", "{args}"], EngineKind.Interpreter, "WasmEdge's CLI (interpreter unless the module is AOT-compiled)"),
        new("wasmtime-cli", "wasmtime", ["run", "--dir", ".", "{wasm}", "{args}"], EngineKind.OptimizingJit, "the wasmtime CLI (Cranelift)"),
        new("wasm-interp", "wasm-interp", ["--wasi", "--dir", ".", "{wasm}", "--", "{args}"], EngineKind.Interpreter, "WABT's wasm-interp, a stack interpreter"),
    ];

    /// <summary>The engine id: <c>command:NAME</c>.</summary>
    public string Id => $"command:{Name}";

    /// <summary>
    /// The arguments for one run: placeholders replaced, <c>{args}</c> as one entry per argument
    /// (an entry that is only <c>{args}</c> disappears when there are none).
    /// </summary>
    public IReadOnlyList<string> Expand(string wasm, string dir, IReadOnlyList<string> args) =>
    [
        .. Template.SelectMany(part => part == "{args}"
            ? args
            : [part.Replace("{wasm}", wasm, StringComparison.Ordinal).Replace("{dir}", dir, StringComparison.Ordinal)]),
    ];

    /// <summary>The environment variable that names this preset's executable, e.g. <c>WASMBENCH_COMMAND_WASM_INTERP</c>.</summary>
    public string PathVariable => "WASMBENCH_COMMAND_" + Name.ToUpperInvariant().Replace('-', '_');
}
