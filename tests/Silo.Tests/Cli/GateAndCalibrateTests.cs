using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Cli;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Silo.Tests.Cli;

public sealed class GateAndCalibrateTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_gate_with_a_spec_baseline_file_of_the_wrong_shape_exits_two_before_running_anything()
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
    public async Task Gate_with_a_missing_baseline_label_exits_two_before_running_anything()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["gate", "--suite", "smoke", "--baseline", "main", "--db", _dir.File("none.db")], output, error);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no database", error.ToString());
        Assert.False(File.Exists(_dir.File("none.db")));
    }

    [Fact]
    public async Task Gate_with_a_spec_suite_but_no_spec_baseline_exits_two()
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
    public async Task A_gate_with_a_bad_spec_testsuite_exits_two_before_the_benchmark_run()
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
    public async Task The_new_verbs_have_help(string verb, string option)
    {
        using var output = new StringWriter();

        Assert.Equal(0, await CliApp.RunAsync([verb, "--help"], output, new StringWriter()));
        Assert.Contains(option, output.ToString());
    }

    public void Dispose() => _dir.Dispose();
}
