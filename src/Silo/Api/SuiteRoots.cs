using WasmBench.Runners.Spec;
using WasmBench.Runners.Workloads;

namespace WasmBench.Silo.Api;

/// <summary>
/// The folders under which an HTTP caller may name suite and testsuite paths: those given with
/// <c>--suite-root</c>, else the suites folder and the configured testsuite. A path is compared
/// after <c>..</c> and symbolic links are resolved, so neither leads out of a root.
/// </summary>
public sealed class SuiteRoots
{
    public SuiteRoots(IEnumerable<string> roots) => Folders = [.. roots.Select(Resolve).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<string> Folders { get; }

    /// <summary>The given roots, or the defaults: the suites folder found from the environment and the testsuite (when either is there).</summary>
    public static SuiteRoots From(IReadOnlyList<string>? configured, SuiteLoader suites)
    {
        if (configured is { Count: > 0 })
        {
            return new SuiteRoots(configured);
        }

        var defaults = new List<string>();
        if (suites.SuitesRootDirectory is { } folder)
        {
            defaults.Add(folder);
        }

        if (TestsuiteLocator.Locate() is { Succeeded: true } testsuite)
        {
            defaults.Add(testsuite.Value.Path);
        }

        return new SuiteRoots(defaults);
    }

    /// <summary>Whether <paramref name="path"/> (relative to the service's folder) lies inside a root.</summary>
    public bool Contains(string path)
    {
        var resolved = Resolve(path);
        return Folders.Any(root => resolved == root || resolved.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal));
    }

    public string Describe() => Folders.Count == 0 ? "none are configured (--suite-root)" : string.Join(", ", Folders);

    /// <summary>The absolute path with every symbolic link on the way followed (up to 40, as the kernel does).</summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var resolved = "/";
            var followed = false;
            foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var next = Path.Combine(resolved, part);
                if (!followed && new FileInfo(next).LinkTarget is { } target)
                {
                    next = Path.GetFullPath(target, resolved);
                    followed = true;
                }

                resolved = next;
            }

            if (!followed)
            {
                return Path.TrimEndingDirectorySeparator(full);
            }

            full = Path.GetFullPath(resolved);
        }

        return Path.TrimEndingDirectorySeparator(full);
    }
}
