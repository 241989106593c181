namespace WasmBench.Abstractions.Results;

/// <summary>One failed command of a spec script, in full.</summary>
[GenerateSerializer, Immutable]
public sealed record SpecFailureRecord(
    [property: Id(0)] int Line,
    [property: Id(1)] string Command,
    [property: Id(2)] string? Expected,
    [property: Id(3)] string? Actual,
    [property: Id(4)] string? Message);

/// <summary>A .wast script's outcome on one engine: counts per category and every failure.</summary>
[GenerateSerializer, Immutable]
public sealed record SpecFileResult(
    [property: Id(0)] string File,
    [property: Id(1)] int Passed,
    [property: Id(2)] int Failed,
    [property: Id(3)] int Skipped,
    [property: Id(4)] int TextFormat,
    [property: Id(5)] IReadOnlyList<SpecFailureRecord> Failures);
