using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Wasm2c;

namespace WasmBench.Runners.Tests.Engines.Wasm2c;

/// <summary>
/// wasm2c + gcc for real against the sandbox contract. The build cache is one folder for the
/// class (a build takes seconds), so only the first test of each module pays for its build. Slow:
/// each build is a real gcc -O2 of the translated module.
/// </summary>
[Trait("Category", "Slow")]
public sealed class Wasm2cEngineTests : SandboxContractTests, IClassFixture<Wasm2cEngineTests.Cache>
{
    private readonly Cache _cache;

    public Wasm2cEngineTests(Cache cache) => _cache = cache;

    protected override IBenchmarkEngine CreateEngine() => new Wasm2cEngine(cacheDirectory: _cache.Path);

    [Fact]
    public async Task Runs_a_wasi_workload_with_instantiation_and_execution_timed_in_the_process()
    {
        var engine = new Wasm2cEngine(cacheDirectory: _cache.Path);
        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);
        Assert.Equal(EngineKind.Aot, engine.Info.Kind);
        Assert.StartsWith("wasm2c 1.", engine.Info.Identity.Version);

        var outcome = await engine.RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("size=small input=forty-two result=499500\n", outcome.Stdout);
        Assert.Equal([0, 1], outcome.Iterations.Select(t => t.Iteration));
        Assert.All(outcome.Iterations, t =>
        {
            Assert.Null(t.CompilationNs);
            Assert.True(t.InstantiationNs > 0);
            Assert.True(t.ExecutionNs > 0);
        });
    }

    [Fact]
    public async Task A_module_is_built_once_per_content_and_then_found_in_the_cache()
    {
        using var cache = new TempFolder();
        var engine = new Wasm2cEngine(cacheDirectory: cache.Path);

        var first = await engine.BuildAsync(TestWorkloads.Load("modules/hello.wasm"), CancellationToken.None);
        var second = await engine.BuildAsync(TestWorkloads.Load("modules/hello.wasm"), CancellationToken.None);

        Assert.True(first.Succeeded, first.Error);
        Assert.False(first.Value.CacheHit);
        Assert.True(second.Succeeded, second.Error);
        Assert.True(second.Value.CacheHit);
        Assert.Equal(first.Value.ExecutablePath, second.Value.ExecutablePath);
        Assert.Single(Directory.GetDirectories(cache.Path));
    }

    [Fact]
    public async Task Malformed_bytes_fail_at_compilation()
    {
        using var work = new TempFolder();
        var path = Path.Combine(work.Path, "benchmark.wasm");
        await File.WriteAllBytesAsync(path, [0, 0x61, 0x73, 0x6d, 9, 9]);
        var workload = new Abstractions.Workloads.Workload("bad", work.Path, path, [], null, null, null);

        var outcome = await CreateEngine().RunAsync(workload, Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("compilation failed", outcome.Error);
    }

    /// <summary>The build cache shared by the class's tests.</summary>
    public sealed class Cache : IDisposable
    {
        private readonly TempFolder _folder = new();

        public string Path => _folder.Path;

        public void Dispose() => _folder.Dispose();
    }
}

/// <summary>What needs no build: availability.</summary>
public sealed class Wasm2cAvailabilityTests
{
    [Fact]
    public void Without_wasm2c_on_the_path_the_engine_is_unavailable_with_the_reason()
    {
        var engine = new Wasm2cEngine(searchPath: "/nonexistent");

        Assert.False(engine.Availability.IsAvailable);
        Assert.Equal("'wasm2c' not found on PATH (Debian: apt-get install wabt)", engine.Availability.Reason);
    }
}
