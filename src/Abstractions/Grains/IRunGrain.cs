using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Grains;

/// <summary>One grain per run (keyed by the run id): plans tasks, tracks progress, persists results.</summary>
public interface IRunGrain : IGrainWithIntegerKey
{
    /// <summary>Queues the planned tasks; returns at once.</summary>
    Task Start(IReadOnlyList<WorkTask> tasks);

    /// <summary>The run as the grain tracks it (its progress counts tasks).</summary>
    Task<StoredRun> GetStatus();

    /// <summary>Records a task's result; the first result for a task wins.</summary>
    Task ReportResult(TaskResult result);
}
