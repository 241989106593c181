using System.Diagnostics;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// Raises the measuring process to high priority (as BenchmarkDotNet does) so that other work on
/// a shared machine preempts it less often; without the right to do so it stays as it is.
/// Real-time priority is never used: a runaway workload must not freeze the machine.
/// </summary>
public static class MeasurementPriority
{
    public static bool Raise()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            process.PriorityClass = ProcessPriorityClass.High;
            Thread.CurrentThread.Priority = ThreadPriority.Highest;
            return true;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
