using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

/// <summary>Constant expressions (2.0): constants, ref.null, ref.func, global.get of an imported immutable global.</summary>
internal static class ConstExprs
{
    public static void Validate(WasmModule m, ConstExpr e, ValType expected)
    {
        var r = new WasmReader(m.Bytes, e.Start, e.End + 1);
        var types = new List<ValType>();
        while (true)
        {
            var op = r.Byte();
            switch (op)
            {
                case Opcode.End:
                    if (types.Count != 1 || types[0] != expected)
                    {
                        throw Fail.Invalid("type mismatch in constant expression");
                    }

                    return;
                case Opcode.I32Const: r.S32(); types.Add(ValType.I32); break;
                case Opcode.I64Const: r.S64(); types.Add(ValType.I64); break;
                case Opcode.F32Const: r.Fixed32(); types.Add(ValType.F32); break;
                case Opcode.F64Const: r.Fixed64(); types.Add(ValType.F64); break;
                case Opcode.PrefixSimd when r.U32() == SimdOpcodes.V128Const: r.Fixed64(); r.Fixed64(); types.Add(ValType.V128); break;
                case Opcode.RefNull: types.Add(Decoder.CheckValType(r.Byte())); break;
                case Opcode.RefFunc:
                    if (r.U32() >= m.FuncTypeIndices.Count)
                    {
                        throw Fail.Invalid("unknown function");
                    }

                    types.Add(ValType.FuncRef);
                    break;
                case Opcode.GlobalGet:
                    var g = r.U32();
                    if (g >= m.ImportedGlobals)
                    {
                        throw Fail.Invalid("unknown global");
                    }

                    if (m.GlobalTypes[(int)g].Mutable)
                    {
                        throw Fail.Invalid("constant expression required");
                    }

                    types.Add(m.GlobalTypes[(int)g].Type);
                    break;
                default:
                    throw Fail.Invalid("constant expression required");
            }
        }
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
                case Opcode.RefNull: r.Byte(); break;
                case Opcode.RefFunc: refs.Add(r.U32()); break;
                case Opcode.GlobalGet: r.U32(); break;
                default: return;
            }
        }
    }

    public static ulong Evaluate(ModuleInstance inst, ConstExpr e) => Evaluate(inst, e, out _);

    /// <summary>Evaluates <paramref name="e"/>; <paramref name="hi"/> is the high half of a v128 result.</summary>
    public static ulong Evaluate(ModuleInstance inst, ConstExpr e, out ulong hi)
    {
        var r = new WasmReader(inst.Module.Bytes, e.Start, e.End);
        ulong v = 0;
        hi = 0;
        while (!r.AtEnd)
        {
            switch (r.Byte())
            {
                case Opcode.I32Const: v = (uint)r.S32(); break;
                case Opcode.I64Const: v = (ulong)r.S64(); break;
                case Opcode.F32Const: v = r.Fixed32(); break;
                case Opcode.F64Const: v = r.Fixed64(); break;
                case Opcode.PrefixSimd: r.U32(); v = r.Fixed64(); hi = r.Fixed64(); break;
                case Opcode.RefNull: r.Byte(); v = 0; break;
                case Opcode.RefFunc: v = inst.Funcs[r.U32()].RefValue; break;
                case Opcode.GlobalGet:
                    var g = inst.Globals[r.U32()];
                    (v, hi) = (g.Value, g.Hi);
                    break;
                default: throw new InvalidOperationException("unvalidated constant expression");
            }
        }

        return v;
    }
}
