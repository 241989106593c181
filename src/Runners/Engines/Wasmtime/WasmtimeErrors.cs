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

    /// <summary>
    /// Malformed or invalid; on Winch, a module rejected because it uses reference-typed values
    /// (Wasmtime turns wasmparser's "gc types" off for a compiler without GC support, and that
    /// includes <c>funcref</c> / <c>externref</c> values of 2.0) is unsupported: the tier lacks the feature.
    /// So is, on every tier, a module with the legacy exception instructions (<c>try</c>, <c>catch</c>,
    /// <c>delegate</c>, <c>rethrow</c> of the 3.0 suite's <c>legacy/</c>): Wasmtime 50 does not implement them.
    /// </summary>
    public static OutcomeKind ClassifyCompileError(string message, WasmtimeTier tier = WasmtimeTier.Cranelift) =>
        tier == WasmtimeTier.Winch && message.Contains(WinchLacksGcTypes, StringComparison.Ordinal) ? OutcomeKind.Unsupported
        : message.Contains(LacksLegacyExceptions, StringComparison.Ordinal) ? OutcomeKind.Unsupported
        : WasmparserMessages.IsDecodeError(message) ? OutcomeKind.Malformed
        : OutcomeKind.Invalid;

    private const string WinchLacksGcTypes = "gc types are disallowed";

    private const string LacksLegacyExceptions = "legacy_exceptions feature required";

    public static OutcomeKind ClassifyInstantiateError(string message) =>
        message.Contains("unknown import", StringComparison.Ordinal) || message.Contains("incompatible import", StringComparison.Ordinal)
        || message.Contains("types incompatible", StringComparison.Ordinal)
            ? OutcomeKind.Unlinkable
            : message.Contains("exception", StringComparison.OrdinalIgnoreCase) ? OutcomeKind.Exception : OutcomeKind.Trap;

    public static OutcomeKind ClassifyActionError(string message) =>
        message.Contains("exception", StringComparison.OrdinalIgnoreCase) ? OutcomeKind.Exception : OutcomeKind.Trap;
}
