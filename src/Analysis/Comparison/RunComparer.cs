using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.Comparison;

/// <summary>
/// Compares two runs per (workload, engine, phase). A change is significant when (1) the
/// Mann-Whitney test of a shift beyond the threshold, Benjamini-Hochberg-adjusted over every row,
/// is below alpha, and (2) the process-level bootstrap interval of the ratio excludes 1 in the
/// same direction. (1) uses every iteration for power; (2) keeps a difference between processes
/// from passing for a difference between runs. First, by default, the machine reference of each
/// process (<see cref="MachineReferenceAdjustment"/>) leaves out the processes that ran while the
/// machine was disturbed and scales the others' timings to the machine's level.
/// Pure: same input, same report.
/// </summary>
public static class RunComparer
{
    public static ComparisonOutcome Compare(ComparisonSide baselineSide, ComparisonSide candidateSide, ComparisonOptions options)
    {
        if (!Threshold.TryParse(options.Threshold, out var threshold))
        {
            return ComparisonOutcome.Failure(ComparisonOptions.ThresholdError(options.Threshold)!);
        }

        var (baseline, baselineInfo) = (baselineSide.Report, baselineSide.Info);
        var (candidate, candidateInfo) = (candidateSide.Report, candidateSide.Info);

        var notes = new List<string>();
        var pairs = new List<(string Workload, string Engine, Phase Phase, Sample[] X, Sample[] Y)>();
        var baseTasks = Usable(baseline, baselineInfo.Name, notes);
        var candTasks = Usable(candidate, candidateInfo.Name, notes);
        var machinesDiffer = !baselineInfo.Machines.Order().SequenceEqual(candidateInfo.Machines.Order());
        var (adjustB, adjustC, referenceNotes) = MachineReferenceAdjustment.Find(baseline, baselineInfo.Name, candidate, candidateInfo.Name, !machinesDiffer, options.Reference);
        notes.AddRange(referenceNotes);
        var (tooFewSamples, disturbedAway) = (0, 0);
        foreach (var key in baseTasks.Keys.Where(candTasks.ContainsKey).Order())
        {
            foreach (var phase in options.Phases)
            {
                var x = adjustB.Measured(baseTasks[key], phase);
                var y = adjustC.Measured(candTasks[key], phase);
                var rawX = SideAdjustment.None.Measured(baseTasks[key], phase);
                var rawY = SideAdjustment.None.Measured(candTasks[key], phase);
                if (rawX.Length < 2 || rawY.Length < 2)
                {
                    tooFewSamples++;
                    continue;
                }

                // A pair most of whose processes ran while the machine was disturbed says little about the
                // rest: the few whose reference escaped most likely ran in the same disturbance.
                if (x.Length >= 2 && y.Length >= 2 && MostProcessesKept(x, rawX) && MostProcessesKept(y, rawY))
                {
                    pairs.Add((key.Workload, key.Engine, phase, x, y));
                }
                else
                {
                    disturbedAway++;
                    notes.Add($"{key.Workload} on {key.Engine} ({phase.ToString().ToLowerInvariant()}) is not compared: fewer than half of its processes ran while the machine was undisturbed");
                }
            }
        }

        var inBaseline = baseline.Tasks.Select(t => (t.Workload, t.EngineId)).ToHashSet();
        var inCandidate = candidate.Tasks.Select(t => (t.Workload, t.EngineId)).ToHashSet();
        notes.AddRange(inBaseline.Where(k => !inCandidate.Contains(k)).Order().Select(k => $"{k.Workload} on {k.EngineId} is only in the baseline"));
        notes.AddRange(inCandidate.Where(k => !inBaseline.Contains(k)).Order().Select(k => $"{k.Workload} on {k.EngineId} is only in the candidate"));
        if (pairs.Count == 0 && tooFewSamples == 0 && disturbedAway > 0)
        {
            return ComparisonOutcome.Failure(
                $"nothing could be compared: each of the {disturbedAway} (workload, engine, phase) the runs have in common ran mostly while the machine was disturbed; measure again on a quieter machine{string.Concat(referenceNotes.Select(n => "; " + n))}");
        }

        if (pairs.Count == 0)
        {
            return ComparisonOutcome.Failure(
                $"the runs have no (workload, engine) in common with at least 2 measured {string.Join("/", options.Phases).ToLowerInvariant()} samples on each side; baseline: {Describe(baseTasks.Keys)}; candidate: {Describe(candTasks.Keys)}{string.Concat(referenceNotes.Select(n => "; " + n))}");
        }

        var tests = pairs.Select(p => Test(p.X, p.Y, threshold, options.Alpha)).ToArray();
        var q = BenjaminiHochberg.Adjust([.. tests.Select(t => t.P)]);
        var rows = new List<ComparisonRow>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (workload, engine, phase, x, y) = pairs[i];
            var bs = SampleSummary.Of(x);
            var cs = SampleSummary.Of(y);
            var (lo, hi) = RatioInterval.Compute(x, y, options.Confidence, RatioInterval.SeedOf($"{workload}|{engine}|{phase}"));
            var significant = q[i] <= options.Alpha;
            var verdict = !significant ? Verdict.Same
                : tests[i].Slower && lo > 1 ? Verdict.Slower
                : !tests[i].Slower && hi < 1 ? Verdict.Faster
                : Verdict.Same;
            rows.Add(new ComparisonRow(workload, engine, phase, bs, cs, cs.Median / bs.Median, lo, hi, tests[i].P, q[i], tests[i].Equivalence, verdict));
        }

