using System.Globalization;

namespace WasmBench.Integration.Tests.Process;

public static class Privileges
{
    /// <summary>Whether this user may lower nice values: CAP_SYS_NICE (bit 23 of CapEff), as root has.</summary>
    public static bool MayRaisePriority()
    {
        var capEff = File.ReadAllLines("/proc/self/status").Single(l => l.StartsWith("CapEff:", StringComparison.Ordinal)).Split(':')[1].Trim();
        return (ulong.Parse(capEff, NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << 23)) != 0;
    }
}
