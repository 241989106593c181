namespace WasmBench.Abstractions.Runs;

/// <summary>Progress of a run as the coordinator sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record RunStatus(
    [property: Id(0)] long RunId,
    [property: Id(1)] RunState State,
    [property: Id(2)] int TotalTasks,
    [property: Id(3)] int CompletedTasks,
    [property: Id(4)] int FailedTasks,
    [property: Id(5)] string? Error)
{
    public bool IsFinished => State is RunState.Completed or RunState.Failed;
}
