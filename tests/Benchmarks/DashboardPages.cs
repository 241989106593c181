using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Storage;

namespace WasmBench.Benchmarks;

/// <summary>
/// Each dashboard page rendered on the server (the prerendered HTML a browser first gets, which
/// awaits the page's data and statistics) by the real host over a SQLite history of 100 benchmark
/// runs x 20 workloads x 5 engines x 50 samples and 20 spec runs of wasm-2.0-sized scripts on 5
/// engines. The history is written once through the result store and kept in the temp folder.
/// `dotnet run -c Release --project tests/Benchmarks -- --filter '*DashboardPages*'` (docs/dashboard.md).
/// </summary>
[Config(typeof(InProcess))]
public class DashboardPages
{
    private const int Runs = 100;
    private const int Workloads = 20;
    private const int SpecRuns = 20;
    private const int SpecScripts = 150;
    private static readonly string[] Engines = ["native", "wasmtime", "wasmtime:opt=none", "wasmtime:winch", "interp"];
    private static readonly string Database = Path.Combine(Path.GetTempPath(), "wasmbench-dashboard-bench-v1.db");

    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private long _lastRun;
    private long _lastSpec;

    private sealed class InProcess : ManualConfig
    {
        public InProcess() => AddJob(Job.Default.WithToolchain(InProcessNoEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(8).WithLaunchCount(1));
    }

    [GlobalSetup]
    public void Setup()
    {
        var fresh = !File.Exists(Database);
        var settings = new HostSettings(Roles.All, Database, SiloPort: 0, GatewayPort: 0);
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)port.LocalEndpoint).Port}";
        port.Stop();
        _app = ServeHost.Build(settings, url);
        _app.Services.MigrateDatabaseAsync().GetAwaiter().GetResult();
        _app.StartAsync().GetAwaiter().GetResult();
        var store = _app.Services.GetRequiredService<IResultStore>();
        if (fresh)
        {
            SeedAsync(store).GetAwaiter().GetResult();
        }

        var runs = store.ListRunsAsync(int.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
        _lastRun = runs.Where(r => r.Kind == RunKind.Benchmark).Max(r => r.Id);
        _lastSpec = runs.Where(r => r.Kind == RunKind.Spec).Max(r => r.Id);
        _client = new HttpClient { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    [Benchmark]
    public Task<string> RunsList() => _client.GetStringAsync("runs");

    [Benchmark]
    public Task<string> Run() => _client.GetStringAsync($"runs/{_lastRun}");

    private int _firstViews;

    /// <summary>A run page no one opened lately: a different run each time, so its statistics are not in the page's cache.</summary>
    [Benchmark]
    public Task<string> RunFirstView() => _client.GetStringAsync($"runs/{_lastRun - 1 - (_firstViews++ % (Runs - 1))}");

    [Benchmark]
    public Task<string> Compare() => _client.GetStringAsync($"compare?baseline={_lastRun - 1}&candidate={_lastRun}");

    private int _firstComparisons;

    /// <summary>Two runs no one compared lately: a different pair each time, so the comparison is not in the page's cache.</summary>
    [Benchmark]
    public Task<string> CompareFirstView()
    {
        var candidate = _lastRun - 1 - (_firstComparisons++ % (Runs - 2));
        return _client.GetStringAsync($"compare?baseline={candidate - 1}&candidate={candidate}");
    }

    [Benchmark]
    public Task<string> Trends() => _client.GetStringAsync("trends?workload=w07&engine=wasmtime&label=main");

    [Benchmark]
    public Task<string> Conformance() => _client.GetStringAsync($"conformance?run={_lastSpec}");

    [Benchmark]
    public Task<string> ConformanceDiff() => _client.GetStringAsync($"conformance?run={_lastSpec}&diff={_lastSpec - 1}");

    [Benchmark]
    public Task<string> Nodes() => _client.GetStringAsync("nodes");

    private static async Task SeedAsync(IResultStore store)
    {
        var machine = new MachineFingerprint("bench-1", "Bench CPU", 2, "Linux", ".NET 10");
        var random = new Random(11);
        for (var r = 0; r < Runs; r++)
        {
            var run = await store.CreateRunAsync(StoredRun.Planned(new RunRequest("default", Engines, 50, "main"), Engines, Workloads * Engines.Length), CancellationToken.None);
            var index = 0;
            for (var w = 0; w < Workloads; w++)
            {
                foreach (var (engine, e) in Engines.Select((e, i) => (e, i)))
                {
                    var ns = (w + 1) * 1e5 * (1 + (e * e));
                    var samples = Enumerable.Range(0, 50).Select(i => new Sample(Phase.Execution, 0, i, (long)(ns * (1 + (0.03 * random.NextDouble()))))).ToList();
                    await store.SaveTaskResultAsync(new TaskResult(run.Id, index++, EngineIdentity.Unknown(engine) with { Version = "1.0" }, $"w{w:00}", machine, samples, [], OutputVerdict.Matched, null), CancellationToken.None);
                }
            }

            await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = index }, CancellationToken.None);
        }

        for (var s = 0; s < SpecRuns; s++)
        {
            var run = await store.CreateRunAsync(StoredRun.Planned(new RunRequest("wasm-2.0", Engines, 1, "spec", Kind: RunKind.Spec), Engines, SpecScripts * Engines.Length), CancellationToken.None);
            var index = 0;
            foreach (var engine in Engines)
            {
                for (var f = 0; f < SpecScripts; f++)
                {
                    var failed = (f + s) % 37 == 0 ? 2 : 0;
                    var failures = Enumerable.Range(0, failed).Select(i => new SpecFailure(100 + i, "assert_return", "i32:1", "i32:2", "wrong result")).ToList();
                    var name = $"{new[] { "i32", "f32", "memory", "table", "br", "simd", "bulk", "ref_func" }[f % 8]}_{f}.wast";
                    await store.SaveTaskResultAsync(new TaskResult(run.Id, index++, EngineIdentity.Unknown(engine) with { Version = "1.0" }, name, machine, [], [], OutputVerdict.NotChecked, null,
                        new SpecScriptResult(name, 300, failed, 0, 0, failures)), CancellationToken.None);
                }
            }

            await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = index }, CancellationToken.None);
        }
    }
}
