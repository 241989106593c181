using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Workloads;
using WasmBench.Silo.Tests.Storage;

namespace WasmBench.Silo.Tests.Grains;

public sealed class TaskQueueGrainTests(QueueClusterFixture fixture) : IClassFixture<QueueClusterFixture>
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    private ITaskQueueGrain Queue => fixture.Grains.GetGrain<ITaskQueueGrain>(0);

    /// <summary>Stores a run and starts it with one task per engine; engines are unique per test.</summary>
    private async Task<(long RunId, string[] Engines)> StartRunAsync(int engines, string? variant = null)
    {
        var names = Enumerable.Range(0, engines).Select(i => $"e{i}-{Guid.NewGuid():N}{(variant is null ? "" : ":" + variant)}").ToArray();
        var runId = (await ResultStoreTests.CreateRunAsync(fixture.Store, new RunRequest("quick", names), names, engines)).Id;
        var tasks = names.Select((engine, i) => new WorkTask(runId, i, engine, new Workload($"w{i}", "/tmp", "/tmp/x.wasm", []), 1)).ToList();
        Assert.True(await fixture.Grains.GetGrain<IRunGrain>(runId).Start(tasks, fixture.Seal.Seal(tasks)));
        return (runId, names);
    }

    [Fact]
    public async Task Leases_only_tasks_for_the_engines_a_runner_has()
    {
        var (_, engines) = await StartRunAsync(2);

        Assert.Null(await Queue.Lease("r1", ["interp-not-in-this-run"], LeaseTime));
        var lease = await Queue.Lease("r1", [engines[1]], LeaseTime);

        Assert.NotNull(lease);
        Assert.Equal(engines[1], lease.Task.Engine);
        Assert.Null(await Queue.Lease("r2", [engines[1]], LeaseTime));
    }

    [Fact]
    public async Task A_runner_that_offers_a_family_leases_the_tasks_of_its_variants()
    {
        var (_, engines) = await StartRunAsync(1, variant: "opt=none");
        var family = engines[0].Split(':')[0];

        Assert.Null(await Queue.Lease("r1", [family], LeaseTime));
        var lease = await Queue.Lease("r1", [Capabilities.ForEveryVariant(RunKind.Benchmark, family)], LeaseTime);

        Assert.Equal(engines[0], lease?.Task.Engine);
    }

    [Fact]
    public async Task Completing_every_task_stores_the_results_and_completes_the_run()
    {
        var (runId, engines) = await StartRunAsync(2);
        var run = fixture.Grains.GetGrain<IRunGrain>(runId);
        Assert.Equal(RunState.Running, (await run.GetStatus()).State);

        var first = await Queue.Lease("r1", engines, LeaseTime);
        var second = await Queue.Lease("r1", engines, LeaseTime);
        Assert.True(await Queue.Complete(first!.LeaseId, ResultStoreTests.Result(runId, first.Task.TaskIndex)));
        Assert.Equal(RunState.Running, (await run.GetStatus()).State);
        Assert.True(await Queue.Complete(second!.LeaseId, ResultStoreTests.Result(runId, second.Task.TaskIndex, error: "trap")));

        var status = await run.GetStatus();
        Assert.Equal(RunState.Completed, status.State);
        Assert.Equal((1, 1), (status.CompletedTasks, status.FailedTasks));
        var stored = await fixture.Store.GetReportAsync(runId, CancellationToken.None);
        Assert.Equal(RunState.Completed, stored!.Run.State);
        Assert.Equal(2, stored.Pairs.Count);
    }

    [Fact]
    public async Task An_expired_lease_goes_back_to_the_queue_and_the_first_completion_wins()
    {
        var (runId, engines) = await StartRunAsync(1);
        var slow = await Queue.Lease("slow", engines, LeaseTime);
        Assert.NotNull(slow);

        fixture.Time.Advance(LeaseTime + TimeSpan.FromSeconds(1));
        var retry = await Queue.Lease("fast", engines, LeaseTime);
        Assert.NotNull(retry);
        Assert.Equal(slow.Task.Key, retry.Task.Key);
        Assert.False(await Queue.Renew(slow.LeaseId, LeaseTime));

        Assert.True(await Queue.Complete(retry.LeaseId, ResultStoreTests.Result(runId, 0)));
        Assert.False(await Queue.Complete(slow.LeaseId, ResultStoreTests.Result(runId, 0, error: "late")));

        var stored = await fixture.Store.GetReportAsync(runId, CancellationToken.None);
        Assert.Null(Assert.Single(stored!.Pairs).Error);
    }

    [Fact]
    public async Task Leases_and_lease_expiries_are_counted_per_engine_on_the_WasmBench_meter()
    {
        var (runId, engines) = await StartRunAsync(1);
        var counted = new System.Collections.Concurrent.ConcurrentQueue<(string Instrument, long Value)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Abstractions.Telemetry.TelemetryNames.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // Engines are unique per test: only this test's measurements count.
            foreach (var tag in tags)
            {
                if (tag.Key == Abstractions.Telemetry.TelemetryNames.EngineTag && Equals(tag.Value, engines[0]))
                {
                    counted.Enqueue((instrument.Name, value));
                }
            }
        });
        listener.Start();

        var slow = await Queue.Lease("slow", engines, LeaseTime);
        fixture.Time.Advance(LeaseTime + TimeSpan.FromSeconds(1));
        var retry = await Queue.Lease("fast", engines, LeaseTime);
        Assert.True(await Queue.Complete(retry!.LeaseId, ResultStoreTests.Result(runId, 0)));

        Assert.NotNull(slow);
        Assert.Equal(2, counted.Where(c => c.Instrument == "wasmbench.tasks.leased").Sum(c => c.Value));
        Assert.Equal(1, counted.Where(c => c.Instrument == "wasmbench.tasks.lease_expired").Sum(c => c.Value));
    }

    [Fact]
    public async Task Renewing_keeps_a_lease_alive()
    {
        var (_, engines) = await StartRunAsync(1);
        var lease = await Queue.Lease("r1", engines, LeaseTime);

        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Queue.Renew(lease!.LeaseId, LeaseTime));
        fixture.Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(await Queue.Lease("r2", engines, LeaseTime));
    }
}
