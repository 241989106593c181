using WasmBench.Abstractions.Results;
using WasmBench.Runners.Engines;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// One workload's run on one engine: the per-iteration phase times, the program's output (of the
/// last iteration, or so far when it failed), how stdout and stderr compared with the expected
/// output (<see cref="Mismatch"/> names the first differing line), and the error when the run
/// failed. A run whose output does not match is not <see cref="Succeeded"/> even though it has timings.
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
    string? Mismatch,
    int ExitCode,
    string? Error)
{
    public bool Succeeded => Error is null && Output != OutputVerdict.Mismatched;

    /// <summary>Both streams together: mismatched when either is, matched when stdout is and stderr is not mismatched.</summary>
    public OutputVerdict Output =>
        StdoutVerdict == OutputVerdict.Mismatched || StderrVerdict == OutputVerdict.Mismatched ? OutputVerdict.Mismatched
        : StdoutVerdict == OutputVerdict.Matched ? OutputVerdict.Matched
        : OutputVerdict.NotChecked;

    /// <summary>What went wrong (the error, else the first output mismatch), or null.</summary>
    public string? Problem => Error ?? Mismatch;
}
