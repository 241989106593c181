using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Engines;

public sealed class NativeEngineTests : IDisposable
{
    private static readonly BenchmarkSettings Settings = new(2, TimeSpan.FromSeconds(30));

    private readonly TempFolder _cache = new();
    private readonly TempFolder _work = new();

    public void Dispose()
    {
        _cache.Dispose();
        _work.Dispose();
    }

    private NativeEngine Engine() => new(new NativeEngineOptions(CacheDirectory: _cache.Path));

    /// <summary>A workload folder with only C source (no .wasm needed for native).</summary>
    private Workload CWorkload(string name, string source)
    {
        var path = _work.Write($"{name}/benchmark.c", source);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        return new Workload(name, directory, System.IO.Path.Combine(directory, "benchmark.wasm"), [], path, null, null);
    }

    [Fact]
    public void Is_available_with_the_compiler_version_as_engine_version()
    {
        var engine = Engine();

        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);
        Assert.Equal("native", engine.Info.Id);
        Assert.Equal(EngineKind.Native, engine.Info.Kind);
        Assert.Equal(engine.Compiler!.Version, engine.Info.Identity.Version);
        Assert.Matches(@"\d+\.\d+", engine.Info.Identity.Version);
        Assert.Same(engine.Info, engine.Info);
    }

    [Fact]
    public async Task Builds_and_runs_a_c_workload_reporting_execution_only()
    {
        var outcome = await Engine().RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("size=small input=forty-two result=499500\n", outcome.Stdout);
        Assert.Equal(2, outcome.Iterations.Count);
        Assert.All(outcome.Iterations, t =>
        {
            Assert.Null(t.CompilationNs);
            Assert.Null(t.InstantiationNs);
            Assert.True(t.ExecutionNs > 0);
        });
    }

    [Fact]
    public async Task The_second_build_is_a_cache_hit_and_a_source_change_is_not()
    {
        var engine = Engine();
        var workload = CWorkload("hello", "#include <stdio.h>\nint main(void) { puts(\"one\"); return 0; }\n");

        var built = await engine.BuildAsync(workload, CancellationToken.None);
        var second = (await engine.BuildAsync(workload, CancellationToken.None)).Value!;
        File.WriteAllText(workload.CSourcePath!, "#include <stdio.h>\nint main(void) { puts(\"two\"); return 0; }\n");
        var third = (await engine.BuildAsync(workload, CancellationToken.None)).Value!;

        Assert.True(built.Succeeded, built.Error);
        var first = built.Value;
        Assert.False(first.CacheHit);
        Assert.True(second.CacheHit);
        Assert.Equal(first.ExecutablePath, second.ExecutablePath);
        Assert.False(third.CacheHit);
        Assert.NotEqual(first.ExecutablePath, third.ExecutablePath);
        Assert.StartsWith(_cache.Path, first.ExecutablePath);
        Assert.Equal(2, Directory.GetDirectories(_cache.Path).Length);
        var outcome = await engine.RunAsync(workload, Settings with { Iterations = 1 }, CancellationToken.None);
        Assert.Equal("two\n", outcome.Stdout);
    }

    [Fact]
    public async Task Without_markers_the_whole_program_is_timed()
    {
        var workload = CWorkload("nomarkers", "#include <time.h>\nint main(void) { struct timespec t = {0, 20000000}; nanosleep(&t, 0); return 0; }\n");

        var outcome = await Engine().RunAsync(workload, Settings with { Iterations = 1 }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(outcome.Iterations[0].ExecutionNs >= 20_000_000, $"{outcome.Iterations[0].ExecutionNs} ns covers less than the 20 ms sleep");
    }

    [Fact]
    public async Task A_compile_error_is_a_failure_with_the_compilers_message()
    {
        var workload = CWorkload("broken", "int main(void) { return this_is_not_declared; }\n");

        var outcome = await Engine().RunAsync(workload, Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("native build of broken failed (exit code 1)", outcome.Error);
        Assert.Contains("this_is_not_declared", outcome.Error);
        Assert.Empty(Directory.GetFileSystemEntries(_cache.Path));
    }

    [Fact]
    public async Task A_workload_without_c_source_fails_clearly()
    {
        var outcome = await Engine().RunAsync(TestWorkloads.Load("modules/hello.wasm"), Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("workload hello has no C source; native needs benchmark.c", outcome.Error);
    }

    [Fact]
    public async Task A_non_zero_exit_is_a_failure_with_the_output_so_far()
    {
        var workload = CWorkload("fails", "#include <stdio.h>\nint main(void) { puts(\"partial\"); fputs(\"bad input\\n\", stderr); return 3; }\n");

        var outcome = await Engine().RunAsync(workload, Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("iteration 0: the program exited with code 3", outcome.Error);
        Assert.Equal("partial\n", outcome.Stdout);
        Assert.Equal("bad input\n", outcome.Stderr);
    }

    [Fact]
    public async Task An_endless_program_is_killed_at_the_deadline()
    {
        var workload = CWorkload("forever", "int main(void) { for (volatile int i = 0; ; i++) { } }\n");

        var outcome = await Engine().RunAsync(workload, new BenchmarkSettings(1, TimeSpan.FromMilliseconds(500)), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("iteration 0: execution exceeded the deadline of 0.5 s", outcome.Error);
    }

    [Fact]
    public async Task Cancellation_kills_a_running_program()
    {
        var workload = CWorkload("forever", "int main(void) { for (volatile int i = 0; ; i++) { } }\n");
        var engine = Engine();
        Assert.True((await engine.BuildAsync(workload, CancellationToken.None)).Succeeded);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var run = engine.RunAsync(workload, new BenchmarkSettings(1, TimeSpan.FromMinutes(5)), cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Without_a_compiler_on_path_it_is_unavailable_with_the_reason()
    {
        var engine = new NativeEngine(new NativeEngineOptions(SearchPath: _work.Path, CacheDirectory: _cache.Path));

        Assert.False(engine.Availability.IsAvailable);
        Assert.Equal("no C compiler found on PATH (cc, gcc, clang)", engine.Availability.Reason);
        var outcome = await engine.RunAsync(TestWorkloads.Spin(), Settings, CancellationToken.None);
        Assert.Equal("no C compiler found on PATH (cc, gcc, clang)", outcome.Error);
    }

    [Fact]
    public void The_lookup_takes_the_first_name_found_on_the_path()
    {
        var engine = new NativeEngine(new NativeEngineOptions(SearchPath: $"{_work.Path}:/usr/bin", CompilerNames: ["no-such-cc", "gcc"]));

        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);
        Assert.Equal("/usr/bin/gcc", engine.Compiler!.Path);
    }
}
