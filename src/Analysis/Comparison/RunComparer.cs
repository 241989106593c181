using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.Comparison;

/// <summary>
/// Compares two runs per (workload, engine, phase). A change is significant when (1) the
/// Mann-Whitney test of a shift beyond the threshold, Benjamini-Hochberg-adjusted over every row,
/// is below alpha, and (2) the process-level bootstrap interval of the ratio excludes 1 in the
/// same direction. (1) uses every iteration for power; (2) keeps a difference between processes
/// from passing for a difference between runs. First, by default, the machine reference of each
/// process (<see cref="MachineReferenceAdjustment"/>) leaves out the processes that ran while the
/// machine was disturbed and scales the others' timings to the machine's level. A pair measured on
/// several machines (a farm) is compared machine by machine, never pooled.
/// Pure: same input, same report.
/// </summary>
public static class RunComparer
{
    public static Result<ComparisonReport> Compare(ComparisonSide baselineSide, ComparisonSide candidateSide, ComparisonOptions options)
    {
        if (!Threshold.TryParse(options.Threshold, out var threshold))
        {
            return Result<ComparisonReport>.Failure(ComparisonOptions.ThresholdError(options.Threshold)!);
        }

        if (new[] { baselineSide, candidateSide }.FirstOrDefault(s => s.Report.Run.Kind == Abstractions.Runs.RunKind.Spec) is { } spec)
        {
            var both = baselineSide.Report.Run.Kind == candidateSide.Report.Run.Kind;
            return Result<ComparisonReport>.Failure(
                $"{(both ? "both runs are" : $"{spec.Info.Name} is")} a spec (conformance) run, which has pass/fail results and no timings: compare compares benchmark runs. "
                + "For spec runs use 'gate --spec-baseline' (newly failing scripts) or the dashboard's conformance diff (/conformance?run=..&diff=..).");
        }

        var (baseline, baselineInfo) = (baselineSide.Report, baselineSide.Info);
        var (candidate, candidateInfo) = (candidateSide.Report, candidateSide.Info);
        var notes = new List<string>();
        var compared = new List<(string Workload, string Engine, string? Machine, Metric Metric, Timing[] X, Timing[] Y)>();
        var baseTasks = Usable(baseline, baselineInfo.Name, notes);
        var candTasks = Usable(candidate, candidateInfo.Name, notes);
        var machinesDiffer = !baselineInfo.Machines.Order().SequenceEqual(candidateInfo.Machines.Order());
        var (adjustB, adjustC, referenceNotes) = MachineReferenceAdjustment.Find(baseline, baselineInfo.Name, candidate, candidateInfo.Name, options.Reference);
        notes.AddRange(referenceNotes);
        var (tooFewSamples, disturbedAway) = (0, 0);
        foreach (var key in baseTasks.Keys.Where(candTasks.ContainsKey).Order())
        {
            foreach (var (b, c, machine) in Match(baseTasks[key], candTasks[key], key, notes))
            {
                foreach (var metric in options.Metrics)
                {
                    var x = adjustB.Measured(b, metric);
                    var y = adjustC.Measured(c, metric);
                    var rawX = SideAdjustment.None.Measured(b, metric);
                    var rawY = SideAdjustment.None.Measured(c, metric);
                    if (rawX.Length < 2 || rawY.Length < 2)
                    {
                        tooFewSamples++;
                        continue;
                    }

                    // A pair most of whose processes ran while the machine was disturbed says little about the
                    // rest: the few whose reference escaped most likely ran in the same disturbance.
                    if (x.Length >= 2 && y.Length >= 2 && MostProcessesKept(x, rawX) && MostProcessesKept(y, rawY))
                    {
                        compared.Add((key.Workload, key.Engine, machine, metric, x, y));
                    }
                    else
                    {
                        disturbedAway++;
                        notes.Add($"{key.Workload} on {key.Engine}{On(machine)} ({metric.Name}) is not compared: fewer than half of its processes ran while the machine was undisturbed");
                    }
                }
            }
        }

        var inBaseline = baseline.Pairs.Select(t => (t.Workload, t.EngineId)).ToHashSet();
        var inCandidate = candidate.Pairs.Select(t => (t.Workload, t.EngineId)).ToHashSet();
        notes.AddRange(inBaseline.Where(k => !inCandidate.Contains(k)).Order().Select(k => $"{k.Workload} on {k.EngineId} is only in the baseline"));
        notes.AddRange(inCandidate.Where(k => !inBaseline.Contains(k)).Order().Select(k => $"{k.Workload} on {k.EngineId} is only in the candidate"));
        if (compared.Count == 0 && tooFewSamples == 0 && disturbedAway > 0)
        {
            return Result<ComparisonReport>.Failure(
                $"nothing could be compared: each of the {disturbedAway} (workload, engine, phase) the runs have in common ran mostly while the machine was disturbed; measure again on a quieter machine{string.Concat(referenceNotes.Select(n => "; " + n))}");
        }

        if (compared.Count == 0)
        {
            return Result<ComparisonReport>.Failure(
                $"the runs have no (workload, engine) in common with at least 2 measured {string.Join("/", options.Metrics.Select(m => m.Name))} samples on each side; baseline: {Describe(baseTasks.Keys)}; candidate: {Describe(candTasks.Keys)}{string.Concat(referenceNotes.Select(n => "; " + n))}");
        }

        var tests = compared.Select(p => Test(p.X, p.Y, threshold, options.Alpha)).ToArray();
        var q = BenjaminiHochberg.Adjust([.. tests.Select(t => t.P)]);
        var rows = new List<ComparisonRow>();
        for (var i = 0; i < compared.Count; i++)
        {
            var (workload, engine, machine, metric, x, y) = compared[i];
            var bs = SampleSummary.Of(x);
            var cs = SampleSummary.Of(y);
            var (lo, hi) = RatioInterval.Compute(x, y, options.Confidence, RatioInterval.SeedOf($"{workload}|{engine}|{metric.SeedName}{(machine is null ? "" : "|" + machine)}"));
            var significant = q[i] <= options.Alpha;
            var verdict = SmallestP(x.Length, y.Length) > options.Alpha ? Verdict.Undecided
                : !significant ? Verdict.Same
                : tests[i].Slower && lo > 1 ? Verdict.Slower
                : !tests[i].Slower && hi < 1 ? Verdict.Faster
                : Verdict.Same;
            rows.Add(new ComparisonRow(workload, engine, metric, bs, cs, cs.Median / bs.Median, lo, hi, tests[i].P, q[i], tests[i].Equivalence, verdict, machine));
        }

        var geo = options.Metrics.Select(metric => rows.Where(r => r.Metric == metric).ToList()).Where(g => g.Count > 0)
            .Select(g => new GeoMeanSummary(g[0].Metric, g.Count, Descriptive.GeometricMean(g.Select(r => r.Ratio)),
                g.Count(r => r.Verdict == Verdict.Faster), g.Count(r => r.Verdict == Verdict.Slower), g.Count(r => r.Verdict == Verdict.Same),
                g.Count(r => r.Verdict == Verdict.Undecided)))
            .ToList();
        var undecided = rows.Where(r => r.Verdict == Verdict.Undecided).ToList();
        if (undecided.Count > 0)
        {
            var sizes = string.Join(", ", undecided.Select(r => (r.Baseline.Count, r.Candidate.Count)).Distinct().Select(s => $"{s.Item1} vs {s.Item2}"));
            notes.Add($"{undecided.Count} (workload, engine, phase) undecided: too few samples to decide ({sizes} samples; the test needs enough for p <= {options.Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)} to be reachable at all, e.g. 6 a side at 99%): measure more iterations or processes");
        }

        return Result<ComparisonReport>.Success(
            new ComparisonReport(baselineInfo, candidateInfo, options.Threshold, options.Confidence, options.Metrics, machinesDiffer, rows, geo, notes, options.Reference));
    }

