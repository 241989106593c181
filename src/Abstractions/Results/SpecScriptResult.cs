using WasmBench.Abstractions.Engines;

namespace WasmBench.Abstractions.Results;

/// <summary>One failed command of a spec script, in full.</summary>
[GenerateSerializer, Immutable]
public sealed record SpecFailure(
    [property: Id(0)] int Line,
    [property: Id(1)] string Command,
    [property: Id(2)] string? Expected,
    [property: Id(3)] string? Actual,
    [property: Id(4)] string? Message);

/// <summary>
/// A .wast script's outcome on one engine: counts per category and every failure. Commands are
/// counted one each (modules, registrations, actions and assertions); text-format commands
/// (<c>module quote</c> malformed cases) are counted apart, since they test a text parser; so are
/// the commands not run because a module they need failed (<see cref="NotRun"/>: that module's
/// failure is counted once, on its own command).
/// The one shape of a script's result, from the runner to the store, the API and the files.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SpecScriptResult(
    [property: Id(0)] string File,
    [property: Id(1)] int Passed,
    [property: Id(2)] int Failed,
    [property: Id(3)] int Skipped,
    [property: Id(4)] int TextFormat,
    [property: Id(5)] IReadOnlyList<SpecFailure> Failures,
    [property: Id(6)] int NotRun = 0);

/// <summary>One engine's results over a suite: totals and each script.</summary>
public sealed record SpecEngineReport(
    EngineIdentity Engine,
    IReadOnlyList<SpecScriptResult> Files)
{
    public int Passed => Files.Sum(f => f.Passed);

    public int Failed => Files.Sum(f => f.Failed);

    public int Skipped => Files.Sum(f => f.Skipped);

    public int TextFormat => Files.Sum(f => f.TextFormat);

    public int NotRun => Files.Sum(f => f.NotRun);
}
