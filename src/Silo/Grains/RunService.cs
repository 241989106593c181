using WasmBench.Abstractions;
using WasmBench.Abstractions.Grains;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Grains;

/// <summary>The one way a run starts, whether from the API, the CLI or the first-run seed.</summary>
public sealed class RunService(RunPlanner planner, IResultStore store, IGrainFactory grains, Security.PlanSeal seal)
{
    /// <summary>Plans, stores and queues the run; the stored run, or why it cannot run (nothing is stored then).</summary>
    public async Task<Result<StoredRun>> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var plan = planner.Plan(request);
        if (!plan.Succeeded)
        {
            return Result<StoredRun>.Failure(plan.Error);
        }

        var run = await store.CreateRunAsync(
            StoredRun.Planned(request with { Seed = plan.Value.Seed }, plan.Value.Engines, plan.Value.Tasks.Count, plan.Value.Notes), cancellationToken);
        var tasks = plan.Value.Tasks.Select(t => t with { RunId = run.Id }).ToList();
        await grains.GetGrain<IRunGrain>(run.Id).Start(tasks, seal.Seal(tasks));
        return Result<StoredRun>.Success(run);
    }
}
