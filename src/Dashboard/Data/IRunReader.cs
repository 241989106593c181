using WasmBench.Abstractions.Results;

namespace WasmBench.Dashboard.Data;

/// <summary>What the dashboard reads; the host provides it from the result store.</summary>
public interface IRunReader
{
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken);

    Task<RunReport?> GetRunAsync(long runId, CancellationToken cancellationToken);
}
