using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Worker;

/// <summary>
/// The runner role: pulls tasks for the engines this node has and reports their results.
/// A benchmark task runs alone (timings must not disturb each other); spec-test tasks run side
/// by side up to <see cref="RunnerWorkerOptions.MaxParallelSpecTasks"/>, and never next to a
/// benchmark. The lease is renewed while a task runs; long work never runs inside a grain call.
/// A queue that cannot be reached (no silo hosts it yet, the cluster is re-forming, the
/// connection is lost, a call times out) is asked again with capped exponential back-off, with
/// one log line per streak of failures; the worker never exits for it.
/// </summary>
public sealed class RunnerWorker(
    IGrainFactory grains,
    IEnumerable<ITaskExecutor> executors,
    IOptions<RunnerWorkerOptions> options,
    IHostApplicationLifetime lifetime,
    RunnerTelemetry telemetry,
    ILogger<RunnerWorker> logger) : BackgroundService
{
    private readonly RunnerWorkerOptions _options = options.Value;
    private readonly IReadOnlyList<ITaskExecutor> _executors = [.. executors];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Lease only once the whole host (and so the silo) has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(started.SetResult))
        {
            await started.Task;
        }

        var everything = _executors.SelectMany(e => e.Capabilities).ToList();
        var specOnly = _executors.Where(e => e.Kind == RunKind.Spec).SelectMany(e => e.Capabilities).ToList();
        logger.LogInformation("Runner {Name} offers: {Capabilities}", _options.Name, string.Join(", ", everything));
        var running = new List<Task>();
        var unreachable = new QueueUnreachable(_options.RetryDelay, _options.MaxRetryDelay);
        ITaskQueueGrain? queue = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            IReadOnlyList<string> offer = running.Count == 0 ? everything
                : running.Count < _options.MaxParallelSpecTasks ? specOnly
                : [];
            TaskLease? lease = null;
            if (offer.Count > 0)
            {
                try
                {
                    // Resolving the grain throws while no silo of the cluster hosts the queue's type.
                    queue ??= grains.GetGrain<ITaskQueueGrain>(0);
                    lease = await queue.Lease(_options.Name, offer, _options.LeaseDuration);
                    if (unreachable.Reached() is { } attempts)
                    {
                        logger.LogInformation("Runner {Name} reached the task queue after {Attempts} failed attempts", _options.Name, attempts);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    if (unreachable.Failed())
                    {
                        logger.LogWarning("Runner {Name} cannot reach the task queue ({Reason}); retrying with back-off up to {Max} s until it answers",
                            _options.Name, $"{e.GetType().Name}: {e.Message}", _options.MaxRetryDelay.TotalSeconds);
                    }

                    Task backOff = Delay(unreachable.NextDelay, stoppingToken);
                    await (running.Count == 0 ? backOff : Task.WhenAny(backOff, Task.WhenAny(running)));
                    continue;
                }
            }

            if (lease is null)
            {
                Task pause = Delay(_options.PollInterval, stoppingToken);
                await (running.Count == 0 ? pause : Task.WhenAny(pause, Task.WhenAny(running)));
                continue;
            }

            var work = RunLeaseAsync(queue!, lease, stoppingToken);
            if (lease.Task.Kind == RunKind.Benchmark)
            {
                await work;
            }
            else
            {
                running.Add(work);
            }
        }

        await Task.WhenAll(running);
    }

    private async Task RunLeaseAsync(ITaskQueueGrain queue, TaskLease lease, CancellationToken stoppingToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = KeepRenewingAsync(queue, lease.LeaseId, renewing.Token);
        using var activity = RunnerTelemetry.StartTask(lease.Task);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Abstractions.Results.TaskResult? result = null;
        try
        {
            var executor = _executors.First(e => e.Kind == lease.Task.Kind);
            logger.LogInformation("Running {Workload} on {Engine} (task {Task})", lease.Task.Workload.Name, lease.Task.Engine, lease.Task.Key);
            result = await executor.ExecuteAsync(lease.Task, stoppingToken);
            await queue.Complete(lease.LeaseId, result);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and another runner takes the task.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Task {Task} could not be completed; its lease will expire and the task will run again", lease.Task.Key);
        }
        finally
        {
            telemetry.Finished(activity, lease.Task, result, clock.Elapsed);
            await renewing.CancelAsync();
            await renewal;
        }
    }

    private async Task KeepRenewingAsync(ITaskQueueGrain queue, Guid leaseId, CancellationToken cancellationToken)
    {
        var period = _options.LeaseDuration / 3;
        while (await Delay(period, cancellationToken))
        {
            try
            {
                if (!await queue.Renew(leaseId, _options.LeaseDuration))
                {
                    logger.LogWarning("Lease {Lease} was lost; the result may be ignored", leaseId);
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Renewing lease {Lease} failed", leaseId);
            }
        }
    }

    private static async Task<bool> Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A streak of failed calls to the queue: its back-off (doubling, capped) and whether it has just begun or ended.</summary>
    private sealed class QueueUnreachable(TimeSpan first, TimeSpan max)
    {
        private int _failures;

        /// <summary>How long to wait before the next attempt.</summary>
        public TimeSpan NextDelay { get; private set; }

        /// <summary>Counts a failure; true on the first of a streak (the one to log).</summary>
        public bool Failed()
        {
            if (_failures++ > 0)
            {
                NextDelay = TimeSpan.FromTicks(Math.Min(NextDelay.Ticks * 2, max.Ticks));
                return false;
            }

            NextDelay = first;
            return true;
        }

        /// <summary>Ends a streak: the number of failures it had, or null when there was none.</summary>
        public int? Reached()
        {
            var failures = _failures;
            _failures = 0;
            return failures == 0 ? null : failures;
        }
    }
}
