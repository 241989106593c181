using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Tests.Storage;

/// <summary>A database written by an earlier WasmBench opens, migrates and reads as this one writes.</summary>
public sealed class MigrationTests : IDisposable
{
    private const string BeforeProcessEvents = "20261124003743_MeasurementProcesses";

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_database_from_before_process_events_keeps_its_machine_reference_as_events()
    {
        var path = _dir.File("old.db");
        var options = new DbContextOptionsBuilder<WasmBenchDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new WasmBenchDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeProcessEvents);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Machines (Id, Hash, Host, CpuModel, Cores, Os, Runtime) VALUES (1, 'abc', 'ci-1', 'cpu', 2, 'linux', '.NET 10');
                INSERT INTO Runs (Id, Kind, Suite, Label, Engines, Iterations, State, TotalTasks, CompletedTasks, FailedTasks, CreatedAt, Processes, Warmup)
                    VALUES (1, 'Benchmark', 'quick', 'main', 'wasmtime', 2, 'Completed', 1, 1, 0, '2026-11-24 00:00:00+00:00', 1, 0);
                INSERT INTO Tasks (Id, RunId, TaskIndex, Workload, Engine, EngineVersion, EngineFlags, MachineId, Output, FinishedAt)
                    VALUES (1, 1, 0, 'fib@small', 'wasmtime', '50.0.1', '', 1, 'Matched', '2026-11-24 00:01:00+00:00');
                INSERT INTO Samples (TaskId, Phase, Process, Iteration, Nanoseconds, Warmup) VALUES
                    (1, 'Execution', 0, 0, 100, 0), (1, 'Execution', 0, 1, 300, 0),
                    (1, 'Reference', 0, 0, 7000000, 0), (1, 'Reference', 0, 1, 7100000, 0);
                """);
        }

        var store = await ResultStoreTests.CreateStoreAsync(path);
        var report = await store.GetReportAsync(1, CancellationToken.None);

        var pair = Assert.Single(report!.Pairs);
        Assert.Equal(new EngineIdentity("wasmtime", "", "50.0.1"), pair.Engine);
        Assert.Equal([Phase.Execution, Phase.Execution], pair.Samples.Select(s => s.Phase));
        Assert.Equal([(ProcessEventKind.MachineReferenceBefore, 7_000_000L), (ProcessEventKind.MachineReferenceAfter, 7_100_000L)], pair.Events.Select(e => (e.Kind, e.Nanoseconds)));
        Assert.Equal("main", report.Run.Label);
        Assert.Empty(report.Run.Notes!);
    }

    public void Dispose() => _dir.Dispose();
}
