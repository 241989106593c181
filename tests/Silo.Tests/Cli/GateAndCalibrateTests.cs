using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Cli;
using WasmBench.Silo.Comparison;
using static WasmBench.Silo.Tests.Comparison.SyntheticRuns;

namespace WasmBench.Silo.Tests.Comparison;

public sealed class GateAndCalibrateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static TaskReport SpecTask(string file, params int[] failingLines) => new(file, "wasmtime", "1.0", "", Machine, OutputVerdict.NotChecked, null, [],
        new SpecFileResult(file, 10 - failingLines.Length, failingLines.Length, 0, 0, [.. failingLines.Select(l => new SpecFailureRecord(l, "assert_return", "1", "2", null))]));

    [Fact]
    public void ASpecCommandThatFailsNowButNotInTheBaselineIsARegression()
    {
        var baseline = Run(1, "main", SpecTask("i32.wast", 5), SpecTask("f32.wast"));
        var candidate = Run(2, null, SpecTask("i32.wast", 5, 7), SpecTask("f32.wast"), SpecTask("new.wast", 1));

        var regression = Assert.Single(SpecRegressions.Find(baseline, candidate));

        Assert.Equal(("wasmtime", "i32.wast", 7), (regression.Engine, regression.File, regression.Line));
    }

    [Fact]
    public void AScriptThatCannotRunNowIsARegressionUnlessItCouldNotRunInTheBaselineEither()
    {
        var crashed = new TaskReport("i32.wast", "wasmtime", "1.0", "", Machine, OutputVerdict.NotChecked, "the engine crashed", [], null);
        var baseline = Run(1, "main", SpecTask("i32.wast"), crashed with { Workload = "f32.wast" });
        var candidate = Run(2, null, crashed, crashed with { Workload = "f32.wast" });

        var regression = Assert.Single(SpecRegressions.Find(baseline, candidate));

        Assert.Equal(("i32.wast", 0, "(script)", "the engine crashed"), (regression.File, regression.Line, regression.Command, regression.Message));
    }

    [Fact]
    public async Task AGateWithASpecBaselineFileOfTheWrongShapeExitsTwoBeforeRunningAnything()
    {
        var baseline = _dir.File("base.json");
        File.WriteAllText(baseline, System.Text.Json.JsonSerializer.Serialize(Run(1, "main", Task("fib", "wasmtime", 1e6, 1)), WasmBenchJson.Options));
        File.WriteAllText(_dir.File("spec.json"), """{"engines":[{"name":"interp"}]}""");

        var (code, _, error) = await Cli.CliHarness.Run("gate", "--suite", "smoke", "--baseline", baseline, "--spec-suite", "wasm-2.0", "--spec-baseline", _dir.File("spec.json"), "--db", _dir.File("none.db"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("spec.json", error);
        Assert.Contains("'wasmbench spec --json'", error);
        Assert.False(File.Exists(_dir.File("none.db")));
    }

    [Fact]
    public void CalibrationSuggestsAThresholdAboveTheNoiseOfEveryWorkload()
    {
        var runs = Enumerable.Range(0, 3).Select(i => Run(i, "calibrate",
            Task("quiet", "wasmtime", 1e6, 10 + i, noise: 0.002),
            Task("noisy", "wasmtime", 1e6, 20 + i, noise: 0.05, processNoise: 0.03))).ToList();
        var aa = runs.Zip(runs.Skip(1), (a, b) => RunComparer.Compare(a, Side(a, "a").Info!, b, Side(b, "b").Info!, new ComparisonOptions("0%", [Phase.Execution])).Report!).ToList();

        var (rows, suggested) = NoiseCalibration.Measure(aa);

        var noisy = rows.Single(r => r.Workload == "noisy");
        var quiet = rows.Single(r => r.Workload == "quiet");
        Assert.True(noisy.Noise > quiet.Noise);
        Assert.True(suggested >= noisy.Noise * 100 && suggested < (noisy.Noise * 100) + 1, $"suggested {suggested}% for noise {noisy.Noise:P2}");
        Assert.Contains($"suggested threshold: {suggested}%", NoiseCalibration.Render(rows, suggested, aa.Count, Phase.Execution));
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

        var (code, output, error) = await Cli.CliHarness.Run("gate", "--suite", "smoke", "--engine", "interp", "--baseline", baseline,
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
