using Microsoft.Extensions.Logging;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Grains;

/// <summary>
/// One activation per run. Its durable state is the run row in the result store, so a
/// reactivated grain picks up where the last one stopped; results are deduplicated by the store.
/// </summary>
public sealed class RunGrain(IResultStore store, IGrainFactory grains, ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private StoredRun _status = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var runId = this.GetPrimaryKeyLong();
        _status = await store.GetRunAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"run {runId} does not exist in the result store");
    }

    public async Task Start(IReadOnlyList<WorkTask> tasks)
    {
        if (_status.State != RunState.Pending)
        {
            return;
        }

        _status = _status with { State = tasks.Count == 0 ? RunState.Completed : RunState.Running };
        await store.UpdateRunAsync(_status, CancellationToken.None);
        if (tasks.Count > 0)
        {
            await grains.GetGrain<ITaskQueueGrain>(0).Enqueue(tasks);
        }

        logger.LogInformation("Run {RunId} started with {Count} tasks", _status.Id, tasks.Count);
    }

    public Task<StoredRun> GetStatus() => Task.FromResult(_status);

    public async Task ReportResult(TaskResult result)
    {
        if (_status.IsFinished || !await store.SaveTaskResultAsync(result, CancellationToken.None))
        {
            return;
        }

        _status = result.Succeeded
            ? _status with { CompletedTasks = _status.CompletedTasks + 1 }
            : _status with { FailedTasks = _status.FailedTasks + 1 };
        if (_status.CompletedTasks + _status.FailedTasks >= _status.TotalTasks)
        {
            _status = _status with { State = RunState.Completed };
            logger.LogInformation("Run {RunId} completed: {Ok} tasks ok, {Failed} failed", _status.Id, _status.CompletedTasks, _status.FailedTasks);
        }

        await store.UpdateRunAsync(_status, CancellationToken.None);
    }
}
