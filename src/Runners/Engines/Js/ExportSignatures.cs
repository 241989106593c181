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
            return ReadAll(wasm);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static Dictionary<string, ExportSignature> ReadAll(ReadOnlySpan<byte> wasm)
    {
        var r = new WasmByteReader(wasm) { Position = 8 };
        var types = new List<(JsValType[] Params, JsValType[] Results)?>();
        var funcs = new List<int>();
        var globals = new List<(JsValType Type, bool Mutable)>();
        var exports = new Dictionary<string, ExportSignature>(StringComparer.Ordinal);
        while (!r.AtEnd)
        {
            var id = r.Byte();
            var size = (int)r.U32();
            var end = r.Position + size;
            switch (id)
            {
                case 1:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        if (r.Peek() == 0x4E)
                        {
                            r.Byte();
                            for (var m = r.U32(); m > 0; m--)
                            {
                                types.Add(ReadSubType(ref r));
                            }
                        }
                        else
                        {
                            types.Add(ReadSubType(ref r));
                        }
                    }

                    break;
                case 2:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        r.Name();
                        r.Name();
                        switch (r.Byte())
                        {
                            case 0:
                                funcs.Add((int)r.U32());
                                break;
                            case 1:
                                ReadValType(ref r);
                                r.SkipLimits();
                                break;
                            case 2:
                                r.SkipLimits();
                                break;
                            case 3:
                                var type = ReadValType(ref r);
                                globals.Add((type, r.Byte() == 1));
                                break;
                            case 4:
                                r.Byte();
                                r.U32();
                                break;
                            default:
                                throw new FormatException("unknown import kind");
                        }
                    }

                    break;
                case 3:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        funcs.Add((int)r.U32());
                    }

                    break;
                case 6:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        var type = ReadValType(ref r);
                        globals.Add((type, r.Byte() == 1));
                        r.SkipConstExpr();
                    }

                    break;
                case 7:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        var name = r.Name();
                        var kind = r.Byte();
                        var index = (int)r.U32();
                        exports[name] = kind switch
                        {
                            0 when types[funcs[index]] is { } t => new ExportSignature(ExportSignature.Function, t.Params, t.Results),
                            3 => new ExportSignature(ExportSignature.Global, [], [globals[index].Type], globals[index].Mutable),
                            _ => new ExportSignature(ExportSignature.Other, [], []),
                        };
                    }

                    break;
            }

            r.Position = end;
        }

        return exports;
    }

    private static JsValType ReadValType(ref WasmByteReader r)
    {
        var b = r.Byte();
        switch (b)
        {
            case 0x7F:
                return JsValType.I32;
            case 0x7E:
                return JsValType.I64;
            case 0x7D:
                return JsValType.F32;
            case 0x7C:
                return JsValType.F64;
            case 0x7B:
                return JsValType.V128;
            case 0x70:
                return JsValType.FuncRef;
            case 0x6F:
                return JsValType.ExternRef;
            case 0x63 or 0x64:
                var heap = r.S33();
                return b == 0x63 && heap == -0x10 ? JsValType.FuncRef : b == 0x63 && heap == -0x11 ? JsValType.ExternRef : JsValType.Other;
            default:
                return JsValType.Other;
        }
    }

    /// <summary>A function type's parameters and results, or null for a struct or array type.</summary>
    private static (JsValType[], JsValType[])? ReadSubType(ref WasmByteReader r)
    {
        if (r.Peek() is 0x50 or 0x4F)
        {
            r.Byte();
            for (var k = r.U32(); k > 0; k--)
            {
                r.U32();
            }
        }

        var form = r.Byte();
        switch (form)
        {
            case 0x60:
                var parameters = new JsValType[r.U32()];
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i] = ReadValType(ref r);
                }

                var results = new JsValType[r.U32()];
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = ReadValType(ref r);
                }

                return (parameters, results);
            case 0x5F:
                for (var f = r.U32(); f > 0; f--)
                {
                    ReadStorageType(ref r);
                    r.Byte();
                }

                return null;
            case 0x5E:
                ReadStorageType(ref r);
                r.Byte();
                return null;
            default:
                throw new FormatException($"type form 0x{form:x2} is not read");
        }
    }

    private static void ReadStorageType(ref WasmByteReader r)
    {
        if (r.Peek() is 0x78 or 0x77)
        {
            r.Byte();
        }
        else
        {
            ReadValType(ref r);
        }
    }
}
