namespace WasmBench.Runners.Workloads;

/// <summary>
/// Finds the folder that holds the <c>*.suite</c> files: the environment variable
/// <c>WASMBENCH_SUITES</c> when set, else the first <c>suites/</c> folder holding a
/// <c>quick.suite</c> found walking up from the current directory, then from the
/// application's base directory.
/// </summary>
public static class SuitesRoot
{
    public const string EnvironmentVariable = "WASMBENCH_SUITES";

    /// <summary>The marker file that tells our <c>suites/</c> folder from any other.</summary>
    public const string MarkerSuite = "quick.suite";

    public static string? Locate() =>
        Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>The lookup with its inputs passed in, for tests.</summary>
    public static string? Locate(string? environmentValue, params string[] startDirectories)
    {
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return Path.GetFullPath(environmentValue);
        }

        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "suites");
                if (File.Exists(Path.Combine(candidate, MarkerSuite)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The suite names under <paramref name="root"/> (file names without <c>.suite</c>), sorted.</summary>
    public static IReadOnlyList<string> SuiteNames(string? root) =>
        root is null || !Directory.Exists(root)
            ? []
            : [.. Directory.EnumerateFiles(root, "*.suite")
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Order(StringComparer.Ordinal)];
}
