using WasmBench.Abstractions.Results;

namespace WasmBench.Dashboard.Data;

/// <summary>What the dashboard reads; the host provides it from the result store.</summary>
public interface IRunReader
{
    Task<IReadOnlyList<StoredRun>> ListRunsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>A run with every pair, sample and event, or null when there is no such run.</summary>
    Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken);
}
