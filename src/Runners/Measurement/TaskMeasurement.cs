using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// What one measuring process measures for one task (one process of a workload x engine pair):
/// <see cref="Warmup"/> warm-up iterations, then <see cref="Iterations"/> measured ones; samples
/// carry <see cref="Process"/>. This is also the JSON a `wasmbench measure` child reads.
/// </summary>
public sealed record TaskMeasurementRequest(
    string Engine,
    Workload Workload,
    int Iterations,
    int Warmup,
    int Process,
    double TimeoutSeconds,
    int MaxMemoryPages)
{
    public static TaskMeasurementRequest For(WorkTask task, Engines.BenchmarkSettings settings) =>
        new(task.Engine, task.Workload, task.Iterations, task.Warmup, task.Process, settings.Timeout.TotalSeconds, settings.MaxMemoryPages);
}

/// <summary>The samples of one task (warm-up ones flagged) and its process's events, or why there are none.</summary>
public sealed record TaskMeasurement(EngineIdentity Engine, IReadOnlyList<Sample> Samples, IReadOnlyList<ProcessEvent> Events, OutputVerdict Output, string? Error)
{
    public static TaskMeasurement Failure(string engine, string error) =>
        new(EngineIdentity.Unknown(engine), [], [], OutputVerdict.NotChecked, error);
}
