using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Tests.Storage;

/// <summary>
/// The result store's behaviour, run on every provider: <see cref="SqliteResultStoreTests"/> (a real
/// SQLite file) and <see cref="PostgreSqlResultStoreTests"/> (a real PostgreSQL server).
/// </summary>
public abstract class ResultStoreTests
{
    /// <summary>A store on a new, migrated database; <paramref name="name"/> names it within the test.</summary>
    protected abstract Task<ResultStore> NewStoreAsync(string name);

    /// <summary>A second store over the database of <see cref="NewStoreAsync"/> with the same name.</summary>
    protected abstract Task<ResultStore> ReopenStoreAsync(string name);

    /// <summary>A store on <paramref name="database"/> (a SQLite file or a PostgreSQL URL), wired as the service wires it, after migrating.</summary>
    internal static async Task<ResultStore> CreateStoreAsync(string database)
    {
        var services = WasmBenchServices.Create(s => s.AddWasmBenchStore(database));
        var factory = services.GetRequiredService<IDbContextFactory<WasmBenchDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        return new ResultStore(factory, TimeProvider.System);
    }

    internal static TaskResult Result(long runId, int index, string engine = "wasmtime", string? error = null) => new(
        runId, index, new EngineIdentity(engine, engine == "wasmtime" ? "" : "opt=none", "1.0", "b1"), $"w{index}",
        new MachineFingerprint("host", "cpu", 2, "linux", ".NET 10"),
        error is null ? [new Sample(Phase.Execution, 0, 0, 100), new Sample(Phase.Execution, 0, 1, 300), new Sample(Phase.Compilation, 0, 0, 7)] : [],
        error is null ? [new ProcessEvent(ProcessEventKind.MachineReferenceBefore, 0, 7_000_000), new ProcessEvent(ProcessEventKind.MachineReferenceAfter, 0, 7_100_000)] : [],
        error is null ? OutputVerdict.Matched : OutputVerdict.NotChecked,
        error);

    internal static Task<StoredRun> CreateRunAsync(ResultStore store, RunRequest request, IReadOnlyList<string> engines, int tasks) =>
        store.CreateRunAsync(StoredRun.Planned(request, engines, tasks), CancellationToken.None);

