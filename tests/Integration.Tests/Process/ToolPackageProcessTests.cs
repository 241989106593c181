using System.Diagnostics;
using System.Net.Http.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Integration.Tests.Process;

/// <summary>
/// The first hour as a new user has it: `dotnet pack src/Silo` makes a .NET tool, `dotnet tool
/// install --tool-path` installs it, and the installed `wasmbench`, started from an empty folder far
/// from the repository, finds its built-in suites, writes its outputs and database in that folder
/// and says where; `serve` started there finds the quick suite and starts its first run.
/// </summary>
[Trait("Category", "Slow")] // Packs a 160 MB tool and installs it.
public sealed class ToolPackageProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_installed_tool_runs_from_an_empty_folder_and_writes_its_outputs_there()
    {
        var root = RepositoryRoot();
        var packages = _dir.File("packages");
        // The build the tests run on (pack defaults to Release, which a test run has not built).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        await RunAsync("dotnet", root, "pack", Path.Combine(root, "src", "Silo"), "--no-build", "-c", configuration, "-o", packages);
        var tools = _dir.File("tools");
        await RunAsync("dotnet", root, "tool", "install", "WasmBench", "--tool-path", tools, "--add-source", packages, "--version", "0.1.0");
        var wasmbench = Path.Combine(tools, "wasmbench");
        var empty = Directory.CreateDirectory(_dir.File("empty")).FullName;

        var output = await RunAsync(wasmbench, empty, "run", "--suite", "smoke", "--engine", "interp", "--iterations", "1", "--processes", "1", "--warmup", "0", "--remeasure", "0", "--json", "out.json");

        Assert.Contains($"wrote {Path.Combine(empty, "out.json")}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(empty, "data", "wasmbench.db")), "the default database is not in ./data of the folder the tool ran in");
        var report = Analysis.Files.RunFile.Read(File.ReadAllText(Path.Combine(empty, "out.json")), "out.json").Value!;
        Assert.Equal(["fib@small", "nbody@small", "sieve@small"], report.Pairs.Select(p => p.Workload).Order(StringComparer.Ordinal));
        Assert.All(report.Pairs, p => Assert.Equal(OutputVerdict.Matched, p.Output));

        var served = Directory.CreateDirectory(_dir.File("served")).FullName;
        var port = WasmbenchProcess.FreePort();
        var info = new ProcessStartInfo(wasmbench) { WorkingDirectory = served, UseShellExecute = false };
        foreach (var arg in new[] { "serve", "--urls", $"http://127.0.0.1:{port}", "--silo-port", "0", "--gateway-port", "0" })
        {
            info.ArgumentList.Add(arg);
        }

        using var service = System.Diagnostics.Process.Start(info)!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            StoredRun? first = null;
            await WasmbenchProcess.WaitUntilAsync(async () =>
            {
                first = await WasmbenchProcess.Answers(client) ? (await client.GetFromJsonAsync<List<StoredRun>>("api/runs", WasmBenchJson.Options))!.FirstOrDefault() : null;
                return first is not null;
            }, TimeSpan.FromMinutes(3), "serve started no first run");
            Assert.Equal("quick", first!.Suite);
            Assert.True(first.TotalTasks > 0, "the first run has no tasks");
            Assert.True(File.Exists(Path.Combine(served, "data", "wasmbench.db")), "serve's database is not in ./data of its folder");
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    public void Dispose() => _dir.Dispose();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WasmBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no WasmBench.sln above the test's folder");
    }

    private static async Task<string> RunAsync(string program, string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var (output, errors) = (await stdout, await stderr);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}\n{errors}");
        return output;
    }
}
