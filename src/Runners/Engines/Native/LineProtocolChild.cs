using System.Diagnostics;
using System.Text;

namespace WasmBench.Runners.Engines.Native;

/// <summary>What waiting for a line gave: the line, or that the child stopped answering in time or ended.</summary>
internal sealed record LineReply(string? Line, bool TimedOut, bool Ended);

/// <summary>
/// A long-lived child process spoken to in lines on stdin/stdout (the JS host), stderr kept (the
/// last 64 KiB). Like <see cref="ChildProcess"/>, the one place such children start, so a sandbox
/// can wrap both. Disposing kills the whole process tree.
/// </summary>
internal sealed class LineProtocolChild : IDisposable
{
    private const int StderrCap = 64 * 1024;

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;

    private LineProtocolChild(Process process)
    {
        _process = process;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>Starts the child; a missing or unstartable executable is an exception of the caller's to turn into a result.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The executable could not be started.</exception>
    public static LineProtocolChild Start(string fileName, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        return new LineProtocolChild(process);
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
        Kill();
        _process.Dispose();
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
