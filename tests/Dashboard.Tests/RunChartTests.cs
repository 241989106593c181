using System.Xml.Linq;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Summaries;
using WasmBench.Dashboard.Charts;

namespace WasmBench.Dashboard.Tests;

public sealed class RunChartTests
{
    private static PairReport Task(string workload, string engine, string? error, params long[] executionNs) =>
        new(workload, new EngineIdentity(engine, "", "1"), null, 1, OutputVerdict.Matched, error,
            [.. executionNs.Select((ns, i) => new Sample(Phase.Execution, 0, i, ns)), new Sample(Phase.Compilation, 0, 0, 999_000_000)], []);

    private static RunReport Report(params PairReport[] tasks) => new(
        new StoredRun(1, RunKind.Benchmark, "quick", null, ["wasmtime", "native"], 3, RunState.Completed, tasks.Length, tasks.Length, 0, null, DateTimeOffset.UnixEpoch, null),
        tasks);

    [Fact]
    public void Bars_are_the_execution_medians_of_the_run_statistics_with_their_interval()
    {
        var report = Report(
            Task("fib", "wasmtime", null, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000),
            Task("fib", "native", null, 500_000, 500_000),
            Task("sieve", "native", "trap", 1));
        var statistics = RunStatistics.Of(report);

        var bars = RunChart.Bars(statistics);

        Assert.Equal(2, bars.Count);
        var wasmtime = bars.Single(b => b.Engine == "wasmtime");
        var summary = statistics.Pairs.Single(p => p.Pair.EngineId == "wasmtime").Execution!;
        Assert.Equal(3.0, wasmtime.Milliseconds, 9);
        Assert.Equal(summary.MedianLower / 1e6, wasmtime.Lower, 9);
        Assert.Equal(summary.MedianUpper / 1e6, wasmtime.Upper, 9);
        Assert.True(wasmtime.Lower < 3.0 && wasmtime.Upper > 3.0, $"{wasmtime.Lower}..{wasmtime.Upper}");
        Assert.Equal(0.5, bars.Single(b => b.Engine == "native").Milliseconds, 9);
        Assert.DoesNotContain(bars, b => b.Workload == "sieve");
    }

    [Fact]
    public void Renders_a_scalable_SVG_with_one_bar_per_task_and_a_label_per_workload()
    {
        var svg = RunChart.RenderSvg([
            new ChartBar("fib@small", "wasmtime", 3, 2.5, 3.5),
            new ChartBar("fib@small", "native", 1.5, 1.4, 1.6),
            new ChartBar("sieve@small", "wasmtime", 10, 9, 11),
        ]);

        Assert.NotNull(svg);
        Assert.StartsWith("<svg", svg);
        var doc = XDocument.Parse(svg);
        Assert.Equal("0 0 900 420", doc.Root!.Attribute("viewBox")?.Value);
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("fib@small", texts);
        Assert.Contains("sieve@small", texts);
        Assert.Contains("wasmtime", texts);
        Assert.Contains("native", texts);
        Assert.Contains("median execution time (ms)", texts);
    }

    [Fact]
    public void Nothing_to_draw_gives_no_chart() => Assert.Null(RunChart.RenderSvg([]));
}
