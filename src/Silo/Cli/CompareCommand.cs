using System.CommandLine;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench compare BASELINE CANDIDATE`: per (workload, engine, phase) ratio, interval and verdict.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baseline = new Argument<string>("baseline") { Description = "A run id, a label (the latest completed run with it), or a JSON file written by 'run --json'." };
        var candidate = new Argument<string>("candidate") { Description = "The same kinds as the baseline." };
        var options = new CompareOptions();
        var command = new Command("compare", "Compare two runs: ratio of medians with a 99% interval and a verdict per workload, engine and phase; exit 1 on a significant regression.")
        {
            baseline, candidate,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!options.TryGet(parse, out var comparison, out var output, out var db, out var optionError))
            {
                await error.WriteLineAsync(optionError);
                return ExitCodes.Usage;
            }

            var b = await RunSource.ResolveAsync(parse.GetValue(baseline)!, db, ct);
            var c = b.Error is null ? await RunSource.ResolveAsync(parse.GetValue(candidate)!, db, ct) : b;
            if ((b.Error ?? c.Error) is { } resolveError)
            {
                await error.WriteLineAsync(resolveError);
                return ExitCodes.Usage;
            }

            return await CompareAsync(b, c, comparison, output, parse.InvocationConfiguration.Output, error, ct);
        });
        return command;
    }

    public static async Task<int> CompareAsync(ResolvedRun baseline, ResolvedRun candidate, ComparisonOptions options, CompareOutput output, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var outcome = RunComparer.Compare(baseline.Side!, candidate.Side!, options);
        if (outcome.Error is not null)
        {
            await stderr.WriteLineAsync(outcome.Error);
            return ExitCodes.Usage;
        }

        return await output.WriteAsync(outcome.Report!, stdout, ct);
    }
}

/// <summary>The options `compare`, `gate` and `calibrate` share.</summary>
public sealed class CompareOptions
{
    public Option<string> Threshold { get; } = new("--threshold") { Description = "The smallest change that counts: a percentage (5%) or a time (2ms).", DefaultValueFactory = _ => "5%" };
    public Option<string> Phase { get; } = new("--phase") { Description = "The phase to compare: execution, compilation, instantiation, all (those three), or reference (the machine reference: how fast the machine itself was).", DefaultValueFactory = _ => "execution" };
    public Option<string> Reference { get; } = ReferenceOption();

    public Option<string?> Markdown { get; } = new("--markdown") { Description = "Write a Markdown report here (and a PNG chart next to it)." };
    public Option<string?> JUnit { get; } = new("--junit") { Description = "Write JUnit XML here: one testcase per workload and engine." };
    public Option<string?> Json { get; } = new("--json") { Description = "Write the comparison as JSON here." };
    public Option<string> Db { get; } = new("--db") { Description = "The SQLite database that holds run ids and labels.", DefaultValueFactory = _ => HostSettings.DefaultDatabasePath };

    /// <summary><c>--reference</c>, also used by calibrate.</summary>
    public static Option<string> ReferenceOption() => new("--reference")
    {
        Description = "How the machine reference timed in every measuring process is used: adjust (leave out the processes that ran while the machine was disturbed and scale the others' timings by their reference), detect (only leave them out), or off (raw timings).",
        DefaultValueFactory = _ => "adjust",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Threshold);
        command.Options.Add(Phase);
        command.Options.Add(Reference);
        command.Options.Add(Markdown);
        command.Options.Add(JUnit);
        command.Options.Add(Json);
        command.Options.Add(Db);
    }

    public bool TryGet(ParseResult parse, out ComparisonOptions options, out CompareOutput output, out string db, out string? error)
    {
        output = new CompareOutput(parse.GetValue(Markdown), parse.GetValue(JUnit), parse.GetValue(Json));
        db = parse.GetValue(Db)!;
        var parsed = ComparisonOptions.Parse(parse.GetValue(Threshold)!, parse.GetValue(Phase)!, parse.GetValue(Reference)!);
        options = parsed.Value ?? ComparisonOptions.Default;
        error = parsed.Error;
        return parsed.Succeeded;
    }
}
