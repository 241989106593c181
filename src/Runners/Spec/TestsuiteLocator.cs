using WasmBench.Abstractions;

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

    public static Result<TestsuiteLocation> Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Directory.Exists(explicitPath)
                ? Found(Path.GetFullPath(explicitPath), "--testsuite")
                : Result<TestsuiteLocation>.Failure($"the testsuite folder '{explicitPath}' does not exist");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? Found(Path.GetFullPath(fromEnvironment), EnvironmentVariable)
                : Result<TestsuiteLocation>.Failure($"{EnvironmentVariable}='{fromEnvironment}' does not exist");
        }

        var repositoryRoot = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Environment.CurrentDirectory);
        if (repositoryRoot is not null)
        {
            var shared = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "wasm-testsuite"));
            if (Directory.Exists(shared))
            {
                return Found(shared, "<repo root>/../shared/wasm-testsuite");
            }
        }

        if (Directory.Exists(CacheFolder))
        {
            return Found(CacheFolder, "fetch.sh cache");
        }

        return Result<TestsuiteLocation>.Failure($"no spec testsuite found: pass --testsuite PATH, set {EnvironmentVariable} to a folder holding wasm-2.0/ and wasm-3.0/, "
            + $"or run suites/spec/fetch.sh (clones the pinned commits into {CacheFolder})");
    }

    private static Result<TestsuiteLocation> Found(string path, string source) => Result<TestsuiteLocation>.Success(new TestsuiteLocation(path, source));

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

/// <summary>Where the testsuite is (<see cref="Path"/>), and how it was found (<see cref="Source"/>).</summary>
public sealed record TestsuiteLocation(string Path, string Source);
