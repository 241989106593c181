using System.Globalization;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Files;

namespace WasmBench.Analysis.Tests.Files;

public sealed class SpecReportWriterTests
{
    private const string Expected = """
        {"engines":[{"name":"wasmtime","version":"50.0.1","passed":12,"failed":1,"skipped":2,"textFormat":3,"files":[{"file":"a.wast","passed":10,"failed":1,"skipped":0,"failures":[{"line":7,"command":"assert_return (invoke \"f\")","expected":"f32:1.5 (0x3fc00000)","actual":"f32:-0 (0x80000000)","message":null}]},{"file":"custom/b.wast","passed":2,"failed":0,"skipped":2,"failures":[]}]}]}
        """;

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Writes_exactly_the_documented_shape_under_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var report = new SpecEngineReport("wasmtime", "50.0.1", [
                new SpecScriptResult("a.wast", 10, 1, 0, 1, [new SpecFailure(7, "assert_return (invoke \"f\")", "f32:1.5 (0x3fc00000)", "f32:-0 (0x80000000)", null)]),
                new SpecScriptResult("custom/b.wast", 2, 0, 2, 2, []),
            ]);

            Assert.Equal(Expected, SpecReportWriter.ToJson([report], indented: false));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
