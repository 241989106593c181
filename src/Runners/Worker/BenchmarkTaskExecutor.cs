using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;

namespace WasmBench.Runners.Worker;

/// <summary>
/// Runs benchmark tasks on the engines of this node's catalog, output checked. Each task is one
/// process of a pair: with a <see cref="ChildMeasurer"/> it runs in a fresh child process,
/// without one (tests, a host that is not wasmbench) in this process.
/// </summary>
public sealed class BenchmarkTaskExecutor(EngineCatalog catalog, BenchmarkSettings settings, ChildMeasurer? child = null) : ITaskExecutor
{
    private readonly InProcessMeasurer _inProcess = new(catalog);

    public RunKind Kind => RunKind.Benchmark;

    public IReadOnlyList<string> Capabilities { get; } = [.. catalog.BenchmarkEngines.Select(e => e.Info.Id)];

    public async Task<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken)
    {
        var request = PairMeasurementRequest.For(task, settings);
        var measured = child is null || catalog.Find(task.Engine) is not IBenchmarkEngine
            ? await _inProcess.MeasureAsync(request, cancellationToken)
            : (await child.MeasureAsync([request], cancellationToken))[0];
        return new TaskResult(task.RunId, task.TaskIndex, measured.Engine, task.Workload.Name, MachineInfo.Fingerprint,
            measured.Samples, measured.Output, measured.Error);
    }
}
