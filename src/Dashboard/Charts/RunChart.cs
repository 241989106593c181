using ScottPlot;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Dashboard.Charts;

/// <summary>
/// The Run page's chart: grouped bars, workloads along x, one bar per engine, execution-phase
/// medians with an interquartile whisker. Rendered server-side to SVG.
/// </summary>
public static class RunChart
{
    static RunChart() => Fonts.Default = "DejaVu Sans";

    /// <summary>The bars of a run: one per successful (workload, engine) task.</summary>
    public static IReadOnlyList<ChartBar> Bars(RunReport report) =>
        [.. report.Tasks
            .Where(t => t.Error is null && t.Samples.Any(s => s.Phase == Phase.Execution))
            .Select(t =>
            {
                var values = t.Samples.Where(s => s.Phase == Phase.Execution && !s.Warmup).Select(s => s.Nanoseconds / 1e6).Order().ToArray();
                var spread = (Quantile(values, 0.75) - Quantile(values, 0.25)) / 2;
                return new ChartBar(t.Workload, t.EngineId, Quantile(values, 0.5), spread);
            })];

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
            Error = b.Spread,
            FillColor = palette.GetColor(engines.IndexOf(b.Engine)),
        }).ToList();
        plot.Add.Bars(plotted);

        var ticks = workloads.Select((w, i) => new Tick((i * groupWidth) + ((engines.Count - 1) / 2.0), w, isMajor: true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        // Times are never negative: start at zero even when a wide whisker reaches below it.
        plot.Axes.SetLimitsY(0, bars.Max(b => b.Milliseconds + b.Spread) * 1.15);
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


    private static double Quantile(double[] sorted, double q)
    {
        var position = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
