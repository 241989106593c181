using WasmBench.Runners.Sandbox;

namespace WasmBench.Runners.Engines.Native;

/// <summary>The host C compiler: its path and its version line (part of every native result's identity).</summary>
public sealed record CCompiler(string Path, string Version)
{
    /// <summary>The names looked up on PATH, in order.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = ["cc", "gcc", "clang"];

    /// <summary>
    /// The first of <paramref name="names"/> found in the directories of
    /// <paramref name="searchPath"/> (a PATH-style list), with the first line of its
    /// <c>--version</c>; null when none is found or none answers.
    /// </summary>
    public static async Task<CCompiler?> FindAsync(string? searchPath, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var directories = (searchPath ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            foreach (var directory in directories)
            {
                var candidate = System.IO.Path.Combine(directory, name);
                if (!IsExecutable(candidate))
                {
                    continue;
                }

                var version = await VersionLineAsync(candidate, cancellationToken);
                if (version is not null)
                {
                    return new CCompiler(candidate, version);
                }
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) &&
        (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static async Task<string?> VersionLineAsync(string compiler, CancellationToken cancellationToken)
    {
        try
        {
            using var scratch = new ScratchDirectory("cc");
            var result = await ChildProcess.RunAsync(compiler, ["--version"], null, scratch.Path, SandboxLimits.Tool, TimeSpan.FromSeconds(30), cancellationToken);
            var line = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return result.ExitCode == 0 && !result.TimedOut && line is not null ? line : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
