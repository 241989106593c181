namespace WasmBench.Interpreter;

/// <summary>The class of an engine failure, as the spec harnesses grade them.</summary>
public enum WasmErrorKind
{
    /// <summary>The bytes do not decode.</summary>
    Malformed,
    /// <summary>The module decodes but does not validate.</summary>
    Invalid,
    /// <summary>The module needs a feature this engine lacks (SIMD).</summary>
    Unsupported,
    /// <summary>Imports do not match.</summary>
    Unlinkable,
    /// <summary>A trap at run time or during instantiation.</summary>
    Trap,
    /// <summary>Call stack exhausted.</summary>
    Exhaustion,
}

/// <summary>
/// A decode, validation, link or trap failure. The embedding API turns decode/validate/link
/// failures into results; traps during invocation surface as <see cref="TrapException"/>.
/// </summary>
public class WasmException(WasmErrorKind kind, string message) : Exception(message)
{
    public WasmErrorKind Kind { get; } = kind;
}

/// <summary>A WebAssembly trap (including call stack exhaustion and fuel/deadline expiry).</summary>
public sealed class TrapException(string message, bool exhaustion = false)
    : WasmException(exhaustion ? WasmErrorKind.Exhaustion : WasmErrorKind.Trap, message);

internal static class Fail
{
    public static WasmException Malformed(string message) => new(WasmErrorKind.Malformed, message);

    public static WasmException Invalid(string message) => new(WasmErrorKind.Invalid, message);

    public static WasmException Unsupported(string message) => new(WasmErrorKind.Unsupported, message);

    public static WasmException Unlinkable(string message) => new(WasmErrorKind.Unlinkable, message);
}
