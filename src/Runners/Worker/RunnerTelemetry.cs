using System.Diagnostics;
using System.Diagnostics.Metrics;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Telemetry;

namespace WasmBench.Runners.Worker;

/// <summary>
/// What a runner records of each task it runs: a <c>wasmbench.task</c> span (run, task, workload,
/// engine, outcome) and the task's duration on the <c>WasmBench</c> meter.
/// </summary>
public sealed class RunnerTelemetry
{
    public static readonly ActivitySource Source = new(TelemetryNames.ActivitySource);

    private readonly Histogram<double> _taskDuration;

    public RunnerTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Meter);
        _taskDuration = meter.CreateHistogram<double>("wasmbench.task.duration", "s", "How long a runner took to execute a task, from its lease to its result.");
    }

    /// <summary>The span of one task; null when nobody listens.</summary>
    public static Activity? StartTask(WorkTask task)
    {
        var activity = Source.StartActivity("wasmbench.task", ActivityKind.Consumer);
        activity?.SetTag(TelemetryNames.RunIdTag, task.RunId)
            .SetTag(TelemetryNames.TaskIndexTag, task.TaskIndex)
            .SetTag(TelemetryNames.WorkloadTag, task.Workload.Name)
            .SetTag(TelemetryNames.EngineTag, task.Engine)
            .SetTag(TelemetryNames.KindTag, Kind(task.Kind));
        return activity;
    }

    /// <summary>Ends the task's span with its outcome and records its duration; <paramref name="result"/> is null when no result came (an exception).</summary>
    public void Finished(Activity? activity, WorkTask task, TaskResult? result, TimeSpan elapsed)
    {
        var outcome = result is null ? "no-result" : result.Succeeded ? "ok" : "error";
        _taskDuration.Record(elapsed.TotalSeconds, new(TelemetryNames.KindTag, Kind(task.Kind)), new(TelemetryNames.EngineTag, task.Engine), new(TelemetryNames.OutcomeTag, outcome));
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.OutcomeTag, outcome);
            activity.SetStatus(result is { Succeeded: true } ? ActivityStatusCode.Ok : ActivityStatusCode.Error, result?.Error);
        }
    }

    private static string Kind(RunKind kind) => kind == RunKind.Spec ? "spec" : "benchmark";
}
