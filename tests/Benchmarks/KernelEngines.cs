using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using WasmBench.Interpreter;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Benchmarks;

/// <summary>
/// The same non-WASI kernels (Kernels/*.wasm, each exporting <c>run</c>) on three engines in one
/// BenchmarkDotNet run, so the Ratio column compares them under the same machine load:
/// interp (baseline), Wasmtime (Cranelift, compiled in the setup, a fresh instance per
/// iteration) and WABT's wasm-interp (Debian's wabt; a child process per invocation — its
/// start-up is milliseconds beside seconds of work).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class KernelEngines
{
    private string _path = "";
    private Interpreter.Model.WasmModule? _interpModule;
    private ModuleInstance? _interpInstance;
    private global::Wasmtime.Engine? _wasmtime;
    private global::Wasmtime.Module? _wasmtimeModule;
    private global::Wasmtime.Store? _store;
    private global::Wasmtime.Instance? _wasmtimeInstance;

    [Params("sum", "fib_iter", "fib_rec", "memory", "simd_memory")]
    public string Kernel { get; set; } = "sum";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(AppContext.BaseDirectory, "Kernels", Kernel + ".wasm");
        var bytes = File.ReadAllBytes(_path);
        _interpModule = WasmEngine.Compile(bytes).Module ?? throw new InvalidOperationException(Kernel);
        _wasmtime = new global::Wasmtime.Engine();
        _wasmtimeModule = global::Wasmtime.Module.FromBytes(_wasmtime, Kernel, bytes);
    }

    [IterationSetup]
    public void NewInstances()
    {
        _interpInstance = WasmEngine.Instantiate(new Store(), _interpModule!, (_, _) => null).Instance;
        _store?.Dispose();
        _store = new global::Wasmtime.Store(_wasmtime!);
        _wasmtimeInstance = new global::Wasmtime.Linker(_wasmtime!).Instantiate(_store, _wasmtimeModule!);
    }

    [Benchmark(Baseline = true)]
    public ulong Interp() => WasmEngine.Invoke(_interpInstance!, "run")[0];

    [Benchmark]
    public object? Wasmtime() => _wasmtimeInstance!.GetFunction("run")!.Invoke();

    [Benchmark]
    public int WasmInterp()
    {
        using var process = Process.Start(new ProcessStartInfo("wasm-interp", ["--run-all-exports", _path]) { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"wasm-interp exited {process.ExitCode}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _wasmtimeModule?.Dispose();
        _wasmtime?.Dispose();
    }
}
