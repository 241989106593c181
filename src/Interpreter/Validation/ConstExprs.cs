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
                case 0x0B:
                    if (types.Count != 1 || types[0] != expected)
                    {
                        throw Fail.Invalid("type mismatch in constant expression");
                    }

                    return;
                case 0x41: r.S32(); types.Add(ValType.I32); break;
                case 0x42: r.S64(); types.Add(ValType.I64); break;
                case 0x43: r.Fixed32(); types.Add(ValType.F32); break;
                case 0x44: r.Fixed64(); types.Add(ValType.F64); break;
                case 0xFD when r.U32() == 0x0C: r.Fixed64(); r.Fixed64(); types.Add(ValType.V128); break;
                case 0xD0: types.Add(Decoder.CheckValType(r.Byte())); break;
                case 0xD2:
                    if (r.U32() >= m.FuncTypeIndices.Count)
                    {
                        throw Fail.Invalid("unknown function");
                    }

                    types.Add(ValType.FuncRef);
                    break;
                case 0x23:
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
                case 0x41: r.S32(); break;
                case 0x42: r.S64(); break;
                case 0x43: r.Fixed32(); break;
                case 0x44: r.Fixed64(); break;
                case 0xFD: r.U32(); r.Fixed64(); r.Fixed64(); break;
                case 0xD0: r.Byte(); break;
                case 0xD2: refs.Add(r.U32()); break;
                case 0x23: r.U32(); break;
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
                case 0x41: v = (uint)r.S32(); break;
                case 0x42: v = (ulong)r.S64(); break;
                case 0x43: v = r.Fixed32(); break;
                case 0x44: v = r.Fixed64(); break;
                case 0xFD: r.U32(); v = r.Fixed64(); hi = r.Fixed64(); break;
                case 0xD0: r.Byte(); v = 0; break;
                case 0xD2: v = inst.Funcs[r.U32()].RefValue; break;
                case 0x23:
                    var g = inst.Globals[r.U32()];
                    (v, hi) = (g.Value, g.Hi);
                    break;
                default: throw new InvalidOperationException("unvalidated constant expression");
            }
        }

        return v;
    }
}
