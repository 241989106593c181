using System.Runtime.InteropServices;
using WasmBench.Abstractions.Results;

namespace WasmBench.Runners.Worker;

/// <summary>Reads this machine's fingerprint once.</summary>
public static class MachineInfo
{
    private static readonly Lazy<MachineFingerprint> Current = new(Read);

    public static MachineFingerprint Fingerprint => Current.Value;

    private static MachineFingerprint Read() => new(
        Environment.MachineName,
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':') + 1)..].Trim();
            }
        }
        catch (IOException)
        {
            // Not Linux: fall through to the architecture.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
