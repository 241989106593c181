using WasmBench.Abstractions;

namespace WasmBench.Runners.Workloads;

/// <summary>
/// Builds <see cref="Workload"/> records from a folder and a module, following the protocol:
/// expected output from <c>SIZE.stdout.expected</c> when a size is given, else
/// <c>&lt;stem&gt;.stdout.expected</c> falling back to <c>default.stdout.expected</c>
/// (stderr likewise); C source from <c>&lt;stem&gt;.c</c>, else <c>benchmark.c</c> when the
/// module is the folder's only one.
/// </summary>
internal static class WorkloadFolder
{
    public const string DefaultModule = "benchmark.wasm";

    /// <summary>The folder's <c>.wasm</c> files, sorted by name.</summary>
    public static IReadOnlyList<string> Modules(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.wasm").Order(StringComparer.Ordinal)];

    /// <summary>
    /// The module that stands for the folder: its <c>benchmark.wasm</c>, or its only
    /// <c>.wasm</c>; null with a reason when there is none or the choice is ambiguous.
    /// </summary>
    public static Result<string> SingleModule(string directory)
    {
        var preferred = Path.Combine(directory, DefaultModule);
        if (File.Exists(preferred))
        {
            return Result<string>.Success(preferred);
        }

        var modules = Modules(directory);
        return modules.Count switch
        {
            1 => Result<string>.Success(modules[0]),
            0 => Result<string>.Failure($"folder {directory} holds no .wasm module"),
            _ => Result<string>.Failure($"folder {directory} holds several .wasm modules ({string.Join(", ", modules.Select(Path.GetFileName))}) " +
                        "and no benchmark.wasm; name the module itself"),
        };
    }

    public static Workload Create(string name, string modulePath, string? size)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(modulePath))!;
        var stem = Path.GetFileNameWithoutExtension(modulePath);
        var prefixes = size is null ? new[] { stem, "default" } : [size];
        return new Workload(
            name,
            directory,
            Path.GetFullPath(modulePath),
            size is null ? [] : [size],
            FindCSource(directory, stem),
            ReadFirst(directory, prefixes, "stdout"),
            ReadFirst(directory, prefixes, "stderr"));
    }

    private static string? FindCSource(string directory, string stem)
    {
        var own = Path.Combine(directory, stem + ".c");
        if (File.Exists(own))
        {
            return own;
        }

        var shared = Path.Combine(directory, "benchmark.c");
        return File.Exists(shared) && Modules(directory).Count == 1 ? shared : null;
    }

    private static string? ReadFirst(string directory, IEnumerable<string> prefixes, string stream) =>
        prefixes
            .Select(prefix => Path.Combine(directory, $"{prefix}.{stream}.expected"))
            .Where(File.Exists)
            .Select(File.ReadAllText)
            .FirstOrDefault();
}
