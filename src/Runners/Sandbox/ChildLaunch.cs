namespace WasmBench.Runners.Sandbox;

/// <summary>
/// What to start in a sandbox: the program and its arguments, the workload folder (read-only;
/// null for none), the scratch folder (the only writable place; the caller makes and removes it),
/// the limits and the wall-clock deadline.
/// </summary>
public sealed record ChildLaunch(
    string Program,
    IReadOnlyList<string> Args,
    string? WorkloadFolder,
    string ScratchDirectory,
    SandboxLimits Limits,
    TimeSpan Deadline)
{
    /// <summary>Variables added to the otherwise empty environment (PATH, HOME, TMPDIR are set).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>More files or folders the program needs to read (e.g. an engine's install folder).</summary>
    public IReadOnlyList<string> ReadOnlyPaths { get; init; } = [];

    /// <summary>The working directory; default: the workload folder, else the scratch folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// The scratch folder is a tmpfs inside the sandbox (as large as the file-size limit), never a
    /// folder on the host, so a killed service leaves nothing behind; for children whose caller
    /// reads nothing from it. Without the sandbox it is a host folder as usual.
    /// </summary>
    public bool PrivateScratch { get; init; }

    /// <summary>Written to the child's stdin, which is then closed (a request instead of a file left behind).</summary>
    public string? Stdin { get; init; }
}
