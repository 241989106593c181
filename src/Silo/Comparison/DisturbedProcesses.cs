using System.Globalization;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Comparison;

/// <summary>
/// Finds the processes that ran while the machine was disturbed, from the engine-independent
/// machine reference each measuring process times before its first and after its last iteration
/// (<see cref="Phase.Reference"/>). A process's reference is the faster of its two timings (one
/// interruption does not make a process disturbed; a slowdown that lasts the process does). The
/// machine's level is the 10th percentile of the process references of both runs — of each run
/// on its own when the two ran on different machines. A process whose reference exceeds the level
/// by more than <see cref="Tolerance"/> is left out of the comparison, with a note. With fewer than
/// <see cref="MinimumProcesses"/> process references there is no level to judge by, and nothing is
/// left out.
/// </summary>
/// <remarks>
/// Why: on a shared host another tenant can slow branchy, call-heavy code for a minute or more
/// (measured on the development VM: whole runs with compilation +35% and fib +60% while a
/// register-only loop moved +5%). Two runs cannot tell such a run from a regression — unless
/// something that did not change between them was timed alongside: the reference. It is only
/// a detector, never a divisor: workloads suffer from a disturbance unequally, so scaling by the
/// reference would invent changes. Runs measured before the reference existed have none and
/// are compared whole.
/// </remarks>
public static class DisturbedProcesses
{
    /// <summary>
    /// How far above the machine's level a process's reference may be. Quiet processes measured
    /// here sit within a few percent of the level; under the disturbances seen, 12-25% above it.
    /// 15% was tried first and let a third of the disturbed processes through (docs/statistics.md).
    /// </summary>
    public const double Tolerance = 0.10;

    /// <summary>The (workload, engine, process) keys to leave out of each side, and a note per side that lost any.</summary>
    public static (HashSet<(string, string, int)> Baseline, HashSet<(string, string, int)> Candidate, IReadOnlyList<string> Notes) Find(
        RunReport baseline, string baselineName, RunReport candidate, string candidateName, bool sameMachine)
    {
        var b = References(baseline);
        var c = References(candidate);
        var notes = new List<string>();
        double? shared = sameMachine ? Level([.. b.Values, .. c.Values]) : null;
        var outB = Disturbed(b, shared ?? Level([.. b.Values]), baselineName, notes);
        var outC = Disturbed(c, shared ?? Level([.. c.Values]), candidateName, notes);
        return (outB, outC, notes);
    }

    private static Dictionary<(string, string, int), double> References(RunReport run) =>
        run.Tasks.Where(t => t.Error is null)
            .SelectMany(t => t.Samples.Where(s => s.Phase == Phase.Reference).Select(s => (Key: (t.Workload, t.EngineId, s.Process), s.Nanoseconds)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => (double)g.Min(x => x.Nanoseconds));

    /// <summary>Fewer process references than this say too little about the machine's level: nothing is left out.</summary>
    public const int MinimumProcesses = 8;

    private static double? Level(double[] references) =>
        references.Length < MinimumProcesses ? null : Statistics.Quantile([.. references.Order()], 0.10);

    private static HashSet<(string, string, int)> Disturbed(Dictionary<(string, string, int), double> references, double? level, string side, List<string> notes)
    {
        if (level is not { } l)
        {
            return [];
        }

        var limit = l * (1 + Tolerance);
        var disturbed = references.Where(r => r.Value > limit).ToList();
        if (disturbed.Count > 0)
        {
            var worst = disturbed.Max(r => r.Value) / l;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{side}: {disturbed.Count} of {references.Count} processes left out: the machine was disturbed while they ran (machine reference more than {Tolerance * 100:0}% above the level of {l / 1e6:0.00} ms, up to {worst:0.00}x)"));
        }

        return [.. disturbed.Select(r => r.Key)];
    }
}
