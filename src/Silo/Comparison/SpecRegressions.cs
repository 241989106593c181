using WasmBench.Abstractions.Results;

namespace WasmBench.Silo.Comparison;

/// <summary>A spec command that fails now and did not fail in the baseline run of the same script on the same engine.</summary>
public sealed record SpecRegression(string Engine, string File, int Line, string Command, string? Message);

/// <summary>
/// The spec half of `gate`: commands that passed in the baseline and fail in the candidate.
/// Only scripts that both runs ran on the same engine count (a new script cannot regress).
/// </summary>
public static class SpecRegressions
{
    public static IReadOnlyList<SpecRegression> Find(RunReport baseline, RunReport candidate)
    {
        var before = baseline.Tasks.Where(t => t.Spec is not null).ToDictionary(t => (t.Workload, t.EngineId));
        var result = new List<SpecRegression>();
        foreach (var task in candidate.Tasks.Where(t => t.Spec is not null).OrderBy(t => t.Workload).ThenBy(t => t.EngineId))
        {
            if (!before.TryGetValue((task.Workload, task.EngineId), out var old))
            {
                continue;
            }

            var failedBefore = old.Spec!.Failures.Select(f => (f.Line, f.Command)).ToHashSet();
            result.AddRange(task.Spec!.Failures.Where(f => !failedBefore.Contains((f.Line, f.Command)))
                .Select(f => new SpecRegression(task.EngineId, task.Workload, f.Line, f.Command, f.Message)));
        }

        return result;
    }
}
