using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Grains;

/// <summary>One grain per run (keyed by the run id): plans tasks, tracks progress, persists results.</summary>
public interface IRunGrain : IGrainWithIntegerKey
{
    /// <summary>Queues the planned tasks, if <paramref name="seal"/> is the planner's seal on them; returns at once.</summary>
    /// <returns>False when the seal is missing or wrong, or the run was started already: nothing is queued.</returns>
    Task<bool> Start(IReadOnlyList<WorkTask> tasks, string seal);

    /// <summary>The run as the grain tracks it (its progress counts tasks).</summary>
    Task<StoredRun> GetStatus();

    /// <summary>Records a task's result sealed by the task queue; the first result for a task wins, unsealed ones are ignored.</summary>
    Task ReportResult(TaskResult result, string seal);
}
