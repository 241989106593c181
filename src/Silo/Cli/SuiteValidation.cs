using WasmBench.Abstractions.Workloads;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Workloads;

namespace WasmBench.Silo.Cli;

/// <summary>Runs each workload once per engine and collects every problem in words a user can act on.</summary>
public static class SuiteValidation
{
    /// <param name="Unsupported">Pairs not run because the engine lacks a proposal the module needs (not a problem).</param>
    public sealed record Outcome(int Checked, int Skipped, IReadOnlyList<string> Problems, int Unsupported = 0);

    public static async Task<Outcome> RunAsync(
        IReadOnlyList<Workload> workloads,
        IReadOnlyList<IBenchmarkEngine> engines,
        IReadOnlyDictionary<string, string> sizeLimits,
        TextWriter output,
        CancellationToken ct)
    {
        var runner = new WorkloadRunner();
        var settings = BenchmarkSettings.Default with { Iterations = 1 };
        var problems = new List<string>();
        int done = 0, skipped = 0, unsupported = 0;
        var total = workloads.Count * engines.Count;
        foreach (var workload in workloads)
        {
            foreach (var engine in engines)
            {
                done++;
                if (Skip(workload, engine, sizeLimits) is { } reason)
                {
                    skipped++;
                    await output.WriteLineAsync($"[{done}/{total}] {workload.Name} on {engine.Info.Id}: skipped ({reason})");
                    continue;
                }

                if (ModuleProposals.Unsupported(workload, engine.Info) is { } lacks)
                {
                    unsupported++;
                    await output.WriteLineAsync($"[{done}/{total}] {workload.Name} on {engine.Info.Id}: unsupported ({lacks})");
                    continue;
                }

                var result = await runner.RunAsync(workload, engine, settings, ct);
                var verdict = result.Problem ?? (result.StdoutVerdict == Abstractions.Results.OutputVerdict.NotChecked ? null : "ok");
                await output.WriteLineAsync($"[{done}/{total}] {workload.Name} on {engine.Info.Id}: {verdict ?? "ran (no expected output)"}");
                if (result.Problem is { } problem)
                {
                    problems.Add($"{workload.Name} on {engine.Info.Id}: {problem}");
                }
            }
        }

        return new Outcome(done - skipped - unsupported, skipped, problems, unsupported);
    }

    private static string? Skip(Workload workload, IBenchmarkEngine engine, IReadOnlyDictionary<string, string> sizeLimits)
    {
        if (engine.Info.Kind == Abstractions.Engines.EngineKind.Native && workload.CSourcePath is null)
        {
            return "no C source";
        }

        if (sizeLimits.TryGetValue(engine.Info.Id, out var size) && !(workload.Args.Count == 1 && workload.Args[0] == size))
        {
            return $"{engine.Info.Id} validates size {size} only";
        }

        return null;
    }
}
