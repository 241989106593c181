using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Sandbox;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Sandbox;

/// <summary>
/// Hostile C workloads on the native engine (built with gcc, run in the bubblewrap sandbox): each
/// ends with a clear per-task error or an output that shows the attack failed, within its deadline.
/// Cases are named native/hostile/{case}.
/// </summary>
public sealed class NativeHostileTests : IDisposable
{
    private const string Blocked = "blocked";
    private static readonly SandboxLimits Small = new(256L << 20, TimeSpan.FromSeconds(2), 1L << 20, 64, OutputBytes: 1L << 20);

    private readonly TempFolder _cache = new();
    private readonly TempFolder _work = new();

    public static TheoryData<string> Cases => [.. HostileC.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ends_with_an_error_or_a_failed_attack(string name)
    {
        var hostile = HostileC.All[name];
        var path = _work.Write($"{name.Replace('/', '_')}/benchmark.c", hostile.Source);
        var directory = Path.GetDirectoryName(path)!;
        _work.Write($"{name.Replace('/', '_')}/default.input", "input");
        var workload = new Workload(name, directory, Path.Combine(directory, "benchmark.wasm"), [], path, null, null);
        var engine = new NativeEngine(new NativeEngineOptions(CacheDirectory: _cache.Path, Limits: Small));
        var before = Directory.GetFileSystemEntries(directory).Order().ToList();

        var outcome = await engine.RunAsync(workload, new BenchmarkSettings(1, TimeSpan.FromSeconds(20)), CancellationToken.None);

        hostile.Check(outcome);
        Assert.Equal(before, Directory.GetFileSystemEntries(directory).Order().ToList());
        Assert.DoesNotContain("root:x:0:0", outcome.Stdout + outcome.Stderr + outcome.Error, StringComparison.Ordinal);
        Assert.Empty(await Survivors.AfterAMomentAsync(HostileC.Marker));
    }

    public void Dispose()
    {
        _cache.Dispose();
        _work.Dispose();
    }
}
