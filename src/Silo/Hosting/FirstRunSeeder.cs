using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// On an empty database, starts a run of the `quick` suite on the default configuration of every
/// available engine family (`wasmtime`, `native`, `interp`, `node`, `jsc`, `wasm2c`, ...: the ids
/// without a tier), so a newcomer sees a comparison within minutes of the first `serve`.
/// </summary>
public sealed class FirstRunSeeder(IResultStore store, RunService runs, EngineCatalog catalog, ILogger<FirstRunSeeder> logger) : BackgroundService
{
    public const string Suite = "quick";

    public const int Iterations = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await store.AnyRunAsync(stoppingToken))
        {
            return;
        }

        // A first impression, not a measurement to gate on: few iterations, one warm-up, and each
        // family's default configuration only (every tier of every engine would take long).
        string[] engines = [.. catalog.BenchmarkEngines.Where(e => e.Info.Identity.Variant.Length == 0).Select(e => e.Id)];
        var started = await runs.StartAsync(new RunRequest(Suite, engines, Iterations, "first-run", Warmup: 1), stoppingToken);
        if (started.Succeeded)
        {
            logger.LogInformation("Empty database: started run {RunId} of the '{Suite}' suite on {Engines}", started.Value.Id, Suite, string.Join(", ", started.Value.Engines));
        }
        else
        {
            logger.LogWarning("Empty database, but the first run could not start: {Error}", started.Error);
        }
    }
}
