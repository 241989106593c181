using System.Diagnostics;
using System.Net.Sockets;
using WasmBench.Integration.Tests.Process;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>A `wasmbench serve` (or `redis-server`) child that is killed, with its children, when the test ends.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly Task<string> _stderr;
    private bool _disposed;

    private ServeProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static ServeProcess Wasmbench(params string[] args) => Start("dotnet", [WasmbenchProcess.Dll, .. args]);

    public static ServeProcess Start(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new ServeProcess(System.Diagnostics.Process.Start(info)!);
    }

    /// <summary>Waits until something accepts TCP connections on loopback <paramref name="port"/>.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"{_process.StartInfo.FileName} exited with {_process.ExitCode}: {await _stderr}");
            }

            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Fail($"nothing listened on port {port} within {limit}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
