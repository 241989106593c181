using System.Xml.Linq;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Summaries;
using WasmBench.Dashboard.Charts;
using WasmBench.Dashboard.Views;

namespace WasmBench.Dashboard.Tests;

public sealed class RunChartTests
{
    internal static PairReport Task(string workload, string engine, string? error, params long[] executionNs) =>
        new(workload, new EngineIdentity(engine, "", "1"), null, 1, OutputVerdict.Matched, error,
            [.. executionNs.Select((ns, i) => new Sample(Phase.Execution, 0, i, ns)), new Sample(Phase.Compilation, 0, 0, 999_000_000)], []);

    internal static RunReport Report(RunState state, params PairReport[] tasks) => new(
        new StoredRun(1, RunKind.Benchmark, "quick", null, ["wasmtime", "native"], 3, state, tasks.Length, tasks.Length, 0, null, DateTimeOffset.UnixEpoch, null),
        tasks);

    private static RunView View(RunReport report, RunViewOptions? options = null) => RunView.Of(report, RunStatistics.Of(report), options ?? new RunViewOptions());

    [Fact]
    public void Bars_are_the_medians_of_the_run_statistics_over_the_native_baseline_by_default()
    {
        var report = Report(RunState.Completed,
            Task("fib", "wasmtime", null, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000),
            Task("fib", "native", null, 500_000, 500_000),
            Task("sieve", "native", "trap", 1));
        var statistics = RunStatistics.Of(report);

        var view = RunView.Of(report, statistics, new RunViewOptions());

        Assert.Equal("native", view.Baseline);
        Assert.Equal(2, view.Bars.Count);
        var wasmtime = view.Bars.Single(b => b.Engine == "wasmtime");
        var summary = statistics.Pairs.Single(p => p.Pair.EngineId == "wasmtime").Execution!;
        Assert.Equal(6.0, wasmtime.Value, 9);
        Assert.Equal(summary.MedianLower / 500_000, wasmtime.Lower, 9);
        Assert.Equal(summary.MedianUpper / 500_000, wasmtime.Upper, 9);
        Assert.Equal(1.0, view.Bars.Single(b => b.Engine == "native").Value, 9);
        Assert.DoesNotContain(view.Bars, b => b.Workload == "sieve");
        Assert.Equal(6.0, view.Summaries.Single(s => s.Engine == "wasmtime").GeometricMean, 9);
    }

    [Fact]
    public void Without_native_the_baseline_is_each_workloads_fastest_engine_and_none_gives_milliseconds()
    {
        var report = new RunReport(Report(RunState.Completed).Run with { Engines = ["wasmtime", "interp"] },
            [Task("fib", "wasmtime", null, 1_000_000, 1_000_000), Task("fib", "interp", null, 4_000_000, 4_000_000)]);

        var fastest = View(report);
        var absolute = View(report, new RunViewOptions(Baseline: RunView.Absolute));

        Assert.Equal(RunView.Fastest, fastest.Baseline);
        Assert.Equal([1.0, 4.0], fastest.Bars.Select(b => b.Value));
        Assert.Equal([1.0, 4.0], absolute.Bars.Select(b => b.Value));
        Assert.Equal("ms", absolute.Unit);
    }

    [Fact]
    public void A_workload_that_still_misses_an_engine_is_partial_while_the_run_goes_on()
    {
        var running = View(Report(RunState.Running, Task("fib", "wasmtime", null, 1_000_000, 1_000_000)), new RunViewOptions(Baseline: RunView.Fastest));
        var done = View(Report(RunState.Completed, Task("fib", "wasmtime", null, 1_000_000, 1_000_000), Task("fib", "native", null, 1_000_000, 1_000_000)));

        Assert.True(Assert.Single(running.Bars).Partial);
        Assert.All(done.Bars, b => Assert.False(b.Partial));
    }

    [Fact]
    public void Renders_a_scalable_horizontal_SVG_with_a_label_per_workload_and_the_interval_legend()
    {
        var report = Report(RunState.Completed,
            Task("fib@small", "wasmtime", null, 3_000_000, 3_100_000, 2_900_000),
            Task("fib@small", "native", null, 1_500_000, 1_400_000, 1_600_000),
            Task("sieve@small", "wasmtime", null, 10_000_000, 10_100_000),
            Task("sieve@small", "native", null, 1_000_000, 1_100_000));

        var svg = RunChart.RenderSvg(View(report));

        Assert.NotNull(svg);
        Assert.StartsWith("<svg", svg);
        var doc = XDocument.Parse(svg);
        Assert.StartsWith("0 0 1160 ", doc.Root!.Attribute("viewBox")?.Value);
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("fib@small", texts);
        Assert.Contains("sieve@small", texts);
        Assert.Contains("wasmtime", texts);
        Assert.Contains("native", texts);
        Assert.Contains(RunChart.IntervalLegend, texts);
        Assert.Contains("median execution time, times native (log scale)", texts);
    }

    [Fact]
    public void Engines_keep_their_colour_and_the_wasmtime_tiers_differ_from_each_other_and_from_native()
    {
        string[] distinct = ["native", "wasmtime", "wasmtime:opt=none", "wasmtime:winch", "wasmtime:pulley", "interp"];

        Assert.Equal(distinct.Length, distinct.Select(EngineColors.Hex).Distinct().Count());
        Assert.Equal(EngineColors.Hex("my-engine"), EngineColors.Hex("my-engine"));
    }

    [Fact]
    public void Nothing_to_draw_gives_no_chart() => Assert.Null(RunChart.RenderSvg(View(Report(RunState.Running))));
}
