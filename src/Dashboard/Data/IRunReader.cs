using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Dashboard.Data;

/// <summary>What the dashboard reads; the host provides it from the result store.</summary>
public interface IRunReader
{
    Task<IReadOnlyList<StoredRun>> ListRunsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>A run with every pair, sample and event, or null when there is no such run.</summary>
    Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken);

    /// <summary>
    /// The completed benchmark runs with <paramref name="label"/> (any label when null), oldest first, each holding
    /// only the pairs of <paramref name="workload"/> (every engine, so the machine reference has the run's processes;
    /// a store may narrow this further). This default reads each run whole.
    /// </summary>
    async Task<IReadOnlyList<RunReport>> GetHistoryAsync(string workload, string engine, string? label, CancellationToken cancellationToken)
    {
        var runs = await ListRunsAsync(int.MaxValue, cancellationToken);
        var reports = new List<RunReport>();
        foreach (var run in runs.Where(r => r.Kind == RunKind.Benchmark && r.State == RunState.Completed && (label is null || r.Label == label)).OrderBy(r => r.Id))
        {
            if (await GetReportAsync(run.Id, cancellationToken) is { } report && report.Pairs.Any(p => p.Workload == workload && p.EngineId == engine))
            {
                reports.Add(report);
            }
        }

        return reports;
    }
}
