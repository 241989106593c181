using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Binary;

/// <summary>Decodes the binary format of a WebAssembly 2.0 module (no validation).</summary>
internal static class Decoder
{
    /// <summary>More locals per function are reported as unsupported (bounds decoder memory on hostile input).</summary>
    private const int MaxLocals = 50_000;

    public static WasmModule Decode(byte[] bytes, WasmFeatures features = WasmFeatures.Wasm3)
    {
        var r = new WasmReader(bytes);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0x61 || bytes[2] != 0x73 || bytes[3] != 0x6D)
        {
            throw Fail.Malformed("magic header not detected");
        }

        if (bytes.Length < 8 || BitConverter.ToUInt32(bytes, 4) != 1)
        {
            throw Fail.Malformed("unknown binary version");
        }

        r.Pos = 8;
        var m = new WasmModule(bytes) { Features = features };
        var lastOrder = 0;
        uint? functionCount = null;
        while (!r.AtEnd)
        {
            var id = r.Byte();
            var size = r.U32();
            if (size > (uint)(r.End - r.Pos))
            {
                throw Fail.Malformed("section size mismatch: unexpected end");
            }

            var sectionEnd = r.Pos + (int)size;
            var s = new WasmReader(bytes, r.Pos, sectionEnd);
            if (id != 0)
            {
                var order = Order(id);
                if (order <= lastOrder)
                {
                    throw Fail.Malformed("unexpected content after last section");
                }

                lastOrder = order;
            }

            switch (id)
            {
                case 0:
                    var name = s.Name();
                    m.CustomSections.Add((name, s.Pos, sectionEnd - s.Pos));
                    s.Pos = sectionEnd;
                    break;
                case 1:
                    Vec(s, () => RecGroupEntry(s, m));
                    break;
                case 2:
                    Vec(s, () => ImportEntry(s, m));
                    break;
                case 3:
                    functionCount = Vec(s, () => m.FuncTypeIndices.Add(s.U32()));
                    break;
                case 4:
                    Vec(s, () => TableEntry(s, m));
                    break;
                case 5:
                    Vec(s, () => m.Memories.Add(new MemoryType(LimitsEntry(s, m, allow64: true))));
                    break;
                case 6:
                    Vec(s, () =>
                    {
                        var gt = GlobalTypeEntry(s, m);
                        m.GlobalTypes.Add(gt);
                        m.Globals.Add(new GlobalDef(gt, Expr(s, m)));
                    });
                    break;
                case 7:
                    Vec(s, () =>
                    {
                        var exportName = s.Name();
                        var kind = s.Byte();
                        if (kind > (m.Wasm3 ? 4 : 3))
                        {
                            throw Fail.Malformed("malformed export kind");
                        }

                        m.Exports.Add(new Export(exportName, (ExternKind)kind, s.U32()));
                    });
                    break;
                case 8:
                    m.Start = s.U32();
                    break;
                case 9:
                    Vec(s, () => m.Elements.Add(ElementEntry(s, m)));
                    break;
                case 10:
                    var bodies = Vec(s, () => m.Bodies.Add(BodyEntry(s, m)));
                    if (bodies != (functionCount ?? 0))
                    {
                        throw Fail.Malformed("function and code section have inconsistent lengths");
                    }

                    break;
                case 11:
                    var dataCount = Vec(s, () => m.Data.Add(DataEntry(s, m)));
                    if (m.DataCount is { } dc && dc != dataCount)
                    {
                        throw Fail.Malformed("data count and data section have inconsistent lengths");
                    }

                    break;
                case 12:
                    m.DataCount = s.U32();
                    break;
                case 13 when m.Wasm3:
                    Vec(s, () => m.TagTypeIndices.Add(TagTypeEntry(s)));
                    break;
                default:
                    throw Fail.Malformed("malformed section id");
            }

            if (s.Pos != sectionEnd)
            {
                throw Fail.Malformed("section size mismatch");
            }

            r.Pos = sectionEnd;
        }

        if (functionCount is > 0 && m.Bodies.Count == 0)
        {
            throw Fail.Malformed("function and code section have inconsistent lengths");
        }

