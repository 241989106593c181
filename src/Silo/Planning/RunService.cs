using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Planning;

/// <summary>The one way a run starts, whether from the API, the CLI or the first-run seed.</summary>
public sealed class RunService(RunPlanner planner, IResultStore store, IGrainFactory grains, Security.PlanSeal seal)
{
    public async Task<StartedRun> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var plan = planner.Plan(request);
        if (!plan.IsValid)
        {
            return new StartedRun(0, plan);
        }

        var runId = await store.CreateRunAsync(request with { Seed = plan.Seed }, plan.Engines, plan.Tasks.Count, cancellationToken);
        var tasks = plan.Tasks.Select(t => t with { RunId = runId }).ToList();
        await grains.GetGrain<IRunGrain>(runId).Start(tasks, seal.Seal(tasks));
        return new StartedRun(runId, plan with { Tasks = tasks });
    }

    public Task<RunStatus> GetStatusAsync(long runId) => grains.GetGrain<IRunGrain>(runId).GetStatus();
}

/// <summary>A started run (<see cref="RunId"/> &gt; 0) or the plan's error.</summary>
public sealed record StartedRun(long RunId, RunPlan Plan)
{
    public bool Started => RunId > 0;
}
