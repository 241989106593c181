namespace WasmBench.Runners.Conformance;

/// <summary>
/// An engine that can run spec-test scripts: compile bytes, instantiate against the
/// <c>spectest</c> module and registered instances, invoke exports, read globals.
/// </summary>
public interface IConformanceEngine : Engines.IEngine
{
    /// <summary>A fresh store for one script: its own <c>spectest</c> module and registry.</summary>
    IConformanceSession CreateSession(ConformanceLimits limits);

    /// <summary>
    /// A fresh store whose engine enables the features of <paramref name="profile"/>. Engines that
    /// have one feature set need not override this.
    /// </summary>
    IConformanceSession CreateSession(ConformanceLimits limits, ConformanceProfile profile) => CreateSession(limits);

    /// <summary>
    /// True when the engine runs the script's modules inside this process (interp, Wasmtime): a
    /// service then runs each script in a sandboxed child of its own (<c>ChildSpecRunner</c>), so that
    /// nothing a script does can exhaust or crash the runner. False for engines whose sessions are
    /// sandboxed children already (the JS hosts).
    /// </summary>
    bool RunsInThisProcess => true;
}

/// <summary>Sandbox limits for untrusted test modules.</summary>
/// <param name="Timeout">Wall-clock (or fuel-equivalent) limit for one action.</param>
/// <param name="MaxCallDepth">Wasm call depth before "call stack exhausted".</param>
/// <param name="MaxMemoryPages">Largest linear memory an instance may grow to, in 64 KiB pages.</param>
public sealed record ConformanceLimits(TimeSpan Timeout, int MaxCallDepth = 10_000, int MaxMemoryPages = 65536)
{
    public static ConformanceLimits Default { get; } = new(TimeSpan.FromSeconds(10));
}

/// <summary>
/// The class of an outcome, as the spec harnesses grade them. Messages are kept beside it
/// but never decide a pass on their own.
/// </summary>
public enum OutcomeKind
{
    Ok,
    /// <summary>The bytes do not decode (assert_malformed).</summary>
    Malformed,
    /// <summary>The module decodes but does not validate (assert_invalid).</summary>
    Invalid,
    /// <summary>Imports do not match (assert_unlinkable).</summary>
    Unlinkable,
    /// <summary>A trap, at run time or during instantiation (assert_trap, assert_uninstantiable).</summary>
    Trap,
    /// <summary>Call stack exhausted (assert_exhaustion).</summary>
    Exhaustion,
    /// <summary>An uncaught Wasm exception (assert_exception).</summary>
    Exception,
    /// <summary>The engine lacks a feature the module needs; the command is skipped, not failed.</summary>
    Unsupported,
    /// <summary>
    /// The module was rejected as malformed or invalid, and the engine does not say which (the JS API's
    /// <c>CompileError</c>): passes <c>assert_malformed</c> and <c>assert_invalid</c> alike, as in the spec's JS harness.
    /// </summary>
    Rejected,
    /// <summary>The engine's host failed in a way that is no outcome of wasm (a JS <c>TypeError</c>, a host process that died): never expected.</summary>
    HostError,
}

/// <summary>An engine's compiled module; opaque to the script runner.</summary>
public interface IConformanceModule;

/// <summary>An engine's instance; opaque to the script runner.</summary>
public interface IConformanceInstance;

public sealed record CompileResult(IConformanceModule? Module, OutcomeKind Outcome, string? Message = null);

public sealed record InstantiateResult(IConformanceInstance? Instance, OutcomeKind Outcome, string? Message = null);

public sealed record ActionResult(OutcomeKind Outcome, IReadOnlyList<WasmValue> Values, string? Message = null)
{
    public static ActionResult Returned(params WasmValue[] values) => new(OutcomeKind.Ok, values);

    public static ActionResult Failed(OutcomeKind outcome, string? message) => new(outcome, [], message);
}

/// <summary>
/// One script's store. Calls are synchronous on purpose: a script is tens of thousands of
/// tiny actions, and each engine enforces its own limits (deadline, call depth) inside the call.
/// </summary>
public interface IConformanceSession : IDisposable
{
    CompileResult Compile(ReadOnlyMemory<byte> wasm);

    InstantiateResult Instantiate(IConformanceModule module);

    /// <summary>Makes the instance's exports importable under <paramref name="name"/>.</summary>
    void Register(string name, IConformanceInstance instance);

    ActionResult Invoke(IConformanceInstance instance, string export, IReadOnlyList<WasmValue> args);

    ActionResult Get(IConformanceInstance instance, string export);
}
