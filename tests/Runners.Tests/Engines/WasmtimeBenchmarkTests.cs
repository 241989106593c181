using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Tests.Engines;

public sealed class WasmtimeBenchmarkTests : SandboxContractTests
{
    protected override IBenchmarkEngine CreateEngine() => new WasmtimeEngine();

    [Fact]
    public async Task Runs_a_wasi_workload_and_reports_three_phases_per_iteration()
    {
        var engine = new WasmtimeEngine();
        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);

        var outcome = await engine.RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("size=small input=forty-two result=499500\n", outcome.Stdout);
        Assert.Equal("", outcome.Stderr);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal([0, 1], outcome.Iterations.Select(t => t.Iteration));
        Assert.All(outcome.Iterations, t =>
        {
            Assert.True(t.CompilationNs > 0);
            Assert.True(t.InstantiationNs > 0);
            Assert.True(t.ExecutionNs > 0);
        });
    }

    [Fact]
    public async Task A_module_without_markers_is_timed_over_its_whole_start()
    {
        var outcome = await new WasmtimeEngine().RunAsync(TestWorkloads.Load("modules/hello.wasm"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("hello\n", outcome.Stdout);
        Assert.Equal(2, outcome.Iterations.Count);
    }

    [Fact]
    public void Execution_is_timed_between_the_bench_markers()
    {
        // spin busy-loops 30M times outside the markers and 1000 times inside them.
        // On a loaded machine one iteration can be preempted inside the markers, so the test
        // asks that the marked interval is always inside _start and far below it in the best case.
        var run = new WasmtimeBenchmarkRun(WasmtimeOptions.Default, TestWorkloads.Spin(), Settings with { Iterations = 5 }, CancellationToken.None);

        var outcome = run.Run();

        Assert.True(outcome.Succeeded, outcome.Error);
        var ratios = new List<double>();
        for (var i = 0; i < outcome.Iterations.Count; i++)
        {
            var marked = outcome.Iterations[i].ExecutionNs;
            var whole = run.WholeStartNs[i];
            Assert.True(marked < whole, $"iteration {i}: marked {marked} ns is not inside the whole _start {whole} ns");
            ratios.Add((double)marked / whole);
        }

        Assert.True(ratios.Min() < 0.1, $"the marked interval was never far below the whole _start: ratios {string.Join(", ", ratios)}");
    }

    [Fact]
    public async Task A_trap_is_reported_with_its_kind()
    {
        var outcome = await new WasmtimeEngine().RunAsync(TestWorkloads.Load("modules/trap.wasm"), Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("unreachable", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("iteration 0: trap (Unreachable): wasm trap: wasm `unreachable` instruction executed\n", outcome.Error);
    }

    [Fact]
    public async Task Malformed_bytes_fail_at_compilation()
    {
        var dir = Directory.CreateTempSubdirectory("wasmbench-test-");
        try
        {
            var path = Path.Combine(dir.FullName, "benchmark.wasm");
            await File.WriteAllBytesAsync(path, [0, 0x61, 0x73, 0x6d, 9, 9]);
            var workload = new Workload("bad", dir.FullName, path, [], null, null, null);

            var outcome = await new WasmtimeEngine().RunAsync(workload, Settings, CancellationToken.None);

            Assert.False(outcome.Succeeded);
            Assert.StartsWith("iteration 0: compilation failed", outcome.Error);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("", "wasmtime")]
    [InlineData("opt=none", "wasmtime:opt=none")]
    [InlineData("OPT=Speed_And_Size", "wasmtime:opt=speed-and-size")]
    [InlineData("opt=speed-and-size", "wasmtime:opt=speed-and-size")]
    [InlineData("Winch", "wasmtime:winch")]
    [InlineData("opt=none,pulley", "wasmtime:pulley,opt=none")]
    public async Task Variants_carry_their_flags_in_the_engine_id(string flags, string id)
    {
        var engine = new WasmtimeEngine(flags: flags);

        Assert.Equal(id, engine.Info.Id);
        var outcome = await engine.RunAsync(TestWorkloads.Load("modules/hello.wasm"), Settings with { Iterations = 1 }, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    [Theory]
    [InlineData("opt=fast")]
    [InlineData("tier=baseline")]
    [InlineData("winch,opt=none")]
    [InlineData("winch,pulley")]
    public void Bad_flags_are_rejected_with_the_flag_named(string flags)
    {
        var error = Assert.Throws<ArgumentException>(() => new WasmtimeEngine(flags));
        Assert.Contains(flags, error.Message);
    }
}
