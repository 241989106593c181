using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Grains;

/// <summary>The tasks of a run, as the planner expanded its request.</summary>
/// <param name="Engines">The engine ids the run uses (the request's, or every available one).</param>
/// <param name="Notes">Pairs left out on purpose, e.g. native for a workload without C source.</param>
/// <param name="Seed">The seed of the shuffled task order (null: suite order, one process).</param>
public sealed record RunPlan(IReadOnlyList<string> Engines, IReadOnlyList<WorkTask> Tasks, IReadOnlyList<string> Notes, int? Seed = null);
