using System.Text.Json;
using System.Text.Json.Nodes;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;

namespace WasmBench.Analysis.Files;

/// <summary>
/// The file `wasmbench run --json` writes (and `GET /api/runs/{id}` serves): a <see cref="RunReport"/>
/// marked <see cref="RunReport.FormatName"/>. Files of the first version (no format; <c>tasks</c>
/// that were pairs, engines as three strings, the machine reference as samples of a phase
/// <c>reference</c>) read as well, so baselines kept by CI stay usable.
/// </summary>
public static class RunFile
{
    public static string Write(RunReport report) => JsonSerializer.Serialize(report, WasmBenchJson.Options);

    /// <summary>The run in <paramref name="text"/>, or why it is not a run written by `wasmbench run --json`.</summary>
    /// <param name="source">The file's path, for messages.</param>
    public static Result<RunReport> Read(string text, string source)
    {
        RunReport? report;
        try
        {
            var root = JsonNode.Parse(text);
            if (root is JsonObject legacy && legacy["format"] is null && legacy["tasks"] is JsonArray tasks)
            {
                legacy.Remove("tasks");
                legacy["pairs"] = new JsonArray([.. tasks.Select(ToPair)]);
            }

            report = root?.Deserialize<RunReport>(WasmBenchJson.Options);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Result<RunReport>.Failure($"{source} is not a run written by 'wasmbench run --json': {e.Message}");
        }

        // A foreign JSON file deserializes to nulls where the run and its pairs should be.
        return report is { Run: { Suite: not null, Engines: not null }, Pairs: not null } && report.Pairs.All(p => p is { Workload: not null, Engine: not null, Samples: not null, Events: not null })
            ? Result<RunReport>.Success(report)
            : Result<RunReport>.Failure($"{source} is not a run written by 'wasmbench run --json' (no run or pairs in it)");
    }

    /// <summary>A first-version task report (one pair with every process) as a pair report of this version.</summary>
    private static JsonNode? ToPair(JsonNode? task)
    {
        if (task is not JsonObject t)
        {
            return task?.DeepClone();
        }

        var samples = new JsonArray();
        var events = new JsonArray();
        foreach (var sample in t["samples"] as JsonArray ?? [])
        {
            if (sample is JsonObject s && (string?)s["phase"] == "reference")
            {
                events.Add(new JsonObject
                {
                    ["kind"] = (int?)s["iteration"] == 0 ? "machineReferenceBefore" : "machineReferenceAfter",
                    ["process"] = s["process"]?.DeepClone(),
                    ["nanoseconds"] = s["nanoseconds"]?.DeepClone(),
                });
            }
            else
            {
                samples.Add(sample?.DeepClone());
            }
        }

        var processes = samples.OfType<JsonObject>().Select(s => (int?)s["process"]).Distinct().Count();
        return new JsonObject
        {
            ["workload"] = t["workload"]?.DeepClone(),
            ["engine"] = t["engine"] is JsonValue family ? new JsonObject
            {
                ["family"] = family.DeepClone(),
                ["variant"] = t["engineFlags"]?.DeepClone() ?? "",
                ["version"] = t["engineVersion"]?.DeepClone() ?? "",
                ["build"] = "",
            } : null,
            ["machine"] = t["machine"]?.DeepClone(),
            ["tasks"] = Math.Max(1, processes),
            ["output"] = t["output"]?.DeepClone(),
            ["error"] = t["error"]?.DeepClone(),
            ["samples"] = t["samples"] is null ? null : samples,
            ["events"] = events,
            ["spec"] = t["spec"]?.DeepClone(),
        };
    }
}
