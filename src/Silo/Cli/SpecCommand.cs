using System.CommandLine;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Files;
using WasmBench.Runners.Spec;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench spec`: run a WebAssembly spec testsuite on engines, one task per script.</summary>
public static class SpecCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = $"A spec suite: {string.Join(", ", SpecSuite.BuiltInNames)}, or a path to a spec .suite file.", Required = true };
        var engine = new Option<string?>("--engine") { Description = "Comma-separated engine ids; default: every engine that can run spec tests." };
        var testsuite = new Option<string?>("--testsuite") { Description = $"Folder with the testsuite's scripts (or holding wasm-2.0/ and wasm-3.0/); default: ${TestsuiteLocator.EnvironmentVariable}, then ../shared/wasm-testsuite, then the fetch.sh cache." };
        var filter = new Option<string?>("--filter") { Description = "Only scripts whose path (or file name) matches this glob, e.g. 'simd_*.wast'." };
        var json = new Option<string?>("--json") { Description = "Write {\"engines\":[{name, version, build, passed, failed, skipped, textFormat, notRun, files:[{file, passed, failed, skipped, textFormat, notRun, failures:[...]}]}]} to this file." };
        var label = new Option<string?>("--label") { Description = "A label stored with the run, e.g. a branch name." };
        var server = new Option<string?>("--server") { Description = "Run on the service at this URL instead of in this process." };
        var stallTimeout = new Option<int>("--stall-timeout") { Description = "With --server: give up (exit 1) when the service has not answered, or the run has not moved, for this many seconds.", DefaultValueFactory = _ => RemoteRunBackend.DefaultStallSeconds };
        var db = new Option<string>("--db") { Description = "The SQLite database (in-process runs only).", DefaultValueFactory = _ => HostSettings.DefaultDatabasePath };
        var command = new Command("spec", "Run a WebAssembly spec testsuite on engines; print per-engine totals and every failure (known failures are marked). Exit 1 when a result is not in the engines' reviewed known-failure lists (an unexpected failure or pass) or a script did not run, so CI can use it directly.")
        {
            suite, engine, testsuite, filter, json, label, server, db, stallTimeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new RunRequest(
                parse.GetValue(suite)!,
                EngineList.Parse(parse.GetValue(engine)),
                1,
                parse.GetValue(label),
                RunKind.Spec,
                parse.GetValue(testsuite) is { } path ? Path.GetFullPath(path) : null,
                parse.GetValue(filter));
            var serverUrl = parse.GetValue(server);
            if (parse.GetValue(stallTimeout) <= 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--stall-timeout must be a number of seconds above 0 (got {parse.GetValue(stallTimeout)}).");
                return ExitCodes.Usage;
            }

            await using IRunBackend backend = serverUrl is null
                ? await LocalRunBackend.StartAsync(parse.GetValue(db)!, ct)
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

    public static async Task<int> ExecuteAsync(IRunBackend backend, RunRequest request, string? jsonPath, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var started = await backend.StartAsync(request, ct);
        if (!started.Succeeded)
        {
            await error.WriteLineAsync(started.Error);
            return ExitCodes.Usage;
        }

        var runId = started.Value.Id;
        var report = await RunWaiter.WaitAsync(backend, runId, output, Describe, ct);
        var engines = SpecReport.Engines(report);
        var suiteName = SpecSuite.Load(request.Suite).Value?.Name ?? request.Suite;
        await output.WriteLineAsync();
        KnownFailures Known(string name) => KnownFailures.Load(name).Value ?? new KnownFailures([]);
        await output.WriteAsync(SpecReport.Render(suiteName, engines, Known));
        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, SpecReportWriter.ToJson(engines), ct);
            await output.WriteLineAsync($"wrote {Path.GetFullPath(jsonPath)}");
        }

        await output.WriteLineAsync($"run {runId}: {report.Pairs.Count} scripts");
        var unexpected = SpecReport.Unexpected(suiteName, engines, Known);
        var errors = report.Pairs.Count(p => p.Error is not null);
        if (unexpected + errors > 0)
        {
            await error.WriteLineAsync($"{unexpected} results not in the engines' reviewed known-failure lists, {errors} scripts that did not run (exit code {ExitCodes.Failed})");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Only scripts worth a line: those with failures (a full run has hundreds).</summary>
    private static string? Describe(PairReport task) => task switch
    {
        { Error: { } e } => $"{task.Workload} on {task.EngineId}: ERROR {e}",
        { Spec.Failed: > 0 } => $"{task.Workload} on {task.EngineId}: {task.Spec.Passed} passed, {task.Spec.Failed} failed",
        _ => null,
    };
}
