using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Workloads;

public sealed class ModuleProposalsTests
{
    private static readonly EngineInfo WithoutSimd = new("nosimd", "1", EngineKind.Aot, [.. WasmProposals.Wasm2.Where(p => p != WasmProposals.Simd)]);
    private static readonly EngineInfo WithSimd = new("simd", "1", EngineKind.Interpreter, WasmProposals.Wasm2);
    private static readonly EngineInfo Native = new("native", "1", EngineKind.Native, []);

    private static Abstractions.Workloads.Workload Suite(string name)
    {
        var loaded = SuiteLoader.FromEnvironment().Load(Path.Combine(SuitesRoot.Locate()!, "bench", name));
        Assert.True(loaded.Succeeded, loaded.Error);
        return loaded.Value![0];
    }

    [Fact]
    public void The_simd_workload_needs_simd_and_an_engine_without_it_cannot_run_it()
    {
        var simd = Suite("simd");

        Assert.Equal([WasmProposals.Simd], ModuleProposals.Needed(simd));
        Assert.Equal("the module uses simd, which nosimd does not support", ModuleProposals.Unsupported(simd, WithoutSimd));
        Assert.Null(ModuleProposals.Unsupported(simd, WithSimd));
        Assert.Null(ModuleProposals.Unsupported(simd, Native));
    }

    [Fact]
    public void A_scalar_workload_needs_nothing_beyond_what_every_engine_has()
    {
        var fib = Suite("fib");

        Assert.Empty(ModuleProposals.Needed(fib));
        Assert.Null(ModuleProposals.Unsupported(fib, WithoutSimd));
    }
}
