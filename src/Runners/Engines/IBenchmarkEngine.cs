using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines;

/// <summary>An engine that can run a workload for N iterations and time each phase.</summary>
public interface IBenchmarkEngine : IEngine
{
    Task<BenchmarkOutcome> RunAsync(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken);
}

/// <summary>Limits and counts for one benchmark task on one engine.</summary>
/// <param name="Iterations">Measured iterations (each compiles, instantiates and executes).</param>
/// <param name="Timeout">Wall-clock limit for one iteration's execution.</param>
/// <param name="MaxMemoryPages">Linear memory limit in 64 KiB pages.</param>
public sealed record BenchmarkSettings(int Iterations, TimeSpan Timeout, int MaxMemoryPages = 16384)
{
    public static BenchmarkSettings Default { get; } = new(5, TimeSpan.FromMinutes(2));
}

/// <summary>
/// Nanoseconds spent in each phase of one iteration; a phase an engine does not have
/// (native code is not compiled per iteration) is null.
/// </summary>
public sealed record IterationTiming(int Iteration, long? CompilationNs, long? InstantiationNs, long ExecutionNs);

/// <summary>
/// The outcome of a benchmark task: either the timings with the program's output, or a
/// failure with its reason (trap, timeout, build error). Expected failures are values, not exceptions.
/// </summary>
public sealed record BenchmarkOutcome(
    IReadOnlyList<IterationTiming> Iterations,
    string Stdout,
    string Stderr,
    int ExitCode,
    string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>What the timings mean when it is not the usual (e.g. whole-process timing of a command-line runtime).</summary>
    public string? Note { get; init; }

    public static BenchmarkOutcome Failure(string error, string stdout = "", string stderr = "") =>
        new([], stdout, stderr, -1, error);
}
