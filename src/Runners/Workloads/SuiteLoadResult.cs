namespace WasmBench.Runners.Workloads;

/// <summary>The workloads of a suite, or why the suite could not be loaded.</summary>
public sealed record SuiteLoadResult(IReadOnlyList<Workload> Workloads, string? Error)
{
    public bool Succeeded => Error is null;

    public static SuiteLoadResult Success(IReadOnlyList<Workload> workloads) => new(workloads, null);

    public static SuiteLoadResult Failure(string error) => new([], error);
}
