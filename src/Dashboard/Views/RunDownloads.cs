using System.Globalization;
using System.Text;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Summaries;

namespace WasmBench.Dashboard.Views;

/// <summary>A run's table as a file: one row per pair with the medians and 99% intervals of the chosen phase, in nanoseconds.</summary>
public static class RunDownloads
{
    public sealed record Row(string Workload, string Engine, string? Machine, string Phase, int Samples, int Processes, double? MedianNs, double? LowerNs, double? UpperNs, double? RatioToFastest, string? Error);

    public static IReadOnlyList<Row> Rows(RunStatistics statistics, Phase phase) =>
        [.. statistics.Pairs.OrderBy(p => p.Pair.Workload, StringComparer.Ordinal).ThenBy(p => p.Pair.EngineId, StringComparer.Ordinal).Select(p =>
        {
            var s = p.Of(phase);
            return new Row(p.Pair.Workload, p.Pair.EngineId, p.Pair.Machine?.Host, phase.ToString().ToLowerInvariant(), s?.Count ?? 0, s?.Processes ?? 0, s?.Median, s?.MedianLower, s?.MedianUpper, phase == Phase.Execution ? p.Ratio?.Ratio : null, p.Pair.Error);
        })];

    public static string Csv(IReadOnlyList<Row> rows)
    {
        var csv = new StringBuilder("workload,engine,machine,phase,samples,processes,median_ns,lower_ns,upper_ns,ratio_to_fastest,error\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', Field(r.Workload), Field(r.Engine), Field(r.Machine), r.Phase, r.Samples, r.Processes, Number(r.MedianNs), Number(r.LowerNs), Number(r.UpperNs), Number(r.RatioToFastest), Field(r.Error)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Number(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Field(string? v) => v is null ? "" : v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;
}
