using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using WasmBench.Abstractions.Telemetry;
using WasmBench.Runners.Worker;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Security;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// What every service process has besides its roles (STYLE.md 18): OpenTelemetry (metrics and
/// traces; the OTLP exporter only when an endpoint is configured), health checks for
/// <c>/health/live</c> and <c>/health/ready</c>, and the official Orleans dashboard under
/// <c>/orleans</c>, guarded by the API's token whenever one is set.
/// </summary>
public static class WasmBenchDefaultsExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string OrleansDashboardPath = "/orleans";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    private const string ReadyTag = "ready";

    /// <summary>
    /// The instruments the grains and the runner record on, and the OpenTelemetry configuration
    /// that any OpenTelemetry pipeline of this host uses; the OTLP exporter (and so the SDK) is on
    /// only with <see cref="HostSettings.Otlp"/> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// </summary>
    public static IHostApplicationBuilder AddWasmBenchTelemetry(this IHostApplicationBuilder builder, HostSettings settings)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton<CoordinatorMetrics>();
        services.TryAddSingleton<RunnerTelemetry>();
        // The instruments exist from the start (the gauges report an empty queue before any run), not
        // from the first grain that records on them.
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddMeter(TelemetryNames.Meter, "Microsoft.Orleans").AddAspNetCoreInstrumentation()
            .AddInstrumentation(sp => sp.GetRequiredService<CoordinatorMetrics>())
            .AddInstrumentation(sp => sp.GetRequiredService<RunnerTelemetry>()));
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddSource(TelemetryNames.ActivitySource).AddAspNetCoreInstrumentation());
        if (OtlpEndpoint(settings, builder.Configuration) is { } endpoint)
        {
            var protocol = string.Equals(builder.Configuration[OtlpProtocolVariable], "http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("wasmbench", serviceInstanceId: Environment.MachineName)
                    .AddAttributes([new("wasmbench.roles", settings.Roles.ToString())]))
                .UseOtlpExporter(protocol, endpoint);
        }

        return builder;
    }

    /// <summary>Where OTLP goes: <c>--otlp</c>, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; null: nowhere (the default).</summary>
    public static Uri? OtlpEndpoint(HostSettings settings, IConfiguration configuration) =>
        settings.Otlp ?? (Uri.TryCreate(configuration[OtlpEndpointVariable], UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);

    /// <summary>The health checks and the Orleans dashboard of a `serve` process.</summary>
    public static IHostApplicationBuilder AddWasmBenchServiceDefaults(this IHostApplicationBuilder builder, HostSettings settings)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<ClusterMembershipHealthCheck>("cluster", tags: [ReadyTag]);
        if (settings.Has(Roles.Coordinator) || settings.Has(Roles.Dashboard))
        {
            // The processes that read or write the store: a runner-only node never opens it.
            checks.AddDbContextCheck<WasmBenchDbContext>("database", tags: [ReadyTag]);
        }

        // Every silo of a farm collects the Orleans dashboard's statistics; any of them shows them.
        builder.UseOrleans(silo => silo.AddDashboard());
        return builder;
    }

    /// <summary>Maps <c>/health/live</c>, <c>/health/ready</c> and the Orleans dashboard under <c>/orleans</c>.</summary>
    public static WebApplication MapWasmBenchDefaultEndpoints(this WebApplication app, HostSettings settings)
    {
        // Live: the process answers (no check). Ready: the database and this silo's membership.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteHealthAsync });
        if (settings.ApiToken is { Length: > 0 } token)
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments(OrleansDashboardPath), branch => branch.Use(next => DashboardGuard.Guard(next, token)));
        }

        app.MapOrleansDashboard(routePrefix: OrleansDashboardPath);
        return app;
    }

    /// <summary><c>{"status":"Healthy","checks":[{"name","status","description","error"}]}</c>; 200 when healthy, 503 otherwise.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
