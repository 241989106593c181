using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Command;

namespace WasmBench.Runners.Tests.Engines.Command;

/// <summary>
/// The command engine against a real runtime: WABT's <c>wasm-interp</c>. Debian builds it without
/// WASI, so the WASI preset is probed for real and the rest runs plain modules through a template
/// of the same engine (<c>{wasm} --run-all-exports</c>).
/// </summary>
public sealed class CommandEngineTests : IDisposable
{
    private static readonly BenchmarkSettings Settings = new(2, TimeSpan.FromSeconds(30));

    private static readonly CommandPreset PlainModules =
        new("wasm-interp-exports", "wasm-interp", ["{wasm}", "--run-all-exports", "{args}"], EngineKind.Interpreter, "plain modules on wasm-interp", RunsWasi: false);

    private readonly TempFolder _work = new();

    [Fact]
    public void Templates_expand_the_module_the_folder_and_each_argument()
    {
        var preset = new CommandPreset("t", "rt", ["run", "--dir={dir}", "{wasm}", "--", "{args}"], EngineKind.Jit, "t");

        Assert.Equal(["run", "--dir=/w", "/w/b.wasm", "--", "small", "x y"], preset.Expand("/w/b.wasm", "/w", ["small", "x y"]));
        Assert.Equal(["run", "--dir=/w", "/w/b.wasm", "--"], preset.Expand("/w/b.wasm", "/w", []));
        Assert.Equal("command:t", preset.Id);
        Assert.Equal("WASMBENCH_COMMAND_WASM_INTERP", CommandPreset.All.Single(p => p.Name == "wasm-interp").PathVariable);
    }

    [Fact]
    public void Every_issue_preset_is_in_the_catalog()
    {
        Assert.Equal(["wasm3", "wasmer", "iwasm", "wasmedge", "wasmtime-cli", "wasm-interp"], CommandPreset.All.Select(p => p.Name));
        Assert.All(CommandPreset.All, p => Assert.Contains("{wasm}", p.Template));
    }

    [Fact]
    public async Task A_runtime_not_on_the_path_is_unavailable_with_the_reason()
    {
        var engine = new CommandEngine(CommandPreset.All.Single(p => p.Name == "wasm3"), new CommandEngineOptions(SearchPath: _work.Path));

        Assert.False(engine.Availability.IsAvailable);
        Assert.Contains("'wasm3' not found on PATH", engine.Availability.Reason);
        Assert.Contains("WASMBENCH_COMMAND_WASM3", engine.Availability.Reason);
        Assert.Equal("command:wasm3", engine.Info.Id);
        var outcome = await engine.RunAsync(TestWorkloads.Load("modules/hello.wasm"), Settings, CancellationToken.None);
        Assert.StartsWith("command:wasm3 is not available", outcome.Error);
    }

    [Fact]
    public async Task The_wasm_interp_preset_is_probed_by_running_a_wasi_command()
    {
        var engine = new CommandEngine(CommandPreset.All.Single(p => p.Name == "wasm-interp"));

        Assert.Matches(@"^\d+\.\d+", engine.Info.Identity.Version);
        if (engine.Availability.IsAvailable)
        {
            var outcome = await engine.RunAsync(TestWorkloads.Load("modules/hello.wasm"), Settings, CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Error);
            Assert.Equal("hello\n", outcome.Stdout);
        }
        else
        {
            // Debian's wasm-interp says "wasi support not compiled in": the reason must carry the runtime's own words.
            Assert.Contains("did not run a WASI command", engine.Availability.Reason);
            Assert.Matches(@"\): \S", engine.Availability.Reason!);
        }
    }

    [Fact]
    public async Task A_module_is_timed_as_a_whole_process_and_the_outcome_says_so()
    {
        var engine = new CommandEngine(PlainModules);
        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);

