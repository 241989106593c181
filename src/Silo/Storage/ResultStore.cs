using Microsoft.EntityFrameworkCore;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Storage;

/// <summary>
/// The EF Core implementation of <see cref="IResultStore"/>; one short-lived context per call. What
/// results bring is scrubbed of the service's secrets before it is written (<see cref="Security.SecretScrubber"/>).
/// </summary>
public sealed class ResultStore(IDbContextFactory<WasmBenchDbContext> contexts, TimeProvider time, Security.SecretScrubber? scrubber = null) : IResultStore
{
    private readonly Security.SecretScrubber _scrubber = scrubber ?? Security.SecretScrubber.None;

    public async Task<StoredRun> CreateRunAsync(StoredRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = new RunEntity
        {
            Kind = run.Kind,
            Suite = run.Suite,
            Label = run.Label,
            Engines = string.Join(',', run.Engines),
            Iterations = run.Iterations,
            Processes = run.Processes,
            Warmup = run.Warmup,
            Seed = run.Seed,
            State = run.State,
            TotalTasks = run.TotalTasks,
            CreatedAt = time.GetUtcNow(),
            FinishedAt = run.IsFinished ? time.GetUtcNow() : null,
            Notes = string.Join('\n', run.Notes ?? []),
        };
        db.Runs.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return ToStoredRun(entity);
    }

    public async Task<bool> SaveTaskResultAsync(TaskResult result, CancellationToken cancellationToken)
    {
        result = _scrubber.Scrub(result);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Tasks.AnyAsync(t => t.RunId == result.RunId && t.TaskIndex == result.TaskIndex, cancellationToken))
        {
            return false;
        }

