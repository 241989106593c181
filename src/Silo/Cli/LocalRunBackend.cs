using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Cli;

/// <summary>Runs in this process: a private silo (coordinator + runner) on free ports.</summary>
public sealed class LocalRunBackend : IRunBackend
{
    private readonly IHost _host;

    private LocalRunBackend(IHost host) => _host = host;

    /// <param name="remeasure">How many more times a process measured while the machine was disturbed is measured (<c>--remeasure</c>).</param>
    public static async Task<LocalRunBackend> StartAsync(string databasePath, CancellationToken cancellationToken, int remeasure = 0)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        // The runner's word on measuring again goes to stderr, beside the progress on stdout.
        builder.Logging.AddSimpleConsole(o => (o.SingleLine, o.IncludeScopes) = (true, false))
            .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>((category, level) =>
                category == typeof(Runners.Worker.BenchmarkTaskExecutor).FullName && level >= LogLevel.Information);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddWasmBench(new HostSettings(Roles.Coordinator | Roles.Runner, databasePath, SiloPort: 0, GatewayPort: 0, Remeasure: remeasure));
        var host = builder.Build();
        await host.Services.MigrateDatabaseAsync(cancellationToken);
        await host.StartAsync(cancellationToken);
        return new LocalRunBackend(host);
    }

    public Task<Result<StoredRun>> StartAsync(RunRequest request, CancellationToken cancellationToken) =>
        _host.Services.GetRequiredService<RunService>().StartAsync(request, cancellationToken);

    /// <summary>Why <paramref name="request"/> cannot run here, or null: checked without starting anything.</summary>
    public string? Check(RunRequest request) => _host.Services.GetRequiredService<RunPlanner>().Plan(request).Error;

    public Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken) =>
        _host.Services.GetRequiredService<IResultStore>().GetReportAsync(runId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
