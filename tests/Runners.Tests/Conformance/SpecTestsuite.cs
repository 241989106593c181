namespace WasmBench.Runners.Tests.Conformance;

/// <summary>
/// Locates the spec testsuite: env <c>WASMBENCH_TESTSUITE</c> (a folder holding wasm-2.0/ and
/// wasm-3.0/), else <c>../shared/wasm-testsuite</c> next to the repository root.
/// </summary>
internal static class SpecTestsuite
{
    public const string EnvironmentVariable = "WASMBENCH_TESTSUITE";

    public static string? Root()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Path.GetFullPath(env);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WasmBench.sln")))
            {
                return dir.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "wasm-testsuite") : null;
            }
        }

        return null;
    }

    /// <summary>The script names (file names) of one suite folder, or none when it is missing.</summary>
    public static IEnumerable<string> Scripts(string suite) =>
        Root() is { } root && Directory.Exists(Path.Combine(root, suite))
            ? Directory.EnumerateFiles(Path.Combine(root, suite), "*.wast").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : [];
}
