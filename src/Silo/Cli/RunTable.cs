using System.Globalization;
using System.Text;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Reports;
using WasmBench.Analysis.Summaries;

namespace WasmBench.Silo.Cli;

/// <summary>
/// The workload x engine table of median execution times with ratios to the fastest: the
/// statistics of <see cref="RunStatistics"/>, as the dashboard shows them too. A run measured on
/// several machines has a column per engine and machine, and one whose engine changed build has a
/// column per build (results are never pooled across either).
/// </summary>
public static class RunTable
{
    public static string Render(RunReport report) => Render(report, RunStatistics.Of(report));

    public static string Render(RunReport report, RunStatistics statistics)
    {
        // One column per engine; per engine and machine on a farm, and per build when an engine changed build mid-run.
        var machines = report.Pairs.Select(p => p.Machine).Distinct().ToList();
        string Place(PairReport p) => machines.Count > 1 ? $"{p.EngineId}@{p.Machine?.Host}" : p.EngineId;
        var builds = report.Pairs.GroupBy(Place).ToDictionary(g => g.Key, g => g.Select(p => p.Engine).Distinct().Count());
        string Column(PairReport p) => Place(p) + (builds[Place(p)] > 1 ? $" (build {p.Engine.Build})" : "");
        var engineOrder = report.Run.Engines.ToList();
        var columns = report.Pairs.Select(Column).Distinct()
            .OrderBy(c => engineOrder.IndexOf(c.Split('@', ' ')[0]) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(c => c, StringComparer.Ordinal)
            .ToList();
        if (columns.Count == 0)
        {
            columns = engineOrder;
        }

        var workloads = report.Pairs.Select(t => t.Workload).Distinct().ToList();
        var header = new List<string> { "workload" };
        header.AddRange(columns);
        var rows = new List<List<string>> { header };
        foreach (var workload in workloads)
        {
            var row = new List<string> { workload };
            row.AddRange(columns.Select(c => Cell(statistics.Pairs.FirstOrDefault(p => p.Pair.Workload == workload && Column(p.Pair) == c))));
            rows.Add(row);
        }

        var widths = Enumerable.Range(0, header.Count).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }

        text.AppendLine("median execution time per iteration; (x) = ratio to the fastest engine on that workload");
        var engines = report.Pairs.Select(p => p.Engine).Distinct().Select(ReportFormat.Engine).ToList();
        if (engines.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"engines: {string.Join("; ", engines)}");
        }

        // The run's own notes (stored with it: phases an engine cannot separate, pairs left out), then the statistics'.
        foreach (var note in (report.Run.Notes ?? []).Concat(statistics.Notes))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"note: {note}");
        }

        foreach (var failed in report.Pairs.Where(t => t.Error is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"FAILED {failed.Workload} on {failed.EngineId}: {failed.Error}");
        }

        return text.ToString();
    }

    private static string Cell(PairStatistics? pair) => pair switch
    {
        null => "-",
        { Pair.Error: not null } or { Execution: null } => "FAILED",
        { Execution: { } execution, Ratio: { } ratio } => $"{ReportFormat.Duration(execution.Median)} ({ReportFormat.Times(ratio.Ratio)})",
        { Execution: { } execution } => ReportFormat.Duration(execution.Median),
    };
}
