using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>The benchmark capability: see <see cref="WasmtimeBenchmarkRun"/> for how phases are timed.</summary>
public sealed partial class WasmtimeEngine : IBenchmarkEngine
{
    public Task<BenchmarkOutcome> RunAsync(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        if (!Availability.IsAvailable)
        {
            return Task.FromResult(BenchmarkOutcome.Failure($"wasmtime is not available: {Availability.Reason}"));
        }

        // A dedicated thread: an iteration blocks in native code for as long as the program runs.
        return Task.Factory.StartNew(
            () => new WasmtimeBenchmarkRun(Options, workload, settings, cancellationToken).Run(),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }
}
