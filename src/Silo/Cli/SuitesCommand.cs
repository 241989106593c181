using System.CommandLine;
using WasmBench.Abstractions.Workloads;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Workloads;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench suites list|validate`: what the benchmark suites hold, and whether every engine runs them correctly.</summary>
public static class SuitesCommand
{
    public static Command Create()
    {
        var command = new Command("suites", "List the benchmark suites, or validate that every workload runs with the expected output on every engine.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateValidate());
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List the suites of the suites folder with their workloads.");
        command.SetAction(async parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var loader = SuiteLoader.FromEnvironment();
            if (loader.SuitesRootDirectory is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(loader.Load("quick").Error);
                return ExitCodes.Usage;
            }

            await output.WriteLineAsync($"suites in {loader.SuitesRootDirectory}:");
            foreach (var name in loader.AvailableSuites)
            {
                var suite = loader.Load(name);
                var summary = suite.Succeeded
                    ? $"{suite.Workloads.Count} workloads: {string.Join(", ", suite.Workloads.Select(w => w.Name).Take(6))}{(suite.Workloads.Count > 6 ? ", ..." : "")}"
                    : $"ERROR {suite.Error}";
                await output.WriteLineAsync($"  {name,-10} {summary}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateValidate()
    {
        var suite = new Option<string>("--suite") { Description = "The suite to validate (name or path).", DefaultValueFactory = _ => "all" };
        var engine = new Option<string?>("--engine") { Description = "Comma-separated engine ids; default: every available engine." };
        var limit = new Option<string>("--limit-size") { Description = "ENGINE=SIZE pairs, comma-separated: that engine runs only workloads of that size (slow engines).", DefaultValueFactory = _ => "interp=small" };
        var command = new Command("validate", "Run every workload of a suite once on every engine and check its output; a mismatch names the workload, the engine and the first differing line. Exit 1 on any mismatch or failure.")
        {
            suite, engine, limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var loaded = SuiteLoader.FromEnvironment().Load(parse.GetValue(suite)!);
            if (!loaded.Succeeded)
            {
                await error.WriteLineAsync(loaded.Error);
                return ExitCodes.Usage;
            }

            var catalog = new EngineCatalog(WasmBenchHostExtensions.CreateEngines());
            var engines = SelectEngines(catalog, parse.GetValue(engine), out var engineError);
            var limits = ParseLimits(parse.GetValue(limit)!, out var limitError);
            if ((engineError ?? limitError) is { } usage)
            {
                await error.WriteLineAsync(usage);
                return ExitCodes.Usage;
            }

            var validation = await SuiteValidation.RunAsync(loaded.Workloads, engines!, limits!, output, ct);
            await output.WriteLineAsync($"validated {validation.Checked} (workload, engine) pairs: {validation.Problems.Count} problems, {validation.Skipped} skipped");
            foreach (var problem in validation.Problems)
            {
                await output.WriteLineAsync($"  {problem}");
            }

            return validation.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static List<IBenchmarkEngine>? SelectEngines(EngineCatalog catalog, string? requested, out string? error)
    {
        error = null;
        var available = catalog.BenchmarkEngines.ToList();
        if (string.IsNullOrWhiteSpace(requested))
        {
            return available;
        }

        var result = new List<IBenchmarkEngine>();
        foreach (var id in requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = available.FirstOrDefault(e => string.Equals(e.Info.Id, id, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                error = $"unknown or unavailable engine '{id}'; available engines: {string.Join(", ", available.Select(e => e.Info.Id).Order())}";
                return null;
            }

            result.Add(found);
        }

        return result;
    }

    private static Dictionary<string, string>? ParseLimits(string text, out string? error)
    {
        error = null;
        var limits = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                error = $"--limit-size takes ENGINE=SIZE pairs (e.g. interp=small), not '{pair}'";
                return null;
            }

            limits[parts[0]] = parts[1];
        }

        return limits;
    }
}
