using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Files;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Files;

/// <summary>The file `run --json` writes: read back whole, and files of the first version still read.</summary>
public sealed class RunFileTests
{
    /// <summary>What `run --json` wrote before pairs, engine identities and process events (one wasmtime pair, one process).</summary>
    private const string FirstVersion = """
        {
          "run": { "id": 12, "kind": "benchmark", "suite": "quick", "label": "main", "engines": ["wasmtime:opt=none"], "iterations": 2,
                   "state": "completed", "totalTasks": 1, "completedTasks": 1, "failedTasks": 0, "error": null,
                   "createdAt": "2026-11-24T00:00:00+00:00", "finishedAt": "2026-11-24T00:01:00+00:00", "processes": 1, "warmup": 0, "seed": null },
          "tasks": [
            { "workload": "fib@small", "engine": "wasmtime", "engineVersion": "50.0.1", "engineFlags": "opt=none",
              "machine": { "host": "ci-1", "cpuModel": "cpu", "cores": 2, "os": "linux", "runtime": ".NET 10", "hash": "0123" },
              "output": "matched", "error": null,
              "samples": [
                { "phase": "execution", "process": 0, "iteration": 0, "nanoseconds": 100, "warmup": false },
                { "phase": "reference", "process": 0, "iteration": 0, "nanoseconds": 7000000, "warmup": false },
                { "phase": "execution", "process": 0, "iteration": 1, "nanoseconds": 300, "warmup": false },
                { "phase": "reference", "process": 0, "iteration": 1, "nanoseconds": 7100000, "warmup": false }
              ],
              "spec": null, "engineId": "wasmtime:opt=none", "medianExecutionNs": 200 }
          ]
        }
        """;

    [Fact]
    public void A_run_reads_back_as_it_was_written()
    {
        var run = Run(7, "main", Task("fib", "wasmtime:opt=none", 1e6, 1, processes: 2, iterations: 3, referenceNs: 7e6));

        var read = RunFile.Read(RunFile.Write(run), "run.json");

        Assert.True(read.Succeeded, read.Error);
        Assert.Contains("\"format\": \"wasmbench-run/2\"", RunFile.Write(run));
        Assert.Equal(run.Run with { Engines = [], Notes = [] }, read.Value.Run with { Engines = [], Notes = [] });
        var (written, back) = (Assert.Single(run.Pairs), Assert.Single(read.Value.Pairs));
        Assert.Equal(written.Engine, back.Engine);
        Assert.Equal(written.Samples, back.Samples);
        Assert.Equal(written.Events, back.Events);
        Assert.Equal(written.Machine, back.Machine);
    }

    [Fact]
    public void A_file_of_the_first_version_reads_with_its_machine_reference_as_events()
    {
        var read = RunFile.Read(FirstVersion, "main.json");

        Assert.True(read.Succeeded, read.Error);
        var pair = Assert.Single(read.Value.Pairs);
        Assert.Equal(new EngineIdentity("wasmtime", "opt=none", "50.0.1"), pair.Engine);
        Assert.Equal([Phase.Execution, Phase.Execution], pair.Samples.Select(s => s.Phase));
        Assert.Equal([new ProcessEvent(ProcessEventKind.MachineReferenceBefore, 0, 7_000_000), new ProcessEvent(ProcessEventKind.MachineReferenceAfter, 0, 7_100_000)], pair.Events);
        Assert.Equal(1, pair.Tasks);
        Assert.Equal("ci-1", pair.Machine?.Host);
        Assert.Equal(12, read.Value.Run.Id);
    }

    [Theory]
    [InlineData("{\"name\": \"a package.json\", \"version\": \"1.0.0\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("not json at all")]
    public void A_foreign_file_is_not_a_run(string text)
    {
        var read = RunFile.Read(text, "foreign.json");

        Assert.False(read.Succeeded);
        Assert.Contains("foreign.json is not a run written by 'wasmbench run --json'", read.Error);
    }
}
