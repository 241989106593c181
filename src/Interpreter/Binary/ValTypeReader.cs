using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Binary;

/// <summary>
/// Reads value, reference and heap types. 3.0 adds <c>0x64 ht</c> (<c>(ref ht)</c>),
/// <c>0x63 ht</c> (<c>(ref null ht)</c>) and the null shorthands; a heap type is an s33, a
/// type index when non-negative.
/// </summary>
internal static class ValTypeReader
{
    private const byte RefNonNullPrefix = 0x64, RefNullPrefix = 0x63;

    /// <summary>Reads a value type whose first byte is <paramref name="b"/> (already consumed).</summary>
    public static ValType ValueType(WasmReader r, WasmModule m, byte b)
    {
        switch (b)
        {
            case 0x7B:
                m.UsesSimd = true;
                return (ValType)b;
            case 0x7F or 0x7E or 0x7D or 0x7C:
                return (ValType)b;
            default:
                return RefType(r, m, b);
        }
    }

    public static ValType ValueType(WasmReader r, WasmModule m) => ValueType(r, m, r.Byte());

    public static ValType RefType(WasmReader r, WasmModule m) => RefType(r, m, r.Byte());

    private static ValType RefType(WasmReader r, WasmModule m, byte b) => b switch
    {
        ValTypes.Func or ValTypes.Extern => (ValType)b,
        _ when m.Wasm3 && b != ValTypes.Concrete && ValTypes.IsHeapCode(b) => (ValType)b,
        RefNullPrefix when m.Wasm3 => HeapType(r, m, nullable: true),
        RefNonNullPrefix when m.Wasm3 => HeapType(r, m, nullable: false),
        _ => throw Fail.Malformed("malformed value type"),
    };

    /// <summary>Reads a heap type as the reference type <c>(ref null? ht)</c>.</summary>
    public static ValType HeapType(WasmReader r, WasmModule m, bool nullable)
    {
        if (!m.Wasm3)
        {
            var h = r.Byte();
            return h is ValTypes.Func or ValTypes.Extern ? ValTypes.Ref(h, nullable) : throw Fail.Malformed("malformed reference type");
        }

        var ht = r.SignedLeb(33);
        if (ht >= 0)
        {
            return ValTypes.RefTo((uint)ht, nullable);
        }

        var code = (byte)(ht & 0x7F);
        return ht >= -0x40 && code != ValTypes.Concrete && ValTypes.IsHeapCode(code)
            ? ValTypes.Ref(code, nullable)
            : throw Fail.Malformed("malformed heap type");
    }
}
