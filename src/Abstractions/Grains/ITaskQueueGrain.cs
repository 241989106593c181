using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Grains;

/// <summary>
/// The cluster's pull queue (a single grain, key 0). Runners lease tasks for the engines they
/// have, renew the lease while they work, and complete it; an expired lease re-queues the task.
/// </summary>
public interface ITaskQueueGrain : IGrainWithIntegerKey
{
    /// <summary>Queues tasks the planner sealed; false (nothing queued) when the seal is missing or wrong.</summary>
    Task<bool> Enqueue(IReadOnlyList<WorkTask> tasks, string seal);

    /// <summary>
    /// Leases the oldest queued task whose <see cref="WorkTask.Capability"/> is in
    /// <paramref name="capabilities"/> (engine ids; <c>spec/</c>-prefixed for spec tasks), or null.
    /// </summary>
    Task<TaskLease?> Lease(string runner, IReadOnlyList<string> capabilities, TimeSpan duration);

    /// <summary>Extends a lease; false when it has expired and the task went back to the queue.</summary>
    Task<bool> Renew(Guid leaseId, TimeSpan duration);

    /// <summary>Completes a lease with its result; false when the lease was unknown (a late duplicate).</summary>
    Task<bool> Complete(Guid leaseId, TaskResult result);
}
