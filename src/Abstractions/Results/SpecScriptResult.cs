namespace WasmBench.Runners.Spec;

/// <summary>One failed command of a script, as stored and reported.</summary>
public sealed record SpecFailure(int Line, string Command, string? Expected, string? Actual, string? Message);

/// <summary>
/// The outcome counts of one script on one engine, with every failure in full. Commands are
/// counted one each (modules, registrations, actions and assertions).
/// </summary>
public sealed record SpecScriptResult(
    string File,
    int Passed,
    int Failed,
    int Skipped,
    int TextFormat,
    IReadOnlyList<SpecFailure> Failures);

/// <summary>One engine's results over a suite: totals and each script.</summary>
public sealed record SpecEngineReport(
    string Name,
    string Version,
    IReadOnlyList<SpecScriptResult> Files)
{
    public int Passed => Files.Sum(f => f.Passed);

    public int Failed => Files.Sum(f => f.Failed);

    public int Skipped => Files.Sum(f => f.Skipped);

    public int TextFormat => Files.Sum(f => f.TextFormat);
}
