using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Statistics;
using WasmBench.Analysis.Summaries;

namespace WasmBench.Silo.Api;

/// <summary>The body of GET /api/runs/{id}/statistics: what the run table and the dashboard show, without the samples.</summary>
public sealed record StatisticsView(IReadOnlyList<PairStatisticsView> Pairs, IReadOnlyList<string> Notes, ReferenceUse Reference)
{
    public static StatisticsView Of(RunStatistics statistics) => new(
        [.. statistics.Pairs.Select(p => new PairStatisticsView(p.Pair.Workload, p.Pair.Engine, p.Pair.Machine, p.Pair.Tasks, p.Pair.Output, p.Pair.Error,
            p.Compilation, p.Instantiation, p.Execution, p.Ratio))],
        statistics.Notes,
        statistics.Reference);
}

/// <summary>One pair's statistics (on one machine, with one engine build), as <see cref="PairStatistics"/> without the samples.</summary>
public sealed record PairStatisticsView(
    string Workload,
    EngineIdentity Engine,
    MachineFingerprint? Machine,
    int Tasks,
    OutputVerdict Output,
    string? Error,
    SampleSummary? Compilation,
    SampleSummary? Instantiation,
    SampleSummary? Execution,
    RatioToFastest? Ratio);
