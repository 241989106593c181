using WasmBench.Abstractions.Results;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Measurement;

/// <summary>
/// Runs one workload on one engine and checks its output: stdout against the expected
/// stdout, stderr against the expected stderr when the workload has one. A failed run's
/// output (so far) is kept but not compared: the error says what went wrong.
/// </summary>
public sealed class WorkloadRunner
{
    public async Task<WorkloadRunResult> RunAsync(
        Workload workload, IBenchmarkEngine engine, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        BenchmarkOutcome outcome;
        if (!engine.Availability.IsAvailable)
        {
            outcome = BenchmarkOutcome.Failure($"engine {engine.Info.Id} is not available: {engine.Availability.Reason}");
        }
        else
        {
            try
            {
                outcome = await engine.RunAsync(workload, settings, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An engine bug must not take the runner down; report it like any failure, in full.
                outcome = BenchmarkOutcome.Failure($"engine {engine.Info.Id} threw: {e}");
            }
        }

        // A failed run's output (so far) is kept but not compared: the error says what went wrong.
        var ran = outcome.Succeeded;
        return new WorkloadRunResult(
            workload.Name,
            engine.Info.Id,
            engine.Info.Identity.Version,
            outcome.Iterations,
            outcome.Stdout,
            outcome.Stderr,
            ran ? OutputComparison.Compare(workload.ExpectedStdout, outcome.Stdout) : OutputVerdict.NotChecked,
            ran ? OutputComparison.Compare(workload.ExpectedStderr, outcome.Stderr) : OutputVerdict.NotChecked,
            ran ? OutputComparison.FirstDifference(workload.ExpectedStdout, outcome.Stdout, "stdout") ?? OutputComparison.FirstDifference(workload.ExpectedStderr, outcome.Stderr, "stderr") : null,
            outcome.ExitCode,
            outcome.Error);
    }
}
