namespace WasmBench.Dashboard.Data;

/// <summary>A member of the cluster as the Nodes page shows it; what is not known is null.</summary>
/// <param name="Engines">The engines the node offers, with their versions (<c>wasmtime 50.0.1</c>), when the runner's metadata says so.</param>
public sealed record NodeInfo(
    string Address,
    string Name,
    string Status,
    DateTimeOffset? StartedAt,
    IReadOnlyList<string>? Engines = null,
    int? Cores = null,
    string? CpuModel = null,
    string? CurrentTask = null,
    int? TasksDone = null);

/// <summary>
/// What the Nodes page reads: the cluster's members. The host provides it from Orleans'
/// management grain; runner metadata (engines, cores, CPU, tasks) is filled in where the host knows it.
/// </summary>
public interface INodeReader
{
    Task<IReadOnlyList<NodeInfo>> ListNodesAsync(CancellationToken cancellationToken);
}

/// <summary>A dashboard without a cluster behind it (a host that registers no reader) shows no nodes.</summary>
internal sealed class NoNodes : INodeReader
{
    public Task<IReadOnlyList<NodeInfo>> ListNodesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<NodeInfo>>([]);
}
