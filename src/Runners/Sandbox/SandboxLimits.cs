namespace WasmBench.Runners.Sandbox;

/// <summary>
/// The resource limits of one sandboxed child (rlimits, applied with prlimit inside the sandbox):
/// committed data memory (RLIMIT_DATA: engines reserve address space they never touch, so the
/// address-space limit would refuse them), CPU seconds, the largest file it may write, the number
/// of processes it may have, and how much of its stdout and stderr is kept.
/// </summary>
public sealed record SandboxLimits(long MemoryBytes, TimeSpan CpuTime, long FileSizeBytes, int Processes, long OutputBytes = SandboxLimits.DefaultOutputBytes)
{
    public const long DefaultOutputBytes = 16L << 20;

    /// <summary>A workload process: 4 GiB of data, 10 CPU minutes, 256 MiB files, 64 processes.</summary>
    public static SandboxLimits Workload { get; } = new(4L << 30, TimeSpan.FromMinutes(10), 256L << 20, 64);

    /// <summary>A compiler or an engine host (a measuring child, a JS host): more processes and files.</summary>
    public static SandboxLimits Tool { get; } = new(8L << 30, TimeSpan.FromMinutes(30), 1L << 30, 256);
}

/// <summary>The environment of a sandboxed `wasmbench` child (a measuring or a spec-script process).</summary>
public static class DotnetChildEnvironment
{
    /// <summary>No telemetry, no banner, no diagnostics pipes in the scratch folder, and a managed heap of half <paramref name="memoryBytes"/>.</summary>
    public static Dictionary<string, string> For(long memoryBytes) => new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_EnableDiagnostics"] = "0", // no debugger pipes in the scratch folder
        ["DOTNET_GCHeapHardLimit"] = $"0x{memoryBytes / 2:X}",
    };
}
