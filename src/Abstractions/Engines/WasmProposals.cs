namespace WasmBench.Abstractions.Engines;

/// <summary>
/// The one vocabulary of WebAssembly proposals an engine lists in <see cref="EngineInfo.Proposals"/>
/// (the names of the WebAssembly/proposals repository), and the sets of each spec version.
/// </summary>
public static class WasmProposals
{
    public const string MultiValue = "multi-value";
    public const string BulkMemory = "bulk-memory";
    public const string ReferenceTypes = "reference-types";
    public const string Simd = "simd";
    public const string NonTrappingFloatToInt = "non-trapping-float-to-int";
    public const string SignExtension = "sign-extension";

    public const string RelaxedSimd = "relaxed-simd";
    public const string MultiMemory = "multi-memory";
    public const string Memory64 = "memory64";
    public const string TailCall = "tail-call";
    public const string FunctionReferences = "function-references";
    public const string Gc = "gc";
    public const string ExceptionHandling = "exception-handling";
    public const string ExtendedConst = "extended-const";

    /// <summary>Not a core proposal: the engine runs WASI preview 1 command modules.</summary>
    public const string WasiPreview1 = "wasi-preview1";

    /// <summary>What WebAssembly 2.0 added to 1.0.</summary>
    public static IReadOnlyList<string> Wasm2 { get; } = [MultiValue, BulkMemory, ReferenceTypes, Simd, NonTrappingFloatToInt, SignExtension];

    /// <summary>What WebAssembly 3.0 added to 2.0.</summary>
    public static IReadOnlyList<string> Wasm3 { get; } = [RelaxedSimd, MultiMemory, Memory64, TailCall, FunctionReferences, Gc, ExceptionHandling, ExtendedConst];

    /// <summary>
    /// Why <paramref name="engine"/> cannot run a module that needs <paramref name="needed"/>, or null
    /// when it lists every one of them.
    /// </summary>
    public static string? Missing(EngineInfo engine, IEnumerable<string> needed)
    {
        var missing = needed.Where(p => !engine.Proposals.Contains(p, StringComparer.Ordinal)).ToList();
        return missing.Count == 0 ? null
            : $"the module uses {string.Join(", ", missing)}, which {engine.Id} does not support";
    }
}
