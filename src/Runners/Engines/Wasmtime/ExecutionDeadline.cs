using System.Diagnostics;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// Checked on every epoch tick while guest code runs: ends the execution when the
/// wall-clock deadline has passed or the task is cancelled, else lets it run one more tick.
/// </summary>
internal sealed class ExecutionDeadline(TimeSpan timeout, CancellationToken cancellationToken)
{
    private long _deadline = long.MaxValue;

    public TimeSpan Timeout => timeout;

    public void Arm() =>
        _deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    public ulong OnEpochDeadline(global::Wasmtime.Store store)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new DeadlineExceededException(timeout);
        }

        return 1;
    }
}

/// <summary>Thrown from the epoch callback to stop guest code; it surfaces as a failure, never to callers.</summary>
internal sealed class DeadlineExceededException(TimeSpan timeout)
    : TimeoutException($"execution exceeded the deadline of {timeout.TotalSeconds:0.###} s");
