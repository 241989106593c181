using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Storage;
using WasmBench.Silo.Tests.Storage;

namespace WasmBench.Integration.Tests.Host;

/// <summary>The real host on a real PostgreSQL server: migrated at start, ready, and a run's results stored there.</summary>
public sealed class PostgreSqlServiceTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_service_on_PostgreSQL_is_ready_runs_a_suite_and_stores_it_there()
    {
        var url = await server.CreateDatabaseAsync();
        await using var host = await StartedHost.StartAsync(new HostSettings(Roles.Coordinator | Roles.Runner, url));
        using var client = host.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);
        var started = await host.App.Services.GetRequiredService<RunService>().StartAsync(new RunRequest(TinySuite.Create(_dir.File("suite")), ["interp"], Iterations: 2), CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        var run = await TinySuite.WaitForRunAsync(host.App.Services.GetRequiredService<IResultStore>(), started.Value.Id);

        Assert.Equal((RunState.Completed, 1, 1), (run.State, run.CompletedTasks, run.FailedTasks));
        Assert.True(host.App.Services.GetRequiredService<StoreTarget>().IsPostgreSql);
        // Read back through a store of its own over the same database: the samples are in PostgreSQL.
        using var reader = WasmBenchServices.Create(s => s.AddWasmBenchStore(url, readOnly: true));
        var report = await reader.GetRequiredService<IResultStore>().GetReportAsync(run.Id, CancellationToken.None);
        var passes = Assert.Single(report!.Pairs, p => p.Workload == "passes");
        Assert.Equal(Abstractions.Results.OutputVerdict.Matched, passes.Output);
        Assert.Equal(2, passes.Samples.Count(s => s.Phase == Phase.Execution && !s.Warmup));
        Assert.NotNull(Assert.Single(report.Pairs, p => p.Workload == "traps").Error);
    }

    public void Dispose() => _dir.Dispose();
}
