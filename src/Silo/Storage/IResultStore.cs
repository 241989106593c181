using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Dashboard.Data;

namespace WasmBench.Silo.Storage;

/// <summary>Everything the coordinator writes and the API, CLI and dashboard read.</summary>
public interface IResultStore : IRunReader
{
    Task<long> CreateRunAsync(RunRequest request, IReadOnlyList<string> engines, int totalTasks, CancellationToken cancellationToken);

    /// <summary>Stores a task's result once; a second result for the same task is ignored (returns false).</summary>
    Task<bool> SaveTaskResultAsync(TaskResult result, CancellationToken cancellationToken);

    Task UpdateRunAsync(RunStatus status, CancellationToken cancellationToken);

    Task<RunStatus?> GetStatusAsync(long runId, CancellationToken cancellationToken);

    Task<bool> AnyRunAsync(CancellationToken cancellationToken);
}
