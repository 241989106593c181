using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;

namespace WasmBench.Runners.Worker;

/// <summary>
/// When a process turns out to have been measured while the machine was disturbed (its machine
/// reference more than <see cref="DisturbanceRule.Tolerance"/> above the node's level,
/// <see cref="MachineLevel"/>), measure it again after a pause — up to <see cref="Attempts"/> more
/// times, the pause growing by <see cref="Pause"/> each time, and spending at most
/// <see cref="RunBudget"/> of extra time (pauses and measurements) per run on this node — and keep
/// the least disturbed measurement.
/// </summary>
public sealed record RemeasurePolicy(int Attempts, TimeSpan Pause, TimeSpan RunBudget)
{
    /// <summary>Never measure again.</summary>
    public static RemeasurePolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The CLI's default attempts; pauses of 10 s then 20 s; three minutes per run.</summary>
    public static RemeasurePolicy WithAttempts(int attempts) => new(attempts, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(3));
}

/// <summary>
/// Runs benchmark tasks on the engines of this node's catalog, output checked. Each task is one
/// process of a (workload, engine) pair: with a <see cref="ChildMeasurer"/> it runs in a fresh child process,
/// without one (tests, a host that is not wasmbench) in this process. A process measured while the
/// machine was disturbed is measured again as <see cref="RemeasurePolicy"/> says.
/// </summary>
public sealed class BenchmarkTaskExecutor : ITaskExecutor
{
    private readonly BenchmarkSettings _settings;
    private readonly Func<TaskMeasurementRequest, CancellationToken, Task<TaskMeasurement>> _measure;
    private readonly RemeasurePolicy _policy;
    private readonly MachineLevel _level;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, TimeSpan> _spent = new();

    public BenchmarkTaskExecutor(EngineCatalog catalog, BenchmarkSettings settings, ChildMeasurer? child = null,
        RemeasurePolicy? remeasure = null, MachineLevel? level = null, ILogger<BenchmarkTaskExecutor>? logger = null)
        : this(catalog, settings, MeasureWith(catalog, child), remeasure, level, logger, null)
    {
    }

    /// <summary>With a measuring function of the caller's (tests: measurements with chosen references).</summary>
    internal BenchmarkTaskExecutor(EngineCatalog catalog, BenchmarkSettings settings, Func<TaskMeasurementRequest, CancellationToken, Task<TaskMeasurement>> measure,
        RemeasurePolicy? remeasure, MachineLevel? level, ILogger? logger, TimeProvider? time)
    {
        _settings = settings;
        _measure = measure;
        _policy = remeasure ?? RemeasurePolicy.None;
        _level = level ?? new MachineLevel();
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        Capabilities =
        [
            .. catalog.BenchmarkEngines.Select(e => e.Info.Id),
            .. catalog.VariantFamilies<IBenchmarkEngine>().Select(f => Abstractions.Runs.Capabilities.ForEveryVariant(RunKind.Benchmark, f)),
        ];
    }

    public RunKind Kind => RunKind.Benchmark;

    public IReadOnlyList<string> Capabilities { get; }

    public async Task<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken)
    {
        var request = TaskMeasurementRequest.For(task, _settings);
        var best = await _measure(request, cancellationToken);
        var bestReference = Reference(best);
        for (var attempt = 1; bestReference is { } reference && _level.IsDisturbed(reference) && attempt <= _policy.Attempts; attempt++)
        {
            var pause = _policy.Pause * attempt;
            var spent = _spent.GetValueOrDefault(task.RunId);
            if (spent + pause >= _policy.RunBudget)
            {
                _logger.LogInformation("{Workload} on {Engine}, process {Process}: measured while the machine was disturbed (reference {Excess:0.00}x its level); not measured again: this run's {Budget:0} s for measuring again are spent (--remeasure 0 turns measuring again off)",
                    task.Workload.Name, task.Engine, task.Process, _level.Excess(reference), _policy.RunBudget.TotalSeconds);
                break;
            }

            _logger.LogInformation("{Workload} on {Engine}, process {Process}: measured while the machine was disturbed (reference {Excess:0.00}x its level); measuring again in {Pause:0} s (attempt {Attempt} of {Attempts}; {Spent:0} of this run's {Budget:0} s for measuring again spent; --remeasure 0 turns this off)",
                task.Workload.Name, task.Engine, task.Process, _level.Excess(reference), pause.TotalSeconds, attempt + 1, _policy.Attempts + 1, spent.TotalSeconds, _policy.RunBudget.TotalSeconds);
            _level.Add(reference);
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(pause, _time, cancellationToken);
            var again = await _measure(request, cancellationToken);
            _spent[task.RunId] = spent + Stopwatch.GetElapsedTime(started);
            if (again.Error is null && Reference(again) is { } r && r < reference)
            {
                (best, bestReference) = (again, r);
            }
            else if (Reference(again) is { } worse)
            {
                _level.Add(worse);
            }
        }

        if (bestReference is { } kept)
        {
            _level.Add(kept);
        }

        return new TaskResult(task.RunId, task.TaskIndex, best.Engine, task.Workload.Name, MachineInfo.Fingerprint,
            best.Samples, best.Events, best.Output, best.Error);
    }

    private static long? Reference(TaskMeasurement measured) => measured.Error is null ? DisturbanceRule.OfProcess(measured.Events) : null;

    private static Func<TaskMeasurementRequest, CancellationToken, Task<TaskMeasurement>> MeasureWith(EngineCatalog catalog, ChildMeasurer? child)
    {
        var inProcess = new InProcessMeasurer(catalog);
        return async (request, ct) =>
        {
            if (child is null || catalog.Find(request.Engine) is not IBenchmarkEngine engine)
            {
                return await inProcess.MeasureAsync(request, ct);
            }

            if (engine is Engines.Native.NativeEngine native)
            {
                // Built here (in its own sandbox), so the measuring child finds it in the cache it may only read.
                await native.BuildAsync(request.Workload, ct);
            }

            return (await child.MeasureAsync([request], ct))[0];
        };
    }
}
