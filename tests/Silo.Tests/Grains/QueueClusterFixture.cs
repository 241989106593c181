using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using WasmBench.Silo.Security;
using WasmBench.Silo.Storage;
using WasmBench.Silo.Tests.Storage;

namespace WasmBench.Silo.Tests.Grains;

/// <summary>A real one-silo Orleans cluster whose grains write to a real SQLite file and read a fake clock.</summary>
public sealed class QueueClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public ResultStore Store { get; private set; } = null!;

    /// <summary>The planner's seal every silo of this cluster checks.</summary>
    public PlanSeal Seal { get; } = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Store = await ResultStoreTests.CreateStoreAsync(_dir.File("cluster.db"));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<IResultStore>(Store);
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddSingleton(Seal);
            silo.Services.AddMetrics();
            silo.Services.AddSingleton<Silo.Grains.CoordinatorMetrics>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        _dir.Dispose();
    }
}
