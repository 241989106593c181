using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Constant expressions: constants, <c>ref.null</c>, <c>ref.func</c>, <c>global.get</c> of an
/// immutable global, and (3.0, extended constant expressions) i32/i64 add, sub and mul. In 2.0
/// <c>global.get</c> may only read imported globals; in 3.0 any global defined before (a global
/// initializer) or any global at all (segment offsets and elements).
/// </summary>
internal static class ConstExprs
{
    /// <summary>Validates <paramref name="e"/>; <paramref name="visibleGlobals"/> is the number of globals it may read in 3.0.</summary>
    public static void Validate(WasmModule m, ConstExpr e, ValType expected, int visibleGlobals)
    {
        var r = new WasmReader(m.Bytes, e.Start, e.End + 1);
        var types = new List<ValType>();
        while (true)
        {
            var op = r.Byte();
            switch (op)
            {
                case Opcode.End:
                    if (types.Count != 1 || !Subtyping.Matches(m, types[0], expected))
                    {
                        throw Fail.Invalid("type mismatch in constant expression");
                    }

                    return;
                case Opcode.I32Const: r.S32(); types.Add(ValType.I32); break;
                case Opcode.I64Const: r.S64(); types.Add(ValType.I64); break;
                case Opcode.F32Const: r.Fixed32(); types.Add(ValType.F32); break;
                case Opcode.F64Const: r.Fixed64(); types.Add(ValType.F64); break;
                case Opcode.PrefixSimd when r.U32() == SimdOpcodes.V128Const: r.Fixed64(); r.Fixed64(); types.Add(ValType.V128); break;
                case Opcode.RefNull: types.Add(Subtyping.Check(m, ValTypeReader.HeapType(r, m, nullable: true))); break;
                case Opcode.RefFunc:
                    var fi = r.U32();
                    if (fi >= m.FuncTypeIndices.Count)
                    {
                        throw Fail.Invalid("unknown function");
                    }

                    types.Add(m.Wasm3 ? ValTypes.RefTo(m.FuncTypeIndices[(int)fi], nullable: false) : ValType.FuncRef);
                    break;
                case Opcode.GlobalGet:
                    var g = r.U32();
                    if (g >= (m.Wasm3 ? visibleGlobals : m.ImportedGlobals))
                    {
                        throw Fail.Invalid("unknown global");
                    }

                    if (m.GlobalTypes[(int)g].Mutable)
                    {
                        throw Fail.Invalid("constant expression required");
                    }

                    types.Add(m.GlobalTypes[(int)g].Type);
                    break;
                case Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul when m.Wasm3:
                    Arithmetic(types, ValType.I32);
                    break;
                case Opcode.I64Add or Opcode.I64Sub or Opcode.I64Mul when m.Wasm3:
                    Arithmetic(types, ValType.I64);
                    break;
                case Opcode.PrefixGc when m.Wasm3:
                    GcOperator(m, r, types);
                    break;
                default:
                    throw Fail.Invalid("constant expression required");
            }
        }
    }

