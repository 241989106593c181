using System.CommandLine;
using WasmBench.Abstractions;
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
                    ? $"{suite.Value.Count} workloads: {string.Join(", ", suite.Value.Select(w => w.Name).Take(6))}{(suite.Value.Count > 6 ? ", ..." : "")}"
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

            await using var services = WasmBenchServices.Create(s => s.AddWasmBenchEngines());
            var catalog = services.GetRequiredService<EngineCatalog>();
            var engines = SelectEngines(catalog, parse.GetValue(engine));
            var limits = ParseLimits(parse.GetValue(limit)!);
            if (!engines.Succeeded || !limits.Succeeded)
            {
                await error.WriteLineAsync(engines.Error ?? limits.Error);
                return ExitCodes.Usage;
            }

            var validation = await SuiteValidation.RunAsync(loaded.Value, engines.Value, limits.Value, output, ct);
            await output.WriteLineAsync($"validated {validation.Checked} (workload, engine) pairs: {validation.Problems.Count} problems, {validation.Skipped} skipped, {validation.Unsupported} unsupported by their engine");
            foreach (var problem in validation.Problems)
            {
                await output.WriteLineAsync($"  {problem}");
            }

            return validation.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>The requested engines (every available one when none is), variants of a family included.</summary>
    private static Result<IReadOnlyList<IBenchmarkEngine>> SelectEngines(EngineCatalog catalog, string? requested)
    {
        var available = catalog.BenchmarkEngines.ToList();
        if (string.IsNullOrWhiteSpace(requested))
        {
            return Result<IReadOnlyList<IBenchmarkEngine>>.Success(available);
        }

        var result = new List<IBenchmarkEngine>();
        foreach (var id in EngineList.Parse(requested))
        {
            if (catalog.Find(id) is not IBenchmarkEngine { Availability.IsAvailable: true } found)
            {
                return Result<IReadOnlyList<IBenchmarkEngine>>.Failure($"unknown or unavailable engine '{id}'; available engines: {string.Join(", ", available.Select(e => e.Info.Id).Order())}");
            }

            result.Add(found);
        }

        return Result<IReadOnlyList<IBenchmarkEngine>>.Success(result);
    }

    /// <summary><c>interp=small,wasmtime=default</c>: each engine runs only workloads of that size.</summary>
    private static Result<IReadOnlyDictionary<string, string>> ParseLimits(string text)
    {
        var limits = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return Result<IReadOnlyDictionary<string, string>>.Failure($"--limit-size takes ENGINE=SIZE pairs (e.g. interp=small), not '{pair}'");
            }

            limits[parts[0]] = parts[1];
        }

        return Result<IReadOnlyDictionary<string, string>>.Success(limits);
    }
}
