using Spectre.Console.Testing;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Cli;

namespace WasmBench.Silo.Tests.Cli;

public sealed class RunProgressTests
{
    [Fact]
    public async Task Plain_progress_prints_each_finished_pair_and_a_status_line_with_time_left_instead_of_bare_finished_lines()
    {
        var output = new StringWriter();
        var polls = Polls();

        var report = await new RunProgress.Plain(output, TimeSpan.Zero).WatchAsync(print => Task.FromResult(polls.Next(print)), CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(RunState.Completed, report.Run.State);
        Assert.Contains("[1/4 tasks] fib on interp: 1.2 ms", lines);
        Assert.Contains(lines, l => l.StartsWith("[0/4 tasks] running, 0:", StringComparison.Ordinal) && !l.Contains("left", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[1/4 tasks] running, 0:", StringComparison.Ordinal) && l.Contains("left", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.EndsWith("finished", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_progress_draws_a_bar_with_the_task_count_and_keeps_the_pair_lines()
    {
        var console = new TestConsole().Interactive();
        var polls = Polls();

        // Each poll takes a moment, as a real one does, so the live line is drawn between them.
        var report = await new RunProgress.Live(console).WatchAsync(async print =>
        {
            await Task.Delay(250);
            return polls.Next(print);
        }, CancellationToken.None);

        Assert.Equal(RunState.Completed, report.Run.State);
        Assert.Contains("[1/4 tasks] fib on interp: 1.2 ms", console.Output, StringComparison.Ordinal);
        Assert.Contains("last: fib on interp", console.Output, StringComparison.Ordinal);
        Assert.Contains("[4/4 tasks]", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_estimate_is_the_pace_so_far_and_none_before_the_first_task()
    {
        Assert.Null(RunProgress.Remaining(Run(0, 4, RunState.Running), TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(30), RunProgress.Remaining(Run(1, 4, RunState.Running), TimeSpan.FromSeconds(10)));
        Assert.Equal("1:01:05", RunProgress.Clock(TimeSpan.FromSeconds(3665)));
    }

    private static StoredRun Run(int finished, int total, RunState state) =>
        new(1, RunKind.Benchmark, "quick", null, ["interp"], 1, state, total, finished, 0, null, DateTimeOffset.UnixEpoch, null);

    private static Sequence Polls() => new([
        (Run(0, 4, RunState.Running), null),
        (Run(1, 4, RunState.Running), "[1/4 tasks] fib on interp: 1.2 ms"),
        (Run(1, 4, RunState.Running), null),
        (Run(4, 4, RunState.Completed), "[4/4 tasks] sieve on interp: 2.0 ms"),
    ]);

    /// <summary>A run's reports as successive polls would see them, with the line each one prints.</summary>
    private sealed class Sequence((StoredRun Run, string? Line)[] steps)
    {
        private int _next;

        public RunReport? Next(Action<string> print)
        {
            var (run, line) = steps[Math.Min(_next++, steps.Length - 1)];
            if (line is not null)
            {
                print(line);
            }

            return new RunReport(run, []);
        }
    }
}
