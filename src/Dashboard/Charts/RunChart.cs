using ScottPlot;
using WasmBench.Analysis.Summaries;

namespace WasmBench.Dashboard.Charts;

/// <summary>
/// The Run page's chart: grouped bars, workloads along x, one bar per engine, execution-phase
/// medians (after the machine-reference adjustment) with their 99% interval as a whisker.
/// Rendered server-side to SVG.
/// </summary>
public static class RunChart
{
    static RunChart() => Fonts.Default = "DejaVu Sans";

    /// <summary>The bars of a run: one per successful pair, its execution median and interval as <c>compare</c> computes them (<see cref="RunStatistics"/>).</summary>
    public static IReadOnlyList<ChartBar> Bars(RunStatistics statistics) =>
        [.. statistics.Pairs
            .Where(p => p.Execution is not null)
            .Select(p => new ChartBar(p.Pair.Workload, p.Pair.EngineId, p.Execution!.Median / 1e6, p.Execution.MedianLower / 1e6, p.Execution.MedianUpper / 1e6))];

    /// <summary>An SVG document (no XML prolog, with a viewBox so it scales), or null when there is nothing to draw.</summary>
    public static string? RenderSvg(IReadOnlyList<ChartBar> bars, int width = 900, int height = 420)
    {
        if (bars.Count == 0)
        {
            return null;
        }

        var workloads = bars.Select(b => b.Workload).Distinct().ToList();
        var engines = bars.Select(b => b.Engine).Distinct().ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var plot = new Plot();
        var groupWidth = engines.Count + 1;
        var plotted = bars.Select(b => new Bar
        {
            Position = (workloads.IndexOf(b.Workload) * groupWidth) + engines.IndexOf(b.Engine),
            Value = b.Milliseconds,
            FillColor = palette.GetColor(engines.IndexOf(b.Engine)),
        }).ToList();
        plot.Add.Bars(plotted);
        foreach (var (bar, at) in bars.Zip(plotted))
        {
            var whisker = plot.Add.Line(at.Position, bar.Lower, at.Position, bar.Upper);
            whisker.LineColor = Colors.Black;
            whisker.LineWidth = 1.5f;
        }

        var ticks = workloads.Select((w, i) => new Tick((i * groupWidth) + ((engines.Count - 1) / 2.0), w, isMajor: true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.SetLimitsY(0, bars.Max(b => Math.Max(b.Milliseconds, b.Upper)) * 1.15);
        plot.YLabel("median execution time (ms)");
        foreach (var (engine, i) in engines.Select((e, i) => (e, i)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = engine, FillColor = palette.GetColor(i) });
        }

        plot.ShowLegend(Alignment.UpperRight);
        var svg = plot.GetSvgXml(width, height);
        return MakeScalable(svg, width, height);
    }

    private static string MakeScalable(string svg, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        return svg.Replace("<svg ", $"<svg viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"execution time per workload and engine\" ", StringComparison.Ordinal);
    }
}
