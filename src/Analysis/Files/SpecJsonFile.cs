using System.Text.Json;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Analysis.Files;

/// <summary>
/// Reads the conformance report `wasmbench spec --json` writes (<see cref="SpecReportWriter"/>)
/// as a spec run, every field of it, so a CI job can keep a spec baseline as a file and hand it to
/// `gate --spec-baseline`. Files of older versions (no <c>build</c>, no per-file
/// <c>textFormat</c> or <c>notRun</c>) read with those as empty and 0.
/// </summary>
public static class SpecJsonFile
{
    /// <summary>The run in <paramref name="text"/>, or null when it is not a spec report (then it may be a run file).</summary>
    /// <exception cref="JsonException">It has <c>engines</c> but is not a spec report.</exception>
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

    /// <summary>The per-engine reports in the file, as <see cref="SpecReportWriter"/> wrote them.</summary>
    public static IReadOnlyList<SpecEngineReport> Engines(RunReport spec) =>
        [.. spec.Pairs.GroupBy(p => p.Engine).Select(g => new SpecEngineReport(g.Key, [.. g.Select(p => p.Spec!)]))];

    private static RunReport Read(JsonElement engines, string name, DateTime writtenUtc)
    {
        var pairs = new List<PairReport>();
        foreach (var engine in engines.EnumerateArray())
        {
            var id = engine.GetProperty("name").GetString() ?? throw new JsonException("an engine without a name");
            var identity = EngineIdentity.Unknown(id) with { Version = OptionalString(engine, "version") ?? "", Build = OptionalString(engine, "build") ?? "" };
            foreach (var file in engine.GetProperty("files").EnumerateArray())
            {
                var path = file.GetProperty("file").GetString() ?? throw new JsonException("a file without a name");
                var failures = file.GetProperty("failures").EnumerateArray().Select(f => new SpecFailure(
                    f.GetProperty("line").GetInt32(),
                    f.GetProperty("command").GetString() ?? "",
                    OptionalString(f, "expected"),
                    OptionalString(f, "actual"),
                    OptionalString(f, "message"))).ToList();
                var result = new SpecScriptResult(path, Int(file, "passed"), Int(file, "failed"), Int(file, "skipped"), Int(file, "textFormat"), failures, Int(file, "notRun"));
                pairs.Add(new PairReport(path, identity, null, 1, OutputVerdict.NotChecked, null, [], [], result));
            }
        }

        var engineIds = pairs.Select(t => t.EngineId).Distinct().ToList();
        var written = new DateTimeOffset(writtenUtc, TimeSpan.Zero);
        return new RunReport(
            new StoredRun(0, RunKind.Spec, name, null, engineIds, 1, RunState.Completed, pairs.Count, pairs.Count, 0, null, written, written),
            pairs);
    }

    private static int Int(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetInt32() : 0;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
