using System.Diagnostics;

namespace WasmBench.Integration.Tests.Process;

/// <summary>Without bubblewrap a child engine never runs unsandboxed: native is unavailable, saying what to install.</summary>
public sealed class SandboxMissingProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Without_bubblewrap_native_is_unavailable_saying_what_to_install()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { WasmbenchProcess.Dll, "run", "--suite", "smoke", "--engine", "native", "--processes", "1", "--iterations", "1", "--warmup", "0", "--remeasure", "0", "--db", _dir.File("r.db") })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["WASMBENCH_BWRAP"] = _dir.File("no-bwrap-here");
        info.Environment["WASMBENCH_NATIVE_CACHE"] = _dir.File("cache");
        using var run = System.Diagnostics.Process.Start(info)!;
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await run.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.Contains("is not installed, so this child cannot run sandboxed: install Debian 'bubblewrap'", output, StringComparison.Ordinal);
        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(_dir.File("cache")));
    }

    public void Dispose() => _dir.Dispose();
}
