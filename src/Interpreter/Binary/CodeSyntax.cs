using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Binary;

/// <summary>
/// The decoder's pass over instruction sequences: checks opcodes and immediates (malformed
/// input) without types, so decode errors win over validation errors as in the spec.
/// </summary>
internal static class CodeSyntax
{
    /// <summary>Reads an instruction sequence up to its final <c>end</c>; returns the position of that end.</summary>
    public static int SkipExpression(WasmReader r, WasmModule m) => SkipExpression(r, m, out _);

    /// <summary>As <see cref="SkipExpression(WasmReader, WasmModule)"/>; <paramref name="legacyCatches"/> counts the legacy <c>catch</c> and <c>catch_all</c> clauses.</summary>
    public static int SkipExpression(WasmReader r, WasmModule m, out int legacyCatches)
    {
        var depth = 0;
        legacyCatches = 0;
        while (true)
        {
            var at = r.Pos;
            var op = r.Byte();
            switch (op)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    BlockType(r, m);
                    depth++;
                    break;
                case Opcode.Try when m.Wasm3:
                    BlockType(r, m);
                    depth++;
                    break;
                case Opcode.Catch when m.Wasm3:
                    r.U32();
                    legacyCatches++;
                    break;
                case Opcode.CatchAll when m.Wasm3:
                    legacyCatches++;
                    break;
                case Opcode.Delegate when m.Wasm3:
                    r.U32();
                    if (depth == 0)
                    {
                        throw Fail.Malformed("unexpected delegate");
                    }

                    depth--;
                    break;
                case Opcode.TryTable when m.Wasm3:
                    BlockType(r, m);
                    Catches(r);
                    depth++;
                    break;
                case Opcode.End:
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

    /// <summary>The block type byte of a block without parameters or results.</summary>
    private const byte EmptyBlockType = 0x40;

    public static void BlockType(WasmReader r, WasmModule m)
    {
        var b = r.Peek();
        if (b == EmptyBlockType)
        {
            r.Pos++;
            return;
        }

        if ((b & 0xC0) == 0x40)
        {
            // A one-byte negative s33: a value type.
            r.Pos++;
            ValTypeReader.ValueType(r, m, b);
            return;
        }

        var idx = r.SignedLeb(33);
        if (idx < 0)
        {
            throw Fail.Malformed("malformed block type");
        }
    }

    /// <summary>The catch clauses of a try_table: kind (catch, catch_ref, catch_all, catch_all_ref), a tag for the first two, a label.</summary>
    public static void Catches(WasmReader r)
    {
        var n = r.U32();
        for (var i = 0u; i < n; i++)
        {
            var kind = r.Byte();
            if (kind > 3)
            {
                throw Fail.Malformed("malformed catch clause");
            }

            if (kind < 2)
            {
                r.U32();
            }

            r.U32();
        }
    }

    private static void Immediates(WasmReader r, byte op, WasmModule m)
    {
        switch (op)
        {
            case Opcode.Unreachable or Opcode.Nop or Opcode.Else or Opcode.Return or Opcode.Drop or Opcode.Select or Opcode.RefIsNull:
            case >= Opcode.I32Eqz and <= Opcode.I64Extend32S:
                return;
            case Opcode.Br or Opcode.BrIf or Opcode.Call or Opcode.LocalGet or Opcode.LocalSet or Opcode.LocalTee or Opcode.GlobalGet or Opcode.GlobalSet or Opcode.TableGet or Opcode.TableSet or Opcode.RefFunc:
                r.U32();
                return;
            case Opcode.BrTable:
                var n = r.U32();
                for (var i = 0u; i <= n; i++)
                {
                    r.U32();
                }

                return;
            case Opcode.ReturnCall or Opcode.CallRef or Opcode.ReturnCallRef or Opcode.BrOnNull or Opcode.BrOnNonNull when m.Wasm3:
                r.U32();
                return;
            case Opcode.RefAsNonNull or Opcode.ThrowRef or Opcode.RefEq when m.Wasm3:
                return;
            case Opcode.Throw or Opcode.Rethrow when m.Wasm3:
                r.U32();
                return;
            case Opcode.CallIndirect:
            case Opcode.ReturnCallIndirect when m.Wasm3:
                r.U32();
                r.U32();
                return;
            case Opcode.SelectT:
                var count = r.U32();
                for (var i = 0u; i < count; i++)
                {
                    ValTypeReader.ValueType(r, m);
                }

                return;
            case >= Opcode.I32Load and <= Opcode.I64Store32:
                MemArg(r, m);
                return;
            case Opcode.MemorySize or Opcode.MemoryGrow:
                MemoryIndex(r, m);
                return;
            case Opcode.I32Const:
                r.S32();
                return;
            case Opcode.I64Const:
                r.S64();
                return;
            case Opcode.F32Const:
                r.Fixed32();
                return;
            case Opcode.F64Const:
                r.Fixed64();
                return;
            case Opcode.RefNull:
                ValTypeReader.HeapType(r, m, nullable: true);
                return;
            case Opcode.PrefixFC:
                Prefixed(r, m);
                return;
            case Opcode.PrefixSimd:
                Simd(r, m);
                return;
            case Opcode.PrefixGc when m.Wasm3:
                Gc(r, m);
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
            case <= PrefixedOpcode.I64TruncSatF64U:
                return;
            case PrefixedOpcode.MemoryInit:
                RequireDataCount(m);
                r.U32();
                MemoryIndex(r, m);
                return;
            case PrefixedOpcode.DataDrop:
                RequireDataCount(m);
                r.U32();
                return;
            case PrefixedOpcode.MemoryCopy:
                MemoryIndex(r, m);
                MemoryIndex(r, m);
                return;
            case PrefixedOpcode.MemoryFill:
                MemoryIndex(r, m);
                return;
            case PrefixedOpcode.TableInit or PrefixedOpcode.TableCopy:
                r.U32();
                r.U32();
                return;
            case PrefixedOpcode.ElemDrop or PrefixedOpcode.TableGrow or PrefixedOpcode.TableSize or PrefixedOpcode.TableFill:
                r.U32();
                return;
            default:
                throw Fail.Malformed($"illegal opcode fc {sub}");
        }
    }

    private static void Gc(WasmReader r, WasmModule m)
    {
        var sub = r.U32();
        switch (sub)
        {
            case GcOpcode.ArrayLen or (>= GcOpcode.AnyConvertExtern and <= GcOpcode.I31GetU):
                return;
            case GcOpcode.StructNew or GcOpcode.StructNewDefault or GcOpcode.ArrayNew or GcOpcode.ArrayNewDefault or GcOpcode.ArrayFill:
            case >= GcOpcode.ArrayGet and <= GcOpcode.ArraySet:
                r.U32();
                return;
            case >= GcOpcode.StructGet and <= GcOpcode.StructSet:
            case GcOpcode.ArrayNewFixed or GcOpcode.ArrayNewElem or GcOpcode.ArrayCopy or GcOpcode.ArrayInitElem:
                r.U32();
                r.U32();
                return;
            case GcOpcode.ArrayNewData or GcOpcode.ArrayInitData:
                RequireDataCount(m);
                r.U32();
                r.U32();
                return;
            case >= GcOpcode.RefTest and <= GcOpcode.RefCastNull:
                ValTypeReader.HeapType(r, m, nullable: true);
                return;
            case GcOpcode.BrOnCast or GcOpcode.BrOnCastFail:
                r.Byte();
                r.U32();
                ValTypeReader.HeapType(r, m, nullable: true);
                ValTypeReader.HeapType(r, m, nullable: true);
                return;
            default:
                throw Fail.Malformed($"illegal opcode fb {sub}");
        }
    }

    /// <summary>A memory index immediate: a zero byte in 2.0, a u32 in 3.0 (multi-memory).</summary>
    private static void MemoryIndex(WasmReader r, WasmModule m)
    {
        if (m.Wasm3)
        {
            r.U32();
        }
        else
        {
            ZeroByte(r);
        }
    }

    /// <summary>A memarg: alignment flags (bit 6 announces a memory index in 3.0), [memory], offset (u64 in 3.0: memory64).</summary>
    public static void MemArg(WasmReader r, WasmModule m)
    {
        var flags = r.U32();
        if (m.Wasm3 && flags >= 0x80)
        {
            // Bits 0-5: log2 alignment, bit 6: memory index follows; nothing else is defined.
            throw Fail.Malformed("malformed memop flags");
        }

        if (m.Wasm3 && (flags & MemArgHasMemory) != 0)
        {
            r.U32();
        }

        if (m.Wasm3)
        {
            r.U64();
        }
        else
        {
            r.U32();
        }
    }

    /// <summary>Bit 6 of a memarg's alignment field: a memory index follows (multi-memory).</summary>
    public const uint MemArgHasMemory = 0x40;

    private static void Simd(WasmReader r, WasmModule m)
    {
        m.UsesSimd = true;
        var sub = r.U32();
        var kind = sub is >= RelaxedSimd.First and <= RelaxedSimd.Last && m.Wasm3 ? RelaxedSimd.Map(sub).Kind : SimdOpcodes.Kind(sub);
        switch (kind)
        {
            case SimdKind.Load or SimdKind.Store:
                MemArg(r, m);
                return;
            case SimdKind.LoadLane or SimdKind.StoreLane:
                MemArg(r, m);
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
