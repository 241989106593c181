using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Statistics;
using WasmBench.Analysis.Summaries;

namespace WasmBench.Dashboard.Views;

/// <summary>How the Run page is asked to show a run (every field is in the URL).</summary>
/// <param name="Baseline">An engine id, <see cref="RunView.Fastest"/> (each workload's fastest engine), <see cref="RunView.Absolute"/> (times, not ratios), or null for the default: native when the run has it, else the fastest.</param>
public sealed record RunViewOptions(Phase Phase = Phase.Execution, string? Baseline = null, bool Log = true);

/// <summary>One bar of the run chart and one row of its table.</summary>
/// <param name="Value">The median in ms, or its ratio to the baseline.</param>
/// <param name="Partial">The pair is not complete yet (fewer processes than the run asks, or the workload still misses an engine).</param>
/// <param name="LeftOut">Processes left out of the statistics: they ran while the machine was disturbed.</param>
public sealed record RunBar(string Workload, string Engine, double Value, double Lower, double Upper, bool Partial, int LeftOut, int Processes);

/// <summary>An engine's geometric mean over the workloads it and the baseline both have.</summary>
public sealed record EngineSummary(string Engine, double GeometricMean, int Workloads);

/// <summary>
/// What the Run page shows of a run's statistics (<see cref="RunStatistics"/>, as <c>compare</c>
/// computes a side): workloads in name order and engines in the run's order, so every run and page
/// agrees, values of the chosen phase normalised to a baseline engine.
/// </summary>
public sealed record RunView(RunViewOptions Options, string Baseline, IReadOnlyList<string> Workloads, IReadOnlyList<string> Engines, IReadOnlyList<RunBar> Bars, IReadOnlyList<EngineSummary> Summaries, IReadOnlyList<string> Notes)
{
    public const string Fastest = "fastest";
    public const string Absolute = "none";

    public bool IsNormalised => Baseline != Absolute;

    public string Unit => IsNormalised ? Baseline == Fastest ? "times the fastest engine" : $"times {Baseline}" : "ms";

    public static RunView Of(RunReport report, RunStatistics statistics, RunViewOptions options)
    {
        var run = report.Run;
        var measured = statistics.Pairs.Where(p => p.Of(options.Phase) is not null).ToList();
        var engines = run.Engines.Where(e => measured.Any(p => p.Pair.EngineId == e))
            .Concat(measured.Select(p => p.Pair.EngineId).Distinct().Where(e => !run.Engines.Contains(e)))
            .ToList();
        var workloads = measured.Select(p => p.Pair.Workload).Distinct().Order(StringComparer.Ordinal).ToList();
        var baseline = options.Baseline is { Length: > 0 } chosen && (chosen is Fastest or Absolute || engines.Contains(chosen)) ? chosen
            : engines.Contains("native") ? "native" : Fastest;
        var (adjustment, _) = MachineReferenceAdjustment.ForRun(report, ReferenceUse.Adjust);
        var notes = new List<string>();
        var bars = new List<RunBar>();
        foreach (var workload in workloads)
        {
            var pairs = measured.Where(p => p.Pair.Workload == workload).ToList();
            var reference = baseline switch
            {
                Absolute => 1e6,
                Fastest => pairs.Min(p => p.Of(options.Phase)!.Median),
                _ => pairs.FirstOrDefault(p => p.Pair.EngineId == baseline)?.Of(options.Phase)?.Median,
            };
            if (reference is not > 0)
            {
                notes.Add($"{workload} is not charted: {baseline} has no {options.Phase.ToString().ToLowerInvariant()} result for it");
                continue;
            }

            var missing = run.Engines.Any(e => statistics.Pairs.All(p => p.Pair.Workload != workload || p.Pair.EngineId != e));
            foreach (var pair in pairs)
            {
                var summary = pair.Of(options.Phase)!;
                var processes = pair.Pair.Samples.Where(s => !s.Warmup).Select(s => s.Process).Distinct().ToList();
                var leftOut = processes.Count(p => adjustment.LeftOut(workload, pair.Pair.EngineId, p));
                var partial = pair.Pair.Tasks < run.Processes || (!run.IsFinished && missing);
                bars.Add(new RunBar(workload, pair.Pair.EngineId, summary.Median / reference.Value, summary.MedianLower / reference.Value, summary.MedianUpper / reference.Value, partial, leftOut, processes.Count));
            }
        }

        var summaries = engines.Select(e => bars.Where(b => b.Engine == e).ToList()).Where(g => g.Count > 0)
            .Select(g => new EngineSummary(g[0].Engine, Descriptive.GeometricMean(g.Select(b => b.Value)), g.Count)).ToList();
        return new RunView(options with { Baseline = baseline }, baseline, [.. workloads.Where(w => bars.Any(b => b.Workload == w))], engines, bars, summaries, notes);
    }
}
