using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Interp;

/// <summary>The benchmark capability: see <see cref="InterpBenchmarkRun"/> for how phases are timed.</summary>
public sealed partial class InterpEngine : IBenchmarkEngine
{
    public Task<BenchmarkOutcome> RunAsync(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => new InterpBenchmarkRun(workload, settings, cancellationToken).Run(),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
