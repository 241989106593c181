using System.Globalization;
using System.Text;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using WasmBench.Runners.Spec;

namespace WasmBench.Silo.Cli;

/// <summary>A spec run's results per engine, checked against the reviewed known-failure lists.</summary>
public static class SpecReport
{
    /// <summary>The per-engine reports of a spec run, files in path order.</summary>
    public static IReadOnlyList<SpecEngineReport> Engines(RunReport report) =>
        [.. report.Pairs.GroupBy(t => t.Engine).Select(g => new SpecEngineReport(
            g.Key,
            [.. g.OrderBy(t => t.Workload, StringComparer.Ordinal).Select(ToScriptResult)]))];

    /// <summary>How many results are not in the engines' reviewed lists: unexpected failures and unexpected passes.</summary>
    public static int Unexpected(string suite, IReadOnlyList<SpecEngineReport> engines, Func<string, KnownFailures> knownFailures) =>
        engines.Sum(engine => engine.Files.Sum(file => knownFailures(engine.Engine.Id).Classify(suite, file) is var check
            ? check.UnexpectedFailures.Count + check.UnexpectedPasses.Count
            : 0));

    /// <summary>Totals, then every failure (marked known or unexpected), then unexpected passes.</summary>
    public static string Render(string suite, IReadOnlyList<SpecEngineReport> engines, Func<string, KnownFailures> knownFailures)
    {
        var text = new StringBuilder();
        var width = engines.Select(e => e.Engine.ToString().Length).Append("engine".Length).Max();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"engine".PadRight(width)} {"passed",8} {"failed",8} {"skipped",8} {"not-run",8} {"text-format",12}  unexpected");
        var details = new StringBuilder();
        foreach (var engine in engines)
        {
            var known = knownFailures(engine.Engine.Id);
            var unexpectedFailures = 0;
            var unexpectedPasses = 0;
            foreach (var file in engine.Files)
            {
                var check = known.Classify(suite, file);
                unexpectedFailures += check.UnexpectedFailures.Count;
                unexpectedPasses += check.UnexpectedPasses.Count;
                foreach (var failure in file.Failures)
                {
                    var entry = check.ExpectedFailures.Contains(failure)
                        ? known.Entries.First(e => e.File == file.File && e.Line == failure.Line).Reason
                        : null;
                    details.AppendLine(CultureInfo.InvariantCulture,
                        $"  {engine.Engine.Id} {file.File}:{failure.Line} {failure.Command}: expected {failure.Expected ?? "-"}, got {failure.Actual ?? "-"}{(failure.Message is null ? "" : $" ({failure.Message})")}{(entry is null ? " [UNEXPECTED]" : $" [known: {entry}]")}");
                }

                foreach (var pass in check.UnexpectedPasses)
                {
                    details.AppendLine(CultureInfo.InvariantCulture, $"  {engine.Engine.Id} {pass.File}:{pass.Line} is listed as a known failure ({pass.Reason}) but did not fail (it passed, or was not run because a module it needs failed) [UNEXPECTED PASS]");
                }
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"{engine.Engine.ToString().PadRight(width)} {engine.Passed,8} {engine.Failed,8} {engine.Skipped,8} {engine.NotRun,8} {engine.TextFormat,12}  {unexpectedFailures} failures, {unexpectedPasses} passes");
        }

        if (details.Length > 0)
        {
            text.AppendLine("failures:");
            text.Append(details);
        }

        return text.ToString();
    }

    private static SpecScriptResult ToScriptResult(PairReport task)
    {
        // A task that itself failed (engine missing on the node, unreadable suite) is one failure for the file.
        return task.Spec ?? new SpecScriptResult(task.Workload, 0, 1, 0, 0, [new SpecFailure(0, SpecRegressions.WholeScript, null, null, task.Error)]);
    }
}
