using WasmBench.Abstractions;
using WasmBench.Abstractions.Runs;
using WasmBench.Abstractions.Workloads;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Spec;
using WasmBench.Runners.Workloads;

namespace WasmBench.Silo.Grains;

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

        if (request.Label is { Length: > Api.RunRequestGuard.MaxLabel } label)
        {
            return Result<RunPlan>.Failure($"a label has at most {Api.RunRequestGuard.MaxLabel} characters, not {label.Length}: {Security.Quote.Short(label)}");
        }

        if (request.Kind == RunKind.Spec)
        {
            return PlanSpec(request);
        }

        var resolved = ResolveEngines(request.Engines, [.. catalog.BenchmarkEngines]);
        if (!resolved.Succeeded)
        {
            return Result<RunPlan>.Failure(resolved.Error);
        }

        var engines = resolved.Value;

        var suite = suites.Load(request.Suite);
        if (!suite.Succeeded)
        {
            return Result<RunPlan>.Failure(suite.Error);
        }

        var pairs = new List<(IBenchmarkEngine Engine, Workload Workload)>();

        // Stored with the run: which engines cannot separate every phase, and why.
        var notes = engines.Select(e => e.Info.PhaseStatement).OfType<string>().ToList();
        foreach (var workload in suite.Value)
        {
            foreach (var engine in engines)
            {
                if (engine.Info.Kind == Abstractions.Engines.EngineKind.Native && workload.CSourcePath is null)
                {
                    notes.Add($"{workload.Name} has no C source, so it has no {engine.Info.Id} variant");
                    continue;
                }

                if (ModuleProposals.Unsupported(workload, engine.Info) is { } unsupported)
                {
                    notes.Add($"{workload.Name} is not run on {engine.Info.Id}: {unsupported}");
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
        var resolved = ResolveEngines(request.Engines, [.. catalog.ConformanceEngines]);
        if (!resolved.Succeeded)
        {
            return Result<RunPlan>.Failure(resolved.Error);
        }

        var engines = resolved.Value;

        var suite = SpecSuite.Load(request.Suite);
        if (!suite.Succeeded)
        {
            return Result<RunPlan>.Failure(suite.Error);
        }

        var testsuite = TestsuiteLocator.Locate(request.Testsuite);
        if (!testsuite.Succeeded)
        {
            return Result<RunPlan>.Failure(testsuite.Error);
        }

        var scripts = suite.Value.ResolveScripts(testsuite.Value.Path, request.Filter);
        if (scripts.Count == 0)
        {
            return Result<RunPlan>.Failure($"no script of {suite.Value.Name} under {suite.Value.SuiteFolder(testsuite.Value.Path)} matches{(request.Filter is null ? "" : $" '{request.Filter}'")}");
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

    /// <summary>
    /// The requested engines (listed ones, or variants of a family the catalog makes on demand), each
    /// available and able to run this kind of task; none requested is every available one.
    /// </summary>
    private Result<IReadOnlyList<T>> ResolveEngines<T>(IReadOnlyList<string> requested, List<T> available)
        where T : IEngine
    {
        if (requested.Count == 0)
        {
            return available.Count == 0
                ? Result<IReadOnlyList<T>>.Failure("no engine is available on this node")
                : Result<IReadOnlyList<T>>.Success(available);
        }

        var result = new List<T>();
        foreach (var id in requested.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var resolved = catalog.Resolve(id);
            if (resolved.Value is T { Availability.IsAvailable: true } engine)
            {
                if (!result.Any(e => e.Info.Id == engine.Info.Id))
                {
                    result.Add(engine);
                }

                continue;
            }

            var why = resolved.Value is { Availability.IsAvailable: false } known ? $" ({known.Availability.Reason})"
                : resolved.Succeeded || resolved.Error.StartsWith("unknown engine", StringComparison.Ordinal) ? ""
                : $" ({resolved.Error})";
            return Result<IReadOnlyList<T>>.Failure($"unknown or unavailable engine '{id}'{why}; available engines: {string.Join(", ", available.Select(e => e.Info.Id).Order())}");
        }

        return Result<IReadOnlyList<T>>.Success(result);
    }
}
