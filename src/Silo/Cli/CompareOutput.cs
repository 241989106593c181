using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Reports;
using WasmBench.Dashboard.Charts;

namespace WasmBench.Silo.Cli;

/// <summary>Where a comparison goes besides the console: Markdown (+ PNG chart), JUnit, JSON files; and the exit code it means.</summary>
public sealed record CompareOutput(string? Markdown, string? JUnit, string? Json)
{
    /// <summary>Prints the summary, writes the requested files, and returns the exit code (0 or 1).</summary>
    public async Task<int> WriteAsync(ComparisonReport report, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(ConsoleReport.Render(report));
        if (Markdown is not null)
        {
            var chart = Path.ChangeExtension(Markdown, ".png");
            var png = ComparisonChart.RenderPng(report);
            if (png is not null)
            {
                await File.WriteAllBytesAsync(chart, png, cancellationToken);
            }

            await File.WriteAllTextAsync(Markdown, MarkdownReport.Render(report, png is null ? null : Path.GetFileName(chart)), cancellationToken);
            await output.WriteLineAsync($"wrote {Path.GetFullPath(Markdown)}{(png is null ? "" : $" and {Path.GetFullPath(chart)}")}");
        }

        if (JUnit is not null)
        {
            await File.WriteAllTextAsync(JUnit, JUnitReport.Render(report), cancellationToken);
            await output.WriteLineAsync($"wrote {Path.GetFullPath(JUnit)}");
        }

        if (Json is not null)
        {
            await File.WriteAllTextAsync(Json, JsonReport.Render(report), cancellationToken);
            await output.WriteLineAsync($"wrote {Path.GetFullPath(Json)}");
        }

        return report.HasRegression ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
