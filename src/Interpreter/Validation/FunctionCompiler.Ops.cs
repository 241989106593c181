using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Validation;

internal sealed partial class FunctionCompiler
{
    /// <summary>Type-checks and emits [op, dst, a].</summary>
    private void Unary(ValType a, ValType r, int op)
    {
        Pop(a);
        var sa = _ps;
        EmitDst(op, PushDst(r));
        Emit(sa);
    }

    /// <summary>Type-checks and emits [op, dst, a, b], or [0x200 + op, dst, a, imm] when b is a small constant.</summary>
    private void Binary(ValType a, ValType r, int op)
    {
        Pop(a);
        var sb = _ps;
        Pop(a);
        var sa = _ps;
        if (HasImmediateForm(op) && sb == Canon(_vc + 1) && TakeConst(sb, out var imm))
        {
            EmitDst(0x200 + op, PushDst(r));
            Emit(sa);
            Emit(imm);
            return;
        }

        EmitDst(op, PushDst(r));
        Emit(sa);
        Emit(sb);
    }

    private static bool HasImmediateForm(int op) =>
        op is (>= 0x46 and <= 0x4F) or (>= 0x51 and <= 0x5A) or 0x6A or 0x6B or 0x6C or (>= 0x71 and <= 0x76)
            or 0x7C or 0x7D or 0x7E or (>= 0x83 and <= 0x88);

    /// <summary>The opcode being translated by <see cref="Numeric"/> (read by the two-argument helpers below).</summary>
    private int _op;

    private void Unary(ValType a, ValType r) => Unary(a, r, _op);

    private void Binary(ValType a, ValType r) => Binary(a, r, _op);

    /// <summary>The numeric instructions 0x45..0xC4: their operand and result types by opcode range.</summary>
    private void Numeric(byte op)
    {
        _op = op;
        switch (op)
        {
            case 0x45: Unary(I32, I32); break;
            case <= 0x4F: Binary(I32, I32); break;
            case 0x50: Unary(I64, I32); break;
            case <= 0x5A: Binary(I64, I32); break;
            case <= 0x60: Binary(F32, I32); break;
            case <= 0x66: Binary(F64, I32); break;
            case <= 0x69: Unary(I32, I32); break;
            case <= 0x78: Binary(I32, I32); break;
            case <= 0x7B: Unary(I64, I64); break;
            case <= 0x8A: Binary(I64, I64); break;
            case <= 0x91: Unary(F32, F32); break;
            case <= 0x98: Binary(F32, F32); break;
            case <= 0x9F: Unary(F64, F64); break;
            case <= 0xA6: Binary(F64, F64); break;
            case 0xA7: Unary(I64, I32); break;
            case 0xA8 or 0xA9: Unary(F32, I32); break;
            case 0xAA or 0xAB: Unary(F64, I32); break;
            case 0xAC or 0xAD: Unary(I32, I64); break;
            case 0xAE or 0xAF: Unary(F32, I64); break;
            case 0xB0 or 0xB1: Unary(F64, I64); break;
            case 0xB2 or 0xB3: Unary(I32, F32); break;
            case 0xB4 or 0xB5: Unary(I64, F32); break;
            case 0xB6: Unary(F64, F32); break;
            case 0xB7 or 0xB8: Unary(I32, F64); break;
            case 0xB9 or 0xBA: Unary(I64, F64); break;
            case 0xBB: Unary(F32, F64); break;
            case 0xBC: Unary(F32, I32); break;
            case 0xBD: Unary(F64, I64); break;
            case 0xBE: Unary(I32, F32); break;
            case 0xBF: Unary(I64, F64); break;
            case 0xC0 or 0xC1: Unary(I32, I32); break;
            default: Unary(I64, I64); break;
        }
    }

    /// <summary>Natural alignment (log2) and value type of each load/store opcode 0x28..0x3E.</summary>
    private static readonly (int Log2, ValType Type)[] Access =
    [
        (2, I32), (3, I64), (2, F32), (3, F64),
        (0, I32), (0, I32), (1, I32), (1, I32),
        (0, I64), (0, I64), (1, I64), (1, I64), (2, I64), (2, I64),
        (2, I32), (3, I64), (2, F32), (3, F64),
        (0, I32), (1, I32), (0, I64), (1, I64), (2, I64),
    ];

