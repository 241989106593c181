using System.Diagnostics;

namespace WasmBench.Runners.Sandbox;

/// <summary>How a child process ended: its exit code and (capped) output, that it was killed at the deadline, or why it never started.</summary>
public sealed record ChildProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, string? Refused = null, bool OutputTruncated = false)
{
    public static ChildProcessResult NotStarted(string why) => new(-1, "", "", false, why);
}

/// <summary>
/// The one way WasmBench starts a child process: sandboxed with bubblewrap (see <see cref="Bubblewrap"/>),
/// with rlimits, capped output, stdin closed, a wall-clock deadline, and the whole sandbox killed at the
/// end. Without bubblewrap it refuses (a <see cref="ChildProcessResult.Refused"/> reason), unless the
/// operator set <c>WASMBENCH_UNSANDBOXED=1</c>: then the child runs with the same empty environment
/// and rlimits but sees the whole file system.
/// </summary>
public static class ChildProcess
{
    /// <summary>Starts <paramref name="program"/> sandboxed; see <see cref="RunAsync(ChildLaunch, CancellationToken)"/>.</summary>
    public static Task<ChildProcessResult> RunAsync(
        string program, IEnumerable<string> args, string? workloadFolder, string scratchDirectory, SandboxLimits limits, TimeSpan deadline, CancellationToken cancellationToken) =>
        RunAsync(new ChildLaunch(program, [.. args], workloadFolder, scratchDirectory, limits, deadline), cancellationToken);

    /// <summary>Why no child can start here (no Linux, no bubblewrap and no opt-out), or null.</summary>
    public static string? Unavailable =>
        !OperatingSystem.IsLinux() ? "sandboxed child processes need Linux (bubblewrap)"
        : !Bubblewrap.OptedOut && !File.Exists(Bubblewrap.ExecutablePath)
            ? $"bubblewrap ({Bubblewrap.ExecutablePath}) is not installed, so this child cannot run sandboxed: install Debian 'bubblewrap', or set {Bubblewrap.OptOutVariable}=1 to run children unsandboxed (unsafe with untrusted workloads; docs/security.md)"
            : null;

    public static async Task<ChildProcessResult> RunAsync(ChildLaunch launch, CancellationToken cancellationToken)
    {
        if (Unavailable is { } why)
        {
            return ChildProcessResult.NotStarted(why);
        }

        using var process = await LauncherThread.StartAsync(ChildStart.Info(launch));
        var stdout = CappedText.ReadAsync(process.StandardOutput.BaseStream, launch.Limits.OutputBytes);
        var stderr = CappedText.ReadAsync(process.StandardError.BaseStream, launch.Limits.OutputBytes);
        try
        {
            if (launch.Stdin is { } input)
            {
                await process.StandardInput.WriteAsync(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its exit code says why.
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(launch.Deadline);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                // Killing bwrap ends its pid namespace, and with it every process the child started.
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the deadline and the kill.
            }

            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var (outText, outDropped) = await stdout;
        var (errText, errDropped) = await stderr;
        return new ChildProcessResult(process.ExitCode, outText, errText, timedOut, null, outDropped + errDropped > 0);
    }
}
