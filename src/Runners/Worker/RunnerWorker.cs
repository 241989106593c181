using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Worker;

/// <summary>
/// The runner role: pulls tasks for the engines this node has, one benchmark task at a time
/// (timings must not disturb each other), renews the lease while the engine works, and reports
/// the result. Long work never runs inside a grain call.
/// </summary>
public sealed class RunnerWorker(
    IGrainFactory grains,
    ITaskExecutor executor,
    IOptions<RunnerWorkerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<RunnerWorker> logger) : BackgroundService
{
    private readonly RunnerWorkerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Lease only once the whole host (and so the silo) has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        using (stoppingToken.Register(started.SetResult))
        {
            await started.Task;
        }

        var queue = grains.GetGrain<ITaskQueueGrain>(0);
        logger.LogInformation("Runner {Name} serving engines: {Engines}", _options.Name, string.Join(", ", executor.Engines));
        while (!stoppingToken.IsCancellationRequested)
        {
            TaskLease? lease;
            try
            {
                lease = await queue.Lease(_options.Name, executor.Engines, _options.LeaseDuration);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Leasing a task failed; retrying");
                lease = null;
            }

            if (lease is null)
            {
                await Delay(_options.PollInterval, stoppingToken);
                continue;
            }

            await RunLeaseAsync(queue, lease, stoppingToken);
        }
    }

    private async Task RunLeaseAsync(ITaskQueueGrain queue, TaskLease lease, CancellationToken stoppingToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = KeepRenewingAsync(queue, lease.LeaseId, renewing.Token);
        try
        {
            logger.LogInformation("Running {Workload} on {Engine} (task {Task})", lease.Task.Workload.Name, lease.Task.Engine, lease.Task.Key);
            var result = await executor.ExecuteAsync(lease.Task, stoppingToken);
            await queue.Complete(lease.LeaseId, result);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and another runner takes the task.
        }
        finally
        {
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
}
