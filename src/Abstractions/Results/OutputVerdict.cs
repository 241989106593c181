namespace WasmBench.Abstractions.Results;

/// <summary>
/// Whether a program printed what its workload expects (stdout, and stderr when it has an
/// expectation; line endings normalised). The one verdict of every layer: the runner's output
/// check, the measuring child, the stored task and the reports. A mismatch's first differing line
/// travels as the task's error.
/// </summary>
public enum OutputVerdict
{
    /// <summary>The workload has no expected output (or the program did not run to the end).</summary>
    NotChecked,
    Matched,
    Mismatched,
}
