using System.Collections.Concurrent;
using System.Diagnostics;

namespace WasmBench.Runners.Sandbox;

/// <summary>
/// Starts every child from one thread that lives as long as the process. bwrap's
/// <c>--die-with-parent</c> (PR_SET_PDEATHSIG) fires when the thread that forked it ends, and
/// thread-pool threads end whenever the pool shrinks: from a pool thread, healthy children were
/// killed at random. From this thread, a child dies only when this process does.
/// </summary>
internal static class LauncherThread
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = [];

    static LauncherThread()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "wasmbench child launcher" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task;
    }

    private static void Serve()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}"));
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                started.SetException(e);
            }
        }
    }
}
