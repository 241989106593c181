using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WasmBench.Dashboard.Data;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Command;
using WasmBench.Runners.Engines.Js;
using WasmBench.Runners.Engines.Wasm2c;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Workloads;
using WasmBench.Runners.Worker;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Security;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Hosting;

/// <summary>Wires a WasmBench process: engines, storage, the Orleans silo and its roles.</summary>
public static class WasmBenchHostExtensions
{
    public static IHostApplicationBuilder AddWasmBench(this IHostApplicationBuilder builder, HostSettings settings)
    {
        var services = builder.Services;
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        services.AddWasmBenchOptions(settings)
            .AddWasmBenchEngines()
            .AddWasmBenchStore(settings.DatabasePath)
            .AddWasmBenchPlanning();

        builder.AddWasmBenchTelemetry(settings);

        // The silo first: hosted services start in order, and the runner needs a running silo.
        builder.UseOrleans(silo => ConfigureSilo(silo, settings));
        if (settings.Has(Roles.Runner))
        {
            services.AddWasmBenchRunner(settings);
        }

        return builder;
    }

    /// <summary>
    /// Every engine this build knows; the catalog reports which are available here. Command engines
    /// and JS engines answer their id without probing their runtime.
    /// </summary>
    public static IEnumerable<IEngine> CreateEngines() =>
        [.. WasmtimeEngine.CatalogVariants(), new NativeEngine(), new InterpEngine(), .. JsEngine.CatalogVariants(), new Wasm2cEngine(), .. CommandEngine.CatalogPresets()];

    /// <summary>The families whose variants the catalog makes from their flags on demand (<c>wasmtime:opt=none</c>).</summary>
    public static IEnumerable<EngineFamily> CreateFamilies() =>
    [
        new("wasmtime", flags => WasmtimeOptions.Parse(flags).Map<IEngine>(_ => new WasmtimeEngine(flags))),
    ];

    /// <summary>
    /// Applies pending EF Core migrations of the store's provider (the coordinator owns the schema).
    /// A database that cannot be reached throws <see cref="StoreUnavailableException"/> within the
    /// connect timeout (<see cref="StoreTarget.DefaultConnectTimeoutSeconds"/> s for PostgreSQL).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<WasmBenchDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // From the database's own exception down: "Failed to connect to 127.0.0.1:5432: Connection refused".
            var chain = new List<string>();
            for (Exception? x = e; x is not null; x = x.InnerException)
            {
                if (x is not InvalidOperationException || chain.Count > 0 || x.InnerException is null)
                {
                    chain.Add(x.Message.TrimEnd('.'));
                }
            }

            var target = services.GetService<StoreTarget>();
            throw new StoreUnavailableException($"cannot open the database {target?.Display ?? "(unknown)"}: {string.Join(": ", chain.Distinct())}", e);
        }
    }

    private static void ConfigureSilo(ISiloBuilder silo, HostSettings settings)
    {
        var siloPort = settings.SiloPort == 0 ? FreePort.Find() : settings.SiloPort;
        var gatewayPort = settings.GatewayPort == 0 ? FreePort.Find() : settings.GatewayPort;
        if (settings.Redis is { } redis)
        {
            // A farm: membership in Redis; endpoints on loopback unless --cluster-listen says otherwise.
            silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("wasmbench", "wasmbench"));
            silo.UseRedisClustering(redis);
            var listen = settings.ClusterListen ?? ClusterListen.Loopback;
            if (listen.Address is { } address)
            {
                silo.ConfigureEndpoints(address, siloPort, gatewayPort);
            }
            else
            {
                silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
            }
        }
        else if (settings.PrimarySiloPort is { } primary)
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primary));
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
        }

        if (settings.ClusterTls is { } tls)
        {
            var loaded = tls.TryLoad(out var error) ?? throw new InvalidOperationException(error);
            silo.UseTls(loaded.Configure);
        }

        if (!settings.Has(Roles.Coordinator))
        {
            // Coordinator grains live only on coordinator silos.
            silo.Services.Configure<Orleans.Configuration.GrainTypeOptions>(o =>
            {
                o.Classes.Remove(typeof(RunGrain));
                o.Classes.Remove(typeof(TaskQueueGrain));
            });
        }
    }
}
