namespace WasmBench.Abstractions.Runs;

public enum RunState
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>What a run measures.</summary>
public enum RunKind
{
    /// <summary>Timings of benchmark workloads.</summary>
    Benchmark,

    /// <summary>Conformance: spec-test scripts, one task per (.wast script, engine).</summary>
    Spec,
}
