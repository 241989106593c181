using System.Globalization;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Analysis.Comparison;

/// <summary>How a comparison uses the machine reference each measuring process times (<see cref="Phase.Reference"/>).</summary>
public enum ReferenceUse
{
    /// <summary>Leave out the processes that ran while the machine was disturbed, and scale every other process's timings by its reference.</summary>
    Adjust,

    /// <summary>Only leave out the processes that ran while the machine was disturbed.</summary>
    Detect,

    /// <summary>Compare the raw timings of every process.</summary>
    Off,
}

/// <summary>What the machine reference does to one side: the processes left out, and the factor each kept process's timings are scaled by.</summary>
public sealed class SideAdjustment(HashSet<(string, string, int)> leftOut, Dictionary<(string, string, int), double> scale)
{
    public static SideAdjustment None { get; } = new([], []);

    public bool LeftOut(string workload, string engine, int process) => leftOut.Contains((workload, engine, process));

    /// <summary>The factor for a process's timings: 1 when nothing is scaled.</summary>
    public double Scale(string workload, string engine, int process) => scale.GetValueOrDefault((workload, engine, process), 1.0);

    /// <summary>A phase's measured samples of a pair (warm-up left out), without the left-out processes, scaled by their process's factor (the reference itself never is).</summary>
    public Sample[] Measured(TaskReport pair, Phase phase) =>
        [.. pair.Samples.Where(s => s.Phase == phase && !s.Warmup && !LeftOut(pair.Workload, pair.EngineId, s.Process))
            .Select(s => phase == Phase.Reference ? s : s with { Nanoseconds = (long)Math.Round(s.Nanoseconds * Scale(pair.Workload, pair.EngineId, s.Process)) })];
}

/// <summary>
/// Uses the engine-independent machine reference that each measuring process times before its
/// first and after its last iteration. A process's reference is the faster of its two timings
/// (one interruption does not make a process slow; a slowdown that lasts the process does). The
/// machine's level is the 10th percentile of the process references of both runs — of each run on
/// its own when the two ran on different machines. With <see cref="ReferenceUse.Detect"/> or
/// <see cref="ReferenceUse.Adjust"/>, a process whose reference exceeds the level by more than
/// <see cref="DisturbanceRule.Tolerance"/> ran while the machine was disturbed and is left out, with a note. With
/// <see cref="ReferenceUse.Adjust"/> (the default), every other process's timings are then
/// multiplied by level / its reference: the machine's milder drift is divided out. With fewer than
/// <see cref="DisturbanceRule.MinimumProcesses"/> process references on a side there is no level to judge by, and
/// that comparison is left raw.
/// </summary>
/// <remarks>
/// Why (measured on the development VM, docs/statistics.md): a shared host drifts. Most of the
/// time by a few percent for minutes at a time — and then the reference and every workload move
/// together: within the tolerance, dividing by the process's reference cut the spread of a
/// workload's run medians between runs 2-3x (runs B and C: spin 1.8% to 0.8%, ackermann 2.4% to 0.7%). Now
/// and then another tenant slows branchy, call-heavy code for a minute or more (compilation +35%,
/// fib +60%, a register-only loop +5%): the workloads then suffer unequally, so the reference
/// can no longer be a divisor — but it rises 12-25%, which is how those processes are found and
/// left out. Runs measured before the reference existed have none and are compared raw.
/// </remarks>
public static class MachineReferenceAdjustment
{
    public static (SideAdjustment Baseline, SideAdjustment Candidate, IReadOnlyList<string> Notes) Find(
        RunReport baseline, string baselineName, RunReport candidate, string candidateName, bool sameMachine, ReferenceUse use)
    {
        var notes = new List<string>();
        if (use == ReferenceUse.Off)
        {
            return (SideAdjustment.None, SideAdjustment.None, notes);
        }

        var b = References(baseline);
        var c = References(candidate);
        double? shared = sameMachine ? DisturbanceRule.LevelOf([.. b.Values, .. c.Values]) : null;
        var levelB = b.Count == 0 ? null : shared ?? DisturbanceRule.LevelOf(b.Values);
        var levelC = c.Count == 0 ? null : shared ?? DisturbanceRule.LevelOf(c.Values);

        // Scaling one side only would move it against the other by the machine's usual distance from its level.
        var scale = use == ReferenceUse.Adjust && levelB is not null && levelC is not null;
        if (use == ReferenceUse.Adjust && !scale && (b.Count > 0 || c.Count > 0))
        {
            var missing = b.Count == 0 ? baselineName : c.Count == 0 ? candidateName : null;
            notes.Add(missing is not null
                ? $"timings are not scaled by the machine reference: {missing} has none (measured before it existed)"
                : $"timings are not scaled by the machine reference: fewer than {DisturbanceRule.MinimumProcesses} process references to know the machine's level by");
        }

        return (Side(b, levelB, scale, baselineName, notes), Side(c, levelC, scale, candidateName, notes), notes);
    }

    /// <summary>The adjustment of one run on its own, as the run table and the dashboard show it: the run's own level.</summary>
    public static (SideAdjustment Adjustment, IReadOnlyList<string> Notes) ForRun(RunReport run, ReferenceUse use)
    {
        var notes = new List<string>();
        var references = use == ReferenceUse.Off ? [] : References(run);
        var level = references.Count == 0 ? null : DisturbanceRule.LevelOf(references.Values);
        if (use == ReferenceUse.Adjust && references.Count > 0 && level is null)
        {
            notes.Add($"timings are not scaled by the machine reference: fewer than {DisturbanceRule.MinimumProcesses} process references to know the machine's level by");
        }

        return (Side(references, level, use == ReferenceUse.Adjust, $"run {run.Run.Id}", notes), notes);
    }

    private static Dictionary<(string, string, int), double> References(RunReport run) =>
        run.Tasks.Where(t => t.Error is null)
            .SelectMany(t => t.Samples.GroupBy(s => s.Process).Select(g => (Key: (t.Workload, t.EngineId, g.Key), Ns: DisturbanceRule.OfProcess(g))))
            .Where(x => x.Ns is not null)
            .ToDictionary(x => x.Key, x => (double)x.Ns!.Value);

    private static SideAdjustment Side(Dictionary<(string, string, int), double> references, double? level, bool scale, string side, List<string> notes)
    {
        if (level is not { } l)
        {
            return SideAdjustment.None;
        }

        var disturbed = references.Where(r => DisturbanceRule.IsDisturbed(r.Value, l)).ToList();
        if (disturbed.Count > 0)
        {
            var worst = disturbed.Max(r => r.Value) / l;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{side}: {disturbed.Count} of {references.Count} processes left out: the machine was disturbed while they ran (machine reference more than {DisturbanceRule.Tolerance * 100:0}% above the level of {l / 1e6:0.00} ms, up to {worst:0.00}x)"));
        }

        var factors = scale ? references.Where(r => !DisturbanceRule.IsDisturbed(r.Value, l)).ToDictionary(r => r.Key, r => l / r.Value) : [];
        if (factors.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{side}: timings scaled by their process's machine reference to the level of {l / 1e6:0.00} ms (factors {factors.Values.Min():0.000}-{factors.Values.Max():0.000})"));
        }

        return new SideAdjustment([.. disturbed.Select(r => r.Key)], factors);
    }
}
