using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Workloads;
using OutputVerdict = WasmBench.Abstractions.Results.OutputVerdict;

namespace WasmBench.Runners.Worker;

/// <summary>Runs benchmark tasks on the engines of this node's catalog, output checked.</summary>
public sealed class BenchmarkTaskExecutor(EngineCatalog catalog, BenchmarkSettings settings) : ITaskExecutor
{
    private readonly WorkloadRunner _runner = new();

    public RunKind Kind => RunKind.Benchmark;

    public IReadOnlyList<string> Capabilities { get; } = [.. catalog.BenchmarkEngines.Select(e => e.Info.Id)];

    public async Task<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken)
    {
        if (catalog.Find(task.Engine) is not IBenchmarkEngine engine)
        {
            var unknown = new EngineInfo(task.Engine, "unknown", EngineKind.Interpreter, []);
            return new TaskResult(task.RunId, task.TaskIndex, unknown, task.Workload.Name, MachineInfo.Fingerprint, [], OutputVerdict.NotChecked,
                $"engine '{task.Engine}' cannot run benchmarks on this node");
        }

        var w = task.Workload;
        var workload = new Workload(w.Name, w.Directory, w.ModulePath, w.Args, w.CSourcePath, w.ExpectedStdout, w.ExpectedStderr);
        var result = await _runner.RunAsync(workload, engine, settings with { Iterations = task.Iterations }, cancellationToken);
        var verdict = result.StdoutVerdict.IsMismatch || result.StderrVerdict.IsMismatch ? OutputVerdict.Mismatched
            : result.StdoutVerdict.Kind == OutputVerdictKind.Match ? OutputVerdict.Matched
            : OutputVerdict.NotChecked;
        return new TaskResult(task.RunId, task.TaskIndex, engine.Info, w.Name, MachineInfo.Fingerprint,
            [.. result.Iterations.SelectMany(PhaseSamples)], verdict, result.Problem);
    }

    private static IEnumerable<Sample> PhaseSamples(IterationTiming timing)
    {
        if (timing.CompilationNs is { } compilation)
        {
            yield return new Sample(Phase.Compilation, 0, timing.Iteration, compilation);
        }

        if (timing.InstantiationNs is { } instantiation)
        {
            yield return new Sample(Phase.Instantiation, 0, timing.Iteration, instantiation);
        }

        yield return new Sample(Phase.Execution, 0, timing.Iteration, timing.ExecutionNs);
    }
}
