using WasmBench.Abstractions.Results;

namespace WasmBench.Analysis.Conformance;

/// <summary>What a matrix cell holds: the commands of the group's scripts on one engine.</summary>
public enum CellState
{
    /// <summary>Every counted command passed.</summary>
    Passed,

    /// <summary>Some command failed (or a script could not run at all).</summary>
    Failed,

    /// <summary>The engine ran the group's scripts but skipped every command: it does not support the feature.</summary>
    Unsupported,

    /// <summary>The engine has no result for any script of the group in this run.</summary>
    NotRun,
}

/// <summary>One engine's scripts of one feature group: counts and the scripts themselves.</summary>
/// <param name="NotRun">Commands not run because a module they need failed (that failure is counted once, in <paramref name="Failed"/>).</param>
public sealed record ConformanceCell(string Engine, string Group, int Passed, int Failed, int Skipped, int ScriptErrors, IReadOnlyList<PairReport> Scripts, int NotRun = 0)
{
    public CellState State => Scripts.Count == 0 ? CellState.NotRun
        : Failed > 0 || ScriptErrors > 0 ? CellState.Failed
        : Passed == 0 && Skipped > 0 ? CellState.Unsupported
        : CellState.Passed;

    /// <summary>Passed over passed + failed, in percent; null when nothing was counted.</summary>
    public double? PassPercent => Passed + Failed == 0 ? null : 100.0 * Passed / (Passed + Failed);
}

/// <summary>An engine x feature-group matrix of a spec run (groups from <see cref="FeatureGroups"/>).</summary>
public sealed record ConformanceMatrix(IReadOnlyList<string> Engines, IReadOnlyList<string> Groups, IReadOnlyDictionary<(string Engine, string Group), ConformanceCell> Cells)
{
    public ConformanceCell this[string engine, string group] => Cells[(engine, group)];

    public static ConformanceMatrix Of(RunReport run)
    {
        var engines = run.Pairs.Select(p => p.EngineId).Distinct().ToList();
        var byCell = run.Pairs.ToLookup(p => (p.EngineId, FeatureGroups.Of(p.Workload)));
        var groups = FeatureGroups.All.Where(g => engines.Any(e => byCell[(e, g)].Any())).ToList();
        var cells = new Dictionary<(string, string), ConformanceCell>();
        foreach (var engine in engines)
        {
            foreach (var group in groups)
            {
                var scripts = byCell[(engine, group)].OrderBy(p => p.Workload, StringComparer.Ordinal).ToList();
                cells[(engine, group)] = new ConformanceCell(engine, group,
                    scripts.Sum(s => s.Spec?.Passed ?? 0), scripts.Sum(s => s.Spec?.Failed ?? 0), scripts.Sum(s => s.Spec?.Skipped ?? 0),
                    scripts.Count(s => s.Error is not null || s.Spec is null), scripts, scripts.Sum(s => s.Spec?.NotRun ?? 0));
            }
        }

        return new ConformanceMatrix(engines, groups, cells);
    }
}
