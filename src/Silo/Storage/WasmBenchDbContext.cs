using Microsoft.EntityFrameworkCore;

namespace WasmBench.Silo.Storage;

/// <summary>
/// The result store's model. This type is the SQLite context (its migrations are in
/// Storage/Migrations); <see cref="PostgreSqlWasmBenchDbContext"/> is the same model on PostgreSQL
/// with its own migrations (Storage/Migrations/PostgreSql). Code reads and writes through this type.
/// </summary>
public class WasmBenchDbContext : DbContext
{
    public WasmBenchDbContext(DbContextOptions<WasmBenchDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, whose migrations are its own.</summary>
    protected WasmBenchDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<RunEntity> Runs => Set<RunEntity>();
    public DbSet<TaskEntity> Tasks => Set<TaskEntity>();
    public DbSet<SampleEntity> Samples => Set<SampleEntity>();
    public DbSet<ProcessEventEntity> ProcessEvents => Set<ProcessEventEntity>();
    public DbSet<MachineEntity> Machines => Set<MachineEntity>();
    public DbSet<SpecFileEntity> SpecFiles => Set<SpecFileEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RunEntity>(run =>
        {
            run.ToTable("Runs");
            run.Property(r => r.State).HasConversion<string>();
            run.Property(r => r.Kind).HasConversion<string>();
            run.HasIndex(r => r.Label);
            run.HasMany(r => r.Tasks).WithOne(t => t.Run).HasForeignKey(t => t.RunId);
        });
        modelBuilder.Entity<TaskEntity>(task =>
        {
            task.ToTable("Tasks");
            task.Property(t => t.Output).HasConversion<string>();
            task.HasIndex(t => new { t.RunId, t.TaskIndex }).IsUnique();
            task.HasMany(t => t.Samples).WithOne().HasForeignKey(s => s.TaskId);
            task.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TaskId);
            task.HasOne(t => t.Spec).WithOne().HasForeignKey<SpecFileEntity>(f => f.TaskId);
        });
        modelBuilder.Entity<SampleEntity>(sample =>
        {
            sample.ToTable("Samples");
            sample.Property(s => s.Phase).HasConversion<string>();
        });
        modelBuilder.Entity<ProcessEventEntity>(e =>
        {
            e.ToTable("ProcessEvents");
            e.Property(x => x.Kind).HasConversion<string>();
        });
        modelBuilder.Entity<SpecFileEntity>(file =>
        {
            file.ToTable("SpecFiles");
            file.HasMany(f => f.Failures).WithOne().HasForeignKey(f => f.SpecFileId);
        });
        modelBuilder.Entity<SpecFailureEntity>().ToTable("SpecFailures");
        modelBuilder.Entity<MachineEntity>(machine =>
        {
            machine.ToTable("Machines");
            machine.HasIndex(m => new { m.Hash, m.Host }).IsUnique();
        });
    }
}
