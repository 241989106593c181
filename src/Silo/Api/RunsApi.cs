using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Reports;
using WasmBench.Analysis.Summaries;
using WasmBench.Runners.Engines;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Api;

/// <summary>The JSON API under /api.</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/engines", (EngineCatalog catalog) => catalog.All.Select(e => new
        {
            e.Info.Id,
            Name = e.Info.Identity.Family,
            e.Info.Identity.Variant,
            e.Info.Identity.Version,
            e.Info.Identity.Build,
            e.Info.Kind,
            e.Availability.IsAvailable,
            e.Availability.Reason,
        }));
        api.MapGet("/runs", async (IResultStore store, int? limit, CancellationToken ct) =>
            await store.ListRunsAsync(Math.Clamp(limit ?? 50, 1, 1000), ct));
        api.MapGet("/runs/{id:long}", async (long id, IResultStore store, CancellationToken ct) =>
            await store.GetReportAsync(id, ct) is { } run
                ? Results.Ok(run)
                : Results.NotFound(new ApiError($"run {id} does not exist")));
        api.MapGet("/runs/{id:long}/statistics", async (long id, IResultStore store, CancellationToken ct) =>
            await store.GetReportAsync(id, ct) is { } run
                ? Results.Ok(StatisticsView.Of(RunStatistics.Of(run)))
                : Results.NotFound(new ApiError($"run {id} does not exist")));
        api.MapGet("/compare/{baseline}/{candidate}", CompareAsync);
        api.MapPost("/runs", StartRunAsync).AddEndpointFilter<ApiTokenFilter>();
        return app;
    }

    /// <summary>Two stored runs (ids or labels) compared as `wasmbench compare` does; the body is its --json report.</summary>
    private static async Task<IResult> CompareAsync(string baseline, string candidate, IResultStore store, string? threshold, string? phase, string? reference, CancellationToken ct)
    {
        var options = ComparisonOptions.Parse(threshold ?? ComparisonOptions.Default.Threshold, phase ?? "execution", reference ?? "adjust");
        if (!options.Succeeded)
        {
            return Results.BadRequest(new ApiError(options.Error));
        }

        var b = await RunLookup.FindAsync(store, baseline, "this service", ct);
        var c = await RunLookup.FindAsync(store, candidate, "this service", ct);
        if (!b.Succeeded || !c.Succeeded)
        {
            return Results.NotFound(new ApiError(b.Error ?? c.Error!));
        }

        var compared = RunComparer.Compare(b.Value, c.Value, options.Value);
        return compared.Succeeded
            ? Results.Text(JsonReport.Render(compared.Value), "application/json")
            : Results.BadRequest(new ApiError(compared.Error));
    }

    /// <summary>The body is a <see cref="RunRequest"/>: what is absent takes the request's defaults (one process, no warm-up).</summary>
    private static async Task<IResult> StartRunAsync(RunRequest? request, RunService runs, CancellationToken ct)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Suite))
        {
            return Results.BadRequest(new ApiError("the body needs a 'suite' (a suite name such as 'quick', or a path)"));
        }

        var started = await runs.StartAsync(request.Normalized(), ct);
        return started.Succeeded
            ? Results.Created($"/api/runs/{started.Value.Id}", started.Value)
            : Results.BadRequest(new ApiError(started.Error));
    }
}
