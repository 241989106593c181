using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.Summaries;

/// <summary>
/// One pair of a run (on one machine, with one engine build) as the run table, the API and the
/// dashboard show it — the statistics <c>compare</c> gives a side: per phase the median with its
/// 99% interval (<see cref="SampleSummary"/>) after the machine-reference adjustment, and the
/// execution time's ratio to the fastest engine on the workload with its process-level bootstrap
/// interval (<see cref="RatioInterval"/>). A phase the pair has no sample of (native code is not
/// compiled per iteration) is null.
/// </summary>
public sealed record PairStatistics(
    PairReport Pair,
    SampleSummary? Compilation,
    SampleSummary? Instantiation,
    SampleSummary? Execution,
    RatioToFastest? Ratio)
{
    public SampleSummary? Of(Phase phase) => phase switch
    {
        Phase.Compilation => Compilation,
        Phase.Instantiation => Instantiation,
        _ => Execution,
    };
}

/// <summary>The execution median over the fastest engine's on the same workload (1 for the fastest), with its 99% interval.</summary>
public sealed record RatioToFastest(double Ratio, double Lower, double Upper, string Fastest);

/// <summary>Every pair of a run summarised, and what the machine reference did to them.</summary>
public sealed record RunStatistics(IReadOnlyList<PairStatistics> Pairs, IReadOnlyList<string> Notes, ReferenceUse Reference)
{
    public const double Confidence = 0.99;

    /// <summary>Summarises a run as <c>compare</c> summarises a side, by default with the machine reference adjusting the timings.</summary>
    public static RunStatistics Of(RunReport run, ReferenceUse use = ReferenceUse.Adjust)
    {
        var (runAdjustment, referenceNotes) = MachineReferenceAdjustment.ForRun(run, use);
        var notes = referenceNotes.ToList();
        var adjustments = new Dictionary<PairReport, SideAdjustment>(ReferenceEqualityComparer.Instance);
        var raw = new List<string>();
        foreach (var pair in run.Pairs.Where(t => t.Error is null))
        {
            // As compare does not compare a pair most of whose processes ran while the machine was
            // disturbed, a run shows such a pair raw, and says so.
            var kept = runAdjustment.Measured(pair, Phase.Execution);
            var all = SideAdjustment.None.Measured(pair, Phase.Execution);
            var mostKept = 2 * kept.Select(s => s.Process).Distinct().Count() >= all.Select(s => s.Process).Distinct().Count();
            adjustments[pair] = mostKept ? runAdjustment : SideAdjustment.None;
            if (!mostKept)
            {
                raw.Add($"{pair.Workload} on {pair.EngineId}");
            }
        }

        if (raw.Count > 0)
        {
            notes.Add($"{(raw.Count == 1 ? $"{raw[0]} is" : $"{raw.Count} pairs are")} shown raw: fewer than half of {(raw.Count == 1 ? "its" : "their")} processes ran while the machine was undisturbed{(raw.Count == 1 ? "" : $" ({string.Join(", ", raw.Take(8))}{(raw.Count > 8 ? $" and {raw.Count - 8} more" : "")})")}");
        }

        var measured = adjustments.ToDictionary(a => a.Key, a => a.Value.Measured(a.Key, Phase.Execution), (IEqualityComparer<PairReport>)ReferenceEqualityComparer.Instance);
        var fastest = measured.Where(m => m.Value.Length > 0)
            .GroupBy(m => m.Key.Workload)
            .ToDictionary(g => g.Key, g => g.MinBy(m => Median(m.Value)));
        var pairs = run.Pairs.Select(t =>
        {
            if (t.Error is not null)
            {
                return new PairStatistics(t, null, null, null, null);
            }

            var execution = measured[t];
            RatioToFastest? ratio = null;
            if (execution.Length > 0 && fastest.TryGetValue(t.Workload, out var best))
            {
                var (lower, upper) = ReferenceEquals(best.Key, t)
                    ? (1.0, 1.0)
                    : RatioInterval.Compute(best.Value, execution, Confidence, RatioInterval.SeedOf($"{t.Workload}|{t.EngineId}|fastest"));
                ratio = new RatioToFastest(Median(execution) / Median(best.Value), lower, upper, best.Key.EngineId);
            }

            var adjustment = adjustments[t];
            return new PairStatistics(t, Summary(adjustment.Measured(t, Phase.Compilation)), Summary(adjustment.Measured(t, Phase.Instantiation)), Summary(execution), ratio);
        }).ToList();
        return new RunStatistics(pairs, notes, use);
    }

    /// <summary>The raw median of a pair's measured samples of a phase (warm-up left out), for progress lines; null without any.</summary>
    public static double? RawMedian(PairReport pair, Phase phase)
    {
        var timings = SideAdjustment.None.Measured(pair, phase);
        return timings.Length == 0 ? null : Median(timings);
    }

    private static SampleSummary? Summary(Timing[] samples) => samples.Length == 0 ? null : SampleSummary.Of(samples);

    private static double Median(Timing[] samples) => Descriptive.Median([.. samples.Select(s => (double)s.Nanoseconds)]);
}
