using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Storage;

namespace WasmBench.Integration.Tests.Browser;

/// <summary>
/// A history written through the real result store: benchmark runs of one label in which one
/// workload on one engine steps up by 40% at a known run (the planted change point), and two spec
/// runs with a failing assertion that the second fixes.
/// </summary>
public sealed record SeededHistory(IReadOnlyList<long> BenchmarkRuns, long StepRun, long SpecBefore, long SpecAfter)
{
    public const string Label = "history";
    public const string StepWorkload = "fib@small";
    public const string StepEngine = "wasmtime";
    public static readonly string[] Workloads = ["fib@small", "sieve@small", "nbody@small"];
    public static readonly string[] Engines = ["native", "wasmtime", "interp"];

    private static readonly MachineFingerprint Machine = new("seeded-1", "Seeded CPU @ 3.0GHz", 2, "Linux", ".NET 10");

    public static async Task<SeededHistory> WriteAsync(IResultStore store, int runs = 16, int stepAt = 10, int processes = 3, int iterations = 10)
    {
        var ids = new List<long>();
        var random = new Random(7);
        for (var r = 0; r < runs; r++)
        {
            var pairs = (from w in Workloads from e in Engines select (w, e)).ToList();
            var run = await store.CreateRunAsync(StoredRun.Planned(new RunRequest("quick", Engines, iterations, Label, Processes: processes), Engines, pairs.Count * processes), CancellationToken.None);
            var index = 0;
            foreach (var (workload, engine) in pairs)
            {
                var baseNs = (Array.IndexOf(Workloads, workload) + 1) * 1e6 * engine switch { "native" => 1, "wasmtime" => 1.6, _ => 30 };
                var level = workload == StepWorkload && engine == StepEngine && r >= stepAt ? 1.4 : 1.0;
                for (var p = 0; p < processes; p++)
                {
                    var samples = Enumerable.Range(0, iterations).Select(i => new Sample(Phase.Execution, p, i, (long)(baseNs * level * (1 + (0.02 * random.NextDouble()))))).ToList();
                    samples.Add(new Sample(Phase.Compilation, p, 0, (long)(baseNs / 4)));
                    await store.SaveTaskResultAsync(new TaskResult(run.Id, index++, EngineIdentity.Unknown(engine) with { Version = "1.0" }, workload, Machine, samples, [], OutputVerdict.Matched, null), CancellationToken.None);
                }
            }

            await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = index }, CancellationToken.None);
            ids.Add(run.Id);
        }

        var before = await SpecAsync(store, failing: true);
        var after = await SpecAsync(store, failing: false);
        return new SeededHistory(ids, ids[stepAt], before, after);
    }

    private static async Task<long> SpecAsync(IResultStore store, bool failing)
    {
        (string Script, string Engine, int Passed, int Failed, int Skipped)[] scripts =
        [
            ("i32.wast", "interp", 374, 0, 0), ("f32.wast", "interp", failing ? 2512 : 2514, failing ? 2 : 0, 0), ("simd_i8x16_arith.wast", "interp", 0, 0, 120),
            ("i32.wast", "wasmtime", 374, 0, 0), ("f32.wast", "wasmtime", 2514, 0, 0), ("simd_i8x16_arith.wast", "wasmtime", 120, 0, 0),
        ];
        var run = await store.CreateRunAsync(StoredRun.Planned(new RunRequest("wasm-2.0", ["interp", "wasmtime"], 1, "spec", Kind: RunKind.Spec), ["interp", "wasmtime"], scripts.Length), CancellationToken.None);
        var index = 0;
        foreach (var s in scripts)
        {
            var failures = Enumerable.Range(0, s.Failed).Select(i => new SpecFailure(1000 + i, "assert_return", "f32:nan:canonical", "f32:0x7fa00000", "seeded: result is not a canonical NaN")).ToList();
            await store.SaveTaskResultAsync(new TaskResult(run.Id, index++, EngineIdentity.Unknown(s.Engine) with { Version = "1.0" }, s.Script, Machine, [], [], OutputVerdict.NotChecked, null,
                new SpecScriptResult(s.Script, s.Passed, s.Failed, s.Skipped, 0, failures)), CancellationToken.None);
        }

        await store.UpdateRunAsync(run with { State = RunState.Completed, CompletedTasks = index }, CancellationToken.None);
        return run.Id;
    }
}
