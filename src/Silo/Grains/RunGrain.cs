using Microsoft.Extensions.Logging;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Security;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Grains;

/// <summary>
/// One activation per run. Its durable state is the run row in the result store, so a
/// reactivated grain picks up where the last one stopped; results are deduplicated by the store.
/// </summary>
public sealed class RunGrain(IResultStore store, IGrainFactory grains, PlanSeal seal, CoordinatorMetrics metrics, TimeProvider time, ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private StoredRun _status = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var runId = this.GetPrimaryKeyLong();
        _status = await store.GetRunAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"run {runId} does not exist in the result store");
    }

    public async Task<bool> Start(IReadOnlyList<WorkTask> tasks, string planSeal)
    {
        if (_status.State != RunState.Pending || !seal.IsSealed(tasks, planSeal) || tasks.Any(t => t.RunId != _status.Id))
        {
            logger.LogWarning("Run {RunId}: refused a start that is not the planner's ({Count} tasks, state {State})", _status.Id, tasks.Count, _status.State);
            return false;
        }

        using var activity = CoordinatorMetrics.Source.StartActivity("wasmbench.run.start");
        activity?.SetTag(Abstractions.Telemetry.TelemetryNames.RunIdTag, _status.Id);
        activity?.SetTag("wasmbench.run.tasks", tasks.Count);
        _status = _status with { State = tasks.Count == 0 ? RunState.Completed : RunState.Running };
        await store.UpdateRunAsync(_status, CancellationToken.None);
        if (tasks.Count > 0)
        {
            await grains.GetGrain<ITaskQueueGrain>(0).Enqueue(tasks, planSeal);
        }

        logger.LogInformation("Run {RunId} started with {Count} tasks", _status.Id, tasks.Count);
        return true;
    }

    public Task<StoredRun> GetStatus() => Task.FromResult(_status);

    public async Task ReportResult(TaskResult result, string resultSeal)
    {
        if (result.RunId != _status.Id || !seal.IsSealed(result, resultSeal))
        {
            logger.LogWarning("Run {RunId}: ignored a result the task queue did not seal (task {Task})", _status.Id, result.TaskIndex);
            return;
        }

        if (_status.IsFinished || !await store.SaveTaskResultAsync(result, CancellationToken.None))
        {
            return;
        }

        _status = result.Succeeded
            ? _status with { CompletedTasks = _status.CompletedTasks + 1 }
            : _status with { FailedTasks = _status.FailedTasks + 1 };
        metrics.Stored(_status.Kind, result.Engine.Id, result.Succeeded);
        if (_status.CompletedTasks + _status.FailedTasks >= _status.TotalTasks)
        {
            _status = _status with { State = RunState.Completed };
            metrics.RunFinished(_status, time.GetUtcNow() - _status.CreatedAt);
            logger.LogInformation("Run {RunId} completed: {Ok} tasks ok, {Failed} failed", _status.Id, _status.CompletedTasks, _status.FailedTasks);
        }

        await store.UpdateRunAsync(_status, CancellationToken.None);
    }
}
