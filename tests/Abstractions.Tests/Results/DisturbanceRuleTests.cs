using WasmBench.Abstractions.Results;

namespace WasmBench.Abstractions.Tests.Results;

/// <summary>The one rule the runner and the analysis both apply to the machine reference.</summary>
public sealed class DisturbanceRuleTests
{
    [Fact]
    public void A_process_s_reference_is_the_faster_of_its_timings()
    {
        ProcessEvent[] events = [new(ProcessEventKind.MachineReferenceBefore, 3, 7_300_000), new(ProcessEventKind.MachineReferenceAfter, 3, 7_000_000)];

        Assert.Equal(7_000_000, DisturbanceRule.OfProcess(events));
        Assert.Null(DisturbanceRule.OfProcess([]));
    }

    [Fact]
    public void The_level_needs_enough_processes_and_a_disturbed_one_is_more_than_the_tolerance_above_it()
    {
        var references = Enumerable.Range(0, DisturbanceRule.MinimumProcesses).Select(i => 7e6 + (i * 1e4)).ToList();

        Assert.Null(DisturbanceRule.LevelOf(references.Skip(1).ToList()));
        var level = DisturbanceRule.LevelOf(references)!.Value;
        Assert.InRange(level, 7e6, 7.01e6);
        Assert.False(DisturbanceRule.IsDisturbed(level * (1 + DisturbanceRule.Tolerance), level));
        Assert.True(DisturbanceRule.IsDisturbed(level * (1 + DisturbanceRule.Tolerance) * 1.001, level));
    }
}
