namespace WasmBench.Runners.Engines;

/// <summary>Finds an engine's executable: a path as given, or a name in a PATH-style directory list.</summary>
public static class ExecutableLookup
{
    /// <summary>The full path of <paramref name="nameOrPath"/>, or null when it is not an executable file there.</summary>
    public static string? Find(string nameOrPath, string? searchPath = null)
    {
        if (nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return IsExecutable(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }

        var directories = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Path.Combine(d, nameOrPath)).FirstOrDefault(IsExecutable);
    }

    public static bool IsExecutable(string path) =>
        File.Exists(path) &&
        (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
