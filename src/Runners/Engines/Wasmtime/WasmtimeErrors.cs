using WasmBench.Runners.Conformance;
using Wt = global::Wasmtime;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>Maps Wasmtime errors to outcome classes.</summary>
internal static class WasmtimeErrors
{
    public static string Flatten(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            parts.Add(x.Message.Trim());
        }

        return string.Join(": ", parts);
    }

    public static (OutcomeKind Kind, string Message) ClassifyTrap(Wt.TrapException e)
    {
        var message = Flatten(e);
        if (message.Contains("thrown Wasm exception", StringComparison.Ordinal))
        {
            return (OutcomeKind.Exception, message);
        }

        return e.Type switch
        {
            Wt.TrapCode.StackOverflow => (OutcomeKind.Exhaustion, message),
            Wt.TrapCode.Interrupt => (OutcomeKind.Trap, "deadline exceeded (the action ran longer than the timeout): " + message),
            Wt.TrapCode.UncaughtException => (OutcomeKind.Exception, message),
            _ => (OutcomeKind.Trap, message),
        };
    }

    public static OutcomeKind ClassifyCompileError(string message) => WasmparserMessages.IsDecodeError(message) ? OutcomeKind.Malformed : OutcomeKind.Invalid;

    public static OutcomeKind ClassifyInstantiateError(string message) =>
        message.Contains("unknown import", StringComparison.Ordinal) || message.Contains("incompatible import", StringComparison.Ordinal)
        || message.Contains("types incompatible", StringComparison.Ordinal)
            ? OutcomeKind.Unlinkable
            : message.Contains("exception", StringComparison.OrdinalIgnoreCase) ? OutcomeKind.Exception : OutcomeKind.Trap;

    public static OutcomeKind ClassifyActionError(string message) =>
        message.Contains("exception", StringComparison.OrdinalIgnoreCase) ? OutcomeKind.Exception : OutcomeKind.Trap;
}
