using System.Collections.Concurrent;
using WasmBench.Abstractions.Results;

namespace WasmBench.Dashboard.Data;

/// <summary>
/// Tells the pages of this process that a run changed (created, a result recorded, finished), so a
/// page reads it again then and only then, instead of polling the store. The host publishes where
/// it records results (the store a run grain writes through); a page subscribes to one run or to
/// every run. Callbacks run on the publisher's thread and must not block (pages hand them to their
/// renderer with <c>InvokeAsync</c>).
/// </summary>
public sealed class RunNotifications
{
    /// <summary>Subscribes to every run.</summary>
    public const long AnyRun = -1;

    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public IDisposable Subscribe(long runId, Func<Task> changed)
    {
        var subscription = new Subscription(this, runId, changed);
        _subscriptions[subscription] = 0;
        return subscription;
    }

    public void Publish(StoredRun run)
    {
        foreach (var subscription in _subscriptions.Keys.Where(s => s.RunId == AnyRun || s.RunId == run.Id))
        {
            // A page that went away between the snapshot and the call only misses one refresh.
            _ = subscription.Changed().ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private sealed class Subscription(RunNotifications owner, long runId, Func<Task> changed) : IDisposable
    {
        public long RunId => runId;

        public Func<Task> Changed => changed;

        public void Dispose() => owner._subscriptions.TryRemove(this, out _);
    }
}
