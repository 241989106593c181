using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.Reports;

/// <summary>The compare report as JSON (camelCase, enums as strings, numbers rounded to stable precision).</summary>
public static class JsonReport
{
    public static string Render(ComparisonReport report)
    {
        var rounded = report with { Rows = [.. report.Rows.Select(Round)], GeoMeans = [.. report.GeoMeans.Select(g => g with { Ratio = R(g.Ratio) })] };
        var body = new { format = "wasmbench-compare/1", hasRegression = report.HasRegression, regressions = report.Regressions, report = rounded };
        return JsonSerializer.Serialize(body, WasmBenchJson.Options).ReplaceLineEndings("\n") + "\n";
    }

    private static ComparisonRow Round(ComparisonRow r) => r with
    {
        Baseline = Round(r.Baseline),
        Candidate = Round(r.Candidate),
        Ratio = R(r.Ratio),
        RatioLower = R(r.RatioLower),
        RatioUpper = R(r.RatioUpper),
        PValue = R(r.PValue),
        QValue = R(r.QValue),
    };

    private static SampleSummary Round(SampleSummary s) => s with
    {
        Median = Math.Round(s.Median, 1),
        MedianLower = Math.Round(s.MedianLower, 1),
        MedianUpper = Math.Round(s.MedianUpper, 1),
        Mean = Math.Round(s.Mean, 1),
        StandardDeviation = Math.Round(s.StandardDeviation, 1),
    };

    private static double R(double value) => Math.Round(value, 6);
}
