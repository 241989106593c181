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
    public static SuiteLoadResult Load(string suitePath)
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
                return SuiteLoadResult.Failure($"{where}: expected '<path> [size]' but found '{content}'");
            }

            var (workload, error) = Resolve(baseDirectory, fields[0], fields.Length == 2 ? fields[1] : null);
            if (workload is null)
            {
                return SuiteLoadResult.Failure($"{where}: {error}");
            }

            if (!firstLineOfName.TryAdd(workload.Name, lineNumber))
            {
                return SuiteLoadResult.Failure(
                    $"{where}: workload name '{workload.Name}' is already used on line {firstLineOfName[workload.Name]}");
            }

            workloads.Add(workload);
        }

        return SuiteLoadResult.Success(workloads);
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    private static (Workload? Workload, string? Error) Resolve(string baseDirectory, string relativePath, string? size)
    {
        var path = Path.GetFullPath(Path.Combine(baseDirectory, relativePath));
        var suffix = size is null ? "" : "@" + size;
        if (Directory.Exists(path))
        {
            var (module, error) = WorkloadFolder.SingleModule(path);
            return module is null
                ? (null, error)
                : (WorkloadFolder.Create(Path.GetFileName(path) + suffix, module, size), null);
        }

        if (File.Exists(path) && path.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase))
        {
            return (WorkloadFolder.Create(ModuleName(path) + suffix, path, size), null);
        }

        return File.Exists(path)
            ? (null, $"'{relativePath}' is neither a folder nor a .wasm module")
            : (null, $"'{relativePath}' names nothing ({path} does not exist)");
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
