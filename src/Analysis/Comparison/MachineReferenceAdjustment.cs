using System.Globalization;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.Comparison;

/// <summary>How a comparison uses the machine reference each measuring process times (<see cref="ProcessEventKind"/>).</summary>
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

    /// <summary>
    /// A pair's timings of <paramref name="metric"/>: its measured samples of the phase (warm-up left
    /// out), or its processes' machine-reference timings; without the left-out processes; a phase's
    /// scaled by its process's factor (the reference itself never is).
    /// </summary>
    public Timing[] Measured(PairReport pair, Metric metric) => metric.Phase is { } phase
        ? [.. pair.Samples.Where(s => s.Phase == phase && !s.Warmup && !LeftOut(pair.Workload, pair.EngineId, s.Process))
            .Select(s => new Timing(s.Process, (long)Math.Round(s.Nanoseconds * Scale(pair.Workload, pair.EngineId, s.Process))))]
        : [.. pair.Events.Where(e => !LeftOut(pair.Workload, pair.EngineId, e.Process)).Select(e => new Timing(e.Process, e.Nanoseconds))];
}

/// <summary>
/// Uses the engine-independent machine reference that each measuring process times before its
/// first and after its last iteration. A process's reference is the faster of its two timings
/// (one interruption does not make a process slow; a slowdown that lasts the process does). The
/// machine's level is the 10th percentile of the process references of the same machine (by its
/// fingerprint's hash) in both runs: one level per machine, never pooled across machines. With <see cref="ReferenceUse.Detect"/> or
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
        RunReport baseline, string baselineName, RunReport candidate, string candidateName, ReferenceUse use)
    {
        var notes = new List<string>();
        if (use == ReferenceUse.Off)
        {
            return (SideAdjustment.None, SideAdjustment.None, notes);
        }

        var b = References(baseline);
        var c = References(candidate);
        var levels = Levels([.. b.Values, .. c.Values]);

        // Scaling one side only would move it against the other by the machine's usual distance from its level.
        var scale = use == ReferenceUse.Adjust && b.Count > 0 && c.Count > 0 && levels.Values.All(l => l is not null);
        if (use == ReferenceUse.Adjust && !scale && (b.Count > 0 || c.Count > 0))
        {
            var missing = b.Count == 0 ? baselineName : c.Count == 0 ? candidateName : null;
            notes.Add(missing is not null
                ? $"timings are not scaled by the machine reference: {missing} has none (measured before it existed)"
                : $"timings are not scaled by the machine reference: fewer than {DisturbanceRule.MinimumProcesses} process references to know the machine's level by");
        }

        return (Side(b, levels, scale, baselineName, notes), Side(c, levels, scale, candidateName, notes), notes);
    }

    /// <summary>The adjustment of one run on its own, as the run table and the dashboard show it: the level of each of its machines.</summary>
    public static (SideAdjustment Adjustment, IReadOnlyList<string> Notes) ForRun(RunReport run, ReferenceUse use)
    {
        var notes = new List<string>();
        if (use == ReferenceUse.Off)
        {
            return (SideAdjustment.None, notes);
        }

        var references = References(run);
        var levels = Levels([.. references.Values]);
        var scale = use == ReferenceUse.Adjust && levels.Values.All(l => l is not null);
        if (use == ReferenceUse.Adjust && references.Count > 0 && !scale)
        {
            notes.Add($"timings are not scaled by the machine reference: fewer than {DisturbanceRule.MinimumProcesses} process references to know the machine's level by");
        }

        return (Side(references, levels, scale, $"run {run.Run.Id}", notes), notes);
    }

    /// <summary>Each process's reference (the faster of its timings) and the hash of the machine that measured it.</summary>
    private static Dictionary<(string, string, int), (double Ns, string Machine)> References(RunReport run) =>
        run.Pairs.Where(p => p.Error is null)
            .SelectMany(p => p.Events.GroupBy(e => e.Process).Select(g => (Key: (p.Workload, p.EngineId, g.Key), Ns: DisturbanceRule.OfProcess(g), Machine: p.Machine?.Hash ?? "")))
            .Where(x => x.Ns is not null)
            .ToDictionary(x => x.Key, x => ((double)x.Ns!.Value, x.Machine));

    /// <summary>Each machine's level over the process references it measured (null: too few to tell).</summary>
    private static Dictionary<string, double?> Levels(IReadOnlyCollection<(double Ns, string Machine)> references) =>
        references.GroupBy(r => r.Machine).ToDictionary(g => g.Key, g => DisturbanceRule.LevelOf([.. g.Select(r => r.Ns)]));

    private static SideAdjustment Side(Dictionary<(string, string, int), (double Ns, string Machine)> references, Dictionary<string, double?> levels, bool scale, string side, List<string> notes)
    {
        var leftOut = new HashSet<(string, string, int)>();
        var factors = new Dictionary<(string, string, int), double>();
        var machines = references.Values.Select(r => r.Machine).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var machine in machines)
        {
            if (levels.GetValueOrDefault(machine) is not { } l)
            {
                continue;
            }

            var on = machines.Count > 1 ? $" on machine {machine}" : "";
            var mine = references.Where(r => r.Value.Machine == machine).ToList();
            var disturbed = mine.Where(r => DisturbanceRule.IsDisturbed(r.Value.Ns, l)).ToList();
            if (disturbed.Count > 0)
            {
                var worst = disturbed.Max(r => r.Value.Ns) / l;
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{side}: {disturbed.Count} of {mine.Count} processes{on} left out: the machine was disturbed while they ran (machine reference more than {DisturbanceRule.Tolerance * 100:0}% above the level of {l / 1e6:0.00} ms, up to {worst:0.00}x)"));
                leftOut.UnionWith(disturbed.Select(r => r.Key));
            }

            var kept = scale ? mine.Where(r => !DisturbanceRule.IsDisturbed(r.Value.Ns, l)).ToDictionary(r => r.Key, r => l / r.Value.Ns) : [];
            if (kept.Count > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{side}: timings{on} scaled by their process's machine reference to the level of {l / 1e6:0.00} ms (factors {kept.Values.Min():0.000}-{kept.Values.Max():0.000})"));
                foreach (var (key, factor) in kept)
                {
                    factors[key] = factor;
                }
            }
        }

        return leftOut.Count == 0 && factors.Count == 0 ? SideAdjustment.None : new SideAdjustment(leftOut, factors);
    }
}
