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
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table: [{id, family, tier, version, kind, available, reason, capabilities, proposals, phases, phaseNote}]." };
        var command = new Command("engines", "List the engine configurations of this node: id, family, tier, version, kind, capabilities, the phases it times (all, or which) and availability (with the reason when unavailable).") { json };
        command.SetAction(async parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var services = WasmBenchServices.Create(s => s.AddWasmBenchEngines());
            var rows = services.GetRequiredService<EngineCatalog>().All.Select(EngineListing.Of).ToList();
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(rows, WasmBenchJson.Options));
                return ExitCodes.Ok;
            }

            int Width(Func<EngineListing, string> column, string header, int cap = 40) => Math.Min(Math.Max(header.Length, rows.Max(r => column(r).Length)), cap) + 1;
            var (id, family, tier, kind, version, caps) = (Width(r => r.Id, "ENGINE"), Width(r => r.Family, "FAMILY"), Width(r => r.Tier, "TIER"),
                Width(r => r.Kind, "KIND"), Width(r => r.Version, "VERSION", 32), Width(r => string.Join(',', r.Capabilities), "CAPABILITIES"));
            var phases = Width(r => r.PhasesText, "PHASES");
            await output.WriteLineAsync($"{"ENGINE".PadRight(id)} {"FAMILY".PadRight(family)} {"TIER".PadRight(tier)} {"KIND".PadRight(kind)} {"VERSION".PadRight(version)} {"CAPABILITIES".PadRight(caps)} {"PHASES".PadRight(phases)} STATUS");
            foreach (var row in rows)
            {
                var status = row.Available ? "available" : $"unavailable: {row.Reason}";
                await output.WriteLineAsync($"{row.Id.PadRight(id)} {row.Family.PadRight(family)} {row.Tier.PadRight(tier)} {row.Kind.PadRight(kind)} {row.Version.PadRight(version)} {string.Join(',', row.Capabilities).PadRight(caps)} {row.PhasesText.PadRight(phases)} {status}");
            }

            var available = rows.Where(r => r.Available).ToList();
            await output.WriteLineAsync($"{available.Count} of {rows.Count} configurations available, from {available.Select(r => r.Family).Distinct().Count()} families");
            foreach (var note in rows.Where(r => r.PhaseNote is not null).GroupBy(r => r.PhaseNote))
            {
                await output.WriteLineAsync($"phases of {string.Join(", ", note.Select(r => r.Id))}: {note.Key}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
