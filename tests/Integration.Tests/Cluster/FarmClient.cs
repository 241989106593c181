using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>A plain Orleans client of a farm's gateway, as an outsider would write it.</summary>
public static class FarmClient
{
    /// <summary>Connects (with <paramref name="tls"/> when given); null and the reason when the gateway refuses.</summary>
    public static async Task<(IHost? Host, string? Failure)> ConnectAsync(int gatewayPort, Action<TlsOptions>? tls, TimeSpan limit)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("wasmbench", "wasmbench"));
            if (tls is not null)
            {
                client.UseTls(tls);
            }
        });
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await host.StartAsync(timeout.Token);
            return (host, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            host.Dispose();
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public static IClusterClient Client(this IHost host) => host.Services.GetRequiredService<IClusterClient>();
}
