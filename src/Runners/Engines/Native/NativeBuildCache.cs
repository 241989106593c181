using System.Security.Cryptography;
using System.Text;
using WasmBench.Runners.Sandbox;
using WasmBench.Abstractions;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Native;

/// <summary>An executable built from a workload's C source.</summary>
/// <param name="CacheHit">True when the executable was already in the cache.</param>
public sealed record NativeBuild(string ExecutablePath, bool CacheHit);

/// <summary>
/// Builds a workload's C source with the shim at <c>-O2</c>, once: the executable lives at
/// <c>&lt;cache&gt;/&lt;key&gt;/&lt;stem&gt;</c> where the key hashes every <c>.c</c>/<c>.h</c>
/// of the workload folder and of <c>../include</c>, the shim, the flags and the compiler's
/// path and version. A build goes to a temporary folder that is renamed into place, so
/// concurrent builders never see half a build; failed builds are not cached.
/// </summary>
public sealed class NativeBuildCache(CCompiler compiler, string cacheDirectory)
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    public string CacheDirectory => cacheDirectory;

    /// <summary>The shared headers next to a workload folder (<c>../include</c>), part of the build key.</summary>
    public static string IncludeFolder(string workloadDirectory) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(workloadDirectory))!, "include");

    /// <summary>The workload's executable, or why it could not be built.</summary>
    public async Task<Result<NativeBuild>> GetOrBuildAsync(Workload workload, CancellationToken cancellationToken)
    {
        if (workload.CSourcePath is null || !File.Exists(workload.CSourcePath))
        {
            return Result<NativeBuild>.Failure($"workload {workload.Name} has no C source; native needs benchmark.c");
        }

        var shim = NativeShim.Source;
        var folder = Path.Combine(cacheDirectory, Key(workload, shim));
        var executable = Path.Combine(folder, workload.Stem);
        if (File.Exists(executable))
        {
            return Result<NativeBuild>.Success(new NativeBuild(executable, true));
        }

        await BuildLock.WaitAsync(cancellationToken);
        try
        {
            return File.Exists(executable)
                ? Result<NativeBuild>.Success(new NativeBuild(executable, true))
                : await BuildAsync(workload, shim, folder, executable, cancellationToken);
        }
        finally
        {
            BuildLock.Release();
        }
    }

    private async Task<Result<NativeBuild>> BuildAsync(Workload workload, string shim, string folder, string executable, CancellationToken cancellationToken)
    {
        var staging = Directory.CreateDirectory(Path.Combine(cacheDirectory, $".build-{Guid.NewGuid():N}")).FullName;
        try
        {
            var shimPath = Path.Combine(staging, "wasmbench_shim.c");
            await File.WriteAllTextAsync(shimPath, shim, cancellationToken);
            string[] args = [.. NativeEngineOptions.CompilerFlags, "-o", Path.Combine(staging, workload.Stem), workload.CSourcePath!, shimPath, .. NativeEngineOptions.LinkFlags];
            // The compiler sees the workload folder and ../include read-only, and writes only to the staging folder.
            var include = IncludeFolder(workload.Directory);
            var result = await ChildProcess.RunAsync(
                new ChildLaunch(compiler.Path, args, Path.GetFullPath(workload.Directory), staging, SandboxLimits.Tool, TimeSpan.FromMinutes(5)) { ReadOnlyPaths = [include] },
                cancellationToken);
            if (result.Refused is { } refused)
            {
                return Result<NativeBuild>.Failure(refused);
            }

            if (result.TimedOut || result.ExitCode != 0)
            {
                var why = result.TimedOut ? "timed out" : $"exit code {result.ExitCode}";
                return Result<NativeBuild>.Failure($"native build of {workload.Name} failed ({why}):\n{(result.Stderr + result.Stdout).Trim()}");
            }

            await File.WriteAllTextAsync(Path.Combine(staging, "build.txt"), $"{compiler.Path} {string.Join(' ', args)}\n{compiler.Version}\n", cancellationToken);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (File.Exists(executable))
            {
                // Another process finished the same build first; theirs is as good as ours.
            }

            return Result<NativeBuild>.Success(new NativeBuild(executable, false));
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, true);
            }
        }
    }

    private string Key(Workload workload, string shim)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add(compiler.Path);
        Add(compiler.Version);
        Add(string.Join(' ', [.. NativeEngineOptions.CompilerFlags, .. NativeEngineOptions.LinkFlags]));
        Add(shim);
        Add(Path.GetFileName(workload.CSourcePath!));
        foreach (var (label, directory) in new[] { ("src", workload.Directory), ("include", Path.Combine(workload.Directory, "..", "include")) })
        {
            foreach (var file in Sources(directory))
            {
                Add($"{label}/{Path.GetFileName(file)}");
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static IEnumerable<string> Sources(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
            : [];
}
