using System.CommandLine;
using WasmBench.Abstractions;
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
            var settings = options.Get(parse);
            if (!settings.Succeeded)
            {
                await error.WriteLineAsync(settings.Error);
                return ExitCodes.Usage;
            }

            var b = await RunSource.ResolveAsync(parse.GetValue(baseline)!, settings.Value.Database, ct);
            var c = b.Succeeded ? await RunSource.ResolveAsync(parse.GetValue(candidate)!, settings.Value.Database, ct) : b;
            if (!b.Succeeded || !c.Succeeded)
            {
                await error.WriteLineAsync(b.Error ?? c.Error);
                return ExitCodes.Usage;
            }

            return await CompareAsync(b.Value, c.Value, settings.Value, parse.InvocationConfiguration.Output, error, ct);
        });
        return command;
    }

    public static async Task<int> CompareAsync(ComparisonSide baseline, ComparisonSide candidate, CompareSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var compared = RunComparer.Compare(baseline, candidate, settings.Options);
        if (!compared.Succeeded)
        {
            await stderr.WriteLineAsync(compared.Error);
            return ExitCodes.Usage;
        }

        return await settings.Output.WriteAsync(compared.Value, stdout, ct);
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

    /// <summary>The comparison, where it goes and the database, or what is wrong with the options.</summary>
    public Result<CompareSettings> Get(ParseResult parse) =>
        ComparisonOptions.Parse(parse.GetValue(Threshold)!, parse.GetValue(Phase)!, parse.GetValue(Reference)!)
            .Map(options => new CompareSettings(options, new CompareOutput(parse.GetValue(Markdown), parse.GetValue(JUnit), parse.GetValue(Json)), parse.GetValue(Db)!));
}

/// <summary>What the options of `compare` (and `gate`) say: how to compare, where the reports go, and the database of run ids and labels.</summary>
public sealed record CompareSettings(ComparisonOptions Options, CompareOutput Output, string Database);
