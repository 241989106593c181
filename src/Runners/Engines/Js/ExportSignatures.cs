using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Engines.Js;

/// <summary>A value type as the JS conformance session handles it; <see cref="Other"/> is any type JavaScript cannot pass here.</summary>
internal enum JsValType
{
    I32,
    I64,
    F32,
    F64,
    V128,
    FuncRef,
    ExternRef,
    Other,
}

/// <summary>An export's type: a function (parameters, results), a global (type, mutability) or anything else.</summary>
internal sealed record ExportSignature(char Kind, IReadOnlyList<JsValType> Params, IReadOnlyList<JsValType> Results, bool Mutable = false)
{
    public const char Function = 'f';
    public const char Global = 'g';
    public const char Other = 'o';
}

/// <summary>
/// Reads the types of a module's exported functions and globals from its bytes: the JS API has no
/// stable type reflection, and the wrapper that calls an export must import it with its exact type.
/// </summary>
internal static class ExportSignatures
{
    /// <summary>The export types by name; null when the bytes cannot be read (the engine accepted something we do not parse).</summary>
    public static IReadOnlyDictionary<string, ExportSignature>? Read(ReadOnlySpan<byte> wasm)
    {
        try
        {
            return Signatures(ModuleTypes.Read(wasm));
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static Dictionary<string, ExportSignature> Signatures(ModuleTypes m)
    {
        var exports = new Dictionary<string, ExportSignature>(StringComparer.Ordinal);
        foreach (var export in m.Exports)
        {
            exports[export.Name] = export.Kind switch
            {
                0 when m.Types[m.Funcs[export.Index]] is { } t => new ExportSignature(ExportSignature.Function, [.. t.Params.Select(Js)], [.. t.Results.Select(Js)]),
                3 => new ExportSignature(ExportSignature.Global, [], [Js(m.Globals[export.Index].Type)], m.Globals[export.Index].Mutable),
                _ => new ExportSignature(ExportSignature.Other, [], []),
            };
        }

        return exports;
    }

    /// <summary>A value type as <see cref="ModuleTypes.ReadValType"/> encodes it, as the JS session handles it.</summary>
    private static JsValType Js(int valType) => valType switch
    {
        0x7F => JsValType.I32,
        0x7E => JsValType.I64,
        0x7D => JsValType.F32,
        0x7C => JsValType.F64,
        0x7B => JsValType.V128,
        ModuleTypes.NullableFuncRef => JsValType.FuncRef,
        ModuleTypes.NullableExternRef => JsValType.ExternRef,
        _ => JsValType.Other,
    };
}
