using ScottPlot;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Reports;

namespace WasmBench.Dashboard.Charts;

/// <summary>
/// The compare chart (PNG): one bar per compared row, the change of the median in percent with
/// its 99% interval as a whisker, red when significantly slower, green when faster, grey otherwise.
/// </summary>
public static class ComparisonChart
{
    static ComparisonChart() => Fonts.Default = "DejaVu Sans";

    public static byte[]? RenderPng(ComparisonReport report, int width = 1000, int height = 480)
    {
        if (report.Rows.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var bars = report.Rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = (r.Ratio - 1) * 100,
            ValueBase = 0,
            Error = 0,
            FillColor = r.Verdict switch { Verdict.Slower => Colors.FireBrick, Verdict.Faster => Colors.SeaGreen, _ => Colors.Gray },
        }).ToList();
        plot.Add.Bars(bars);
        foreach (var (r, i) in report.Rows.Select((r, i) => (r, i)))
        {
            var whisker = plot.Add.Line(i, (r.RatioLower - 1) * 100, i, (r.RatioUpper - 1) * 100);
            whisker.LineColor = Colors.Black;
            whisker.LineWidth = 2;
        }

        var ticks = report.Rows.Select((r, i) => new Tick(i, $"{r.Workload} {r.Series} {r.Metric.Name[..4]}", isMajor: true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 160;
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.YLabel("change of median, % (99% interval)");
        plot.Title($"{report.Candidate.Name} vs {report.Baseline.Name}");
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
