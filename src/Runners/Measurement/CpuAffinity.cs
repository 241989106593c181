using System.Runtime.InteropServices;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// Which CPUs the threads of this process may run on (Linux; elsewhere every call is a no-op that
/// reports failure). On Linux an affinity mask belongs to a thread, so "the process" means every
/// thread listed in /proc/self/task; threads started later inherit the mask of the thread that
/// starts them.
/// </summary>
public static class CpuAffinity
{
    private const int MaskBytes = 128; // cpu_set_t: 1024 CPUs
    private const int Esrch = 3;

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>The CPUs the calling thread may run on, ascending; empty when unknown.</summary>
    public static IReadOnlyList<int> Current()
    {
        if (!IsSupported)
        {
            return [];
        }

        var mask = new byte[MaskBytes];
        if (sched_getaffinity(0, (nuint)MaskBytes, mask) != 0)
        {
            return [];
        }

        var cpus = new List<int>();
        for (var cpu = 0; cpu < MaskBytes * 8; cpu++)
        {
            if ((mask[cpu / 8] & (1 << (cpu % 8))) != 0)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }

    /// <summary>Restricts every thread of this process to <paramref name="cpus"/>; false when any could not be set.</summary>
    public static bool SetForAllThreads(IReadOnlyCollection<int> cpus)
    {
        if (!IsSupported || cpus.Count == 0)
        {
            return false;
        }

        var mask = new byte[MaskBytes];
        foreach (var cpu in cpus)
        {
            if (cpu < 0 || cpu >= MaskBytes * 8)
            {
                return false;
            }

            mask[cpu / 8] |= (byte)(1 << (cpu % 8));
        }

        return ForEveryThread(tid => sched_setaffinity(tid, (nuint)MaskBytes, mask));
    }

    /// <summary>
    /// Calls <paramref name="syscall"/> (0 on success, errno set otherwise) for every thread of this
    /// process; false when any call failed. A thread that ends between the listing and its call
    /// (ESRCH) is not a failure.
    /// </summary>
    internal static bool ForEveryThread(Func<int, int> syscall)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories("/proc/self/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var all = true;
        foreach (var task in tasks)
        {
            if (int.TryParse(Path.GetFileName(task), out var tid) && syscall(tid) != 0 && Marshal.GetLastPInvokeError() != Esrch)
            {
                all = false;
            }
        }

        return all;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_getaffinity(int pid, nuint size, byte[] mask);

    [DllImport("libc", SetLastError = true)]
    private static extern int sched_setaffinity(int pid, nuint size, byte[] mask);
}
