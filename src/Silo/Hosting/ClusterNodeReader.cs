using WasmBench.Dashboard.Data;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// The Nodes page's data: every member of the cluster from Orleans' management grain (address,
/// name, status, start time), and for this process's own silo its cores and CPU model. Engines per
/// node come with the runners' silo metadata, which this reader does not read yet.
/// </summary>
public sealed class ClusterNodeReader(IGrainFactory grains, ILocalSiloDetails local) : INodeReader
{
    public async Task<IReadOnlyList<NodeInfo>> ListNodesAsync(CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        return [.. hosts.OrderBy(h => h.SiloName, StringComparer.Ordinal).Select(h =>
        {
            var self = h.SiloAddress.Equals(local.SiloAddress);
            return new NodeInfo(
                h.SiloAddress.ToString(),
                h.SiloName,
                h.Status.ToString(),
                new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)),
                Cores: self ? Environment.ProcessorCount : null,
                CpuModel: self ? LocalCpuModel.Value : null);
        })];
    }

    private static readonly Lazy<string?> LocalCpuModel = new(() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null);
}
