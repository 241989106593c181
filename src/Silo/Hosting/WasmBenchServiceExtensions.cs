using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WasmBench.Dashboard.Data;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Worker;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// The composition root's parts: every verb, the service and the measuring child build the
/// engine catalog, the result store and the options through these, once per process, and nowhere
/// else. <see cref="WasmBenchHostExtensions.AddWasmBench"/> composes them with the Orleans silo;
/// a verb that needs no silo builds a provider of the parts it needs
/// (<see cref="WasmBenchServices.Create"/>).
/// </summary>
public static class WasmBenchServiceExtensions
{
    /// <summary>The engine catalog: every engine this build knows, and the families that make their variants on demand.</summary>
    public static IServiceCollection AddWasmBenchEngines(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new EngineCatalog(WasmBenchHostExtensions.CreateEngines(), WasmBenchHostExtensions.CreateFamilies()));
        return services;
    }

    /// <summary>
    /// The result store on <paramref name="database"/>: a SQLite file (its folder is created unless
    /// <paramref name="readOnly"/>), or PostgreSQL by URL or connection string (<see cref="StoreTarget"/>).
    /// A malformed <c>--db</c> throws <see cref="ArgumentException"/> with the reason; verbs check it first with <see cref="StoreTarget.Parse"/>.
    /// </summary>
    public static IServiceCollection AddWasmBenchStore(this IServiceCollection services, string database, bool readOnly = false)
    {
        var parsed = StoreTarget.Parse(database, readOnly);
        var target = parsed.Succeeded ? parsed.Value : throw new ArgumentException(parsed.Error, nameof(database));
        if (!readOnly)
        {
            Directory.CreateDirectory(target.StateFolder);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(target);
        if (target.IsPostgreSql)
        {
            services.AddDbContextFactory<PostgreSqlWasmBenchDbContext>(o => o.UseNpgsql(target.ConnectionString));
            services.TryAddSingleton<IDbContextFactory<WasmBenchDbContext>>(sp => new ProviderContextFactory<PostgreSqlWasmBenchDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlWasmBenchDbContext>>()));
        }
        else
        {
            services.AddDbContextFactory<WasmBenchDbContext>(o => o.UseSqlite(target.ConnectionString));
        }

        // The health check of the database asks a context of the base type.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<WasmBenchDbContext>>().CreateDbContext());
        // The store tells this process's dashboard pages when a run changed: they are told, not polling.
        services.TryAddSingleton<Dashboard.Data.RunNotifications>();
        services.TryAddSingleton<ResultStore>();
        services.TryAddSingleton<IResultStore>(sp => new NotifyingResultStore(sp.GetRequiredService<ResultStore>(), sp.GetRequiredService<Dashboard.Data.RunNotifications>()));
        services.TryAddSingleton<IRunReader>(sp => sp.GetRequiredService<IResultStore>());
        // The key that seals planned work lives beside the database: only this coordinator's planner can start tasks.
        services.TryAddSingleton(_ => Security.PlanSeal.FromKeyFile(Path.Combine(target.StateFolder, Security.PlanSeal.KeyFileName)));
        // Results are scrubbed of the service's secrets before they are stored (the sandbox keeps them from workloads first).
        services.TryAddSingleton(sp => new Security.SecretScrubber(
            [sp.GetService<HostSettings>()?.ApiToken, .. sp.GetRequiredService<Security.PlanSeal>().KeyAsText]));
        return services;
    }

    /// <summary>The settings of this process and what follows from them: the benchmark limits, the runner's options and its policy for measuring again.</summary>
    public static IServiceCollection AddWasmBenchOptions(this IServiceCollection services, HostSettings settings)
    {
        services.TryAddSingleton(settings);
        services.TryAddSingleton(BenchmarkSettings.Default);
        services.TryAddSingleton(settings.Remeasure > 0 ? RemeasurePolicy.WithAttempts(settings.Remeasure) : RemeasurePolicy.None);
        services.AddOptions<RunnerWorkerOptions>();
        return services;
    }

    /// <summary>What plans and starts runs: the suites, the planner and the run service (the coordinator's; the CLI checks plans with it too).</summary>
    public static IServiceCollection AddWasmBenchPlanning(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => Runners.Workloads.SuiteLoader.FromEnvironment());
        services.TryAddSingleton<RunPlanner>();
        services.TryAddSingleton<RunService>();
        return services;
    }

    /// <summary>
    /// The runner role: benchmark tasks in a fresh `wasmbench measure` child when this process is
    /// wasmbench (in this process otherwise), spec tasks of in-process engines in a `wasmbench
    /// spec-script` child when <see cref="HostSettings.SpecScriptBudget"/> is set (serve), and the
    /// worker that leases them.
    /// </summary>
    public static IServiceCollection AddWasmBenchRunner(this IServiceCollection services, HostSettings settings)
    {
        // The node's memory of its machine's speed lives next to the database, per machine, so that
        // one CLI run starts from the level the runs before it learned.
        var history = Path.Combine(StoreFolder(settings.DatabasePath), $"machine-reference-{MachineInfo.Fingerprint.Hash}.json");
        services.AddSingleton<ITaskExecutor>(sp => new BenchmarkTaskExecutor(
            sp.GetRequiredService<EngineCatalog>(), sp.GetRequiredService<BenchmarkSettings>(), ChildMeasurer.ForThisExecutable("wasmbench"),
            sp.GetRequiredService<RemeasurePolicy>(), new MachineLevel(history), sp.GetService<ILogger<BenchmarkTaskExecutor>>()));
        // With a budget (serve), scripts of engines that run modules in-process go to a sandboxed child each.
        var specChild = settings.SpecScriptBudget is { } budget && ChildSpecRunner.ForThisExecutable("wasmbench") is { } child ? child with { Budget = budget } : null;
        services.AddSingleton<ITaskExecutor>(sp => new SpecTaskExecutor(sp.GetRequiredService<EngineCatalog>(), specChild));
        services.AddHostedService<RunnerWorker>();
        return services;
    }

    private static string StoreFolder(string database) =>
        StoreTarget.Parse(database) is { Succeeded: true } target ? target.Value.StateFolder : Path.GetDirectoryName(Path.GetFullPath(database))!;
}

/// <summary>A provider's own context type handed out as the model's type, which the store and the grains use.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<WasmBenchDbContext>
    where TContext : WasmBenchDbContext
{
    public WasmBenchDbContext CreateDbContext() => inner.CreateDbContext();
}

/// <summary>A provider of some of the composition root's parts, for a verb that needs no silo.</summary>
public static class WasmBenchServices
{
    public static ServiceProvider Create(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        configure(services);
        return services.BuildServiceProvider();
    }
}
