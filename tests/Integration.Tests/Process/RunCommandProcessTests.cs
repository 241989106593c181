using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Integration.Tests.Process;

/// <summary>The acceptance commands of the walking skeleton, as a user types them.</summary>
public sealed class RunCommandProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task RunPrintsTheTableAndWritesEverySampleAsJson()
    {
        var json = _dir.File("out.json");
        var (code, stdout, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(3),
            "run", "--suite", "smoke", "--engine", "wasmtime,native", "--iterations", "2", "--processes", "2", "--warmup", "1", "--remeasure", "0", "--json", json, "--db", _dir.File("run.db"));

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Matches(@"(?m)^workload\s+wasmtime\s+native$", stdout);
        Assert.Matches(@"(?m)^fib@small\s+\S+ \S+ \(\d+\.\d\dx\)\s+\S+ \S+ \(\d+\.\d\dx\)$", stdout);
        Assert.Contains("[6/6]", stdout);

        var report = JsonSerializer.Deserialize<RunReport>(await File.ReadAllTextAsync(json), WasmBenchJson.Options)!;
        Assert.Equal(RunState.Completed, report.Run.State);
        Assert.Equal(6, report.Tasks.Count);
        Assert.All(report.Tasks, t => Assert.Equal(OutputVerdict.Matched, t.Output));
        // A pair is reported once with the samples of both processes: (1 warm-up + 2) iterations each.
        Assert.Equal(2, report.Run.Processes);
        Assert.NotNull(report.Run.Seed);
        // Each process also times the machine reference before its first and after its last iteration.
        Assert.All(report.Tasks.Where(t => t.Engine == "wasmtime"), t => Assert.Equal((2 * 3 * 3) + (2 * 2), t.Samples.Count));
        Assert.All(report.Tasks.Where(t => t.Engine == "wasmtime"), t => Assert.Equal(2 * 3, t.Samples.Count(s => s.Warmup)));
        Assert.All(report.Tasks.Where(t => t.Engine == "native"), t => Assert.Equal((2 * 3) + (2 * 2), t.Samples.Count));
        Assert.All(report.Tasks, t => Assert.Equal([0, 0, 1, 1], t.Samples.Where(s => s.Phase == Phase.Reference).Select(s => s.Iteration).Order()));
        Assert.All(report.Tasks, t => Assert.All(t.Samples.Where(s => s.Phase == Phase.Reference), s => Assert.InRange(s.Nanoseconds, 100_000, 5_000_000_000)));
        Assert.All(report.Tasks, t => Assert.Equal([0, 1], t.Samples.Select(s => s.Process).Distinct().Order()));
        Assert.True(File.Exists(_dir.File("run.db")));
    }

    [Fact]
    public async Task AnUnknownEngineExitsTwoAndListsTheAvailableEngines()
    {
        var (code, _, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(1),
            "run", "--suite", "quick", "--engine", "nosuch", "--db", _dir.File("run.db"));

        Assert.Equal(2, code);
        // Every available configuration, in order: the Wasmtime tiers and the other families among them.
        var listed = System.Text.RegularExpressions.Regex.Match(stderr, "(?m)available engines: (.*)$").Groups[1].Value.Split(", ");
        Assert.Subset(listed.ToHashSet(), new HashSet<string> { "interp", "native", "wasmtime", "wasmtime:opt=none", "wasmtime:winch", "wasmtime:pulley" });
        Assert.Equal(listed.Order(), listed);
    }

    public void Dispose() => _dir.Dispose();
}
