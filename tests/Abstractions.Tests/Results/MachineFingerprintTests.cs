using WasmBench.Abstractions.Results;

namespace WasmBench.Abstractions.Tests.Results;

public sealed class MachineFingerprintTests
{
    [Fact]
    public void The_hash_names_the_hardware_and_software_not_the_host()
    {
        var ci1 = new MachineFingerprint("ci-1", "Test CPU @ 3.0GHz", 2, "Linux 6.1", ".NET 10.0.0");

        Assert.Equal(ci1.Hash, (ci1 with { Host = "ci-2" }).Hash);
        Assert.NotEqual(ci1.Hash, (ci1 with { Cores = 4 }).Hash);
        Assert.Matches("^[0-9a-f]{12}$", ci1.Hash);
    }
}
