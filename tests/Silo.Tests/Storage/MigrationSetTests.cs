using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Tests.Storage;

/// <summary>
/// Each provider has its own migrations (SQLite: Storage/Migrations, PostgreSQL:
/// Storage/Migrations/PostgreSql); a model change that one of them does not capture fails here.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class MigrationSetTests(PostgreSqlServer server)
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_of_each_provider_capture_the_whole_model(string provider)
    {
        // Neither check connects: the model is compared with the provider's migration snapshot.
        using var services = WasmBenchServices.Create(s => s.AddWasmBenchStore(provider == "sqlite" ? Path.Combine(Path.GetTempPath(), "wasmbench-never-opened.db") : "Host=127.0.0.1;Database=never_opened", readOnly: true));
        using var db = services.GetRequiredService<IDbContextFactory<WasmBenchDbContext>>().CreateDbContext();

        Assert.Equal(provider == "sqlite" ? typeof(WasmBenchDbContext) : typeof(PostgreSqlWasmBenchDbContext), db.GetType());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"the model has changes that the {provider} migrations do not capture: add a migration for each provider (see src/Silo/Storage/DesignTimeDbContextFactory.cs)");
    }

    [Fact]
    public async Task A_new_PostgreSQL_database_is_migrated_to_every_table_of_the_model()
    {
        var url = await server.CreateDatabaseAsync();
        using var services = WasmBenchServices.Create(s => s.AddWasmBenchStore(url));
        await services.MigrateDatabaseAsync();

        await using var db = await services.GetRequiredService<IDbContextFactory<WasmBenchDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        Assert.Subset(tables.ToHashSet(), db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Append(HistoryRepository.DefaultTableName).ToHashSet());
    }
}
