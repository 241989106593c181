using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Wast;

/// <summary>Parses argument constants (<c>(i32.const 1)</c>, <c>(ref.extern 1)</c>, ...) and result patterns.</summary>
public static class WastValueParser
{
    public static WasmValue ParseConst(SExpr e)
    {
        var head = RequireHead(e);
        switch (head)
        {
            case "i32.const":
                return WasmValue.I32((int)ParseInt(Operand(e, 1), 32, e.Line));
            case "i64.const":
                return WasmValue.I64((long)ParseInt(Operand(e, 1), 64, e.Line));
            case "f32.const":
                return WasmValue.F32Bits(ParseF32(Operand(e, 1), e.Line));
            case "f64.const":
                return WasmValue.F64Bits(ParseF64(Operand(e, 1), e.Line));
            case "v128.const":
                var lanes = ParseV128Lanes(e);
                if (lanes.Lanes.Any(l => l.Nan != NanClass.None))
                {
                    throw new WastSyntaxException(e.Line, "NaN patterns are not allowed in an argument");
                }

                var (lo, hi) = Pack(lanes);
                return WasmValue.V128(lo, hi);
            case "ref.null":
                return WasmValue.Null(e.Items.Count > 1 ? ParseHeapType(e.Items[1]) : RefKind.None);
            case "ref.extern":
                return WasmValue.Extern(ParseHostId(e));
            case "ref.host":
                return new WasmValue(ValueKind.Ref, 0, 0, RefKind.Any, HostId: ParseHostId(e));
            default:
                throw new WastSyntaxException(e.Line, $"unknown constant '{head}'");
        }
    }

    public static ResultPattern ParseResult(SExpr e)
    {
        var head = RequireHead(e);
        switch (head)
        {
            case "f32.const" or "f64.const":
                var kind = head[1] == '3' ? ValueKind.F32 : ValueKind.F64;
                var text = Operand(e, 1);
                if (text is "nan:canonical" or "nan:arithmetic")
                {
                    return new NanPattern(kind, text == "nan:canonical");
                }

                return new ExactPattern(ParseConst(e));
            case "v128.const":
                var lanes = ParseV128Lanes(e);
                if (lanes.Lanes.Any(l => l.Nan != NanClass.None))
                {
                    return lanes;
                }

                var (lo, hi) = Pack(lanes);
                return new ExactPattern(WasmValue.V128(lo, hi));
            case "ref.null":
                return new RefPattern(e.Items.Count > 1 ? ParseHeapType(e.Items[1]) : null, IsNull: true);
            case "ref.extern":
                return e.Items.Count > 1 ? new RefPattern(RefKind.Extern, false, ParseHostId(e)) : new RefPattern(RefKind.Extern, false);
            case "ref.host":
                return new RefPattern(RefKind.Any, false, ParseHostId(e), IsHost: true);
            case "ref.func":
                return new RefPattern(RefKind.Func, false);
            case "ref.any":
                return new RefPattern(RefKind.Any, false);
            case "ref.eq":
                return new RefPattern(RefKind.Eq, false);
            case "ref.i31":
                return new RefPattern(RefKind.I31, false);
            case "ref.struct":
                return new RefPattern(RefKind.Struct, false);
            case "ref.array":
                return new RefPattern(RefKind.Array, false);
            case "ref.exn":
                return new RefPattern(RefKind.Exn, false);
            case "either":
                return new EitherPattern([.. e.Items.Skip(1).Select(ParseResult)]);
            default:
                return new ExactPattern(ParseConst(e));
        }
    }

    public static RefKind ParseHeapType(SExpr e)
    {
        if (!e.IsAtom)
        {
            throw new WastSyntaxException(e.Line, $"expected a heap type, found '{e}'");
        }

        return e.Text switch
        {
            "func" or "funcref" => RefKind.Func,
            "extern" or "externref" => RefKind.Extern,
            "any" or "anyref" => RefKind.Any,
            "eq" or "eqref" => RefKind.Eq,
            "i31" or "i31ref" => RefKind.I31,
            "struct" or "structref" => RefKind.Struct,
            "array" or "arrayref" => RefKind.Array,
            "exn" or "exnref" => RefKind.Exn,
            "none" or "nullref" => RefKind.None,
            "nofunc" or "nullfuncref" => RefKind.NoFunc,
            "noextern" or "nullexternref" => RefKind.NoExtern,
            "noexn" or "nullexnref" => RefKind.NoExn,
            _ => throw new WastSyntaxException(e.Line, $"unknown heap type '{e.Text}'"),
        };
    }

    private static V128Pattern ParseV128Lanes(SExpr e)
    {
        var shape = Operand(e, 1);
        var (count, laneBits, isFloat) = shape switch
        {
            "i8x16" => (16, 8, false),
            "i16x8" => (8, 16, false),
            "i32x4" => (4, 32, false),
            "i64x2" => (2, 64, false),
            "f32x4" => (4, 32, true),
            "f64x2" => (2, 64, true),
            _ => throw new WastSyntaxException(e.Line, $"unknown v128 shape '{shape}'"),
        };
        if (e.Items.Count != count + 2)
        {
            throw new WastSyntaxException(e.Line, $"v128.const {shape} needs {count} lanes, found {e.Items.Count - 2}");
        }

        var lanes = new LanePattern[count];
        for (var i = 0; i < count; i++)
        {
            var text = Operand(e, i + 2);
            lanes[i] = text switch
            {
                "nan:canonical" when isFloat => new LanePattern(0, NanClass.Canonical),
                "nan:arithmetic" when isFloat => new LanePattern(0, NanClass.Arithmetic),
                _ when isFloat && laneBits == 32 => new LanePattern(ParseF32(text, e.Line)),
                _ when isFloat => new LanePattern(ParseF64(text, e.Line)),
                _ => new LanePattern(ParseInt(text, laneBits, e.Line)),
            };
        }

        return new V128Pattern(shape, lanes);
    }

    internal static (ulong Lo, ulong Hi) Pack(V128Pattern p)
    {
        ulong lo = 0, hi = 0;
        var bits = p.LaneBits;
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        for (var i = 0; i < p.Lanes.Count; i++)
        {
            var offset = i * bits;
            var v = p.Lanes[i].Bits & mask;
            if (offset < 64)
            {
                lo |= v << offset;
            }
            else
            {
                hi |= v << (offset - 64);
            }
        }

        return (lo, hi);
    }

    private static long ParseHostId(SExpr e)
    {
        var text = Operand(e, 1);
        return WastLiterals.TryParseInt(text, 64, out var v) ? (long)v : throw new WastSyntaxException(e.Line, $"bad host reference '{text}'");
    }

    private static string RequireHead(SExpr e) =>
        e.Head ?? throw new WastSyntaxException(e.Line, $"expected a value like (i32.const 1), found '{e}'");

    private static string Operand(SExpr e, int index) =>
        index < e.Items.Count && e.Items[index].IsAtom
            ? e.Items[index].Text
            : throw new WastSyntaxException(e.Line, $"'{e.Head}' is missing an operand");

    private static ulong ParseInt(string s, int bits, int line) =>
        WastLiterals.TryParseInt(s, bits, out var v) ? v : throw new WastSyntaxException(line, $"bad i{bits} literal '{s}'");

    private static uint ParseF32(string s, int line) =>
        WastLiterals.TryParseF32(s, out var v) ? v : throw new WastSyntaxException(line, $"bad f32 literal '{s}'");

    private static ulong ParseF64(string s, int line) =>
        WastLiterals.TryParseF64(s, out var v) ? v : throw new WastSyntaxException(line, $"bad f64 literal '{s}'");
}
