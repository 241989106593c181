using System.CommandLine;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Files;

namespace WasmBench.Silo.Cli;

/// <summary>
/// `wasmbench gate`: run a suite, compare it with a baseline (a label or a `run --json` file) and
/// fail on a significant regression; with --spec-suite also run a spec testsuite and fail on a
/// command that passed in the spec baseline and fails now.
/// </summary>
public static class GateCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "The benchmark suite to run (a name or a path).", Required = true };
        var baseline = new Option<string>("--baseline") { Description = "A label (the latest completed run with it), a run id, or a JSON file written by 'run --json'.", Required = true };
        var engine = new Option<string?>("--engine") { Description = "Comma-separated engine ids; default: every available engine." };
        var processes = new Option<int>("--processes") { Description = "Fresh processes per workload and engine.", DefaultValueFactory = _ => RunRequest.DefaultProcesses };
        var iterations = new Option<int>("--iterations") { Description = "Measured iterations per process.", DefaultValueFactory = _ => RunRequest.DefaultIterations };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up iterations per process (left out of the statistics).", DefaultValueFactory = _ => RunRequest.DefaultWarmup };
        var label = new Option<string>("--label") { Description = "The label stored with this run.", DefaultValueFactory = _ => "gate" };
        var runJson = new Option<string?>("--run-json") { Description = "Also write this run with every sample here (a baseline file for later gates)." };
        var specSuite = new Option<string?>("--spec-suite") { Description = "Also run this spec suite and fail on a command that passed in --spec-baseline." };
        var specBaseline = new Option<string?>("--spec-baseline") { Description = "The spec baseline: a label, a run id, or a JSON file written by 'spec --json' (required with --spec-suite)." };
        var specJson = new Option<string?>("--spec-json") { Description = "Write this gate's spec results here, as 'spec --json' does (a spec baseline for later gates)." };
        var testsuite = new Option<string?>("--testsuite") { Description = $"Folder with the spec testsuite's scripts; default: ${Runners.Spec.TestsuiteLocator.EnvironmentVariable}, then ../shared/wasm-testsuite, then the fetch.sh cache." };
        var specFilter = new Option<string?>("--spec-filter") { Description = "Only spec scripts whose path (or file name) matches this glob." };
        var specEngine = new Option<string?>("--spec-engine") { Description = "Comma-separated engine ids for the spec run; default: those of --engine." };
        var remeasure = RemeasureOption.Create();
        var options = new CompareOptions();
        var command = new Command("gate", "Run a suite and compare it with a baseline in one step; exit 1 on a significant regression (or a newly failing spec command), 2 on bad input.")
        {
            suite, baseline, engine, processes, iterations, warmup, label, runJson, specSuite, specBaseline, specJson, testsuite, specFilter, specEngine, remeasure,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var settings = options.Get(parse);
            if (!settings.Succeeded)
            {
                await stderr.WriteLineAsync(settings.Error);
                return ExitCodes.Usage;
            }

            // Resolve every baseline before running anything: bad input changes nothing.
            var db = settings.Value.Database;
            var bench = await RunSource.ResolveAsync(parse.GetValue(baseline)!, db, ct);
            var spec = parse.GetValue(specSuite);
            var specBase = spec is null ? null
                : parse.GetValue(specBaseline) is { } sb ? await RunSource.ResolveAsync(sb, db, ct)
                : Result<ComparisonSide>.Failure("--spec-suite needs --spec-baseline");
            if ((bench.Error ?? specBase?.Error) is { } resolveError)
            {
                await stderr.WriteLineAsync(resolveError);
                return ExitCodes.Usage;
            }

            var engines = EngineList.Parse(parse.GetValue(engine));
            var request = new RunRequest(parse.GetValue(suite)!, engines, parse.GetValue(iterations), parse.GetValue(label),
                Processes: parse.GetValue(processes), Warmup: parse.GetValue(warmup));
            var specEngines = parse.GetValue(specEngine) is { } list ? EngineList.Parse(list) : engines;
            var specRequest = spec is null ? null : new RunRequest(spec, specEngines, 1, request.Label, RunKind.Spec,
                parse.GetValue(testsuite) is { } path ? Path.GetFullPath(path) : null, parse.GetValue(specFilter));
            await using var backend = await LocalRunBackend.StartAsync(db, ct, parse.GetValue(remeasure));
            if ((backend.Check(request) ?? (specRequest is null ? null : backend.Check(specRequest))) is { } planError)
            {
                // Both runs are checked before either starts: a bad spec option must not cost a benchmark run.
                await stderr.WriteLineAsync(planError);
                return ExitCodes.Usage;
            }

            var run = await RunAsync(backend, request, stdout, stderr, ct);
            if (run is null)
            {
                return ExitCodes.Usage;
            }

            if (parse.GetValue(runJson) is { } runJsonPath)
            {
                await File.WriteAllTextAsync(runJsonPath, RunFile.Write(run), ct);
            }

            var code = await CompareCommand.CompareAsync(bench.Value!, ComparisonSide.Of(run, $"{request.Label} (run {run.Run.Id})", stored: true), settings.Value, stdout, stderr, ct);
            if (specRequest is not null && code != ExitCodes.Usage)
            {
                var specRun = await RunAsync(backend, specRequest, stdout, stderr, ct);
                if (specRun is null)
                {
                    return ExitCodes.Usage;
                }

                if (parse.GetValue(specJson) is { } specJsonPath)
                {
                    await File.WriteAllTextAsync(specJsonPath, SpecReportWriter.ToJson(SpecReport.Engines(specRun)), ct);
                }

                var regressions = SpecRegressions.Find(specBase!.Value!.Report, specRun);
                foreach (var r in regressions)
                {
                    await stdout.WriteLineAsync($"SPEC REGRESSION {r.Engine}/{r.File}:{r.Line}: {r.Command} {r.Message}");
                }

                await stdout.WriteLineAsync($"spec: {regressions.Count} command(s) fail now that passed in {specBase.Value.Info.Name}");
                code = regressions.Count > 0 ? ExitCodes.Failed : code;
            }

            return code;
        });
        return command;
    }

    private static async Task<RunReport?> RunAsync(IRunBackend backend, RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var started = await backend.StartAsync(request, ct);
        if (!started.Succeeded)
        {
            await stderr.WriteLineAsync(started.Error);
            return null;
        }

        return await RunWaiter.WaitAsync(backend, started.Value.Id, stdout, _ => null, ct);
    }
}
