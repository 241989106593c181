using System.Globalization;
using System.Text;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Reports;

namespace WasmBench.Analysis.Comparison;

/// <summary>The A/A noise of one (workload, engine): how far two runs of the same code drift apart.</summary>
/// <param name="Noise">The largest distance from 1 of any bound of the A/A ratio intervals (0.04 = 4%).</param>
public sealed record WorkloadNoise(string Workload, string Engine, double WorstRatio, double Noise, int FalseAlarms);

/// <summary>
/// `calibrate`: from A/A comparisons (consecutive runs of the same suite and engines) the noise of
/// each workload and a threshold to gate with: the smallest whole percentage above the noise of
/// every workload, so that an A/A comparison stays quiet at that threshold.
/// </summary>
public static class NoiseCalibration
{
    public static (IReadOnlyList<WorkloadNoise> Workloads, int SuggestedPercent) Measure(IReadOnlyList<ComparisonReport> aa)
    {
        var rows = aa.SelectMany(r => r.Rows).GroupBy(r => (r.Workload, Engine: r.Series)).OrderBy(g => g.Key)
            .Select(g => new WorkloadNoise(g.Key.Workload, g.Key.Engine,
                g.MaxBy(r => Math.Abs(Math.Log(r.Ratio)))!.Ratio,
                g.Max(r => Math.Max(1 - r.RatioLower, r.RatioUpper - 1)),
                g.Count(r => r.Verdict is Verdict.Faster or Verdict.Slower)))
            .ToList();
        var worst = rows.Count == 0 ? 0 : rows.Max(r => r.Noise);
        return (rows, Math.Max(1, (int)Math.Ceiling(worst * 100)));
    }

    public static string Render(IReadOnlyList<WorkloadNoise> rows, int suggested, int comparisons, Metric metric)
    {
        var text = new StringBuilder();
        var width = rows.Select(r => $"{r.Workload} {r.Engine}".Length).DefaultIfEmpty(10).Max();
        text.Append(CultureInfo.InvariantCulture, $"{"workload engine".PadRight(width)}  worst A/A ratio  noise (99% bound)  changes flagged at 0%\n");
        foreach (var r in rows.OrderByDescending(r => r.Noise))
        {
            text.Append(CultureInfo.InvariantCulture, $"{$"{r.Workload} {r.Engine}".PadRight(width)}  {ReportFormat.Ratio(r.WorstRatio),15}  {(r.Noise * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",17}  {r.FalseAlarms,21}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{comparisons} A/A comparison(s) of the {metric} phase; suggested threshold: {suggested}% (compare/gate --threshold {suggested}%)\n");
        return text.ToString();
    }
}
