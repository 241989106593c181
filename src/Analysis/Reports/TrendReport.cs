using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.History;

namespace WasmBench.Analysis.Reports;

/// <summary>What <c>wasmbench trends</c> prints: each (workload, engine) series with its change points, as Markdown or JSON.</summary>
public static class TrendReport
{
    private sealed record JsonChange(long RunBefore, long RunAfter, double BeforeNs, double AfterNs, double Ratio, double PValue);

    private sealed record JsonTrend(string Workload, string Engine, string Phase, string? Label, int Runs, long? FirstRun, long? LastRun, IReadOnlyList<JsonChange> Changes);

    public static string Markdown(IReadOnlyList<Trend> trends)
    {
        var md = new StringBuilder();
        var label = trends.Select(t => t.Label).FirstOrDefault();
        md.Append("# Trends").Append(label is null ? "" : $" of {label}").Append("\n\n");
        var changed = trends.Where(t => t.Changes.Count > 0).ToList();
        md.Append($"{changed.Count} of {trends.Count} series changed (E-Divisive means with a t-test, p < 0.001).\n\n");
        if (changed.Count == 0)
        {
            return md.ToString();
        }

        md.Append("| workload | engine | phase | between runs | before | after | change | p |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var trend in changed)
        {
            foreach (var c in trend.Changes)
            {
                md.Append($"| {trend.Workload} | {trend.Engine} | {ReportFormat.Phase(trend.Phase)} | {c.RunBefore} and {c.RunAfter} | {ReportFormat.Duration(c.Before)} | {ReportFormat.Duration(c.After)} | {ReportFormat.Percent(c.Ratio)} | {ReportFormat.P(c.PValue)} |\n");
            }
        }

        return md.ToString();
    }

    public static string Json(IReadOnlyList<Trend> trends)
    {
        var options = new JsonSerializerOptions(WasmBenchJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        return JsonSerializer.Serialize(
            trends.Select(t => new JsonTrend(t.Workload, t.Engine, ReportFormat.Phase(t.Phase), t.Label, t.Points.Count, t.Points.FirstOrDefault()?.RunId, t.Points.LastOrDefault()?.RunId,
                [.. t.Changes.Select(c => new JsonChange(c.RunBefore, c.RunAfter, c.Before, c.After, c.Ratio, c.PValue))])),
            options);
    }
}
