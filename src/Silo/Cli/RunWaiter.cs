using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Cli;

/// <summary>
/// Polls a run until it finishes, printing a line per finished (workload, engine) pair: a pair
/// measured in several processes is printed once all of them have reported.
/// </summary>
public static class RunWaiter
{
    public static async Task<RunReport> WaitAsync(IRunBackend backend, long runId, TextWriter output, Func<TaskReport, string?> describe, CancellationToken ct)
    {
        var printed = new HashSet<(string, string)>();
        var lastLine = DateTime.UtcNow;
        while (true)
        {
            var report = await backend.GetReportAsync(runId, ct) ?? throw new InvalidOperationException($"run {runId} vanished");
            var pairs = report.Run.TotalTasks / Math.Max(1, report.Run.Processes);
            var finished = report.Run.State is RunState.Completed or RunState.Failed;
            foreach (var task in report.Tasks.Where(t => (finished || IsComplete(t, report.Run)) && printed.Add((t.Workload, t.EngineId))))
            {
                if (describe(task) is { } line)
                {
                    await output.WriteLineAsync($"[{printed.Count}/{pairs}] {line}");
                    lastLine = DateTime.UtcNow;
                }
            }

            if (DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5))
            {
                // Long runs whose tasks print nothing still show that they move.
                await output.WriteLineAsync($"[{printed.Count}/{pairs}] finished");
                lastLine = DateTime.UtcNow;
            }

            if (finished)
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        }
    }

    private static bool IsComplete(TaskReport task, RunSummary run) =>
        task.Error is not null || task.Spec is not null || task.Samples.Select(s => s.Process).Distinct().Count() >= run.Processes;
}
