using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Comparison;

/// <summary>
/// The machine reference timed in every process: processes measured while the machine was
/// disturbed are left out, a pair measured mostly so is not compared, and a milder drift of the
/// machine is divided out. Each test has a twin that compares without (part of) it, so it fails if
/// the feature is missing.
/// </summary>
public sealed class MachineReferenceAdjustmentTests
{
    private const double Reference = 7e6;
    private static readonly int[] All = [0, 1, 2, 3, 4, 5, 6, 7];

    [Fact]
    public void Processes_measured_while_the_machine_was_disturbed_are_left_out()
    {
        var baseline = Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference));
        var candidate = Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 8, referenceNs: Reference, disturbed: [0, 1, 2, 3]));

        var row = Assert.Single(Compare(baseline, candidate).Value!.Rows);
        var raw = Assert.Single(Compare(ReferenceUse.Off, baseline, candidate).Value!.Rows);

        Assert.Equal(4, row.Candidate.Processes);
        Assert.InRange(row.Ratio, 0.97, 1.03);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.Equal(8, raw.Candidate.Processes);
        Assert.True(raw.Ratio > 1.2, $"raw ratio {raw.Ratio}");
        Assert.Contains(Compare(baseline, candidate).Value!.Notes, n => n.StartsWith("cand: 4 of 8 processes left out: the machine was disturbed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pair_measured_mostly_while_the_machine_was_disturbed_is_not_compared()
    {
        // Five of eight fib processes disturbed: the three whose reference looked quiet most likely ran in the same disturbance.
        var baseline = Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference), Task("sieve", "wasmtime", 2e6, 3, processes: 8, referenceNs: Reference));
        var candidate = Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 8, referenceNs: Reference, disturbed: [0, 1, 2, 3, 4]), Task("sieve", "wasmtime", 2e6, 4, processes: 8, referenceNs: Reference));

        var outcome = Compare(baseline, candidate);
        var detectOnly = Compare(ReferenceUse.Detect, baseline, candidate);
        var raw = Compare(ReferenceUse.Off, baseline, candidate);

        Assert.Equal("sieve", Assert.Single(outcome.Value!.Rows).Workload);
        Assert.Contains(outcome.Value!.Notes, n => n == "fib on wasmtime (execution) is not compared: fewer than half of its processes ran while the machine was undisturbed");
        Assert.Equal("sieve", Assert.Single(detectOnly.Value!.Rows).Workload);
        Assert.Contains(raw.Value!.Rows, r => r.Workload == "fib" && r.Ratio > 1.2);
    }

    [Fact]
    public void When_nothing_can_be_compared_the_error_says_the_machine_was_disturbed()
    {
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 8, referenceNs: Reference, disturbed: All)));

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("nothing could be compared: each of the 1 (workload, engine, phase) the runs have in common ran mostly while the machine was disturbed", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("cand: 8 of 8 processes left out", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mild_drift_of_the_machine_is_divided_out()
    {
        // The whole candidate run 7% slower, the reference with it: within the tolerance, so nothing is
        // left out — and without the division it would be a 7% regression.
        var baseline = Run(1, "main", Task("spin", "wasmtime", 9e6, 1, processes: 8, referenceNs: Reference));
        var candidate = Run(2, null, Task("spin", "wasmtime", 9e6, 2, processes: 8, referenceNs: Reference, disturbed: All, disturbance: 1.07));

        var adjusted = Compare(baseline, candidate).Value!;
        var detectOnly = Assert.Single(Compare(ReferenceUse.Detect, baseline, candidate).Value!.Rows);

        var row = Assert.Single(adjusted.Rows);
        Assert.Equal(8, row.Candidate.Processes);
        Assert.InRange(row.Ratio, 0.98, 1.02);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.Contains(adjusted.Notes, n => n.StartsWith("cand: timings scaled by their process's machine reference to the level of 7.0", StringComparison.Ordinal));
        Assert.Equal(8, detectOnly.Candidate.Processes);
        Assert.Equal(Verdict.Slower, detectOnly.Verdict);
    }

    [Fact]
    public void A_regression_is_found_at_its_own_size_through_a_drift()
    {
        // The engine got 20% slower while the machine drifted 5%: the report says 20%, not 26%.
        var baseline = Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference));
        var candidate = Run(2, null, Task("fib", "wasmtime", 1.2e6, 2, processes: 8, referenceNs: Reference, disturbed: All, disturbance: 1.05));

        var row = Assert.Single(Compare(baseline, candidate).Value!.Rows);
        var raw = Assert.Single(Compare(ReferenceUse.Off, baseline, candidate).Value!.Rows);

        Assert.Equal(Verdict.Slower, row.Verdict);
        Assert.InRange(row.Ratio, 1.18, 1.22);
        Assert.InRange(raw.Ratio, 1.24, 1.28);
    }

    [Fact]
    public void A_real_regression_on_a_quiet_machine_is_still_found()
    {
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1.2e6, 2, processes: 8, referenceNs: Reference)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.Equal(Verdict.Slower, row.Verdict);
        Assert.Equal(8, row.Candidate.Processes);
        Assert.DoesNotContain(outcome.Value!.Notes, n => n.Contains("left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_processes_to_know_the_machines_level_leave_the_timings_raw()
    {
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 2, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 2, referenceNs: Reference, disturbed: [1])));

        Assert.Equal(2, Assert.Single(outcome.Value!.Rows).Candidate.Processes);
        Assert.Equal(["timings are not scaled by the machine reference: fewer than 8 process references to know the machine's level by"], outcome.Value!.Notes);
    }

    [Fact]
    public void A_run_from_before_the_reference_is_compared_raw_and_the_report_says_so()
    {
        // Scaling only the side that has a reference would move it against the other.
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8)),
            Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 8, referenceNs: Reference, disturbed: All, disturbance: 1.05)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.InRange(row.Ratio, 1.03, 1.07);
        Assert.Contains(outcome.Value!.Notes, n => n == "timings are not scaled by the machine reference: base has none (measured before it existed)");
    }

    [Fact]
    public void On_different_machines_each_run_is_judged_by_its_own_level()
    {
        // The candidate's machine is 1.5x slower throughout: not a disturbance, a different machine,
        // and scaling each run to its own level keeps the difference.
        var other = new MachineFingerprint("ci-2", "Slower CPU", 2, "Linux 6.1", ".NET 10.0.0");
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1.5e6, 2, processes: 8, referenceNs: Reference * 1.5, machine: other)));

        var row = Assert.Single(outcome.Value!.Rows);
        Assert.Equal(8, row.Candidate.Processes);
        Assert.InRange(row.Ratio, 1.45, 1.55);
        Assert.Equal(Verdict.Slower, row.Verdict);
        Assert.DoesNotContain(outcome.Value!.Notes, n => n.Contains("disturbed", StringComparison.Ordinal));
    }
}
