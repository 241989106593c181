using WasmBench.Abstractions.Workloads;

namespace WasmBench.Abstractions.Runs;

/// <summary>
/// One unit of work for a run: a benchmark workload on an engine, or (Kind = Spec) one .wast
/// script on an engine — then <see cref="Workload"/> names the script (Name = its path in the
/// suite, ModulePath = the file) and <see cref="SpecSuite"/> the suite.
/// With processes, each task is one fresh process (<see cref="Process"/> is its round:
/// 0..processes-1) with <see cref="Warmup"/> warm-up iterations before the measured ones.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkTask(
    [property: Id(0)] long RunId,
    [property: Id(1)] int TaskIndex,
    [property: Id(2)] string Engine,
    [property: Id(3)] Workload Workload,
    [property: Id(4)] int Iterations,
    [property: Id(5)] RunKind Kind = RunKind.Benchmark,
    [property: Id(6)] string? SpecSuite = null,
    [property: Id(7)] int Process = 0,
    [property: Id(8)] int Warmup = 0)
{
    public string Key => $"{RunId}/{TaskIndex}";

    /// <summary>What a runner must offer to lease this task: the engine id, prefixed <c>spec/</c> for spec tasks.</summary>
    public string Capability => Capabilities.For(Kind, Engine);
}

/// <summary>
/// Capability strings: a runner offers one per (kind, engine) it can run, and
/// <c>family:*</c> for a family whose every variant it can make (<c>wasmtime:*</c> covers <c>wasmtime:opt=none</c>).
/// </summary>
public static class Capabilities
{
    public const string SpecPrefix = "spec/";

    public const string AnyVariant = ":*";

    public static string For(RunKind kind, string engine) => kind == RunKind.Spec ? SpecPrefix + engine : engine;

    /// <summary>What a runner offers for every variant of <paramref name="family"/>.</summary>
    public static string ForEveryVariant(RunKind kind, string family) => For(kind, family + AnyVariant);

    /// <summary>Whether <paramref name="offer"/> covers <paramref name="capability"/>: the same string, or the variants of its family.</summary>
    public static bool Covers(IEnumerable<string> offer, string capability)
    {
        var colon = capability.LastIndexOf(':');
        var family = colon < 0 ? null : capability[..colon] + AnyVariant;
        return offer.Any(o => string.Equals(o, capability, StringComparison.OrdinalIgnoreCase)
            || (family is not null && string.Equals(o, family, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>A task handed to one runner until <see cref="ExpiresAt"/>, unless renewed.</summary>
[GenerateSerializer, Immutable]
public sealed record TaskLease(
    [property: Id(0)] Guid LeaseId,
    [property: Id(1)] WorkTask Task,
    [property: Id(2)] DateTimeOffset ExpiresAt);
