using System.Text.Json;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Tests.Storage;

namespace WasmBench.Silo.Tests.Cli;

/// <summary>`wasmbench trends` over a SQLite history with a planted step.</summary>
public sealed class TrendsCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private async Task<(string Db, long StepRun)> HistoryAsync()
    {
        var db = _dir.File("history.db");
        var store = await ResultStoreTests.CreateStoreAsync(db);
        var random = new Random(3);
        var ids = new List<long>();
        for (var r = 0; r < 12; r++)
        {
            var run = await store.CreateRunAsync(StoredRun.Planned(new RunRequest("quick", ["wasmtime"], 10, "main"), ["wasmtime"], 2), CancellationToken.None);
            var index = 0;
            foreach (var workload in new[] { "fib", "sieve" })
            {
                var ns = workload == "fib" && r >= 7 ? 1.3e6 : 1e6;
                var samples = Enumerable.Range(0, 10).Select(i => new Sample(Phase.Execution, 0, i, (long)(ns * (1 + (0.01 * random.NextDouble()))))).ToList();
                await store.SaveTaskResultAsync(new TaskResult(run.Id, index++, EngineIdentity.Unknown("wasmtime") with { Version = "1.0" }, workload,
                    new MachineFingerprint("host", "cpu", 2, "linux", ".NET 10"), samples, [], OutputVerdict.Matched, null), CancellationToken.None);
            }

            await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = 2 }, CancellationToken.None);
            ids.Add(run.Id);
        }

        return (db, ids[7]);
    }

    [Fact]
    public async Task Trends_names_the_planted_step_with_the_runs_either_side_and_exits_1()
    {
        var (db, step) = await HistoryAsync();

        var (code, output, error) = await CliHarness.Run("trends", "--db", db, "--label", "main");

        Assert.True(code == 1, error);
        Assert.Contains("1 of 2 series changed", output);
        Assert.Contains($"| fib | wasmtime | execution | {step - 1} and {step} |", output);
        Assert.DoesNotContain("| sieve |", output);
    }

    [Fact]
    public async Task Trends_as_JSON_holds_each_series_and_its_change_points()
    {
        var (db, step) = await HistoryAsync();

        var (_, output, _) = await CliHarness.Run("trends", "--db", db, "--label", "main", "--json");

        using var json = JsonDocument.Parse(output);
        var series = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["fib", "sieve"], series.Select(s => s.GetProperty("workload").GetString()));
        var change = Assert.Single(series[0].GetProperty("changes").EnumerateArray());
        Assert.Equal(step, change.GetProperty("runAfter").GetInt64());
        Assert.Empty(series[1].GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task The_stores_narrow_history_gives_the_trend_that_the_whole_runs_give()
    {
        var (db, _) = await HistoryAsync();
        var store = await ResultStoreTests.CreateStoreAsync(db);
        var whole = new List<RunReport>();
        foreach (var run in (await store.ListRunsAsync(100, CancellationToken.None)).OrderBy(r => r.Id))
        {
            whole.Add((await store.GetReportAsync(run.Id, CancellationToken.None))!);
        }

        var narrow = await store.GetHistoryAsync("fib", "wasmtime", "main", CancellationToken.None);

        Assert.All(narrow, r => Assert.DoesNotContain(r.Pairs, p => p.Workload != "fib" && p.Samples.Count > 0));
        var expected = Analysis.History.Trend.Of(whole, "fib", "wasmtime", label: "main");
        var actual = Analysis.History.Trend.Of(narrow, "fib", "wasmtime", label: "main");
        Assert.Equal(expected.Points, actual.Points);
        Assert.Equal(expected.Changes, actual.Changes);
    }

    [Fact]
    public async Task Trends_without_a_database_is_a_usage_error()
    {
        var (code, _, error) = await CliHarness.Run("trends", "--db", _dir.File("missing.db"));

        Assert.Equal(2, code);
        Assert.Contains("there is no database", error);
    }

    public void Dispose() => _dir.Dispose();
}
