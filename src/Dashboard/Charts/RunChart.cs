using ScottPlot;
using WasmBench.Dashboard.Views;

namespace WasmBench.Dashboard.Charts;

/// <summary>
/// The Run page's chart: horizontal grouped bars, one group per workload (top to bottom in the
/// view's order, labels on the left so they never overlap), one bar per engine in its
/// <see cref="EngineColors">stable colour</see>, the median of the chosen phase (or its ratio to
/// the baseline engine) with its 99% interval as a whisker, on a log or a linear axis. Rendered on
/// the server to SVG.
/// </summary>
public static class RunChart
{
    public const string IntervalLegend = "whisker: 99% confidence interval of the median";

    static RunChart() => Fonts.Default = "DejaVu Sans";

    /// <summary>An SVG document (no XML prolog, with a viewBox so it scales), or null when there is nothing to draw.</summary>
    public static string? RenderSvg(RunView view, int width = 900)
    {
        if (view.Bars.Count == 0)
        {
            return null;
        }

        var workloads = view.Workloads.ToList();
        var engines = view.Engines.Where(e => view.Bars.Any(b => b.Engine == e)).ToList();
        var groupWidth = engines.Count + 1;
        var height = Math.Clamp(80 + (view.Workloads.Count * groupWidth * 14), 260, 4000);
        var log = view.Options.Log;
        double Scale(double v) => log ? Math.Log10(Math.Max(v, 1e-9)) : v;
        var floor = log ? Math.Floor(Scale(view.Bars.Min(b => Math.Max(b.Lower, b.Value / 10)))) : 0;
        var plot = new Plot();
        var bars = view.Bars.Select(b => new Bar
        {
            Position = -((workloads.IndexOf(b.Workload) * groupWidth) + engines.IndexOf(b.Engine)),
            Value = Scale(b.Value),
            ValueBase = floor,
            FillColor = b.Partial ? EngineColors.Of(b.Engine).WithAlpha(0.45) : EngineColors.Of(b.Engine),
            Orientation = Orientation.Horizontal,
        }).ToList();
        plot.Add.Bars(bars);
        foreach (var (bar, at) in view.Bars.Zip(bars))
        {
            var whisker = plot.Add.Line(Scale(Math.Max(bar.Lower, 1e-9)), at.Position, Scale(bar.Upper), at.Position);
            whisker.LineColor = Colors.Black;
            whisker.LineWidth = 1.5f;
        }

        var ticks = view.Workloads.Select((w, i) => new Tick(-((i * groupWidth) + ((engines.Count - 1) / 2.0)), w, isMajor: true)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        if (log)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => Label(Math.Pow(10, v)),
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
            };
        }

        if (view.IsNormalised)
        {
            plot.Add.VerticalLine(Scale(1), 1, Colors.Gray, LinePattern.Dashed);
        }

        var max = view.Bars.Max(b => Math.Max(Scale(b.Value), Scale(b.Upper)));
        plot.Axes.SetLimitsX(floor, max + ((max - floor) * 0.08));
        plot.Axes.SetLimitsY(-(view.Workloads.Count * groupWidth) + 0.5, 0.8);
        plot.XLabel($"median {view.Options.Phase.ToString().ToLowerInvariant()} time, {view.Unit}{(log ? " (log scale)" : "")}");
        foreach (var engine in engines)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = engine, FillColor = EngineColors.Of(engine) });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = IntervalLegend, LineColor = Colors.Black, LineWidth = 1.5f });
        plot.ShowLegend(Edge.Right);
        return Svg.Scalable(plot.GetSvgXml(width + 260, height), width + 260, height, $"{view.Options.Phase.ToString().ToLowerInvariant()} time per workload and engine");
    }

    private static string Label(double v) => v >= 100 ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : v >= 1 ? v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)
        : v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
