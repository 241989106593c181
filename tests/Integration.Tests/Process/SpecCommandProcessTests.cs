using System.Text.Json;

namespace WasmBench.Integration.Tests.Process;

public sealed class SpecCommandProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Spec_prints_totals_and_writes_the_JSON_report()
    {
        var json = _dir.File("spec.json");
        var (code, stdout, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(3),
            "spec", "--suite", "wasm-2.0", "--engine", "wasmtime", "--filter", "br*.wast", "--json", json, "--db", _dir.File("spec.db"));

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Matches(@"(?m)^wasmtime\s+\S+\s+\d+\s+0\s+0\s+0\s+\d+\s+0 failures, 0 passes$", stdout); // passed, failed, skipped, not run, text-format

        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var engine = Assert.Single(doc.RootElement.GetProperty("engines").EnumerateArray());
        Assert.Equal("wasmtime", engine.GetProperty("name").GetString());
        Assert.True(engine.GetProperty("passed").GetInt32() > 100);
        Assert.Equal(0, engine.GetProperty("failed").GetInt32());
        var files = engine.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()).ToList();
        Assert.Equal(["br.wast", "br_if.wast", "br_table.wast"], files);
    }

    [Theory]
    [InlineData("--suite", "wasm-9.9", "unknown spec suite 'wasm-9.9'")]
    [InlineData("--testsuite", "/nonexistent/testsuite", "/nonexistent/testsuite")]
    public async Task Bad_input_exits_two_with_a_message(string option, string value, string message)
    {
        string[] args = option == "--suite"
            ? ["spec", "--suite", value, "--db", _dir.File("x.db")]
            : ["spec", "--suite", "wasm-2.0", option, value, "--db", _dir.File("x.db")];
        var (code, _, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }

    public void Dispose() => _dir.Dispose();
}
