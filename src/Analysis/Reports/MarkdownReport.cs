using System.Text;
using WasmBench.Abstractions.Runs;

using WasmBench.Analysis.Comparison;

namespace WasmBench.Analysis.Reports;

/// <summary>
/// The compare report for a pull request comment or a CI summary: verdict first, significant
/// changes in a table, every other row folded away in a &lt;details&gt; block, the chart linked.
/// </summary>
public static class MarkdownReport
{
    public static string Render(ComparisonReport report, string? chartFile)
    {
        var md = new StringBuilder();
        md.Append("# WasmBench comparison\n\n");
        md.Append($"Baseline: **{report.Baseline.Name}**{Describe(report.Baseline)}  \n");
        md.Append($"Candidate: **{report.Candidate.Name}**{Describe(report.Candidate)}  \n");
        md.Append($"Threshold: {report.Threshold}; confidence: {ReportFormat.Ratio(report.Confidence)}; phases: {string.Join(", ", report.Metrics)}; machine reference: {report.Reference.ToString().ToLowerInvariant()}\n\n");
        if (report.MachinesDiffer)
        {
            md.Append($"> **Warning:** the runs come from different machines (baseline {string.Join(", ", report.Baseline.Machines)}; candidate {string.Join(", ", report.Candidate.Machines)}): differences may be the machines', not the code's.\n\n");
        }

        md.Append(report.HasRegression
            ? $"**Result: {report.Regressions} significant regression(s) beyond {report.Threshold}.**\n\n"
            : $"**Result: no significant regression beyond {report.Threshold}.**\n\n");
        md.Append("| phase | pairs | geometric mean ratio | faster | slower | same | undecided |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var g in report.GeoMeans)
        {
            md.Append($"| {g.Metric} | {g.Pairs} | {ReportFormat.Ratio(g.Ratio)} ({ReportFormat.Percent(g.Ratio)}) | {g.Faster} | {g.Slower} | {g.Same} | {g.Undecided} |\n");
        }

        var undecided = report.Rows.Where(r => r.Verdict == Verdict.Undecided).ToList();
        var significant = report.Rows.Where(r => r.Verdict is Verdict.Faster or Verdict.Slower).OrderByDescending(r => r.IsRegression).ThenByDescending(r => Math.Abs(Math.Log(r.Ratio))).ToList();
        var rest = report.Rows.Where(r => r.Verdict == Verdict.Same).ToList();
        md.Append("\n## Significant changes\n\n");
        if (significant.Count == 0)
        {
            md.Append("None.\n");
        }
        else
        {
            Table(md, significant);
        }

        if (undecided.Count > 0)
        {
            md.Append($"\n## Undecided: too few samples to decide ({undecided.Count})\n\n");
            Table(md, undecided);
        }

        if (rest.Count > 0)
        {
            md.Append($"\n<details>\n<summary>{rest.Count} unchanged (within the threshold or not significant)</summary>\n\n");
            Table(md, rest);
            md.Append("\n</details>\n");
        }

        if (chartFile is not null)
        {
            md.Append($"\n![ratio of medians with 99% intervals]({chartFile})\n");
        }

        if (report.Notes.Count > 0)
        {
            md.Append("\n## Notes\n\n");
            foreach (var note in report.Notes)
            {
                md.Append($"- {note}\n");
            }
        }

        md.Append("\nRatio = candidate median / baseline median (below 1 is faster), with a 99% process-level bootstrap interval; q = Mann-Whitney p-value of a change beyond the threshold, Benjamini-Hochberg adjusted.\n");
        return md.ToString();
    }

    private static string Describe(SideInfo side) =>
        $" ({(side.RunId is { } id ? $"run {id}, " : "")}{(side.Label is { } l ? $"label {l}, " : "")}suite {side.Suite}, {side.Processes} x {side.Iterations} iterations, warm-up {side.Warmup}; {string.Join(", ", side.Engines)})";

    private static void Table(StringBuilder md, IEnumerable<ComparisonRow> rows)
    {
        md.Append("| workload | engine | phase | baseline | candidate | ratio | 99% interval | q | verdict |\n|---|---|---|---:|---:|---:|---|---:|---|\n");
        foreach (var r in rows)
        {
            var verdict = r.Verdict switch { Verdict.Slower => "**slower**", Verdict.Faster => "faster", Verdict.Undecided => "undecided", _ => "same" };
            md.Append($"| {r.Workload} | {r.Series} | {r.Metric} | {ReportFormat.Duration(r.Baseline.Median)} | {ReportFormat.Duration(r.Candidate.Median)} | {ReportFormat.Ratio(r.Ratio)} | {ReportFormat.Interval(r.RatioLower, r.RatioUpper)} | {ReportFormat.P(r.QValue)} | {verdict} |\n");
        }
    }
}
