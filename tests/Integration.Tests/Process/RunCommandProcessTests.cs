using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Integration.Tests.Process;

/// <summary>The acceptance commands of the walking skeleton, as a user types them.</summary>
public sealed class RunCommandProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Run_prints_the_table_and_writes_every_sample_as_JSON()
    {
        var json = _dir.File("out.json");
        var (code, stdout, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(3),
            "run", "--suite", "smoke", "--engine", "wasmtime,native", "--iterations", "2", "--processes", "2", "--warmup", "1", "--remeasure", "0", "--json", json, "--db", _dir.File("run.db"));

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Matches(@"(?m)^workload\s+wasmtime\s+native$", stdout);
        Assert.Matches(@"(?m)^fib@small\s+\S+ \S+ \(\d+\.\d\dx\)\s+\S+ \S+ \(\d+\.\d\dx\)$", stdout);
        // Progress counts tasks (3 workloads x 2 engines x 2 processes), as the dashboard and the API do.
        Assert.Contains("[12/12 tasks]", stdout);
        Assert.Contains("12 tasks ok, 0 failed", stdout);

        var report = Analysis.Files.RunFile.Read(await File.ReadAllTextAsync(json), json).Value!;
        Assert.Equal(RunState.Completed, report.Run.State);
        Assert.Equal(6, report.Pairs.Count);
        Assert.All(report.Pairs, t => Assert.Equal(OutputVerdict.Matched, t.Output));
        // A pair is reported once with the samples of both processes: (1 warm-up + 2) iterations each.
        Assert.Equal(2, report.Run.Processes);
        Assert.NotNull(report.Run.Seed);
        // Each process also times the machine reference before its first and after its last iteration.
        Assert.All(report.Pairs, t => Assert.Equal(2, t.Tasks));
        Assert.All(report.Pairs.Where(t => t.EngineId == "wasmtime"), t => Assert.Equal(2 * 3 * 3, t.Samples.Count));
        Assert.All(report.Pairs.Where(t => t.EngineId == "wasmtime"), t => Assert.Equal(2 * 3, t.Samples.Count(s => s.Warmup)));
        Assert.All(report.Pairs.Where(t => t.EngineId == "native"), t => Assert.Equal(2 * 3, t.Samples.Count));
        Assert.All(report.Pairs, t => Assert.Equal(
            [(0, ProcessEventKind.MachineReferenceBefore), (0, ProcessEventKind.MachineReferenceAfter), (1, ProcessEventKind.MachineReferenceBefore), (1, ProcessEventKind.MachineReferenceAfter)],
            t.Events.Select(e => (e.Process, e.Kind)).Order()));
        Assert.All(report.Pairs, t => Assert.All(t.Events, e => Assert.InRange(e.Nanoseconds, 100_000, 5_000_000_000)));
        Assert.All(report.Pairs, t => Assert.Equal([0, 1], t.Samples.Select(s => s.Process).Distinct().Order()));
        Assert.True(File.Exists(_dir.File("run.db")));
    }

    [Fact]
    public async Task A_variant_of_an_engine_is_planned_by_the_runner_and_measured_by_its_child()
    {
        var json = _dir.File("variant.json");
        var (code, stdout, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(3),
            "run", "--suite", "smoke", "--engine", "wasmtime:opt=none", "--iterations", "1", "--processes", "1", "--remeasure", "0", "--json", json, "--db", _dir.File("variant.db"));

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Matches(@"(?m)^workload\s+wasmtime:opt=none$", stdout);
        var report = Analysis.Files.RunFile.Read(await File.ReadAllTextAsync(json), json).Value!;
        Assert.All(report.Pairs, p => Assert.Equal(("wasmtime", "opt=none", OutputVerdict.Matched), (p.Engine.Family, p.Engine.Variant, p.Output)));
    }

    [Fact]
    public async Task An_unknown_engine_exits_two_and_lists_the_available_engines()
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
