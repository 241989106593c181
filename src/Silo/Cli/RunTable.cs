using System.Globalization;
using System.Text;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Cli;

/// <summary>The workload x engine table of median execution times with ratios to the fastest.</summary>
public static class RunTable
{
    public static string Render(RunReport report)
    {
        var engines = report.Run.Engines.Count > 0
            ? report.Run.Engines
            : [.. report.Tasks.Select(t => t.EngineId).Distinct()];
        var workloads = report.Tasks.Select(t => t.Workload).Distinct().ToList();
        var header = new List<string> { "workload" };
        header.AddRange(engines);
        var rows = new List<List<string>> { header };
        foreach (var workload in workloads)
        {
            var cells = engines.Select(e => report.Tasks.FirstOrDefault(t => t.Workload == workload && t.EngineId == e)).ToList();
            var fastest = cells.Where(c => c is { Error: null }).Select(c => c!.Median(Phase.Execution)).Where(m => m is > 0).DefaultIfEmpty().Min();
            var row = new List<string> { workload };
            row.AddRange(cells.Select(c => Cell(c, fastest)));
            rows.Add(row);
        }

        var widths = Enumerable.Range(0, header.Count).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }

        text.AppendLine("median execution time per iteration; (x) = ratio to the fastest engine on that workload");
        foreach (var failed in report.Tasks.Where(t => t.Error is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"FAILED {failed.Workload} on {failed.EngineId}: {failed.Error}");
        }

        return text.ToString();
    }

    public static string FormatDuration(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:0.00} s"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.00} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.00} us"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0} ns"),
    };


    private static string Cell(TaskReport? task, double? fastest)
    {
        if (task is null)
        {
            return "-";
        }

        if (task.Error is not null || task.Median(Phase.Execution) is not { } median)
        {
            return "FAILED";
        }

        var ratio = fastest is > 0 ? median / fastest.Value : 1;
        return string.Create(CultureInfo.InvariantCulture, $"{FormatDuration(median)} ({ratio:0.00}x)");
    }
}
