using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Reports;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Comparison;

/// <summary>What a comparison compares: each machine of a farm with the same machine, and the machine reference as a metric of its own.</summary>
public sealed class MachinesAndMetricsTests
{
    private static readonly MachineFingerprint Runner2 = new("runner-2", "Other CPU", 8, "Linux 6.1", ".NET 10.0.0");

    [Fact]
    public void A_pair_measured_on_two_machines_is_compared_machine_by_machine_never_pooled()
    {
        // runner-2 is twice as slow as ci-1 in both runs; pooled, the medians would land between the two.
        var baseline = Run(1, "main", Task("fib", "wasmtime", 1e6, 1), Task("fib", "wasmtime", 2e6, 2, machine: Runner2));
        var candidate = Run(2, null, Task("fib", "wasmtime", 1e6, 3), Task("fib", "wasmtime", 2.4e6, 4, machine: Runner2));

        var report = Compare(baseline, candidate).Value!;

        Assert.Equal(2, report.Rows.Count);
        var quick = Assert.Single(report.Rows, r => r.Machine == Machine.Host);
        var slow = Assert.Single(report.Rows, r => r.Machine == "runner-2");
        Assert.Equal(Verdict.Same, quick.Verdict);
        Assert.Equal(Verdict.Slower, slow.Verdict);
        Assert.InRange(slow.Baseline.Median, 1.98e6, 2.02e6);
        Assert.Contains("fib wasmtime on runner-2 execution", ConsoleReport.Render(report));
    }

    [Fact]
    public void A_machine_only_one_side_measured_a_pair_on_is_named_in_a_note()
    {
        var baseline = Run(1, "main", Task("fib", "wasmtime", 1e6, 1), Task("fib", "wasmtime", 2e6, 2, machine: Runner2));
        var candidate = Run(2, null, Task("fib", "wasmtime", 1e6, 3), Task("fib", "wasmtime", 1e6, 5));

        var report = Compare(baseline, candidate).Value!;

        Assert.Equal("ci-1", Assert.Single(report.Rows).Machine);
        Assert.Contains(report.Notes, n => n == "fib on wasmtime on runner-2 is only in the baseline: the candidate measured it on other machines");
    }

    [Fact]
    public void The_machine_reference_is_compared_as_a_metric_not_a_phase()
    {
        var baseline = Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: 7e6));
        var candidate = Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 8, referenceNs: 7e6 * 1.05));

        var compared = Compare(ReferenceUse.Off, baseline, candidate, Metric.MachineReference).Value!;

        var row = Assert.Single(compared.Rows);
        Assert.Equal(Metric.MachineReference, row.Metric);
        Assert.Equal(16, row.Baseline.Count);
        Assert.InRange(row.Ratio, 1.03, 1.07);
        Assert.Contains("\"phase\": \"reference\"", JsonReport.Render(compared));
        Assert.Equal([Metric.MachineReference], ComparisonOptions.ParseMetrics("reference").Value);
        Assert.False(Enum.IsDefined(typeof(Phase), "Reference"));
    }
}
