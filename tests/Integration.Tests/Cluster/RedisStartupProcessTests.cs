using System.Globalization;
using WasmBench.Integration.Tests.Process;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>
/// `serve --redis` checks its Redis before it builds a silo on it: nothing listening is one line
/// and exit code 2 within seconds; a real redis-server lets the same command start.
/// </summary>
public sealed class RedisStartupProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string[] Serve(int redisPort, int httpPort) =>
        ["serve", "--redis", $"127.0.0.1:{redisPort}", "--roles", "coordinator", "--no-seed", "--urls", $"http://127.0.0.1:{httpPort}", "--db", _dir.File("farm.db")];

    [Fact]
    public async Task A_farm_node_whose_Redis_does_not_answer_stops_at_once_with_one_line_naming_the_address()
    {
        var redisPort = FreeTcpPort.Find();

        var (code, stdout, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(1), Serve(redisPort, FreeTcpPort.Find()));

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"cannot reach Redis at 127.0.0.1:{redisPort}", line, StringComparison.Ordinal);
        Assert.Contains("check that redis-server is running", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_same_command_starts_when_a_real_redis_server_answers()
    {
        var redisPort = FreeTcpPort.Find();
        var redisDir = Directory.CreateDirectory(_dir.File("redis")).FullName;
        await using var redis = ServeProcess.Start("redis-server", "--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", redisDir);
        await redis.WaitForPortAsync(redisPort, TimeSpan.FromSeconds(20));
        var httpPort = FreeTcpPort.Find();

        await using var serve = ServeProcess.Wasmbench(Serve(redisPort, httpPort));

        // Listening on its HTTP port means the silo joined the farm and the host started.
        await serve.WaitForPortAsync(httpPort, TimeSpan.FromMinutes(2));
    }

    public void Dispose() => _dir.Dispose();
}
