using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Cli;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Silo.Tests.Cli;

public sealed class GateAndCalibrateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task AGateWithASpecBaselineFileOfTheWrongShapeExitsTwoBeforeRunningAnything()
    {
        var baseline = _dir.File("base.json");
        File.WriteAllText(baseline, System.Text.Json.JsonSerializer.Serialize(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), WasmBenchJson.Options));
        File.WriteAllText(_dir.File("spec.json"), """{"engines":[{"name":"interp"}]}""");

        var (code, _, error) = await CliHarness.Run("gate", "--suite", "smoke", "--baseline", baseline, "--spec-suite", "wasm-2.0", "--spec-baseline", _dir.File("spec.json"), "--db", _dir.File("none.db"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("spec.json", error);
        Assert.Contains("'wasmbench spec --json'", error);
        Assert.False(File.Exists(_dir.File("none.db")));
    }

    [Fact]
    public async Task GateWithAMissingBaselineLabelExitsTwoBeforeRunningAnything()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["gate", "--suite", "smoke", "--baseline", "main", "--db", _dir.File("none.db")], output, error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no database", error.ToString());
        Assert.False(File.Exists(_dir.File("none.db")));
    }

    [Fact]
    public async Task GateWithASpecSuiteButNoSpecBaselineExitsTwo()
    {
        var baseline = _dir.File("base.json");
        File.WriteAllText(baseline, System.Text.Json.JsonSerializer.Serialize(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), WasmBenchJson.Options));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["gate", "--suite", "smoke", "--baseline", baseline, "--spec-suite", "wasm-2.0", "--db", _dir.File("none.db")], output, error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--spec-baseline", error.ToString());
    }

    [Fact]
    public async Task AGateWithABadSpecTestsuiteExitsTwoBeforeTheBenchmarkRun()
    {
        var baseline = _dir.File("base.json");
        File.WriteAllText(baseline, System.Text.Json.JsonSerializer.Serialize(Run(1, "main", Task("fib@small", "interp", 1e6, 1)), WasmBenchJson.Options));
        File.WriteAllText(_dir.File("spec.json"), """{"engines":[{"name":"interp","version":"1","passed":0,"failed":0,"skipped":0,"textFormat":0,"files":[]}]}""");

        var (code, output, error) = await CliHarness.Run("gate", "--suite", "smoke", "--engine", "interp", "--baseline", baseline,
            "--spec-suite", "wasm-2.0", "--spec-baseline", _dir.File("spec.json"), "--testsuite", "/nonexistent/testsuite", "--db", _dir.File("gate.db"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("/nonexistent/testsuite", error);
        Assert.DoesNotContain("finished", output);
        var gateRun = await RunSource.ResolveAsync("gate", _dir.File("gate.db"), CancellationToken.None);
        Assert.Contains("no completed run has the label 'gate'", gateRun.Error); // no benchmark ran
    }

    [Theory]
    [InlineData("compare", "--threshold")]
    [InlineData("gate", "--baseline")]
    [InlineData("calibrate", "--runs")]
    public async Task TheNewVerbsHaveHelp(string verb, string option)
    {
        using var output = new StringWriter();

        Assert.Equal(0, await CliApp.RunAsync([verb, "--help"], output, new StringWriter()));
        Assert.Contains(option, output.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
