using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Results;

/// <summary>
/// One measured value: a phase of one iteration in one process. Warm-up iterations are
/// recorded with <see cref="Warmup"/> set and left out of every statistic.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Sample(
    [property: Id(0)] Phase Phase,
    [property: Id(1)] int Process,
    [property: Id(2)] int Iteration,
    [property: Id(3)] long Nanoseconds,
    [property: Id(4)] bool Warmup = false);

/// <summary>What a runner reports for a task: the samples (or, for a spec task, the script's outcome), or why there are none.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskResult(
    [property: Id(0)] long RunId,
    [property: Id(1)] int TaskIndex,
    [property: Id(2)] EngineInfo Engine,
    [property: Id(3)] string Workload,
    [property: Id(4)] MachineFingerprint Machine,
    [property: Id(5)] IReadOnlyList<Sample> Samples,
    [property: Id(6)] OutputVerdict Output,
    [property: Id(7)] string? Error,
    [property: Id(8)] SpecScriptResult? Spec = null)
{
    public bool Succeeded => Error is null;
}
