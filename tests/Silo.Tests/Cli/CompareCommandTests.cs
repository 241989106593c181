using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Cli;
using WasmBench.Silo.Tests.Storage;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Silo.Tests.Cli;

public sealed class CompareCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Write(string name, RunReport run)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, JsonSerializer.Serialize(run, WasmBenchJson.Options));
        return path;
    }

    [Fact]
    public async Task No_regression_exits_zero_and_writes_every_report()
    {
        var a = Write("a.json", Run(1, "main", Task("fib", "wasmtime", 1e6, 1)));
        var b = Write("b.json", Run(2, null, Task("fib", "wasmtime", 1e6, 2)));

        var (code, output, _) = await CliHarness.Run("compare", a, b, "--markdown", _dir.File("c.md"), "--junit", _dir.File("c.xml"), "--json", _dir.File("c.json"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("no significant regression beyond 5%", output);
        Assert.Contains("<details>", File.ReadAllText(_dir.File("c.md")));
        Assert.Contains("![", File.ReadAllText(_dir.File("c.md")));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(_dir.File("c.png"))[..4]);
        Assert.Contains("failures=\"0\"", File.ReadAllText(_dir.File("c.xml")));
        Assert.Contains("\"hasRegression\": false", File.ReadAllText(_dir.File("c.json")));
    }

    [Fact]
    public async Task A_regression_exits_one_and_fails_its_JUnit_testcase()
    {
        var a = Write("a.json", Run(1, "main", Task("fib", "wasmtime", 1e6, 1), Task("sieve", "wasmtime", 1e6, 3)));
        var b = Write("b.json", Run(2, null, Task("fib", "wasmtime", 1.3e6, 2), Task("sieve", "wasmtime", 1e6, 4)));

        var (code, output, _) = await CliHarness.Run("compare", a, b, "--junit", _dir.File("c.xml"));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("REGRESSION", output);
        var junit = File.ReadAllText(_dir.File("c.xml"));
        Assert.Contains("tests=\"2\" failures=\"1\"", junit);
        Assert.Contains("<failure message=\"slower beyond 5%", junit);
    }

    [Fact]
    public async Task A_missing_baseline_label_exits_two_and_names_the_labels_there()
    {
        var db = _dir.File("w.db");
        var store = await ResultStoreTests.CreateStoreAsync(db);
        var run = await ResultStoreTests.CreateRunAsync(store, new RunRequest("quick", ["wasmtime"], 2, "main"), ["wasmtime"], 1);
        var id = run.Id;
        await store.SaveTaskResultAsync(ResultStoreTests.Result(id, 0), CancellationToken.None);
        await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = 1 }, CancellationToken.None);

        var (code, _, error) = await CliHarness.Run("compare", "release", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no completed run has the label 'release'", error);
        Assert.Contains("labels there: main", error);
    }

    [Fact]
    public async Task A_label_resolves_to_its_latest_completed_run()
    {
        var db = _dir.File("w.db");
        var store = await ResultStoreTests.CreateStoreAsync(db);
        var run = await ResultStoreTests.CreateRunAsync(store, new RunRequest("quick", ["wasmtime"], 2, "main"), ["wasmtime"], 1);
        var id = run.Id;
        await store.SaveTaskResultAsync(ResultStoreTests.Result(id, 0), CancellationToken.None);
        await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = 1 }, CancellationToken.None);

        var (code, output, error) = await CliHarness.Run("compare", "main", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);

        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"baseline:  main (run {id})", output);
    }

    [Fact]
    public async Task An_unreadable_file_exits_two()
    {
        var b = Write("b.json", Run(2, null, Task("fib", "wasmtime", 1e6, 2)));

        var (code, _, error) = await CliHarness.Run("compare", _dir.File("missing.json"), b);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("cannot read", error);
        Assert.Contains("missing.json", error);
    }

    [Theory]
    [InlineData("{\"name\": \"a package.json\", \"version\": \"1.0.0\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("not json at all")]
    public async Task AForeignJsonFileExitsTwo(string content)
    {
        File.WriteAllText(_dir.File("foreign.json"), content);
        var b = Write("b.json", Run(2, null, Task("fib", "wasmtime", 1e6, 2)));

        var (code, _, error) = await CliHarness.Run("compare", _dir.File("foreign.json"), b);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("is not a run written by 'wasmbench run --json'", error);
    }

    [Fact]
    public async Task Runs_with_no_workload_in_common_exit_two()
    {
        var a = Write("a.json", Run(1, "main", Task("fib", "wasmtime", 1e6, 1)));
        var b = Write("b.json", Run(2, null, Task("sieve", "wasmtime", 1e6, 2)));

        var (code, _, error) = await CliHarness.Run("compare", a, b);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no (workload, engine) in common", error);
    }

    [Theory]
    [InlineData("--threshold", "lots")]
    [InlineData("--phase", "linking")]
    public async Task Bad_options_exit_two(string option, string value)
    {
        var a = Write("a.json", Run(1, "main", Task("fib", "wasmtime", 1e6, 1)));

        var (code, _, error) = await CliHarness.Run("compare", a, a, option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(value, error);
    }

    public void Dispose() => _dir.Dispose();
}
