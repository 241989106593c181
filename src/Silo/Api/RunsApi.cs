using System.Text.Json;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Reports;
using WasmBench.Analysis.Summaries;
using WasmBench.Runners.Engines;
using WasmBench.Silo.Grains;
using WasmBench.Silo.Security;
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
        api.MapGet("/runs/{id}", async (string id, IResultStore store, CancellationToken ct) =>
            await ReportAsync(id, store, run => run, ct));
        api.MapGet("/runs/{id}/statistics", async (string id, IResultStore store, CancellationToken ct) =>
            await ReportAsync(id, store, run => StatisticsView.Of(RunStatistics.Of(run)), ct));
        api.MapGet("/compare/{baseline}/{candidate}", CompareAsync);
        api.MapPost("/runs", StartRunAsync).AddEndpointFilter<ApiTokenFilter>();
        return app;
    }

    /// <summary>
    /// The body when it has at most <paramref name="limit"/> bytes; else null, after reading the rest
    /// to nowhere (up to the server's own limit), so that the caller hears the answer instead of a reset.
    /// </summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                if (kept.Length + read > limit)
                {
                    await body.CopyToAsync(Stream.Null, ct);
                    return null;
                }

                kept.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return kept.ToArray();
    }

    /// <summary>A run id as a path segment: a positive whole number, else 400 quoting what was sent.</summary>
    private static Result<long> ParseRunId(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? Result<long>.Success(value)
            : Result<long>.Failure($"a run id is a positive whole number, not {Quote.Short(id)}");

    private static async Task<IResult> ReportAsync<T>(string id, IResultStore store, Func<RunReport, T> view, CancellationToken ct)
    {
        var parsed = ParseRunId(id);
        if (!parsed.Succeeded)
        {
            return Results.BadRequest(new ApiError(parsed.Error));
        }

        return await store.GetReportAsync(parsed.Value, ct) is { } run
            ? Results.Ok(view(run))
            : Results.NotFound(new ApiError($"run {parsed.Value} does not exist"));
    }

    /// <summary>Two stored runs (ids or labels) compared as `wasmbench compare` does; the body is its --json report.</summary>
    private static async Task<IResult> CompareAsync(string baseline, string candidate, IResultStore store, string? threshold, string? phase, string? reference, CancellationToken ct)
    {
        foreach (var side in new[] { baseline, candidate })
        {
            if (side.Length > RunRequestGuard.MaxLabel || side.Length == 0)
            {
                return Results.BadRequest(new ApiError($"a run is named by its id or a label of at most {RunRequestGuard.MaxLabel} characters, not {Quote.Short(side)}"));
            }
        }

        foreach (var (name, value) in new[] { ("threshold", threshold), ("phase", phase), ("reference", reference) })
        {
            if (value is { Length: > 100 })
            {
                return Results.BadRequest(new ApiError($"'{name}' is too long: {Quote.Short(value)}"));
            }
        }

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

    /// <summary>
    /// The body is a <see cref="RunRequest"/> of at most <see cref="RunRequestGuard.MaxBodyBytes"/>:
    /// what is absent takes the request's defaults (one process, no warm-up).
    /// </summary>
    private static async Task<IResult> StartRunAsync(HttpRequest http, RunService runs, RunRequestGuard guard, CancellationToken ct)
    {
        var body = await ReadBoundedAsync(http.Body, RunRequestGuard.MaxBodyBytes, ct);
        if (body is null)
        {
            return Results.Json(new ApiError($"the body is larger than {RunRequestGuard.MaxBodyBytes} bytes"), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        RunRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<RunRequest>(body, WasmBenchJson.Options);
        }
        catch (JsonException e)
        {
            return Results.BadRequest(new ApiError($"the body is not a JSON run request: {Quote.Short(e.Message)}"));
        }

        var checkedRequest = request is null
            ? Result<RunRequest>.Failure("the body needs a 'suite' (a suite name such as 'quick', or a path)")
            : guard.Check(request);
        if (!checkedRequest.Succeeded)
        {
            return Results.BadRequest(new ApiError(checkedRequest.Error));
        }

        var started = await runs.StartAsync(checkedRequest.Value, ct);
        return started.Succeeded
            ? Results.Created($"/api/runs/{started.Value.Id}", started.Value)
            : Results.BadRequest(new ApiError(started.Error));
    }
}
