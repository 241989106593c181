using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using WasmBench.Abstractions.Results;
using Microsoft.AspNetCore.Builder;
using WasmBench.Silo.Hosting;

namespace WasmBench.Integration.Tests.Host;

/// <summary>
/// The real `serve` host: Kestrel on a free loopback port, an Orleans silo, the runner, the
/// dashboard and a temporary SQLite file. One per test collection.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    public const string Token = "integration-secret";

    private readonly TempDirectory _dir = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public string DatabasePath => _dir.File("wasmbench.db");

    /// <summary>A suite root of this service besides the suites folder and the testsuite: tests put workloads here.</summary>
    public string WorkloadsRoot => _dir.File("workloads");

    /// <summary>The folder of the repository's suites (a default suite root).</summary>
    public static string SuitesFolder => Runners.Workloads.SuitesRoot.Locate() ?? throw new InvalidOperationException("no suites folder");

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Directory.CreateDirectory(WorkloadsRoot);
        var testsuite = Runners.Spec.TestsuiteLocator.Locate();
        var settings = new HostSettings(Roles.All, DatabasePath, SiloPort: 0, GatewayPort: 0, ApiToken: Token,
            SuiteRoots: [SuitesFolder, WorkloadsRoot, .. testsuite.Succeeded ? new[] { testsuite.Value.Path } : []]);
        _app = ServeHost.Build(settings, BaseAddress.ToString().TrimEnd('/'));
        await _app.Services.MigrateDatabaseAsync();
        await _app.StartAsync();
    }

    public HttpClient Client(bool authenticated = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        }

        return client;
    }

    /// <summary>Polls the API until the run has finished (bounded: a stuck run fails the test).</summary>
    public async Task<RunReport> WaitForRunAsync(long runId, TimeSpan limit)
    {
        using var client = Client();
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var report = await client.GetFromJsonAsync<RunReport>($"api/runs/{runId}", WasmBenchJson.Options);
            if (report!.Run.State is Abstractions.Runs.RunState.Completed or Abstractions.Runs.RunState.Failed)
            {
                return report;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not finish within {limit}: {report.Run.State}, {report.Run.FinishedTasks}/{report.Run.TotalTasks} tasks");
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _dir.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "service";
}
