using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Workloads;
using OutputVerdict = WasmBench.Abstractions.Results.OutputVerdict;

namespace WasmBench.Runners.Worker;

/// <summary>Runs benchmark tasks on the engines of this node's catalog.</summary>
public sealed class BenchmarkTaskExecutor(EngineCatalog catalog, BenchmarkSettings settings) : ITaskExecutor
{
    public IReadOnlyList<string> Engines { get; } = [.. catalog.BenchmarkEngines.Select(e => e.Info.Id)];

    public async Task<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken)
    {
        if (catalog.Find(task.Engine) is not IBenchmarkEngine engine || !engine.Availability.IsAvailable)
        {
            return Failed(task, catalog.Find(task.Engine)?.Info ?? new(task.Engine, "?", Abstractions.Engines.EngineKind.Interpreter, []),
                $"engine '{task.Engine}' cannot run benchmarks on this node");
        }

        var workload = ToWorkload(task.Workload);
        var outcome = await engine.RunAsync(workload, settings with { Iterations = task.Iterations }, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Failed(task, engine.Info, outcome.Error!);
        }

        var stdout = OutputComparison.Compare(workload.ExpectedStdout, outcome.Stdout);
        var stderr = OutputComparison.Compare(workload.ExpectedStderr, outcome.Stderr, "stderr");
        var mismatch = stdout.IsMismatch ? stdout : stderr.IsMismatch ? stderr : null;
        var verdict = mismatch is not null ? OutputVerdict.Mismatched
            : stdout.Kind == OutputVerdictKind.Match ? OutputVerdict.Matched
            : OutputVerdict.NotChecked;
        var error = mismatch?.Detail;

        var samples = outcome.Iterations.SelectMany(i => PhaseSamples(i)).ToList();
        return new TaskResult(task.RunId, task.TaskIndex, engine.Info, task.Workload.Name, MachineInfo.Fingerprint, samples, verdict, error);
    }

    private static IEnumerable<Sample> PhaseSamples(IterationTiming timing)
    {
        if (timing.CompilationNs is { } compilation)
        {
            yield return new Sample(Abstractions.Runs.Phase.Compilation, 0, timing.Iteration, compilation);
        }

        if (timing.InstantiationNs is { } instantiation)
        {
            yield return new Sample(Abstractions.Runs.Phase.Instantiation, 0, timing.Iteration, instantiation);
        }

        yield return new Sample(Abstractions.Runs.Phase.Execution, 0, timing.Iteration, timing.ExecutionNs);
    }

    private static Workload ToWorkload(WorkloadRef w) =>
        new(w.Name, w.Directory, w.ModulePath, w.Args, w.CSourcePath, w.ExpectedStdout, w.ExpectedStderr);

    private static TaskResult Failed(WorkTask task, Abstractions.Engines.EngineInfo engine, string error) =>
        new(task.RunId, task.TaskIndex, engine, task.Workload.Name, MachineInfo.Fingerprint, [], OutputVerdict.NotChecked, error);
}
