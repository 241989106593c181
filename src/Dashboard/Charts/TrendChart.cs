using ScottPlot;
using WasmBench.Analysis.History;

namespace WasmBench.Dashboard.Charts;

/// <summary>
/// The Trends page's chart: one point per run (in run order) at the median of the workload on the
/// engine, its 99% interval as a band, and a dashed red line between the two runs of each change point.
/// </summary>
public static class TrendChart
{
    static TrendChart() => Fonts.Default = "DejaVu Sans";

    public static string? RenderSvg(Trend trend, int width = 1000, int height = 380)
    {
        if (trend.Points.Count == 0)
        {
            return null;
        }

        var xs = Enumerable.Range(0, trend.Points.Count).Select(i => (double)i).ToArray();
        var plot = new Plot();
        var color = EngineColors.Of(trend.Engine);
        var band = plot.Add.FillY(xs, [.. trend.Points.Select(p => p.Summary.MedianLower / 1e6)], [.. trend.Points.Select(p => p.Summary.MedianUpper / 1e6)]);
        band.FillColor = color.WithAlpha(0.25);
        band.LineColor = color.WithAlpha(0.25);
        band.LegendText = "99% interval of the median";
        var line = plot.Add.Scatter(xs, [.. trend.Points.Select(p => p.Summary.Median / 1e6)]);
        line.Color = color;
        line.MarkerSize = 5;
        line.LegendText = $"median, {trend.Engine}";
        foreach (var change in trend.Changes)
        {
            var at = IndexOf(trend, change.RunAfter) - 0.5;
            var mark = plot.Add.VerticalLine(at, 2, Colors.FireBrick, LinePattern.Dashed);
            mark.LegendText = "change point";
        }

        var step = Math.Max(1, trend.Points.Count / 12);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. trend.Points.Select((p, i) => (p, i)).Where(x => x.i % step == 0).Select(x => new Tick(x.i, $"#{x.p.RunId}", isMajor: true))]);
        plot.XLabel("run");
        plot.YLabel($"median {trend.Phase.ToString().ToLowerInvariant()} time (ms)");
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg.Scalable(plot.GetSvgXml(width, height), width, height, $"{trend.Workload} on {trend.Engine} over {trend.Points.Count} runs");
    }

    private static int IndexOf(Trend trend, long runId)
    {
        for (var i = 0; i < trend.Points.Count; i++)
        {
            if (trend.Points[i].RunId == runId)
            {
                return i;
            }
        }

        return -1;
    }
}
