using System.Text;

using WasmBench.Analysis.Comparison;

namespace WasmBench.Analysis.Reports;

/// <summary>The compare summary on the console: one line per row, changes marked, then the verdict.</summary>
public static class ConsoleReport
{
    public static string Render(ComparisonReport report)
    {
        var text = new StringBuilder();
        text.Append($"baseline:  {report.Baseline.Name} ({string.Join(", ", report.Baseline.Engines)})\ncandidate: {report.Candidate.Name} ({string.Join(", ", report.Candidate.Engines)})\n");
        if (report.MachinesDiffer)
        {
            text.Append($"WARNING: different machines: baseline {string.Join(", ", report.Baseline.Machines)}; candidate {string.Join(", ", report.Candidate.Machines)}\n");
        }

        var width = report.Rows.Select(r => $"{r.Workload} {r.Series} {r.Metric}".Length).DefaultIfEmpty(10).Max();
        foreach (var r in report.Rows)
        {
            var name = $"{r.Workload} {r.Series} {r.Metric}".PadRight(width);
            var mark = r.Verdict switch { Verdict.Slower => "SLOWER", Verdict.Faster => "faster", Verdict.Undecided => "undecided (too few samples)", _ => "same" };
            text.Append($"{name}  {ReportFormat.Ratio(r.Ratio)} [{ReportFormat.Interval(r.RatioLower, r.RatioUpper)}]  q={ReportFormat.P(r.QValue)}  {mark}\n");
        }

        foreach (var g in report.GeoMeans)
        {
            text.Append($"geometric mean ({g.Metric}, {g.Pairs} pairs): {ReportFormat.Ratio(g.Ratio)} ({ReportFormat.Percent(g.Ratio)}); faster {g.Faster}, slower {g.Slower}, same {g.Same}{(g.Undecided > 0 ? $", undecided {g.Undecided}" : "")}\n");
        }

        foreach (var note in report.Notes)
        {
            text.Append($"note: {note}\n");
        }

        text.Append(report.HasRegression
            ? $"REGRESSION: {report.Regressions} significant slowdown(s) beyond {report.Threshold}\n"
            : $"no significant regression beyond {report.Threshold}\n");
        return text.ToString();
    }
}
