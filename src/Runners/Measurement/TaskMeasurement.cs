using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// What one process measures for one (workload, engine) pair: <see cref="Warmup"/> warm-up
/// iterations, then <see cref="Iterations"/> measured ones; samples carry <see cref="Process"/>.
/// This is also the JSON a `wasmbench measure` child reads.
/// </summary>
public sealed record PairMeasurementRequest(
    string Engine,
    Workload Workload,
    int Iterations,
    int Warmup,
    int Process,
    double TimeoutSeconds,
    int MaxMemoryPages)
{
    public static PairMeasurementRequest For(WorkTask task, Engines.BenchmarkSettings settings) =>
        new(task.Engine, task.Workload, task.Iterations, task.Warmup, task.Process, settings.Timeout.TotalSeconds, settings.MaxMemoryPages);
}

/// <summary>The samples of one pair in one process (warm-up ones flagged), or why there are none.</summary>
public sealed record PairMeasurement(EngineInfo Engine, IReadOnlyList<Sample> Samples, OutputVerdict Output, string? Error)
{
    public static PairMeasurement Failure(string engine, string error) =>
        new(new EngineInfo(engine, "unknown", EngineKind.Interpreter, []), [], OutputVerdict.NotChecked, error);
}
