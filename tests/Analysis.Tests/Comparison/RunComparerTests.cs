using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Reports;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Comparison;

public sealed class RunComparerTests
{
    [Fact]
    public void Three_samples_a_side_cannot_decide_even_a_large_slowdown_and_the_report_says_so()
    {
        // 1 process x 3 iterations a side: the smallest Mann-Whitney p is 2 / C(6, 3) = 0.1 > 0.01.
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 1, iterations: 3)), Run(2, null, Task("fib", "wasmtime", 1.5e6, 2, processes: 1, iterations: 3)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.Equal(Verdict.Undecided, row.Verdict);
        Assert.False(outcome.Value!.HasRegression);
        Assert.Equal(1, Assert.Single(outcome.Value!.GeoMeans).Undecided);
        Assert.Contains(outcome.Value!.Notes, n => n.Contains("too few samples to decide (3 vs 3 samples", StringComparison.Ordinal));
        Assert.Contains("undecided (too few samples)", ConsoleReport.Render(outcome.Value!));
        Assert.Contains("## Undecided: too few samples to decide (1)", MarkdownReport.Render(outcome.Value!, null));
    }

    [Fact]
    public void One_process_of_ten_iterations_decides_a_large_slowdown()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 1)), Run(2, null, Task("fib", "wasmtime", 1.3e6, 2, processes: 1)));

        Assert.Equal(Verdict.Slower, Assert.Single(outcome.Value!.Rows).Verdict);
    }

    [Theory]
    [InlineData(3, 3, 0.1)]
    [InlineData(1, 10, 2.0 / 11)]
    [InlineData(6, 6, 2.0 / 924)]
    [InlineData(1, 1, 1.0)]
    public void The_smallest_reachable_p_is_two_over_the_number_of_orderings(int n, int m, double expected) =>
        Assert.Equal(expected, RunComparer.SmallestP(n, m), 12);

    [Fact]
    public void A_spec_run_is_refused_saying_what_to_use_instead()
    {
        var bench = Run(1, "main", Task("fib", "wasmtime", 1e6, 1));
        var spec = bench with { Run = bench.Run with { Kind = RunKind.Spec } };

        var mixed = Compare(bench, spec);
        var both = Compare(spec, spec);

        Assert.False(mixed.Succeeded);
        Assert.StartsWith("cand is a spec (conformance) run", mixed.Error);
        Assert.Contains("gate --spec-baseline", mixed.Error);
        Assert.StartsWith("both runs are a spec (conformance) run", both.Error);
    }

    [Fact]
    public void The_same_distribution_is_the_same()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1e6, 2)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.False(outcome.Value!.HasRegression);
        Assert.InRange(row.Ratio, 0.98, 1.02);
        Assert.True(row.RatioLower < 1 && row.RatioUpper > 1, $"{row.RatioLower}..{row.RatioUpper} should contain 1");
    }

    [Fact]
    public void A_twenty_percent_slowdown_is_a_significant_regression()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1.2e6, 2)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.Equal(Verdict.Slower, row.Verdict);
        Assert.True(outcome.Value!.HasRegression);
        Assert.InRange(row.Ratio, 1.17, 1.23);
        Assert.True(row.RatioLower > 1.1, $"interval {row.RatioLower}..{row.RatioUpper}");
        Assert.True(row.QValue < 0.01);
        Assert.Equal("greater", row.Equivalence);
    }

    [Fact]
    public void A_twenty_percent_speedup_is_faster_not_a_regression()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 0.8e6, 2)));

        Assert.Equal(Verdict.Faster, Assert.Single(outcome.Value!.Rows).Verdict);
        Assert.False(outcome.Value!.HasRegression);
    }

    [Fact]
    public void A_change_below_the_threshold_is_the_same_even_when_it_is_real()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1, noise: 0.001)), Run(2, null, Task("fib", "wasmtime", 1.03e6, 2, noise: 0.001)));

        Assert.Equal(Verdict.Same, Assert.Single(outcome.Value!.Rows).Verdict);
    }

    [Fact]
    public void A_difference_between_processes_is_not_taken_for_a_difference_between_runs()
    {
        // Tight iterations, but each process lands anywhere within +-30%: with 3 processes a side
        // the medians can differ by 10%+, and the process-level interval must not exclude 1.
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 11, processes: 3, noise: 0.002, processNoise: 0.3)),
            Run(2, null, Task("fib", "wasmtime", 1e6, 12, processes: 3, noise: 0.002, processNoise: 0.3)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.True(row.RatioLower < 1 && row.RatioUpper > 1, $"{row.RatioLower}..{row.RatioUpper}");
    }

    [Fact]
    public void Warmup_samples_are_left_out()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1e6, 2)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.Equal(50, row.Baseline.Count);
        Assert.Equal(5, row.Baseline.Processes);
        Assert.InRange(row.Baseline.Median, 0.99e6, 1.01e6);
        Assert.InRange(row.Baseline.Mean, 0.99e6, 1.01e6);
        Assert.True(row.Baseline.MedianLower <= row.Baseline.Median && row.Baseline.Median <= row.Baseline.MedianUpper);
    }

    [Fact]
    public void Every_phase_can_be_compared()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1e6, 2)), "5%", Phase.Compilation, Phase.Execution);

        Assert.Equal([Metric.Of(Phase.Compilation), Metric.Of(Phase.Execution)], outcome.Value!.Rows.Select(r => r.Metric));
        Assert.Equal(2, outcome.Value!.GeoMeans.Count);
    }

    [Fact]
    public void Runs_with_no_workload_in_common_are_an_input_error()
    {
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("sieve", "wasmtime", 1e6, 2)));

        Assert.False(outcome.Succeeded);
        Assert.Contains("no (workload, engine) in common", outcome.Error);
        Assert.Contains("fib on wasmtime", outcome.Error);
        Assert.Contains("sieve on wasmtime", outcome.Error);
    }

    [Fact]
    public void Failed_tasks_are_left_out_with_a_note()
    {
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1), Task("sieve", "wasmtime", 1e6, 3)),
            Run(2, null, Task("fib", "wasmtime", 1e6, 2), Task("sieve", "wasmtime", 1e6, 4, error: "trap")));

        Assert.Equal("fib", Assert.Single(outcome.Value!.Rows).Workload);
        Assert.Contains(outcome.Value!.Notes, n => n.Contains("sieve on wasmtime failed in the cand") && n.Contains("trap"));
    }

    [Fact]
    public void Different_machines_are_reported()
    {
        var other = new MachineFingerprint("ci-2", "Other CPU", 8, "Linux 6.1", ".NET 10.0.0");
        var outcome = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1e6, 2, machine: other)));

        Assert.True(outcome.Value!.MachinesDiffer);
        Assert.Contains("different machines", MarkdownReport.Render(outcome.Value!, null));
        Assert.False(Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1e6, 2))).Value!.MachinesDiffer);
    }

    [Fact]
    public void An_invalid_threshold_is_an_input_error() =>
        Assert.Contains("invalid threshold", Compare(Run(1, null, Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1e6, 2)), "five").Error);

    [Fact]
    public void The_same_input_gives_the_same_report()
    {
        var a = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1.1e6, 2)));
        var b = Compare(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), Run(2, null, Task("fib", "wasmtime", 1.1e6, 2)));

        Assert.Equal(JsonReport.Render(a.Value!), JsonReport.Render(b.Value!));
    }
}
