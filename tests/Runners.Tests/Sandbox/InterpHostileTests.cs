using System.Diagnostics;
using System.Text.RegularExpressions;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Sandbox;

/// <summary>
/// Hostile workloads on interp, built at test time from C with clang-14 for wasm32-wasi. Cases are
/// named interp/hostile/{case}.
/// </summary>
public sealed partial class InterpHostileTests : IDisposable
{
    private readonly TempFolder _work = new();

    [Fact]
    [Trait("Category", "Slow")] // About 26 s of copying and a 1 GB peak (docs/security.md).
    public async Task Malloc_until_null_stops_at_the_memory_limit()
    {
        var workload = Build("malloc", """
            #include <stdio.h>
            #include <stdlib.h>
            int main(void) {
              long mib = 0;
              void **list = NULL;
              for (void **p; (p = malloc(1 << 20)) != NULL; mib++) { *p = list; list = p; }
              printf("allocated %ld MiB (%s)\n", mib, list ? "kept" : "none");
              return 0;
            }
            """);
        var clock = Stopwatch.StartNew();

        var outcome = await new InterpEngine().RunAsync(workload, new BenchmarkSettings(1, TimeSpan.FromSeconds(120), MaxMemoryPages: 4096), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var mib = int.Parse(Allocated().Match(outcome.Stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(mib, 200, 256);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    public void Dispose() => _work.Dispose();

    [GeneratedRegex(@"allocated (\d+) MiB")]
    private static partial Regex Allocated();

    private Workload Build(string name, string c)
    {
        var source = _work.Write($"{name}/{name}.c", c);
        var folder = Path.GetDirectoryName(source)!;
        var module = Path.Combine(folder, $"{name}.wasm");
        var info = new ProcessStartInfo("clang-14") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-o", module, source })
        {
            info.ArgumentList.Add(arg);
        }

        using var clang = Process.Start(info)!;
        var errors = clang.StandardError.ReadToEnd();
        clang.WaitForExit();
        Assert.True(clang.ExitCode == 0, $"clang-14: {errors}");
        return new Workload($"interp/hostile/{name}", folder, module, [], null, null, null);
    }
}
