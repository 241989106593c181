using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Statistics;
using WasmBench.Analysis.Summaries;

namespace WasmBench.Silo.Api;

/// <summary>The body of GET /api/runs/{id}/statistics: what the run table and the dashboard show, without the samples.</summary>
public sealed record StatisticsView(IReadOnlyList<PairStatisticsView> Pairs, IReadOnlyList<string> Notes, ReferenceUse Reference)
{
    public static StatisticsView Of(RunStatistics statistics) => new(
        [.. statistics.Pairs.Select(p => new PairStatisticsView(p.Pair.Workload, p.Pair.EngineId, p.Pair.EngineVersion, p.Pair.Output.ToString(), p.Pair.Error,
            p.Compilation, p.Instantiation, p.Execution, p.Ratio))],
        statistics.Notes,
        statistics.Reference);
}

/// <summary>One pair's statistics, as <see cref="PairStatistics"/> without the samples.</summary>
public sealed record PairStatisticsView(
    string Workload,
    string Engine,
    string EngineVersion,
    string Output,
    string? Error,
    SampleSummary? Compilation,
    SampleSummary? Instantiation,
    SampleSummary? Execution,
    RatioToFastest? Ratio);
