using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Analysis.Files;

/// <summary>
/// Reads the conformance report `wasmbench spec --json` writes
/// (<c>{"engines":[{"name","version",...,"files":[{"file","passed","failed","skipped","failures":[...]}]}]}</c>)
/// as a spec run, so a CI job can keep a spec baseline as a file and hand it to
/// `gate --spec-baseline`.
/// </summary>
public static class SpecJsonFile
{
    /// <summary>The run in <paramref name="text"/>, or null when it is not a spec report (then it may be a run file).</summary>
    public static RunReport? TryRead(string text, string name, DateTime writtenUtc)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("run", out _)
            || !root.TryGetProperty("engines", out var engines) || engines.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        try
        {
            return Read(engines, name, writtenUtc);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"it has \"engines\" but is not a report written by 'wasmbench spec --json': {e.Message}", e);
        }
    }

    private static RunReport Read(JsonElement engines, string name, DateTime writtenUtc)
    {
        var tasks = new List<TaskReport>();
        foreach (var engine in engines.EnumerateArray())
        {
            var id = engine.GetProperty("name").GetString() ?? throw new JsonException("an engine without a name");
            var version = engine.TryGetProperty("version", out var v) ? v.GetString() ?? "" : "";
            foreach (var file in engine.GetProperty("files").EnumerateArray())
            {
                var path = file.GetProperty("file").GetString() ?? throw new JsonException("a file without a name");
                var failures = file.GetProperty("failures").EnumerateArray().Select(f => new SpecFailure(
                    f.GetProperty("line").GetInt32(),
                    f.GetProperty("command").GetString() ?? "",
                    OptionalString(f, "expected"),
                    OptionalString(f, "actual"),
                    OptionalString(f, "message"))).ToList();
                var result = new SpecScriptResult(path, Int(file, "passed"), Int(file, "failed"), Int(file, "skipped"), 0, failures);
                tasks.Add(new TaskReport(path, id, version, "", null, OutputVerdict.NotChecked, null, [], result));
            }
        }

        var engineIds = tasks.Select(t => t.EngineId).Distinct().ToList();
        var written = new DateTimeOffset(writtenUtc, TimeSpan.Zero);
        return new RunReport(
            new RunSummary(0, RunKind.Spec, name, null, engineIds, 1, RunState.Completed, tasks.Count, tasks.Count, 0, null, written, written),
            tasks);
    }

    private static int Int(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetInt32() : 0;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
