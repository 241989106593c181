using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using WasmBench.Silo.Hosting;

namespace WasmBench.Integration.Tests.Host;

/// <summary>A real `serve` host of a test's own (Kestrel on a free port, its silo on free ports), reached through loopback.</summary>
public sealed class StartedHost : IAsyncDisposable
{
    private StartedHost(WebApplication app, Uri baseAddress) => (App, BaseAddress) = (app, baseAddress);

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <param name="listen">The address Kestrel binds (<c>0.0.0.0</c>: beyond loopback); requests go to 127.0.0.1 either way.</param>
    /// <param name="migrate">Migrate the database first, as `serve` does; false for a database that cannot be reached.</param>
    public static async Task<StartedHost> StartAsync(HostSettings settings, string listen = "127.0.0.1", bool migrate = true, Action<WebApplicationBuilder>? configure = null)
    {
        var port = FreePort();
        var app = ServeHost.Build(settings with { SiloPort = 0, GatewayPort = 0 }, $"http://{listen}:{port}", configure);
        if (migrate)
        {
            await app.Services.MigrateDatabaseAsync();
        }

        await app.StartAsync();
        return new StartedHost(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
