using WasmBench.Silo.Cli;

namespace WasmBench.Silo.Tests.Cli;

public sealed class SuitesCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task List_shows_every_suite_with_its_workloads()
    {
        var (code, output, _) = await CliHarness.Run("suites", "list");

        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^\s+smoke\s+3 workloads: fib@small, nbody@small, sieve@small$", output);
        Assert.Matches(@"(?m)^\s+quick\s+\d+ workloads: fib@small", output);
        Assert.Matches(@"(?m)^\s+all\s+\d+ workloads", output);
    }

    [Fact]
    public async Task Validate_passes_on_the_smoke_suite()
    {
        var (code, output, _) = await CliHarness.Run("suites", "validate", "--suite", "smoke", "--engine", "wasmtime,native");

        Assert.Equal(0, code);
        Assert.Contains("[6/6] sieve@small on native: ok", output);
        Assert.Contains("validated 6 (workload, engine) pairs: 0 problems, 0 skipped", output);
    }

    [Fact]
    public async Task A_mismatch_names_the_workload_the_engine_and_the_first_differing_line()
    {
        ForeignWorkload.Create(_dir.Path, "wrong", expected: "sum=4951\n");

        var (code, output, _) = await CliHarness.Run("suites", "validate", "--suite", _dir.Path, "--engine", "wasmtime");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("wrong on wasmtime: stdout differs at line 1: expected \"sum=4951\", actual \"sum=4950\"", output);
    }

    [Fact]
    public async Task Bad_input_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, (await CliHarness.Run("suites", "validate", "--suite", "nosuch")).Code);
        Assert.Equal(ExitCodes.Usage, (await CliHarness.Run("suites", "validate", "--suite", "smoke", "--engine", "nosuch")).Code);
        var (code, _, error) = await CliHarness.Run("suites", "validate", "--suite", "smoke", "--limit-size", "interp");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("ENGINE=SIZE", error);
    }

    [Fact]
    public async Task A_folder_of_foreign_workloads_runs_on_wasmtime_and_interp_with_its_output_checked()
    {
        ForeignWorkload.Create(_dir.Path, "foreign");
        var json = Path.Combine(_dir.Path, "out.json");

        var (code, output, error) = await CliHarness.Run("run", "--suite", _dir.Path, "--engine", "wasmtime,interp", "--iterations", "2", "--remeasure", "0", "--db", Path.Combine(_dir.Path, "x.db"), "--json", json);

        Assert.True(code == 0, output + error);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(output, @"(?m)^foreign\s+\S+ \S+ \(\d+\.\d\dx\)\s+\S+ \S+ \(\d+\.\d\dx\)$"), output);
        Assert.DoesNotContain("FAILED", output);
        var report = Analysis.Files.RunFile.Read(File.ReadAllText(json), json).Value!;
        Assert.Equal(2, report.Pairs.Count);
        Assert.All(report.Pairs, t => Assert.Equal(Abstractions.Results.OutputVerdict.Matched, t.Output));
    }

    public void Dispose() => _dir.Dispose();
}
