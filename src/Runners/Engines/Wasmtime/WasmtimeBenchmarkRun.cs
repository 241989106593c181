using System.Diagnostics;
using Wasmtime;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// One benchmark task on Wasmtime: one engine for the task, then per iteration a fresh
/// compilation (<c>Module.FromBytes</c>), a fresh store + WASI context + instantiation, and
/// a call of <c>_start</c>. Synchronous: the caller puts it on its own thread.
/// </summary>
internal sealed class WasmtimeBenchmarkRun(WasmtimeOptions options, Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken)
{
    private static readonly TimeSpan EpochPeriod = TimeSpan.FromMilliseconds(5);

    private readonly BenchMarkers _markers = new();
    private readonly ExecutionDeadline _deadline = new(settings.Timeout, cancellationToken);

    /// <summary>The whole <c>_start</c> call of each finished iteration, in ns (for tests of the markers).</summary>
    public List<long> WholeStartNs { get; } = [];

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

        using var config = options.CreateConfig();
        using var engine = new global::Wasmtime.Engine(config);
        using var ticker = new EpochTicker(engine, EpochPeriod);
        using var linker = new Linker(engine);
        linker.DefineWasi();
        linker.DefineFunction("bench", "start", _markers.Start);
        linker.DefineFunction("bench", "end", _markers.End);

        var timings = new List<IterationTiming>(settings.Iterations);
        var last = new IterationOutput("", "");
        for (var i = 0; i < settings.Iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (timing, output, error) = RunIteration(engine, linker, bytes, i);
            if (error is not null)
            {
                return BenchmarkOutcome.Failure($"iteration {i}: {error}", output.Stdout, output.Stderr);
            }

            timings.Add(timing!);
            last = output;
        }

        return new BenchmarkOutcome(timings, last.Stdout, last.Stderr, 0, null);
    }

    private (IterationTiming? Timing, IterationOutput Output, string? Error) RunIteration(
        global::Wasmtime.Engine engine, Linker linker, byte[] bytes, int iteration)
    {
        using var output = new CapturedOutput();
        var (timing, error) = Measure(engine, linker, bytes, iteration, output);
        return (timing, output.Read(), error);
    }

    private (IterationTiming? Timing, string? Error) Measure(
        global::Wasmtime.Engine engine, Linker linker, byte[] bytes, int iteration, CapturedOutput output)
    {
        var t0 = Stopwatch.GetTimestamp();
        Module module;
        try
        {
            module = Module.FromBytes(engine, workload.Stem, bytes);
        }
        catch (WasmtimeException e)
        {
            return (null, $"compilation failed: {e.Message}");
        }

        var t1 = Stopwatch.GetTimestamp();
        using (module)
        using (var store = CreateStore(engine, output))
        {
            _markers.Reset();
            _deadline.Arm();
            var t2 = Stopwatch.GetTimestamp();
            Instance instance;
            try
            {
                instance = linker.Instantiate(store, module);
            }
            catch (WasmtimeException e)
            {
                return (null, Describe("instantiation failed", e));
            }

            var t3 = Stopwatch.GetTimestamp();
            var start = instance.GetAction("_start");
            if (start is null)
            {
                return (null, "the module exports no _start function (not a WASI command)");
            }

            var t4 = Stopwatch.GetTimestamp();
            var error = Call(start);
            var t5 = Stopwatch.GetTimestamp();
            if (error is not null)
            {
                return (null, error);
            }

            WholeStartNs.Add(ToNs(t5 - t4));
            return (new IterationTiming(iteration, ToNs(t1 - t0), ToNs(t3 - t2), ToNs(_markers.ExecutionTicks(t4, t5))), null);
        }
    }

    private Store CreateStore(global::Wasmtime.Engine engine, CapturedOutput output)
    {
        var store = new Store(engine);
        store.SetLimits(memorySize: settings.MaxMemoryPages * 65536L);
        store.SetWasiConfiguration(new WasiConfiguration()
            .WithArgs([workload.Stem, .. workload.Args])
            .WithPreopenedDirectory(workload.Directory, ".", false)
            .WithStandardOutput(output.StdoutPath)
            .WithStandardError(output.StderrPath));
        store.SetEpochDeadline(1);
        store.SetEpochDeadlineCallback(_deadline.OnEpochDeadline);
        return store;
    }

    /// <summary>Runs <c>_start</c>; null on success (a return or <c>proc_exit(0)</c>), else the reason.</summary>
    private string? Call(Action start)
    {
        try
        {
            start();
            return null;
        }
        catch (WasmtimeException e) when (e.ExitCode == 0)
        {
            return null;
        }
        catch (WasmtimeException e) when (e.ExitCode is int code)
        {
            return $"the program exited with code {code}";
        }
        catch (WasmtimeException e)
        {
            return Describe("execution failed", e);
        }
    }

    private string Describe(string what, WasmtimeException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case OperationCanceledException canceled:
                    throw new OperationCanceledException("the benchmark task was cancelled", canceled, cancellationToken);
                case DeadlineExceededException deadline:
                    return deadline.Message;
            }
        }

        // Wasmtime's message is "error while executing at wasm backtrace: ... Caused by: <reason>";
        // lead with the reason (its last line), keep the whole text for the backtrace.
        var message = e.Message.Trim();
        var reason = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var kind = e is TrapException trap ? $"trap ({trap.Type})" : what;
        return reason == message ? $"{kind}: {message}" : $"{kind}: {reason}\n{message}";
    }

    private static long ToNs(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
}
