using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// Measures a task in this process with the engine's own iteration loop (see
/// docs/statistics.md for why not BenchmarkDotNet's engine: its start-up cost per process is
/// larger than most workloads).
/// </summary>
public sealed class InProcessMeasurer(EngineCatalog catalog)
{
    private readonly WorkloadRunner _runner = new();

    public async Task<TaskMeasurement> MeasureAsync(TaskMeasurementRequest request, CancellationToken cancellationToken)
    {
        if (catalog.Find(request.Engine) is not IBenchmarkEngine engine)
        {
            return TaskMeasurement.Failure(request.Engine, $"engine '{request.Engine}' cannot run benchmarks on this node");
        }

        var workload = request.Workload;
        var settings = new BenchmarkSettings(request.Warmup + request.Iterations, TimeSpan.FromSeconds(request.TimeoutSeconds), request.MaxMemoryPages);
        MachineReference.MeasureNs(); // the first run pays for cold caches and page faults: not recorded
        var before = MachineReference.MeasureNs();
        var result = await _runner.RunAsync(workload, engine, settings, cancellationToken);
        var after = MachineReference.MeasureNs();
        var samples = result.Iterations.SelectMany(t => PhaseSamples(t, request.Process, request.Warmup)).ToList();
        ProcessEvent[] events =
        [
            new(ProcessEventKind.MachineReferenceBefore, request.Process, before),
            new(ProcessEventKind.MachineReferenceAfter, request.Process, after),
        ];
        return new TaskMeasurement(engine.Info.Identity, samples, events, result.Output, result.Problem);
    }

    private static IEnumerable<Sample> PhaseSamples(IterationTiming timing, int process, int warmup)
    {
        var isWarmup = timing.Iteration < warmup;
        if (timing.CompilationNs is { } compilation)
        {
            yield return new Sample(Phase.Compilation, process, timing.Iteration, compilation, isWarmup);
        }

        if (timing.InstantiationNs is { } instantiation)
        {
            yield return new Sample(Phase.Instantiation, process, timing.Iteration, instantiation, isWarmup);
        }

        yield return new Sample(Phase.Execution, process, timing.Iteration, timing.ExecutionNs, isWarmup);
    }
}
