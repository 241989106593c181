namespace WasmBench.Runners.Sandbox;

/// <summary>A fresh folder under the temp folder for one sandboxed child, removed with everything in it on dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string purpose) =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wasmbench-{purpose}-{Guid.NewGuid():N}")).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Held open by a child that is being torn down: the temp folder is cleaned anyway.
        }
    }
}
