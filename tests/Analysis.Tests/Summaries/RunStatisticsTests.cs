using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Summaries;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Summaries;

/// <summary>
/// One run summarised as the run table, the API and the dashboard show it: the same medians,
/// intervals and machine-reference adjustment as compare gives a side.
/// </summary>
public sealed class RunStatisticsTests
{
    private const double Reference = 7e6;

    [Fact]
    public void Each_pair_has_its_medians_with_the_intervals_compare_gives_a_side()
    {
        var run = Run(1, "main", Task("fib", "wasmtime", 1e6, 1), Task("fib", "native", 0.5e6, 2));
        var compared = Compare(run, run).Value!;

        var statistics = RunStatistics.Of(run);

        var wasmtime = statistics.Pairs.Single(p => p.Pair.EngineId == "wasmtime");
        Assert.Equal(compared.Rows.Single(r => r.Engine == "wasmtime").Baseline, wasmtime.Execution);
        Assert.NotNull(wasmtime.Compilation);
        Assert.Null(wasmtime.Instantiation);
        Assert.Equal(50, wasmtime.Execution!.Count);
    }

    [Fact]
    public void The_ratio_to_the_fastest_engine_has_a_process_level_interval()
    {
        var statistics = RunStatistics.Of(Run(1, "main", Task("fib", "wasmtime", 2e6, 1), Task("fib", "native", 1e6, 2)));

        var wasmtime = statistics.Pairs.Single(p => p.Pair.EngineId == "wasmtime").Ratio!;
        var native = statistics.Pairs.Single(p => p.Pair.EngineId == "native").Ratio!;
        Assert.InRange(wasmtime.Ratio, 1.95, 2.05);
        Assert.True(wasmtime.Lower < wasmtime.Ratio && wasmtime.Ratio < wasmtime.Upper, $"{wasmtime.Lower}..{wasmtime.Upper}");
        Assert.Equal("native", wasmtime.Fastest);
        Assert.Equal(new RatioToFastest(1, 1, 1, "native"), native);
    }

    [Fact]
    public void Processes_measured_while_the_machine_was_disturbed_are_left_out_as_compare_leaves_them_out()
    {
        var run = Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference, disturbed: [0, 1, 2]));

        var adjusted = Assert.Single(RunStatistics.Of(run).Pairs);
        var raw = Assert.Single(RunStatistics.Of(run, ReferenceUse.Off).Pairs);

        Assert.Equal(5, adjusted.Execution!.Processes);
        Assert.InRange(adjusted.Execution.Median, 0.98e6, 1.02e6);
        Assert.Equal(8, raw.Execution!.Processes);
        Assert.Contains(RunStatistics.Of(run).Notes, n => n.StartsWith("run 1: 3 of 8 processes left out", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pair_measured_mostly_while_the_machine_was_disturbed_is_shown_raw_and_the_run_says_so()
    {
        var run = Run(1, "main",
            Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference, disturbed: [0, 1, 2, 3, 4]),
            Task("sieve", "wasmtime", 1e6, 2, processes: 8, referenceNs: Reference));

        var statistics = RunStatistics.Of(run);

        Assert.Equal(8, statistics.Pairs.Single(p => p.Pair.Workload == "fib").Execution!.Processes);
        Assert.Contains("fib on wasmtime is shown raw: fewer than half of its processes ran while the machine was undisturbed", statistics.Notes);

        var both = RunStatistics.Of(Run(2, null,
            Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference, disturbed: [0, 1, 2, 3, 4]),
            Task("sieve", "wasmtime", 1e6, 2, processes: 8, referenceNs: Reference, disturbed: [3, 4, 5, 6, 7]),
            Task("sort", "wasmtime", 1e6, 3, processes: 8, referenceNs: Reference)));
        Assert.Contains("2 pairs are shown raw: fewer than half of their processes ran while the machine was undisturbed (fib on wasmtime, sieve on wasmtime)", both.Notes);
    }

    [Fact]
    public void A_failed_pair_has_no_statistics()
    {
        var failed = Assert.Single(RunStatistics.Of(Run(1, null, Task("fib", "wasmtime", 1e6, 1, error: "trap"))).Pairs);

        Assert.Equal("trap", failed.Pair.Error);
        Assert.Null(failed.Execution);
        Assert.Null(failed.Ratio);
    }
}
