using System.Diagnostics.CodeAnalysis;
using WasmBench.Abstractions.Engines;

namespace WasmBench.Abstractions.Results;

/// <summary>
/// What a runner reports for one task (one process of one workload on one engine; for a spec task
/// one script on one engine): the samples and the process's events, or, for a spec task, the
/// script's outcome; or why there are none.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TaskResult(
    [property: Id(0)] long RunId,
    [property: Id(1)] int TaskIndex,
    [property: Id(2)] EngineIdentity Engine,
    [property: Id(3)] string Workload,
    [property: Id(4)] MachineFingerprint Machine,
    [property: Id(5)] IReadOnlyList<Sample> Samples,
    [property: Id(6)] IReadOnlyList<ProcessEvent> Events,
    [property: Id(7)] OutputVerdict Output,
    [property: Id(8)] string? Error,
    [property: Id(9)] SpecScriptResult? Spec = null)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}
