using System.Globalization;
using WasmBench.Silo.Security;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>
/// One farm silo for a test class: a real `wasmbench serve` (coordinator) with Redis membership,
/// listening on every interface with mutual TLS from `DevCertificates`, plus a second CA's
/// certificate that the farm must not accept.
/// </summary>
public sealed class TlsFarmFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ServeProcess? _redis;
    private ServeProcess? _serve;

    public int SiloPort { get; } = FreeTcpPort.Find();

    public int GatewayPort { get; } = FreeTcpPort.Find();

    /// <summary>A node certificate of the farm's CA.</summary>
    public LoadedClusterTls Farm { get; private set; } = null!;

    /// <summary>A node certificate of another CA (trusting the farm's CA itself).</summary>
    public LoadedClusterTls Foreign { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var certs = Path.Combine(_dir.Path, "certs");
        var foreign = Path.Combine(_dir.Path, "foreign");
        DevCertificates.Create(certs, "node", TimeSpan.FromDays(1));
        DevCertificates.Create(foreign, "node", TimeSpan.FromDays(1));
        var ca = Path.Combine(certs, DevCertificates.CaFile);
        Farm = new ClusterTls(Path.Combine(certs, "node.pem"), Path.Combine(certs, "node.key"), ca).TryLoad(out var error) ?? throw new InvalidOperationException(error);
        Foreign = new ClusterTls(Path.Combine(foreign, "node.pem"), Path.Combine(foreign, "node.key"), ca).TryLoad(out error) ?? throw new InvalidOperationException(error);

        var redisPort = FreeTcpPort.Find();
        _redis = ServeProcess.Start("redis-server", "--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "");
        await _redis.WaitForPortAsync(redisPort, TimeSpan.FromSeconds(20));
        _serve = ServeProcess.Wasmbench(
            "serve", "--redis", $"127.0.0.1:{redisPort}", "--cluster-listen", "any", "--roles", "coordinator", "--no-seed",
            "--urls", "http://127.0.0.1:0", "--db", _dir.File("farm.db"),
            "--silo-port", $"{SiloPort}", "--gateway-port", $"{GatewayPort}",
            "--tls-cert", Path.Combine(certs, "node.pem"), "--tls-key", Path.Combine(certs, "node.key"), "--tls-ca", ca);
        await _serve.WaitForPortAsync(GatewayPort, TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _dir.Dispose();
    }
}
