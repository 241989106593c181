using BenchmarkDotNet.Attributes;
using WasmBench.Interpreter;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Benchmarks;

/// <summary>
/// The interpreter on small WAT kernels (Kernels/*.wat, with their committed .wasm): an i64 sum
/// loop and iterative Fibonacci (100M iterations each), recursive fib(32), and a memory-heavy
/// array kernel, also written with i32x4 SIMD (simd_memory, same result). One invocation runs the exported <c>run</c> once (a fresh instance per iteration).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class InterpreterKernels
{
    private Interpreter.Model.WasmModule? _module;
    private ModuleInstance? _instance;

    [Params("sum", "fib_iter", "fib_rec", "memory", "simd_memory")]
    public string Kernel { get; set; } = "sum";

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Kernels", Kernel + ".wasm");
        var outcome = WasmEngine.Compile(File.ReadAllBytes(path));
        _module = outcome.Module ?? throw new InvalidOperationException($"{Kernel}: {outcome.Message}");
    }

    [IterationSetup]
    public void NewInstance() =>
        _instance = WasmEngine.Instantiate(new Store(), _module!, (_, _) => null).Instance
            ?? throw new InvalidOperationException("instantiation failed");

    [Benchmark]
    public ulong Run() => WasmEngine.Invoke(_instance!, "run")[0];
}
