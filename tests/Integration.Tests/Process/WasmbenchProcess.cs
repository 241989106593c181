using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WasmBench.Integration.Tests.Process;

/// <summary>Runs the real `wasmbench` executable (the build output next to the tests) as a child process.</summary>
public static class WasmbenchProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "wasmbench.dll");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan limit, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"wasmbench {string.Join(' ', args)} did not finish within {limit}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts `wasmbench` with <paramref name="args"/>, its output going to the test's console.</summary>
    public static System.Diagnostics.Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return System.Diagnostics.Process.Start(info)!;
    }

    /// <summary>True once a service answers GET /api/runs.</summary>
    public static async Task<bool> Answers(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("api/runs")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after <paramref name="limit"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string failure)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within {limit}");
            await Task.Delay(200);
        }
    }

    /// <summary>A loopback TCP port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
