using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Results;

/// <summary>A run as listed: no per-task detail.</summary>
public sealed record RunSummary(
    long Id,
    RunKind Kind,
    string Suite,
    string? Label,
    IReadOnlyList<string> Engines,
    int Iterations,
    RunState State,
    int TotalTasks,
    int CompletedTasks,
    int FailedTasks,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    int Processes = 1,
    int Warmup = 0,
    int? Seed = null);

/// <summary>One task's result with every sample: what `run --json` writes and the API serves.</summary>
public sealed record TaskReport(
    string Workload,
    string Engine,
    string EngineVersion,
    string EngineFlags,
    MachineFingerprint? Machine,
    OutputVerdict Output,
    string? Error,
    IReadOnlyList<Sample> Samples,
    SpecScriptResult? Spec = null)
{
    /// <summary>The engine as users type it: <c>wasmtime</c> or <c>wasmtime:opt=none</c>.</summary>
    public string EngineId => EngineFlags.Length == 0 ? Engine : $"{Engine}:{EngineFlags}";

    /// <summary>Median execution nanoseconds (serialized for readers of the JSON).</summary>
    public double? MedianExecutionNs => Median(Phase.Execution);

    /// <summary>Median nanoseconds of a phase (warm-up left out), or null when the task has no sample of it.</summary>
    public double? Median(Phase phase)
    {
        var values = Samples.Where(s => s.Phase == phase && !s.Warmup).Select(s => (double)s.Nanoseconds).Order().ToArray();
        if (values.Length == 0)
        {
            return null;
        }

        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

/// <summary>A whole run with every task and sample.</summary>
public sealed record RunReport(RunSummary Run, IReadOnlyList<TaskReport> Tasks);
