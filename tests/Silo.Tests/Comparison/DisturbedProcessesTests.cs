using WasmBench.Abstractions.Results;
using WasmBench.Silo.Comparison;
using static WasmBench.Silo.Tests.Comparison.SyntheticRuns;

namespace WasmBench.Silo.Tests.Comparison;

/// <summary>
/// Processes measured while the machine was disturbed (their machine reference slow) are left
/// out; each test has a twin without the reference, so it fails if the detection is missing.
/// </summary>
public sealed class DisturbedProcessesTests
{
    private const double Reference = 7e6;

    [Fact]
    public void ARunSlowedByTheMachineIsNotTakenForARegression()
    {
        // Seven of eight candidate processes ran 1.6x slower, the machine reference with them.
        var baseline = Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference));
        var candidate = Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 8, referenceNs: Reference, disturbed: [0, 1, 2, 3, 4, 5, 6]));
        var blind = Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 8, disturbed: [0, 1, 2, 3, 4, 5, 6]));

        var outcome = Compare(baseline, candidate);
        var withoutReference = Compare(baseline, blind);

        var row = Assert.Single(outcome.Report!.Rows);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.Equal(1, row.Candidate.Processes);
        Assert.Equal(8, row.Baseline.Processes);
        Assert.Contains(outcome.Report.Notes, n => n.StartsWith("cand: 7 of 8 processes left out: the machine was disturbed", StringComparison.Ordinal));
        Assert.Equal(Verdict.Slower, Assert.Single(withoutReference.Report!.Rows).Verdict);
    }

    [Fact]
    public void ARealRegressionOnAQuietMachineIsStillFound()
    {
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1.2e6, 2, processes: 8, referenceNs: Reference)));

        var row = Assert.Single(outcome.Report!.Rows);
        Assert.Equal(Verdict.Slower, row.Verdict);
        Assert.Equal(8, row.Candidate.Processes);
        Assert.Empty(outcome.Report.Notes);
    }

    [Fact]
    public void AWorkloadWithEveryProcessDisturbedIsNotComparedAndSaysWhy()
    {
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 4, referenceNs: Reference), Task("sieve", "wasmtime", 2e6, 3, processes: 4, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 4, referenceNs: Reference, disturbed: [0, 1, 2, 3]), Task("sieve", "wasmtime", 2e6, 4, processes: 4, referenceNs: Reference)));

        Assert.Equal("sieve", Assert.Single(outcome.Report!.Rows).Workload);
        Assert.Contains(outcome.Report.Notes, n => n == "fib on wasmtime (execution) is not compared: too few of its processes ran while the machine was undisturbed");
    }

    [Fact]
    public void TooFewProcessesToKnowTheMachinesLevelLeaveNothingOut()
    {
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 2, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1e6, 2, processes: 2, referenceNs: Reference, disturbed: [1])));

        Assert.Equal(2, Assert.Single(outcome.Report!.Rows).Candidate.Processes);
        Assert.Empty(outcome.Report.Notes);
    }

    [Fact]
    public void OnDifferentMachinesEachRunIsJudgedByItsOwnLevel()
    {
        // The candidate's machine is 1.5x slower throughout: not a disturbance, a different machine.
        var other = new MachineFingerprint("ci-2", "Slower CPU", 2, "Linux 6.1", ".NET 10.0.0");
        var outcome = Compare(
            Run(1, "main", Task("fib", "wasmtime", 1e6, 1, processes: 8, referenceNs: Reference)),
            Run(2, null, Task("fib", "wasmtime", 1.5e6, 2, processes: 8, referenceNs: Reference * 1.5, machine: other)));

        var row = Assert.Single(outcome.Report!.Rows);
        Assert.Equal(8, row.Candidate.Processes);
        Assert.Equal(Verdict.Slower, row.Verdict);
        Assert.DoesNotContain(outcome.Report.Notes, n => n.Contains("disturbed", StringComparison.Ordinal));
    }
}
