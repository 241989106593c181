using System.Collections.Concurrent;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Summaries;

namespace WasmBench.Dashboard.Data;

/// <summary>
/// The statistics of the runs pages showed lately, by run and progress: a run's statistics change
/// only when a result comes in, and their bootstrap intervals are what a run page spends its time
/// on, so the prerendered page, its interactive render and the next visitor compute them once.
/// Holds at most <see cref="Capacity"/> runs (the oldest entries go first).
/// </summary>
public sealed class RunStatisticsCache
{
    public const int Capacity = 32;

    private readonly ConcurrentDictionary<(long Run, int Finished, RunState State), Lazy<RunStatistics>> _entries = new();
    private readonly ConcurrentQueue<(long, int, RunState)> _order = new();

    public RunStatistics Of(RunReport report)
    {
        var key = (report.Run.Id, report.Run.FinishedTasks, report.Run.State);
        var entry = _entries.GetOrAdd(key, _ =>
        {
            _order.Enqueue(key);
            return new Lazy<RunStatistics>(() => RunStatistics.Of(report));
        });
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }

        return entry.Value;
    }
}