    /// <summary>
    /// The reports of a (workload, engine) to compare: the one of each side when each has one (whatever
    /// the machines: the report warns when they differ); else each machine's with the same machine's.
    /// </summary>
    private static IEnumerable<(PairReport Baseline, PairReport Candidate, string? Machine)> Match(
        List<PairReport> baseline, List<PairReport> candidate, (string Workload, string Engine) key, List<string> notes)
    {
        if (baseline.Count == 1 && candidate.Count == 1)
        {
            yield return (baseline[0], candidate[0], null);
            yield break;
        }

        foreach (var b in baseline)
        {
            var c = candidate.FirstOrDefault(c => c.Machine == b.Machine);
            if (c is null)
            {
                notes.Add($"{key.Workload} on {key.Engine}{On(Name(b))} is only in the baseline: the candidate measured it on other machines");
                continue;
            }

            yield return (b, c, Name(b));
        }

        foreach (var c in candidate.Where(c => baseline.All(b => b.Machine != c.Machine)))
        {
            notes.Add($"{key.Workload} on {key.Engine}{On(Name(c))} is only in the candidate: the baseline measured it on other machines");
        }
    }

    private static string Name(PairReport pair) => pair.Machine?.Host ?? "an unknown machine";

    private static string On(string? machine) => machine is null ? "" : $" on {machine}";

