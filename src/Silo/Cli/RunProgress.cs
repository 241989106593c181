using System.Globalization;
using Spectre.Console;
using WasmBench.Abstractions.Results;

namespace WasmBench.Silo.Cli;

/// <summary>
/// How a waiting CLI shows a run's progress, counted in tasks as the dashboard and the API count
/// them. In a terminal: one live line (Spectre.Console) with a bar, done/total tasks, the last
/// pair that finished, elapsed time and an estimate of what is left, with each finished pair's line
/// printed above it. Redirected or under <c>CI=true</c>: plain lines only, and a status line
/// (<c>[12/30 tasks] running, 0:42 elapsed, about 1:10 left</c>) when nothing was printed for a while.
/// </summary>
public abstract class RunProgress
{
    /// <summary>The renderer for <paramref name="output"/>: live only for the real console in a terminal, outside CI.</summary>
    public static RunProgress For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is not ("true" or "1")
            ? new Live(AnsiConsole.Console)
            : new Plain(output, TimeSpan.FromSeconds(30));

    /// <summary>Watches the run until <paramref name="poll"/> returns a finished report.</summary>
    public abstract Task<RunReport> WatchAsync(Func<Action<string>, Task<RunReport?>> poll, CancellationToken ct);

    /// <summary>What is left, from the pace so far; null before the first task finished.</summary>
    public static TimeSpan? Remaining(StoredRun run, TimeSpan elapsed) =>
        run.FinishedTasks <= 0 || run.FinishedTasks >= run.TotalTasks ? null : elapsed * ((double)(run.TotalTasks - run.FinishedTasks) / run.FinishedTasks);

    public static string Status(StoredRun run, TimeSpan elapsed) =>
        $"[{run.FinishedTasks}/{run.TotalTasks} tasks] {(run.IsFinished ? run.State.ToString().ToLowerInvariant() : "running")}, {Clock(elapsed)} elapsed"
        + (Remaining(run, elapsed) is { } left ? $", about {Clock(left)} left" : "");

    public static string Clock(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>Plain lines: each finished pair, and a status line after <paramref name="quiet"/> without one.</summary>
    public sealed class Plain(TextWriter output, TimeSpan quiet) : RunProgress
    {
        public override async Task<RunReport> WatchAsync(Func<Action<string>, Task<RunReport?>> poll, CancellationToken ct)
        {
            var started = DateTime.UtcNow;
            var lastLine = started;
            var lines = new List<string>();
            while (true)
            {
                var report = await poll(lines.Add);
                foreach (var line in lines)
                {
                    await output.WriteLineAsync(line);
                    lastLine = DateTime.UtcNow;
                }

                lines.Clear();
                if (report is not null && report.Run.IsFinished)
                {
                    return report;
                }

                if (report is not null && DateTime.UtcNow - lastLine >= quiet)
                {
                    await output.WriteLineAsync(Status(report.Run, DateTime.UtcNow - started));
                    lastLine = DateTime.UtcNow;
                }
            }
        }
    }

    /// <summary>A live line in a terminal.</summary>
    public sealed class Live(IAnsiConsole console) : RunProgress
    {
        public override async Task<RunReport> WatchAsync(Func<Action<string>, Task<RunReport?>> poll, CancellationToken ct)
        {
            RunReport? final = null;
            await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask("starting", maxValue: 1);
                    var last = "";
                    while (true)
                    {
                        var report = await poll(line =>
                        {
                            console.WriteLine(line);
                            last = line;
                        });
                        if (report is null)
                        {
                            continue;
                        }

                        bar.MaxValue = Math.Max(1, report.Run.TotalTasks);
                        bar.Value = report.Run.FinishedTasks;
                        var pair = last.Length > 0 ? $" last: {last[(last.IndexOf(']') + 1)..].Trim()}" : "";
                        bar.Description = Markup.Escape($"[{report.Run.FinishedTasks}/{report.Run.TotalTasks} tasks]{(pair.Length > 60 ? pair[..60] + "..." : pair)}");
                        if (report.Run.IsFinished)
                        {
                            final = report;
                            return;
                        }
                    }
                });
            return final!;
        }
    }
}
