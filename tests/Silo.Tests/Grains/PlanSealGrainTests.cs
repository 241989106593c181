using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Workloads;
using WasmBench.Silo.Security;
using WasmBench.Silo.Tests.Storage;

namespace WasmBench.Silo.Tests.Grains;

/// <summary>
/// A cluster peer calling the grains directly, as an attacker with a plain Orleans client would:
/// tasks no run planned and results no lease completed are refused.
/// </summary>
public sealed class PlanSealGrainTests(QueueClusterFixture fixture) : IClassFixture<QueueClusterFixture>
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    private ITaskQueueGrain Queue => fixture.Grains.GetGrain<ITaskQueueGrain>(0);

    private async Task<(long RunId, List<WorkTask> Tasks, string Engine)> PlanAsync()
    {
        var engine = $"e-{Guid.NewGuid():N}";
        var runId = (await ResultStoreTests.CreateRunAsync(fixture.Store, new RunRequest("quick", [engine]), [engine], 1)).Id;
        return (runId, [new WorkTask(runId, 0, engine, new Workload("w", "/tmp", "/tmp/x.wasm", []), 1)], engine);
    }

    [Fact]
    public async Task A_task_enqueued_without_the_planners_seal_is_refused_and_never_leased()
    {
        var (_, tasks, engine) = await PlanAsync();

        Assert.False(await Queue.Enqueue(tasks, ""));
        Assert.False(await Queue.Enqueue(tasks, new PlanSeal(new byte[32]).Seal(tasks)));
        Assert.Null(await Queue.Lease("attacker", [engine], LeaseTime));
    }

    [Fact]
    public async Task A_sealed_task_changed_after_sealing_is_refused()
    {
        var (_, tasks, engine) = await PlanAsync();
        var seal = fixture.Seal.Seal(tasks);
        var changed = tasks.Select(t => t with { Workload = t.Workload with { CSourcePath = "/tmp/evil.c" } }).ToList();

        Assert.False(await Queue.Enqueue(changed, seal));
        Assert.Null(await Queue.Lease("attacker", [engine], LeaseTime));
    }

    [Fact]
    public async Task A_run_started_without_the_planners_seal_stays_pending_and_queues_nothing()
    {
        var (runId, tasks, engine) = await PlanAsync();
        var run = fixture.Grains.GetGrain<IRunGrain>(runId);

        Assert.False(await run.Start(tasks, "forged"));
        Assert.Equal(RunState.Pending, (await run.GetStatus()).State);
        Assert.Null(await Queue.Lease("attacker", [engine], LeaseTime));

        Assert.True(await run.Start(tasks, fixture.Seal.Seal(tasks)));
        Assert.NotNull(await Queue.Lease("runner", [engine], LeaseTime));
    }

    [Fact]
    public async Task A_result_reported_straight_to_the_run_without_the_queues_seal_is_not_stored()
    {
        var (runId, tasks, _) = await PlanAsync();
        var run = fixture.Grains.GetGrain<IRunGrain>(runId);
        Assert.True(await run.Start(tasks, fixture.Seal.Seal(tasks)));

        await run.ReportResult(ResultStoreTests.Result(runId, 0), "forged");

        Assert.Equal(0, (await run.GetStatus()).CompletedTasks);
        Assert.Empty((await fixture.Store.GetReportAsync(runId, CancellationToken.None))!.Pairs);
    }

    [Fact]
    public async Task A_lease_cannot_complete_another_task()
    {
        var (runId, tasks, engine) = await PlanAsync();
        Assert.True(await fixture.Grains.GetGrain<IRunGrain>(runId).Start(tasks, fixture.Seal.Seal(tasks)));
        var lease = await Queue.Lease("runner", [engine], LeaseTime);

        Assert.False(await Queue.Complete(lease!.LeaseId, ResultStoreTests.Result(runId, 7)));
        Assert.True(await Queue.Complete(lease.LeaseId, ResultStoreTests.Result(runId, 0)));
    }
}
