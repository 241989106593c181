namespace WasmBench.Runners.Wast;

public enum CommandStatus
{
    Passed,
    Failed,
    /// <summary>The engine reported <see cref="Conformance.OutcomeKind.Unsupported"/>; the reason is in the message.</summary>
    Skipped,
    /// <summary>A text-format-only assertion (a quoted or text module the text converter rejects); not run on the engine.</summary>
    TextFormat,
    /// <summary>
    /// Not run: the command needs a module whose own command failed (that failure is counted once,
    /// there); the message names the module's line.
    /// </summary>
    NotRun,
}

/// <summary>The outcome of one command of a script.</summary>
/// <param name="Command">A short form of the command, e.g. <c>assert_return (invoke "f" i32:1)</c>.</param>
public sealed record CommandOutcome(
    int Line,
    string Command,
    CommandStatus Status,
    string? Expected = null,
    string? Actual = null,
    string? Message = null);

/// <summary>Every command's outcome for one script; <see cref="Error"/> is set when the script did not parse.</summary>
public sealed record WastRunResult(string File, IReadOnlyList<CommandOutcome> Outcomes, string? Error = null)
{
    public int Count(CommandStatus status) => Outcomes.Count(o => o.Status == status);
}
