using WasmBench.Runners.Engines;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// One (workload, engine) task's result: the per-iteration phase times, the program's output
/// (of the last iteration, or so far when it failed), how stdout and stderr compared with
/// the expected output, and the error when the run failed. A run whose output does not
/// match is not <see cref="Succeeded"/> even though it has timings.
/// </summary>
public sealed record WorkloadRunResult(
    string Workload,
    string EngineId,
    string EngineVersion,
    IReadOnlyList<IterationTiming> Iterations,
    string Stdout,
    string Stderr,
    OutputVerdict StdoutVerdict,
    OutputVerdict StderrVerdict,
    int ExitCode,
    string? Error)
{
    public bool Succeeded => Error is null && !StdoutVerdict.IsMismatch && !StderrVerdict.IsMismatch;

    /// <summary>What went wrong (the error, else the first output mismatch), or null.</summary>
    public string? Problem =>
        Error ?? (StdoutVerdict.IsMismatch ? StdoutVerdict.Detail : StderrVerdict.IsMismatch ? StderrVerdict.Detail : null);
}
