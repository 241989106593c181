using Microsoft.EntityFrameworkCore;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Storage;

/// <summary>The EF Core implementation of <see cref="IResultStore"/>; one short-lived context per call.</summary>
public sealed class ResultStore(IDbContextFactory<WasmBenchDbContext> contexts, TimeProvider time) : IResultStore
{
    public async Task<long> CreateRunAsync(RunRequest request, IReadOnlyList<string> engines, int totalTasks, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new RunEntity
        {
            Kind = request.Kind,
            Suite = request.Suite,
            Label = request.Label,
            Engines = string.Join(',', engines),
            Iterations = request.Iterations,
            Processes = request.Processes,
            Warmup = request.Warmup,
            Seed = request.Seed,
            State = totalTasks == 0 ? RunState.Completed : RunState.Pending,
            TotalTasks = totalTasks,
            CreatedAt = time.GetUtcNow(),
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    public async Task<bool> SaveTaskResultAsync(TaskResult result, CancellationToken cancellationToken)
    {
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
            Engine = result.Engine.Name,
            EngineVersion = result.Engine.Version,
            EngineFlags = result.Engine.Flags,
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
            Spec = result.Spec is { } spec ? new SpecFileEntity
            {
                File = spec.File,
                Passed = spec.Passed,
                Failed = spec.Failed,
                Skipped = spec.Skipped,
                TextFormat = spec.TextFormat,
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

    public async Task UpdateRunAsync(RunStatus status, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.SingleAsync(r => r.Id == status.RunId, cancellationToken);
        run.State = status.State;
        run.CompletedTasks = status.CompletedTasks;
        run.FailedTasks = status.FailedTasks;
        run.Error = status.Error;
        if (status.IsFinished && run.FinishedAt is null)
        {
            run.FinishedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RunStatus?> GetStatusAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        return run is null ? null : new RunStatus(run.Id, run.State, run.TotalTasks, run.CompletedTasks, run.FailedTasks, run.Error);
    }

    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking().OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. runs.Select(ToSummary)];
    }

    public async Task<RunReport?> GetRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking()
            .Include(r => r.Tasks).ThenInclude(t => t.Samples)
            .Include(r => r.Tasks).ThenInclude(t => t.Machine)
            .Include(r => r.Tasks).ThenInclude(t => t.Spec).ThenInclude(f => f!.Failures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        // A (workload, engine) pair spans one task per process: report it once, with every sample.
        var tasks = run.Tasks.OrderBy(t => t.TaskIndex)
            .GroupBy(t => (t.Workload, t.Engine, t.EngineFlags))
            .Select(g => ToReport([.. g]));
        return new RunReport(ToSummary(run), [.. tasks]);
    }

    public async Task<bool> AnyRunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AnyAsync(cancellationToken);
    }

    private static RunSummary ToSummary(RunEntity r) => new(
        r.Id, r.Kind, r.Suite, r.Label, r.Engines.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Iterations, r.State,
        r.TotalTasks, r.CompletedTasks, r.FailedTasks, r.Error, r.CreatedAt, r.FinishedAt, r.Processes, r.Warmup, r.Seed);

    private static TaskReport ToReport(IReadOnlyList<TaskEntity> tasks)
    {
        var first = tasks[0];
        var output = tasks.Any(t => t.Output == OutputVerdict.Mismatched) ? OutputVerdict.Mismatched
            : tasks.All(t => t.Output == OutputVerdict.Matched) ? OutputVerdict.Matched
            : first.Output;
        return new TaskReport(
            first.Workload,
            first.Engine,
            first.EngineVersion,
            first.EngineFlags,
            first.Machine is { } m ? new MachineFingerprint(m.Host, m.CpuModel, m.Cores, m.Os, m.Runtime) : null,
            output,
            tasks.Select(t => t.Error).FirstOrDefault(e => e is not null),
            [.. tasks.SelectMany(t => t.Samples).OrderBy(s => s.Process).ThenBy(s => s.Iteration).ThenBy(s => s.Phase)
                .Select(s => new Sample(s.Phase, s.Process, s.Iteration, s.Nanoseconds, s.Warmup))],
            first.Spec is { } f ? new SpecScriptResult(f.File, f.Passed, f.Failed, f.Skipped, f.TextFormat,
                [.. f.Failures.OrderBy(x => x.Line).Select(x => new SpecFailure(x.Line, x.Command, x.Expected, x.Actual, x.Message))]) : null);
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