    /// <summary>
    /// The smallest two-sided p-value a rank test can give samples of sizes <paramref name="n"/> and
    /// <paramref name="m"/> (every candidate above every baseline): 2 / C(n + m, n).
    /// </summary>
    internal static double SmallestP(int n, int m)
    {
        var combinations = 1.0;
        for (var k = 1; k <= Math.Min(n, m); k++)
        {
            combinations = combinations * (n + m - Math.Min(n, m) + k) / k;
        }

        return Math.Min(1, 2 / combinations);
    }

    private static (double P, bool Slower, string Equivalence) Test(Timing[] x, Timing[] y, Threshold threshold, double alpha)
    {
        var bx = new Pragmastat.Sample(x.Select(s => (double)s.Nanoseconds).ToArray());
        var cy = new Pragmastat.Sample(y.Select(s => (double)s.Nanoseconds).ToArray());
        var pSlower = (double)MannWhitneyTest.Instance.GetPValue(cy, bx, AlternativeHypothesis.Greater, threshold);
        var pFaster = (double)MannWhitneyTest.Instance.GetPValue(bx, cy, AlternativeHypothesis.Greater, threshold);
        var equivalence = new SimpleEquivalenceTest(MannWhitneyTest.Instance).Perform(cy, bx, threshold, new SignificanceLevel(alpha));
        return (Math.Min(1, 2 * Math.Min(pSlower, pFaster)), pSlower <= pFaster, equivalence.ToString().ToLowerInvariant());
    }

    /// <summary>The successful reports of each (workload, engine): one per machine and engine build.</summary>
    private static Dictionary<(string Workload, string Engine), List<PairReport>> Usable(RunReport run, string side, List<string> notes)
    {
        var result = new Dictionary<(string, string), List<PairReport>>();
        foreach (var pair in run.Pairs)
        {
            if (pair.Error is not null || pair.Output == OutputVerdict.Mismatched)
            {
                notes.Add($"{pair.Workload} on {pair.EngineId} failed in the {side} and is left out: {pair.Error ?? "output mismatch"}");
                continue;
            }

            var key = (pair.Workload, pair.EngineId);
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }

            list.Add(pair);
        }

        return result;
    }

    private static bool MostProcessesKept(Timing[] kept, Timing[] all) =>
        2 * kept.Select(s => s.Process).Distinct().Count() >= all.Select(s => s.Process).Distinct().Count();

    private static string Describe(IEnumerable<(string Workload, string Engine)> keys)
    {
        var list = keys.Order().Select(k => $"{k.Workload} on {k.Engine}").ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list.Take(8)) + (list.Count > 8 ? $" and {list.Count - 8} more" : "");
    }
}
