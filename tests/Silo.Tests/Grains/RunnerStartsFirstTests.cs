using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Workloads;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Worker;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Security;
using WasmBench.Silo.Storage;
using WasmBench.Silo.Tests.Storage;

namespace WasmBench.Silo.Tests.Grains;

/// <summary>
/// A real two-silo Orleans cluster built in the order a farm often starts: a runner silo (without
/// the coordinator's grains, as <c>serve --roles runner</c> configures it) alone first, so that no
/// silo hosts the task queue and resolving it fails; then a coordinator silo joins. The runner's
/// real worker, with the real interpreter running a real spec script, must wait, log the wait once,
/// and pick up and finish the task once the queue exists.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RunnerStartsFirstTests : IDisposable
{
    private const string Script = """
        (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
        (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_runner_started_before_any_coordinator_waits_and_then_finishes_a_task()
    {
        var store = await ResultStoreTests.CreateStoreAsync(_dir.File("farm.db"));
        var seal = new PlanSeal(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var logs = new LogLines();
        var coordinatorNext = false;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            var services = host.Services;
            services.AddSingleton<IResultStore>(store);
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(seal);
            services.AddMetrics();
            services.AddSingleton<CoordinatorMetrics>();
            if (coordinatorNext)
            {
                return;
            }

            // After Orleans has listed every grain class of the loaded assemblies (as serve removes them in its silo configuration).
            services.PostConfigure<Orleans.Configuration.GrainTypeOptions>(o =>
            {
                o.Classes.Remove(typeof(RunGrain));
                o.Classes.Remove(typeof(TaskQueueGrain));
            });
            host.Logging.AddProvider(logs);
            services.AddSingleton(_ => new EngineCatalog(WasmBenchHostExtensions.CreateEngines(), WasmBenchHostExtensions.CreateFamilies()));
            services.AddSingleton<ITaskExecutor>(sp => new SpecTaskExecutor(sp.GetRequiredService<EngineCatalog>()));
            services.AddSingleton<RunnerTelemetry>();
            services.Configure<RunnerWorkerOptions>(o => (o.Name, o.MaxRetryDelay) = ("early-runner", TimeSpan.FromSeconds(2)));
            services.AddHostedService<RunnerWorker>();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            // The runner alone: its calls to the queue fail (and it keeps running).
            await Until(() => logs.Matching("cannot reach the task queue").Count > 0, logs);
            Assert.Single(cluster.Silos);

            coordinatorNext = true;
            await cluster.StartAdditionalSiloAsync();
            var suite = _dir.File("mini.suite");
            File.WriteAllText(suite, "name: mini\nrepository: https://example.invalid/mini.git\ncommit: 0000000\nprofile: wasm2\ninclude: *.wast\n");
            var script = _dir.File("add.wast");
            File.WriteAllText(script, Script);
            var request = new RunRequest(suite, ["interp"], Kind: RunKind.Spec);
            var runId = (await ResultStoreTests.CreateRunAsync(store, request, ["interp"], 1)).Id;
            WorkTask[] tasks = [new(runId, 0, "interp", new Workload("add.wast", _dir.Path, script, []), 1, RunKind.Spec, suite)];
            // The test's client learns of the coordinator's grains from its gateway in its own time.
            await Until(async () =>
            {
                try
                {
                    return await cluster.Client.GetGrain<IRunGrain>(runId).Start(tasks, seal.Seal(tasks));
                }
                catch (ArgumentException)
                {
                    return false;
                }
            });

            await Until(async () => (await cluster.Client.GetGrain<IRunGrain>(runId).GetStatus()).State != RunState.Running);
            var status = await cluster.Client.GetGrain<IRunGrain>(runId).GetStatus();
            Assert.Equal(RunState.Completed, status.State);
            Assert.Equal((1, 0), (status.CompletedTasks, status.FailedTasks));
            var report = await store.GetReportAsync(runId, CancellationToken.None);
            Assert.Single(report!.Pairs);
            // One line for the whole streak of failures, one when the queue answered.
            Assert.Single(logs.Matching("cannot reach the task queue"));
            Assert.Single(logs.Matching("reached the task queue"));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }
    }

    private static async Task Until(Func<bool> condition, LogLines? logs = null) => await Until(() => Task.FromResult(condition()), logs);

    private static async Task Until(Func<Task<bool>> condition, LogLines? logs = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, $"the condition did not hold in time; the runner logged:\n{string.Join("\n", logs?.Matching("") ?? [])}");
            await Task.Delay(200);
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The runner silo's log lines, as text.</summary>
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Matching(string text) => [.. _lines.Where(l => l.Contains(text, StringComparison.Ordinal))];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message));

        public void Dispose()
        {
        }
    }
}
