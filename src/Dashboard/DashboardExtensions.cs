using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Summaries;
using WasmBench.Dashboard.Components;
using WasmBench.Dashboard.Data;
using WasmBench.Dashboard.Views;

namespace WasmBench.Dashboard;

/// <summary>Adds the dashboard (Blazor, interactive server rendering) to a web host.</summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddWasmBenchDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.TryAddSingleton<RunNotifications>();
        services.TryAddSingleton<RunStatisticsCache>();
        services.TryAddSingleton<ComparisonCache>();
        services.TryAddSingleton<INodeReader, NoNodes>();
        services.TryAddSingleton<IKnownFailureReader, NoKnownFailures>();
        return services;
    }

    public static WebApplication MapWasmBenchDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/runs/{id:long}/results.csv", (long id, string? phase, IRunReader reader, CancellationToken ct) => DownloadAsync(id, phase, reader, csv: true, ct));
        app.MapGet("/runs/{id:long}/results.json", (long id, string? phase, IRunReader reader, CancellationToken ct) => DownloadAsync(id, phase, reader, csv: false, ct));
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static async Task<IResult> DownloadAsync(long id, string? phase, IRunReader reader, bool csv, CancellationToken ct)
    {
        var report = await reader.GetReportAsync(id, ct);
        if (report is null)
        {
            return Results.NotFound($"there is no run {id}");
        }

        var p = Enum.TryParse<Phase>(phase, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : Phase.Execution;
        var rows = RunDownloads.Rows(RunStatistics.Of(report), p);
        var name = $"run-{id}-{p.ToString().ToLowerInvariant()}";
        return csv
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(RunDownloads.Csv(rows)), "text/csv", $"{name}.csv")
            : Results.Json(rows, WasmBenchJson.Options, "application/json");
    }
}
