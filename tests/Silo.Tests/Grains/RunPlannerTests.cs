using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Workloads;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Grains;

namespace WasmBench.Silo.Tests.Grains;

public sealed class RunPlannerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static RunPlanner Planner(params IEngine[] engines) =>
        new(new EngineCatalog(engines), SuiteLoader.FromEnvironment());

    [Fact]
    public void Expands_the_quick_suite_into_workload_by_engine_tasks()
    {
        var planned = Planner(new WasmtimeEngine(), new NativeEngine()).Plan(new RunRequest("quick", ["wasmtime", "native"], 3));

        Assert.True(planned.Succeeded, planned.Error);
        var plan = planned.Value;
        Assert.Equal(["wasmtime", "native"], plan.Engines);
        Assert.Equal(SuiteLoader.FromEnvironment().Load("quick").Value!.Count * 2, plan.Tasks.Count);
        Assert.Equal(Enumerable.Range(0, plan.Tasks.Count), plan.Tasks.Select(t => t.TaskIndex));
        Assert.All(plan.Tasks, t => Assert.Equal(3, t.Iterations));
        Assert.Contains(plan.Tasks, t => t.Workload.Name == "fib@small" && t.Engine == "native" && t.Workload.CSourcePath is not null);
    }

    [Fact]
    public void An_unknown_engine_is_an_error_that_lists_the_available_ones()
    {
        var plan = Planner(new WasmtimeEngine(), new NativeEngine()).Plan(new RunRequest("quick", ["nosuch"]));

        Assert.False(plan.Succeeded);
        Assert.Contains("'nosuch'", plan.Error);
        Assert.Contains("available engines: native, wasmtime", plan.Error);
    }

    [Fact]
    public void A_variant_of_an_engine_family_is_planned_with_the_catalog_of_the_composition_root()
    {
        using var services = WasmBenchServices.Create(s => s.AddWasmBenchEngines());
        var planner = new RunPlanner(services.GetRequiredService<EngineCatalog>(), SuiteLoader.FromEnvironment());

        var plan = planner.Plan(new RunRequest("smoke", ["wasmtime:opt=none", "wasmtime"], 1));
        var badFlag = planner.Plan(new RunRequest("smoke", ["wasmtime:tier=fast"], 1));

        Assert.True(plan.Succeeded, plan.Error);
        Assert.Equal(["wasmtime:opt=none", "wasmtime"], plan.Value.Engines);
        Assert.Contains(plan.Value.Tasks, t => t.Engine == "wasmtime:opt=none");
        Assert.Contains("unknown or unavailable engine 'wasmtime:tier=fast' (unknown wasmtime flag 'tier=fast'", badFlag.Error);
    }

    [Fact]
    public void An_unavailable_engine_says_why()
    {
        var noCompiler = new NativeEngine(new NativeEngineOptions(SearchPath: _dir.Path));
        var plan = Planner(new WasmtimeEngine(), noCompiler).Plan(new RunRequest("quick", ["native"]));

        Assert.Contains("no C compiler", plan.Error);
        Assert.Contains("available engines: wasmtime", plan.Error);
    }

    [Fact]
    public void An_unknown_suite_is_an_error_that_lists_the_suites()
    {
        var plan = Planner(new WasmtimeEngine()).Plan(new RunRequest("nosuch", []));

        Assert.Contains("unknown suite 'nosuch'", plan.Error);
        Assert.Contains("quick", plan.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(RunPlanner.MaxIterations + 1)]
    public void Iterations_out_of_range_are_rejected(int iterations) =>
        Assert.Contains("iterations", Planner(new WasmtimeEngine()).Plan(new RunRequest("quick", [], iterations)).Error);

    [Fact]
    public void No_engines_means_every_available_one()
    {
        var plan = Planner(new WasmtimeEngine(), new NativeEngine()).Plan(new RunRequest("quick", []));

        Assert.Equal(["wasmtime", "native"], plan.Value!.Engines);
    }

    [Fact]
    public void A_workload_without_c_source_has_no_native_task_and_the_run_says_so()
    {
        var folder = Path.Combine(_dir.Path, "user", "hello");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(SuitesRoot.Locate()!, "bench", "fib", "benchmark.wasm"), Path.Combine(folder, "benchmark.wasm"));

        var plan = Planner(new WasmtimeEngine(), new NativeEngine()).Plan(new RunRequest(Path.Combine(_dir.Path, "user"), [])).Value!;

        var task = Assert.Single(plan.Tasks);
        Assert.Equal("wasmtime", task.Engine);
        Assert.Contains(plan.Notes, n => n.Contains("no C source", StringComparison.Ordinal));
    }

    [Fact]
    public void A_simd_workload_has_no_task_on_an_engine_without_simd_and_the_run_says_so()
    {
        // wasm2c (WABT 1.0.32) lists no SIMD; wasmtime does (both installed by .ci/run).
        var plan = Planner(new WasmtimeEngine(), new Runners.Engines.Wasm2c.Wasm2cEngine()).Plan(new RunRequest("quick", ["wasmtime", "wasm2c"])).Value!;

        Assert.Contains(plan.Tasks, t => t.Workload.Name == "simd@small" && t.Engine == "wasmtime");
        Assert.DoesNotContain(plan.Tasks, t => t.Workload.Name == "simd@small" && t.Engine == "wasm2c");
        Assert.Contains(plan.Tasks, t => t.Workload.Name == "fib@small" && t.Engine == "wasm2c");
        Assert.Contains("simd@small is not run on wasm2c: the module uses simd, which wasm2c does not support", plan.Notes);
    }

    [Fact]
    public void The_run_states_which_engines_cannot_separate_every_phase_and_why()
    {
        var plan = Planner(new WasmtimeEngine(), new NativeEngine()).Plan(new RunRequest("smoke", [])).Value!;

        var note = Assert.Single(plan.Notes);
        Assert.StartsWith("native reports execution only: ", note, StringComparison.Ordinal);
        Assert.Contains(NativeEngine.PhaseNote, note, StringComparison.Ordinal);
    }

    [Fact]
    public void Processes_are_rounds_of_every_pair_in_a_seeded_shuffled_order()
    {
        var request = new RunRequest("quick", ["wasmtime", "native"], 4, Processes: 3, Warmup: 2, Seed: 1234);
        var planned = Planner(new WasmtimeEngine(), new NativeEngine()).Plan(request);
        var pairs = SuiteLoader.FromEnvironment().Load("quick").Value!.Count * 2;

        Assert.True(planned.Succeeded, planned.Error);
        var plan = planned.Value;
        Assert.Equal(1234, plan.Seed);
        Assert.Equal(pairs * 3, plan.Tasks.Count);
        Assert.All(plan.Tasks, t => Assert.Equal(2, t.Warmup));
        for (var round = 0; round < 3; round++)
        {
            var tasks = plan.Tasks.Skip(round * pairs).Take(pairs).ToList();
            Assert.All(tasks, t => Assert.Equal(round, t.Process));
            Assert.Equal(pairs, tasks.Select(t => (t.Workload.Name, t.Engine)).Distinct().Count());
        }

        var order = (int round) => plan.Tasks.Where(t => t.Process == round).Select(t => $"{t.Workload.Name}/{t.Engine}").ToList();
        Assert.NotEqual(order(0), order(1));
        var again = Planner(new WasmtimeEngine(), new NativeEngine()).Plan(request).Value!;
        Assert.Equal(plan.Tasks.Select(t => (t.Workload.Name, t.Engine, t.Process)), again.Tasks.Select(t => (t.Workload.Name, t.Engine, t.Process)));
    }

    [Fact]
    public void A_run_of_several_processes_without_a_seed_gets_one() =>
        Assert.NotNull(Planner(new WasmtimeEngine()).Plan(new RunRequest("quick", [], 1, Processes: 2)).Value!.Seed);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(101, 0)]
    [InlineData(1, -1)]
    public void Processes_and_warmup_out_of_range_are_errors(int processes, int warmup) =>
        Assert.False(Planner(new WasmtimeEngine()).Plan(new RunRequest("quick", [], 1, Processes: processes, Warmup: warmup)).Succeeded);

    public void Dispose() => _dir.Dispose();
}
