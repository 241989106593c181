using WasmBench.Abstractions.Results;

namespace WasmBench.Analysis.Comparison;

/// <summary>A spec command that fails now and did not fail in the baseline run of the same script on the same engine.</summary>
public sealed record SpecRegression(string Engine, string File, int Line, string Command, string? Message);

/// <summary>
/// The spec half of `gate`: commands that passed in the baseline and fail in the candidate.
/// Only scripts that both runs ran on the same engine count (a new script cannot regress). A
/// script that could not run at all now (the task failed: engine crash, missing file) counts as
/// one failure at line 0, "(script)", as the spec report writes it; it regresses unless the
/// baseline's script failed that way too.
/// </summary>
public static class SpecRegressions
{
    public const string WholeScript = "(script)";

    public static IReadOnlyList<SpecRegression> Find(RunReport baseline, RunReport candidate)
    {
        var before = baseline.Pairs.Where(t => t.Spec is not null || t.Error is not null).ToDictionary(t => (t.Workload, t.EngineId));
        var result = new List<SpecRegression>();
        foreach (var task in candidate.Pairs.Where(t => t.Spec is not null || t.Error is not null).OrderBy(t => t.Workload, StringComparer.Ordinal).ThenBy(t => t.EngineId))
        {
            if (!before.TryGetValue((task.Workload, task.EngineId), out var old))
            {
                continue;
            }

            var failedBefore = Failures(old).Select(f => (f.Line, f.Command)).ToHashSet();
            result.AddRange(Failures(task).Where(f => !failedBefore.Contains((f.Line, f.Command)))
                .Select(f => new SpecRegression(task.EngineId, task.Workload, f.Line, f.Command, f.Message)));
        }

        return result;
    }

    private static IReadOnlyList<SpecFailure> Failures(PairReport task) =>
        task.Spec?.Failures ?? [new SpecFailure(0, WholeScript, null, null, task.Error)];
}
