namespace WasmBench.Runners.Engines.Native;

/// <summary>
/// Where the native engine looks for a C compiler and keeps its builds.
/// </summary>
/// <param name="SearchPath">PATH-style directory list searched for <paramref name="CompilerNames"/>; null: the process's PATH.</param>
/// <param name="CompilerNames">Compiler names tried in order (default <c>cc</c>, <c>gcc</c>, <c>clang</c>).</param>
/// <param name="CacheDirectory">Build cache; null: <see cref="DefaultCacheDirectory"/>.</param>
/// <param name="Limits">The sandbox limits of each workload process; null: <see cref="Sandbox.SandboxLimits.Workload"/>.</param>
public sealed record NativeEngineOptions(
    string? SearchPath = null,
    IReadOnlyList<string>? CompilerNames = null,
    string? CacheDirectory = null,
    Sandbox.SandboxLimits? Limits = null)
{
    /// <summary>Overrides the default cache folder when set.</summary>
    public const string CacheEnvironmentVariable = "WASMBENCH_NATIVE_CACHE";

    /// <summary>The C compiler flags of every build (part of the cache key).</summary>
    public static IReadOnlyList<string> CompilerFlags { get; } = ["-O2"];

    /// <summary>Libraries linked after the sources.</summary>
    public static IReadOnlyList<string> LinkFlags { get; } = ["-lm"];

    public string ResolvedSearchPath => SearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";

    public IReadOnlyList<string> ResolvedCompilerNames => CompilerNames ?? CCompiler.DefaultNames;

    public string ResolvedCacheDirectory => CacheDirectory ?? DefaultCacheDirectory();

    /// <summary><c>$WASMBENCH_NATIVE_CACHE</c>, else <c>$XDG_CACHE_HOME/wasmbench/native</c>, else <c>~/.cache/wasmbench/native</c>.</summary>
    public static string DefaultCacheDirectory()
    {
        var explicitDirectory = Environment.GetEnvironmentVariable(CacheEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return explicitDirectory;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "wasmbench", "native");
    }
}
