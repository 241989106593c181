using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;

namespace WasmBench.Dashboard.Data;

/// <summary>Finds a run for the Compare page by its id or its label (the latest completed run with it), as <c>wasmbench compare</c> names them.</summary>
public static class RunFinder
{
    public static async Task<Result<ComparisonSide>> FindAsync(IRunReader reader, string idOrLabel, CancellationToken cancellationToken)
    {
        if (long.TryParse(idOrLabel, out var id))
        {
            var byId = await reader.GetReportAsync(id, cancellationToken);
            return byId is null
                ? Result<ComparisonSide>.Failure($"there is no run {id}")
                : Result<ComparisonSide>.Success(ComparisonSide.Of(byId, $"run {id}", stored: true));
        }

        var runs = await reader.ListRunsAsync(int.MaxValue, cancellationToken);
        var latest = runs.Where(r => r.Label == idOrLabel && r.State == RunState.Completed).MaxBy(r => r.Id);
        var report = latest is null ? null : await reader.GetReportAsync(latest.Id, cancellationToken);
        return report is null
            ? Result<ComparisonSide>.Failure($"no completed run has the label '{idOrLabel}'")
            : Result<ComparisonSide>.Success(ComparisonSide.Of(report, $"{idOrLabel} (run {report.Run.Id})", stored: true));
    }
}
