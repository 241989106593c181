using System.Globalization;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Files;

namespace WasmBench.Analysis.Tests.Files;

public sealed class SpecReportWriterTests
{
    private const string Expected = """
        {"engines":[{"name":"wasmtime:opt=none","version":"50.0.1","build":"0123456789ab","passed":12,"failed":1,"skipped":2,"textFormat":3,"notRun":4,"files":[{"file":"a.wast","passed":10,"failed":1,"skipped":0,"textFormat":1,"notRun":4,"failures":[{"line":7,"command":"assert_return (invoke \"f\")","expected":"f32:1.5 (0x3fc00000)","actual":"f32:-0 (0x80000000)","message":null}]},{"file":"custom/b.wast","passed":2,"failed":0,"skipped":2,"textFormat":2,"notRun":0,"failures":[]}]}]}
        """;

    private static readonly SpecEngineReport Report = new(new EngineIdentity("wasmtime", "opt=none", "50.0.1", "0123456789ab"), [
        new SpecScriptResult("a.wast", 10, 1, 0, 1, [new SpecFailure(7, "assert_return (invoke \"f\")", "f32:1.5 (0x3fc00000)", "f32:-0 (0x80000000)", null)], NotRun: 4),
        new SpecScriptResult("custom/b.wast", 2, 0, 2, 2, []),
    ]);

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Writes_exactly_the_documented_shape_under_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(Expected, SpecReportWriter.ToJson([Report], indented: false));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Reading_it_back_keeps_every_field()
    {
        var read = SpecJsonFile.TryRead(SpecReportWriter.ToJson([Report]), "spec.json", DateTime.UnixEpoch)!;

        var engine = Assert.Single(SpecJsonFile.Engines(read));
        Assert.Equal(Report.Engine, engine.Engine);
        Assert.Equal(Report.Files, engine.Files, SpecScriptResultComparer.Instance);
        Assert.Equal(Expected, SpecReportWriter.ToJson(SpecJsonFile.Engines(read), indented: false));
    }

    [Fact]
    public void A_file_of_an_earlier_version_reads_with_no_build_and_no_text_format_per_file()
    {
        const string earlier = """{"engines":[{"name":"interp","version":"0.1.0","passed":3,"failed":0,"skipped":0,"textFormat":1,"files":[{"file":"a.wast","passed":3,"failed":0,"skipped":0,"failures":[]}]}]}""";

        var engine = Assert.Single(SpecJsonFile.Engines(SpecJsonFile.TryRead(earlier, "old.json", DateTime.UnixEpoch)!));

        Assert.Equal(new EngineIdentity("interp", "", "0.1.0"), engine.Engine);
        Assert.Equal(0, Assert.Single(engine.Files).TextFormat);
    }

    /// <summary>Script results compare by value, failures included (records compare lists by reference).</summary>
    private sealed class SpecScriptResultComparer : IEqualityComparer<SpecScriptResult>
    {
        public static SpecScriptResultComparer Instance { get; } = new();

        public bool Equals(SpecScriptResult? x, SpecScriptResult? y) =>
            x is not null && y is not null && (x.File, x.Passed, x.Failed, x.Skipped, x.TextFormat, x.NotRun) == (y.File, y.Passed, y.Failed, y.Skipped, y.TextFormat, y.NotRun) && x.Failures.SequenceEqual(y.Failures);

        public int GetHashCode(SpecScriptResult obj) => obj.File.GetHashCode(StringComparison.Ordinal);
    }
}
