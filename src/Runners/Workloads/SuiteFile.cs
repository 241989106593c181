using WasmBench.Abstractions;

namespace WasmBench.Runners.Workloads;

/// <summary>
/// Reads a <c>*.suite</c> file: one workload per line, <c>&lt;path&gt; [size]</c> with the
/// path relative to the suite file; <c>#</c> starts a comment; blank lines are ignored.
/// </summary>
/// <remarks>
/// Naming scheme (short and readable, the identity of every stored result): a line that
/// names a folder is called by the folder's name (<c>bench/fib</c> is <c>fib</c>); a line
/// that names a module is called by its stem, or by its folder's name when the stem is
/// <c>benchmark</c>; a size is appended after <c>@</c> (<c>bench/fib small</c> is
/// <c>fib@small</c>). Two lines that end up with the same name are an error.
/// </remarks>
internal static class SuiteFile
{
    public static Result<IReadOnlyList<Workload>> Load(string suitePath)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(suitePath))!;
        var workloads = new List<Workload>();
        var firstLineOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(suitePath);
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var content = StripComment(lines[i]).Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var where = $"{suitePath}:{lineNumber}";
            var fields = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 2)
            {
                return Result<IReadOnlyList<Workload>>.Failure($"{where}: expected '<path> [size]' but found '{content}'");
            }

            var resolved = Resolve(baseDirectory, fields[0], fields.Length == 2 ? fields[1] : null);
            if (!resolved.Succeeded)
            {
                return Result<IReadOnlyList<Workload>>.Failure($"{where}: {resolved.Error}");
            }

            var workload = resolved.Value;

            if (!firstLineOfName.TryAdd(workload.Name, lineNumber))
            {
                return Result<IReadOnlyList<Workload>>.Failure(
                    $"{where}: workload name '{workload.Name}' is already used on line {firstLineOfName[workload.Name]}");
            }

            workloads.Add(workload);
        }

        return Result<IReadOnlyList<Workload>>.Success(workloads);
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    private static Result<Workload> Resolve(string baseDirectory, string relativePath, string? size)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, relativePath));
        var suffix = size is null ? "" : "@" + size;
        if (Directory.Exists(path))
        {
            return WorkloadFolder.SingleModule(path).Map(module => WorkloadFolder.Create(Path.GetFileName(path) + suffix, module, size));
        }

        if (File.Exists(path) && path.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase))
        {
            return Result<Workload>.Success(WorkloadFolder.Create(ModuleName(path) + suffix, path, size));
        }

        return Result<Workload>.Failure(File.Exists(path)
            ? $"'{relativePath}' is neither a folder nor a .wasm module"
            : $"'{relativePath}' names nothing ({path} does not exist)");
    }

    /// <summary>A module's workload name: its stem, or its folder's name for <c>benchmark.wasm</c>.</summary>
    internal static string ModuleName(string modulePath)
    {
        var stem = Path.GetFileNameWithoutExtension(modulePath);
        return stem == Path.GetFileNameWithoutExtension(WorkloadFolder.DefaultModule)
            ? Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(modulePath)))!
            : stem;
    }
}
