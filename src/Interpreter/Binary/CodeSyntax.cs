using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Binary;

/// <summary>
/// The decoder's pass over instruction sequences: checks opcodes and immediates (malformed
/// input) without types, so decode errors win over validation errors as in the spec.
/// </summary>
internal static class CodeSyntax
{
    /// <summary>Reads an instruction sequence up to its final <c>end</c>; returns the position of that end.</summary>
    public static int SkipExpression(WasmReader r, WasmModule m)
    {
        var depth = 0;
        while (true)
        {
            var at = r.Pos;
            var op = r.Byte();
            switch (op)
            {
                case 0x02 or 0x03 or 0x04:
                    BlockType(r);
                    depth++;
                    break;
                case 0x0B:
                    if (depth == 0)
                    {
                        return at;
                    }

                    depth--;
                    break;
                default:
                    Immediates(r, op, m);
                    break;
            }
        }
    }

    public static void BlockType(WasmReader r)
    {
        var b = r.Peek();
        if (b == 0x40)
        {
            r.Pos++;
            return;
        }

        if ((b & 0xC0) == 0x40)
        {
            // A one-byte negative s33: a value type.
            r.Pos++;
            Decoder.CheckValType(b);
            return;
        }

        var idx = r.SignedLeb(33);
        if (idx < 0)
        {
            throw Fail.Malformed("malformed block type");
        }
    }

    private static void Immediates(WasmReader r, byte op, WasmModule m)
    {
        switch (op)
        {
            case 0x00 or 0x01 or 0x05 or 0x0F or 0x1A or 0x1B or 0xD1:
            case >= 0x45 and <= 0xC4:
                return;
            case 0x0C or 0x0D or 0x10 or 0x20 or 0x21 or 0x22 or 0x23 or 0x24 or 0x25 or 0x26 or 0xD2:
                r.U32();
                return;
            case 0x0E:
                var n = r.U32();
                for (var i = 0u; i <= n; i++)
                {
                    r.U32();
                }

                return;
            case 0x11:
                r.U32();
                r.U32();
                return;
            case 0x1C:
                var count = r.U32();
                for (var i = 0u; i < count; i++)
                {
                    Decoder.CheckValType(r.Byte());
                }

                return;
            case >= 0x28 and <= 0x3E:
                r.U32();
                r.U32();
                return;
            case 0x3F or 0x40:
                ZeroByte(r);
                return;
            case 0x41:
                r.S32();
                return;
            case 0x42:
                r.S64();
                return;
            case 0x43:
                r.Fixed32();
                return;
            case 0x44:
                r.Fixed64();
                return;
            case 0xD0:
                var t = r.Byte();
                if (t is not ((byte)ValType.FuncRef or (byte)ValType.ExternRef))
                {
                    throw Fail.Malformed("malformed reference type");
                }

                return;
            case 0xFC:
                Prefixed(r, m);
                return;
            case 0xFD:
                Simd(r);
                return;
            default:
                throw Fail.Malformed($"illegal opcode {op:x2}");
        }
    }

    private static void Prefixed(WasmReader r, WasmModule m)
    {
        var sub = r.U32();
        switch (sub)
        {
            case <= 7:
                return;
            case 8:
                RequireDataCount(m);
                r.U32();
                ZeroByte(r);
                return;
            case 9:
                RequireDataCount(m);
                r.U32();
                return;
            case 10:
                ZeroByte(r);
                ZeroByte(r);
                return;
            case 11:
                ZeroByte(r);
                return;
            case 12 or 14:
                r.U32();
                r.U32();
                return;
            case 13 or 15 or 16 or 17:
                r.U32();
                return;
            default:
                throw Fail.Malformed($"illegal opcode fc {sub}");
        }
    }

    private static void Simd(WasmReader r)
    {
        var sub = r.U32();
        switch (SimdOpcodes.Kind(sub))
        {
            case SimdKind.Load or SimdKind.Store:
                r.U32();
                r.U32();
                return;
            case SimdKind.LoadLane or SimdKind.StoreLane:
                r.U32();
                r.U32();
                r.Byte();
                return;
            case SimdKind.Extract or SimdKind.Replace:
                r.Byte();
                return;
            case SimdKind.Const or SimdKind.Shuffle:
                r.Fixed64();
                r.Fixed64();
                return;
            case SimdKind.Illegal:
                throw Fail.Malformed($"illegal opcode fd {sub}");
            default:
                return;
        }
    }

    /// <summary>Notes a data index use (memory.init, data.drop); the decoder checks the data count section at the end.</summary>
    private static void RequireDataCount(WasmModule m) => m.UsesDataIndex = true;

    private static void ZeroByte(WasmReader r)
    {
        if (r.Byte() != 0)
        {
            throw Fail.Malformed("zero byte expected");
        }
    }
}
