using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// Ready when this process's silo is <c>Active</c> in the Orleans cluster membership (joined, not
/// joining, shutting down or declared dead); the description counts the cluster's active silos.
/// </summary>
public sealed class ClusterMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object> { ["silo"] = silo.SiloAddress.ToString(), ["status"] = status.ToString(), ["activeSilos"] = active };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"this silo is active in a cluster of {active} active silo{(active == 1 ? "" : "s")}", data)
            : HealthCheckResult.Unhealthy($"this silo is {status} in the cluster membership, not active", data: data));
    }
}
