using System.CommandLine;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.History;
using WasmBench.Analysis.Reports;
using WasmBench.Dashboard.Data;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench trends`: change points in the history of each workload on each engine, for a nightly alert.</summary>
public static class TrendsCommand
{
    public static Command Create()
    {
        var label = new Option<string?>("--label") { Description = "Only the completed runs with this label (a branch such as main); every completed benchmark run without it." };
        var workload = new Option<string?>("--workload") { Description = "Only this workload (every workload of the runs without it)." };
        var engine = new Option<string?>("--engine") { Description = "Only this engine (every engine of the runs without it)." };
        var phase = new Option<string>("--phase") { Description = "The phase: execution, compilation or instantiation.", DefaultValueFactory = _ => "execution" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of Markdown." };
        var db = new Option<string>("--db") { Description = "The SQLite database of the runs.", DefaultValueFactory = _ => HostSettings.DefaultDatabasePath };
        var command = new Command("trends", "Find change points in the history of each workload on each engine (E-Divisive means with a t-test); exit 1 when a series changed.")
        {
            label, workload, engine, phase, json, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var phaseText = parse.GetValue(phase)!;
            if (!Enum.TryParse<Phase>(phaseText, ignoreCase: true, out var p) || !Enum.IsDefined(p) || phaseText.Any(char.IsDigit))
            {
                await error.WriteLineAsync($"unknown phase '{phaseText}'; use execution, compilation or instantiation");
                return ExitCodes.Usage;
            }

            var database = parse.GetValue(db)!;
            if (!File.Exists(database))
            {
                await error.WriteLineAsync($"there is no database at {database}");
                return ExitCodes.Usage;
            }

            await using var services = WasmBenchServices.Create(s => s.AddWasmBenchStore(database, readOnly: true));
            IRunReader reader = services.GetRequiredService<IResultStore>();
            var trends = await FindAsync(reader, parse.GetValue(label), parse.GetValue(workload), parse.GetValue(engine), p, ct);
            await output.WriteAsync(parse.GetValue(json) ? TrendReport.Json(trends) + "\n" : TrendReport.Markdown(trends));
            return trends.Any(t => t.Changes.Count > 0) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The trend of every (workload, engine) of the label's completed benchmark runs (or of the one asked for).</summary>
    public static async Task<IReadOnlyList<Trend>> FindAsync(IRunReader reader, string? label, string? workload, string? engine, Phase phase, CancellationToken ct)
    {
        var runs = await reader.ListRunsAsync(int.MaxValue, ct);
        var reports = new List<Abstractions.Results.RunReport>();
        foreach (var run in runs.Where(r => r.Kind == RunKind.Benchmark && r.State == RunState.Completed && (label is null || r.Label == label)).OrderBy(r => r.Id))
        {
            if (await reader.GetReportAsync(run.Id, ct) is { } report)
            {
                reports.Add(report);
            }
        }

        var series = reports.SelectMany(r => r.Pairs).Select(x => (x.Workload, x.EngineId))
            .Where(k => (workload is null || k.Workload == workload) && (engine is null || k.EngineId == engine))
            .Distinct().Order();
        return [.. series.Select(k => Trend.Of(reports, k.Workload, k.EngineId, phase, label))];
    }
}
