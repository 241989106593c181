using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Workloads;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>
/// Outsiders connecting to a farm silo's gateway and silo ports (see <see cref="TlsFarmFixture"/>):
/// without the farm's certificate they cannot, with it they can — and even then a task that no
/// run planned is refused.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterTlsProcessTests(TlsFarmFixture farm) : IClassFixture<TlsFarmFixture>
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_client_without_the_farms_certificate_cannot_connect_to_the_gateway()
    {
        var (plain, plainFailure) = await FarmClient.ConnectAsync(farm.GatewayPort, tls: null, ConnectLimit);
        var (anonymous, anonymousFailure) = await FarmClient.ConnectAsync(farm.GatewayPort, o => o.AllowAnyRemoteCertificate(), ConnectLimit);
        var (foreign, foreignFailure) = await FarmClient.ConnectAsync(farm.GatewayPort, farm.Foreign.Configure, ConnectLimit);

        Assert.Null(plain);
        Assert.Null(anonymous);
        Assert.Null(foreign);
        Assert.All([plainFailure, anonymousFailure, foreignFailure], Assert.NotNull);
    }

    [Fact]
    public async Task The_same_client_with_the_farms_certificate_connects_but_cannot_queue_a_task_no_run_planned()
    {
        var (host, failure) = await FarmClient.ConnectAsync(farm.GatewayPort, farm.Farm.Configure, ConnectLimit);
        Assert.True(host is not null, failure);
        using (host)
        {
            var queue = host.Client().GetGrain<ITaskQueueGrain>(0);
            var injected = new WorkTask(1, 0, "native", new Workload("evil", "/tmp", "/tmp/evil.wasm", [], "/tmp/evil.c"), 1);

            Assert.False(await queue.Enqueue([injected], "forged"));
            Assert.Null(await queue.Lease("outsider", ["native"], TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task The_silo_port_completes_TLS_only_with_the_farms_certificate()
    {
        Assert.False(await SiloPortAcceptsAsync(certificate: null));
        Assert.False(await SiloPortAcceptsAsync(farm.Foreign.Certificate));
        Assert.True(await SiloPortAcceptsAsync(farm.Farm.Certificate));
    }

    [Fact]
    public void The_endpoints_listen_on_every_interface_because_the_farm_asked_with_TLS() =>
        Assert.Contains(ListeningSockets.For(farm.GatewayPort), a => a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any));

    /// <summary>
    /// A raw TLS connection to the silo port: true when the handshake completes and the silo keeps
    /// the connection open (it waits for a silo's preamble), false when it refuses or closes it.
    /// </summary>
    private async Task<bool> SiloPortAcceptsAsync(X509Certificate2? certificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, farm.SiloPort);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "wasmbench",
                ClientCertificates = certificate is null ? [] : [certificate],
            });
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            return await tls.ReadAsync(new byte[1], wait.Token) > 0;
        }
        catch (OperationCanceledException)
        {
            return true; // still open, waiting for our preamble
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }
}
