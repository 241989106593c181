using System.Diagnostics;
using WasmBench.Interpreter;
using WasmBench.Interpreter.Runtime;
using WasmBench.Runners.Engines.Interp.Wasi;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Interp;

/// <summary>
/// One benchmark task on the interpreter. Per iteration: decode + validate (compilation),
/// a fresh store + WASI host + instantiation (instantiation), <c>_start</c> (execution, between
/// the bench markers when the module calls them). Synchronous: the caller gives it a thread.
/// </summary>
internal sealed class InterpBenchmarkRun(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken)
{
    private readonly BenchMarkers _markers = new();

    public BenchmarkOutcome Run()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(workload.ModulePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return BenchmarkOutcome.Failure($"cannot read module {workload.ModulePath}: {e.Message}");
        }

        var timings = new List<IterationTiming>(settings.Iterations);
        var (stdout, stderr) = ("", "");
        for (var i = 0; i < settings.Iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wasi = default(WasiHost);
            var (timing, error) = Iteration(bytes, i, h => wasi = h);
            (stdout, stderr) = (wasi?.Stdout ?? "", wasi?.Stderr ?? "");
            if (error is not null)
            {
                return BenchmarkOutcome.Failure($"iteration {i}: {error}", stdout, stderr);
            }

            timings.Add(timing!);
        }

        return new BenchmarkOutcome(timings, stdout, stderr, 0, null);
    }

    private (IterationTiming? Timing, string? Error) Iteration(byte[] bytes, int iteration, Action<WasiHost> onHost)
    {
        var t0 = Stopwatch.GetTimestamp();
        var compiled = WasmEngine.Compile(bytes);
        var t1 = Stopwatch.GetTimestamp();
        if (compiled.Module is not { } module)
        {
            return (null, $"compilation failed ({compiled.Error}): {compiled.Message}");
        }

        var store = new Store(new StoreLimits(MaxMemoryPages: (uint)settings.MaxMemoryPages, Timeout: settings.Timeout))
        {
            CancellationToken = cancellationToken,
        };
        ModuleInstance? instance = null;
        var wasi = new WasiHost([workload.Stem, .. workload.Args], workload.Directory, () => instance?.DefaultMemory is { } m ? m.Span : []);
        onHost(wasi);
        _markers.Reset();
        var t2 = Stopwatch.GetTimestamp();
        InstantiateOutcome inst;
        try
        {
            inst = WasmEngine.Instantiate(store, module, InterpWasiImports.Create(store, module, wasi, _markers));
        }
        catch (WasiExitException e)
        {
            return (null, $"the start function exited with code {e.Code}");
        }

        var t3 = Stopwatch.GetTimestamp();
        if (inst.Instance is null)
        {
            return (null, $"instantiation failed ({inst.Error}): {inst.Message}");
        }

        instance = inst.Instance;
        if (instance.GetExport("_start")?.Function is not { } start)
        {
            return (null, "the module exports no _start function (not a WASI command)");
        }

        var t4 = Stopwatch.GetTimestamp();
        var error = Call(store, start);
        var t5 = Stopwatch.GetTimestamp();
        if (error is not null)
        {
            return (null, error);
        }

        return (new IterationTiming(iteration, ToNs(t1 - t0), ToNs(t3 - t2), ToNs(_markers.ExecutionTicks(t4, t5))), null);
    }

    private string? Call(Store store, FunctionInstance start)
    {
        try
        {
            store.Invoke(start, []);
            return null;
        }
        catch (WasiExitException e)
        {
            return e.Code == 0 ? null : $"the program exited with code {e.Code}";
        }
        catch (TrapException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return $"{(e.Kind == WasmErrorKind.Exhaustion ? "exhaustion" : "trap")}: {e.Message}";
        }
    }

    private static long ToNs(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
