using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Wast;

/// <summary>
/// Runs a parsed script on any <see cref="IConformanceEngine"/>, command by command, in one
/// session. Keeps the current module, named instances, module definitions and registrations.
/// </summary>
/// <param name="converter">The converter of the script's text modules.</param>
public sealed class WastScriptRunner(IConformanceEngine engine, ConformanceLimits limits, ConformanceProfile profile = ConformanceProfile.Wasm3, TextConverter converter = TextConverter.Wasmtime)
{
    public WastRunResult Run(string scriptPath, CancellationToken cancellationToken)
    {
        var parsed = WastParser.ParseFile(scriptPath);
        return parsed.Succeeded
            ? Run(parsed.Value, cancellationToken)
            : new WastRunResult(scriptPath, [new CommandOutcome(0, "(script)", CommandStatus.Failed, Message: parsed.Error)], parsed.Error);
    }

    public WastRunResult Run(WastScript script, CancellationToken cancellationToken)
    {
        using var session = engine.CreateSession(limits, profile);
        var state = new WastRunState(session, converter);
        var outcomes = new List<CommandOutcome>(script.Commands.Count);
        foreach (var command in script.Commands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CommandOutcome outcome;
            try
            {
                outcome = state.Execute(command);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome = new CommandOutcome(command.Line, command.Describe(), CommandStatus.Failed, Message: $"the harness or engine threw {e.GetType().Name}: {e.Message}");
            }

            outcomes.Add(outcome);
        }

        return new WastRunResult(script.File, outcomes);
    }
}
