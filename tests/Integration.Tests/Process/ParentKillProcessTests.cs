using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Integration.Tests.Host;

namespace WasmBench.Integration.Tests.Process;

/// <summary>
/// A kill -9 of the real `wasmbench run` or `serve` while its measuring child runs an endless loop:
/// the child dies with it and leaves nothing in the temp folder (its scratch folder is a tmpfs
/// inside the sandbox, its request came on stdin). The parent's temp folder is one of the test's,
/// so every process that carries it in its command line or environment is one of this run's.
/// </summary>
[Trait("Category", "Slow")] // Two real services start and wait for their measuring child (about 20 s each under load).
public sealed class ParentKillProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_killed_run_leaves_no_measuring_child_and_no_file()
    {
        var suite = EndlessWorkload();
        using var parent = Start(["run", "--suite", suite, "--engine", "interp", "--iterations", "1", "--processes", "1", "--warmup", "0", "--remeasure", "0", "--db", _dir.File("run.db")]);

        await KillOnceMeasuringAsync(parent);

        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task A_killed_service_leaves_no_measuring_child_and_no_file()
    {
        var suite = EndlessWorkload();
        var port = WasmbenchProcess.FreePort();
        using var parent = Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--db", _dir.File("serve.db"), "--silo-port", "0", "--gateway-port", "0", "--no-seed", "--suite-root", _dir.Path]);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        await WasmbenchProcess.WaitUntilAsync(async () => await WasmbenchProcess.Answers(client), TimeSpan.FromMinutes(2), "the service did not answer");
        var response = await client.PostAsJsonAsync("api/runs", new RunRequest(suite, ["interp"], 1), WasmBenchJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await KillOnceMeasuringAsync(parent);

        await AssertNothingLeftAsync();
    }

    public void Dispose() => _dir.Dispose();

    private string Temp => _dir.File("tmp");

    private string EndlessWorkload()
    {
        var folder = Directory.CreateDirectory(_dir.File("endless")).FullName;
        WatWorkload.Assemble(Path.Combine(folder, "benchmark.wasm"), """
            (module (memory (export "memory") 1) (func (export "_start") (loop $forever (br $forever))))
            """);
        return folder;
    }

    private System.Diagnostics.Process Start(string[] args)
    {
        Directory.CreateDirectory(Temp);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        info.ArgumentList.Add(WasmbenchProcess.Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TMPDIR"] = Temp;
        return System.Diagnostics.Process.Start(info)!;
    }

    private async Task KillOnceMeasuringAsync(System.Diagnostics.Process parent)
    {
        await WasmbenchProcess.WaitUntilAsync(() => Task.FromResult(Marked().Any(p => p.CommandLine.Contains(" measure ", StringComparison.Ordinal))), TimeSpan.FromMinutes(2),
            "no measuring child started");
        parent.Kill(entireProcessTree: false); // SIGKILL of the parent alone
        await parent.WaitForExitAsync();
    }

    private async Task AssertNothingLeftAsync()
    {
        // The kernel tears the sandbox down once bwrap's parent is gone; give it a moment, not forever.
        for (var i = 0; i < 100 && Marked().Count > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Marked().Select(p => $"{p.Pid}: {p.CommandLine}"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp, "wasmbench-*"));
    }

    /// <summary>The processes whose command line or environment holds this test's temp folder.</summary>
    private List<(int Pid, string CommandLine)> Marked()
    {
        var found = new List<(int, string)>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Replace('\0', ' ');
                if (commandLine.Contains(Temp, StringComparison.Ordinal) || environment.Contains(Temp, StringComparison.Ordinal))
                {
                    found.Add((pid, commandLine));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended while we looked.
            }
        }

        return found;
    }
}
