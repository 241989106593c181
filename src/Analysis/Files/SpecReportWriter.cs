using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WasmBench.Abstractions.Results;

namespace WasmBench.Analysis.Files;

/// <summary>
/// Writes the conformance report `wasmbench spec --json` writes, exactly:
/// <c>{"engines":[{"name","version","build","passed","failed","skipped","textFormat","files":[{"file","passed","failed","skipped","textFormat","failures":[{"line","command","expected","actual","message"}]}]}]}</c>
/// (<c>name</c> is the engine id, <c>build</c> its build fingerprint). <see cref="SpecJsonFile"/> reads
/// every field of it back.
/// Written by hand so the shape and order cannot drift with serializer settings; strings are
/// escaped for JSON only (not for embedding in HTML), so messages stay readable.
/// </summary>
public static class SpecReportWriter
{
    public static void Write(Stream stream, IEnumerable<SpecEngineReport> engines, bool indented = true)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartArray("engines");
        foreach (var engine in engines)
        {
            w.WriteStartObject();
            w.WriteString("name", engine.Engine.Id);
            w.WriteString("version", engine.Engine.Version);
            w.WriteString("build", engine.Engine.Build);
            w.WriteNumber("passed", engine.Passed);
            w.WriteNumber("failed", engine.Failed);
            w.WriteNumber("skipped", engine.Skipped);
            w.WriteNumber("textFormat", engine.TextFormat);
            w.WriteNumber("notRun", engine.NotRun);
            w.WriteStartArray("files");
            foreach (var file in engine.Files)
            {
                WriteFile(w, file);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string ToJson(IEnumerable<SpecEngineReport> engines, bool indented = true)
    {
        using var stream = new MemoryStream();
        Write(stream, engines, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFile(Utf8JsonWriter w, SpecScriptResult file)
    {
        w.WriteStartObject();
        w.WriteString("file", file.File);
        w.WriteNumber("passed", file.Passed);
        w.WriteNumber("failed", file.Failed);
        w.WriteNumber("skipped", file.Skipped);
        w.WriteNumber("textFormat", file.TextFormat);
        w.WriteNumber("notRun", file.NotRun);
        w.WriteStartArray("failures");
        foreach (var f in file.Failures)
        {
            w.WriteStartObject();
            w.WriteNumber("line", f.Line);
            w.WriteString("command", f.Command);
            w.WriteString("expected", f.Expected);
            w.WriteString("actual", f.Actual);
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
