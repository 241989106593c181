using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using WasmBench.Silo.Hosting;

namespace WasmBench.Integration.Tests.Host;

[Collection(ServiceCollection.Name)]
public sealed class HealthEndpointTests(ServiceFixture service) : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_running_service_is_live_and_ready_with_its_database_and_cluster_membership_checked()
    {
        using var client = service.Client(authenticated: false);

        using var live = await client.GetAsync("health/live");
        using var ready = await client.GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", Json(await live.Content.ReadAsStringAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = Checks(await ready.Content.ReadAsStringAsync());
        Assert.Equal(("Healthy", "Healthy"), (checks["database"].Status, checks["cluster"].Status));
        Assert.Equal("this silo is active in a cluster of 1 active silo", checks["cluster"].Description);
    }

    [Fact]
    public async Task A_service_whose_database_is_unreachable_is_live_but_not_ready_and_says_why()
    {
        var settings = new HostSettings(Roles.Coordinator, $"postgres://bench:hunter2@127.0.0.1:{ClosedPort()}/results");
        await using var host = await StartedHost.StartAsync(settings, migrate: false);
        using var client = host.Client();

        using var live = await client.GetAsync("health/live");
        using var ready = await client.GetAsync("health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        var checks = Checks(body);
        Assert.Equal("Unhealthy", Json(body).GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["database"].Status);
        Assert.Equal("Healthy", checks["cluster"].Status);
        Assert.DoesNotContain("hunter2", body);
    }

    public void Dispose() => _dir.Dispose();

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    private static Dictionary<string, (string Status, string? Description)> Checks(string body) =>
        Json(body).GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString()));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
