namespace WasmBench.Runners.Workloads;

/// <summary>
/// One benchmark workload following the protocol of DESIGN.md: a WASI command module
/// <c>&lt;stem&gt;.wasm</c> in a folder that is preopened as <c>.</c>, optional bench markers,
/// optional expected output, optional C source for the <c>native</c> engine.
/// </summary>
/// <param name="Name">Suite-relative name, e.g. <c>fib</c> or <c>fib@small</c>.</param>
/// <param name="Directory">Absolute folder, preopened as <c>.</c>.</param>
/// <param name="ModulePath">Absolute path of the <c>.wasm</c> module.</param>
/// <param name="Args">Arguments after argv[0] (the size, for our own workloads).</param>
/// <param name="CSourcePath">The C source built by the native engine, when there is one.</param>
/// <param name="ExpectedStdout">Expected stdout, when the folder has it.</param>
/// <param name="ExpectedStderr">Expected stderr, when the folder has it.</param>
public sealed record Workload(
    string Name,
    string Directory,
    string ModulePath,
    IReadOnlyList<string> Args,
    string? CSourcePath,
    string? ExpectedStdout,
    string? ExpectedStderr)
{
    /// <summary>The module's file name without <c>.wasm</c>: argv[0] of the program.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(ModulePath);
}
