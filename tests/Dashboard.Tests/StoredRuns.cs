using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Dashboard.Data;

namespace WasmBench.Dashboard.Tests;

/// <summary>Runs held in memory for component tests: what the result store would read back.</summary>
internal sealed class StoredRuns(params RunReport[] reports) : IRunReader
{
    public Task<IReadOnlyList<StoredRun>> ListRunsAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredRun>>([.. reports.Select(r => r.Run).OrderByDescending(r => r.Id).Take(limit)]);

    public Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken) =>
        Task.FromResult(reports.FirstOrDefault(r => r.Run.Id == runId));

    public static RunReport Benchmark(long id, string label, params (string Workload, string Engine, double MedianNs)[] pairs)
    {
        var random = new Random((int)id);
        return new RunReport(
            new StoredRun(id, RunKind.Benchmark, "quick", label, [.. pairs.Select(p => p.Engine).Distinct()], 10, RunState.Completed, pairs.Length * 3, pairs.Length * 3, 0, null,
                DateTimeOffset.UnixEpoch.AddDays(id), DateTimeOffset.UnixEpoch.AddDays(id), 3),
            [.. pairs.Select(p => new PairReport(p.Workload, new EngineIdentity(p.Engine, "", "1"), null, 3, OutputVerdict.Matched, null,
                [.. Enumerable.Range(0, 3).SelectMany(process => Enumerable.Range(0, 10).Select(i => new Sample(Phase.Execution, process, i, (long)(p.MedianNs * (1 + (0.01 * random.NextDouble()))))))], []))]);
    }

    public static RunReport Spec(long id, params (string Script, string Engine, int Passed, int Failed, int Skipped)[] scripts) => new(
        new StoredRun(id, RunKind.Spec, "wasm-2.0", null, [.. scripts.Select(s => s.Engine).Distinct()], 1, RunState.Completed, scripts.Length, scripts.Length, 0, null, DateTimeOffset.UnixEpoch, null),
        [.. scripts.Select(s => new PairReport(s.Script, new EngineIdentity(s.Engine, "", "1"), null, 1, OutputVerdict.NotChecked, null, [], [],
            new SpecScriptResult(s.Script, s.Passed, s.Failed, s.Skipped, 0,
                [.. Enumerable.Range(0, s.Failed).Select(i => new SpecFailure(100 + i, "assert_return", "i32:1", "i32:2", $"{s.Script} wrong result {i}"))])))]);
}
