using System.Text.Json;
using WasmBench.Abstractions;
using WasmBench.Analysis.Comparison;
using WasmBench.Analysis.Files;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Cli;

/// <summary>
/// Resolves a side of `compare`: a JSON file written by `run --json` (or, for the spec half of
/// `gate`, by `spec --json`), a run id, or a label (the latest completed run with that label) in
/// the database.
/// </summary>
public static class RunSource
{
    public static async Task<Result<ComparisonSide>> ResolveAsync(string spec, string databasePath, CancellationToken cancellationToken)
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
            return Result<ComparisonSide>.Failure($"cannot read {databasePath}: {e.Message} (a database from an older WasmBench is migrated by the next 'wasmbench run')");
        }
    }

    private static async Task<Result<ComparisonSide>> FromDatabaseAsync(string spec, string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return Result<ComparisonSide>.Failure($"'{spec}' is not a file, and there is no database at {databasePath} to look up a run id or label in");
        }

        await using var services = WasmBenchServices.Create(s => s.AddWasmBenchStore(databasePath, readOnly: true));
        return await RunLookup.FindAsync(services.GetRequiredService<IResultStore>(), spec, databasePath, cancellationToken);
    }

    public static async Task<Result<ComparisonSide>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result<ComparisonSide>.Failure($"cannot read {path}: {e.Message}");
        }

        try
        {
            if (SpecJsonFile.TryRead(text, Path.GetFileName(path), File.GetLastWriteTimeUtc(path)) is { } spec)
            {
                return Result<ComparisonSide>.Success(ComparisonSide.Of(spec, Path.GetFileName(path), stored: false));
            }
        }
        catch (JsonException e)
        {
            return Result<ComparisonSide>.Failure($"{path} is not a run written by 'wasmbench run --json': {e.Message}");
        }

        return RunFile.Read(text, path).Map(report => ComparisonSide.Of(report, Path.GetFileName(path), stored: false));
    }
}
