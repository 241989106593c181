using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Telemetry;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Storage;

namespace WasmBench.Integration.Tests.Host;

/// <summary>
/// The real host runs a small run (one workload that passes, one that traps) while OpenTelemetry's
/// in-memory exporter listens; the metrics and spans must say what happened. Alone in its
/// collection: a meter is seen by every listener in the process, so no other host may run meanwhile.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_run_s_tasks_leases_results_and_duration_reach_the_in_memory_exporter_as_metrics_and_spans()
    {
        var suite = TinySuite.Create(_dir.File("suite"));
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        await using var host = await StartedHost.StartAsync(
            new HostSettings(Roles.Coordinator | Roles.Runner, _dir.File("telemetry.db")),
            configure: b => b.Services.AddOpenTelemetry()
                .WithMetrics(m => m.AddInMemoryExporter(metrics))
                .WithTracing(t => t.AddInMemoryExporter(spans)));

        var started = await host.App.Services.GetRequiredService<RunService>().StartAsync(new RunRequest(suite, ["interp"], Iterations: 1), CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        var run = await TinySuite.WaitForRunAsync(host.App.Services.GetRequiredService<IResultStore>(), started.Value.Id);
        Assert.Equal((1, 1), (run.CompletedTasks, run.FailedTasks));
        // A runner ends a task's span and records its duration just after the result is stored, so
        // the run can be finished a moment before: flush until both task spans are there (bounded).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            Assert.True(host.App.Services.GetRequiredService<TracerProvider>().ForceFlush());
            Assert.True(host.App.Services.GetRequiredService<MeterProvider>().ForceFlush());
            if (spans.Count(s => s.OperationName == "wasmbench.task" && Equals(s.GetTagItem(TelemetryNames.RunIdTag), run.Id)) >= 2 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(2, Sum(metrics, "wasmbench.tasks.leased"));
        Assert.Equal(1, Sum(metrics, "wasmbench.tasks.completed"));
        Assert.Equal(1, Sum(metrics, "wasmbench.tasks.failed"));
        Assert.Equal(0, Sum(metrics, "wasmbench.tasks.lease_expired"));
        Assert.Equal(0, LastGauge(metrics, "wasmbench.queue.depth"));
        Assert.Equal(1, HistogramCount(metrics, "wasmbench.run.duration"));
        Assert.Equal(2, HistogramCount(metrics, "wasmbench.task.duration"));

        var tasks = spans.Where(s => s.OperationName == "wasmbench.task" && Equals(s.GetTagItem(TelemetryNames.RunIdTag), run.Id)).ToList();
        Assert.Equal(["passes:ok", "traps:error"], tasks.Select(s => $"{s.GetTagItem(TelemetryNames.WorkloadTag)}:{s.GetTagItem(TelemetryNames.OutcomeTag)}").Order());
        Assert.All(tasks, s => Assert.Equal("interp", s.GetTagItem(TelemetryNames.EngineTag)));
        Assert.Equal(ActivityStatusCode.Error, tasks.Single(s => Equals(s.GetTagItem(TelemetryNames.WorkloadTag), "traps")).Status);
        Assert.Single(spans, s => s.OperationName == "wasmbench.run.start" && Equals(s.GetTagItem(TelemetryNames.RunIdTag), run.Id));
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_the_service_runs_no_OpenTelemetry_pipeline()
    {
        await using var host = await StartedHost.StartAsync(new HostSettings(Roles.Coordinator, _dir.File("off.db")));

        Assert.Null(host.App.Services.GetService<MeterProvider>());
        Assert.Null(host.App.Services.GetService<TracerProvider>());
    }

    public void Dispose() => _dir.Dispose();

    // Cumulative temporality: the last export of each series holds the total; the flush above was the last.
    private static long Sum(List<Metric> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name) is { } last ? PointsOf(last).Sum(p => p.GetSumLong()) : 0;

    private static long LastGauge(List<Metric> metrics, string name) =>
        PointsOf(metrics.Last(m => m.Name == name)).Sum(p => p.GetGaugeLastValueLong());

    private static long HistogramCount(List<Metric> metrics, string name) =>
        metrics.LastOrDefault(m => m.Name == name) is { } last ? PointsOf(last).Sum(p => p.GetHistogramCount()) : 0;

    private static List<MetricPoint> PointsOf(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            points.Add(point);
        }

        return points;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
