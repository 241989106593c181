using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Files;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Cli;

/// <summary>A run resolved for a comparison, with how the report names it; or why it could not be found.</summary>
public sealed record ResolvedRun(ComparisonSide? Side, string? Error)
{
    public static ResolvedRun Failure(string error) => new(null, error);

    public static ResolvedRun From(RunReport report, string name, bool stored) => new(ComparisonSide.Of(report, name, stored), null);
}

/// <summary>
/// Resolves a side of `compare`: a JSON file written by `run --json` (or, for the spec half of
/// `gate`, by `spec --json`), a run id, or a label (the latest completed run with that label) in
/// the database.
/// </summary>
public static class RunSource
{
    public static async Task<ResolvedRun> ResolveAsync(string spec, string databasePath, CancellationToken cancellationToken)
    {
        if (File.Exists(spec) || spec.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadFileAsync(spec, cancellationToken);
        }

        try
        {
            return await FromDatabaseAsync(spec, databasePath, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return ResolvedRun.Failure($"cannot read {databasePath}: {e.Message} (a database from an older WasmBench is migrated by the next 'wasmbench run')");
        }
    }

    private static async Task<ResolvedRun> FromDatabaseAsync(string spec, string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return ResolvedRun.Failure($"'{spec}' is not a file, and there is no database at {databasePath} to look up a run id or label in");
        }

        await using var services = Services(databasePath);
        var found = await RunLookup.FindAsync(services.GetRequiredService<IResultStore>(), spec, databasePath, cancellationToken);
        return found.Succeeded ? new ResolvedRun(found.Value, null) : ResolvedRun.Failure(found.Error);
    }

    public static async Task<ResolvedRun> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ResolvedRun.Failure($"cannot read {path}: {e.Message}");
        }

        RunReport? report;
        try
        {
            if (SpecJsonFile.TryRead(text, Path.GetFileName(path), File.GetLastWriteTimeUtc(path)) is { } spec)
            {
                return ResolvedRun.From(spec, Path.GetFileName(path), stored: false);
            }

            report = JsonSerializer.Deserialize<RunReport>(text, WasmBenchJson.Options);
        }
        catch (JsonException e)
        {
            return ResolvedRun.Failure($"{path} is not a run written by 'wasmbench run --json': {e.Message}");
        }

        // A foreign JSON file deserializes to nulls where the run and its tasks should be.
        return report is { Run: { Suite: not null, Engines: not null }, Tasks: not null } && report.Tasks.All(t => t is { Workload: not null, Samples: not null })
            ? ResolvedRun.From(report, Path.GetFileName(path), stored: false)
            : ResolvedRun.Failure($"{path} is not a run written by 'wasmbench run --json' (no run or tasks in it)");
    }

    private static ServiceProvider Services(string databasePath)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<WasmBenchDbContext>(o => o.UseSqlite($"Data Source={Path.GetFullPath(databasePath)};Mode=ReadOnly"));
        services.AddSingleton<IResultStore, ResultStore>();
        return services.BuildServiceProvider();
    }
}
