namespace WasmBench.Abstractions.Runs;

/// <summary>What a user asks for: a suite on some engines.</summary>
/// <param name="Suite">A suite name (<c>quick</c>) or a path to a suite file or folder.</param>
/// <param name="Engines">Engine ids; empty means every engine available on the cluster.</param>
/// <param name="Iterations">Measured iterations per (workload, engine).</param>
/// <param name="Label">A free label such as a branch name (<c>main</c>).</param>
[GenerateSerializer, Immutable]
public sealed record RunRequest(
    [property: Id(0)] string Suite,
    [property: Id(1)] IReadOnlyList<string> Engines,
    [property: Id(2)] int Iterations = RunRequest.DefaultIterations,
    [property: Id(3)] string? Label = null)
{
    public const int DefaultIterations = 5;
}
