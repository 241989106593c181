using WasmBench.Abstractions.Results;
using WasmBench.Runners.Measurement;

namespace WasmBench.Runners.Tests.Measurement;

public sealed class MachineLevelTests
{
    [Fact]
    public void The_level_is_the_tenth_percentile_once_enough_processes_are_known()
    {
        var level = new MachineLevel();
        for (var i = 1; i < DisturbanceRule.MinimumProcesses; i++)
        {
            level.Add(6e6 + (i * 1e5));
        }

        Assert.Null(level.Level);
        Assert.False(level.IsDisturbed(60e6)); // nothing to judge by yet

        level.Add(6e6 + (8 * 1e5));
        Assert.Equal(6.17e6, level.Level!.Value, 1e-6 * 6e6); // the 10th percentile of 6.1..6.8 ms
        Assert.False(level.IsDisturbed(6.17e6 * 1.09));
        Assert.True(level.IsDisturbed(6.17e6 * 1.11));
    }

    [Fact]
    public void The_history_file_gives_the_next_runner_the_level()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "data", "machine-reference.json");
        var first = new MachineLevel(file);
        for (var i = 0; i < 10; i++)
        {
            first.Add(7e6);
        }

        var next = new MachineLevel(file);

        Assert.Equal(7e6, next.Level);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
    }

    [Fact]
    public void Old_timings_are_forgotten_so_a_changed_machine_is_learned_again()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "history.json");
        var clock = new ManualClock();
        var level = new MachineLevel(file, clock);
        for (var i = 0; i < 10; i++)
        {
            level.Add(7e6);
        }

        clock.Now += MachineLevel.Memory + TimeSpan.FromMinutes(1);

        Assert.Null(level.Level);
        Assert.Null(new MachineLevel(file, clock).Level);
    }

    [Fact]
    public void Only_the_latest_timings_are_kept()
    {
        var level = new MachineLevel();
        for (var i = 0; i < MachineLevel.MaxEntries; i++)
        {
            level.Add(5e6);
        }

        for (var i = 0; i < MachineLevel.MaxEntries; i++)
        {
            level.Add(8e6);
        }

        Assert.Equal(8e6, level.Level);
    }

    [Fact]
    public void An_unreadable_history_is_only_a_forgotten_one()
    {
        using var folder = new TempFolder();
        var file = folder.Write("history.json", "{ not json");

        var level = new MachineLevel(file);
        Assert.Null(level.Level);
        for (var i = 0; i < 10; i++)
        {
            level.Add(7e6);
        }

        Assert.Equal(7e6, new MachineLevel(file).Level);
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
