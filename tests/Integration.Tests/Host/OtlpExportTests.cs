using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WasmBench.Silo.Hosting;

namespace WasmBench.Integration.Tests.Host;

/// <summary>
/// With an OTLP endpoint the service exports over OTLP/HTTP: a real HTTP receiver of the test
/// (Kestrel on loopback) gets the WasmBench meter's instruments and the spans of HTTP requests.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task With_an_OTLP_endpoint_metrics_and_traces_are_posted_to_it()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var receiver = await StartReceiverAsync(received);
        var endpoint = new Uri(receiver.Urls.Single());
        await using var host = await StartedHost.StartAsync(
            new HostSettings(Roles.Coordinator, _dir.File("otlp.db"), Otlp: endpoint),
            configure: b => b.Configuration[WasmBenchDefaultsExtensions.OtlpProtocolVariable] = "http/protobuf");

        using var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);

        // The server ends a request's span just after the response reaches the client: flush until
        // that span has been exported (bounded; a span that never comes fails below).
        string Posted(string path) => string.Concat(received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            Assert.True(host.App.Services.GetRequiredService<TracerProvider>().ForceFlush());
            Assert.True(host.App.Services.GetRequiredService<MeterProvider>().ForceFlush());
            if (Posted("/v1/traces").Contains("/health/live", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        // OTLP is protobuf: names travel as UTF-8 strings inside the messages.
        var metrics = Posted("/v1/metrics");
        var traces = Posted("/v1/traces");
        Assert.Contains("wasmbench.queue.depth", metrics);
        Assert.Contains("http.server.request.duration", metrics);
        Assert.Contains("wasmbench", metrics); // the service name of the resource
        Assert.Contains("/health/live", traces);
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<(string Path, byte[] Body)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort()}");
        var app = builder.Build();
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