        // The spec makes memory.init / data.drop without a data count section malformed. wat2wasm
        // (unlike the reference encoder) omits the section when the module has no data segments, so
        // then we treat the count as 0 and let validation report "unknown data segment", as the
        // testsuite expects for those text modules.
        if (m.UsesDataIndex && m.DataCount is null && m.Data.Count > 0)
        {
            throw Fail.Malformed("data count section required");
        }

        if (m.DataCount is > 0 && m.Data.Count == 0)
        {
            throw Fail.Malformed("data count and data section have inconsistent lengths");
        }

        m.Compiled = new Runtime.CompiledFunction?[m.Bodies.Count];
        return m;
    }

    // The tag section (13, 3.0) comes between the memory and global sections.
    private static int Order(byte id) => id switch
    {
        >= 1 and <= 5 => id,
        13 => 6,
        >= 6 and <= 9 => id + 1,
        12 => 11,
        10 => 12,
        11 => 13,
        _ => throw Fail.Malformed("malformed section id"),
    };

    private static uint Vec(WasmReader s, Action item)
    {
        var n = s.U32();
        for (var i = 0u; i < n; i++)
        {
            item();
        }

        return n;
    }

    private const byte RecPrefix = 0x4E, SubPrefix = 0x50, SubFinalPrefix = 0x4F, FuncPrefix = 0x60, StructPrefix = 0x5F, ArrayPrefix = 0x5E;

    /// <summary>A type section entry: one type, or (3.0) <c>rec</c> with a vector of sub types.</summary>
    private static void RecGroupEntry(WasmReader s, WasmModule m)
    {
        var start = m.Defs.Count;
        if (m.Wasm3 && s.Peek() == RecPrefix)
        {
            s.Pos++;
            Vec(s, () => SubTypeEntry(s, m));
        }
        else
        {
            SubTypeEntry(s, m);
        }

        for (var i = start; i < m.Defs.Count; i++)
        {
            m.Defs[i].GroupStart = start;
            m.Defs[i].GroupSize = m.Defs.Count - start;
        }
    }

    private static void SubTypeEntry(WasmReader s, WasmModule m)
    {
        var final = true;
        var super = -1;
        var b = s.Peek();
        if (m.Wasm3 && b is SubPrefix or SubFinalPrefix)
        {
            s.Pos++;
            final = b == SubFinalPrefix;
            var n = s.U32();
            if (n > 1)
            {
                throw Fail.Invalid("multiple supertypes");
            }

            if (n == 1)
            {
                super = (int)Math.Min(s.U32(), int.MaxValue);
            }
        }

        var kind = s.Byte();
        SubType d = kind switch
        {
            FuncPrefix => new SubType(CompositeKind.Func, FuncTypeEntry(s, m), [], final, super),
            StructPrefix when m.Wasm3 => new SubType(CompositeKind.Struct, null, [.. Enumerable.Range(0, (int)Math.Min(s.U32(), 1_000_000)).Select(_ => FieldEntry(s, m))], final, super),
            ArrayPrefix when m.Wasm3 => new SubType(CompositeKind.Array, null, [FieldEntry(s, m)], final, super),
            _ => throw Fail.Malformed("integer representation too long: malformed function type"),
        };
        m.Defs.Add(d);
        m.Types.Add(d.Func);
    }

    private static FieldType FieldEntry(WasmReader s, WasmModule m)
    {
        var b = s.Byte();
        var field = b switch
        {
            0x78 => new FieldType(ValType.I32, 8, false),
            0x77 => new FieldType(ValType.I32, 16, false),
            _ => new FieldType(ValTypeReader.ValueType(s, m, b), 0, false),
        };
        var mut = s.Byte();
        return mut <= 1 ? field with { Mutable = mut == 1 } : throw Fail.Malformed("malformed mutability");
    }

    private static FuncType FuncTypeEntry(WasmReader s, WasmModule m)
    {

        var ps = new ValType[s.U32()];
        for (var i = 0; i < ps.Length; i++)
        {
            ps[i] = ValTypeReader.ValueType(s, m);
        }

        var rs = new ValType[s.U32()];
        for (var i = 0; i < rs.Length; i++)
        {
            rs[i] = ValTypeReader.ValueType(s, m);
        }

        return new FuncType(ps, rs);
    }

    /// <summary>Limits; flags 4 and 5 (i64 index, 3.0: memory64 and table64) where <paramref name="allow64"/>.</summary>
    private static Limits LimitsEntry(WasmReader s, WasmModule m, bool allow64)
    {
        var flag = s.Byte();
        return flag switch
        {
            // 3.0 reads every limit as a u64; validation bounds the 32-bit ones.
            0 => new Limits(m.Wasm3 ? s.U64() : s.U32(), null),
            1 => new Limits(m.Wasm3 ? s.U64() : s.U32(), m.Wasm3 ? s.U64() : s.U32()),
            4 when m.Wasm3 && allow64 => new Limits(s.U64(), null, Is64: true),
            5 when m.Wasm3 && allow64 => new Limits(s.U64(), s.U64(), Is64: true),
            _ => throw Fail.Malformed("integer too large: malformed limits flags"),
        };
    }

    private static TableType TableTypeEntry(WasmReader s, WasmModule m)
    {
        var t = ValTypeReader.RefType(s, m);
        return new TableType(t, LimitsEntry(s, m, allow64: true));
    }

    /// <summary>A table of the table section; 3.0's <c>0x40 0x00 tabletype expr</c> gives it an initializer.</summary>
    private static void TableEntry(WasmReader s, WasmModule m)
    {
        if (m.Wasm3 && s.Peek() == 0x40)
        {
            s.Pos++;
            if (s.Byte() != 0)
            {
                throw Fail.Malformed("malformed table");
            }

            m.Tables.Add(TableTypeEntry(s, m));
            m.TableInits[m.Tables.Count - 1] = Expr(s, m);
            return;
        }

        m.Tables.Add(TableTypeEntry(s, m));
    }

    /// <summary>A tag type: the exception attribute 0 and a function type index.</summary>
    private static uint TagTypeEntry(WasmReader s) =>
        s.Byte() == 0 ? s.U32() : throw Fail.Malformed("malformed tag attribute");

    private static GlobalType GlobalTypeEntry(WasmReader s, WasmModule m)
    {
        var t = ValTypeReader.ValueType(s, m);
        var mut = s.Byte();
        if (mut > 1)
        {
            throw Fail.Malformed("malformed mutability");
        }

        return new GlobalType(t, mut == 1);
    }

    private static void ImportEntry(WasmReader s, WasmModule m)
    {
        var module = s.Name();
        var name = s.Name();
        var kind = s.Byte();
        switch (kind)
        {
            case 0:
                var ti = s.U32();
                m.FuncTypeIndices.Add(ti);
                m.ImportedFuncs++;
                m.Imports.Add(new Import(module, name, ExternKind.Func, ti, null, null, null));
                break;
            case 1:
                var tt = TableTypeEntry(s, m);
                m.Tables.Add(tt);
                m.ImportedTables++;
                m.Imports.Add(new Import(module, name, ExternKind.Table, 0, tt, null, null));
                break;
            case 2:
                var mt = new MemoryType(LimitsEntry(s, m, allow64: true));
                m.Memories.Add(mt);
                m.ImportedMemories++;
                m.Imports.Add(new Import(module, name, ExternKind.Memory, 0, null, mt, null));
                break;
            case 3:
                var gt = GlobalTypeEntry(s, m);
                m.GlobalTypes.Add(gt);
                m.ImportedGlobals++;
                m.Imports.Add(new Import(module, name, ExternKind.Global, 0, null, null, gt));
                break;
            case 4 when m.Wasm3:
                var tag = TagTypeEntry(s);
                m.TagTypeIndices.Add(tag);
                m.ImportedTags++;
                m.Imports.Add(new Import(module, name, ExternKind.Tag, tag, null, null, null));
                break;
            default:
                throw Fail.Malformed("malformed import kind");
        }
    }

    private static ConstExpr Expr(WasmReader s, WasmModule m)
    {
        // Only the code section needs the data count section for its data indices; a constant
        // expression that names one (array.new_data) is invalid, not malformed.
        var usesDataIndex = m.UsesDataIndex;
        var start = s.Pos;
        var end = CodeSyntax.SkipExpression(s, m);
        m.UsesDataIndex = usesDataIndex;
        return new ConstExpr(start, end);
    }

    private static ElementSegment ElementEntry(WasmReader s, WasmModule m)
    {
        var flags = s.U32();
        if (flags > 7)
        {
            throw Fail.Malformed("malformed elements segment kind");
        }

        var mode = (flags & 1) == 0 ? SegmentMode.Active : (flags & 2) == 0 ? SegmentMode.Passive : SegmentMode.Declarative;
        var table = 0u;
        var offset = default(ConstExpr);
        if (mode == SegmentMode.Active)
        {
            if ((flags & 2) != 0)
            {
                table = s.U32();
            }

            offset = Expr(s, m);
        }

        var usesExprs = (flags & 4) != 0;
        // 3.0: a segment of function indices has type (ref func), one of expressions funcref.
        var type = m.Wasm3 && !usesExprs ? ValTypes.Ref(ValTypes.Func, nullable: false) : ValType.FuncRef;
        if ((flags & 3) != 0)
        {
            if (usesExprs)
            {
                type = ValTypeReader.RefType(s, m);
            }
            else if (s.Byte() != 0)
            {
                throw Fail.Malformed("malformed element kind");
            }
        }

        var n = s.U32();
        if (usesExprs)
        {
            var exprs = new List<ConstExpr>();
            for (var i = 0u; i < n; i++)
            {
                exprs.Add(Expr(s, m));
            }

            return new ElementSegment(mode, table, offset, type, null, [.. exprs]);
        }

        var funcs = new List<uint>();
        for (var i = 0u; i < n; i++)
        {
            funcs.Add(s.U32());
        }

        return new ElementSegment(mode, table, offset, type, [.. funcs], null);
    }

    private static DataSegment DataEntry(WasmReader s, WasmModule m)
    {
        var flags = s.U32();
        var memory = 0u;
        var offset = default(ConstExpr);
        var mode = SegmentMode.Active;
        switch (flags)
        {
            case 0:
                offset = Expr(s, m);
                break;
            case 1:
                mode = SegmentMode.Passive;
                break;
            case 2:
                memory = s.U32();
                offset = Expr(s, m);
                break;
            default:
                throw Fail.Malformed("malformed data segment kind");
        }

        var len = s.U32();
        var start = s.Pos;
        s.Take(len);
        return new DataSegment(mode, memory, offset, start, (int)len);
    }

    private static FunctionBody BodyEntry(WasmReader s, WasmModule m)
    {
        var size = s.U32();
        if (size > (uint)(s.End - s.Pos))
        {
            throw Fail.Malformed("unexpected end of section or function");
        }

        var end = s.Pos + (int)size;
        var b = new WasmReader(s.Bytes, s.Pos, end);
        var groups = b.U32();
        ulong total = 0;
        var runs = new List<(uint Count, ValType Type)>();
        for (var i = 0u; i < groups; i++)
        {
            var count = b.U32();
            var t = ValTypeReader.ValueType(b, m);
            total += count;
            if (total > uint.MaxValue)
            {
                throw Fail.Malformed("too many locals");
            }

            runs.Add((count, t));
        }

        if (total > MaxLocals)
        {
            throw Fail.Unsupported("more locals than this interpreter supports");
        }

        var locals = new List<ValType>((int)total);
        foreach (var (count, t) in runs)
        {
            for (var j = 0u; j < count; j++)
            {
                locals.Add(t);
            }
        }

        var codeStart = b.Pos;
        var endOp = CodeSyntax.SkipExpression(b, m, out var legacyCatches);
        if (b.Pos != end)
        {
            throw Fail.Malformed("section size mismatch: END opcode expected");
        }

        s.Pos = end;
        return new FunctionBody([.. locals], codeStart, endOp + 1, legacyCatches);
    }
}
