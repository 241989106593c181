using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WasmBench.Silo.Storage;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WasmBenchDbContext>
{
    public WasmBenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WasmBenchDbContext>().UseSqlite("Data Source=design.db").Options);
}
