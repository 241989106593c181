using WasmBench.Abstractions;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;

namespace WasmBench.Silo.Storage;

/// <summary>Finds a stored run for a comparison by its id or its label (the latest completed run with it), as the CLI and the API name them.</summary>
public static class RunLookup
{
    /// <param name="where">Where the store is, for messages (<c>data/wasmbench.db</c>, <c>this service</c>).</param>
    public static async Task<Result<ComparisonSide>> FindAsync(IResultStore store, string idOrLabel, string where, CancellationToken cancellationToken)
    {
        if (long.TryParse(idOrLabel, out var id))
        {
            var byId = await store.GetReportAsync(id, cancellationToken);
            return byId is null
                ? Result<ComparisonSide>.Failure($"there is no run {id} in {where}")
                : Result<ComparisonSide>.Success(ComparisonSide.Of(byId, $"run {id}", stored: true));
        }

        var runs = await store.ListRunsAsync(int.MaxValue, cancellationToken);
        var latest = runs.Where(r => r.Label == idOrLabel && r.State == RunState.Completed).MaxBy(r => r.Id);
        if (latest is null)
        {
            var labels = runs.Select(r => r.Label).OfType<string>().Distinct().Order().ToList();
            return Result<ComparisonSide>.Failure($"no completed run has the label '{idOrLabel}' in {where}; labels there: {(labels.Count == 0 ? "none" : string.Join(", ", labels))}");
        }

        var report = await store.GetReportAsync(latest.Id, cancellationToken);
        return report is null
            ? Result<ComparisonSide>.Failure($"run {latest.Id} vanished from {where}")
            : Result<ComparisonSide>.Success(ComparisonSide.Of(report, $"{idOrLabel} (run {latest.Id})", stored: true));
    }
}
