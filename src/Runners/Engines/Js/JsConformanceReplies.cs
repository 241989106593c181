using System.Text.Json.Serialization;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Js;

/// <summary>A reference as the host answers it: <c>{"extern":N}</c>, <c>{"func":true}</c> or <c>{"other":"..."}</c>; JSON null is a null reference.</summary>
internal sealed record JsRef(
    [property: JsonPropertyName("extern")] long? Extern,
    [property: JsonPropertyName("func")] bool? Func,
    [property: JsonPropertyName("other")] string? Other);

/// <summary>The host's answer to a conformance request.</summary>
internal sealed record JsSpecReply(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("module")] int? Module,
    [property: JsonPropertyName("instance")] int? Instance,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("refs")] IReadOnlyList<JsRef?>? Refs)
{
    /// <summary>The JS error class and message, as the report shows it.</summary>
    public string Message => $"{Kind}: {Error}";
}

/// <summary>
/// How the JS API's errors map to outcome classes. The JS API throws <c>CompileError</c> for malformed
/// and invalid modules alike (the spec's JS harness grades both the same), so a compile error is
/// <see cref="OutcomeKind.Rejected"/>. On a wasm-3.0 script a compile error in the engine's words for a
/// feature it lacks (or has behind a flag) is <see cref="OutcomeKind.Unsupported"/> instead: for 2.0 a
/// module that needs a 3.0 feature is simply invalid, and every JS engine here has all of 2.0.
/// </summary>
internal static class JsErrorClass
{
    /// <summary>What V8, SpiderMonkey and JavaScriptCore say when a module needs a feature they lack or have behind a flag.</summary>
    private static readonly string[] FeatureMissing =
    [
        // V8 (Node 20)
        "--experimental-wasm", // "..., enable with --experimental-wasm-gc", "(enable via --experimental-wasm-memory64)"
        "exceeds internal limit of 1", // no multi-memory: "memory count of 2 exceeds internal limit of 1"
        "At most one memory is supported", // no multi-memory (imports)
        "invalid table elements limits flags", // no table64 (memory64)
        "invalid element count limits flags", // no table64 (memory64)
        "simd opcode not available", // no relaxed SIMD
        "non-imported globals cannot be used in constant expressions", // no GC's constant expressions
        "is not allowed in constant expressions", // no extended-const (i32.add, i64.mul, ...)
        "invalid value type", // no GC / typed function references types
        "Invalid opcode", // an opcode of a proposal it lacks
        // SpiderMonkey 102
        "not enabled", // "Structure types not enabled"; JavaScriptCore too: "Memory64 is not enabled"
        "the number of memories must be at most one", // no multi-memory
        "already have default memory", // no multi-memory (imports)
        "unexpected bits set in flags", // no memory64 (limits flag 0x4)
        "unrecognized opcode", // no tail calls, exnref, GC instructions
        "bad type", // no typed function references
        "expected type form", // no GC type forms (rec, sub, struct, array)
        "expected global type", // no typed reference globals
        "global.get in initializer expression must reference a global immutable import", // no GC's constant expressions
        "failed to read initializer operation", // no extended-const
    ];

    public static OutcomeKind OfCompile(JsSpecReply reply, ConformanceProfile profile) => reply.Kind switch
    {
        "CompileError" when profile == ConformanceProfile.Wasm3 && LacksFeature(reply.Error) => OutcomeKind.Unsupported,
        "CompileError" => OutcomeKind.Rejected,
        _ => OfAction(reply),
    };

    /// <summary>Whether a compile error's message says the module needs a feature the engine does not have.</summary>
    public static bool LacksFeature(string? message) =>
        message is not null && FeatureMissing.Any(f => message.Contains(f, StringComparison.Ordinal));

    /// <summary>Instantiation: a missing import namespace is a TypeError in the JS API, a mismatch a LinkError.</summary>
    public static OutcomeKind OfInstantiate(JsSpecReply reply) => reply.Kind switch
    {
        "LinkError" or "TypeError" => OutcomeKind.Unlinkable,
        _ => OfAction(reply),
    };

    public static OutcomeKind OfAction(JsSpecReply reply) => reply.Kind switch
    {
        "RuntimeError" => OutcomeKind.Trap,
        "Exception" => OutcomeKind.Exception,
        "RangeError" or "InternalError" when IsStackOverflow(reply.Error) => OutcomeKind.Exhaustion,
        _ => OutcomeKind.HostError,
    };

    private static bool IsStackOverflow(string? message) =>
        message is not null && (message.Contains("call stack", StringComparison.OrdinalIgnoreCase) || message.Contains("too much recursion", StringComparison.OrdinalIgnoreCase));
}
