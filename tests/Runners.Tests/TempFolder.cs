namespace WasmBench.Runners.Tests;

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("wasmbench-test-").FullName;

    /// <summary>Writes <paramref name="content"/> to a file under the folder, creating subfolders.</summary>
    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Creates an empty (not valid) module file, enough for loading tests.</summary>
    public string Module(string relativePath) => Write(relativePath, "");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, true);
        }
    }
}
