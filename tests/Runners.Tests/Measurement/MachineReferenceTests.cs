using WasmBench.Runners.Measurement;

namespace WasmBench.Runners.Tests.Measurement;

public sealed class MachineReferenceTests
{
    [Fact]
    public void The_reference_does_its_fixed_work_and_times_it()
    {
        // The checksum pins the work: a changed kernel would make old and new references incomparable.
        Assert.Equal(MachineReference.Checksum, MachineReference.Work());
        Assert.InRange(MachineReference.MeasureNs(), 100_000, 10_000_000_000);
    }
}
