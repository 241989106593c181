using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Worker;

/// <summary>Runs one leased task on this node and produces its result (failures included).</summary>
public interface ITaskExecutor
{
    /// <summary>Engine ids this node can run tasks for.</summary>
    IReadOnlyList<string> Engines { get; }

    Task<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken);
}
