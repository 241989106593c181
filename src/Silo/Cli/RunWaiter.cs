using WasmBench.Abstractions.Results;

namespace WasmBench.Silo.Cli;

/// <summary>
/// Polls a run until it finishes, printing a line per finished pair (workload x engine) once
/// every task (process) of it has reported, prefixed with the run's progress counted in tasks, as
/// the dashboard and the API count it: <c>[12/30 tasks]</c>; <see cref="RunProgress"/> decides
/// whether that is a live line in a terminal or plain lines.
/// </summary>
public static class RunWaiter
{
    public static Task<RunReport> WaitAsync(IRunBackend backend, long runId, TextWriter output, Func<PairReport, string?> describe, CancellationToken ct) =>
        WaitAsync(backend, runId, RunProgress.For(output), describe, ct);

    public static async Task<RunReport> WaitAsync(IRunBackend backend, long runId, RunProgress progress, Func<PairReport, string?> describe, CancellationToken ct)
    {
        var printed = new HashSet<(string, Abstractions.Engines.EngineIdentity, MachineFingerprint?)>();
        var first = true;
        return await progress.WatchAsync(async print =>
        {
            if (!first)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
            }

            first = false;
            var report = await backend.GetReportAsync(runId, ct) ?? throw new InvalidOperationException($"run {runId} vanished");
            var run = report.Run;
            foreach (var pair in report.Pairs.Where(p => (run.IsFinished || IsComplete(p, report)) && printed.Add((p.Workload, p.Engine, p.Machine))))
            {
                if (describe(pair) is { } line)
                {
                    print($"[{run.FinishedTasks}/{run.TotalTasks} tasks] {line}");
                }
            }

            return report;
        }, ct);
    }

    /// <summary>Whether every task of the pair has reported (a pair measured on several machines is several reports).</summary>
    private static bool IsComplete(PairReport pair, RunReport report) =>
        pair.Error is not null || pair.Spec is not null
        || report.Pairs.Where(p => p.Workload == pair.Workload && p.EngineId == pair.EngineId).Sum(p => p.Tasks) >= report.Run.Processes;
}
