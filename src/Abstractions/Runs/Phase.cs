namespace WasmBench.Abstractions.Runs;

/// <summary>The measured phases of one benchmark iteration.</summary>
public enum Phase
{
    Compilation,
    Instantiation,
    Execution,

    /// <summary>
    /// Not a phase of the workload: the engine-independent machine reference timed in each
    /// measuring process before its first and after its last iteration (iterations 0 and 1).
    /// </summary>
    Reference,
}
