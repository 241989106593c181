using System.Diagnostics;

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
}
