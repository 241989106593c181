using System.CommandLine;
using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Spec;
using WasmBench.Runners.Worker;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>
/// `wasmbench spec-script --request -` (hidden): the sandboxed child a service's runner starts for one
/// spec script (<see cref="ChildSpecRunner"/>). Runs the script in this process under each action's
/// limits and prints one <see cref="SpecScriptResult"/> as JSON on stdout (nothing else goes there).
/// </summary>
public static class SpecScriptCommand
{
    public static Command Create()
    {
        var request = new Option<string>("--request") { Description = "A JSON file: the script to run ('-': read it from stdin).", Required = true };
        var command = new Command(ChildSpecRunner.Verb, "Run one spec script in this process and print its JSON result (used by the runner).") { request };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            SpecScriptRequest? script;
            try
            {
                var path = parse.GetValue(request)!;
                var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
                script = JsonSerializer.Deserialize<SpecScriptRequest>(text, WasmBenchJson.Options);
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"cannot read the request: {e.Message}");
                return ExitCodes.Usage;
            }

            if (script is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("the request is empty");
                return ExitCodes.Usage;
            }

            // The catalog the runner planned with: it resolves the same ids, variants included.
            await using var services = WasmBenchServices.Create(s => s.AddWasmBenchEngines());
            if (services.GetRequiredService<EngineCatalog>().Find(script.Engine) is not IConformanceEngine engine)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"engine '{script.Engine}' cannot run spec tests");
                return ExitCodes.Usage;
            }

            var result = script.Suite.RunScript(engine, new SpecScript(script.Suite.Name, script.Script, script.ScriptPath), ConformanceLimits.Default, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(result, WasmBenchJson.Options));
            return ExitCodes.Ok;
        });
        return command;
    }
}
