using Microsoft.EntityFrameworkCore;

namespace WasmBench.Silo.Storage;

/// <summary>
/// The result store's model on PostgreSQL. A type of its own only so that EF Core keeps its
/// migrations (Storage/Migrations/PostgreSql) apart from SQLite's; the model is the base class's.
/// </summary>
public sealed class PostgreSqlWasmBenchDbContext(DbContextOptions<PostgreSqlWasmBenchDbContext> options) : WasmBenchDbContext(options);
