using WasmBench.Abstractions;
using System.Security.Cryptography;
using System.Text;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Sandbox;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Wasm2c;

/// <summary>
/// Translates a module with wasm2c and builds it with our runtime at <c>-O2</c>, once per content:
/// the executable lives at <c>&lt;cache&gt;/&lt;key&gt;/module</c>, the key a SHA-256 of the
/// module's bytes, both runtime files, the flags and the tools' paths and versions. Builds go to a
/// temporary folder renamed into place; failures are not cached.
/// </summary>
public sealed class Wasm2cBuildCache(Wasm2cToolchain toolchain, string cacheDirectory)
{
    /// <summary>
    /// <c>-O2</c>, and calls counted against a depth limit: with the default (a guard-page signal
    /// handler) gcc turns unbounded recursion into an endless loop and a stack overflow is never
    /// reported; 20,000 frames is deeper than any workload of <c>suites/</c> needs (ackermann at large).
    /// </summary>
    public static readonly IReadOnlyList<string> CompilerFlags = ["-O2", "-DWASM_RT_USE_STACK_DEPTH_COUNT=1", "-DWASM_RT_MAX_CALL_STACK_DEPTH=20000"];

    private const string ExecutableName = "module";

    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    /// <summary>The import modules our runtime provides.</summary>
    private static readonly string[] Provided = ["bench", "wasi_snapshot_preview1"];

    public async Task<Result<NativeBuild>> GetOrBuildAsync(Workload workload, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(workload.ModulePath, cancellationToken);
        if (WasmImportModules.ReadInOrder(bytes) is not { } imports)
        {
            return Result<NativeBuild>.Failure($"compilation failed: {workload.ModulePath} is not a WebAssembly module");
        }

        if (imports.FirstOrDefault(m => !Provided.Contains(m, StringComparer.Ordinal)) is { } foreign)
        {
            return Result<NativeBuild>.Failure($"compilation failed: the module imports '{foreign}'; the wasm2c runtime provides only bench and wasi_snapshot_preview1");
        }

        var folder = Path.Combine(cacheDirectory, Key(bytes));
        var executable = Path.Combine(folder, ExecutableName);
        if (File.Exists(executable))
        {
            return Result<NativeBuild>.Success(new NativeBuild(executable, true));
        }

        await BuildLock.WaitAsync(cancellationToken);
        try
        {
            return File.Exists(executable) ? Result<NativeBuild>.Success(new NativeBuild(executable, true)) : await BuildAsync(workload, imports, folder, executable, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // wasm2c or the compiler was there when the engine was probed and is gone now.
            return Result<NativeBuild>.Failure($"compilation failed: a build tool did not start ({e.Message}); was wasm2c or the C compiler removed?");
        }
        finally
        {
            BuildLock.Release();
        }
    }

    private async Task<Result<NativeBuild>> BuildAsync(Workload workload, IReadOnlyList<string> imports, string folder, string executable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(cacheDirectory);
        var staging = Directory.CreateDirectory(Path.Combine(cacheDirectory, $".build-{Guid.NewGuid():N}")).FullName;
        try
        {
            // wasm2c and the compiler see the module's folder read-only and write only to the staging folder.
            var module = Path.GetFullPath(workload.ModulePath);
            var translate = await ChildProcess.RunAsync(
                new ChildLaunch(toolchain.Wasm2c!, [module, "-o", Path.Combine(staging, "module.c"), "-n", "module"], Path.GetDirectoryName(module), staging, SandboxLimits.Tool, TimeSpan.FromMinutes(5))
                { WorkingDirectory = staging },
                cancellationToken);
            if (translate.Refused is { } refused)
            {
                return Result<NativeBuild>.Failure(refused);
            }

            if (translate.TimedOut || translate.ExitCode != 0)
            {
                var said = (translate.Stderr + translate.Stdout).Trim();
                var why = said.Length > 0 ? said
                    : translate.TimedOut ? "it timed out"
                    : "it aborted without a message (WABT 1.0.32's wasm2c does so on a SIMD module: it has no SIMD support)";
                return Result<NativeBuild>.Failure($"compilation failed: wasm2c rejected {workload.Name} (exit code {translate.ExitCode}): {why}");
            }

            var instantiateArgs = string.Concat(imports.Select(m => m == "bench" ? ",&bench" : ",&wasi"));
            string[] args = [.. CompilerFlags, "-I", staging, "-I", toolchain.RuntimeDirectory, $"-DWASMBENCH_INSTANTIATE_ARGS={instantiateArgs}",
                "-o", Path.Combine(staging, ExecutableName), "module.c", toolchain.RuntimeImpl, toolchain.OurRuntime, "-lm"];
            var build = await ChildProcess.RunAsync(
                new ChildLaunch(toolchain.Compiler!.Path, args, null, staging, SandboxLimits.Tool, TimeSpan.FromMinutes(10))
                { ReadOnlyPaths = [toolchain.RuntimeDirectory, Path.GetDirectoryName(toolchain.OurRuntime)!] },
                cancellationToken);
            if (build.TimedOut || build.ExitCode != 0)
            {
                var why = build.TimedOut ? "timed out" : $"exit code {build.ExitCode}";
                return Result<NativeBuild>.Failure($"compilation failed: the C build of {workload.Name} failed ({why}):\n{Tail(build.Stderr + build.Stdout)}");
            }

            File.Delete(Path.Combine(staging, "module.c"));
            await File.WriteAllTextAsync(Path.Combine(staging, "build.txt"), $"{toolchain.Compiler.Path} {string.Join(' ', args)}\n{toolchain.Compiler.Version}\n{toolchain.Wasm2cVersion}\n", cancellationToken);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (File.Exists(executable))
            {
                // Another process finished the same build first.
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

    private string Key(byte[] module)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add($"{toolchain.Wasm2c} {toolchain.Wasm2cVersion}");
        Add($"{toolchain.Compiler!.Path} {toolchain.Compiler.Version} {string.Join(' ', CompilerFlags)}");
        hash.AppendData(File.ReadAllBytes(toolchain.RuntimeImpl));
        hash.AppendData(File.ReadAllBytes(toolchain.OurRuntime));
        hash.AppendData(module);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private static string Tail(string text) => text.Length <= 4000 ? text.Trim() : text[^4000..].Trim();
}
