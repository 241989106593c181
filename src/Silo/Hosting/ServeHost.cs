using WasmBench.Abstractions.Results;
using WasmBench.Dashboard;
using WasmBench.Silo.Api;

namespace WasmBench.Silo.Hosting;

/// <summary>Builds the `wasmbench serve` web host: API, dashboard and silo, by role.</summary>
public static class ServeHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="configure">Runs on the builder before the service is composed (tests add an in-memory telemetry exporter).</param>
    public static WebApplication Build(HostSettings settings, string urls, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ServeHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        // Running from the build output (not a publish folder) in any environment: find the
        // dashboard's static files through the static web assets manifest.
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);
        builder.AddWasmBench(settings);
        builder.AddWasmBenchServiceDefaults(settings);
        builder.Services.ConfigureHttpJsonOptions(o => WasmBenchJson.Configure(o.SerializerOptions));
        builder.Services.AddScoped<ApiTokenFilter>();
        builder.Services.AddSingleton(new HostGuard(settings.AllowedHosts ?? HostGuard.DefaultFor(urls)));
        builder.Services.AddSingleton(sp => SuiteRoots.From(settings.SuiteRoots, sp.GetRequiredService<Runners.Workloads.SuiteLoader>()));
        builder.Services.AddSingleton<RunRequestGuard>();
        if (settings.Has(Roles.Dashboard))
        {
            builder.Services.AddSingleton<Dashboard.Data.INodeReader, ClusterNodeReader>();
            builder.Services.AddSingleton<Dashboard.Data.IKnownFailureReader, ShippedKnownFailures>();
            builder.Services.AddWasmBenchDashboard();
        }

        if (settings.Has(Roles.Coordinator) && settings.SeedQuickRun)
        {
            builder.Services.AddHostedService<FirstRunSeeder>();
        }

        var app = builder.Build();
        app.UseMiddleware<HostGuard>();
        app.UseApiErrorPages();
        app.MapWasmBenchDefaultEndpoints(settings);
        if (settings.Has(Roles.Dashboard))
        {
            app.MapWasmBenchDashboard();
        }

        if (settings.Has(Roles.Coordinator))
        {
            app.MapRunsApi();
        }

        return app;
    }
}
