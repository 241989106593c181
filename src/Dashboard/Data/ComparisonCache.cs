using System.Collections.Concurrent;
using WasmBench.Abstractions;
using WasmBench.Analysis.Comparison;

namespace WasmBench.Dashboard.Data;

/// <summary>
/// Comparisons of finished runs the Compare page made lately: a comparison of two finished runs with
/// the same options never changes (RunComparer is pure), so the prerendered page, its interactive
/// render and the next visitor compute it once. Holds at most <see cref="Capacity"/> comparisons.
/// </summary>
public sealed class ComparisonCache
{
    public const int Capacity = 16;

    private readonly ConcurrentDictionary<string, Lazy<Result<ComparisonReport>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public Result<ComparisonReport> Compare(ComparisonSide baseline, ComparisonSide candidate, ComparisonOptions options)
    {
        if (!baseline.Report.Run.IsFinished || !candidate.Report.Run.IsFinished)
        {
            return RunComparer.Compare(baseline, candidate, options);
        }

        var key = $"{baseline.Report.Run.Id}|{candidate.Report.Run.Id}|{options.Threshold}|{string.Join(",", options.Metrics)}|{options.Confidence}|{options.Reference}";
        var entry = _entries.GetOrAdd(key, k =>
        {
            _order.Enqueue(k);
            return new Lazy<Result<ComparisonReport>>(() => RunComparer.Compare(baseline, candidate, options));
        });
        while (_entries.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.TryRemove(oldest, out _);
        }

        return entry.Value;
    }
}
