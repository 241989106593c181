using WasmBench.Runners.Engines;

namespace WasmBench.Runners.Tests.Engines;

/// <summary>
/// The sandbox every benchmark engine owes untrusted workloads: a deadline, cancellation, a
/// memory limit (inside the program and at instantiation), deep recursion and a trap ending the
/// iteration with an error (never a crash). Each engine's test class inherits these and supplies the engine.
/// </summary>
public abstract class SandboxContractTests
{
    protected static readonly BenchmarkSettings Settings = new(2, TimeSpan.FromSeconds(30));

    protected abstract IBenchmarkEngine CreateEngine();

    [Fact]
    public async Task An_infinite_loop_ends_at_the_deadline_with_a_clear_error()
    {
        var settings = new BenchmarkSettings(1, TimeSpan.FromMilliseconds(300));

        var outcome = await CreateEngine().RunAsync(TestWorkloads.Load("modules/loop.wasm"), settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("exceeded the deadline of 0.3 s", outcome.Error);
        Assert.Empty(outcome.Iterations);
    }

    [Fact]
    public async Task Cancellation_stops_a_running_program()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var settings = new BenchmarkSettings(1, TimeSpan.FromMinutes(5));

        var run = CreateEngine().RunAsync(TestWorkloads.Load("modules/loop.wasm"), settings, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Growing_memory_beyond_the_limit_fails_inside_the_program()
    {
        var settings = Settings with { MaxMemoryPages = 100 };

        var outcome = await CreateEngine().RunAsync(TestWorkloads.Load("modules/grow.wasm"), settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("exited with code 2", outcome.Error);
        Assert.Equal("memory.grow failed\n", outcome.Stderr);
    }

    [Fact]
    public async Task The_same_growth_within_the_limit_succeeds()
    {
        var settings = Settings with { MaxMemoryPages = 4096 };

        var outcome = await CreateEngine().RunAsync(TestWorkloads.Load("modules/grow.wasm"), settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
    }

    [Fact]
    public async Task An_initial_memory_above_the_limit_fails_at_instantiation()
    {
        var settings = Settings with { MaxMemoryPages = 100 };

        var outcome = await CreateEngine().RunAsync(TestWorkloads.Load("modules/bigmem.wasm"), settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("instantiation failed", outcome.Error);
    }

    [Fact]
    public async Task Unbounded_recursion_fails_the_iteration_with_stack_exhaustion()
    {
        var outcome = await CreateEngine().RunAsync(TestWorkloads.Load("modules/recurse.wasm"), Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("iteration 0: ", outcome.Error);
        Assert.Contains("stack", outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_trap_fails_the_iteration_and_names_the_trap()
    {
        var outcome = await CreateEngine().RunAsync(TestWorkloads.Load("modules/trap.wasm"), Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("iteration 0: ", outcome.Error);
        Assert.Contains("unreachable", outcome.Error, StringComparison.OrdinalIgnoreCase);
    }
}