    private void MemoryAccess(byte op)
    {
        var align = _r.U32();
        var offset = _r.U32();
        RequireMemory();
        var (log2, type) = Access[op - 0x28];
        if (align > log2)
        {
            throw Fail.Invalid("alignment must not be larger than natural");
        }

        if (op <= 0x35)
        {
            Pop(I32);
            var sa = _ps;
            EmitDst(op, PushDst(type));
            Emit(sa);
        }
        else
        {
            Pop(type);
            var sv = _ps;
            Pop(I32);
            Emit(op, _ps);
            Emit(sv);
        }

        Emit((int)offset);
    }

    /// <summary>Bulk instructions work on the materialized operand stack: [op, sp (relative), immediates].</summary>
    private void EmitBulk(int op)
    {
        MaterializeAll();
        Emit(op, Canon(_vc));
        _lastDst = -1;
    }

    private void Prefixed(uint sub)
    {
        switch (sub)
        {
            case 0 or 1: Unary(F32, I32, Op.Prefix + (int)sub); return;
            case 2 or 3: Unary(F64, I32, Op.Prefix + (int)sub); return;
            case 4 or 5: Unary(F32, I64, Op.Prefix + (int)sub); return;
            case 6 or 7: Unary(F64, I64, Op.Prefix + (int)sub); return;
            case 8:
            {
                var seg = DataIndex();
                _r.Byte();
                RequireMemory();
                EmitBulk(Op.MemoryInit);
                Emit(seg);
                Pop(I32);
                Pop(I32);
                Pop(I32);
                return;
            }

            case 9:
                var d = DataIndex();
                EmitBulk(Op.DataDrop);
                Emit(d);
                return;
            case 10 or 11:
                _r.Byte();
                if (sub == 10)
                {
                    _r.Byte();
                }

                RequireMemory();
                EmitBulk(Op.Prefix + (int)sub);
                Pop(I32);
                Pop(I32);
                Pop(I32);
                return;
            case 12:
            {
                var seg = ElemIndex();
                var t = TableIndex();
                if (_m.Elements[seg].Type != _m.Tables[t].Element)
                {
                    throw Fail.Invalid("type mismatch: table.init element type");
                }

                EmitBulk(Op.TableInit);
                Emit(seg);
                Emit(t);
                Pop(I32);
                Pop(I32);
                Pop(I32);
                return;
            }

            case 13:
                var e = ElemIndex();
                EmitBulk(Op.ElemDrop);
                Emit(e);
                return;
            case 14:
            {
                var dst = TableIndex();
                var src = TableIndex();
                if (_m.Tables[dst].Element != _m.Tables[src].Element)
                {
                    throw Fail.Invalid("type mismatch: table.copy element types differ");
                }

                EmitBulk(Op.TableCopy);
                Emit(dst);
                Emit(src);
                Pop(I32);
                Pop(I32);
                Pop(I32);
                return;
            }

            case 15:
            {
                var t = TableIndex();
                EmitBulk(Op.TableGrow);
                Emit(t);
                Pop(I32);
                Pop(_m.Tables[t].Element);
                Push(I32);
                return;
            }

            case 16:
            {
                var t = TableIndex();
                EmitBulk(Op.TableSize);
                Emit(t);
                Push(I32);
                return;
            }

            case 17:
            {
                var t = TableIndex();
                EmitBulk(Op.TableFill);
                Emit(t);
                Pop(I32);
                Pop(_m.Tables[t].Element);
                Pop(I32);
                return;
            }

            default:
                throw Fail.Malformed($"illegal opcode fc {sub}");
        }
    }

    private int DataIndex()
    {
        var i = _r.U32();
        return i < (_m.DataCount ?? 0) ? (int)i : throw Fail.Invalid("unknown data segment");
    }

    private int ElemIndex()
    {
        var i = _r.U32();
        return i < _m.Elements.Count ? (int)i : throw Fail.Invalid("unknown elem segment");
    }
}
