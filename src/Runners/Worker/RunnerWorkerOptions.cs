namespace WasmBench.Runners.Worker;

public sealed class RunnerWorkerOptions
{
    /// <summary>This runner's name in leases and logs.</summary>
    public string Name { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a lease lasts before the task goes back to the queue unless renewed.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle runner waits before asking the queue again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a runner waits after its first failed call to the queue; each further failure in a row doubles it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between calls to a queue that does not answer.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Spec-test tasks run side by side, up to this many (benchmark tasks always run alone).</summary>
    public int MaxParallelSpecTasks { get; set; } = Environment.ProcessorCount;
}
