using Microsoft.Extensions.Logging;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Security;

namespace WasmBench.Silo.Grains;

/// <summary>
/// The pull queue with leases. Runners lease a task for an engine they have and renew the lease
/// while they work; an expired lease puts the task back at the head of the queue. The first
/// completion of a task wins; later ones (a runner that came back after its lease expired and
/// the task was redone) are ignored.
/// </summary>
public sealed class TaskQueueGrain(IGrainFactory grains, TimeProvider time, PlanSeal seal, CoordinatorMetrics metrics, ILogger<TaskQueueGrain> logger) : Grain, ITaskQueueGrain
{
    private readonly LinkedList<WorkTask> _queued = new();
    private readonly Dictionary<Guid, ActiveLease> _leases = [];
    private readonly HashSet<string> _completed = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => { ExpireLeases(); return Task.CompletedTask; }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        metrics.ObserveQueue(() => (_queued.Count, _leases.Count));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ObserveQueue(null);
        return Task.CompletedTask;
    }

    public Task<bool> Enqueue(IReadOnlyList<WorkTask> tasks, string planSeal)
    {
        if (!seal.IsSealed(tasks, planSeal))
        {
            logger.LogWarning("Refused {Count} tasks that no run planned (no valid plan seal)", tasks.Count);
            return Task.FromResult(false);
        }

        foreach (var task in tasks)
        {
            _queued.AddLast(task);
        }

        return Task.FromResult(true);
    }

    public Task<TaskLease?> Lease(string runner, IReadOnlyList<string> capabilities, TimeSpan duration)
    {
        ExpireLeases();
        for (var node = _queued.First; node is not null; node = node.Next)
        {
            if (!Capabilities.Covers(capabilities, node.Value.Capability))
            {
                continue;
            }

            _queued.Remove(node);
            var lease = new TaskLease(Guid.NewGuid(), node.Value, time.GetUtcNow() + duration);
            _leases[lease.LeaseId] = new ActiveLease(lease.Task, lease.ExpiresAt, runner);
            metrics.Leased(lease.Task);
            return Task.FromResult<TaskLease?>(lease);
        }

        return Task.FromResult<TaskLease?>(null);
    }

    public Task<bool> Renew(Guid leaseId, TimeSpan duration)
    {
        ExpireLeases();
        if (!_leases.TryGetValue(leaseId, out var lease))
        {
            return Task.FromResult(false);
        }

        _leases[leaseId] = lease with { ExpiresAt = time.GetUtcNow() + duration };
        return Task.FromResult(true);
    }

    public async Task<bool> Complete(Guid leaseId, TaskResult result)
    {
        if (_leases.TryGetValue(leaseId, out var held) && (held.Task.RunId, held.Task.TaskIndex) != (result.RunId, result.TaskIndex))
        {
            logger.LogWarning("Refused a result for task {Result} on the lease of task {Task}", $"{result.RunId}/{result.TaskIndex}", held.Task.Key);
            return false;
        }

        WorkTask? task = _leases.Remove(leaseId, out var lease) ? lease.Task : null;
        if (task is null)
        {
            // The lease expired; the result still counts if nobody has completed the task since.
            task = _queued.FirstOrDefault(t => t.RunId == result.RunId && t.TaskIndex == result.TaskIndex);
            if (task is not null)
            {
                _queued.Remove(task);
            }
            else
            {
                var redo = _leases.FirstOrDefault(l => l.Value.Task.RunId == result.RunId && l.Value.Task.TaskIndex == result.TaskIndex);
                if (redo.Value is null)
                {
                    return false;
                }

                task = redo.Value.Task;
            }
        }

        if (!_completed.Add(task.Key))
        {
            return false;
        }

        await grains.GetGrain<IRunGrain>(task.RunId).ReportResult(result, seal.Seal(result));
        return true;
    }

    private void ExpireLeases()
    {
        var now = time.GetUtcNow();
        foreach (var (id, lease) in _leases.Where(l => l.Value.ExpiresAt <= now).ToList())
        {
            _leases.Remove(id);
            if (!_completed.Contains(lease.Task.Key))
            {
                _queued.AddFirst(lease.Task);
                metrics.LeaseExpired(lease.Task);
                logger.LogWarning("Lease of task {Task} held by {Runner} expired; the task is queued again", lease.Task.Key, lease.Runner);
            }
        }
    }

    private sealed record ActiveLease(WorkTask Task, DateTimeOffset ExpiresAt, string Runner);
}
