using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Cli;

/// <summary>Where `run` sends its run: this process, or a service named by --server.</summary>
public interface IRunBackend : IAsyncDisposable
{
    /// <summary>The started run, or the reason it could not start (a usage error).</summary>
    Task<Result<StoredRun>> StartAsync(RunRequest request, CancellationToken cancellationToken);

    Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken);
}
