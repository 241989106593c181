using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Worker;

namespace WasmBench.Runners.Tests.Worker;

/// <summary>
/// A process measured while the machine was disturbed (its machine reference far above the node's
/// level) is measured again, and the least disturbed measurement is kept. The measurements here
/// are made up so that each test controls the references; each attempt's execution sample says
/// which attempt it was.
/// </summary>
public sealed class RemeasureTests
{
    private const double Level = 7e6;

    [Fact]
    public async Task A_quiet_process_is_measured_once()
    {
        var (executor, attempts) = Executor(Policy(2), KnownLevel(), 1.02);

        var result = await executor.ExecuteAsync(WorkOf(1), CancellationToken.None);

        Assert.Single(attempts);
        Assert.Equal(1, Attempt(result));
    }

    [Fact]
    public async Task A_disturbed_process_is_measured_again_and_the_quiet_measurement_kept()
    {
        var (executor, attempts) = Executor(Policy(2), KnownLevel(), 1.30, 1.01);

        var result = await executor.ExecuteAsync(WorkOf(1), CancellationToken.None);

        Assert.Equal(2, attempts.Count);
        Assert.Equal(2, Attempt(result));
        Assert.Equal((long)(Level * 1.01), DisturbanceRule.OfProcess(result.Events));
    }

    [Fact]
    public async Task A_machine_disturbed_through_every_attempt_gives_the_least_disturbed_one()
    {
        var (executor, attempts) = Executor(Policy(2), KnownLevel(), 1.40, 1.20, 1.35, 1.00);

        var result = await executor.ExecuteAsync(WorkOf(1), CancellationToken.None);

        Assert.Equal(3, attempts.Count); // the first and two more; the fourth is never asked for
        Assert.Equal(2, Attempt(result));
    }

    [Fact]
    public async Task Without_a_policy_or_a_known_level_nothing_is_measured_again()
    {
        var (never, neverAttempts) = Executor(RemeasurePolicy.None, KnownLevel(), 1.50, 1.00);
        var (unknown, unknownAttempts) = Executor(Policy(2), new MachineLevel(), 1.50, 1.00);

        await never.ExecuteAsync(WorkOf(1), CancellationToken.None);
        await unknown.ExecuteAsync(WorkOf(1), CancellationToken.None);

        Assert.Single(neverAttempts);
        Assert.Single(unknownAttempts);
    }

    [Fact]
    public async Task A_failed_attempt_never_replaces_a_good_measurement()
    {
        var (executor, attempts) = Executor(Policy(1), KnownLevel(), 1.30, null);

        var result = await executor.ExecuteAsync(WorkOf(1), CancellationToken.None);

        Assert.Equal(2, attempts.Count);
        Assert.Null(result.Error);
        Assert.Equal(1, Attempt(result));
    }

    [Fact]
    public async Task Each_run_has_its_own_budget_for_measuring_again()
    {
        // Pauses of 60 ms then 120 ms, at most 100 ms more per run: the first task of a run gets one
        // more measurement (0 + 60 < 100), its second attempt would pass the budget (60 + 120), and so
        // would the next task's first (60 + 60). Another run starts with a whole budget.
        var policy = new RemeasurePolicy(2, TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(100));
        var (executor, attempts) = Executor(policy, KnownLevel(), 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5);

        await executor.ExecuteAsync(WorkOf(1), CancellationToken.None);
        Assert.Equal(2, attempts.Count);
        await executor.ExecuteAsync(WorkOf(1), CancellationToken.None);
        Assert.Equal(3, attempts.Count);
        await executor.ExecuteAsync(WorkOf(2), CancellationToken.None);
        Assert.Equal(5, attempts.Count);
    }

    [Fact]
    public async Task The_pause_is_cancellable()
    {
        var policy = new RemeasurePolicy(2, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1));
        var (executor, attempts) = Executor(policy, KnownLevel(), 1.5, 1.0);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.ExecuteAsync(WorkOf(1), cts.Token));
        Assert.Single(attempts);
    }

    [Fact]
    public async Task Every_measurement_teaches_the_level()
    {
        var level = new MachineLevel();
        var (executor, _) = Executor(Policy(2), level, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        for (var i = 0; i < DisturbanceRule.MinimumProcesses; i++)
        {
            Assert.Null(level.Level);
            await executor.ExecuteAsync(WorkOf(1), CancellationToken.None);
        }

        Assert.Equal(Level, level.Level);
    }

    private static RemeasurePolicy Policy(int attempts) => new(attempts, TimeSpan.Zero, TimeSpan.FromHours(1));

    private static MachineLevel KnownLevel()
    {
        var level = new MachineLevel();
        for (var i = 0; i < 20; i++)
        {
            level.Add(Level);
        }

        return level;
    }

    /// <summary>An executor whose n-th measurement has a reference of <paramref name="excess"/>[n] x the level (null: a failed one).</summary>
    private static (BenchmarkTaskExecutor Executor, List<int> Attempts) Executor(RemeasurePolicy policy, MachineLevel level, params double?[] excess)
    {
        var attempts = new List<int>();
        var executor = new BenchmarkTaskExecutor(new EngineCatalog([]), BenchmarkSettings.Default, (request, _) =>
        {
            var n = attempts.Count;
            attempts.Add(n + 1);
            var engine = new EngineIdentity(request.Engine, "", "1");
            return Task.FromResult(excess[n] is not { } x
                ? TaskMeasurement.Failure(request.Engine, "the measuring process crashed")
                : new TaskMeasurement(engine, [new Sample(Phase.Execution, request.Process, 1, n + 1)], [
                    new ProcessEvent(ProcessEventKind.MachineReferenceBefore, request.Process, (long)(Level * x)),
                    new ProcessEvent(ProcessEventKind.MachineReferenceAfter, request.Process, (long)(Level * x * 1.05))], OutputVerdict.Matched, null));
        }, policy, level, null, null);
        return (executor, attempts);
    }

    private static WorkTask WorkOf(long run) =>
        new(run, 0, "wasmtime", new Workload("fib", "/w", "/w/benchmark.wasm", []), 10, Process: 3);

    private static long Attempt(TaskResult result) => Assert.Single(result.Samples, s => s.Phase == Phase.Execution).Nanoseconds;
}
