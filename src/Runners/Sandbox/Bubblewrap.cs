using System.Globalization;

namespace WasmBench.Runners.Sandbox;

/// <summary>
/// The bubblewrap command line of a sandboxed child: new user, pid, network, IPC and UTS
/// namespaces; a root holding only read-only /usr (with the /bin, /lib, /lib64 links),
/// /etc/alternatives, the program and the given read-only paths, the workload folder
/// read-only, the scratch folder writable; an empty environment plus PATH, HOME and TMPDIR (the
/// scratch folder) and what the caller adds; rlimits set by prlimit just before the program.
/// The pid namespace dies with its first process, so nothing it started survives it; bwrap
/// itself dies with the runner (<c>--die-with-parent</c>). Inside, the child is nobody in its own
/// user namespace. The kernel exempts a service running as root from RLIMIT_NPROC even there
/// (the namespace maps nobody to root outside); docs/security.md lists that gap.
/// </summary>
internal static class Bubblewrap
{
    public const string DefaultPath = "/usr/bin/bwrap";
    public const string PathVariable = "WASMBENCH_BWRAP";
    public const string OptOutVariable = "WASMBENCH_UNSANDBOXED";
    public const string InsideVariable = "WASMBENCH_SANDBOXED";
    public const string Prlimit = "/usr/bin/prlimit";
    public const int NobodyId = 65534;

    public static string ExecutablePath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } p ? p : DefaultPath;

    /// <summary>True when the operator opted out of the sandbox (documented in docs/security.md).</summary>
    public static bool OptedOut => Environment.GetEnvironmentVariable(OptOutVariable) == "1";

    /// <summary>True inside a sandbox this launcher made (a nested one cannot mount a fresh /proc).</summary>
    public static bool IsInside => Environment.GetEnvironmentVariable(InsideVariable) == "1";

    public static bool RunsAsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>(program, arguments) of the whole sandboxed command.</summary>
    public static (string Program, List<string> Args) Command(ChildLaunch launch, IReadOnlyDictionary<string, string> environment)
    {
        var args = new List<string>();
        var program = ExecutablePath;
        args.AddRange([
            // As root, a user namespace is made only when asked; inside it the child is nobody.
            "--unshare-all", "--unshare-user", "--uid", $"{NobodyId}", "--gid", $"{NobodyId}", "--die-with-parent", "--new-session",
            "--ro-bind", "/usr", "/usr",
            "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
            "--dev", "/dev",
        ]);
        args.AddRange(IsInside ? ["--ro-bind", "/proc", "/proc"] : ["--proc", "/proc"]);
        if (Directory.Exists("/etc/alternatives"))
        {
            args.AddRange(["--ro-bind", "/etc/alternatives", "/etc/alternatives"]);
        }

        foreach (var path in launch.ReadOnlyPaths.Concat(ProgramFolders(launch.Program)).Distinct(StringComparer.Ordinal))
        {
            if (!path.StartsWith("/usr/", StringComparison.Ordinal) && (Directory.Exists(path) || File.Exists(path)))
            {
                args.AddRange(["--ro-bind", path, path]);
            }
        }

        if (launch.WorkloadFolder is { } workload)
        {
            args.AddRange(["--ro-bind", workload, workload]);
        }

        args.AddRange(launch.PrivateScratch
            ? ["--size", launch.Limits.FileSizeBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", launch.ScratchDirectory]
            : ["--bind", launch.ScratchDirectory, launch.ScratchDirectory]);
        args.AddRange(["--chdir", launch.WorkingDirectory ?? launch.WorkloadFolder ?? launch.ScratchDirectory]);
        args.Add("--clearenv");
        foreach (var (key, value) in environment)
        {
            args.AddRange(["--setenv", key, value]);
        }

        args.AddRange(["--", .. Rlimits(launch.Limits), launch.Program, .. launch.Args]);
        return (program, args);
    }

    /// <summary>The program's folder, and the folder its final link target lives in (bun on PATH links to /usr/lib/node_modules/bun/bin).</summary>
    private static IEnumerable<string> ProgramFolders(string program)
    {
        var full = Path.GetFullPath(program);
        yield return Path.GetDirectoryName(full)!;
        if (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName is { } real)
        {
            yield return Path.GetDirectoryName(real)!;
        }
    }

    /// <summary>prlimit with every limit, then the program (also used when the operator opted out of the sandbox).</summary>
    public static List<string> Rlimits(SandboxLimits limits) =>
    [
        Prlimit,
        $"--data={limits.MemoryBytes.ToString(CultureInfo.InvariantCulture)}",
        $"--cpu={Math.Max(1, (long)Math.Ceiling(limits.CpuTime.TotalSeconds)).ToString(CultureInfo.InvariantCulture)}",
        $"--fsize={limits.FileSizeBytes.ToString(CultureInfo.InvariantCulture)}",
        $"--nproc={limits.Processes.ToString(CultureInfo.InvariantCulture)}",
        "--core=0",
        "--",
    ];
}
