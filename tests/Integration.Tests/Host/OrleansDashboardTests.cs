using System.Net;
using System.Net.Http.Headers;
using WasmBench.Silo.Hosting;

namespace WasmBench.Integration.Tests.Host;

/// <summary>The official Orleans dashboard under /orleans, behind the API's token when the service listens beyond loopback.</summary>
public sealed class OrleansDashboardTests : IDisposable
{
    private const string Token = "dashboard-secret";

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task On_loopback_without_a_token_the_Orleans_dashboard_serves()
    {
        await using var host = await StartedHost.StartAsync(new HostSettings(Roles.Coordinator, _dir.File("loopback.db")));
        using var client = host.Client();

        using var page = await client.GetAsync("orleans/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Orleans", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Beyond_loopback_the_Orleans_dashboard_is_refused_without_the_token_and_served_with_it()
    {
        await using var host = await StartedHost.StartAsync(new HostSettings(Roles.Coordinator, _dir.File("farm.db"), ApiToken: Token), listen: "0.0.0.0");
        using var client = host.Client();

        using var anonymous = await client.GetAsync("orleans/");
        using var wrong = await SendAsync(client, "orleans/", new AuthenticationHeaderValue("Bearer", "not-the-token"));
        using var bearer = await SendAsync(client, "orleans/", new AuthenticationHeaderValue("Bearer", Token));
        using var basic = await SendAsync(client, "orleans/", new AuthenticationHeaderValue("Basic", Convert.ToBase64String("anyone:dashboard-secret"u8.ToArray())));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", Assert.Single(anonymous.Headers.WwwAuthenticate).Scheme);
        Assert.DoesNotContain("<html", await anonymous.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Contains("<html", await bearer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(await bearer.Content.ReadAsStringAsync(), await basic.Content.ReadAsStringAsync());

        // The rest of the service is not behind the dashboard's guard: health probes need no token.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = authorization } };
        return await client.SendAsync(request);
    }
}
