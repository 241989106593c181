using System.CommandLine;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench calibrate`: A/A runs of a suite that measure each workload's noise and suggest a threshold.</summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "The benchmark suite to calibrate (a name or a path).", Required = true };
        var engine = new Option<string?>("--engine") { Description = "Comma-separated engine ids; default: every available engine." };
        var runs = new Option<int>("--runs") { Description = "Runs of the same suite; consecutive runs are compared (A/A).", DefaultValueFactory = _ => 3 };
        var processes = new Option<int>("--processes") { Description = "Fresh processes per workload and engine.", DefaultValueFactory = _ => RunRequest.DefaultProcesses };
        var iterations = new Option<int>("--iterations") { Description = "Measured iterations per process.", DefaultValueFactory = _ => RunRequest.DefaultIterations };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up iterations per process.", DefaultValueFactory = _ => RunRequest.DefaultWarmup };
        var phase = new Option<string>("--phase") { Description = "The phase to calibrate: execution, compilation or instantiation.", DefaultValueFactory = _ => "execution" };
        var reference = CompareOptions.ReferenceOption();
        var remeasure = RemeasureOption.Create();
        var db = new Option<string>("--db") { Description = "The SQLite database the runs are stored in (label 'calibrate').", DefaultValueFactory = _ => HostSettings.DefaultDatabasePath };
        var command = new Command("calibrate", "Run a suite several times (A/A), print each workload's noise and suggest a --threshold for compare and gate.")
        {
            suite, engine, runs, processes, iterations, warmup, phase, reference, remeasure, db,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (parse.GetValue(runs) is < 2 or > 20)
            {
                await stderr.WriteLineAsync($"--runs must be between 2 and 20, not {parse.GetValue(runs)}");
                return ExitCodes.Usage;
            }

            if (!Enum.TryParse<Phase>(parse.GetValue(phase), ignoreCase: true, out var p) || !Enum.IsDefined(p))
            {
                await stderr.WriteLineAsync($"unknown phase '{parse.GetValue(phase)}'; use execution, compilation or instantiation");
                return ExitCodes.Usage;
            }

            var use = ComparisonOptions.ParseReference(parse.GetValue(reference)!);
            if (!use.Succeeded)
            {
                await stderr.WriteLineAsync(use.Error);
                return ExitCodes.Usage;
            }

            var request = new RunRequest(parse.GetValue(suite)!,
                EngineList.Parse(parse.GetValue(engine)),
                parse.GetValue(iterations), "calibrate", Processes: parse.GetValue(processes), Warmup: parse.GetValue(warmup));
            await using var backend = await LocalRunBackend.StartAsync(parse.GetValue(db)!, ct, parse.GetValue(remeasure));
            var reports = new List<RunReport>();
            for (var i = 0; i < parse.GetValue(runs); i++)
            {
                var started = await backend.StartAsync(request, ct);
                if (!started.Succeeded)
                {
                    await stderr.WriteLineAsync(started.Error);
                    return ExitCodes.Usage;
                }

                await stdout.WriteLineAsync($"calibration run {i + 1} of {parse.GetValue(runs)} (run {started.Value.Id})");
                reports.Add(await RunWaiter.WaitAsync(backend, started.Value.Id, stdout, _ => null, ct));
            }

            // Threshold 0%: every change the test can see counts, so the intervals show the raw noise.
            var options = new ComparisonOptions("0%", [p], Reference: use.Value);
            var aa = new List<ComparisonReport>();
            for (var i = 1; i < reports.Count; i++)
            {
                var a = ComparisonSide.Of(reports[i - 1], $"run {reports[i - 1].Run.Id}", stored: true);
                var b = ComparisonSide.Of(reports[i], $"run {reports[i].Run.Id}", stored: true);
                if (RunComparer.Compare(a, b, options) is { Succeeded: true, Value: { } report })
                {
                    aa.Add(report);
                }
            }

            var (rows, suggested) = NoiseCalibration.Measure(aa);
            await stdout.WriteAsync(NoiseCalibration.Render(rows, suggested, aa.Count, p));
            return ExitCodes.Ok;
        });
        return command;
    }
}
