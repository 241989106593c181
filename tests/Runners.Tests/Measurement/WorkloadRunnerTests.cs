using WasmBench.Abstractions.Results;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Measurement;

public sealed class WorkloadRunnerTests
{
    private static readonly BenchmarkSettings Settings = new(1, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Matching_output_is_a_success_with_timings()
    {
        var result = await new WorkloadRunner().RunAsync(TestWorkloads.Spin("small"), new WasmtimeEngine(), Settings, CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal("spin@small", result.Workload);
        Assert.Equal("wasmtime", result.EngineId);
        Assert.Equal(OutputVerdict.Matched, result.StdoutVerdict);
        Assert.Equal(OutputVerdict.NotChecked, result.StderrVerdict);
        Assert.Single(result.Iterations);
    }

    [Fact]
    public async Task Wrong_output_is_a_mismatch_with_the_first_differing_line()
    {
        var workload = TestWorkloads.Spin("small") with { ExpectedStdout = "size=large input=forty-two result=499500\n" };

        var result = await new WorkloadRunner().RunAsync(workload, new WasmtimeEngine(), Settings, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Error);
        Assert.Single(result.Iterations);
        Assert.Equal(
            "stdout differs at line 1: expected \"size=large input=forty-two result=499500\", actual \"size=small input=forty-two result=499500\"",
            result.Problem);
    }

    [Fact]
    public async Task Expected_stderr_is_checked_when_the_workload_has_it()
    {
        var workload = TestWorkloads.Spin("small") with { ExpectedStderr = "warning\n" };

        var result = await new WorkloadRunner().RunAsync(workload, new WasmtimeEngine(), Settings, CancellationToken.None);

        Assert.Equal(OutputVerdict.Matched, result.StdoutVerdict);
        Assert.Equal("stderr differs at line 1: expected \"warning\", actual <end of output>", result.Problem); // no stderr at all: no line
    }

    [Fact]
    public async Task A_missing_module_is_a_failure_not_an_exception()
    {
        var workload = TestWorkloads.Spin() with { ModulePath = Path.Combine(TestWorkloads.Root, "spin", "gone.wasm") };

        var result = await new WorkloadRunner().RunAsync(workload, new WasmtimeEngine(), Settings, CancellationToken.None);

        Assert.StartsWith("cannot read module", result.Error);
    }

    [Fact]
    public async Task A_failed_run_carries_the_error_and_the_output_so_far()
    {
        var settings = Settings with { MaxMemoryPages = 100 };

        var result = await new WorkloadRunner().RunAsync(TestWorkloads.Load("modules/grow.wasm"), new WasmtimeEngine(), settings, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("iteration 0: the program exited with code 2", result.Error);
        Assert.Equal("memory.grow failed\n", result.Stderr);
        Assert.Equal(OutputVerdict.NotChecked, result.StdoutVerdict);
    }

    [Fact]
    public async Task An_unavailable_engine_is_a_failure_that_names_it()
    {
        var engine = new NativeEngine(new NativeEngineOptions(SearchPath: ""));

        var result = await new WorkloadRunner().RunAsync(TestWorkloads.Spin(), engine, Settings, CancellationToken.None);

        Assert.Equal("engine native is not available: no C compiler found on PATH (cc, gcc, clang)", result.Error);
    }

    [Fact]
    public async Task An_engine_that_throws_becomes_a_failure()
    {
        var result = await new WorkloadRunner().RunAsync(TestWorkloads.Spin(), new ThrowingEngine(), Settings, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("engine broken threw: System.InvalidOperationException: boom", result.Error);
    }

    private sealed class ThrowingEngine : IBenchmarkEngine
    {
        public Abstractions.Engines.EngineInfo Info { get; } = new("broken", "0", Abstractions.Engines.EngineKind.Interpreter, []);

        public EngineAvailability Availability => EngineAvailability.Available;

        public Task<BenchmarkOutcome> RunAsync(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
