using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.History;

/// <summary>One run's point of a trend: the median of a phase of one workload on one engine, with its 99% interval, after the machine-reference adjustment.</summary>
public sealed record TrendPoint(long RunId, string? Label, DateTimeOffset CreatedAt, SampleSummary Summary);

/// <summary>A change point of a trend, with the runs either side of it (the last run of the old level, the first of the new).</summary>
public sealed record TrendChange(long RunBefore, long RunAfter, double Before, double After, double PValue)
{
    /// <summary>After over before: above 1 is slower.</summary>
    public double Ratio => After / Before;
}

/// <summary>The history of one workload on one engine and phase over a sequence of runs, and where it changed.</summary>
public sealed record Trend(string Workload, string Engine, Phase Phase, string? Label, IReadOnlyList<TrendPoint> Points, IReadOnlyList<TrendChange> Changes)
{
    /// <summary>
    /// The trend of <paramref name="workload"/> on <paramref name="engine"/> over <paramref name="runs"/>
    /// (taken in id order; a run without a successful pair for it is skipped), with the change points of its medians.
    /// Each median is summarised as compare summarises a side (<see cref="SampleSummary"/>, machine reference applied).
    /// </summary>
    public static Trend Of(IEnumerable<RunReport> runs, string workload, string engine, Phase phase = Phase.Execution, string? label = null, double alpha = 0.001)
    {
        var points = new List<TrendPoint>();
        foreach (var run in runs.OrderBy(r => r.Run.Id))
        {
            var pair = run.Pairs.FirstOrDefault(p => p.Workload == workload && p.EngineId == engine && p.Error is null);
            if (pair is null)
            {
                continue;
            }

            var (adjustment, _) = MachineReferenceAdjustment.ForRun(run, ReferenceUse.Adjust);
            var measured = adjustment.Measured(pair, phase);
            if (measured.Length == 0)
            {
                measured = SideAdjustment.None.Measured(pair, phase);
            }

            if (measured.Length > 0)
            {
                points.Add(new TrendPoint(run.Run.Id, run.Run.Label, run.Run.CreatedAt, SampleSummary.Of(measured)));
            }
        }

        var changes = ChangePointDetector.Detect([.. points.Select(p => p.Summary.Median)], alpha)
            .Select(c => new TrendChange(points[c.Index - 1].RunId, points[c.Index].RunId, c.Before, c.After, c.PValue))
            .ToList();
        return new Trend(workload, engine, phase, label, points, changes);
    }
}
