using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// On an empty database, starts a run of the `quick` suite on every available engine, so a
/// newcomer sees a comparison within minutes of the first `serve`.
/// </summary>
public sealed class FirstRunSeeder(IResultStore store, RunService runs, ILogger<FirstRunSeeder> logger) : BackgroundService
{
    public const string Suite = "quick";

    public const int Iterations = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await store.AnyRunAsync(stoppingToken))
        {
            return;
        }

        // A first impression, not a measurement to gate on: few iterations, one warm-up.
        var started = await runs.StartAsync(new RunRequest(Suite, [], Iterations, "first-run", Warmup: 1), stoppingToken);
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
