using System.Net;
using System.Globalization;
using WasmBench.Integration.Tests.Process;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>The cluster is closed by default: a farm silo's ports stay on loopback unless asked, and beyond loopback only with mutual TLS.</summary>
public sealed class ClusterGuardProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("any")]
    [InlineData("192.0.2.2")]
    public async Task A_farm_silo_beyond_loopback_without_TLS_refuses_to_start(string listen)
    {
        var (code, _, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(1),
            "serve", "--redis", "127.0.0.1:1", "--cluster-listen", listen, "--db", _dir.File("x.db"), "--no-seed");

        Assert.Equal(2, code);
        Assert.Contains("--tls-cert", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("x.db")));
    }

    [Fact]
    public async Task TLS_files_that_do_not_load_are_refused_without_quoting_them()
    {
        var secret = _dir.File("secret.pem");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-CONTENT");
        var (code, _, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(1),
            "serve", "--redis", "127.0.0.1:1", "--cluster-listen", "any", "--tls-cert", secret, "--tls-key", secret, "--tls-ca", secret, "--db", _dir.File("x.db"));

        Assert.Equal(2, code);
        Assert.Contains("cannot load the TLS certificate", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_farm_silo_without_cluster_listen_binds_its_ports_to_loopback_only()
    {
        var redisPort = FreeTcpPort.Find();
        var (silo, gateway) = (FreeTcpPort.Find(), FreeTcpPort.Find());
        await using var redis = ServeProcess.Start("redis-server", "--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "");
        await redis.WaitForPortAsync(redisPort, TimeSpan.FromSeconds(20));
        await using var serve = ServeProcess.Wasmbench("serve", "--redis", $"127.0.0.1:{redisPort}", "--roles", "coordinator", "--no-seed",
            "--urls", "http://127.0.0.1:0", "--db", _dir.File("farm.db"), "--silo-port", $"{silo}", "--gateway-port", $"{gateway}");
        await serve.WaitForPortAsync(gateway, TimeSpan.FromMinutes(1));

        Assert.All([silo, gateway], port => Assert.Equal([IPAddress.Loopback], ListeningSockets.For(port)));
    }

    public void Dispose() => _dir.Dispose();
}
