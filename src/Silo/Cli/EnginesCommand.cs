using System.CommandLine;
using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Runners.Engines;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench engines`: what this node can run.</summary>
public static class EnginesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("engines", "List the engines of this node with name, version, kind and availability.") { json };
        command.SetAction(async parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var catalog = new EngineCatalog(WasmBenchHostExtensions.CreateEngines());
            var rows = catalog.All.Select(e => new EngineRow(
                e.Info.Id, e.Info.Version, e.Info.Kind.ToString().ToLowerInvariant(), e.Availability.IsAvailable, e.Availability.Reason, e.Info.Proposals)).ToList();
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, WasmBenchJson.Options));
                return ExitCodes.Ok;
            }

            var (idWidth, versionWidth) = (rows.Max(r => r.Name.Length) + 1, Math.Min(rows.Max(r => r.Version.Length) + 1, 24));
            await output.WriteLineAsync($"{"ENGINE".PadRight(idWidth)} {"VERSION".PadRight(versionWidth)} {"KIND",-12} STATUS");
            foreach (var row in rows)
            {
                var status = row.Available ? "available" : $"unavailable: {row.Reason}";
                await output.WriteLineAsync($"{row.Name.PadRight(idWidth)} {row.Version.PadRight(versionWidth)} {row.Kind,-12} {status}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record EngineRow(string Name, string Version, string Kind, bool Available, string? Reason, IReadOnlyList<string> Proposals);
}