        var outcome = await engine.RunAsync(TestWorkloads.Load("modules/noop.wasm"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("_start() =>\n", outcome.Stdout);
        Assert.Equal(CommandEngine.TimingNote, outcome.Note);
        Assert.Equal([0, 1], outcome.Iterations.Select(t => t.Iteration));
        Assert.All(outcome.Iterations, t =>
        {
            Assert.Null(t.CompilationNs);
            Assert.Null(t.InstantiationNs);
            Assert.True(t.ExecutionNs > 0);
        });
    }

    [Fact]
    public async Task An_infinite_loop_is_killed_at_the_deadline()
    {
        var outcome = await new CommandEngine(PlainModules).RunAsync(
            TestWorkloads.Load("modules/loop.wasm"), new BenchmarkSettings(1, TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("iteration 0: execution exceeded the deadline of 0.3 s", outcome.Error);
    }

    [Fact]
    public async Task Cancellation_stops_the_runtime_process()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var engine = new CommandEngine(PlainModules);
        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            engine.RunAsync(TestWorkloads.Load("modules/loop.wasm"), new BenchmarkSettings(1, TimeSpan.FromMinutes(5)), cts.Token));
    }

    [Fact]
    public async Task A_failing_runtime_is_a_failed_task_with_its_stderr_kept()
    {
        var path = Path.Combine(_work.Path, "benchmark.wasm");
        await File.WriteAllBytesAsync(path, [0, 0x61, 0x73, 0x6d, 9, 9]);
        var workload = new Abstractions.Workloads.Workload("bad", _work.Path, path, [], null, null, null);

        var outcome = await new CommandEngine(PlainModules).RunAsync(workload, Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("iteration 0: the program exited with code ", outcome.Error);
        Assert.Contains("error", outcome.Stderr);
    }

    [Fact]
    public async Task A_workload_with_bench_markers_fails_with_the_reason()
    {
        var outcome = await new CommandEngine(PlainModules).RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("imports bench.start/bench.end", outcome.Error);
    }

    [Fact]
    public async Task A_runtime_binary_that_disappears_after_the_probe_fails_its_tasks_with_that_reason()
    {
        var copy = Path.Combine(_work.Path, "wasm-interp");
        File.Copy(ExecutableLookup.Find("wasm-interp")!, copy);
        var engine = new CommandEngine(PlainModules, new CommandEngineOptions(Executable: copy));
        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);

        File.Delete(copy);
        var outcome = await engine.RunAsync(TestWorkloads.Load("modules/noop.wasm"), Settings, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal($"iteration 0: the runtime's binary {copy} is gone (it was there when the engine was probed)", outcome.Error);
    }

    [Fact]
    public async Task The_runtime_runs_sandboxed_without_the_services_environment_or_etc()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The sandbox is Linux's (bubblewrap).
        }

        Environment.SetEnvironmentVariable("WASMBENCH_COMMAND_TEST_SECRET", "s3cret");
        try
        {
            var runtime = _work.Write("bin/hostile-rt", """
                #!/bin/sh
                echo "secret=${WASMBENCH_COMMAND_TEST_SECRET:-absent}"
                cat /etc/passwd >/dev/null 2>&1 && echo passwd-read || echo passwd-blocked
                touch "$(dirname "$1")/escape" 2>/dev/null && echo workload-written || echo workload-blocked
                """);
            File.SetUnixFileMode(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var preset = new CommandPreset("hostile-rt", "hostile-rt", ["{wasm}"], EngineKind.Interpreter, "a runtime that tries to escape", RunsWasi: false);
            var engine = new CommandEngine(preset, new CommandEngineOptions(SearchPath: Path.GetDirectoryName(runtime)));
            Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);
            var workload = TestWorkloads.Load("modules/noop.wasm");
            var escape = Path.Combine(workload.Directory, "escape");
            File.Delete(escape); // Left by an earlier unsandboxed run, it would prove nothing.

            var outcome = await engine.RunAsync(workload, Settings, CancellationToken.None);

            Assert.True(outcome.Succeeded, outcome.Error);
            Assert.Equal("secret=absent\npasswd-blocked\nworkload-blocked\n", outcome.Stdout);
            Assert.False(File.Exists(escape));
        }
        finally
        {
            Environment.SetEnvironmentVariable("WASMBENCH_COMMAND_TEST_SECRET", null);
        }
    }

    public void Dispose() => _work.Dispose();
}
