using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Results;

/// <summary>
/// One measured value: a phase of one iteration in one process. Warm-up iterations are
/// recorded with <see cref="Warmup"/> set and left out of every statistic. The one measurement
/// record from the measuring child to the store and back.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Sample(
    [property: Id(0)] Phase Phase,
    [property: Id(1)] int Process,
    [property: Id(2)] int Iteration,
    [property: Id(3)] long Nanoseconds,
    [property: Id(4)] bool Warmup = false);

/// <summary>What a measuring process measured besides its iterations.</summary>
public enum ProcessEventKind
{
    /// <summary>The machine reference timed before the process's first iteration.</summary>
    MachineReferenceBefore,

    /// <summary>The machine reference timed after the process's last iteration.</summary>
    MachineReferenceAfter,
}

/// <summary>
/// A measured event of one measuring process, apart from the workload's phases: the
/// engine-independent machine reference each process times before its first and after its last
/// iteration (<see cref="DisturbanceRule"/> says what it means).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProcessEvent(
    [property: Id(0)] ProcessEventKind Kind,
    [property: Id(1)] int Process,
    [property: Id(2)] long Nanoseconds);
