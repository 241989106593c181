using System.Collections.Concurrent;
using System.Diagnostics;
using WasmBench.Abstractions.Workloads;
using WasmBench.Integration.Tests.Host;

namespace WasmBench.Integration.Tests.Hostile;

/// <summary>The hostile cases' workload folders, each built once at test time (wat2wasm, clang-14) and removed at the end.</summary>
public sealed class HostileWorkloads : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ConcurrentDictionary<string, Lazy<Workload>> _built = new();

    public Workload For(HostileCase hostile, bool native) =>
        _built.GetOrAdd(hostile.Name, _ => new Lazy<Workload>(() => Build(hostile))).Value with { Name = $"hostile/{hostile.Name}" } is var w && native
            ? w with { CSourcePath = Path.Combine(w.Directory, "benchmark.c") }
            : w;

    public void Dispose() => _dir.Dispose();

    private Workload Build(HostileCase hostile)
    {
        var folder = Directory.CreateDirectory(_dir.File(hostile.Name)).FullName;
        var module = Path.Combine(folder, "benchmark.wasm");
        if (hostile.Wat is { } wat)
        {
            WatWorkload.Assemble(module, wat);
        }
        else if (hostile.WasmC is { } c)
        {
            var source = Path.Combine(_dir.Path, $"{hostile.Name}.wasm.c");
            File.WriteAllText(source, c);
            Run("clang-14", "--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-o", module, source);
        }
        else
        {
            hostile.Module?.Invoke(module);
        }

        if (hostile.NativeC is { } nativeC)
        {
            File.WriteAllText(Path.Combine(folder, "benchmark.c"), nativeC);
        }

        if (hostile.Expected is { } expected)
        {
            File.WriteAllText(Path.Combine(folder, "default.stdout.expected"), expected);
        }

        if (hostile.Name == "read_through_symlink")
        {
            File.CreateSymbolicLink(Path.Combine(folder, "link"), "/etc");
            File.CreateSymbolicLink(Path.Combine(folder, "flink"), "/etc/passwd");
        }

        // As a suite folder would give it: expected output read, no C source unless native asks.
        return new Workload(hostile.Name, folder, module, [], null, hostile.Expected, null);
    }

    private static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program}: {errors}");
    }
}
