using System.CommandLine;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Files;
using WasmBench.Analysis.Reports;
using WasmBench.Analysis.Summaries;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench run`: run a benchmark suite, print the table, store the run.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "A suite name (quick, default, all) or a path to a .suite file or a folder of workloads.", Required = true };
        var engine = new Option<string?>("--engine") { Description = "Comma-separated engine ids (see 'wasmbench engines'); default: every available engine." };
        var iterations = new Option<int>("--iterations") { Description = "Measured iterations per process of each workload and engine.", DefaultValueFactory = _ => RunRequest.DefaultIterations };
        var processes = new Option<int>("--processes") { Description = "Fresh processes per workload and engine (each runs --warmup + --iterations iterations).", DefaultValueFactory = _ => RunRequest.DefaultProcesses };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up iterations per process: recorded, left out of the statistics.", DefaultValueFactory = _ => RunRequest.DefaultWarmup };
        var seed = new Option<int?>("--seed") { Description = "Seed of the shuffled, interleaved task order (default: a random one, stored with the run)." };
        var label = new Option<string?>("--label") { Description = "A label stored with the run, e.g. a branch name." };
        var json = new Option<string?>("--json") { Description = "Write the run with every sample to this JSON file." };
        var server = new Option<string?>("--server") { Description = "Run on the service at this URL instead of in this process." };
        var stallTimeout = new Option<int>("--stall-timeout") { Description = "With --server: give up (exit 1) when the service has not answered, or the run has not moved, for this many seconds.", DefaultValueFactory = _ => RemoteRunBackend.DefaultStallSeconds };
        var db = new Option<string>("--db") { Description = "The SQLite database (in-process runs only).", DefaultValueFactory = _ => HostSettings.DefaultDatabasePath };
        var remeasure = RemeasureOption.Create("With --server, the service's own setting applies.");
        var command = new Command("run", "Run a benchmark suite on one or more engines, print a workload x engine table and store the run. Exit 1 when a pair failed or printed the wrong output.")
        {
            suite, engine, iterations, processes, warmup, seed, label, json, server, db, remeasure, stallTimeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new RunRequest(
                parse.GetValue(suite)!,
                EngineList.Parse(parse.GetValue(engine)),
                parse.GetValue(iterations),
                parse.GetValue(label),
                Processes: parse.GetValue(processes),
                Warmup: parse.GetValue(warmup),
                Seed: parse.GetValue(seed));
            var serverUrl = parse.GetValue(server);
            if (parse.GetValue(stallTimeout) <= 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--stall-timeout must be a number of seconds above 0 (got {parse.GetValue(stallTimeout)}).");
                return ExitCodes.Usage;
            }

            await using IRunBackend backend = serverUrl is null
                ? await LocalRunBackend.StartAsync(parse.GetValue(db)!, ct, parse.GetValue(remeasure))
                : RemoteRunBackend.Create(serverUrl, TimeSpan.FromSeconds(parse.GetValue(stallTimeout)), parse.InvocationConfiguration.Error);
            try
            {
                return await ExecuteAsync(backend, request, parse.GetValue(json), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
            }
            catch (RunAbandonedException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static string DescribePair(PairReport pair) =>
        $"{pair.Workload} on {pair.EngineId}: {(pair.Error is null ? ReportFormat.Duration(RunStatistics.RawMedian(pair, Phase.Execution) ?? 0) : $"FAILED: {pair.Error}")}";

    public static async Task<int> ExecuteAsync(IRunBackend backend, RunRequest request, string? jsonPath, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var started = await backend.StartAsync(request, ct);
        if (!started.Succeeded)
        {
            await error.WriteLineAsync(started.Error);
            return ExitCodes.Usage;
        }

        var runId = started.Value.Id;
        var report = await RunWaiter.WaitAsync(backend, runId, output, DescribePair, ct);
        await output.WriteLineAsync();
        await output.WriteAsync(RunTable.Render(report));
        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, RunFile.Write(report), ct);
            await output.WriteLineAsync($"wrote {Path.GetFullPath(jsonPath)}");
        }

        await output.WriteLineAsync($"run {runId}: {report.Run.CompletedTasks} tasks ok, {report.Run.FailedTasks} failed");
        var failed = report.Pairs.Count(p => p.Error is not null);
        var mismatched = report.Pairs.Where(p => p.Error is null && p.Output == OutputVerdict.Mismatched).ToList();
        foreach (var pair in mismatched)
        {
            await error.WriteLineAsync($"MISMATCHED {pair.Workload} on {pair.EngineId}: its output differs from the expected output");
        }

        if (failed + mismatched.Count > 0)
        {
            await error.WriteLineAsync($"{failed} pairs failed and {mismatched.Count} printed the wrong output (exit code {ExitCodes.Failed})");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }
}
