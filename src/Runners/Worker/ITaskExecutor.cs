using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Worker;

/// <summary>Runs one kind of leased task on this node and produces its result (failures included).</summary>
public interface ITaskExecutor
{
    RunKind Kind { get; }

    /// <summary>What this node offers the queue for this kind (see <see cref="Capabilities"/>).</summary>
    IReadOnlyList<string> Capabilities { get; }

    Task<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken);
}