    /// <summary>The constant GC instructions: struct.new(_default), array.new(_default, _fixed), ref.i31 and the extern/any conversions.</summary>
    private static void GcOperator(WasmModule m, WasmReader r, List<ValType> types)
    {
        var sub = r.U32();
        switch (sub)
        {
            case GcOpcode.StructNew or GcOpcode.StructNewDefault or GcOpcode.ArrayNew or GcOpcode.ArrayNewDefault or GcOpcode.ArrayNewFixed:
            {
                var x = r.U32();
                var kind = sub <= GcOpcode.StructNewDefault ? CompositeKind.Struct : CompositeKind.Array;
                if (x >= m.Defs.Count || m.Defs[(int)x].Kind != kind)
                {
                    throw Fail.Invalid(x >= m.Defs.Count ? "unknown type" : "type mismatch in constant expression");
                }

                var fields = m.Defs[(int)x].Fields;
                ValType[] operands = sub switch
                {
                    GcOpcode.StructNew => [.. fields.Select(f => f.Unpacked)],
                    GcOpcode.ArrayNew => [fields[0].Unpacked, ValType.I32],
                    GcOpcode.ArrayNewDefault => [ValType.I32],
                    GcOpcode.ArrayNewFixed => [.. Enumerable.Repeat(fields[0].Unpacked, (int)Math.Min(r.U32(), 10_000u))],
                    _ => [],
                };
                if (sub is GcOpcode.StructNewDefault or GcOpcode.ArrayNewDefault && fields.Any(f => !f.Type.Defaultable()))
                {
                    throw Fail.Invalid("type mismatch: field type is not defaultable");
                }

                PopAll(m, types, operands);
                types.Add(ValTypes.RefTo(x, nullable: false));
                return;
            }

            case GcOpcode.RefI31:
                PopAll(m, types, [ValType.I32]);
                types.Add(ValTypes.Ref(ValTypes.I31, nullable: false));
                return;
            case GcOpcode.AnyConvertExtern or GcOpcode.ExternConvertAny:
            {
                var from = sub == GcOpcode.AnyConvertExtern ? ValTypes.Extern : ValTypes.Any;
                var t = types.Count > 0 ? types[^1] : ValType.Unknown;
                PopAll(m, types, [ValTypes.Ref(from, nullable: true)]);
                types.Add(ValTypes.Ref(sub == GcOpcode.AnyConvertExtern ? ValTypes.Any : ValTypes.Extern, t.Nullable()));
                return;
            }

            default:
                throw Fail.Invalid("constant expression required");
        }
    }

    private static void PopAll(WasmModule m, List<ValType> types, ValType[] expected)
    {
        if (types.Count < expected.Length)
        {
            throw Fail.Invalid("type mismatch in constant expression");
        }

        var at = types.Count - expected.Length;
        for (var i = 0; i < expected.Length; i++)
        {
            if (!Subtyping.Matches(m, types[at + i], expected[i]))
            {
                throw Fail.Invalid("type mismatch in constant expression");
            }
        }

        types.RemoveRange(at, expected.Length);
    }

    private static void Arithmetic(List<ValType> types, ValType t)
    {
        if (types.Count < 2 || types[^1] != t || types[^2] != t)
        {
            throw Fail.Invalid("type mismatch in constant expression");
        }

        types.RemoveAt(types.Count - 1);
    }

    /// <summary>Function indices named by ref.func in an expression (for C.refs).</summary>
    public static void CollectRefs(WasmModule m, ConstExpr e, HashSet<uint> refs)
    {
        var r = new WasmReader(m.Bytes, e.Start, e.End);
        while (!r.AtEnd)
        {
            switch (r.Byte())
            {
                case Opcode.I32Const: r.S32(); break;
                case Opcode.I64Const: r.S64(); break;
                case Opcode.F32Const: r.Fixed32(); break;
                case Opcode.F64Const: r.Fixed64(); break;
                case Opcode.PrefixSimd: r.U32(); r.Fixed64(); r.Fixed64(); break;
                case Opcode.RefNull: r.SignedLeb(33); break;
                case Opcode.RefFunc: refs.Add(r.U32()); break;
                case Opcode.GlobalGet: r.U32(); break;
                case Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul or Opcode.I64Add or Opcode.I64Sub or Opcode.I64Mul: break;
                case Opcode.PrefixGc:
                    var sub = r.U32();
                    if (sub <= GcOpcode.ArrayNewDefault)
                    {
                        r.U32();
                    }
                    else if (sub == GcOpcode.ArrayNewFixed)
                    {
                        r.U32();
                        r.U32();
                    }

                    break;
                default: return;
            }
        }
    }

    public static ulong Evaluate(ModuleInstance inst, ConstExpr e) => Evaluate(inst, e, out _);

