using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// Raises the measuring process to high priority (as BenchmarkDotNet does) so that other work on
/// a shared machine — the runner that started it, its JIT and timers, other jobs — preempts it
/// less often; without the right to do so it stays as it is. Real-time priority is never used: a
/// runaway workload must not freeze the machine.
/// </summary>
/// <remarks>
/// On Linux a nice value belongs to a thread, not to a process: <c>Process.PriorityClass</c> only
/// changes the main thread, while the workload runs on another one (and Wasmtime compiles on
/// threads of its own). So on Linux every thread of the process gets the nice value of
/// <see cref="ProcessPriorityClass.High"/>; threads started afterwards inherit it from the thread
/// that starts them. Measured on the 2-core development VM (docs/statistics.md): with the runner's
/// JIT busy beside the child, 16% of the iterations of a 9 ms workload were 20% or more above the
/// fastest; with every thread raised, about as few as with nothing beside it.
/// </remarks>
public static class MeasurementPriority
{
    /// <summary>The nice value .NET gives <see cref="ProcessPriorityClass.High"/> on Unix.</summary>
    public const int HighNice = -11;

    /// <summary>Raises this process (every thread on Linux); false when not allowed.</summary>
    public static bool Raise()
    {
        if (OperatingSystem.IsLinux())
        {
            return RaiseLinuxThreads();
        }

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

    private static bool RaiseLinuxThreads() => CpuAffinity.ForEveryThread(tid => setpriority(PrioProcess, (uint)tid, HighNice));

    private const int PrioProcess = 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, uint who, int prio);
}
