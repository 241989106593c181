using System.CommandLine;
using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Worker;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>
/// `wasmbench measure --request FILE` (hidden): the child process of a run. Measures one or
/// several tasks (each one process's share of a workload x engine pair) in this process, one
/// after the other, and prints a JSON array of <see cref="TaskMeasurement"/> on stdout (nothing
/// else goes to stdout).
/// </summary>
public static class MeasureCommand
{
    public static Command Create()
    {
        var request = new Option<string>("--request") { Description = "A JSON file: an array of task measurement requests ('-': read it from stdin).", Required = true };
        var cpu = new Option<int?>("--cpu") { Description = "Pin every thread of this process to this CPU (the runner keeps off it meanwhile)." };
        var command = new Command(ChildMeasurer.Verb, "Measure tasks in this process and print JSON timings (used by the runner).") { request, cpu };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            List<TaskMeasurementRequest>? requests;
            try
            {
                var path = parse.GetValue(request)!;
                var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
                requests = JsonSerializer.Deserialize<List<TaskMeasurementRequest>>(text, WasmBenchJson.Options);
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"cannot read the request: {e.Message}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(cpu) is int pinned)
            {
                CpuAffinity.SetForAllThreads([pinned]);
            }

            MeasurementPriority.Raise();
            // The catalog the runner planned with: it resolves the same ids, variants included.
            await using var services = WasmBenchServices.Create(s => s.AddWasmBenchEngines());
            var measurer = new InProcessMeasurer(services.GetRequiredService<EngineCatalog>());
            var results = new List<TaskMeasurement>();
            foreach (var r in requests ?? [])
            {
                results.Add(await measurer.MeasureAsync(r, ct));
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(results, WasmBenchJson.Options));
            return ExitCodes.Ok;
        });
        return command;
    }
}