    /// <summary>Evaluates <paramref name="e"/>; <paramref name="hi"/> is the high half of a v128 result.</summary>
    public static ulong Evaluate(ModuleInstance inst, ConstExpr e, out ulong hi)
    {
        var r = new WasmReader(inst.Module.Bytes, e.Start, e.End);
        Span<ulong> stack = stackalloc ulong[16];
        var values = new ValueStack(stack);
        hi = 0;
        while (!r.AtEnd)
        {
            switch (r.Byte())
            {
                case Opcode.I32Const: values.Push((uint)r.S32()); break;
                case Opcode.I64Const: values.Push((ulong)r.S64()); break;
                case Opcode.F32Const: values.Push(r.Fixed32()); break;
                case Opcode.F64Const: values.Push(r.Fixed64()); break;
                case Opcode.PrefixSimd: r.U32(); values.Push(r.Fixed64()); hi = r.Fixed64(); break;
                case Opcode.RefNull: r.SignedLeb(33); values.Push(0); break;
                case Opcode.RefFunc: values.Push(inst.Funcs[r.U32()].RefValue); break;
                case Opcode.GlobalGet:
                    var g = inst.Globals[r.U32()];
                    values.Push(g.Value);
                    hi = g.Hi;
                    break;
                case Opcode.I32Add: values.Push((uint)(values.Pop() + values.Pop())); break;
                case Opcode.I32Sub: { var b = values.Pop(); values.Push((uint)(values.Pop() - b)); break; }
                case Opcode.I32Mul: values.Push((uint)(values.Pop() * values.Pop())); break;
                case Opcode.I64Add: values.Push(values.Pop() + values.Pop()); break;
                case Opcode.I64Sub: { var b = values.Pop(); values.Push(values.Pop() - b); break; }
                case Opcode.I64Mul: values.Push(values.Pop() * values.Pop()); break;
                case Opcode.PrefixGc: EvaluateGc(inst, r, ref values); break;
                default: throw new InvalidOperationException("unvalidated constant expression");
            }
        }

        return values.Pop();
    }

    private static void EvaluateGc(ModuleInstance inst, WasmReader r, ref ValueStack values)
    {
        var sub = r.U32();
        switch (sub)
        {
            case GcOpcode.RefI31: values.Push(GcRef.I31((uint)values.Pop())); return;
            case GcOpcode.AnyConvertExtern or GcOpcode.ExternConvertAny: return;
        }

        var t = inst.Module.Canon((int)r.U32());
        var count = sub switch
        {
            GcOpcode.StructNew => t.Fields.Length,
            GcOpcode.ArrayNew => 2,
            GcOpcode.ArrayNewDefault => 1,
            GcOpcode.ArrayNewFixed => (int)r.U32(),
            _ => 0,
        };
        var operands = new ulong[count];
        for (var i = count - 1; i >= 0; i--)
        {
            operands[i] = values.Pop();
        }

        var length = sub switch
        {
            GcOpcode.ArrayNew => (uint)operands[1],
            GcOpcode.ArrayNewDefault => (uint)operands[0],
            GcOpcode.ArrayNewFixed => (uint)count,
            _ => 0u,
        };
        var isArray = sub >= GcOpcode.ArrayNew;
        var slots = inst.Store.Vm.Reserve(inst, isArray ? (long)length * t.Slots : t.Slots, 0, charge: false);
        for (var i = 0; i < (isArray ? (int)length : t.Fields.Length); i++)
        {
            var v = sub switch
            {
                GcOpcode.StructNew or GcOpcode.ArrayNewFixed => operands[i],
                GcOpcode.ArrayNew => operands[0],
                _ => 0UL,
            };
            var ft = t.Fields[isArray ? 0 : i];
            slots[isArray ? i * t.Slots : t.SlotOf[i]] = ft.Packed == 8 ? v & 0xFF : ft.Packed == 16 ? v & 0xFFFF : v;
        }

        values.Push(inst.Store.Heap.Add(new GcObject(t, slots, isArray ? (int)length : 0)));
    }

    /// <summary>The operand stack of an evaluation; grows onto the heap past its initial span.</summary>
    private ref struct ValueStack(Span<ulong> initial)
    {
        private Span<ulong> _items = initial;
        private int _count;

        public void Push(ulong v)
        {
            if (_count == _items.Length)
            {
                var bigger = new ulong[_items.Length * 2];
                _items.CopyTo(bigger);
                _items = bigger;
            }

            _items[_count++] = v;
        }

        public ulong Pop() => _items[--_count];
    }
}
