namespace WasmBench.Runners.Spec;

/// <summary>
/// Finds the spec testsuite on this machine — the one place that knows where it may be:
/// an explicit path (<c>--testsuite PATH</c>), else env <c>WASMBENCH_TESTSUITE</c>, else
/// <c>&lt;repo root&gt;/../shared/wasm-testsuite</c>, else the cache folder that
/// <c>suites/spec/fetch.sh</c> clones into. The folder holds <c>wasm-2.0/</c> and <c>wasm-3.0/</c>
/// (or, when explicit, just one suite's scripts).
/// </summary>
public static class TestsuiteLocator
{
    public const string EnvironmentVariable = "WASMBENCH_TESTSUITE";

    /// <summary>
    /// The cache folder of <c>suites/spec/fetch.sh</c>: <c>$WASMBENCH_TESTSUITE_CACHE</c>, else
    /// <c>$XDG_CACHE_HOME/wasmbench/wasm-testsuite</c> (default <c>~/.cache</c>).
    /// </summary>
    public static string CacheFolder
    {
        get
        {
            var explicitCache = Environment.GetEnvironmentVariable("WASMBENCH_TESTSUITE_CACHE");
            if (!string.IsNullOrEmpty(explicitCache))
            {
                return explicitCache;
            }

            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            return Path.Combine(cache, "wasmbench", "wasm-testsuite");
        }
    }

    public static TestsuiteLocation Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Directory.Exists(explicitPath)
                ? new TestsuiteLocation(Path.GetFullPath(explicitPath), "--testsuite", null)
                : new TestsuiteLocation(null, "--testsuite", $"the testsuite folder '{explicitPath}' does not exist");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? new TestsuiteLocation(Path.GetFullPath(fromEnvironment), EnvironmentVariable, null)
                : new TestsuiteLocation(null, EnvironmentVariable, $"{EnvironmentVariable}='{fromEnvironment}' does not exist");
        }

        var repositoryRoot = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Environment.CurrentDirectory);
        if (repositoryRoot is not null)
        {
            var shared = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "wasm-testsuite"));
            if (Directory.Exists(shared))
            {
                return new TestsuiteLocation(shared, "<repo root>/../shared/wasm-testsuite", null);
            }
        }

        if (Directory.Exists(CacheFolder))
        {
            return new TestsuiteLocation(CacheFolder, "fetch.sh cache", null);
        }

        return new TestsuiteLocation(null, "none", $"no spec testsuite found: pass --testsuite PATH, set {EnvironmentVariable} to a folder holding wasm-2.0/ and wasm-3.0/, "
            + $"or run suites/spec/fetch.sh (clones the pinned commits into {CacheFolder})");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>WasmBench.sln</c>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WasmBench.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>Where the testsuite is (<see cref="Path"/>), how it was found, or why it was not.</summary>
public sealed record TestsuiteLocation(string? Path, string Source, string? Error);
