using WasmBench.Integration.Tests.Host;

namespace WasmBench.Integration.Tests.Process;

/// <summary>
/// The real `wasmbench run` and `spec` exit as the README says, so CI can use them directly: 1 when
/// a pair printed the wrong output or a spec result is outside the engine's reviewed list, 0 when
/// everything ran and matched.
/// </summary>
[Trait("Category", "Slow")] // Four real CLI runs.
public sealed class ExitCodeProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Run_exits_1_and_names_the_pair_when_a_workload_prints_the_wrong_output_and_0_when_it_matches()
    {
        var folder = Directory.CreateDirectory(_dir.File("quiet")).FullName;
        WatWorkload.Assemble(Path.Combine(folder, "benchmark.wasm"), """(module (memory (export "memory") 1) (func (export "_start")))""");
        File.WriteAllText(Path.Combine(folder, "default.stdout.expected"), "a line it never prints\n");

        var (code, stdout, stderr) = await RunAsync("run", "--suite", folder, "--engine", "interp");

        Assert.Equal(1, code);
        Assert.Contains("FAILED benchmark on interp: stdout differs at line 1", stdout, StringComparison.Ordinal);
        Assert.Contains("1 pairs failed", stderr, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, "default.stdout.expected"), "");
        Assert.Equal(0, (await RunAsync("run", "--suite", folder, "--engine", "interp")).ExitCode);
    }

    [Fact]
    public async Task Spec_exits_1_on_a_failure_no_list_expects_and_0_when_every_assertion_passes()
    {
        var testsuite = Directory.CreateDirectory(_dir.File("testsuite")).FullName;
        var script = Path.Combine(testsuite, "add.wast");
        File.WriteAllText(script, """
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
            """);

        var (code, _, stderr) = await RunAsync("spec", "--suite", "wasm-2.0", "--testsuite", testsuite, "--engine", "interp");

        Assert.Equal(1, code);
        Assert.Contains("1 results not in the engines' reviewed known-failure lists", stderr, StringComparison.Ordinal);

        File.WriteAllText(script, File.ReadAllText(script).Replace("(i32.const 4)", "(i32.const 3)", StringComparison.Ordinal));
        Assert.Equal(0, (await RunAsync("spec", "--suite", "wasm-2.0", "--testsuite", testsuite, "--engine", "interp")).ExitCode);
    }

    public void Dispose() => _dir.Dispose();

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string verb, params string[] args) =>
        WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(3),
            [verb, .. args, "--db", _dir.File("exit.db"), .. verb == "run" ? new[] { "--iterations", "1", "--processes", "1", "--warmup", "0", "--remeasure", "0" } : []]);
}
