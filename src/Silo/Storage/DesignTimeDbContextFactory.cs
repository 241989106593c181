using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WasmBench.Silo.Storage;

/// <summary>
/// Lets `dotnet ef migrations add` build the SQLite context without starting the host
/// (`dotnet ef migrations add Name --project src/Silo --context WasmBenchDbContext --output-dir Storage/Migrations`).
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WasmBenchDbContext>
{
    public WasmBenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WasmBenchDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>
/// The same for PostgreSQL; adding a migration connects to nothing
/// (`dotnet ef migrations add Name --project src/Silo --context PostgreSqlWasmBenchDbContext --output-dir Storage/Migrations/PostgreSql`).
/// </summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlWasmBenchDbContext>
{
    public PostgreSqlWasmBenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlWasmBenchDbContext>().UseNpgsql("Host=localhost;Database=wasmbench_design").Options);
}
