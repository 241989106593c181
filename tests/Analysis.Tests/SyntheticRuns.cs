using WasmBench.Abstractions;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;

namespace WasmBench.Analysis.Tests;

/// <summary>Deterministic runs for comparison tests: seeded samples, fixed dates and machines.</summary>
internal static class SyntheticRuns
{
    public static readonly MachineFingerprint Machine = new("ci-1", "Test CPU @ 3.0GHz", 2, "Linux 6.1", ".NET 10.0.0");

    /// <summary>
    /// A task with P processes x N iterations around <paramref name="medianNs"/> (relative noise), plus one slow warm-up per process;
    /// with <paramref name="referenceNs"/>, each process's two machine-reference timings, and the <paramref name="disturbed"/>
    /// processes <paramref name="disturbance"/> times slower in both (a disturbance of the machine: a
    /// large one, or, within the tolerance, a drift).
    /// </summary>
    public static PairReport Task(string workload, string engine, double medianNs, int seed, int processes = 5, int iterations = 10,
        double noise = 0.01, double processNoise = 0, MachineFingerprint? machine = null, string? error = null,
        double? referenceNs = null, IReadOnlyCollection<int>? disturbed = null, double disturbance = 1.6)
    {
        var random = new Random(seed);
        var samples = new List<Sample>();
        var events = new List<ProcessEvent>();
        for (var p = 0; p < processes; p++)
        {
            // A disturbed process: the machine slows the workload and the machine reference alike.
            var slow = disturbed?.Contains(p) == true ? disturbance : 1;
            var processFactor = slow * (1 + (processNoise * ((random.NextDouble() * 2) - 1)));
            if (referenceNs is { } reference)
            {
                events.Add(new ProcessEvent(ProcessEventKind.MachineReferenceBefore, p, (long)(reference * slow * (1 + (0.02 * random.NextDouble())))));
                events.Add(new ProcessEvent(ProcessEventKind.MachineReferenceAfter, p, (long)(reference * slow * (1 + (0.02 * random.NextDouble())))));
            }

            samples.Add(new Sample(Phase.Execution, p, 0, (long)(medianNs * 5), Warmup: true));
            for (var i = 1; i <= iterations; i++)
            {
                var factor = processFactor * (1 + (noise * ((random.NextDouble() * 2) - 1)));
                samples.Add(new Sample(Phase.Compilation, p, i, (long)(medianNs / 10 * factor)));
                samples.Add(new Sample(Phase.Execution, p, i, (long)(medianNs * factor)));
            }
        }

        return new PairReport(workload, Engine(engine), machine ?? Machine, processes, OutputVerdict.Matched, error, error is null ? samples : [], error is null ? events : []);
    }

    /// <summary>An engine id (<c>wasmtime</c>, <c>wasmtime:opt=none</c>) as a result's identity, version 1.0.</summary>
    public static EngineIdentity Engine(string id) => EngineIdentity.Unknown(id) with { Version = "1.0" };

    public static RunReport Run(long id, string? label, params PairReport[] tasks) => new(
        new StoredRun(id, RunKind.Benchmark, "quick", label, [.. tasks.Select(t => t.EngineId).Distinct()], 10, RunState.Completed, tasks.Length, tasks.Length, 0, null,
            new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 0, 1, 0, TimeSpan.Zero), 5, 1, 42),
        tasks);

    public static ComparisonSide Side(RunReport run, string name) => ComparisonSide.Of(run, name, stored: true);

    public static Result<ComparisonReport> Compare(RunReport baseline, RunReport candidate, string threshold = "5%", params Metric[] metrics) =>
        RunComparer.Compare(Side(baseline, "base"), Side(candidate, "cand"),
            new ComparisonOptions(threshold, metrics.Length == 0 ? [Phase.Execution] : metrics));

    /// <summary>The execution phase (or <paramref name="metric"/>) at 5%, using the machine reference as <paramref name="use"/> says.</summary>
    public static Result<ComparisonReport> Compare(ReferenceUse use, RunReport baseline, RunReport candidate, Metric? metric = null) =>
        RunComparer.Compare(Side(baseline, "base"), Side(candidate, "cand"),
            new ComparisonOptions("5%", [metric ?? Phase.Execution], Reference: use));
}
