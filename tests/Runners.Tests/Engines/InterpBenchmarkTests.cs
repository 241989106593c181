using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Interp;

namespace WasmBench.Runners.Tests.Engines;

public sealed class InterpBenchmarkTests : SandboxContractTests
{
    protected override IBenchmarkEngine CreateEngine() => new InterpEngine();

    [Fact]
    public async Task Runs_a_wasi_workload_and_reports_three_phases_per_iteration()
    {
        var engine = new InterpEngine();
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
        var outcome = await new InterpEngine().RunAsync(TestWorkloads.Load("modules/hello.wasm"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("hello\n", outcome.Stdout);
        Assert.Equal(2, outcome.Iterations.Count);
    }

    [Fact]
    public async Task A_trap_is_reported_with_its_kind()
    {
        var outcome = await new InterpEngine().RunAsync(TestWorkloads.Load("modules/trap.wasm"), Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("iteration 0: trap: unreachable", outcome.Error);
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

            var outcome = await new InterpEngine().RunAsync(workload, Settings, CancellationToken.None);

            Assert.False(outcome.Succeeded);
            Assert.StartsWith("iteration 0: compilation failed (Malformed)", outcome.Error);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
