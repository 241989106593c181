namespace WasmBench.Runners.Sandbox;

/// <summary>
/// A fresh folder under the temp folder for one sandboxed child, removed with everything in it on
/// dispose; or, with <c>onHost: false</c>, only its name (for <see cref="ChildLaunch.PrivateScratch"/>:
/// the launcher makes it on the host only when the sandbox is off).
/// </summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string purpose, bool onHost = true)
    {
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wasmbench-{purpose}-{Guid.NewGuid():N}"));
        if (onHost)
        {
            Directory.CreateDirectory(Path);
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            if (!Directory.Exists(Path))
            {
                return;
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Held open by a child that is being torn down: the temp folder is cleaned anyway.
        }
    }
}