        var machine = await FindOrAddMachineAsync(db, result.Machine, cancellationToken);
        db.Tasks.Add(new TaskEntity
        {
            RunId = result.RunId,
            TaskIndex = result.TaskIndex,
            Workload = result.Workload,
            Engine = result.Engine.Family,
            EngineVersion = result.Engine.Version,
            EngineFlags = result.Engine.Variant,
            EngineBuild = result.Engine.Build,
            Machine = machine,
            Output = result.Output,
            Error = result.Error,
            FinishedAt = time.GetUtcNow(),
            Samples = [.. result.Samples.Select(s => new SampleEntity
            {
                Phase = s.Phase,
                Process = s.Process,
                Iteration = s.Iteration,
                Nanoseconds = s.Nanoseconds,
                Warmup = s.Warmup,
            })],
            Events = [.. result.Events.Select(e => new ProcessEventEntity { Kind = e.Kind, Process = e.Process, Nanoseconds = e.Nanoseconds })],
            Spec = result.Spec is { } spec ? new SpecFileEntity
            {
                File = spec.File,
                Passed = spec.Passed,
                Failed = spec.Failed,
                Skipped = spec.Skipped,
                TextFormat = spec.TextFormat,
                NotRun = spec.NotRun,
                Failures = [.. spec.Failures.Select(f => new SpecFailureEntity
                {
                    Line = f.Line,
                    Command = f.Command,
                    Expected = f.Expected,
                    Actual = f.Actual,
                    Message = f.Message,
                })],
            } : null,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task UpdateRunAsync(StoredRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.Runs.SingleAsync(r => r.Id == run.Id, cancellationToken);
        entity.State = run.State;
        entity.CompletedTasks = run.CompletedTasks;
        entity.FailedTasks = run.FailedTasks;
        entity.Error = _scrubber.Scrub(run.Error);
        if (run.IsFinished && entity.FinishedAt is null)
        {
            entity.FinishedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StoredRun?> GetRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is null ? null : ToStoredRun(run);
    }

    public async Task<IReadOnlyList<StoredRun>> ListRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking().OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. runs.Select(ToStoredRun)];
    }

    public async Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking()
            .Include(r => r.Tasks).ThenInclude(t => t.Samples)
            .Include(r => r.Tasks).ThenInclude(t => t.Events)
            .Include(r => r.Tasks).ThenInclude(t => t.Machine)
            .Include(r => r.Tasks).ThenInclude(t => t.Spec).ThenInclude(f => f!.Failures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        // A pair spans one task per process: report it once per engine build and machine, with every
        // sample of those tasks; never pooled across machines or builds.
        var pairs = run.Tasks.OrderBy(t => t.TaskIndex)
            .GroupBy(t => (t.Workload, t.Engine, t.EngineFlags, t.EngineVersion, t.EngineBuild, t.MachineId))
            .Select(g => ToPair([.. g]));
        return new RunReport(ToStoredRun(run), [.. pairs]);
    }

    /// <summary>
    /// The history of one (workload, engine) for the Trends page, read narrowly: its tasks with their samples, and of
    /// the other tasks of each run only the process events (the machine reference needs every process of the run).
    /// </summary>
    public async Task<IReadOnlyList<RunReport>> GetHistoryAsync(string workload, string engine, string? label, CancellationToken cancellationToken)
    {
        var colon = engine.IndexOf(':', StringComparison.Ordinal);
        var (family, variant) = colon < 0 ? (engine, "") : (engine[..colon], engine[(colon + 1)..]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .Where(r => r.Kind == RunKind.Benchmark && r.State == RunState.Completed && (label == null || r.Label == label))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var pair = await db.Tasks.AsNoTracking()
            .Where(t => ids.Contains(t.RunId) && t.Workload == workload && t.Engine == family && t.EngineFlags == variant)
            .Include(t => t.Samples).Include(t => t.Events).Include(t => t.Machine)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var withPair = pair.Select(t => t.RunId).ToHashSet();
        var others = await db.Tasks.AsNoTracking()
            .Where(t => withPair.Contains(t.RunId) && !(t.Workload == workload && t.Engine == family && t.EngineFlags == variant) && t.Events.Any())
            .Include(t => t.Events).Include(t => t.Machine)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var tasks = pair.Concat(others).ToLookup(t => t.RunId);
        return [.. runs.Where(r => withPair.Contains(r.Id)).Select(r => new RunReport(ToStoredRun(r), [.. tasks[r.Id].OrderBy(t => t.TaskIndex)
            .GroupBy(t => (t.Workload, t.Engine, t.EngineFlags, t.EngineVersion, t.EngineBuild, t.MachineId))
            .Select(g => ToPair([.. g]))]))];
    }

    public async Task<bool> AnyRunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AnyAsync(cancellationToken);
    }

    private static StoredRun ToStoredRun(RunEntity r) => new(
        r.Id, r.Kind, r.Suite, r.Label, r.Engines.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Iterations, r.State,
        r.TotalTasks, r.CompletedTasks, r.FailedTasks, r.Error, r.CreatedAt, r.FinishedAt, r.Processes, r.Warmup, r.Seed,
        r.Notes.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    private static PairReport ToPair(IReadOnlyList<TaskEntity> tasks)
    {
        var first = tasks[0];
        var output = tasks.Any(t => t.Output == OutputVerdict.Mismatched) ? OutputVerdict.Mismatched
            : tasks.All(t => t.Output == OutputVerdict.Matched) ? OutputVerdict.Matched
            : first.Output;
        return new PairReport(
            first.Workload,
            new EngineIdentity(first.Engine, first.EngineFlags, first.EngineVersion, first.EngineBuild),
            first.Machine is { } m ? new MachineFingerprint(m.Host, m.CpuModel, m.Cores, m.Os, m.Runtime) : null,
            tasks.Count,
            output,
            tasks.Select(t => t.Error).FirstOrDefault(e => e is not null),
            [.. tasks.SelectMany(t => t.Samples).OrderBy(s => s.Process).ThenBy(s => s.Iteration).ThenBy(s => s.Phase)
                .Select(s => new Sample(s.Phase, s.Process, s.Iteration, s.Nanoseconds, s.Warmup))],
            [.. tasks.SelectMany(t => t.Events).OrderBy(e => e.Process).ThenBy(e => e.Kind)
                .Select(e => new ProcessEvent(e.Kind, e.Process, e.Nanoseconds))],
            first.Spec is { } f ? new SpecScriptResult(f.File, f.Passed, f.Failed, f.Skipped, f.TextFormat,
                [.. f.Failures.OrderBy(x => x.Line).Select(x => new SpecFailure(x.Line, x.Command, x.Expected, x.Actual, x.Message))], f.NotRun) : null);
    }

    private static async Task<MachineEntity> FindOrAddMachineAsync(WasmBenchDbContext db, MachineFingerprint fingerprint, CancellationToken cancellationToken)
    {
        var hash = fingerprint.Hash;
        var existing = await db.Machines.SingleOrDefaultAsync(m => m.Hash == hash && m.Host == fingerprint.Host, cancellationToken);
        return existing ?? db.Machines.Add(new MachineEntity
        {
            Hash = hash,
            Host = fingerprint.Host,
            CpuModel = fingerprint.CpuModel,
            Cores = fingerprint.Cores,
            Os = fingerprint.Os,
            Runtime = fingerprint.Runtime,
        }).Entity;
    }
}