    [Fact]
    public async Task Stores_a_run_with_its_samples_in_a_real_database()
    {
        var store = await NewStoreAsync("results");
        var run = await CreateRunAsync(store, new RunRequest("quick", ["wasmtime"], 2, "main"), ["wasmtime"], 2);
        var runId = run.Id;

        Assert.True(await store.SaveTaskResultAsync(Result(runId, 0), CancellationToken.None));
        Assert.True(await store.SaveTaskResultAsync(Result(runId, 1, error: "trap: unreachable"), CancellationToken.None));
        await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = 1, FailedTasks = 1 }, CancellationToken.None);

        // A second store over the same database sees everything: it is really stored.
        var reopened = await ReopenStoreAsync("results");
        var report = await reopened.GetReportAsync(runId, CancellationToken.None);
        Assert.NotNull(report);
        Assert.Equal(RunState.Completed, report.Run.State);
        Assert.Equal("main", report.Run.Label);
        Assert.NotNull(report.Run.FinishedAt);
        Assert.Equal(2, report.Pairs.Count);
        Assert.Equal(3, report.Pairs[0].Samples.Count);
        Assert.Equal([7_000_000, 7_100_000], report.Pairs[0].Events.Select(e => e.Nanoseconds));
        Assert.Equal(new EngineIdentity("wasmtime", "", "1.0", "b1"), report.Pairs[0].Engine);
        Assert.Equal("cpu", report.Pairs[0].Machine?.CpuModel);
        Assert.Equal("trap: unreachable", report.Pairs[1].Error);
        Assert.Empty(report.Pairs[1].Samples);
    }

    [Fact]
    public async Task Stores_a_spec_script_s_counts_and_failures_not_run_included()
    {
        var store = await NewStoreAsync("spec");
        var run = await CreateRunAsync(store, new RunRequest("wasm-2.0", ["wasmtime"], Kind: RunKind.Spec), ["wasmtime"], 1);
        var spec = new SpecScriptResult("names.wast", 40, 1, 2, 3, [new SpecFailure(19, "module", "ok", "Invalid", "duplicate export")], NotRun: 479);

        Assert.True(await store.SaveTaskResultAsync(Result(run.Id, 0) with { Samples = [], Events = [], Spec = spec }, CancellationToken.None));

        var stored = (await (await ReopenStoreAsync("spec")).GetReportAsync(run.Id, CancellationToken.None))!.Pairs.Single().Spec!;
        Assert.Equal((40, 1, 2, 3, 479), (stored.Passed, stored.Failed, stored.Skipped, stored.TextFormat, stored.NotRun));
        Assert.Equal(spec.Failures, stored.Failures);
    }

    [Fact]
    public async Task Ignores_a_second_result_for_the_same_task()
    {
        var store = await NewStoreAsync("dedupe");
        var runId = (await CreateRunAsync(store, new RunRequest("quick", [], 1), ["wasmtime"], 1)).Id;

        Assert.True(await store.SaveTaskResultAsync(Result(runId, 0), CancellationToken.None));
        Assert.False(await store.SaveTaskResultAsync(Result(runId, 0, error: "late duplicate"), CancellationToken.None));

        var report = await store.GetReportAsync(runId, CancellationToken.None);
        Assert.Null(Assert.Single(report!.Pairs).Error);
    }

    [Fact]
    public async Task A_pair_s_tasks_are_reported_per_engine_build_and_machine_never_pooled()
    {
        var store = await NewStoreAsync("pairs");
        var runId = (await CreateRunAsync(store, new RunRequest("quick", ["wasmtime"], 2, Processes: 4), ["wasmtime"], 4)).Id;
        TaskResult Process(int index, string host, string build) => Result(runId, index) with
        {
            Workload = "fib",
            Engine = new EngineIdentity("wasmtime", "", "1.0", build),
            Machine = new MachineFingerprint(host, "cpu", 2, "linux", ".NET 10"),
            Samples = [new Sample(Phase.Execution, index, 0, 100 * (index + 1))],
        };

        await store.SaveTaskResultAsync(Process(0, "runner-1", "b1"), CancellationToken.None);
        await store.SaveTaskResultAsync(Process(1, "runner-1", "b1"), CancellationToken.None);
        await store.SaveTaskResultAsync(Process(2, "runner-2", "b1"), CancellationToken.None);
        await store.SaveTaskResultAsync(Process(3, "runner-2", "b2"), CancellationToken.None);

        var pairs = (await store.GetReportAsync(runId, CancellationToken.None))!.Pairs;
        Assert.Equal([("runner-1", "b1", 2), ("runner-2", "b1", 1), ("runner-2", "b2", 1)], pairs.Select(p => (p.Machine!.Host, p.Engine.Build, p.Tasks)));
        Assert.Equal([0, 1], pairs[0].Samples.Select(s => s.Process));
    }

    [Fact]
    public async Task Lists_runs_newest_first_and_knows_when_it_is_empty()
    {
        var store = await NewStoreAsync("list");
        Assert.False(await store.AnyRunAsync(CancellationToken.None));
        var first = (await CreateRunAsync(store, new RunRequest("quick", [], 1), ["a"], 1)).Id;
        var second = (await CreateRunAsync(store, new RunRequest("default", [], 1), ["a", "b"], 2)).Id;

        var runs = await store.ListRunsAsync(10, CancellationToken.None);
        Assert.Equal([second, first], runs.Select(r => r.Id));
        Assert.Equal(["a", "b"], runs[0].Engines);
        Assert.True(await store.AnyRunAsync(CancellationToken.None));
        Assert.Null(await store.GetReportAsync(999, CancellationToken.None));
        Assert.Null(await store.GetRunAsync(999, CancellationToken.None));
    }
}