        var geo = options.Phases.Select(phase => rows.Where(r => r.Phase == phase).ToList()).Where(g => g.Count > 0)
            .Select(g => new GeoMeanSummary(g[0].Phase, g.Count, Descriptive.GeometricMean(g.Select(r => r.Ratio)),
                g.Count(r => r.Verdict == Verdict.Faster), g.Count(r => r.Verdict == Verdict.Slower), g.Count(r => r.Verdict == Verdict.Same)))
            .ToList();
        return new ComparisonOutcome(new ComparisonReport(baselineInfo, candidateInfo, options.Threshold, options.Confidence, options.Phases, machinesDiffer, rows, geo, notes, options.Reference), null);
    }

    private static (double P, bool Slower, string Equivalence) Test(Sample[] x, Sample[] y, Threshold threshold, double alpha)
    {
        var bx = new Pragmastat.Sample(x.Select(s => (double)s.Nanoseconds).ToArray());
        var cy = new Pragmastat.Sample(y.Select(s => (double)s.Nanoseconds).ToArray());
        var pSlower = (double)MannWhitneyTest.Instance.GetPValue(cy, bx, AlternativeHypothesis.Greater, threshold);
        var pFaster = (double)MannWhitneyTest.Instance.GetPValue(bx, cy, AlternativeHypothesis.Greater, threshold);
        var equivalence = new SimpleEquivalenceTest(MannWhitneyTest.Instance).Perform(cy, bx, threshold, new SignificanceLevel(alpha));
        return (Math.Min(1, 2 * Math.Min(pSlower, pFaster)), pSlower <= pFaster, equivalence.ToString().ToLowerInvariant());
    }

    private static Dictionary<(string Workload, string Engine), TaskReport> Usable(RunReport run, string side, List<string> notes)
    {
        var result = new Dictionary<(string, string), TaskReport>();
        foreach (var task in run.Tasks)
        {
            if (task.Error is not null || task.Output == OutputVerdict.Mismatched)
            {
                notes.Add($"{task.Workload} on {task.EngineId} failed in the {side} and is left out: {task.Error ?? "output mismatch"}");
                continue;
            }

            result[(task.Workload, task.EngineId)] = task;
        }

        return result;
    }

    private static bool MostProcessesKept(Sample[] kept, Sample[] all) =>
        2 * kept.Select(s => s.Process).Distinct().Count() >= all.Select(s => s.Process).Distinct().Count();

    private static string Describe(IEnumerable<(string Workload, string Engine)> keys)
    {
        var list = keys.Order().Select(k => $"{k.Workload} on {k.Engine}").ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list.Take(8)) + (list.Count > 8 ? $" and {list.Count - 8} more" : "");
    }
}

/// <summary>A comparison report, or why there is none (an input error: exit code 2).</summary>
public sealed record ComparisonOutcome(ComparisonReport? Report, string? Error)
{
    public static ComparisonOutcome Failure(string error) => new(null, error);
}
