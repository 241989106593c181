using System.Diagnostics;
using System.Diagnostics.Metrics;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Telemetry;

namespace WasmBench.Silo.Grains;

/// <summary>
/// What the coordinator's grains measure, on the <c>WasmBench</c> meter: tasks leased, completed,
/// failed and whose lease expired (counters), the queue's depth and held leases (gauges), and each
/// run's duration (a histogram). Nothing is recorded unless a listener (OpenTelemetry) is on.
/// </summary>
public sealed class CoordinatorMetrics
{
    /// <summary>The coordinator's spans (a run's start).</summary>
    public static readonly ActivitySource Source = new(TelemetryNames.ActivitySource);

    private readonly Counter<long> _leased;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _expired;
    private readonly Histogram<double> _runDuration;
    private Func<(int Queued, int Leased)>? _queue;

    public CoordinatorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Meter);
        _leased = meter.CreateCounter<long>("wasmbench.tasks.leased", "{task}", "Tasks handed to a runner on a lease (a task leased again after its lease expired counts again).");
        _completed = meter.CreateCounter<long>("wasmbench.tasks.completed", "{task}", "Tasks whose result was stored without an error.");
        _failed = meter.CreateCounter<long>("wasmbench.tasks.failed", "{task}", "Tasks whose result was stored with an error (a trap, a failed build, a timeout).");
        _expired = meter.CreateCounter<long>("wasmbench.tasks.lease_expired", "{task}", "Leases that expired before their task completed; the task was queued again.");
        _runDuration = meter.CreateHistogram<double>("wasmbench.run.duration", "s", "From a run's creation to its last task's result.");
        meter.CreateObservableGauge("wasmbench.queue.depth", () => _queue?.Invoke().Queued ?? 0, "{task}", "Tasks waiting in the queue for a runner.");
        meter.CreateObservableGauge("wasmbench.queue.leased", () => _queue?.Invoke().Leased ?? 0, "{task}", "Tasks on a lease held by a runner.");
    }

    /// <summary>The task queue grain reports its sizes through this while it is active.</summary>
    public void ObserveQueue(Func<(int Queued, int Leased)>? sizes) => _queue = sizes;

    public void Leased(WorkTask task) => _leased.Add(1, Tags(task.Kind, task.Engine));

    public void LeaseExpired(WorkTask task) => _expired.Add(1, Tags(task.Kind, task.Engine));

    public void Stored(RunKind kind, string engine, bool succeeded) =>
        (succeeded ? _completed : _failed).Add(1, Tags(kind, engine));

    public void RunFinished(StoredRun run, TimeSpan duration) =>
        _runDuration.Record(Math.Max(0, duration.TotalSeconds), new(TelemetryNames.KindTag, Kind(run.Kind)), new(TelemetryNames.OutcomeTag, run.FailedTasks == 0 ? "ok" : "failed-tasks"));

    private static KeyValuePair<string, object?>[] Tags(RunKind kind, string engine) =>
        [new(TelemetryNames.KindTag, Kind(kind)), new(TelemetryNames.EngineTag, engine)];

    private static string Kind(RunKind kind) => kind == RunKind.Spec ? "spec" : "benchmark";
}
