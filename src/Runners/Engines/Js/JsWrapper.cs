using System.Buffers.Binary;
using System.Text;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Js;

/// <summary>
/// The wrapper module that lets JavaScript call an export without carrying its values: it imports the
/// export as <c>t.f</c> with its exact type, reads each numeric argument from its memory <c>m</c> (one
/// 16-byte slot per parameter), calls it, and stores each numeric result back into slot j. Only
/// references (funcref, externref) pass as JS values: parameters and results of <c>run</c>. So v128
/// values, NaN payloads and i64s are compared bit for bit, as the spec's JS harness does inside wasm.
/// A global export is read the same way (<c>global.get</c>, stored to slot 0).
/// </summary>
internal static class JsWrapper
{
    public const int SlotBytes = 16;

    /// <summary>The wrapper's text, or why the export cannot be called from JavaScript here.</summary>
    public static (string? Wat, string? Unsupported) For(ExportSignature signature)
    {
        var all = signature.Params.Concat(signature.Results).ToList();
        if (all.Contains(JsValType.Other))
        {
            return (null, "a value type other than i32, i64, f32, f64, v128, funcref and externref cannot be passed through the JS API here");
        }

        var text = new StringBuilder("(module ");
        if (signature.Kind == ExportSignature.Global)
        {
            var type = Name(signature.Results[0]);
            text.Append(signature.Mutable ? $"(import \"t\" \"f\" (global $g (mut {type})))" : $"(import \"t\" \"f\" (global $g {type}))");
            text.Append("(memory (export \"m\") 1)");
            text.Append(IsRef(signature.Results[0])
                ? $"(func (export \"run\") (result {type}) global.get $g))"
                : $"(func (export \"run\") i32.const 0 global.get $g {type}.store))");
            return (text.ToString(), null);
        }

        text.Append("(import \"t\" \"f\" (func $f");
        AppendList(text, "param", signature.Params);
        AppendList(text, "result", signature.Results);
        text.Append("))(memory (export \"m\") 1)(func (export \"run\")");
        AppendList(text, "param", signature.Params.Where(IsRef));
        AppendList(text, "result", signature.Results.Where(IsRef));
        for (var j = 0; j < signature.Results.Count; j++)
        {
            text.Append($" (local $r{j} {Name(signature.Results[j])})");
        }

        var refParam = 0;
        for (var i = 0; i < signature.Params.Count; i++)
        {
            text.Append(IsRef(signature.Params[i]) ? $" local.get {refParam++}" : $" i32.const 0 {Name(signature.Params[i])}.load offset={i * SlotBytes}");
        }

        text.Append(" call $f");
        for (var j = signature.Results.Count - 1; j >= 0; j--)
        {
            text.Append($" local.set $r{j}");
        }

        for (var j = 0; j < signature.Results.Count; j++)
        {
            if (!IsRef(signature.Results[j]))
            {
                text.Append($" i32.const 0 local.get $r{j} {Name(signature.Results[j])}.store offset={j * SlotBytes}");
            }
        }

        for (var j = 0; j < signature.Results.Count; j++)
        {
            if (IsRef(signature.Results[j]))
            {
                text.Append($" local.get $r{j}");
            }
        }

        text.Append("))");
        return (text.ToString(), null);
    }

    /// <summary>The numeric arguments in their slots (references are passed beside them).</summary>
    public static byte[] Input(IReadOnlyList<JsValType> parameters, IReadOnlyList<WasmValue> args)
    {
        var input = new byte[parameters.Count * SlotBytes];
        for (var i = 0; i < parameters.Count; i++)
        {
            var slot = input.AsSpan(i * SlotBytes, SlotBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(slot, args[i].Lo);
            BinaryPrimitives.WriteUInt64LittleEndian(slot[8..], args[i].Hi);
        }

        return input;
    }

    /// <summary>The results read back: numeric ones from their slots, references from the JS answer (in order).</summary>
    public static IReadOnlyList<WasmValue> Output(IReadOnlyList<JsValType> results, ReadOnlySpan<byte> output, IReadOnlyList<JsRef?> refs)
    {
        var values = new WasmValue[results.Count];
        var nextRef = 0;
        for (var j = 0; j < results.Count; j++)
        {
            var slot = output.Slice(j * SlotBytes, SlotBytes);
            var lo = BinaryPrimitives.ReadUInt64LittleEndian(slot);
            values[j] = results[j] switch
            {
                JsValType.I32 => WasmValue.I32((int)(uint)lo),
                JsValType.I64 => WasmValue.I64((long)lo),
                JsValType.F32 => WasmValue.F32Bits((uint)lo),
                JsValType.F64 => WasmValue.F64Bits(lo),
                JsValType.V128 => WasmValue.V128(lo, BinaryPrimitives.ReadUInt64LittleEndian(slot[8..])),
                var t => ToValue(t, refs[nextRef++]),
            };
        }

        return values;
    }

    /// <summary>Whether a script value matches a parameter type (the script passes what the export takes).</summary>
    public static bool Fits(JsValType type, WasmValue value) => (type, value.Kind) switch
    {
        (JsValType.I32, ValueKind.I32) or (JsValType.I64, ValueKind.I64) or (JsValType.F32, ValueKind.F32)
            or (JsValType.F64, ValueKind.F64) or (JsValType.V128, ValueKind.V128) => true,
        (JsValType.FuncRef, ValueKind.Ref) => value.IsNull,
        (JsValType.ExternRef, ValueKind.Ref) => value.IsNull || value.HostId >= 0,
        _ => false,
    };

    public static bool IsRef(JsValType type) => type is JsValType.FuncRef or JsValType.ExternRef;

    private static WasmValue ToValue(JsValType type, JsRef? value) => value switch
    {
        null => WasmValue.Null(type == JsValType.FuncRef ? RefKind.Func : RefKind.Extern),
        { Extern: { } id } => WasmValue.Extern(id),
        _ => new WasmValue(ValueKind.Ref, 0, 0, type == JsValType.FuncRef ? RefKind.Func : RefKind.Extern),
    };

    private static void AppendList(StringBuilder text, string keyword, IEnumerable<JsValType> types)
    {
        foreach (var t in types)
        {
            text.Append($" ({keyword} {Name(t)})");
        }
    }

    private static string Name(JsValType type) => type switch
    {
        JsValType.I32 => "i32",
        JsValType.I64 => "i64",
        JsValType.F32 => "f32",
        JsValType.F64 => "f64",
        JsValType.V128 => "v128",
        JsValType.FuncRef => "funcref",
        JsValType.ExternRef => "externref",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no text name"),
    };
}
