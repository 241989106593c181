using WasmBench.Abstractions;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Workloads;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Spec;
using WasmBench.Runners.Workloads;

namespace WasmBench.Silo.Planning;

/// <summary>
/// Expands a request into (workload x engine) tasks. Validates everything a user can get wrong
/// before anything is stored, so bad input changes nothing. Tasks get their run id when the
/// run is stored (<see cref="RunService"/>). With P processes the plan has P rounds; each round
/// holds every pair once, in an order shuffled with the run's seed, so slow drifts of the
/// machine spread over every pair instead of landing on one.
/// </summary>
public sealed class RunPlanner(EngineCatalog catalog, SuiteLoader suites)
{
    public const int MaxIterations = 1000;
    public const int MaxProcesses = 100;

    public Result<RunPlan> Plan(RunRequest request)
    {
        if (request.Iterations is < 1 or > MaxIterations)
        {
            return Result<RunPlan>.Failure($"iterations must be between 1 and {MaxIterations}, not {request.Iterations}");
        }

        if (request.Processes is < 1 or > MaxProcesses)
        {
            return Result<RunPlan>.Failure($"processes must be between 1 and {MaxProcesses}, not {request.Processes}");
        }

        if (request.Warmup is < 0 or > MaxIterations)
        {
            return Result<RunPlan>.Failure($"warmup must be between 0 and {MaxIterations}, not {request.Warmup}");
        }

        if (request.Kind == RunKind.Spec)
        {
            return PlanSpec(request);
        }

        var engines = ResolveEngines(request.Engines, [.. catalog.BenchmarkEngines], out var engineError);
        if (engineError is not null)
        {
            return Result<RunPlan>.Failure(engineError);
        }

        var suite = suites.Load(request.Suite);
        if (!suite.Succeeded)
        {
            return Result<RunPlan>.Failure(suite.Error!);
        }

        var pairs = new List<(IBenchmarkEngine Engine, Workload Workload)>();
        var notes = new List<string>();
        foreach (var workload in suite.Workloads)
        {
            foreach (var engine in engines)
            {
                if (engine.Info.Kind == Abstractions.Engines.EngineKind.Native && workload.CSourcePath is null)
                {
                    notes.Add($"{workload.Name} has no C source, so it has no {engine.Info.Id} variant");
                    continue;
                }

                pairs.Add((engine, workload));
            }
        }

        // One process without a seed keeps the suite order (a quick look); otherwise every round
        // is shuffled with a seed that is stored with the run.
        var seed = request.Seed ?? (request.Processes == 1 ? (int?)null : Random.Shared.Next(1, int.MaxValue));
        var order = seed is { } s ? new TaskOrder(s) : null;
        var tasks = new List<WorkTask>();
        for (var process = 0; process < request.Processes; process++)
        {
            foreach (var (engine, workload) in order?.Round(pairs, process) ?? pairs)
            {
                tasks.Add(new WorkTask(0, tasks.Count, engine.Info.Id, workload, request.Iterations, Process: process, Warmup: request.Warmup));
            }
        }

        return Result<RunPlan>.Success(new RunPlan([.. engines.Select(e => e.Info.Id)], tasks, notes, seed));
    }

    /// <summary>One task per (.wast script, conformance engine).</summary>
    private Result<RunPlan> PlanSpec(RunRequest request)
    {
        var engines = ResolveEngines(request.Engines, [.. catalog.ConformanceEngines], out var engineError);
        if (engineError is not null)
        {
            return Result<RunPlan>.Failure(engineError);
        }

        var suite = SpecSuite.Load(request.Suite);
        if (suite.Suite is null)
        {
            return Result<RunPlan>.Failure(suite.Error!);
        }

        var testsuite = TestsuiteLocator.Locate(request.Testsuite);
        if (testsuite.Path is null)
        {
            return Result<RunPlan>.Failure(testsuite.Error!);
        }

        var scripts = suite.Suite.ResolveScripts(testsuite.Path, request.Filter);
        if (scripts.Count == 0)
        {
            return Result<RunPlan>.Failure($"no script of {suite.Suite.Name} under {suite.Suite.SuiteFolder(testsuite.Path)} matches{(request.Filter is null ? "" : $" '{request.Filter}'")}");
        }

        var tasks = new List<WorkTask>();
        foreach (var script in scripts)
        {
            foreach (var engine in engines)
            {
                var reference = new Workload(script.RelativePath, Path.GetDirectoryName(script.FullPath)!, script.FullPath, []);
                tasks.Add(new WorkTask(0, tasks.Count, engine.Info.Id, reference, 1, RunKind.Spec, request.Suite));
            }
        }

        return Result<RunPlan>.Success(new RunPlan([.. engines.Select(e => e.Info.Id)], tasks, []));
    }

    /// <summary>The engine ids this node can benchmark with, for messages and defaults.</summary>
    public IReadOnlyList<string> AvailableEngines => [.. catalog.BenchmarkEngines.Select(e => e.Info.Id).Order()];

    private List<T> ResolveEngines<T>(IReadOnlyList<string> requested, List<T> available, out string? error)
        where T : IEngine
    {
        error = null;
        if (requested.Count == 0)
        {
            if (available.Count == 0)
            {
                error = "no engine is available on this node";
            }

            return available;
        }

        var result = new List<T>();
        foreach (var id in requested.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var engine = available.FirstOrDefault(e => string.Equals(e.Info.Id, id, StringComparison.OrdinalIgnoreCase));
            if (engine is null)
            {
                var why = catalog.Find(id) is { Availability.IsAvailable: false } known ? $" ({known.Availability.Reason})" : "";
                error = $"unknown or unavailable engine '{id}'{why}; available engines: {string.Join(", ", available.Select(e => e.Info.Id).Order())}";
                return [];
            }

            result.Add(engine);
        }

        return result;
    }
}
