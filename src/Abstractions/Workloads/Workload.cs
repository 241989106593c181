namespace WasmBench.Abstractions.Workloads;

/// <summary>
/// One benchmark workload following the protocol of DESIGN.md: a WASI command module
/// <c>&lt;stem&gt;.wasm</c> in a folder that is preopened as <c>.</c>, optional bench markers,
/// optional expected output, optional C source for the <c>native</c> engine. The one descriptor of
/// a workload, from the suite loader through the queue and the measuring child to the engines.
/// Paths are absolute on the node that planned the run; every node of a farm holds the same
/// suites checkout. For a spec task the workload names the script (<see cref="Name"/> its path in
/// the suite, <see cref="ModulePath"/> the file).
/// </summary>
/// <param name="Name">Suite-relative name, e.g. <c>fib</c> or <c>fib@small</c>.</param>
/// <param name="Directory">Absolute folder, preopened as <c>.</c>.</param>
/// <param name="ModulePath">Absolute path of the <c>.wasm</c> module.</param>
/// <param name="Args">Arguments after argv[0] (the size, for our own workloads).</param>
/// <param name="CSourcePath">The C source built by the native engine, when there is one.</param>
/// <param name="ExpectedStdout">Expected stdout, when the folder has it.</param>
/// <param name="ExpectedStderr">Expected stderr, when the folder has it.</param>
[GenerateSerializer, Immutable]
public sealed record Workload(
    [property: Id(0)] string Name,
    [property: Id(1)] string Directory,
    [property: Id(2)] string ModulePath,
    [property: Id(3)] IReadOnlyList<string> Args,
    [property: Id(4)] string? CSourcePath = null,
    [property: Id(5)] string? ExpectedStdout = null,
    [property: Id(6)] string? ExpectedStderr = null)
{
    /// <summary>The module's file name without <c>.wasm</c>: argv[0] of the program.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(ModulePath);
}
