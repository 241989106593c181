using System.Diagnostics;
using System.Text;

namespace WasmBench.Runners.Sandbox;

/// <summary>What waiting for a line gave: the line, or that the child stopped answering in time or ended.</summary>
internal sealed record LineReply(string? Line, bool TimedOut, bool Ended);

/// <summary>
/// A long-lived child process spoken to in lines on stdin/stdout (the JS host), stderr kept (the
/// last 64 KiB). Started like <see cref="ChildProcess"/> (the same bubblewrap policy, from
/// <see cref="ChildStart"/>), from the launcher thread; its scratch folder is the launch's, which it
/// removes when it ends. <see cref="ChildLaunch.Deadline"/> bounds its whole life. Disposing kills
/// the sandbox, and with its pid namespace everything the child started.
/// </summary>
internal sealed class LineProtocolChild : IDisposable
{
    private const int StderrCap = 64 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;
    private readonly string _scratchDirectory;
    private readonly CancellationTokenSource _lifetime;

    private LineProtocolChild(Process process, string scratchDirectory, TimeSpan lifetime)
    {
        _process = process;
        _scratchDirectory = scratchDirectory;
        _stderrPump = Task.Run(PumpStderrAsync);
        _lifetime = new CancellationTokenSource(lifetime);
        _lifetime.Token.Register(Kill);
    }

    /// <summary>Starts the child sandboxed, or says why it cannot (no bubblewrap and no opt-out).</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The sandbox could not be started.</exception>
    public static async Task<(LineProtocolChild? Child, string? Refused)> StartAsync(ChildLaunch launch)
    {
        if (ChildProcess.Unavailable is { } why)
        {
            return (null, why);
        }

        var info = ChildStart.Info(launch);
        info.StandardOutputEncoding = Encoding.UTF8;
        var process = await LauncherThread.StartAsync(info);
        return (new LineProtocolChild(process, launch.ScratchDirectory, launch.Deadline), null);
    }

    /// <summary>The child's stderr so far (its tail).</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The exit code once the child has ended, else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The child has gone; the next read reports it.
        }
    }

    /// <summary>The next stdout line within <paramref name="timeout"/>. Cancellation kills the child and throws.</summary>
    public async Task<LineReply> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var line = await _process.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                await _process.WaitForExitAsync(CancellationToken.None);
                await _stderrPump;
            }

            return new LineReply(line, false, line is null);
        }
        catch (OperationCanceledException)
        {
            Kill();
            cancellationToken.ThrowIfCancellationRequested();
            return new LineReply(null, true, false);
        }
    }

    public void Dispose()
    {
        _lifetime.Dispose();
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_scratchDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Already gone, or held by a child being torn down: the temp folder is cleaned anyway.
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
    }

    private async Task PumpStderrAsync()
    {
        var buffer = new char[4096];
        int n;
        while ((n = await _process.StandardError.ReadAsync(buffer)) > 0)
        {
            lock (_stderr)
            {
                _stderr.Append(buffer, 0, n);
                if (_stderr.Length > StderrCap)
                {
                    _stderr.Remove(0, _stderr.Length - StderrCap);
                }
            }
        }
    }
}
