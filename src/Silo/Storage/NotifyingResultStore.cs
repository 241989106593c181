using WasmBench.Abstractions.Results;
using WasmBench.Dashboard.Data;

namespace WasmBench.Silo.Storage;

/// <summary>The result store that tells this process's dashboard pages when a run was created or changed (<see cref="RunNotifications"/>), once the change is stored.</summary>
public sealed class NotifyingResultStore(IResultStore inner, RunNotifications notifications) : IResultStore
{
    public async Task<StoredRun> CreateRunAsync(StoredRun run, CancellationToken cancellationToken)
    {
        var created = await inner.CreateRunAsync(run, cancellationToken);
        notifications.Publish(created);
        return created;
    }

    public Task<bool> SaveTaskResultAsync(TaskResult result, CancellationToken cancellationToken) => inner.SaveTaskResultAsync(result, cancellationToken);

    public async Task UpdateRunAsync(StoredRun run, CancellationToken cancellationToken)
    {
        await inner.UpdateRunAsync(run, cancellationToken);
        notifications.Publish(run);
    }

    public Task<StoredRun?> GetRunAsync(long runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

    public Task<bool> AnyRunAsync(CancellationToken cancellationToken) => inner.AnyRunAsync(cancellationToken);

    public Task<IReadOnlyList<StoredRun>> ListRunsAsync(int limit, CancellationToken cancellationToken) => inner.ListRunsAsync(limit, cancellationToken);

    public Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken) => inner.GetReportAsync(runId, cancellationToken);

    public Task<IReadOnlyList<RunReport>> GetHistoryAsync(string workload, string engine, string? label, CancellationToken cancellationToken) =>
        inner.GetHistoryAsync(workload, engine, label, cancellationToken);
}
