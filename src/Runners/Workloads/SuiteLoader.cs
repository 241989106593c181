using WasmBench.Abstractions;

namespace WasmBench.Runners.Workloads;

/// <summary>
/// Resolves <c>--suite NAME|PATH</c> into workloads. A NAME (no path separator, no
/// extension) is <c>&lt;suites root&gt;/NAME.suite</c>; a PATH is a <c>*.suite</c> file, a
/// <c>.wasm</c> module, or a folder (see <see cref="LoadFolder"/>).
/// </summary>
/// <param name="suitesRoot">The folder holding the <c>*.suite</c> files, when one was found.</param>
public sealed class SuiteLoader(string? suitesRoot)
{
    /// <summary>A loader over the suites root found from the environment (<see cref="SuitesRoot.Locate()"/>).</summary>
    public static SuiteLoader FromEnvironment() => new(SuitesRoot.Locate());

    public string? SuitesRootDirectory => suitesRoot;

    /// <summary>The suite names usable with <c>--suite NAME</c>, sorted.</summary>
    public IReadOnlyList<string> AvailableSuites => SuitesRoot.SuiteNames(suitesRoot);

    public Result<IReadOnlyList<Workload>> Load(string nameOrPath)
    {
        if (string.IsNullOrWhiteSpace(nameOrPath))
        {
            return Result<IReadOnlyList<Workload>>.Failure($"no suite given; {Available()}");
        }

        if (LooksLikeName(nameOrPath))
        {
            var named = suitesRoot is null ? null : Path.Combine(suitesRoot, nameOrPath + ".suite");
            if (named is not null && File.Exists(named))
            {
                return SuiteFile.Load(named);
            }

            if (!Directory.Exists(nameOrPath))
            {
                return Result<IReadOnlyList<Workload>>.Failure($"unknown suite '{nameOrPath}'; {Available()}");
            }
        }

        var path = Path.GetFullPath(nameOrPath);
        if (Directory.Exists(path))
        {
            return LoadFolder(path);
        }

        if (!File.Exists(path))
        {
            return Result<IReadOnlyList<Workload>>.Failure($"suite path {path} does not exist");
        }

        if (path.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase))
        {
            return Result<IReadOnlyList<Workload>>.Success([WorkloadFolder.Create(SuiteFile.ModuleName(path), path, null)]);
        }

        return path.EndsWith(".suite", StringComparison.OrdinalIgnoreCase)
            ? SuiteFile.Load(path)
            : Result<IReadOnlyList<Workload>>.Failure($"{path} is not a .suite file, a .wasm module or a folder");
    }

    /// <summary>
    /// A folder of workloads: one workload per <c>.wasm</c> in the folder itself (named by
    /// stem), then every subfolder holding a <c>.wasm</c>, sorted by name (named by the
    /// subfolder; a subfolder with several modules and no <c>benchmark.wasm</c> gives one
    /// workload per module, named <c>sub/stem</c>).
    /// </summary>
    public static Result<IReadOnlyList<Workload>> LoadFolder(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return Result<IReadOnlyList<Workload>>.Failure($"folder {directory} does not exist");
        }

        var workloads = WorkloadFolder.Modules(directory)
            .Select(module => WorkloadFolder.Create(Path.GetFileNameWithoutExtension(module), module, null))
            .ToList();
        foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(sub);
            if (WorkloadFolder.SingleModule(sub) is { Succeeded: true, Value: var module })
            {
                workloads.Add(WorkloadFolder.Create(name, module, null));
                continue;
            }

            workloads.AddRange(WorkloadFolder.Modules(sub).Select(m =>
                WorkloadFolder.Create($"{name}/{Path.GetFileNameWithoutExtension(m)}", m, null)));
        }

        return workloads.Count == 0
            ? Result<IReadOnlyList<Workload>>.Failure($"folder {directory} holds no .wasm module, neither itself nor in a subfolder")
            : Result<IReadOnlyList<Workload>>.Success(workloads);
    }

    private static bool LooksLikeName(string value) =>
        value.IndexOfAny(['/', '\\']) < 0 && !Path.HasExtension(value);

    private string Available()
    {
        var names = AvailableSuites;
        return suitesRoot is null
            ? $"no suites folder found (set {SuitesRoot.EnvironmentVariable} or run inside the repository)"
            : !Directory.Exists(suitesRoot)
                ? $"the suites folder {suitesRoot} does not exist"
            : names.Count == 0
                ? $"no *.suite files in {suitesRoot}"
                : $"available suites: {string.Join(", ", names)}";
    }
}
