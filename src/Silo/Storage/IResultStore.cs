using WasmBench.Abstractions.Results;
using WasmBench.Dashboard.Data;

namespace WasmBench.Silo.Storage;

/// <summary>Everything the coordinator writes and the API, CLI and dashboard read.</summary>
public interface IResultStore : IRunReader
{
    /// <summary>Stores a planned run (<see cref="StoredRun.Planned"/>); returns it with its id and creation time.</summary>
    Task<StoredRun> CreateRunAsync(StoredRun run, CancellationToken cancellationToken);

    /// <summary>Stores a task's result once; a second result for the same task is ignored (returns false).</summary>
    Task<bool> SaveTaskResultAsync(TaskResult result, CancellationToken cancellationToken);

    /// <summary>Stores a run's state, progress and error (the finish time once it has finished).</summary>
    Task UpdateRunAsync(StoredRun run, CancellationToken cancellationToken);

    Task<StoredRun?> GetRunAsync(long runId, CancellationToken cancellationToken);

    Task<bool> AnyRunAsync(CancellationToken cancellationToken);
}
