using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Reports;
using WasmBench.Analysis.Summaries;
using WasmBench.Runners.Engines;
using WasmBench.Silo.Planning;
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
            e.Info.Name,
            e.Info.Version,
            e.Info.Kind,
            e.Availability.IsAvailable,
            e.Availability.Reason,
        }));
        api.MapGet("/runs", async (IResultStore store, int? limit, CancellationToken ct) =>
            await store.ListRunsAsync(Math.Clamp(limit ?? 50, 1, 1000), ct));
        api.MapGet("/runs/{id:long}", async (long id, IResultStore store, CancellationToken ct) =>
            await store.GetRunAsync(id, ct) is { } run
                ? Results.Ok(run)
                : Results.NotFound(new ApiError($"run {id} does not exist")));
        api.MapGet("/runs/{id:long}/statistics", async (long id, IResultStore store, CancellationToken ct) =>
            await store.GetRunAsync(id, ct) is { } run
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

        var outcome = RunComparer.Compare(b.Value, c.Value, options.Value);
        return outcome.Report is { } report
            ? Results.Text(JsonReport.Render(report), "application/json")
            : Results.BadRequest(new ApiError(outcome.Error!));
    }

    private static async Task<IResult> StartRunAsync(RunRequestBody? body, RunService runs, CancellationToken ct)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Suite))
        {
            return Results.BadRequest(new ApiError("the body needs a 'suite' (a suite name such as 'quick', or a path)"));
        }

        var started = await runs.StartAsync(body.ToRequest(), ct);
        if (!started.Started)
        {
            return Results.BadRequest(new ApiError(started.Plan.Error!));
        }

        var url = $"/api/runs/{started.RunId}";
        return Results.Created(url, new RunCreated(started.RunId, url, started.Plan.Tasks.Count, started.Plan.Engines, started.Plan.Notes));
    }
}
