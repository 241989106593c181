using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Cli;

/// <summary>Polls a run until it finishes, printing a line per finished task.</summary>
public static class RunWaiter
{
    public static async Task<RunReport> WaitAsync(IRunBackend backend, long runId, TextWriter output, Func<TaskReport, string?> describe, CancellationToken ct)
    {
        var printed = new HashSet<(string, string)>();
        var lastLine = DateTime.UtcNow;
        while (true)
        {
            var report = await backend.GetReportAsync(runId, ct) ?? throw new InvalidOperationException($"run {runId} vanished");
            foreach (var task in report.Tasks.Where(t => printed.Add((t.Workload, t.EngineId))))
            {
                if (describe(task) is { } line)
                {
                    await output.WriteLineAsync($"[{printed.Count}/{report.Run.TotalTasks}] {line}");
                    lastLine = DateTime.UtcNow;
                }
            }

            if (DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5))
            {
                // Long runs whose tasks print nothing still show that they move.
                await output.WriteLineAsync($"[{printed.Count}/{report.Run.TotalTasks}] tasks finished");
                lastLine = DateTime.UtcNow;
            }

            if (report.Run.State is RunState.Completed or RunState.Failed)
            {
                return report;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        }
    }
}
